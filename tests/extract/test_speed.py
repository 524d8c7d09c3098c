"""Pre-checks added for speed never change what a pattern finds (seeded, so a failure repeats)."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from exobone.extract import cells_rules, direction_rules
from exobone.extract.cues import Cue, CueHits
from exobone.extract.scanning import Gate, Relaxed, relaxed_pattern, shared_heads
from exobone.ingest import read_records
from exobone.lexicon import Lexicon, Matcher
from exobone.lexicon.loader import fold
from exobone.model import Record

DEMO = Path(__file__).resolve().parents[2] / "examples" / "exosome_bone_bibliography.txt"


def test_relaxed_pattern_starts_each_alternative_at_its_first_literal() -> None:
    assert relaxed_pattern(r"\bsevs?\b|\w+-exos?\b|vesicles?") == (
        r"sevs?\b|-exos?\b|vesicles?",
        False,  # "\w+" dropped: a match of the pattern starts before the relaxed one's
    )
    assert relaxed_pattern(r"(?<![\w-])ac|\bd") == ("ac|d", True)
    assert relaxed_pattern(r"^[\s,]*(?:\w+\s+){0,6}?(?:was|were)") == ("was|were", False)
    assert relaxed_pattern(r"[a-z]\.x") == (r"\.x", False)
    assert relaxed_pattern(r"(?:a|b)+c") == ("c", False)
    # an alternative opening with a group of alternatives is relaxed per alternative
    assert relaxed_pattern(r"\b(?:this|our) x|\by") == ("this x|our x|y", True)
    assert relaxed_pattern(r"(?<![\w-])(?:(?:nano)?vesicles?|[A-Z]+-EVs?)(?![\w-])") == (
        r"vesicles?(?![\w-])|-EVs?(?![\w-])",
        False,
    )
    # no literal to start from: the class that starts every match, when nothing but zero-width
    # items comes before it
    assert relaxed_pattern(r"(?<![A-Za-z])\d(?:[\d.,]|x10)*\s*$") == (
        r"\d(?:[\d.,]|x10)*\s*$",
        True,
    )


@pytest.mark.parametrize(
    "pattern",
    [
        r"vesicles?|exosomes", r"(\w)\1x", r"\w+|foo", r"\b\w+\b", r"\x41b",
        r"\b[^a]\s", r"\b\d?\s", r"\b\d+\s",
    ],  # fmt: skip
)
def test_no_relaxed_pattern_where_it_would_drop_nothing_or_everything(pattern: str) -> None:
    """Nothing to drop, a back reference (its group may be dropped), an alternative that would
    be left empty (no literal, and no class that starts every match: negated, optional or
    repeated), or an escape that is not read: no relaxed pattern."""
    assert relaxed_pattern(pattern) is None


_PIECES = [
    r"\b", r"\w+", r"\w*", r"[a-z0-9]+", r"[^,;]", r"s?", r"(?:the\s+)?", r"(?<![\w-])", r"(?=e)",
    r"ex", r"o", r"-", r"evs?", r"\s+", r"(?:a|an)", r"(?:in|on)\s+", r"\d+", r"x{1,2}", r".",
    r"(?:\w+\s+){0,2}", r"$", r"^", r"\.", r"[ -]",
]  # fmt: skip
_WORDS = ["ex", "exo", "evs", "a", "an", "in", "on", "the", "x", "xx", "-", ".", "7", "s", "e"]
_GAPS = ["", " ", "-", ",", ";", "  ", "."]


def test_shared_heads_match_where_the_alternatives_do() -> None:
    """Alternatives opening with the same literal character share it; a repeated character, an
    escape standing for a class, a class and a last character are not shared. The alternation
    matches at the offsets where one of the alternatives does."""
    assert shared_heads(["in x", "in y", "here"]) == "i(?:n(?: (?:x|y)))|here"
    branches = [r"as?", "ab", r"\bc", r"\.x", r"\.y", "[a]b", "d", "dd", r"\dd", r"\dx"]
    shared = shared_heads(branches)
    assert shared == r"a(?:s?|b)|\bc|\.(?:x|y)|[a]b|d|dd|\dd|\dx"
    rng = random.Random(7)
    for _ in range(500):
        branches = [
            "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 4)))
            for _ in range(rng.randint(2, 6))
        ]
        try:
            regex = re.compile("|".join(branches))
        except re.error:
            continue
        text = "".join(rng.choice(_WORDS) + rng.choice(_GAPS) for _ in range(rng.randint(0, 8)))
        shared_regex = re.compile(shared_heads(branches))
        starts = [i for i in range(len(text) + 1) if regex.match(text, i)]
        assert starts == [i for i in range(len(text) + 1) if shared_regex.match(text, i)]


def _with_relaxed(pattern: str) -> tuple[re.Pattern[str], Relaxed] | None:
    """A random pattern and its relaxed form; None when it does not compile or has none."""
    try:
        regex = re.compile(pattern)
    except re.error:
        return None
    relaxed = Relaxed.of(pattern, 0)
    return None if relaxed is None else (regex, relaxed)


def _random_text(rng: random.Random, words: list[str]) -> tuple[str, int, int]:
    """A text of up to eight random words and gaps, and a random slice (pos, end) of it."""
    text = "".join(rng.choice(words) + rng.choice(_GAPS) for _ in range(rng.randint(0, 8)))
    pos = rng.randint(0, len(text))
    return text, pos, rng.randint(pos, len(text))


def _assert_same_matches(
    regex: re.Pattern[str], relaxed: Relaxed, text: str, pos: int, end: int
) -> re.Match[str] | None:
    """The relaxed search and iteration find the pattern's own matches in text[pos:end];
    returns the pattern's first match there."""
    found = regex.search(text, pos, end)
    got = relaxed.search(regex, text, pos, end)
    assert (got and (got.span(), got.groups())) == (
        found and (found.span(), found.groups())
    ), (regex.pattern, text, pos, end)
    assert [m.span() for m in relaxed.finditer(regex, text, pos, end)] == [
        m.span() for m in regex.finditer(text, pos, end)
    ], (regex.pattern, text, pos, end)
    return found


