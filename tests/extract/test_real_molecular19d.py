"""Sponge RNAs that 'adsorb' their miRNA, gain-of-function manipulations read as vesicle
effects, and 'switched on' (issue 17, quality19d).

A circRNA or lncRNA that soaks up a miRNA is said to 'adsorb' or 'absorb' it as well as to
'sponge' it: the miRNA falls. Raising or restoring a molecule to test a mechanism ("restoring
miR-150-5p furthered osteogenesis", "..., and raising Keap1 abolished this") is the
experimenters' manipulation, not a change the vesicles made, as knockdowns and inhibitors
already are. A verb 'switched on' raises what it names, as 'activated' does. Examples are
paraphrased in new words; the source DOI is given with each.
"""

from __future__ import annotations

from real_text import effects_of


def test_a_circrna_that_adsorbs_a_mirna_lowers_it() -> None:
    # doi:10.1016/j.omtn.2020.07.039 (R560): exosomal circRNA_0000253 of degenerative
    # nucleus pulposus cells adsorbs miRNA-141-5p and so lowers SIRT1.
    assert effects_of(
        "The exosomal circRNA_0000253 could adsorb miRNA-141-5p and thereby lower SIRT1."
    ) == {"miR-141-5p|down", "SIRT1|down"}


def test_a_lncrna_sponge_that_absorbs_a_mirna_lowers_it() -> None:
    # doi:10.7150/thno.58410 (R386): exosomal lnc-H19 soaks up miR-106.
    assert "miR-106|down" in effects_of(
        "Mechanistically, the exosomal lnc-H19 worked as a sponge that absorbs miR-106."
    )


def test_vesicles_absorbed_by_cells_sign_no_mirna_down() -> None:
    """Guard: 'absorbed by' cells is uptake; the miRNA named after it keeps its own sign."""
    assert effects_of(
        "The exosomes were absorbed by the recipient chondrocytes, and miR-140 rose in them."
    ) == {"miR-140|up"}


def test_restoring_a_mirna_opening_the_sentence_is_a_manipulation() -> None:
    # PMC10425527 (real_paraphrase R385): BMSC-EVs in diabetic osteoporosis; the miRNA was
    # put back by the experimenters.
    assert (
        effects_of("Restoring miR-150-5p expression furthered osteogenesis in the osteoblasts.")
        == set()
    )


def test_raising_a_target_that_abolished_the_effect_is_a_manipulation() -> None:
    # https://acemap.info/paper/363266438 (R193; no DOI on the page): PRP exosomes and the
    # Keap1-Nrf2 pathway in disc cells.
    assert (
        effects_of(
            "Overexpressing miR-141-3p eased the toxicity of H2O2 to the disc cells, and raising "
            "Keap1 and silencing Nrf2 cancelled this."
        )
        == set()
    )


def test_raising_as_one_more_means_of_the_vesicles_keeps_its_sign() -> None:
    """Guard: after 'by lowering X', 'and raising Y' is the vesicles' second means."""
    assert effects_of(
        "The exosomes protected the cartilage by lowering MMP13 and raising COL2A1."
    ) == {"MMP13|down", "COL2A1|up"}


def test_vesicles_that_switched_on_a_pathway_raised_it() -> None:
    # doi:10.1186/s12951-024-02713-z (R220): hydrogel-held BMSC exosomes and Nrf2 in OA.
    assert effects_of(
        "Sequencing pointed to TGFB1 as the key gene, through which the exosomes switched on "
        "Nrf2 signalling."
    ) == {"NFE2L2|up"}


def test_a_factor_that_switched_on_transcription_raised_it() -> None:
    # R219 (real_paraphrase; SMSC-EV miR-31 and KDM2A in knee OA, the discovery.researcher.life
    # page of its NOTES line): E2F1 at the PTTG1 promoter turned PTTG1 transcription on.
    assert "PTTG1|up" in effects_of(
        "Once freed, E2F1 bound the PTTG1 promoter and switched on PTTG1 transcription."
    )


def test_cultures_switched_to_a_medium_sign_nothing() -> None:
    """Guard: 'switched on to' a medium is a culture step; only the vesicles' effect counts."""
    assert effects_of(
        "After seven days the cultures were switched on to osteogenic medium with the "
        "exosomes, and the exosomes raised RUNX2."
    ) == {"RUNX2|up"}
