"""The `exobone` command line.

Exit codes: 0 when everything was read, 2 when some records or files were skipped (the rest
is still processed), 1 on usage errors and failures. Progress and problems go to stderr,
results to stdout. Heavy imports happen inside the commands so `exobone --help` is instant.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text
from typer.core import TyperCommand, TyperGroup

from exobone import __version__
from exobone.cli_options import Db
from exobone.errors import BrokenModuleError, load_module

if TYPE_CHECKING:
    from rich.progress import Progress

    from exobone.model import Record, Span
    from exobone.store import Entry, IngestSummary, Store

# Click's UsageError, found through a public subclass: Typer vendors Click in newer releases.
_USAGE_ERROR: Any = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
EXIT_SKIPPED = 2


class _Group(TyperGroup):
    """Report usage errors with exit code 1 (Click's default of 2 means "records skipped" here)."""

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except _USAGE_ERROR as error:
            error.exit_code = 1
            raise

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except _USAGE_ERROR as error:
            error.exit_code = 1
            raise

    def main(self, *args: Any, **kwargs: Any) -> Any:
        """Run the command; a broken module of exobone ends it with its error and exit code 1."""
        try:
            if _BROKEN:
                raise _BROKEN[0]
            return super().main(*args, **kwargs)
        except BrokenModuleError as error:
            _stderr().print(f"exobone is broken: {error}", markup=False, soft_wrap=True)
            raise SystemExit(1) from None

    def list_commands(self, ctx: Any) -> list[str]:
        names = super().list_commands(ctx)
        if ctx.parent is None:
            names += [name for name in _LAZY if name not in names]
        return names

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        found = super().get_command(ctx, cmd_name)
        if found is None and ctx.parent is None:
            return _LAZY.get(cmd_name)
        return _untyped_flags(found, ctx) if found is not None else None

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _untyped_flags(self, ctx)
        super().format_help(ctx, formatter)


def _untyped_flags(command: Any, ctx: Any) -> Any:
    """Typer's help shows `<bool>` after every flag, as if it took a value; a flag takes
    none, so its type column is left empty."""
    for param in [*command.params, command.get_help_option(ctx)]:
        if getattr(param, "is_flag", False) and param.metavar is None:
            param.metavar = ""
    return command


app = typer.Typer(
    cls=_Group,
    name="exobone",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
records_app = typer.Typer(
    cls=_Group,
    help="List the stored records ([bold]exobone records[/]) or show one "
    "([bold]exobone records show ID[/]).",
    invoke_without_command=True,
)
app.add_typer(records_app, name="records")

Format = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="Read every FILE in this format instead of detecting it (see `exobone formats`).",
        show_default=False,
    ),
]
Where = Annotated[
    list[str] | None,
    typer.Option(
        "--where",
        "-w",
        help="Keep studies with this value, as FIELD=VALUE (e.g. species=rat); repeatable.",
        show_default=False,
    ),
]
Files = Annotated[
    list[Path],
    typer.Argument(help="Bibliography files (any supported format, optionally gzipped); one "
                   "that cannot be read is reported and skipped.", show_default=False),
]  # fmt: skip


def _stderr() -> Console:
    return Console(stderr=True, highlight=False)


