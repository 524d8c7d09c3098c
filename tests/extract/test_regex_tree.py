"""The regex reader of the scanning engine gives the items `re`'s own parser gives.

`re._parser` is private and used only here, as the oracle: a Python release that changes it
shows as a failing comparison, not as wrong pre-checks in the extractor."""

from __future__ import annotations

import random
import re
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any

import pytest

from exobone.extract import cells_rules, direction_rules
from exobone.extract.regex_tree import UNBOUNDED, Item, parse

_CATEGORIES = {
    sre.CATEGORY_DIGIT: "d", sre.CATEGORY_NOT_DIGIT: "D", sre.CATEGORY_SPACE: "s",
    sre.CATEGORY_NOT_SPACE: "S", sre.CATEGORY_WORD: "w", sre.CATEGORY_NOT_WORD: "W",
}  # fmt: skip
_ANCHORS = {
    sre.AT_BEGINNING: "^", sre.AT_END: "$", sre.AT_BOUNDARY: "b", sre.AT_NON_BOUNDARY: "B",
    sre.AT_BEGINNING_STRING: "A", sre.AT_END_STRING: "Z",
}  # fmt: skip
_SINGLE = {sre.LITERAL: "lit", sre.NOT_LITERAL: "notlit", sre.ANY: "any", sre.GROUPREF: "ref"}
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _member(member: tuple[Any, Any]) -> tuple[str, Any]:
    op, av = member
    if op is sre.CATEGORY:
        return ("cat", _CATEGORIES[av])
    return ({sre.LITERAL: "lit", sre.RANGE: "range", sre.NEGATE: "neg"}[op], av)


def _as_items(items: Any) -> list[Item]:
    """re's parse in the reader's shapes."""
    out: list[Item] = []
    for op, av in items:
        if op in _SINGLE:
            out.append((_SINGLE[op], av))
        elif op is sre.IN:
            out.append(("in", [_member(m) for m in av]))
        elif op is sre.AT:
            out.append(("at", _ANCHORS[av]))
        elif op is sre.ASSERT and av[0] == 1:
            out.append(("ahead", _as_items(av[1])))
        elif op in (sre.ASSERT, sre.ASSERT_NOT):
            out.append(("assert", _as_items(av[1])))
        elif op is sre.SUBPATTERN:
            out.append(("group", (av[0], bool(av[1] or av[2]), _as_items(av[3]))))
        elif op is sre.ATOMIC_GROUP:
            out.append(("atomic", _as_items(av)))
        elif op is sre.BRANCH:
            out.append(("branch", [_as_items(b) for b in av[1]]))
        elif op in _REPEATS:
            out.append(("repeat", (av[0], int(av[1]), _as_items(av[2]))))
        elif op is sre.GROUPREF_EXISTS:
            out.append(("cond", None))
        else:
            raise AssertionError(f"unexpected item {op}")
    return out


def _comparable(items: list[Item]) -> list[Item]:
    """The reader's items with group flags as a yes/no (re gives them as numbers)."""
    out: list[Item] = []
    for op, av in items:
        if op == "group":
            out.append(("group", (av[0], bool(av[1]), _comparable(av[2]))))
        elif op in ("ahead", "assert", "atomic"):
            out.append((op, _comparable(av)))
        elif op == "branch":
            out.append(("branch", [_comparable(b) for b in av]))
        elif op == "repeat":
            out.append(("repeat", (av[0], av[1], _comparable(av[2]))))
        else:
            out.append((op, av))
    return out


def _assert_same(pattern: str) -> None:
    expected = _as_items(sre_parser.parse(pattern, re.IGNORECASE))
    assert _comparable(parse(pattern)) == expected, pattern


def _rule_patterns() -> list[str]:
    patterns = []
    for engine in (direction_rules.ENGINE, cells_rules.ENGINE):
        patterns += [gate.regex.pattern for gate in engine.gates]
        patterns += [regex.pattern for scanner in engine.scanners for regex in scanner.regexes]
    for rules in (direction_rules.RULES, cells_rules.RULES):
        patterns += [rule.pattern for table in rules.tables.values() for rule in table]
    return patterns


def test_every_rule_pattern_reads_as_re_reads_it() -> None:
    patterns = _rule_patterns()
    assert len(patterns) > 300
    for pattern in patterns:
        _assert_same(pattern)


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:ab|ac|ad)", r"(?:a|b|[cd])", r"(?:\s+a|\s+b)", r"(?:\w|\w)", r"x(?:)y", r"[]a]",
        r"[a-]x", r"[^a]b", r"[^\w]", r"[\b]x", r"\0\012", r"x{,3}y{2}z{a}a{2,}", r"{}",
        r"(?P<n>ab)(?P=n)", r"(a)(b)\2", r"(a)?(?(1)b|c)", r"(?#c)a(?i:b)c(?>d|e)", r"(?i)ab",
        r"a*?b+?c??d*+", r"\x41\u0042\N{BULLET}\n\t\\\.\(", r"(?=ab)(?!cd)(?<=ef)(?<!gh)x",
        r"(?:(?:a))b", r"(?:ab)?c", r"\bGW-?4869\b",
    ],
)  # fmt: skip
def test_the_forms_re_rewrites_read_alike(pattern: str) -> None:
    _assert_same(pattern)


_ATOMS = ["a", "b", "ab", r"\w", r"\s", r"\d", ".", r"\b", "^", "$", "[ab]", "[a-c]", "[^x]",
          r"[\w-]", r"\-", r"\(", "-", ",", " ", "é", "[Tt]", "x"]  # fmt: skip
_OPENERS = ["(?:", "(", "(?=", "(?<!", "(?>", "(?i:"]
_QUANTIFIERS = ["?", "*", "+", "{0,3}", "{2}", "??", "*?", "+?", "{1,}"]


def _generated(rng: random.Random, depth: int = 0) -> str:
    parts = []
    for _ in range(rng.randint(1, 4)):
        if rng.random() < 0.25 and depth < 3:
            inner = "|".join(_generated(rng, depth + 1) for _ in range(rng.randint(1, 3)))
            atom = rng.choice(_OPENERS) + inner + ")"
        else:
            atom = rng.choice(_ATOMS)
        if rng.random() < 0.3 and atom not in (r"\b", "^", "$"):
            atom += rng.choice(_QUANTIFIERS)
        parts.append(atom)
    return "".join(parts)


def test_generated_patterns_read_as_re_reads_them() -> None:
    rng = random.Random(12)
    compared = 0
    for _ in range(3000):
        pattern = "|".join(_generated(rng) for _ in range(rng.randint(1, 3)))
        try:
            re.compile(pattern, re.IGNORECASE)
        except re.error:
            continue
        _assert_same(pattern)
        compared += 1
    assert compared > 1500


def test_a_shared_prefix_leaves_the_branches() -> None:
    assert parse("(?:ab|ac)") == [("lit", 97), ("in", [("lit", 98), ("lit", 99)])]
    assert parse("a+") == [("repeat", (1, UNBOUNDED, [("lit", 97)]))]


def test_a_verbose_pattern_is_refused() -> None:
    with pytest.raises(ValueError, match="verbose"):
        parse("(?x) a b")
