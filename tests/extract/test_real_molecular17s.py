"""Classes of molecular-effect and cargo errors seen on fresh real text (issue 17, quality17s),
each fixed through a rule row and tested on sentences paraphrased in our own words from two
real published abstracts (the source beside each example), run through the whole extractor,
with a guard for what the row must not catch.
"""

from __future__ import annotations

import pytest
from real_text import ISOLATED, effects_of, found


# --- a second changed state joined by "and" is the same verb's object (coordinated_change) -----
@pytest.mark.parametrize(
    ("abstract", "expected", "wrong"),
    [
        # doi:10.1186/s13287-020-01781-w (BMSC exosomes in MIA osteoarthritis, real_paraphrase
        # R55): the treatment eased the IL-1beta-induced loss of matrix genes and rise of enzymes
        (
            "Giving the exosomes first clearly lessened the IL-1beta-induced downregulation of "
            "COL2A1 and ACAN and upregulation of MMP13 and ADAMTS5.",
            {"COL2A1|up", "ACAN|up", "MMP13|down", "ADAMTS5|down"},
            {"MMP13|up", "ADAMTS5|up"},
        ),
        # doi:10.1111/jcmm.15714 (exosomes of curcumin-treated MSCs in OA, R382)
        (
            "The exosomes restored the down-regulated expression of miR-143 and miR-124 and "
            "the up-regulated expression of NF-kB and ROCK1 in the OA cells.",
            {"miR-143|up", "miR-124|up", "NF_kB|down", "ROCK1|down"},
            {"NF_kB|up", "ROCK1|up"},
        ),
    ],
)
def test_a_coordinated_changed_state_takes_the_same_verb(
    abstract: str, expected: set[str], wrong: set[str]
) -> None:
    effects = effects_of(abstract)
    assert expected <= effects
    assert not wrong & effects


def test_a_participle_after_and_with_no_determiner_is_a_verb_of_its_own() -> None:
    """Guard: "... of SOX9 and increased MMP13" is a second finding of the vesicles, not a
    state the first verb restored; a comma before "and" starts a new clause."""
    assert "MMP13|up" in effects_of(
        "The exosomes restored the decreased expression of SOX9 and increased MMP13."
    )
    assert "COL2A1|down" in effects_of(
        "The exosomes reduced the upregulation of MMP13, and downregulation of COL2A1 followed."
    )


# --- the vesicles named with the amount of a molecule they hold (vesicles_with) -----------------
@pytest.mark.parametrize(
    ("abstract", "molecule"),
    [
        # doi:10.2147/JIR.S254879 (umbilical cord MSC exosomes in tendon adhesion, R380)
        (
            "Treating the HUMSCs with the antagonist yielded HUMSC-Exos with still lower levels "
            "of miR-21a-3p, which inhibited the adhesion further.",
            "miR-21a-3p",
        ),
        # doi:10.1302/2046-3758.132.BJR-2023-0146.R2 (exosomes of senescent osteocytes, R88)
        (
            "Exosomes of senescent osteocytes, with their lowered miR-494-3p, hold back "
            "osteogenic differentiation.",
            "miR-494-3p",
        ),
        # doi:10.1186/s13287-020-02039-1 (dental pulp stem cell sEVs and macrophages, R102)
        (
            "Sequencing found 81 microRNAs changed in DPSCs-sEV, with a 12-fold upregulation of "
            "miR-125a-3p.",
            "miR-125a-3p",
        ),
    ],
)
def test_the_amount_the_vesicles_hold_is_no_effect(abstract: str, molecule: str) -> None:
    effects = effects_of(abstract)
    assert f"{molecule}|up" not in effects
    assert f"{molecule}|down" not in effects


