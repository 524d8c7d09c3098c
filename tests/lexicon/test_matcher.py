"""The lexicon matcher: word boundaries, case rules for acronyms, longest match, variants."""

import random

from exobone.extract.scanning import required_texts
from exobone.lexicon import Matcher, default_matcher, fold, load_lexicon, variants


def found(text: str) -> set[tuple[str, str, str]]:
    return {
        (text[start:end], kind, label)
        for start, end, entries in default_matcher().find(text)
        for kind, label in entries
    }


def test_short_acronyms_match_only_as_written():
    hits = found("OA chondrocytes; goal; oa; CM and cm; the ALP gene; alpine; RA but rat")
    assert ("OA", "conditions", "osteoarthritis") in hits
    assert ("CM", "vesicle_types", "conditioned_medium") in hits
    assert ("ALP", "genes", "ALPL") in hits
    assert not {h for h in hits if h[0] in {"oa", "cm", "goal", "alpine"}}
    assert ("RA", "conditions", "rheumatoid_arthritis") in hits
    assert ("rat", "species", "rat") in hits


def test_no_match_inside_words():
    hits = found("Metabolism of the tumoral cells; prematurely; osteoblastogenesis")
    assert not any(h[2] == "osteoblast" for h in hits)


def test_longest_match_wins_and_keeps_other_kinds():
    hits = found(
        "hyaluronic acid hydrogel with bone marrow stromal cells in a femur fracture model"
    )
    assert ("hyaluronic acid hydrogel", "biomaterials", "hyaluronic_acid_hydrogel") in hits
    assert not any(h[2] == "hydrogel" for h in hits)
    assert any(h[1:] == ("origins", "bone_marrow") for h in hits)
    assert ("femur fracture", "animal_models", "femur_fracture") in hits
    assert ("fracture", "conditions", "fracture") in hits


def test_gene_name_swallows_its_words():
    hits = found("stromal cell-derived factor-1 levels")
    assert ("stromal cell-derived factor-1", "genes", "CXCL12") in hits
    assert not any(h[1] == "cell_types" for h in hits)


def test_variants_cover_plural_hyphen_and_british_spelling():
    forms = variants("mineralization")
    assert {"mineralisation", "mineralizations"} <= forms
    assert "preosteoblast" in variants("pre-osteoblast")
    assert "intra-articular injection" in variants("intra-articular injections")
    hits = found("Pre osteoblasts and tumour cells, nociceptive behavior")
    assert ("Pre osteoblasts", "cell_types", "preosteoblast") in hits
    assert ("tumour cells", "cell_types", "tumor_cell") in hits
    assert ("nociceptive behavior", "assays", "behavioural_pain_test") in hits


def test_labels_of_vocab_are_kept():
    lex = load_lexicon()
    assert "hyaluronic_acid_hydrogel" in lex.labels["biomaterials"]
    assert lex.cell_lines["3T3L1"].identity == "preadipocyte||mouse"


def test_gapped_defect_phrases():
    hits = found("the rat calvarial bone critical defect model")
    assert ("calvarial bone critical defect", "animal_models", "calvarial_defect") in hits


