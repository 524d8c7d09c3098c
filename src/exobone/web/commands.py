"""`exobone serve`: the web app under uvicorn. `register(app)` adds it to the main CLI."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from exobone.cli_options import Db
from exobone.web.security import check_token, is_loopback, read_curator_tokens


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        db: Db = None,
        host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
        token: Annotated[
            str | None,
            typer.Option(
                envvar="EXOBONE_TOKEN",
                help="Access token every request must carry (required off loopback).",
                show_default=False,
            ),
        ] = None,
        user: Annotated[
            str,
            typer.Option(help="Curator name stored with curations (X-Exobone-User header wins)."),
        ] = "anonymous",
        allow_host: Annotated[
            list[str] | None,
            typer.Option(
                "--allow-host",
                help="Another host name the server answers to (repeatable), e.g. the name a "
                "reverse proxy forwards; on loopback any other Host is refused.",
                show_default=False,
            ),
        ] = None,
        curator_tokens: Annotated[
            Path | None,
            typer.Option(
                envvar="EXOBONE_CURATOR_TOKENS",
                help="A file of NAME TOKEN lines: each curator's own token, let in like --token; "
                "their curations are recorded under NAME.",
                show_default=False,
            ),
        ] = None,
        max_upload_mb: Annotated[int, typer.Option(help="Largest upload accepted, in MB.")] = 20,
        max_waiting_uploads: Annotated[
            int,
            typer.Option(min=1, help="Uploads queued behind the one being ingested; more get 503."),
        ] = 8,
        create: Annotated[
            bool,
            typer.Option(
                "--create", help="Start with an empty store if there is none (upload files)."
            ),
        ] = False,
    ) -> None:
        """Serve the web app: search, study pages with evidence, map, graph, curation, exports.

        Listens on 127.0.0.1 unless told otherwise; any other address needs --token (or
        EXOBONE_TOKEN), and then every request must present it.
        """
        import uvicorn

        from exobone.errors import ExoboneError
        from exobone.web.app import Settings, create_app

        try:
            token = check_token(token or os.environ.get("EXOBONE_TOKEN"))
        except ValueError as error:
            typer.echo(f"error: --token/EXOBONE_TOKEN: {error}", err=True)
            raise typer.Exit(1) from None
        try:
            curators = read_curator_tokens(curator_tokens) if curator_tokens else {}
        except (OSError, ValueError) as error:
            typer.echo(f"error: --curator-tokens: {error}", err=True)
            raise typer.Exit(1) from None
        if not is_loopback(host) and not token and not curators:
            typer.echo(
                f"error: refusing to serve on {host} without a token; "
                "set --token or EXOBONE_TOKEN (or use --host 127.0.0.1)",
                err=True,
            )
            raise typer.Exit(1)
        settings = Settings(
            db_url=db,
            token=token,
            host=host,
            allow_hosts=tuple(allow_host or ()),
            user=user,
            max_upload=max_upload_mb * 1024 * 1024,
            max_waiting_uploads=max_waiting_uploads,
            create=create,
            curator_tokens=tuple(curators.items()),
        )
        try:
            web_app = create_app(settings)
        except ExoboneError as error:  # no store there, or an unsupported database URL
            typer.echo(f"error: {error} (serve --create starts an empty store)", err=True)
            raise typer.Exit(1) from None
        web_app.state.corpus.prepare(lambda text: typer.echo(f"exobone: {text}", err=True))
        typer.echo(f"exobone: serving {db or 'sqlite:///exobone.db'} on http://{host}:{port}/")
        uvicorn.run(web_app, host=host, port=port, log_level="warning")
