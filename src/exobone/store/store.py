"""`Store`: records and their extracted studies in SQLite or PostgreSQL.

One call of `Store.add_file` is one transaction: a file is stored whole or not at all;
`Store.open_file` commits a file batch by batch with a checkpoint, so that a rerun resumes.
Storing the same file again changes nothing; records are merged across files by their
de-duplication key; re-extraction replaces the extractor's annotations and keeps a curator's.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import xxhash
from sqlalchemy import (
    Connection,
    Engine,
    and_,
    delete,
    exists,
    func,
    insert,
    inspect,
    select,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from exobone import __version__
from exobone.errors import RecordProblem, StoreError
from exobone.model import SET_FIELDS, Record, Span, Study, empty_annotations
from exobone.schema import INTEGER_FIELDS, check_field
from exobone.store.engine import make_engine, writing
from exobone.store.migrate import upgrade
from exobone.store.schema import (
    CURATED,
    MACHINE,
    Base,
    CurationLogRow,
    IngestLogRow,
    IngestProgressRow,
)
from exobone.store.writer import (
    LOAD_BATCH_SIZE,
    BatchWriter,
    Counts,
    annotations_t,
    batched,
    bump_generation,
    evidence_t,
    keys_t,
    lock_state,
    record_values,
    records_t,
    remember_values,
    state_t,
    studies_t,
)
from exobone.store.writer import study_label as study_label  # the web app's import

if TYPE_CHECKING:
    import pandas as pd

    from exobone.store.related import Related
    from exobone.store.search import SearchResult, Where

DEFAULT_URL = "sqlite:///exobone.db"
# The database URLs a store accepts, as error messages name them.
URL_FORMS = (
    "a file path (my.db, an SQLite file), sqlite:///path/to/file.db, or "
    "postgresql://user:password@host:5432/dbname (also postgresql+psycopg://)"
)
_DRIVERS = frozenset({"sqlite", "sqlite+pysqlite", "postgresql", "postgres", "postgresql+psycopg"})

log_t = Base.metadata.tables[IngestLogRow.__tablename__]
curation_t = Base.metadata.tables[CurationLogRow.__tablename__]
progress_t = Base.metadata.tables[IngestProgressRow.__tablename__]
T = TypeVar("T")

BATCH = 500
# `{field: value}` conditions on studies, e.g. {"species": "rat"}.
Filters = Mapping[str, str | int]


@dataclass(frozen=True, slots=True)
class Entry:
    """A stored record: its number `id`, its study id `label` ("S04", the same number), its
    de-duplication key, and its study if it was extracted (whose `id` is `label`)."""

    id: int
    label: str
    key: str
    record: Record
    study: Study | None = None


@dataclass(frozen=True, slots=True)
class Curation:
    """One entry of a study's curation history (`undone_at` is set once it was undone)."""

    id: int
    record_id: int
    study_id: int
    field: str
    value: str
    action: str
    by: str
    at: datetime
    undone_at: datetime | None

    @property
    def removed(self) -> bool:
        """The decision withdrew the value (rather than adding it)."""
        return self.action == "remove"

    @property
    def undone(self) -> bool:
        return self.undone_at is not None


