"""Recipient cells of the vesicles' own cell type (issue 17, quality20a).

The schema: recipient_cells are the cells that received the vesicles in vitro, whatever cells
made them. Where the cells are of the vesicles' own type, the extractor reads them as
recipients only when the words between the vesicles and the cells say the vesicles went to
them (`recipient_preposition` in data/cells.yaml), a guard against reading the source as the
recipient. The class of misses: that word list lacked two common wordings, the vesicles
'co-cultured with' the cells and the 'activity' (or function, mineralisation) 'of' the cells
the vesicles changed. Examples are paraphrased; the source DOI or page is given with each.
"""

from __future__ import annotations

from real_text import found


def test_stretched_chondrocyte_exosomes_cocultured_with_chondrocytes() -> None:
    # R244, doi:10.3389/fbioe.2022.1061855: exosomes of rat condylar chondrocytes under
    # tensile stress, given back to condylar chondrocytes.
    abstract = (
        "Rat condylar chondrocytes were kept at rest or stretched, and their exosomes were "
        "then extracted. The exosomes of the two cultures were co-cultured with condylar "
        "chondrocytes for one day."
    )
    assert found(abstract, "recipient_cells") == {"chondrocyte||rat"}
    assert found(abstract, "ev_sources") == {"chondrocyte||rat"}


def test_osteoblast_vesicles_and_the_activity_of_osteoblast_like_cells() -> None:
    # R349, doi:10.1186/s12967-020-02525-3: osteoblast vesicles in a decellularised bone
    # hydrogel; in vitro they left the activity of MG63 cells (an osteoblast-like human line)
    # unchanged.
    abstract = (
        "Extracellular vesicles (EVs) derived from osteoblasts were added to a decellularised "
        "bone gel. In vitro, the EVs did not raise the mineralization or the alkaline "
        "phosphatase activity of MG63 cells."
    )
    assert found(abstract, "recipient_cells") == {"osteoblast||human"}


def test_mineralising_osteoblast_evs_lower_the_activity_of_osteoblasts() -> None:
    # R582 (discovery.researcher.life topic page on cell-derived nanovesicles): EVs and
    # extruded nanovesicles of mineralising osteoblasts, tested on osteoblasts.
    abstract = (
        "Extracellular vesicles were isolated from mineralising osteoblasts by "
        "ultracentrifugation. At 10 ug/mL, the vesicles lowered the metabolic activity of "
        "osteoblasts without harming them."
    )
    assert found(abstract, "recipient_cells") == {"osteoblast||"}


def test_source_cells_whose_activity_is_told_apart_from_the_vesicles_stay_sources() -> None:
    """Guard: the vesicles' parent cells whose activity a clause of its own reports ('before')
    receive nothing; other cells given the vesicles still do."""
    abstract = (
        "Exosomes were isolated from osteoblasts and stored before the activity of the "
        "osteoblasts was measured. The osteoblast exosomes raised the mineralization of "
        "BMSCs."
    )
    assert found(abstract, "recipient_cells") == {"MSC|bone_marrow|"}
    assert found(abstract, "ev_sources") == {"osteoblast||"}


def test_vesicles_cultured_with_other_cells_make_only_those_recipients() -> None:
    """Guard: 'co-cultured with' after the vesicles names the cells that received them, not
    the vesicles' parent cells named before."""
    abstract = (
        "Exosomes of bone marrow mesenchymal stem cells (BMSCs) were co-cultured with "
        "chondrocytes for two days."
    )
    assert found(abstract, "recipient_cells") == {"chondrocyte||"}
    assert found(abstract, "ev_sources") == {"MSC|bone_marrow|"}
