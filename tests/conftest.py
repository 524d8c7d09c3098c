"""Shared fixtures: repository paths and store URLs for every backend.

PostgreSQL tests need `EXOBONE_TEST_PG_URL` (`make test` starts a server and sets it). Without
it they are skipped, except under `CI=true`, where a missing server is a failure: CI must
really test PostgreSQL. One database is created per test session and dropped afterwards;
each test gets a fresh schema in it.
"""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from shared_files import SHARED, require_shared

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "examples" / "exosome_bone_bibliography.txt"


@pytest.fixture(scope="session")
def repo_root() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """`../shared` beside the repository (skipped where absent, failed under CI=true)."""
    return require_shared(SHARED)


@pytest.fixture(scope="session")
def demo_file() -> Path:
    return DEMO


def _quoted(url: str, name: str) -> str:
    engine = create_engine(url)
    try:
        return engine.dialect.identifier_preparer.quote(name)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """URL of a PostgreSQL database made for this test session and dropped at its end."""
    base = os.environ.get("EXOBONE_TEST_PG_URL")
    if not base:
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but EXOBONE_TEST_PG_URL is not set: PostgreSQL must be tested")
        pytest.skip("EXOBONE_TEST_PG_URL is not set")
    name = f"exobone_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    # Identifiers cannot be bound parameters; the name is generated here and quoted.
    quoted = admin.dialect.identifier_preparer.quote(name)
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {quoted}"))
    try:
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        _drop_database(admin, quoted)
        admin.dispose()


def _drop_database(admin: Engine, quoted: str) -> None:
    """Drop a test database, whatever is still connected to it.

    FORCE ends the sessions tests left open, but PostgreSQL 15 refuses it ("must be a member
    of the role whose process is being terminated", SQLSTATE 42501) while an autovacuum
    worker (a process with no role) is in the database: a CI run failed its teardown so.
    The plain DROP ends autovacuum workers itself, so each refusal is followed by one.
    """
    deadline = time.monotonic() + 30
    statements = [
        f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)",
        f"DROP DATABASE IF EXISTS {quoted}",
    ]
    attempt = 0
    while True:
        try:
            with admin.connect() as conn:
                conn.execute(text(statements[attempt % 2]))
            return
        except DBAPIError as error:
            refused = getattr(error.orig, "sqlstate", None) in ("42501", "55006")
            if not refused or time.monotonic() > deadline:
                raise
        attempt += 1
        time.sleep(0.2)


@pytest.fixture
def pg_schema_url(pg_url: str) -> Iterator[str]:
    """A URL whose connections work in a fresh, empty schema of the session database."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    quoted = _quoted(pg_url, schema)
    engine = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f"CREATE SCHEMA {quoted}"))
    try:
        url = make_url(pg_url).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.connect() as conn:
            conn.execute(text(f"DROP SCHEMA {quoted} CASCADE"))
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty database, once per backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'exobone.db'}"
    return str(request.getfixturevalue("pg_schema_url"))
