"""Outcome directions on real abstracts the rules were not tuned on (issue 17, probe on fresh
text): each class on sentences paraphrased in our own words from at least two independent real
published abstracts, run through the whole extractor, with guards where a rule could over-fire.

R-numbers are records of tests/data/real_paraphrase (their NOTES line gives the DOI); the other
sources were read with the search tool and are named by DOI, PMID or URL beside each text.
"""

from __future__ import annotations

import pytest
from real_text import EXTRACTOR

from exobone.model import Record


def annotations(abstract: str, title: str = "Vesicles in skeletal repair") -> dict[str, list[str]]:
    record = Record(title=title, abstract=abstract)
    found = EXTRACTOR.extract(record, "T").annotations
    return {field: list(values) for field, values in found.items() if isinstance(values, list)}


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


# A direction offered together with its opposite states none: "inhibit or accelerate X",
# "pro- or anti-inflammatory". Both are reviews saying what vesicles can do in general.


def test_opposite_verbs_offered_as_alternatives_give_no_direction() -> None:
    # 10.7150/ijms.75285 (review of exosomes in the intervertebral disc)
    found = annotations(
        "Exosomes of 30-150 nm are released by many cell types. They can alter transcription "
        "in the cells that take them up and so inhibit or accelerate the proliferation and "
        "apoptosis of those cells.",
        title="Exosomes in the intervertebral disc: a review",
    )
    assert not {v for v in found["outcomes"] if v.startswith(("cell_proliferation", "apoptosis"))}


def test_opposite_prefixes_offered_as_alternatives_give_no_direction() -> None:
    # 10.3389/fimmu.2023.1151322 (review of EVs in periodontitis)
    found = annotations(
        "Cells of the periodontal tissue and immune cells release EVs with pro- or "
        "anti-inflammatory effects, so EVs take a central part in periodontitis.",
        title="Extracellular vesicles in periodontitis: a review",
    )
    assert not {v for v in found["outcomes"] if v.startswith("inflammation")}


# One value read (or, for the guards, not read) from a phrasing, field by field:
# - matrix synthesis written as what the treated cells made ("produce more cartilage matrix",
#   "secreted glycosaminoglycans");
# - vesicle characterisation named by its instrument rather than its method;
# - internalization named among the vesicles' features (characterisation, not an uptake assay).
MATRIX = ("outcomes", "matrix_synthesis|increase")
TEM = ("characterization_methods", "TEM")
UPTAKE = ("assays", "uptake_assay")


@pytest.mark.parametrize(
    ("abstract", "value", "found"),
    [
        # R54 (hypoxic ADSC EVs and cartilage stem/progenitor cells)
        (
            "In this study, the hypoxic ADSC-derived EVs enhanced the migration of the "
            "progenitor cells and led them to produce significantly more cartilage matrix "
            "and proteoglycan.",
            MATRIX,
            True,
        ),
        # R78 (chondrocyte EVs and MSCs in a chitosan-hyaluronic acid hydrogel)
        (
            "In this study, MSCs were treated continuously with chondrocyte EVs, and the "
            "EV-treated MSCs secreted glycosaminoglycans after about two weeks.",
            MATRIX,
            True,
        ),
        # guards: less matrix made, and matrix metalloproteinases secreted, are no increase
        ("In this study, chondrocytes given the vesicles produced less matrix.", MATRIX, False),
        (
            "In this study, chondrocytes exposed to the vesicles kept secreting matrix "
            "metalloproteinases.",
            MATRIX,
            False,
        ),
        # R07 (hindawi dm/2022/6943630): kartogenin-primed ADSC exosomes
        (
            "The exosomes were identified with an electron microscope, a nanoparticle tracking "
            "analyzer and exosomal protein markers.",
            TEM,
            True,
        ),
        # 10.1155/2020/6697577 (urine-derived stem cell exosomes in disc degeneration)
        (
            "A transmission microscope, nanoparticle size analysis and western blotting were "
            "used to identify the extracted exosomes.",
            TEM,
            True,
        ),
        # guard: the scaffold's surface seen with a scanning electron microscope
        (
            "The surface of the exosome-loaded scaffold was examined with a scanning electron "
            "microscope.",
            TEM,
            False,
        ),
        # Internalization listed among the vesicles' features is characterisation, not an
        # uptake assay: R04 (hindawi sci/2022/5760107), R101 (PMC8240597) and, outside the
        # corpus, 10.1186/s12967-020-02525-3 (osteoblast ECVs with decellularized bone)
        (
            "The vesicles had the classical features of exosomes: a cup-like shape, a size of "
            "about 100 nm, the markers CD81 and TSG101, and the ability to be internalized.",
            UPTAKE,
            False,
        ),
        (
            "Both kinds of EVs looked round under TEM and were readily internalized by human "
            "bone marrow MSCs.",
            UPTAKE,
            False,
        ),
        (
            "The osteoblast-derived vesicles were assessed by an internalization test, "
            "transmission electron microscopy, dynamic light scattering and flow cytometry "
            "for CD9, CD63 and CD81.",
            UPTAKE,
            False,
        ),
        # guards: an uptake experiment with a dye in the same sentence (R07), and
        # internalization stated as a finding on its own, stay uptake assays
        (
            "The exosomes were identified by TEM and NTA, and their uptake by the cells was "
            "followed after labelling with PKH67.",
            UPTAKE,
            True,
        ),
        (
            "In this study, the exosomes were internalized by the chondrocytes within hours.",
            UPTAKE,
            True,
        ),
    ],
)
def test_value_read_from_the_phrasing(abstract: str, value: tuple[str, str], found: bool) -> None:
    field, label = value
    assert (label in annotations(abstract)[field]) is found
