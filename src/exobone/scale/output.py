"""Reading the pipeline's output: the latest version of every in-scope PMID, as `Study`s.

Input files apply in name order (baseline before updates). A later file's copy of a PMID
supersedes earlier ones, whether or not it is in scope (a revision that drops out of scope
withdraws the earlier copy); a `<DeleteCitation>` removes it. Within one file the articles
come first and its deletions after, as in the XML. Only finished files (with a manifest)
count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from exobone.model import Record, Span, Study, empty_annotations
from exobone.scale.layout import Manifest, read_manifests, table_path
from exobone.schema import INTEGER_FIELDS

# Records made Python objects at a time (as many as a batch of the store's writer).
BATCH_ROWS = 1000

_RECORD_FIELDS = (
    "title", "abstract", "abstract_raw", "authors", "year", "journal", "volume", "issue",
    "pages", "doi", "pmid", "keywords", "source", "position", "line", "raw",
)  # fmt: skip
# The evidence columns that make a `Span`, in its order.
_SPAN_COLUMNS = ("start", "end", "sentence", "section", "inferred")


@dataclass(slots=True)
class Plan:
    """Which rows of which partition hold the live version of each study.

    `live[part]` are row numbers of the part's records partition; `withdrawn` are PMIDs whose
    latest word is a deletion or an out-of-scope revision, mapped to the input that said so.
    """

    manifests: list[Manifest]
    live: dict[str, list[int]] = field(default_factory=dict)
    withdrawn: dict[str, str] = field(default_factory=dict)


def plan(out: str | Path) -> Plan:
    """Settle supersession and deletion across all finished files (reads PMID columns only)."""
    out = Path(out)
    manifests = read_manifests(out)
    keyed: dict[str, list[str | None]] = {}
    for m in manifests:
        column = pq.read_table(table_path(out, "records", m.part), columns=["pmid"])["pmid"]
        keyed[m.part] = column.to_pylist()
    # A Python set, looked up per event: an Arrow `is_in` per partition hashed every
    # candidate again (1M studies in 204 partitions: 39 CPU-s, growing with their square).
    candidates = {p for pmids in keyed.values() for p in pmids if p}
    latest: dict[str, tuple[str, int] | None] = {}  # pmid -> (part, row) or None if withdrawn
    said_by: dict[str, str] = {}
    for m in manifests:
        rows = {pmid: row for row, pmid in enumerate(keyed[m.part]) if pmid}
        events = pq.read_table(table_path(out, "pmids", m.part), columns=["pmid", "deleted"])
        pmids, deleted = events["pmid"].to_pylist(), events["deleted"].to_pylist()
        known = [(p, gone) for p, gone in zip(pmids, deleted, strict=True) if p in candidates]
        for pmid, gone in sorted(known, key=lambda e: e[1]):
            row = None if gone else rows.get(pmid)
            latest[pmid] = None if row is None else (m.part, row)
            said_by[pmid] = m.input
    result = Plan(manifests=manifests)
    live: dict[str, list[int]] = defaultdict(list)
    for m in manifests:
        for row, pmid in enumerate(keyed[m.part]):
            if not pmid or latest.get(pmid) == (m.part, row):
                live[m.part].append(row)
    result.live = {m.part: live.get(m.part, []) for m in manifests}
    result.withdrawn = {pmid: said_by[pmid] for pmid, where in latest.items() if where is None}
    return result


def read_part(out: str | Path, part: str, rows: list[int] | None = None) -> list[Study]:
    """The studies of one records partition (only `rows`, if given), rebuilt in full."""
    return [study for batch in iter_part(out, part, rows) for study in batch]


def iter_part(
    out: str | Path, part: str, rows: list[int] | None = None, batch_size: int = BATCH_ROWS
) -> Iterator[list[Study]]:
    """The studies of one records partition (only `rows`, ascending, if given), a batch of
    at most `batch_size` at a time.

    Records are read `batch_size` rows at a time; the partition's annotations and evidence
    stay Arrow columns (a few bytes a value), and only one batch's become Python objects,
    so memory follows the batch, not the partition.
    """
    out = Path(out)
    annotations = pq.read_table(table_path(out, "annotations", part))
    evidence = pq.read_table(table_path(out, "evidence", part))
    wanted = iter(rows) if rows is not None else None
    pending = next(wanted, None) if wanted is not None else None
    first = 0
    records_file = pq.ParquetFile(table_path(out, "records", part))
    for records in records_file.iter_batches(batch_size=batch_size):
        read = records.num_rows
        if wanted is not None:
            picked = []
            while pending is not None and pending < first + read:
                picked.append(pending - first)
                pending = next(wanted, None)
            records = records.take(pa.array(picked, pa.int64()))
        first += read
        yield _studies(records, annotations, evidence)


def _studies(records: pa.RecordBatch, annotations: pa.Table, evidence: pa.Table) -> list[Study]:
    """The studies of `records`, with their rows of `annotations` and `evidence` (by key).

    Read a column at a time (one Python list per column, zipped), not as a dict per row:
    a batch has ~20 annotation and ~26 evidence rows per study.
    """
    if records.num_rows == 0:
        return []
    wanted = pa.array(records["key"].to_pylist(), pa.string())
    by_key: dict[str, Study] = {}
    studies = []
    columns = [records[name].to_pylist() for name in (*_RECORD_FIELDS, "key", "study_type")]
    warnings = records["warnings"].to_pylist()
    for *fields, key, study_type, warned in zip(*columns, warnings, strict=True):
        record = Record(**dict(zip(_RECORD_FIELDS, fields, strict=True)))
        record.authors = list(record.authors or [])
        record.keywords = list(record.keywords or [])
        study = Study(id=key, record=record, annotations=empty_annotations())
        study.annotations["study_type"] = study_type
        study.warnings = list(warned or [])
        by_key[key] = study
        studies.append(study)
    keys, names, values, ranks = _columns(annotations, wanted, ("key", "field", "value", "rank"))
    for place in sorted(range(len(keys)), key=ranks.__getitem__):  # stable: file order per rank
        name = names[place]
        value: Any = int(values[place]) if name in INTEGER_FIELDS else values[place]
        by_key[keys[place]].annotations[name].append(value)
    spans = _columns(evidence, wanted, ("key", "field", "value", *_SPAN_COLUMNS))
    for key, name, text, start, end, sentence, section, inferred in zip(*spans, strict=True):
        # (files written before the inferred column have none)
        span = Span(start, end, sentence, section, inferred or "")
        by_key[key].evidence.setdefault(name, {}).setdefault(text, []).append(span)
    return studies


def read_output(out: str | Path) -> Iterator[Study]:
    """The latest version of every in-scope study, file by file in update order.

    Memory holds one partition at a time plus the PMID plan.
    """
    settled = plan(out)
    for m in settled.manifests:
        rows = settled.live[m.part]
        if rows:
            yield from read_part(out, m.part, rows)


def _columns(data: pa.Table, keys: pa.Array, names: Sequence[str]) -> list[list[Any]]:
    """Columns `names` (a missing one: all None) of the rows of `data` whose key is in `keys`."""
    found = data.filter(pc.is_in(data["key"], value_set=keys))
    return [
        found[name].to_pylist() if name in found.column_names else [None] * found.num_rows
        for name in names
    ]
