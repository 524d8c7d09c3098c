"""A columnar, in-memory index of the effective annotations, for facets, filters and the map.

Counting in SQL visits every matching study's annotation rows; here each field is two
integer arrays (study row -> value codes, and value code -> study rows) so a filter is a
boolean mask over the studies, a facet is one `np.bincount`, and the evidence map pairs two
fields' codes per study. The index belongs to one process; it is rebuilt when the store's
generation (bumped by every write of studies or annotations) or its largest ids change, one
field at a time and only when a query needs that field. When the generation moves, the
fields already held follow it study by study: each study's state (its checksum and its
curators' rows, `Studies.states`) names the studies a write changed, only their annotation
rows are read and their codes swapped in (a curation at 100k studies: one study's rows, not
1.9 million). For a SQLite file each part (built or followed) is also saved next to the
database (`<db>.facets/`) so that a new process loads it instead of reading millions of rows
again.
"""

from __future__ import annotations

import hashlib
import os
import string
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
    RecordRow,
    StoreStateRow,
    StudyRow,
)
from exobone.store.writer import batched, values_t

studies_t = Base.metadata.tables[StudyRow.__tablename__]
records_t = Base.metadata.tables[RecordRow.__tablename__]
annotations_t = Base.metadata.tables[AnnotationRow.__tablename__]
state_t = Base.metadata.tables[StoreStateRow.__tablename__]
Key = tuple[int, int, int]
# Changed studies read per query while following a write; beyond `REBUILD_SHARE` of all
# studies (and `REBUILD_MIN`) the fields are built again instead (an ingest of new files).
CHANGED_BATCH = 500
REBUILD_SHARE = 0.25
REBUILD_MIN = 1000
# Each character's value as a hex digit (other characters: their code modulo 16).
_NIBBLE = np.array(
    [int(chr(b), 16) if chr(b) in string.hexdigits else b % 16 for b in range(256)],
    dtype=np.uint8,
)


