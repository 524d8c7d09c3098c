"""Vesicle sources named past the cargo the vesicles hold, or listed after "many cells, such
as" (issue 17, session 20, sources20d).

"Exosomal miR-363 released from M1 macrophages", "the exosomal non-coding RNAs secreted by
osteoblasts": the cells after a cargo noun or a named miRNA and a verb of release give off the
vesicles; a review's "vesicles secreted by many cells, such as A, B" lists the sources. Each
case is our own paraphrase of a real published abstract (source in the comment); the guards
keep cells that take up the cargo or the vesicles, or whose molecules the vesicles change, out
of the sources.
"""

from __future__ import annotations

from real_text import found


def sources(abstract: str) -> set[str]:
    return found(abstract, "ev_sources", "Vesicle study")


def test_a_named_exosomal_mirna_released_from_cells() -> None:
    # Real_paraphrase R644 (M1 macrophage exosomes carrying miR-363 to chondrocytes in OA;
    # https://discovery.researcher.life/topic/overexpression-of-mir-133/25618348).
    text = (
        "Synovial macrophages shift to M1 in osteoarthritis. In our hands, exosomal miR-363 "
        "released from M1 macrophages lowered the growth and survival of chondrocytes."
    )
    assert sources(text) == {"macrophage||"}


def test_a_cargo_class_with_its_short_form_released_from_cells() -> None:
    # The same paper's aim: the class noun, its bracketed short form, then the verb.
    text = (
        "Synovial macrophages shift to M1 in osteoarthritis. We asked how exosomal microRNAs "
        "(miRs) that are released from M1 macrophages change the growth of chondrocytes."
    )
    assert sources(text) == {"macrophage||"}


def test_a_two_word_cargo_class_secreted_by_listed_cells() -> None:
    # doi:10.3389/fcell.2021.811666 (review of exosomal non-coding RNAs in bone diseases).
    text = (
        "Bone diseases weigh heavily on patients. The exosomal non-coding RNAs secreted by "
        "osteoblasts, osteoclasts and chondrocytes act on bone diseases by curbing "
        "osteoclasts and raising angiogenesis."
    )
    assert sources(text) == {"osteoblast||", "osteoclast||", "chondrocyte||"}


def test_a_vesicle_noun_then_its_mirnas_secreted_by_cells() -> None:
    # Real_paraphrase R96 (osteoclast sEVs carrying miR-324; PMC7900016).
    text = (
        "Bone is remodelled all life long. A microarray of the sEV microRNAs (miRNAs) "
        "secreted by osteoclasts at several stages picked out four miRNAs that mature "
        "osteoclasts put into their vesicles."
    )
    assert sources(text) == {"osteoclast||"}


def test_cells_that_take_up_the_cargo_are_no_source() -> None:
    text = (
        "Synovial macrophages shift to M1 in osteoarthritis. Exosomal miR-363 taken up by "
        "chondrocytes lowered their growth."
    )
    assert "chondrocyte||" not in sources(text)


def test_cells_whose_mirna_the_vesicles_raise_are_no_source() -> None:
    text = (
        "Cartilage wears down in osteoarthritis. BMSC exosomes raised the miR-21 expression "
        "of chondrocytes and their matrix."
    )
    assert sources(text) == {"MSC|bone_marrow|"}


# A review's definition: the vesicles 'are secreted by many cells, such as ...' (with or
# without 'kinds of' before 'cells', or 'cell types').


def test_vesicles_secreted_by_many_cells_such_as_a_list() -> None:
    # doi:10.3389/fcell.2020.00089 (real_paraphrase R549, review of bone-derived exosomes).
    text = (
        "Bone is a busy organ. Bone-derived exosomes are small extracellular vesicles that form "
        "naturally and are secreted by many cells, such as bone marrow stromal cells, "
        "osteoclasts, osteoblasts and osteocytes; they carry proteins and nucleic acids. This "
        "review discusses what they do."
    )
    assert sources(text) == {
        "MSC|bone_marrow|",
        "osteoclast||",
        "osteoblast||",
        "osteocyte||",
    }


def test_vesicles_released_by_most_cell_types_such_as_a_list() -> None:
    # doi:10.1177/0022034518764411 (Liu and Sun, EVs in bone remodeling; the abstract's own
    # wording, which real_paraphrase R263 words otherwise).
    text = (
        "Bone is remodelled all life long. Extracellular vesicles (EVs), particles of nanometre "
        "size, comprise exosomes, microvesicles and apoptotic bodies, and are released by most "
        "cell types, such as osteoblasts, osteoclasts and immune cells. This review covers "
        "their roles in bone."
    )
    assert {"osteoblast||", "osteoclast||"} <= sources(text)


def test_cells_that_take_up_vesicles_after_the_list_are_no_source() -> None:
    text = (
        "Bone is a busy organ. Exosomes are small vesicles that are released by many cells, "
        "such as osteoblasts and osteocytes, and are then taken up by chondrocytes. This "
        "review discusses them."
    )
    got = sources(text)
    assert {"osteoblast||", "osteocyte||"} <= got
    assert "chondrocyte||" not in got
