"""Western blot and flow cytometry: vesicle characterisation or outcome assay."""

from exobone.extract import Extractor
from exobone.model import Record


def fields(abstract: str) -> dict:
    return Extractor().extract(Record(abstract=abstract), "S01").annotations


def test_a_blot_of_vesicle_markers_characterises_the_vesicles():
    got = fields(
        "In this study, exosomes were isolated from human BMSCs by ultracentrifugation. "
        "Western blotting detected CD9 and CD63, whereas calnexin was absent."
    )
    assert "western_blot" in got["characterization_methods"]
    assert "western_blot" not in got["assays"]


def test_characterised_preparations_and_confirmed_vesicles():
    got = fields(
        "In this study, both preparations were characterized by NTA and by western blot. "
        "Flow cytometry confirmed that the vesicles exposed phosphatidylserine."
    )
    assert {"western_blot", "flow_cytometry"} <= set(got["characterization_methods"])


def test_a_blot_of_outcome_proteins_is_an_assay():
    got = fields(
        "In this study, BMSC exosomes were added to chondrocytes, and western blot showed "
        "higher COL2A1 and lower MMP13."
    )
    assert "western_blot" in got["assays"]
    assert "western_blot" not in got["characterization_methods"]


def test_push_out_and_pull_out_tests_are_biomechanical_testing():
    got = fields(
        "In this study, exosome-coated implants were placed in rat femurs; biomechanical "
        "push-out testing gave a higher interface strength and pull-out tests showed stronger "
        "fixation."
    )
    assert "biomechanical_testing" in got["assays"]
