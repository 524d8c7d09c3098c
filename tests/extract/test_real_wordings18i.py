"""Structural wordings seen across real abstracts (issue 17, quality18i): two cue verbs joined
by a conjunction, and the study's aim told with "this work" as the subject.

Each case paraphrases, in our own words, a published abstract (source in the comment), run
through the whole extractor or the function that reads the wording, with a guard for what the
fix must not change.
"""

from __future__ import annotations

import pytest

from exobone.extract.direction_compose import outer_verb
from exobone.extract.direction_cues import as_view, find_cues
from exobone.extract.discourse import study_start


@pytest.mark.parametrize(
    ("sentence", "reversal"),
    [
        # doi:10.3389/fbioe.2022.1074536 (Yuan et al. 2022, exosome therapy of TMJ
        # osteoarthritis, real_paraphrase R148): present treatments only ease the symptoms
        (
            "Present treatments of TMJOA ease pain and inflammation but cannot halt or reverse "
            "the destruction of cartilage and subchondral bone.",
            "reverse",
        ),
        # doi:10.3390/bioengineering9030099 (Fan et al. 2022, exosomes in OA, real_paraphrase
        # R20): the drugs of today only palliate
        (
            "Today's OA drugs mostly palliate and do not halt or reverse the progression of the "
            "disease.",
            "reverse",
        ),
    ],
)
def test_a_reversal_joined_to_a_verb_has_no_outer_verb(sentence: str, reversal: str) -> None:
    view = as_view(sentence)
    cues = find_cues(view)
    cue = next(c for c in cues if c.text.lower() == reversal)
    assert any(c.text.lower() == "halt" for c in cues)  # the verb before it is a cue
    assert outer_verb(view, cue, cues, [], set()) is None


@pytest.mark.parametrize(
    ("sentence", "outer", "inner"),
    [
        ("The exosomes reduced the upregulation of MMP13.", "reduced", "upregulation"),
        ("The exosomes prevented the loss of proteoglycan in the cartilage.", "prevented", "loss"),
    ],
)
def test_a_verb_before_a_determiner_still_acts_on_the_noun(
    sentence: str, outer: str, inner: str
) -> None:
    """Guard: real nesting ("reduced THE upregulation of", "prevented THE loss of") is kept."""
    view = as_view(sentence)
    cues = find_cues(view)
    cue = next(c for c in cues if c.text.lower().startswith(inner))
    verb = outer_verb(view, cue, cues, [], set())
    assert verb is not None and verb.text.lower() == outer


# --- the study's aim told with "this work" or "this investigation" as the subject ------------
def test_this_work_states_the_aim_inside_the_introduction() -> None:
    # real_paraphrase R445 (exosomes of periodontal ligament stem cells in a hydrogel in rat
    # alveolar bone defects; source on its NOTES line): the aim follows "Introduction:"
    abstract = (
        "Introduction: This work examined whether exosomes of periodontal ligament stem cells "
        "are osteogenic and whether, carried in a hydrogel, they repair alveolar bone defects "
        "in rats. Methods: The stem cells were grown from the ligament and their exosomes were "
        "purified by ultracentrifugation."
    )
    assert study_start(abstract) == 0  # the aim's sentence, not "Methods:"


@pytest.mark.parametrize(
    "abstract",
    [
        # doi:10.1186/s12951-024-02713-z (a hydrogel carrying BMSC exosomes in OA,
        # real_paraphrase R220): the opening sentence is the aim, the next tells the work
        "This work examined how a matrix-mimicking hydrogel that carries exosomes of bone "
        "marrow mesenchymal stem cells acts in osteoarthritis. We prepared the hydrogel and "
        "tested it on chondrocytes.",
        # PMC7071989 (EVs of healthy and IL-1beta-treated chondrocytes, real_paraphrase R89)
        "This investigation set out to learn what extracellular vesicles released by articular "
        "chondrocytes do to other chondrocytes. Chondrocytes were treated with vehicle or "
        "with IL-1beta, and both released vesicles of similar size.",
    ],
)
def test_an_opening_aim_of_this_work_is_study_text(abstract: str) -> None:
    """(The second sentence has a study cue: without the aim the first would be background.)"""
    assert study_start(abstract) == 0


def test_other_work_in_the_background_is_not_the_aim() -> None:
    """Guard: earlier research that "examined whether" is background, not this study's aim."""
    abstract = (
        "Background: Exosomes act on bone. Earlier research examined whether they heal "
        "fractures. Methods: Rats with a femoral fracture were given exosomes."
    )
    assert abstract[study_start(abstract) :].startswith("Methods:")
