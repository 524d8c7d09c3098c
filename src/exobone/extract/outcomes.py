"""The `outcomes` field: phenotypes the vesicle treatment increased, decreased or left unchanged.

Direction finding is shared with `molecular_effects` (`exobone.extract.direction`); this module
only turns directed phenotype targets into `phenotype|direction` values.
"""

from __future__ import annotations

from collections.abc import Iterator

from exobone.extract.direction import DOWN, SAME, UP, analyse
from exobone.extract.document import Document, Finding

__all__ = ["extract"]

_WORDS = {UP: "increase", DOWN: "decrease", SAME: "no_change"}


def extract(doc: Document) -> Iterator[Finding]:
    """One finding per directed phenotype mention (the caller merges repeats)."""
    for item in analyse(doc):
        if item.kind == "outcomes" or item.mention.kind == "conditions":
            yield Finding("outcomes", f"{item.label}|{_WORDS[item.sign]}", item.mention.span())
