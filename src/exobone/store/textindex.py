"""Ranked text matching for large SQLite stores from postings arrays, exact to FTS5's bm25.

FTS5 finds and scores every document holding the query's terms before anything else can
narrow the set: a broad term ('bone', a million matches) costs seconds. Here each term of the
FTS5 index is a sorted array of record ids with the term's column-weighted frequency in each,
so matching is an intersection over arrays and bm25 is a few vectorised operations.

Tokens come from FTS5 itself (its `fts5vocab` view of `records_fts`, and the same tokenizer
on an in-memory table for the query), so a query matches exactly the records FTS5 matches and
the score equals `-bm25(records_fts, *COLUMN_WEIGHTS)`. A query term that the tokenizer turns
into several tokens (`3D-printed`) is a phrase, which needs token positions this index does
not keep: `TextIndex.tokens` returns None for such a query and the caller uses FTS5.

The index belongs to one process and is keyed by the largest record id and FTS5's own
averages and structure records (both rewritten by every write to the full-text index). For a
SQLite file it is saved under `<db>.text/<key>/` as `.npy` files, written in a temporary
directory renamed into place, and memory-mapped on load.
"""

from __future__ import annotations

import hashlib
import math
import os
import re
import shutil
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sqlalchemy import Connection, Engine

# bm25 weights of title, abstract, keywords, authors and journal (`text_rank` uses them too).
COLUMN_WEIGHTS = (10.0, 4.0, 4.0, 1.0, 1.0)
# FTS5's bm25 constants.
K1, B = 1.2, 0.75
# Stores with fewer records search with FTS5 alone: it is fast enough there.
MIN_RECORDS = 50_000
TOKENIZER = "porter unicode61 remove_diacritics 2"
# Instances (term occurrences) read from SQLite per batch while building.
BATCH_INSTANCES = 2_000_000
_TOKENIZE = re.compile(r"tokenize\s*=\s*'((?:[^']|'')*)'", re.IGNORECASE)
_FILES = ("terms", "starts", "docs", "freqs", "lengths", "totals")
Key = str


