"""Records and studies written a batch at a time: one look-up and a few bulk statements.

A batch of a file's entries (records, or studies when extracted) costs one query for the
stored copies of its papers, one for their studies, and one bulk call of the database
driver per table (`_Bulk`: SQLite's `executemany` of a prepared statement, PostgreSQL's
COPY), given tuples of values converted by each column's SQLAlchemy type, instead of
SQLAlchemy building every row's parameters. Matching, merging and study replacement follow
the same rules as one record at a time: the batch's entries are applied in order to the
rows it loaded.

Every write transaction first takes the store's state row (`lock_state`), so writers on
PostgreSQL queue up there instead of deadlocking on each other's value rows, and the shared
value rows go in with ON CONFLICT DO NOTHING.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from array import array
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice, repeat
from json import encoder as json_encoder
from operator import attrgetter, itemgetter
from typing import Any, TypeVar

import xxhash
from sqlalchemy import JSON, Connection, Table, delete, select, update

from exobone.model import CITATION_FIELDS, Record, Span, Study
from exobone.schema import ANNOTATION_FIELDS
from exobone.store.schema import (
    MACHINE,
    AnnotationRow,
    Base,
    EvidenceRow,
    FieldValueRow,
    RecordKeyRow,
    RecordRow,
    StoreStateRow,
    StudyRow,
)
from exobone.text.fold import normalise_title

# Entries per batch of a resumable ingest (`exobone ingest`, uploads): one transaction and
# checkpoint each, so a kill loses at most one batch. Every commit rewrites the pages its
# batch dirtied (the key indexes, FTS5's new segment) and flushes FTS5's pending terms:
# with 2,000 instead of 1,000 records a 50,000-record `ingest --no-extract` wrote 1,312
# instead of 1,492 MB and took ~0.3-0.6 CPU-s less (benchmarks/README.md, twelfth round).
BATCH_SIZE = 2000
# Entries per look-up of `Store.add_file` (`exobone load`: one transaction a partition):
# smaller batches only bound the Python objects alive at once.
LOAD_BATCH_SIZE = 1000
# Values per `IN (...)` list. Each list is filled up to this length (repeating a value, which
# IN ignores), so a query has one shape whatever the batch: SQLite's statement cache and
# psycopg's prepared statements then hold one program per query instead of one per list
# length (the memory of an ingest grew with them, ~1 KB per record).
IN_SIZE = 500
T = TypeVar("T")

records_t = Base.metadata.tables[RecordRow.__tablename__]
studies_t = Base.metadata.tables[StudyRow.__tablename__]
annotations_t = Base.metadata.tables[AnnotationRow.__tablename__]
evidence_t = Base.metadata.tables[EvidenceRow.__tablename__]
keys_t = Base.metadata.tables[RecordKeyRow.__tablename__]
values_t = Base.metadata.tables[FieldValueRow.__tablename__]
state_t = Base.metadata.tables[StoreStateRow.__tablename__]

# Record attributes stored in columns of the same name.
RECORD_COLUMNS: tuple[str, ...] = (
    *CITATION_FIELDS,
    "abstract",
    "abstract_raw",
    "title_raw",
    "keywords",
    "raw",
    "source",
    "position",
    "line",
)
# A record's values of `RECORD_COLUMNS`, in that order (of a dict, and of a Record).
_record_columns = itemgetter(*RECORD_COLUMNS)
_record_attributes = attrgetter(*RECORD_COLUMNS)
# What `record_checksum` leaves out: the source's own text of the record (~6-9 KB of XML a
# PubMed record, two thirds of its bytes), which nothing made from the store reads.
UNCHECKED = frozenset({"raw"})
# `RECORD_COLUMNS` sorted without `UNCHECKED`, as `record_checksum` takes a record's values.
_SORTED_COLUMNS = tuple(sorted(set(RECORD_COLUMNS) - UNCHECKED))
_sorted_columns = itemgetter(*_SORTED_COLUMNS)
_sorted_attributes = attrgetter(*_SORTED_COLUMNS)
# Where the lists (which `_record_values` copies) are among `_SORTED_COLUMNS`.
_LIST_PLACES = tuple(_SORTED_COLUMNS.index(name) for name in ("authors", "keywords"))
_ABSTRACT_RAW_AT = RECORD_COLUMNS.index("abstract_raw")
_ABSTRACT_AT = RECORD_COLUMNS.index("abstract")
# The record columns whose keys can prove two records different papers (`_rejects`).
IDENTITY_COLUMNS = ("doi", "pmid")
EVIDENCE_COLUMNS = ("section", "sentence", "start", "end", "text", "inferred")
# The columns of SQLite's full-text index `records_fts` (migration 0002).
TEXT_COLUMNS = "title, abstract, keywords, authors, journal"
COUNTS = ("new", "updated", "unchanged", "merged", "extracted")


@dataclass(slots=True)
class Counts:
    """What the batches of one file did (the numbers of `IngestSummary`)."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    merged: int = 0
    extracted: int = 0

    def to_json(self) -> dict[str, int]:
        return {name: getattr(self, name) for name in COUNTS}


# A paper's DOI key and PMID key (None where it has none): what `_rejects` compares.
Ident = tuple[str | None, str | None]
# An `Ident` with each key as its `hash` (`_hashed`): how a `_Holder` is known.
HashedIdent = tuple[int | None, int | None]


@dataclass(eq=False, slots=True)
class _Row:
    """A record row as the batch sees it; `id` is None until a new row is numbered."""

    id: int | None
    values: dict[str, Any]
    checksum: str
    key: str
    seen: bool
    ident: Ident
    new: bool = False
    dirty: bool = False
    # Every key of the paper, and those of them already in `record_keys`.
    keys: list[str] = field(default_factory=list)
    stored_keys: set[str] = field(default_factory=set)


