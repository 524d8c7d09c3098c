"""Issue 17, gates of `ev_sources` and `recipient_cells` found on real abstracts (helper
fields17g).

Each positive test paraphrases a real published abstract (DOI in its comment) and failed before
the rows it tests; the guards keep the rows from over-firing.
"""

from __future__ import annotations

from real_text import found

# --- the infrapatellar fat pad is adipose tissue: its MSCs have origin adipose -------------


def test_infrapatellar_fat_pad_mscs_isolated_from_rabbits() -> None:
    # doi:10.1155/2021/6624874 (Stem Cells Int 2021, outside the dev corpus): exosomes of
    # Kartogenin-pretreated IPFP-MSCs given to rabbit chondrocytes.
    abstract = (
        "We examined exosomes of Kartogenin-pretreated stem cells in cartilage repair. "
        "Infrapatellar fat pad mesenchymal stem cells (IPFP-MSCs) were isolated from rabbits "
        "and their exosomes were collected. Rabbit chondrocytes were treated with exosomes "
        "from IPFP-MSCs or from KGN-pretreated IPFP-MSCs."
    )
    assert found(abstract, "ev_sources") == {"MSC|adipose|rabbit"}


def test_infrapatellar_fat_pad_derived_mscs_in_a_review() -> None:
    # doi:10.3390/biom12030386 (Biomolecules 2022, outside the dev corpus): a review of
    # IPFP-MSCs and the exosomes they release for osteoarthritis.
    abstract = (
        "Infrapatellar fat pad-derived mesenchymal stem cells may help regenerate cartilage in "
        "osteoarthritis. In this review we discuss the exosomes released by IPFP-MSCs and how "
        "they could replace the cells in cartilage repair."
    )
    title = "Infrapatellar fat pad-derived mesenchymal stem cells in degenerative arthritis"
    assert found(abstract, "ev_sources", title) == {"MSC|adipose|"}


def test_the_fat_pad_named_as_tissue_is_no_source() -> None:
    """Guard: the fat pad as a tissue of the joint gives no cells; the vesicles' own source
    stays the only one."""
    abstract = (
        "The infrapatellar fat pad and the synovium act as one unit in the knee. We isolated "
        "exosomes from BMSCs and gave them to rats with osteoarthritis."
    )
    assert found(abstract, "ev_sources") == {"MSC|bone_marrow|"}


# --- cells that other cells act on through the vesicles received them -----------------------


def test_osteoclast_maturation_regulated_through_a_protein_packaged_in_evs() -> None:
    # doi:10.1016/j.mbm.2024.100065 (Mechanobiol Med 2024, outside the dev corpus): EVs of
    # OCY454 osteocytes under fluid flow carry RANKL to osteoclasts. The osteoclasts were read
    # as the EVs' source ('osteoclast maturation through RANKL packaged in EVs').
    abstract = (
        "We exposed osteocytes to steady fluid flow in vitro and studied the EVs they "
        "released. Moreover, the stimulated osteocytes quickly regulated osteoclast maturation "
        "through RANKL packaged in EVs."
    )
    assert found(abstract, "recipient_cells") == {"osteoclast||"}
    assert "osteoclast||" not in found(abstract, "ev_sources")


def test_macrophages_driven_toward_m1_through_evs() -> None:
    # R30 (PMC6321485): EVs of LPS-preconditioned PDLSCs polarise macrophages; its title and
    # its conclusion both put the macrophages after the verb and before 'through EVs'.
    conclusion = (
        "In vitro, the stimulated PDLSCs therefore push macrophages toward M1 through EVs."
    )
    assert found(conclusion, "recipient_cells") == {"macrophage||"}
    title = (
        "Preconditioned periodontal ligament stem cells induce M1 polarization of macrophages "
        "through extracellular vesicles in vitro."
    )
    assert found(title, "recipient_cells") == {"macrophage||"}


def test_the_subject_that_acts_through_vesicles_receives_nothing() -> None:
    """Guard: the cells before a verb act through their vesicles; a verb between them and
    'via' (here one the source rows do not list) keeps them from being read as recipients."""
    abstract = "In vitro, hypoxic MSCs accelerate wound closure via exosomes."
    assert found(abstract, "recipient_cells") == set()


# --- people named beside the animals a record is about are no species of it -----------------


def test_humans_as_fellow_sufferers_in_an_equine_review() -> None:
    # R159 (doi:10.20517/evcna.2023.11): a review of EVs for equine OA; people share the
    # disease and should one day gain from the therapy, but no cells or animals are theirs.
    abstract = (
        "Osteoarthritis is a frequent joint disease of humans and horses. In this review we "
        "discuss extracellular vesicles of MSCs for OA in horses, whose joints carry loads "
        "much like ours, and how the results may translate to humans."
    )
    assert found(abstract, "species") == {"horse"}


def test_human_oa_studied_through_horses() -> None:
    # R113 (doi:10.3390/cimb46110780): 'horses are an excellent large-animal model for the
    # study of human OA' in a review of EVs for equine osteoarthritis.
    abstract = (
        "Few treatments cure equine osteoarthritis. Horses are a good large-animal model for "
        "the study of human OA. In this review we summarise EVs of MSCs as a therapy for "
        "horses."
    )
    assert found(abstract, "species") == {"horse"}


def test_human_cells_and_reviews_of_human_disease_keep_human() -> None:
    """Guards: human cells given to rats keep both species; a review of EVs in humans with no
    other species keeps human."""
    primary = (
        "We isolated exosomes from human umbilical cord MSCs and injected them into rats with "
        "osteoarthritis; the results may translate to humans."
    )
    assert found(primary, "species") == {"human", "rat"}
    review = "In this review we discuss EVs in humans and in animal models of osteoarthritis."
    assert found(review, "species") == {"human"}
