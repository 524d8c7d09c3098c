"""`pipeline` and `load` as registered on a Typer app: exit codes and messages."""

from __future__ import annotations

import shutil
from pathlib import Path

import typer
from typer.testing import CliRunner

from exobone.scale.commands import EXIT_SKIPPED, register
from exobone.store import Store

app = typer.Typer()
register(app)
runner = CliRunner()


def test_pipeline_then_load(tmp_path: Path, baseline: list[Path], scheduler: str) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(baseline[0], inputs / "pubmed25n0001.xml.gz")
    (inputs / "pubmed25n0002.xml.gz").write_bytes(b"\x1f\x8b\x08\x00broken")
    out, db = tmp_path / "out", f"sqlite:///{tmp_path / 'kb.db'}"
    args = ["pipeline", str(inputs / "*.xml.gz"), "--out", str(out), "--scheduler", scheduler]

    first = runner.invoke(app, args)
    assert first.exit_code == EXIT_SKIPPED, first.output
    assert "1 file(s) processed, 0 skipped as finished, 1 failed" in first.output
    assert "pubmed25n0002.xml.gz: corrupt gzip" in first.output

    (inputs / "pubmed25n0002.xml.gz").unlink()
    second = runner.invoke(app, args)
    assert second.exit_code == 0, second.output
    assert "0 file(s) processed, 1 skipped as finished, 0 failed" in second.output

    loaded = runner.invoke(app, ["load", str(out), "--db", db])
    assert loaded.exit_code == 0, loaded.output
    with Store.open(db) as store:
        count = store.count()
    assert count > 0 and f"{count} new record(s)" in loaded.output
    reloaded = runner.invoke(app, ["load", str(out), "--db", db])
    assert "0 new record(s), 0 superseded or deleted record(s) removed" in reloaded.output


def test_usage_errors_exit_1(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["pipeline", str(tmp_path / "*.xml.gz"), "--out", str(tmp_path)])
    assert missing.exit_code == 1 and "no input file matches" in missing.output
    empty = runner.invoke(app, ["load", str(tmp_path), "--db", f"sqlite:///{tmp_path}/x.db"])
    assert empty.exit_code == 1 and "no finished pipeline output" in empty.output
