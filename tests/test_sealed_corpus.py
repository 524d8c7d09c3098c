"""The sealed evaluation corpus is well formed: valid labels, readable records, consistent gold.

`tests/data/sealed/` is written independently of the extractor and measured once, so these
tests check only that its gold can be trusted as a yardstick (every label exists in the
lexicon, every value has the schema's shape, quantities are stated in the abstract) and that
the reader sees the same 20 records. They deliberately say nothing about extractor scores.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from exobone.ingest import read_records
from exobone.model import Record

REPO = Path(__file__).resolve().parents[1]
SEALED = REPO / "tests" / "data" / "sealed"
BIBLIOGRAPHY = SEALED / "sealed_bibliography.txt"
GOLD = SEALED / "sealed_gold.jsonl"
VOCAB = REPO / "src" / "exobone" / "data" / "vocab.yaml"

KEYS = [
    "id", "first_author", "year", "title", "journal", "volume", "issue", "pages",
    "study_type", "settings", "vesicle_types", "ev_sources", "preconditioning",
    "recipient_cells", "cell_lines", "conditions", "animal_models", "species",
    "delivery_routes", "biomaterials", "doses", "durations_days", "isolation_methods",
    "characterization_methods", "ev_markers", "ev_cargo", "assays", "outcomes",
    "molecular_effects",
]
SET_FIELDS = KEYS[9:]
SETTINGS = {"in_vitro", "in_vivo", "ex_vivo", "clinical"}
DOSE = re.compile(r"^\d+(\.\d+)?(e\d+)? (ug|ug/mL|ug/kg|mg/kg|particles|particles/mL)$")
GENE = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")
MIRNA = re.compile(r"^miR-\d+[a-z]?(-\d+)?(-[35]p)?$")
RNA_NAME = re.compile(r"^(circ|lnc)[A-Za-z0-9]+(-[A-Za-z0-9]+)*$")
CELL_LINE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .-]*[A-Za-z0-9]$")
CITATION = re.compile(r'^[A-Z][^\n]*?, [A-Z]\.[^\n]*\(\d{4}\)\. "', re.MULTILINE)
REVIEW_EMPTY = ("settings", "doses", "durations_days", "assays")


@pytest.fixture(scope="module")
def vocab() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(VOCAB.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def gold() -> list[dict[str, Any]]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


@pytest.fixture(scope="module")
def records() -> list[Record]:
    items = list(read_records(BIBLIOGRAPHY))
    problems = [item for item in items if not isinstance(item, Record)]
    assert not problems, problems
    return [item for item in items if isinstance(item, Record)]


def labels(vocab: dict[str, Any], section: str) -> set[str]:
    return set(vocab[section])


def bad_values(row: dict[str, Any], vocab: dict[str, Any]) -> list[str]:
    """Every gold value that is not a lexicon label or does not have the schema's shape."""
    cells, origins, species = (labels(vocab, s) for s in ("cell_types", "origins", "species"))
    targets = labels(vocab, "pathways") | labels(vocab, "metabolites")
    simple = {
        "vesicle_types": labels(vocab, "vesicle_types"),
        "preconditioning": labels(vocab, "preconditioning"),
        "conditions": labels(vocab, "conditions"),
        "species": species,
        "delivery_routes": labels(vocab, "delivery_routes"),
        "biomaterials": labels(vocab, "biomaterials"),
        "isolation_methods": labels(vocab, "isolation_methods"),
        "characterization_methods": labels(vocab, "characterization_methods"),
        "assays": labels(vocab, "assays"),
        "settings": SETTINGS,
    }
    bad = [f"{f}={v}" for f, allowed in simple.items() for v in row[f] if v not in allowed]
    for field in ("ev_sources", "recipient_cells"):
        for value in row[field]:
            parts = value.split("|")
            ok = (len(parts) == 3 and parts[0] in cells and parts[1] in origins | {""}
                  and parts[2] in species | {""})
            bad += [] if ok else [f"{field}={value}"]
    for value in row["animal_models"]:
        parts = value.split("|")
        ok = (len(parts) == 2 and parts[0] in species | {""}
              and parts[1] in labels(vocab, "animal_models"))
        bad += [] if ok else [f"animal_models={value}"]
    bad += [f"cell_lines={v}" for v in row["cell_lines"] if not CELL_LINE.match(v)]
    bad += [f"doses={v}" for v in row["doses"] if not DOSE.match(v)]
    bad += [f"durations_days={v}" for v in row["durations_days"]
            if type(v) is not int or v < 1]
    bad += [f"ev_markers={v}" for v in row["ev_markers"] if not GENE.match(v)]
    bad += [f"ev_cargo={v}" for v in row["ev_cargo"]
            if not (GENE.match(v) or MIRNA.match(v) or RNA_NAME.match(v))]
    for value in row["outcomes"]:
        phenotype, _, direction = value.rpartition("|")
        ok = phenotype in labels(vocab, "outcomes") and direction in {
            "increase", "decrease", "no_change"}
        bad += [] if ok else [f"outcomes={value}"]
    for value in row["molecular_effects"]:
        target, _, direction = value.rpartition("|")
        shape = target in targets or any(p.match(target) for p in (GENE, MIRNA, RNA_NAME))
        bad += [] if shape and direction in {"up", "down"} else [f"molecular_effects={value}"]
    return bad