def test_a_relaxed_search_finds_what_the_pattern_finds() -> None:
    """The relaxed pattern matches wherever its pattern does, and a search through it (from
    its matches' starts when aligned, from the word before its first match when only word
    characters were dropped) finds the pattern's own first match and its later ones, and so
    does its `finditer`."""
    rng = random.Random(17)
    checked = aligned = word_start = 0
    for _ in range(3000):
        branches = [
            "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 5)))
            for _ in range(rng.randint(1, 3))
        ]
        pattern = "|".join(branches)
        both = _with_relaxed(pattern)
        if both is None:
            continue
        regex, relaxed = both
        for _ in range(20):
            text, pos, end = _random_text(rng, _WORDS)
            found = _assert_same_matches(regex, relaxed, text, pos, end)
            if found:
                assert relaxed.regex.search(text, pos, end), (pattern, text, pos, end)
                checked += 1
                aligned += relaxed.aligned
                word_start += relaxed.word_start
            start = relaxed.first_start(text, pos, end)
            every = [m.span() for m in regex.finditer(text, pos, end)]
            assert (every == []) if start < 0 else every == [
                m.span() for m in regex.finditer(text, start, end)
            ], (pattern, text, pos, end)
    assert checked > 300 and aligned > 50 and word_start > 50


def test_a_relaxed_search_starts_at_the_run_a_leading_class_group_may_match() -> None:
    """A group that only holds a repeated class ("([\\w/]++)-induced": a stimulus glued to its
    participle) is dropped like the class itself, and the exact pattern is searched from the run
    of the characters that class may match before the relaxed match: the same matches as the
    pattern's own search and iteration (seeded random patterns and texts)."""
    relaxed = Relaxed.of(r"([\w/]++)-(induced|treated)\b", 0)
    assert relaxed is not None and relaxed.word_start and relaxed.others == frozenset("/")
    assert relaxed.regex.pattern == r"-(induced|treated)\b"
    heads = [r"([\w/]++)", r"(?:[\w/-]+)", r"([a-z/]+)", r"(\w*)", r"([\w.]+)"]
    words = ["ex", "a/b", "x", "-", "evs", "7/", "/", "a.b", "in"]
    rng = random.Random(23)
    checked = 0
    for _ in range(3000):
        pattern = rng.choice(heads) + "".join(rng.choice(_PIECES[9:]) for _ in range(2))
        both = _with_relaxed(pattern)
        if both is None:
            continue
        regex, relaxed = both
        for _ in range(20):
            found = _assert_same_matches(regex, relaxed, *_random_text(rng, words))
            checked += found is not None and relaxed.word_start
    assert checked > 100


