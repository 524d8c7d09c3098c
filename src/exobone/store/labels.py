"""The filter grammar shared by the CLI (`--where`), the API and the web (`f=`), and the
valid filter values: the vocabulary's labels per field part, plus what the store holds.

A condition is `FIELD=VALUE` (the study has the value), `FIELD=A,B` (one of them: OR within
a field; `\\,` is a comma inside a value), `FIELD!=VALUE` or `FIELD!=A,B` (none of them), or
`year=2015..2020` (also `2015..`, `..2020`, `2018`: the record's year). Conditions are ANDed.
A compound field
(`ev_sources` is `cell|origin|species`) is checked part by part, so `MSC|bone_marrow|*` is
valid while `MCS|*|*` names the unknown part and its valid labels.
"""

from __future__ import annotations

from collections.abc import Iterable

from exobone import schema
from exobone.errors import UnknownFilterError
from exobone.schema import check_field
from exobone.suggest import did_you_mean

__all__ = [
    "NOT",
    "OR",
    "YEAR",
    "UnknownFilterError",
    "alternatives",
    "check_field",
    "check_filter_field",
    "check_label",
    "condition_text",
    "joined",
    "matches",
    "parse_conditions",
    "part_labels",
    "year_range",
]

WILDCARD = "*"
# A value written `!VALUE` (typed `FIELD!=VALUE`) keeps the studies without it.
NOT = "!"
# `FIELD=A,B`: the studies with A or B; a comma inside a value is written `\,`.
OR = ","
ESCAPE = "\\"
# Not an annotation field: the record's publication year, as a range `FROM..TO`.
YEAR = "year"
_RANGE = ".."


def parse_conditions(conditions: Iterable[str] | None) -> list[tuple[str, str]]:
    """`FIELD=VALUE` texts (as typed after --where) as pairs; one field may come twice.

    Raises ValueError naming the first text that is not FIELD=VALUE.
    """
    pairs = []
    for condition in conditions or []:
        name, sep, value = condition.partition("=")
        name, value = name.strip(), value.strip()
        if name.endswith(NOT):
            name, value = name[:-1].strip(), NOT + value
        if not sep or not name or not value.lstrip(NOT).strip():
            raise ValueError(f"{condition!r} is not FIELD=VALUE (or FIELD!=VALUE)")
        pairs.append((name, value))
    return pairs


def check_filter_field(name: str) -> str:
    """`name` if a condition may name it (a field of the schema, or `year`)."""
    return name if name == YEAR else check_field(name)


def condition_text(name: str, value: str) -> str:
    """A (field, value) pair as typed: the inverse of `parse_conditions`."""
    if value.startswith(NOT):
        return f"{name}{NOT}={value[len(NOT) :]}"
    return f"{name}={value}"


def alternatives(value: str) -> tuple[bool, list[str]]:
    """(negated, the values ORed) of a condition's value: `!A,B` is (True, [A, B]); `A\\,B`
    is the one value `A,B` (an escaped comma)."""
    negated = value.startswith(NOT)
    body = value[len(NOT) :] if negated else value
    parts, current = [], []
    characters = iter(body)
    for character in characters:
        if character == ESCAPE:  # the next character as it is (a lone one at the end too)
            current.append(next(characters, ESCAPE))
        elif character == OR:
            parts.append("".join(current))
            current = []
        else:
            current.append(character)
    parts.append("".join(current))
    return negated, [part.strip() for part in parts if part.strip()]


def joined(values: Iterable[str]) -> str:
    """Values as one condition's alternatives, commas and backslashes in them escaped (what
    `alternatives` reads back)."""
    return OR.join(v.replace(ESCAPE, ESCAPE * 2).replace(OR, ESCAPE + OR) for v in values)


def year_range(value: str) -> tuple[int | None, int | None]:
    """`2015..2020`, `2015..`, `..2020` or `2018` as (from, to), both included; ValueError
    for anything else."""
    low, sep, high = value.strip().partition(_RANGE)
    if not sep:
        high = low
    try:
        bounds = tuple(int(part) if part.strip() else None for part in (low, high))
    except ValueError:
        raise ValueError(f"year={value}: write FROM..TO, FROM.., ..TO or one year") from None
    first, last = bounds
    given = [b for b in bounds if b is not None]
    if not given or any(not 0 < b < 10_000 for b in given):
        raise ValueError(f"year={value}: years are 1-9999, at least one bound")
    if first is not None and last is not None and first > last:
        raise ValueError(f"year={value}: the range ends before it starts")
    return first, last


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
