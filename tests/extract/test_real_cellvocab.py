"""Cell names of real abstracts that the lexicon did not know (issue 17, the vocabulary gate of
ev_sources and recipient_cells): whatever the role rules say, a cell the lexicon cannot name is
lost. Each case is our own paraphrase of a real published abstract (source in a comment)."""

from __future__ import annotations

import pytest
from real_text import found

UC_HUMAN = "MSC|umbilical_cord|human"
MENSTRUAL = "MSC|menstrual_blood|"
DENTAL = "stem_cell_dental||"


@pytest.mark.parametrize(
    "abstract",
    [
        # R120, 10.1177/09636897211057465: exosomes taken while the HucMSCs differentiated.
        "Exosomes were collected from HucMSCs on day 0 and day 7 of osteogenic induction and "
        "given to osteoporotic mice.",
        # 10.2147/IJN.S486622, table 1 (outside the corpus): the umbilical cord row.
        "HucMSC-Exos proliferate and renew themselves fast; they ease oxidative stress and "
        "strengthen vascular remodelling.",
        "HUCMSC-Exos measure 40 to 100 nm and carry CD9, CD63 and CD81.",
        "We compared hucMSC-derived exosomes with exosomes of other sources in a fracture model.",
    ],
)
def test_umbilical_cord_msc_with_lower_case_uc(abstract: str) -> None:
    assert UC_HUMAN in found(abstract, "ev_sources")


@pytest.mark.parametrize(
    "abstract",
    [
        # 10.3389/fbioe.2025.1643408 (review, outside the corpus).
        "Extracellular vesicles given off by MenSCs hold proteins, lipids and miRNAs that drive "
        "regeneration. MenSC-EVs are less immunogenic than other MSC-EVs.",
        # 10.1186/s13287-021-02511-6 (review, outside the corpus).
        "The study of MenSC-derived small EVs has only begun, unlike that of MSCs of bone "
        "marrow or adipose tissue.",
        # PMC6925480 (review, outside the corpus): the long form without 'mesenchymal'.
        "Exosomes of menstrual blood-derived stem cells were proposed as a cell-free therapy.",
    ],
)
def test_menstrual_blood_stem_cells(abstract: str) -> None:
    assert MENSTRUAL in found(abstract, "ev_sources")


@pytest.mark.parametrize(
    "abstract",
    [
        # 10.1186/s13287-021-02151-w (outside the corpus).
        "How exosomes derived from SCAP (SCAP-Exo) act in tissue regeneration is unclear. "
        "SCAP-Exo were isolated and characterised by electron microscopy and NTA.",
        # 10.3390/biomedicines11072047 (review, outside the corpus): the long form.
        "Exosomes released by stem cells from the apical papilla support pulp regeneration and "
        "root development.",
    ],
)
def test_stem_cells_of_the_apical_papilla(abstract: str) -> None:
    assert DENTAL in found(abstract, "ev_sources")


def test_scap_as_written_only() -> None:
    """SCAP is matched as written: the scapula is no cell."""
    assert found("A scapular defect was filled with BMSC-derived exosomes.", "ev_sources") == {
        "MSC|bone_marrow|"
    }


@pytest.mark.parametrize(
    ("abstract", "source"),
    [
        # Title of 10.1186/s13287-023-03287-7 (outside the corpus).
        ("Mesenchymal stem cell (MSC)-derived exosomes ease cartilage degeneration in "
         "osteoarthritis.", "MSC||"),
        # 10.1089/cell.2019.0098 (review, outside the corpus).
        ("This review sums up the part that mesenchymal stem cell (MSC)-derived exosomes play "
         "in OA.", "MSC||"),
        ("Bone marrow mesenchymal stem cell (BMSC)-derived exosomes were added to osteoblasts.",
         "MSC|bone_marrow|"),
    ],
)
def test_bracketed_short_form_before_derived(abstract: str, source: str) -> None:
    assert source in found(abstract, "ev_sources")


def test_bracketed_short_form_of_treated_cells_is_no_source() -> None:
    """A bracket after cells that were then treated keeps them recipients."""
    text = "Bone marrow stromal cells (BMSCs) were treated with macrophage-derived exosomes."
    assert "MSC|bone_marrow|" not in found(text, "ev_sources")
    assert "MSC|bone_marrow|" in found(text, "recipient_cells")


@pytest.mark.parametrize(
    ("abstract", "source"),
    [
        # 10.21037/atm-22-3912 (outside the corpus): exosomes of hUC-MSCs, used undefined here.
        ("hUC-MSCs-Exos eased cartilage damage in the rat joint.", UC_HUMAN),
        # R63 and R77 (10.1186/s12951-024-02451-2): sEVs of hUC-MSCs.
        ("In vitro, hUC-MSC-sEVs raised the migration of chondrocytes.", UC_HUMAN),
        ("Exosomes from rBM-MSCs were injected into the fracture gap.", "MSC|bone_marrow|rat"),
    ],
)
def test_species_letter_before_hyphenated_tissue_and_cell(abstract: str, source: str) -> None:
    """The species letter prefixes a tissue and a cell joined by a hyphen ('hUC-MSCs'): the
    two parts together name the cell, and the letter its species."""
    assert source in found(abstract, "ev_sources")


def test_species_letter_before_a_hyphenated_word_that_is_no_cell() -> None:
    """'pH-responsive' names no cell: nothing is read from its letters."""
    text = "A pH-responsive hydrogel released BMSC-derived exosomes."
    assert found(text, "ev_sources") == {"MSC|bone_marrow|"}
    assert "pig" not in str(found(text, "species"))


@pytest.mark.parametrize(
    "abstract",
    [
        # 10.3389/fgene.2021.750990 (review, outside the corpus).
        "Six kinds of dental stem cells (DSCs) have been isolated so far, and exosomes derived "
        "from dental stem cells act much like their parent cells.",
        # 10.1016/bs.pmbts.2023.03.005 (outside the corpus): the title's words.
        "We review the clinical use of extracellular vesicles derived from dental stem cells.",
        # R110 (10.1186/s13578-020-00471-7): the oral-tissue paraphrase.
        "Exosomes from oral tissue stem cells have been isolated to study their functions.",
    ],
)
def test_dental_stem_cells_by_the_label_words(abstract: str) -> None:
    assert DENTAL in found(abstract, "ev_sources")


@pytest.mark.parametrize(
    "abstract",
    [
        # 10.3389/fcell.2021.656153 (outside the corpus): the TMJOA cells given BMSC-sEVs.
        "Growth, migration and cell cycle of TMJOA cartilage cells treated with BMSC-sEVs were "
        "measured.",
        # R63 (10.1186/s12951-024-02451-2): 'cartilage cells' beside BMSCs as recipients.
        "In vitro the sEVs raised the migration of cartilage cells and of bone marrow-derived "
        "MSCs.",
    ],
)
def test_cartilage_cells_are_chondrocytes(abstract: str) -> None:
    assert "chondrocyte||" in found(abstract, "recipient_cells")
