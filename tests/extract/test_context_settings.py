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


def test_routes_of_patients_and_of_a_reviews_subject_count():
    ann = (
        Extractor()
        .extract(
            Record(
                abstract="In this open-label pilot study, twelve patients with knee osteoarthritis "
                "received a single intra-articular injection of exosomes from umbilical cord MSCs."
            ),
            "S01",
        )
        .annotations
    )
    assert "clinical" in ann["settings"]
    assert ann["delivery_routes"] == ["intra_articular_injection"]
    ann = (
        Extractor()
        .extract(
            Record(
                title="MSC exosomes in osteoarthritis: a systematic review",
                abstract="We review animal studies of MSC exosomes in osteoarthritis; "
                "intra-articular injection was the most common route.",
            ),
            "S01",
        )
        .annotations
    )
    assert ann["study_type"] == "review"
    assert ann["delivery_routes"] == ["intra_articular_injection"]
    # Cells only, no animals or people: a route word names no delivery of the study.
    ann = (
        Extractor()
        .extract(
            Record(
                abstract="In this study, exosomes from BMSCs were added to chondrocytes; "
                "intra-articular injection remains to be tested."
            ),
            "S01",
        )
        .annotations
    )
    assert ann["delivery_routes"] == []