@dataclass(slots=True)
class IngestSummary:
    """What `Store.add_file` did with one file."""

    path: str
    format: str | None = None
    read: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    merged: int = 0
    extracted: int = 0
    problems: list[RecordProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no record of the file was skipped."""
        return not self.skipped

    @property
    def skipped(self) -> int:
        """Records the reader skipped (its warnings about kept records are not counted)."""
        return sum(not problem.kept for problem in self.problems)


@dataclass(frozen=True, slots=True)
class IndexReport:
    """What `Store.prepare_indexes` did: seconds spent and bytes held or saved.

    `text_seconds` is None when the store searches text with the database alone (PostgreSQL,
    or fewer records than `textindex.MIN_RECORDS`).
    """

    facet_seconds: float
    facet_bytes: int
    text_seconds: float | None
    text_bytes: int


class Store:
    """A handle on one exobone database; open it with `Store.open(url)`."""

    def __init__(self, engine: Engine) -> None:
        from exobone.store.facets import FacetIndex
        from exobone.store.textindex import TextIndex

        self.engine = engine
        # Filters, facets and the evidence map count in memory; the index follows writes.
        self.facet_index = FacetIndex(engine)
        # Large SQLite stores match and rank text from postings arrays instead of FTS5.
        self.text_index = TextIndex(engine)

    @classmethod
    def open(cls, url: str | None = None, *, create: bool = True) -> Store:
        """Connect to `url` (default `sqlite:///exobone.db`; a plain path is an SQLite file)
        and bring its schema up to date.

        With `create=False`, for commands that only read, a store that does not exist yet is
        a `StoreError` rather than a new empty one: a mistyped path must not look like an
        empty corpus. An unsupported URL is a `StoreError` naming the supported forms.
        """
        given, url = url, database_url(url)
        if not create:
            _check_file_exists(url, default=not given)
        engine = make_engine(url)
        try:
            if not create and not inspect(engine).has_table("alembic_version"):
                raise StoreError(f"{shown_url(url)} is not an exobone store. {_HOW_TO_CREATE}")
            upgrade(engine)
        except BaseException:
            engine.dispose()
            raise
        return cls(engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------

    def add_file(
        self,
        path: str | Path,
        entries: Iterable[Record | Study],
        *,
        fmt: str | None = None,
        problems: Sequence[RecordProblem] = (),
        duplicates: int = 0,
        extractor_version: str = __version__,
        numbers: Mapping[str, int] | None = None,
    ) -> IngestSummary:
        """Store the records (or extracted studies) read from one file, in one transaction.

        `entries` are the file's records, each a `Study` when it was extracted; a later copy
        of a paper is merged into the first. `problems` are the records the reader skipped
        and `duplicates` the number it merged. A `Record` without a study leaves any stored
        annotations alone. Looked up and written in batches of `LOAD_BATCH_SIZE` (`open_file`
        commits each batch of its own).
        `numbers` gives back record numbers by PMID: a new version of a paper whose older
        copy was removed (`exobone load`) keeps that copy's number and study id.
        """
        digest = file_digest(path)
        now = _now()
        writer = BatchWriter(str(path), extractor_version, now, numbers)
        with writing(self.engine) as conn:
            lock_state(conn)
            for batch in batched(entries, LOAD_BATCH_SIZE):
                writer.write(conn, batch)
            summary = _summary(path, fmt, writer.counts, problems, duplicates)
            self._log(conn, summary, path, digest, now)
        return summary

    def open_file(
        self, path: str | Path, *, fmt: str | None = None, extractor_version: str | None = None
    ) -> FileIngest:
        """Start (or continue) a resumable ingest of one file: each batch is committed with
        a checkpoint, and a rerun after an interruption goes on from the last one.

        `extractor_version` is None when the records are stored without extraction.
        """
        return FileIngest(self, path, fmt, extractor_version)

    def curate(
        self,
        id_or_key: int | str,
        field_name: str,
        value: str | int,
        *,
        by: str,
        remove: bool = False,
    ) -> int:
        """Record a curator's decision: add `value` to a field of a study, or withdraw it.

        Returns the id of the decision in the curation log (see `undo`).
        """
        check_field(field_name, SET_FIELDS)
        now = _now()
        with writing(self.engine) as conn:
            lock_state(conn)
            record_id = self._record_id(conn, id_or_key)
            study_id = conn.scalar(select(studies_t.c.id).where(studies_t.c.record_id == record_id))
            if study_id is None:
                raise StoreError(f"record {id_or_key} has no extracted study to curate")
            previous = self._curated_row(conn, study_id, field_name, str(value))
            self._set_curated(
                conn,
                study_id,
                field_name,
                str(value),
                {"removed": remove, "curated_by": by, "curated_at": now},
            )
            curation_id = conn.execute(
                insert(curation_t)
                .returning(curation_t.c.id)
                .values(
                    study_id=study_id,
                    field=field_name,
                    value=str(value),
                    action="remove" if remove else "add",
                    by=by,
                    at=now,
                    previous=previous,
                )
            ).scalar_one()
            bump_generation(conn)
        return int(curation_id)

    def curation_history(self, id_or_key: int | str) -> list[Curation]:
        """The curators' decisions on one record's study (record id or key), oldest first."""
        with self.engine.connect() as conn:
            record_id = self._record_id(conn, id_or_key)
            rows = conn.execute(
                select(curation_t, studies_t.c.record_id)
                .join(studies_t, studies_t.c.id == curation_t.c.study_id)
                .where(studies_t.c.record_id == record_id)
                .order_by(curation_t.c.id)
            )
            return [_curation(row) for row in rows]

    def curations(self, by: str | None = None, limit: int = 100, offset: int = 0) -> list[Curation]:
        """The curators' decisions on every study, newest first (only `by`'s, if given)."""
        query = (
            select(curation_t, studies_t.c.record_id)
            .join(studies_t, studies_t.c.id == curation_t.c.study_id)
            .order_by(curation_t.c.id.desc())
            .limit(limit)
            .offset(offset)
        )
        if by is not None:
            query = query.where(curation_t.c.by == by)
        with self.engine.connect() as conn:
            return [_curation(row) for row in conn.execute(query)]

    def curators(self) -> list[tuple[str, int]]:
        """Each curator's name with their number of decisions, most first."""
        n = func.count().label("n")
        query = (
            select(curation_t.c.by, n).group_by(curation_t.c.by).order_by(n.desc(), curation_t.c.by)
        )
        with self.engine.connect() as conn:
            return [(str(name), int(count)) for name, count in conn.execute(query)]

    def undo(self, curation_id: int) -> Curation:
        """Undo one curation: the value goes back to its state before that decision.

        Only the latest decision on a value that is not undone yet can be undone; undoing
        an older one first would resurrect a state that a later decision replaced.
        """
        now = _now()
        with writing(self.engine) as conn:
            lock_state(conn)
            row = conn.execute(
                select(curation_t, studies_t.c.record_id)
                .join(studies_t, studies_t.c.id == curation_t.c.study_id)
                .where(curation_t.c.id == curation_id)
            ).first()
            if row is None:
                raise StoreError(f"no curation {curation_id} in the store")
            if row.undone_at is not None:
                raise StoreError(f"curation {curation_id} was already undone")
            later = conn.scalar(
                select(func.max(curation_t.c.id)).where(
                    curation_t.c.study_id == row.study_id,
                    curation_t.c.field == row.field,
                    curation_t.c.value == row.value,
                    curation_t.c.undone_at.is_(None),
                )
            )
            if later != row.id:
                raise StoreError(
                    f"curation {curation_id} was followed by curation {later} of the same "
                    "value: undo that one first"
                )
            self._set_curated(conn, row.study_id, row.field, row.value, row.previous)
            conn.execute(
                update(curation_t).where(curation_t.c.id == curation_id).values(undone_at=now)
            )
            bump_generation(conn)
        return replace(_curation(row), undone_at=now)

    def search(
        self,
        query: str = "",
        where: Where | None = None,
        limit: int = 20,
        offset: int = 0,
        facet_fields: Sequence[str] | None = None,
        sort: str = "relevance",
    ) -> SearchResult:
        """Records matching `query` and every `where` condition, best first, with facets.

        `query` is plain text (every term required; never search syntax). `where` holds
        `field: value` conditions, ANDed, on the effective annotations; a part of a compound
        value may be `*` (`{"ev_sources": "MSC|bone_marrow|*"}`), `A,B` is either, `!A`
        neither, and `year` takes a range (`2015..2020`; see `exobone.store.labels`); pass
        pairs to repeat a field. `facet_fields` (default: every field) are counted over all
        matches, not only the page. `sort` is relevance, newest or oldest. Unknown fields
        or labels raise `UnknownFilterError`, listing the valid ones.
        """
        from exobone.store.search import search

        with self.engine.connect() as conn:
            return search(
                conn,
                self.facet_index,
                query,
                where,
                limit=limit,
                offset=offset,
                facet_fields=facet_fields,
                text_index=self.text_index,
                sort=sort,
            )

    # -- reading -------------------------------------------------------------------------

    def count(self, where: Filters | None = None) -> int:
        """Number of stored records (with every `field: value` of `where`, if given)."""
        with self.engine.connect() as conn:
            query = select(func.count()).select_from(records_t).where(*_filters(conn, where))
            return conn.scalar(query) or 0

    def records(
        self, limit: int = 20, offset: int = 0, where: Filters | None = None
    ) -> list[Entry]:
        """A page of records in id order, each with its study.

        `where` keeps the records whose study has every given value, e.g.
        `{"species": "rat", "settings": "in_vivo"}` (curators' changes included).
        """
        with self.engine.connect() as conn:
            query = (
                select(records_t)
                .where(*_filters(conn, where))
                .order_by(records_t.c.id)
                .limit(limit)
                .offset(offset)
            )
            return self._entries(conn, list(conn.execute(query)))

    def prepare_indexes(self) -> IndexReport:
        """Build (or load from their caches) the facet index of every field and, on a large
        SQLite store, the text index, so that no query has to wait for them.

        Queries rebuild what a write made stale on their own; this is for doing it at a
        convenient time, e.g. after a large ingest or `exobone load` (under 3 minutes at a
        million studies; a few milliseconds on small stores).
        """
        import time

        started = time.perf_counter()
        with self.engine.connect() as conn:
            key = self.facet_index.key(conn)
            self.facet_index.studies(conn, key)
            for name in SET_FIELDS:
                self.facet_index.column(conn, key, name)
            facets_done = time.perf_counter()
            text_key = self.text_index.usable(conn)
            if text_key is not None:
                self.text_index.postings(conn, text_key)
        done = time.perf_counter()
        return IndexReport(
            facet_seconds=facets_done - started,
            facet_bytes=self.facet_index.memory(),
            text_seconds=done - facets_done if text_key is not None else None,
            text_bytes=self.text_index.disk_size() if text_key is not None else 0,
        )

    def facets(self, field_name: str, where: Filters | None = None) -> list[tuple[str, int]]:
        """Values of a field with the number of studies that have each, most frequent first.

        `where` values are exact (no wildcards); one that is not stored matches nothing.
        """
        from exobone.store.search import facet_counts

        for name in [field_name, *(where or {})]:
            check_field(name)
        with self.engine.connect() as conn:
            return facet_counts(conn, self.facet_index, field_name, where)

    def get(self, id_or_key: int | str) -> Entry | None:
        """One record by study id ("S04"), number (4) or de-duplication key; None if unknown."""
        with self.engine.connect() as conn:
            query = select(records_t).where(_id_or_key_clause(id_or_key))
            rows = list(conn.execute(query))
            return self._entries(conn, rows)[0] if rows else None

    def related(
        self, record_id: int, pairs: Collection[tuple[str, str]], limit: int = 6
    ) -> list[Related]:
        """The `limit` studies sharing most `field: value` pairs with record `record_id`'s,
        counted in the facet index; only the studies returned are read."""
        from exobone.store.related import sharing

        with self.engine.connect() as conn:
            return sharing(conn, self.facet_index, pairs, record_id, limit)

    def titles(self, record_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
        """(study label, title) of each of a few records, by record id."""
        from exobone.store.related import record_titles

        with self.engine.connect() as conn:
            return record_titles(conn, record_ids)

    def generation(self) -> int:
        """A number that grows with every write of studies, annotations or curations: what
        a cache of derived views is keyed on."""
        with self.engine.connect() as conn:
            return generation(conn)

    def studies(self, where: Where | None = None, query: str = "") -> Iterator[Study]:
        """Every extracted study with its effective annotations and evidence, in record order.

        `where` and `query` narrow it as in `search`. Streams in batches so memory stays
        flat on large stores.
        """
        from exobone.store.search import Searcher

        last = 0
        while True:
            with self.engine.connect() as conn:
                ids = Searcher(conn, query, where).study_ids()
                select_page = (
                    select(records_t)
                    .join(studies_t, studies_t.c.record_id == records_t.c.id)
                    .where(records_t.c.id > last)
                    .order_by(records_t.c.id)
                    .limit(BATCH)
                )
                if ids is not None:
                    select_page = select_page.where(studies_t.c.id.in_(ids))
                entries = self._entries(conn, list(conn.execute(select_page)))
            for entry in entries:
                if entry.study is not None:
                    yield entry.study
            if len(entries) < BATCH:
                return
            last = entries[-1].id

    def matching_records(self, where: Where) -> list[int]:
        """The numbers of the records meeting every `where` condition (`search`'s filters)."""
        from exobone.store.search import Searcher

        with self.engine.connect() as conn:
            found = conn.execute(Searcher(conn, "", where).matching(records_t.c.id))
            return sorted(rid for (rid,) in found)

    def study_states(self) -> dict[int, tuple[Any, ...]]:
        """Per record with a study: what its effective study is made from (study row and
        checksum, record checksum, the curators' rows), so that a view kept across writes
        can tell which studies a write changed without reading them."""
        with self.engine.connect() as conn:
            found = conn.execute(
                select(
                    records_t.c.id, studies_t.c.id, studies_t.c.checksum, records_t.c.checksum
                ).join(studies_t, studies_t.c.record_id == records_t.c.id)
            )
            study_record = {}
            states: dict[int, tuple[Any, ...]] = {}
            for record_id, study_id, study_sum, record_sum in found:
                study_record[study_id] = record_id
                states[record_id] = (study_id, study_sum, record_sum)
            curated = conn.execute(
                select(
                    annotations_t.c.study_id,
                    annotations_t.c.field,
                    annotations_t.c.value,
                    annotations_t.c.removed,
                )
                .where(annotations_t.c.origin == CURATED)
                .order_by(annotations_t.c.study_id, annotations_t.c.field, annotations_t.c.value)
            )
            for study_id, name, value, removed in curated:
                record_id = study_record.get(study_id)
                if record_id is not None:
                    states[record_id] += ((name, value, bool(removed)),)
        return states

    def entries(self, record_ids: Sequence[int]) -> list[Entry]:
        """The records of these numbers (unknown ones left out), with their studies."""
        found: list[Entry] = []
        with self.engine.connect() as conn:
            for batch in batched(record_ids, BATCH):
                rows = conn.execute(select(records_t).where(records_t.c.id.in_(batch)))
                found += self._entries(conn, list(rows))
        return found

    def pairs(
        self, fields: Sequence[str], where: Where | None = None, query: str = ""
    ) -> Iterator[tuple[str, str, str]]:
        """(study label, field, value) for the effective values of `fields`, streamed.

        The cheap input of `exobone.analysis.evidence_map_from_pairs`: no Study objects.
        """
        from exobone.store.search import Searcher, pairs_query

        with self.engine.connect() as conn:
            select_pairs = pairs_query(Searcher(conn, query, where), fields)
            result = conn.execution_options(stream_results=True, yield_per=10_000)
            for row in result.execute(select_pairs):
                yield str(row[0]), str(row[1]), str(row[2])

    def pairs_frame(self, fields: Sequence[str]) -> pd.DataFrame:
        """The rows of `pairs` for every study, as a (study_id, field, value) frame, read
        from the facet index instead of the annotation rows: the evidence map of 100k
        studies took 11 s from SQL rows."""
        from exobone.store.search import index_pairs

        for name in fields:
            check_field(name)
        with self.engine.connect() as conn:
            return index_pairs(conn, self.facet_index, fields)

    def evidence_counts(
        self, rows: str, cols: str, where: Where | None = None, query: str = ""
    ) -> list[tuple[str, str, int]]:
        """Studies per (value of `rows`, value of `cols`), most first.

        Counted in the facet index (the two fields' values paired per study); never builds
        Study objects.
        """
        from exobone.store.search import evidence_counts

        with self.engine.connect() as conn:
            return evidence_counts(
                conn, self.facet_index, rows, cols, where, query, self.text_index
            )

    # -- internals -----------------------------------------------------------------------

    @staticmethod
    def _log(
        conn: Connection, summary: IngestSummary, path: str | Path, digest: str, now: datetime
    ) -> None:
        """Log the file's content (`digest`) as ingested; a row of the same content logged
        by its sha256 (before migration 0012) takes the new digest instead of a second row."""
        values = {
            "format": summary.format,
            "records_read": summary.read,
            "problems": [str(problem) for problem in summary.problems],
        }
        rows = conn.execute(
            select(log_t).where(
                log_t.c.path == summary.path,
                (log_t.c.digest == digest) | log_t.c.digest.startswith(LEGACY_DIGEST),
            )
        ).mappings()
        found = {row["digest"]: row for row in rows}
        row = found.get(digest)
        if row is None and found:
            row = found.get(legacy_digest(path))
        if row is None:
            conn.execute(
                insert(log_t).values(path=summary.path, digest=digest, ingested_at=now, **values)
            )
        elif row["digest"] != digest or any(row[name] != value for name, value in values.items()):
            conn.execute(
                update(log_t)
                .where(log_t.c.id == row["id"])
                .values(digest=digest, ingested_at=now, **values)
            )

    def _curated_row(
        self, conn: Connection, study_id: int, name: str, value: str
    ) -> dict[str, Any] | None:
        row = conn.execute(
            select(
                annotations_t.c.removed, annotations_t.c.curated_by, annotations_t.c.curated_at
            ).where(
                annotations_t.c.study_id == study_id,
                annotations_t.c.field == name,
                annotations_t.c.value == value,
                annotations_t.c.origin == CURATED,
            )
        ).first()
        if row is None:
            return None
        at = row.curated_at.isoformat() if row.curated_at else None
        return {"removed": bool(row.removed), "curated_by": row.curated_by, "curated_at": at}

    def _set_curated(
        self,
        conn: Connection,
        study_id: int,
        name: str,
        value: str,
        state: Mapping[str, Any] | None,
    ) -> None:
        """Make the curated row of a value be `state` (None: no curated row)."""
        conn.execute(
            delete(annotations_t).where(
                annotations_t.c.study_id == study_id,
                annotations_t.c.field == name,
                annotations_t.c.value == value,
                annotations_t.c.origin == CURATED,
            )
        )
        if state is None:
            return
        at = state.get("curated_at")
        rank = conn.scalar(
            select(func.coalesce(func.max(annotations_t.c.rank), -1) + 1).where(
                annotations_t.c.study_id == study_id, annotations_t.c.field == name
            )
        )
        conn.execute(
            insert(annotations_t).values(
                study_id=study_id,
                field=name,
                value=value,
                rank=rank,
                origin=CURATED,
                curated_by=state.get("curated_by"),
                curated_at=datetime.fromisoformat(at) if isinstance(at, str) else at,
                removed=bool(state.get("removed")),
            )
        )
        remember_values(conn, [(name, value)])

    def _record_id(self, conn: Connection, id_or_key: int | str) -> int:
        record_id = conn.scalar(select(records_t.c.id).where(_id_or_key_clause(id_or_key)))
        if record_id is None:
            raise StoreError(f"no record {id_or_key!r} in the store")
        return int(record_id)

    def _entries(self, conn: Connection, rows: Sequence[Any]) -> list[Entry]:
        """Entries for record rows, loading their studies, annotations and evidence in bulk."""
        if not rows:
            return []
        record_ids = [row.id for row in rows]
        study_rows = {
            row.record_id: row
            for row in conn.execute(select(studies_t).where(studies_t.c.record_id.in_(record_ids)))
        }
        annotations = _load_annotations(conn, [row.id for row in study_rows.values()])
        entries = []
        for row in rows:
            record = Record(**record_values(row._mapping))
            study = None
            if (study_row := study_rows.get(row.id)) is not None:
                study = _study(study_row, row.label, record, annotations.get(study_row.id, []))
            entries.append(
                Entry(id=row.id, label=row.label, key=row.key, record=record, study=study)
            )
        return entries


_HOW_TO_CREATE = (
    "Create one with `exobone ingest FILE --db URL`, or name yours with --db or EXOBONE_DB."
)


def database_url(text: str | None) -> str:
    """The SQLAlchemy URL of a store: `text` itself, or an SQLite URL when it is a plain
    path. Other databases than SQLite and PostgreSQL are refused, naming the forms."""
    if not text:
        return DEFAULT_URL
    if "://" not in text:
        return f"sqlite:///{Path(text).expanduser()}"
    try:
        driver = make_url(text).drivername
    except ArgumentError:
        driver = ""
    if driver not in _DRIVERS:
        raise StoreError(f"unsupported database URL {shown_url(text)}: use {URL_FORMS}")
    return text


def shown_url(url: str) -> str:
    """`url` as messages show it: the password hidden."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def _check_file_exists(url: str, default: bool) -> None:
    """Refuse an SQLite URL whose file is not there (connecting would create it)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return
    if not Path(parsed.database).is_file():
        which = " (the default: no --db or EXOBONE_DB was given)" if default else ""
        raise StoreError(
            f"no exobone store at {url}{which}: {parsed.database} does not exist. " + _HOW_TO_CREATE
        )


class FileIngest:
    """A resumable ingest of one file (`Store.open_file`): batches in their own transactions.

    Each `write` commits one batch with the file's checkpoint (entries done and the counts so
    far); `resume_at` is how many entries an interrupted run of the same content with the
    same extraction already committed: give those to `skip` (cheap: their ids are looked
    up, nothing is written or extracted), the rest to `write`. `finish` logs the file and
    drops the checkpoint. A kill at any moment leaves whole batches, and the rerun's store
    equals that of one uninterrupted run.
    """

    def __init__(
        self, store: Store, path: str | Path, fmt: str | None, extractor_version: str | None
    ) -> None:
        self.store = store
        self.path = str(path)
        self.fmt = fmt
        self.digest = file_digest(path)
        self.now = _now()
        self.mode = f"extract {extractor_version}" if extractor_version else "records"
        self.writer = BatchWriter(self.path, extractor_version or __version__, self.now)
        self.done = 0
        with store.engine.connect() as conn:
            row = conn.execute(
                select(progress_t).where(
                    progress_t.c.path == self.path, progress_t.c.mode == self.mode
                )
            ).first()
        # A checkpoint of a run before migration 0012 names the content by its sha256.
        if row is not None and row.digest != self.digest and not self._legacy(row.digest):
            row = None
        self.resume_at = int(row.entries_done) if row is not None else 0
        if row is not None:
            self.writer.counts = Counts(**row.counts)

    def _legacy(self, digest: str) -> bool:
        """Whether `digest` is this file's sha256 (as written before migration 0012)."""
        return digest.startswith(LEGACY_DIGEST) and digest == legacy_digest(self.path)

    def skip(self, records: Sequence[Record]) -> None:
        """Entries the interrupted run committed (the first `resume_at`, in order)."""
        with self.store.engine.connect() as conn:
            self.writer.skip(conn, records)
        self.done += len(records)

    def write(self, entries: Sequence[Record | Study]) -> None:
        """Store one batch and the checkpoint, in one transaction."""
        try:
            with writing(self.store.engine) as conn:
                lock_state(conn)
                self.writer.write(conn, entries)
                self.done += len(entries)
                conn.execute(delete(progress_t).where(progress_t.c.path == self.path))
                conn.execute(
                    insert(progress_t).values(
                        path=self.path,
                        digest=self.digest,
                        mode=self.mode,
                        entries_done=self.done,
                        counts=self.writer.counts.to_json(),
                        updated_at=_now(),
                    )
                )
        except BaseException:
            self.writer.idents.forget()  # it knows rows of a transaction that did not commit
            raise

    def finish(self, problems: Sequence[RecordProblem] = ()) -> IngestSummary:
        """Log the file as ingested and drop its checkpoint."""
        summary = _summary(self.path, self.fmt, self.writer.counts, problems, 0)
        with writing(self.store.engine) as conn:
            lock_state(conn)
            Store._log(conn, summary, self.path, self.digest, self.now)
            conn.execute(delete(progress_t).where(progress_t.c.path == self.path))
        return summary


def _summary(
    path: str | Path,
    fmt: str | None,
    counts: Counts,
    problems: Sequence[RecordProblem],
    duplicates: int,
) -> IngestSummary:
    summary = IngestSummary(path=str(path), format=fmt, problems=list(problems))
    for name, number in counts.to_json().items():
        setattr(summary, name, number)
    summary.read = summary.new + summary.updated + summary.unchanged + summary.merged
    summary.read += duplicates + summary.skipped
    summary.merged += duplicates
    return summary


# The prefix of a file digest logged before migration 0012 (`legacy_digest`).
LEGACY_DIGEST = "sha256:"


def file_digest(path: str | Path) -> str:
    """What the ingest log and checkpoints know a file's content by: "xxh3_128:<hex>".

    The digest only tells a changed file from an unchanged one (nobody chooses our files to
    collide), so a fast non-cryptographic hash does: xxh3_128 of a 285 MB PubMed file costs
    ~0.02 CPU-s where sha256 cost 0.20-0.26.
    """
    return "xxh3_128:" + _digest_of(path, xxhash.xxh3_128())


def legacy_digest(path: str | Path) -> str:
    """The file's digest as rows logged before migration 0012 hold it: "sha256:<hex>"."""
    return LEGACY_DIGEST + _digest_of(path, hashlib.sha256())


def _digest_of(path: str | Path, digest: Any) -> str:
    """The hex digest of a file's bytes, fed to `digest` in chunks."""
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return str(digest.hexdigest())


def generation(conn: Connection) -> int:
    return int(conn.scalar(select(state_t.c.generation)) or 0)


_LABEL = re.compile(r"[Ss]0*(\d{1,18})")


def label_number(text: str) -> int | None:
    """The record number a study id names ("S04", "s4" -> 4), or None for other text."""
    found = _LABEL.fullmatch(text.strip())
    return int(found.group(1)) if found else None


def _curation(row: Any) -> Curation:
    return Curation(
        id=row.id,
        record_id=row.record_id,
        study_id=row.study_id,
        field=row.field,
        value=row.value,
        action=row.action,
        by=row.by,
        at=row.at,
        undone_at=row.undone_at,
    )


def _load_annotations(conn: Connection, study_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Annotation rows (with an `evidence` list) per study id."""
    if not study_ids:
        return {}
    rows = [
        dict(row)
        for row in conn.execute(
            select(annotations_t)
            .where(annotations_t.c.study_id.in_(study_ids))
            .order_by(annotations_t.c.study_id, annotations_t.c.field, annotations_t.c.rank)
        ).mappings()
    ]
    spans: dict[int, list[Span]] = defaultdict(list)
    ids = [row["id"] for row in rows]
    for start in range(0, len(ids), BATCH):
        for ev in conn.execute(
            select(evidence_t)
            .where(evidence_t.c.annotation_id.in_(ids[start : start + BATCH]))
            .order_by(evidence_t.c.id)
        ):
            spans[ev.annotation_id].append(
                Span(ev.start, ev.end, ev.sentence, ev.section, ev.inferred or "")
            )
    per_study: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        row["evidence"] = spans.get(row["id"], [])
        per_study[row["study_id"]].append(row)
    return per_study


def _study(row: Any, label: str, record: Record, annotations: list[dict[str, Any]]) -> Study:
    """Rebuild a Study: machine values, less those a curator removed, plus those added."""
    study = Study(id=label, record=record, warnings=list(row.warnings or []))
    study.annotations = empty_annotations()
    study.annotations["study_type"] = row.study_type
    removed = {
        (a["field"], a["value"]) for a in annotations if a["origin"] == CURATED and a["removed"]
    }
    # Machine rows come before curated ones of the same field so the extractor's order is kept.
    ordered = sorted(annotations, key=lambda a: (a["origin"] != MACHINE, a["rank"]))
    for annotation in ordered:
        name, text = annotation["field"], annotation["value"]
        if (name, text) in removed or name not in study.annotations:
            continue
        if name in SET_FIELDS:  # a single field's value is a column; its row holds evidence
            value: str | int = int(text) if name in INTEGER_FIELDS else text
            values = study.annotations[name]
            if value not in values:
                values.append(value)
        if annotation["evidence"]:
            study.evidence.setdefault(name, {}).setdefault(text, []).extend(annotation["evidence"])
    return study


def _effective(a: Any) -> Any:
    """An annotation row that counts: not withdrawn, and not withdrawn by a curator."""
    withdrawn = annotations_t.alias("withdrawn")
    return and_(
        a.c.removed.is_(False),
        ~exists().where(
            withdrawn.c.study_id == a.c.study_id,
            withdrawn.c.field == a.c.field,
            withdrawn.c.value == a.c.value,
            withdrawn.c.origin == CURATED,
            withdrawn.c.removed.is_(True),
        ),
    )


def _filters(conn: Connection, where: Filters | None) -> list[Any]:
    """Conditions on `records` keeping those whose study meets `where`, read as `search`
    reads it (one grammar for every command: `exobone.store.labels`)."""
    from exobone.store.search import Searcher

    if not where:
        return []
    ids = Searcher(conn, "", where).study_ids()
    assert ids is not None  # conditions always narrow
    return [records_t.c.id.in_(select(studies_t.c.record_id).where(studies_t.c.id.in_(ids)))]


def _id_or_key_clause(id_or_key: int | str) -> Any:
    """A record by number, study id ("S04", also "s4") or any of its identity keys."""
    if isinstance(id_or_key, int) or id_or_key.isdigit():
        return records_t.c.id == int(id_or_key)
    if (number := label_number(id_or_key)) is not None:
        return records_t.c.id == number
    return records_t.c.id.in_(select(keys_t.c.record_id).where(keys_t.c.key == id_or_key))


def _now() -> datetime:
    return datetime.now(UTC)
