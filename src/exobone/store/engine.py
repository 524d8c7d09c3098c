"""Engines and write transactions that behave the same on SQLite and PostgreSQL.

SQLite is driven in the way that makes it transactional like PostgreSQL: the driver's own
implicit transactions are off and every transaction is begun explicitly, so schema changes
roll back too. Write transactions take SQLite's write lock at once (BEGIN IMMEDIATE): two
processes ingesting into one file wait for each other instead of failing half-way.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

# Seconds a SQLite writer waits for another one to finish.
SQLITE_BUSY_TIMEOUT = 60
_BEGIN = {False: "BEGIN", True: "BEGIN IMMEDIATE"}
# Page cache per SQLite connection, in KiB (SQLite's default is 2 MiB).
SQLITE_CACHE_KIB = 65536
# Page size of new SQLite stores, in bytes (SQLite's default is 4096). An ingest writes
# every page twice (to the WAL at commit, then to the database at a checkpoint), a system
# call or two per page: with 64 KiB pages a 20,000-record ingest took ~15% less CPU, and a
# record with its raw XML (~10 KB) fits on one page instead of a chain of three. Past a
# few hundred thousand records it costs more than it saves (each insert into an index in
# random order, such as the keys', dirties a whole page: 20,000 records into a store of
# 500,000 took ~10% more CPU than with 4 KiB pages). A store keeps the size it was made
# with (WAL mode cannot change it), so older stores stay 4096.
SQLITE_PAGE_SIZE = 65536


def make_engine(url: str) -> Engine:
    """An engine for `url`; plain postgresql:// URLs use psycopg 3."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if parsed.get_backend_name() != "sqlite":
        return create_engine(parsed)
    if parsed.database not in (None, "", ":memory:"):
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT})
    event.listen(engine, "connect", _sqlite_connect)
    event.listen(engine, "begin", _sqlite_begin)
    return engine


@contextmanager
def writing(engine: Engine) -> Iterator[Connection]:
    """One write transaction: committed at the end of the block, rolled back on error."""
    with engine.connect() as connection:
        connection = connection.execution_options(exobone_write=True)
        with connection.begin():
            yield connection


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    """Enforce foreign keys; WAL lets readers (the web app) work while a file is ingested."""
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # Only a new, empty database takes it; it must come before WAL mode is set.
    cursor.execute(f"PRAGMA page_size={SQLITE_PAGE_SIZE}")
    _set_wal(cursor)
    # In WAL mode this is still safe against a crash or kill (no corruption, no partial
    # transaction); only a power cut may lose the last commits. Saves a sync per commit.
    cursor.execute("PRAGMA synchronous=NORMAL")
    # Facet counts group tens of thousands of rows: sort in memory, keep hot pages cached.
    cursor.execute("PRAGMA temp_store=MEMORY")
    cursor.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KIB}")
    # SQLite's own default, which Debian's build (SQLITE_SECURE_DELETE) turns on: with it,
    # every page SQLite starts (64 KiB here: records, overflow chains of the raw text, FTS5
    # segments) is zeroed whole and every freed page is zeroed and written to the WAL. A
    # 5,000-record `ingest --no-extract` ran 81 M fewer memset instructions without it. The
    # store holds published bibliographic data: a removed record's bytes may stay in free
    # pages until they are reused (VACUUM clears them).
    cursor.execute("PRAGMA secure_delete=OFF")
    cursor.close()


def _set_wal(cursor: sqlite3.Cursor) -> None:
    """WAL mode, waiting up to the busy timeout for it. Turning a store that is not yet in WAL
    mode (a new one) into WAL needs an exclusive lock, and while another connection holds the
    write lock SQLite refuses at once instead of calling its busy handler: processes opening
    a new store together failed with "database is locked"."""
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _sqlite_begin(connection: Connection) -> None:
    write = bool(connection.get_execution_options().get("exobone_write"))
    connection.exec_driver_sql(_BEGIN[write])
