"""The held-out corpus measures generalisation only if its gold is valid: vocab labels, value
forms, unique ids, and one gold row per bibliography record with the same title (checks in
`gold_checks`).

Nothing here scores the extractor: the corpus is measured, never tuned on (see
tests/data/holdout/NOTES.md).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from gold_checks import SHARED_CHECKS, Corpus

# The holdout annotation guide names circular RNAs like circHIPK3 or circFOXO3_2.
CIRCRNA = re.compile(r"^circ[A-Z][A-Z0-9]*(_\d+)?$")
HOLDOUT = Corpus(
    folder="holdout", name="holdout", prefix="H", size=20, reviews=2, rna=(CIRCRNA,)
)


@pytest.mark.parametrize("check", SHARED_CHECKS, ids=lambda check: check.__name__)
def test_gold(check: Callable[[Corpus], None]) -> None:
    check(HOLDOUT)


def test_corpus_has_a_clinical_study() -> None:
    """At least one clinical study, as the corpus is meant to hold (two reviews: shared check)."""
    assert any("clinical" in row["settings"] for row in HOLDOUT.gold)
