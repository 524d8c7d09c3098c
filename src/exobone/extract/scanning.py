"""One scanning engine for the extractor's rule regexes, with every pre-check read from the
patterns themselves.

Long IGNORECASE alternations tried at every character of every sentence were most of the
extraction time. An `Engine` makes one Aho-Corasick automaton over the folded sentence from
two kinds of keys, both derived from the patterns when the engine is built:

* a `Scanner` (an alternation of rules) runs each alternative's regex only where one of its
  literal starts occurs (`literal_starts`);
* a `Gate` (one regex) runs only on text that holds one of its required texts
  (`required_texts`): lower-cased texts of which every text with a match holds one.

No key is written by hand, so a widened pattern takes effect at once. Rules must be registered
before `Engine.build`; registering later raises (its keys would never be looked for).
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Final

import ahocorasick

from exobone.errors import ExoboneError
from exobone.extract.regex_tree import Item, parse
from exobone.text.calls import is_ascii, match_end, match_start, pattern_match, pattern_search

__all__ = [
    "Engine",
    "EngineBuiltError",
    "Gate",
    "Relaxed",
    "Scanner",
    "View",
    "Found",
    "fold",
    "further_required",
    "is_word_char",
    "literal_starts",
    "lowercase_pattern",
    "relaxed_pattern",
    "required_texts",
    "section_pass_engine",
    "tail_of",
]


class EngineBuiltError(ExoboneError):
    """A rule was added to an engine whose automaton is already built."""


# Characters that IGNORECASE matches to an ASCII letter but `str.lower` does not map to it (or, for
# the dotted capital I, maps to two characters): folded by hand so that offsets stay put.
_FOLD: Final = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold(text: str) -> str:
    """Lower-cased `text` of the same length, in which each IGNORECASE literal match shows."""
    return text.lower() if is_ascii(text) else text.translate(_FOLD).lower()


def is_word_char(char: str) -> bool:
    """What `\\w` matches in a str pattern."""
    return char.isalnum() or char == "_"


# --------------------------------------------------------------------------------------------
# Reading patterns
# --------------------------------------------------------------------------------------------
def lowercase_pattern(pattern: str) -> str:
    """`pattern` with its letters lower-cased, escapes (`\\S`, `\\W`, ...) kept: searched over
    lowered ASCII text, it matches where the pattern with `re.IGNORECASE` matches."""
    return re.sub(
        r"\\.|[^\\]+", lambda m: m.group() if m.group()[0] == "\\" else m.group().lower(), pattern
    )


_ZERO_WIDTH: Final = ("at", "ahead", "assert")


def _literals(item: Item) -> set[str] | None:
    """The lower-cased characters a character or a class of characters only matches."""
    op, av = item
    if op == "lit":
        return {chr(av).lower()}
    if op == "in" and all(kind == "lit" for kind, _ in av):
        return {chr(c).lower() for _, c in av}
    return None


def _starts_of(
    items: list[Item],
    limit: int,
    at: int = 0,
    memo: dict[tuple[int, int, int], set[tuple[str, bool]]] | None = None,
) -> set[tuple[str, bool]]:
    """Literal starts of a parsed pattern (its items from `at` on); True where the start is a
    whole match of it. The starts of a sequence's rest depend only on how much room is left:
    `memo` keeps them by (sequence, offset, room), so that the heads of an alternation or a
    class ("[a-z]", "increas|decreas|reduc") share one reading of what follows them."""
    if at == len(items):
        return {("", True)}
    if limit <= 0:
        return {("", False)}
    if memo is None:
        memo = {}
    key = (id(items), at, limit)
    known = memo.get(key)
    if known is not None:
        return known
    op, av = items[at]
    heads: set[tuple[str, bool]]
    characters = _literals(items[at])
    out: set[tuple[str, bool]] = set()
    if characters is not None:
        heads = {(char, True) for char in characters}
    elif op in _ZERO_WIDTH:
        heads = {("", True)}
    elif op in ("group", "atomic", "branch"):
        alternatives = _alternatives(items[at]) or []
        heads = set().union(*(_starts_of(branch, limit, 0, memo) for branch in alternatives))
    elif op == "repeat" and av[0] in (0, 1) and av[1] == 1:
        heads = _starts_of(av[2], limit, 0, memo) | ({("", True)} if av[0] == 0 else set())
    elif op == "repeat" and av[0] >= 1:  # the first repetition starts the match
        heads = {(head, False) for head, _ in _starts_of(av[2], limit, 0, memo)}
    else:
        heads = {("", False)}
    for head, whole in heads:
        if not whole:
            out.add((head, False))
            continue
        out.update(
            (head + tail, done) for tail, done in _starts_of(items, limit - len(head), at + 1, memo)
        )
    memo[key] = out
    return out


# How long a literal start may grow. Long starts spare regex calls: with short ones, every
# "cartilage" was a candidate for each phrase starting "cartil".
START_LIMIT: Final = 48


def literal_starts(pattern: str, limit: int = START_LIMIT) -> set[str]:
    """Lower-cased texts (of up to `limit` characters) one of which starts every match of
    `pattern`."""
    starts = {start for start, _ in _starts_of(parse(pattern), limit)}
    if "" in starts:
        raise ValueError(f"no literal start to scan for in {pattern!r}")
    return starts


# Sets of texts grow as products of their parts ("EVs?" is "ev" or "evs"); beyond this size a
# part counts as unknown.
_MOST_TEXTS: Final = 64


def _alternatives(item: Item) -> list[list[Item]] | None:
    """The item sequences of a group or branch (one of which matches); None for other items."""
    op, av = item
    if op == "group":
        return [av[2]]
    if op == "atomic":
        return [av]
    if op == "branch":
        return list(av)
    return None


def _union(
    alternatives: list[list[Item]], read: Callable[[list[Item]], frozenset[str] | None]
) -> frozenset[str] | None:
    """What `read` finds in every alternative, together; None if one has nothing."""
    texts: set[str] = set()
    for items in alternatives:
        found = read(items)
        if found is None:
            return None
        texts |= found
    return frozenset(texts)


def _exact(item: Item) -> frozenset[str] | None:
    """The lower-cased texts `item` matches, when they are few and fixed ("" for zero width)."""
    op, av = item
    characters = _literals(item)
    if characters is not None:
        return frozenset(characters)
    if op in _ZERO_WIDTH:
        return frozenset({""})
    alternatives = _alternatives(item)
    if alternatives is not None:
        texts = _union(alternatives, _exact_sequence)
        return texts if texts is not None and len(texts) <= _MOST_TEXTS else None
    if op == "repeat" and av[1] == 1 and av[0] in (0, 1):
        once = _exact_sequence(av[2])
        if once is None:
            return None
        return once | {""} if av[0] == 0 else once
    return None


def _product(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    if len(left) * len(right) > _MOST_TEXTS:
        return None
    return frozenset(a + b for a in left for b in right)


def _exact_sequence(items: list[Item]) -> frozenset[str] | None:
    texts: frozenset[str] | None = frozenset({""})
    for item in items:
        part = _exact(item)
        if part is None or texts is None:
            return None
        texts = _product(texts, part)
    return texts


def _fewest(texts: frozenset[str]) -> frozenset[str]:
    """`texts` without those holding another: holding one of them is the same condition."""
    # Shortest first, each compared with those kept so far: a text holding a dropped one holds
    # the kept one that dropped it (the same answer as comparing every pair, for far fewer).
    kept: list[str] = []
    for text in sorted(texts, key=len):
        if not any(other in text for other in kept):
            kept.append(text)
    return frozenset(kept)


# Past this length a text is rare enough: fewer texts are then worth more than longer ones.
_RARE_ENOUGH: Final = 5


def _score(texts: frozenset[str]) -> tuple[int, int, int]:
    """Longer shortest text first (rarer in text, up to `_RARE_ENOUGH`), then fewer texts."""
    shortest = min(map(len, texts))
    return min(shortest, _RARE_ENOUGH), -len(texts), shortest


def _required(items: list[Item]) -> frozenset[str] | None:
    """Texts one of which every match of the sequence `items` holds; None if none is known."""
    return _best(_required_sets(items))


def _best(fewest: list[frozenset[str]]) -> frozenset[str] | None:
    """The set of `fewest` (sets of required texts) best worth looking for."""
    best: frozenset[str] | None = None
    for texts in fewest:
        if best is None or _score(texts) > _score(best):
            best = texts
    # a candidate holding the best's texts passes only where the best does: take it whatever
    # its score ("ratio" scores as rare enough, yet sits in "proliferation"; "ratio of" or
    # "ratios of" is read across the "s?" of `ratios? of`)
    finer = best
    while finer is not None:
        best = finer
        finer = next((texts for texts in fewest if _refines(texts, best)), None)
    return best


def _required_sets(items: list[Item]) -> list[frozenset[str]]:
    """Every set of texts found one of which each match of the sequence `items` holds."""
    candidates: list[frozenset[str]] = []
    # runs of consecutive fixed parts: each window's product is held by every match
    exacts = [_exact(item) for item in items]
    for i in range(len(items)):
        texts: frozenset[str] | None = frozenset({""})
        for part in exacts[i:]:
            if part is None or texts is None:
                break
            texts = _product(texts, part)
            if texts is not None and "" not in texts:
                candidates.append(texts)
    # and each part that must match holds its own required texts
    for item, exact in zip(items, exacts, strict=True):
        if exact is None:
            inner = _required_of(item)
            if inner is not None:
                candidates.append(inner)
    found = [_fewest(texts) for texts in candidates]
    # a positive lookahead's items match in the text where it stands, so the text holds a
    # match of the items before it followed by its own ("bone(?= and | or )": "bone and ")
    for i, (op, av) in enumerate(items):
        if op == "ahead":
            found += _required_sets(items[:i] + av)
    return found


def _refines(texts: frozenset[str], other: frozenset[str]) -> bool:
    """Whether each of `texts` holds one of `other` (and they differ): a text with one of
    `texts` has one of `other`, not always the reverse."""
    return texts != other and all(any(o in t for o in other) for t in texts)


def _required_of(item: Item) -> frozenset[str] | None:
    op, av = item
    alternatives = _alternatives(item)
    if alternatives is not None:
        return _union(alternatives, _required)
    if op == "repeat" and av[0] >= 1:
        return _required(av[2])
    return None


# A required text shorter than this is in nearly every sentence: no gate is made from it.
_SHORTEST_KEY: Final = 2


def required_texts(pattern: str) -> tuple[str, ...]:
    """Lower-cased texts one of which every text with a match of `pattern` holds (as `fold`
    shows the text): in the match, or in what a lookahead of it reads after it. Sorted; empty
    when the pattern names none worth looking for."""
    return _keys_of(_required_sets(parse(pattern)))


def _keys_of(sets: list[frozenset[str]]) -> tuple[str, ...]:
    """`required_texts` from the pattern's sets of required texts (`_required_sets`)."""
    found = _best(sets)
    if found is None or min(map(len, found)) < _SHORTEST_KEY:
        return ()
    return tuple(sorted(_fewest(found)))