@pytest.mark.parametrize(
    "gate",
    [g for engine in (direction_rules.ENGINE, cells_rules.ENGINE) for g in engine.gates],
    ids=lambda g: g.regex.pattern[:30],
)
def test_every_rule_gate_relaxes_soundly(gate: Gate) -> None:
    """The relaxed pre-check of each rule passes each sentence of the demo texts the rule
    matches in."""
    if gate.relaxed is None or gate.folded is None:
        return
    for record in read_records(DEMO):
        if not isinstance(record, Record) or not record.abstract:
            continue
        for piece in re.split(r"(?<=\.) ", fold(record.abstract)):
            if gate.folded.search(piece):
                assert gate.relaxed.regex.search(piece), (gate.regex.pattern, piece)


def test_gapped_patterns_with_and_without_texts_are_all_searched() -> None:
    """The gapped patterns' texts are looked for in one pass; a pattern without any is still
    searched in every text."""
    lexicon = Lexicon()
    lexicon.add("bone", {("tissues", "bone")})
    lexicon.gapped = [
        (r"calvari(?:al|a|um) (?:[a-z]+ ){0,3}defects?", (("animal_models", "calvarial_defect"),)),
        (r"(?:a|b) x", (("assays", "ab_x"),)),
        (r"femoral (?:[a-z]+ ){0,2}defects?", (("animal_models", "femoral_defect"),)),
    ]
    matcher = Matcher(lexicon)
    text = "A calvarial bone defect, b x and a femoral condyle defect; calvaria defects."
    found = [(text[start:end], entries[0][1]) for start, end, entries in matcher.candidates(text)]
    assert found[1:] == [
        ("calvarial bone defect", "calvarial_defect"),
        ("calvaria defects", "calvarial_defect"),
        ("b x", "ab_x"),
        ("femoral condyle defect", "femoral_defect"),
    ]
    assert matcher.candidates("no such words here") == []


def test_one_needle_pass_answers_each_cue_as_its_own_pass_would() -> None:
    """`CueHits` (one pass over a text for every cue) says a cue may match in a range exactly
    when one of the cue's needles lies wholly inside it, and searches given it find what
    searches without it find (seeded random texts made of the cues' needles)."""
    cues = [
        Cue(r"\b(?:clinical trials?|phase [i1-3]+|pilot stud(?:y|ies)|patients? (?:with|had))"),
        Cue(r"\b(?:we (?:found|showed)|this review|review article|meta-analys[ie]s)\b"),
        Cue(r"(?:trial|review|pilot|found|showed|with)s?\b|\btrial"),  # shares needles
    ]
    assert all(cue.id >= 0 for cue in cues)  # each has more needles than str.find serves
    words = sorted({n for cue in cues for n in cue.needles}) + ["x", " ", ".", "in", "the"]
    rng = random.Random(23)
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 12)))
        low = text.lower()
        hits = CueHits(low)
        for cue in cues:
            for _ in range(6):
                pos = rng.randint(0, len(low))
                end = rng.randint(pos, len(low))
                inside = any(needle in low[pos:end] for needle in cue.needles)
                assert hits.may_match(cue.id, pos, end) == inside, (cue.pattern, text, pos, end)
                with_hits = cue.search(text, low, pos, end, hits)
                without = cue.search(text, low, pos, end)
                assert (with_hits and with_hits.span()) == (without and without.span())


def test_a_cue_made_after_a_needle_pass_makes_its_own() -> None:
    """Hits made before a cue existed do not know its needles: the cue then searches itself."""
    text = "A randomised trial of vesicles in knee osteoarthritis."
    hits = CueHits(text.lower())
    late = Cue(r"\b(?:randomi[sz]ed|placebo|double-blind) trial")
    assert late.id >= hits.known
    found = late.search(text, text.lower(), hits=hits)
    assert found is not None and found.group() == "randomised trial"
    assert CueHits(text.lower()).may_match(late.id, 0, len(text))  # a new pass knows it


