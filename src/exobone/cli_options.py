"""Options that every command group of the CLI shares, declared once so that their help
cannot drift apart between `exobone`, its analysis commands, `serve` and `load`."""

from __future__ import annotations

from typing import Annotated

import typer

Db = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar="EXOBONE_DB",
        help="The store: a file path (my.db), sqlite:///path.db or "
        "postgresql://user:pw@host/db. Default: exobone.db in the current folder. Only "
        "ingest, load and serve --create create a store that does not exist.",
        show_default=False,
    ),
]
