"""The held-out corpus measures generalisation only if its gold is valid: vocab labels, value
forms, unique ids, and one gold row per bibliography record with the same title.

Nothing here scores the extractor: the corpus is measured, never tuned on (see
tests/data/holdout/NOTES.md).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from exobone.ingest import read_records
from exobone.model import ANNOTATION_FIELDS, SET_FIELDS, Record

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "holdout"
BIBLIOGRAPHY = CORPUS / "holdout_bibliography.txt"
GOLD = CORPUS / "holdout_gold.jsonl"
VOCAB = ROOT / "src" / "exobone" / "data" / "vocab.yaml"
SEED_GOLD = ROOT / ".." / "shared" / "gold" / "seed_gold.jsonl"

KEYS = [
    "id",
    "first_author",
    "year",
    "title",
    "journal",
    "volume",
    "issue",
    "pages",
    *ANNOTATION_FIELDS,
]
GENE = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")
MIRNA = re.compile(r"^miR-\d+[a-z]?(-\d+)?(-[35]p)?$")
CIRCRNA = re.compile(r"^circ[A-Z][A-Z0-9]*(_\d+)?$")
DOSE = re.compile(r"^\d+(\.\d+)?(e\d+)? (ug|ug/mL|ug/kg|mg/kg|particles|particles/mL)$")
CELL_LINE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]*$")
# A citation start: "Surname, A. B., et al. (2021). \"" or "Surname, A. and B. Other (2021). \"".
CITATION = re.compile(
    r"^[A-Z][A-Za-z'\-]+, [A-Z]\.(?: [A-Z]\.)*"
    r"(?:, et al\.| and [A-Z]\.(?: [A-Z]\.)* [A-Z][A-Za-z'\-]+)? \(\d{4}\)\. \"",
    re.MULTILINE,
)
SETTINGS = {"in_vitro", "in_vivo", "ex_vivo", "clinical"}
OUTCOME_DIRECTIONS = {"increase", "decrease", "no_change"}
EFFECT_DIRECTIONS = {"up", "down"}
REVIEW_EMPTY = ("settings", "doses", "durations_days", "assays")


def load_gold() -> list[dict[str, Any]]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def vocab() -> dict[str, set[str]]:
    data = yaml.safe_load(VOCAB.read_text(encoding="utf-8"))
    return {
        category: set(labels) for category, labels in data.items() if category != "gene_aliases"
    }


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    return load_gold()


def is_molecule(value: str) -> bool:
    """An HGNC-shaped symbol (genes, lncRNAs such as MALAT1), a miRNA or a circRNA name."""
    return bool(GENE.match(value) or MIRNA.match(value) or CIRCRNA.match(value))


def compound_ok(value: str, *categories: set[str]) -> bool:
    parts = value.split("|")
    if len(parts) != len(categories):
        return False
    return all(part == "" or part in labels for part, labels in zip(parts, categories, strict=True))


def directed_ok(value: str, targets_ok: Any, directions: set[str]) -> bool:
    target, _, direction = value.rpartition("|")
    return bool(target) and direction in directions and targets_ok(target)


def invalid_values(row: dict[str, Any], vocab: dict[str, set[str]]) -> list[str]:
    """Every value of the row that is not a valid label or form, as 'field: value'."""
    simple = {
        "settings": SETTINGS,
        "vesicle_types": vocab["vesicle_types"],
        "preconditioning": vocab["preconditioning"],
        "conditions": vocab["conditions"],
        "species": vocab["species"],
        "delivery_routes": vocab["delivery_routes"],
        "biomaterials": vocab["biomaterials"],
        "isolation_methods": vocab["isolation_methods"],
        "characterization_methods": vocab["characterization_methods"],
        "assays": vocab["assays"],
    }
    cell = (vocab["cell_types"], vocab["origins"], vocab["species"])
    named = vocab["pathways"] | vocab["metabolites"]
    checks: dict[str, Any] = {name: labels.__contains__ for name, labels in simple.items()}
    checks.update(
        {
            "ev_sources": lambda v: compound_ok(v, *cell),
            "recipient_cells": lambda v: compound_ok(v, *cell),
            "animal_models": lambda v: compound_ok(v, vocab["species"], vocab["animal_models"]),
            "cell_lines": lambda v: bool(CELL_LINE.match(v)),
            "doses": lambda v: bool(DOSE.match(v)),
            "durations_days": lambda v: type(v) is int and v > 0,
            "ev_markers": lambda v: bool(GENE.match(v)),
            "ev_cargo": is_molecule,
            "outcomes": lambda v: directed_ok(
                v, vocab["outcomes"].__contains__, OUTCOME_DIRECTIONS
            ),
            "molecular_effects": lambda v: directed_ok(
                v, lambda t: t in named or is_molecule(t), EFFECT_DIRECTIONS
            ),
        }
    )
    bad = []
    if row.get("study_type") not in {"primary", "review"}:
        bad.append(f"study_type: {row.get('study_type')!r}")
    for name in SET_FIELDS:
        values = row.get(name)
        if not isinstance(values, list):
            bad.append(f"{name}: not a list")
            continue
        bad += [f"{name}: {value!r}" for value in values if not checks[name](value)]
        if len(set(map(str, values))) != len(values):
            bad.append(f"{name}: repeated values")
    if row.get("study_type") == "review":
        bad += [f"{name}: review must be empty" for name in REVIEW_EMPTY if row.get(name)]
    return bad


def test_the_validator_rejects_bad_values(vocab: dict[str, set[str]]) -> None:
    row: dict[str, Any] = {"study_type": "primary", **{name: [] for name in SET_FIELDS}}
    row.update(
        ev_sources=["MSC|bone marrow|mouse"],
        animal_models=["mouse|OVX"],
        doses=["5 x 10^9 particles/mL", "30 μg"],
        durations_days=[0, "14"],
        ev_cargo=["hsa-miR-21-5p"],
        ev_markers=["Cd63"],
        outcomes=["bone_loss|down"],
        molecular_effects=["beta-catenin|up", "RUNX2|increase"],
    )
    assert len(invalid_values(row, vocab)) == 11
    review = {"study_type": "review", **{name: [] for name in SET_FIELDS}, "assays": ["histology"]}
    assert invalid_values(review, vocab) == ["assays: review must be empty"]


def test_gold_rows_have_the_seed_keys_in_order(gold: list[dict[str, Any]]) -> None:
    assert [list(row) for row in gold] == [KEYS] * len(gold)


def test_gold_keys_match_the_seed_gold() -> None:
    if not SEED_GOLD.is_file():
        pytest.skip("../shared is not beside the repository")
    first = SEED_GOLD.read_text(encoding="utf-8").splitlines()[0]
    assert list(json.loads(first)) == KEYS


def test_ids_are_unique_and_numbered(gold: list[dict[str, Any]]) -> None:
    assert [row["id"] for row in gold] == [f"H{n:02d}" for n in range(1, 21)]


@pytest.mark.parametrize("index", range(20))
def test_gold_values_are_valid(
    gold: list[dict[str, Any]], vocab: dict[str, set[str]], index: int
) -> None:
    row = gold[index]
    assert invalid_values(row, vocab) == [], row["id"]
    if row["study_type"] == "primary":
        assert row["settings"], f"{row['id']}: a primary study ran some experiment"


def test_corpus_mix(gold: list[dict[str, Any]]) -> None:
    """Two reviews and at least one clinical study, as the corpus is meant to hold."""
    assert sum(row["study_type"] == "review" for row in gold) == 2
    assert any("clinical" in row["settings"] for row in gold)


def test_one_citation_per_gold_row(gold: list[dict[str, Any]]) -> None:
    text = BIBLIOGRAPHY.read_text(encoding="utf-8")
    assert len(CITATION.findall(text)) == len(gold)


def test_reader_returns_the_gold_records_in_order(gold: list[dict[str, Any]]) -> None:
    records = list(read_records(BIBLIOGRAPHY))
    assert all(isinstance(record, Record) for record in records), records
    assert len(records) == 20
    assert [r.title for r in records if isinstance(r, Record)] == [row["title"] for row in gold]
    for record, row in zip(records, gold, strict=True):
        assert isinstance(record, Record)
        assert (record.first_author, record.year) == (row["first_author"], row["year"])
        assert record.abstract, row["id"]
