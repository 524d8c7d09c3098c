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
    """No script, nothing fetched; every link is an anchor of the page itself."""
    assert not re.search(r"(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", page)
    tags = tags_of(page)
    anchors = {attrs["id"] for _, attrs in tags if attrs.get("id")}
    for tag, attrs in tags:
        assert tag not in {"script", "link", "iframe", "object", "embed"}, tag
        source = attrs.get("src")
        if source is not None:
            assert source.startswith("data:image/png;base64,"), source
        target = attrs.get("href")
        if target is not None:
            assert target.startswith("#") and target[1:] in anchors, target


def links_of(html_text: str) -> list[str]:
    """Study ids linked in a piece of the page, in order."""
    return re.findall(r'<a href="#study-[^"]*">([^<]*)</a>', html_text)


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
    for heading in ("Corpus", "Evidence map", "Mechanisms", "EV-reporting score"):
        assert f"<h2>{heading}</h2>" in page
    assert '<h2 id="sheet">Extraction sheet</h2>' in page
    assert '<div class="card"><b><a href="#sheet">4</a></b>studies</div>' in page
    assert '<summary>1</summary><a href="#study-A4">A4</a>' in page
    assert "Gaps (3 combinations with no study" in page
    assert (
        "better / worse: results" in page
        and '1 review left out (<a href="#study-A4">A4</a>)' in page
    )
    assert "Contradictions (1)" in page
    assert "MSC|adipose -[up]-&gt; RUNX2" in page
    assert '[<a href="#study-A1">A1</a>] They increased RUNX2 expression in BMSCs.' in page
    images = [a for t, a in tags_of(page) if t == "img"]
    assert len(images) == 1
    assert_self_contained(page)


def test_seed_report(seed_studies: list[Study], tmp_path: Path) -> None:
    page = write_report(seed_studies, tmp_path / "seed.html").read_text(encoding="utf-8")
    assert '<div class="card"><b><a href="#sheet">21</a></b>studies</div>' in page
    for study in seed_studies:
        assert f'<tr id="study-{study.id}"><td><b>{study.id}</b></td>' in page
    assert_self_contained(page)


def test_empty_and_bare_corpora_render() -> None:
    empty = render_report([])
    assert '<div class="card"><b><a href="#sheet">0</a></b>studies</div>' in empty
    assert "No two-step path in this corpus." in empty
    bare = render_report([make_study("B1", year=None)])
    assert '<tr id="study-B1"><td><b>B1</b></td>' in bare
    assert_self_contained(empty)
    assert_self_contained(bare)


def test_counts_open_to_the_studies_they_count() -> None:
    page = render_report(corpus())
    # the map cell MSC|adipose x osteoporosis counts A1 and A2: its number opens to them
    assert '<summary>2</summary><a href="#study-A1">A1</a>, <a href="#study-A2">A2</a>' in page
    # year 2015 in the corpus summary: the same two studies
    year_row = re.search(r"<tr><td>2015</td><td>(.*?)</td></tr>", page)
    assert year_row is not None and links_of(year_row.group(1)) == ["A1", "A2"]
    # gaps: MSC|bone_marrow has one (non-review) study, A3
    gap_row = re.search(r"<tr><td>MSC\|bone_marrow</td><td>osteoporosis</td><td>(.*?)</tr>", page)
    assert gap_row is not None and links_of(gap_row.group(1))[0] == "A3"
    assert "evidence_sentences" not in page


def test_extraction_sheet_has_the_fields_a_meta_analyst_copies() -> None:
    study = make_study(
        "M1",
        abstract="Rat exosomes (100 ug) were injected intra-articularly in a hydrogel.",
        species=["rat"],
        animal_models=["rat|MIA_OA"],
        doses=["100 ug"],
        delivery_routes=["intra_articular"],
        biomaterials=["hydrogel"],
        conditions=["osteoarthritis"],
    )
    page = render_report([study])
    head = re.search(r'<h2 id="sheet">.*?<thead><tr>(.*?)</tr>', page, re.S)
    assert head is not None
    headers = re.findall(r"<th>(.*?)</th>", head.group(1))
    for name in ("species", "model", "dose", "route", "scaffold", "condition", "outcomes"):
        assert name in headers
    row = re.search(r'<tr id="study-M1">(.*?)</tr>', page, re.S)
    assert row is not None
    cells = re.findall(r"<td>(.*?)</td>", row.group(1), re.S)
    by_header = dict(zip(headers, cells, strict=False))
    assert (by_header["species"], by_header["model"], by_header["dose"]) == (
        "rat",
        "rat|MIA_OA",
        "100 ug",
    )
    assert (by_header["route"], by_header["scaffold"]) == ("intra_articular", "hydrogel")


def test_odd_study_ids_get_working_anchors() -> None:
    page = render_report([make_study("id with space/&", conditions=["x"], ev_sources=["MSC||"])])
    assert_self_contained(page)
    assert 'id="study-id~20with~20space~2f~26"' in page
