"""Bad input: a clear error naming the file (and line), and every good record still read."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from fixtures import split

from exobone.errors import IngestError
from exobone.ingest import detect_format, read_records
from exobone.model import Record

DATA = Path(__file__).parent / "data"

RIS_MISSING_ER = """\
TY  - JOUR
TI  - First good record
PY  - 2020
ER  -

TY  - JOUR
TI  - Record whose ER line is missing
PY  - 2021

TY  - JOUR
TI  - Third good record
PY  - 2022
ER  -
"""

BIBTEX_BROKEN = """@article{good1,
  title = {First {Good} Entry},
  author = {M{\\"u}ller, Jan and Smith, A B},
  year = 2020,
}

@article{broken,
  title = {Never closed,
  year = 2021

@article{good2, title = "Second good entry", year = {2022}}
"""


def test_truncated_pubmed_xml_yields_complete_articles_then_problem(tmp_path: Path) -> None:
    text = (DATA / "pubmed_small.xml").read_text()
    cut = text.index("<PubmedArticle>", text.index("</PubmedBookArticle>"))
    path = tmp_path / "cut.xml"
    path.write_text(text[: cut + 120])
    records, problems = split(list(read_records(path)))
    assert [r.pmid for r in records] == ["30000001", "30000002"]
    (problem,) = problems
    assert problem.line > 0 and problem.position == 3
    assert str(path) in str(problem) and f"line {problem.line}" in str(problem)


def test_truncated_gzip_keeps_what_was_read(tmp_path: Path) -> None:
    body = (DATA / "pubmed_small.xml").read_bytes().replace(b"</PubmedArticleSet>", b"")
    body = body + b"<!-- padding -->\n" * 4000 + b"</PubmedArticleSet>\n"
    packed = gzip.compress(body)
    path = tmp_path / "cut.xml.gz"
    path.write_bytes(packed[: int(len(packed) * 0.8)])
    records, problems = split(list(read_records(path)))
    assert len(records) == 2 and len(problems) >= 1
    assert "gzip" in problems[-1].message and problems[-1].position == 3


def test_corrupt_gzip_is_an_ingest_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00garbage that is not deflate data at all" * 3)
    with pytest.raises(IngestError, match="bad.xml.gz.*gzip"):
        list(read_records(path, "pubmed_xml"))
    with pytest.raises(IngestError, match="bad.xml.gz"):
        detect_format(path)


def test_malformed_article_is_a_problem_and_the_rest_is_read(tmp_path: Path) -> None:
    text = (DATA / "pubmed_small.xml").read_text()
    broken = text.replace("<Volume>12</Volume>", "<Volume>12</Volme>", 1)
    path = tmp_path / "x.xml"
    path.write_text(broken)
    records, problems = split(list(read_records(path)))
    assert [r.pmid for r in records] == ["30000002"]
    assert [(p.position, p.line) for p in problems] == [(1, 10), (3, 52)]
    assert "malformed PubmedArticle" in problems[0].message


def test_not_pubmed_xml_is_an_ingest_error(tmp_path: Path) -> None:
    path = tmp_path / "x.xml"
    path.write_text("<html><body>no articles</body></html>")
    with pytest.raises(IngestError, match=r"x\.xml, line 1: not PubMed XML"):
        list(read_records(path, "pubmed_xml"))


def test_ris_record_without_er(tmp_path: Path) -> None:
    path = tmp_path / "refs.ris"
    path.write_text(RIS_MISSING_ER)
    records, problems = split(list(read_records(path)))
    assert [r.title for r in records] == ["First good record", "Third good record"]
    assert [r.position for r in records] == [1, 3]
    (problem,) = problems
    assert (problem.position, problem.line) == (2, 6) and "ER" in problem.message


def test_ris_file_ending_inside_a_record(tmp_path: Path) -> None:
    path = tmp_path / "refs.ris"
    path.write_text(RIS_MISSING_ER.rsplit("ER  -", 1)[0])
    records, problems = split(list(read_records(path)))
    assert [r.title for r in records] == ["First good record"]
    assert [(p.position, p.line) for p in problems] == [(2, 6), (3, 10)]


def test_bibtex_entry_with_broken_braces(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text(BIBTEX_BROKEN)
    records, problems = split(list(read_records(path)))
    assert [r.title for r in records] == ["First Good Entry", "Second good entry"]
    assert records[0].authors == ["Müller, Jan", "Smith, A. B."]
    (problem,) = problems
    assert problem.line == 7 and "not closed" in problem.message


def test_latin1_file_is_decoded_by_fallback(tmp_path: Path) -> None:
    path = tmp_path / "latin.ris"
    path.write_bytes("TY  - JOUR\nTI  - Effet des exosomes sur l'ostéogenèse\nAU  - Müller, J.\n"
                     "ER  - \n".encode("latin-1"))
    (record,) = read_records(path)
    assert isinstance(record, Record)
    assert record.title == "Effet des exosomes sur l'ostéogenèse"
    assert record.authors == ["Müller, J."]


def test_utf8_bom_and_utf16(tmp_path: Path) -> None:
    text = "TY  - JOUR\r\nTI  - Exosomes and bone\r\nER  - \r\n"
    for encoding in ("utf-8-sig", "utf-16"):
        path = tmp_path / f"refs-{encoding}.ris"
        path.write_bytes(text.encode(encoding))
        assert detect_format(path) == "ris"
        (record,) = read_records(path)
        assert isinstance(record, Record) and record.title == "Exosomes and bone"


def test_binary_file_is_an_ingest_error(tmp_path: Path) -> None:
    path = tmp_path / "image.ris"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(IngestError, match="image.ris.*binary"):
        detect_format(path)
    with pytest.raises(IngestError, match="binary"):
        list(read_records(path, "ris"))


def test_unknown_format_missing_file_and_bad_fmt(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Just some notes\nwith no bibliographic structure.\n")
    with pytest.raises(IngestError, match="notes.txt.*unknown bibliography format"):
        read_records(path)
    with pytest.raises(IngestError, match="no such file"):
        read_records(tmp_path / "missing.ris")
    with pytest.raises(IngestError, match="unknown format 'word'"):
        read_records(path, "word")
    empty = tmp_path / "empty.ris"
    empty.write_text("")
    with pytest.raises(IngestError, match="empty"):
        read_records(empty)


def test_medline_garbage_line_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "refs.nbib"
    path.write_text("PMID- 1\nTI  - Good one\n\nPMID- 2\nTI  - Bad one\n!!garbage!!\n\n"
                    "PMID- 3\nTI  - Another good one\n")
    records, problems = split(list(read_records(path)))
    assert [r.pmid for r in records] == ["1", "3"]
    assert [(p.position, p.line) for p in problems] == [(2, 6)]


def test_csv_without_title_column(tmp_path: Path) -> None:
    path = tmp_path / "refs.csv"
    path.write_text("name,abstract\nx,y\n")
    with pytest.raises(IngestError, match="refs.csv, line 1: no title column"):
        list(read_records(path, "csv"))


def test_endnote_xml_cut_short_keeps_complete_records(tmp_path: Path) -> None:
    record = ("<record><ref-type name=\"Journal Article\">17</ref-type><titles><title>"
              "<style face=\"normal\">{title}</style></title></titles>"
              "<dates><year><style>2020</style></year></dates></record>\n")
    body = "".join(record.format(title=t) for t in ("One", "", "Three"))
    path = tmp_path / "lib.xml"
    path.write_text(f"<?xml version=\"1.0\"?>\n<xml><records>\n{body}<record><titles><ti")
    records, problems = split(list(read_records(path)))
    assert [(r.title, r.year, r.position) for r in records] == [("One", 2020, 1),
                                                                ("Three", 2020, 3)]
    assert [p.position for p in problems] == [2, 4]
    assert "no title" in problems[0].message and "breaks off" in problems[1].message
