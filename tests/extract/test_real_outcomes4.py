"""Outcomes and assays lost at the vocabulary gate (issue 17, session 17): on the dev corpus of
real paraphrases about half of the outcome values a reader sees and the extractor missed had no
term the engine knows (the word of the process was there, in another form), against a few lost
to direction words and clause edges. Each class widened here is a FORM of naming, not a phrase:
a process adjective with a noun of capacity, a disease the vesicles lessen, a biomechanical test
named by what it measures. Every class rests on sentences paraphrased in our own words from at
least two independent real published abstracts, run through the whole extractor, with guards
where the wider gate could over-fire.

R-numbers are records of tests/data/real_paraphrase (their NOTES line gives the DOI); the other
sources were read with the search tool and are named by DOI or URL beside each text.
"""

from __future__ import annotations

from exobone.extract.direction import DOWN, Target, resolve


def test_damping_an_increased_apoptosis_lowers_it() -> None:
    # R61 (doi:10.1016/j.bbrc.2018.11.109, adipose MSC exosomes and osteocyte apoptosis): the
    # sentence is the abstract's background, so it is read here on its own as one sentence
    text = "Damping the increased apoptosis of osteocytes may improve bone loss with age."
    start = text.index("apoptosis")
    target = Target(start, start + len("apoptosis"), "apoptosis", "outcomes")
    assert resolve(text, [target]) == [DOWN]
