"""`exobone pipeline` and `exobone load`: PubMed-sized runs on dask, then into the store.

Exit codes follow the rest of the CLI: 0 when everything was read, 2 when files failed or
records were skipped (everything else is still done; a rerun retries only what failed),
1 on usage errors and failures to start.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from exobone.cli_options import Db

EXIT_SKIPPED = 2


def register(app: typer.Typer) -> None:
    """Add the `pipeline` and `load` commands to `app`."""
    app.command("pipeline")(pipeline)
    app.command("load")(load)


def pipeline(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="PubMed XML files or glob patterns (quote them), e.g. 'baseline/*.xml.gz'.",
            show_default=False,
        ),
    ],
    out: Annotated[str, typer.Option("--out", help="Output folder (Parquet partitions).")],
    scheduler: Annotated[
        str | None,
        typer.Option("--scheduler", help="Address of a running dask scheduler (tcp://host:8786)."),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Worker processes of the local cluster.")
    ] = 2,
    threads_per_worker: Annotated[
        int, typer.Option("--threads-per-worker", min=1, help="Threads per local worker.")
    ] = 1,
) -> None:
    """Parse, filter and extract PubMed XML files in parallel into Parquet; rerun to resume."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from exobone.errors import ExoboneError
    from exobone.scale.layout import InputFile, Manifest
    from exobone.scale.pipeline import expand_inputs, pending, run_pipeline

    err = Console(stderr=True, soft_wrap=True)
    try:
        inputs_found = expand_inputs(inputs)
    except ExoboneError as error:
        err.print(str(error), markup=False)
        raise typer.Exit(1) from None
    todo, finished = pending(inputs_found, Path(out))
    if finished:
        err.print(f"{len(finished)} file(s) already finished in {escape(out)}: skipped")
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("files", total=len(todo))

        def report(source: InputFile, manifest: Manifest | None, error: str | None) -> None:
            if manifest is not None:
                count = len(manifest.problems)
                skipped = f", {count} record problem(s)" if count else ""
                progress.console.print(
                    f"[green]done[/] {escape(source.path)}: {manifest.records} records, "
                    f"{manifest.in_scope} in scope, {manifest.deleted} deleted{skipped} "
                    f"({manifest.seconds:.1f} s)"
                )
                for problem in manifest.problems:
                    progress.console.print(f"  {problem}", markup=False)
                for warning in manifest.warnings:
                    progress.console.print(f"  warning: {warning}", markup=False)
            else:
                progress.console.print(f"[red]failed[/] {escape(error or source.path)}")
            progress.advance(task)

        try:
            result = run_pipeline(
                inputs,
                out,
                scheduler=scheduler,
                workers=workers,
                threads_per_worker=threads_per_worker,
                progress=report,
            )
        except (ExoboneError, OSError) as error:
            err.print(f"pipeline failed: {error}", markup=False)
            raise typer.Exit(1) from None
    in_scope = sum(m.in_scope for m in result.done + result.skipped)
    err.print(
        f"{len(result.done)} file(s) processed, {len(result.skipped)} skipped as finished, "
        f"{len(result.failed)} failed; {in_scope} in-scope record(s) in {escape(out)}"
    )
    if result.failed:
        err.print("[red]Failed files[/] (rerun the same command to retry only these):")
        for message in result.failed.values():
            err.print(f"  {escape(message)}")
    with_problems = [m for m in result.done if m.problems]
    if with_problems:
        err.print(
            f"Records skipped in {len(with_problems)} file(s), each named above (file, record, "
            "line); the rest of each file was processed."
        )
    if result.failed or with_problems:
        raise typer.Exit(EXIT_SKIPPED)


def load(
    out: Annotated[str, typer.Argument(help="Output folder of `exobone pipeline`.")],
    db: Db = None,
) -> None:
    """Load the pipeline's output (latest version of each PMID) into the store; idempotent."""
    import pyarrow as pa
    from sqlalchemy.exc import SQLAlchemyError

    from exobone.scale.layout import read_manifests
    from exobone.scale.load import load_output
    from exobone.store import Store, StoreError

    err = Console(stderr=True, soft_wrap=True)
    if not read_manifests(Path(out)):
        err.print(f"{escape(out)}: no finished pipeline output (no _manifest/*.json)")
        raise typer.Exit(1)
    try:
        store = Store.open(db)
    except StoreError as error:
        err.print(str(error), markup=False)
        raise typer.Exit(1) from None
    except SQLAlchemyError as error:
        err.print(f"Cannot open database {db or 'sqlite:///exobone.db'}: {error}", markup=False)
        raise typer.Exit(1) from None
    # This process only loads: Arrow's default allocator (mimalloc) kept ~75 MB more than the
    # system one over a load, at the same CPU (benchmarks/README.md, `bench_load.py`).
    pa.set_memory_pool(pa.system_memory_pool())
    try:
        result = load_output(
            out,
            store,
            progress=lambda m, s: err.print(
                f"loaded {escape(m.input)}: {s.new} new, {s.updated} updated, "
                f"{s.unchanged} unchanged, {s.merged} merged"
            ),
        )
        # A loaded store is a large one: build its search indexes now, not at the first query.
        report = store.prepare_indexes()
    except SQLAlchemyError as error:
        err.print(f"Database error: {error}", markup=False)
        raise typer.Exit(1) from None
    finally:
        store.close()
    new = sum(s.new for s in result.summaries)
    err.print(
        f"{len(result.summaries)} partition(s) loaded: {new} new record(s), "
        f"{result.removed} superseded or deleted record(s) removed; search indexes ready in "
        f"{report.facet_seconds + (report.text_seconds or 0):.1f} s"
    )
