"""Outcomes told in wording families seen in several real abstracts (issue 17/18, quality18c).

Cells that did something 'faster', 'more' or 'better' after the vesicles (their verb alone or
first in a short list, the comparative after it); pro-inflammatory macrophages counted
'fewer' in treated tissue; the differentiation of osteoblasts named with the head in front of
'proliferation and differentiation'; a cytokine given 'with' a verb of stimulation is the
stimulus, not its effect; a precursor cell line (MC3T3-E1) named again by the bare mature
cell word is the same recipient; 'mineral deposition' is mineralization and 'cartilage
formation' or 'chondral repair' cartilage regeneration. Examples are paraphrased; the source
DOI is given with each, and each rule has a guard for what it must not catch.
"""

from __future__ import annotations

from real_text import after_isolation, found, rules_named

ISOLATED = "Exosomes were isolated from mesenchymal stem cells by ultracentrifugation. "


# --- a cell process told by its verb and a comparative --------------------------------------


def test_chondrocytes_proliferated_significantly_faster() -> None:
    # doi:10.1155/2021/6624874 (R153): chondrocytes given the exosomes of infrapatellar fat pad
    # MSCs, with or without kartogenin, grew faster than the controls.
    sentence = (
        "Chondrocytes proliferated significantly faster in the EXO and KGN-EXO groups than in "
        "the control group."
    )
    assert after_isolation(sentence, "outcomes") == {"cell_proliferation|increase"}
    assert rules_named(ISOLATED + sentence, "outcomes", "cell_proliferation|increase") == {
        "proliferated_faster"
    }


def test_osteoblasts_proliferated_attached_and_survived_better() -> None:
    # doi:10.3389/fbioe.2023.1160703 (R326): osteoblasts treated with the EVs of
    # dexamethasone-stimulated osteoblasts, against untreated cells.
    sentence = (
        "Osteoblasts given the OB-EVDex proliferated, attached and survived markedly better "
        "than untreated cells."
    )
    assert after_isolation(sentence, "outcomes") == {
        "cell_proliferation|increase",
        "cell_viability|increase",
    }


def test_endothelial_cells_migrated_and_formed_tubes_more() -> None:
    # doi:10.1186/ar4679 (R420): HUVECs given the exosomes of IL-1beta-stimulated synovial
    # fibroblasts.
    sentence = (
        "HUVECs given exosomes from the stimulated fibroblasts migrated and formed tubes "
        "significantly more, and the same exosomes released more proteoglycan from explants."
    )
    found = after_isolation(sentence, "outcomes")
    assert "cell_migration|increase" in found


def test_a_comparative_of_the_object_is_no_growth() -> None:
    """Guard: 'more' before a noun compares that noun, not how the cells grew."""
    sentence = "Cells given the exosomes proliferated and expressed more type II collagen."
    assert "cell_proliferation|increase" not in after_isolation(sentence, "outcomes")


# --- fewer pro-inflammatory macrophages ---------------------------------------------------


def test_fewer_proinflammatory_m1_macrophages() -> None:
    # doi:10.1177/03635465211072227 (R446): infrapatellar fat pad MSC exosomes after ACL
    # reconstruction in rats.
    sentence = (
        "In the exosome group macrophage polarization followed similar trends at the "
        "graft-to-bone interface, with significantly fewer proinflammatory M1 macrophages."
    )
    assert after_isolation(sentence, "outcomes") == {"macrophage_activation|decrease"}


def test_fewer_marker_positive_proinflammatory_macrophages() -> None:
    # doi:10.1186/s12967-019-1960-x (R136): BMSC-EVs at the repaired rotator cuff.
    sentence = (
        "Histology showed fewer C-C chemokine receptor type 7 (CCR7)-positive proinflammatory "
        "macrophages in the BMSC-EVs group."
    )
    assert "macrophage_activation|decrease" in after_isolation(sentence, "outcomes")


def test_fewer_m2_macrophages_is_not_fewer_m1() -> None:
    """Guard: M2 macrophages counted fewer are no lower activation."""
    sentence = "The exosome group held fewer M2 macrophages at one week."
    assert "macrophage_activation|decrease" not in after_isolation(sentence, "outcomes")


# --- osteoblast proliferation and differentiation -----------------------------------------


def test_osteoblast_proliferation_and_differentiation_promoted() -> None:
    # doi:10.1080/03008207.2025.2565592 (R455, title): EVs of mechanically stimulated BMSCs;
    # PMC8476897 (R400, title): plasma exosomes after brain trauma.
    sentence = "The EVs promoted osteoblast proliferation and differentiation."
    assert after_isolation(sentence, "outcomes") == {
        "cell_proliferation|increase",
        "osteogenic_differentiation|increase",
    }


def test_osteoclast_proliferation_and_differentiation_is_not_osteogenic() -> None:
    """Guard: the same wording for osteoclasts names no osteogenic differentiation."""
    sentence = "The EVs inhibited osteoclast proliferation and differentiation."
    assert "osteogenic_differentiation|decrease" not in after_isolation(sentence, "outcomes")


# --- the stimulus a verb of stimulation gives 'with' --------------------------------------