@dataclass(frozen=True, slots=True)
class Postings:
    """One build of the index: term `terms[t]` is in records `docs[starts[t]:starts[t+1]]`
    (ascending) with column-weighted frequencies `freqs[...]`; `lengths[id]` is a record's
    token count, `rows` and `tokens` FTS5's document and token totals."""

    key: Key
    terms: dict[str, int]
    starts: np.ndarray
    docs: np.ndarray
    freqs: np.ndarray
    lengths: np.ndarray
    rows: int
    tokens: int
    norms: np.ndarray  # bm25's length part per record id: k1 * (1 - b + b * D / avgdl)

    def postings(self, token: str) -> tuple[np.ndarray, np.ndarray]:
        t = self.terms.get(token)
        if t is None:
            return np.empty(0, dtype=np.int32), np.empty(0, dtype=np.float32)
        start, end = int(self.starts[t]), int(self.starts[t + 1])
        return self.docs[start:end], self.freqs[start:end]

    def match_any(
        self, groups: Sequence[Sequence[str]], keep: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(record ids, scores) of the records holding a token of every group, ids ascending:
        FTS5's `("a" OR "b") AND "c"`, scored as FTS5 does, summing over every token.

        Groups of one token are `match`.
        """
        if all(len(group) == 1 for group in groups):
            return self.match([group[0] for group in groups], keep)
        lists = [[self.postings(token) for token in group] for group in groups]
        unions = [np.unique(np.concatenate([docs for docs, _ in group])) for group in lists]
        if not unions or any(len(docs) == 0 for docs in unions):
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64)
        ids = unions[0].astype(np.int64)
        for docs in unions[1:]:
            ids = np.intersect1d(ids, docs, assume_unique=True)
        if keep is not None:
            inside = ids < len(keep)
            inside[inside] = keep[ids[inside]]
            ids = ids[inside]
        flat = [pair for group in lists for pair in group]
        freqs = []
        for docs, weighted in flat:
            at = np.searchsorted(docs, ids)
            found = np.zeros(len(ids), dtype=np.float32)
            hit = at < len(docs)
            hit[hit] = docs[at[hit]] == ids[hit]
            found[hit] = np.asarray(weighted)[at[hit]]
            freqs.append(found)
        return ids, self.score(ids, freqs, flat)

    def match(
        self, tokens: Sequence[str], keep: np.ndarray | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """(record ids, scores) of the records holding every token, ids ascending.

        `keep` (a boolean per record id, shorter means False) drops records before they are
        scored. Scores are FTS5's bm25 negated: higher is better.
        """
        lists = [self.postings(token) for token in tokens]
        if not lists or any(len(docs) == 0 for docs, _ in lists):
            return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.float64)
        # The rarest term gives the candidates; each other term is looked up densely.
        order = sorted(range(len(lists)), key=lambda i: len(lists[i][0]))
        ids = np.asarray(lists[order[0]][0], dtype=np.int64)
        if keep is not None:
            inside = ids < len(keep)
            inside[inside] = keep[ids[inside]]
            ids = ids[inside]
        size = len(self.lengths)
        freqs: dict[int, np.ndarray] = {}
        for i in order:
            docs, weighted = lists[i]
            if i == order[0]:
                found = np.asarray(weighted)
                if keep is not None:
                    found = found[inside]
            else:
                dense = np.zeros(size, dtype=np.float32)
                dense[docs] = weighted
                found = dense[ids]
                present = found > 0
                if not present.all():
                    ids, found = ids[present], found[present]
                    freqs = {j: f[present] for j, f in freqs.items()}
            freqs[i] = found
        return ids, self.score(ids, [freqs[i] for i in range(len(lists))], lists)

    def score(
        self,
        ids: np.ndarray,
        freqs: Sequence[np.ndarray],
        lists: Sequence[tuple[np.ndarray, np.ndarray]],
    ) -> np.ndarray:
        """bm25 as FTS5 computes it (same operations in the same order, in doubles)."""
        norm = self.norms[ids]
        total = np.zeros(len(ids), dtype=np.float64)
        for f, (docs, _) in zip(freqs, lists, strict=True):
            hits = len(docs)
            idf = math.log((self.rows - hits + 0.5) / (hits + 0.5))
            idf = idf if idf > 0.0 else 1e-6
            f64 = f.astype(np.float64)
            total += idf * ((f64 * (K1 + 1.0)) / (f64 + norm))
        return total


def fts5_rows(conn: Connection) -> int:
    """Records in the SQLite store's full-text index (FTS5's own count; 0 when empty)."""
    averages = conn.exec_driver_sql("SELECT block FROM records_fts_data WHERE id = 1").scalar()
    return _varints(bytes(averages))[0] if averages else 0


class TextIndex:
    """The postings of one SQLite store, kept per process and rebuilt when records change."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.enabled = engine.dialect.name == "sqlite"
        database = engine.url.database if self.enabled else None
        self.cache_dir = Path(database + ".text") if database and database != ":memory:" else None
        self._lock = threading.Lock()
        self._postings: Postings | None = None
        self._tokenizer: sqlite3.Connection | None = None

    def key(self, conn: Connection) -> tuple[Key, int]:
        """(key, records in the full-text index): the key changes with every text write."""
        row = conn.exec_driver_sql(
            "SELECT (SELECT max(id) FROM records), "
            "(SELECT block FROM records_fts_data WHERE id = 1), "
            "(SELECT block FROM records_fts_data WHERE id = 10)"
        ).one()
        averages = bytes(row[1] or b"")
        digest = hashlib.sha1(averages + b"|" + bytes(row[2] or b"")).hexdigest()[:16]
        rows = _varints(averages)[0] if averages else 0
        return f"{int(row[0] or 0)}-{digest}", rows

    def usable(self, conn: Connection) -> Key | None:
        """The current key when this store is large enough for the index, else None."""
        if not self.enabled:
            return None
        key, rows = self.key(conn)
        return key if rows >= MIN_RECORDS and rows > 0 else None

    def postings(self, conn: Connection, key: Key) -> Postings:
        with self._lock:
            if self._postings is None or self._postings.key != key:
                self._postings = None  # let the old arrays go before the new ones load
                self._postings = self._load(key) or self._build(conn, key)
            return self._postings

    def tokens(self, conn: Connection, terms: Sequence[str]) -> list[str] | None:
        """Each term's single FTS5 token; None if any term is not exactly one token."""
        with self._lock:
            if self._tokenizer is None:
                self._tokenizer = _tokenizer(_tokenize_option(conn))
            q = self._tokenizer
            q.execute("DELETE FROM q")
            q.executemany("INSERT INTO q(rowid, t) VALUES (?, ?)", list(enumerate(terms)))
            found: list[list[str]] = [[] for _ in terms]
            for token, term, _ in sorted(
                q.execute("SELECT term, doc, offset FROM qv"), key=lambda r: (r[1], r[2])
            ):
                found[term].append(token)
        if any(len(tokens) != 1 for tokens in found):
            return None
        return [tokens[0] for tokens in found]

    def memory(self) -> int:
        """Bytes of the arrays held in memory (memory-mapped files count as on disk)."""
        p = self._postings
        if p is None:
            return 0
        arrays = (p.starts, p.docs, p.freqs, p.lengths)
        return sum(int(a.nbytes) for a in arrays if not isinstance(a, np.memmap))

    def disk_size(self) -> int:
        """Bytes of the saved index of the current key (0 when none is saved)."""
        p = self._postings
        if p is None or self.cache_dir is None:
            return 0
        folder = self.cache_dir / p.key
        return sum(f.stat().st_size for f in folder.glob("*.npy")) if folder.is_dir() else 0

    # -- building from FTS5 --------------------------------------------------------------

    def _build(self, conn: Connection, key: Key) -> Postings:
        """Build into `<db>.text/` and map the files; in memory where nothing can be saved."""
        folder = self._temporary(key)
        if folder is not None:
            try:
                _read_fts(conn, folder)
                self._publish(folder, key)
            except OSError:
                shutil.rmtree(folder, ignore_errors=True)
            except BaseException:
                shutil.rmtree(folder, ignore_errors=True)
                raise
            loaded = self._load(key)
            if loaded is not None:
                return loaded
        return _postings(key, **_read_fts(conn, None))

    # -- the cache files -------------------------------------------------------------------

    def _temporary(self, key: Key) -> Path | None:
        if self.cache_dir is None:
            return None
        folder = self.cache_dir / f"{key}.{os.getpid()}.{threading.get_ident()}.tmp"
        try:
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir(parents=True)
        except OSError:
            return None  # a read-only place: build in memory
        return folder

    def _publish(self, folder: Path, key: Key) -> None:
        """Move a finished build into place and drop older ones (mapped files stay valid)."""
        assert self.cache_dir is not None
        final = self.cache_dir / key
        if final.exists():
            shutil.rmtree(folder, ignore_errors=True)  # another process got there first
        else:
            os.replace(folder, final)
        for old in self.cache_dir.iterdir():
            if old.name != key and not old.name.endswith(".tmp"):
                shutil.rmtree(old, ignore_errors=True)

    def _load(self, key: Key) -> Postings | None:
        if self.cache_dir is None:
            return None
        folder = self.cache_dir / key
        try:
            arrays = {
                name: np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
                for name in _FILES
            }
        except (OSError, ValueError):
            return None
        if len(arrays["totals"]) == 0:
            return None
        return _postings(
            key,
            np.asarray(arrays["terms"]),
            np.asarray(arrays["starts"]),
            arrays["docs"],
            arrays["freqs"],
            np.asarray(arrays["lengths"]),
            np.asarray(arrays["totals"]),
        )


