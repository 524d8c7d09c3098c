"""Whether a mention is negated: "no bone loss", "bone loss was not significantly altered".

A negated mention says the thing was absent or unchanged, so it does not add the value (a
condition, a biomaterial) to the study. Only the words right next to the mention are read:
a negation cue just before it, or a negated verb just after it in the same clause.
"""

from __future__ import annotations

import re
from typing import Final

from exobone.extract.document import Document, Mention
from exobone.text.calls import pattern_match, pattern_search

_BEFORE: Final = re.compile(
    r"(?:\bno|\bnot|\bwithout|\bneither|\bnor|\babsence of|\bfree of|\black of|\bnon)"
    r"[\s-]+(?:(?:significant|obvious|apparent|evident|detectable|signs? of|sign of|any)\s+)*$",
    re.IGNORECASE,
)
_AFTER: Final = re.compile(
    r"^\s*(?:\([^()]{1,20}\)\s*)?(?:(?:was|were|is|are|has been|have been)\s+not"
    r"|(?:did|does|do)\s+not\s+(?:occur|develop|appear|change|differ)"
    r"|(?:was|were|is|are)\s+(?:absent|unchanged|unaffected|similar|comparable))\b",
    re.IGNORECASE,
)


def negated(doc: Document, mention: Mention) -> bool:
    """Whether `mention` is stated as absent or unchanged."""
    text = doc.text_of(mention.section)
    lead = text[max(0, mention.start - 30) : mention.start]
    if ("no" in lead or "No" in lead or "out" in lead or "of" in lead or "nor" in lead) and (
        pattern_search(_BEFORE, lead)
    ):
        return True
    tail = text[mention.end : mention.end + 50]
    return (
        " not" in tail or " absent" in tail or "un" in tail or "similar" in tail or "compar" in tail
    ) and pattern_match(_AFTER, tail) is not None
