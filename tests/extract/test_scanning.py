"""The scanning engine: its derived pre-checks never change what a rule finds.

Every gate and scanner of the extractor (both engines: direction's and the cell analysis') is
compared with its plain regex on texts generated from the rule's own words plus noise (seeded,
so a failure repeats).
"""

from __future__ import annotations

import contextlib
import random
import re

import pytest

from exobone.extract import cells_rules, direction_rules
from exobone.extract.pipeline import build_document
from exobone.extract.scanning import (
    Engine,
    EngineBuiltError,
    Gate,
    Scanner,
    folds_exactly,
    further_required,
    literal_starts,
    pre_check_texts,
    required_texts,
    tail_of,
)
from exobone.model import Record

ENGINES = (direction_rules.ENGINE, cells_rules.ENGINE)
NOISE = [
    "the", "of", "and", "was", "were", "is", "in", "by", "with", "not", "cells", "exosomes",
    "EVs", "bone", "IL-1β", "2", "(", ")", ",", ";", ":", ".", "-", "/", "ſ", "\u212a", "İ", "é",
    "a", "we", "that", "levels", "KO",
]  # fmt: skip
SEPARATORS = [" ", " ", " ", " ", "", "-", ", ", "  ", "\n", "-/-", "+"]
TEXTS_PER_RULE = 300


def _words_of(pattern: str) -> list[str]:
    """The plain words written in `pattern` and the texts the engine derives from it."""
    plain = re.sub(r"\\[a-zA-Z]|\(\?[:=!<]+|[?*+{}\[\]()|^$]", " ", pattern)
    words = re.findall(r"[\w'/-]+", plain)
    words += list(required_texts(pattern))
    with contextlib.suppress(ValueError):
        words += list(literal_starts(pattern))
    return [w for w in words if w.strip()]


def _texts(pattern: str, seed: str) -> list[str]:
    """Random texts of the rule's words, noise and separators, in mixed case."""
    rng = random.Random(seed)
    words = _words_of(pattern)
    texts = []
    for _ in range(TEXTS_PER_RULE):
        parts = []
        for _ in range(rng.randint(1, 14)):
            word = rng.choice(words) if words and rng.random() < 0.6 else rng.choice(NOISE)
            case = rng.random()
            word = word.upper() if case < 0.1 else word.capitalize() if case < 0.2 else word
            parts += [word, rng.choice(SEPARATORS)]
        texts.append("".join(parts))
    return texts