def test_the_lexicon_pass_finds_the_cue_needles_as_their_own_pass_does() -> None:
    """The lexicon's pass over a section also gives its cues' needles (keyed under their
    folded form, checked where the folded text cannot tell a hyphen from a space): the same
    `CueHits` as the cues' own pass, on seeded random texts of needles written with hyphens,
    spaces, underscores and capitals; a cue made after the matcher searches itself."""
    hyphened = Cue(r"\b(?:co-cultur\w*|in vivo work|well_plate|pre-treated with)")
    matcher = Matcher(Lexicon())
    late = Cue(r"\b(?:late cue|after the matcher|not (?:keyed|known))")
    assert hyphened.id < matcher.cues_known <= late.id
    words = ["co-culture", "co culture", "co_culture", "In-Vivo work", "in vivo work", "well plate"]
    words += ["well_plate", "Pre-treated with", "pre treated with", "late cue", "not known"]
    words += ["-", "x"]
    rng = random.Random(29)
    for _ in range(300):
        text = rng.choice(["", " ", "-"]).join(rng.choice(words) for _ in range(rng.randint(0, 9)))
        found: list[list[int] | None] = [None] * matcher.cues_known
        matcher.candidates(text, needles=found)
        low = text.lower()
        merged, own = CueHits(low, found, matcher.cues_known), CueHits(low)
        assert merged.known == matcher.cues_known
        for _ in range(6):
            pos = rng.randint(0, len(text))
            end = rng.randint(pos, len(text))
            assert merged.may_match(hyphened.id, pos, end) == own.may_match(hyphened.id, pos, end)
            for cue in (hyphened, late):
                with_hits = cue.search(text, low, pos, end, merged)
                without = cue.search(text, low, pos, end)
                assert (with_hits and with_hits.span()) == (without and without.span())
    found = [None] * matcher.cues_known
    matcher.candidates("Co-culture in vivo wörk", needles=found)
    assert found == [None] * matcher.cues_known  # not ASCII: `fold` and `str.lower` may differ


def test_a_whole_text_cue_tries_its_pattern_only_where_a_match_can_start() -> None:
    """A whole-text cue given a section's hits (its own pass's or the lexicon's) tries its
    pattern only where one of its literal starts lies, and finds what the pattern's own
    IGNORECASE search finds (seeded random texts of its starts and words, with capitals,
    hyphens and spaces)."""
    cue = Cue(
        r"\b(?:in (?:this|our) study|we (?:found|co-cultured)|(?:was|were) (?:used|seeded))\b"
        r"|p ?< ?0\.\d",
        whole_text=True,
    )
    matcher = Matcher(Lexicon())
    assert 0 <= cue.id < cue.start_id < matcher.cues_known
    words = ["In this study", "in our study", "we found", "We co-cultured", "we co cultured"]
    words += ["was used", "WERE seeded", "p<0.05", "p < 0.01", "we", "in", "this", "x", "-"]
    rng = random.Random(37)
    checked = 0
    for _ in range(400):
        joint = rng.choice([" ", "  ", "-", ", ", ""])
        text = joint.join(rng.choice(words) for _ in range(rng.randint(0, 8)))
        low = text.lower()
        found: list[list[int] | None] = [None] * matcher.cues_known
        matcher.candidates(text, needles=found)
        for hits in (CueHits(low), CueHits(low, found, matcher.cues_known)):
            for _ in range(4):
                pos = rng.randint(0, len(text))
                end = rng.randint(pos, len(text))
                got = cue.search(text, low, pos, end, hits)
                want = cue.pattern.search(text, pos, end)
                assert (got and (got.span(), got.group())) == (
                    want and (want.span(), want.group())
                ), (text, pos, end)
                checked += want is not None
    assert checked > 300


