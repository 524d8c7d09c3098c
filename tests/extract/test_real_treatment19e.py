"""The study's own treatment named by a bare noun after a predicate (issue 17, gold19e): a
change that 'decreased shortly after the injection' or 'rose after treatment', in a sentence that
goes on about the vesicles of the sentence before, is the vesicles' effect; the treatment noun is
no other agent (rule own_treatment of data/direction.yaml). Texts are paraphrased in our own
words from real published abstracts (DOI beside each), with guards for treatments that name their
own agent.
"""

from __future__ import annotations

from real_text import found


def test_markers_that_fell_after_the_injection_tell_the_processes() -> None:
    # doi:10.18632/aging.206158 (real_paraphrase R139): adipose MSC EVs injected in murine OA;
    # markers of three processes fell in the joints after the injection.
    text = (
        "EVs of adipose-derived MSCs also worked as a treatment when they were injected into "
        "mice with osteoarthritis. Several markers of senescence, inflammation and oxidative "
        "stress decreased shortly after the injection, which likely accounts for the benefit."
    )
    assert {"inflammation|decrease", "oxidative_stress|decrease"} <= found(text, "outcomes")


def test_matrix_proteins_that_rose_after_treatment_were_raised_by_the_vesicles() -> None:
    # doi:10.3390/ijms25168560 (real_paraphrase R479): exosomes of deciduous-teeth stem cells
    # on IL-1beta-stimulated SW1353 cells (the abstract also gives the fold changes, which the
    # extractor does not yet read as a predicate without an object).
    text = (
        "The SHED exosomes held down the inflammatory factors that IL-1beta had raised. "
        "Collagen II and ACAN, the chief matrix proteins of cartilage, rose after treatment, "
        "nearly to their levels in healthy joints."
    )
    assert {"COL2A1|up", "ACAN|up"} <= found(text, "molecular_effects")


def test_a_treatment_that_names_its_stimulus_is_still_another_agent() -> None:
    # guard: the stimulus of the model, named with the treatment noun, did this
    text = "The exosomes lowered TNF in the chondrocytes. Apoptosis rose after IL-1beta treatment."
    assert "apoptosis|increase" not in found(text, "outcomes")
    text = "The exosomes lowered TNF in the chondrocytes. Apoptosis rose after treatment with H2O2."
    assert "apoptosis|increase" not in found(text, "outcomes")


def test_a_treatment_noun_in_a_sentence_about_no_vesicles_gives_nothing() -> None:
    # guard: with no vesicle before it, 'the injection' is no vesicle treatment
    text = "Osteoarthritis was induced with collagenase. Swelling decreased after the injection."
    assert not found(text, "outcomes")
