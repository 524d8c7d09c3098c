"""Checks on curated values: a set field of the schema, and a label the schema allows.

Fields whose value is one label of a closed list (a section of `data/vocab.yaml`, or the
schema's fixed labels such as `settings`) accept only those labels; open fields (genes,
doses, compound sources) accept any short printable text.
"""

from __future__ import annotations

import unicodedata
from functools import cache

from exobone.errors import LabelError
from exobone.schema import FIELDS, INTEGER_FIELDS, SET_FIELDS, check_field

__all__ = ["MAX_LENGTH", "LabelError", "check_value", "closed_labels"]

MAX_LENGTH = 200


@cache
def closed_labels() -> dict[str, frozenset[str]]:
    """Allowed labels per set field whose value is one label of a closed list."""
    return {
        f.name: f.parts[0].allowed()
        for f in FIELDS
        if not f.single and not f.compound and f.parts[0].closed
    }


def check_value(field: str, value: str) -> str:
    """The value, trimmed, if `field` may hold it; LabelError saying why not otherwise
    (UnknownFieldError when `field` is not a set field)."""
    check_field(field, SET_FIELDS)
    clean = " ".join(value.split())
    if not clean:
        raise LabelError(f"{field}: the value is empty")
    if len(clean) > MAX_LENGTH:
        raise LabelError(f"{field}: the value is longer than {MAX_LENGTH} characters")
    if any(unicodedata.category(char).startswith("C") for char in clean):
        raise LabelError(f"{field}: the value holds control characters")
    if field in INTEGER_FIELDS and not clean.isdigit():
        raise LabelError(f"{field}: {clean!r} is not a whole number of days")
    allowed = closed_labels().get(field)
    if allowed and clean not in allowed:
        shown = ", ".join(sorted(allowed)[:25])
        raise LabelError(f"{field}: {clean!r} is not a label of the vocabulary ({shown}, ...)")
    return clean
