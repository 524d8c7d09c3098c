"""Reviews that never name themselves (issue 17, session 19): an abstract that surveys the field
in the present tense, with no study cue, no result cue and nothing told in the past tense (no
"we made", no "were injected", no "promoted"), is a review, so it gets no primary-study
fields. The gate is the tense of the account, not a phrase: the abstracts below share no
wording. Texts are paraphrased in our own words from real published abstracts read with the
search tool (named by DOI beside each text), with guards where the gate could over-fire.
"""

from __future__ import annotations

import pytest
from real_text import fields_of, rules_named

# doi:10.3390/ph14040315 (Pharmaceuticals 2021; PMC8065796): a review of EVs in osteoarthritis
# that states what is known and never calls itself a review.
OA_SIGNIFICANCE = (
    "Extracellular vesicles and their potential significance in the pathogenesis and treatment "
    "of osteoarthritis",
    "Osteoarthritis (OA) is a chronic joint disease with inflammation, gradual loss of articular "
    "cartilage, joint pain and limited function that end in disability. Joint tissues such as "
    "the synovium and the articular cartilage release extracellular vesicles (EVs) thought to "
    "keep the joint in balance and also to take part in OA pathogenesis. EVs carry active "
    "molecules, and the number and make-up of EVs in synovial fluid change in OA; some of their "
    "non-coding RNAs may one day serve as biomarkers of early OA. EVs may spread inflammation "
    "and cartilage loss by carrying and raising inflammatory mediators and cartilage-degrading "
    "proteinases. Besides inducing OA-like gene expression in synoviocytes and chondrocytes, EVs "
    "can also act against OA, with more extracellular matrix laid down and cartilage "
    "protection. EVs of mesenchymal stem cells in particular can calm inflammation inside the "
    "joint and ease OA pain, and cartilage defects made by surgery or chemicals have been "
    "repaired with EV therapies in animal models. Trials in people are still ahead, but EV "
    "products hold great promise as real cures of OA.",
)

# Qin and Dallas, Curr Osteoporos Rep 2019, 17:548-559: a
# review in the journal's "Purpose of Review / Recent Findings / Summary" format.
MUSCLE_BONE = (
    "Exosomes and extracellular RNA in muscle and bone aging and crosstalk",
    "Purpose of Review: Extracellular vesicles (EV), exosomes and microvesicles among them, are "
    "membrane-bound particles that most cells shed and that pass proteins, miRNAs and mRNAs to "
    "other cells to change what those cells do. We outline what is known of the make-up and "
    "roles of EVs in bone and muscle cells, in the crosstalk of the two tissues and in "
    "musculoskeletal ageing. Recent Findings: Bone and muscle cells release EVs whose protein "
    "and RNA cargo mirrors the state of the cells that made them. The EVs act in their own "
    "tissue and also seem to reach the circulation and distant tissues. EVs from bone and muscle "
    "can change the differentiation and function of bone and muscle cells, many of these "
    "effects being carried by microRNAs that regulate genes of the receiving cells. Summary: EV "
    "signalling between muscle and bone is a young field, and much is still to learn about how "
    "the make-up, release, uptake and function of EVs are controlled.",
)

# doi:10.1177/0963689720968495 (Cell Transplant 2020; PMC7784575): exosomes of the knee joint,
# a review with no sentence about itself.
KNEE_MICROENVIRONMENT = (
    "Compositional variation and functional mechanism of exosomes in the articular "
    "microenvironment in knee osteoarthritis",
    "Knee osteoarthritis (KOA), the commonest form of OA, disables more people as they age, and "
    "it is now regarded as a disease of the whole joint: cartilage, subchondral bone, synovium, "
    "ligaments, capsule and the muscles around it. In the knee, exosomes come mostly from "
    "chondrocytes and synoviocytes and carry proteins, lipids and nucleic acids from cell to "
    "cell and tissue to tissue. In health they keep the joint cavity in balance; in disease "
    "their make-up and function change, tipping chondrocytes from anabolism to catabolism and "
    "feeding inflammation, so that KOA advances. Mesenchymal stem cells (MSCs) may help repair "
    "worn cartilage and slow OA, mostly through their exosomes, which can bring the joint "
    "back to balance. How exosomes act against OA, and whether they help in long-standing or "
    "severe OA, still needs study.",
)


@pytest.mark.parametrize(
    ("title", "abstract", "rule"),
    [
        # its title spans the disease's mechanism and its treatment (discourse.yaml survey_title)
        (*OA_SIGNIFICANCE, "survey_title"),
        # "We outline what is known": a verb of discourse (survey row we_point_to_a_topic)
        (*MUSCLE_BONE, "we_point_to_a_topic"),
        # known by its opening sentence: no study_cue, and own_account finds nothing
        (*KNEE_MICROENVIRONMENT, "own_account"),
    ],
)
def test_a_survey_told_only_in_the_present_is_a_review(
    title: str, abstract: str, rule: str
) -> None:
    fields = fields_of(abstract, title)
    assert fields["study_type"] == "review"
    assert rules_named(abstract, "study_type", "review", title) == {rule}
    # a review has no study of its own: no settings of its own
    assert not fields["settings"]