def test_a_finding_after_a_vesicle_verb_and_with_is_still_an_effect() -> None:
    """Guard: "with" must modify the vesicles themselves; when the vesicles act and the
    sentence goes on "with higher X in the cells", X rose."""
    assert "SOX9|up" in effects_of(
        "The exosomes were given to the chondrocytes, with higher expression of SOX9 in them."
    )
    # a comparison with other vesicles, then the cells' measures
    assert "ALPL|up" in effects_of(
        "The engineered exosomes furthered osteogenesis more than the control exosomes, with "
        "higher ALP activity in the cells."
    )


# --- a methylation mark is no amount (methylation_of) --------------------------------------------
@pytest.mark.parametrize(
    ("abstract", "molecules"),
    [
        # doi:10.1111/jcmm.15714 (curcumin and MSC exosomes, R382)
        (
            "In mechanism, the exosomes lowered the DNA methylation of the promoters of miR-143 "
            "and miR-124.",
            ("miR-143", "miR-124"),
        ),
        # doi:10.1186/s13287-022-03005-9 (umbilical cord MSC EVs and METTL3 in knee OA, R307)
        ("The EVs act with METTL3 to lower m6A of NLRP3 in the macrophages.", ("NLRP3",)),
    ],
)
def test_a_methylated_molecule_gets_no_direction(abstract: str, molecules: tuple[str, ...]) -> None:
    effects = effects_of(abstract)
    for molecule in molecules:
        assert not {f"{molecule}|up", f"{molecule}|down"} & effects


def test_phosphorylation_and_the_next_finding_keep_their_direction() -> None:
    """Guard: phosphorylation is activation (docs/schema.md), and a finding joined after the
    methylated molecule keeps its own verb."""
    assert "PI3K_Akt|up" in effects_of("The exosomes raised the phosphorylation of AKT.")
    assert "RUNX2|up" in effects_of(
        "The exosomes lowered the methylation of SOX9 and raised RUNX2."
    )


# --- alpha-smooth muscle actin is ACTA2 (lexicon gene_aliases) ----------------------------------
@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # doi:10.2147/JIR.S254879 (R380)
        (
            "In vitro the exosomes suppressed the fibrosis genes collagen III (COL III) and "
            "alpha-smooth muscle actin (alpha-SMA).",
            {"COL3A1|down", "ACTA2|down"},
        ),
        # R347 (BMSC exosome hydrogel in rotator cuff repair; source on its NOTES line)
        ("The exosomes raised Col I, Col III, Scx and alpha-SMA.", {"ACTA2|up", "COL3A1|up"}),
    ],
)
def test_alpha_smooth_muscle_actin_is_acta2(abstract: str, expected: set[str]) -> None:
    assert expected <= effects_of(abstract)


# --- a long gene name, then its symbol in brackets, found in the vesicles (cargo found_in) -----
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # doi:10.1186/s12951-024-02556-8 (M1 macrophage exosomes in disc degeneration, R224)
        ("RNA-seq showed that Lipocalin2 (LCN2) was enriched in M1-Exos.", "LCN2"),
        # doi:10.1038/s41413-019-0056-9 (urine stem cell EVs in osteoporosis, R40)
        (
            "Collagen triple helix repeat containing 1 (CTHRC1) and osteoprotegerin (OPG) are "
            "enriched in USC-EVs.",
            "CTHRC1",
        ),
    ],
)
def test_a_bracketed_symbol_found_in_the_vesicles_is_cargo(sentence: str, expected: str) -> None:
    assert expected in found(ISOLATED + sentence, "ev_cargo")


def test_a_bracket_of_cells_before_a_level_in_cells_is_no_cargo() -> None:
    """Guard: the bracket may close only the molecule's own name; a level in treated cells is
    an effect, not cargo."""
    assert "SOX9" not in found(
        ISOLATED + "SOX9 (the chondrogenic factor) rose in the chondrocytes.", "ev_cargo"
    )