def _postings(
    key: Key,
    terms: np.ndarray,
    starts: np.ndarray,
    docs: np.ndarray,
    freqs: np.ndarray,
    lengths: np.ndarray,
    totals: np.ndarray,
) -> Postings:
    rows, tokens = int(totals[0]), int(totals[1:].sum())
    avgdl = float(tokens) / float(rows)
    return Postings(
        key=key,
        terms={str(term): t for t, term in enumerate(terms.tolist())},
        starts=starts,
        docs=docs,
        freqs=freqs,
        lengths=lengths,
        rows=rows,
        tokens=tokens,
        norms=K1 * ((1 - B) + (B * lengths.astype(np.float64)) / avgdl),
    )


def _read_fts(conn: Connection, folder: Path | None) -> dict[str, np.ndarray]:
    """Read every (term, record, column) instance from `fts5vocab`, grouped per term.

    With a `folder`, every array is written there as `.npy` (the big ones streamed in term
    order) and the returned postings arrays are empty; else all are returned in memory.
    """
    raw: Any = conn.connection.driver_connection
    cursor = raw.cursor()
    try:
        cursor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.exobone_vocab_row "
            "USING fts5vocab(main, records_fts, row)"
        )
        cursor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.exobone_vocab_instance "
            "USING fts5vocab(main, records_fts, instance)"
        )
        vocabulary = cursor.execute("SELECT term, doc FROM temp.exobone_vocab_row").fetchall()
        averages = cursor.execute("SELECT block FROM records_fts_data WHERE id = 1").fetchone()
        biggest = cursor.execute("SELECT max(id) FROM records").fetchone()[0] or 0
        counts = np.fromiter((r[1] for r in vocabulary), np.int64, len(vocabulary))
        starts = np.zeros(len(counts) + 1, dtype=np.int64)
        np.cumsum(counts, out=starts[1:])
        docs = _Sink(folder, "docs", np.int32, int(starts[-1]))
        freqs = _Sink(folder, "freqs", np.float32, int(starts[-1]))
        lengths = np.zeros(int(biggest) + 1, dtype=np.int64)
        weights = np.ones(8, dtype=np.float64)
        weights[: len(COLUMN_WEIGHTS)] = COLUMN_WEIGHTS
        # fts5vocab names the column: number it as bm25's weights are (table order).
        names = [r[1] for r in cursor.execute("PRAGMA table_info(records_fts)")]
        if len(names) > 8:
            raise RuntimeError("records_fts has more columns than the text index packs")
        numbered = " ".join(f"WHEN ? THEN {n}" for n in range(len(names)))
        rows = cursor.execute(
            f"SELECT count(*), group_concat(doc * 8 + CASE col {numbered} END) "
            "FROM temp.exobone_vocab_instance GROUP BY term",
            names,
        )
        term, batch, sizes, pending = 0, [], [], 0
        for size, text in rows:
            batch.append(text)
            sizes.append(size)
            pending += size
            if pending >= BATCH_INSTANCES:
                term = _fill(batch, sizes, term, starts, docs, freqs, lengths, weights)
                batch, sizes, pending = [], [], 0
        if batch:
            term = _fill(batch, sizes, term, starts, docs, freqs, lengths, weights)
        if term != len(counts):
            raise RuntimeError("records_fts changed while its text index was built")
    finally:
        cursor.execute("DROP TABLE IF EXISTS temp.exobone_vocab_row")
        cursor.execute("DROP TABLE IF EXISTS temp.exobone_vocab_instance")
        cursor.close()
    arrays = {
        "terms": np.array([r[0] for r in vocabulary], dtype=str),
        "starts": starts,
        "docs": docs.close(),
        "freqs": freqs.close(),
        "lengths": lengths.astype(np.int32),
        "totals": np.array(_varints(bytes(averages[0])) if averages else [0], dtype=np.int64),
    }
    if folder is not None:
        for name in ("terms", "starts", "lengths", "totals"):
            np.save(folder / f"{name}.npy", arrays[name], allow_pickle=False)
    return arrays


