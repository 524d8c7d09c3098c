"""A run killed mid-way (SIGKILL of the whole process group) and restarted gives the same output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
from scale_files import make_baseline

from exobone.scale import read_output, run_pipeline
from exobone.scale.layout import MANIFEST, TABLES

FILES = 6


def _finished(out: Path) -> list[Path]:
    """Manifests in place (a temporary one, named ".tmp-...", is not finished)."""
    return sorted(p for p in (out / MANIFEST).glob("*.json") if not p.name.startswith("."))


def _manifests(out: Path) -> dict[str, dict[str, object]]:
    found = {}
    for path in _finished(out):
        data = json.loads(path.read_text())
        data.pop("seconds")
        found[path.name] = data
    return found


def _tables(out: Path) -> dict[str, object]:
    return {
        f"{table}/{path.name}": pq.read_table(path)
        for table in TABLES
        for path in sorted((out / table).iterdir())
    }


def test_killed_run_resumes_to_the_same_output(tmp_path: Path, scheduler: str) -> None:
    inputs = tmp_path / "in"
    for i in range(FILES):
        make_baseline(inputs / f"pubmed25n{i:04d}.xml.gz", 300, seed=100 + i)
    pattern = str(inputs / "*.xml.gz")
    out = tmp_path / "killed"
    command = [sys.executable, "-m", "exobone.scale", "pipeline", pattern, "--out", str(out),
               "--workers", "1"]  # fmt: skip
    with open(tmp_path / "stderr.txt", "wb") as err:
        run = subprocess.Popen(command, stdout=err, stderr=err, start_new_session=True)
        deadline = time.monotonic() + 120
        while run.poll() is None and time.monotonic() < deadline:
            if len(_finished(out)) >= 2:
                break
            time.sleep(0.02)
        os.killpg(run.pid, signal.SIGKILL)  # the driver, the scheduler and its workers
        run.wait()
    finished = len(_manifests(out))
    assert run.returncode == -signal.SIGKILL
    assert 2 <= finished < FILES, (tmp_path / "stderr.txt").read_text()

    resumed = run_pipeline([pattern], out, scheduler=scheduler)
    assert resumed.ok
    assert len(resumed.skipped) == finished and len(resumed.done) == FILES - finished

    whole = tmp_path / "whole"
    assert run_pipeline([pattern], whole, scheduler=scheduler).ok
    # Same files (no temporaries left), same rows, same manifests except timings.
    assert _manifests(out) == _manifests(whole)
    killed_tables, whole_tables = _tables(out), _tables(whole)
    assert killed_tables.keys() == whole_tables.keys()
    for name, table in whole_tables.items():
        assert killed_tables[name].equals(table), name
    assert [s.to_json() for s in read_output(out)] == [s.to_json() for s in read_output(whole)]