def _spans(matches: list[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def _read(match: re.Match[str] | None) -> object:
    """What a caller may read of a match: its span, groups (with their spans) and names."""
    if match is None:
        return None
    spans = [match.span(i) for i in range(len(match.groups()) + 1)]
    return spans, match.group(0), match.groups(), match.groupdict(), match.lastgroup


def _rules() -> list[tuple[str, Gate | Scanner]]:
    return [
        rule
        for engine in ENGINES
        for rule in [(f"gate:{g.regex.pattern[:50]}", g) for g in engine.gates]
        + [(f"scanner:{s.regexes[0].pattern[:50]}", s) for s in engine.scanners]
    ]


@pytest.mark.parametrize(("name", "rule"), _rules(), ids=[name for name, _ in _rules()])
def test_gated_search_equals_plain_search_on_generated_text(name: str, rule: Gate | Scanner):
    if isinstance(rule, Gate):
        regex = rule.regex
        for text in _texts(regex.pattern, name):
            found = regex.search(text)
            assert _spans([m for m in [rule.search(text)] if m]) == _spans(
                [m for m in [found] if m]
            ), text
            assert _spans(rule.finditer(text)) == _spans(list(regex.finditer(text))), text
            assert (rule.match(text) is None) == (regex.match(text) is None), text
            # the matches themselves, as a caller reads them, on the text and on its
            # lower-cased form (where a gate may give the folded copy's match)
            for variant in (text, text.lower()):
                assert _read(rule.search(variant)) == _read(regex.search(variant)), variant
                assert _read(rule.match(variant)) == _read(regex.match(variant)), variant
                assert list(map(_read, rule.finditer(variant))) == list(
                    map(_read, regex.finditer(variant))
                ), variant
            assert rule.sub("#", text) == regex.sub("#", text), text
            # `possible` rules out no text the regex matches in (nor do its alternatives' texts)
            assert found is None or rule.possible(text), text
            assert found is None or rule.possible(rule.engine.view_of(text)), text
            piece = text[len(text) // 3 :]  # a piece of the sentence, as the extractor asks
            assert (rule.search(piece, text) is None) == (regex.search(piece) is None), piece
        return
    # a scanner is the alternation of its regexes
    plain = re.compile(
        "|".join(f"(?P<r{i}>{r.pattern})" for i, r in enumerate(rule.regexes)), re.IGNORECASE
    )
    patterns = "|".join(r.pattern for r in rule.regexes)
    for text in _texts(patterns, name):
        view = rule.engine.view_of(text)
        expected = [(int(m.lastgroup[1:]), m.span()) for m in plain.finditer(text) if m.lastgroup]
        assert [(i, m.span()) for i, m in rule.finditer(view)] == expected, text
        first = plain.search(text)
        got = rule.first(view)
        assert (got and got.span()) == (first and first.span()), text
        each = rule.finditer_each(view)
        for i, regex in enumerate(rule.regexes):
            assert _spans(each.get(i, [])) == _spans(list(regex.finditer(text))), text


def test_generated_texts_exercise_the_rules() -> None:
    """The comparison above means something only if the rules match often enough."""
    matched = 0
    for name, rule in _rules():
        regexes = [rule.regex] if isinstance(rule, Gate) else rule.regexes
        pattern = "|".join(r.pattern for r in regexes)
        if any(r.search(text) for text in _texts(pattern, name) for r in regexes):
            matched += 1
    assert matched >= 0.8 * len(_rules())


def test_required_texts_are_read_from_the_pattern() -> None:
    assert required_texts(r"\bGW-?4869\b") == ("gw-4869", "gw4869")
    assert required_texts(r"(?:exosom\w*|EVs|vesicles)\b") == ("evs", "exosom", "vesicles")
    # a text holding another is implied by it; an alternative without one leaves none
    assert required_texts(r"(?:not|no|never)\s+x") == ("never", "no")
    assert required_texts(r"(?:^|,)\s*y") == ()
    assert required_texts(r"a\w+b") == ()  # too short to be worth looking for
    # read across an optional character, not cut short to the word before it
    assert required_texts(r"\bratios? of \w+") == ("ratio of ", "ratios of ")
    assert required_texts(r"\bcolou?r chart") == ("color chart", "colour chart")
    # a positive lookahead matches where it stands: the text holds the word and what follows
    assert required_texts(r"calvarial(?=/| and | or )") == (
        "calvarial and ", "calvarial or ", "calvarial/"
    )  # fmt: skip
    assert required_texts(r"(?<=wnt|bmp)\w+(?=\s+signal(?:ing)?)") == ("signal",)
    assert required_texts(r"\bcalvarial(?! and)") == ("calvarial",)
    starts = literal_starts(r"(?:re-?)?induc(?:e|es|ed|ing)")
    assert {"induce", "induced", "inducing", "reinduces", "re-induced"} <= starts
    assert literal_starts(r"\b(?:(?:all|the)\s+)+changes") == {"all", "the"}
    with pytest.raises(ValueError):
        literal_starts(r"\w+-exos?")


def test_a_piece_gate_tests_a_much_smaller_required_set_first() -> None:
    """A gate tested on pieces checks "ev" or "extracellular vesicle" before the 24 list words
    of `ev_family_list` (both sets read from the pattern); a set not far smaller is no
    pre-check, and a gate tested per sentence needs none."""
    pattern = r"\b(?:extracellular vesicles?|EVs?)\b[^.;:]{0,40}?\b(?:including|such as|namely)\b"
    assert required_texts(pattern) == ("including", "namely", "such as")
    assert pre_check_texts(pattern) == ()  # 2 texts against 3: not worth a test of its own
    family = cells_rules.EV_FAMILY_LIST.gate
    assert family.first_keys == ("ev", "extracellular vesicle")
    assert len(family.keys) >= 4 * len(family.first_keys)
    assert not family.possible("Cells were mainly treated with")  # a list word, no "ev"
    assert family.search("Extracellular vesicles, mainly ") is not None
    assert all(not gate.first_keys for gate in direction_rules.ENGINE.gates if gate.per_sentence)


def test_a_defined_as_piece_needs_a_verb_of_its_cover_first() -> None:
    """The ten required texts of `defined_as` ("which is ", "they are " ...) all hold " are "
    or " is ": a piece without either is ruled out by two tests (a cover read from the texts;
    none where it would not be far fewer)."""
    gate = cells_rules.DEFINED_AS.gate
    assert gate.first_keys == (" are ", " is ")
    assert len(gate.keys) >= 4 * len(gate.first_keys)
    assert not gate.possible("We isolated the small ")
    assert gate.search("Exosomes, which are small ") is not None
    assert pre_check_texts(r"\b(?:which|that) (?:is|are) ") == ()  # 4 texts: no cover of 1


def test_a_piece_gate_reads_its_texts_from_the_section_hits() -> None:
    """A `PieceGate` rules a piece out by the lexicon pass's hits of its section exactly where
    the piece holds none of its required texts (every slice of a sentence at word edges), so a
    piece it passes over is one its gate finds nothing in; a section that is not ASCII gives
    no hits and every piece goes to the gate."""
    text = (
        "Extracellular vesicles, mainly exosomes, were isolated. The EVs, which are small, "
        "were given to cells transfected with siRNA, and the conditioned medium was kept."
    )
    doc = build_document(Record(title="", abstract=text))
    hits = cells_rules.section_hits(doc, "abstract")
    assert hits is not None
    edges = [0] + [i + 1 for i, char in enumerate(text) if char == " "] + [len(text)]
    ruled_out = 0
    for piece_gate in (
        cells_rules.EV_FAMILY_LIST,
        cells_rules.DEFINED_AS,
        cells_rules.APPOSITION,
        cells_rules.MODIFIED,
        cells_rules.MEDIUM_OF,
    ):
        gate = piece_gate.gate
        for a in edges:
            for b in edges:
                piece = text[a:b]
                low = piece.lower()
                holds = all(any(t in low for t in texts) for texts in (gate.keys, *gate.further))
                assert piece_gate.may_match(piece, hits, a) == holds
                if not holds:
                    ruled_out += 1
                    assert gate.search(piece) is None
                    assert piece_gate.search(piece, hits, a) is None
                else:
                    found, expected = piece_gate.search(piece, hits, a), gate.search(piece)
                    assert (found and found.span()) == (expected and expected.span())
                assert piece_gate.may_match(piece, None, a)
    assert ruled_out > 0
    other = build_document(Record(title="", abstract="Zellen \u00fcber"))
    assert cells_rules.section_hits(other, "abstract") is None


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<![A-Za-z])\d(?:[\d.,]|x10|x ?10|\(\d+\)|\^\d+|e\d+)*\s*$",
        r"(?:^|,\s*)in\s+$",
        r"^\s*to\s+$",
        r"\s*$",
        r"(?:ab|c)\d+$|x\Z",
    ],
)
def test_an_end_anchored_search_starts_at_the_tail_it_can_match(pattern: str) -> None:
    """A pattern whose matches end where the text does is searched from the run of characters
    it can match that ends the text: the same matches as from the start (seeded random texts,
    with Unicode digits and spaces and a newline at the end)."""
    tail = tail_of(pattern, 0)
    assert tail is not None
    regex = re.compile(pattern)
    rng = random.Random(17)
    for _ in range(20000):
        text = "".join(rng.choice("0123456789 ,.x()^eaintobA-\n\u0663\u2003") for _ in range(12))
        start = tail.start(text)
        assert [m.span() for m in regex.finditer(text)] == [
            m.span() for m in regex.finditer(text, start)
        ], text


