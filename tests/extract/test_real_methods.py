"""Vesicle types and methods (issue 17, area `methods`) on our own paraphrases of real
published sentences; R-numbers are tests/data/real_paraphrase records (DOI on their NOTES
line), other sources are named beside the sentence.
"""

from __future__ import annotations

import pytest
from real_text import EXTRACTOR

from exobone.model import Record


def labels(field: str, abstract: str) -> set[str]:
    """The values the whole extractor gives `field` for an abstract under a neutral title."""
    record = Record(title="Repair of the skeleton", abstract=abstract)
    return {str(value) for value in EXTRACTOR.extract(record, "M").annotations[field]}


# "Nanovesicles" is a word of size that abstracts give to any small vesicle, not the name of
# a type: it was read as exosome, so EVs of a gut bacterium referred back to as "these
# nanovesicles" were also called exosomes.
@pytest.mark.parametrize(
    ("abstract", "types"),
    [
        # R123 (10.1002/advs.202004831): the bacterium's EVs, then "these nanovesicles"
        ("The bone-sparing effect of the gut bacterium needed its secretion of extracellular "
         "vesicles (EVs), and these nanovesicles reached bone and eased the bone loss of "
         "ovariectomized mice.", {"extracellular_vesicle"}),
        # R11 (10.1302/2046-3758.74.BJR-2018-0006): synthetic particles modelled on EVs
        ("Lessons from EVs may later guide the making of synthetic, engineered nanovesicles, "
         "while EVs harvested from culture already promise to help bone repair.",
         {"extracellular_vesicle"}),
        # PMC6710799: exosomes described by the word; the type comes from "exosomes"
        ("Exosomes, nanovesicles secreted by cells, carry signals between the cell types that "
         "remodel bone.", {"exosome"}),
    ],
)  # fmt: skip
def test_nanovesicles_name_no_vesicle_type(abstract: str, types: set[str]) -> None:
    assert labels("vesicle_types", abstract) == types


# A review that announces itself as "this article reviews" with a linking word, a modal or an
# adverb between the subject and the verb was called a primary study.
@pytest.mark.parametrize(
    "abstract",
    [
        # R111 (doi:10.3389/fbioe.2023.1287714): "therefore" between
        "Exosomes of stem cells can stand in for the cells in periodontal repair and are now "
        "paired with scaffolds. This article therefore reviews where exosome-loaded scaffolds "
        "for periodontal regeneration stand and what still limits them.",
        # PMC8398019 (doi:10.3390/molecules26164987): a modal and an adverb between
        "Vesicles from several cell types take part in osteoarthritis and may treat it. This "
        "article will systematically review recent work on vesicle therapy of the joint.",
    ],
)
def test_this_article_therefore_reviews_is_a_review(abstract: str) -> None:
    record = Record(title="Vesicles for joint and tooth repair", abstract=abstract)
    assert EXTRACTOR.extract(record, "M").annotations["study_type"] == "review"


def test_this_paper_therefore_reports_a_trial_stays_primary() -> None:
    abstract = (
        "Few trials have tested vesicles in patients. This paper therefore reports a pilot "
        "trial in which ten patients with knee osteoarthritis were injected with vesicles."
    )
    record = Record(title="Vesicles for knee osteoarthritis", abstract=abstract)
    assert EXTRACTOR.extract(record, "M").annotations["study_type"] == "primary"
