"""The `outcomes` field: phenotypes the vesicle treatment increased, decreased or left unchanged.

Direction finding is shared with `molecular_effects` (`exobone.extract.direction`); this module
only turns directed phenotype targets into `phenotype|direction` values.
"""

from __future__ import annotations

from collections.abc import Iterator

from exobone.extract.direction import analyse
from exobone.extract.document import Document, Finding
from exobone.schema import BY_NAME

__all__ = ["extract"]

_WORDS = BY_NAME["outcomes"].direction_words()  # sign -> increase, decrease, no_change


def extract(doc: Document) -> Iterator[Finding]:
    """One finding per directed phenotype mention (the caller merges repeats)."""
    for item in analyse(doc):
        if item.kind == "outcomes" or item.mention.kind == "conditions":
            value = f"{item.label}|{_WORDS[item.sign]}"
            yield Finding("outcomes", value, item.mention.span(), item.reason)
