"""The ingest log and checkpoints name the digest of a file's content they hold.

A file's content was known by its sha256 (column `sha256`); it is now known by xxh3_128,
which only has to tell a changed file from an unchanged one (nobody chooses our input to
collide) and costs a tenth of the CPU over a 285 MB file. The column becomes `digest`, its
values "<algorithm>:<hex>", and the rows written before are marked "sha256:<hex>". An ingest
that finds a file's row still holding its sha256 (the log of an unchanged file, a checkpoint
of an interrupted run) checks that digest once and goes on as before (`Store._log`,
`FileIngest`).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_TABLES = ("ingest_log", "ingest_progress")


def upgrade() -> None:
    for table in _TABLES:
        with op.batch_alter_table(table) as batch:
            batch.alter_column(
                "sha256",
                new_column_name="digest",
                existing_type=sa.String(64),
                type_=sa.String(80),
                existing_nullable=False,
            )
        op.execute(f"UPDATE {table} SET digest = 'sha256:' || digest")


def downgrade() -> None:
    """Rows of sha256 get their bare hex back; those of xxh3_128 keep their prefix, so an
    older version never takes them for a sha256 (it sees a file it has not logged)."""
    for table in _TABLES:
        op.execute(
            f"UPDATE {table} SET digest = substr(digest, 8) WHERE digest LIKE 'sha256:%'"
        )
        with op.batch_alter_table(table) as batch:
            batch.alter_column(
                "digest",
                new_column_name="sha256",
                existing_type=sa.String(80),
                type_=sa.String(64),
                existing_nullable=False,
            )
