"""Cue: the fast case-insensitive search must find exactly what re.IGNORECASE finds."""

import importlib
import pkgutil
import random
import re
import sys

import pytest

import exobone.extract
from exobone.extract import context
from exobone.extract.cues import Cue

PATTERN = r"\b(?:in vivo|we (?:found|isolated)|(\d+)\s*(days?|weeks?))\b"
WORDS = ["In", "vivo", "IN VIVO", "We", "found", "wE", "ISOLATED", "3", "Days", "week", "x",
         ",", "invivo", "µg", "3days", "WEEKS", "(", ")"]  # fmt: skip


def _texts(count: int) -> list[str]:
    rng = random.Random(5)
    return [" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 12))) for _ in range(count)]


def test_matches_are_those_of_ignorecase_with_original_case():
    cue = Cue(PATTERN)
    plain = re.compile(PATTERN, re.IGNORECASE)
    for text in _texts(400):
        want = [(m.span(), m.group(), m.groups()) for m in plain.finditer(text)]
        got = [(m.span(), m.group(), m.groups()) for m in cue.finditer(text)]
        assert got == want, text
        first = plain.search(text)
        found = cue.search(text, text.lower())
        assert (found and found.span()) == (first and first.span())


def test_window_search_sees_neighbours_like_the_regex():
    cue = Cue(r"\bin vivo\b")
    text = "Tested in vivo. Then xin vivo and In Vivo again."
    assert cue.search(text, None, 16).group() == "In Vivo"
    assert cue.search(text, None, 16, 30) is None  # "xin vivo" is not a word start
    assert [m.start() for m in cue.finditer(text, text.lower(), 0, 14)] == [7]


def test_match_is_the_ignorecase_match_at_the_offset():
    cue = Cue(r"\s*(?:were|was)\s+loaded\b")
    text = "Exosomes WERE Loaded into gels; EVs were loadedx there."
    assert cue.match(text, text.lower(), 8).group() == " WERE Loaded"
    assert cue.match(text, text.lower(), 8, 15) is None  # the window cuts the words
    assert cue.match(text, None, 35) is None  # "loadedx" is not the word
    assert cue.match(text, None, 0) is None  # a match elsewhere is not one at the offset


def test_non_ascii_text_takes_the_plain_search():
    cue = Cue(r"\bsummari[sz]e\b")
    text = "We ſummarise the data"  # long s folds to s only under re.IGNORECASE
    assert cue.search(text) is not None
    assert cue.search(text).group() == "ſummarise"


def test_uppercase_patterns_are_refused():
    with pytest.raises(ValueError):
        Cue(r"\bEVs\b")
    assert Cue(r"\S+\W") is not None  # escapes may be uppercase


def test_a_cue_keeps_nothing_of_the_texts_it_searched():
    """Cues are shared by every document: per-document state (a memo of the last text) would
    keep that text alive and tie one document's answers to another's."""
    cue = Cue(r"\bin vivo\b")
    text = "Tested in vitro only, then in a second assay."
    low = text.lower()
    before = sys.getrefcount(low)
    assert cue.search(text, low) is None
    assert list(cue.finditer(text, low, 10)) == []
    assert sys.getrefcount(low) == before


def test_needles_are_read_from_the_pattern():
    """A widened pattern widens its pre-check: no needle list is kept beside it."""
    cue = Cue(r"\bin vivo\b|\bin (?:mice|rats)\b")
    assert cue.needles == ("in mice", "in rats", "in vivo")
    assert cue.search("Tested In Rats only").group() == "In Rats"
    assert Cue(r"\b\d+\s*[dh]\b").needles == ()  # nothing worth looking for: always searched


def _extractor_cues() -> list[tuple[str, Cue]]:
    """Every Cue of the extractor's modules (module attributes and the rows of tuples)."""
    found: list[tuple[str, Cue]] = []
    for info in pkgutil.iter_modules(exobone.extract.__path__):
        module = importlib.import_module(f"exobone.extract.{info.name}")
        for name, value in vars(module).items():
            items = [value] if isinstance(value, Cue) else []
            if isinstance(value, tuple):
                rows = [r if isinstance(r, tuple) else (r,) for r in value]
                items = [item for row in rows for item in row if isinstance(item, Cue)]
            found += [(f"{info.name}.{name}", cue) for cue in items]
    # and the cues of the lexicon's rows
    found += [(f"implied_conditions.{label}", cue) for cue, _, label in context._implied_rules()]
    return found


NOISE = ["the", "of", "and", "was", "were", "we", "in", "this", "study", "2", "0.05", "p", "<",
         "(", ")", ",", ".", "-", "ſ", "é", "cells", "exosomes", "days"]  # fmt: skip


def _cue_texts(cue: Cue, seed: str, count: int = 200) -> list[str]:
    """Texts of the cue's own words (alone and in runs of the pattern's order) and needles,
    noise and separators, in mixed case."""
    plain = re.sub(r"\\[a-zA-Z]|\(\?[:=!<]+|[?*+{}\[\]()|^$]", " ", cue.pattern.pattern)
    own = re.findall(r"[\w'/<=.-]+", plain)
    runs = [" ".join(own[i : i + n]) for n in (2, 3, 4) for i in range(len(own))]
    words = own + runs + list(cue.needles)
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 16)):
            word = rng.choice(words) if rng.random() < 0.6 else rng.choice(NOISE)
            case = rng.random()
            word = word.upper() if case < 0.1 else word.capitalize() if case < 0.2 else word
            parts += [word, rng.choice([" ", " ", " ", "", ", ", "-"])]
        texts.append("".join(parts))
    return texts


CUES = _extractor_cues()


def test_every_extractor_cue_is_found():
    assert len(CUES) >= 15  # the walk above reaches the modules' cues


@pytest.mark.parametrize(("name", "cue"), CUES, ids=[name for name, _ in CUES])
def test_every_cue_finds_what_its_pattern_finds(name: str, cue: Cue):
    plain = cue.pattern
    matched = 0
    for text in _cue_texts(cue, name):
        want = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in cue.finditer(text)] == want, text
        low = text.lower()
        middle = len(text) // 3
        first = plain.search(text, middle)
        got = cue.search(text, low, middle)
        assert (got and got.span()) == (first and first.span()), text
        at = first.start() if first else middle
        here = plain.match(text, at, at + 40)
        got = cue.match(text, low, at, at + 40)
        assert (got and got.span()) == (here and here.span()), text
        # a window that ends after a word, as those before a mention do ("loaded with |")
        cut = text.rfind(" ", 0, 2 * len(text) // 3) + 1
        before = plain.search(text, 0, cut)
        got = cue.search(text, low, 0, cut)
        assert (got and got.span()) == (before and before.span()), text
        matched += bool(want) or before is not None
    assert matched >= 1  # the texts exercise the pattern (most cues match far more often)
