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

from exobone.lexicon.loader import build_lexicon, read_data, vocabulary


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