def _stdout() -> Console:
    return Console(highlight=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"exobone {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Evidence-linked knowledge base of extracellular-vesicle therapies for bone and cartilage.

    Typical run: [bold]exobone ingest refs.ris[/], then [bold]exobone records[/].
    """


@app.command()
def formats() -> None:
    """List the bibliography formats exobone reads (names for --format)."""
    from exobone.ingest import FORMATS

    for name in FORMATS:
        typer.echo(name)


@app.command()
def ingest(
    files: Files,
    db: Db = None,
    fmt: Format = None,
    no_extract: Annotated[
        bool, typer.Option("--no-extract", help="Store the records only, without extraction.")
    ] = False,
    workers: Annotated[
        int, typer.Option("--workers", min=1, help="Processes that extract (default 1).")
    ] = 1,
) -> None:
    """Read, de-duplicate, extract and store bibliography files.

    Each file is stored in batches of 2,000 records, each committed with a checkpoint: an
    interrupted ingest, run again, continues after its last batch. Ingesting a file again
    changes nothing. Skipped records are listed as "file, record N, line L: message" and the
    command exits with 2.
    """
    from exobone.api import ingest_file, load_extractor
    from exobone.errors import IngestError

    _check_format(fmt)
    err = _stderr()
    extractor = None if no_extract else load_extractor()
    summaries: list[IngestSummary] = []
    skipped: list[str] = []
    with _open_store(db, create=True) as store, _progress(err) as progress:
        for path in files:
            task = progress.add_task(escape(path.name), total=None)

            def advance(done: int, total: int | None, task: Any = task) -> None:
                progress.update(task, completed=done, total=total)

            try:
                summary = ingest_file(
                    store, path, fmt=fmt, extractor=extractor, progress=advance, workers=workers
                )
            except IngestError as error:
                skipped.append(str(path))
                progress.console.print(f"{error} (file skipped)", markup=False, soft_wrap=True)
            else:
                summaries.append(summary)
                for problem in summary.problems:
                    progress.console.print(str(problem), markup=False, soft_wrap=True)
            progress.update(task, visible=False)
        total = store.count()
    out = _stdout()
    if summaries:  # a table with no file in it says nothing the skipped line does not
        out.print(_summary_table(summaries, total, out.width))
    if skipped:
        err.print(f"{len(skipped)} of {len(files)} files skipped: "
                  + ", ".join(escape(name) for name in skipped))
    if skipped or any(not summary.ok for summary in summaries):
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
def extract(
    files: Files,
    out: Annotated[
        str,
        typer.Option("--out", "-o", help="JSON Lines file to write, or - for standard output."),
    ] = "-",
    fmt: Format = None,
) -> None:
    """Extract the fields of docs/schema.md from every record, one JSON object per line.

    Ids are S01, S02, ... in input order across all FILES. The output file is replaced only
    when the run completes.
    """
    from exobone.api import extract_studies, load_extractor
    from exobone.errors import RecordProblem

    _check_format(fmt)
    err = _stderr()
    extractor = load_extractor()
    problems = written = 0
    target = out if out != "-" else "stdout"
    try:
        with _output(out) as stream, _progress(err) as progress:
            task = progress.add_task("extracting", total=None)
            for item in extract_studies(files, fmt=fmt, extractor=extractor):
                if isinstance(item, RecordProblem):
                    problems += not item.kept
                    progress.console.print(str(item), markup=False, soft_wrap=True)
                    continue
                stream.write(json.dumps(item.to_json(), ensure_ascii=False) + "\n")
                written += 1
                progress.advance(task)
            stream.flush()
    except OSError as error:
        where = f" ({error.filename})" if error.filename and error.filename != target else ""
        err.print(f"cannot write {target}: {error.strerror or error}{where}", markup=False)
        if out == "-":  # what is still buffered cannot be written either
            os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
        raise typer.Exit(1) from None
    err.print(f"{written} studies written to {escape(target)}")
    if problems:
        raise typer.Exit(EXIT_SKIPPED)


@app.command("explain")
def explain_command(
    file: Annotated[
        Path, typer.Argument(help="A bibliography file.", exists=True, dir_okay=False)
    ],
    record: Annotated[
        int | None, typer.Option("--record", min=1, help="Only record N (1 is the first read).")
    ] = None,
    field: Annotated[
        str | None, typer.Option("--field", help="Only this field (docs/schema.md).")
    ] = None,
    fmt: Format = None,
) -> None:  # fmt: skip
    """Print each extracted value with its evidence words and the rules that produced or signed
    it (the lexicon entry, the direction cue, its rule and pass)."""
    from exobone.api import explain_file
    from exobone.errors import ExoboneError, RecordProblem

    _check_format(fmt)
    err = _stderr()
    skipped = 0
    try:
        for item in explain_file(file, record=record, field=field, fmt=fmt):
            if isinstance(item, RecordProblem):
                skipped += not item.kept
                err.print(str(item), markup=False, soft_wrap=True)
                continue
            number, rec, found = item
            typer.echo(f"record {number}: {rec.title}")
            for value in found:
                typer.echo(f"  {value.field} = {value.value}")
                for because in value.evidence:
                    typer.echo(f"    \"{because.words}\" ({because.span.section}, "
                               f"sentence {because.span.sentence + 1})")
                    for reason in because.reasons:
                        typer.echo(f"      {reason}")
    except ExoboneError as error:
        err.print(str(error), markup=False)
        raise typer.Exit(1) from None
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)


@app.command("eval")
def evaluate(
    gold: Annotated[
        Path, typer.Argument(help="Gold JSON Lines file.", exists=True, dir_okay=False)
    ],
    pred: Annotated[
        Path, typer.Argument(help="Predictions (output of exobone extract).", exists=True,
                             dir_okay=False)
    ],
    errors: Annotated[
        bool, typer.Option("--errors", help="Also list each record's wrong and missing values.")
    ] = False,
) -> None:  # fmt: skip
    """Score predictions against gold: precision, recall and F1 per field (docs/schema.md)."""
    from exobone.errors import ExoboneError
    from exobone.evaluate import render_errors, score

    try:
        report = score(gold, pred)
    except ExoboneError as error:
        _stderr().print(str(error), markup=False)
        raise typer.Exit(1) from None
    typer.echo(report.render())
    if errors:
        typer.echo(render_errors(report))


@app.command("index")
def index_command(db: Db = None) -> None:
    """Build the search indexes now, so no query waits for them.

    Searches keep the facet index (every field) and, on SQLite stores of 50,000 records or
    more, the text index up to date by themselves, rebuilding after writes on first use;
    at a million studies that takes under 3 minutes. Run this after a large ingest or
    `exobone load` to pay that cost then. The indexes are saved next to a SQLite file
    (`<db>.facets/`, `<db>.text/`) and are safe to delete.
    """
    with _open_store(db) as store:
        report = store.prepare_indexes()
    err = _stderr()
    err.print(f"facet index: {report.facet_seconds:.1f} s, {report.facet_bytes / 2**20:.1f} MiB")
    if report.text_seconds is None:
        err.print("text index: not used here (the database's own full-text search serves)")
    else:
        err.print(
            f"text index: {report.text_seconds:.1f} s, {report.text_bytes / 2**20:.1f} MiB on disk"
        )


@app.command("search")
def search_command(
    query: Annotated[
        str,
        typer.Argument(
            help="Words to find in title, abstract, keywords, authors and journal; plain "
            "text, every word required (quotes, AND, NEAR, * are just text).",
            show_default=False,
        ),
    ] = "",
    db: Db = None,
    where: Annotated[
        list[str] | None,
        typer.Option(
            "--where",
            "-w",
            help="Keep studies with this value, as FIELD=VALUE; a part of a compound value "
            "may be * (ev_sources=MSC|bone_marrow|*); FIELD=A,B either, FIELD!=A neither, "
            "year=2015..2020 a range; repeatable, all must hold.",
            show_default=False,
        ),
    ] = None,
    facet: Annotated[
        list[str] | None,
        typer.Option(
            "--facet", help="Count only these fields (default: every field).", show_default=False
        ),
    ] = None,  # fmt: skip
    limit: Annotated[int, typer.Option("--limit", "-n", min=0, help="How many hits.")] = 20,
    offset: Annotated[int, typer.Option("--offset", min=0, help="How many to skip first.")] = 0,
    top: Annotated[int, typer.Option("--top", min=1, help="Values shown per facet.")] = 8,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead.")] = False,
) -> None:
    """Search the records, ranked, with facet counts over all matches.

    Python: `exobone.open(db).search(query, where)` (hits) and `.facets(field, where)`.
    """
    pairs = _where_pairs(where)
    with _open_store(db) as store:
        result = store.search(query, pairs, limit=limit, offset=offset, facet_fields=facet)
    if as_json:
        typer.echo(json.dumps(_result_json(result), ensure_ascii=False))
        return
    out = _stdout()
    shown = f"{offset + 1}-{offset + len(result.hits)} of " if result.hits else ""
    table = Table(title=f"Hits {shown}{result.total}")
    for name in ("id", "year", "first author", "title / snippet", "rank"):
        table.add_column(name, overflow="fold" if name.startswith("title") else "ellipsis")
    for hit in result.hits:
        cell = Text(hit.title, style="bold")
        cell.append("\n")
        cell.append_text(_marked(hit.snippet))
        rank = f"{hit.rank:.2f}" if hit.rank is not None else ""
        table.add_row(hit.study_id, str(hit.year or ""), hit.first_author or "", cell, rank)
    out.print(table)
    for name, counts in result.facets.items():
        if not counts:
            continue
        facet_table = Table(title=name, title_justify="left", show_header=False)
        facet_table.add_column("value", overflow="fold")
        facet_table.add_column("studies", justify="right")
        for value, count in counts[:top]:
            facet_table.add_row(Text(value), str(count))
        if len(counts) > top:
            facet_table.add_row(Text(f"... {len(counts) - top} more", style="dim"), "")
        out.print(facet_table)


def _marked(snippet: Any) -> Text:
    """A snippet as rich Text with its matched terms highlighted (no markup is parsed)."""
    text = Text(snippet.text)
    for start, end in snippet.marks:
        text.stylize("bold yellow", start, end)
    return text


def _result_json(result: Any) -> dict[str, Any]:
    """A search result as JSON: hits with their snippet `{text, marks}`, and the facets."""
    hits = []
    for hit in result.hits:
        data = hit.to_json()
        data["snippet"] = {"text": data["snippet"], "marks": data.pop("marks")}
        hits.append(data)
    return {
        "total": result.total,
        "hits": hits,
        "facets": {name: [[v, n] for v, n in counts] for name, counts in result.facets.items()},
    }


def _where_pairs(where: list[str] | None) -> list[tuple[str, str]]:
    """--where FIELD=VALUE options as pairs, so one field may be given twice."""
    from exobone.store.labels import parse_conditions

    try:
        return parse_conditions(where)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--where") from None


@records_app.callback()
def records(
    ctx: typer.Context,
    db: Db = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="How many to list.")] = 20,
    offset: Annotated[int, typer.Option("--offset", min=0, help="How many to skip first.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array instead.")] = False,
    where: Where = None,
) -> None:
    """List stored records with their study id, year, first author, title and study type."""
    if ctx.invoked_subcommand is not None:
        return
    filters = _parse_where(where)
    with _open_store(db) as store:
        entries = store.records(limit=limit, offset=offset, where=filters)
        total = store.count(where=filters)
    if as_json:
        typer.echo(json.dumps([_entry_json(entry) for entry in entries], ensure_ascii=False))
        return
    table = Table(title=f"Records {offset + 1}-{offset + len(entries)} of {total}")
    for name in ("id", "year", "first author", "title", "study"):
        table.add_column(name, overflow="fold" if name == "title" else "ellipsis")
    for entry in entries:
        rec = entry.record
        study = str(entry.study.annotations["study_type"]) if entry.study else "-"
        table.add_row(
            entry.label,
            str(rec.year or ""),
            escape(rec.first_author or ""),
            escape(rec.title),
            escape(study),
        )
    _stdout().print(table)


@records_app.command("facets")
def facets(
    field_name: Annotated[
        str, typer.Argument(metavar="FIELD", help="A field of docs/schema.md, e.g. species.")
    ],
    db: Db = None,
    where: Where = None,
) -> None:
    """Count the studies per value of one field (curators' changes included)."""
    filters = _parse_where(where)
    with _open_store(db) as store:
        counts = store.facets(field_name, where=filters)
    table = Table(title=escape(field_name))
    table.add_column("value", overflow="fold")
    table.add_column("studies", justify="right")
    for value, count in counts:
        table.add_row(escape(value), str(count))
    _stdout().print(table)


@records_app.command("show")
def show(
    record_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="Study id (S04), record number (4) or key (doi:...)."),
    ],
    db: Db = None,
) -> None:
    """Show one record: citation, abstract and annotations with their evidence."""
    with _open_store(db) as store:
        entry = store.get(record_id)
    if entry is None:
        _stderr().print(f"No record {escape(record_id)} in the store.")
        raise typer.Exit(1)
    _print_entry(_stdout(), entry)