def test_twenty_rows_with_seed_keys_in_seed_order(gold: list[dict[str, Any]]) -> None:
    assert [row["id"] for row in gold] == [f"X{i:02d}" for i in range(1, 21)]
    for row in gold:
        assert list(row) == KEYS, row["id"]


def test_every_value_is_a_lexicon_label_or_has_the_schema_shape(
    gold: list[dict[str, Any]], vocab: dict[str, Any]
) -> None:
    problems = {row["id"]: bad_values(row, vocab) for row in gold}
    assert {k: v for k, v in problems.items() if v} == {}


def test_the_checker_refuses_invented_labels(
    gold: list[dict[str, Any]], vocab: dict[str, Any]
) -> None:
    row = dict(gold[0], assays=["northern_blot"], doses=["25 μg/mL"],
               ev_sources=["MSC|cord|human"], molecular_effects=["Runx2|up"])
    assert len(bad_values(row, vocab)) == 4


def test_sets_have_no_repeats_and_study_type_is_known(gold: list[dict[str, Any]]) -> None:
    for row in gold:
        assert row["study_type"] in {"primary", "review"}, row["id"]
        for field in SET_FIELDS:
            assert isinstance(row[field], list), (row["id"], field)
            assert len(set(row[field])) == len(row[field]), (row["id"], field)


def test_reviews_have_no_experiments_and_primaries_have_some(
    gold: list[dict[str, Any]],
) -> None:
    reviews = [row for row in gold if row["study_type"] == "review"]
    assert len(reviews) == 2
    for row in reviews:
        assert all(row[field] == [] for field in REVIEW_EMPTY), row["id"]
    for row in gold:
        if row["study_type"] == "primary":
            assert row["settings"], row["id"]


def test_species_lists_every_organism_named_in_compound_values(
    gold: list[dict[str, Any]],
) -> None:
    for row in gold:
        named = {v.split("|")[2] for f in ("ev_sources", "recipient_cells") for v in row[f]}
        named |= {v.split("|")[0] for v in row["animal_models"]}
        assert named - {""} <= set(row["species"]), row["id"]


def test_one_citation_per_gold_row(gold: list[dict[str, Any]]) -> None:
    text = BIBLIOGRAPHY.read_text(encoding="utf-8")
    assert len(CITATION.findall(text)) == len(gold) == 20


def test_reader_returns_the_gold_records(
    records: list[Record], gold: list[dict[str, Any]]
) -> None:
    assert len(records) == 20
    assert [r.title for r in records] == [row["title"] for row in gold]
    assert [r.year for r in records] == [row["year"] for row in gold]
    assert [r.authors[0].split(",")[0] for r in records] == [
        row["first_author"] for row in gold]
    assert all(r.abstract for r in records)


def dose_pattern(dose: str) -> re.Pattern[str]:
    """How a gold dose may be written in an abstract (Unicode or ASCII, 1.5e10 as 1.5 × 10^10)."""
    value, unit = dose.split(" ")
    mantissa, _, exponent = value.partition("e")
    number = re.escape(mantissa) + (rf"\s*[×x]\s*10\^{exponent}" if exponent else "")
    mass = {"ug": "(?:μg|µg|ug)", "mg": "mg"}
    base, _, per = unit.partition("/")
    written = mass.get(base, base) + (rf"/{per}" if per == "kg" else "")
    if per == "mL":
        written += r"/m[lL]"
    tail = "" if per else r"(?![/\w])"
    listed = r"(?:\s*(?:,|and)\s*\d+(?:\.\d+)?)*"  # '10, 20 and 40 μg/mL'
    return re.compile(rf"(?<![\d.]){number}{listed}\s*{written}{tail}")


PERIOD = re.compile(r"((?:\d+\s*(?:,|and)\s*)*\d+)\s*(h|days?|weeks?)\b")


def stated_periods(text: str) -> set[int]:
    """Days of every 'N h / N days / N weeks' phrase (lists like '4, 8 and 12 weeks' too)."""
    found: set[int] = set()
    for match in PERIOD.finditer(text):
        unit = match.group(2)
        for number in re.findall(r"\d+", match.group(1)):
            n = int(number)
            found.add(max(1, round(n / 24)) if unit == "h" else n * 7 if unit.startswith(
                "week") else n)
    return found


def test_every_gold_dose_and_duration_is_stated_in_the_abstract(
    records: list[Record], gold: list[dict[str, Any]]
) -> None:
    for record, row in zip(records, gold, strict=True):
        for dose in row["doses"]:
            assert dose_pattern(dose).search(record.abstract), (row["id"], dose)
        assert set(row["durations_days"]) <= stated_periods(record.abstract), row["id"]


def test_dose_pattern_reads_both_notations() -> None:
    assert dose_pattern("1.5e10 particles").search("with 1.5 × 10^10 particles per defect")
    assert dose_pattern("25 ug/mL").search("At 25 μg/ml, the vesicles")
    assert not dose_pattern("10 ug").search("at 10 μg/mL for 24 h")
    assert dose_pattern("10 ug/mL").search("OC-Exos (10, 20 and 40 ug/mL)")
    assert stated_periods("At 4, 8 and 12 weeks after 72 h") == {28, 56, 84, 3}


def test_notes_record_a_decision_for_every_record(gold: list[dict[str, Any]]) -> None:
    notes = (SEALED / "NOTES.md").read_text(encoding="utf-8")
    decided = set(re.findall(r"^(X\d\d):", notes, re.MULTILINE))
    assert decided == {row["id"] for row in gold}
