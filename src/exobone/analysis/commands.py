"""CLI commands of the analyses: `map`, `graph`, `quality`, `export`, `report`.

`register(app)` adds them to the main Typer app. Studies come from a `load_studies(db_url)`
callable, by default the store (`Store.open(url).studies()`, imported lazily); tests pass an
in-memory list instead. With the store, `map` reads only (study, field, value) rows of the
fields it maps (`Store.pairs`), never whole studies.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape

from exobone.cli_options import Db
from exobone.errors import ExoboneError
from exobone.model import Study
from exobone.tables import Col, fitted_table

Loader = Callable[[str | None], Iterable[Study]]

# The numbers of an evidence-map cell the table shows, and their headers.
MAP_NUMBERS = ("n_studies", "better", "worse", "no_change", "unrated")
NUMBER_COLUMNS = [
    Col(header, justify="right") for header in ("n", "better", "worse", "same", "unrated")
]


def load_from_store(
    db_url: str | None, where: list[tuple[str, str]] | None = None, query: str = ""
) -> Iterator[Study]:
    """Stream the studies of the store at `db_url`, or those a search selects."""
    from sqlalchemy.exc import SQLAlchemyError

    from exobone.store import Store

    try:
        store = Store.open(db_url, create=False)
    except SQLAlchemyError as error:
        where_db = db_url or "sqlite:///exobone.db"
        raise ExoboneError(f"cannot open database {where_db}: {error}") from error
    try:
        yield from store.studies(where=where, query=query)
    finally:
        store.close()


def pairs_from_store(db_url: str | None, fields: list[str]) -> Any:
    """A (study_id, field, value) frame of the effective values of `fields` in the store."""
    import pandas as pd
    from sqlalchemy.exc import SQLAlchemyError

    from exobone.store import Store

    try:
        with Store.open(db_url, create=False) as store:
            rows = list(store.pairs(fields))
    except SQLAlchemyError as error:
        where = db_url or "sqlite:///exobone.db"
        raise ExoboneError(f"cannot open database {where}: {error}") from error
    return pd.DataFrame(rows, columns=["study_id", "field", "value"], dtype="object")


def _out() -> Console:
    return Console(highlight=False, soft_wrap=True)


def _err() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _fail(message: str) -> typer.Exit:
    _err().print(f"[red]error:[/red] {escape(message)}")
    return typer.Exit(1)


Say = Callable[[str], None]


def _silent(step: str) -> None:
    """A `Say` that shows nothing."""


@contextmanager
def _working(step: str) -> Iterator[Say]:
    """A spinner on stderr naming the step a command is at, with the time spent; `say(step)`
    moves it on. Off when stderr is not a terminal (a pipe or a file), as every progress
    display of exobone, so scripts read only the results."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    console = _err()
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as progress:
        task = progress.add_task(step, total=None)
        yield lambda text: progress.update(task, description=escape(text))


