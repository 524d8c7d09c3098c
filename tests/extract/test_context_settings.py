"""Negated conditions, specific biomaterials over `hydrogel`, ex vivo and clinical settings."""

from exobone.extract import Extractor
from exobone.model import Record


def fields(abstract: str, title: str = "") -> dict:
    return Extractor().extract(Record(title=title, abstract=abstract), "S01").annotations


def test_a_negated_condition_adds_nothing():
    got = fields(
        "In this study, exosomes were injected into rats with osteoarthritis. Subchondral bone "
        "loss was not significantly altered, and no fracture occurred."
    )
    assert got["conditions"] == ["osteoarthritis"]


def test_a_named_hydrogel_material_replaces_the_generic_label():
    got = fields(
        "In this study, exosomes in an alginate hydrogel were implanted into rat calvarial "
        "defects in vivo."
    )
    assert got["biomaterials"] == ["alginate"]
    plain = fields("In this study, exosomes in an injectable hydrogel were implanted in rats.")
    assert plain["biomaterials"] == ["hydrogel"]


def test_explants_are_ex_vivo_not_in_vitro_or_in_vivo():
    got = fields(
        "In this study, bovine cartilage explants were exposed to IL-1beta and then cultured "
        "with MSC exosomes for 5 days; chondrocytes in the explants took up the exosomes."
    )
    assert got["settings"] == ["ex_vivo"]


def test_patients_and_trials_are_clinical():
    for sentence in (
        "In this study, patients treated with exosome injections were followed for 6 months.",
        "We ran a pilot trial of platelet exosomes in knee osteoarthritis.",
        "In this study, participants received two intra-articular injections of EVs.",
    ):
        assert "clinical" in fields(sentence)["settings"], sentence


def test_huvecs_are_human_umbilical_cord_endothelial_cells():
    got = fields(
        "In this study, BMSC exosomes promoted the migration of human umbilical vein "
        "endothelial cells (HUVECs), and exosome-treated HUVECs formed more tubes."
    )
    assert got["recipient_cells"] == ["endothelial_cell|umbilical_cord|human"]
