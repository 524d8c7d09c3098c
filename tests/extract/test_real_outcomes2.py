"""Outcome directions on real abstracts the rules were not tuned on (issue 17, probe on fresh
text): each class on sentences paraphrased in our own words from at least two independent real
published abstracts, run through the whole extractor, with guards where a rule could over-fire.

R-numbers are records of tests/data/real_paraphrase (their NOTES line gives the DOI); the other
sources were read with the search tool and are named by DOI, PMID or URL beside each text.
"""

from __future__ import annotations

from exobone.extract import Extractor
from exobone.model import Record

EXTRACTOR = Extractor()


def annotations(abstract: str, title: str = "Vesicles in skeletal repair") -> dict[str, list[str]]:
    record = Record(title=title, abstract=abstract)
    found = EXTRACTOR.extract(record, "T").annotations
    return {field: list(values) for field, values in found.items() if isinstance(values, list)}


# The injury stimulus of the model as the subject of a sentence that follows the vesicle report:
# what the stimulus did to the cells is the disease model, not a vesicle effect.


def test_cytokine_as_subject_is_not_a_vesicle_effect() -> None:
    # R45 (10.1186/s12891-024-07636-2): urine stem cell exosomes and IL-1beta-degenerated NPCs
    found = annotations(
        "In this study, stem cells and their exosomes were obtained from human urine and "
        "identified. IL-1beta sharply reduced the viability of nucleus pulposus cells and drove "
        "them into degeneration. The exosomes rescued the cells from this degeneration."
    )
    assert "cell_viability|decrease" not in found["outcomes"]


def test_drug_as_subject_is_not_a_vesicle_effect() -> None:
    # PMID 37771550 (hucMSC exosome mimetic vesicles and dexamethasone-treated osteoblasts)
    found = annotations(
        "We treated MC3T3-E1 osteoblasts exposed to dexamethasone with exosome mimetic "
        "vesicles made from umbilical cord MSCs. Results: DEX strongly induced apoptosis and "
        "the accumulation of ROS in the osteoblasts. The vesicles lowered the apoptosis that "
        "DEX had induced."
    )
    assert "apoptosis|increase" not in found["outcomes"]
    assert "oxidative_stress|increase" not in found["outcomes"]
    assert "ROS|up" not in found["molecular_effects"]
    assert "apoptosis|decrease" in found["outcomes"]


def test_stimulus_glued_to_the_phenotype_still_reports_the_vesicles() -> None:
    # guard: "IL-1beta-induced apoptosis" names the stimulus as a modifier, and the sentence
    # still goes on about the vesicles of the sentence before
    found = annotations(
        "In this study, chondrocytes were treated with exosomes from synovial MSCs. "
        "IL-1beta-induced apoptosis of the chondrocytes decreased markedly."
    )
    assert "apoptosis|decrease" in found["outcomes"]
