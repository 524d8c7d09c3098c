"""ev_cargo: the phrasings that say vesicles carry a molecule, and the ones that do not."""

import pytest

from exobone.extract import Extractor
from exobone.model import Record

EXTRACTOR = Extractor(families=("cargo",))


def cargo(abstract: str) -> list[str]:
    study = EXTRACTOR.extract(Record(abstract=abstract), "S01")
    return study.annotations["ev_cargo"]


def rules(abstract: str) -> set[str]:
    """The rows (`[rule name]`) that `explain` names for the record's cargo."""
    return {
        reason.split("[rule ", 1)[1].split("]", 1)[0]
        for e in EXTRACTOR.explain(Record(abstract=abstract))
        for because in e.evidence
        for reason in because.reasons
        if e.field == "ev_cargo" and "[rule " in reason
    }


@pytest.mark.parametrize(
    ("sentence", "expected", "rule"),
    [
        ("In this study, miR-335 was enriched in ADSC-derived exosomes.", ["miR-335"], "found_in"),
        ("We found that circFOXO3 was abundant in the exosomes.", ["circFOXO3"], "found_in"),
        ("We found that Wnt10b was detected inside the exosomes.", ["WNT10B"], "found_in"),
        ("We then applied EVs carrying let-7c to osteoblasts.", ["let-7c"], "contain_after"),
        ("We injected miR-26a-loaded exosomes into the defects.", ["miR-26a"], "glued_cargo"),
        ("We showed that exosomes containing lncRNA NEAT1 protect cartilage.", ["NEAT1"],
         "contain_after"),
        ("We found the exosomes delivered hsa-miR-188-3p to osteoclasts.", ["miR-188-3p"],
         "transfer_verb"),
        ("We propose the transfer of MEG3 by MSC exosomes to chondrocytes.", ["MEG3"],
         "transfer_lead"),
        ("Exosomes from loaded tendon cells contained more scleraxis and Tnmd.", ["SCX", "TNMD"],
         "contain_after"),
        # (the verb leads to CGRP; the second molecule is read after the vesicles' verb)
        ("We found that exosomes shuttled CGRP and circRNA_0001785.", ["CALCA", "circ_0001785"],
         "transfer_verb contain_after"),
        ("We found that Wnt3a was packed into exosomes.", ["WNT3A"], "packed_into"),
        ("Exosome-mediated transfer of miR-21 raised osteogenesis.", ["miR-21"],
         "mediated_transfer"),
        ("The exosome-derived miR-21 reached the osteoblasts.", ["miR-21"], "adjective_before"),
    ],
)  # fmt: skip
def test_cargo_phrasings(sentence: str, expected: list[str], rule: str) -> None:
    """Each phrasing gives its molecules, and `explain` names the rows of data/cargo.yaml (or
    of the direction rules) that read them."""
    assert sorted(cargo(sentence)) == sorted(expected)
    assert rules(sentence) == set(rule.split())


@pytest.mark.parametrize(
    "sentence",
    [
        "We found that SOX9 was higher in chondrocytes treated with exosomes.",
        "We found that RUNX2 was secreted by osteoblasts treated with exosomes.",
        "We found that exosomes raised RUNX2 in cells that contained more SOX9.",
    ],
)
def test_effects_in_recipient_cells_are_not_cargo(sentence: str) -> None:
    assert cargo(sentence) == []


def test_a_carried_molecule_named_in_full_then_by_its_symbol_in_brackets():
    # Wharton's jelly MSC EVs carry integrin beta-1 (real-paraphrase R63), and
    # TMJ-OA chondrocyte EVs enriched in C1q binding protein (real-paraphrase R65).
    got = cargo(
        "In this study, hWJMSC-EVs carry integrin beta-1 (ITGB1), which chondrocytes take up."
    )
    assert got == ["ITGB1"]
    got = cargo(
        "In this study, the C-EVs were significantly enriched in the functional protein C1q "
        "binding protein (C1QBP)."
    )
    assert got == ["C1QBP"]
    # Treated cells, not the vesicles, hold the molecule: no cargo.
    got = cargo("In this study, chondrocytes treated with EVs expressed more aggrecan (ACAN).")
    assert got == []
