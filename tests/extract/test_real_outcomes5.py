"""Outcome values lost at the direction-word gate on real text (issue 17, session 18): a disease
the vesicles inhibit or suppress, process adjectives with a prefix that share one noun of
capacity with the adjectives after them, a process the vesicles speed up or favour. Each class is
a FORM of saying a direction, not a phrase: the rows widened are the disease verbs, the pro-
adjective phrases and the cue table. Every class rests on sentences paraphrased in our own words
from at least two independent real published abstracts (at least one outside the dev corpus),
run through the whole extractor, with guards where the wider gate could over-fire.

R-numbers are records of tests/data/real_paraphrase (their NOTES line gives the DOI); the other
sources were read with the search tool and are named by DOI or URL beside each text.
"""

from __future__ import annotations

from exobone.extract.direction_cues import find_cues
from exobone.extract.direction_rules import UP


def test_sped_up_is_read_as_a_rise() -> None:
    # R80 (PMC8961306, hADSC exosomes released from a PLGA scaffold): the verb's object, 'bone
    # reconstruction', has no vocabulary term, so the verb is checked as a cue of its own
    cues = find_cues("The exosomes secured the blood supply and sped up bone reconstruction.")
    assert [(cue.sign, cue.form) for cue in cues if cue.text.startswith("sped")] == [(UP, "verb")]
