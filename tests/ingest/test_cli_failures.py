"""A file's failure costs only that file: the command reads the rest, then exits non-zero
with a summary; output that cannot be written is a clean error, not a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from fixtures import REFS, endnote_xml, ris
from typer.testing import CliRunner, Result

from exobone.cli import app
from exobone.store import Store


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})


def bad_files(tmp_path: Path) -> list[Path]:
    truncated = gzip_cut(tmp_path / "cut.xml.gz", endnote_xml().encode())
    header = tmp_path / "header.ris.gz"
    header.write_bytes(b"\x1f\x8b\x08\x00 not deflate")
    bom = tmp_path / "bom.ris"
    bom.write_bytes(b"\xef\xbb\xbf")
    folder = tmp_path / "folder"
    folder.mkdir()
    return [truncated, header, bom, folder, tmp_path / "missing.ris"]


def gzip_cut(path: Path, data: bytes) -> Path:
    import gzip

    path.write_bytes(gzip.compress(data)[:20])
    return path


def test_ingest_skips_each_bad_file_and_reads_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.ris"
    good.write_text(ris(), encoding="utf-8")
    bad = bad_files(tmp_path)
    db = f"sqlite:///{tmp_path / 'kb.db'}"
    result = run("ingest", "--no-extract", "--db", db, *map(str, bad), str(good))
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and "Aborted" not in result.output
    for path in bad:
        assert f"{path}: " in result.output
    assert "is a directory" in result.output and "empty file" in result.output
    assert "corrupt gzip" in result.output
    assert "5 of 6 files skipped" in result.output
    with Store.open(db) as store:
        assert store.count() == len(REFS)


def test_extract_skips_each_bad_file_and_writes_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.ris"
    good.write_text(ris(), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    result = run("extract", *map(str, bad_files(tmp_path)), str(good), "--out", str(out))
    assert result.exit_code == 2, result.output
    assert "is a directory" in result.output and "Traceback" not in result.output
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(REFS)


def test_extract_to_a_full_device_is_a_clean_error(tmp_path: Path) -> None:
    good = tmp_path / "good.ris"
    good.write_text(ris(), encoding="utf-8")
    with open("/dev/full", "w") as full:
        done = subprocess.run([Path(sys.executable).with_name("exobone"), "extract", str(good)],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert done.returncode == 1
    assert "cannot write stdout: No space left on device" in done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr


def test_extract_to_an_unwritable_place_is_a_clean_error(tmp_path: Path) -> None:
    good = tmp_path / "good.ris"
    good.write_text(ris(), encoding="utf-8")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run("extract", str(good), "--out", str(blocker / "out.jsonl"))
    assert result.exit_code == 1
    assert f"cannot write {blocker / 'out.jsonl'}" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
