"""Read-side queries for pages that show one study or a few: studies sharing values with a
study, and the titles of a handful of records.

"Similar studies" is counted in the facet index (each shared `field: value` adds one to the
studies that have it), so a study page never reads the other studies' rows; only the few
studies shown are then read, by id.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import Connection, select

from exobone.store.facets import FacetIndex
from exobone.store.schema import Base, RecordRow

records_t = Base.metadata.tables[RecordRow.__tablename__]


@dataclass(frozen=True, slots=True)
class Related:
    """A study sharing `shared` of the given values (those in `examples`) with another."""

    record_id: int
    label: str
    title: str
    shared: int
    examples: list[str]


def sharing(
    conn: Connection,
    index: FacetIndex,
    pairs: Collection[tuple[str, str]],
    record_id: int,
    limit: int,
) -> list[Related]:
    """The `limit` studies (other than record `record_id`'s) having most of `pairs`, most
    first, ties in record order."""
    if not pairs or limit <= 0:
        return []
    key = index.key(conn)
    studies = index.studies(conn, key)
    size = len(studies.ids)
    by_field: dict[str, list[str]] = {}
    for name, value in pairs:
        by_field.setdefault(name, []).append(value)
    hits: list[tuple[str, str, np.ndarray]] = []
    for name, values in sorted(by_field.items()):
        column = index.column(conn, key, name)
        for value in sorted(values):
            codes = column.codes_of([value])
            if codes:
                hits.append((name, value, np.unique(column.rows_having(codes))))
    if not hits or size == 0:
        return []
    counts = np.bincount(np.concatenate([rows for *_, rows in hits]), minlength=size)
    own = studies.rows_of_records(np.array([record_id], dtype=np.int64))[0]
    if own >= 0:
        counts[own] = 0
    candidates = np.flatnonzero(counts)
    # Most shared first; among equals, the lower record id.
    order = np.lexsort((studies.records[candidates], -counts[candidates]))
    chosen = candidates[order[:limit]]
    titles = record_titles(conn, [int(studies.records[row]) for row in chosen])
    found = []
    for row in chosen.tolist():
        rid = int(studies.records[row])
        label, title = titles.get(rid, ("", ""))
        examples = sorted(
            f"{name}: {value}"
            for name, value, rows in hits
            if rows[min(np.searchsorted(rows, row), len(rows) - 1)] == row
        )
        found.append(Related(rid, label, title, int(counts[row]), examples))
    return found


def record_titles(conn: Connection, record_ids: Sequence[int]) -> dict[int, tuple[str, str]]:
    """(label, title) of each of a few records, by id."""
    if not record_ids:
        return {}
    query = select(records_t.c.id, records_t.c.label, records_t.c.title).where(
        records_t.c.id.in_(list(record_ids))
    )
    return {int(row.id): (str(row.label), str(row.title)) for row in conn.execute(query)}