def _print_entry(console: Console, entry: Entry) -> None:
    from rich.panel import Panel

    rec = entry.record
    console.print(f"[bold]{entry.label}[/] {escape(entry.key)}")
    console.print(escape(_citation(rec.citation())))
    console.print(Panel(escape(rec.abstract or "(no abstract)"), title="abstract"))
    if entry.study is None:
        console.print("Not extracted.")
        return
    table = Table(title=f"Study {entry.label}")
    table.add_column("field")
    table.add_column("value")
    table.add_column("evidence", overflow="fold")
    table.add_row("study_type", escape(str(entry.study.annotations["study_type"])), "")
    for name, values in entry.study.annotations.items():
        if name == "study_type":
            continue
        for value in values:
            spans = entry.study.evidence.get(name, {}).get(str(value), [])
            quote = _quote(rec, spans[0], marked=not console.is_terminal) if spans else Text()
            table.add_row(name, escape(str(value)), quote)
    console.print(table)


def _quote(rec: Record, span: Span, marked: bool) -> Text:
    """The sentence that holds `span`, with the span's words highlighted (or, where styles
    do not show, between ‹ and ›): the reader sees the value's words in their context."""
    from exobone.text.sentences import split_sentences

    text = ((rec.title if span.section == "title" else rec.abstract) or "").strip()
    start, end = next(
        ((s, e) for s, e in split_sentences(text) if s <= span.start < e), (span.start, span.end)
    )
    start, end = min(start, span.start), max(end, span.end)
    quote = Text(text[start : span.start])
    words = text[span.start : span.end]
    quote.append(f"‹{words}›" if marked else words, style="bold reverse")
    quote.append(text[span.end : end])
    if span.inferred:  # the words do not state the value: say what it was inferred from
        quote.append(f" (inferred from {span.inferred})", style="italic")
    return quote


