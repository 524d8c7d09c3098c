"""What the command line does, as Python calls: extract studies from files, ingest into a store.

    from exobone.api import extract_studies, ingest_file, study_labels
    for item in extract_studies(["refs.ris"]):
        ...  # a Study, or a RecordProblem for a record (or file) that was skipped

The command line only adds progress bars and tables around these.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from exobone import __version__
from exobone.errors import IngestError, RecordProblem
from exobone.model import Record, Study

if TYPE_CHECKING:
    from exobone.store import IngestSummary, Store

Progress = Callable[[int, int], None]


class SupportsExtract(Protocol):
    """What an extractor offers (`exobone.extract.Extractor`)."""

    def extract(self, record: Record, study_id: str) -> Study: ...


def load_extractor() -> SupportsExtract | None:
    """The default extractor, or None while `exobone.extract` does not provide one."""
    try:
        module = importlib.import_module("exobone.extract")
    except ImportError:
        return None
    factory = getattr(module, "Extractor", None)
    if factory is None:
        return None
    extractor: SupportsExtract = factory()
    return extractor


def extractor_version(extractor: SupportsExtract | None) -> str:
    """Version stored with each study so re-extractions by newer code can be told apart."""
    return str(getattr(extractor, "version", None) or __version__)


def study_labels(start: int = 1) -> Iterator[str]:
    """Study ids S01, S02, ... in input order (the gold files use the same numbering)."""
    number = start
    while True:
        yield f"S{number:02d}"
        number += 1


def extract_studies(
    paths: Iterable[str | Path],
    *,
    fmt: str | None = None,
    extractor: SupportsExtract | None = None,
    labels: Iterator[str] | None = None,
) -> Iterator[Study | RecordProblem]:
    """Stream a Study for every record of `paths` and a RecordProblem for each one skipped.

    A file that cannot be read at all becomes one RecordProblem naming it; the next file
    is still read. Records are numbered across all files, in input order.
    """
    extractor = extractor or load_extractor()
    if extractor is None:
        raise ImportError("exobone.extract.Extractor is not available")
    labels = labels or study_labels()
    for path in paths:
        try:
            items = read_file_items(path, fmt)
            for item in items:
                if isinstance(item, RecordProblem):
                    yield item
                else:
                    yield extractor.extract(item, next(labels))
        except IngestError as error:
            yield RecordProblem(error.source, _ingest_message(error), line=error.line)


def ingest_file(
    store: Store,
    path: str | Path,
    *,
    fmt: str | None = None,
    extractor: SupportsExtract | None = None,
    labels: Iterator[str] | None = None,
    progress: Progress | None = None,
) -> IngestSummary:
    """Read, de-duplicate, extract (when `extractor` is given) and store one file.

    The file is stored in one transaction. Raises IngestError when it cannot be read at all.
    `progress(done, total)` is called after each record is stored.
    """
    from exobone.ingest import detect_format
    from exobone.ingest.dedup import deduplicate

    fmt = fmt or detect_format(path)
    records: list[Record] = []
    problems: list[RecordProblem] = []
    for item in read_file_items(path, fmt):
        if isinstance(item, RecordProblem):
            problems.append(item)
        else:
            records.append(item)
    kept, merges = deduplicate(records)
    labels = labels or study_labels()

    def entries() -> Iterator[Record | Study]:
        for done, record in enumerate(kept, start=1):
            yield extractor.extract(record, next(labels)) if extractor else record
            if progress:
                progress(done, len(kept))

    return store.add_file(
        path,
        entries(),
        fmt=fmt,
        problems=problems,
        duplicates=len(merges),
        extractor_version=extractor_version(extractor),
    )


def read_file_items(path: str | Path, fmt: str | None = None) -> Iterator[Record | RecordProblem]:
    """`exobone.ingest.read_records`, imported late so the CLI starts fast."""
    from exobone.ingest import read_records

    return read_records(path, fmt)


def _ingest_message(error: IngestError) -> str:
    """The message of an IngestError without the "file, line" prefix it already carries."""
    text = str(error)
    prefix = f"{error.source}, line {error.line}: " if error.line else f"{error.source}: "
    return text[len(prefix) :] if text.startswith(prefix) else text
