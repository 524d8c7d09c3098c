"""Gates that drop a molecule a reader sees moved by the vesicles (issue 17, unseen text), each
widened for the whole class and tested on sentences paraphrased in our own words from at least
two independent real published abstracts, run through the whole extractor.

Sources are named by DOI beside each example.
"""

from __future__ import annotations

import pytest

from exobone.extract import Extractor
from exobone.model import Record

EXTRACTOR = Extractor()
OPENING = "Exosomes were isolated from bone marrow mesenchymal stem cells. "


def effects_of(abstract: str, title: str = "Exosome study") -> list[str]:
    record = Record(title=title, abstract=OPENING + abstract)
    return EXTRACTOR.extract(record, "T").annotations["molecular_effects"]


@pytest.mark.parametrize(
    ("abstract", "effect"),
    [
        # 10.1186/s12951-021-01015-y (engineered miR-181b exosomes, osteointegration): the
        # kinase is named only by its symbol, which has no digit
        (
            "In vitro, the engineered exosomes favoured M2 polarization and damped inflammation "
            "by suppressing PRKCD and activating p-AKT.",
            "PRKCD|down",
        ),
        # 10.1186/s13287-020-02039-1 (dental pulp stem cell sEV, macrophages): the same gate
        # for the kinase the vesicles' miRNA targets
        (
            "The vesicles' miR-125a-3p turned macrophages toward the M2 phenotype by directly "
            "targeting IKBKB.",
            "IKBKB|down",
        ),
    ],
)
def test_a_gene_symbol_without_a_digit_is_a_gene_where_the_sentence_treats_it_as_one(
    abstract: str, effect: str
) -> None:
    """A symbol of capitals alone ("PRKCD") is read as a gene when it is the object of a
    regulating verb or of "expression of"; before, only symbols with a digit were."""
    assert effect in effects_of(abstract)


@pytest.mark.parametrize(
    "abstract",
    [
        # an abbreviation of a procedure, a score and a gene family in the same places
        "The exosomes improved healing after anterior cruciate ligament reconstruction (ACLR).",
        "The exosomes suppressed the OARSI scores of the treated joints.",
        "The exosomes suppressed the expression of SMAD and SASP factors.",
    ],
)
def test_capitals_that_name_no_gene_stay_unread(abstract: str) -> None:
    effects = effects_of(abstract)
    assert not [e for e in effects if e.split("|")[0] in {"ACLR", "OARSI", "SMAD", "SASP"}]