# Further sets of required texts a gate is tested for (`further_required`): at most this many,
# each of texts at least this long (shorter ones are in most sentences) and at most this many
# of them (each costs a test on a piece).
_FURTHER_SETS: Final = 2
_FURTHER_SHORTEST: Final = 3
_FURTHER_MOST: Final = 24


def further_required(pattern: str, keys: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Sets of lower-cased texts besides `keys` (its `required_texts`) one text of each of
    which every text with a match of `pattern` holds as well, rarest first: a text must hold
    one of each ("abolish|block ... (their|its) effects on" is keyed by "effect", and a
    sentence with "effect" but none of the verbs is ruled out without the regex). A set that
    holding one of `keys` (or of another set kept) already implies is left out."""
    return _further_of(_required_sets(parse(pattern)), keys)


def _further_of(sets: list[frozenset[str]], keys: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """`further_required` from the pattern's sets of required texts (`_required_sets`)."""
    held = frozenset(keys)
    found = set()
    for texts in sets:
        fewest = _fewest(texts)
        if min(map(len, fewest)) < _FURTHER_SHORTEST or len(fewest) > _FURTHER_MOST:
            continue
        if fewest != held and not _refines(held, fewest):
            found.add(fewest)
    kept = [texts for texts in found if not any(_refines(other, texts) for other in found)]
    kept.sort(key=lambda texts: (_score(texts), sorted(texts)), reverse=True)
    return tuple(tuple(sorted(texts)) for texts in kept[:_FURTHER_SETS])


def _spread(items: list[Item]) -> list[list[Item]] | None:
    """Sequences of items one of which every match of `items` is a match of: `items` with the
    first alternation at its top level (inside groups without flags, opened in place) spread,
    each alternative in its place ("\\b(?:all of which ...|these changes ...)": one sequence
    each); None where there is none."""
    for i, (op, av) in enumerate(items):
        if op == "group" and not av[1]:
            return _spread(items[:i] + av[2] + items[i + 1 :])
        if op == "branch":
            return [items[:i] + branch + items[i + 1 :] for branch in av]
    return None


def _alternative_checks(items: list[Item]) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """For each alternative of `_spread(items)`, the sets of texts a text with a match of it
    holds one of each of (its keys and further sets, shortest texts first); empty when an
    alternative names none (then every text may hold a match of it) or there is no spread."""
    spread = None if _has_references(items) else _spread(items)
    if spread is None:
        return ()
    checks = []
    for alternative in spread:
        sets = _required_sets(alternative)
        keys = _keys_of(sets)
        if not keys:
            return ()
        checks.append(tuple(_shortest_first(t) for t in (keys, *_further_of(sets, keys))))
    return tuple(checks)


# A piece's test of a gate's required texts costs about the same per text: another set of
# required texts with at most this share of their number is tested first, and rules out most
# pieces for less ("ev" or "extracellular vesicle" before the 24 list words of
# `ev_family_list`).
_PRE_CHECK_SHARE: Final = 4


def pre_check_texts(pattern: str) -> tuple[str, ...]:
    """Lower-cased texts one of which every match of `pattern` holds, far fewer than its
    `required_texts` (at most a `_PRE_CHECK_SHARE`th); empty when it has no such set."""
    sets = _required_sets(parse(pattern))
    return _pre_check_of(sets, _keys_of(sets))


def _pre_check_of(sets: list[frozenset[str]], keys: tuple[str, ...]) -> tuple[str, ...]:
    """`pre_check_texts` from the pattern's sets of required texts and its `keys`."""
    if not keys:
        return ()
    fewest = [texts for texts in sets if min(map(len, texts)) >= _SHORTEST_KEY]
    cover = _cover(keys)
    if cover:
        fewest.append(cover)
    if not fewest:
        return ()
    smallest = min(fewest, key=lambda texts: (len(texts), sorted(texts)))
    if len(smallest) * _PRE_CHECK_SHARE > len(keys):
        return ()
    return tuple(sorted(smallest))


def _shortest_first(texts: tuple[str, ...]) -> tuple[str, ...]:
    """`texts` (one of which a piece must hold) in the order they are tested: the shortest
    first. A piece that holds one most often holds a short one ("of" of `source_after`'s 45
    texts, sorted by name the 28th), and the tests stop at the first found; a piece that holds
    none is tested for all of them in any order."""
    return tuple(sorted(texts, key=len))


# A text of a cover (`_cover`) has at least this many characters: shorter ones ("the") are in
# most pieces, and would add a test to nearly every one.
_COVER_SHORTEST: Final = 4


def _cover(keys: tuple[str, ...]) -> frozenset[str]:
    """Texts of at least `_COVER_SHORTEST` characters one of which each of `keys` holds, few
    of them ("which is ", "that are " ... of `defined_as` all hold " are " or " is "): found
    greedily, the text held by most keys first (then the longest); empty if a key has none."""
    left = set(keys)
    cover: set[str] = set()
    while left:
        counts: dict[str, int] = {}
        for key in left:
            parts = {
                key[i:j]
                for i in range(len(key))
                for j in range(i + _COVER_SHORTEST, len(key) + 1)
            }
            for part in parts:
                counts[part] = counts.get(part, 0) + 1
        if not counts:
            return frozenset()
        best = max(counts, key=lambda part: (counts[part], len(part), part))
        cover.add(best)
        left = {key for key in left if best not in key}
    return frozenset(cover)


# What may make a pattern's lower-cased copy (`lowercase_pattern`) match lower-cased ASCII text
# otherwise than the pattern with IGNORECASE: a character given by its code point (\x41), a
# reference by number, a scoped case flag ("(?-i:[A-Z])"), a character IGNORECASE equates
# with an ASCII letter (U+212A, the Kelvin sign).
_UNFOLDED: Final = re.compile(r"\\[0-9xuUN]|\(\?[a-zA-Z]*-|[\u0130\u0131\u017f\u212a]")


def folds_exactly(pattern: str) -> bool:
    """Whether the lower-cased copy of `pattern` finds, in ASCII text that lower-casing leaves
    as it is, the same matches as `pattern` with IGNORECASE, groups and all: its match can then
    be returned as the pattern's own. (A named group cannot be copied: "(?p<" is no syntax.)"""
    return _UNFOLDED.search(pattern) is None


# --------------------------------------------------------------------------------------------
# Relaxed patterns
# --------------------------------------------------------------------------------------------
# A pattern that starts with `\b`, a lookbehind or a class ("\w+-exos?") gives the regex engine
# no literal to skip ahead to: it tries every alternative at every offset. Each match of such
# an alternative holds a match of what is left once its leading boundaries, classes and
# repeated items are dropped ("-exos?"), which the engine finds by its first characters. The
# relaxed pattern thus rules out, fast, most texts in which the pattern cannot match.
_REPEAT: Final = re.compile(r"(?:[?*+]|\{(?:\d+(?:,\d*)?|,\d*)\})[?+]?")
_LOOKAROUNDS: Final = ("(?=", "(?!", "(?<=", "(?<!")


def _class_end(pattern: str, at: int) -> int:
    """Where the character class opened at `at` ends (past its "]")."""
    i = at + 1
    i += pattern.startswith("^", i)
    i += pattern.startswith("]", i)
    while i < len(pattern) and pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def _group_end(pattern: str, at: int) -> int:
    """Where the group opened at `at` ends (past its ")")."""
    depth = 0
    i = at
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(pattern, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def _top_branches(pattern: str) -> list[str]:
    """The alternatives of `pattern` at its top level."""
    branches = []
    start = i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
        elif char == "[":
            i = _class_end(pattern, i)
        elif char == "(":
            i = _group_end(pattern, i)
        else:
            if char == "|":
                branches.append(pattern[start:i])
                start = i + 1
            i += 1
    branches.append(pattern[start:])
    return branches


def _from_first_literal(branch: str) -> tuple[str, bool, bool]:
    """`branch` from its first character or group that must match as written (dropping the
    boundaries, lookarounds, classes and repeated items before it), or from an escape it does
    not read ("" if nothing is left); whether only zero-width items were dropped; and whether a
    repeated item was."""
    i = 0
    aligned = True
    repeated = False
    while i < len(branch):
        char = branch[i]
        literal = False
        if char == "\\":
            escaped = branch[i + 1 : i + 2]
            if escaped and escaped in "bBAZ":
                i += 2
                continue
            if escaped and escaped in "dDsSwW":
                end = i + 2
            elif escaped.isalnum() or not escaped:  # \x41, \N{...}, \1, \n: not read here
                return branch[i:], aligned, repeated
            else:
                end, literal = i + 2, True
        elif char == "[":
            end = _class_end(branch, i)
        elif char == ".":
            end = i + 1
        elif char in "^$":
            i += 1
            continue
        elif char == "(":
            end = _group_end(branch, i)
            if branch.startswith(_LOOKAROUNDS, i):
                i = end
                continue
            # a group is kept unless it is repeated ("(?:\w+\s+){0,6}") or only holds a
            # repeated class ("([\w/]++)-induced")
            if _REPEAT.match(branch, end) is None:
                if not _repeated_class(branch[i + 1 : end - 1]):
                    return branch[i:], aligned, repeated
                i, aligned, repeated = end, False, True
                continue
        else:
            end, literal = i + 1, True
        repeat = _REPEAT.match(branch, end)
        if literal and repeat is None:
            return branch[i:], aligned, repeated
        i = repeat.end() if repeat else end
        aligned = False
        repeated = repeated or repeat is not None
    return "", aligned, repeated


def _repeated_class(inner: str) -> bool:
    """Whether the inside of a group, capturing or not, is one repeated class ("[\\w/]++")."""
    if inner.startswith("?:"):
        inner = inner[2:]
    if inner.startswith("["):
        end = _class_end(inner, 0)
    elif len(inner) > 1 and inner[0] == "\\" and inner[1] in "dDsSwW":
        end = 2
    else:
        return False
    repeat = _REPEAT.match(inner, end)
    return repeat is not None and repeat.end() == len(inner)


def _zero_width_end(branch: str) -> int:
    """Where the zero-width items (anchors, boundaries, lookarounds) opening `branch` end."""
    i = 0
    while i < len(branch):
        if branch[i] in "^$":
            i += 1
        elif branch[i] == "\\" and branch[i + 1 : i + 2] in ("b", "B", "A", "Z"):
            i += 2
        elif branch.startswith(_LOOKAROUNDS, i):
            i = _group_end(branch, i)
        else:
            break
    return i


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern`, an alternative that opens with a group of
    alternatives (once past its zero-width items) spread into one per alternative of the group
    ("\\b(?:vesicles?|\\w+-exos?)\\b" gives "\\bvesicles?\\b" and "\\b\\w+-exos?\\b"): each is
    then relaxed on its own. Only non-capturing groups without flags that are not repeated."""
    out = []
    for branch in _top_branches(pattern):
        i = _zero_width_end(branch)
        end = _group_end(branch, i) if branch.startswith("(?:", i) else -1
        if end < 0 or _REPEAT.match(branch, end) is not None:
            out.append(branch)
            continue
        head, tail = branch[:i], branch[end:]
        out += [head + inner + tail for inner in _top_branches(branch[i + 3 : end - 1])]
    return out


def _from_literal_or_class(branch: str) -> tuple[str, bool, bool]:
    """`_from_first_literal`, or where it leaves nothing, `_from_first_class`."""
    found = _from_first_literal(branch)
    return found if found[0] else _from_first_class(branch)


def _from_first_class(branch: str) -> tuple[str, bool, bool]:
    """`branch` from the class that starts every match once the zero-width items before it
    are dropped ("(?<![a-z])\\d(?:\\.\\d+)?$" gives "\\d(?:\\.\\d+)?$"), aligned; "" if there is
    none."""
    i = _zero_width_end(branch)
    if i >= len(branch):
        return "", True, False
    if branch[i] == "[":
        end = _class_end(branch, i)
    elif branch[i] == "\\" and branch[i + 1 : i + 2] in ("d", "s", "w"):
        end = i + 2
    else:
        return "", True, False
    if branch.startswith("^", i + 1) or _REPEAT.match(branch, end) is not None:
        return "", True, False  # a negated class, or one that may repeat or be left out
    return branch[i:], True, False


def _has_references(items: list[Item]) -> bool:
    """Whether the items refer to a group (which a relaxed pattern may have dropped)."""
    for op, av in items:
        if op in ("ref", "cond"):
            return True
        if op == "group":
            nested = [av[2]]
        elif op in ("atomic", "ahead", "assert"):
            nested = [av]
        elif op == "branch":
            nested = list(av)
        elif op == "repeat":
            nested = [av[2]]
        else:
            continue
        if any(_has_references(inner) for inner in nested):
            return True
    return False


def relaxed_pattern(pattern: str) -> tuple[str, bool] | None:
    """A pattern that matches in every text `pattern` matches in (each alternative from its
    first literal character: "\\bsevs?\\b|\\w+-exos?\\b" gives "sevs?\\b|-exos?\\b"), and
    whether every match of `pattern` starts where one of it does (only zero-width items such
    as "\\b" dropped); None when it would drop nothing or leave an alternative empty."""
    if _has_references(parse(pattern)):
        return None
    branches = _branches(pattern)
    # an alternative without a literal may still start at a class ("(?<![a-z])\\d...")
    relaxed = [_from_literal_or_class(branch) for branch in branches]
    rests = [rest for rest, _, _ in relaxed]
    if rests == branches or not all(rests):
        return None
    # a rest that opens with a group of alternatives is spread too, so that each alternative
    # of the relaxed pattern starts with its literal ("(?:evs|mvs)\\b")
    joined = "|".join(spread for rest in rests for spread in _branches(rest))
    # Worth searching first only where the regex engine can skip ahead to the relaxed
    # pattern's first characters, or where the pattern starts with a repeat ("\\w+-exos?",
    # tried at each offset of each word); otherwise, without its "\\b", it is slower.
    if not _skips_ahead(parse(joined)) and not any(repeated for _, _, repeated in relaxed):
        return None
    return joined, all(aligned for _, aligned, _ in relaxed)


def _skips_ahead(items: list[Item]) -> bool:
    """Whether `re` searches the pattern by its first characters: it starts with a literal or
    a class, or with alternatives that each start with a literal (through capturing groups)."""
    if not items:
        return False
    op, av = items[0]
    if op == "lit" or (op == "in" and av[0][0] != "neg"):
        return True
    if op == "group" and not av[1]:
        return _skips_ahead(av[2])
    if op == "branch":
        return all(branch and branch[0][0] == "lit" for branch in av)
    return False


def _others(items: list[Item]) -> frozenset[str] | None:
    """The characters other than word characters (`\\w`) the items may match; None when they
    may match many more (a negated class, `.`, `\\s`)."""
    found: frozenset[str] = frozenset()
    for op, av in items:
        part = _item_others(op, av)
        if part is None:
            return None
        found |= part
    return found


def _item_others(op: str, av: Any) -> frozenset[str] | None:
    if op in _ZERO_WIDTH:
        return frozenset()
    if op == "lit":
        return _char_others(chr(av))
    if op == "in":
        return _union_others([_member_others(kind, value) for kind, value in av])
    if op in ("repeat", "group"):
        return _others(av[2])
    if op == "atomic":
        return _others(av)
    if op == "branch":
        return _union_others([_others(branch) for branch in av])
    return None


def _char_others(char: str) -> frozenset[str]:
    return frozenset() if is_word_char(char) else frozenset(char)


def _union_others(parts: list[frozenset[str] | None]) -> frozenset[str] | None:
    found: frozenset[str] = frozenset()
    for part in parts:
        if part is None:
            return None
        found |= part
    return found


def _member_others(kind: str, value: Any) -> frozenset[str] | None:
    """`_item_others` of a member of a class (a negated class: None)."""
    if kind == "cat":
        return frozenset() if value in ("w", "d") else None
    if kind == "lit":
        return _char_others(chr(value))
    if kind == "range":
        low, high = value
        if high - low > 64:
            return None
        return _union_others([_char_others(chr(c)) for c in range(low, high + 1)])
    return None


def _dropped_others(pattern: str) -> frozenset[str] | None:
    """The characters other than word characters that what `relaxed_pattern` drops from each
    alternative of `pattern` may match ("\\w+-exos?" drops "\\w+": none; "([\\w/]++)-induced"
    drops "([\\w/]++)": "/"), or None if it may match any of many or spaces (a walk back over
    words and spaces would read most of the text): an exact match then starts inside the run of
    word characters and those that ends where the relaxed pattern's first match starts, or
    later."""
    found: frozenset[str] = frozenset()
    for branch in _branches(pattern):
        rest = _from_literal_or_class(branch)[0]
        part = _others(parse(branch[: len(branch) - len(rest)]))
        if part is None or any(char.isspace() for char in part):
            return None
        found |= part
    return found


# Characters that do not stand for themselves at the start of an alternative.
_NOT_LITERAL: Final = frozenset("\\[](){}?*+|^$.")


def _literal_head(branch: str) -> tuple[str, str] | None:
    """The literal character (or escaped punctuation) opening `branch` and what follows it,
    when it is not repeated and something follows it; None otherwise."""
    if branch.startswith("\\"):
        head = branch[:2]
        if len(head) < 2 or head[1].isalnum():  # \b, \d, \w ...: not a literal
            return None
    elif branch and branch[0] not in _NOT_LITERAL:
        head = branch[0]
    else:
        return None
    rest = branch[len(head) :]
    if not rest or _REPEAT.match(rest) is not None:
        return None
    return head, rest


def shared_heads(branches: list[str]) -> str:
    """`branches` joined as one alternation in which those opening with the same literal
    character share it ("in x|in y|here" gives "i(?:n(?: (?:x|y)))|here"). It matches at the
    same offsets: a relaxed pattern is searched only for where it matches, and `re`, which
    tries every alternative in turn at each offset whose character may start one, then tries
    one per first character."""
    entries: list[tuple[str, list[str]]] = []
    at: dict[str, int] = {}
    for branch in branches:
        split = _literal_head(branch)
        if split is None:
            entries.append(("", [branch]))
        elif split[0] in at:
            entries[at[split[0]]][1].append(split[1])
        else:
            at[split[0]] = len(entries)
            entries.append((split[0], [split[1]]))
    return "|".join(
        head + rests[0] if len(rests) == 1 else f"{head}(?:{shared_heads(rests)})"
        for head, rests in entries
    )


# --------------------------------------------------------------------------------------------
# End-anchored patterns
# --------------------------------------------------------------------------------------------
# A pattern whose every match ends at the end of the text ("\\d...\\s*$", read before a cell
# phrase) is still tried by `re` at each offset of the text. Every character of such a match
# is one that the pattern's consuming items may match: read from the pattern, that set says
# how far back from the end a match can start, and the search starts there.
_ENDS: Final = ("$", "Z")


def _ends_at_end(items: list[Item]) -> bool:
    """Whether every match of the sequence `items` ends at an end anchor ("$" or "\\Z")."""
    if not items:
        return False
    op, av = items[-1]
    if op == "at":
        return bool(av in _ENDS)
    alternatives = _alternatives(items[-1])
    return alternatives is not None and all(_ends_at_end(branch) for branch in alternatives)


def _consumed(items: list[Item]) -> tuple[frozenset[str], str] | None:
    """The characters the items may consume, as a set and the categories ("d", "s") of
    `\\d` and `\\s`; None when they may consume letters of any word (`\\w`, `.`, a negated
    class ...). Lookarounds consume nothing."""
    chars: set[str] = set()
    categories = ""
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op == "lit":
            chars.add(chr(av))
            continue
        if op == "in":
            for kind, value in av:
                if kind == "lit":
                    chars.add(chr(value))
                elif kind == "range" and value[1] - value[0] <= 64:
                    chars.update(chr(c) for c in range(value[0], value[1] + 1))
                elif kind == "cat" and value in ("d", "s"):
                    categories += value
                else:
                    return None
            continue
        inner = [av[2]] if op in ("group", "repeat") else _alternatives((op, av))
        if inner is None:
            return None
        for branch in inner:
            found = _consumed(branch)
            if found is None:
                return None
            chars |= found[0]
            categories += found[1]
    return frozenset(chars), "".join(sorted(set(categories)))


class Tail:
    """Where a match of an end-anchored pattern can start: no earlier than the run of
    characters it may consume that ends the text (`tail_of`)."""

    __slots__ = ("chars", "digits", "spaces")

    def __init__(self, chars: frozenset[str], categories: str) -> None:
        self.digits = "d" in categories
        self.spaces = "s" in categories
        ascii_too = (string.digits if self.digits else "") + (_ASCII_SPACES if self.spaces else "")
        self.chars = chars | frozenset(ascii_too)

    def start(self, text: str) -> int:
        """The earliest offset at which a match in `text` can start."""
        chars = self.chars
        at = len(text)
        if at and text[at - 1] == "\n" and "\n" not in chars:
            at -= 1  # "$" also matches before a newline that ends the text
        while at:
            char = text[at - 1]
            if char not in chars and (
                char.isascii()
                or not (self.digits and char.isdecimal() or self.spaces and char.isspace())
            ):
                break
            at -= 1
        return at


# (what `\\s` matches among ASCII characters)
_ASCII_SPACES: Final = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f"


def tail_of(pattern: str, flags: int) -> Tail | None:
    """The `Tail` of `pattern` searched with `flags` when each of its matches ends at the end
    of the text and none can hold a letter of any word; None otherwise (or where a case-
    insensitive or multi-line reading makes the characters it reads more than it names)."""
    if flags & (re.IGNORECASE | re.MULTILINE | re.VERBOSE):
        return None
    items = parse(pattern)
    if _has_references(items) or not _ends_at_end(items):
        return None
    found = _consumed(items)
    return None if found is None else Tail(*found)


class Relaxed:
    """The relaxed pattern of an exact one (`relaxed_pattern`), searched first (its
    alternatives sharing their first characters: `shared_heads`)."""

    __slots__ = ("aligned", "others", "regex", "word_start")

    def __init__(
        self, pattern: str, aligned: bool, flags: int, others: frozenset[str] | None = None
    ) -> None:
        # (in a verbose pattern, a "#" head would comment out the group that follows it)
        self.regex = re.compile(
            pattern if flags & re.VERBOSE else shared_heads(_top_branches(pattern)), flags
        )
        self.aligned = aligned
        # (not aligned) the exact pattern's matches start no earlier than the run of word
        # characters and `others` before the relaxed one's first match
        self.word_start = others is not None
        self.others = frozenset() if others is None else others

    @classmethod
    def of(cls, pattern: str, flags: int) -> Relaxed | None:
        found = relaxed_pattern(pattern)
        if found is None:
            return None
        return cls(found[0], found[1], flags, None if found[1] else _dropped_others(pattern))

    def _start(self, low: str, pos: int, hit: int) -> int:
        """Where the exact pattern's first match can start, the relaxed one's first being at
        `hit` (for a pattern that is not aligned)."""
        if not self.word_start:
            return pos
        others = self.others
        while hit > pos and (is_word_char(low[hit - 1]) or low[hit - 1] in others):
            hit -= 1
        return hit

    def first_start(self, low: str, pos: int, end: int) -> int:
        """Where the exact pattern's matches in `low[pos:end]` can start from; -1: none."""
        hit = pattern_search(self.regex, low, pos, end)
        if hit is None:
            return -1
        at = match_start(hit)
        return at if self.aligned else self._start(low, pos, at)

    def finditer(
        self, exact: re.Pattern[str], low: str, pos: int, end: int
    ) -> list[re.Match[str]]:
        """`list(exact.finditer(low, pos, end))`, each match searched from where `first_start`
        says it can start (past the previous one)."""
        out: list[re.Match[str]] = []
        at = pos
        while at <= end:
            start = self.first_start(low, at, end)
            if start < 0:
                break
            found = pattern_search(exact, low, start, end)
            if found is None:
                break
            at = match_end(found)
            if at == match_start(found):  # an empty match: the plain iteration from here
                return out + list(exact.finditer(low, at, end))
            out.append(found)
        return out

    def search(self, exact: re.Pattern[str], low: str, pos: int, end: int) -> re.Match[str] | None:
        """`exact.search(low, pos, end)`: none where this pattern has no match; when aligned,
        `exact` is tried only where this pattern's matches start (its own search would try it
        slowly at every offset), and otherwise from the earliest start its first match allows."""
        regex = self.regex
        hit = pattern_search(regex, low, pos, end)
        if hit is None:
            return None
        if not self.aligned:
            return pattern_search(exact, low, self._start(low, pos, match_start(hit)), end)
        while hit is not None:
            at = match_start(hit)
            found = pattern_match(exact, low, at, end)
            if found is not None:
                return found
            hit = pattern_search(regex, low, at + 1, end)
        return None


# --------------------------------------------------------------------------------------------
# The engine
# --------------------------------------------------------------------------------------------
class _Key:
    """What a key of the automaton stands for."""

    __slots__ = ("back", "mask", "scanners", "word")

    def __init__(
        self, back: int, word: bool, mask: int, scanners: list[tuple[int, list[int]]]
    ) -> None:
        self.back = back  # len - 1
        self.word = word  # starts with a word character
        self.mask = mask  # bits of the gates it is a key of
        # (scanner, its alternatives that may start here: those of this key and of every
        # shorter key of the scanner that starts it, in order)
        self.scanners = scanners


class Found:
    """Where an engine's keys occur in a text, in the order an Aho-Corasick pass over the text
    reports them (by end, the longest first at one end): each one's start and key, at one
    index of two lists (compiled, no tuple is made and unpacked per occurrence)."""

    __slots__ = ("keys", "starts")

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.keys: list[_Key] = []


class View:
    """A sentence as the scanners and gates see it: the folded text and, from one Aho-Corasick
    pass made when first asked, where each scanner's alternatives may start and which gates'
    keys occur (a bit for each set of required texts of a gate, `Gate.bits`; -1 until the
    pass is made). The views of a section that another pass has read are given its keys
    instead (`Engine.section_views`) and make no pass of their own."""

    __slots__ = ("automaton", "gates", "low", "starts", "text")

    def __init__(self, text: str, automaton: ahocorasick.Automaton) -> None:
        self.text = text
        self.low = fold(text)
        self.automaton = automaton
        self.starts: dict[int, dict[int, list[int]]] = {}
        self.gates = -1

    def scan(self) -> int:
        self.gates = 0
        hits: Iterator[tuple[int, _Key]] = self.automaton.iter(self.low)  # typed: unpacked natively
        for end, key in hits:
            self.found(end - key.back, key)
        return self.gates

    def found(self, start: int, key: _Key) -> None:
        """Take the key `key` found at `start`; keys come as a pass over the text reports them
        (by end, the longest first at one end)."""
        self.gates |= key.mask
        if not key.scanners:
            return
        if key.word and start and is_word_char(self.text[start - 1]):
            return  # scanner keys start a word
        # keys found at one start come shortest first, and a key's ids include those of its
        # prefixes: the last one found stands for all
        starts = self.starts
        for owner, ids in key.scanners:
            if owner in starts:
                starts[owner][start] = ids
            else:
                starts[owner] = {start: ids}


class Engine:
    """Scanners and gates of one rule set, and the one automaton that serves them all.

    An engine made with `section_pass=True` (one per process: the rules asked of every
    sentence) also gives its keys to the lexicon's pass over each section
    (`exobone.lexicon.Matcher`, built after it): its sentence views are then made from that
    pass's hits (`section_views`) instead of walking the sentence again with its own automaton.
    """

    def __init__(self, *, section_pass: bool = False) -> None:
        self.scanners: list[Scanner] = []
        self.gates: list[Gate] = []
        self.automaton = ahocorasick.Automaton()
        self.built = False
        # once built: the keys the lexicon's pass finds, with their values, and those it
        # leaves to each view (`section_pass`)
        self.keys: dict[str, _Key] = {}
        self.apart: list[tuple[str, _Key]] = []
        if section_pass:
            if _SECTION_PASS:
                raise EngineBuiltError("only one scanning engine can share the sections' pass")
            _SECTION_PASS.append(self)

    def _register(self, what: str) -> None:
        if self.built:
            raise EngineBuiltError(f"{what} added after the scanning engine was built")

    def scanner(self, patterns: Sequence[str], before: str = "", after: str = "") -> Scanner:
        self._register(f"scanner {patterns[:1]!r}...")
        scanner = Scanner(len(self.scanners), self, patterns, before, after)
        self.scanners.append(scanner)
        return scanner

    def gate(self, regex: re.Pattern[str], *, per_sentence: bool = True) -> Gate:
        """`per_sentence=False` for a regex run only on short pieces, whose required texts are
        common words: only the piece is then tested."""
        self._register(f"gate {regex.pattern[:40]!r}")
        gate = Gate(len(self.gates), self, regex, per_sentence)
        self.gates.append(gate)
        return gate

    def build(self) -> None:
        """Make the automaton from every scanner's starts and every gate's required texts."""
        if self.built:
            raise EngineBuiltError("the scanning engine is already built")
        masks: dict[str, int] = {}
        scanners: dict[str, list[tuple[int, list[int]]]] = {}
        for scanner in self.scanners:
            # In sorted order the keys that start a key come before it, each starting the next:
            # `chain` holds them (a key that does not start the next one is dropped), so a
            # key's ids are those of the last one and its own, read without slicing the key at
            # every length.
            chain: list[tuple[str, set[int]]] = []  # (key, its ids and those of its heads)
            for key in sorted(scanner.keys):
                while chain and not key.startswith(chain[-1][0]):
                    chain.pop()
                ids = set(scanner.keys[key])
                if chain:
                    ids |= chain[-1][1]
                chain.append((key, ids))
                scanners.setdefault(key, []).append((scanner.id, sorted(ids)))
        bit = 0
        for gate in self.gates:
            if gate.per_sentence:
                for texts in (gate.keys, *gate.further):
                    for key in texts:
                        masks[key] = masks.get(key, 0) | 1 << bit
                    gate.bits |= 1 << bit
                    bit += 1
        for key in sorted(masks.keys() | scanners.keys()):
            entry = _Key(
                len(key) - 1, is_word_char(key[0]), masks.get(key, 0), scanners.get(key, [])
            )
            self.automaton.add_word(key, entry)
            # A key with no letter or digit ("," ";" "-/-") stands as "#" or a space in the
            # lexicon's pass, which would report it at every punctuation mark: a view looks for
            # it itself, if it is one character long or only a gate's.
            if any(c.isalnum() for c in key) or len(key) > 1 and entry.scanners:
                self.keys[key] = entry
            else:
                self.apart.append((key, entry))
        self.automaton.make_automaton()
        self.built = True

    def view_of(self, text: str) -> View:
        """A view of `text` (one per sentence: its scan is made once, when first asked)."""
        if not self.built:
            raise EngineBuiltError("the scanning engine is not built yet")
        return View(text, self.automaton)

    def section_views(
        self, texts: list[str], bounds: list[tuple[int, int]], found: Found
    ) -> list[View]:
        """Views of the sentences `texts` of one section, at `bounds` (start, end) in it, in
        order, given `found`: every occurrence in the section of this engine's `keys` (starts
        in the section), in the order a pass over the section reports them. A key inside a
        sentence is a key of its own pass; one across two sentences is none. The views are
        made scanned: each hit is taken once, by the view of its sentence."""
        if not self.built:
            raise EngineBuiltError("the scanning engine is not built yet")
        views = [View(text, self.automaton) for text in texts]
        for view in views:
            view.gates = 0
            low = view.low
            # the keys left out of the section's pass first: one character long, a scanner
            # key is found before any longer key that starts where it does (`build`)
            for key_text, key in self.apart:
                if not key.scanners:
                    if key_text in low:
                        view.gates |= key.mask
                    continue
                at = low.find(key_text)
                while at >= 0:
                    view.found(at, key)
                    at = low.find(key_text, at + 1)
        if not views:
            return views
        place, last = 0, len(views) - 1
        view = views[0]
        sentence_start, sentence_end = bounds[0]
        starts, keys = found.starts, found.keys
        for i in range(len(starts)):
            start, key = starts[i], keys[i]
            end = start + key.back + 1
            while end > sentence_end and place < last:  # (hits come by their ends)
                place += 1
                view = views[place]
                sentence_start, sentence_end = bounds[place]
            if sentence_start <= start and end <= sentence_end:
                view.found(start - sentence_start, key)
        return views


# The engine that shares the lexicon's pass over each section (`Engine(section_pass=True)`):
# rules compiled at import, shared by every document, never a text's hits.
_SECTION_PASS: list[Engine] = []


def section_pass_engine() -> Engine | None:
    """The built engine whose keys the lexicon's pass over each section finds too, if any."""
    return next((engine for engine in _SECTION_PASS if engine.built), None)


class Scanner:
    """An IGNORECASE alternation of `patterns`, run only where an alternative can start.

    Every alternative must begin with literal text. `before`/`after` wrap each alternative. An
    alternative starting with a word character must be preceded by a word boundary (`\\b` or a
    stricter lookbehind).
    """

    def __init__(
        self, id: int, engine: Engine, patterns: Sequence[str], before: str, after: str
    ) -> None:
        self.id = id
        self.engine = engine
        self.regexes = [re.compile(f"{before}(?:{p}){after}", re.IGNORECASE) for p in patterns]
        self.keys: dict[str, list[int]] = {}
        for i, pattern in enumerate(patterns):
            for key in literal_starts(pattern):
                self.keys.setdefault(key, []).append(i)

    def _candidates(self, view: View) -> list[tuple[int, list[int]]]:
        """(offset, alternatives that may start there), in text order."""
        if view.gates < 0:
            view.scan()
        found = view.starts.get(self.id)
        if not found:
            return []
        return sorted(found.items())

    def finditer(self, view: View) -> list[tuple[int, re.Match[str]]]:
        """(alternative, match) as the alternation's `finditer` gives them, in order."""
        out: list[tuple[int, re.Match[str]]] = []
        last = 0
        for start, ids in self._candidates(view):
            if start < last:
                continue
            for i in ids:
                match = pattern_match(self.regexes[i], view.text, start)
                if match:
                    out.append((i, match))
                    last = match_end(match)
                    break
        return out

    def first(self, view: View) -> re.Match[str] | None:
        """The first match, as the alternation's `search` finds it."""
        for start, ids in self._candidates(view):
            for i in ids:
                match = pattern_match(self.regexes[i], view.text, start)
                if match:
                    return match
        return None

    def finditer_each(self, view: View) -> dict[int, list[re.Match[str]]]:
        """Alternative -> its own `finditer` matches (alternatives scanned separately)."""
        out: dict[int, list[re.Match[str]]] = {}
        last: dict[int, int] = {}
        for start, ids in self._candidates(view):
            for i in ids:
                if start < last.get(i, 0):
                    continue
                match = pattern_match(self.regexes[i], view.text, start)
                if match:
                    out.setdefault(i, []).append(match)
                    last[i] = match_end(match)
        return out


class _Branch:
    """One top-level alternative of a gate's regex, with its own required texts: `Gate.match`
    tries it only on a piece that holds one of each of its sets (`checks`)."""

    __slots__ = ("checks", "folded", "regex")

    def __init__(self, branch: str, regex: re.Pattern[str], folded: re.Pattern[str] | None) -> None:
        self.regex = re.compile(branch, regex.flags)
        self.folded = (
            None if folded is None else re.compile(lowercase_pattern(branch), folded.flags)
        )
        sets = _required_sets(parse(branch))
        keys = _keys_of(sets)
        further = _further_of(sets, keys) if keys else ()
        self.checks: tuple[tuple[str, ...], ...] = tuple(
            _shortest_first(texts) for texts in (_pre_check_of(sets, keys), keys, *further) if texts
        )

    @classmethod
    def split(
        cls, regex: re.Pattern[str], folded: re.Pattern[str] | None
    ) -> tuple[_Branch, ...]:
        """The alternatives of `regex` as branches, when matching them one by one in order is
        matching the regex (a match is the first alternative's that matches at the start):
        not for a regex with groups (numbered across its alternatives), a verbose one, or one
        whose alternatives name no more required texts than the whole does."""
        branches = _top_branches(regex.pattern)
        if len(branches) < 2 or regex.groups or regex.flags & re.VERBOSE:
            return ()
        split = tuple(cls(branch, regex, folded) for branch in branches)
        return split if all(branch.checks for branch in split[1:]) else ()


class Gate:
    """A regex tried only on text that holds one of its required texts (`required_texts`).
    Most sentences lack them, and the sentence's one Aho-Corasick pass answers for every gate.

    An IGNORECASE regex is searched as a case-sensitive copy over the lower-cased text when
    that is ASCII (where lowering is exactly case-insensitivity) and the copy matches as the
    regex does (`folds_exactly`): IGNORECASE compares every character slowly, at every offset
    tried. The match returned is the IGNORECASE regex's at the offset found, on the text
    itself; or the copy's, where lower-casing leaves the text as it is (the same match).
    """

    def __init__(self, id: int, engine: Engine, regex: re.Pattern[str], per_sentence: bool) -> None:
        self.id = id
        self.engine = engine
        self.regex = regex
        self.folded = (
            re.compile(lowercase_pattern(regex.pattern), regex.flags & ~re.IGNORECASE)
            if regex.flags & re.IGNORECASE and folds_exactly(regex.pattern)
            else None
        )
        # searched first (over the folded text, or the text itself for a case-sensitive
        # regex): most texts it rules out fast
        self.relaxed = (
            Relaxed.of(lowercase_pattern(regex.pattern), self.folded.flags)
            if self.folded is not None
            else Relaxed.of(regex.pattern, regex.flags)
        )
        # (a pattern whose matches end where the text does) where its search can start
        self.tail = (
            tail_of(lowercase_pattern(regex.pattern), self.folded.flags)
            if self.folded is not None
            else tail_of(regex.pattern, regex.flags)
        )
        sets = _required_sets(parse(regex.pattern))  # read once for the three tests below
        self.keys = _keys_of(sets)
        # texts of which every text with a match holds one as well (tested after `keys`)
        self.further = _further_of(sets, self.keys) if self.keys else ()
        # (a gate tested per sentence) the view's bits of `keys` and `further`, all needed
        self.bits = 0
        # a regex without required texts is always tried
        self.per_sentence = per_sentence and bool(self.keys)
        # tested on the piece before `keys` (a gate tested per sentence needs none)
        self.first_keys: tuple[str, ...] = (
            () if self.per_sentence else _pre_check_of(sets, self.keys)
        )
        self.always = not self.keys
        # what a text must hold, set by set: one text of each (`first_keys`, `keys`, `further`)
        self.checks: tuple[tuple[str, ...], ...] = tuple(
            _shortest_first(texts) for texts in (self.first_keys, self.keys, *self.further) if texts
        )
        # `possible` also asks that the texts of one alternative of the regex be there (its
        # keys, and its further sets: those of the regex are only those all alternatives share)
        self.alternatives = () if self.always else _alternative_checks(parse(regex.pattern))
        # `match` tries a regex of alternatives one by one, each where its own required texts
        # are (a text always folded for the tests: not for an unfolded regex with no keys)
        self.branches = (
            () if self.always and self.folded is None else _Branch.split(regex, self.folded)
        )

    def _folded_if_possible(
        self, sentence: str | View, part: str | None, low: str | None = None
    ) -> str | None:
        """The folded `part` (or `sentence`) if the regex may match in it, else None. Give the
        sentence's view: a sentence given as text is scanned anew. `low`: the folded piece,
        if the caller has it (a gate tested on pieces then folds nothing)."""
        if self.per_sentence:
            view = sentence if isinstance(sentence, View) else View(sentence, self.engine.automaton)
            gates = view.scan() if view.gates < 0 else view.gates
            if gates & self.bits != self.bits:
                return None
            if part is None or part is view.text:
                return view.low
            if low is None:
                low = fold(part)
        else:
            whole = sentence.text if isinstance(sentence, View) else sentence
            if self.always and self.folded is None:
                return whole if part is None else part  # (the regex reads the text itself)
            if low is None:
                low = fold(whole if part is None else part)
        # (loops written out: a call per set of texts costs pure Python more than its tests)
        for texts in self.checks:
            for text in texts:
                if text in low:
                    break
            else:
                return None
        return low

    def possible(
        self, sentence: str | View, part: str | None = None, low: str | None = None
    ) -> bool:
        """Whether the regex may match in `sentence`, or in `part`, a piece of it (`low`: that
        text folded, if known): the text holds a text of each set of one of its alternatives
        too (`alternatives`: "which", "these" or "their" open the five of `reversal_anaphor`,
        whose own sets of texts rule out 92% of the sentences that hold one of them)."""
        found = self._folded_if_possible(sentence, part, low)
        if found is None:
            return False
        if not self.alternatives:
            return True
        for checks in self.alternatives:
            for texts in checks:
                for text in texts:
                    if text in found:
                        break
                else:
                    break  # (this alternative lacks a set)
            else:
                return True
        return False

    def search(
        self, text: str, sentence: str | View | None = None, low: str | None = None
    ) -> re.Match[str] | None:
        """`regex.search(text)`; `sentence` is the sentence (or its view) `text` was cut from,
        `low` the folded `text` if known."""
        low = self._folded_if_possible(text if sentence is None else sentence, text, low)
        if low is None:
            return None
        if self.folded is None:
            pos = 0 if self.tail is None else self.tail.start(text)
            if self.relaxed is not None:
                return self.relaxed.search(self.regex, text, pos, len(text))
            return pattern_search(self.regex, text, pos)
        if not is_ascii(text):
            return pattern_search(self.regex, text)
        pos = 0 if self.tail is None else self.tail.start(low)
        if self.relaxed is not None:
            found = self.relaxed.search(self.folded, low, pos, len(low))
        else:
            found = pattern_search(self.folded, low, pos)
        if found is None or low == text:
            return found
        return pattern_match(self.regex, text, match_start(found))

    def finditer(self, text: str, sentence: str | View | None = None) -> list[re.Match[str]]:
        """`regex.finditer(text)`; `sentence` is the sentence (or its view) `text` was cut
        from."""
        low = self._folded_if_possible(text if sentence is None else sentence, text)
        if low is None:
            return []
        if self.folded is None:
            pos = 0 if self.tail is None else self.tail.start(text)
            if self.relaxed is None:
                return list(self.regex.finditer(text, pos))
            return self.relaxed.finditer(self.regex, text, pos, len(text))
        if not is_ascii(text):
            return list(self.regex.finditer(text))
        pos = 0 if self.tail is None else self.tail.start(low)
        found = (
            list(self.folded.finditer(low, pos))
            if self.relaxed is None
            else self.relaxed.finditer(self.folded, low, pos, len(low))
        )
        if low == text:
            return found
        at = self.regex.match
        return [m for f in found if (m := at(text, match_start(f))) is not None]

    def match(self, text: str, sentence: str | View | None = None) -> re.Match[str] | None:
        low = self._folded_if_possible(text if sentence is None else sentence, text)
        if low is None:
            return None
        if self.branches:
            return self._match_branches(text, low)
        if self.folded is None or not is_ascii(text):
            return pattern_match(self.regex, text)
        found = pattern_match(self.folded, low)
        if found is None or low == text:
            return found
        return pattern_match(self.regex, text)

    def _match_branches(self, text: str, low: str) -> re.Match[str] | None:
        """`regex.match(text)`, alternative by alternative (`low`: the folded text)."""
        folded = self.folded is not None and is_ascii(text)
        for branch in self.branches:
            for texts in branch.checks:
                for needed in texts:
                    if needed in low:
                        break
                else:
                    break
            else:
                if folded and branch.folded is not None:
                    found = pattern_match(branch.folded, low)
                    if found is not None:
                        return found if low == text else pattern_match(branch.regex, text)
                else:
                    found = pattern_match(branch.regex, text)
                    if found is not None:
                        return found
        return None

    def sub(self, replacement: str, text: str, sentence: str | View | None = None) -> str:
        low = self._folded_if_possible(text if sentence is None else sentence, text)
        if low is None:
            return text
        if self.folded is not None and text.isascii() and self.folded.search(low) is None:
            return text  # the usual case, found without IGNORECASE
        if self.folded is None and self.relaxed is not None and not self.relaxed.regex.search(text):
            return text  # no match of the relaxed pattern: none of the regex
        return self.regex.sub(replacement, text)
