"""Readers on small hand-written files in tests/ingest/data (one per format quirk)."""

from __future__ import annotations

import gzip
from pathlib import Path

from fixtures import read_clean, read_split

from exobone.ingest import FORMATS, detect_format, read_records
from exobone.model import Record

DATA = Path(__file__).parent / "data"


def test_formats_tuple_is_the_public_contract() -> None:
    assert FORMATS == ("endnote_text", "medline", "pubmed_xml", "ris", "bibtex", "endnote_xml",
                       "csv", "pubmed_text", "wos", "csl_json")


def test_two_record_ris() -> None:
    records, problems = read_split(DATA / "two_records.ris")
    assert problems == []
    first, second = records
    assert first.authors == ["Doe, Jane", "Roe, R. S."]
    assert first.doi == "10.1002/JOR.24900"  # doi.org URL stripped, case kept
    assert first.pages == "1001-1010" and first.keywords == ["exosome", "fracture"]
    assert first.abstract == "Exosomes (20 ug) promoted healing in a rat femur fracture model."
    assert first.abstract_raw.endswith("(20 µg) promoted healing in a rat femur fracture model.")
    assert (second.journal, second.pages, second.abstract, second.line) == ("Bone", "5", "", 17)


def test_tsv_title_abstract_doi() -> None:
    path = DATA / "small.tsv"
    assert detect_format(path) == "csv"
    records, problems = read_split(path)
    # The row with an abstract but no title is kept, with a warning that is not a skip.
    assert [r.title for r in records] == ["Exosomes in osteoporosis", "",
                                          "Cartilage repair with sEVs"]
    assert records[0].doi == "10.1000/xyz.1" and records[0].year == 2020
    assert records[0].abstract == "MSC exosomes (5 ug) reduced bone loss in OVX mice."
    assert (records[1].abstract, records[1].year) == ("A row with no title.", 2021)
    assert [(p.position, p.line, p.kept) for p in problems] == [(2, 3, True)]
    assert str(problems[0]) == (f"{path}, record 2, line 3: record has no title; kept with its"
                                " abstract")
    assert [r.position for r in records] == [1, 2, 3]


def test_csv_quoted_multiline_field_and_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "refs.csv"
    path.write_text('Title,Abstract,Authors,Year\n'
                    '"Exosomes, bone and cartilage","First line\nsecond line",'
                    '"Smith J; Lee K",2020\n'
                    'Next title,Plain,Kim S,2021\n')
    records, problems = read_split(path)
    assert problems == []
    assert records[0].title == "Exosomes, bone and cartilage"
    assert records[0].abstract == "First line second line"
    assert records[0].authors == ["Smith, J.", "Lee, K."]
    assert [(r.position, r.line) for r in records] == [(1, 2), (2, 4)]


def test_nbib_continuations_and_initials() -> None:
    path = DATA / "small.nbib"
    records = read_clean(path, "medline")
    first, second = records
    assert first.title == ("Exosomal miR-21 from osteocytes regulates osteoclast differentiation"
                           " in vitro")
    assert first.abstract.endswith("increased TRAP-positive osteoclasts.")
    assert first.authors == ["Tanaka, H.", "Smith, J. A."]
    assert (first.year, first.journal, first.volume, first.issue, first.pages, first.doi) == (
        2019, "Bone", "123", "2", "100-9", "10.1000/abc.123")
    assert first.keywords == ["Exosomes/*metabolism", "osteocyte"]
    assert (second.pmid, second.line, second.authors) == ("31234568", 21, ["Brown, K."])


def test_pubmed_xml_gz_book_article_and_untitled() -> None:
    for name in ("pubmed_small.xml", "pubmed_small.xml.gz"):
        path = DATA / name
        assert detect_format(path) == "pubmed_xml"
        records, problems = read_split(path)
        article, book = records
        assert article.title == ("Exosomes from TGF-beta1-primed MSCs promote in vivo"
                                 " chondrogenesis")
        assert article.abstract == ("BACKGROUND: MSC exosomes carry TGF-beta. RESULTS: At 50 ug/ml,"
                                    " exosomes raised COL2A1 in chondrocytes.")
        assert article.year == 2018  # from MedlineDate "2018 Dec-2019 Jan"
        assert article.pages == "10-19" and article.doi == "10.1000/jbr.2019.001"
        assert article.authors == ["Lee, M. J.", "Cartilage Study Group"]
        assert (book.pmid, book.year, book.title) == ("30000002", 2020,
                                                      "Chapter 3: Isolation of exosomes")
        assert [(p.position, p.line) for p in problems] == [(3, 52)]


def test_pubmed_xml_multi_member_gzip(tmp_path: Path) -> None:
    data = (DATA / "pubmed_small.xml").read_bytes()
    half = data.index(b"<PubmedBookArticle>")
    path = tmp_path / "two_members.xml.gz"
    path.write_bytes(gzip.compress(data[:half]) + gzip.compress(data[half:]))
    records, problems = read_split(path)
    assert [r.pmid for r in records] == ["30000001", "30000002"]
    assert [p.position for p in problems] == [3]  # the untitled third article


def test_pubmed_doi_from_article_ids_never_from_references(tmp_path: Path) -> None:
    article = """<PubmedArticle><MedlineCitation><PMID>7</PMID><Article>
<Journal><JournalIssue><PubDate><Year>2020</Year></PubDate></JournalIssue></Journal>
<ArticleTitle>T</ArticleTitle></Article></MedlineCitation>
<PubmedData>{ids}<ReferenceList><Reference><Citation>Cited work.</Citation>
<ArticleIdList><ArticleId IdType="doi">10.9999/cited</ArticleId></ArticleIdList>
</Reference></ReferenceList></PubmedData></PubmedArticle>"""
    own = '<ArticleIdList><ArticleId IdType="doi">10.1000/own&amp;x</ArticleId></ArticleIdList>'
    path = tmp_path / "refs.xml"
    path.write_text("<PubmedArticleSet>" + article.format(ids=own) + article.format(ids="")
                    + "</PubmedArticleSet>")
    records, problems = read_split(path)
    assert problems == []
    assert [r.doi for r in records] == ["10.1000/own&x", None]
    assert "10.9999/cited" in records[1].raw


def test_pubmed_inline_markup_spacing(tmp_path: Path) -> None:
    path = tmp_path / "inline.xml"
    path.write_text(
        "<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>8</PMID><Article>"
        "<ArticleTitle>Role of <i>RUNX2</i> in bone</ArticleTitle><Abstract><AbstractText>"
        "Cells treated with\n  the <i>in vitro</i> dose of H<sub>2</sub>O<sub>2</sub> and"
        " TGF-&#946;\n\t\t<sup>+</sup> cells.</AbstractText></Abstract></Article>"
        "</MedlineCitation></PubmedArticle></PubmedArticleSet>")
    (record,) = read_records(path)
    assert isinstance(record, Record)
    assert record.title == "Role of RUNX2 in bone"
    assert record.abstract == ("Cells treated with the in vitro dose of H2O2 and TGF-beta+"
                               " cells.")