def test_one_pass_and_two_pass_matching_agree():
    """Case-sensitive terms ride on the folded automaton; a term whose folding depends on
    context (a capital sigma) makes the matcher fall back to a second, as-written pass."""
    from exobone.lexicon import Lexicon, Matcher

    def spans(matcher: Matcher, text: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
        return [(text[start:end], entries) for start, end, entries in matcher.candidates(text)]

    lexicon = Lexicon()
    lexicon.add("CM", {("vesicle_types", "conditioned_medium")})
    lexicon.add("conditioned medium", {("vesicle_types", "conditioned_medium")})
    lexicon.add("Exo", {("vesicle_types", "exosome")})
    lexicon.add("exosome", {("vesicle_types", "exosome")})
    one_pass = Matcher(lexicon)
    text = "CM and cm; Exo, EXO and exo; Conditioned-Medium and exosome-CM."
    # folded terms first, then the case-sensitive ones, each in text order; "cm" and "exo"
    # are not "CM" and "Exo"
    assert [words for words, _ in spans(one_pass, text)] == [
        "Conditioned-Medium",
        "exosome",
        "CM",
        "Exo",
        "EXO",
        "CM",
    ]
    lexicon.add("ΣMSC", {("cell_types", "MSC")})
    two_pass = Matcher(lexicon)
    assert spans(two_pass, text) == spans(one_pass, text)
    assert spans(two_pass, "the ΣMSC line")[-1] == ("ΣMSC", (("cell_types", "MSC"),))


def test_gapped_patterns_are_gated_by_the_extractors_required_texts():
    """One reader of patterns (exobone.extract.scanning) gates the lexicon's gapped patterns
    and the extractor's rules; the text from each match's start holds one of its pattern's
    texts (a coordinated word's pattern is gated on the word with the conjunction after it:
    its lookahead is text the match needs)."""
    matcher = default_matcher()
    assert [needles for needles, _, _, _ in matcher._gapped] == [
        required_texts(pattern) for pattern, _ in matcher.lexicon.gapped
    ]
    # Alternatives a hand reader could not see into: "push out" and "pull out" both gate.
    gated = dict((p.pattern, n) for n, p, _, _ in matcher._gapped)
    assert gated[r"(?:push|pull) ?out (?:[a-z]+ ){0,1}test(?:s|ing)?(?![a-z0-9])"] == (
        "pull out ", "pullout ", "push out ", "pushout "
    )  # fmt: skip
    text = (
        "critical size bone defects; large segmental bone defect; calvarial defects; "
        "a critical-sized calvarial bone defect; segmental long bone defects; a pullout test; "
        "cartilage and bone lesions"
    )
    found = 0
    lookahead = 0
    for needles, pattern, _, _ in matcher._gapped:
        for m in pattern.finditer(fold(text)):
            assert any(needle in fold(text)[m.start() :] for needle in needles)
            lookahead += not any(needle in m.group() for needle in needles)
            found += 1
    assert found >= 6
    assert lookahead >= 1  # "cartilage" in "cartilage and bone lesions", gated on "cartilage and "


def test_a_character_and_its_folded_form_are_both_word_characters_or_neither():
    """The matcher reads a term's word boundaries from its key (a letter or digit at an edge)
    instead of from the text it matched; that holds because folding never turns a letter or
    digit into anything else, nor anything else into one (every code point)."""
    changed = [
        hex(code)
        for code in range(0x110000)
        if not 0xD800 <= code < 0xE000 and chr(code).isalnum() != fold(chr(code)).isalnum()
    ]
    assert changed == []


def test_terms_are_bounded_by_the_words_around_them():
    """A term counts only as whole words: not inside a longer word, not glued to a letter or
    digit; a key that opens or ends with a space (a hyphen in the text) does not stand on one."""
    from exobone.lexicon import Lexicon, Matcher

    lexicon = Lexicon()
    lexicon.add("RA", {("conditions", "rheumatoid_arthritis")})
    lexicon.add("bone", {("tissues", "bone")})
    lexicon.add("(+)", {("assays", "positive")})
    matcher = Matcher(lexicon)
    text = "PRA, RAB and RA2 are not RA; (RA) bone, bones, 2bone, (+) and x(+)y are."
    assert [text[start:end] for start, end, _ in matcher.candidates(text)] == [
        "bone",
        "bones",  # (the plural is a variant of the term)
        "(+)",
        "(+)",
        "RA",
        "RA",
    ]


def _bounded_occurrences(lexicon, text):  # type: ignore[no-untyped-def]
    """Every term of `lexicon` in `text` found by brute force: each occurrence of each key in
    the folded text, kept where the text bounds it (the rules `Matcher.candidates` states)."""
    written = text
    for dash in "-‐‑‒–—_":
        written = written.replace(dash, " ")
    folded = fold(text)
    out = set()
    keys = [(key, tuple(sorted(entries)), None) for key, entries in lexicon.folded.items()]
    keys += [(fold(key), tuple(sorted(entries)), key) for key, entries in lexicon.exact.items()]
    for key, entries, as_written in keys:
        at = folded.find(key)
        while at >= 0:
            end = at + len(key)
            if (
                not (key[0].isalnum() and at and text[at - 1].isalnum())
                and not (key[-1].isalnum() and end < len(text) and text[end].isalnum())
                and (as_written is None or written.startswith(as_written, at))
            ):
                out.add((at, end, entries))
            at = folded.find(key, at + 1)
    return out


def test_bounded_keys_find_what_a_check_of_every_occurrence_finds():
    """Terms are keyed with the bounds they need (a space or another character before and
    after), so the automaton never reports them inside words; over random texts that gives
    exactly the occurrences a check of every hit against the text gives, whatever the
    characters around them: punctuation inside a key, a key that opens with punctuation,
    a case-sensitive term, a Greek letter, the texts' ends."""
    import random

    from exobone.lexicon import Lexicon, Matcher

    lexicon = Lexicon()
    for term in ("RA", "ra cells", "bone", "(+)", "(ab", "ab", "a/b", "a+b", "β-TCP", "x1", "Exo"):
        lexicon.add(term, {("kind", term)})
    matcher = Matcher(lexicon)
    pieces = ["RA", "ra", "Ra", "bone", "ab", "(", ")", "+", "/", "a", "b", "β", "TCP", "x1",
              "-", " ", " ", "Exo", "EXO", "P", "2", "é", "cells"]  # fmt: skip
    rng = random.Random(17)
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 14)))
        got = set(matcher.candidates(text, gapped=False))
        assert got == _bounded_occurrences(lexicon, text), text
    # inside a word, the automaton itself reports nothing for a bounded term
    assert list(matcher._automaton.iter(" pras ")) == []


def test_gapped_patterns_gated_by_their_further_texts_find_what_searching_each_finds():
    """A gapped pattern is searched only where the pass found one of its required texts and
    one text of each of its further sets (`further_required`): "bone ... defect" is searched
    for "bone and/or ... defect" only where "bone and", "bone or" or "bone/" stands too. Over
    seeded random texts of the patterns' words, the candidates are those of searching every
    pattern in every text."""
    matcher = default_matcher()
    everywhere = Matcher(matcher.lexicon)
    everywhere._ungated = (1 << len(everywhere._gapped)) - 1
    everywhere._gapped = [(texts, regex, found, 0) for texts, regex, found, _ in matcher._gapped]
    assert any(need for _, _, _, need in matcher._gapped)  # some pattern has further texts
    words = ["bone", "and", "or", "/", "cartilage", "defect", "defects", "tibial", "radial",
             "segmental", "critical", "large", "regeneration", "repair", "fracture", "healing",
             "tendon", "injury", "disc", "degeneration", "non", "union", "injected", "into",
             "the", "knee", "joint", "cavity", "osteoporosis", "diabetic", "a", "of", "-",
             ]  # fmt: skip
    rng = random.Random(41)
    searched = 0
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 14)))
        expected = everywhere.candidates(text)
        searched += len(expected) > len(everywhere.candidates(text, gapped=False))
        assert matcher.candidates(text) == expected, text
    assert searched >= 150  # texts where some gapped pattern matched (187)
