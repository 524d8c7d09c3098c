"""Extraction quality floors on the seed gold and on the independent development corpus."""

import json
from pathlib import Path

import pytest

from exobone.evaluate import score
from exobone.extract import Extractor
from exobone.ingest import read_records
from exobone.model import Record
from exobone.schema import FIELDS
from shared_files import SHARED

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "data" / "dev_corpus"
# Every set field but the directed ones (outcomes, molecular_effects).
ENTITY_FIELDS = tuple(f.name for f in FIELDS if not f.single and not f.directions)


def _report(bibliography: Path, gold: Path):
    records = [r for r in read_records(bibliography) if isinstance(r, Record)]
    predicted = [s.to_json() for s in Extractor().extract_many(records)]
    rows = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
    return score(rows, predicted)


def _entity_f1(report) -> float:
    chosen = [f for f in report.fields if f.field in ENTITY_FIELDS]
    tp = sum(f.tp for f in chosen)
    fp = sum(f.fp for f in chosen)
    fn = sum(f.fn for f in chosen)
    return 2 * tp / (2 * tp + fp + fn)


@pytest.mark.usefixtures("shared_dir")
def test_seed_gold_floor():
    report = _report(
        SHARED / "seed" / "exosome_bone_bibliography.txt", SHARED / "gold" / "seed_gold.jsonl"
    )
    assert report.study_type_correct == report.study_type_total == 21
    assert _entity_f1(report) >= 0.85
    for f in report.fields:
        if f.field in ENTITY_FIELDS and f.defined:
            assert f.f1 >= 0.75, f.field


def test_dev_corpus_floor():
    report = _report(DEV / "dev_bibliography.txt", DEV / "dev_gold.jsonl")
    assert report.study_type_correct == report.study_type_total
    assert _entity_f1(report) >= 0.85
