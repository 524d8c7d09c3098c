"""Classes of errors found on fresh real text (issue 17 survey of outcomes and molecular
effects, quality17m: real_paraphrase R300-R308, with the residual errors of the whole corpus),
each fixed for the whole class with two real examples (paraphrased in our own words, the
source beside each) and a guard for what the rule must not catch.
"""

from __future__ import annotations

import pytest
from real_text import ISOLATED, after_isolation, rules_named


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
