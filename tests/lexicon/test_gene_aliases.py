"""Gene aliases of lexicon.yaml: trivial names to HGNC symbols, ambiguous short forms kept out."""

import pytest

from exobone.lexicon import load_lexicon
from exobone.lexicon.loader import ambiguous_alias, greek_spellings


@pytest.mark.parametrize(
    ("alias", "symbol"),
    [
        ("CGRP", "CALCA"),
        ("Bax", "BAX"),
        ("cleaved caspase-3", "CASP3"),
        ("caspase-1", "CASP1"),
        ("Bcl-2", "BCL2"),
        ("scleraxis", "SCX"),
        ("Tnmd", "TNMD"),
        ("VEGFR2", "KDR"),
        ("Beclin-1", "BECN1"),
    ],
)
def test_alias_maps_to_symbol(alias: str, symbol: str) -> None:
    assert ("genes", symbol) in load_lexicon().lookup(alias)


def test_ambiguity_filter() -> None:
    assert ambiguous_alias("AR")
    assert ambiguous_alias("cap")
    assert ambiguous_alias("MSC", frozenset({"MSC"}))
    assert not ambiguous_alias("Bax")
    assert not ambiguous_alias("p53")


def test_greek_isoform_names_are_spelled_every_way() -> None:
    # one row per isoform ("HIF-2alpha", "PPARalpha", symbol alias "CEBPalpha") reads the
    # letter glued, after a hyphen or a space, spelled or as the letter, with or without the
    # hyphen before a number; "Cat" (the animal) and "PhD" stay no gene
    assert greek_spellings("HIF-2alpha") == {
        "HIF-2alpha", "HIF-2-alpha", "HIF-2\u03b1", "HIF-2-\u03b1",
        "HIF2alpha", "HIF2-alpha", "HIF2\u03b1", "HIF2-\u03b1",
    }  # fmt: skip
    assert greek_spellings("transforming growth factor-beta1") == set()
    assert greek_spellings("beta-catenin") == set()
    lexicon = load_lexicon()
    for spelled, symbol in [
        ("HIF-2 alpha", "EPAS1"),
        ("HIF2\u03b1", "EPAS1"),
        ("PPAR-alpha", "PPARA"),
        ("PPAR\u03b1", "PPARA"),
        ("C/EBP-beta", "CEBPB"),
        ("ROR\u03b3t", "RORC"),
        ("C/EBP\u03b1", "CEBPA"),
        ("TGF-\u03b2RI", "TGFBR1"),
    ]:
        assert lexicon.lookup(spelled) == {("genes", symbol)}, spelled
    assert not any(kind == "genes" for kind, _ in lexicon.lookup("Cat"))
    assert not any(kind == "genes" for kind, _ in lexicon.lookup("PhD"))
