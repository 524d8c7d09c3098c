"""CLI commands on an in-memory corpus (the loader is injected), plus error exits."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import rispy
import typer
from analysis_fixtures import corpus
from typer.testing import CliRunner

from exobone.analysis.commands import register
from exobone.errors import ExoboneError
from exobone.model import Study

runner = CliRunner()


def make_app(studies: list[Study] | None = None) -> tuple[typer.Typer, list[str | None]]:
    app = typer.Typer()
    asked: list[str | None] = []

    def load(db: str | None) -> list[Study]:
        asked.append(db)
        return corpus() if studies is None else studies

    register(app, load)
    return app, asked


def test_map_prints_cells_and_gaps_and_writes_files(tmp_path: Path) -> None:
    app, asked = make_app()
    result = runner.invoke(app, ["map", "--db", "sqlite:///x.db", "--out", str(tmp_path / "m.png")])
    assert result.exit_code == 0, result.output
    assert asked == ["sqlite:///x.db"]
    assert "MSC|adipose" in result.stdout and "A1, A2" in result.stdout
    assert "3 gaps" in result.stdout and "1 review left out: A4 (--include-reviews" in result.stdout
    assert "better / worse" in result.stdout
    assert (tmp_path / "m.png").read_bytes().startswith(b"\x89PNG")


def test_map_unknown_field_exits_1_with_valid_names() -> None:
    app, _ = make_app()
    result = runner.invoke(app, ["map", "--rows", "source"])
    assert result.exit_code == 1
    assert "unknown field 'source'" in result.output and "ev_sources" in result.output


def test_map_unknown_outcome_exits_1_with_the_nearest_labels() -> None:
    app, _ = make_app()
    result = runner.invoke(app, ["map", "--outcome", "inflamation"])
    assert result.exit_code == 1
    assert "unknown outcome 'inflamation'; did you mean 'inflammation'" in result.output
    assert result.stdout == ""


def test_graph_paths_and_exports(tmp_path: Path) -> None:
    app, _ = make_app()
    out = tmp_path / "g.graphml"
    result = runner.invoke(
        app,
        ["graph", "--out", str(out), "--from", "MSC|adipose", "--to", "osteogenic_differentiation"],
    )
    assert result.exit_code == 0, result.output
    assert "5 paths from MSC|adipose to osteogenic_differentiation" in result.stdout
    assert "[A1] They increased RUNX2 expression in BMSCs." in result.stdout
    assert nx.read_graphml(out).number_of_edges() == 10
    summary = runner.invoke(app, ["graph"])
    assert "9 nodes, 10 edges" in summary.stdout and "1 contradictions" in summary.stdout
    assert "associated_positive" not in summary.stdout
    wide = runner.invoke(app, ["graph", "--inferred"], env={"COLUMNS": "200"})
    assert "associated_positive" in wide.stdout
    missing = runner.invoke(app, ["graph", "--from", "MSC", "--to", "nowhere"])
    assert missing.exit_code == 1 and "no node named 'nowhere'" in missing.output
    typo = runner.invoke(app, ["graph", "--from", "MSC", "--to", "osteogenesis"])
    assert typo.exit_code == 1
    assert "did you mean 'osteogenic_differentiation'" in typo.output
    half = runner.invoke(app, ["graph", "--from", "MSC"])
    assert half.exit_code == 1


def test_quality_export_report(tmp_path: Path) -> None:
    app, _ = make_app()
    quality = runner.invoke(app, ["quality", "--out", str(tmp_path / "q.csv")])
    assert quality.exit_code == 0, quality.output
    assert "3 studies scored" in quality.stdout
    assert (tmp_path / "q.csv").read_text(encoding="utf-8").startswith("study_id,")
    exported = runner.invoke(app, ["export", "--out", str(tmp_path / "s.ris")])
    assert exported.exit_code == 0, exported.output
    assert len(rispy.load((tmp_path / "s.ris").open(encoding="utf-8"))) == 4
    bad = runner.invoke(app, ["export", "--out", str(tmp_path / "s.doc")])
    assert bad.exit_code == 1 and "unknown export format" in bad.output
    report = runner.invoke(app, ["report", "--out", str(tmp_path / "r.html")])
    assert report.exit_code == 0, report.output
    assert "<h2>Evidence map</h2>" in (tmp_path / "r.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", ["map", "graph", "quality", "report"])
def test_empty_store_is_an_error(command: str) -> None:
    app, _ = make_app(studies=[])
    result = runner.invoke(app, [command])
    assert result.exit_code == 1
    assert "no extracted studies" in result.output


def test_loader_errors_are_reported() -> None:
    def broken(db: str | None) -> list[Study]:
        raise ExoboneError(f"cannot open database {db}")

    app = typer.Typer()
    register(app, broken)
    result = runner.invoke(app, ["map", "--db", "sqlite:////nonexistent/dir/x.db"])
    assert result.exit_code == 1
    assert "cannot open database sqlite:////nonexistent/dir/x.db" in result.output
