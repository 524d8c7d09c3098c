"""Osteoclasts named only through the process the vesicles were tested on (issue 17,
quality20a).

The gold, settled with the corpus majority (real_paraphrase NOTES, ALL line of 2026-12-07
(1)): osteoblasts or osteoclasts named only through their activity, formation or
differentiation are recipients when the in vitro work gives them the vesicles; the cell word
before 'formation' or 'differentiation' is otherwise read as a modifier (not_recipient_after),
so 'the effects on osteoclast formation of exosomes' gave no recipient. Examples are
paraphrased; the source DOI is given with each.
"""

from __future__ import annotations

from real_text import found


def test_prostate_cancer_exosomes_and_their_effects_on_osteoclast_differentiation() -> None:
    # R567, doi:10.3892/etm.2021.10739: PC-3 exosomes tested on osteoclasts made from human
    # blood mononuclear cells, named through their differentiation.
    abstract = (
        "The prostate cancer line PC-3 was cultured and its exosomes were isolated to examine "
        "their possible effects on osteoclast differentiation."
    )
    assert found(abstract, "recipient_cells") == {"osteoclast||"}


def test_breast_cancer_exosomes_and_their_effects_on_osteoclast_formation() -> None:
    # R568, doi:10.7150/thno.45351: exosomes of the MDA231 line and its SCP28 subline tested
    # on osteoclast formation.
    abstract = (
        "The effects on osteoclast formation of exosomes released by the MDA231 line and by "
        "its subline SCP28 were confirmed by TRAP staining."
    )
    assert found(abstract, "recipient_cells") == {"osteoclast||"}


def test_cells_named_after_the_process_are_the_ones_tested() -> None:
    """Guard: 'effects on osteoblast differentiation of BMSCs' tests the BMSCs; 'osteoblast'
    names what they become."""
    abstract = (
        "Exosomes were isolated from adipose stem cells to study their effects on osteoblast "
        "differentiation of BMSCs."
    )
    assert found(abstract, "recipient_cells") == {"MSC|bone_marrow|"}


def test_osteoclast_formation_without_a_test_of_the_vesicles_names_no_cells() -> None:
    """Guard: the process named with no 'effects on' (a statement of what the vesicles did in
    the animals) keeps the cell word a modifier."""
    abstract = (
        "Exosomes of adipose stem cells were injected into ovariectomized mice, and osteoclast "
        "formation fell in the femurs."
    )
    assert found(abstract, "recipient_cells") == set()
