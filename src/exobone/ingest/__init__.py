"""Read bibliography files of any supported format into cleaned `Record`s.

    for item in read_records("refs.ris"):
        if isinstance(item, RecordProblem): warn(item)
        else: use(item)

Readers stream: each yields Records (title and abstract cleaned, raw text kept) and a
RecordProblem for each record it had to skip, then goes on. IngestError is raised only when
nothing can be read (binary, undecodable, unknown format, corrupt gzip).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from exobone.errors import IngestError, RecordProblem
from exobone.ingest import (
    bibtex,
    csl_json,
    csv_tsv,
    endnote_text,
    endnote_xml,
    medline,
    pubmed_text,
    pubmed_xml,
    ris,
    wos,
)
from exobone.ingest.detect import detect_format
from exobone.model import Record

__all__ = ["FORMATS", "detect_format", "read_records"]

FORMATS: tuple[str, ...] = (
    "endnote_text", "medline", "pubmed_xml", "ris", "bibtex", "endnote_xml", "csv",
    "pubmed_text", "wos", "csl_json",
)  # fmt: skip

_READERS: dict[str, Callable[[str | Path], Iterator[Record | RecordProblem]]] = {
    "endnote_text": endnote_text.read,
    "medline": medline.read,
    "pubmed_xml": pubmed_xml.read,
    "ris": ris.read,
    "bibtex": bibtex.read,
    "endnote_xml": endnote_xml.read,
    "csv": csv_tsv.read,
    "pubmed_text": pubmed_text.read,
    "wos": wos.read,
    "csl_json": csl_json.read,
}


def read_records(path: str | Path, fmt: str | None = None) -> Iterator[Record | RecordProblem]:
    """Records of `path` in file order, with RecordProblems for skipped records.

    `fmt` overrides detection; it must be one of FORMATS.
    """
    source = str(path)
    if fmt is None:
        fmt = detect_format(path)
    elif fmt not in _READERS:
        raise IngestError(source, f"unknown format {fmt!r} (expected one of {', '.join(FORMATS)})")
    elif not Path(path).is_file():
        raise IngestError(source, "no such file")
    return _READERS[fmt](path)
