"""Residual assay misses of the open real corpus, by class (issue 17, quality18j): vesicles
engulfed by their recipients taken up, PCR written bare or hyphenated, a PCR array. Each text is
paraphrased in our own words from a real published abstract (the DOI or PMC number beside it;
R-numbers are records of tests/data/real_paraphrase), with guards for what each class must not
catch.
"""

from __future__ import annotations

import pytest
from real_text import found


def assays(abstract: str) -> set[str]:
    return found(abstract, "assays")


# Vesicles 'engulfed' by their recipients were taken up: uptake_assay.


@pytest.mark.parametrize(
    "text",
    [
        # R250, doi:10.1038/s41422-018-0070-2 (apoptotic bodies of osteoclasts and MSCs)
        "Apoptotic bodies were collected from dying cells. The MSCs engulfed the apoptotic "
        "bodies through an integrin and reused the ligase they carried.",
        # R326, doi:10.3389/fbioe.2023.1160703 (vesicles of dexamethasone-treated osteoblasts)
        "Vesicles of osteoblasts given dexamethasone were isolated, and the fluorescently "
        "labelled vesicles were engulfed by osteoblasts over time.",
    ],
)
def test_vesicles_engulfed_by_cells_are_taken_up(text: str) -> None:
    assert "uptake_assay" in assays(text)


# PCR written bare or hyphenated is qRT_PCR; a PCR array profiles genes (no qRT_PCR).


@pytest.mark.parametrize(
    "text",
    [
        # R347 (BMSC exosome hydrogel in rat rotator cuff repair; URL in its NOTES line)
        "Exosome hydrogels were placed at the repaired rotator cuffs, and after six weeks the "
        "tendons were taken for staining, biomechanical tests and PCR.",
        # R400, PMC8476897 (plasma exosomes after brain trauma and fracture)
        "Plasma exosomes were added to cultured osteoblasts, and their differentiation was "
        "measured by Western blot and q-PCR.",
    ],
)
def test_pcr_written_bare_or_hyphenated_is_qrt_pcr(text: str) -> None:
    assert "qRT_PCR" in assays(text)


def test_a_pcr_array_profiles_genes_and_is_no_qrt_pcr() -> None:
    # R08, doi:10.2147/DDDT.S178698 (exosomes in steroid-induced femoral head necrosis)
    text = (
        "Exosomes were given to the model cells, and the genes they changed were screened with "
        "an osteogenesis PCR array."
    )
    found_assays = assays(text)
    assert "gene_expression_profiling" in found_assays
    assert "qRT_PCR" not in found_assays


def test_an_lncrna_pcr_array_is_no_qrt_pcr() -> None:
    # R386, doi:10.7150/thno.58410 (lncRNA H19 in BMSC exosomes); guard of the bare 'PCR'.
    # ('lncRNA PCR' is still read as an lncRNA named PCR, which hides the array: a leftover.)
    text = (
        "Exosomes of BMSCs were collected during osteogenesis. An lncRNA PCR array screen "
        "picked out a bone-specific lncRNA in the exosomes."
    )
    assert "qRT_PCR" not in assays(text)
