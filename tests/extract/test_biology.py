"""Vesicle types and preconditioning named inside hyphenated vesicle names."""

from exobone.extract import Extractor
from exobone.model import Record


def fields(abstract: str) -> dict:
    return Extractor().extract(Record(abstract=abstract), "S01").annotations


def test_priming_glued_to_a_vesicle_name_is_preconditioning():
    got = fields(
        "Bone loss is common. In this study, exosomes were derived from hypoxia-preconditioned "
        "human umbilical cord MSCs (H-Exos) or normoxic MSCs (N-Exos). Osteoblasts were treated "
        "with 30 ug IL1-Exos, TNF-Exos or Hypo-Exos. LPS-EVs reduced inflammation in macrophages."
    )
    assert set(got["preconditioning"]) == {"hypoxia", "IL_1beta", "TNF_alpha", "LPS"}
    assert set(got["vesicle_types"]) == {"exosome", "extracellular_vesicle"}
    assert got["ev_sources"] == ["MSC|umbilical_cord|human"]  # N-Exos' MSCs are a source too
    assert got["doses"] == ["30 ug"]


def test_a_bare_h_prefix_is_hypoxia_only_in_a_text_about_hypoxia():
    got = fields(
        "In this study, H-Exos from healthy donors were compared with exosomes from patients. "
        "Osteoblasts were treated with 30 ug H-Exos."
    )
    assert got["preconditioning"] == []
    assert got["doses"] == ["30 ug"]


def test_il1beta_given_to_recipients_stays_out_of_preconditioning():
    got = fields(
        "In this study, chondrocytes were stimulated with IL-1beta and treated with BMSC-Exos "
        "at 50 ug/mL."
    )
    assert got["preconditioning"] == []