def _citation(citation: dict[str, Any]) -> str:
    authors = citation["authors"]
    names = ", ".join(authors[:3]) + (", et al." if len(authors) > 3 else "")
    where = " ".join(
        part
        for part in (
            citation["journal"] or "",
            citation["volume"] or "",
            f"({citation['issue']})" if citation["issue"] else "",
        )
        if part
    )
    pages = f": {citation['pages']}" if citation["pages"] else ""
    ids = " ".join(f"{k}:{citation[k]}" for k in ("doi", "pmid") if citation[k])
    year = citation["year"] or "n.d."
    return f"{names} ({year}). {citation['title']}. {where}{pages}. {ids}".strip()


def _entry_json(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.label,
        "record_id": entry.id,
        "key": entry.key,
        "record": entry.record.citation(),
        "study": entry.study.to_json() if entry.study else None,
    }


def _summary_table(summaries: Sequence[IngestSummary], total: int, width: int) -> Text:
    from exobone.tables import Col, fitted_table

    columns = {
        "read": "read",
        "new": "new",
        "updated": "updated",
        "unchanged": "same",
        "merged": "merged",
        "problems": "skipped",
        "extracted": "studies",
    }
    sums = dict.fromkeys(columns, 0)
    rows = []
    for summary in summaries:
        counts = {name: getattr(summary, name) for name in columns}
        counts["problems"] = summary.skipped
        for name in columns:
            sums[name] += counts[name]
        label = f"{Path(summary.path).name} ({summary.format or '?'})"
        rows.append([label, *(str(counts[name]) for name in columns)])
    if len(summaries) > 1:
        rows.append(["total", *(str(sums[name]) for name in columns)])
    numbers = [Col(header, justify="right") for header in columns.values()]
    headers = [Col("file (format)", wrap=True), *numbers]
    title = f"Ingested; the store holds {total} records"
    return fitted_table(headers, rows, width, title=title)


