"""Vesicle types and methods (issue 17, area `methods`) on our own paraphrases of real
published sentences; R-numbers are tests/data/real_paraphrase records (DOI on their NOTES
line), other sources are named beside the sentence.
"""

from __future__ import annotations

import pytest

from exobone.extract import Extractor
from exobone.model import Record

EXTRACTOR = Extractor()


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
