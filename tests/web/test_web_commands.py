"""`exobone serve` refuses a non-loopback address without a token, and databases it cannot use."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
import typer
from typer.testing import CliRunner

from exobone.web import Settings, create_app
from exobone.web.commands import register
from exobone.web.security import is_loopback


def app() -> typer.Typer:
    cli = typer.Typer()
    register(cli)

    @cli.command()
    def other() -> None:  # a second command keeps `serve` a named subcommand
        pass

    return cli


def test_non_loopback_needs_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("EXOBONE_TOKEN", raising=False)
    result = CliRunner().invoke(app(), ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 1
    assert "without a token" in result.output


def test_blank_token_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("EXOBONE_TOKEN", " ")
    result = CliRunner().invoke(app(), ["serve", "--host", "0.0.0.0"])
    assert result.exit_code == 1
    assert "blank" in result.output


def test_a_store_that_does_not_exist_is_refused_unless_created(tmp_path: Path) -> None:
    typo = tmp_path / "typo.db"
    result = CliRunner().invoke(app(), ["serve", "--db", str(typo)])
    assert result.exit_code == 1 and "does not exist" in result.output
    assert "--create" in result.output and not typo.exists()
    create_app(Settings(db_url=str(typo), create=True))  # what --create does
    assert typo.is_file()


def test_an_unsupported_database_is_one_line() -> None:
    result = CliRunner().invoke(app(), ["serve", "--db", "mysql://u:pw@h/refs"])
    assert result.exit_code == 1
    assert "unsupported database URL mysql://u:***@h/refs" in result.output
    assert "pw@" not in result.output and result.exception is not None
    assert isinstance(result.exception, SystemExit)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("::1", True),
        ("localhost", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("example.org", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_serve_prepares_indexes_graph_and_scores_before_listening(
    demo_db: Path, tmp_path: Path
) -> None:
    """The first search and /graph find everything ready: `serve` builds the facet index
    (saved beside an SQLite store) and reads the graph and scores before it listens, saying
    so on stderr."""
    db = tmp_path / "demo.db"
    shutil.copy(demo_db, db)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    exobone = Path(sys.executable).parent / "exobone"
    server = subprocess.Popen(
        [str(exobone), "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout is not None and server.stderr is not None
        serving = server.stdout.readline()
        assert "serving" in serving, serving + server.stderr.read()
        assert Path(f"{db}.facets").is_dir()  # before any request
        for _ in range(200):
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/graph", timeout=30)
                break
            except httpx.TransportError:
                time.sleep(0.05)
        assert response.status_code == 200
    finally:
        server.terminate()
        server.wait(timeout=30)
    errors = server.stderr.read()
    assert "indexes ready: facets" in errors, errors
    assert "graph and reporting scores: 22/22 studies read" in errors, errors
