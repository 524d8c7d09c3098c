"""Assays and outcomes on real abstracts the rules were not tuned on (issue 17, classes left by
the probe on fresh text of test_real_outcomes2): each class on sentences paraphrased in our own
words from at least two independent real published abstracts, run through the whole extractor,
with guards where a rule could over-fire.

R-numbers are records of tests/data/real_paraphrase (their NOTES line gives the DOI); the other
sources were read with the search tool and are named by DOI, PMID or URL beside each text.
"""

from __future__ import annotations

import pytest
from real_text import EXTRACTOR

from exobone.model import Record


def assays(abstract: str, title: str = "Vesicles in skeletal repair") -> list[str]:
    record = Record(title=title, abstract=abstract)
    found = EXTRACTOR.extract(record, "T").annotations["assays"]
    assert isinstance(found, list)
    return found


# Histology named as pathology ("histopathology", "histopathological") or by the short
# adjective ("histologic") is the histology assay.


@pytest.mark.parametrize(
    "abstract",
    [
        # 10.3389/fimmu.2026.1723572 (MSC microvesicles in preclinical collagen-induced arthritis)
        "The mice were followed for 45 days with arthritis scores, body weight, CT images, "
        "histopathology, laboratory tests and flow cytometry, and were treated with MSC "
        "microvesicles.",
        # 10.3390/biom13101501, PMID 37892183 (MSC small EVs in collagen-induced arthritis)
        "On histopathological examination the mice given MSC small EVs also had less synovial "
        "inflammation, pannus, cartilage damage and bone resorption than those given vehicle.",
        # R55 (10.1186/s13287-020-01781-w): BMSC exosomes in a rat MIA model
        "Six weeks after the model was made, the knee joints of the rats were taken for "
        "histologic analyses after exosome injection.",
        # Arthroscopy 2020, MSC exosomes with hyaluronic acid in rabbit osteochondral defects
        # (https://www.aminer.org/pub/5e9c22519fced0a24b1c8c76)
        "At 6 and 12 weeks the rabbit knees treated with exosomes were scored by gross "
        "evaluation and by histologic and immunohistochemical analysis.",
    ],
)
def test_histology_named_as_pathology_or_by_the_short_adjective(abstract: str) -> None:
    assert "histology" in assays(abstract)


def test_a_histologically_confirmed_diagnosis_is_no_histology_assay() -> None:
    # guard: the adverb describes how the patients' disease was diagnosed, not an assay of
    # the study; the new adjective forms must not be read inside it
    found = assays(
        "Exosomes were isolated from the synovial fluid of patients with histologically "
        "confirmed knee osteoarthritis and profiled by nanoparticle tracking analysis."
    )
    assert "histology" not in found
