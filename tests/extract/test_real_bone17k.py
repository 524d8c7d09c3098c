"""Classes of errors found on fresh real text of bone EV work (issue 17 survey of outcomes,
quality17k: real_paraphrase R260-R269, counted with the fresh R219-R254), each fixed for the
whole class with two real examples (paraphrased in our own words, the source beside each) and
a guard for what the rule must not catch.
"""

from __future__ import annotations

import pytest
from real_text import after_isolation


# --- 'anti-inflammatory' naming the macrophage phenotype is no inflammation value -------------
@pytest.mark.parametrize(
    "sentence",
    [
        # R171 (hypoxia-preconditioned BMSC exosomes in GelMA microspheres, rat femoral
        # condyle defect; source https://synapsesocial.com/pt/papers/69c4ccf7fdc3bde448918bf0)
        "In tests in vitro the loaded exosomes markedly promoted BMSC migration and the "
        "polarization of macrophages toward an anti-inflammatory phenotype.",
        # doi:10.1002/advs.202504347 (iPSC-MSC exosomes in disc degeneration, R223)
        "The exosomes broke the loop by reprogramming the M1 macrophages toward the "
        "anti-inflammatory M2 phenotype.",
    ],
)
def test_an_anti_inflammatory_phenotype_is_macrophage_activation_only(sentence: str) -> None:
    outcomes = after_isolation(sentence, "outcomes")
    assert "macrophage_activation|decrease" in outcomes
    assert not any(value.startswith("inflammation") for value in outcomes)


def test_anti_inflammatory_effects_still_lessen_inflammation() -> None:
    """Guard: the vesicles' anti-inflammatory effects or properties remain an inflammation
    value, and vesicles made by anti-inflammatory macrophages name no change."""
    assert "inflammation|decrease" in after_isolation(
        "In the joint the exosomes exerted anti-inflammatory and pro-regenerative effects.",
        "outcomes",
    )
    source_only = after_isolation(
        "Exosomes of anti-inflammatory M2 macrophages raised the osteogenic differentiation of "
        "the BMSCs.",
        "outcomes",
    )
    assert not any(value.startswith("inflammation") for value in source_only)


# --- a review stating its own scope reports no finding ---------------------------------------
@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        # doi:10.3390/ijms26073031 (review of EVs in oral inflammation, R267)
        (
            "This review takes a close look at the therapeutic potential of extracellular "
            "vesicles to reduce oral inflammation, above all in periodontitis.",
            "inflammation",
        ),
        # doi:10.1093/pcmedi/pbae032 (review of stem cell exosomes in OA, R158)
        (
            "This paper summarizes how stem cell exosomes act, and what they do, in delaying "
            "osteoarthritis.",
            "disease_severity",
        ),
        # doi:10.1016/j.biopha.2023.116001 (review of MSCs and EVs against pyroptosis, R144)
        (
            "This review focuses on clarifying how MSCs and their EVs regulate pyroptosis to "
            "improve intervertebral disc degeneration.",
            "disease_severity",
        ),
    ],
)
def test_a_reviews_scope_is_no_finding(sentence: str, label: str) -> None:
    outcomes = after_isolation(sentence, "outcomes")
    assert not any(value.startswith(label) for value in outcomes)


def test_a_scope_that_reports_evidence_keeps_its_findings() -> None:
    """Guard: a review summing up the evidence that the vesicles did something keeps it, and
    a plain finding is untouched."""
    assert "inflammation|decrease" in after_isolation(
        "This review summarizes the evidence that MSC exosomes restrain inflammation in the "
        "degenerating disc.",
        "outcomes",
    )
    assert "inflammation|decrease" in after_isolation(
        "The exosomes restrained inflammation in the degenerating disc.", "outcomes"
    )
