"""Classes of `molecular_effects` and `ev_cargo` errors of issue 17, each on sentences
paraphrased (in our own words) from at least two independent real published abstracts, run
through the whole extractor.

Sources: R-numbers are records of tests/data/real_paraphrase (their NOTES line gives the DOI);
the others were read with the search tool and are named by DOI or PMC id beside each sentence.
"""

from __future__ import annotations

import pytest

from exobone.extract import Extractor
from exobone.model import Record

EXTRACTOR = Extractor()


def found(abstract: str, title: str = "Vesicles in skeletal disease") -> dict[str, set[str]]:
    annotations = EXTRACTOR.extract(Record(title=title, abstract=abstract), "T").annotations
    return {field: set(annotations[field]) for field in ("molecular_effects", "ev_cargo")}


@pytest.mark.parametrize(
    ("abstract", "cargo"),
    [
        # R31 (10.1002/advs.202001334): the vesicles' cargos, listed with their changes
        (
            "Sequencing suggests that the osteogenic exosomes work through their cargos, "
            "including upregulated osteogenic miRNAs (miR-146a-5p and miR-503-5p) and "
            "downregulated anti-osteogenic miRNAs (miR-32-5p and miR-133a-3p), which activate "
            "the PI3K/Akt pathway.",
            {"miR-146a-5p", "miR-503-5p", "miR-32-5p", "miR-133a-3p"},
        ),
        # 10.1186/s12951-021-01236-1: miRNAs highly enriched in the vesicles, listed
        (
            "We also found five miRNAs highly enriched in the hUCMSC-EVs, including miR-122-5p, "
            "miR-148a-3p and miR-486-5p, by high-throughput small RNA sequencing.",
            {"miR-122-5p", "miR-148a-3p", "miR-486-5p"},
        ),
    ],
)
def test_a_listed_cargo_profile_is_cargo(abstract: str, cargo: set[str]) -> None:
    values = found(abstract)
    assert values["ev_cargo"] == cargo
    assert not any(v.startswith("miR-") for v in values["molecular_effects"])


def test_a_list_after_the_recipients_is_not_cargo() -> None:
    """Only molecules listed after the vesicles' own profile words are cargo."""
    values = found(
        "The exosomes raised genes enriched in the chondrocytes, including COL2A1 and ACAN."
    )
    assert values["ev_cargo"] == set()
