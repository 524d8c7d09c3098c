"""A columnar, in-memory index of the effective annotations, for facets, filters and the map.

Counting in SQL visits every matching study's annotation rows; here each field is two
integer arrays (study row -> value codes, and value code -> study rows) so a filter is a
boolean mask over the studies, a facet is one `np.bincount`, and the evidence map pairs two
fields' codes per study. The index belongs to one process; it is rebuilt when the store's
generation (bumped by every write of studies or annotations) or its largest ids change, one
field at a time and only when a query needs that field. For a SQLite file each part is also
saved next to the database (`<db>.facets/`) so that a new process loads it instead of
reading millions of rows again.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Connection, Engine, func, select

from exobone.store.schema import (
    CURATED,
    AnnotationRow,
    Base,
    StoreStateRow,
    StudyRow,
)
from exobone.store.writer import values_t

studies_t = Base.metadata.tables[StudyRow.__tablename__]
annotations_t = Base.metadata.tables[AnnotationRow.__tablename__]
state_t = Base.metadata.tables[StoreStateRow.__tablename__]
Key = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class Studies:
    """The studies in id order: row i is study `ids[i]` of record `records[i]`.

    `by_record` maps a record id to its study's row (-1: none).
    """

    key: Key
    ids: np.ndarray
    records: np.ndarray
    by_record: np.ndarray
    kinds: np.ndarray
    kind_values: list[str]

    def count_kinds(self, rows: np.ndarray | None) -> list[tuple[str, int]]:
        kinds = self.kinds if rows is None else self.kinds[rows]
        return ordered(self.kind_values, np.bincount(kinds, minlength=len(self.kind_values)))

    def rows_of_records(self, record_ids: np.ndarray) -> np.ndarray:
        """The study row of each record id, -1 for a record without a study."""
        rows = np.full(len(record_ids), -1, dtype=np.int64)
        known = record_ids < len(self.by_record)
        rows[known] = self.by_record[record_ids[known]]
        return rows


@dataclass(frozen=True, slots=True)
class Column:
    """One field: CSR of value codes per study row, and the study rows of each code."""

    key: Key
    values: list[str]
    indptr: np.ndarray
    codes: np.ndarray
    starts: np.ndarray
    postings: np.ndarray
    _totals: np.ndarray | None = field(default=None, repr=False, compare=False)

    def codes_of(self, values: Sequence[str]) -> list[int]:
        position = {value: code for code, value in enumerate(self.values)}
        return [position[v] for v in values if v in position]

    def rows_having(self, codes: Sequence[int]) -> np.ndarray:
        """Study rows having any of `codes` (may repeat a row when several codes match)."""
        parts = [self.postings[self.starts[c] : self.starts[c + 1]] for c in codes]
        return np.concatenate(parts) if parts else np.empty(0, dtype=np.int32)

    def codes_for(self, rows: np.ndarray | None, size: int) -> tuple[np.ndarray, np.ndarray]:
        """(study row, code) of every value of the given rows (all rows when None)."""
        if rows is None:
            counts = np.diff(self.indptr)
            return np.repeat(np.arange(size, dtype=np.int32), counts), self.codes
        lengths = self.indptr[rows + 1] - self.indptr[rows]
        total = int(lengths.sum())
        if total == 0:
            return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.int32)
        # Positions of each row's run in `codes`, all runs laid end to end.
        ends = np.cumsum(lengths)
        shift = np.repeat(self.indptr[rows] - (ends - lengths), lengths)
        positions = shift + np.arange(total, dtype=np.int64)
        return np.repeat(rows.astype(np.int32), lengths), self.codes[positions]

    def count(self, rows: np.ndarray | None) -> list[tuple[str, int]]:
        """Studies per value over `rows` (distinct; all studies when None), most first.

        When `rows` hold most studies, the others' counts are taken from the totals: a broad
        text query ('bone', every study) then costs as little as a narrow one.
        """
        if rows is None:
            return ordered(self.values, self.totals)
        size = len(self.indptr) - 1
        if len(rows) > size // 2:
            others = np.ones(size, dtype=bool)
            others[rows] = False
            return ordered(self.values, self.totals - self._counts(np.flatnonzero(others)))
        return ordered(self.values, self._counts(rows))

    @property
    def totals(self) -> np.ndarray:
        """Studies per value over all studies (computed once)."""
        totals = self._totals
        if totals is None:
            totals = np.bincount(self.codes, minlength=len(self.values))
            object.__setattr__(self, "_totals", totals)
        return totals

    def _counts(self, rows: np.ndarray) -> np.ndarray:
        lengths = self.indptr[rows + 1] - self.indptr[rows]
        ends = np.cumsum(lengths)
        shift = np.repeat(self.indptr[rows] - (ends - lengths), lengths)
        positions = shift + np.arange(int(ends[-1]) if len(ends) else 0, dtype=np.int64)
        return np.bincount(self.codes[positions], minlength=len(self.values))


def ordered(values: Sequence[str], counts: np.ndarray) -> list[tuple[str, int]]:
    found = np.flatnonzero(counts)
    items = zip([values[i] for i in found.tolist()], counts[found].tolist(), strict=True)
    return sorted(items, key=lambda item: (-item[1], item[0]))


class FacetIndex:
    """The index of one store, kept per process and refreshed lazily (thread-safe)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        database = engine.url.database if engine.dialect.name == "sqlite" else None
        self.cache_dir = Path(database + ".facets") if database and database != ":memory:" else None
        self._lock = threading.Lock()
        self._studies: Studies | None = None
        self._columns: dict[str, Column] = {}
        # Stored values of each field for wildcard filters, valid for one generation.
        self._values: tuple[int, dict[str, list[str]]] = (-1, {})

    def key(self, conn: Connection) -> Key:
        """(generation, largest study id, largest annotation id): changes with every write."""
        row = conn.execute(
            select(
                select(state_t.c.generation).scalar_subquery(),
                select(func.max(studies_t.c.id)).scalar_subquery(),
                select(func.max(annotations_t.c.id)).scalar_subquery(),
            )
        ).one()
        return (int(row[0] or 0), int(row[1] or 0), int(row[2] or 0))

    def field_values(self, conn: Connection, key: Key, name: str) -> list[str]:
        """Every value stored for field `name` (`field_values`), read once per generation:
        the table only grows in the transactions that bump it."""
        with self._lock:
            if self._values[0] != key[0]:
                self._values = (key[0], {})
            found = self._values[1].get(name)
            if found is None:
                query = select(values_t.c.value).where(values_t.c.field == name)
                found = self._values[1][name] = [str(v) for v in conn.scalars(query)]
            return found

    def studies(self, conn: Connection, key: Key) -> Studies:
        with self._lock:
            if self._studies is None or self._studies.key != key:
                self._columns = {name: c for name, c in self._columns.items() if c.key == key}
                self._studies = self._load_studies(key) or self._build_studies(conn, key)
            return self._studies

    def column(self, conn: Connection, key: Key, name: str) -> Column:
        studies = self.studies(conn, key)
        with self._lock:
            column = self._columns.get(name)
            if column is None or column.key != key:
                column = self._load_column(key, name) or self._build_column(
                    conn, key, name, studies
                )
                self._columns[name] = column
            return column

    # -- building from the database -------------------------------------------------------

    def _build_studies(self, conn: Connection, key: Key) -> Studies:
        rows = fetch(
            conn,
            select(studies_t.c.id, studies_t.c.record_id, studies_t.c.study_type).order_by(
                studies_t.c.id
            ),
        )
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        records = np.fromiter((r[1] for r in rows), dtype=np.int64, count=len(rows))
        kind_values = sorted({str(r[2]) for r in rows})
        kind = {name: code for code, name in enumerate(kind_values)}
        kinds = np.fromiter((kind[str(r[2])] for r in rows), dtype=np.int8, count=len(rows))
        by_record = np.full(int(records.max()) + 1 if len(records) else 0, -1, dtype=np.int32)
        by_record[records] = np.arange(len(records), dtype=np.int32)
        studies = Studies(key, ids, records, by_record, kinds, kind_values)
        names = np.array(kind_values, dtype=str)
        arrays: dict[str, np.ndarray] = {
            "ids": ids,
            "records": records,
            "by_record": by_record,
            "kinds": kinds,
            "kind_values": names,
        }
        self._save("studies", key, arrays)
        return studies

    def _build_column(self, conn: Connection, key: Key, name: str, studies: Studies) -> Column:
        """Effective values of one field: the extractor's, less withdrawn, plus added."""
        a = annotations_t
        # Every row of the field (the covering (field, value, study_id) index alone), less the
        # values a curator withdrew: the extractor's values and the curators' additions.
        held = fetch(conn, select(a.c.study_id, a.c.value).where(a.c.field == name))
        withdrawn = fetch(
            conn,
            select(a.c.study_id, a.c.value).where(
                a.c.field == name, a.c.origin == CURATED, a.c.removed.is_(True)
            ),
        )
        position: dict[str, int] = {}
        code = position.setdefault
        codes = [
            np.fromiter((code(r[1], len(position)) for r in found), np.int64, len(found))
            for found in (held, withdrawn)
        ]
        rows = [
            studies.ids.searchsorted(np.fromiter((r[0] for r in found), np.int64, len(found)))
            for found in (held, withdrawn)
        ]
        width = max(len(position), 1)
        keys, withdrawn_keys = (r * width + c for r, c in zip(rows, codes, strict=True))
        keys = np.unique(keys[~np.isin(keys, withdrawn_keys)])
        study_rows, value_codes = keys // width, (keys % width).astype(np.int32)
        indptr = np.zeros(len(studies.ids) + 1, dtype=np.int64)
        np.cumsum(np.bincount(study_rows, minlength=len(studies.ids)), out=indptr[1:])
        order = np.argsort(value_codes, kind="stable")
        postings = study_rows[order].astype(np.int32)
        starts = np.zeros(width + 1, dtype=np.int64)
        np.cumsum(np.bincount(value_codes, minlength=width), out=starts[1:])
        values = list(position)
        arrays: dict[str, np.ndarray] = {
            "values": np.array(values, dtype=str),
            "indptr": indptr,
            "codes": value_codes,
            "starts": starts,
            "postings": postings,
        }
        self._save(f"field_{name}", key, arrays)
        return Column(key, values, indptr, value_codes, starts, postings)

    # -- the cache files -----------------------------------------------------------------

    def _save(self, part: str, key: Key, arrays: dict[str, np.ndarray]) -> None:
        if self.cache_dir is None:
            return
        final = self.cache_dir / f"{part}.npz"
        temporary = self.cache_dir / f"{part}.{os.getpid()}.tmp.npz"
        try:
            self.cache_dir.mkdir(exist_ok=True)
            np.savez(temporary, allow_pickle=False, key=np.array(key, dtype=np.int64), **arrays)
            os.replace(temporary, final)
        except OSError:
            # A read-only place or a full disk: the index still works, built per process.
            temporary.unlink(missing_ok=True)

    def _read(self, part: str, key: Key) -> dict[str, np.ndarray] | None:
        if self.cache_dir is None:
            return None
        path = self.cache_dir / f"{part}.npz"
        try:
            with np.load(path, allow_pickle=False) as saved:
                if tuple(int(k) for k in saved["key"]) != key:
                    return None
                return {name: saved[name] for name in saved.files}
        except (OSError, ValueError, KeyError):
            return None

    def _load_studies(self, key: Key) -> Studies | None:
        saved = self._read("studies", key)
        if saved is None:
            return None
        kind_values = [str(v) for v in saved["kind_values"]]
        ids, records, by_record = saved["ids"], saved["records"], saved["by_record"]
        return Studies(key, ids, records, by_record, saved["kinds"], kind_values)

    def _load_column(self, key: Key, name: str) -> Column | None:
        saved = self._read(f"field_{name}", key)
        if saved is None:
            return None
        values = [str(v) for v in saved["values"]]
        return Column(
            key, values, saved["indptr"], saved["codes"], saved["starts"], saved["postings"]
        )

    def memory(self) -> int:
        """Bytes held by the arrays built or loaded so far."""
        arrays: list[Any] = []
        if self._studies is not None:
            s = self._studies
            arrays += [s.ids, s.records, s.by_record, s.kinds]
        for c in self._columns.values():
            arrays += [c.indptr, c.codes, c.starts, c.postings]
        return sum(int(a.nbytes) for a in arrays)


def fetch(conn: Connection, query: Any) -> list[Any]:
    """All rows of `query`; on SQLite straight from the driver's cursor (no row objects)."""
    if conn.dialect.name != "sqlite":
        return list(conn.execute(query))
    compiled = query.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = [compiled.params[name] for name in compiled.positiontup or []]
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return cursor.execute(str(compiled), params).fetchall()
    finally:
        cursor.close()
