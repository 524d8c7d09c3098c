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
