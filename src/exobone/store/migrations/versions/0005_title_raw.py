"""The title as the source printed it, beside the cleaned title.

`records.title` is the cleaned text extraction, search and matching use ("TGF-beta1");
`records.title_raw` keeps the source's ("TGF-β1"), which exports write. Records stored
before have it empty, and exports fall back to the cleaned title for them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("records", sa.Column("title_raw", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    op.execute("ALTER TABLE records DROP COLUMN title_raw")
