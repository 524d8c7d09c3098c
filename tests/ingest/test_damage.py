"""Damaged exports: one broken record costs only itself, is reported once with its line, and
no damaged record holds more than EXOBONE_MAX_RECORD_BYTES in memory."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures import REFS, medline, ris

from exobone.errors import RecordProblem
from exobone.ingest import read_records
from exobone.model import Record
from exobone.text.clean import clean_title

ALL_TITLES = [clean_title(ref.title) for ref in REFS]
BUT_SECOND = ALL_TITLES[:1] + ALL_TITLES[2:]


def read(path: Path, data: str, fmt: str) -> tuple[list[Record], list[RecordProblem]]:
    path.write_text(data, encoding="utf-8")
    items = list(read_records(path, fmt))
    return ([i for i in items if isinstance(i, Record)],
            [i for i in items if isinstance(i, RecordProblem)])


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


# ---------------------------------------------------------------- record size


@pytest.mark.parametrize("fmt", ["ris", "medline"])
def test_record_with_a_line_over_the_limit_is_reported_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    monkeypatch.setenv("EXOBONE_MAX_RECORD_BYTES", "100000")
    build = {"ris": ris, "medline": medline}[fmt]
    text = build().replace("Synovial", "Synovial " + "x" * 150_000, 1)  # record 2
    records, problems = read(tmp_path / f"refs.{fmt}", text, fmt)
    assert [r.title for r in records] == BUT_SECOND
    (problem,) = problems
    assert problem.position == 2 and not problem.kept
    assert problem.line == line_of(text, text.index("Synovial"))
    assert "longer than 100,000 bytes (EXOBONE_MAX_RECORD_BYTES)" in problem.message


@pytest.mark.parametrize("fmt", ["ris", "medline"])
def test_record_over_the_limit_in_short_lines_is_reported_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    monkeypatch.setenv("EXOBONE_MAX_RECORD_BYTES", "10000")
    more = {"ris": "KW  - synovium\n", "medline": "      more text\n"}[fmt]
    text = {"ris": ris, "medline": medline}[fmt]()
    at = text.index("\n", text.index("Synovial")) + 1
    records, problems = read(tmp_path / f"refs.{fmt}", text[:at] + more * 2000 + text[at:], fmt)
    assert [r.title for r in records] == BUT_SECOND
    (problem,) = problems
    assert problem.position == 2 and not problem.kept
    assert "record larger than 10,000 bytes (EXOBONE_MAX_RECORD_BYTES)" in problem.message