def _parse_where(where: list[str] | None) -> dict[str, str]:
    return dict(_where_pairs(where))


def _check_format(fmt: str | None) -> None:
    if fmt is None:
        return
    from exobone.ingest import FORMATS

    if fmt not in FORMATS:
        expected = ", ".join(FORMATS)
        raise typer.BadParameter(f"{fmt!r}; expected one of {expected}", param_hint="--format")


@contextmanager
def _open_store(db: str | None, create: bool = False) -> Iterator[Store]:
    """Open the store (only `create` makes a new one), turning database failures into one
    clear line and exit code 1."""
    from sqlalchemy.exc import SQLAlchemyError

    from exobone.errors import ExoboneError, StoreError
    from exobone.store import Store
    from exobone.store.store import database_url, shown_url

    try:
        store = Store.open(db, create=create)
    except StoreError as error:
        _stderr().print(str(error), markup=False)
        raise typer.Exit(1) from None
    except SQLAlchemyError as error:
        where = shown_url(database_url(db))
        _stderr().print(f"Cannot open database {where}: {error}", markup=False)
        raise typer.Exit(1) from None
    try:
        yield store
    except ExoboneError as error:  # a store error, an unknown field or label
        _stderr().print(str(error), markup=False)
        raise typer.Exit(1) from None
    except SQLAlchemyError as error:
        _stderr().print(f"Database error: {error}", markup=False)
        raise typer.Exit(1) from None
    finally:
        store.close()


