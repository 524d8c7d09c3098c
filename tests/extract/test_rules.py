"""Rule files: every rule's example sentence is matched by its pattern, and a malformed file
fails loudly, naming the file and the rule."""

from __future__ import annotations

import re

import pytest
import yaml

from exobone.extract import direction
from exobone.extract.rules import Rule, RuleError, RuleSet, load_rules

RULES = load_rules("direction.yaml")
# How the sentence logic wraps each table's patterns (see direction.py's scanners).
WRAPPED = {
    "cues": (r"(?<![\w-])(?:", r")(?![\w])"),
    "phrases": (r"(?<![\w-])(?:", r")(?![\w])"),
    "aims": (r"\b(?:", r")\b"),
    "boundaries": ("(?:", ")"),
    "patterns": ("(?:", ")"),
}
ROWS = [(section, rule) for section in RULES.tables for rule in RULES.table(section)]


def test_the_file_has_every_table() -> None:
    assert set(RULES.tables) == set(WRAPPED)
    assert len(ROWS) > 200


@pytest.mark.parametrize(
    ("section", "rule"), ROWS, ids=[f"{section}:{rule.name}" for section, rule in ROWS]
)
def test_every_example_is_matched_by_its_rule(section: str, rule: Rule) -> None:
    before, after = WRAPPED[section]
    flags = 0 if rule.case_sensitive else re.IGNORECASE
    regex = re.compile(before + rule.pattern + after, flags)
    text, mark = rule.example_text()
    if rule.reads == "before":
        assert mark < len(text), f"{rule.name}: mark where the rule reads with '|'"
        assert regex.search(text[:mark]), (rule.name, text[:mark])
    elif rule.reads == "after":
        assert mark < len(text), f"{rule.name}: mark where the rule reads with '|'"
        assert regex.match(text[mark:]), (rule.name, text[mark:])
    else:
        assert regex.search(text), (rule.name, text)


def test_names_are_unique_within_a_table() -> None:
    for section, rules in RULES.tables.items():
        names = [rule.name for rule in rules]
        assert len(names) == len(set(names)), section


def test_word_lists_fill_their_placeholders() -> None:
    rule = RULES.rule("gap_break")
    assert "<<" not in rule.pattern
    assert rule.compile().search("ALP, which rose, was measured.").group() == "which"
    assert frozenset(RULES.word_list("harmful")) == direction.HARMFUL


def test_fragments_fill_their_placeholders_as_groups() -> None:
    rules = _rule_set(
        {
            "words": {"animals": ["rat", "mouse"]},
            "fragments": {"species": "<<animals>>s?", "pair": "<<species>> and <<species>>"},
            "patterns": [
                {"name": "x", "pattern": "^<<pair>>$", "assigns": 1, "example": "rats and mice"}
            ],
        }
    )
    assert rules.fragments["species"] == "(?:rat|mouse)s?"
    assert rules.rule("x").pattern == "^(?:(?:(?:rat|mouse)s?) and (?:(?:rat|mouse)s?))$"
    assert rules.regex("x").match("rats and mouse")


def test_the_cue_table_is_what_the_extractor_scans() -> None:
    """A cue row's sign and form are what `find_cues` reports for its example."""
    signs = {"up": direction.UP, "down": direction.DOWN, "same": direction.SAME}
    for rule in RULES.table("cues"):
        found = [(c.sign, c.form) for c in direction.find_cues(rule.example)]
        expected = signs[rule.assigns["sign"]], rule.assigns["form"]
        # an earlier row may win the same words, or a change noun read as a noun
        if expected not in found:
            regex = re.compile(WRAPPED["cues"][0] + rule.pattern + WRAPPED["cues"][1], re.I)
            match = regex.search(rule.example)
            assert match is not None
            earlier = any(
                re.compile(WRAPPED["cues"][0] + r.pattern + WRAPPED["cues"][1], re.I).match(
                    rule.example, match.start()
                )
                for r in RULES.table("cues")[: RULES.table("cues").index(rule)]
            )
            assert earlier or expected[1] == "verb", rule.name


def _rule_set(rows: object) -> RuleSet:
    return RuleSet("test.yaml", yaml.safe_load(str(rows)) if isinstance(rows, str) else rows)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"cues": [{"name": "x", "pattern": "a(", "assigns": 1, "example": "a"}]}, "cues rule 'x'"),
        ({"cues": [{"name": "x", "pattern": "a", "example": "a"}]}, "missing assigns"),
        ({"cues": [{"name": "x", "pattern": "<<nope>>", "assigns": 1, "example": "a"}]}, "nope"),
        ({"cues": [{"name": "x", "pattern": "a", "assigns": 1, "example": "a", "reads": "up"}]},
         "reads must be"),
        ({"cues": "not a list"}, "section 'cues'"),
        ({"words": {"w": "not a list"}}, "'words'"),
        ({"fragments": {"f": ["not", "a pattern"]}}, "'fragments'"),
        ({"fragments": {"w": "a"}, "words": {"w": ["a"]}}, "share a name"),
        ({"fragments": {"f": "<<nope>>"}}, "fragment 'f'"),
    ],
)  # fmt: skip
def test_a_malformed_rule_file_fails_naming_the_rule(data: object, message: str) -> None:
    with pytest.raises(RuleError, match="test.yaml") as raised:
        _rule_set(data)
    assert message in str(raised.value)


def test_a_missing_rule_or_list_is_an_error() -> None:
    with pytest.raises(RuleError, match="no pattern named 'nope'"):
        RULES.rule("nope")
    with pytest.raises(RuleError, match="no word list"):
        RULES.word_list("nope")


def test_a_fall_label_is_an_outcome_label_of_the_vocabulary() -> None:
    """`fall_is` names the outcome a fall of a phrase's measure is told as ("less bone" is
    bone_loss|increase): each is a vocabulary label, and one that is no label fails loudly."""
    from exobone.extract import direction_rules
    from exobone.schema import vocabulary

    assert direction_rules.FALL_IS["bone_mass_in_repair"] == "bone_loss"
    assert set(direction_rules.FALL_IS.values()) <= set(vocabulary()["outcomes"])
    bad = _rule_set(
        {"phrases": [{"name": "p", "pattern": "a", "assigns": {"fall_is": 3}, "example": "a"}]}
    ).table("phrases")[0]
    with pytest.raises(RuleError, match="'p': fall_is must be a label"):
        direction_rules._fall_label(bad)
