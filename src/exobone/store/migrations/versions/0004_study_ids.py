"""One study id per record, unique in the store and never given twice.

Studies were labelled S01, S02, ... anew by every ingest, so a store of two files held each
label twice. The id now lives on the record: "S" and the record's number (two digits at
least), handed out from `store_state.last_record`. Existing records are renamed after their
number; curations refer to studies by their row id and are untouched.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The id of record number `id`, as `exobone.store.store.study_label` writes it.
_LABEL = "CASE WHEN id < 10 THEN 'S0' || id ELSE 'S' || id END"


def _add_not_null(table: str, name: str, kind: sa.types.TypeEngine[Any], empty: str) -> None:
    """Add a NOT NULL column without rebuilding the table.

    Rebuilding a table on SQLite (Alembic's batch mode) drops the old one, and with foreign
    keys on that deletes the annotations and curations that refer to it. A column with a
    default is added in place on both databases; PostgreSQL then loses the default.
    """
    op.add_column(table, sa.Column(name, kind, nullable=False, server_default=sa.text(empty)))
    if op.get_bind().dialect.name == "postgresql":
        op.alter_column(table, name, server_default=None)


def upgrade() -> None:
    _add_not_null("records", "label", sa.Text(), "''")
    op.execute(f"UPDATE records SET label = {_LABEL}")
    op.create_index("ix_records_label", "records", ["label"], unique=True)
    _add_not_null("store_state", "last_record", sa.Integer(), "0")
    op.execute("UPDATE store_state SET last_record = (SELECT coalesce(max(id), 0) FROM records)")
    # Plain ALTER TABLE (SQLite 3.35+): batch mode would rebuild, and so empty, the table.
    op.execute("ALTER TABLE studies DROP COLUMN label")


def downgrade() -> None:
    _add_not_null("studies", "label", sa.Text(), "''")
    op.execute(
        "UPDATE studies SET label = "
        "(SELECT records.label FROM records WHERE records.id = studies.record_id)"
    )
    op.execute("ALTER TABLE store_state DROP COLUMN last_record")
    op.drop_index("ix_records_label", table_name="records")
    op.execute("ALTER TABLE records DROP COLUMN label")
