"""The whole extractor on one abstract, as the real-text tests of this folder run it: one
Extractor for every test (building one compiles the rule rows and the lexicon)."""

from __future__ import annotations

from typing import Any

from exobone.extract import Extractor
from exobone.model import Record

EXTRACTOR = Extractor()


def fields_of(abstract: str, title: str = "") -> dict[str, Any]:
    """Every field the extractor gives for a record of this title and abstract."""
    return EXTRACTOR.extract(Record(title=title, abstract=abstract), "T").annotations


def found(abstract: str, field: str, title: str = "") -> set[str]:
    """The values of one field, as strings."""
    return {str(value) for value in fields_of(abstract, title)[field]}


# Openings set before a test's sentence so that it reads as a finding about the vesicles: the
# molecular tests' opening names recipient cells, the outcome tests' only isolates vesicles.
GIVEN_TO_CELLS = (
    "Exosomes were isolated from mesenchymal stem cells and given to the recipient cells. "
)
ISOLATED = "Exosomes were isolated from mesenchymal stem cells by ultracentrifugation. "


def after_given(abstract: str, field: str) -> set[str]:
    """The values of one field for `abstract` after the GIVEN_TO_CELLS opening."""
    return found(GIVEN_TO_CELLS + abstract, field, "Vesicle study")


def effects_of(abstract: str) -> set[str]:
    """The molecular effects of `abstract` after the GIVEN_TO_CELLS opening."""
    return after_given(abstract, "molecular_effects")


def after_isolation(sentence: str, field: str) -> set[str]:
    """The values of one field for `sentence` after the ISOLATED opening."""
    return found(ISOLATED + sentence, field)


def rules_named(abstract: str, field: str, value: str, title: str = "") -> set[str]:
    """The rule rows (`[rule name]`) that `explain` names for `value` of `field`."""
    record = Record(title=title, abstract=abstract)
    return {
        reason.split("[rule ", 1)[1].split("]", 1)[0]
        for e in EXTRACTOR.explain(record, "T")
        if (e.field, e.value) == (field, value)
        for because in e.evidence
        for reason in because.reasons
        if "[rule " in reason
    }
