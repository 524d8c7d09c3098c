"""Find abbreviation definitions in the style of Schwartz and Hearst (2003).

Two shapes are recognised: `long form (SF)` and `SF (long form)`. A candidate long form is the
run of words before the parenthesis (at most min(|SF| + 5, 2|SF|) words); it is accepted when
the letters and digits of the short form can be found in it from right to left, the first one
at the start of a word. A parenthesis holding several items ("(hiPSCs, hiPSC-MSC-Exos)") is
tried item by item.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["Abbreviation", "find_abbreviations", "match_long_form"]


class Abbreviation:
    """A short form defined by a long form, with the offsets of both in the text.

    A plain class with read-only (`Final`) attributes rather than a frozen dataclass: compiled,
    it is made several times faster (a frozen dataclass sets each field through
    `object.__setattr__`).
    """

    __slots__ = ("short", "long", "short_start", "short_end", "long_start", "long_end")

    def __init__(
        self,
        short: str,
        long: str,
        short_start: int,
        short_end: int,
        long_start: int,
        long_end: int,
    ) -> None:
        self.short: Final = short
        self.long: Final = long
        self.short_start: Final = short_start
        self.short_end: Final = short_end
        self.long_start: Final = long_start
        self.long_end: Final = long_end

    def _key(self) -> tuple[str, str, int, int, int, int]:
        return (
            self.short,
            self.long,
            self.short_start,
            self.short_end,
            self.long_start,
            self.long_end,
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Abbreviation) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Abbreviation(short={self.short!r}, long={self.long!r}, "
            f"short_start={self.short_start}, short_end={self.short_end}, "
            f"long_start={self.long_start}, long_end={self.long_end})"
        )


_PAREN: Final = re.compile(r"\(([^()]{1,60})\)")
_WORD: Final = re.compile(r"[^\s()]+")
_ITEM: Final = re.compile(r"[^,;]+")
_WINDOW: Final = 400  # characters searched for the words of a long form
_SHORT_WINDOW: Final = 12  # characters per word tried first (`_words_before`)
# A comparison sign: a parenthesis that holds one states a statistic ("(P<0.01)", "(n=6)"),
# whose letters and digits a repeated statistic before it would otherwise spell out (R960:
# "inflammation scores (P<0.01) ... (P<0.01)" made "P<0.01" stand for the inflammation).
_STATISTIC: Final = re.compile(r"[<>=\u2264\u2265]")


def _valid_short(short: str) -> bool:
    if not 2 <= len(short) <= 14 or short.count(" ") > 1:
        return False
    if _STATISTIC.search(short):
        return False  # "(P<0.01)", "(n=6)": a statistic, never a short form
    if not short[0].isalnum() or not any(c.isalpha() for c in short):
        return False
    return any(c.isupper() for c in short) or len(short) <= 5


def match_long_form(short: str, candidate: str) -> int | None:
    """Start offset in `candidate` of the long form that `short` abbreviates, or None."""
    chars = [c.lower() for c in short if c.isalnum()]
    if not chars:
        return None
    low = candidate.lower()
    # From the right, each character of the short form at its nearest occurrence before the
    # previous one's (`rfind`, not a loop over the characters between); the first at a word's
    # start.
    at = len(low)  # the previous character's offset
    for s_i in range(len(chars) - 1, -1, -1):
        c = chars[s_i]
        if len(c) != 1:  # a letter lowered to two ("İ"): no single character of `low` is it
            return None
        at = low.rfind(c, 0, at)
        if s_i == 0:
            while at > 0 and low[at - 1].isalnum():
                at = low.rfind(c, 0, at)
        if at < 0:
            return None
    start = at
    # Extend to the start of the word.
    while start > 0 and low[start - 1].isalnum():
        start -= 1
    return start


_FROM_THE: Final = re.compile(r"\s+(?:from|of)\s+(?:the\s+)?")
_COORDINATOR: Final = re.compile(r"\b(?:and|or|with)\s+(?:(?:to|with|the|an?)\s+)*")


def _inverted_long_form(short: str, candidate: str) -> int | None:
    """Start of a long form that names the head before the tissue: "stem cells from the
    human gingiva (GMSCs)" reads as "human gingiva stem cells"."""
    if "of" not in candidate and "from" not in candidate:
        return None  # `_FROM_THE` cannot match (about half the candidates): no scan
    for m in reversed(list(_FROM_THE.finditer(candidate))):
        head_end = m.start()
        tail = candidate[m.end() :]
        head_start = _words_before(candidate, head_end, 4)
        # The head is one noun phrase: it starts after a coordinator, so "GMSC-Exo or with
        # lipopolysaccharide from Porphyromonas gingivalis (P.g-LPS)" (R84) reads as the
        # lipopolysaccharide alone and "and exosomes derived from human urine-derived stem
        # cells (USCEXOs)" (R51) leaves out the "and".
        for joint in _COORDINATOR.finditer(candidate, head_start, head_end):
            head_start = joint.end()
        head = candidate[head_start:head_end]
        if not tail.strip() or not head.strip():
            continue
        offset = match_long_form(short, f"{tail} {head}")
        # The short form's first letter opens the tissue words and the head's first word
        # gives one of its later letters; the long form then runs from the head on.
        if offset is not None and offset < len(tail) and head.lower()[0] in short.lower()[1:]:
            return head_start
        return None
    return None


