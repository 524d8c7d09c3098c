"""Read bibliography files of any supported format into cleaned `Record`s.

    for item in read_records("refs.ris"):
        if isinstance(item, RecordProblem): warn(item)
        else: use(item)

Readers stream: each yields Records (title and abstract cleaned, raw text kept) and a
RecordProblem for each record it had to skip, then goes on. IngestError is raised only when
nothing can be read (binary, undecodable, unknown format, corrupt gzip).
"""

from __future__ import annotations

import zlib
from collections.abc import Callable, Iterator
from importlib import import_module
from pathlib import Path

from exobone.errors import FileBreaksOffError, IngestError, RecordProblem
from exobone.ingest.common import read_head
from exobone.ingest.detect import detect_format
from exobone.model import Record

__all__ = ["FORMATS", "detect_format", "read_records"]

FORMATS: tuple[str, ...] = (
    "endnote_text", "medline", "pubmed_xml", "ris", "bibtex", "endnote_xml", "csv",
    "pubmed_text", "wos", "csl_json",
)  # fmt: skip

Reader = Callable[[str | Path], Iterator[Record | RecordProblem]]


def _imported(module: str) -> Reader:
    """The `read` of `exobone.ingest.<module>`, imported at the first call: a file needs one
    reader, and the others' libraries (bibtexparser with pylatexenc, rispy) cost a PubMed
    ingest ~0.07 CPU-s to import."""

    def read(path: str | Path) -> Iterator[Record | RecordProblem]:
        reader: Reader = import_module(f"exobone.ingest.{module}").read
        return reader(path)

    read.__qualname__ = f"{module}.read"
    return read


_READERS: dict[str, Reader] = {
    "endnote_text": _imported("endnote_text"),
    "medline": _imported("medline"),
    "pubmed_xml": _imported("pubmed_xml"),
    "ris": _imported("ris"),
    "bibtex": _imported("bibtex"),
    "endnote_xml": _imported("endnote_xml"),
    "csv": _imported("csv_tsv"),
    "pubmed_text": _imported("pubmed_text"),
    "wos": _imported("wos"),
    "csl_json": _imported("csl_json"),
}


_NAMES = {
    "endnote_text": "EndNote text", "medline": "MEDLINE", "pubmed_xml": "PubMed XML",
    "ris": "RIS", "bibtex": "BibTeX", "endnote_xml": "EndNote XML", "csv": "CSV/TSV",
    "pubmed_text": "PubMed abstract text", "wos": "Web of Science plain text",
    "csl_json": "CSL-JSON",
}  # fmt: skip
# Problems held back while a forced format has read no record yet (then they are let out).
_MAX_HELD = 1000


def read_records(path: str | Path, fmt: str | None = None) -> Iterator[Record | RecordProblem]:
    """Records of `path` in file order, with RecordProblems for skipped records.

    `fmt` overrides detection; it must be one of FORMATS. A file that cannot be read at all
    raises IngestError (at once, or at the first record); one that breaks off later yields
    the records before the break, then a RecordProblem saying where and why.
    """
    source = str(path)
    if fmt is None:
        return _guarded(_warn_untitled(_READERS[detect_format(path)](path)), source)
    if fmt not in _READERS:
        raise IngestError(source, f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    if Path(path).is_dir():
        raise IngestError(source, "is a directory, not a file")
    if not Path(path).is_file():
        raise IngestError(source, "no such file")
    if not read_head(path).lstrip(b"\xef\xbb\xbf\xff\xfe \t\r\n"):
        raise IngestError(source, "empty file")
    return _guarded(_warn_untitled(_read_as(path, fmt)), source)


def _warn_untitled(items: Iterator[Record | RecordProblem]) -> Iterator[Record | RecordProblem]:
    """The items, with a warning (a kept RecordProblem) after each record without a title."""
    for item in items:
        yield item
        if isinstance(item, Record) and not item.title:
            yield RecordProblem(item.source, "record has no title; kept with its abstract",
                                item.position, item.line, kept=True)


def _guarded(items: Iterator[Record | RecordProblem],
             source: str) -> Iterator[Record | RecordProblem]:
    """The reader's items; a failure after the first one costs only the rest of the file."""
    position = 0
    try:
        for item in items:
            position = max(position, item.position)
            yield item
    except (IngestError, OSError, EOFError, zlib.error) as error:
        message = error.message if isinstance(error, IngestError) else (
            f"cannot read: {error}")
        if not position and not isinstance(error, FileBreaksOffError):
            raise (error if isinstance(error, IngestError) else IngestError(
                source, message)) from None
        yield RecordProblem(source, f"file breaks off after record {position} ({message})",
                            position + 1, getattr(error, "line", 0))


def _refuse_if_other(path: str | Path, fmt: str, why: str) -> None:
    """Raise one IngestError when the content says `path` is another format than `fmt`."""
    try:
        other = detect_format(path)
    except IngestError:
        return
    if other != fmt:
        raise IngestError(str(path), f"looks like {_NAMES[other]}; use --format {other} or omit "
                          f"--format (read as {_NAMES[fmt]}: {why})")


def _read_as(path: str | Path, fmt: str) -> Iterator[Record | RecordProblem]:
    """The `fmt` reader's items; if it reads no record from a file that looks like another
    format, one error saying so instead of a problem for every record."""
    held: list[RecordProblem] | None = []
    try:
        for item in _READERS[fmt](path):
            if held is None:
                yield item
            elif isinstance(item, RecordProblem) and len(held) < _MAX_HELD:
                held.append(item)
            else:
                yield from held
                held = None
                yield item
    except IngestError as error:
        if held is not None:
            where = f"{error.source}, line {error.line}: " if error.line else f"{error.source}: "
            _refuse_if_other(path, fmt, str(error).removeprefix(where))
        raise
    if held:
        _refuse_if_other(path, fmt, held[0].message)
        yield from held
