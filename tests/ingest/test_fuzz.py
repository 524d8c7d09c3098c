"""The fuzz harness (fuzzing.py) on a short budget over every reader of the registry.

`make fuzz` runs the same harness for 10 minutes. Here a fixed number of inputs (the same
on every machine, about 2 s): EXOBONE_FUZZ_INPUTS (default 400) and EXOBONE_FUZZ_SEED
(default 0) change them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fuzzing import Seed, Stats, check, run, seeds

from exobone import ingest
from exobone.ingest import FORMATS

INPUTS = int(os.environ.get("EXOBONE_FUZZ_INPUTS", "400"))
SEED = int(os.environ.get("EXOBONE_FUZZ_SEED", "0"))


def test_every_registered_format_has_a_seed(tmp_path: Path) -> None:
    assert sorted(seeds(tmp_path)) == sorted(FORMATS)


def test_readers_survive_mutated_inputs(tmp_path: Path) -> None:
    stats = run(0, tmp_path, SEED, inputs=INPUTS)
    assert stats.inputs >= INPUTS
    assert not stats.failures, "\n".join(
        f"{kind}: {what}" for kind, found in stats.failures.items() for what in found[:10])


def test_the_checks_catch_a_reader_that_drops_a_record(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    seed: Seed = seeds(tmp_path)["ris"]
    reader = ingest._READERS["ris"]

    def drops_the_second(path: str | Path) -> object:
        return (item for item in reader(path) if item.position != 2)

    monkeypatch.setitem(ingest._READERS, "ris", drops_the_second)
    stats = Stats()
    check(seed, seed.text.encode(), set(), "unchanged", tmp_path / "input", stats)
    assert list(stats.failures) == ["loss"]