def test_gene_symbols_read_over_shapes_are_those_read_over_the_text() -> None:
    """`_GENE_SHAPES` read over an ASCII text's shapes (capital "A", small "a", digit "0")
    after a space finds, with the same groups, the matches of `_GENE` over the text that do
    not follow a letter, digit or hyphen (the only ones `find_gene_symbols` keeps); a match
    opens with that space (seeded random texts)."""
    from exobone.extract.patterns import _GENE, _GENE_SHAPES, _RUN_CHARS, _SHAPES

    def in_text(span: tuple[int, int]) -> tuple[int, int]:
        """A span of the shapes after a space as a span of the text."""
        return span if span[0] < 0 else (span[0] - 1, span[1] - 1)

    pieces = ["SIRT1", "MMP-13", "Runx2", "Sox9a1", "IL-6", "The", "PRKCD", "x", "-", " ", "(", "9"]
    pieces += ["hBMSCs", "aB", "1A"]
    rng = random.Random(31)
    kept_some = 0
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        shapes = b" " + text.encode("ascii").translate(_SHAPES)
        read = [
            [(m.start(), m.end() - 1)] + [in_text(m.span(i)) for i in range(1, 5)]
            for m in _GENE_SHAPES.finditer(shapes)
        ]
        want = [
            [m.span(i) for i in range(5)]
            for m in _GENE.finditer(text)
            if not (m.start() and text[m.start() - 1] in _RUN_CHARS)
        ]
        assert read == want, text
        kept_some += bool(want)
    assert kept_some > 400


def test_prefixed_cells_read_over_shapes_are_those_read_over_the_text() -> None:
    """The species-prefixed words `_PREFIXED` finds in an ASCII text, not after a letter or
    digit, are found over its shapes too, at the same offsets (seeded random texts)."""
    from exobone.extract.patterns import (
        _ALNUM_SET,
        _SHAPES,
        _prefixed_over_shapes,
        _prefixed_over_text,
    )

    def kept(found: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
        return [(s, e) for s, e in found if not s or text[s - 1] not in _ALNUM_SET]

    pieces = ["hBMSCs", "hiPSC", "HiPSC", "H", "h", "i", "r", "m", "p", "P", "MSC", "rBM-MSCs",
              "mi", "miR", "pH", "x", "-", " ", "(", "9", "s", "Hi", "hi", "ihB"]  # fmt: skip
    rng = random.Random(37)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        over_text = kept(_prefixed_over_text(text), text)
        shapes = text.encode("ascii").translate(_SHAPES)
        assert kept(_prefixed_over_shapes(text, shapes), text) == over_text, text


def test_glued_suffixes_found_by_find_are_those_of_their_former_regexes() -> None:
    """`str.find` gives the glued vesicle suffixes that a regex per suffix gave (a suffix,
    maybe plural, not followed by a letter or digit, after a letter, digit or hyphen)."""
    from exobone.extract.patterns import _RUN_CHARS, _SUFFIXES, _suffix_hits

    regexes = [re.compile(s + r"s?(?![A-Za-z0-9])") for s in _SUFFIXES]
    pieces = ["exo", "Exo", "EXO", "EV", "EVs", "s", "exosomes", "MSC", "-", " ", "3T3", "x", "E"]
    rng = random.Random(41)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        expected = sorted(
            m.span()
            for regex in regexes
            for m in regex.finditer(text)
            if m.start() and text[m.start() - 1] in _RUN_CHARS
        )
        assert _suffix_hits(text) == expected, text


def test_a_window_without_the_bare_symbol_cues_required_texts_holds_no_cue() -> None:
    """`_bare_symbol_ok` searches `_BARE_BEFORE` only in a window that holds one of its
    required texts (lower-cased): every ASCII text in which it matches holds one (seeded
    random texts of its words, in any case, with hyphens and spaces)."""
    from exobone.extract.patterns import _BARE_BEFORE, _BARE_BEFORE_TEXTS

    pieces = ["target", "Targeted", "suppressing", "inhibits", "activating", "silencing",
              "knock", "Knocking", "down", "-", " ", "overexpressing", "Down", "up", "regulated",
              "expression", "LEVELS", "level", "phosphorylation", "of", "the", "x", "\t",
              ]  # fmt: skip
    rng = random.Random(43)
    matched = 0
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 9)))
        if _BARE_BEFORE.search(text):
            matched += 1
            assert any(needed in text.lower() for needed in _BARE_BEFORE_TEXTS), text
    assert matched >= 100  # (126)
