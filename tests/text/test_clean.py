"""clean_text / clean_title: unwrapping, line-break hyphens, transliterations, debris."""

from __future__ import annotations

import re

import pytest

from exobone.text.clean import clean_text, clean_title, tidy_brackets
from shared_files import SHARED

SEED = SHARED / "seed" / "exosome_bone_bibliography.txt"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Real compounds broken at a line end keep their hyphen (seed examples).
        ("than wild-\ntype mice", "than wild-type mice"),
        ("of cell-to-\ncell communication", "of cell-to-cell communication"),
        ("modulator of cell-\nto-\ncell signals", "modulator of cell-to-cell signals"),
        ("that hiPSC-\nMSC-Exos enhanced", "that hiPSC-MSC-Exos enhanced"),
        ("recipient BM-\nMSCs", "recipient BM-MSCs"),
        ("preventing GC-\ninduced ONFH", "preventing GC-induced ONFH"),
        ("a cell-\nfree therapy", "a cell-free therapy"),
        ("have anti-\napoptotic abilities", "have anti-apoptotic abilities"),
        ("alleviate radiation-\ninduced bone loss", "alleviate radiation-induced bone loss"),
        ("of osteoblast-\nrelated genes", "of osteoblast-related genes"),
        ("significantly up-\nregulation", "significantly up-regulation"),
        ("BMSC-Exos inhibited", "BMSC-Exos inhibited"),
        # Syllable splits are joined.
        ("osteogenic differ-\nentiation of MSCs", "osteogenic differentiation of MSCs"),
        ("the regula-\ntion of", "the regulation of"),
        ("after treat-\nment with", "after treatment with"),
        ("chondro-\ncytes were", "chondrocytes were"),
        # ... or kept, when the text itself spells the word with a hyphen elsewhere.
        ("co-\nculture and co-culture", "co-culture and co-culture"),
        ("osteo-\ngenesis; osteogenesis", "osteogenesis; osteogenesis"),
        # A dash that is punctuation, or follows a bracket, is not a word break.
        ("bone loss -\nand more", "bone loss - and more"),
        ("CD9(-/-)-\nrelated mice", "CD9(-/-)-related mice"),
        ("IL-1beta-\ninduced", "IL-1beta-induced"),
    ],
)
def test_line_break_hyphens(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("20 mug/ml hUCMSCs", "20 ug/ml hUCMSCs"),
        ("10 mug hUCMSCs with 50 mul 2% gel", "10 ug hUCMSCs with 50 ul 2% gel"),
        ("5mug of protein", "5ug of protein"),
        ("a mug of coffee, mule deer", "a mug of coffee, mule deer"),  # not after a number
        ("TNF-α and IL-1β, TGF-β1, NF-κB, IFN-γ",
         "TNF-alpha and IL-1beta, TGF-beta1, NF-kappaB, IFN-gamma"),
        ("200 µg/ml and 5 μl and 10 μM", "200 ug/ml and 5 ul and 10 uM"),
        ("μCT analysis and μ-opioid", "microCT analysis and mu-opioid"),
        ("“quoted” ‘single’ 10–20 — x", "\"quoted\" 'single' 10-20 - x"),
        ("a\u00a0b\u2009c\u200bd", "a b cd"),
        ("2×10⁵ cells in CO₂", "2x10^5 cells in CO2"),
    ],
)
def test_characters_and_units(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_page_break_debris_and_structure() -> None:
    raw = (": Paracrine signaling by bone-marrow-derived mesenchymal stem \n\n"
           "cells (MSCs) plays a role. METHODS: We \n\n\n\nused mice.\r\n")
    assert clean_text(raw) == ("Paracrine signaling by bone-marrow-derived mesenchymal stem cells"
                               " (MSCs) plays a role. METHODS: We used mice.")
    assert clean_text("BACKGROUND: x.\nRESULTS: y.") == "BACKGROUND: x. RESULTS: y."
    assert clean_text("") == "" and clean_text(" \n ") == ""


def test_tidy_brackets() -> None:
    assert tidy_brackets("the ( APOE ) gene and [ 3 ] ( 19q13.41)") == (
        "the (APOE) gene and [3] (19q13.41)")
    assert tidy_brackets("no change (here)") == "no change (here)"


def test_clean_title() -> None:
    assert clean_title("Extracellular Vesicles from Adipose-\nDerived Mesenchymal Stem Cells.") == (
        "Extracellular Vesicles from Adipose-Derived Mesenchymal Stem Cells")
    assert clean_title("Why exosomes?") == "Why exosomes?"
    assert clean_title("Exosomes ...") == "Exosomes ..."


@pytest.mark.usefixtures("shared_dir")
def test_no_seed_line_break_hyphen_is_removed() -> None:
    """Every hyphen at a line end in the seed is a real compound (gold NOTES.md)."""
    text = SEED.read_text()
    cleaned = clean_text(text)
    pairs = re.findall(r"(\w+)-[ \t]*\n\s*(\w+)", text)
    assert len(pairs) >= 20
    for first, second in pairs:
        assert f"{first}-{second}" in cleaned
