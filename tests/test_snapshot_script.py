"""scripts/extraction_snapshot.py --compare never prints the extractor's output on a sealed
corpus (those are measured once; an engineer comparing a restructuring must not see it)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "extraction_snapshot.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extraction_snapshot", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("extraction_snapshot", module)
    spec.loader.exec_module(module)
    return module


def _line(corpus: str, value: str) -> str:
    row = {
        "corpus": corpus,
        "record": 3,
        "annotations": {"outcomes": [value]},
        "evidence": {},
        "warnings": [],
    }
    return json.dumps(row, sort_keys=True)


@pytest.mark.parametrize(
    ("corpus", "shown"),
    [
        ("tests/data/real_paraphrase/real_bibliography.txt", True),
        ("tests/data/real_paraphrase_sealed/sealed_bibliography.txt", False),
    ],
)
def test_compare_names_a_changed_record_and_shows_it_only_outside_sealed_corpora(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], corpus: str, shown: bool
) -> None:
    before = tmp_path / "before.jsonl"
    before.write_text(_line(corpus, "bone_regeneration|increase") + "\n", encoding="utf-8")
    status = _script().compare(before, [_line(corpus, "bone_regeneration|decrease")])
    printed = capsys.readouterr().out
    assert status == 1
    assert f"{corpus} record 3" in printed
    assert ("bone_regeneration|decrease" in printed) is shown


def test_without_sealed_leaves_out_every_corpus_measured_once(tmp_path: Path) -> None:
    """Tuning a rule must not even learn which sealed record changed: the flag's corpora hold
    every open bibliography and none of the sealed or held-out ones."""
    script = _script()
    every = [name for name, _ in script.corpora(tmp_path)]
    open_only = [name for name, _ in script.corpora(tmp_path, sealed=False)]
    measured_once = [name for name in every if script.is_sealed(name)]
    assert "tests/data/real_paraphrase_sealed/sealed_bibliography.txt" in measured_once
    assert any("holdout" in name for name in measured_once)
    assert "tests/data/real_paraphrase/real_bibliography.txt" in open_only
    assert open_only == [name for name in every if name not in measured_once]


def _row(number: int, outcomes: list[str], reason: str = "") -> str:
    row = {
        "corpus": "tests/data/dev_corpus/dev_bibliography.txt",
        "record": number,
        "annotations": {"outcomes": outcomes, "study_type": "primary"},
        "evidence": {"outcomes": {v: [[0, 4, 0, "abstract", reason]] for v in outcomes}},
        "warnings": [],
    }
    return json.dumps(row, sort_keys=True)


def test_compare_lists_every_value_change_and_counts_evidence_only_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Twelve records gain a value and three change only a reason: all twelve are listed
    (the first version stopped at ten), with what was added and removed, and the three are
    counted, not listed."""
    before = [_row(n, ["apoptosis|decrease"]) for n in range(1, 16)]
    after = [_row(n, ["apoptosis|decrease", f"pain|decrease{n}"]) for n in range(1, 13)]
    after += [_row(n, ["apoptosis|decrease"], reason="moved") for n in range(13, 16)]
    path = tmp_path / "before.jsonl"
    path.write_text("".join(line + "\n" for line in before), encoding="utf-8")
    status = _script().compare(path, after)
    printed = capsys.readouterr().out
    assert status == 1
    assert "DIFFERENT: 15 of 15 records differ" in printed
    for number in range(1, 13):
        assert f'record {number}:\n    outcomes: +"pain|decrease{number}"\n' in printed
    assert "record 13:" not in printed
    assert "12 records with changed values, 3 with changed evidence or warnings only" in printed


def test_compare_shows_removed_values_and_changed_scalars() -> None:
    changes = _script().value_changes(
        {"outcomes": ["a|increase", "b|decrease"], "study_type": "primary"},
        {"outcomes": ["a|increase"], "study_type": "review"},
    )
    assert changes == [
        'outcomes: -"b|decrease"',
        'study_type: was "primary", now "review"',
    ]
