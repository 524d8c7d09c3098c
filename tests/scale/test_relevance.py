"""The relevance filter keeps every gold record and drops off-topic text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exobone.errors import RecordProblem
from exobone.ingest import read_records
from exobone.model import Record
from exobone.scale.relevance import is_relevant, is_relevant_text
from shared_files import SHARED, require_shared

REPO = Path(__file__).resolve().parents[2]


def _records(path: Path) -> list[Record]:
    return [r for r in read_records(path) if not isinstance(r, RecordProblem)]


def _gold_titles(path: Path) -> set[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["title"].lower() for line in lines if line.strip()}


@pytest.mark.parametrize(
    ("bibliography", "gold"),
    [
        (REPO / "examples" / "exosome_bone_bibliography.txt", SHARED / "gold" / "seed_gold.jsonl"),
        (
            REPO / "tests/data/dev_corpus/dev_bibliography.txt",
            REPO / "tests/data/dev_corpus/dev_gold.jsonl",
        ),
        (
            REPO / "tests/data/holdout/holdout_bibliography.txt",
            REPO / "tests/data/holdout/holdout_gold.jsonl",
        ),
    ],
    ids=["seed", "dev", "holdout"],
)
def test_every_gold_record_passes(bibliography: Path, gold: Path) -> None:
    if gold.is_relative_to(SHARED):
        require_shared(gold)
    titles = _gold_titles(gold)
    records = [r for r in _records(bibliography) if r.title.lower() in titles]
    assert len(records) == len(titles)  # every gold record was found in its bibliography
    missed = [r.title for r in records if not is_relevant(r)]
    assert missed == []


@pytest.mark.parametrize(
    "text",
    [
        "Exosomes from bone marrow MSCs reduce infarct size after myocardial infarction.",
        "Mitochondrial dysfunction in extracellular vesicle release by hepatocytes.",
        "Bone mineral density in a cohort of postmenopausal women.",
        "Every level of EVERY event was recorded; LEVEL was high in bone.",
    ],
)
def test_off_topic_text_is_dropped(text: str) -> None:
    assert not is_relevant_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Small EVs from synovial MSCs protect cartilage.",
        "MSC-CM promoted periosteal healing.",
        "Exosomal miR-21 promotes osteogenesis of BMSCs.",
        "Conditioned media of stem cells relieved OA pain.",
        "Secretome of MSCs improves bone marrow engraftment and fracture repair.",
    ],
)
def test_ev_and_bone_text_is_kept(text: str) -> None:
    assert is_relevant_text(text)


def test_generic_synthetic_records_are_dropped(tmp_path: Path) -> None:
    from scale_files import make_baseline

    path = make_baseline(tmp_path / "off.xml", 300, seed=5, share=0.0)
    assert sum(is_relevant(r) for r in _records(path)) == 0
