"""Classes of errors found on fresh real text (issue 17 survey of outcomes and molecular
effects, quality17m: real_paraphrase R300-R308, with the residual errors of the whole corpus),
each fixed for the whole class with two real examples (paraphrased in our own words, the
source beside each) and a guard for what the rule must not catch.
"""

from __future__ import annotations

import pytest
from real_text import ISOLATED, after_isolation, found, rules_named


# --- a bone-loss phenotype named by its own word is the bone_loss outcome --------------------
@pytest.mark.parametrize(
    "sentence",
    [
        # doi:10.2147/IJN.S325646 (urine stem cell EVs against wear-particle osteolysis, R248)
        "The vesicles of urine-derived stem cells ameliorated the osteolysis that polyethylene "
        "particles caused in the mouse calvaria.",
        # doi:10.1038/s41422-018-0070-2 (infused apoptotic bodies in osteopenic mice, R250)
        "Infusing the exosomes also ameliorated the osteopenia of MRL/lpr, caspase 3-deficient "
        "and ovariectomized mice.",
    ],
)
def test_osteolysis_and_osteopenia_are_bone_loss(sentence: str) -> None:
    outcomes = after_isolation(sentence, "outcomes")
    assert "bone_loss|decrease" in outcomes
    assert not any(value.startswith("disease_severity") for value in outcomes)


def test_a_named_bone_loss_phenotype_without_a_change_is_no_outcome() -> None:
    """Guard: patients grouped by osteopenia, or a model of osteolysis, name no change."""
    for sentence in (
        "The exosomal circRNA told patients with osteopenia or osteoporosis from healthy "
        "controls.",
        "The exosome-loaded nanoparticles were placed in a murine model of osteolysis.",
    ):
        outcomes = after_isolation(sentence, "outcomes")
        assert not any(value.startswith("bone_loss") for value in outcomes), sentence


@pytest.mark.parametrize(
    "abstract",
    [
        # doi:10.2147/IJN.S325646 (R248)
        "We asked whether extracellular vesicles of urine-derived stem cells can prevent the "
        "osteolysis that polyethylene wear particles cause in mice.",
        # doi:10.3389/fmed.2021.781449 (PLGA nanoparticles carrying urine stem cell exosomes, R254)
        "We made PLGA nanoparticles that carry exosomes and studied their effect on "
        "polyethylene-induced osteolysis in mice.",
    ],
)
def test_wear_particle_osteolysis_is_the_bone_loss_condition(abstract: str) -> None:
    assert "bone_loss" in found(abstract, "conditions")


# --- a molecule measured both in the source cells and in their vesicles is cargo -------------
@pytest.mark.parametrize(
    ("sentence", "cargo"),
    [
        # doi:10.1186/s12951-022-01314-y (M2 macrophage exosomes in periodontitis, R58)
        (
            "IL-10 mRNA was highly expressed both in reparative M2-like macrophages and in "
            "M2-Exos.",
            "IL10",
        ),
        # doi:10.1186/s12951-022-01763-5 (young and old ADMSC EVs in tendinopathy, R304)
        (
            "Less NAMPT protein was found both in the old ADMSCs and in the EVs they secreted.",
            "NAMPT",
        ),
    ],
)
def test_a_molecule_both_in_the_cells_and_in_their_vesicles_is_cargo(
    sentence: str, cargo: str
) -> None:
    assert cargo in after_isolation(sentence, "ev_cargo")
    assert rules_named(ISOLATED + sentence, "ev_cargo", cargo) == {"found_in"}  # cargo.yaml


def test_both_in_cells_and_in_treated_cells_is_no_cargo() -> None:
    """Guard: the second place is cells given the vesicles, not the vesicles themselves."""
    sentence = "RUNX2 was higher both in chondrocytes and in cells treated with exosomes."
    assert after_isolation(sentence, "ev_cargo") == set()


# --- a level found in patients is the disease's, not the vesicles' ---------------------------
@pytest.mark.parametrize(
    ("abstract", "not_effects"),
    [
        # doi:10.1186/s10020-021-00355-7 (hucMSC exosomes against NP cell pyroptosis, R134)
        (
            "Exosomes of umbilical cord MSCs raised the viability of NP cells and protected them "
            "from pyroptosis by targeting METTL14. METTL14 was abundant in NP cells of IVDD "
            "patients, where it stabilised NLRP3 mRNA. The raised NLRP3 levels increased "
            "IL-1beta and IL-18 and set off pyroptosis.",
            {"NLRP3|up", "IL1B|up", "IL18|up"},
        ),
        # R227 (hBMSC exosomes overexpressing miR-26a-5p in OA; source page on its NOTES line)
        (
            "Exosomes of hBMSCs were co-cultured with synovial fibroblasts treated with IL-1beta. "
            "Expression of miR-26a-5p was lower, and that of PTGS2 higher, in patients with OA "
            "than in healthy people.",
            {"miR-26a-5p|down", "PTGS2|up"},
        ),
    ],
)
def test_levels_in_patients_are_no_vesicle_effect(abstract: str, not_effects: set[str]) -> None:
    assert not found(abstract, "molecular_effects", "Exosomes in joint disease") & not_effects


def test_treated_patients_keep_the_vesicle_effect() -> None:
    """Guard: patients who were given the vesicles are the treatment arm."""
    abstract = (
        "Exosomes were injected into the knees of twelve patients with knee OA. Transient "
        "swelling was seen in two patients. Pain fell in the treated patients and IL-6 was "
        "lower in their synovial fluid."
    )
    assert "pain|decrease" in found(abstract, "outcomes", "Exosomes in OA")
    assert "IL6|down" in found(abstract, "molecular_effects", "Exosomes in OA")