def _words_before(text: str, end: int, count: int) -> int:
    """Offset of the start of the `count`-th word before `end` (stopping at clause marks)."""
    # A word is a run of characters other than spaces and parentheses. With the parentheses
    # made spaces (offsets unchanged), `rsplit` reads only the words needed from the end,
    # faster than a regex whose first character is a set.
    # A short window first (about 64 of the 400 characters are read on average): when it
    # holds more than `count` words, its last `count` words are those of the whole window.
    size = _SHORT_WINDOW * count if count < _WINDOW // _SHORT_WINDOW else _WINDOW
    while True:
        window = text[max(0, end - size) : end]
        if "(" in window or ")" in window:
            window = window.replace("(", " ").replace(")", " ")
        words = window.rsplit(None, count)
        if len(words) > count or size >= _WINDOW or len(window) < size:
            break
        size = _WINDOW
    base = end - len(window)
    start = end
    at = len(window)
    # Nearest word first; a word holds no space, so its nearest occurrence is itself.
    for word in reversed(words[max(0, len(words) - count) :]):
        at = window.rfind(word, 0, at)
        last = word[-1]
        word_end = base + at + len(word)
        if last in ";:." and word_end < end - 1:
            break
        start = base + at
        if last == ",":
            start = word_end
            break
    return start


def _word_ending_at(text: str, end: int) -> tuple[int, int] | None:
    """(start, end) of the run of non-space, non-bracket characters that ends the text at `end`
    (a final newline set aside), or None."""
    if end and text[end - 1] == "\n":
        end -= 1
    start = end
    while start > 0 and not (text[start - 1].isspace() or text[start - 1] in "()"):
        start -= 1
    return (start, end) if start < end else None


def find_abbreviations(text: str) -> list[Abbreviation]:
    """Every definition in `text`, in text order."""
    found: list[Abbreviation] = []
    for paren in _PAREN.finditer(text):
        inner = paren.group(1)
        inner_start = paren.start(1)
        before_end = paren.start()
        while before_end > 0 and text[before_end - 1] == " ":
            before_end -= 1
        # Most parentheses hold one item: the regex is run only when there are several.
        if "," in inner or ";" in inner:
            items = [(m.group().strip(), inner_start + m.start()) for m in _ITEM.finditer(inner)]
        else:
            items = [(inner.strip(), inner_start)]
        for item, item_start in items:
            item_start = text.find(item, item_start)
            if _valid_short(item):
                limit = min(len(item) + 5, 2 * len(item))
                start = _words_before(text, before_end, limit)
                candidate = text[start:before_end]
                offset = match_long_form(item, candidate)
                if offset is None:
                    offset = _inverted_long_form(item, candidate)
                if (
                    offset is not None
                    and candidate[offset:].strip()
                    and len(candidate[offset:]) > len(item)
                ):
                    long_start = start + offset
                    found.append(
                        Abbreviation(
                            item,
                            text[long_start:before_end],
                            item_start,
                            item_start + len(item),
                            long_start,
                            before_end,
                        )
                    )
                    break
        else:
            # SF (long form): the word before the parenthesis is the short form.
            word = _word_ending_at(text, before_end)
            short = text[word[0] : word[1]] if word else ""
            if word and _valid_short(short) and " " in inner.strip():
                offset = match_long_form(short, inner)
                if offset is not None and offset < 3:
                    found.append(
                        Abbreviation(
                            short,
                            inner[offset:].strip(),
                            word[0],
                            word[1],
                            inner_start + offset,
                            paren.end(1),
                        )
                    )
    return found
