"""Find lexicon terms in text with two Aho-Corasick automata (case-folded and exact).

One pass of each automaton over the text gives every candidate; candidates must sit on word
boundaries. Overlaps are settled longest-first. A term inside a longer selected term still
counts when it says something of another kind ("bone marrow" inside "bone marrow stromal
cell" gives the origin) unless the longer term is a name that swallows its words (a gene such
as "stromal cell-derived factor-1", a cell line, or a stop phrase).
"""

from __future__ import annotations

import re
from typing import NamedTuple

import ahocorasick

from exobone.lexicon.loader import Entry, Lexicon, fold, load_lexicon, unhyphen

# Kinds whose words are not read again for other kinds.
_SWALLOWING = frozenset({"genes", "stop", "cell_lines", "lncrna", "mirna"})


class Match(NamedTuple):
    """A term found at [start, end) of the text, with every (kind, label) it stands for."""

    start: int
    end: int
    entries: tuple[Entry, ...]


def _automaton(table: dict[str, set[Entry]]) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for key, entries in table.items():
        if key.strip():
            auto.add_word(key, (len(key), tuple(sorted(entries))))
    auto.make_automaton()
    return auto


_IS_WORD = re.compile(r"[a-z0-9]").match


class Matcher:
    """Compiled automata over a `Lexicon`; build once, call `find` per text."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self._folded = _automaton(lexicon.folded)
        self._exact = _automaton(lexicon.exact)
        # The left boundary is checked in Python, so that the pattern starts with its literal
        # text and the regex engine can skip ahead to it.
        self._gapped = [
            (re.compile(pattern + r"(?![a-z0-9])"), entries) for pattern, entries in lexicon.gapped
        ]

    def candidates(self, text: str, *, gapped: bool = True) -> list[Match]:
        """Every bounded occurrence of every term, overlapping ones included."""
        found: list[Match] = []
        append = found.append
        new = tuple.__new__  # `Match(...)` without the named tuple's argument handling
        size = len(text)
        folded = fold(text)
        for source, auto in ((folded, self._folded), (unhyphen(text), self._exact)):
            if not len(auto):
                continue
            for end_index, (length, entries) in auto.iter(source):
                start = end_index - length + 1
                first = text[start]
                last = text[end_index]
                if first == " " or first == "-" or last == " ":
                    continue
                if start and first.isalnum() and text[start - 1].isalnum():
                    continue
                end = end_index + 1
                if end < size and last.isalnum() and text[end].isalnum():
                    continue
                append(new(Match, (start, end, entries)))
        if gapped:
            for pattern, entries in self._gapped:
                m = pattern.search(folded)
                while m is not None:
                    start = m.start()
                    if start and _IS_WORD(folded[start - 1]):
                        m = pattern.search(folded, start + 1)
                        continue
                    append(Match(start, m.end(), entries))
                    m = pattern.search(folded, m.end() if m.end() > start else start + 1)
        return found

    def find(self, text: str) -> list[Match]:
        """Terms of `text` after overlap resolution, in text order."""
        return resolve(self.candidates(text))


def _longest_first(m: Match) -> tuple[int, int]:
    return (m.start - m.end, m.start)


def in_order(m: Match) -> tuple[int, int]:
    return (m.start, -m.end)


def resolve(candidates: list[Match]) -> list[Match]:
    """Longest match wins; contained matches keep only kinds the container does not have."""
    if not candidates:
        return []
    owner = [-1] * max([m.end for m in candidates])
    selected: list[Match] = []
    contained: list[tuple[Match, Match]] = []
    for match in sorted(candidates, key=_longest_first):
        start, end, _ = match
        first = owner[start]
        if first < 0:
            if owner[end - 1] != -1 or owner[start:end].count(-1) != end - start:
                continue  # overlaps a selected match
            owner[start:end] = [len(selected)] * (end - start)
            selected.append(match)
        elif owner[end - 1] == first and owner[start:end].count(first) == end - start:
            contained.append((match, selected[first]))
    if not contained:
        selected.sort(key=in_order)
        return selected
    kept: list[Match] = []
    for match, outer in contained:
        outer_kinds = {k for k, _ in outer.entries}
        if not outer_kinds.isdisjoint(_SWALLOWING):
            continue
        keep = tuple(e for e in match.entries if e[0] not in outer_kinds)
        if not keep:
            continue
        kinds = {k for k, _ in keep}
        # Two contained matches of the same kind: the longer one (seen first) stays.
        if any(
            k.start <= match.start and match.end <= k.end and kinds & {e[0] for e in k.entries}
            for k in kept
        ):
            continue
        kept.append(Match(match.start, match.end, keep))
    return sorted(selected + kept, key=in_order)


_DEFAULT: Matcher | None = None


def default_matcher() -> Matcher:
    """The matcher over the packaged lexicon, compiled once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Matcher(load_lexicon())
    return _DEFAULT
