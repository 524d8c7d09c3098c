"""Issue 17, gates of `vesicle_types` found on real abstracts (helper fields17e).

Each positive test paraphrases a real published abstract (DOI in its comment) and failed before
the rule rows it tests; the guards keep the rows from over-firing.
"""

from __future__ import annotations

from real_text import found

# --- kinds of vesicle named in general, as a family or by contrast: no preparation ---------


def test_a_review_that_defines_evs_and_lists_their_subtypes_studies_sevs() -> None:
    # doi:10.3390/nano11071858 (outside the dev corpus): a review of dental sEVs opens by
    # defining EVs and lists "three EV subtypes (sEVs, microvesicles and apoptotic bodies)" in
    # a sentence told with "we"; only the small EVs (exosomes) are its object.
    abstract = (
        "Extracellular vesicles (EVs) are membrane-bound lipid particles that every cell type "
        "secretes and that pass proteins, nucleic acids, lipids and metabolites of their parent "
        "cells on to other cells. Little is known about how small EVs (sEVs, under 200 nm, or "
        "exosomes) of periodontal and dental pulp cells are isolated or about their emerging "
        "therapeutic role. In this review, we discuss the biogenesis of three EV subtypes (sEVs, "
        "microvesicles and apoptotic bodies) and the emerging role of sEVs from periodontal "
        "ligament cells, gingival fibroblasts and dental pulp cells in vitro and in vivo."
    )
    title = "Periodontal and dental pulp cell-derived small extracellular vesicles: a review"
    assert found(abstract, "vesicle_types", title) == {"exosome"}


def test_exosomes_regarded_as_extracellular_vesicles_in_a_review_of_exosomes() -> None:
    # doi:10.3389/fmats.2023.1152378 (outside the dev corpus): exosomes "are also regarded as
    # the cell-derived extracellular vesicles"; the review is about exosomes only.
    abstract = (
        "Exosomes are released by many kinds of cells, for instance stem cells, dendritic cells "
        "and tumour cells, and they are also considered cell-derived extracellular vesicles. "
        "Because they carry informative cargo from their host cells, exosomes have been used as "
        "nanomaterials with many biological functions. In this review, we summarise exosomes "
        "and their use in regenerating bone and cartilage tissue."
    )
    title = "The biological applications of exosomal-based materials in bone tissue engineering"
    assert found(abstract, "vesicle_types", title) == {"exosome"}


def test_a_kind_set_against_the_preparation_is_no_preparation() -> None:
    """The contrast row of the same gate: a kind named only to say what exosomes are not."""
    abstract = (
        "This review covers exosomes of MSCs for osteoarthritis. Unlike microvesicles, which "
        "bud from the plasma membrane, exosomes arise from endosomes and carry RNA and proteins "
        "of their parent cells."
    )
    assert found(abstract, "vesicle_types") == {"exosome"}


def test_two_kinds_the_study_prepared_are_kept() -> None:
    """Guard: the study's own work names both kinds it isolated."""
    abstract = (
        "We isolated microvesicles and exosomes from the medium of MSCs. Unlike the exosomes, "
        "the microvesicles were taken up by chondrocytes within one hour."
    )
    assert found(abstract, "vesicle_types") == {"exosome", "microvesicle"}


def test_a_review_of_the_kind_it_defines_keeps_it() -> None:
    """Guard: a kind defined at the opening stays when the review names no other vesicles."""
    abstract = (
        "Exosomes are small membrane-bound vesicles that most cells secrete. This review "
        "summarises how they act in tendon healing and what limits their use."
    )
    assert found(abstract, "vesicle_types") == {"exosome"}


def test_a_review_keeps_the_sources_named_in_its_opening_definition() -> None:
    """Guard: the defined kind gives no vesicle type but its source cells still count."""
    abstract = (
        "Extracellular vesicles (EVs) are nanoscale particles secreted by mesenchymal stem "
        "cells. This review summarises what MSC-derived exosomes do in osteoarthritis."
    )
    assert found(abstract, "vesicle_types") == {"exosome"}
    assert "MSC||" in found(abstract, "ev_sources")


# --- cell lines of joint and tooth tissues the lexicon lacked ------------------------------


def test_sw982_synovial_cells_are_a_cell_line() -> None:
    # doi:10.1007/s13770-020-00324-x (outside the dev corpus): exosomes of IL-1beta-primed
    # MSCs on osteoarthritic SW982 synovial cells.
    abstract = (
        "The exosomes of IL-1beta-primed MSCs damped the inflammatory response of "
        "osteoarthritic SW982 cells and lowered the expression of IL-6."
    )
    assert found(abstract, "cell_lines") == {"SW982"}


def test_occm30_cementoblasts_are_a_cell_line() -> None:
    # doi:10.1111/odi.14671 (outside the dev corpus): exosomes of human periodontal ligament
    # stem cells on OCCM-30 cementoblasts.
    abstract = (
        "Exosomes were isolated from human periodontal ligament stem cells. OCCM-30 "
        "cementoblasts were cultured with several doses of the exosomes, which enhanced their "
        "proliferation, migration and mineral deposition."
    )
    assert found(abstract, "cell_lines") == {"OCCM-30"}


def test_a_gene_symbol_before_cells_is_no_cell_line() -> None:
    """Guard: only the listed names are lines; an unknown symbol gives no cell line value."""
    abstract = "The exosomes lowered KLF15 in the synovial cells of rats with osteoarthritis."
    assert found(abstract, "cell_lines") == set()
