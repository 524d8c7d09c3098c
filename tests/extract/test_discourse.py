"""Where the study's own account starts in an abstract."""

from exobone.extract.discourse import study_start

OPENING = "Cell-free products derived from MSCs could avoid some risks of cell therapy. "


def test_this_study_with_adjectives_starts_the_study():
    text = OPENING + "In this open-label pilot study, patients received vesicles from MSCs."
    assert study_start(text) == len(OPENING)
    text = OPENING + "Our randomised controlled trial gave vesicles to patients."
    assert study_start(text) == len(OPENING)


def test_an_earlier_study_is_not_this_study():
    text = OPENING + "In the previous study, vesicles lowered pain."
    assert study_start(text) == 0


def test_a_passive_cue_after_a_comma_keeps_its_sentence():
    assert study_start("Here, synovial MSCs were obtained from rabbits.") == 0
    text = OPENING + "As their effect is unclear, we tested them in rats."
    assert study_start(text) == text.index("we tested")
