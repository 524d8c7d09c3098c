"""Helpers for the analysis tests: the 21 seed studies (gold annotations + seed abstracts,
evidence located in the text) and a builder for small hand-made studies."""

from __future__ import annotations

import bisect
import json
from pathlib import Path
from typing import Any

from exobone.analysis.frame import SentenceIndex
from exobone.ingest import read_records
from exobone.model import ANNOTATION_FIELDS, Record, Span, Study, empty_annotations
from exobone.schema import vocabulary
from shared_files import SHARED

REPO = Path(__file__).resolve().parents[2]
SEED_GOLD = SHARED / "gold" / "seed_gold.jsonl"
BIBLIOGRAPHY = REPO / "examples" / "exosome_bone_bibliography.txt"


def make_study(
    study_id: str,
    title: str = "",
    abstract: str = "",
    year: int | None = 2020,
    authors: list[str] | None = None,
    evidence: dict[str, dict[str, list[Span]]] | None = None,
    **annotations: Any,
) -> Study:
    """A hand-made study; unknown annotation names fail loudly so tests stay honest."""
    data = empty_annotations()
    for name, value in annotations.items():
        assert name in ANNOTATION_FIELDS, name
        data[name] = value
    record = Record(
        title=title, abstract=abstract, year=year, authors=authors or ["Doe, J."], journal="J Test"
    )
    return Study(id=study_id, record=record, annotations=data, evidence=evidence or {})


def span_of(text: str, words: str, section: str = "abstract") -> Span:
    """The span of the first occurrence of `words` in `text`, with its sentence index."""
    start = text.index(words)
    index = SentenceIndex(text)
    sentence = bisect.bisect_right(index.starts, start) - 1
    return Span(start=start, end=start + len(words), sentence=sentence, section=section)


def _synonyms() -> dict[str, list[str]]:
    """label -> words that say it, from the lexicon (genes: their trivial names)."""
    words: dict[str, list[str]] = {}
    for category, labels in vocabulary().items():
        if category == "gene_aliases":
            for alias, symbol in labels.items():
                words.setdefault(symbol, []).append(alias)
            continue
        for label, entry in labels.items():
            synonyms = entry.get("synonyms", []) if isinstance(entry, dict) else entry
            words.setdefault(label, []).extend(str(s) for s in synonyms)
    return words


def _locate(record: Record, value: str, synonyms: dict[str, list[str]]) -> list[Span]:
    """Fixture-only evidence: the first place any part of the value is named."""
    parts = [
        p
        for p in str(value).split("|")
        if p and p not in {"up", "down", "increase", "decrease", "no_change"}
    ]
    for part in parts:
        terms = [part, part.replace("_", " "), *synonyms.get(part, [])]
        for section, text in (("abstract", record.abstract), ("title", record.title)):
            lowered = text.lower()
            for term in sorted(terms, key=len, reverse=True):
                at = lowered.find(term.lower()) if len(term) > 2 else text.find(term)
                if at >= 0:
                    span = span_of(text, text[at : at + len(term)], section)
                    return [span]
    return []


def load_seed_studies() -> list[Study]:
    rows = [json.loads(line) for line in SEED_GOLD.read_text(encoding="utf-8").splitlines()]
    # Read by `exobone.ingest`: the cleaned text the extractor sees.
    records = [r for r in read_records(BIBLIOGRAPHY) if isinstance(r, Record)]
    assert len(records) == len(rows), (len(records), len(rows))
    synonyms = _synonyms()
    studies = []
    for row, record in zip(rows, records, strict=True):
        assert (record.first_author, record.year) == (row["first_author"], row["year"]), row["id"]
        annotations = {name: row[name] for name in ANNOTATION_FIELDS}
        evidence: dict[str, dict[str, list[Span]]] = {}
        for name in ANNOTATION_FIELDS[1:]:
            for value in row[name]:
                spans = _locate(record, str(value), synonyms)
                if spans:
                    evidence.setdefault(name, {})[str(value)] = spans
        studies.append(
            Study(id=row["id"], record=record, annotations=annotations, evidence=evidence)
        )
    return studies


A1_ABSTRACT = (
    "Adipose MSC exosomes were tested in osteoporosis. They increased RUNX2 expression in "
    "BMSCs. Osteogenic differentiation was enhanced and bone loss was reduced."
)


def corpus() -> list[Study]:
    a1 = make_study(
        "A1",
        title="Adipose MSC exosomes in osteoporosis",
        abstract=A1_ABSTRACT,
        authors=["Wang, K."],
        year=2015,
        settings=["in_vitro", "in_vivo"],
        ev_sources=["MSC|adipose|human"],
        conditions=["osteoporosis", "bone_defect"],
        outcomes=["osteogenic_differentiation|increase", "bone_loss|decrease"],
        molecular_effects=["RUNX2|up"],
        ev_cargo=["miR-21"],
        evidence={
            "molecular_effects": {"RUNX2|up": [span_of(A1_ABSTRACT, "RUNX2")]},
            "outcomes": {
                "osteogenic_differentiation|increase": [
                    span_of(A1_ABSTRACT, "Osteogenic differentiation")
                ],
                "bone_loss|decrease": [span_of(A1_ABSTRACT, "bone loss")],
            },
            "conditions": {"osteoporosis": [span_of(A1_ABSTRACT, "osteoporosis")]},
        },
    )
    a2 = make_study(
        "A2",
        title="Rat adipose MSC vesicles",
        authors=["Wang, L."],
        year=2015,
        settings=["in_vitro"],
        ev_sources=["MSC|adipose|rat"],
        conditions=["osteoporosis"],
        outcomes=["osteogenic_differentiation|increase"],
        molecular_effects=["RUNX2|down"],
    )
    a3 = make_study(
        "A3",
        title="Bone marrow MSC exosomes in osteoarthritis",
        authors=["Li, Q."],
        year=2016,
        settings=["in_vivo"],
        ev_sources=["MSC|bone_marrow|human"],
        conditions=["osteoarthritis"],
        outcomes=["apoptosis|decrease", "cell_proliferation|no_change"],
    )
    a4 = make_study(
        "A4",
        title="A review of MSC exosomes",
        authors=["Zhang, W."],
        year=2018,
        study_type="review",
        ev_sources=["MSC||"],
        conditions=["osteoarthritis"],
    )
    return [a1, a2, a3, a4]
