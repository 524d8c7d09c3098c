"""Gene aliases of lexicon.yaml: trivial names to HGNC symbols, ambiguous short forms kept out."""

import pytest

from exobone.lexicon import load_lexicon
from exobone.lexicon.loader import ambiguous_alias


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
