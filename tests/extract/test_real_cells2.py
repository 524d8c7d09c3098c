"""Source and recipient cells as real abstracts name them, read on text the rules were not
tuned on (issue 17, area cells2).

Each case paraphrases a published abstract (source in the comment); the guards keep each
widened rule from reading cells that did not give or receive the vesicles.
"""

from exobone.extract import Extractor
from exobone.model import Record


def annotations(abstract: str, title: str = "") -> dict[str, list[str]]:
    return Extractor().extract(Record(title=title, abstract=abstract), "S01").annotations


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
