"""Exports parse back with independent readers: pandas, openpyxl, json, rispy, bibtexparser."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import openpyxl
import pandas as pd
import pytest
import rispy
from analysis_fixtures import corpus, make_study

from exobone.analysis.export import bibtex_escape, bibtex_keys, export
from exobone.model import ANNOTATION_FIELDS, Record, Study


def rich_study() -> Study:
    record = Record(
        title="=HYPERLINK(1) {braces} and } lone & 50% of $x_1 ~ #2",
        authors=["Müller, A.", "Smith, B. C."],
        year=2021,
        journal="J {Bone}",
        volume="12",
        issue="3",
        pages="101-110",
        doi="10.1000/abc_def",
        pmid="123456",
        abstract="Line one\nline two with {x}.",
        keywords=["exosome", "bone"],
    )
    study = make_study("M1")
    study.record = record
    return study


def test_csv_has_one_row_per_study_and_evidence_columns(tmp_path: Path) -> None:
    frame = pd.read_csv(export(corpus(), tmp_path / "s.csv"), keep_default_na=False)
    assert frame["id"].tolist() == ["A1", "A2", "A3", "A4"]
    for name in ANNOTATION_FIELDS:
        assert name in frame.columns and f"{name}_evidence" in frame.columns
    a1 = frame.iloc[0]
    assert a1["outcomes"] == "bone_loss|decrease; osteogenic_differentiation|increase"
    assert a1["molecular_effects_evidence"] == "RUNX2|up: They increased RUNX2 expression in BMSCs."


def test_xlsx_keeps_text_as_text(tmp_path: Path) -> None:
    path = export([rich_study(), *corpus()], tmp_path / "s.xlsx")
    sheet = openpyxl.load_workbook(path)["studies"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[0]
    assert header[:3] == ("id", "authors", "year")
    assert len(rows) == 6
    title = sheet.cell(row=2, column=header.index("title") + 1)
    assert title.data_type == "s" and title.value.startswith("=HYPERLINK")
    assert rows[1][header.index("year")] == 2021
    assert rows[2][header.index("conditions")] == "bone_defect; osteoporosis"


def test_csv_guards_formulas_unless_asked_not_to(tmp_path: Path) -> None:
    guarded = pd.read_csv(export([rich_study()], tmp_path / "g.csv"), keep_default_na=False)
    title = guarded.loc[0, "title"]
    assert title.startswith("'=HYPERLINK(1)") and title[1:] == rich_study().record.title
    assert guarded.loc[0, "journal"] == "J {Bone}"  # other texts as they are
    raw = pd.read_csv(
        export([rich_study()], tmp_path / "r.csv", guard_formulas=False), keep_default_na=False
    )
    assert raw.loc[0, "title"] == rich_study().record.title
    for start in ("+1", "-x", "@SUM(A1)", "\tcmd"):
        study = rich_study()
        study.record.title = start + " tail"
        path = export([study], tmp_path / "s.csv")
        assert pd.read_csv(path, keep_default_na=False).loc[0, "title"] == "'" + start + " tail"


def test_jsonl_is_study_to_json(tmp_path: Path) -> None:
    lines = export(corpus(), tmp_path / "s.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [s.to_json() for s in corpus()]


def test_ris_round_trip(tmp_path: Path) -> None:
    path = export([rich_study(), *corpus()], tmp_path / "s.ris")
    entries = rispy.load(path.open(encoding="utf-8"))
    assert len(entries) == 5
    first = entries[0]
    assert first["authors"] == ["Müller, A.", "Smith, B. C."]
    assert first["title"].startswith("=HYPERLINK(1) {braces}")
    assert (first["start_page"], first["end_page"]) == ("101", "110")
    assert first["doi"] == "10.1000/abc_def"
    assert first["abstract"] == "Line one line two with {x}."
    assert first["keywords"] == ["exosome", "bone"]
    assert entries[1]["year"] == "2015"


def test_bibtex_round_trip_and_keys(tmp_path: Path) -> None:
    studies = [rich_study(), *corpus()]
    library = bibtexparser.parse_string(
        export(studies, tmp_path / "s.bib").read_text(encoding="utf-8")
    )
    assert library.failed_blocks == []
    assert [e.key for e in library.entries] == [
        "Muller2021",
        "Wang2015a",
        "Wang2015b",
        "Li2016",
        "Zhang2018",
    ]
    first = library.entries[0].fields_dict
    assert first["pages"].value == "101--110"
    assert first["doi"].value == "10.1000/abc_def"
    assert first["author"].value == "Müller, A. and Smith, B. C."
    assert r"\&" in first["title"].value and r"\textbraceright{}" in first["title"].value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a {b} c", r"a \{b\} c"),
        ("lone } brace {", r"lone \textbraceright{} brace \textbraceleft{}"),
        ("50% & $5 #1 a_b", r"50\% \& \$5 \#1 a\_b"),
        ("~100 nm", r"\textasciitilde{}100 nm"),
        ("back\\slash", r"back\textbackslash{}slash"),
    ],
)
def test_bibtex_escape(text: str, expected: str) -> None:
    assert bibtex_escape(text) == expected


def test_bibtex_keys_without_author_or_year() -> None:
    nameless = make_study("N1", authors=[], year=None)
    nameless.record.authors = []
    assert bibtex_keys([nameless, make_study("N2", authors=["de la Cruz, A."], year=2020)]) == [
        "Anonnd",
        "delaCruz2020",
    ]


def test_unknown_format_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export(corpus(), tmp_path / "s.docx")
    assert export(corpus(), tmp_path / "s.txt", fmt="ris").exists()


def test_the_extraction_sheet_as_csv(tmp_path: Path) -> None:
    study = make_study(
        "M1",
        title="=HYPERLINK(1)",
        species=["rat"],
        animal_models=["rat|MIA_OA"],
        doses=["100 ug", "20 ug/mL"],
        delivery_routes=["intra_articular"],
        biomaterials=["hydrogel"],
    )
    target = export([study, *corpus()], tmp_path / "sheet.csv", fmt="sheet")
    sheet = pd.read_csv(target, dtype=str, keep_default_na=False)
    assert len(sheet) == 5 and list(sheet["id"]) == ["M1", "A1", "A2", "A3", "A4"]
    first = sheet.iloc[0]
    assert (first["species"], first["model"], first["route"], first["scaffold"]) == (
        "rat", "rat|MIA_OA", "intra_articular", "hydrogel"
    )  # fmt: skip
    assert first["dose"] == "100 ug; 20 ug/mL" and first["title"] == "'=HYPERLINK(1)"
    assert sheet.iloc[1]["first_author"] == "Wang" and sheet.iloc[1]["year"] == "2015"