def test_no_tail_where_a_match_can_hold_any_word() -> None:
    for pattern in (r"\S*-$", r"\w+\s+$", r"in\s+$|in\b", r"(a)\1$", r".$"):
        assert tail_of(pattern, 0) is None, pattern
    assert tail_of(r"x\d$", re.IGNORECASE) is None  # 'X' too: the text is folded first
    assert tail_of(r"x\d$", 0) is not None
    count = tail_of(cells_rules.COUNT_BEFORE.regex.pattern, 0)
    assert count is not None and count.start("We seeded 5000 ") == len("We seeded")


def test_a_rule_added_after_the_build_raises() -> None:
    engine = Engine()
    engine.gate(re.compile("exosomes"))
    engine.build()
    with pytest.raises(EngineBuiltError):
        engine.gate(re.compile("vesicles"))
    with pytest.raises(EngineBuiltError):
        engine.scanner(["vesicles"])
    for built in ENGINES:
        with pytest.raises(EngineBuiltError):
            built.gate(re.compile("late rule"))


def test_a_widened_pattern_takes_effect_without_a_key_table() -> None:
    """A subject naming a dominant-negative protein ("a dominant-negative Smad4 blocked ..."):
    widening the gerund-subject row of direction.yaml to it needs no other change (its
    pre-check is read from the pattern), as the widening to "the PI3K inhibitor LY294002"
    (docs/rules.md) needed none: the hand-kept key tuple the engine replaced lacked
    "inhibitor"."""
    row = direction_rules.RULES.rule("gerund_subject")
    shipped = "The PI3K inhibitor LY294002 blocked the osteogenic response to exosomes."
    assert direction_rules.GERUND_SUBJECT.search(shipped) is not None
    assert "inhibitor" in direction_rules.GERUND_SUBJECT.keys
    sentence = "A dominant-negative Smad4 blocked the osteogenic response to exosomes."
    assert row.compile().search(sentence) is None
    widened = re.compile(row.pattern + r"|\bdominant-negative\s+[\w-]+\s+(?=block)", re.I)
    engine = Engine()
    gate = engine.gate(widened)
    engine.build()
    assert "dominant-negative" in gate.keys
    found = gate.search(sentence)
    assert found is not None and found.group() == "dominant-negative Smad4 "


