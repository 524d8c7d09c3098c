"""Source and recipient cells: differentiated lines, species modifiers, listed origins."""

from exobone.extract import Extractor
from exobone.model import Record


def fields(abstract: str) -> dict:
    return Extractor().extract(Record(abstract=abstract), "S01").annotations


def test_a_line_differentiated_before_use_keeps_the_lines_species():
    got = fields(
        "We collected exosomes from mature osteoclasts generated from RAW264.7 cells with "
        "RANKL, and RAW 264.7 cells were induced into osteoclasts and treated with BMSC exosomes."
    )
    assert "osteoclast||mouse" in got["ev_sources"]
    assert got["recipient_cells"] == ["osteoclast||mouse"]


def test_species_from_healthy_donors_and_from_animals():
    got = fields(
        "In this study, exosomes from adipose MSCs of healthy donors were added to chondrocytes "
        "from rats."
    )
    assert got["ev_sources"] == ["MSC|adipose|human"]
    assert got["recipient_cells"] == ["chondrocyte||rat"]


def test_cells_seeded_on_scaffolds_then_cultured_with_vesicles_are_recipients():
    got = fields("In this study, rBMSCs seeded on the scaffolds were cultured with the exosomes.")
    assert got["recipient_cells"] == ["MSC|bone_marrow|rat"]


def test_a_review_lists_each_source_tissue():
    got = fields(
        "This review covers exosomes derived from MSCs of bone marrow, dental pulp and "
        "umbilical cord."
    )
    assert {"MSC|bone_marrow|", "MSC|umbilical_cord|"} <= set(got["ev_sources"])
