"""Vesicle sources named only by a cancer cell line (issue 17, quality19d).

The bone-metastasis and myeloma literature names the cells whose vesicles it tests by the
line alone ("PC-3-derived exosomes", "exosomes of LNCaP cells", "the MM1.S cell line"); the
schema gives a line the cell type and species of the line. Examples are paraphrased in new
words; the source DOI is given with each.
"""

from __future__ import annotations

from real_text import found


def test_exosomes_of_the_pc3_line_came_from_human_tumour_cells() -> None:
    # doi:10.1155/2019/8650846 (real_paraphrase R563): PC-3 exosomes on human osteoclasts.
    abstract = (
        "We collected exosomes from PC-3, a prostate cancer cell line, and asked how they "
        "change the differentiation of human osteoclasts. The PC-3-derived exosomes held "
        "osteoclast differentiation back."
    )
    assert found(abstract, "ev_sources") == {"tumor_cell||human"}
    assert found(abstract, "cell_lines") == {"PC-3"}
    assert "human" in found(abstract, "species")


def test_a_second_pc3_paper_and_an_lncap_paper() -> None:
    # doi:10.3892/etm.2021.10739 (R567): exosomes of the PC-3 line on osteoclasts grown from
    # blood mononuclear cells; doi:10.3892/ol.2019.10110 (R566): LNCaP exosomes on osteoblasts.
    pc3 = (
        "Exosomes derived from PC-3 cells were isolated, and their effect on the "
        "differentiation of osteoclasts was studied."
    )
    lncap = (
        "Exosomes were purified from the culture medium of LNCaP cells by ultracentrifugation, "
        "and their miR-375 content was measured before they were given to osteoblasts."
    )
    assert found(pc3, "ev_sources") == {"tumor_cell||human"}
    assert found(lncap, "ev_sources") == {"tumor_cell||human"}
    assert found(lncap, "cell_lines") == {"LNCaP"}


def test_the_mm1s_line_gives_myeloma_cells() -> None:
    # doi:10.1186/s13045-018-0689-y (R562): exosomes of the MM1.S line and of patients.
    abstract = (
        "Exosomes were taken from the conditioned medium of the MM1.S cell line and from the "
        "bone marrow plasma of patients with multiple myeloma, and RAW264.7 cells served as "
        "osteoclast precursors."
    )
    assert found(abstract, "ev_sources") == {"myeloma_cell||human"}
    assert found(abstract, "cell_lines") == {"MM.1S", "RAW264.7"}


def test_a_cancer_line_given_vesicles_is_a_recipient_not_a_source() -> None:
    """Guard: the line's identity goes where the sentence puts the cells; PC-3 cells that
    received MSC exosomes are no source."""
    abstract = (
        "Exosomes released by bone marrow MSCs were added to PC-3 cells, and the exosomes "
        "lowered the proliferation of the PC-3 cells."
    )
    assert found(abstract, "ev_sources") == {"MSC|bone_marrow|"}
    assert found(abstract, "recipient_cells") == {"tumor_cell||human"}
