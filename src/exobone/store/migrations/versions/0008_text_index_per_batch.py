"""SQLite: new records enter the full-text index per batch, written by the store's writer.

The per-row insert trigger of 0002 is dropped: FTS5 rows inserted by a trigger cost ~4x
those of one INSERT ... SELECT per batch in the same transaction. The update and delete
triggers stay (a record's text changes or goes rarely, and also by hand). PostgreSQL's
search column is generated and needs nothing.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = "title, abstract, keywords, authors, journal"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS records_fts_insert")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN "
            f"INSERT INTO records_fts(rowid, {_COLUMNS}) "
            "VALUES (new.id, new.title, new.abstract, new.keywords, new.authors, new.journal); END"
        )
