"""Rules added from the records R109-R132 of the real-paraphrase corpus (issue 17).

Each example is our own paraphrase of a real published abstract (source in the comment); the
positive tests failed before the rule they test.
"""

from __future__ import annotations

from exobone.extract import Extractor
from exobone.model import Record


def _study_type(title: str, abstract: str) -> str:
    record = Record(title=title, abstract=abstract)
    return str(Extractor().extract(record, "S01").annotations["study_type"])


def test_this_comprehensive_review_is_a_review():
    # Huang et al., Int J Biol Sci 2022, doi:10.7150/ijbs.69816 (real_paraphrase R132)
    title = "Extracellular vesicles in bone homeostasis: mediators of osteoimmune interactions"
    abstract = (
        "An imbalance of bone homeostasis leads to bone loss and poor healing. Osteoimmune "
        "crosstalk between the osteoblast and macrophage lineages keeps bone in balance, and "
        "extracellular vesicles (EVs) carry much of this communication. In this comprehensive "
        "review, we present recent advances on how macrophage EVs affect osteogenesis and how "
        "osteoblast-lineage EVs steer macrophages in osteoporosis, osteoarthritis and fracture."
    )
    assert _study_type(title, abstract) == "review"


def test_this_concise_review_is_a_review():
    # Stem Cells Transl Med 2025, 14(3): szae092 (not in the corpus), on bacterial and MSC EVs
    # in periodontitis: only its first sentences, which name the review with an adjective
    title = "Extracellular vesicles in periodontitis and periodontal regeneration"
    abstract = (
        "Extracellular vesicles (EVs) are conserved messengers that take part both in "
        "periodontal disease and in regeneration. This concise review first sets out how EVs "
        "released by bacteria drive periodontitis, through virulence factors, amplified immune "
        "responses and bone destruction. It then turns to vesicles of mesenchymal stem cells "
        "and their anti-inflammatory and pro-osteogenic effects on the periodontium."
    )
    assert _study_type(title, abstract) == "review"


def test_a_retrospective_chart_review_of_patients_stays_primary():
    # the same shape in a clinical study of its own patients is no literature review
    title = "Outcomes of exosome injections for knee osteoarthritis"
    abstract = (
        "Exosome products are offered to patients with knee osteoarthritis. In this "
        "retrospective chart review, the records of 40 patients given an intra-articular "
        "injection of an exosome product in one clinic were read for pain scores at six months."
    )
    assert _study_type(title, abstract) == "primary"

