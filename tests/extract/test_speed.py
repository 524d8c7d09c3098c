"""Pre-checks added for speed never change what a pattern finds (seeded, so a failure repeats)."""

from __future__ import annotations

from exobone.lexicon import Lexicon, Matcher


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
    found = [(text[m.start : m.end], m.entries[0][1]) for m in matcher.candidates(text)]
    assert found[1:] == [
        ("calvarial bone defect", "calvarial_defect"),
        ("calvaria defects", "calvarial_defect"),
        ("b x", "ab_x"),
        ("femoral condyle defect", "femoral_defect"),
    ]
    assert matcher.candidates("no such words here") == []
