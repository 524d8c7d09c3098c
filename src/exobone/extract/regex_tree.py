"""The items of a regex, as `re`'s own parser reads them, without its private module.

The scanning engine reads each rule's pre-checks (literal starts, required texts) from its
pattern's items. `re._parser` gives them, but it is private and may change with any Python
release; this reader gives the same items for what a pattern may hold (the tests compare the
two on every rule and on generated patterns), including the parser's two rewritings that
change what a derivation sees: a prefix shared by all branches of an alternation moved out of
them, and branches of single characters made one class. Non-capturing groups without flags
are spliced into their sequence, as `re` does.

An item is a pair (op, value):

    ("lit", code)                   a character (as written; IGNORECASE is the reader's concern)
    ("in", [(kind, value), ...])    a class of "lit", "range", "cat" members; "neg" first if negated
    ("notlit", code), ("any", None), ("ref", group), ("cond", None)   other single items
    ("at", anchor), ("ahead", items), ("assert", items)                zero width
    ("group", (number, flags, items)), ("atomic", items), ("branch", [items, ...])
    ("repeat", (least, most, items))  (lazy and possessive repeats alike)

Patterns are assumed valid (they compiled); verbose patterns are refused.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Final

__all__ = ["UNBOUNDED", "Item", "parse"]

Item = tuple[str, Any]

# What `re` reads as an unbounded repeat ("*", "+", "{2,}").
UNBOUNDED: Final = (1 << 32) - 1
# Items that `re`'s parser can find equal when it looks for a prefix shared by all branches.
_COMPARABLE: Final = frozenset({"lit", "in", "notlit", "any", "at", "ref"})
_CATEGORIES: Final = "dDsSwW"
_ANCHORS: Final = "bBAZ"
_CONTROLS: Final = {"a": 7, "b": 8, "f": 12, "n": 10, "r": 13, "t": 9, "v": 11}
_FLAGS: Final = "aiLmsux-"
_OCTAL: Final = "01234567"
_DIGITS: Final = "0123456789"
_HEX_WIDTHS: Final = {"x": 2, "u": 4, "U": 8}
_REPEATS: Final = {"?": (0, 1), "*": (0, UNBOUNDED), "+": (1, UNBOUNDED)}


class _Reader:
    """The pattern, where reading stands, and the capturing groups opened so far."""

    def __init__(self, pattern: str) -> None:
        self.text = pattern
        self.at = 0
        self.groups = 0
        self.names: dict[str, int] = {}

    def next_is(self, chars: str) -> bool:
        """Whether the next character is one of `chars` (False at the end)."""
        return self.at < len(self.text) and self.text[self.at] in chars

    def peek(self, n: int = 1) -> str:
        return self.text[self.at : self.at + n]

    def take(self, n: int = 1) -> str:
        out = self.text[self.at : self.at + n]
        self.at += n
        return out

    def skip(self, text: str) -> bool:
        """Read past `text` if it comes next."""
        if self.text.startswith(text, self.at):
            self.at += len(text)
            return True
        return False

    def until(self, end: str) -> str:
        """The text up to `end`, read past `end`."""
        stop = self.text.index(end, self.at)
        out = self.text[self.at : stop]
        self.at = stop + len(end)
        return out

    def open_group(self, name: str | None = None) -> int:
        self.groups += 1
        if name is not None:
            self.names[name] = self.groups
        return self.groups


def _escape(reader: _Reader, in_class: bool) -> Item:
    """The item of an escape, its backslash read (in a class, a category is a member)."""
    char = reader.take()
    if char in _CATEGORIES:
        return ("cat", char) if in_class else ("in", [("cat", char)])
    if char in _ANCHORS and not in_class:
        return ("at", char)
    if char in _HEX_WIDTHS:
        return ("lit", int(reader.take(_HEX_WIDTHS[char]), 16))
    if char == "N":
        reader.skip("{")
        return ("lit", ord(unicodedata.lookup(reader.until("}"))))
    if char in _OCTAL and (in_class or char == "0"):  # octal: up to three digits
        digits = char
        while len(digits) < 3 and reader.next_is(_OCTAL):
            digits += reader.take()
        return ("lit", int(digits, 8))
    if char in _DIGITS:  # three octal digits, else a group reference
        digits = char
        if reader.next_is(_DIGITS):
            digits += reader.take()
            if digits[0] in _OCTAL and digits[1] in _OCTAL and reader.next_is(_OCTAL):
                return ("lit", int(digits + reader.take(), 8))
        return ("ref", int(digits))
    if char in _CONTROLS:
        return ("lit", _CONTROLS[char])
    return ("lit", ord(char))


def _class(reader: _Reader) -> Item:
    """A character class, its "[" read: one character is a literal (or its negation)."""
    negated = reader.skip("^")
    members: list[tuple[str, Any]] = []
    while True:
        char = reader.take()
        if char == "]" and members:
            break
        first = _escape(reader, True) if char == "\\" else ("lit", ord(char))
        if reader.peek(2) == "-]":
            members += [first, ("lit", ord("-"))]
            reader.take(2)
            break
        if reader.peek() == "-":
            reader.take()
            other = reader.take()
            last = _escape(reader, True) if other == "\\" else ("lit", ord(other))
            members.append(("range", (first[1], last[1])))
        else:
            members.append(first)
    members = list(dict.fromkeys(members))
    if len(members) == 1 and members[0][0] == "lit":
        return ("notlit", members[0][1]) if negated else members[0]
    return ("in", [("neg", None), *members] if negated else members)


def _group(reader: _Reader) -> Item | None:
    """The item of a group, its "(" read; None for a comment or flags for the whole pattern."""
    number: int | None = None
    flags = ""
    kind = "group"
    if not reader.skip("?"):
        number = reader.open_group()
    elif reader.skip("P<"):
        number = reader.open_group(reader.until(">"))
    elif reader.skip("P="):
        return ("ref", reader.names.get(reader.until(")")))
    elif reader.skip("#"):
        reader.until(")")
        return None
    elif reader.skip("="):
        kind = "ahead"  # a positive lookahead: the text after holds a match of its items
    elif reader.skip("!") or reader.skip("<=") or reader.skip("<!"):
        kind = "assert"
    elif reader.skip(">"):
        kind = "atomic"
    elif reader.skip("("):
        reader.until(")")
        _alternation(reader)
        reader.skip(")")
        return ("cond", None)
    elif not reader.skip(":"):
        while reader.next_is(_FLAGS):
            flags += reader.take()
        if "x" in flags:
            raise ValueError(f"verbose patterns are not read: {reader.text!r}")
        if reader.skip(")"):
            return None
        reader.skip(":")
    items = _alternation(reader)
    reader.skip(")")
    if kind == "group":
        return ("group", (number, flags, items))
    return (kind, items)


def _bounds(reader: _Reader) -> tuple[int, int] | None:
    """The bounds of a "{m,n}" repeat, its "{" read; None (and nothing read) if it is none."""
    start = reader.at
    least = most = ""
    while reader.next_is(_DIGITS):
        least += reader.take()
    if reader.skip(","):
        while reader.next_is(_DIGITS):
            most += reader.take()
    else:
        most = least
    if reader.at > start and reader.skip("}"):
        return (int(least) if least else 0, int(most) if most else UNBOUNDED)
    reader.at = start
    return None


def _sequence(reader: _Reader) -> list[Item]:
    """The items up to the next "|" or ")"."""
    items: list[Item] = []
    while reader.at < len(reader.text) and not reader.next_is("|)"):
        char = reader.take()
        if char == "\\":
            items.append(_escape(reader, False))
        elif char == "[":
            items.append(_class(reader))
        elif char == ".":
            items.append(("any", None))
        elif char in "^$":
            items.append(("at", char))
        elif char == "(":
            group = _group(reader)
            if group is not None:
                items.append(group)
        elif char in _REPEATS or char == "{":
            bounds = _REPEATS[char] if char in _REPEATS else _bounds(reader)
            if bounds is None:  # a "{" that opens no repeat is a character
                items.append(("lit", ord(char)))
                continue
            op, value = items[-1]
            # a repeated group that neither captures nor sets flags repeats its items
            plain = op == "group" and value[0] is None and not value[1]
            if not reader.skip("?"):
                reader.skip("+")
            items[-1] = ("repeat", (bounds[0], bounds[1], value[2] if plain else [items[-1]]))
        else:
            items.append(("lit", ord(char)))
    out: list[Item] = []
    for op, value in items:  # a group that neither captures nor sets flags is its items
        if op == "group" and value[0] is None and not value[1]:
            out += value[2]
        else:
            out.append((op, value))
    return out


def _alternation(reader: _Reader) -> list[Item]:
    """An alternation, with the prefix its branches share moved out of them and branches of
    single characters made a class (as `re`'s parser does)."""
    branches = [_sequence(reader)]
    while reader.skip("|"):
        branches.append(_sequence(reader))
    if len(branches) == 1:
        return branches[0]
    out: list[Item] = []
    while all(branches) and branches[0][0][0] in _COMPARABLE:
        first = branches[0][0]
        if any(branch[0] != first for branch in branches):
            break
        out.append(first)
        branches = [branch[1:] for branch in branches]
    members: list[tuple[str, Any]] = []
    for branch in branches:
        if len(branch) != 1 or not (
            branch[0][0] == "lit" or (branch[0][0] == "in" and branch[0][1][0][0] != "neg")
        ):
            out.append(("branch", branches))
            return out
        members += [branch[0]] if branch[0][0] == "lit" else branch[0][1]
    out.append(("in", list(dict.fromkeys(members))))
    return out


def parse(pattern: str) -> list[Item]:
    """The items of `pattern` (a valid regex)."""
    reader = _Reader(pattern)
    items = _alternation(reader)
    if reader.at != len(pattern):
        raise ValueError(f"unbalanced parenthesis in {pattern!r}")
    return items
