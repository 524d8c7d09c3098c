"""What the command line does, as Python calls.

    import exobone
    with exobone.open("sqlite:///kb.db") as db:
        hits = db.search("wnt osteogenesis", where={"conditions": "osteoarthritis"})
        table = db.evidence_map(rows="ev_sources", cols="conditions")

    from exobone.api import extract_studies, ingest_file, study_labels
    for item in extract_studies(["refs.ris"]):
        ...  # a Study, or a RecordProblem for a record (or file) that was skipped

The command line only adds progress bars and tables around these. pandas and the analyses
are imported when a DataFrame is asked for, so `import exobone` stays light.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from exobone import __version__
from exobone.errors import IngestError, RecordProblem, load_module
from exobone.model import Record, Study

if TYPE_CHECKING:
    import pandas as pd

    from exobone.extract.explain import Explanation
    from exobone.store import IngestSummary, Store
    from exobone.store.search import Where
    from exobone.store.store import FileIngest

# (done, total); total is None while it is not known yet (a file read as a stream).
Progress = Callable[[int, int | None], None]


class SupportsExtract(Protocol):
    """What an extractor offers (`exobone.extract.Extractor`)."""

    def extract(self, record: Record, study_id: str) -> Study: ...


def load_extractor() -> SupportsExtract:
    """The default extractor; a BrokenModuleError when `exobone.extract` cannot be imported."""
    extractor: SupportsExtract = load_module("exobone.extract").Extractor()
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


def explain_file(
    path: str | Path, *, record: int | None = None, field: str | None = None, fmt: str | None = None
) -> Iterator[tuple[int, Record, list[Explanation]] | RecordProblem]:
    """`exobone explain`: each record of `path` (numbered from 1 as read, like the study ids of
    `extract_studies`) with each value's evidence words and the rules that produced or signed
    it (`Extractor.explain`); only record `record` and field `field` when given. An unknown
    field raises UnknownFieldError; a record number past the end raises ExoboneError."""
    from exobone.errors import ExoboneError
    from exobone.schema import check_field

    if field is not None:
        check_field(field)
    extractor = load_module("exobone.extract").Extractor()
    number = 0
    for item in read_file_items(path, fmt):
        if isinstance(item, RecordProblem):
            yield item
            continue
        number += 1
        if record is None or number == record:
            found = extractor.explain(item, f"S{number:02d}")
            yield number, item, [e for e in found if field is None or e.field == field]
            if record is not None:
                return
    if record is not None:
        raise ExoboneError(f"{path}: --record {record}, but the file holds {number} records")


def ingest_file(
    store: Store,
    path: str | Path,
    *,
    fmt: str | None = None,
    extractor: SupportsExtract | None = None,
    progress: Progress | None = None,
    workers: int = 1,
    on_read: Callable[[Record | RecordProblem], None] | None = None,
) -> IngestSummary:
    """Read, extract (when `extractor` is given) and store one file, a batch at a time.

    Records stream from the reader in batches of `BATCH_SIZE`; each batch is extracted
    outside any transaction (in `workers` processes when more than 1) and then stored and
    committed with the file's checkpoint, so memory stays flat and other writers wait at
    most one batch. An interrupted run continues, on the next call, after its last
    committed batch; the store then equals that of one uninterrupted run. A later copy of
    a paper in the file is merged into the first. Raises IngestError when the file cannot
    be read at all. `progress(done, None)` is called after each batch, `on_read(item)` for
    each record or problem as it is read. The store gives each new record its study id; a
    paper already stored keeps its own.
    """
    from exobone.ingest import detect_format
    from exobone.store.writer import BATCH_SIZE, batched

    fmt = fmt or detect_format(path)
    # Made before the store is touched: a missing, empty or directory path fails here, with
    # IngestError, also when `fmt` was forced and detection (which checks the path) skipped.
    items = read_file_items(path, fmt)
    file = store.open_file(
        path, fmt=fmt, extractor_version=extractor_version(extractor) if extractor else None
    )
    problems: list[RecordProblem] = []

    def records() -> Iterator[Record]:
        for item in items:
            if on_read:
                on_read(item)
            if isinstance(item, RecordProblem):
                problems.append(item)
            else:
                yield item

    batches = _skipped(batched(records(), BATCH_SIZE), file.resume_at, file.skip)
    with (
        _long_lived_frozen(),
        _rare_young_collections(),
        _extraction(extractor, workers) as extract,
    ):
        # A pool extracts the next batch while this process stores the one before.
        pending: Callable[[], Sequence[Record | Study]] | None = None
        for batch in batches:
            started = extract(batch)
            if pending is not None:
                _store_batch(file, pending(), progress)
            pending = started
        if pending is not None:
            _store_batch(file, pending(), progress)
    return file.finish(problems)


@contextmanager
def _long_lived_frozen() -> Iterator[None]:
    """The objects made before an ingest (modules, the store's tables, the extractor) kept
    out of the cyclic collector's full passes while it runs: walking them every few batches
    cost ~8% of an ingest's CPU. A caller that froze objects itself keeps its own freeze."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


# Net allocations of container objects between two young collections of the cyclic
# collector while a file is ingested (Python's default is 700).
INGEST_GC_THRESHOLD = 100_000


@contextmanager
def _rare_young_collections() -> Iterator[None]:
    """The cyclic collector's young collections made rare while a file is ingested: a batch
    keeps ~1,000 records' lists and dicts alive, and each young collection (every 700
    allocations) walked and promoted them, then the middle generation walked them again:
    ~0.35 of an ingest's ~12 CPU-s per 50,000 records. Records and their values hold no
    cycles (reference counting frees them); garbage in cycles is still collected, after
    `INGEST_GC_THRESHOLD` net allocations instead of 700."""
    young, *older = gc.get_threshold()
    gc.set_threshold(max(young, INGEST_GC_THRESHOLD), *older)
    try:
        yield
    finally:
        gc.set_threshold(young, *older)


def _store_batch(
    file: FileIngest, entries: Sequence[Record | Study], progress: Progress | None
) -> None:
    file.write(entries)
    if progress:
        progress(file.done, None)


def _skipped(
    batches: Iterable[list[Record]], count: int, skip: Callable[[list[Record]], None]
) -> Iterator[list[Record]]:
    """The batches after the first `count` records, which go to `skip` instead."""
    for batch in batches:
        if count >= len(batch):
            skip(batch)
            count -= len(batch)
            continue
        if count:
            skip(batch[:count])
            batch, count = batch[count:], 0
        yield batch


@contextmanager
def _extraction(
    extractor: SupportsExtract | None, workers: int
) -> Iterator[Callable[[list[Record]], Callable[[], Sequence[Record | Study]]]]:
    """Starts the work on a batch and gives what fetches its result: the studies (extracted
    in a pool of `workers` processes when more than 1) or, without an extractor, the records.
    """
    if extractor is None:
        yield lambda batch: lambda: batch
        return
    if workers <= 1:
        # The id given here is provisional: the store keeps its own.
        yield lambda batch: lambda: [extractor.extract(record, "") for record in batch]
        return
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(extractor,)) as pool:

        def start(batch: list[Record]) -> Callable[[], list[Study]]:
            # More pieces than workers even out their load.
            size = -(-len(batch) // (2 * workers))
            parts = [
                pool.submit(_extract_part, batch[i : i + size]) for i in range(0, len(batch), size)
            ]
            return lambda: [study for part in parts for study in part.result()]

        yield start


# The extractor of a worker process of `_extraction`'s pool (one per process, not per record).
_worker_extractor: list[SupportsExtract] = []


def _start_worker(extractor: SupportsExtract) -> None:
    _worker_extractor.append(extractor)


def _extract_part(records: list[Record]) -> list[Study]:
    return [_worker_extractor[0].extract(record, "") for record in records]


def read_file_items(path: str | Path, fmt: str | None = None) -> Iterator[Record | RecordProblem]:
    """`exobone.ingest.read_records`, imported late so the CLI starts fast."""
    from exobone.ingest import read_records

    return read_records(path, fmt)


def _ingest_message(error: IngestError) -> str:
    """The message of an IngestError without the "file, line" prefix it already carries."""
    text = str(error)
    prefix = f"{error.source}, line {error.line}: " if error.line else f"{error.source}: "
    return text[len(prefix) :] if text.startswith(prefix) else text


class Database:
    """The store as pandas DataFrames; open one with `exobone.open(db_url)`.

    Each method mirrors a command line (same filters, same numbers):

    | method                        | command                                           |
    |-------------------------------|---------------------------------------------------|
    | `search(q, where=...)`        | `exobone search Q --where F=V`                    |
    | `study(id)`                   | `exobone records show ID`                         |
    | `facets(field, where=...)`    | `exobone records facets FIELD --where F=V`        |
    | `studies(where=...)`          | `exobone export --out studies.csv`                |
    | `values(where=...)`           | `exobone export --out values.xlsx` (values sheet) |
    | `evidence_map(rows, cols)`    | `exobone map --rows R --cols C`                   |
    | `graph()`                     | `exobone graph`                                   |
    | `quality()`                   | `exobone quality`                                 |

    `where` is `{field: value}` (or `[(field, value), ...]` to repeat a field), ANDed, on
    the effective annotations; a part of a compound value may be `*`.
    """

    def __init__(self, store: Store) -> None:
        self.store = store

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def search(
        self,
        query: str = "",
        where: Where | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> pd.DataFrame:
        """One row per hit, best first; `attrs["total"]` counts all matches.

        Columns: study_id ("S04"), record_id (4), extracted, title, year, journal,
        first_author, rank, snippet, marks ((start, end) offsets of the matched terms in
        `snippet`).
        """
        import pandas as pd

        result = self.store.search(query, where, limit=limit, offset=offset, facet_fields=[])
        frame = pd.DataFrame([hit.to_json() for hit in result.hits], columns=list(HIT_COLUMNS))
        frame["year"] = frame["year"].astype("Int64")
        frame.attrs["total"] = result.total
        return frame

    def study(self, study_id: str | int) -> Study:
        """One study by its id ("S04"), record number (4) or identity key ("doi:...").

        Raises `StoreError` when the store has no such record or the record has no study.
        """
        from exobone.store import StoreError

        entry = self.store.get(study_id)
        if entry is None:
            raise StoreError(f"no study {study_id!r} in the store")
        if entry.study is None:
            raise StoreError(f"record {entry.label} was stored without extraction")
        return entry.study

    def facets(self, field: str, where: Where | None = None, query: str = "") -> pd.DataFrame:
        """Studies per value of `field` among the matches: columns value, studies."""
        import pandas as pd

        result = self.store.search(query, where, limit=0, facet_fields=[field])
        return pd.DataFrame(result.facets[field], columns=["value", "studies"])

    def studies(self, where: Where | None = None, query: str = "") -> pd.DataFrame:
        """One row per study: citation columns, then one column per field ("; "-joined)."""
        from exobone.analysis.frame import studies_frame

        return studies_frame(self.store.studies(where=where, query=query))

    def values(
        self,
        where: Where | None = None,
        fields: Sequence[str] | None = None,
        query: str = "",
    ) -> pd.DataFrame:
        """Long form: one row per study, field, value and evidence span with its sentence."""
        from exobone.analysis.frame import values_frame

        return values_frame(self.store.studies(where=where, query=query), fields)

    def evidence_map(
        self,
        rows: str = "ev_sources",
        cols: str = "conditions",
        where: Where | None = None,
        query: str = "",
        outcome: str | None = None,
        include_reviews: bool = False,
    ) -> pd.DataFrame:
        """The cells `exobone map` shows, most studies first: row, col, n_studies, the
        results by direction (increase, decrease, no_change) and by benefit (better, worse,
        unrated), study_ids. Reviews are left out unless `include_reviews`; their ids are in
        `attrs["reviews_left_out"]`. `exobone.analysis.evidence_map_from_pairs` gives gaps
        and images too.
        """
        import pandas as pd

        from exobone.analysis.evidence_map import evidence_map_from_pairs

        fields = sorted({rows, cols, "outcomes", "study_type"})
        found = self.store.pairs(fields, where=where, query=query)
        pairs = pd.DataFrame(found, columns=["study_id", "field", "value"], dtype="object")
        emap = evidence_map_from_pairs(
            pairs, rows, cols, outcome=outcome, include_reviews=include_reviews
        )
        cells = emap.cells.copy()
        cells.attrs["reviews_left_out"] = emap.reviews_left_out
        return cells

    def graph(self, where: Where | None = None, query: str = "") -> pd.DataFrame:
        """The mechanism graph's edges (source, relation, target, belief, studies, ...)."""
        from exobone.analysis.graph import build_graph, edges_frame

        return edges_frame(build_graph(self.store.studies(where=where, query=query)))

    def quality(
        self, where: Where | None = None, query: str = "", include_reviews: bool = False
    ) -> pd.DataFrame:
        """The EV-reporting score of each study, one column per criterion."""
        from exobone.analysis.quality import quality_frame

        studies = self.store.studies(where=where, query=query)
        return quality_frame(studies, include_reviews=include_reviews)


HIT_COLUMNS = (
    "study_id",
    "record_id",
    "extracted",
    "title",
    "year",
    "journal",
    "first_author",
    "rank",
    "snippet",
    "marks",
)


def open_database(db_url: str | None = None, *, create: bool = False) -> Database:
    """Open (upgrading) the store at `db_url`, default sqlite:///exobone.db; a store that
    does not exist yet is a `StoreError` unless `create`."""
    from exobone.store import Store

    return Database(Store.open(db_url, create=create))
