"""The development corpus is only useful if its gold is valid: vocab labels, value forms, ids,
and one gold row per bibliography record in the same order."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from exobone.model import ANNOTATION_FIELDS, SET_FIELDS

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).resolve().parent / "data" / "dev_corpus"
VOCAB = ROOT / "src" / "exobone" / "data" / "vocab.yaml"
SEED_GOLD = ROOT / ".." / "shared" / "gold" / "seed_gold.jsonl"

BIBLIO_KEYS = ["id", "first_author", "year", "title", "journal", "volume", "issue", "pages"]
GENE = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")
MIRNA = re.compile(r"^miR-\d+[a-z]?(-\d+)?(-[35]p)?$")
DOSE = re.compile(r"^\d+(\.\d+)?(e\d+)? (ug|ug/mL|ug/kg|mg/kg|particles|particles/mL)$")
CELL_LINE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]*$")
CITATION = re.compile(
    r"^(?P<surname>[A-Z][A-Za-z'\-]+), [A-Z]\.(?: [A-Z]\.)*"
    r"(?:, et al\.| and [A-Z]\.(?: [A-Z]\.)* [A-Z][A-Za-z'\-]+)? \((?P<year>\d{4})\)\. \"",
    re.MULTILINE,
)
SETTINGS = {"in_vitro", "in_vivo", "ex_vivo", "clinical"}
OUTCOME_DIRECTIONS = {"increase", "decrease", "no_change"}
EFFECT_DIRECTIONS = {"up", "down"}


def load_gold() -> list[dict[str, Any]]:
    lines = (CORPUS / "dev_gold.jsonl").read_text(encoding="utf-8").splitlines()
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


def is_gene(value: str) -> bool:
    return bool(GENE.match(value) or MIRNA.match(value))


def compound_ok(value: str, *categories: set[str]) -> bool:
    parts = value.split("|")
    if len(parts) != len(categories):
        return False
    return all(part == "" or part in labels for part, labels in zip(parts, categories, strict=True))


def invalid_values(row: dict[str, Any], vocab: dict[str, set[str]]) -> list[str]:
    """Every value of the row that is not a valid label or form, as 'field: value'."""
    simple = {
        "vesicle_types": vocab["vesicle_types"],
        "preconditioning": vocab["preconditioning"],
        "conditions": vocab["conditions"],
        "species": vocab["species"],
        "delivery_routes": vocab["delivery_routes"],
        "biomaterials": vocab["biomaterials"],
        "isolation_methods": vocab["isolation_methods"],
        "characterization_methods": vocab["characterization_methods"],
        "assays": vocab["assays"],
        "settings": SETTINGS,
    }
    cell = (vocab["cell_types"], vocab["origins"], vocab["species"])
    targets = vocab["pathways"] | vocab["metabolites"]
    bad: list[str] = []
    for name in SET_FIELDS:
        for value in row[name]:
            if name in simple:
                ok = value in simple[name]
            elif name in ("ev_sources", "recipient_cells"):
                ok = compound_ok(value, *cell) and value.split("|")[0] != ""
            elif name == "animal_models":
                ok = compound_ok(value, vocab["species"], vocab["animal_models"])
                ok = ok and value.split("|")[1] != ""
            elif name == "cell_lines":
                ok = bool(CELL_LINE.match(value))
            elif name == "doses":
                ok = bool(DOSE.match(value))
            elif name == "durations_days":
                ok = isinstance(value, int) and not isinstance(value, bool) and value >= 1
            elif name in ("ev_markers", "ev_cargo"):
                ok = is_gene(value)
            elif name == "outcomes":
                ok = compound_ok(value, vocab["outcomes"], OUTCOME_DIRECTIONS)
                ok = ok and "" not in value.split("|")
            else:  # molecular_effects
                target, _, direction = value.rpartition("|")
                ok = (is_gene(target) or target in targets) and direction in EFFECT_DIRECTIONS
            if not ok:
                bad.append(f"{name}: {value!r}")
    return bad


def test_rows_have_the_seed_keys_in_the_seed_order(gold: list[dict[str, Any]]) -> None:
    expected = BIBLIO_KEYS + list(ANNOTATION_FIELDS)
    for row in gold:
        assert list(row) == expected, row["id"]
    if SEED_GOLD.exists():
        seed_first = json.loads(SEED_GOLD.read_text(encoding="utf-8").splitlines()[0])
        assert list(seed_first) == expected


def test_ids_are_unique_and_numbered(gold: list[dict[str, Any]]) -> None:
    ids = [row["id"] for row in gold]
    assert ids == [f"D{n:02d}" for n in range(1, len(gold) + 1)]
    assert len(set(ids)) == len(ids) == 24


def test_every_value_is_a_vocab_label_or_valid_form(
    gold: list[dict[str, Any]], vocab: dict[str, set[str]]
) -> None:
    problems = {row["id"]: invalid_values(row, vocab) for row in gold}
    assert {key: value for key, value in problems.items() if value} == {}


def test_validator_rejects_bad_values(vocab: dict[str, set[str]]) -> None:
    row: dict[str, Any] = {name: [] for name in SET_FIELDS}
    row.update(
        species=["rats"],
        ev_sources=["MSC|marrow|rat"],
        doses=["100 mug"],
        outcomes=["bone_regeneration|up"],
        molecular_effects=["Runx2|up"],
        durations_days=["14"],
    )
    assert len(invalid_values(row, vocab)) == 6


def test_set_fields_are_lists_without_repeats(gold: list[dict[str, Any]]) -> None:
    for row in gold:
        assert row["study_type"] in ("primary", "review")
        for name in SET_FIELDS:
            values = row[name]
            assert isinstance(values, list), (row["id"], name)
            assert len(values) == len(set(values)), (row["id"], name)


def test_reviews_leave_experiment_fields_empty(gold: list[dict[str, Any]]) -> None:
    reviews = [row for row in gold if row["study_type"] == "review"]
    assert len(reviews) == 3
    for row in reviews:
        for name in ("settings", "doses", "durations_days", "assays"):
            assert row[name] == [], (row["id"], name)
    primaries = [row for row in gold if row["study_type"] == "primary"]
    assert all(row["settings"] for row in primaries)


def test_bibliography_has_one_citation_per_gold_row_in_order(gold: list[dict[str, Any]]) -> None:
    text = (CORPUS / "dev_bibliography.txt").read_text(encoding="utf-8")
    citations = list(CITATION.finditer(text))
    assert len(citations) == len(gold)
    for match, row in zip(citations, gold, strict=True):
        assert match["surname"] == row["first_author"], row["id"]
        assert int(match["year"]) == row["year"], row["id"]


def test_titles_and_journals_appear_in_their_citation(gold: list[dict[str, Any]]) -> None:
    text = (CORPUS / "dev_bibliography.txt").read_text(encoding="utf-8")
    starts = [m.start() for m in CITATION.finditer(text)] + [len(text)]
    for row, start, end in zip(gold, starts, starts[1:], strict=False):
        head = " ".join(text[start:end].split("\n\n", 1)[0].split())
        assert f'"{row["title"]}."' in head, row["id"]
        assert row["journal"] in head, row["id"]
        if row["volume"]:
            assert f" {row['volume']}" in head and row["pages"] in head, row["id"]
