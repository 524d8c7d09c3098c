"""The commands on a real SQLite store: studies go in through `Store.add_file` and come back
through the default loader."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from analysis_fixtures import BIBLIOGRAPHY
from typer.testing import CliRunner

from exobone.analysis.commands import load_from_store, register
from exobone.analysis.evidence_map import evidence_map
from exobone.analysis.graph import build_graph, edges_frame
from exobone.model import Study
from exobone.store import Store


@pytest.fixture
def seeded_db(tmp_path: Path, seed_studies: list[Study]) -> str:
    url = f"sqlite:///{tmp_path / 'seed.db'}"
    with Store.open(url) as store:
        store.add_file(BIBLIOGRAPHY, seed_studies)
    return url


def test_default_loader_reads_the_store(seeded_db: str, seed_studies: list[Study]) -> None:
    loaded = list(load_from_store(seeded_db))
    assert len(loaded) == len(seed_studies)
    stored = evidence_map(loaded).cells.drop(columns="study_ids")
    direct = evidence_map(seed_studies).cells.drop(columns="study_ids")
    assert stored.to_dict("records") == direct.to_dict("records")
    # evidence survives the store: the same edges with the same sentences
    assert edges_frame(build_graph(loaded)).equals(edges_frame(build_graph(seed_studies)))


def test_commands_on_the_store(seeded_db: str, tmp_path: Path) -> None:
    app = typer.Typer()
    register(app)
    runner = CliRunner()
    result = runner.invoke(app, ["map", "--db", seeded_db, "--gaps", "0"])
    assert result.exit_code == 0, result.output
    assert "MSC|adipose" in result.stdout
    report = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "--db", seeded_db, "--out", str(report)])
    assert result.exit_code == 0, result.output
    assert '<a href="#sheet">21</a></b>studies</div>' in report.read_text(encoding="utf-8")


def test_unreadable_database_is_a_clear_error(tmp_path: Path) -> None:
    app = typer.Typer()
    register(app)
    result = CliRunner().invoke(app, ["quality", "--db", "nosuchdriver://x"])
    assert result.exit_code == 1
    assert "unsupported database URL nosuchdriver://x" in result.output
    missing = CliRunner().invoke(app, ["map", "--db", str(tmp_path / "typo.db")])
    assert missing.exit_code == 1 and "does not exist" in missing.output
    assert not (tmp_path / "typo.db").exists()
