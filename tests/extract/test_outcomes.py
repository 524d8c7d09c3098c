"""The `outcomes` field on hand-built Documents, and its floor on the seed and dev gold."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from exobone.extract import outcomes
from exobone.extract.document import Document, Mention, Sentence
from exobone.model import Record
from shared_files import SHARED

REPO = Path(__file__).resolve().parents[2]


def make_doc(title: str, abstract: str, terms: dict[str, tuple[str, str]]) -> Document:
    """A Document whose mentions are every occurrence of each term: text -> (kind, label)."""
    doc = Document(record=Record(title=title, abstract=abstract), title=title, abstract=abstract)
    for section, text in (("title", title), ("abstract", abstract)):
        start = 0
        for index, part in enumerate(re.split(r"(?<=\.)\s+", text)):
            begin = text.index(part, start)
            doc.sentences.append(Sentence(index, begin, begin + len(part), part, section))
            start = begin + len(part)
            for term, (kind, label) in terms.items():
                for m in re.finditer(r"(?<![\w-])" + re.escape(term) + r"(?![\w])", part):
                    doc.mentions.append(
                        Mention(
                            kind, label, begin + m.start(), begin + m.end(), term, index, section
                        )
                    )
    return doc


TERMS = {
    "exosomes": ("vesicle_types", "exosome"),
    "Exosomes": ("vesicle_types", "exosome"),
    "osteogenic differentiation": ("outcomes", "osteogenic_differentiation"),
    "proliferation": ("outcomes", "cell_proliferation"),
    "apoptosis": ("outcomes", "apoptosis"),
    "Apoptosis": ("outcomes", "apoptosis"),
    "bone loss": ("outcomes", "bone_loss"),
    "fracture healing": ("outcomes", "fracture_healing"),
    "osteoarthritis": ("conditions", "osteoarthritis"),
    "IL-1beta": ("genes", "IL1B"),
}


def values(doc: Document) -> set[str]:
    return {f.value for f in outcomes.extract(doc)}


def test_title_and_abstract_findings_with_spans() -> None:
    doc = make_doc(
        "Exosomes promote osteogenic differentiation",
        "Exosomes did not affect proliferation. They reduced apoptosis of chondrocytes.",
        TERMS,
    )
    found = list(outcomes.extract(doc))
    assert {f.value for f in found} == {
        "osteogenic_differentiation|increase",
        "cell_proliferation|no_change",
        "apoptosis|decrease",
    }
    for f in found:
        text = doc.text_of(f.span.section)[f.span.start : f.span.end]
        assert text in {"osteogenic differentiation", "proliferation", "apoptosis"}


def test_background_and_genotype_sentences_give_nothing() -> None:
    doc = make_doc(
        "",
        "Mesenchymal stem cells promote fracture healing. "
        "Fracture healing was impaired in CD9-/- mice. "
        "The impaired fracture healing was rescued by injection of exosomes.",
        TERMS,
    )
    assert values(doc) == {"fracture_healing|increase"}


def test_gw4869_preventing_harm_means_the_vesicles_increase_it() -> None:
    doc = make_doc(
        "", "GW4869, an inhibitor of exosome secretion, prevented bone loss in mice.", TERMS
    )
    assert values(doc) == {"bone_loss|increase"}


def test_alleviated_disease_is_disease_severity() -> None:
    doc = make_doc("Exosomes alleviate osteoarthritis in mice", "", TERMS)
    assert values(doc) == {"disease_severity|decrease"}


def test_stimulus_effects_are_not_outcomes() -> None:
    doc = make_doc(
        "",
        "IL-1beta induced apoptosis in chondrocytes. "
        "Apoptosis induced by IL-1beta was reduced when exosomes were added.",
        TERMS,
    )
    assert values(doc) == {"apoptosis|decrease"}


MORE_TERMS = {
    **TERMS,
    "EVs": ("vesicle_types", "extracellular_vesicle"),
    "migration": ("outcomes", "cell_migration"),
    "inflammation": ("outcomes", "inflammation"),
    "mineralized nodule formation": ("outcomes", "mineralization"),
    "senescence": ("outcomes", "senescence"),
}


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        (
            "EVs increased mineralized nodule formation but reduced TRAP-positive osteoclasts.",
            {"mineralization|increase", "osteoclastogenesis|decrease"},
        ),
        (
            "The exosomes promoted proliferation while suppressing inflammation.",
            {"cell_proliferation|increase", "inflammation|decrease"},
        ),
        (
            "Compared with the PBS group, exosomes enhanced migration and reduced apoptosis.",
            {"cell_migration|increase", "apoptosis|decrease"},
        ),
        (
            "Relative to controls, EVs prevented the loss of trabecular bone in the mice.",
            {"bone_loss|decrease"},
        ),
    ],
)
def test_mixed_directions_in_one_sentence(abstract: str, expected: set[str]) -> None:
    assert values(make_doc("", abstract, MORE_TERMS)) == expected


def test_model_set_up_then_treated() -> None:
    doc = make_doc(
        "",
        "To induce senescence, chondrocytes were exposed to H2O2 before exosome treatment. "
        "Apoptosis was triggered with IL-1beta, then the cells received exosomes. "
        "Exosomes reversed the IL-1beta-induced increase in apoptosis.",
        MORE_TERMS,
    )
    assert values(doc) == {"apoptosis|decrease"}


def test_rescue_by_an_inhibitor_keeps_the_vesicle_increase() -> None:
    doc = make_doc(
        "",
        "Exosomes promoted osteogenic differentiation. "
        "The osteogenic differentiation induced by exosomes was abolished by GW4869. "
        "Osteogenic differentiation was also abolished by LY294002.",
        MORE_TERMS,
    )
    assert values(doc) == {"osteogenic_differentiation|increase"}


def _score(bibliography: Path, gold_path: Path, field: str) -> float:
    from exobone.extract import molecular, pipeline
    from exobone.ingest import read_records

    module = outcomes if field == "outcomes" else molecular
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line]
    records = [r for r in read_records(bibliography) if isinstance(r, Record)]
    assert len(records) == len(gold)
    tp = fp = fn = 0
    for record, row in zip(records, gold, strict=True):
        predicted = {f.value for f in module.extract(pipeline.build_document(record))}
        expected = set(row[field])
        tp += len(predicted & expected)
        fp += len(predicted - expected)
        fn += len(expected - predicted)
    return 2 * tp / (2 * tp + fp + fn)


@pytest.mark.usefixtures("shared_dir")
def test_seed_floor() -> None:
    seed = SHARED / "seed" / "exosome_bone_bibliography.txt"
    assert _score(seed, SHARED / "gold" / "seed_gold.jsonl", "outcomes") >= 0.85


def test_dev_floor() -> None:
    dev = REPO / "tests" / "data" / "dev_corpus"
    assert _score(dev / "dev_bibliography.txt", dev / "dev_gold.jsonl", "outcomes") >= 0.85