class _Sink:
    """A postings array filled in order: appended to a `.npy` file, or held in memory."""

    def __init__(self, folder: Path | None, name: str, dtype: Any, size: int) -> None:
        self.dtype = np.dtype(dtype)
        self.size = size
        self.at = 0
        self.array = np.zeros(size, dtype=self.dtype) if folder is None else None
        self.file = None if folder is None else open(folder / f"{name}.npy", "wb")  # noqa: SIM115
        if self.file is not None:
            header = {
                "descr": np.lib.format.dtype_to_descr(self.dtype),
                "fortran_order": False,
                "shape": (size,),
            }
            np.lib.format.write_array_header_1_0(self.file, header)

    def put(self, values: np.ndarray) -> None:
        values = values.astype(self.dtype, copy=False)
        if self.array is not None:
            self.array[self.at : self.at + len(values)] = values
        elif self.file is not None:
            values.tofile(self.file)
        self.at += len(values)

    def close(self) -> np.ndarray:
        """The array in memory, or an empty one once the file is complete."""
        if self.at != self.size:
            raise RuntimeError("records_fts changed while its text index was built")
        if self.file is not None:
            self.file.close()
        return self.array if self.array is not None else np.empty(0, dtype=self.dtype)


def _fill(
    batch: list[str],
    sizes: list[int],
    term: int,
    starts: np.ndarray,
    docs: _Sink,
    freqs: _Sink,
    lengths: np.ndarray,
    weights: np.ndarray,
) -> int:
    """Turn a batch of terms' instances (`doc * 8 + col`, in index order) into postings."""
    codes = np.fromstring(",".join(batch), dtype=np.int64, sep=",")
    size = np.array(sizes, dtype=np.int64)
    if len(codes) != int(size.sum()):
        raise RuntimeError("unexpected fts5vocab output while building the text index")
    ids, columns = codes >> 3, codes & 7
    owner = np.repeat(np.arange(len(sizes), dtype=np.int32), size)
    # A (term, record) pair starts where the record or the term changes.
    new = np.ones(len(codes), dtype=bool)
    new[1:] = (ids[1:] != ids[:-1]) | (owner[1:] != owner[:-1])
    first = np.flatnonzero(new)
    pair_ids = ids[first]
    if np.any((np.diff(pair_ids) <= 0) & (np.diff(owner[first]) == 0)):
        raise RuntimeError("fts5vocab did not list a term's records in order")
    lengths += np.bincount(ids, minlength=len(lengths))[: len(lengths)]
    if int(starts[term + len(sizes)] - starts[term]) != len(first):
        raise RuntimeError("records_fts changed while its text index was built")
    docs.put(pair_ids)
    freqs.put(np.add.reduceat(weights[columns], first))
    return term + len(sizes)


def _varints(blob: bytes) -> list[int]:
    """SQLite varints (FTS5's averages record: rows, then tokens per column)."""
    values: list[int] = []
    i = 0
    while i < len(blob):
        value = 0
        for n in range(9):
            byte = blob[i]
            i += 1
            if n == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        values.append(value)
    return values


def _tokenize_option(conn: Connection) -> str:
    """The `tokenize=` option records_fts was created with."""
    sql = conn.exec_driver_sql("SELECT sql FROM sqlite_master WHERE name = 'records_fts'").scalar()
    found = _TOKENIZE.search(str(sql or ""))
    return found.group(1).replace("''", "'") if found else TOKENIZER


def _tokenizer(option: str) -> sqlite3.Connection:
    """An in-memory FTS5 table with the store's tokenizer, to split query terms."""
    q = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    quoted = option.replace("'", "''")
    q.execute(f"CREATE VIRTUAL TABLE q USING fts5(t, tokenize='{quoted}')")
    q.execute("CREATE VIRTUAL TABLE qv USING fts5vocab(q, instance)")
    return q
