"""Evidence keeps whether its value was inferred, and from what (`Span.inferred`).

Empty where the words at the span state the value. Studies stored before have it empty
everywhere; a re-ingest with extraction rewrites those that have an inferred value (their
checksum then differs).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("evidence", sa.Column("inferred", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    op.execute("ALTER TABLE evidence DROP COLUMN inferred")
