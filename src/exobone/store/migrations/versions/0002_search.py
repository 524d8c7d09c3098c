"""Full-text search, faceting indexes, the field-value list and the curation log.

SQLite gets an FTS5 table over the records (external content, kept in sync by triggers in
the writing transaction); PostgreSQL a generated, GIN-indexed tsvector column. Both index
title, abstract, keywords, authors and journal.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_COLUMNS = "title, abstract, keywords, authors, journal"
_SQLITE = [
    "CREATE VIRTUAL TABLE records_fts USING fts5("
    f"{_COLUMNS}, content='records', content_rowid='id', "
    "tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER records_fts_insert AFTER INSERT ON records BEGIN "
    f"INSERT INTO records_fts(rowid, {_COLUMNS}) "
    "VALUES (new.id, new.title, new.abstract, new.keywords, new.authors, new.journal); END",
    "CREATE TRIGGER records_fts_delete AFTER DELETE ON records BEGIN "
    f"INSERT INTO records_fts(records_fts, rowid, {_COLUMNS}) "
    "VALUES ('delete', old.id, old.title, old.abstract, old.keywords, old.authors, old.journal);"
    " END",
    f"CREATE TRIGGER records_fts_update AFTER UPDATE OF {_COLUMNS} ON records BEGIN "
    f"INSERT INTO records_fts(records_fts, rowid, {_COLUMNS}) "
    "VALUES ('delete', old.id, old.title, old.abstract, old.keywords, old.authors, old.journal);"
    f" INSERT INTO records_fts(rowid, {_COLUMNS}) "
    "VALUES (new.id, new.title, new.abstract, new.keywords, new.authors, new.journal); END",
    "INSERT INTO records_fts(records_fts) VALUES ('rebuild')",
]
# Title weighs most, then abstract and keywords; authors and journal are findable too.
_POSTGRES = [
    "ALTER TABLE records ADD COLUMN search tsvector GENERATED ALWAYS AS ("
    "setweight(to_tsvector('english', coalesce(title, '')), 'A') || "
    "setweight(to_tsvector('english', coalesce(abstract, '')), 'B') || "
    "setweight(jsonb_to_tsvector('english', keywords, '[\"string\"]'), 'B') || "
    "setweight(jsonb_to_tsvector('simple', authors, '[\"string\"]'), 'C') || "
    "setweight(to_tsvector('english', coalesce(journal, '')), 'D')) STORED",
    "CREATE INDEX ix_records_search ON records USING gin (search)",
]


def _json() -> sa.types.TypeEngine[Any]:
    return sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for statement in _SQLITE if dialect == "sqlite" else _POSTGRES:
        op.execute(statement)

    op.drop_index("ix_annotations_field_value", table_name="annotations")
    # uq_annotation (study_id, field, value, origin) already serves lookups by study and field.
    op.drop_index("ix_annotations_study_field", table_name="annotations")
    op.create_index(
        "ix_annotations_field_value_study", "annotations", ["field", "value", "study_id"]
    )
    op.create_index(
        "ix_annotations_curated",
        "annotations",
        ["study_id", "field", "value", "removed"],
        sqlite_where=sa.text("origin = 'curated'"),
        postgresql_where=sa.text("origin = 'curated'"),
    )

    op.create_table(
        "field_values",
        sa.Column("field", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), primary_key=True),
    )
    op.execute(
        "INSERT INTO field_values (field, value) SELECT DISTINCT field, value FROM annotations"
    )

    op.create_table(
        "curation_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "study_id",
            sa.Integer(),
            sa.ForeignKey("studies.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("field", sa.String(64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("action", sa.String(8), nullable=False),
        sa.Column("by", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("undone_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("previous", _json(), nullable=True),
        sa.CheckConstraint("action IN ('add', 'remove')", name="ck_curation_log_action"),
    )
    op.create_index("ix_curation_log_study", "curation_log", ["study_id", "field", "value"])
    # Curations made before the log existed become its first entries (nothing to undo to).
    op.execute(
        "INSERT INTO curation_log (study_id, field, value, action, by, at) "
        "SELECT study_id, field, value, CASE WHEN removed THEN 'remove' ELSE 'add' END, "
        "coalesce(curated_by, ''), coalesce(curated_at, CURRENT_TIMESTAMP) "
        "FROM annotations WHERE origin = 'curated' ORDER BY id"
    )


def downgrade() -> None:
    op.drop_table("curation_log")
    op.drop_table("field_values")
    op.drop_index("ix_annotations_curated", table_name="annotations")
    op.drop_index("ix_annotations_field_value_study", table_name="annotations")
    op.create_index("ix_annotations_field_value", "annotations", ["field", "value"])
    op.create_index("ix_annotations_study_field", "annotations", ["study_id", "field"])
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER records_fts_{trigger}")
        op.execute("DROP TABLE records_fts")
    else:
        op.execute("DROP INDEX ix_records_search")
        op.execute("ALTER TABLE records DROP COLUMN search")
