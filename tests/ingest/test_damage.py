"""Damaged exports: one broken record costs only itself, is reported once with its line, and
no damaged record holds more than EXOBONE_MAX_RECORD_BYTES in memory."""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest
from fixtures import REFS, csl_json, medline, read_split, ris

from exobone.errors import RecordProblem
from exobone.ingest import common, read_records
from exobone.model import Record
from exobone.text.clean import clean_title

ALL_TITLES = [clean_title(ref.title) for ref in REFS]
BUT_SECOND = ALL_TITLES[:1] + ALL_TITLES[2:]


def read(path: Path, data: str, fmt: str) -> tuple[list[Record], list[RecordProblem]]:
    path.write_text(data, encoding="utf-8")
    return read_split(path, fmt)


def line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def second_item(text: str) -> tuple[int, int]:
    """Offsets of the second CSL-JSON item's "{" and of its closing "}"."""
    start = text.index("  {", text.index("  }"))
    return start, text.index("\n  }", start) + 3


def with_many_authors(text: str, start: int, count: int) -> tuple[str, str]:
    """`text` up to and with `count` more author lines in the item at `start`, and the rest."""
    authors = text.index('"author": [', start) + len('"author": [')
    return text[:authors] + '\n      {"family": "Chen", "given": "X."},' * count, text[authors:]


# ---------------------------------------------------------------- CSL-JSON


@pytest.mark.parametrize("damage", ["brace deleted", "closing line deleted",
                                    "inner brace deleted"])
def test_csl_json_item_missing_its_closing_brace_costs_only_itself(
        tmp_path: Path, damage: str) -> None:
    text = csl_json()
    start, close = second_item(text)
    if damage == "brace deleted":
        broken = text[:close] + text[close + 1:]
    elif damage == "closing line deleted":
        broken = text[:close - 2] + text[text.index("\n", close):]
    else:  # the "issued" object loses its "}": the item's own "}" then closes only that
        inner = text.index("]]}", start) + 2
        broken = text[:inner] + text[inner + 1:]
    records, problems = read(tmp_path / "refs.json", broken, "csl_json")
    assert [r.title for r in records] == BUT_SECOND
    (problem,) = problems
    assert (problem.position, problem.kept) == (2, False)
    assert line_of(text, start) <= problem.line <= line_of(text, close)
    assert "malformed CSL-JSON item" in problem.message
    assert f"record 2, line {problem.line}" in str(problem)
    assert [r.position for r in records] == [1, 3, 4, 5]


@pytest.mark.parametrize("stray", ["    {\n", '    "note": {"a": 1,\n', '{"id": "x",\n'])
def test_csl_json_stray_open_brace_inside_an_item_costs_only_that_item(
        tmp_path: Path, stray: str) -> None:
    text = csl_json()
    start, close = second_item(text)
    at = text.index("\n", text.index('"title"', start)) + 1
    records, problems = read(tmp_path / "refs.json", text[:at] + stray + text[at:], "csl_json")
    assert [r.title for r in records] == BUT_SECOND
    assert [r.position for r in records] == [1, 3, 4, 5]
    (problem,) = problems
    assert (problem.position, problem.kept) == (2, False)
    assert "malformed CSL-JSON item" in problem.message
    assert line_of(text, start) <= problem.line <= line_of(text, close) + 1


def test_csl_json_item_over_the_record_limit_is_reported_once_and_skipped(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXOBONE_MAX_RECORD_BYTES", "5000")
    text = csl_json()
    start, _ = second_item(text)
    head, tail = with_many_authors(text, start, 300)
    records, problems = read(tmp_path / "refs.json", head + tail, "csl_json")
    assert [r.title for r in records] == BUT_SECOND
    (problem,) = problems
    assert (problem.position, problem.line, problem.kept) == (2, line_of(text, start), False)
    assert "larger than 5,000 bytes (EXOBONE_MAX_RECORD_BYTES)" in problem.message


def test_csl_json_unclosed_item_holds_no_more_than_the_record_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXOBONE_MAX_RECORD_BYTES", "20000")
    text = csl_json()
    start, _ = second_item(text)
    head, _ = with_many_authors(text, start, 40_000)  # 1.6 MB, never closed
    path = tmp_path / "refs.json"
    path.write_text(head, encoding="utf-8")
    tracemalloc.start()
    items = list(read_records(path, "csl_json"))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [i.title for i in items if isinstance(i, Record)] == ALL_TITLES[:1]
    (problem,) = [i for i in items if isinstance(i, RecordProblem)]
    assert (problem.position, problem.line) == (2, line_of(text, start))
    assert peak < 1_000_000


# ---------------------------------------------------------------- record size


@pytest.mark.parametrize("fmt", ["ris", "medline", "csl_json"])
def test_record_with_a_line_over_the_limit_is_reported_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    monkeypatch.setenv("EXOBONE_MAX_RECORD_BYTES", "100000")
    build = {"ris": ris, "medline": medline, "csl_json": csl_json}[fmt]
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


# ---------------------------------------------------------------- encoding sniff


def sniffed_bytes(path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, int]:
    """sniff_encoding's answer on `path` and how many bytes it read (the real reads, counted)."""
    read_bytes = common.ByteBlocks.read
    counted = [0]

    def counting(blocks: common.ByteBlocks) -> bytes:
        block = read_bytes(blocks)
        counted[0] += len(block)
        return block

    monkeypatch.setattr(common.ByteBlocks, "read", counting)
    encoding = common.sniff_encoding(path)
    monkeypatch.undo()
    return encoding, counted[0]


def test_sniffing_a_utf8_file_reads_only_a_prefix(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    data = ris(REFS * 500).encode("utf-8")  # "Müller" in its first record
    path = tmp_path / "big.ris"
    path.write_bytes(data)
    encoding, read_bytes = sniffed_bytes(path, monkeypatch)
    assert len(data) > 600_000 and encoding == "utf-8"
    assert read_bytes < 200_000


def test_a_late_cp1252_line_in_a_utf8_file_is_still_read_and_reported(tmp_path: Path) -> None:
    text = ris(REFS * 500)
    at = text.rindex("Pull-out")  # in the last record but one, 600 KB into the file
    data = text[:at].encode("utf-8") + "µ".encode("cp1252") + text[at:].encode("utf-8")
    records, problems = read_bytes_as(tmp_path / "late.ris", data, "ris")
    assert len(records) == len(REFS) * 500 and "µPull-out" in records[-2].abstract_raw
    (problem,) = problems
    assert problem.kept and "not valid UTF-8" in problem.message
    assert (problem.position, problem.line) == (len(records) - 1, line_of(text, at))


def test_an_ascii_file_with_late_cp1252_is_cp1252_without_warnings(tmp_path: Path) -> None:
    text = ris(REFS * 500)
    at = text.rindex("Pull-out")
    data = (text[:at].encode("ascii", "replace") + "µ".encode("cp1252")
            + text[at:].encode("ascii", "replace"))
    records, problems = read_bytes_as(tmp_path / "legacy.ris", data, "ris")
    assert not problems and "µPull-out" in records[-2].abstract_raw


def read_bytes_as(path: Path, data: bytes, fmt: str) -> tuple[list[Record], list[RecordProblem]]:
    path.write_bytes(data)
    return read_split(path, fmt)
