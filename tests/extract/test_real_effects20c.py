"""Genes named by another name than their symbol (issue 17, quality20c).

Authors name a gene by a previous or alias symbol ("Tie2" for TEK, "SNAIL" for SNAI1), by a
symbol with the member letters of its protein ("p16Ink4a"), by its protein or precursor name
("uPA", "pro-collagen1A2") or by the complex that holds it ("mTORC1"). Unlisted, a
symbol-shaped alias was read as a symbol of its own ("TIE2", a false value and a miss). The
lexicon's `symbol_aliases` table maps them; its guards keep every ordinary word out. Examples
are paraphrased in new words; the source DOI is given with each.
"""

from __future__ import annotations

import pytest
from real_text import after_given, effects_of

from exobone.lexicon.loader import build_lexicon, read_data, vocabulary


def test_a_previous_symbol_is_read_as_the_current_one() -> None:
    # doi:10.7150/thno.58410 (R386): exosomal lnc-H19 and Angpt1/Tie2 signalling.
    assert "TEK|up" in effects_of(
        "Exosomal lnc-H19 raised the angiogenic factor Angpt1, which switched on Tie2 "
        "signalling in the endothelial cells."
    )


def test_a_protein_name_in_capitals_is_read_as_its_symbol() -> None:
    # doi:10.1186/s13045-018-0689-y (R562): AREG on myeloma exosomes raises the EGFR target.
    assert "SNAI1|up" in effects_of("The exosomes raised the mRNA of SNAIL in the precursors.")


def test_a_symbol_with_the_letters_of_its_protein_is_the_symbol() -> None:
    # doi:10.31083/FBL38302 (R352): exosome-loaded hydrogels in disc degeneration.
    assert "CDKN2A|down" in effects_of(
        "The treated discs showed fewer markers of ageing (p16Ink4a) at 8 and 12 weeks."
    )


def test_a_complex_names_the_pathway_of_its_kinase() -> None:
    # doi:10.1002/advs.202504347 (R223): miR-100-5p of iMSC exosomes in macrophages.
    assert "mTOR|down" in effects_of(
        "The exosomes deliver miR-100-5p, which suppresses mTORC1 signalling in the macrophages."
    )


def test_protein_and_precursor_names_of_cargo_are_symbols() -> None:
    # doaj c575f46075f843ee99f6867f32f4ed0a (R166): urokinase on osteoblast exosomes;
    # doi:10.1371/journal.pone.0229914 (R135): pro-collagen1A2 on BMSC vesicles.
    assert "PLAU" in after_given("The exosomes carried a cargo rich in uPA.", "ev_cargo")
    assert "COL1A2" in after_given(
        "The vesicles carry pro-collagen1A2 on their surface membranes.", "ev_cargo"
    )


def test_an_english_word_is_never_an_alias() -> None:
    """Guard: a one-word alias is matched as written only; 'snail' stays a word."""
    assert effects_of("The snail was raised in a tank, and the exosomes raised RUNX2.") == {
        "RUNX2|up"
    }


def _lexicon_with(aliases: dict[str, list[str]]) -> None:
    extra = dict(read_data("lexicon.yaml"))
    extra["symbol_aliases"] = aliases
    build_lexicon(vocabulary(), extra)


@pytest.mark.parametrize(
    "aliases",
    [
        {"SNAI1": ["snail"]},  # a lower-case word
        {"AKT1": ["AKT"]},  # a listed not-gene, and the pathway's word
        {"IL1B": ["IL1beta"]},  # already a term of another kind (a preconditioning)
    ],
)
def test_an_alias_row_that_could_misread_a_word_fails_loudly(aliases: dict[str, list[str]]) -> None:
    with pytest.raises(ValueError, match="symbol_aliases"):
        _lexicon_with(aliases)