@pytest.mark.parametrize(
    ("pattern", "near_miss", "sentence", "match"),
    [
        (
            r"\bratios? of (?:the )?[\w-]+(?: to [\w-]+)+",
            "Proliferation and migration ratio rose.",
            "The Ratios of Bcl-2 to Bax rose.",
            "Ratios of Bcl-2 to Bax",
        ),
        (
            r"\bknock-?outs? (?:of )?[\w-]+",
            "Knockout-mice and knock-out-cells",
            "Knock-outs of Runx2 failed.",
            "Knock-outs of Runx2",
        ),
        (
            r"\bsi-?RNAs? against\b",
            "siRNAs were given against it",
            "SIRNA against X",
            "SIRNA against",
        ),
    ],
)
def test_a_gate_read_across_an_optional_character_matches_as_its_regex(
    pattern: str, near_miss: str, sentence: str, match: str
) -> None:
    """An optional character inside a run of fixed text ("ratios? of"): the gate's texts are
    the longer run in each spelling ("ratio of ", "ratios of "), not the word before it, which
    sits inside common words ("proliferation", "migration"); they still never reject a match."""
    regex = re.compile(pattern, re.IGNORECASE)
    engine = Engine()
    gate = engine.gate(regex)
    engine.build()
    assert all(" " in key for key in gate.keys), gate.keys
    for text in [*_texts(pattern, pattern), near_miss, sentence]:
        assert (gate.search(text) is None) == (regex.search(text) is None), text
        assert _spans(gate.finditer(text)) == _spans(list(regex.finditer(text))), text
    assert gate.search(near_miss) is None
    found = gate.search(sentence)
    assert found is not None and found.group() == match


@pytest.mark.parametrize(
    ("pattern", "exact"),
    [
        (r"(exo\w+) from (\w+)", True),
        (r"(?-i:[A-Z])\w+", False),  # the copy matches "abc", the regex does not
        (r"\x41b", False),
        (r"(a)\1", False),
        ("\u212a", False),  # the Kelvin sign: IGNORECASE matches "k"
    ],
)
def test_a_gate_searches_a_folded_copy_only_where_it_folds_exactly(
    pattern: str, exact: bool
) -> None:
    regex = re.compile(pattern, re.IGNORECASE)
    assert folds_exactly(regex.pattern) is exact
    engine = Engine()
    gate = engine.gate(regex)
    engine.build()
    for text in ("abc exosomes from cells", "k", "ab", "aa", "Abc"):
        assert _read(gate.search(text)) == _read(regex.search(text)), text
        assert _read(gate.match(text)) == _read(regex.match(text)), text


def test_a_gate_is_tried_only_where_one_text_of_each_required_set_occurs() -> None:
    pattern = r"\b(?:abolish|revers|block)\w*\s+(?:their|its)\s+(?:effects?|actions?)\s+on\b"
    keys = required_texts(pattern)
    assert keys == ("action", "effect")
    # the verbs (rarest first), then the determiners; "on" is too short to be worth a test
    assert further_required(pattern, keys) == (("abolish", "block", "revers"), ("its", "their"))
    # a set the keys imply is no further test (the parts of "exosome": "xosom", "some")
    assert further_required(r"\bexosomes?\b", ("exosome",)) == ()
    regex = re.compile(pattern, re.IGNORECASE)
    engine = Engine()
    per_sentence = engine.gate(regex)
    piece = engine.gate(regex, per_sentence=False)
    engine.build()
    for text, possible in [
        ("The effect on bone was strong.", False),  # a key, no verb
        ("Blocking the effect of its action on bone.", True),  # one of each, no match
        ("It reversed their effects on bone.", True),
    ]:
        for gate in (per_sentence, piece):
            assert gate.possible(engine.view_of(text)) is possible, text
            assert _read(gate.search(text)) == _read(regex.search(text)), text


