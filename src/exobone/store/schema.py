"""The tables of the exobone store.

Annotations are stored long and narrow (one row per study, field and value) so that every
field can be searched and faceted with the same index, and so that a curator's change is a
row of its own that re-extraction never overwrites.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# JSONB on PostgreSQL (indexable, compact), plain JSON text elsewhere.
JSONType = JSON().with_variant(JSONB(), "postgresql")

MACHINE = "machine"
CURATED = "curated"


# Made by migration 0002 in SQL of each database's own (FTS5 tables, the tsvector column and
# its GIN index); not modelled here, so schema comparisons leave them out.
SEARCH_OBJECTS = frozenset(
    {
        "records_fts",
        "records_fts_config",
        "records_fts_data",
        "records_fts_docsize",
        "records_fts_idx",
        "search",
        "ix_records_search",
    }
)


def include_object(_object: object, name: str | None, _type: str, *_: object) -> bool:
    """Alembic hook: compare everything but the search objects."""
    return name not in SEARCH_OBJECTS


class Base(DeclarativeBase):
    """Declarative base whose metadata the Alembic migrations mirror."""


class RecordRow(Base):
    """A bibliographic record; `key` is its de-duplication key when it was first stored.

    `label` is the study id shown everywhere ("S04"): "S" and the record's number, which the
    store hands out from `store_state.last_record` and so never gives twice, even after a
    record is removed. A record keeps it whatever file or grouping brings the paper again.
    """

    __tablename__ = "records"
    __table_args__ = (Index("ix_records_label", "label", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(Text, unique=True)
    label: Mapped[str] = mapped_column(Text)
    authors: Mapped[list[str]] = mapped_column(JSONType)
    year: Mapped[int | None] = mapped_column(Integer, index=True)
    title: Mapped[str] = mapped_column(Text)
    journal: Mapped[str | None] = mapped_column(Text)
    volume: Mapped[str | None] = mapped_column(Text)
    issue: Mapped[str | None] = mapped_column(Text)
    pages: Mapped[str | None] = mapped_column(Text)
    doi: Mapped[str | None] = mapped_column(Text)
    pmid: Mapped[str | None] = mapped_column(Text, index=True)
    abstract: Mapped[str] = mapped_column(Text)
    # The abstract as the source gave it; NULL when it is `abstract` itself (migration 0011:
    # read it through `writer.record_values`, which gives the abstract back in its place).
    abstract_raw: Mapped[str | None] = mapped_column(Text)
    title_raw: Mapped[str] = mapped_column(Text, default="", server_default="")
    keywords: Mapped[list[str]] = mapped_column(JSONType)
    raw: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)
    line: Mapped[int] = mapped_column(Integer)
    # xxh3_128 of the stored fields but `raw` (`writer.record_checksum`; a sha256 in rows
    # last written before it): marks what views of the record are made of; a re-ingest
    # compares the fields themselves.
    checksum: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class RecordKeyRow(Base):
    """Every identity of a record (DOI, PMID, title+year keys): how later files find it."""

    __tablename__ = "record_keys"

    record_id: Mapped[int] = mapped_column(
        ForeignKey("records.id", ondelete="CASCADE"), primary_key=True
    )
    key: Mapped[str] = mapped_column(Text, primary_key=True, index=True)


class StudyRow(Base):
    """The extraction made from one record (at most one per record)."""

    __tablename__ = "studies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(
        ForeignKey("records.id", ondelete="CASCADE"), unique=True
    )
    study_type: Mapped[str] = mapped_column(String(16), index=True)
    extractor_version: Mapped[str] = mapped_column(String(64))
    extracted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    warnings: Mapped[list[str]] = mapped_column(JSONType)
    # sha256 of study type, machine annotations and evidence: skip identical re-extractions.
    checksum: Mapped[str] = mapped_column(String(64))


class AnnotationRow(Base):
    """One value of one field of one study, from the extractor or from a curator."""

    __tablename__ = "annotations"
    __table_args__ = (
        UniqueConstraint("study_id", "field", "value", "origin", name="uq_annotation"),
        CheckConstraint("origin IN ('machine', 'curated')", name="ck_annotation_origin"),
        # Covering index for filters and facet counts: a value's studies in id order.
        # A study's values are found through uq_annotation (study_id, field, value, origin).
        Index("ix_annotations_field_value_study", "field", "value", "study_id"),
        # The few curators' rows, probed for withdrawals of every row that counts.
        Index(
            "ix_annotations_curated",
            "study_id",
            "field",
            "value",
            "removed",
            sqlite_where=text("origin = 'curated'"),
            postgresql_where=text("origin = 'curated'"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    study_id: Mapped[int] = mapped_column(ForeignKey("studies.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text)
    # Order of the value within its field, as the extractor gave it.
    rank: Mapped[int] = mapped_column(Integer)
    origin: Mapped[str] = mapped_column(String(16))
    curated_by: Mapped[str | None] = mapped_column(Text)
    curated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # A curated row with removed=True withdraws a value the extractor proposed.
    removed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class EvidenceRow(Base):
    """A span of the title or abstract that supports an annotation."""

    __tablename__ = "evidence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    annotation_id: Mapped[int] = mapped_column(
        ForeignKey("annotations.id", ondelete="CASCADE"), index=True
    )
    section: Mapped[str] = mapped_column(String(16))
    sentence: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    # What the value was inferred from there (`Span.inferred`); empty when the words state it.
    inferred: Mapped[str] = mapped_column(Text, default="", server_default="")


class IngestLogRow(Base):
    """Which file content was ingested, when, and with what result."""

    __tablename__ = "ingest_log"
    __table_args__ = (UniqueConstraint("path", "digest", name="uq_ingest_log_file"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text)
    # The content's digest, "<algorithm>:<hex>" (`store.file_digest`; "sha256:..." in rows
    # logged before migration 0012).
    digest: Mapped[str] = mapped_column(String(80))
    format: Mapped[str | None] = mapped_column(String(32))
    records_read: Mapped[int] = mapped_column(Integer)
    problems: Mapped[list[str]] = mapped_column(JSONType)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class IngestProgressRow(Base):
    """How far an interrupted ingest of a file got: committed batches, and their counts.

    Written in each batch's transaction, removed once the file is done; a rerun of the same
    content (`digest`, as in `IngestLogRow`) with the same extraction (`mode`) continues
    after `entries_done`.
    """

    __tablename__ = "ingest_progress"

    path: Mapped[str] = mapped_column(Text, primary_key=True)
    digest: Mapped[str] = mapped_column(String(80))
    mode: Mapped[str] = mapped_column(String(64))
    entries_done: Mapped[int] = mapped_column(Integer)
    counts: Mapped[dict[str, int]] = mapped_column(JSONType)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class StoreStateRow(Base):
    """One row: `generation` grows with every write that changes studies or annotations;
    `last_record` is the highest record number ever given (numbers are never reused)."""

    __tablename__ = "store_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    generation: Mapped[int] = mapped_column(Integer)
    last_record: Mapped[int] = mapped_column(Integer)


class FieldValueRow(Base):
    """Every value ever stored for a field: the valid labels and wildcard expansions.

    Kept in the same transaction as the annotations; a value whose last annotation is gone
    stays listed (it simply matches nothing), so the table never needs a recount.
    """

    __tablename__ = "field_values"

    field: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, primary_key=True)


class CurationLogRow(Base):
    """One curator's decision, with the state it replaced so that it can be undone."""

    __tablename__ = "curation_log"
    __table_args__ = (
        CheckConstraint("action IN ('add', 'remove')", name="ck_curation_log_action"),
        Index("ix_curation_log_study", "study_id", "field", "value"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    study_id: Mapped[int] = mapped_column(ForeignKey("studies.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(64))
    value: Mapped[str] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(8))
    by: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The curated row before this decision ({"removed", "curated_by", "curated_at"}) or null.
    previous: Mapped[dict[str, object] | None] = mapped_column(JSONType)
