"""Case-insensitive cue patterns searched at a fraction of `re.IGNORECASE`'s cost.

`re.IGNORECASE` disables the regex engine's fast scanning, and a cue pattern searched over a
whole abstract then tries every offset slowly. A `Cue` searches the lowercased text with a
case-sensitive copy of the pattern instead (pass the lowered text when you have it), after
checking that one of its `needles` occurs at all (texts one of which every match holds, read
from the pattern by `required_texts`, never written by hand beside it). The match it returns
is the ignore-case pattern's match at the same offset of the original text, so offsets and
`group()` are those of a plain `re.IGNORECASE` search. Text that is not ASCII takes the plain
ignore-case search, since lowering is exactly case-insensitivity only for ASCII.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

import ahocorasick

from exobone.extract.scanning import Relaxed, literal_starts, lowercase_pattern, required_texts
from exobone.lexicon.matcher import add_span
from exobone.text.calls import is_ascii, match_end, match_start, pattern_match, pattern_search

__all__ = ["Cue", "CueHits", "cue_needles", "needle_set"]


# How long the texts that start a whole-text cue's matches may grow (`Cue`'s `whole_text`):
# longer ones are fewer in a text but many more as keys (a product of the pattern's options).
_START_LIMIT: Final = 12


class Cue:
    """One case-insensitive pattern, written in lowercase.

    `needles` are the lowercase texts of which every match contains at least one, read from
    the pattern (empty: no pre-check); they let a text without any of them skip the regex.
    `shared=False` keeps them out of the one pass of `CueHits` (for a cue searched only in a
    few short windows: its needles would be looked for in every text for nothing).
    A cue searched over whole sections (`whole_text`) also has the texts one of which starts
    each of its matches (`literal_starts`) found by the section's one pass (`CueHits`): its
    search then tries the pattern only where one starts, instead of running the regex engine
    over the whole section.
    """

    __slots__ = ("id", "needles", "pattern", "start_id", "_lower", "_finder", "_relaxed")

    def __init__(self, pattern: str, shared: bool = True, whole_text: bool = False) -> None:
        if pattern != lowercase_pattern(pattern):  # escapes such as \S are fine
            raise ValueError(f"cue pattern must be lowercase: {pattern!r}")
        self.pattern = re.compile(pattern, re.IGNORECASE)
        self._lower = re.compile(pattern)
        self.needles = required_texts(pattern)
        # searched before the pattern where the needles occur: most texts it rules out fast
        self._relaxed = Relaxed.of(pattern, self._lower.flags)
        # One Aho-Corasick pass finds any of many needles (a cue has up to ~70); for one or
        # two, str.find is faster. Each keyed needle's value is its length.
        self._finder: ahocorasick.Automaton | None = None
        if len(self.needles) > 2:
            finder = ahocorasick.Automaton()
            for needle in self.needles:
                finder.add_word(needle, len(needle))
            finder.make_automaton()
            self._finder = finder
        # its place among the cues whose needles `CueHits` finds in one pass (-1: not one)
        self.id = _NEEDLES.add(self.needles) if self._finder is not None and shared else -1
        # the place of the texts that start its matches, for a whole-text cue (-1: none)
        self.start_id = -1
        if whole_text and self.id >= 0:
            self.start_id = _NEEDLES.add(tuple(sorted(literal_starts(pattern, _START_LIMIT))))

    def _may_match(self, low: str, pos: int, end: int, hits: CueHits | None = None) -> bool:
        """Whether a needle occurs in `low[pos:end]` (the Cue keeps nothing of the texts it
        has searched: it is shared by every document; `hits` are those of `low`)."""
        if hits is not None and self.id >= 0 and self.id < hits.known:
            return hits.may_match(self.id, pos, end)
        if self._finder is None:
            for needle in self.needles:
                if low.find(needle, pos, end) >= 0:
                    return True
            return not self.needles
        for _ in self._finder.iter(low, pos, end):
            return True
        return False

    def may_occur(
        self,
        text: str,
        lowered: str,
        hits: CueHits | None = None,
        pos: int = 0,
        endpos: int | None = None,
    ) -> bool:
        """Whether a match can be anywhere in `text[pos:endpos]` (`lowered`, its lowered copy,
        whose `hits` may be given): before searching it piece by piece (sentence by sentence),
        or before searching a piece cut from it."""
        end = len(lowered) if endpos is None else endpos
        return not is_ascii(text) or self._may_match(lowered, pos, end, hits)

    def search(
        self,
        text: str,
        lowered: str | None = None,
        pos: int = 0,
        endpos: int | None = None,
        hits: CueHits | None = None,
    ) -> re.Match[str] | None:
        """The first match in `text[pos:endpos]`, as `pattern.search` would find it (`hits`:
        the needles found in `lowered`, which must then be given)."""
        end = len(text) if endpos is None else endpos
        if not is_ascii(text):
            return pattern_search(self.pattern, text, pos, end)
        low = text.lower() if lowered is None else lowered
        if not self._may_match(low, pos, end, hits):
            return None
        if hits is not None and 0 <= self.start_id < hits.known:
            found = None
            for start in hits.starts_in(self.start_id, pos, end):
                found = pattern_match(self._lower, low, start, end)
                if found is not None:
                    break
        elif self._relaxed is not None:
            found = self._relaxed.search(self._lower, low, pos, end)
        else:
            found = pattern_search(self._lower, low, pos, end)
        return None if found is None else pattern_match(self.pattern, text, match_start(found), end)

    def match(
        self,
        text: str,
        lowered: str | None = None,
        pos: int = 0,
        endpos: int | None = None,
        hits: CueHits | None = None,
    ) -> re.Match[str] | None:
        """The match at `pos` in `text[pos:endpos]`, as `pattern.match` would find it (`hits`
        as for `search`): a window without a needle is passed over."""
        end = len(text) if endpos is None else endpos
        if not is_ascii(text):
            return pattern_match(self.pattern, text, pos, end)
        low = text.lower() if lowered is None else lowered
        if (
            not self._may_match(low, pos, end, hits)
            or pattern_match(self._lower, low, pos, end) is None
        ):
            return None
        return pattern_match(self.pattern, text, pos, end)

    def finditer(
        self, text: str, lowered: str | None = None, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """The matches in `text[pos:endpos]`, as `pattern.finditer` would give them."""
        end = len(text) if endpos is None else endpos
        if not is_ascii(text):
            yield from self.pattern.finditer(text, pos, end)
            return
        low = text.lower() if lowered is None else lowered
        if not self._may_match(low, pos, end):
            return
        start = pos if self._relaxed is None else self._relaxed.first_start(low, pos, end)
        if start < 0:
            return
        match = self.pattern.match
        for found in self._lower.finditer(low, start, end):
            yield match(text, match_start(found), end)  # type: ignore[misc]

    def finditer_at(
        self, text: str, lowered: str, starts: list[int], endpos: int
    ) -> Iterator[re.Match[str]]:
        """What `finditer(text, lowered, pos, endpos)` gives, for an ASCII `text` whose matches
        can only start at `starts` (ascending, all >= pos): the pattern is tried there only."""
        match, match_lower = self.pattern.match, self._lower.match
        reached = 0
        for start in starts:
            if start < reached:
                continue
            found = match_lower(lowered, start, endpos)
            if found is not None:
                reached = match_end(found)
                yield match(text, start, endpos)  # type: ignore[misc]


class _Needles:
    """The needles of every Cue that has an automaton of its own, and the texts that start the
    matches of each whole-text cue, in one automaton (made when first asked, again if a Cue was
    made since): each set of texts has an id, and each text's value is its length and the ids
    of the sets it is in."""

    def __init__(self) -> None:
        self.texts: list[tuple[str, ...]] = []  # by id
        self.automaton: ahocorasick.Automaton | None = None
        self.known = 0  # how many sets the automaton serves

    def add(self, texts: tuple[str, ...]) -> int:
        self.texts.append(texts)
        return len(self.texts) - 1

    def owners(self) -> dict[str, list[int]]:
        """Each text with the ids of the sets it is in (every set made so far)."""
        owners: dict[str, list[int]] = {}
        for i, texts in enumerate(self.texts):
            for text in texts:
                owners.setdefault(text, []).append(i)
        return owners

    def built(self) -> ahocorasick.Automaton:
        if self.automaton is None or self.known != len(self.texts):
            automaton = ahocorasick.Automaton()
            for needle, ids in self.owners().items():
                automaton.add_word(needle, (len(needle), ids))
            automaton.make_automaton()
            self.automaton, self.known = automaton, len(self.texts)
        return self.automaton


_NEEDLES: Final = _Needles()  # rows of pattern data shared by every document, never a text's hits


def needle_set(texts: tuple[str, ...]) -> int:
    """The id of one more set of lower-cased `texts` that the one pass over each section finds
    (`CueHits.may_match` then tells whether one occurs): a pre-check of a shape searched over
    whole sections, with no pass of its own. Made at import, before the lexicon's matcher."""
    return _NEEDLES.add(texts)


