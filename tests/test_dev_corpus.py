"""The development corpus is only useful if its gold is valid: vocab labels, value forms, ids,
and one gold row per bibliography record in the same order (checks in `gold_checks`)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from gold_checks import SHARED_CHECKS, Corpus

DEV = Corpus(folder="dev_corpus", name="dev", prefix="D", size=24, reviews=3)


@pytest.mark.parametrize("check", SHARED_CHECKS, ids=lambda check: check.__name__)
def test_gold(check: Callable[[Corpus], None]) -> None:
    check(DEV)
