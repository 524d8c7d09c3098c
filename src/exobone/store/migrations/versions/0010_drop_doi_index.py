"""records.doi loses its index: no query reads records by DOI (the store finds a paper by
its keys in `record_keys`), and every ingest paid for it.

DOIs come in no order, so each new record's entry landed on a page of its own in that
index; the pages a batch dirtied were written twice (WAL, then the database), more of them
the larger the store.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_records_doi", table_name="records")


def downgrade() -> None:
    op.create_index("ix_records_doi", "records", ["doi"])
