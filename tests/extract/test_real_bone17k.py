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
