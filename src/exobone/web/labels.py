"""Checks on curated values: a set field of the schema, written the way the schema says.

A value has as many `|`-separated parts as its field (`outcomes` is `phenotype|direction`);
a part may be blank when the text does not state it (`MSC||`; never the direction); a
closed part (a section of `data/vocab.yaml`, or fixed labels such as the directions)
accepts only its labels; an open part (gene, cell line, molecular target) accepts short
printable text without markup. Days are whole numbers in a range, doses `VALUE UNIT` with a
schema unit. Everything here is read from `exobone.schema`, so a new field is checked too.
"""

from __future__ import annotations

import re
import unicodedata

from exobone.errors import LabelError
from exobone.schema import DOSE_UNITS, SEPARATOR, SET_FIELDS, Field, field

__all__ = ["MAX_DAYS", "MAX_LENGTH", "LabelError", "check_value"]

MAX_LENGTH = 200
# A century: longer than any experimental period, short enough for every integer column.
MAX_DAYS = 36_500
# Markup characters: no gene, label or dose holds them, and a `<a href>` in a value became a
# live link in the graph (Plotly renders a subset of HTML in its labels).
_MARKUP = frozenset("<>`")
_DAYS = re.compile(r"[0-9]{1,9}")
_AMOUNT = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:e[0-9]{1,2})?")


def check_value(name: str, value: str) -> str:
    """The value, with whitespace tidied, if field `name` may hold it; LabelError saying
    why not otherwise (UnknownFieldError when `name` is not a set field)."""
    spec = field(name, SET_FIELDS)
    clean = " ".join(value.split())
    if not clean:
        raise LabelError(f"{name}: the value is empty")
    if len(clean) > MAX_LENGTH:
        raise LabelError(f"{name}: the value is longer than {MAX_LENGTH} characters")
    # Category C covers control characters and the bidi overrides and isolates (Cf).
    if any(unicodedata.category(char).startswith("C") for char in clean):
        raise LabelError(f"{name}: the value holds control or formatting characters")
    if _MARKUP & set(clean):
        raise LabelError(f"{name}: the value holds markup characters (< > `)")
    parts = [part.strip() for part in clean.split(SEPARATOR)]
    # A part the text does not state stays blank (`MSC||`), but not all of them, nor a direction.
    if len(parts) != len(spec.parts) or not any(parts) or (spec.directions and not parts[-1]):
        raise LabelError(f"{name}: {clean!r} is not written as {spec.form}")
    for part, text in zip(spec.parts, parts, strict=True):
        allowed = part.allowed()
        if text and allowed and text not in allowed:
            shown = ", ".join(sorted(allowed)[:25])
            more = ", ..." if len(allowed) > 25 else ""
            raise LabelError(f"{name}: {part.name} {text!r} is not one of: {shown}{more}")
    _check_quantity(spec, clean)
    return SEPARATOR.join(parts)


def _check_quantity(spec: Field, value: str) -> None:
    """Days in 1..MAX_DAYS; a dose as a positive finite amount and a schema unit."""
    if spec.kind == "days":
        if not _DAYS.fullmatch(value) or not 1 <= int(value) <= MAX_DAYS:
            raise LabelError(f"{spec.name}: {value!r} is not a whole number of days (1-{MAX_DAYS})")
    elif spec.kind == "dose":
        amount, _, unit = value.partition(" ")
        if unit not in DOSE_UNITS or not _AMOUNT.fullmatch(amount):
            raise LabelError(
                f"{spec.name}: {value!r} is not VALUE UNIT (units: {', '.join(DOSE_UNITS)})"
            )
        if float(amount) <= 0:  # the pattern keeps it finite (exponent at most 99)
            raise LabelError(f"{spec.name}: {value!r} is not a positive amount")
