"""The `molecular_effects` field on hand-built Documents, and its floor on seed and dev gold."""

from __future__ import annotations

from pathlib import Path

import pytest
from real_text import fields_of
from test_outcomes import (
    REPO,
    SHARED,
    _score,
    make_doc,
)  # sibling module: pytest puts this dir on sys.path

from exobone.extract import molecular
from exobone.extract.document import Document

TERMS = {
    "exosomes": ("vesicle_types", "exosome"),
    "Exosomes": ("vesicle_types", "exosome"),
    "EVs": ("vesicle_types", "extracellular_vesicle"),
    "RUNX2": ("genes", "RUNX2"),
    "Runx2": ("genes", "RUNX2"),
    "MMP13": ("genes", "MMP13"),
    "IL-1beta": ("genes", "IL1B"),
    "Wnt-3a": ("genes", "WNT3A"),
    "Wnt signaling": ("pathways", "Wnt_signaling"),
    "p38": ("pathways", "MAPK_p38"),
    "Akt": ("pathways", "PI3K_Akt"),
    "miR-223": ("mirna", "miR-223"),
    "nitric oxide": ("metabolites", "nitric_oxide"),
    "apoptosis": ("outcomes", "apoptosis"),
}


def values(doc: Document) -> set[str]:
    return {f.value for f in molecular.extract(doc)}


def test_expression_and_phosphorylation_directions() -> None:
    doc = make_doc(
        "",
        "Exosomes up-regulated Runx2 expression. "
        "The phosphorylation of p38 was inhibited, and phosphorylation of Akt was promoted by EVs.",
        TERMS,
    )
    assert values(doc) == {"RUNX2|up", "MAPK_p38|down", "PI3K_Akt|up"}


def test_stimulus_and_disease_model_are_not_effects() -> None:
    doc = make_doc(
        "",
        "IL-1beta increased MMP13 in chondrocytes. "
        "Exosomes suppressed IL-1beta-induced nitric oxide and MMP13 production.",
        TERMS,
    )
    assert values(doc) == {"nitric_oxide|down", "MMP13|down"}


def test_cargo_and_inhibitor_effects_are_not_effects() -> None:
    doc = make_doc(
        "",
        "Wnt-3a was elevated in exosomes, and inhibiting Wnt signaling decreased RUNX2. "
        "Exosomes carried miR-223 into the cells.",
        TERMS,
    )
    assert values(doc) == set()


def test_non_coding_rnas_and_apoptosis_genes_in_recipient_cells() -> None:
    terms = {
        **TERMS,
        "miR-155": ("mirna", "miR-155"),
        "H19": ("lncrna", "H19"),
        "circHIPK3": ("lncrna", "circHIPK3"),
        "Bax": ("genes", "BAX"),
        "Bcl-2": ("genes", "BCL2"),
        "TNMD": ("genes", "TNMD"),
    }
    doc = make_doc(
        "",
        "EVs downregulated miR-155 and upregulated H19 in recipient macrophages. "
        "In tendon cells treated with exosomes, circHIPK3 expression was decreased. "
        "Exosomes decreased Bax but increased Bcl-2 and TNMD expression.",
        terms,
    )
    assert values(doc) == {
        "miR-155|down", "H19|up", "circHIPK3|down", "BAX|down", "BCL2|up", "TNMD|up",
    }  # fmt: skip


def test_inversion_wording() -> None:
    doc = make_doc(
        "",
        "Exosomes reversed the IL-1beta-induced decrease in RUNX2 expression. "
        "EVs attenuated the increase in MMP13 and restored miR-223 suppressed by IL-1beta.",
        TERMS,
    )
    assert values(doc) == {"RUNX2|up", "MMP13|down", "miR-223|up"}


def test_no_change_is_not_reported_for_molecules() -> None:
    doc = make_doc("", "Exosomes did not affect RUNX2 expression.", TERMS)
    assert values(doc) == set()


def test_span_covers_the_target() -> None:
    doc = make_doc("", "In recipient cells, exosomes reduced miR-223 expression.", TERMS)
    (finding,) = molecular.extract(doc)
    assert finding.value == "miR-223|down"
    assert doc.abstract[finding.span.start : finding.span.end] == "miR-223"


@pytest.mark.usefixtures("shared_dir")
def test_seed_floor() -> None:
    seed = SHARED / "seed" / "exosome_bone_bibliography.txt"
    assert _score(seed, SHARED / "gold" / "seed_gold.jsonl", "molecular_effects") >= 0.85


def test_dev_floor() -> None:
    dev: Path = REPO / "tests" / "data" / "dev_corpus"
    assert _score(dev / "dev_bibliography.txt", dev / "dev_gold.jsonl", "molecular_effects") >= 0.85


@pytest.mark.parametrize(
    ("abstract", "pathways"),
    [
        # R19 (10.1186/s13287-021-02410-w): both Smad branches named as activated
        (
            "Exosomes from fat-derived stromal cells sped up tendon repair, apparently by "
            "activating both the SMAD2/3 and the SMAD1/5/9 pathways.",
            {"TGF_beta_signaling|up", "BMP_signaling|up"},
        ),
        # R63 (10.1186/s12951-024-02451-2): a chain ending in the Smad2/3 axis
        (
            "After taking up the vesicles, chondrocytes made more ITGB1, which in turn "
            "activated the TGF-beta/Smad2/3 axis.",
            {"TGF_beta_signaling|up"},
        ),
        # R64 (PMC7196084): Smad2/3 signalling activated
        (
            "Both kinds of exosomes helped the chondrocytes, in part by activating Smad2/3 "
            "signaling.",
            {"TGF_beta_signaling|up"},
        ),
        # dev D15: phosphorylated Smad1/5/8
        (
            "The exosomes increased the phosphorylation of Smad1/5/8 in the osteoblasts.",
            {"BMP_signaling|up"},
        ),
    ],
)
def test_activated_receptor_smads_are_their_pathway(abstract: str, pathways: set[str]) -> None:
    """Like p38 or Akt, SMAD2/3 and SMAD1/5/8(9) named as activated stand for their branch."""
    found = set(fields_of(abstract, "Vesicles in repair")["molecular_effects"])
    assert pathways <= found
    assert not {v for v in found if v.startswith("SMAD")}


def test_a_smad_whose_expression_changes_stays_a_gene() -> None:
    text = "After exosome treatment, SMAD7 expression rose in the chondrocytes."
    assert fields_of(text, "Vesicles in repair")["molecular_effects"] == ["SMAD7|up"]
