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
