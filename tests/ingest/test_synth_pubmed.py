"""The synthetic PubMed generator behind the ingest benchmark reads back as real PubMed XML."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from exobone.ingest import detect_format, read_records
from exobone.model import Record

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "synth_pubmed.py"


def load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("synth_pubmed", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generate_is_deterministic_and_readable(tmp_path: Path) -> None:
    synth = load()
    first = synth.generate(tmp_path / "a.xml", 60, seed=3, in_scope_share=0.5)
    second = synth.generate(tmp_path / "b.xml", 60, seed=3, in_scope_share=0.5)
    other = synth.generate(tmp_path / "c.xml", 60, seed=4, in_scope_share=0.5)
    assert first.read_bytes() == second.read_bytes() != other.read_bytes()
    assert detect_format(first) == "pubmed_xml"
    records = list(read_records(first))
    assert len(records) == 60 and all(isinstance(r, Record) for r in records)
    assert all(isinstance(r, Record) and r.title and r.abstract and r.doi and r.year
               for r in records)
    in_scope = [r for r in records if isinstance(r, Record) and "stem cells (MSCs)" in r.abstract]
    assert 15 <= len(in_scope) <= 45
    assert any(isinstance(r, Record) and r.abstract.startswith("BACKGROUND: ") for r in records)


def test_generate_gzip(tmp_path: Path) -> None:
    path = load().generate(tmp_path / "a.xml.gz", 20, seed=1, gzip=True)
    assert path.read_bytes()[:2] == b"\x1f\x8b"
    assert sum(isinstance(r, Record) for r in read_records(path)) == 20
