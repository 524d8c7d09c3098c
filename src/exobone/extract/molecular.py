"""The `molecular_effects` field: genes, RNAs, pathways and metabolites the vesicles moved.

Direction finding is shared with `outcomes` (`exobone.extract.direction`). Only `up` and
`down` exist for this field, so a "no change" finding is not reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from exobone.extract.direction import analyse
from exobone.extract.document import Document, Finding
from exobone.schema import BY_NAME

__all__ = ["extract"]

_KINDS = frozenset({"genes", "mirna", "lncrna", "pathways", "metabolites"})
_WORDS = BY_NAME["molecular_effects"].direction_words()  # sign -> up, down


def extract(doc: Document) -> Iterator[Finding]:
    """One finding per directed molecule mention (the caller merges repeats)."""
    for item in analyse(doc):
        if item.kind in _KINDS and item.sign in _WORDS:
            value = f"{item.label}|{_WORDS[item.sign]}"
            yield Finding("molecular_effects", value, item.mention.span(), item.reason)