@dataclass(eq=False, slots=True)
class _Holder:
    """A stored record known by its id and hashed `Ident` only: one that holds a key of the
    batch but that every entry with the key proves another paper (see `_load`)."""

    id: int
    ident: HashedIdent


class _New:
    """A record of the batch that matched no stored or earlier row: stored as a new row
    straight from its Record (`_flush_records`), its values dict and checksum made only if
    a later entry of the batch matches it (`row`, see `BatchWriter._stored`)."""

    __slots__ = ("id", "ident", "keys", "record", "row")
    new = True

    def __init__(self, record: Record, keys: list[str], ident: Ident) -> None:
        self.id: int | None = None
        self.record, self.keys, self.ident = record, keys, ident
        self.row: _Row | None = None


@dataclass(slots=True)
class _StudyState:
    id: int | None
    checksum: str | None
    study: Study | None = None
    annotations: list[tuple[str, str, int, list[tuple[Any, ...]]]] = field(default_factory=list)


class IdSet:
    """Record ids as the bits of a bytearray.

    A set of ints kept one object per record, each left on a small-object pool among a
    batch's short-lived objects: those pools could never be freed, and an ingest's memory
    grew ~2 KB per record.
    """

    def __init__(self) -> None:
        self.bits = bytearray()

    def add(self, number: int) -> None:
        place = number >> 3
        if place >= len(self.bits):
            self.bits.extend(bytes(place + 1 - len(self.bits) + len(self.bits) // 2))
        self.bits[place] |= 1 << (number & 7)

    def update(self, numbers: Iterable[int]) -> None:
        add = self.add
        for number in numbers:
            add(number)

    def __contains__(self, number: object) -> bool:
        if not isinstance(number, int):
            return False
        place = number >> 3
        return place < len(self.bits) and bool(self.bits[place] >> (number & 7) & 1)


class KnownIdents:
    """The hashed `Ident`s of stored records, by record id: those a writer stored or read.

    The key look-up finds tens of thousands of records per 50,000 that hold a title+year
    key of the batch, mostly the writer's own; reading their DOI and PMID from their rows
    read a 64 KiB page each (1.1 GB per 50,000 records on SQLite). 16 bytes a record (a
    hash of each key, -1 for none: `hash` never gives -1); two keys of one hash only make
    a row read, which `_match` then judges by its real keys. Kept from batch to batch on
    SQLite only, and only while no one else writes: `check`, at the start of a batch,
    forgets everything unless the connection, its `data_version` (which any other
    connection's commit moves) and the store's generation (which every write of records
    through the store moves, also on this connection) are what `settle` saw at the end of
    the batch before. PostgreSQL has no such counter: there it lasts one batch.
    """

    def __init__(self) -> None:
        self.known = IdSet()
        self.hashes = array("q")
        self.version: tuple[Any, ...] | None = None

    def check(self, conn: Connection) -> None:
        version = _store_version(conn)
        if version is None or version != self.version:
            self.forget()

    def settle(self, conn: Connection) -> None:
        self.version = _store_version(conn)

    def forget(self) -> None:
        self.known, self.hashes, self.version = IdSet(), array("q"), None

    def put(self, record_id: int, ident: Ident) -> None:
        place = 2 * record_id
        if place >= len(self.hashes):
            self.hashes.extend(bytes(8 * (place + 2 - len(self.hashes) + len(self.hashes) // 2)))
        doi, pmid = ident
        self.hashes[place] = -1 if doi is None else hash(doi)
        self.hashes[place + 1] = -1 if pmid is None else hash(pmid)
        self.known.add(record_id)

    def unknown(self, record_ids: Iterable[int]) -> list[int]:
        """Those of `record_ids` not known, in order."""
        bits = self.known.bits
        size = len(bits) << 3
        return sorted(i for i in record_ids if i >= size or not bits[i >> 3] >> (i & 7) & 1)

    def get(self, record_id: int) -> HashedIdent | None:
        if record_id not in self.known:
            return None
        doi, pmid = self.hashes[2 * record_id], self.hashes[2 * record_id + 1]
        return (None if doi == -1 else doi), (None if pmid == -1 else pmid)


def _store_version(conn: Connection) -> tuple[Any, ...] | None:
    """What moves when another connection or another writer writes (see `KnownIdents`);
    None on PostgreSQL."""
    if conn.dialect.name != "sqlite":
        return None
    generation = conn.scalar(select(state_t.c.generation))
    version = conn.exec_driver_sql("PRAGMA data_version").scalar()
    return conn.connection.dbapi_connection, version, generation


class BatchWriter:
    """Writes the entries of one file, batch by batch, into the caller's transactions.

    `seen` holds the ids of the records this file already stored (a later copy of the same
    paper in the file is merged into the first, never replaces it): a bit per record id.
    """

    def __init__(
        self,
        source: str,
        extractor_version: str,
        now: datetime,
        numbers: Mapping[str, int] | None = None,
    ) -> None:
        self.source = source
        self.extractor_version = extractor_version
        self.now = now
        # Record numbers given back by PMID (see `Store.add_file`).
        self.numbers = numbers or {}
        self.counts = Counts()
        self.seen = IdSet()
        self.idents = KnownIdents()
        self.checksum = RecordChecksum()
        self._remembered: set[tuple[str, str]] = set()

    def skip(self, conn: Connection, records: Sequence[Record]) -> None:
        """Records an earlier run of this file committed: only their ids are taken."""
        keyed = [_keyed(record) for record in records]
        by_key = _load(conn, keyed, self.seen, KnownIdents())
        for keys, ident in keyed:
            row = _match(by_key, keys, ident)
            if row is not None and row.id is not None:
                self.seen.add(row.id)

    def write(self, conn: Connection, entries: Sequence[Record | Study]) -> None:
        """Store one batch in `conn`'s transaction (which `lock_state` has already taken).

        A caller whose transaction then fails calls `idents.forget()` (as this does when
        it fails itself).
        """
        try:
            self._write(conn, entries)
        except BaseException:
            self.idents.forget()
            raise

    def _write(self, conn: Connection, entries: Sequence[Record | Study]) -> None:
        self.idents.check(conn)
        records = [_record(entry) for entry in entries]
        keyed = [_keyed(record) for record in records]
        by_key = _load(conn, keyed, self.seen, self.idents)
        rows: dict[int, _Row] = {}  # stored rows, by object id, in order of first use
        fresh: list[_New] = []
        placed: list[tuple[_Row | _New, Study | None, bool]] = []
        for entry, record, (keys, ident) in zip(entries, records, keyed, strict=True):
            study = entry if isinstance(entry, Study) else None
            found = _match(by_key, keys, ident)
            if found is None:
                self.counts.new += 1
                new = _New(record, keys, ident)
                fresh.append(new)
                _index(by_key, new, keys)
                placed.append((new, study, True))
                continue
            row = self._stored(found) if isinstance(found, _New) else found
            if not row.new:
                rows.setdefault(id(row), row)
            same_text = self._place(by_key, row, record, keys)
            placed.append((found, study, same_text))
        self._flush_records(conn, fresh, list(rows.values()))
        # Evidence offsets point into the text the study was extracted from: a copy whose
        # title or abstract differs from the stored one keeps the stored study.
        self._write_studies(conn, [(row, study) for row, study, same in placed if study and same])
        self.seen.update(row.id for row in rows.values() if row.id is not None)
        self.seen.update(new.id for new in fresh if new.id is not None)
        self.idents.settle(conn)

    def _stored(self, new: _New) -> _Row:
        """The row of a new record that a later entry of the batch matched (made once)."""
        if new.row is None:
            values = _record_values(new.record)
            new.row = _Row(
                None, values, self.checksum(values), new.keys[0], True, new.ident, new=True,
                keys=list(new.keys),
            )  # fmt: skip
        return new.row

    def _place(
        self, by_key: dict[str, _Row | _Holder | _New], row: _Row, record: Record, keys: list[str]
    ) -> bool:
        """Update or merge the stored (or earlier new) `row` of the same paper as `record`,
        in memory. Returns whether the stored title and abstract are the record's own."""
        values = _record_values(record)
        # The stored row's values are at hand: compared exactly (the raw text too, which the
        # checksum leaves out), whatever checksum an older version stored.
        if row.values == values:
            self.counts.unchanged += 1
            row.seen = True
            return True
        if row.seen or row.values["source"] != record.source:
            # The same paper from another file (or twice in one): keep what is stored and
            # only fill the fields it lacks.
            self.counts.merged += 1
            stored = row.values
            values = {
                name: value if _empty(stored[name]) else stored[name]
                for name, value in values.items()
            }
            for name in ("source", "position", "line", "raw"):
                values[name] = stored[name]
            same_text = (values["title"], values["abstract"]) == (record.title, record.abstract)
            row.seen = True
            if values == stored:
                return same_text
        else:
            self.counts.updated += 1
            same_text = True
        row.values, row.checksum, row.dirty, row.seen = values, self.checksum(values), True, True
        row.ident = _stored_ident(values)
        merged = identity_keys(Record(**values))
        added = [k for k in dict.fromkeys(keys + merged) if k not in row.keys]
        row.keys.extend(added)
        _index(by_key, row, added)
        return same_text

    def _flush_records(self, conn: Connection, fresh: list[_New], rows: list[_Row]) -> None:
        """Insert the batch's new records and their keys, update the stored rows it changed."""
        bulk = _Bulk(conn)
        if fresh:
            self._insert_new(conn, bulk, fresh)
        changed = [row for row in rows if row.dirty]
        if changed:
            bulk.update(
                records_t,
                ("checksum", "updated_at", *RECORD_COLUMNS),
                [[*_stored_row(row.values, row.checksum, self.now), row.id] for row in changed],
            )
        key_rows = [
            (new.id, key)
            for new in fresh
            for key in (new.keys if new.row is None else new.row.keys)
        ]
        key_rows += [
            (row.id, key) for row in changed for key in row.keys if key not in row.stored_keys
        ]
        if key_rows:
            bulk.insert(keys_t, ("record_id", "key"), key_rows)
        put = self.idents.put
        for new in fresh:
            assert new.id is not None
            put(new.id, new.ident if new.row is None else new.row.ident)
        for row in changed:
            row.stored_keys.update(row.keys)
            assert row.id is not None
            put(row.id, row.ident)
        if fresh or changed:  # views of the records (their years, in the facet index) follow
            bump_generation(conn)

    def _insert_new(self, conn: Connection, bulk: _Bulk, fresh: list[_New]) -> None:
        """Number the new records and insert their rows, built column by column: a record
        no later entry matched goes from its attributes to the driver without a values
        dict, its JSON lists encoded a column at a time (benchmarks/README.md, issue 16's
        fourteenth round)."""
        if self.numbers:
            for new in fresh:
                pmid = new.record.pmid if new.row is None else new.row.values["pmid"]
                new.id = self.numbers.get(pmid or "") or None
        unnumbered = [new for new in fresh if new.id is None]
        if unnumbered:
            bumped = update(state_t).values(last_record=state_t.c.last_record + len(unnumbered))
            last = int(conn.execute(bumped.returning(state_t.c.last_record)).scalar_one())
            for number, new in enumerate(unnumbered, start=last - len(unnumbered) + 1):
                new.id = number
        ids = [new.id for new in fresh if new.id is not None]
        if all(new.row is None for new in fresh):
            records = [new.record for new in fresh]
            columns = list(zip(*map(_record_attributes, records), strict=True))
            checksums = list(map(self.checksum.of_record, records))
        else:
            for new in fresh:
                if new.row is not None:
                    new.row.id = new.id
            columns = list(
                zip(
                    *[
                        _record_attributes(new.record)
                        if new.row is None
                        else _record_columns(new.row.values)
                        for new in fresh
                    ],
                    strict=True,
                )
            )
            checksums = [
                self.checksum.of_record(new.record) if new.row is None else new.row.checksum
                for new in fresh
            ]
        # abstract_raw is NULL where it is the abstract (`_stored_row`).
        columns[_ABSTRACT_RAW_AT] = tuple(
            None if raw == abstract else raw
            for abstract, raw in zip(columns[_ABSTRACT_AT], columns[_ABSTRACT_RAW_AT], strict=True)
        )
        bulk.insert_columns(
            records_t,
            {
                "id": ids,
                "label": list(map(study_label, ids)),
                "key": [new.keys[0] for new in fresh],
                "checksum": checksums,
                **dict(zip(RECORD_COLUMNS, columns, strict=True)),
            },
            {"created_at": self.now, "updated_at": self.now},
        )
        bulk.index_text(ids)

    def _write_studies(self, conn: Connection, placed: list[tuple[_Row | _New, Study]]) -> None:
        """Store the extractor's output; a study already stored as is is left alone."""
        if not placed:
            return
        ids = sorted({row.id for row, _ in placed if row.id is not None and not row.new})
        states: dict[int, _StudyState] = {}
        for chunk in padded(ids):
            query = select(studies_t.c.record_id, studies_t.c.id, studies_t.c.checksum).where(
                studies_t.c.record_id.in_(chunk)
            )
            states |= {int(r[0]): _StudyState(int(r[1]), str(r[2])) for r in conn.execute(query)}
        touched: dict[int, _StudyState] = {}
        for row, study in placed:
            assert row.id is not None
            annotations = _machine_annotations(study)
            checksum = _checksum(
                {"type": study.annotations.get("study_type"), "ann": _as_dicts(annotations)}
            )
            state = states.setdefault(row.id, _StudyState(None, None))
            if state.checksum == checksum:
                continue
            state.checksum, state.study, state.annotations = checksum, study, annotations
            touched[row.id] = state
            self.counts.extracted += 1
        if not touched:
            return
        self._replace_studies(conn, touched)

    def _replace_studies(self, conn: Connection, touched: dict[int, _StudyState]) -> None:
        bulk = _Bulk(conn)

        def values(state: _StudyState) -> tuple[Any, ...]:
            assert state.study is not None
            return (
                str(state.study.annotations.get("study_type") or "primary"),
                self.extractor_version,
                self.now,
                list(state.study.warnings),
                state.checksum,
            )

        columns = ("study_type", "extractor_version", "extracted_at", "warnings", "checksum")
        old = [state for state in touched.values() if state.id is not None]
        if old:
            bulk.update(studies_t, columns, [(*values(state), state.id) for state in old])
            for old_ids in padded([state.id for state in old]):
                machine = select(annotations_t.c.id).where(
                    annotations_t.c.study_id.in_(old_ids), annotations_t.c.origin == MACHINE
                )
                conn.execute(delete(evidence_t).where(evidence_t.c.annotation_id.in_(machine)))
                conn.execute(
                    delete(annotations_t).where(
                        annotations_t.c.study_id.in_(old_ids), annotations_t.c.origin == MACHINE
                    )
                )
        fresh = [(record_id, s) for record_id, s in touched.items() if s.id is None]
        if fresh:
            for (_, state), study_id in zip(
                fresh, bulk.new_ids(studies_t, len(fresh)), strict=True
            ):
                state.id = study_id
            bulk.insert(
                studies_t,
                ("id", "record_id", *columns),
                [(state.id, record_id, *values(state)) for record_id, state in fresh],
            )
        annotations = [(state.id, item) for state in touched.values() for item in state.annotations]
        if annotations:
            annotation_ids = bulk.new_ids(annotations_t, len(annotations))
            bulk.insert(
                annotations_t,
                ("id", "study_id", "field", "value", "rank", "origin", "removed"),
                [
                    (annotation_id, study_id, name, value, rank, MACHINE, False)
                    for annotation_id, (study_id, (name, value, rank, _)) in zip(
                        annotation_ids, annotations, strict=True
                    )
                ],
            )
            evidence = [
                (annotation_id, *span)
                for annotation_id, (_, (_, _, _, spans)) in zip(
                    annotation_ids, annotations, strict=True
                )
                for span in spans
            ]
            if evidence:
                bulk.insert(evidence_t, ("annotation_id", *EVIDENCE_COLUMNS), evidence)
            pairs = {(name, value) for _, (name, value, _, _) in annotations}
            remember_values(conn, pairs - self._remembered)
            self._remembered |= pairs
        bump_generation(conn)


class _Bulk:
    """Rows written by the database driver's own bulk calls, in `conn`'s transaction.

    SQLite runs one prepared statement over all rows (`executemany`); PostgreSQL takes new
    rows by COPY and updates by `executemany` (pipelined by psycopg). Values are converted
    by each column's SQLAlchemy type (JSON, dates), so the stored text is what SQLAlchemy
    itself writes; column names come from the tables, values are always parameters.
    """

    def __init__(self, conn: Connection) -> None:
        self.dialect = conn.dialect
        self.postgres = conn.dialect.name == "postgresql"
        self.cursor: Any = conn.connection.cursor()
        self.mark = "%s" if self.postgres else "?"

    def insert(self, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        self._write(table, columns, self._converted(table, columns, rows))

    def insert_columns(
        self, table: Table, columns: Mapping[str, Sequence[Any]], same: Mapping[str, Any]
    ) -> None:
        """Insert rows given column by column (`same`: a value of every row), each column
        converted by its type at once (`same` once), the rows made by `zip` only."""
        count = len(next(iter(columns.values())))
        values: list[Iterable[Any]] = [
            self._column(table, name, column) for name, column in columns.items()
        ]
        for name, value in same.items():
            bind = self._bind(table, name)
            values.append(repeat(value if bind is None else bind(value), count))
        self._write(table, [*columns, *same], zip(*values, strict=True))

    def _write(self, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """The rows of `columns` into `table`: one COPY on PostgreSQL, one executemany on
        SQLite."""
        names = ", ".join(map(self._quote, columns))
        if self.postgres:
            with self.cursor.copy(f"COPY {self._quote(table.name)} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join([self.mark] * len(columns))
        self.cursor.executemany(
            f"INSERT INTO {self._quote(table.name)} ({names}) VALUES ({marks})", rows
        )

    def _column(self, table: Table, name: str, column: Sequence[Any]) -> Sequence[Any]:
        """A column's values as its type binds them; lists of a JSON column on SQLite by
        json's C encoder without a Python call a value (`_json_lists`' text)."""
        bind = self._bind(table, name)
        if bind is None:
            return column
        if (
            _LIST_JSON is not None
            and not self.postgres
            and isinstance(table.c[name].type.dialect_impl(self.dialect), JSON)
            and getattr(self.dialect, "_json_serializer", None) is None
            and set(map(type, column)) == {list}
        ):
            return list(map("".join, map(_LIST_JSON, column, repeat(0))))
        return list(map(bind, column))

    def _bind(self, table: Table, name: str) -> Callable[[Any], Any] | None:
        """The bind processor of a column's type (`_json_lists` for JSON on SQLite)."""
        column_type = table.c[name].type.dialect_impl(self.dialect)
        bind: Callable[[Any], Any] | None = column_type.bind_processor(self.dialect)
        if bind is not None and isinstance(column_type, JSON) and not self.postgres:
            bind = _json_lists(bind, self.dialect)
        return bind

    def insert_new(
        self, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        """Insert rows whose primary key may already be stored; those are left as they are."""
        names = ", ".join(map(self._quote, columns))
        marks = ", ".join([self.mark] * len(columns))
        self.cursor.executemany(
            f"INSERT INTO {self._quote(table.name)} ({names}) VALUES ({marks}) "
            "ON CONFLICT DO NOTHING",
            self._converted(table, columns, rows),
        )

    def index_text(self, record_ids: Sequence[int]) -> None:
        """Add new records to SQLite's full-text index (PostgreSQL's is a generated column).

        One statement per batch instead of a trigger per row (migration 0008): a trigger's
        insert into FTS5 costs ~4x as much (20,000 records: 1.9 CPU-s -> 0.6). The ids go
        in as one JSON array, so a batch is one statement whatever its size (lists of
        `IN_SIZE` made two a batch, the last one padded).
        """
        if self.postgres or not record_ids:
            return
        self.cursor.execute(
            f"INSERT INTO records_fts(rowid, {TEXT_COLUMNS}) "
            f"SELECT id, {TEXT_COLUMNS} FROM records WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(list(record_ids)),),
        )

    def update(self, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Set `columns` of the rows whose id is the last value of each row."""
        assignments = ", ".join(f"{self._quote(name)} = {self.mark}" for name in columns)
        self.cursor.executemany(
            f"UPDATE {self._quote(table.name)} SET {assignments} WHERE id = {self.mark}",
            self._converted(table, (*columns, "id"), rows),
        )

    def new_ids(self, table: Table, count: int) -> list[int]:
        """`count` ids for new rows of `table`, the ones its own numbering would give.

        The caller's transaction holds the store's write lock (`lock_state`; SQLite's
        BEGIN IMMEDIATE), so on SQLite no other writer can take the ids after the largest.
        """
        if self.postgres:
            self.cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                (table.name, count),
            )
            return sorted(int(found[0]) for found in self.cursor.fetchall())
        self.cursor.execute(f"SELECT coalesce(max(id), 0) FROM {self._quote(table.name)}")
        last = int(self.cursor.fetchone()[0])
        return list(range(last + 1, last + 1 + count))

    def _quote(self, name: str) -> str:
        return str(self.dialect.identifier_preparer.quote(name))

    def _converted(
        self, table: Table, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> Sequence[Sequence[Any]]:
        """Rows with each value as the column's SQLAlchemy type binds it (a row given as a
        list is converted in place, others are copied into lists)."""
        convert: list[tuple[int, Callable[[Any], Any]]] = []
        for place, name in enumerate(columns):
            bind = self._bind(table, name)
            if bind is not None:
                convert.append((place, bind))
        if not convert or not rows:
            return rows
        # A column whose value is one object in every row (the batch's clock) is converted
        # once; only the others are converted row by row.
        varying: list[tuple[int, Callable[[Any], Any]]] = []
        same: list[tuple[int, Any]] = []
        for place, bind in convert:
            value = rows[0][place]
            if all(row[place] is value for row in rows):
                same.append((place, bind(value)))
            else:
                varying.append((place, bind))
        converted = []
        for row in rows:
            values = row if type(row) is list else list(row)
            for place, bind in varying:
                values[place] = bind(values[place])
            for place, value in same:
                values[place] = value
            converted.append(values)
        return converted


# json.dumps' own C encoder with json.dumps' defaults, made once (None without the C
# accelerator). json.dumps makes a new one at each call: ~3 us of a list's ~6 here.
_make_encoder: Any = getattr(json_encoder, "c_make_encoder", None)
_LIST_JSON: Callable[[Any, int], Sequence[str]] | None = (
    _make_encoder(
        None, json.JSONEncoder().default, json_encoder.encode_basestring_ascii, None,
        ": ", ", ", False, False, True,
    )  # fmt: skip
    if _make_encoder is not None
    else None
)


def _json_lists(bind: Callable[[Any], Any], dialect: Any) -> Callable[[Any], Any]:
    """SQLAlchemy's JSON bind processor for SQLite, the same text for lists (the authors and
    keywords of every record) at half the cost; other values go to `bind`."""
    encode = _LIST_JSON
    if encode is None or getattr(dialect, "_json_serializer", None) is not None:
        return bind

    def process(value: Any) -> Any:
        if type(value) is list:
            return "".join(encode(value, 0))
        return bind(value)

    return process


def lock_state(conn: Connection) -> None:
    """Take the store's state row first in a write transaction (SQLite's BEGIN IMMEDIATE
    already holds the whole database), so writers queue up instead of deadlocking."""
    if conn.dialect.name == "postgresql":
        conn.execute(select(state_t.c.id).with_for_update())


def bump_generation(conn: Connection) -> None:
    """Mark the studies or annotations as changed, in the writing transaction."""
    conn.execute(update(state_t).values(generation=state_t.c.generation + 1))


def remember_values(conn: Connection, pairs: Iterable[tuple[str, str]]) -> None:
    """Add (field, value) pairs to the list of stored values; known ones are left as they are,
    also when another process adds the same value at the same moment."""
    rows = sorted(set(pairs))
    if rows:
        _Bulk(conn).insert_new(values_t, ("field", "value"), rows)


def study_label(number: int) -> str:
    """The study id of record `number`: S01 ... S99, S100 ... (migration 0004 writes the same)."""
    return f"S{number:02d}"


def identity_keys(record: Record) -> list[str]:
    """Every key that identifies the paper, strongest first (the first is `record_key`).

    The weaker keys are `record_key` of the record with its DOI (then also its PMID) left
    out; a title key counts only with a year, as in `exobone.ingest.dedup.deduplicate`.
    """
    return _identity_keys(
        _doi_key(record.doi), _pmid_key(record.pmid), record.title, record.abstract, record.year
    )


def _identity_keys(
    doi_key: str | None, pmid_key: str | None, title: str, abstract: str, year: int | None
) -> list[str]:
    """`identity_keys` of a record with this DOI key, PMID key and fields.

    `exobone.ingest.dedup.identity_key` of the record, of it without DOI and of it without
    DOI and PMID, written out (a third of the time): the DOI key, the PMID key, and the
    title (or abstract) key where there is no PMID key, or with a PMID, a year and a title
    that normalises to something. A weak key without a year (it ends in "|") counts only
    as the record's first key.
    """
    keys = [doi_key] if doi_key else []
    if pmid_key:
        keys.append(pmid_key)
        if year and title:
            weak = _weak_key(title, abstract, year)
            if not weak.startswith("title:|"):
                keys.append(weak)
    elif year or not keys:
        keys.append(_weak_key(title, abstract, year))
    return keys


def _doi_key(doi: str | None) -> str | None:
    """The DOI key of `identity_key` (None without a DOI)."""
    if doi:
        doi = doi.strip()
        if doi:
            return f"doi:{doi.lower()}"
    return None


def _pmid_key(pmid: str | None) -> str | None:
    """The PMID key of `identity_key` (None without a PMID)."""
    if pmid:
        pmid = pmid.strip().lstrip("0")
        if pmid:
            return f"pmid:{pmid}"
    return None


def _weak_key(title: str, abstract: str, year: int | None) -> str:
    """The key of `identity_key` without DOI and PMID: the title and year, or the abstract
    and year of a record kept without a title."""
    if not title and abstract:
        return f"abstract:{normalise_title(abstract)[:300]}|{year or ''}"
    return f"title:{normalise_title(title)}|{year or ''}"


def _keyed(record: Record) -> tuple[list[str], Ident]:
    """The record's `identity_keys` and its `Ident` (its DOI key and PMID key, each made once)."""
    ident = _doi_key(record.doi), _pmid_key(record.pmid)
    return _identity_keys(*ident, record.title, record.abstract, record.year), ident


def _hashed(ident: Ident) -> HashedIdent:
    """`ident` with each key as its `hash` (as `KnownIdents` keeps it)."""
    doi, pmid = ident
    return (None if doi is None else hash(doi)), (None if pmid is None else hash(pmid))


def _stored_ident(values: Mapping[str, Any]) -> Ident:
    """The `Ident` of a record's values."""
    return _doi_key(values["doi"]), _pmid_key(values["pmid"])


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of `size` items (the last may be shorter)."""
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def padded(values: Sequence[T]) -> Iterator[list[T]]:
    """`values` in lists of exactly `IN_SIZE` (the last one filled with its last value)."""
    for start in range(0, len(values), IN_SIZE):
        chunk = list(values[start : start + IN_SIZE])
        yield chunk + [chunk[-1]] * (IN_SIZE - len(chunk))


def _record(entry: Record | Study) -> Record:
    return entry.record if isinstance(entry, Study) else entry


def _load(
    conn: Connection,
    keyed: Sequence[tuple[list[str], Ident]],
    seen: IdSet,
    idents: KnownIdents,
) -> dict[str, _Row | _Holder | _New]:
    """The stored records holding a key of `keyed` (each entry's keys and `Ident`), by each
    such key.

    First only the hashed DOI and PMID keys of the records found are taken (from `idents`,
    else read from their rows); whole rows (with the raw text) are read only for the
    records `_match` can return: those some entry does not prove a different paper by its
    DOI or PMID (with synthetic or common titles, most title+year hits are other papers).
    The others stay `_Holder`s: `_match` rejects them again, which keeps the order of
    matching what it was.
    """
    wanted = sorted({key for keys, _ in keyed for key in keys})
    if not wanted:
        return {}
    holder_ids: dict[str, int] = {}
    bulk = _Bulk(conn)
    marks = ", ".join([bulk.mark] * IN_SIZE)
    # Of several papers holding one key (the title+year key of a common title), the one
    # matched is the last to have gained it, and only that one is read: reading them all
    # made the look-up grow with the store (50k records on SQLite: 2.3 CPU-s). SQLite: the
    # largest rowid of the key's rows. PostgreSQL: the row last in the table (largest
    # ctid), which is where a new row goes unless it reuses the space of removed ones.
    holders = (
        f"SELECT DISTINCT ON (key) key, record_id FROM {keys_t.name} WHERE key IN ({marks}) "
        "ORDER BY key, ctid DESC"
        if bulk.postgres
        else f"SELECT key, record_id FROM {keys_t.name} WHERE rowid IN "
        f"(SELECT max(rowid) FROM {keys_t.name} WHERE key IN ({marks}) GROUP BY key)"
    )
    for chunk in padded(wanted):
        # The driver's own cursor: tens of thousands of hits (title+year keys of other
        # papers) cost ~4x as much as SQLAlchemy rows.
        bulk.cursor.execute(holders, chunk)
        holder_ids.update(bulk.cursor.fetchall())  # (key, record_id): both drivers give ints
    unknown = idents.unknown(set(holder_ids.values()))
    identity = ", ".join(map(bulk._quote, IDENTITY_COLUMNS))
    for unknown_ids in padded(unknown):
        bulk.cursor.execute(
            f"SELECT id, {identity} FROM {records_t.name} WHERE id IN ({marks})", unknown_ids
        )
        for found_id, doi, pmid in bulk.cursor.fetchall():
            idents.put(int(found_id), (_doi_key(doi), _pmid_key(pmid)))
    by_id: dict[int, _Holder] = {}
    found: dict[str, _Holder] = {}
    for key, record_id in holder_ids.items():
        holder = by_id.get(record_id)
        if holder is None:
            known = idents.get(record_id)
            assert known is not None, "every holder's keys were read"
            holder = by_id[record_id] = _Holder(record_id, known)
        found[key] = holder
    possible: set[int] = set()
    for keys, ident in keyed:
        hashed = None
        for key in keys:
            candidate = found.get(key)
            if candidate is not None:
                hashed = hashed or _hashed(ident)
                if not _rejects(hashed, candidate.ident, key):
                    possible.add(candidate.id)
    rows: dict[int, _Row] = {}
    for ids in padded(sorted(possible)):
        for stored in conn.execute(select(records_t).where(records_t.c.id.in_(ids))).mappings():
            record_id = int(stored["id"])
            values = record_values(stored)
            rows[record_id] = _Row(
                record_id, values, stored["checksum"], stored["key"], record_id in seen,
                _stored_ident(values),
            )  # fmt: skip
            idents.put(record_id, rows[record_id].ident)
        # The stored keys of a matched record, so that an update adds only missing ones.
        query = select(keys_t.c.record_id, keys_t.c.key).where(keys_t.c.record_id.in_(ids))
        for record_id, key in conn.execute(query):
            row = rows[int(record_id)]
            row.keys.append(str(key))
            row.stored_keys.add(str(key))
    return {key: rows.get(holder.id, holder) for key, holder in found.items()}


def _index(by_key: dict[str, _Row | _Holder | _New], row: _Row | _New, keys: Iterable[str]) -> None:
    for key in keys:
        by_key.setdefault(key, row)


def _match(
    by_key: Mapping[str, _Row | _Holder | _New], keys: list[str], ident: Ident
) -> _Row | _New | None:
    """The row that is the same paper, by DOI, then PMID, then title and year: a stored row,
    or a new one of this batch (its `_Row` once a match made it one).

    Like in-file de-duplication, two records whose DOIs differ are never the same paper,
    nor are two matched only by title whose PMIDs differ.
    """
    for key in keys:
        row = by_key.get(key)
        if row is None:
            continue
        if isinstance(row, _Holder):
            assert _rejects(_hashed(ident), row.ident, key), "_load reads the rows _match returns"
            continue
        if isinstance(row, _New) and row.row is not None:
            row = row.row
        if not _rejects(ident, row.ident, key):
            return row
    return None


def _rejects(mine: Ident | HashedIdent, theirs: Ident | HashedIdent, key: str) -> bool:
    """Whether a paper of `Ident` `mine` is proven another than the one of `theirs`, found by
    `key`: their DOIs differ, or they were found by title and their PMIDs differ (both
    `Ident`s or both hashed)."""
    (my_doi, my_pmid), (doi, pmid) = mine, theirs
    if my_doi is not None and doi is not None and my_doi != doi:
        return True
    return (
        my_pmid is not None and pmid is not None and my_pmid != pmid and key.startswith("title:")
    )


def _machine_annotations(study: Study) -> list[tuple[str, str, int, list[tuple[Any, ...]]]]:
    """(field, value, rank, evidence rows) for every value of a study (study_type's row
    carries its evidence; its value is also the `study_type` column)."""
    found = []
    for name in ANNOTATION_FIELDS:
        given = study.annotations.get(name)
        seen: set[str] = set()
        for rank, value in enumerate([given] if isinstance(given, str) else given or []):
            text = str(value)
            if text in seen:
                continue
            seen.add(text)
            spans = study.evidence.get(name, {}).get(text, [])
            found.append((name, text, rank, [_evidence_values(study.record, s) for s in spans]))
    return found


def _as_dicts(
    annotations: list[tuple[str, str, int, list[tuple[Any, ...]]]],
) -> list[tuple[str, str, int, list[dict[str, Any]]]]:
    """Annotations with their evidence as `{column: value}`: the form study checksums are
    made of (stores written before keep recognising their studies as unchanged; `inferred`
    is left out where empty, as it was before it was stored)."""
    return [
        (name, value, rank, [_evidence_dict(span) for span in spans])
        for name, value, rank, spans in annotations
    ]


def _evidence_dict(span: tuple[Any, ...]) -> dict[str, Any]:
    """The span as `EVIDENCE_COLUMNS` (written out: ~26 spans per study; dict(zip()) cost
    2x as much)."""
    section, sentence, start, end, text, inferred = span
    found = {"section": section, "sentence": sentence, "start": start, "end": end, "text": text}
    if inferred:
        found["inferred"] = inferred
    return found


def _evidence_values(record: Record, span: Span) -> tuple[Any, ...]:
    """The values of `EVIDENCE_COLUMNS` for one span."""
    text = record.title if span.section == "title" else record.abstract
    words = text[span.start : span.end]
    return (span.section, span.sentence, span.start, span.end, words, span.inferred)


def _stored_row(values: Mapping[str, Any], *first: Any) -> list[Any]:
    """`first`, then a record's values of `RECORD_COLUMNS` as the records table holds them:
    abstract_raw NULL when it is the abstract (migration 0011; ~1.2 KB less a PubMed
    record). One list, which `_Bulk` converts in place: the row is built once."""
    row = [*first, *_record_columns(values)]
    place = len(first) + _ABSTRACT_RAW_AT
    if row[place] == values["abstract"]:
        row[place] = None
    return row


def record_values(found: Mapping[Any, Any]) -> dict[str, Any]:
    """A stored record row's values of `RECORD_COLUMNS` (as the Record's fields): a NULL
    abstract_raw is the abstract (`_stored_row`)."""
    values = {name: found[name] for name in RECORD_COLUMNS}
    if values["abstract_raw"] is None:
        values["abstract_raw"] = values["abstract"]
    return values


def _record_values(record: Record) -> dict[str, Any]:
    # Not strict: both come from RECORD_COLUMNS (the check cost ~0.5 us a record).
    values = dict(zip(RECORD_COLUMNS, _record_attributes(record), strict=False))
    values["authors"] = list(record.authors)
    values["keywords"] = list(record.keywords)
    return values


def record_checksum(values: Mapping[str, Any]) -> str:
    """xxh3_128 of a record's stored fields but its raw text (`UNCHECKED`): their names,
    then their values pickled; 32 hex digits.

    It marks what a record's views are made of (`Store.study_states`): only a change has to
    change it, nobody chooses our records to collide, so a fast non-cryptographic hash does
    (sha256 cost ~0.3 CPU-s per 50,000 PubMed records more). Whether a record is unchanged
    is decided by comparing its fields with the stored row's, raw text included
    (`BatchWriter._place`), so a source whose raw text alone changed updates the row.
    The pickler runs without its memo, so equal values give the same bytes whatever objects
    hold them (with the memo, a title that is also the raw title would be written once).
    Stores written before hold other checksums (sha256 of these bytes, of the fields with
    the raw text, or of the fields' JSON): a re-ingest leaves an unchanged record's as it
    is, and a record's next change rewrites it.
    A writer checksums its records with one `RecordChecksum` of its own (the same digests).
    """
    return RecordChecksum()(values)


class RecordChecksum:
    """`record_checksum` with one pickler kept from record to record: making a pickler (and
    its sink) for each record was ~1.3 of its ~5.6 us. Not for sharing between threads."""

    __slots__ = ("_pickler", "update")

    def __init__(self) -> None:
        self.update: Callable[[Any], None] = _no_digest
        # The pickle's bytes go straight into the current digest, unbuffered.
        self._pickler = pickle.Pickler(self, protocol=4)
        self._pickler.fast = True  # no memo: bytes by value, not by object identity

    def write(self, data: Any) -> None:
        self.update(data)

    def of_record(self, record: Record) -> str:
        """The checksum of `_record_values(record)`, taken from the record's attributes (the
        same bytes: its lists pickled as lists)."""
        items = list(_sorted_attributes(record))
        for place in _LIST_PLACES:
            if type(items[place]) is not list:
                items[place] = list(items[place])
        return self._pickled(_COLUMNS_DIGEST.copy(), items)

    def __call__(self, values: Mapping[str, Any]) -> str:
        if values.keys() == _COLUMN_SET:  # (a record's values: names hashed once)
            digest = _COLUMNS_DIGEST.copy()
            items = list(_sorted_columns(values))
        else:
            names = sorted(name for name in values if name not in UNCHECKED)
            digest = _names_digest(names)
            items = [values[name] for name in names]
        return self._pickled(digest, items)

    def _pickled(self, digest: Any, items: list[Any]) -> str:
        """The hex digest of `digest` fed with the pickle of `items` (the pickler writes here)."""
        self.update = digest.update
        try:
            self._pickler.dump(items)
        finally:
            self.update = _no_digest
        return str(digest.hexdigest())


def _no_digest(_data: Any) -> None:
    raise RuntimeError("RecordChecksum wrote outside a checksum")


def _names_digest(names: Iterable[str]) -> Any:
    """xxh3_128 fed with the sorted field names of `record_checksum`."""
    return xxhash.xxh3_128("\0".join(names).encode())


_COLUMN_SET = frozenset(RECORD_COLUMNS)
_COLUMNS_DIGEST = _names_digest(_SORTED_COLUMNS)


def _checksum(values: Mapping[str, Any]) -> str:
    text = json.dumps(values, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == 0
