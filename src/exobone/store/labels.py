"""Valid filter values: the vocabulary's labels per field part, plus what the store holds.

A compound field (`ev_sources` is `cell|origin|species`) is checked part by part, so
`MSC|bone_marrow|*` is valid while `MCS|*|*` names the unknown part and its valid labels.
"""

from __future__ import annotations

from collections.abc import Iterable

from exobone import schema
from exobone.errors import UnknownFilterError
from exobone.schema import check_field
from exobone.suggest import did_you_mean

__all__ = [
    "UnknownFilterError",
    "check_field",
    "check_label",
    "matches",
    "parse_conditions",
    "part_labels",
]

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


def part_labels(field: str, index: int) -> frozenset[str]:
    """The vocabulary's labels for one part of a field (empty when the part is free text)."""
    parts = schema.field(field).parts
    return parts[index].allowed() if index < len(parts) else frozenset()


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
    arity = len(schema.field(field).parts)
    if arity > 1 and len(wanted) != arity:
        raise UnknownFilterError(
            f"{field} values have {arity} parts joined by '|', not {len(wanted)} ({pattern})",
            sorted(stored),
        )
    for index, part in enumerate(wanted):
        if part in (WILDCARD, ""):
            continue
        known = set(part_labels(field, index))
        known |= {v.split("|")[index] for v in stored if len(v.split("|")) > index}
        if part not in known:
            where = f"part {index + 1} of " if len(wanted) > 1 else ""
            raise UnknownFilterError(
                f"unknown label {part!r} in {where}{field}={pattern}{did_you_mean(part, known)}",
                sorted(known),
            )
