"""`pipeline` and `load` as registered on a Typer app: exit codes and messages."""

from __future__ import annotations

import gzip
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import typer
from distributed.core import Status
from typer.testing import CliRunner

from exobone.scale.commands import EXIT_SKIPPED, register
from exobone.scale.quiet import _ClosingFilter
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
    # the load reads Parquet with the system allocator (mimalloc held ~75 MB more)
    assert pa.default_memory_pool().backend_name == "system"
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


def test_a_record_problem_is_named_not_only_counted(
    tmp_path: Path, baseline: list[Path], scheduler: str
) -> None:
    text = gzip.decompress(baseline[0].read_bytes()).decode("utf-8")
    # the second article loses its <Article> element: a record problem, the rest is read
    first = text.index("<Article PubModel", text.index("</PubmedArticle>"))
    broken = text[:first] + text[first:].replace("<Article ", "<Articl ", 1).replace(
        "</Article>", "</Articl>", 1
    )
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "pubmed25n0001.xml").write_text(broken, encoding="utf-8")
    args = ["pipeline", str(inputs / "*.xml"), "--out", str(tmp_path / "out"),
            "--scheduler", scheduler]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == EXIT_SKIPPED, result.output
    assert "pubmed25n0001.xml, record 2" in result.output
    assert "without MedlineCitation/Article" in result.output
    assert "Records skipped in 1 file(s), each named above" in result.output


def test_a_record_read_with_a_warning_does_not_fail_the_run(
    tmp_path: Path, baseline: list[Path], scheduler: str
) -> None:
    text = gzip.decompress(baseline[0].read_bytes()).decode("utf-8")
    declaration = text[: text.index("?>") + 2]
    # an unknown declared encoding is read as UTF-8 with a warning: every record is kept
    inputs = tmp_path / "in"
    inputs.mkdir()
    warned = '<?xml version="1.0" encoding="UTF-3"?>'
    (inputs / "pubmed25n0001.xml").write_text(warned + text[len(declaration):], encoding="utf-8")
    args = ["pipeline", str(inputs / "*.xml"), "--out", str(tmp_path / "out"),
            "--scheduler", scheduler]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "warning: " in result.output and "UTF-3" in result.output
    assert "300 records" in result.output
    assert "Records skipped" not in result.output


def test_a_local_cluster_run_ends_without_a_traceback(tmp_path: Path, baseline: list[Path]) -> None:
    """The README's `--workers N` run: a worker outliving its scheduler logged a heartbeat
    traceback after every good run."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for path in baseline:
        shutil.copy(path, inputs / path.name)
    exobone = Path(sys.executable).with_name("exobone")
    command = [str(exobone), "pipeline", str(inputs / "*.xml.gz"),
               "--out", str(tmp_path / "out"), "--workers", "4"]  # fmt: skip
    run = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert "3 file(s) processed" in run.stderr
    assert "Traceback" not in run.stderr and "ERROR" not in run.stderr, run.stderr


class _Worker:
    """Stands in for a distributed Worker: the filter reads only its status."""

    def __init__(self, status: Status) -> None:
        self.status = status


def test_worker_logs_are_quiet_only_while_the_worker_closes() -> None:
    heartbeat = logging.LogRecord(
        "distributed.worker", logging.ERROR, "worker.py", 1, "Failed to communicate with "
        "scheduler during heartbeat.", None, None
    )  # fmt: skip
    fatal = logging.LogRecord("distributed.worker", logging.CRITICAL, "", 1, "boom", None, None)
    assert _ClosingFilter(_Worker(Status.running)).filter(heartbeat)  # type: ignore[arg-type]
    for status in (Status.closing, Status.closing_gracefully, Status.closed):
        closing = _ClosingFilter(_Worker(status))  # type: ignore[arg-type]
        assert not closing.filter(heartbeat) and closing.filter(fatal)
