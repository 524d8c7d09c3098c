"""Classes of misses found on fresh real text (issue 17 survey of outcomes, molecular effects
and cargo, quality17h: real_paraphrase R219-R233, with quality17i's R240-R254), each fixed for
the whole class with two real examples (paraphrased in our own words, the source beside each)
and a guard for what the rule must not catch.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from real_text import EXTRACTOR, after_isolation, effects_of, found

from exobone.ingest import read_records
from exobone.lexicon import load_lexicon
from exobone.model import Record


# --- a gene's letters bracketed as the abbreviation of its long form: '(MMP)-3' ---------------
@pytest.mark.parametrize(
    ("sentence", "effect"),
    [
        # doi:10.1111/jcmm.14430 (tendon stem cell exosomes in rat Achilles tendinopathy, R226)
        (
            "Injecting the exosomes into the tendon lowered the expression of matrix "
            "metalloproteinase (MMP)-3 and raised that of its tissue inhibitor.",
            "MMP3|down",
        ),
        # doi:10.1186/s12967-019-1960-x (BMSC-EVs in fibrin glue for patellar tendon, R136)
        (
            "Genes of tendon matrix formation, collagen (COL)-1a1 among them, were expressed "
            "far more in the tendons treated with the vesicles than in the controls.",
            "COL1A1|up",
        ),
    ],
)
def test_bracketed_gene_letters_name_the_gene(sentence: str, effect: str) -> None:
    assert effect in effects_of(sentence)


def test_bracketed_letters_need_the_number_after_them() -> None:
    """Guard: an abbreviation in brackets with no number after it names no gene, and the
    spelling is only added for names of letters then a number or a Greek letter."""
    lexicon = load_lexicon()
    assert ("genes", "IL6") in lexicon.lookup("(IL)-6")
    assert ("genes", "TNF") in lexicon.lookup("(TNF)-alpha")
    assert lexicon.lookup("(MMP)") == set()
    assert lexicon.lookup("(MSC)-1") == set()


def test_a_bracketed_stimulus_is_still_no_effect() -> None:
    """Guard: the cytokine that makes the disease model, now read, gets no direction."""
    effects = effects_of(
        "We stimulated the cells with interleukin (IL)-1beta to model the disease, and the "
        "exosomes reduced their apoptosis."
    )
    assert not any(value.startswith("IL1B") for value in effects)


# --- the M2 state named by its differentiation or its markers --------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        # doi:10.1039/D4TB01346H (click-engineered macrophage exosomes in osteomyelitis, R253)
        "In the infected bone the engineered exosomes enhanced the M2 differentiation of the "
        "macrophages and lowered the inflammatory factors.",
        # doi:10.3389/fimmu.2022.878194 (TNF-alpha-preconditioned MSC EVs, R241)
        "On polarized mouse macrophages the preconditioned EVs lowered the pro-inflammatory "
        "(M1) markers and raised the reparative (M2) markers such as Arg1 and CD206.",
    ],
)
def test_m2_differentiation_or_markers_lessen_activation(sentence: str) -> None:
    assert "macrophage_activation|decrease" in after_isolation(sentence, "outcomes")


def test_vesicles_of_m2_macrophages_are_no_change() -> None:
    """Guard: exosomes made by M2 macrophages, and markers only measured, name no shift."""
    outcomes = after_isolation(
        "M2 macrophage-derived exosomes raised osteogenic differentiation, and M2 markers were "
        "measured by flow cytometry.",
        "outcomes",
    )
    assert not any(value.startswith("macrophage_activation") for value in outcomes)


# --- a review's modal sentence states a prospect, not a finding -------------------------------
REVIEW_OPENING = "This review summarizes the use of extracellular vesicles in osteoarthritis. "


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        # doi:10.3390/ijms25179149 (review of MSC exosomes as an OA treatment, R230)
        (
            "We discuss how MSC-Exos may lessen cartilage degradation and synovial inflammation.",
            "cartilage_degradation",
        ),
        # doi:10.5704/MOJ.1903.012 (review of EVs in the synovial joint, R142)
        (
            "EVs might hold key information on the pathogenesis of OA, which is thought to "
            "come from the activation of pro-inflammatory factors.",
            "inflammation",
        ),
    ],
)
def test_a_reviews_modal_claim_is_no_finding(sentence: str, label: str) -> None:
    outcomes = found(REVIEW_OPENING + sentence, "outcomes")
    assert not any(value.startswith(label) for value in outcomes)


def test_a_reviews_finding_before_its_modal_is_kept() -> None:
    """Guard: only what follows the modal is a prospect (doi:10.3390/biomedicines13102521,
    review of EVs in periodontitis, R269)."""
    outcomes = found(
        REVIEW_OPENING + "Bacterial and host EVs both push periodontitis on by worsening "
        "inflammation, and they may also bear on systemic diseases.",
        "outcomes",
    )
    assert "inflammation|increase" in outcomes


def test_a_reviews_stated_finding_and_a_studys_hedged_result_are_kept() -> None:
    """Guards: a review's plain statement is still its finding, and a primary study's hedged
    result is still coded (the seed gold codes those)."""
    review = found(
        REVIEW_OPENING + "In animal models MSC exosomes reduced cartilage degradation.",
        "outcomes",
    )
    assert "cartilage_degradation|decrease" in review
    primary = after_isolation(
        "In the rats the exosomes may have reduced cartilage degradation.", "outcomes"
    )
    assert "cartilage_degradation|decrease" in primary


# --- a numbered circRNA is no molecular-effect target ---------------------------------------
REAL_PARAPHRASE = Path(__file__).parents[1] / "data" / "real_paraphrase" / "real_bibliography.txt"


@pytest.mark.parametrize(
    "title_start",
    [
        # doi:10.1186/s13287-021-02214-y (serum exosomal hsa_circ_0006859 in osteoporosis, R169)
        "Exosomal hsa_circ_0006859 is a potential biomarker",
        # doi:10.1186/s13287-021-02431-5 (exosomal circRNA_0001236 in chondrogenesis, R222)
        "Exosome-transported circRNA_0001236",
    ],
)
def test_a_circrna_gets_no_direction(title_start: str) -> None:
    """The two papers' whole abstracts, as the corpus paraphrases them (the circRNA was read
    as falling and rising with the cues around it)."""
    (record,) = (
        r
        for r in read_records(REAL_PARAPHRASE)
        if isinstance(r, Record) and r.title.startswith(title_start)
    )
    effects = {str(v) for v in EXTRACTOR.extract(record, "T").annotations["molecular_effects"]}
    assert effects and not any(value.startswith("circ_") for value in effects)


def test_the_sponged_mirna_and_a_named_lncrna_keep_theirs() -> None:
    """Guards: the miRNA a circRNA soaks up still falls, and a lncRNA raised by the vesicles
    is still a target."""
    assert "miR-3677-3p|down" in effects_of(
        "Exosomal circRNA_0001236 acted as a sponge of miR-3677-3p in the chondrocytes."
    )
    assert "H19|up" in effects_of("The exosomes raised H19 in the chondrocytes.")