@dataclass(frozen=True, slots=True)
class Studies:
    """The studies in id order: row i is study `ids[i]` of record `records[i]`.

    `by_record` maps a record id to its study's row (-1: none); `states` is a 64-bit digest
    of what the row's effective values are made from (study checksum, curators' rows).
    """

    key: Key
    ids: np.ndarray
    records: np.ndarray
    by_record: np.ndarray
    kinds: np.ndarray
    kind_values: list[str]
    states: np.ndarray

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
        self._years: tuple[Key, np.ndarray] | None = None

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

    def years(self, conn: Connection, key: Key, record_ids: np.ndarray) -> np.ndarray:
        """The year of each record (NaN: none, or no such record); every record's year is
        read once per generation (a write of records bumps it), not per request."""
        with self._lock:
            if self._years is None or self._years[0] != key:
                rows = fetch(conn, select(records_t.c.id, records_t.c.year))
                ids = np.fromiter((row[0] for row in rows), np.int64, len(rows))
                known = np.full(int(ids.max(initial=0)) + 1, np.nan)
                known[ids] = np.fromiter(
                    (np.nan if row[1] is None else row[1] for row in rows), np.float64, len(rows)
                )
                self._years = (key, known)
            known = self._years[1]
        years = np.full(len(record_ids), np.nan)
        inside = record_ids < len(known)
        years[inside] = known[record_ids[inside]]
        return years

    def studies(self, conn: Connection, key: Key) -> Studies:
        """The studies of `key`; the fields held for an older key follow them (`_follow`)."""
        with self._lock:
            studies = self._studies
            if studies is None or studies.key != key:
                new = self._load_studies(key) or self._build_studies(conn, key)
                self._columns = self._follow(conn, studies, new) if studies is not None else {}
                self._studies = studies = new
            return studies

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

    # -- following writes ----------------------------------------------------------------

    def _follow(self, conn: Connection, old: Studies, new: Studies) -> dict[str, Column]:
        """The fields held for `old` brought to `new`: the rows of studies whose state is
        unchanged are kept, the changed studies' annotation rows are read and coded again.
        Empty (every field built again when asked) when most studies changed."""
        held = {name: c for name, c in self._columns.items() if c.key == old.key}
        if not held:
            return {}
        at = old.ids.searchsorted(new.ids)
        inside = at < len(old.ids)
        at = np.where(inside, at, 0)
        same = np.zeros(len(new.ids), dtype=bool)
        if len(old.ids):
            same = inside & (old.ids[at] == new.ids) & (old.states[at] == new.states)
        changed = new.ids[~same]
        if len(changed) > max(REBUILD_SHARE * len(new.ids), REBUILD_MIN):
            return {}
        # Old row -> new row of each unchanged study (-1: changed or gone).
        to_new = np.full(len(old.ids), -1, dtype=np.int64)
        to_new[at[same]] = np.flatnonzero(same)
        rows = changed_rows(conn, changed)
        columns = {}
        for name, column in held.items():
            columns[name] = followed(column, new, to_new, *rows.get(name, ([], [])))
            self._save_column(name, columns[name])
        return columns

    # -- building from the database -------------------------------------------------------

    def _build_studies(self, conn: Connection, key: Key) -> Studies:
        s, a = studies_t, annotations_t
        checksum = func.substr(s.c.checksum, 1, 16)
        rows = fetch(conn, select(s.c.id, s.c.record_id, s.c.study_type, checksum).order_by(s.c.id))
        curated = fetch(
            conn,
            select(a.c.study_id, a.c.field, a.c.value, a.c.removed)
            .where(a.c.origin == CURATED)
            .order_by(a.c.study_id, a.c.field, a.c.value),
        )
        ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        records = np.fromiter((r[1] for r in rows), dtype=np.int64, count=len(rows))
        kind_values = sorted({str(r[2]) for r in rows})
        kind = {name: code for code, name in enumerate(kind_values)}
        kinds = np.fromiter((kind[str(r[2])] for r in rows), dtype=np.int8, count=len(rows))
        by_record = np.full(int(records.max()) + 1 if len(records) else 0, -1, dtype=np.int32)
        by_record[records] = np.arange(len(records), dtype=np.int32)
        states = study_states(ids, [str(r[3] or "") for r in rows], curated)
        studies = Studies(key, ids, records, by_record, kinds, kind_values, states)
        names = np.array(kind_values, dtype=str)
        arrays: dict[str, np.ndarray] = {
            "ids": ids,
            "records": records,
            "by_record": by_record,
            "kinds": kinds,
            "kind_values": names,
            "states": states,
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
        rows, codes = effective(studies.ids, position, held, withdrawn)
        column = assemble(key, list(position), rows, codes, len(studies.ids))
        self._save_column(name, column)
        return column

    def _save_column(self, name: str, column: Column) -> None:
        arrays: dict[str, np.ndarray] = {
            "values": np.array(column.values, dtype=str),
            "indptr": column.indptr,
            "codes": column.codes,
            "starts": column.starts,
            "postings": column.postings,
        }
        self._save(f"field_{name}", column.key, arrays)

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
        if saved is None or "states" not in saved:  # none, or saved before states were
            return None
        kind_values = [str(v) for v in saved["kind_values"]]
        ids, records, by_record = saved["ids"], saved["records"], saved["by_record"]
        return Studies(key, ids, records, by_record, saved["kinds"], kind_values, saved["states"])

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
            arrays += [s.ids, s.records, s.by_record, s.kinds, s.states]
        for c in self._columns.values():
            arrays += [c.indptr, c.codes, c.starts, c.postings]
        return sum(int(a.nbytes) for a in arrays)


Rows = list[Any]


def study_states(ids: np.ndarray, checksums: Sequence[str], curated: Rows) -> np.ndarray:
    """Per study row a 64-bit digest of its checksum's first 16 characters (a sha256 of the
    study type and the extractor's values) and its curators' rows (`curated`: study id,
    field, value, removed; sorted); stable across processes (it is saved with the index)."""
    text = "".join(c[:16].ljust(16) for c in checksums).encode("ascii", "replace")
    nibbles = _NIBBLE[np.frombuffer(text, dtype=np.uint8)].reshape(-1, 16).astype(np.uint64)
    states = np.zeros(len(checksums), dtype=np.uint64)
    for digit in range(16):
        states = (states << np.uint64(4)) | nibbles[:, digit]
    rows_of: dict[int, list[str]] = {}
    for study_id, name, value, removed in curated:
        rows_of.setdefault(int(study_id), []).append(f"{name}\x1f{value}\x1f{bool(removed)}")
    for study_id, rows in rows_of.items():
        row = int(ids.searchsorted(study_id))
        if row < len(ids) and ids[row] == study_id:
            digest = hashlib.blake2b("\x1e".join([checksums[row], *rows]).encode(), digest_size=8)
            states[row] = int.from_bytes(digest.digest(), "little")
    return states


def changed_rows(conn: Connection, study_ids: np.ndarray) -> dict[str, tuple[Rows, Rows]]:
    """Per field, the (study id, value) of every annotation row of these studies, and of
    those that withdraw a value (as `_build_column` reads them for all studies)."""
    a = annotations_t
    found: dict[str, tuple[Rows, Rows]] = {}
    for batch in batched(study_ids.tolist(), CHANGED_BATCH):
        query = select(a.c.study_id, a.c.field, a.c.value, a.c.origin, a.c.removed).where(
            a.c.study_id.in_(batch)
        )
        for study_id, name, value, origin, removed in fetch(conn, query):
            held, withdrawn = found.setdefault(name, ([], []))
            held.append((study_id, value))
            if origin == CURATED and removed:
                withdrawn.append((study_id, value))
    return found


def effective(
    ids: np.ndarray, position: dict[str, int], held: Rows, withdrawn: Rows
) -> tuple[np.ndarray, np.ndarray]:
    """(study row, value code) of the `held` (study id, value) rows less the `withdrawn`;
    new values get the next codes in `position`. Rows of studies not in `ids` (written
    after they were read) are left out: the next generation reads them."""
    code = position.setdefault
    codes = [
        np.fromiter((code(r[1], len(position)) for r in found), np.int64, len(found))
        for found in (held, withdrawn)
    ]
    study_ids = [
        np.fromiter((r[0] for r in found), np.int64, len(found)) for found in (held, withdrawn)
    ]
    rows = [ids.searchsorted(found) for found in study_ids]
    width = max(len(position), 1)
    keys, withdrawn_keys = (r * width + c for r, c in zip(rows, codes, strict=True))
    known = rows[0] < len(ids)
    known[known] = ids[rows[0][known]] == study_ids[0][known]
    keys = keys[known & ~np.isin(keys, withdrawn_keys)]
    return keys // width, keys % width


def assemble(
    key: Key,
    values: list[str],
    rows: np.ndarray,
    codes: np.ndarray,
    size: int,
    distinct: bool = False,
) -> Column:
    """The column of these (study row, value code) pairs over `size` studies; repeats are
    counted once unless `distinct` says the pairs are distinct and in row order already."""
    width = max(len(values), 1)
    if not distinct:
        # A sort and a comparison with the neighbour (np.unique hashes: 8x slower here).
        keys = np.sort(rows.astype(np.int64) * width + codes)
        first = np.ones(len(keys), dtype=bool)
        first[1:] = keys[1:] != keys[:-1]
        keys = keys[first]
        rows, codes = keys // width, keys % width
    value_codes = codes.astype(np.int32)
    indptr = np.zeros(size + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=size), out=indptr[1:])
    order = np.argsort(value_codes, kind="stable")
    postings = rows[order].astype(np.int32)
    starts = np.zeros(width + 1, dtype=np.int64)
    np.cumsum(np.bincount(value_codes, minlength=width), out=starts[1:])
    return Column(key, values, indptr, value_codes, starts, postings)


def followed(
    column: Column, studies: Studies, to_new: np.ndarray, held: Rows, withdrawn: Rows
) -> Column:
    """`column` over `studies`: the codes of its unchanged rows (`to_new`: each old row's new
    row, -1 for a changed or gone study) and the changed studies' `held` less `withdrawn`."""
    kept = np.flatnonzero(to_new >= 0)
    old_rows, old_codes = column.codes_for(kept, len(to_new))
    position = {value: code for code, value in enumerate(column.values)}
    rows, codes = effective(studies.ids, position, held, withdrawn)
    width = max(len(position), 1)
    keys = np.unique(rows * width + codes)  # the few changed studies' pairs, made distinct
    rows = np.concatenate([to_new[old_rows], keys // width])
    codes = np.concatenate([old_codes.astype(np.int64), keys % width])
    # Two runs in row order (kept rows, changed rows): a stable sort merges them.
    order = np.argsort(rows, kind="stable")
    return assemble(
        studies.key, list(position), rows[order], codes[order], len(studies.ids), distinct=True
    )


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
