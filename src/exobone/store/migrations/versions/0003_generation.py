"""A generation counter, bumped by every write that changes studies or annotations.

Per-process facet indexes (and their cache files) compare it to know they are stale.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

import random
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "store_state",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("generation", sa.Integer(), nullable=False),
    )
    # A random start: a store made again at the same path never shares a generation (and
    # so a saved facet index) with the one it replaced.
    start = random.randrange(1, 2**30)
    op.execute(
        sa.text("INSERT INTO store_state (id, generation) VALUES (1, :start)").bindparams(
            start=start
        )
    )


def downgrade() -> None:
    op.drop_table("store_state")
