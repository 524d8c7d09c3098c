"""records.abstract_raw may be NULL: the source's abstract is then the cleaned one.

Most records' abstracts need no cleaning, and each stored its text twice (~1.2 KB a PubMed
record, ~8% of the records table). The writer now stores NULL when the two are equal and
every reader of the row gives the abstract back in its place (`writer.record_values`), so
what users read is unchanged; rows written before keep their text.

SQLite cannot alter a column, and rebuilding `records` would copy every row and, with
foreign keys on, cascade the old table's removal to the keys and studies. Dropping a NOT NULL
constraint leaves the stored rows as they are, so the table's definition is edited in place
as SQLite documents for that case (writable_schema, then a new schema version so that every
connection reads the definition again).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from exobone.errors import StoreError

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NOT_NULL = "abstract_raw TEXT NOT NULL,"
_NULLABLE = "abstract_raw TEXT,"


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _edit_records_definition(_NOT_NULL, _NULLABLE)
    else:
        op.alter_column("records", "abstract_raw", existing_type=sa.Text(), nullable=True)


def downgrade() -> None:
    op.execute("UPDATE records SET abstract_raw = abstract WHERE abstract_raw IS NULL")
    if op.get_bind().dialect.name == "sqlite":
        _edit_records_definition(_NULLABLE, _NOT_NULL)
    else:
        op.alter_column("records", "abstract_raw", existing_type=sa.Text(), nullable=False)


def _edit_records_definition(old: str, new: str) -> None:
    """Replace `old` by `new` in SQLite's CREATE TABLE text of `records` (exactly once)."""
    bind = op.get_bind()
    where = "WHERE type = 'table' AND name = 'records'"
    definition = str(bind.exec_driver_sql(f"SELECT sql FROM sqlite_master {where}").scalar_one())
    if definition.count(old) != 1:
        raise StoreError(f"records' definition does not hold {old!r} once: {definition}")
    version = int(bind.exec_driver_sql("PRAGMA schema_version").scalar_one())
    bind.exec_driver_sql("PRAGMA writable_schema = ON")
    bind.execute(
        sa.text(f"UPDATE sqlite_master SET sql = :sql {where}"),
        {"sql": definition.replace(old, new)},
    )
    bind.exec_driver_sql(f"PRAGMA schema_version = {version + 1}")
    bind.exec_driver_sql("PRAGMA writable_schema = OFF")
