"""data/cells.yaml: every row's example is matched by its pattern where cells.py reads it, and
the rows are what the cell analysis runs."""

from __future__ import annotations

import pytest

from exobone.extract import cells_rules
from exobone.extract.rules import Rule, RuleError

RULES = cells_rules.RULES
ROWS = RULES.table("patterns")


def test_the_file_holds_the_cell_rules() -> None:
    assert set(RULES.tables) == {"patterns"}
    assert len(ROWS) >= 30
    names = [rule.name for rule in ROWS]
    assert len(names) == len(set(names))


@pytest.mark.parametrize("rule", ROWS, ids=[rule.name for rule in ROWS])
def test_every_example_is_matched_by_its_rule(rule: Rule) -> None:
    piece = rule.example_piece()
    regex = rule.compile()
    found = regex.match(piece) if rule.reads == "after" else regex.search(piece)
    assert found is not None, (rule.name, piece)


def test_the_filler_words_fill_the_filler_pattern() -> None:
    pattern = RULES.rule("filler").pattern
    assert "<<" not in pattern
    for word in RULES.word_list("filler_words"):
        assert cells_rules.FILLER.match(f" {word} ") is not None, word
    assert cells_rules.FILLER.match(" treated ") is None
    assert frozenset(RULES.word_list("filler_words")) == cells_rules.FILLER_WORDS


def test_an_example_without_the_marks_its_rule_reads_is_an_error() -> None:
    rule = Rule("gap", r"\bby\b", "a gap", "Exosomes were taken up by cells.", reads="between")
    with pytest.raises(RuleError, match="'gap'.*2 '\\|' mark"):
        rule.example_piece()
    marked = Rule("gap", r"\bby\b", "a gap", "Exosomes| were taken up by |cells.", "between")
    assert marked.example_piece() == " were taken up by "