def register(app: typer.Typer, load_studies: Loader | None = None) -> None:
    """Add the analysis commands to `app`, reading studies with `load_studies`."""
    loader: Loader = load_studies or load_from_store

    def studies(db: str | None, say: Say = _silent) -> list[Study]:
        items: list[Study] = []
        try:
            for study in loader(db):
                items.append(study)
                if len(items) % 100 == 0:
                    say(f"reading studies: {len(items)}")
        except ExoboneError as error:
            raise _fail(str(error)) from None
        if not items:
            raise _fail(f"no extracted studies in {db or 'sqlite:///exobone.db'}")
        return items

    @app.command("map")
    def map_command(
        db: Db = None,
        rows: Annotated[str, typer.Option(help="Field for the rows.")] = "ev_sources",
        cols: Annotated[str, typer.Option(help="Field for the columns.")] = "conditions",
        outcome: Annotated[
            str | None, typer.Option(help="Count the results of this phenotype only.")
        ] = None,
        out: Annotated[
            Path | None, typer.Option(help="Write the map: .png, .svg, .html or .csv.")
        ] = None,
        gaps: Annotated[int, typer.Option(help="Print this many gaps (0: none).")] = 10,
        include_reviews: Annotated[
            bool, typer.Option("--include-reviews", help="Count reviews too.")
        ] = False,
    ) -> None:
        """Evidence map: studies per combination of two fields, with the results they report
        (better / worse for the patient, no change).

        Python: `exobone.open(db).evidence_map(rows, cols)` (the same cells).
        """
        from exobone.analysis.evidence_map import (
            evidence_map,
            evidence_map_from_pairs,
            legend,
            map_fields,
            reviews_left_out,
        )

        options: dict[str, Any] = {
            "rows": rows, "cols": cols, "outcome": outcome, "include_reviews": include_reviews
        }  # fmt: skip
        try:
            with _working("reading the store") as say:
                if load_studies is None:
                    pairs = pairs_from_store(db, map_fields(rows, cols))
                    if pairs.empty:
                        raise _fail(f"no extracted studies in {db or 'sqlite:///exobone.db'}")
                    say(f"counting {len(pairs)} values")
                    emap = evidence_map_from_pairs(pairs, **options)
                else:
                    emap = evidence_map(studies(db, say), **options)
                if out is not None:
                    say(f"writing {out}")
                    emap.save(out)
        except (ExoboneError, ValueError) as error:
            raise _fail(str(error)) from None
        console = _out()
        columns = [
            Col("row", wrap=True), Col("col", wrap=True), *NUMBER_COLUMNS,
            Col("study ids", wrap=True),
        ]  # fmt: skip
        cells = [
            [cell.row, cell.col, *(str(getattr(cell, name)) for name in MAP_NUMBERS),
             ", ".join(cell.study_ids)]
            for cell in emap.cells.itertuples(index=False)
        ]  # fmt: skip
        title = f"Studies (n) per {rows} x {cols} and their results" + (
            f" for {outcome}" if outcome else ""
        )
        table = fitted_table(columns, cells, console.width, title=title)
        console.print(table)
        console.print(escape(legend()), soft_wrap=False)
        if emap.reviews_left_out:
            note = reviews_left_out(emap.reviews_left_out)
            console.print(f"{escape(note)} (--include-reviews counts them)", soft_wrap=False)
        if gaps:
            console.print(f"{len(emap.gaps)} gaps (row x col with no study); first {gaps}:")
            for gap in emap.gaps.head(gaps).itertuples(index=False):
                console.print(
                    f"  {escape(gap.row)} x {escape(gap.col)} "
                    f"({gap.row_studies} / {gap.col_studies} studies)"
                )
        if out is not None:
            _err().print(f"wrote {escape(str(out))}")

    @app.command("graph")
    def graph_command(
        db: Db = None,
        out: Annotated[
            Path | None, typer.Option(help="Write the graph: .graphml, .json (Cytoscape), .sif.")
        ] = None,
        source: Annotated[str | None, typer.Option("--from", help="Path query: source.")] = None,
        target: Annotated[str | None, typer.Option("--to", help="Path query: target.")] = None,
        max_len: Annotated[int, typer.Option(help="Longest path, in edges.")] = 3,
        top: Annotated[int, typer.Option(help="How many edges or paths to print.")] = 10,
        inferred: Annotated[
            bool, typer.Option(help="List inferred molecule -> phenotype edges too.")
        ] = False,
    ) -> None:
        """Signed mechanism graph: strongest edges, contradictions, or paths --from --to."""
        from exobone.analysis.graph import (
            GraphQueryError,
            build_graph,
            contradictions,
            edges_frame,
            paths,
            write_graph,
        )

        with _working("reading studies") as say:
            items = studies(db, say)
            say(f"building the graph of {len(items)} studies")
            graph = build_graph(items)
        console = _out()
        try:
            if out is not None:
                write_graph(graph, out)
                _err().print(f"wrote {escape(str(out))}")
            if source or target:
                if not (source and target):
                    raise _fail("a path query needs both --from and --to")
                found = paths(graph, source, target, max_len=max_len, limit=top)
                console.print(f"{len(found)} paths from {escape(source)} to {escape(target)}")
                for path in found:
                    console.print(f"[bold]{escape(path.describe())}[/bold] score {path.score:.2f}")
                    for step in path.steps:
                        for study_id, sentence in step.evidence[:2]:
                            console.print(f"    [{escape(study_id)}] {escape(sentence)}")
                return
        except (GraphQueryError, ValueError) as error:
            raise _fail(str(error)) from None
        console.print(f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
        edges = edges_frame(graph)
        if not inferred:
            edges = edges[~edges["inferred"]]
        rows = [
            [edge.source, edge.relation, edge.target, f"{edge.belief:.2f}", edge.studies]
            for edge in edges.head(top).itertuples(index=False)
        ]
        columns = [
            Col("source", wrap=True), Col("relation"), Col("target", wrap=True),
            Col("belief", justify="right"), Col("studies", wrap=True),
        ]  # fmt: skip
        console.print(fitted_table(columns, rows, console.width, title="strongest edges"))
        conflicts = contradictions(graph)
        console.print(f"{len(conflicts)} contradictions")
        for row in conflicts.itertuples(index=False):
            console.print(
                f"  {escape(row.source)} -> {escape(row.target)}: "
                f"{escape(row.positive)} ({escape(row.positive_studies)}) vs "
                f"{escape(row.negative)} ({escape(row.negative_studies)})"
            )

    @app.command("quality")
    def quality_command(
        db: Db = None,
        out: Annotated[Path | None, typer.Option(help="Write the scores as CSV.")] = None,
        reviews: Annotated[bool, typer.Option(help="Score reviews too.")] = False,
    ) -> None:
        """EV-reporting score (MISEV-style checklist) of what each abstract reports."""
        from exobone.analysis.quality import CRITERION_NAMES, criteria_summary, quality_frame

        with _working("reading studies") as say:
            items = studies(db, say)
            say(f"scoring {len(items)} studies")
            scores = quality_frame(items, include_reviews=reviews)
        console = _out()
        summary = [
            [str(number), row.criterion, str(row.studies_met), f"{row.share:.0%}"]
            for number, row in enumerate(criteria_summary(scores).itertuples(index=False), 1)
        ]
        columns = [Col("#", justify="right"), Col("criterion", wrap=True),
                   Col("studies", justify="right"), Col("share", justify="right")]  # fmt: skip
        title = f"{len(scores)} studies scored"
        console.print(fitted_table(columns, summary, console.width, title=title))
        per_study = [
            [row.study_id, *("yes" if getattr(row, name) else "-" for name in CRITERION_NAMES),
             f"{row.score:.2f}"]
            for row in scores.itertuples(index=False)
        ]  # fmt: skip
        numbered = [Col(str(n), justify="center") for n in range(1, len(CRITERION_NAMES) + 1)]
        columns = [Col("study", wrap=True), *numbered, Col("score", justify="right")]
        title = "criteria met per study (columns: # above)"
        console.print(fitted_table(columns, per_study, console.width, title=title))
        if out is not None:
            scores.to_csv(out, index=False)
            _err().print(f"wrote {escape(str(out))}")

    @app.command("export")
    def export_command(
        out: Annotated[Path, typer.Option(help="File to write: .csv .xlsx .jsonl .ris .bib")],
        db: Db = None,
        fmt: Annotated[
            str | None,
            typer.Option(
                "--format",
                help="csv, xlsx, jsonl, ris, bibtex, or sheet (the report's extraction sheet "
                "as CSV: one row per study, key fields).",
            ),
        ] = None,
        query: Annotated[
            str, typer.Option("--query", "-q", help="Only studies matching these words.")
        ] = "",
        where: Annotated[
            list[str] | None,
            typer.Option(
                help="Only studies with FIELD=VALUE ('*' for any part, A,B either, FIELD!=A "
                "neither, year=2015..2020); repeatable."
            ),
        ] = None,
        formula_guard: Annotated[
            bool,
            typer.Option(
                help="CSV: prefix texts a spreadsheet would run as a formula (= + - @) with '."
            ),
        ] = True,
    ) -> None:
        """Export studies (tables with evidence, JSON Lines) or their records (RIS, BibTeX).

        --query and --where select studies as `exobone search` does.
        """
        from exobone.analysis.export import export
        from exobone.store.labels import parse_conditions

        try:
            filters = parse_conditions(where)
        except ValueError as error:
            raise typer.BadParameter(str(error), param_hint="--where") from None
        selected = bool(query.strip() or filters)
        if selected and load_studies is not None:
            raise _fail("--query and --where need the store")
        try:
            with _working("reading studies") as say:
                if selected:
                    items = list(load_from_store(db, filters, query))
                    if not items:
                        raise _fail("no study matches the selection")
                else:
                    items = studies(db, say)
                say(f"writing {len(items)} studies to {out}")
                export(items, out, fmt, guard_formulas=formula_guard)
        except (ExoboneError, ValueError) as error:
            raise _fail(str(error)) from None
        _err().print(f"wrote {len(items)} studies to {escape(str(out))}")

    @app.command("report")
    def report_command(
        db: Db = None,
        out: Annotated[Path, typer.Option(help="HTML file to write.")] = Path("report.html"),
        rows: Annotated[str, typer.Option(help="Evidence-map rows.")] = "ev_sources",
        cols: Annotated[str, typer.Option(help="Evidence-map columns.")] = "conditions",
        include_reviews: Annotated[
            bool, typer.Option("--include-reviews", help="Count reviews in the evidence map.")
        ] = False,
    ) -> None:
        """One self-contained HTML report: corpus, evidence map, mechanisms, scores and the
        extraction sheet, every count linked to its studies."""
        from exobone.analysis.report import write_report

        try:
            with _working("reading studies") as say:
                items = studies(db, say)
                write_report(
                    items, out, rows=rows, cols=cols, include_reviews=include_reviews, progress=say
                )
        except ExoboneError as error:
            raise _fail(str(error)) from None
        _err().print(f"wrote {escape(str(out))} ({len(items)} studies)")
