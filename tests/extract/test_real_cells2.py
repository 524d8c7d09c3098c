"""Source and recipient cells as real abstracts name them, read on text the rules were not
tuned on (issue 17, area cells2).

Each case paraphrases a published abstract (source in the comment); the guards keep each
widened rule from reading cells that did not give or receive the vesicles.
"""

from real_text import fields_of

from exobone.extract.cells import analyse
from exobone.extract.pipeline import build_document
from exobone.model import Record


def annotations(abstract: str, title: str = "") -> dict[str, list[str]]:
    return fields_of(abstract, title)


def recipients(abstract: str) -> list[str]:
    return annotations(abstract)["recipient_cells"]


# Cells named with their abbreviation in brackets before "treated with" the vesicles.


def test_cells_with_a_bracketed_line_name_treated_with_exosomes_are_recipients():
    # 10.1186/s13287-020-1562-9: bone marrow MSC exosomes in a rat femoral nonunion; both
    # listed cell kinds, each with its bracketed name, were treated with the exosomes.
    got = recipients(
        "Exosomes of bone marrow MSCs (BMMSC-Exos) were given to rats with nonunion. The growth "
        "and migration of human umbilical vein endothelial cells (HUVECs) and mouse embryo "
        "osteoblast precursor cells (MC3T3-E1) treated with BMMSC-Exos were measured by EdU "
        "incorporation and scratch assays."
    )
    assert "endothelial_cell|umbilical_cord|human" in got
    assert "preosteoblast||mouse" in got


def test_cells_with_a_bracketed_name_treated_in_vitro_with_exosomes_are_recipients():
    # Real_paraphrase R84 (discovery.researcher.life, human gingival MSC exosomes in the
    # inflamed periodontium): the PDLSCs were treated in vitro with the exosomes.
    got = recipients(
        "To begin, periodontal ligament stem cells (PDLSCs) were treated in vitro with GMSC-Exo "
        "or with bacterial lipopolysaccharide."
    )
    assert got == ["stem_cell_dental||"]


def test_a_listed_source_before_treated_cells_stays_a_source():
    # Guard: the cells listed before the treated ones already gave the vesicles.
    got = annotations(
        "BMSC-derived exosomes and chondrocytes treated with IL-1beta were studied, and the "
        "chondrocytes were treated with exosomes."
    )
    assert got["ev_sources"] == ["MSC|bone_marrow|"]
    assert got["recipient_cells"] == ["chondrocyte||"]


def test_cells_in_an_earlier_clause_do_not_share_the_treatment():
    # Guard: only a list joint (with a closing bracket and a few modifiers) passes the role
    # back; cells that did something else in their own clause are not recipients.
    got = recipients(
        "Macrophages (RAW) were polarised first, and chondrocytes treated with exosomes were "
        "then stained."
    )
    assert got == ["chondrocyte||"]


# Reviews name the source cells in passing: lists after "such as", "a source of EVs".


def sources(abstract: str, title: str = "A review") -> list[str]:
    return annotations(abstract, title)["ev_sources"]


def test_review_sources_listed_after_a_comma_and_such_as_are_sources():
    # Liu & Sun, "Emerging role of extracellular vesicles in bone remodeling" (review;
    # semanticscholar.org/paper/f8803ad8c0e315e360aa663c741ffedac09704b3): most cell types
    # release EVs, the list opening with an item that has no cell label of its own.
    got = sources(
        "EVs, nanometre-sized particles, comprise exosomes, microvesicles and apoptotic bodies. "
        "EVs are released by most kinds of cells, such as bone marrow stem cells, osteoblasts, "
        "osteoclasts and immune cells."
    )
    assert {"osteoblast||", "osteoclast||"} <= set(got)


def test_review_sources_after_various_cells_such_as_are_sources():
    # A bone exosome review (sentence on science-fair-projects-online.com, 'Bone-derived
    # exosomes are naturally existing nano-sized extracellular vesicles secreted by various
    # cells ...'): the cells listed after "various cells, such as".
    got = sources(
        "Exosomes of bone are natural nanosized extracellular vesicles secreted by various "
        "cells, such as bone marrow stromal cells, osteoclasts, osteoblasts and osteocytes, "
        "and they carry proteins and nucleic acids. We review their roles."
    )
    assert {"MSC|bone_marrow|", "osteoclast||", "osteoblast||", "osteocyte||"} <= set(got)


def test_sources_of_ev_production_including_cells_are_sources():
    # Dalle Carbonare et al., review of EV sources for osteogenesis (PMC12786284): the main
    # stem cell sources for EV production include the listed MSCs.
    got = sources(
        "This review compares the main stem cell sources used for EV production, including "
        "bone marrow mesenchymal stem cells (BM-MSCs), adipose-derived stem cells (ADSCs) and "
        "umbilical cord MSCs (UC-MSCs)."
    )
    assert {"MSC|bone_marrow|", "MSC|adipose|", "MSC|umbilical_cord|"} <= set(got)


