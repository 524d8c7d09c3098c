"""Outcomes told in wording families seen in several real abstracts (issue 17/18, quality18c).

Cells that did something 'faster', 'more' or 'better' after the vesicles (their verb alone or
first in a short list, the comparative after it); pro-inflammatory macrophages counted
'fewer' in treated tissue; the differentiation of osteoblasts named with the head in front of
'proliferation and differentiation'; a cytokine given 'with' a verb of stimulation is the
stimulus, not its effect; a precursor cell line (MC3T3-E1) named again by the bare mature
cell word is the same recipient; 'mineral deposition' is mineralization and 'cartilage
formation' or 'chondral repair' cartilage regeneration. Examples are paraphrased; the source
DOI is given with each, and each rule has a guard for what it must not catch.
"""

from __future__ import annotations

from real_text import after_isolation, rules_named

ISOLATED = "Exosomes were isolated from mesenchymal stem cells by ultracentrifugation. "


# --- a cell process told by its verb and a comparative --------------------------------------


def test_chondrocytes_proliferated_significantly_faster() -> None:
    # doi:10.1155/2021/6624874 (R153): chondrocytes given the exosomes of infrapatellar fat pad
    # MSCs, with or without kartogenin, grew faster than the controls.
    sentence = (
        "Chondrocytes proliferated significantly faster in the EXO and KGN-EXO groups than in "
        "the control group."
    )
    assert after_isolation(sentence, "outcomes") == {"cell_proliferation|increase"}
    assert rules_named(ISOLATED + sentence, "outcomes", "cell_proliferation|increase") == {
        "proliferated_faster"
    }
