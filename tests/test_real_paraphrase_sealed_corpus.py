"""The sealed part of the real-paraphrase corpus is well formed, and nothing more is said here.

`tests/data/real_paraphrase_sealed/` holds close paraphrases of real published abstracts
drawn at random from the same candidate pool as `tests/data/real_paraphrase/`. No rule is
tuned on it and the extractor is measured on it once, at the end, by the lead: so this test
checks only that its gold can be trusted (valid labels and shapes, one gold row per record,
a source for every record) and deliberately neither runs the extractor nor prints scores.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from gold_checks import SHARED_CHECKS, Corpus, check_notes_give_a_source_for_every_record

RNA_NAME = re.compile(r"^(circ|lnc)[A-Za-z0-9]+(-[A-Za-z0-9]+)*$")
# Cell-line names as the literature writes them, slash included (C3H10T1/2).
CELL_LINE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./-]*$")
# Records whose abstracts dev records of real_paraphrase paraphrase too, or that a rule's test
# cites (NOTES.md, "Retired").
RETIRED = frozenset({"Z01", "Z02", "Z04", "Z06", "Z08", "Z10", "Z12", "Z15", "Z20", "Z29"})
SEALED_REAL = Corpus(folder="real_paraphrase_sealed", name="sealed", prefix="Z", size=42,
                     reviews=14, rna=(RNA_NAME,), cell_line=CELL_LINE, retired=RETIRED)


@pytest.mark.parametrize("check", SHARED_CHECKS, ids=lambda check: check.__name__)
def test_gold(check: Callable[[Corpus], None]) -> None:
    check(SEALED_REAL)


def test_notes_give_a_source_for_every_record() -> None:
    check_notes_give_a_source_for_every_record(SEALED_REAL)
