"""Disease-level wordings missing from the rules (issue 17, quality19a: the open corpus's
outcome misses whose words were not in the lexicon, grouped by class and counted over papers).
Each class is fixed with two or more real examples (paraphrased in our own words, the source
beside each) and a guard for what it must not catch.
"""

from __future__ import annotations

import pytest
from real_text import after_isolation, found, rules_named


def _severity(outcomes: set[str]) -> set[str]:
    return {value for value in outcomes if value.startswith("disease_severity")}


# --- vesicles that promote or drive a disease make it worse ---------------------------------
@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        # R224 (doi:10.1186/s12951-024-02556-8, title)
        (
            "Exosomes of M1 macrophages promote intervertebral disc degeneration by raising "
            "nucleus pulposus cell senescence",
            "",
        ),
        # R269 (doi:10.3390/biomedicines13102521, a review of EVs in periodontitis)
        (
            "",
            "Vesicles of oral bacteria and of host cells both drive periodontitis forward by "
            "worsening inflammation.",
        ),
        # R560 (doi:10.1016/j.omtn.2020.07.039, a circRNA carried by exosomes of degenerated
        # nucleus pulposus cells; read fresh by quality19d beside this rule)
        (
            "",
            "The circRNA carried by the exosomes of degenerated cells could promote IDD by "
            "soaking up miRNA-141-5p.",
        ),
    ],
)
def test_a_disease_the_vesicles_promote_gets_worse(title: str, abstract: str) -> None:
    outcomes = found(abstract, "outcomes", title) if title else after_isolation(
        abstract, "outcomes"
    )
    assert _severity(outcomes) == {"disease_severity|increase"}


def test_a_promoted_disease_names_the_rule() -> None:
    title = "Exosomes of M1 macrophages promote intervertebral disc degeneration"
    assert "disease_verb" in rules_named("", "outcomes", "disease_severity|increase", title)


@pytest.mark.parametrize(
    "sentence",
    [
        # the disease names the cells whose process is promoted
        "The exosomes promote OA chondrocyte proliferation in culture.",
        # the repair of a tissue, first of two coordinated objects (R21, doi:10.3390/
        # jfb14060299, a systematic review of exosomes in tendon healing)
        "In these studies exosomes promoted tendon and tendon-bone healing.",
        "The exosomes promoted tendon healing in the rats.",
    ],
)
def test_promoting_cells_or_healing_is_no_worse_disease(sentence: str) -> None:
    """Guard: 'promote' reaches only a disease that ends its object."""
    assert not _severity(after_isolation(sentence, "outcomes"))
