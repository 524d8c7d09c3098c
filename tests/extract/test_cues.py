"""Cue: the fast case-insensitive search must find exactly what re.IGNORECASE finds."""

import random
import re
import sys

import pytest

from exobone.extract.cues import Cue

PATTERN = r"\b(?:in vivo|we (?:found|isolated)|(\d+)\s*(days?|weeks?))\b"
WORDS = ["In", "vivo", "IN VIVO", "We", "found", "wE", "ISOLATED", "3", "Days", "week", "x",
         ",", "invivo", "µg", "3days", "WEEKS", "(", ")"]  # fmt: skip


def _texts(count: int) -> list[str]:
    rng = random.Random(5)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 12))) for _ in range(count)]


def test_matches_are_those_of_ignorecase_with_original_case():
    cue = Cue(PATTERN, needles=("vivo", "we ", "day", "week"))
    plain = re.compile(PATTERN, re.IGNORECASE)
    for text in _texts(400):
        want = [(m.span(), m.group(), m.groups()) for m in plain.finditer(text)]
        got = [(m.span(), m.group(), m.groups()) for m in cue.finditer(text)]
        assert got == want, text
        first = plain.search(text)
        found = cue.search(text, text.lower())
        assert (found and found.span()) == (first and first.span())


def test_window_search_sees_neighbours_like_the_regex():
    cue = Cue(r"\bin vivo\b", needles=("in vivo",))
    text = "Tested in vivo. Then xin vivo and In Vivo again."
    assert cue.search(text, None, 16).group() == "In Vivo"
    assert cue.search(text, None, 16, 30) is None  # "xin vivo" is not a word start
    assert [m.start() for m in cue.finditer(text, text.lower(), 0, 14)] == [7]


def test_non_ascii_text_takes_the_plain_search():
    cue = Cue(r"\bsummari[sz]e\b", needles=("summari",))
    text = "We ſummarise the data"  # long s folds to s only under re.IGNORECASE
    assert cue.search(text) is not None
    assert cue.search(text).group() == "ſummarise"


def test_uppercase_patterns_and_needles_are_refused():
    with pytest.raises(ValueError):
        Cue(r"\bEVs\b")
    with pytest.raises(ValueError):
        Cue(r"\bevs\b", needles=("EV",))
    assert Cue(r"\S+\W") is not None  # escapes may be uppercase


def test_a_cue_keeps_nothing_of_the_texts_it_searched():
    """Cues are shared by every document: per-document state (a memo of the last text) would
    keep that text alive and tie one document's answers to another's."""
    cue = Cue(r"\bin vivo\b", needles=("in vivo",))
    text = "Tested in vitro only, then in a second assay."
    low = text.lower()
    before = sys.getrefcount(low)
    assert cue.search(text, low) is None
    assert list(cue.finditer(text, low, 10)) == []
    assert sys.getrefcount(low) == before