def test_a_gate_is_possible_only_where_the_texts_of_one_alternative_occur() -> None:
    """`possible` asks for a text of each required set of one alternative of the regex (its
    first alternation spread, inside a group without flags); the regex's own sets are only
    those its alternatives share."""
    pattern = (
        r"\b(?:(?:all|both)\s+of\s+which\s+were\s+(?:revers|rescu)\w*"
        r"|(?:these|such)\s+(?:changes|effects)\s+were\s+(?:abolish|prevent)\w*)"
    )
    regex = re.compile(pattern, re.IGNORECASE)
    engine = Engine()
    per_sentence = engine.gate(regex)
    piece = engine.gate(regex, per_sentence=False)
    engine.build()
    assert len(per_sentence.alternatives) == 2
    for text, possible in [
        ("These changes were reversed.", False),  # one alternative's verb, the other's noun
        ("Both of which were prevented by these.", False),
        ("These effects were prevented, all of which ...", True),
        ("All of which were rescued.", True),
    ]:
        for gate in (per_sentence, piece):
            assert gate.possible(engine.view_of(text)) is possible, text
            assert gate.possible(text) is possible, text
            if regex.search(text):
                assert possible, text
    # an alternative without required texts leaves every text possible: no alternatives
    assert _gate_alternatives(r"\b(?:which\s+were\s+reversed|\d+\s*%)") == ()


def _gate_alternatives(pattern: str) -> tuple[tuple[tuple[str, ...], ...], ...]:
    engine = Engine()
    gate = engine.gate(re.compile(pattern, re.IGNORECASE))
    engine.build()
    return gate.alternatives


def test_sentence_views_from_the_lexicons_pass_scan_as_their_own_pass() -> None:
    """The direction engine's keys are found by the lexicon's pass over each section, and its
    sentence views made from those hits (`Document.sentence_views`): each view must see the
    scanner starts and gate bits its own pass over the sentence sees, whatever the case,
    hyphens, punctuation and keys across sentence bounds of the text."""
    from exobone.extract.pipeline import build_document
    from exobone.lexicon import default_matcher
    from exobone.model import Record

    engine = direction_rules.ENGINE
    matcher = default_matcher()
    assert matcher.engine is engine
    patterns = "|".join(
        [r.pattern for s in engine.scanners for r in s.regexes]
        + [g.regex.pattern for g in engine.gates]
    )
    texts = _texts(patterns, "section views")
    # keys that open with a space (" ratio") found on the space before a sentence: in no view
    edges = ["Cells grew", "Ratio of TRAP-positive cells fell", "Against it, up-regulated"]
    edges += ["Up- regulated IL-6", "System wide. Ratio", "up regulated", "Against"]
    texts = edges + texts
    seen = views_with_starts = 0
    for number, first in enumerate(range(0, len(texts) - 6, 7)):
        parts = texts[first : first + 7]
        if number % 4:  # most records as ASCII (some noise words are not)
            parts = [t.encode("ascii", "ignore").decode() for t in parts]
        # sentences ended by ". " (split there) or glued to the next one by "." alone
        abstract = "".join(t + end for t, end in zip(parts[:6], [". ", "."] * 3, strict=True))
        title = parts[6]
        doc = build_document(Record(title=title, abstract=abstract), matcher)
        for sentence, view in zip(doc.sentences, doc.sentence_views(engine), strict=True):
            # made scanned from the section's pass, but for a section that is not ASCII
            from_pass = view.gates >= 0
            assert from_pass == doc.text_of(sentence.section).isascii(), sentence.text
            own = engine.view_of(sentence.text)
            assert (view.gates if from_pass else view.scan()) == own.scan(), sentence.text
            assert view.starts == own.starts, sentence.text
            seen += from_pass
            views_with_starts += from_pass and bool(view.starts)
    assert seen > 80 and views_with_starts > seen // 2, (seen, views_with_starts)
