"""A broken module of exobone fails the command loudly: exit code 1 and a message naming the
module, the file and the line, never "0 studies, exit 0" or commands missing from --help.

Each test runs the installed `exobone` command in a subprocess whose `sitecustomize` (found
through PYTHONPATH) makes Python import one module from a copy of its real source with a
line added that cannot run.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

from exobone.store import Store

EXOBONE = Path(sys.executable).with_name("exobone")
BREAKAGE = "import exobone_no_such_module  # the breakage under test\n"
SITECUSTOMIZE = """
import importlib.abc
import importlib.util
import sys

BROKEN = {name!r}
PATH = {path!r}


class BrokenModuleFinder(importlib.abc.MetaPathFinder):
    def find_spec(self, fullname, path, target=None):
        if fullname != BROKEN:
            return None
        return importlib.util.spec_from_file_location(fullname, PATH)


sys.meta_path.insert(0, BrokenModuleFinder())
"""


def run_broken(
    module: str, tmp_path: Path, *args: str
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Run `exobone ARGS` with `module` imported from a broken copy of its source."""
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None
    source = Path(spec.origin).read_text(encoding="utf-8")
    lines = source.splitlines(keepends=True)
    # After the docstring and `from __future__` line, so the copy is otherwise the module itself.
    at = next(i for i, line in enumerate(lines) if line.startswith("from __future__")) + 1
    broken = tmp_path / "broken" / Path(spec.origin).name
    broken.parent.mkdir(parents=True)
    broken.write_text("".join(lines[:at] + [BREAKAGE] + lines[at:]), encoding="utf-8")
    shim = tmp_path / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(
        SITECUSTOMIZE.format(name=module, path=str(broken)), encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": str(shim), "COLUMNS": "200"}
    result = subprocess.run(
        [str(EXOBONE), *args], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300
    )
    return result, broken


def assert_names_the_breakage(result: subprocess.CompletedProcess[str], module: str,
                              broken: Path) -> None:  # fmt: skip
    assert result.returncode == 1, result.stdout + result.stderr
    message = " ".join(result.stderr.split())
    assert f"{module} cannot be imported" in message, result.stderr
    assert str(broken) in message and "exobone_no_such_module" in message, result.stderr
    assert "Traceback" not in result.stderr


def test_a_broken_family_fails_ingest_and_stores_nothing(tmp_path: Path, demo_file: Path) -> None:
    db = tmp_path / "kb.db"
    result, broken = run_broken(
        "exobone.extract.cargo", tmp_path, "ingest", str(demo_file), "--db", f"sqlite:///{db}"
    )
    assert_names_the_breakage(result, "exobone.extract", broken)
    if db.exists():
        with Store.open(f"sqlite:///{db}") as store:
            assert store.count() == 0


def test_a_broken_family_fails_extract(tmp_path: Path, demo_file: Path) -> None:
    out = tmp_path / "out.jsonl"
    result, broken = run_broken(
        "exobone.extract.outcomes", tmp_path, "extract", str(demo_file), "--out", str(out)
    )
    assert_names_the_breakage(result, "exobone.extract", broken)
    assert not out.exists()


@pytest.mark.parametrize("args", [["--help"], ["map"], ["ingest", "--help"]])
def test_a_broken_command_module_fails_every_command(tmp_path: Path, args: list[str]) -> None:
    result, broken = run_broken("exobone.analysis.commands", tmp_path, *args)
    assert_names_the_breakage(result, "exobone.analysis.commands", broken)


def test_a_broken_lazy_command_module_fails_its_command(tmp_path: Path) -> None:
    result, broken = run_broken("exobone.web.commands", tmp_path, "serve", "--help")
    assert_names_the_breakage(result, "exobone.web.commands", broken)
    listed, _ = run_broken("exobone.web.commands", tmp_path / "again", "--help")
    assert listed.returncode == 0 and "serve" in listed.stdout


def test_the_commands_are_listed_when_nothing_is_broken() -> None:
    env = {**os.environ, "COLUMNS": "200"}
    result = subprocess.run([str(EXOBONE), "--help"], capture_output=True, text=True, env=env)
    assert result.returncode == 0
    for command in ("map", "graph", "report", "serve"):
        assert command in result.stdout
