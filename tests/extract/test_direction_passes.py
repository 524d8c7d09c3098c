"""The passes of `resolve`, each on the sentence its docstring gives as its rule."""

from __future__ import annotations

import re

import pytest

from exobone.extract.direction import DOWN, UP, Target, resolve


def _target(text: str, term: str, kind: str, inverse: bool = False) -> Target:
    label, _, word = term.partition("=")
    match = re.search(re.escape(word or label), text)
    assert match, term
    return Target(match.start(), match.end(), label, kind, None, inverse)


@pytest.mark.parametrize(
    ("rule", "text", "terms", "kind", "signs"),
    [
        ("predicate after the target, past a stimulus's verb",
         "Apoptosis induced by IL-1beta was reduced by exosomes.", ["apoptosis=Apoptosis"],
         "outcomes", [DOWN]),
        ("a neutral predicate blocks the cue before",
         "Exosomes reduced apoptosis, and inflammation was evaluated by ELISA.",
         ["apoptosis", "inflammation"], "outcomes", [DOWN, None]),
        ("a direct object is released from a later predicate",
         "Exosomes inhibited apoptosis, and p38 was activated.", ["apoptosis", "p38"],
         "outcomes", [DOWN, UP]),
        ("an inhibitor's target gets no direction",
         "Exosomes reduced the expression of an inhibitor of AKT.", ["AKT"], "genes", [None]),
        ("vesicle cargo gets no direction", "miR-21 was enriched in the exosomes.", ["miR-21"],
         "mirna", [None]),
        ("an X-induced phenotype moves with what it induced",
         "Exosomes reduced mitochondrial dysfunction-induced apoptosis.",
         ["mitochondrial_dysfunction=mitochondrial dysfunction", "apoptosis"], "outcomes",
         [DOWN, DOWN]),
        ("a reversal undoes the changes named before",
         "IL-1beta raised MMP13, but all the changes were almost abolished when BMSC-Exos was "
         "added.", ["MMP13"], "genes", [DOWN]),
        ("an agent is never a target",
         "Chondrocytes stimulated with IL-1beta showed more apoptosis after exosomes.",
         ["IL-1beta"], "genes", [None]),
        ("a secretion blocker inverts what it prevented", "GW4869 prevented bone loss in the mice.",
         ["bone_loss=bone loss"], "outcomes", [UP]),
        ("nothing from a gerund subject on gets a direction",
         "Inhibiting miR-21 abolished the increase in ALP by exosomes.", ["ALP"], "genes",
         [None]),
    ],
)  # fmt: skip
def test_each_pass_on_its_sentence(
    rule: str, text: str, terms: list[str], kind: str, signs: list[int | None]
) -> None:
    assert resolve(text, [_target(text, term, kind) for term in terms]) == signs, rule


def test_an_inverse_measure_is_inverted() -> None:
    text = "Exosomes restored mitochondrial membrane potential."
    target = _target(
        text, "mitochondrial_dysfunction=mitochondrial membrane potential", "outcomes", True
    )
    assert resolve(text, [target]) == [DOWN]
