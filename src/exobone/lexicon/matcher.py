"""Find lexicon terms in text with one Aho-Corasick automaton over the case-folded text.

Case-sensitive terms ("CM", "MPs") are entered under their folded form and kept only where the
text has them as written. One pass gives every candidate; candidates must sit on word
boundaries. Overlaps are settled longest-first. A term inside a longer selected term still
counts when it says something of another kind ("bone marrow" inside "bone marrow stromal
cell" gives the origin) unless the longer term is a name that swallows its words (a gene such
as "stromal cell-derived factor-1", a cell line, or a stop phrase).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any, Final

import ahocorasick

from exobone.lexicon.loader import (
    Entry,
    Lexicon,
    fold,
    load_lexicon,
    lower_in_place,
    unhyphen,
)
from exobone.text.calls import is_ascii, match_end, match_start, pattern_search

if TYPE_CHECKING:
    from exobone.extract.scanning import Engine, Found, Relaxed

# Kinds whose words are not read again for other kinds.
_SWALLOWING: Final = frozenset({"genes", "stop", "cell_lines", "lncrna", "mirna"})


# A term found at [start, end) of the text, with every (kind, label) it stands for: (start,
# end, entries). A plain tuple, not a named tuple: compiled, a named tuple is made through
# `tuple.__new__` (about 500 instructions; its own `__new__` is interpreted, three times that)
# and a plain one with one allocation, and each record makes about a hundred.
Match = tuple[int, int, tuple[Entry, ...]]


# A cue needle keyed under its folded form: the needle, the ids of its cues, and whether a
# hit must be checked against the lowered text (where the folded form has a space: the
# folded text shows hyphens as spaces too).
_Needle = tuple[str, list[int], bool]
# What one automaton key stands for (a key may stand for several, see `_automaton`), in two
# tuples, so that a hit reads only the fields its kind needs. The texts found anywhere
# (`_Found`): the length of the key, the gapped patterns it is a required text of (bit i:
# pattern i may match; 0: none), the cue needles it is the folded form of, and the key itself
# when the text must be checked for it ("" when the automaton key shows it exactly). The terms
# (`_Term`): the length of the term's key and whether the automaton key ends with a bound
# after it (the hit then ends one character later), its case-folded entries (empty if the key
# is only the folded form of case-sensitive terms), each case-sensitive term with that folded
# form and its entries, which count only where the text has the term as written, the key to
# check as for a needle, and which space edges the text must bound (`_spaces`).
_Found = tuple[int, int, tuple[_Needle, ...], str]
_Term = tuple[
    int,
    int,
    tuple[Entry, ...],
    tuple[tuple[str, tuple[Entry, ...]], ...],
    str,
    int,
]
# The keys of the rule engine that shares this pass (`exobone.extract.scanning.Engine`, made
# with `section_pass`): the key's length, the key to check against the lowered text ("" when
# the automaton key shows it exactly) and the engine's value of the key (a `_Key`).
_EngineKey = tuple[int, str, Any]
_Value = tuple[tuple[_Found, ...], tuple[_Term, ...], tuple[_EngineKey, ...]]
# The automaton passes over `_shown(text)`: the text between two spaces, with each character
# that is neither a letter, a digit nor a space shown as "#". A term whose key starts (ends)
# with a letter or digit may not follow (precede) one in the text: it is keyed with a space
# and with a "#" before (after) it, so that its hits inside words are never reported. A
# text's character and its folded form are both letters or digits or neither (tested over
# every code point), so the key tells what the text has there. A key that starts with a
# space may not stand on a space or hyphen, one that ends with a space not on a space
# (checked per hit).
_SPACE_START: Final = 4
_SPACE_END: Final = 8
_OTHER: Final = "#"
# `bytes.translate` table of `_shown` for ASCII texts; `_NOT_SHOWN` for other texts
_ASCII_SHOWN: Final = bytes(
    code if code < 128 and (chr(code).isalnum() or code == 32) else ord(_OTHER)
    for code in range(256)
)
_NOT_SHOWN: Final = re.compile(r"[^\w ]|_")  # `\w`: what `str.isalnum` accepts, and "_"


def _shown(text: str) -> str:
    """`text` as the automaton reads it, one character longer at each end (see `_Value`)."""
    if is_ascii(text):
        shown = text.encode("ascii").translate(_ASCII_SHOWN).decode("ascii")
    else:
        shown = _NOT_SHOWN.sub(_OTHER, text)
    return " " + shown + " "


def _search(
    pattern: re.Pattern[str], relaxed: Relaxed | None, text: str, pos: int
) -> re.Match[str] | None:
    """`pattern.search(text, pos)`, through its relaxed pattern if it has one."""
    if relaxed is None:
        return pattern_search(pattern, text, pos)
    return relaxed.search(pattern, text, pos, len(text))


def add_span(spans: list[list[int] | None], ids: list[int], start: int, end: int) -> None:
    """Add the occurrence `[start, end)` of a text of the sets `ids` to `spans`: by set id, a
    flat list of (start, end) pairs, or None (`exobone.extract.cues.CueHits`)."""
    for set_id in ids:
        pairs = spans[set_id]
        if pairs is None:
            spans[set_id] = [start, end]
        else:
            pairs.append(start)
            pairs.append(end)


def _automaton(
    folded: dict[str, set[Entry]],
    exact: dict[str, set[Entry]],
    masks: dict[str, int],
    needles: dict[str, list[int]],
    engine_keys: dict[str, Any] | None = None,
) -> ahocorasick.Automaton:
    """One automaton over the folded text finds both kinds of terms (one pass, not two): a
    case-sensitive term is entered under its folded form and checked against the text. The
    required texts of the gapped patterns (`masks`) and the cues' needles (`needles`, with
    the ids of their cues) are keys of the same pass; they are found inside words too, so a
    term that must stand as a word is keyed apart from them, with its bounds (`_Value`). So
    are the keys of the rule engine that shares the pass (`engine_keys`, lower-cased texts
    with their values), found anywhere and checked against the lowered text where their
    shown form differs; a key that is not ASCII is left out (it occurs in no ASCII text, and
    the engine's keys are only read from ASCII sections)."""
    values: dict[str, tuple[tuple[Entry, ...], list[tuple[str, tuple[Entry, ...]]]]] = {}
    for key, entries in folded.items():
        if key.strip():
            values[key] = (tuple(sorted(entries)), [])
    for key, entries in exact.items():
        if key.strip():
            values.setdefault(key.lower(), ((), []))[1].append((key, tuple(sorted(entries))))
    for key in masks:
        values.setdefault(key, ((), []))
    keyed: dict[str, list[_Needle]] = {}
    for needle, ids in needles.items():
        key = fold(needle)
        values.setdefault(key, ((), []))
        keyed.setdefault(key, []).append((needle, ids, " " in key))
    # Keys whose shown forms are alike (or a bounded key and a key that opens with the bound
    # it shows) share an automaton key: each hit is tried as each of them.
    shared: dict[str, tuple[list[_Found], list[_Term], list[_EngineKey]]] = {}
    for key, value in (engine_keys or {}).items():
        if key.isascii():
            shown = _shown(fold(key))[1:-1]
            # (a space of the shown text may be a hyphen of the text)
            check = "" if shown == key and " " not in key else key
            shared.setdefault(shown, ([], [], []))[2].append((len(key), check, value))
    for key, (known, term_list) in values.items():
        terms = tuple(term_list)
        cues = tuple(keyed.get(key, ()))
        mask = masks.get(key, 0)
        shown = _shown(key)[1:-1]
        check = "" if shown == key else key
        if mask or cues:  # found anywhere, the term's words or not
            shared.setdefault(shown, ([], [], []))[0].append((len(key), mask, cues, check))
        if not known and not terms:
            continue
        spaces = (_SPACE_START if key[0] == " " else 0) | (_SPACE_END if key[-1] == " " else 0)
        befores = (" ", _OTHER) if key[0].isalnum() else ("",)
        afters = (" ", _OTHER) if key[-1].isalnum() else ("",)
        for before in befores:
            for after in afters:
                shared.setdefault(before + shown + after, ([], [], []))[1].append(
                    (len(key), len(after), known, terms, check, spaces)
                )
    auto = ahocorasick.Automaton()
    for key, (found, term_values, engine_values) in shared.items():
        auto.add_word(key, (tuple(found), tuple(term_values), tuple(engine_values)))
    auto.make_automaton()
    return auto


def _foldable(term: str) -> bool:
    """Whether `fold` lowers each character of `term` on its own (so a text that has the
    term as written has its folded form at the same place)."""
    return all(len(c.lower()) == 1 and c not in "\u03a3" for c in term)


_IS_WORD: Final = re.compile(r"[a-z0-9]").match


class Matcher:
    """Compiled automata over a `Lexicon`; build once, call `find` per text."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        # The left boundary is checked in Python, so that the pattern starts with its literal
        # text and the regex engine can skip ahead to it.
        # Each pattern is searched only in texts that hold one of its required texts and one
        # of each of its further sets, read from the pattern by the extractor's one reader
        # (the regex engine would otherwise walk the whole text for each one). Imported here:
        # `exobone.extract` imports this package, which must load first.
        from exobone.extract.cues import cue_needles
        from exobone.extract.scanning import (
            Relaxed,
            further_required,
            required_texts,
            section_pass_engine,
        )

        # The terms' pass over the folded text finds every gapped pattern's texts too (bit i:
        # pattern i may match); patterns without texts are always searched. A pattern's further
        # sets of required texts (`further_required`: "bone and", "bone or" or "bone/" besides
        # "defect") must each be found as well: each distinct set has a bit after the
        # patterns' own, and `need` holds those of the pattern's sets.
        self._ungated = 0
        masks: dict[str, int] = {}
        further_bits: dict[tuple[str, ...], int] = {}
        self._gapped: list[tuple[tuple[str, ...], re.Pattern[str], tuple[Entry, ...], int]] = []
        self._gapped_relaxed: list[Relaxed | None] = []  # by index of `_gapped`
        for index, (pattern, entries) in enumerate(lexicon.gapped):
            needles = required_texts(pattern)
            if not needles:
                self._ungated |= 1 << index
            for needle in needles:
                masks[needle] = masks.get(needle, 0) | 1 << index
            need = 0
            for texts in further_required(pattern, needles) if needles else ():
                need |= 1 << further_bits.setdefault(texts, len(further_bits))
            regex = re.compile(pattern + r"(?![a-z0-9])")
            self._gapped.append((needles, regex, entries, need))
            # (a pattern opening on lookbehinds or optional words: searched where its relaxed
            # pattern matches, not at every offset)
            self._gapped_relaxed.append(Relaxed.of(regex.pattern, regex.flags))
        self._shift = shift = len(self._gapped)  # the further sets' bits come after
        self._keyed = (1 << shift) - 1
        for texts, bit in further_bits.items():
            for needle in texts:
                masks[needle] = masks.get(needle, 0) | 1 << (shift + bit)
        # The cues' needles too (those of the cues made so far: every module's), so that a
        # document's sections need no pass of their own for them (see `CueHits`).
        cue_keys, self.cues_known = cue_needles()
        # The keys of the rule engine whose sentences are scanned (if it is built: `keys` of
        # `candidates` are then its keys' hits), so that a sentence needs no pass of its own.
        self.engine: Engine | None = section_pass_engine()
        engine_keys = None if self.engine is None else self.engine.keys
        if all(_foldable(key) for key in lexicon.exact):
            self._automaton = _automaton(
                lexicon.folded, lexicon.exact, masks, cue_keys, engine_keys
            )
            self._exact: ahocorasick.Automaton | None = None
        else:  # a term whose folded form depends on context (a capital sigma): two passes
            self._automaton = _automaton(lexicon.folded, {}, masks, cue_keys, engine_keys)
            self._exact = _automaton(lexicon.exact, {}, {}, {})

    def candidates(
        self,
        text: str,
        *,
        gapped: bool = True,
        needles: list[list[int] | None] | None = None,
        keys: Found | None = None,
        lowered: str = "",
    ) -> list[Match]:
        """Every bounded occurrence of every term, overlapping ones included. Given a list of
        `cues_known` Nones as `needles`, an ASCII text's cue needles (the first `cues_known`
        cues') are added to it by cue id as (start, end) pairs, in the order an Aho-Corasick
        pass over `text.lower()` gives them (`add_span`: see `CueHits`). Given a `Found` as
        `keys` and `lowered`, `text.lower()`, an ASCII text's occurrences of the keys of
        `engine` are added to it (each start and its value), in the order a pass of the
        engine's own automaton over `lowered` gives them (see `Engine.section_views`)."""
        if not is_ascii(text):
            needles = keys = None  # (`fold` and `str.lower` differ on some other characters)
        found: list[Match] = []
        exact: list[Match] = []  # after the folded ones, as when each kind had its own pass
        append = found.append
        written = unhyphen(text)
        folded = lower_in_place(written)  # `fold(text)`, its hyphens already read
        passes = [(folded, self._automaton, append)]
        if self._exact is not None:  # its terms are keyed as written
            passes.append((written, self._exact, exact.append))
        wanted = self._ungated
        for source, auto, add in passes:
            # typed: unpacked natively
            hits: Iterator[tuple[int, _Value]] = auto.iter(_shown(source))
            # (`end_index` is where a hit ends in the text: the shown text opens with one
            # more character)
            for end_index, (found_values, term_values, key_values) in hits:
                if key_values and keys is not None:
                    # (a key that opens (ends) with a space found on the space the shown text
                    # opens (ends) with: its slice is shorter than the key, never equal)
                    for length, check, value in key_values:
                        start = end_index - length
                        if not check or lowered[start:end_index] == check:
                            keys.starts.append(start)
                            keys.keys.append(value)
                # (a slice compared, not `startswith` at an offset: a method call, compiled)
                for length, mask, cues, check in found_values:
                    start = end_index - length
                    if check and source[start:end_index] != check:
                        continue
                    if mask:  # (past the patterns' bits `wanted` is a long integer)
                        wanted |= mask
                    if cues and needles is not None:
                        for needle, ids, spaced in cues:
                            if not spaced or text[start:end_index].lower() == needle:
                                add_span(needles, ids, start, end_index)
                for length, after, entries, terms, check, spaces in term_values:
                    end = end_index - after
                    start = end - length
                    if check and source[start:end] != check:
                        continue
                    if spaces:
                        if spaces & _SPACE_START and (text[start] == " " or text[start] == "-"):
                            continue
                        if spaces & _SPACE_END and text[end - 1] == " ":
                            continue
                    if entries:
                        add((start, end, entries))
                    for term, term_entries in terms:
                        if written[start:end] == term:  # (of the key's length)
                            exact.append((start, end, term_entries))
        found += exact
        if gapped and self._gapped:
            held = wanted >> self._shift  # the further sets found
            wanted &= self._keyed
            for index, (_, pattern, entries, need) in enumerate(self._gapped):
                if not wanted >> index & 1 or need & ~held:
                    continue
                relaxed = self._gapped_relaxed[index]
                m = _search(pattern, relaxed, folded, 0)
                while m is not None:
                    start = match_start(m)
                    if start and _IS_WORD(folded[start - 1]):
                        m = _search(pattern, relaxed, folded, start + 1)
                        continue
                    end = match_end(m)
                    append((start, end, entries))
                    m = _search(pattern, relaxed, folded, end if end > start else start + 1)
        return found

    def find(self, text: str) -> list[Match]:
        """Terms of `text` after overlap resolution, in text order."""
        return resolve(self.candidates(text))


# Sort keys are single integers, which the sort compares far faster than tuples.


def _longest_first(bound: int) -> Callable[[Match], int]:
    """Key for longest first, then leftmost, of matches that end by `bound`."""
    return lambda m: (m[0] - m[1]) * bound + m[0]


def in_order(bound: int) -> Callable[[Match], int]:
    """Key for text order (leftmost, then longest first) of matches that end by `bound`."""
    step = bound + 1
    return lambda m: m[0] * step - m[1]


def resolve(candidates: list[Match]) -> list[Match]:
    """Longest match wins; contained matches keep only kinds the container does not have."""
    if not candidates:
        return []
    # owner[i]: the selected match covering offset i. Matches come longest first, so a selected
    # match is never shorter than the current one: looking at the two ends tells whether the
    # current one is free, inside one selected match, or overlapping.
    bound = max([m[1] for m in candidates])
    owner = [-1] * bound
    selected: list[Match] = []
    contained: list[tuple[Match, Match]] = []
    for match in sorted(candidates, key=_longest_first(bound)):
        start, end, _ = match
        first = owner[start]
        last = owner[end - 1]
        if first < 0:
            if last != -1:
                continue  # overlaps a selected match
            mark = len(selected)
            # (a loop: compiled, a slice assigned costs a slice object and a list besides)
            for i in range(start, end):
                owner[i] = mark
            selected.append(match)
        elif last == first:
            contained.append((match, selected[first]))
    if not contained:
        selected.sort(key=in_order(bound))
        return selected
    kept: list[Match] = []
    for (start, end, entries), (_, _, outer_entries) in contained:
        outer_kinds = {k for k, _ in outer_entries}
        if not outer_kinds.isdisjoint(_SWALLOWING):
            continue
        keep = tuple(e for e in entries if e[0] not in outer_kinds)
        if not keep:
            continue
        kinds = {k for k, _ in keep}
        # Two contained matches of the same kind: the longer one (seen first) stays.
        if any(
            k_start <= start and end <= k_end and kinds & {e[0] for e in k_entries}
            for k_start, k_end, k_entries in kept
        ):
            continue
        kept.append((start, end, keep))
    return sorted(selected + kept, key=in_order(bound))


_DEFAULT: Matcher | None = None


def default_matcher() -> Matcher:
    """The matcher over the packaged lexicon, compiled once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Matcher(load_lexicon())
    return _DEFAULT