@contextmanager
def _progress(console: Console) -> Iterator[Progress]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(
        *columns, console=console, transient=True, disable=not console.is_terminal
    ) as progress:
        yield progress


@contextmanager
def _output(target: str) -> Iterator[TextIO]:
    """Standard output, or a file written beside `target` and moved into place at the end."""
    if target == "-":
        yield typer.get_text_stream("stdout")
        return
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        with partial.open("w", encoding="utf-8") as stream:
            yield stream
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _add_commands(module: str) -> None:
    """Add the commands that `module.register(app)` defines.

    A module that cannot be imported is remembered, and `_Group.main` then fails every command
    (and --help) with its error, rather than the commands silently vanishing.
    """
    try:
        register = load_module(module).register
    except BrokenModuleError as error:
        _BROKEN.append(error)
        return
    register(app)


class _LazyCommand(TyperCommand):
    """A command listed in --help whose module is imported only when it is run.

    `exobone.scale` imports pyarrow and dask in its package `__init__`; listing `pipeline`
    and `load` this way keeps `exobone --help` and every other command fast.
    """

    def __init__(self, name: str, module: str, short_help: str) -> None:
        super().__init__(name=name, help=short_help, short_help=short_help)
        self.module = module

    def real(self) -> Any:
        scratch = typer.Typer(cls=_Group, add_completion=False)
        load_module(self.module).register(scratch)
        command = typer.main.get_command(scratch)
        # A Typer app with a single command yields that command rather than a group.
        commands = getattr(command, "commands", {self.name: command})
        return commands[self.name]

    def make_context(self, info_name: Any, args: Any, parent: Any = None, **extra: Any) -> Any:
        real = _untyped_flags(self.real(), parent) if parent is not None else self.real()
        return real.make_context(info_name, args, parent=parent, **extra)


_LAZY: dict[str, _LazyCommand] = {}
_BROKEN: list[BrokenModuleError] = []  # command modules that could not be imported
# Commands with heavy imports: name -> (module with register(app), help).
_LAZY_COMMANDS = {
    "pipeline": (
        "exobone.scale.commands",
        "Parse, filter and extract PubMed XML files in parallel into Parquet; rerun to resume.",
    ),
    "load": (
        "exobone.scale.commands",
        "Load the pipeline's output (latest version of each PMID) into the store; idempotent.",
    ),
    "serve": (
        "exobone.web.commands",
        "Serve the web app (127.0.0.1 by default; another host needs --token).",
    ),
}


def _add_lazy_commands() -> None:
    """List the lazy commands (`_Group` serves them)."""
    for name, (module, short_help) in _LAZY_COMMANDS.items():
        _LAZY[name] = _LazyCommand(name, module, short_help)


# map, graph, quality, export, report: analyses of the stored studies.
_add_commands("exobone.analysis.commands")
# pipeline, load: PubMed-sized runs on dask, then into the store; serve: the web app.
_add_lazy_commands()
