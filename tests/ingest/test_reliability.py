"""Issue 14: crashes, silent loss and unbounded work in the readers, each on a small
generated input. Every good record must still come back, and every lost one be reported."""

from __future__ import annotations

import gzip
import time
import tracemalloc
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from fixtures import (
    REFS,
    bibtex,
    csl_json,
    csv,
    endnote_text,
    endnote_xml,
    medline,
    pubmed_text,
    pubmed_xml,
    ris,
    split,
    wos,
)

from exobone.api import ingest_file
from exobone.errors import IngestError
from exobone.ingest import detect_format, read_records
from exobone.model import Record
from exobone.store import Store
from exobone.text.clean import clean_title


def titles(records: list[Record]) -> list[str]:
    return [record.title for record in records]


ALL_TITLES = [clean_title(ref.title) for ref in REFS]


def write(path: Path, data: str | bytes) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# ---------------------------------------------------------------- crashes


def test_xml_comments_inside_read_elements_are_ignored(tmp_path: Path) -> None:
    text = pubmed_xml().replace("<AuthorList>", "<AuthorList><!-- exported -->", 1)
    text = text.replace("promote fracture", "promote <!-- x --> fracture", 1)
    text = text.replace("<Abstract><AbstractText>", "<Abstract><?pi x?><AbstractText>", 1)
    records, problems = split(list(read_records(write(tmp_path / "c.xml", text))))
    assert not problems
    first = records[0]
    assert first.title == "Exosomes from bone marrow stromal cells promote fracture healing in rats"
    assert first.authors == ["Zhang, Y.", "Müller, K."]
    assert "exported" not in first.title + first.abstract and len(records) == len(REFS)


@pytest.mark.parametrize(("fmt", "build"), [("ris", ris), ("medline", medline)])
def test_nul_byte_after_64kb_is_removed_and_reported(tmp_path: Path, fmt: str, build) -> None:
    many = REFS * 60  # > 64 KB, so the NUL is past the sniffed head
    text = build(many)
    assert len(text) > 65536
    at = text.index("Rabbits received", 60000)
    path = write(tmp_path / f"nul.{fmt}", text[:at] + "Rab\x00" + text[at + 3:])
    records, problems = split(list(read_records(path)))
    assert len(records) == len(many)
    assert not any("\x00" in r.raw + r.title + r.abstract for r in records)
    (problem,) = problems
    assert "NUL" in problem.message and problem.position > 100 and problem.kept
    assert "Rabbits received" in records[problem.position - 1].abstract


def test_unknown_declared_encoding_reads_as_utf8_and_says_so(tmp_path: Path) -> None:
    path = write(tmp_path / "u3.xml", pubmed_xml().replace('encoding="UTF-8"', 'encoding="UTF-3"'))
    records, problems = split(list(read_records(path)))
    assert titles(records) == ALL_TITLES
    (problem,) = problems
    assert "UTF-3" in problem.message and str(path) in str(problem) and problem.kept


@pytest.mark.parametrize(("fmt", "build"), [("ris", ris), ("medline", medline),
                                            ("pubmed_xml", pubmed_xml),
                                            ("endnote_xml", endnote_xml)])
def test_truncated_gzip_keeps_records_before_the_break(tmp_path: Path, fmt: str, build) -> None:
    data = build(REFS * 40).encode()
    packed = gzip.compress(data)
    path = write(tmp_path / f"cut.{fmt}.gz", packed[:-30])
    records, problems = split(list(read_records(path, fmt)))
    assert 150 < len(records) < len(REFS) * 40
    assert "gzip" in problems[-1].message and problems[-1].position == len(records) + 1
    assert str(path) in str(problems[-1])


@pytest.mark.parametrize("fmt", ["ris", "medline", "pubmed_xml", "endnote_xml"])
def test_bad_gzip_header_is_an_ingest_error_naming_the_file(tmp_path: Path, fmt: str) -> None:
    path = write(tmp_path / f"bad.{fmt}.gz", b"\x1f\x8b\x08\x00" + bytes(range(200)))
    with pytest.raises(IngestError, match=r"bad\..*\.gz: corrupt gzip"):
        list(read_records(path, fmt))
    with pytest.raises(IngestError, match=r"bad\..*\.gz: corrupt gzip"):
        detect_format(path)


def test_directory_and_bom_only_file_are_errors(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="is a directory"):
        list(read_records(tmp_path))
    with pytest.raises(IngestError, match="is a directory"):
        list(read_records(tmp_path, "ris"))
    bom = write(tmp_path / "bom.ris", b"\xef\xbb\xbf")
    with pytest.raises(IngestError, match="bom.ris: empty file"):
        list(read_records(bom))
    with pytest.raises(IngestError, match="bom.ris: empty file"):
        list(read_records(bom, "ris"))


