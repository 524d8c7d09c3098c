"""The rule files of the field modules (data/study.yaml, ...): every row's example is found by
its pattern where its module reads it, also through the pre-checks the engine reads from the
pattern; a row of a table that assigns a value gives that value, named by `explain`; and every
row is one its module compiles (no dead rows)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from real_text import fields_of, rules_named

import exobone.extract
from exobone.extract.rules import Rule, RuleError, load_rules
from exobone.extract.scanning import Engine, required_texts

# rule file -> the module that compiles its rows
FILES = {
    "study.yaml": "study.py",
    "context.yaml": "context.py",
    "biology.yaml": "biology.py",
    "methods.yaml": "methods.py",
    "cargo.yaml": "cargo.py",
    "discourse.yaml": "discourse.py",
    "preconditioning.yaml": "preconditioning.py",
}
# tables whose rows each assign one value ('field: value') as one cue: how the cue wraps each
# row, and the opening set before a row's example when the whole extractor reads it
VALUE_TABLES = {
    ("study.yaml", "clinical"): (
        r"\b(?:",
        r")\b",
        "Exosomes were isolated from mesenchymal stem cells. ",
    ),
    ("study.yaml", "clinical_samples"): (
        r"\b(?:",
        r")\b",
        "Exosomes were isolated from mesenchymal stem cells. ",
    ),
    ("discourse.yaml", "self_named"): (r"\b(?:", r")\b", ""),
    ("discourse.yaml", "review"): (r"\b(?:", r")\b", ""),
    ("discourse.yaml", "survey"): ("(?:", ")", ""),
}

ROWS = [
    (filename, section, rule)
    for filename in FILES
    for section, rules in load_rules(filename).tables.items()
    for rule in rules
]
IDS = [f"{filename}:{rule.name}" for filename, _, rule in ROWS]


def _source(filename: str) -> str:
    return (Path(exobone.extract.__file__).parent / FILES[filename]).read_text()


@pytest.mark.parametrize(("filename", "section", "rule"), ROWS, ids=IDS)
def test_every_example_is_found_by_its_row(filename: str, section: str, rule: Rule) -> None:
    piece = rule.example_piece()
    if (filename, section) in VALUE_TABLES:
        before, after, _ = VALUE_TABLES[filename, section]
        rule = Rule(rule.name, before + rule.pattern + after, rule.assigns, rule.example)
    regex = rule.compile()
    found_by_regex = regex.match(piece) if rule.reads == "after" else regex.search(piece)
    assert found_by_regex is not None, (filename, rule.name, piece)
    # as the engine runs it: a gate tried on the piece, or a cue's pre-check on the text
    gate = Engine().gate(regex, per_sentence=False)
    by_gate = gate.match(piece) if rule.reads == "after" else gate.search(piece)
    assert by_gate is not None and by_gate.group() == found_by_regex.group()
    needles = required_texts(rule.pattern) if not rule.case_sensitive else ()
    assert not needles or any(needle in piece.lower() for needle in needles)


@pytest.mark.parametrize("filename", list(FILES))
def test_every_row_is_compiled_by_its_module(filename: str) -> None:
    source = _source(filename)
    rules = load_rules(filename)
    names = [rule.name for rules_ in rules.tables.values() for rule in rules_]
    assert len(names) == len(set(names)), filename
    for section, table in rules.tables.items():
        if (filename, section) in VALUE_TABLES:
            assert f'table("{section}")' in source, (filename, section)
            continue
        for rule in table:
            assert f'"{rule.name}"' in source, (filename, rule.name)
    patterns = [rule.pattern for rules_ in rules.tables.values() for rule in rules_]
    for name in rules.words:
        # read by the module, or by a row through its placeholder
        expanded = "(?:" + "|".join(re.escape(word) for word in rules.words[name]) + ")"
        used = any(expanded in pattern for pattern in patterns)
        assert used or f'word_list("{name}")' in source, (filename, name)
    for name, fragment in rules.fragments.items():
        assert any(f"(?:{fragment})" in pattern for pattern in patterns), (filename, name)


VALUE_ROWS = [(f, s, rule) for f, s, rule in ROWS if (f, s) in VALUE_TABLES]


@pytest.mark.parametrize(
    ("filename", "section", "rule"), VALUE_ROWS, ids=[rule.name for _, _, rule in VALUE_ROWS]
)
def test_a_value_row_gives_its_value_and_explain_names_it(
    filename: str, section: str, rule: Rule
) -> None:
    field, value = (part.strip() for part in str(rule.assigns).split(":"))
    abstract = VALUE_TABLES[filename, section][2] + rule.example
    values = fields_of(abstract)[field]  # a list, or one value (study_type)
    assert value in ({values} if isinstance(values, str) else set(values)), (filename, rule.name)
    assert rules_named(abstract, field, value) == {rule.name}


def test_a_case_sensitive_row_is_no_cue_and_a_window_cue_is_not_shared() -> None:
    rules = load_rules("biology.yaml")
    with pytest.raises(RuleError, match="'people_in_general' is case-sensitive"):
        rules.cue("people_in_general")
    window = rules.cue("from_patients", shared=False)
    assert window.id == -1 and len(window.needles) > 2  # its own automaton, out of CueHits
