"""`exobone serve` refuses a non-loopback address without a token, and databases it cannot use."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

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