# ---------------------------------------------------------------- silent loss


def test_one_bad_utf8_byte_costs_nothing_and_is_reported(tmp_path: Path) -> None:
    data = medline().encode()
    at = data.index(b"Pull-out strength")  # record 4; the file also holds é and ü
    path = write(tmp_path / "bad.nbib", data[:at] + b"\xb5" + data[at:])
    records, problems = split(list(read_records(path)))
    assert titles(records) == ALL_TITLES
    assert records[0].authors == ["Zhang, Y.", "Müller, K."]  # not mojibake
    assert records[4].authors[1].startswith("Dubois É")
    (problem,) = problems
    assert problem.position == 4 and "UTF-8" in problem.message and problem.kept
    assert data[:at].count(b"\n") + 1 == problem.line
    assert "µPull-out strength" in records[3].abstract_raw


def test_damaged_end_tag_does_not_swallow_the_next_article(tmp_path: Path) -> None:
    text = pubmed_xml()
    second = text.index("</PubmedArticle>", text.index("31000002"))
    path = write(tmp_path / "d.xml", text[:second] + "</PubmedArticlX>"
                 + text[second + len("</PubmedArticle>"):])
    records, problems = split(list(read_records(path)))
    assert titles(records) == ALL_TITLES[:1] + ALL_TITLES[2:]
    (problem,) = problems
    assert problem.position == 2 and "no end tag" in problem.message


def test_missing_blank_line_between_medline_records(tmp_path: Path) -> None:
    text = medline().replace("\n\nPMID- 31000003", "\nPMID- 31000003")
    records, problems = split(list(read_records(write(tmp_path / "m.nbib", text))))
    assert not problems
    assert titles(records) == ALL_TITLES
    assert [r.pmid for r in records] == [ref.pmid for ref in REFS]


@pytest.mark.parametrize("broken", [0, 2])
def test_malformed_endnote_xml_record_costs_only_itself(tmp_path: Path, broken: int) -> None:
    text = endnote_xml()
    title = REFS[broken].title
    path = write(tmp_path / "e.xml", text.replace(f"<title><style>{title}</style></title>",
                                                   f"<title><style>{title}</stle></title>"))
    records, problems = split(list(read_records(path)))
    assert titles(records) == [t for i, t in enumerate(ALL_TITLES) if i != broken]
    (problem,) = problems
    assert problem.position == broken + 1 and "malformed" in problem.message


@pytest.mark.parametrize(("fmt", "build"), [("ris", ris), ("medline", medline),
                                            ("bibtex", bibtex), ("endnote_text", endnote_text)])
@pytest.mark.parametrize("stray", ["TY  - JOUR", "PMID- 123", "@article{x,", "\x00"])
def test_one_stray_line_or_nul_does_not_change_the_format(
        tmp_path: Path, fmt: str, build, stray: str) -> None:
    lines = build(REFS[:1]).split("\n")
    lines.insert(3, stray)
    path = write(tmp_path / "one.txt", "\n".join(lines))
    assert detect_format(path) == fmt


def test_nul_in_head_reads_every_other_record(tmp_path: Path) -> None:
    text = ris().replace("Callus", "Cal\x00lus")
    records, problems = split(list(read_records(write(tmp_path / "n.txt", text))))
    assert titles(records) == ALL_TITLES and len(problems) == 1


def test_utf16_pubmed_xml_is_read(tmp_path: Path) -> None:
    text = pubmed_xml().replace('encoding="UTF-8"', 'encoding="UTF-16"')
    for name, data in (("bom.xml", text.encode("utf-16")), ("le.xml", text.encode("utf-16-le"))):
        path = write(tmp_path / name, data)
        assert detect_format(path) == "pubmed_xml"
        records, problems = split(list(read_records(path)))
        assert titles(records) == ALL_TITLES and not problems
        assert records[1].authors == ["García, M."]


@pytest.mark.parametrize(("fmt", "build"), [("medline", medline), ("endnote_text", endnote_text)])
def test_cr_only_line_endings(tmp_path: Path, fmt: str, build) -> None:
    # PubMed's .nbib exports start with a blank line, as do many EndNote text exports.
    path = write(tmp_path / "mac.txt", ("\n" + build()).replace("\n", "\r"))
    assert detect_format(path) == fmt
    records, problems = split(list(read_records(path)))
    assert titles(records) == ALL_TITLES and not problems


