"""Direction classes of quality19b, each on sentences paraphrased in our own words from two
independent real published abstracts (R-numbers are records of tests/data/real_paraphrase,
whose NOTES line gives the DOI), with a guard for what the rule must not catch.
"""

from __future__ import annotations

import pytest

from exobone.extract import Extractor
from exobone.model import Record

EXTRACTOR = Extractor()


def outcomes(abstract: str, title: str = "Vesicles in skeletal disease") -> set[str]:
    annotations = EXTRACTOR.extract(Record(title=title, abstract=abstract), "T").annotations
    return set(annotations["outcomes"])


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # R284 (doi:10.12435/j.issn.2095-5227.25083001): a list of participles after a colon
        (
            "Work in cells and animals shows that stem cell exosomes slow disc degeneration in "
            "three ways: adjusting microRNA-centred molecules, inhibiting apoptosis and lowering "
            "inflammatory factors.",
            {"apoptosis|decrease", "inflammation|decrease"},
        ),
        # R329 (doi:10.3389/fbioe.2024.1331218): participles after the sentence's main clause
        (
            "MSC-Exos serve as a targeted carrier against osteoarthritis, modulating immunity, "
            "inhibiting apoptosis and promoting regeneration.",
            {"apoptosis|decrease"},
        ),
    ],
)
def test_a_participle_after_a_comma_is_the_vesicles_own_action(
    abstract: str, expected: set[str]
) -> None:
    """', inhibiting X' continues the sentence's own subject: it is no gerund subject."""
    assert expected <= outcomes(abstract)


@pytest.mark.parametrize(
    "abstract",
    [
        # R83 (doi:10.1186/s12951-021-00964-8): a gerund subject after an opening adverb
        "Moreover, suppressing miR-144-5p reversed the harm of the exosomes to osteogenic "
        "differentiation.",
        # a gerund subject of a clause joined by 'and' (tests/extract/test_direction.py)
        "Wnt-3a was raised in the exosomes, and inhibiting Wnt signalling lowered osteogenic "
        "differentiation.",
    ],
)
def test_a_gerund_subject_still_gives_nothing(abstract: str) -> None:
    """The experimenters' own manipulation, as subject, tells no vesicle effect."""
    assert not any(value.startswith("osteogenic_differentiation") for value in outcomes(abstract))
