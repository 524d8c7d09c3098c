"""Classes of errors on reviews found in issue 17's survey of fresh real review abstracts
(quality17r: R360-R374) and the real_paraphrase corpus's residual errors on its reviews, each
fixed for the whole class with two real examples (paraphrased in our own words, the source
beside each) and a guard for what the rule must not catch.
"""

from __future__ import annotations

import pytest
from real_text import found

TITLE = "Extracellular vesicles in skeletal repair: a review"


# --- 'regulate' and 'modulate' stop a cue before them ---------------------------------------------
@pytest.mark.parametrize(
    "abstract",
    [
        # R368 (dental stem cell exosomes in regenerative endodontics; arxivlens paper
        # 1923-4638586): a list of effects in which inflammation is only 'regulated'.
        "The exosomes of dental stem cells furthered the mineralisation of dentine, enhanced "
        "angiogenesis, regulated inflammation and modulated the immune response.",
        # R362 (MSC exosomes in animal tendon injuries; ijvm.ut.ac.ir article_82854): the
        # exosomes 'stimulate' cells, then only 'modulate' the inflammatory response.
        "Exosomes of MSCs stimulate the proliferation of tenocytes and modulate the arrangement "
        "of collagen and the inflammatory responses of the healing tendon.",
    ],
)
def test_a_neutral_verb_gives_its_object_no_direction(abstract: str) -> None:
    outcomes = found(abstract, "outcomes", TITLE)
    assert not {"inflammation|increase", "inflammation|decrease"} & outcomes
    assert outcomes & {"angiogenesis|increase", "cell_proliferation|increase"}
