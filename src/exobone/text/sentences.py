"""Split cleaned text into sentences with their character offsets.

Abstracts are regular enough that a boundary rule does: a sentence ends at `.`, `!` or `?`
followed by a space and then an uppercase letter, a digit or an opening bracket, unless the
period belongs to a known abbreviation ("et al.", "e.g.", "Fig.") or a single initial.
Structured-abstract headings ("METHODS:") start a new sentence even without a period.
"""

from __future__ import annotations

import re
from typing import Final

from exobone.text.calls import match_start

__all__ = ["split_sentences"]

_NOT_ENDS: Final = frozenset(
    [
        "al",
        "e.g",
        "i.e",
        "vs",
        "fig",
        "figs",
        "approx",
        "ca",
        "no",
        "nos",
        "resp",
        "cf",
        "dr",
        "mr",
        "ms",
        "st",
        "sp",
        "spp",
        "var",
        "eq",
        "ref",
        "refs",
        "inc",
        "ltd",
        "co",
        "corp",
        "jr",
        "sr",
        "ph.d",
    ]
)
# Starts at the end mark (not after it, behind a lookbehind) so that the regex engine can skip
# ahead to the next mark; the cut is one character further. Most texts end sentences only with
# periods, and a literal first character is found far faster than one of a set.
_AFTER_MARK: Final = r"[\"')\]]*\s+(?=[\"'(\[]?(?:[A-Z0-9]|[a-z]{1,4}[A-Z]))"
_BOUNDARY: Final = re.compile(r"[.!?]" + _AFTER_MARK)
_PERIOD_BOUNDARY: Final = re.compile(r"\." + _AFTER_MARK)
# A heading is one of these words before a colon (spaces between allowed). Each colon is
# looked at, rather than searching for the headings: a regex whose first character is one of
# a set is slow to walk the text.
_HEADINGS: Final = (
    "BACKGROUND", "OBJECTIVE", "OBJECTIVES", "AIM", "AIMS", "PURPOSE", "INTRODUCTION", "METHOD",
    "METHODS", "MATERIALS AND METHODS", "DESIGN", "RESULT", "RESULTS", "FINDINGS", "CONCLUSION",
    "CONCLUSIONS", "SIGNIFICANCE", "INTERPRETATION", "STATEMENT OF SIGNIFICANCE",
)  # fmt: skip
_BEFORE_HEADING: Final = frozenset("abcdefghijklmnopqrstuvwxyz0123456789)]%.")
_WORD_CHARS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."


def _ends_sentence(text: str, cut: int) -> bool:
    """Whether the period before `cut` really ends a sentence."""
    head = text[max(0, cut - 12) : cut]  # `cut` follows the end mark: nothing to strip
    if not head.endswith("."):
        return True
    # The word before the period: the letters and periods that end `head`, from the first
    # letter on (stripping is cheaper than an end-anchored regex, which tries every offset).
    word = head[len(head.rstrip(_WORD_CHARS)) :].lstrip(".")
    if not word:
        return True
    token = word[:-1].lower().rstrip(".")
    if token in _NOT_ENDS:
        return False
    # A capital glued to a digit ends a gene symbol, not a name: "... targeting WNT5A. This"
    # (R93), "... by inhibiting KDM5A. KDM5A inhibited ..." (Front Cell Dev Biol 2021)
    glued = len(head) > len(word) and head[-len(word) - 1].isdigit()
    return not (len(token) == 1 and token.isalpha() and head[-2:-1].isupper() and not glued)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text`, whitespace excluded, in order."""
    boundary = _BOUNDARY if "!" in text or "?" in text else _PERIOD_BOUNDARY
    cuts: set[int] = set()
    for m in boundary.finditer(text):
        cut = match_start(m) + 1
        if _ends_sentence(text, cut):
            cuts.add(cut)
    colon = text.find(":")
    while colon >= 0:
        end = colon
        while end and text[end - 1].isspace():
            end -= 1
        if text.endswith(_HEADINGS, 0, end):
            # the cut goes before the longest heading (the leftmost start a search would find)
            heading = min(end - len(h) for h in _HEADINGS if text.endswith(h, 0, end))
            cut = heading
            while cut and text[cut - 1].isspace():
                cut -= 1
            if cut < heading and cut and text[cut - 1] in _BEFORE_HEADING:
                cuts.add(cut)
        colon = text.find(":", colon + 1)
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in sorted(cuts) + [len(text)]:
        s, e = start, cut
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        start = cut
    return spans
