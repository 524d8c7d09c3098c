"""The sealed evaluation corpus is well formed: valid labels, readable records, consistent gold.

`tests/data/sealed/` is written independently of the extractor and measured once, so these
tests check only that its gold can be trusted as a yardstick (every label exists in the
lexicon, every value has the schema's shape, quantities are stated in the abstract) and that
the reader sees the same 20 records. They deliberately say nothing about extractor scores.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from gold_checks import SHARED_CHECKS, Corpus

# The sealed annotation guide accepts circRNA/lncRNA names (circFNDC3B, lncRNA-H19) and cell
# line names with a space (hFOB 1.19).
RNA_NAME = re.compile(r"^(circ|lnc)[A-Za-z0-9]+(-[A-Za-z0-9]+)*$")
CELL_LINE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 .-]*[A-Za-z0-9]$")
SEALED = Corpus(
    folder="sealed", name="sealed", prefix="X", size=20, reviews=2, rna=(RNA_NAME,),
    cell_line=CELL_LINE,
)


@pytest.mark.parametrize("check", SHARED_CHECKS, ids=lambda check: check.__name__)
def test_gold(check: Callable[[Corpus], None]) -> None:
    check(SEALED)


def dose_pattern(dose: str) -> re.Pattern[str]:
    """How a gold dose may be written in an abstract (Unicode or ASCII, 1.5e10 as 1.5 × 10^10)."""
    value, unit = dose.split(" ")
    mantissa, _, exponent = value.partition("e")
    number = re.escape(mantissa) + (rf"\s*[×x]\s*10\^{exponent}" if exponent else "")
    mass = {"ug": "(?:μg|µg|ug)", "mg": "mg"}
    base, _, per = unit.partition("/")
    written = mass.get(base, base) + (rf"/{per}" if per == "kg" else "")
    if per == "mL":
        written += r"/m[lL]"
    tail = "" if per else r"(?![/\w])"
    listed = r"(?:\s*(?:,|and)\s*\d+(?:\.\d+)?)*"  # '10, 20 and 40 μg/mL'
    return re.compile(rf"(?<![\d.]){number}{listed}\s*{written}{tail}")


PERIOD = re.compile(r"((?:\d+\s*(?:,|and)\s*)*\d+)\s*(h|days?|weeks?)\b")


def stated_periods(text: str) -> set[int]:
    """Days of every 'N h / N days / N weeks' phrase (lists like '4, 8 and 12 weeks' too)."""
    found: set[int] = set()
    for match in PERIOD.finditer(text):
        unit = match.group(2)
        for number in re.findall(r"\d+", match.group(1)):
            n = int(number)
            found.add(max(1, round(n / 24)) if unit == "h" else n * 7 if unit.startswith(
                "week") else n)
    return found


def test_every_gold_dose_and_duration_is_stated_in_the_abstract() -> None:
    for record, row in zip(SEALED.records, SEALED.gold, strict=True):
        for dose in row["doses"]:
            assert dose_pattern(dose).search(record.abstract), (row["id"], dose)
        assert set(row["durations_days"]) <= stated_periods(record.abstract), row["id"]


def test_dose_pattern_reads_both_notations() -> None:
    assert dose_pattern("1.5e10 particles").search("with 1.5 × 10^10 particles per defect")
    assert dose_pattern("25 ug/mL").search("At 25 μg/ml, the vesicles")
    assert not dose_pattern("10 ug").search("at 10 μg/mL for 24 h")
    assert dose_pattern("10 ug/mL").search("OC-Exos (10, 20 and 40 ug/mL)")
    assert stated_periods("At 4, 8 and 12 weeks after 72 h") == {28, 56, 84, 3}


def test_notes_record_a_decision_for_every_record() -> None:
    notes = (SEALED.path / "NOTES.md").read_text(encoding="utf-8")
    decided = set(re.findall(r"^(X\d\d):", notes, re.MULTILINE))
    assert decided == {row["id"] for row in SEALED.gold}
