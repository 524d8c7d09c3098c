"""Residual assay and cargo misses of the open real corpus, by class (issue 17, quality19c): a
bioinformatic analysis named in other words, a measurement that starts the study's own account,
and a protein on the vesicles' surface. Each text
is paraphrased in our own words from a real published abstract (the DOI or PMC number beside
it; R-numbers are records of tests/data/real_paraphrase), with guards for what each class must
not catch.
"""

from __future__ import annotations

import pytest
from real_text import found


def assays(abstract: str) -> set[str]:
    return found(abstract, "assays")


def cargo(abstract: str) -> set[str]:
    return found(abstract, "ev_cargo")


# A bioinformatic analysis named in other words than "bioinformatic(s) analysis":
# gene_expression_profiling (the vocabulary's synonym; real_paraphrase NOTES, quality19c).


@pytest.mark.parametrize(
    "text",
    [
        # R173, doi:10.1186/s13287-022-02975-0 (BMSC exosomes after ACL reconstruction)
        "Methods: MicroRNAs highly expressed in rat BMSC exosomes were selected by "
        "bioinformatics and checked in vitro.",
        # R120, doi:10.1177/09636897211057465 (umbilical cord MSC exosomes in osteoporosis)
        "Exosomes of two kinds were given to osteoblasts. The microRNAs of both kinds of "
        "exosomes were sequenced and analysed bioinformatically.",
        # R384, doi:10.21037/atm-21-227 (MSC exosomes and IGF-1)
        "Exosomes of MSCs were studied in chondrocytes, and bioinformatic approaches and "
        "qRT-PCR were used to find the microRNAs that regulate IGF-1.",
    ],
)
def test_a_bioinformatic_analysis_in_other_words_is_profiling(text: str) -> None:
    assert "gene_expression_profiling" in assays(text)


def test_bioinformatics_in_the_background_is_no_assay() -> None:
    # R387, doi:10.18632/aging.102264: an analysis told before this study's aim is background
    text = (
        "Long non-coding RNAs regulate osteogenesis. A first bioinformatic analysis predicted "
        "binding sites between miR-34c and MALAT1. This study therefore set out to clarify what "
        "MALAT1-containing exosomes of BMSCs do in osteoporosis."
    )
    assert "gene_expression_profiling" not in assays(text)


# A protein on the vesicles' surface is theirs: ev_cargo ("X on the MVs", "X exposed on the
# vesicles").


@pytest.mark.parametrize(
    "text",
    [
        # R421, doi:10.1126/scitranslmed.aac5608 (neutrophil microvesicles in arthritis)
        "Neutrophil MVs were given to chondrocytes. In our model AnxA1 on the MVs binds its "
        "receptor FPR2/ALX and raises the TGF-beta made by the chondrocytes.",
        # R423, EBioMedicine 29 (2018) 60-69 (neutrophil microvesicles and macrophages)
        "Neutrophil microvesicles were added to macrophages, and annexin-A1 exposed on the MVs "
        "acted on the macrophages directly.",
    ],
)
def test_a_protein_on_the_vesicles_is_their_cargo(text: str) -> None:
    assert "ANXA1" in cargo(text)


def test_a_molecule_acting_on_the_vesicles_is_no_cargo() -> None:
    # guard: "the effect of X on the vesicles"
    text = "We studied the effect of IL-1beta on the exosomes released by chondrocytes."
    assert "IL1B" not in cargo(text)


# The study's own procedure told as "X were measured (by Y)": the study starts there, and the
# methods it names are this study's assays.


def test_a_measurement_sentence_starts_the_study() -> None:
    # R447 (PDLSC exosomes and osteoblasts; katalog.lib.cas.cz record edb,175750788), whose
    # methods sentence opens with the exposure and names seven assays
    text = (
        "Periodontitis destroys alveolar bone. Stem cells of the periodontal ligament may help "
        "its repair. After exposure to the exosomes, the proliferation and migration of the "
        "osteoblasts were measured by CCK-8 and scratch wound assay. Signalling was evaluated "
        "by western blotting."
    )
    assert {"cell_viability", "scratch_assay", "western_blot"} <= assays(text)


def test_a_measurement_sentence_ends_the_background() -> None:
    # R79 (BM-MSC exosomes in ECM cryogels for cartilage defects; PMID 40219364): the
    # cryogels' properties "were measured", so the hedged prospect before is background
    text = (
        "Damaged articular cartilage is hard to treat. Cryogels loaded with exosomes could "
        "promote chondral repair. Cryogels were made at several concentrations and their "
        "porosity and effects on cell viability were measured."
    )
    assert "cartilage_regeneration|increase" not in found(text, "outcomes")


def test_a_measure_in_the_present_tense_is_no_study_start() -> None:
    # guard: background facts measured in general, in the present tense
    text = (
        "Bone density is measured by radiography in patients. Exosomes of MSCs were then "
        "studied; here we tested them in rats by micro-CT."
    )
    assert "radiography" not in assays(text)
