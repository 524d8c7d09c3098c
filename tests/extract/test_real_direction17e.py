"""Classes of direction errors found on fresh real text (issue 17e survey, real_paraphrase
R166-R179), each fixed for the whole class with two real examples (paraphrased in our own
words, the source beside each) and a guard for what the rule must not catch.
"""

from __future__ import annotations

import pytest
from real_text import after_isolation, effects_of


# --- 'reverse transcription' names the RT-qPCR method, not a reversal ------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        # PMC10024348 (adipose MSC exosomes and miR-93-5p/ADAMTS9 in OA chondrocytes, R175)
        "The expression of miR-93-5p and ADAMTS9 in the articular chondrocytes was detected by "
        "reverse transcription quantitative polymerase chain reaction.",
        # doi:10.1186/s10020-021-00355-7 (umbilical cord MSC exosomes and NP cell pyroptosis, R134)
        "The mRNAs of METTL14 and NLRP3 were quantified by quantitative reverse "
        "transcription-polymerase chain reaction.",
    ],
)
def test_reverse_transcription_is_a_method(sentence: str) -> None:
    assert effects_of(sentence) == set()


def test_the_verb_reverse_still_undoes_a_change() -> None:
    """Guard: the vesicles reversing a loss still raise what was lost."""
    assert "ACAN|up" in effects_of("The exosomes reversed the IL-1beta-induced loss of aggrecan.")


# --- the matrix named process first: 'synthesis/deposition of (cartilage) matrix' ------------
@pytest.mark.parametrize(
    "sentence",
    [
        # doi:10.3390/ph14040315 (EVs in OA, R200)
        "EVs can also counter OA, increasing the deposition of extracellular matrix and "
        "protecting the cartilage.",
        # doi:10.1039/D4NR02792B (exosomes as OA nanocarriers, R204)
        "Because exosomes temper joint inflammation and support the synthesis of cartilage "
        "matrix, they are promising carriers for OA therapy.",
    ],
)
def test_synthesis_of_matrix_is_matrix_synthesis(sentence: str) -> None:
    assert "matrix_synthesis|increase" in after_isolation(sentence, "outcomes")


def test_matrix_metalloproteinases_are_no_matrix() -> None:
    """Guard: the enzymes that break the matrix down are not its synthesis."""
    outcomes = after_isolation(
        "The exosomes lowered the production of matrix metalloproteinases in chondrocytes.",
        "outcomes",
    )
    assert not any(value.startswith("matrix_synthesis") for value in outcomes)


# --- the tissue kept: 'preserved/protected (the) bone (and cartilage)' -----------------------
def test_preserved_bone_and_cartilage() -> None:
    # doi:10.1186/s12951-020-00675-6 (exosome-dexamethasone nanoparticles in CIA mice, R215)
    outcomes = after_isolation(
        "In the CIA mice the targeted exosome nanoparticles preserved the bone and cartilage "
        "better than the other dexamethasone formulations.",
        "outcomes",
    )
    assert {"bone_loss|decrease", "cartilage_degradation|decrease"} <= outcomes


def test_protected_bone() -> None:
    # doi:10.1093/jbmrpl/ziaf164 (serum exosomes of young rats after fatigue loading, R71)
    outcomes = after_isolation(
        "Given by intramedullary injection, the serum exosomes of young rats protect bone after "
        "fatigue damage.",
        "outcomes",
    )
    assert "bone_loss|decrease" in outcomes


def test_bone_marrow_and_cartilage_cells_are_no_tissue_kept() -> None:
    """Guard: cells protected from an insult are not bone or cartilage kept from loss."""
    outcomes = after_isolation(
        "The exosomes protected bone marrow stem cells and cartilage cells from oxidative damage.",
        "outcomes",
    )
    assert not any(v.startswith(("bone_loss", "cartilage_degradation")) for v in outcomes)


# --- stem cells drawn to the site, told with the verb: 'helped recruit BMSCs' ----------------
@pytest.mark.parametrize(
    "sentence",
    [
        # doi:10.1186/s12951-022-01245-8 (PRP exosomes in a thermosensitive hydrogel, R28)
        "The PRP exosomes lowered chondrocyte apoptosis, raised their proliferation and may "
        "have helped recruit stem cells, delaying the osteoarthritis.",
        # R172 (ADSC-engineered nanovesicles on a printed PCLMA scaffold, radial defect)
        "In vivo the vesicle-coated scaffold promoted angiogenesis and helped recruit BMSCs to "
        "the defect.",
    ],
)
def test_recruiting_stem_cells_is_migration(sentence: str) -> None:
    assert "cell_migration|increase" in after_isolation(sentence, "outcomes")


def test_the_recruited_cells_are_no_change() -> None:
    """Guard: cells named as already drawn to the site are not a change the vesicles made."""
    outcomes = after_isolation(
        "The recruited BMSCs then differentiated into osteoblasts in the defect.", "outcomes"
    )
    assert "cell_migration|increase" not in outcomes
