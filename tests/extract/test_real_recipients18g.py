"""Recipient cells of the vesicles' own cell type, named as the possessor of the process the
vesicles changed, the cell word before the process noun (issue 17/18, quality18g).

The schema: recipient_cells are the cells the vesicles act on, even when they are of the type
that made them. "Exosomes promoted BMSC migration" says so as plainly as "the migration of
BMSCs", which was already read. Examples are paraphrased; the source DOI is given with each.
"""

from __future__ import annotations

from real_text import found


def test_preconditioned_bmsc_exosomes_promoted_bmsc_migration() -> None:
    # R171 (real_paraphrase; synapsesocial page of Li et al., BioPre-Exos in GelMA/PDA
    # microspheres): exosomes of preconditioned BMSCs, tested on BMSCs and macrophages.
    abstract = (
        "Exosomes of bone marrow mesenchymal stem cells (BMSCs) that had been preconditioned "
        "by hypoxia were loaded into injectable microspheres. In tests in vitro, the "
        "preconditioned exosomes raised BMSC migration and osteogenic differentiation and "
        "turned macrophages toward an anti-inflammatory phenotype."
    )
    assert found(abstract, "recipient_cells") == {"MSC|bone_marrow|", "macrophage||"}
    assert found(abstract, "ev_sources") == {"MSC|bone_marrow|"}


def test_exosomes_exchanged_between_nucleus_pulposus_cells_and_bmscs() -> None:
    # doi:10.1186/s13287-017-0563-9 (Stem Cell Res Ther 2017): each cell type's exosomes
    # were given to the other, so both are sources and both are recipients.
    abstract = (
        "Exosomes released by bone marrow MSCs (BM-MSCs) and by nucleus pulposus cells (NPCs) "
        "were purified by differential centrifugation. Exosomes of the NPCs stimulated BM-MSC "
        "migration, and BM-MSC-derived exosomes raised NPC proliferation in degenerate "
        "cultures."
    )
    assert found(abstract, "recipient_cells") == {
        "MSC|bone_marrow|",
        "nucleus_pulposus_cell||",
    }
    assert found(abstract, "ev_sources") == {"MSC|bone_marrow|", "nucleus_pulposus_cell||"}


def test_source_cells_named_as_producers_stay_sources() -> None:
    """Guard: the vesicles' parent cells named only as where the vesicles came from, or with
    a process of theirs that comes before the vesicles, receive nothing."""
    abstract = (
        "BMSC proliferation was checked before exosome collection. Exosomes were then "
        "isolated from the BMSCs, and the BMSC-derived exosomes promoted chondrocyte "
        "proliferation and migration."
    )
    assert found(abstract, "recipient_cells") == {"chondrocyte||"}
    assert found(abstract, "ev_sources") == {"MSC|bone_marrow|"}


def test_differentiation_after_a_cell_word_names_what_cells_become() -> None:
    """Guard: 'osteoblast differentiation' is the differentiation into osteoblasts, so the
    source osteoblasts do not become recipients by it."""
    abstract = (
        "Exosomes were isolated from osteoblasts. The osteoblast-derived exosomes promoted "
        "osteoblast differentiation of BMSCs."
    )
    assert found(abstract, "recipient_cells") == {"MSC|bone_marrow|"}