def test_cells_that_are_a_promising_source_of_evs_are_the_source():
    # Real_paraphrase R11 (10.1302/2046-3758.74.BJR-2018-0006, narrative review): MSCs are a
    # promising source of therapeutic EVs for endochondral bone repair.
    got = sources(
        "Mesenchymal stromal/stem cells are a promising source of therapeutic EVs, though "
        "other donor cells deserve attention too. This narrative review covers large bone "
        "defects."
    )
    assert got == ["MSC||"]


def test_a_source_of_something_else_or_a_distant_list_gives_no_source():
    # Guards: "a source of inflammation" names no vesicles, and "production, including"
    # reads only a list that starts right after it.
    got = sources("Synoviocytes are a major source of inflammation, and exosomes were studied.")
    assert got == []
    got = sources(
        "Exosome production, including its rise under hypoxia and three-dimensional culture, "
        "was measured while chondrocytes grew."
    )
    assert got == []


# A bracketed short form opening with origin or species letters ("hUC-") that are no mention.


def test_a_bracketed_huc_prefix_keeps_the_msc_short_form_in_its_phrase():
    # Real_paraphrase R53 (10.1177/08853282261463691, cryogels with hUC-MSC exosomes): the
    # "MSCs" of "(hUC-MSCs)" are the source cells, not cells that received the exosomes.
    got = annotations(
        "Exosomes derived from human umbilical cord mesenchymal stem cells (hUC-MSCs) were "
        "added to raise osteogenic bioactivity. The exosomes raised the proliferation of MG-63 "
        "cells."
    )
    assert got["ev_sources"] == ["MSC|umbilical_cord|human"]
    assert "MSC|umbilical_cord|human" not in got["recipient_cells"]


def test_a_bracketed_huc_prefix_before_a_vesicle_short_form_keeps_one_source():
    # 10.21037/atm-22-3912 (hUC-MSC exosomes in rat OA) and real_paraphrase R77
    # (10.1080/20013078.2020.1778883): "(hUC-MSCs-Exos)", "(hUC-MSCs-sEVs)".
    got = annotations(
        "We examined exosomes from human umbilical cord-derived MSCs (hUC-MSCs-Exos) in OA. "
        "The effects of hUC-MSCs-Exos on human chondrocytes were measured."
    )
    assert got["ev_sources"] == ["MSC|umbilical_cord|human"]
    assert got["recipient_cells"] == ["chondrocyte||human"]


def test_a_bracketed_word_that_is_no_prefix_still_splits_phrases():
    # Guard: only 1-4 letters and a hyphen right after the bracket join the phrases; a
    # bracketed list of other cells stays apart.
    got = annotations(
        "Exosomes from bone marrow MSCs were added to co-cultures (osteoblasts and MSCs) for "
        "three days."
    )
    assert got["ev_sources"] == ["MSC|bone_marrow|"]


# "EV" with a name glued after it is a vesicle mention.


def test_evs_with_a_glued_source_name_reach_their_recipients():
    # 10.1038/s43587-025-00918-x (Nat Aging 2025): EVs of antler blastema progenitor cells,
    # written "EVsABPC", lessened senescence of bone marrow stem cells in vitro.
    got = annotations(
        "Antler blastema progenitor cells (ABPCs) are skeletal stem cells of regenerating deer "
        "antlers. We tested ABPC-derived EVs (EVsABPC) in aged mice. In vitro, EVsABPC "
        "lessened senescence phenotypes in bone marrow stem cells."
    )
    assert got["recipient_cells"] == ["MSC|bone_marrow|"]


def test_an_ev_name_with_a_glued_condition_is_a_vesicle_mention():
    # 10.3389/fbioe.2023.1160703 (osteoblast EVs after dexamethasone, in vitro): the glued
    # "OB-EVDex" are the vesicles that the osteoblasts engulfed.
    doc = build_document(
        Record(
            title="Osteoblast EVs induced by dexamethasone",
            abstract=(
                "We studied EVs secreted from osteoblasts stimulated with dexamethasone for 14 "
                "days (OB-EVDex). Labelled OB-EVDex were engulfed by osteoblasts over time."
            ),
        )
    )
    cells = analyse(doc)
    texts = [doc.text_of(v.section)[v.start : v.end] for v in cells.vesicles]
    assert texts.count("EV") == 2
    assert [p.value for p in cells.recipients] == ["osteoblast||"]


def test_gene_symbols_and_kits_that_begin_with_ev_or_exo_are_no_vesicles():
    # Guards: EVI1 (MECOM) is a gene; ExoQuick is a kit; neither names vesicles.
    got = annotations(
        "EVI1 expression rose in chondrocytes, and the ExoQuick kit was used for nothing else."
    )
    assert got["vesicle_types"] == []
