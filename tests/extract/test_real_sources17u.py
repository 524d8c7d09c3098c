"""Sources and their treatment on real text (issue 17, quality17u): fresh real abstracts.

Each case is our own paraphrase of a real published abstract (DOI in the comment), written
with the same facts and the same kind of phrasing; the negative cases guard each rule.
"""

from __future__ import annotations

from real_text import found


# The source cells named again later, with the treatment after them, were primed: the title or
# an earlier sentence made them the source, the later sentence says how they were treated.
def test_source_cells_named_again_with_their_stimulus_after_them() -> None:
    # 10.3390/ijms22147409 (R422: microvesicles of TNFalpha-stimulated neutrophils on OA FLS)
    title = "Neutrophil-derived microvesicles lower the cytokines of synoviocytes"
    text = (
        "Vesicles shed by neutrophils (NDMVs) may calm inflammation. Synoviocytes were taken "
        "from the knees of patients with osteoarthritis. NDMVs, obtained from donor neutrophils "
        "stimulated with TNFalpha, were sized by nanoparticle tracking. NDMVs lowered the IL-6 "
        "of the synoviocytes."
    )
    assert "TNF_alpha" in found(text, "preconditioning", title)


def test_source_cells_named_again_that_had_been_stimulated() -> None:
    # 10.2147/IJN.S398446 (R245: lncRNAs of macrophage exosomes in BMSC osteogenesis)
    title = "Exosomes of macrophages carry lncRNAs that drive the osteogenesis of BMSCs"
    text = (
        "Rat BMSCs and macrophages were co-cultured with serum from fractured tibiae. The "
        "osteogenesis of BMSCs was then tested in co-culture with macrophages that had been "
        "stimulated with hypoxic conditions. Uptake of the macrophage exosomes by BMSCs was "
        "followed with a labelled dye."
    )
    assert "hypoxia" in found(text, "preconditioning", title)


def test_recipient_cells_of_the_source_type_stimulated_are_no_source_priming() -> None:
    # The same kind of cell given the vesicles and stimulated to model the disease.
    title = "Exosomes of chondrocytes protect chondrocytes"
    text = (
        "Exosomes were isolated from chondrocytes of healthy cartilage. The exosomes were added "
        "to chondrocytes stimulated with IL-1beta, and their effects on MMP13 were measured."
    )
    assert "IL_1beta" not in found(text, "preconditioning", title)


# The cells the vesicles came from, named or not in the cell lexicon, and the change made in
# them right after their name (row cells_between of data/preconditioning.yaml).
def test_vesicles_of_unlabelled_cells_transfected_right_after_them() -> None:
    # 10.1186/s13287-019-1426-3 (R403: exosomes of miR-26a-transfected CD34+ stem cells)
    title = (
        "Exosomes derived from human CD34+ stem cells transfected with miR-26a slow "
        "steroid-induced osteonecrosis"
    )
    text = "The exosomes were injected into rats with osteonecrosis of the femoral head."
    assert "genetic_modification" in found(text, "preconditioning", title)


def test_vesicles_of_unlabelled_cells_overexpressing_a_gene() -> None:
    # PMC11608271 (R196: exosomes of Smpd3-overexpressing stem cells in a hydrogel)
    text = (
        "We asked how Smpd3 steers the osteogenesis of BMSCs and gave exosomes of stem cells "
        "overexpressing Smpd3 in a glucose-responsive hydrogel to diabetic dogs."
    )
    assert "genetic_modification" in found(text, "preconditioning", "Jawbone repair in diabetes")


def test_recipient_cells_transfected_after_the_vesicles_took_up_are_no_source_change() -> None:
    text = (
        "Exosomes were isolated from bone marrow stem cells. The exosomes were taken up by "
        "endothelial cells transfected with a reporter plasmid, and the uptake of exosomes by "
        "cells transfected with siRNA was lower."
    )
    assert "genetic_modification" not in found(text, "preconditioning")


# A review's definition of the vesicles, then the many kinds of cells that release them and
# the list of those cells (row source_after of data/cells.yaml).
def test_a_review_lists_the_cells_that_release_the_vesicles_among_them() -> None:
    # 10.1177/0022034518764411 (R263: EVs in bone remodeling, a review)
    title = "Extracellular vesicles in the remodeling of bone: a review"
    text = (
        "Extracellular vesicles (EVs), nanometre-sized particles that comprise exosomes, "
        "microvesicles and apoptotic bodies, are released by most kinds of cells, among them "
        "bone marrow stem cells, osteoblasts and osteoclasts. Here we review what EVs bring to "
        "the cells that remodel bone."
    )
    assert {"MSC|bone_marrow|", "osteoblast||", "osteoclast||"} <= found(text, "ev_sources", title)


def test_a_review_lists_the_cells_that_secrete_exosomes_after_an_unlabelled_item() -> None:
    # 10.3389/fmats.2023.1152378 (R287: exosomal materials in bone and cartilage, a review)
    title = "Materials made of exosomes for bone and cartilage engineering: a review"
    text = (
        "Exosomes, also known as cell-derived extracellular vesicles, are secreted by many kinds "
        "of cells, stem cells, dendritic cells and tumor cells among them. This review sums up "
        "how exosomal materials are used to engineer bone and cartilage."
    )
    assert {"dendritic_cell||", "tumor_cell||"} <= found(text, "ev_sources", title)


def test_cells_that_take_up_vesicles_of_many_kinds_are_no_source() -> None:
    title = "Uptake of extracellular vesicles: a review"
    text = (
        "Extracellular vesicles (EVs), which comprise exosomes and microvesicles, are taken up "
        "by many kinds of cells, among them macrophages and osteoclasts. Here we review how "
        "the uptake happens."
    )
    assert not {"macrophage||", "osteoclast||"} & found(text, "ev_sources", title)
