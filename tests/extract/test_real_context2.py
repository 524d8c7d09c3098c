"""Study type, vesicle types and conditions on fresh real text (issue 17, probe of unseen
abstracts): each class on sentences paraphrased, in our own words, from at least two real
published abstracts, run through the whole extractor, with guards where a rule could over-fire.

Sources: R-numbers are records of tests/data/real_paraphrase (their NOTES line gives the DOI);
the others were read with the search tool and are named by DOI, PMC id or journal beside each
text.
"""

from __future__ import annotations

import pytest
from real_text import EXTRACTOR, rules_named

from exobone.lexicon.matcher import default_matcher
from exobone.model import Record


def annotations(abstract: str, title: str) -> dict[str, object]:
    return dict(EXTRACTOR.extract(Record(title=title, abstract=abstract), "T").annotations)


# Reviews whose authors say they survey the field with an adverb between ("we here discuss",
# "we mainly review") or in the past tense ("we reviewed"): they were read as primary studies.
@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        # 10.3390/vaccines11030687
        ("Exosomes as rheumatoid arthritis diagnostic biomarkers and therapeutic agents",
         "Rheumatoid arthritis (RA) is a chronic inflammatory joint disease. Exosomes carry "
         "lipids, proteins and genetic material between cells and take part in the joint "
         "inflammation of RA. We here discuss the latest findings on the diagnostic and "
         "therapeutic potential of these nanoparticles in RA and give an overview of the "
         "evidence on exosome biology in RA."),
        # 10.3389/fimmu.2023.1151322
        ("Extracellular vesicles in periodontitis: pathogenesis, diagnosis and therapy",
         "Periodontitis is a common disease and a leading cause of tooth loss. Periodontal "
         "tissue cells and immune cells release EVs with pro- or anti-inflammatory effects, and "
         "stem cell EVs may encourage periodontal regeneration. In this article, we mainly "
         "review the role of EVs in the pathogenesis of periodontitis and discuss their "
         "diagnostic and therapeutic potential."),
        # Galen Med J 2023;12:e3075 (Abaszadeh et al.)
        ("The role of mesenchymal stem/stromal cells and their extracellular vesicles in "
         "rheumatoid arthritis",
         "Rheumatoid arthritis (RA) has no cure yet. Because MSCs act in a paracrine way, "
         "attention has moved to their extracellular vesicles (MSC-EVs). In the current study, "
         "we reviewed how MSCs and their EVs have been applied in RA."),
    ],
)  # fmt: skip
def test_a_survey_in_the_authors_own_words_is_a_review(title: str, abstract: str) -> None:
    assert annotations(abstract, title)["study_type"] == "review"
    assert rules_named(abstract, "study_type", "review", title) == {"we_review"}  # discourse.yaml


# A title announcing the "emerging role" of vesicles heads a survey of the field.
@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        # Cell Physiol Biochem 2018;47(5):2008-2017
        ("Emerging role of exosomes in the joint diseases",
         "Knowledge is growing about exosomes in joint diseases, including osteoarthritis, "
         "rheumatoid arthritis and osteonecrosis of the femoral head. Exosomes of stem cells "
         "could delay disease and repair joints. For a full picture, we introduced how "
         "exosomes are isolated from synovial fluid, went through their effects on joints, and "
         "set out their diagnostic value and therapeutic potential."),
        # 10.7150/ijms.75285 (its opening sentences)
        ("Insights into exosome in the intervertebral disc: emerging role for disc homeostasis "
         "and normal function",
         "Intervertebral disc degeneration (IDD) is the main cause of low back pain. Exosomes, "
         "30-150 nm across, are released by many cell types and mediate communication between "
         "cells, which makes them a new therapeutic source for IDD."),
    ],
)  # fmt: skip
def test_an_emerging_role_title_heads_a_review(title: str, abstract: str) -> None:
    assert annotations(abstract, title)["study_type"] == "review"
    assert rules_named(abstract, "study_type", "review", title) == {"survey_title"}


# A bibliometric (scientometric) analysis surveys the literature itself: a review.
@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        # 10.2147/JPR.S407050
        ("A bibliometric analysis of exosomes therapy in the treatment of osteoarthritis from "
         "2012 to 2022",
         "Exosomes have drawn growing attention in osteoarthritis (OA). This article aimed to "
         "describe the state of research and its hotspots over 10 years with bibliometric "
         "tools. Publications from 2012 to 2022 were retrieved from the Web of Science core "
         "collection and analysed with VOSviewer and CiteSpace. 484 publications from 51 "
         "countries were included."),
        # 10.3389/fbioe.2022.956058
        ("Global research trends in extracellular vesicles based on stem cells from 1991 to "
         "2021: a bibliometric and visualized study",
         "Objective: As research on stem cell EVs grows, we aimed to find the global trends of "
         "the field. Methods: All publications from 1991 to 2021 were collected from Web of "
         "Science. Results: 8,208 publications were retrieved, with yearly growth."),
    ],
)  # fmt: skip
def test_a_bibliometric_analysis_is_a_review(title: str, abstract: str) -> None:
    assert annotations(abstract, title)["study_type"] == "review"
    # the first in the abstract: its bibliometric tools, or its publications retrieved
    rules = rules_named(abstract, "study_type", "review", title)
    assert len(rules) == 1 and rules <= {"literature_analysis", "literature_searched"}


# "The (present) review summarizes / analyzes ...": the review named by its article.
@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        # PMC6710799 (10.1155/2019/9417914)
        ("The role of exosomes in bone remodeling: implications for bone physiology and disease",
         "Exosomes, cell-secreted nanovesicles with broad signalling functions, can show how "
         "the cells of bone remodeling communicate. In diseased bone they take part in "
         "pathogenic processes and may also serve as therapeutic agents and drug vectors. The "
         "present review summarizes current knowledge on bone exosomes in health and disease."),
        # 10.7518/hxkq.2020.02.014 (its title, which says 'Review', left out)
        ("Different sources of exosomes in bone tissue engineering research",
         "Exosomes are believed to play an important role in tissue repair and bone "
         "regeneration. The review analyzes the characteristics and biological properties of "
         "exosomes of different cells in the bone environment, summarizes their progress in "
         "bone repair, and discusses the challenges of their use in bone tissue engineering."),
    ],
)  # fmt: skip
def test_the_present_review_names_a_review(title: str, abstract: str) -> None:
    assert annotations(abstract, title)["study_type"] == "review"
    assert rules_named(abstract, "study_type", "review", title) == {"the_review_does"}


def test_puncture_induced_disc_degeneration_names_the_model() -> None:
    """PMC12901408 (a meta-analysis of rat models; a review names no study animals, so the
    phrase is checked where the lexicon reads it)."""
    text = "Stem cell sEVs were pooled across rat models of puncture-induced IVDD."
    entries = {e for _, _, found in default_matcher().candidates(text) for e in found}
    assert ("animal_models", "disc_degeneration") in entries


def test_a_punctured_cell_membrane_is_no_disc_model() -> None:
    """Guard: 'puncture' without a disc names no model."""
    text = "Exosomes were loaded by membrane puncture with electroporation."
    entries = {e for _, _, found in default_matcher().candidates(text) for e in found}
    assert ("animal_models", "disc_degeneration") not in entries
