"""Valid filter values: the vocabulary's labels per field part, plus what the store holds.

A compound field (`ev_sources` is `cell|origin|species`) is checked part by part, so
`MSC|bone_marrow|*` is valid while `MCS|*|*` names the unknown part and its valid labels.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from exobone.model import ANNOTATION_FIELDS
from exobone.store.store import StoreError
from exobone.suggest import did_you_mean

WILDCARD = "*"


def parse_conditions(conditions: Iterable[str] | None) -> list[tuple[str, str]]:
    """`FIELD=VALUE` texts (as typed after --where) as pairs; one field may come twice.

    Raises ValueError naming the first text that is not FIELD=VALUE.
    """
    pairs = []
    for condition in conditions or []:
        name, sep, value = condition.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise ValueError(f"{condition!r} is not FIELD=VALUE")
        pairs.append((name.strip(), value.strip()))
    return pairs

# Vocabulary sections (or fixed label sets) for each part of each field; None: any text.
Part = str | tuple[str, ...] | None
FIELD_PARTS: dict[str, tuple[Part, ...]] = {
    "study_type": (("primary", "review"),),
    "settings": (("in_vitro", "in_vivo", "ex_vivo", "clinical"),),
    "vesicle_types": ("vesicle_types",),
    "ev_sources": ("cell_types", "origins", "species"),
    "preconditioning": ("preconditioning",),
    "recipient_cells": ("cell_types", "origins", "species"),
    "conditions": ("conditions",),
    "animal_models": ("species", "animal_models"),
    "species": ("species",),
    "delivery_routes": ("delivery_routes",),
    "biomaterials": ("biomaterials",),
    "isolation_methods": ("isolation_methods",),
    "characterization_methods": ("characterization_methods",),
    "assays": ("assays",),
    "outcomes": ("outcomes", ("increase", "decrease", "no_change")),
    "molecular_effects": (None, ("up", "down")),
}
# How many valid labels an error message lists before saying how many more there are.
LISTED = 60


class UnknownFilterError(StoreError):
    """A filter names a field or a label that does not exist; the message lists valid ones."""

    def __init__(self, message: str, valid: Sequence[str]) -> None:
        self.valid = list(valid)
        shown = ", ".join(self.valid[:LISTED])
        more = f" and {len(self.valid) - LISTED} more" if len(self.valid) > LISTED else ""
        super().__init__(f"{message}; valid: {shown}{more}")


def check_field(name: str) -> str:
    if name not in ANNOTATION_FIELDS:
        raise UnknownFilterError(
            f"unknown field {name!r}{did_you_mean(name, ANNOTATION_FIELDS)}", ANNOTATION_FIELDS
        )
    return name


@lru_cache(maxsize=1)
def _vocab() -> dict[str, Any]:
    import yaml

    text = resources.files("exobone.data").joinpath("vocab.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    return data if isinstance(data, dict) else {}


def part_labels(field: str, index: int) -> set[str]:
    """The vocabulary's labels for one part of a field (empty when the part is free text)."""
    parts = FIELD_PARTS.get(field, (None,))
    part = parts[index] if index < len(parts) else None
    if part is None:
        return set()
    if isinstance(part, tuple):
        return set(part)
    return {str(label) for label in _vocab().get(part) or {}}


def matches(pattern: str, value: str) -> bool:
    """Whether `value` fits `pattern`, where a part that is `*` matches any one part."""
    if WILDCARD not in pattern:
        return pattern == value
    wanted, parts = pattern.split("|"), value.split("|")
    return len(wanted) == len(parts) and all(
        w in (WILDCARD, p) for w, p in zip(wanted, parts, strict=True)
    )


def check_label(field: str, pattern: str, stored: Iterable[str]) -> None:
    """Raise UnknownFilterError unless every named part of `pattern` is a known label.

    Known: in the vocabulary for that part, or in that part of a value in the store.
    """
    stored = list(stored)
    wanted = pattern.split("|")
    arity = len(FIELD_PARTS.get(field, (None,)))
    if arity > 1 and len(wanted) != arity:
        raise UnknownFilterError(
            f"{field} values have {arity} parts joined by '|', not {len(wanted)} ({pattern})",
            sorted(stored),
        )
    for index, part in enumerate(wanted):
        if part in (WILDCARD, ""):
            continue
        known = part_labels(field, index)
        known |= {v.split("|")[index] for v in stored if len(v.split("|")) > index}
        if part not in known:
            where = f"part {index + 1} of " if len(wanted) > 1 else ""
            raise UnknownFilterError(
                f"unknown label {part!r} in {where}{field}={pattern}{did_you_mean(part, known)}",
                sorted(known),
            )