# --- chemokines, colony-stimulating factors and annexin A1 by their trivial names (lexicon) -----
@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # doi:10.3390/ijms22147409 (neutrophil microvesicles on synovial fibroblasts, R422)
        (
            "The microvesicles lowered the TNFalpha-induced expression of IL-6, MCP-1 and "
            "MIP-1beta in the fibroblasts.",
            {"IL6|down", "CCL2|down", "CCL4|down"},
        ),
        # doi:10.1186/ar1706 (microparticles on fibroblast-like synoviocytes, R429)
        (
            "Incubation with the microparticles raised MCP-1, IL-8 and RANTES. GM-CSF levels fell.",
            {"CCL2|up", "CXCL8|up", "CCL5|up", "CSF2|down"},
        ),
    ],
)
def test_chemokines_by_their_trivial_names(abstract: str, expected: set[str]) -> None:
    assert expected <= effects_of(abstract)


@pytest.mark.parametrize(
    "sentence",
    [
        # doi:10.1126/scitranslmed.aac5608 (neutrophil microvesicles in arthritis, R421)
        "The synovial MVs carried annexin A1.",
        # EBioMedicine 29 (2018) 60-69 (neutrophil microvesicles and macrophages, R423)
        "AnxA1 was found in the microvesicles.",
    ],
)
def test_annexin_a1_is_anxa1(sentence: str) -> None:
    assert "ANXA1" in found(ISOLATED + sentence, "ev_cargo")


# --- how much the source cells secrete names their machinery (secretion_changed) ---------------
@pytest.mark.parametrize(
    ("abstract", "molecules"),
    [
        # doi:10.1186/s12951-021-00826-3 (titanium topography and BMSC exosome secretion, R05)
        (
            "The micro/nanonet surface raised exosome secretion by upregulating RAB27B and SMPD3 "
            "gene expression.",
            ("RAB27B", "SMPD3"),
        ),
        # doi:10.1186/s13018-021-02321-9 (WKYMVm peptide and mBMSC exosome secretion, R425)
        (
            "Once the peptide switched on the FPR2 pathway in mBMSCs, ISG15 and TFEB expression "
            "fell and exosome secretion rose.",
            ("ISG15", "TFEB"),
        ),
    ],
)
def test_the_secreting_cells_machinery_is_no_effect(
    abstract: str, molecules: tuple[str, ...]
) -> None:
    effects = effects_of(abstract)
    for molecule in molecules:
        assert not {f"{molecule}|up", f"{molecule}|down"} & effects


def test_a_vesicle_effect_beside_a_secretion_block_keeps_its_direction() -> None:
    """Guard: a sentence that only names the vesicles' effect keeps it, and the row needs the
    secretion itself to change."""
    assert "RUNX2|up" in effects_of(
        "The exosomes raised RUNX2 expression, and their release from the hydrogel lasted days."
    )


# --- an adjective before "levels of" reaches the whole list (adjective_list) ---------------------
@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # R347 (BMSC exosome hydrogel in rotator cuff repair; source on its NOTES line)
        (
            "The exosome group showed clearly higher mRNA levels of Col I, Col III, Scx and "
            "alpha-SMA than the other groups.",
            {"COL1A1|up", "COL3A1|up", "SCX|up", "ACTA2|up"},
        ),
        # doi:10.1186/s13287-022-02767-6 (dental follicle stem cell sEVs on PDLSCs, R129)
        (
            "The sEVs brought higher protein levels of RUNX2, BSP, COL1 and ALP.",
            {"RUNX2|up", "IBSP|up", "COL1A1|up", "ALPL|up"},
        ),
    ],
)
def test_an_adjective_reaches_its_whole_list(abstract: str, expected: set[str]) -> None:
    assert expected <= effects_of(abstract)


def test_an_adjective_does_not_reach_past_its_list() -> None:
    """Guard: after the list ends, a later clause's molecule is not the adjective's."""
    effects = effects_of(
        "The exosomes gave higher levels of SOX9 in the cells and mice treated with them gained "
        "RUNX2."
    )
    assert "SOX9|up" in effects
    assert "RUNX2|up" not in effects