def cue_needles() -> tuple[dict[str, list[int]], int]:
    """Every cue's needles with the ids of their cues, and how many cues that covers: another
    pass over a lowered text can find them too (see `CueHits`)."""
    return _NEEDLES.owners(), len(_NEEDLES.texts)


class CueHits:
    """Where the needles of every Cue occur in one lowered text, from one Aho-Corasick pass
    (made once per document section and kept by the `Document`): each Cue's pre-check then
    looks its needles up here instead of passing over the text itself.

    Each set's occurrences are one flat list (start, end, start, end ...), found by the set's
    id as an index, and filled by the pass itself (`add_span`): compiled, a list read by index
    costs far less than a dict read by a boxed integer, no tuple is made per occurrence, and a
    section holds only a few occurrences of each set (about 2.4 on the real abstracts), so a
    walk along them costs less than a bisection."""

    __slots__ = ("known", "_spans")

    def __init__(
        self, lowered: str, spans: list[list[int] | None] | None = None, known: int = 0
    ) -> None:
        """`spans`: by cue id, the needles' occurrences in `lowered` as flat (start, end) pairs
        in the order an Aho-Corasick pass reports them (by their ends), or None, when another
        pass found them (for the first `known` cues, from `cue_needles`: see
        `Matcher.candidates`); otherwise the pass is made here."""
        if spans is None:
            automaton = _NEEDLES.built()
            known = _NEEDLES.known
            spans = [None] * known
            hits: Iterator[tuple[int, tuple[int, list[int]]]] = automaton.iter(lowered)
            for last, (length, ids) in hits:
                add_span(spans, ids, last + 1 - length, last + 1)
        self.known = known
        self._spans = spans

    def starts_in(self, set_id: int, pos: int, end: int) -> list[int]:
        """Where the texts of set `set_id` start, of those lying wholly inside `[pos, end)`, in
        ascending order and each once."""
        pairs = self._spans[set_id]
        if pairs is None:
            return []
        found: set[int] = set()
        for i in range(0, len(pairs), 2):
            if pairs[i + 1] > end:
                break  # (the later ones end later still)
            if pairs[i] >= pos:
                found.add(pairs[i])
        return sorted(found)

    def may_match(self, cue_id: int, pos: int, end: int) -> bool:
        """Whether a needle of cue `cue_id` lies wholly inside `[pos, end)`."""
        pairs = self._spans[cue_id]
        if pairs is None:
            return False
        for i in range(0, len(pairs), 2):
            if pairs[i + 1] > end:
                return False  # (the later ones end later still)
            if pairs[i] >= pos:
                return True
        return False
