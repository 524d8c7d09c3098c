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
