"""PostgreSQL search: a slash separates words, as in FTS5.

PostgreSQL's text-search parser reads "Wnt/beta-catenin", "PI3K/Akt" or "CD9/CD63" as one
file-path token, so a search for "wnt" missed every record that wrote the pathway that way
(SQLite's FTS5 tokenizer splits at the slash). The generated `search` column is rebuilt
with slashes turned into spaces; `exobone.store.search` does the same to the query.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _search_column(text: str, keywords: str) -> str:
    """The generated column's definition, with `text` and `keywords` wrapping each input."""
    title, abstract, journal = (
        text.format(f"coalesce({name}, '')") for name in ("title", "abstract", "journal")
    )
    return (
        "ALTER TABLE records ADD COLUMN search tsvector GENERATED ALWAYS AS ("
        f"setweight(to_tsvector('english', {title}), 'A') || "
        f"setweight(to_tsvector('english', {abstract}), 'B') || "
        f"setweight(jsonb_to_tsvector('english', {keywords}, '[\"string\"]'), 'B') || "
        "setweight(jsonb_to_tsvector('simple', authors, '[\"string\"]'), 'C') || "
        f"setweight(to_tsvector('english', {journal}), 'D')) STORED"
    )


def _rebuild(definition: str) -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # FTS5's unicode61 tokenizer already splits at slashes
    op.execute("DROP INDEX ix_records_search")
    op.execute("ALTER TABLE records DROP COLUMN search")
    op.execute(definition)
    op.execute("CREATE INDEX ix_records_search ON records USING gin (search)")


def upgrade() -> None:
    # jsonb text never escapes '/', so the replaced text is still the same JSON.
    _rebuild(_search_column("replace({}, '/', ' ')", "replace(keywords::text, '/', ' ')::jsonb"))


def downgrade() -> None:
    _rebuild(_search_column("{}", "keywords"))