def test_long_prologue_before_the_pubmed_root(tmp_path: Path) -> None:
    prologue = "<!-- " + "padding " * 20000 + "-->\n"  # 160 KB
    path = write(tmp_path / "long.xml", pubmed_xml(prologue=prologue))
    assert detect_format(path) == "pubmed_xml"
    assert titles(split(list(read_records(path)))[0]) == ALL_TITLES


# ---------------------------------------------------------------- unbounded work


def test_pubmed_article_over_the_limit_is_skipped(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXOBONE_MAX_RECORD_BYTES", "100000")  # articles up to 800 KB
    text = pubmed_xml().replace("Callus volume", "Callus" + " " * 20_000_000 + "volume", 1)
    path = write(tmp_path / "big.xml.gz", gzip.compress(text.encode(), 1))
    tracemalloc.start()
    records, problems = split(list(read_records(path)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert titles(records) == ALL_TITLES[1:]
    (problem,) = problems
    assert problem.position == 1 and "larger than 800,000 bytes" in problem.message
    assert peak < 30_000_000  # two 4 MiB blocks and their copies, not 20 MB per copy


def test_gzip_bomb_stops_at_the_ratio_limit(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXOBONE_GZIP_RATIO_AFTER", "1000000")
    text = pubmed_xml().replace("Pull-out", "Pull-out" + " " * 50_000_000, 1)
    path = write(tmp_path / "bomb.xml.gz", gzip.compress(text.encode(), 9))
    tracemalloc.start()
    records, problems = split(list(read_records(path)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 30_000_000  # stopped at the limit, never holding the 50 MB it inflates to
    assert titles(records) == ALL_TITLES[:3]
    assert "gzip bomb" in problems[-1].message and problems[-1].position == 4


def test_ris_line_without_end_is_bounded_and_later_files_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXOBONE_MAX_RECORD_BYTES", "100000")
    text = ris(REFS[:2]) + "TY  - JOUR\nTI  - " + "x" * 8_000_000
    path = write(tmp_path / "bomb.ris", text)
    tracemalloc.start()
    records, problems = split(list(read_records(path)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert titles(records) == ALL_TITLES[:2]
    assert any("longer than 100,000 bytes" in p.message and p.position == 3 and not p.kept
               for p in problems)
    assert peak < 5_000_000


def test_oversized_medline_record_is_reported(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXOBONE_MAX_RECORD_BYTES", "10000")
    text = medline().replace("AB  - Synovial", "AB  - Synovial\n" + "      more text\n" * 2000)
    records, problems = split(list(read_records(write(tmp_path / "big.nbib", text))))
    assert titles(records) == [t for i, t in enumerate(ALL_TITLES) if i != 1]
    (problem,) = problems
    assert problem.position == 2 and "larger than 10,000 bytes" in problem.message


def assert_linear(work: Callable[[int], object], n: int) -> None:
    """Eight times the input may take at most ~3 times eight times as long: linear work
    passes on a loaded machine, where a fixed limit in seconds fails; quadratic work (64x)
    does not. Each size's best of three runs, so a busy moment does not decide."""
    def best(size: int) -> float:
        times = []
        for _ in range(3):
            started = time.process_time()
            work(size)
            times.append(time.process_time() - started)
        return max(min(times), 1e-3)

    small, large = best(n), best(8 * n)
    assert large < 24 * small, (small, large)


def test_medline_continuation_lines_are_linear(tmp_path: Path) -> None:
    def read(lines: int) -> None:
        text = medline(REFS[:1]).replace("      Callus", "      word\n" * lines + "      Callus")
        path = write(tmp_path / f"long{lines}.nbib", text)
        (record,) = list(read_records(path))
        assert isinstance(record, Record) and record.abstract.count("word") == lines

    assert_linear(read, 10_000)


def test_detection_is_linear_in_blank_lines(tmp_path: Path) -> None:
    def detect(lines: int) -> None:
        path = write(tmp_path / f"blank{lines}.txt", "\n" * lines + endnote_text(REFS[:1]))
        assert detect_format(path) == "endnote_text"

    assert_linear(detect, 16_000)


def test_content_after_more_than_64kb_of_blank_lines_is_found(tmp_path: Path) -> None:
    path = write(tmp_path / "blank.txt", "\n" * 200_000 + ris())
    assert detect_format(path) == "ris"
    assert titles(split(list(read_records(path)))[0]) == ALL_TITLES


def test_nul_bytes_never_reach_either_database(tmp_path: Path, store_url: str) -> None:
    text = ris().replace("Callus volume", "Callus\x00 volume").replace("Zhang", "Zh\x00ang")
    path = write(tmp_path / "nul.ris", text)
    with Store.open(store_url) as store:
        summary = ingest_file(store, path)
        assert summary.new == len(REFS)
        first = store.records()[0].record
    assert first.authors[0] == "Zhang, Y." and "Callus volume" in first.abstract


def test_gzip_cut_before_a_lookahead_reader_yields_is_a_break_not_a_lost_file(
        tmp_path: Path) -> None:
    """EndNote text knows a record has ended only at the next citation; a cut there used to
    raise before any record came out, and the whole file was skipped."""
    data = endnote_text().encode()
    packed = gzip.compress(data)
    second = data.index(b"Garc")  # inside the second citation
    cut = next(n for n in range(10, len(packed))
               if len(zlib.decompressobj(wbits=31).decompress(packed[:n])) > second)
    path = write(tmp_path / "cut.txt.gz", packed[:cut])
    records, problems = split(list(read_records(path, "endnote_text")))
    assert len(records) <= 1
    assert "breaks off" in problems[-1].message and "gzip" in problems[-1].message


def test_csl_json_with_a_stray_line_is_still_csl_json(tmp_path: Path) -> None:
    lines = (Path(__file__).parent / "data" / "exports" / "zotero_csl.json").read_text(
        encoding="utf-8").split("\n")
    lines.insert(2, "@article{x,")
    assert detect_format(write(tmp_path / "refs.json", "\n".join(lines))) == "csl_json"
    assert detect_format(write(tmp_path / "refs.txt", "\n".join(lines))) == "csl_json"


LINE_READERS = {
    "csv": (csv, "rec.csv"), "bibtex": (bibtex, "rec.bib"),
    "endnote_text": (endnote_text, "rec.txt"), "pubmed_text": (pubmed_text, "rec.txt"),
    "wos": (wos, "rec.txt"), "csl_json": (csl_json, "rec.json"),
}  # fmt: skip


@pytest.mark.parametrize("fmt", sorted(LINE_READERS))
def test_bad_utf8_byte_and_nul_in_a_line_are_kept_warnings(tmp_path: Path, fmt: str) -> None:
    build, name = LINE_READERS[fmt]
    data = build().encode()
    bad_at = data.index(b"Callus volume")  # record 1, inside its abstract
    nul_at = data.index(b"Pull-out strength")  # record 4
    path = write(tmp_path / name, data[:bad_at] + b"\xb5" + data[bad_at:nul_at] + b"\x00"
                 + data[nul_at:])
    records, problems = split(list(read_records(path, fmt)))
    assert titles(records) == ALL_TITLES
    assert "µCallus volume" in records[0].abstract_raw
    assert "Pull-out strength" in records[3].abstract_raw
    bad, nul = problems
    assert (bad.position, bad.line, bad.kept) == (1, data[:bad_at].count(b"\n") + 1, True)
    assert "not valid UTF-8" in bad.message and str(path) in str(bad)
    assert (nul.position, nul.line, nul.kept) == (4, data[:nul_at].count(b"\n") + 1, True)
    assert "NUL" in nul.message and f"record 4, line {nul.line}" in str(nul)


@pytest.mark.parametrize("where", ["before the array", "between items"])
def test_csl_json_stray_open_brace_costs_only_its_line(tmp_path: Path, where: str) -> None:
    text = csl_json()
    at = 0 if where == "before the array" else text.index("  {", text.index("Osteoclast"))
    path = write(tmp_path / "stray.json", text[:at] + "@article{x,\n" + text[at:])
    records, problems = split(list(read_records(path, "csl_json")))
    assert titles(records) == ALL_TITLES
    (problem,) = problems
    assert "malformed CSL-JSON item" in problem.message and not problem.kept
    assert problem.line == text[:at].count("\n") + 1


@pytest.mark.parametrize("fmt", sorted(LINE_READERS))
def test_line_over_the_limit_skips_only_its_record(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    monkeypatch.setenv("EXOBONE_MAX_RECORD_BYTES", "100000")
    build, name = LINE_READERS[fmt]
    text = build().replace("Pull-out", "Pull-out " + "x" * 150_000)  # record 4
    records, problems = split(list(read_records(write(tmp_path / name, text), fmt)))
    assert titles(records) == ALL_TITLES[:3] + ALL_TITLES[4:]
    cut = problems[0]
    assert "longer than 100,000 bytes" in cut.message and not cut.kept
    assert (cut.position, cut.line) == (4, text[:text.index("Pull-out")].count("\n") + 1)
