"""Load the pipeline's Parquet output into the store, partition by partition.

Each partition's live studies (see `exobone.scale.output.plan`) go in with one
`Store.add_file` call, which is one transaction; loading twice changes nothing. The studies
stream from the Parquet files a batch at a time (`iter_part`) into the store's bulk writer,
so memory does not grow with the size of a partition. Before a
partition is added, copies that the pipeline stored earlier and that are now superseded
(a newer file has the PMID) or withdrawn (deleted, or revised out of scope) are removed,
so the store holds what `read_output` yields. Only records whose `source` is one of the
pipeline's input files are ever removed: what a user ingested by hand is left alone.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Connection, delete, select

from exobone.scale.layout import Manifest, table_path
from exobone.scale.output import iter_part, plan
from exobone.store import IngestSummary, Store
from exobone.store.schema import Base, RecordRow
from exobone.store.writer import bump_generation, padded

_records = Base.metadata.tables[RecordRow.__tablename__]


@dataclass(slots=True)
class LoadResult:
    """What `load_output` did: a summary per partition and the store rows it removed."""

    summaries: list[IngestSummary] = field(default_factory=list)
    removed: int = 0


def load_output(
    out: str | Path,
    store: Store,
    progress: Callable[[Manifest, IngestSummary], None] | None = None,
) -> LoadResult:
    """Bring the store in line with the latest version of every study in `out`."""
    out = Path(out)
    settled = plan(out)
    sources = {m.input for m in settled.manifests}
    result = LoadResult()
    result.removed += len(_remove(store, settled.withdrawn, sources))
    for m in settled.manifests:
        live = settled.live[m.part]
        # A copy of the same PMID from another of the pipeline's files is an older version;
        # the new one keeps its record number, and so its study id.
        older = _remove(store, _pmids(out, m.part, live), sources - {m.input})
        result.removed += len(older)
        studies = (study for batch in iter_part(out, m.part, live) for study in batch)
        summary = store.add_file(
            table_path(out, "records", m.part), studies, fmt="pubmed_xml", numbers=older
        )
        result.summaries.append(summary)
        if progress:
            progress(m, summary)
    return result


def _remove(store: Store, pmids: Iterable[str], sources: set[str]) -> dict[str, int]:
    """Delete the stored copies of `pmids` that came from one of `sources`; their record
    numbers by PMID."""
    wanted = sorted(set(pmids))
    removed: dict[str, int] = {}
    if not wanted:
        return removed
    with store.engine.begin() as conn:
        for chunk in padded(wanted):
            rows = [row for row in _stored(conn, chunk) if row.source in sources]
            for ids in padded([row.id for row in rows]):
                conn.execute(delete(_records).where(_records.c.id.in_(ids)))
            removed.update((str(row.pmid), int(row.id)) for row in rows)
        if removed:
            bump_generation(conn)  # views cached by generation must drop the deleted studies
    return removed


def _pmids(out: Path, part: str, rows: list[int]) -> list[str]:
    """The PMIDs of `rows` of a records partition (its PMID column alone is read)."""
    column = pq.read_table(table_path(out, "records", part), columns=["pmid"])["pmid"]
    return [pmid for pmid in column.take(pa.array(rows, pa.int64())).to_pylist() if pmid]


def _stored(conn: Connection, pmids: list[str]) -> list[Any]:
    query = select(_records.c.id, _records.c.pmid, _records.c.source).where(
        _records.c.pmid.in_(pmids)
    )
    return list(conn.execute(query))
