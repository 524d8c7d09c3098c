"""Tests may not hide breakage: ../shared missing fails under CI=true, and no test skips itself
when a module of exobone cannot be imported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from shared_files import require_shared

TESTS = Path(__file__).resolve().parent


def test_missing_shared_fails_under_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        require_shared(tmp_path / "absent")


def test_missing_shared_skips_elsewhere(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="absent"):
        require_shared(tmp_path / "absent")
    assert require_shared(tmp_path) == tmp_path


def test_no_test_skips_on_exobone_imports_or_its_own_shared_check() -> None:
    """`require_shared` (or the `shared_dir` fixture) is the one way to depend on ../shared."""
    offenders = []
    for path in sorted(TESTS.rglob("*.py")):
        if path.name == "shared_files.py" or path == Path(__file__):
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"importorskip\(\s*[\"']exobone", text):
            offenders.append(f"{path.name}: importorskip of an exobone module")
        if re.search(r"skip(if)?\(.*shared", text, re.IGNORECASE):
            offenders.append(f"{path.name}: skips on ../shared by itself")
        if re.search(r"^\s*except (ImportError|ModuleNotFoundError)", text, re.MULTILINE):
            offenders.append(f"{path.name}: falls back on an ImportError")
    assert offenders == []
