"""Create or upgrade the store's schema with the Alembic migrations shipped in the package."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, func, select

from exobone.store.engine import writing

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Key of the PostgreSQL advisory lock that serialises migrations ("exob" in ASCII).
MIGRATION_LOCK = 0x65786F62


def alembic_config() -> Config:
    """An Alembic config pointing at the packaged migrations (no alembic.ini needed)."""
    config = Config()
    # configparser interpolates '%': escape it in case the install path contains one.
    config.set_main_option("script_location", str(MIGRATIONS).replace("%", "%%"))
    return config


def is_current(engine: Engine, config: Config) -> bool:
    """Whether the database is already at the newest revision."""
    heads = set(ScriptDirectory.from_config(config).get_heads())
    with engine.connect() as connection:
        return set(MigrationContext.configure(connection).get_current_heads()) == heads


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database behind `engine` to `revision`, in one transaction.

    Processes that open a new database at the same time take turns: SQLite through its write
    lock, PostgreSQL through an advisory lock held until the transaction ends.
    """
    config = alembic_config()
    if revision == "head" and is_current(engine, config):
        return  # the common case takes no write lock, so it never waits for an ingest
    with writing(engine) as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(select(func.pg_advisory_xact_lock(MIGRATION_LOCK)))
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
