"""Vesicle types, settings and conditions of issue 17 as real abstracts state them: each class
on sentences paraphrased (in our own words) from real published texts, run through the whole
extractor.

Sources: R-numbers are records of tests/data/real_paraphrase (their NOTES line gives the DOI);
the others were read with the search tool and are named by DOI beside each sentence.
"""

from __future__ import annotations

import pytest
from real_text import found as found_in


def found(abstract: str, field: str, title: str = "Vesicles in skeletal disease") -> set[str]:
    return found_in(abstract, field, title)


# The family of extracellular vesicles spelled out in a definition: its subtypes are members of
# the family, not preparations the study used (they gave microvesicle and apoptotic_body).
@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # R106 (doi:10.1111/jcmm.16290)
        ("Extracellular vesicles (EVs), chiefly exosomes and microvesicles, are particles "
         "bounded by a lipid bilayer. This review covers what MSC-derived exosomes do for "
         "cartilage repair in osteoarthritis.", {"extracellular_vesicle", "exosome"}),
        # doi:10.3389/fendo.2023.1158744
        ("Extracellular vesicles (EVs) are nanoparticles enclosed by a phospholipid bilayer, a "
         "family that comprises exosomes, microvesicles and apoptotic bodies. EVs from "
         "mesenchymal stem cells have a therapeutic effect on osteoarthritis.",
         {"extracellular_vesicle"}),
        # doi:10.1186/s13075-016-1178-8
        ("Extracellular vesicles (EVs), among them exosomes and microvesicles, are known to "
         "carry proteins and microRNAs between cells of arthritic joints.",
         {"extracellular_vesicle"}),
        # doi:10.1017/erm.2021.33
        ("Extracellular vesicles (EVs), which include exosomes and ectosomes, carry messages "
         "between cells in rheumatoid arthritis.", {"extracellular_vesicle"}),
    ],
)  # fmt: skip
def test_members_of_the_vesicle_family_are_no_preparations(
    abstract: str, expected: set[str]
) -> None:
    assert found(abstract, "vesicle_types") == expected


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # the study's own preparation, told in the past: the subtypes stay
        ("Extracellular vesicles (EVs), including exosomes and microvesicles, were isolated "
         "from BMSCs and injected into rats with femoral defects.",
         {"extracellular_vesicle", "exosome", "microvesicle"}),
        # a subtype named apart from the family, as the study's preparation
        ("Extracellular vesicles are messengers between cells. Microvesicles from "
         "dexamethasone-treated MSCs promoted bone regeneration in rats.",
         {"extracellular_vesicle", "microvesicle"}),
    ],
)  # fmt: skip
def test_subtypes_of_the_study_are_kept(abstract: str, expected: set[str]) -> None:
    assert found(abstract, "vesicle_types") == expected


# A condition's first word coordinated with another before the shared head names the
# condition too ("bone and periodontal defects" are bone defects); it was missed.
@pytest.mark.parametrize(
    ("abstract", "condition"),
    [
        # R21 (doi:10.3390/jfb14060299)
        ("We reviewed how well exosomes work in tendon and tendon-bone healing in preclinical "
         "studies.", "tendon_injury"),
        # R131 (doi:10.1186/s13578-020-00527-8)
        ("We also review new uses of MSC vesicles in regenerating bone and periodontal "
         "defects.", "bone_defect"),
        # PMC8533909
        ("Studies that gave MSC-EVs to in vivo models of tendon or ligament injury were "
         "included.", "tendon_injury"),
    ],
)  # fmt: skip
def test_a_coordinated_condition_is_found(abstract: str, condition: str) -> None:
    assert condition in found(abstract, "conditions")


@pytest.mark.parametrize(
    "abstract",
    [
        # no shared head after the second word
        "Exosomes from bone marrow and adipose tissue were compared in rats.",
        # the head is too far from the coordination
        "Bone and cartilage cells of the knee showed less degeneration after exosome therapy.",
    ],
)
def test_coordination_without_the_head_names_no_condition(abstract: str) -> None:
    assert found(abstract, "conditions") == set()
