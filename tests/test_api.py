"""`exobone.open`: the store as DataFrames, on a real SQLite file and PostgreSQL."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import exobone
from exobone.api import HIT_COLUMNS, Database
from exobone.errors import UnknownFieldError
from exobone.model import Record, Span, Study
from exobone.store import StoreError, UnknownFilterError

ABSTRACT = "Exosomes from bone marrow MSCs promoted osteogenesis. RUNX2 rose in rats."


def make_study(n: int, path: Path, **fields: object) -> Study:
    record = Record(title=f"Exosomes and bone {n}", abstract=ABSTRACT, authors=[f"Lee{n}, K."],
                    year=2020 + n, doi=f"10.2/{n}", source=str(path), position=n)  # fmt: skip
    study = Study(id=f"S{n:02d}", record=record)
    study.annotations.update(fields)
    start = ABSTRACT.index("osteogenesis")
    study.evidence = {"outcomes": {"osteogenic_differentiation|increase": [
        Span(start=start, end=start + 12, sentence=0)]}}  # fmt: skip
    return study


@pytest.fixture
def db(store_url: str, tmp_path: Path) -> Iterator[Database]:
    path = tmp_path / "refs.txt"
    path.write_text("x\n", encoding="utf-8")
    studies = [
        make_study(1, path, ev_sources=["MSC|bone_marrow|rat"], conditions=["osteoporosis"],
                   outcomes=["osteogenic_differentiation|increase"], species=["rat"]),
        make_study(2, path, ev_sources=["MSC|adipose|human"], conditions=["osteoarthritis"],
                   species=["human"]),
        make_study(3, path, ev_sources=["MSC|bone_marrow|human"], conditions=["osteoarthritis",
                   "osteoporosis"], species=["human"]),
    ]  # fmt: skip
    with exobone.open(store_url, create=True) as database:
        database.store.add_file(path, studies)
        yield database


def test_search_returns_hits_as_a_frame(db: Database) -> None:
    hits = db.search("osteogenesis", where={"ev_sources": "MSC|bone_marrow|*"}, limit=1)
    assert list(hits.columns) == list(HIT_COLUMNS)
    assert len(hits) == 1 and hits.attrs["total"] == 2
    row = hits.iloc[0]
    assert row["snippet"][slice(*row["marks"][0])].lower() == "osteogenesis"


def test_a_study_by_its_id(db: Database) -> None:
    hits = db.search("osteogenesis", where={"species": "human"})
    assert sorted(hits["study_id"]) == ["S02", "S03"]
    study = db.study("S03")
    assert study.id == "S03"
    assert study.annotations["conditions"] == ["osteoarthritis", "osteoporosis"]
    assert db.study(3) == study and db.study("doi:10.2/3") == study
    with pytest.raises(StoreError, match="no study 'S09'"):
        db.study("S09")


def test_opening_a_store_that_does_not_exist_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        exobone.open(str(tmp_path / "typo.db"))
    assert not (tmp_path / "typo.db").exists()
    with exobone.open(str(tmp_path / "new.db"), create=True) as made:
        assert made.search().empty
    with exobone.open(str(tmp_path / "new.db")) as opened:
        assert opened.search().empty


def test_facets_studies_values_and_map(db: Database) -> None:
    facets = db.facets("conditions", where={"species": "human"})
    assert facets.to_dict("records") == [
        {"value": "osteoarthritis", "studies": 2},
        {"value": "osteoporosis", "studies": 1},
    ]
    studies = db.studies(where={"conditions": "osteoporosis"})
    assert list(studies["id"]) == ["S01", "S03"]
    assert studies.loc[1, "conditions"] == "osteoarthritis; osteoporosis"
    values = db.values(fields=["outcomes"])
    assert values.loc[0, "evidence_text"] == "Exosomes from bone marrow MSCs promoted osteogenesis."
    assert values.loc[0, "span_text"] == "osteogenesis"
    emap = db.evidence_map(rows="ev_sources", cols="conditions")
    first = emap.iloc[0]
    assert (first["row"], first["col"], first["study_ids"]) == (
        "MSC|bone_marrow", "osteoporosis", ("S01", "S03")
    )
    assert (first["n_studies"], first["increase"], first["better"], first["worse"]) == (2, 1, 1, 0)
    assert emap["n_studies"].sum() == 4
    assert isinstance(db.quality(), pd.DataFrame) and len(db.quality()) == 3
    assert isinstance(db.graph(), pd.DataFrame)


def test_evidence_map_gives_the_cells_the_command_line_writes(
    db: Database, store_url: str, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from exobone.cli import app

    review = make_study(4, tmp_path / "refs.txt", study_type="review", conditions=["osteoporosis"],
                        ev_sources=["MSC|bone_marrow|human"])  # fmt: skip
    review.record.doi = "10.2/review"
    db.store.add_file(tmp_path / "refs.txt", [review])
    out = tmp_path / "cells.csv"
    result = CliRunner().invoke(app, ["map", "--db", store_url, "--out", str(out)])
    assert result.exit_code == 0, result.output
    written = pd.read_csv(out, dtype={"study_ids": str})
    emap = db.evidence_map()
    assert emap.attrs["reviews_left_out"] == ("S04",)
    flat = emap.assign(study_ids=emap["study_ids"].map("; ".join))
    assert flat.to_dict("records") == written.to_dict("records")
    with_reviews = db.evidence_map(include_reviews=True)
    assert "S04" in with_reviews.iloc[0]["study_ids"]


def test_unknown_labels_are_errors(db: Database) -> None:
    with pytest.raises(UnknownFilterError, match="unknown label 'dragon'"):
        db.studies(where={"species": "dragon"})
    with pytest.raises(UnknownFieldError, match="unknown field 'colour'"):
        db.evidence_map(rows="colour")


def test_import_exobone_stays_light() -> None:
    code = (
        "import sys, exobone; heavy = {'pandas', 'sqlalchemy', 'numpy', 'dask', 'pyarrow'};"
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert callable(exobone.open)