def test_cells_stimulated_with_a_cytokine_do_not_raise_it() -> None:
    # doi:10.1186/ar4679 (R420): exosomes of synovial fibroblasts stimulated with IL-1beta.
    abstract = (
        "Exosomes were given to the cells. Chondrocytes were exposed to exosomes from "
        "synovial fibroblasts and from synovial fibroblasts stimulated with interleukin-1beta "
        "(IL-1beta)."
    )
    assert "IL1B|up" not in found(abstract, "molecular_effects")


def test_stimulating_macrophages_with_rankl_to_make_osteoclasts() -> None:
    # PMC7900016 (R96): osteoclasts made by stimulating bone marrow macrophages with M-CSF and
    # RANKL, before their vesicles were collected.
    abstract = (
        "Exosomes were given to the cells. Osteoclasts were generated by stimulating bone "
        "marrow macrophages (BMMs) with macrophage colony stimulating factor (M-CSF) and "
        "receptor activator of nuclear factor kappaB ligand (RANKL)."
    )
    assert "TNFSF11|up" not in found(abstract, "molecular_effects")


def test_vesicles_that_stimulate_a_gene_still_raise_it() -> None:
    """Guard: the verb with an object and no 'with' still gives its direction."""
    abstract = (
        "Exosomes were given to the cells. The vesicles stimulated collagen synthesis and "
        "RUNX2 expression."
    )
    assert "RUNX2|up" in found(abstract, "molecular_effects")


# --- a precursor line named again by its mature cell ----------------------------------------


def test_mc3t3_cells_named_again_as_osteoblasts() -> None:
    # doi:10.1155/2023/3602962 (R449): ADSC exosomes on MC3T3-E1 cells, then on the same
    # 'Dex-stimulated osteoblasts'.
    abstract = (
        "Exosomes of adipose-derived stem cells restored the viability of MC3T3-E1 cells in "
        "vitro. After pretreatment with the exosomes, Nrf2 rose in the Dex-stimulated "
        "osteoblasts."
    )
    assert found(abstract, "recipient_cells") == {"preosteoblast||mouse"}


def test_osteoblast_precursor_line_then_the_osteoblasts() -> None:
    # R68 (endothelial cell exosomes in steroid-induced ONFH, source on its NOTES line): the
    # line is named 'mouse embryo osteoblast precursor cells (MC3T3-E1)', then 'the osteoblasts'.
    abstract = (
        "The effects of the exosomes on mouse embryo osteoblast precursor cells (MC3T3-E1) "
        "exposed to dexamethasone were studied in vitro. The exosomes improved the viability "
        "and migration of the osteoblasts."
    )
    assert found(abstract, "recipient_cells") == {"preosteoblast||mouse"}


def test_primary_osteoblasts_beside_the_line_are_cells_of_their_own() -> None:
    """Guard: primary osteoblasts in the same record are other recipients."""
    abstract = (
        "The exosomes were added to MC3T3-E1 cells in vitro. The exosomes were also taken up "
        "by primary osteoblasts, whose mineralization rose."
    )
    assert found(abstract, "recipient_cells") == {"preosteoblast||mouse", "osteoblast||"}


# --- tissue outcomes named by other words ---------------------------------------------------


def test_mineral_deposition_is_mineralization() -> None:
    # R53 (BMSC exosomes in gelatin cryogels, source on its NOTES line): the exosomes raised
    # 'the proliferation, alkaline phosphatase activity and mineral deposition of MG-63 cells'.
    sentence = (
        "The exosomes significantly increased the proliferation, alkaline phosphatase "
        "activity and mineral deposition of MG-63 cells."
    )
    assert "mineralization|increase" in after_isolation(sentence, "outcomes")


def test_increases_in_mineral_deposition() -> None:
    # R453 (exosomes of ossified ligamentum flavum cells): 'dose-dependent increases in
    # alkaline phosphatase activity and mineral deposition'.
    sentence = (
        "Cells treated with the exosomes showed dose-dependent increases in alkaline "
        "phosphatase activity and mineral deposition."
    )
    assert "mineralization|increase" in after_isolation(sentence, "outcomes")


def test_bone_mineral_density_is_no_mineralization() -> None:
    """Guard: the density of bone mineral is bone mass, not matrix mineralization."""
    sentence = "The exosomes raised the bone mineral density of the ovariectomized mice."
    assert "mineralization|increase" not in after_isolation(sentence, "outcomes")


def test_cartilage_formation_is_cartilage_regeneration() -> None:
    # R219 (synovial MSC EVs carrying miR-31, source on its NOTES line).
    sentence = (
        "miR-31 delivered by the EVs enhanced chondrocyte proliferation and migration and "
        "cartilage formation."
    )
    assert "cartilage_regeneration|increase" in after_isolation(sentence, "outcomes")


def test_chondral_repair_is_cartilage_regeneration() -> None:
    # PMID 40219364 (R79): exosome-seeded cryogels 'repair articular cartilage defects'; the
    # exosomes 'promote cell proliferation and chondral repair'.
    sentence = "The exosome-seeded cryogels promoted cell proliferation and chondral repair."
    assert "cartilage_regeneration|increase" in after_isolation(sentence, "outcomes")
