"""The HTML report: self-contained, every data text escaped, all sections present."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from analysis_fixtures import corpus, make_study

from exobone.analysis.report import render_report, write_report
from exobone.model import Study


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def tags_of(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def assert_self_contained(page: str) -> None:
    assert not re.search(r"(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", page)
    for tag, attrs in tags_of(page):
        assert tag not in {"script", "link", "iframe", "object", "embed"}, tag
        for name in ("src", "href"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith("data:image/png;base64,"), value


def test_script_title_is_escaped(tmp_path: Path) -> None:
    evil = make_study(
        "X<1>",
        title="<script>alert(1)</script>",
        abstract='Exosomes "quoted" <img src=x onerror=alert(2)> were given.',
        ev_sources=["<script>alert(3)</script>||"],
        conditions=["osteoporosis"],
        outcomes=["<b>bold</b>|increase"],
    )
    page = write_report([evil, *corpus()], tmp_path / "r.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(3)&lt;/script&gt;" in page
    assert "X&lt;1&gt;" in page
    assert "<script" not in page.lower()
    assert "<b>bold</b>" not in page
    assert_self_contained(page)


def test_report_sections_and_numbers() -> None:
    page = render_report(corpus(), title="Test & report")
    assert "<title>Test &amp; report</title>" in page
    for heading in ("Corpus", "Evidence map", "Mechanisms", "EV-reporting score", "Studies"):
        assert f"<h2>{heading}</h2>" in page
    assert '<div class="card"><b>4</b>studies</div>' in page
    assert '<div class="card"><b>1</b>reviews</div>' in page
    assert "Gaps (3 combinations with no study" in page
    assert "better / worse: results" in page and "1 review left out (A4)" in page
    assert "Contradictions (1)" in page
    assert "MSC|adipose -[up]-&gt; RUNX2" in page
    assert "[A1] They increased RUNX2 expression in BMSCs." in page
    images = [a for t, a in tags_of(page) if t == "img"]
    assert len(images) == 1
    assert_self_contained(page)


def test_seed_report(seed_studies: list[Study], tmp_path: Path) -> None:
    page = write_report(seed_studies, tmp_path / "seed.html").read_text(encoding="utf-8")
    assert '<div class="card"><b>21</b>studies</div>' in page
    assert '<div class="card"><b>2</b>reviews</div>' in page
    for study in seed_studies:
        assert f"<td>{study.id}</td>" in page
    assert_self_contained(page)


def test_empty_and_bare_corpora_render() -> None:
    empty = render_report([])
    assert '<div class="card"><b>0</b>studies</div>' in empty
    assert "No two-step path in this corpus." in empty
    bare = render_report([make_study("B1", year=None)])
    assert "<td>B1</td>" in bare
    assert_self_contained(empty)
    assert_self_contained(bare)
