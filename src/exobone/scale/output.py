"""Reading the pipeline's output: the latest version of every in-scope PMID, as `Study`s.

Input files apply in name order (baseline before updates). A later file's copy of a PMID
supersedes earlier ones, whether or not it is in scope (a revision that drops out of scope
withdraws the earlier copy); a `<DeleteCitation>` removes it. Within one file the articles
come first and its deletions after, as in the XML. Only finished files (with a manifest)
count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from exobone.model import Record, Span, Study, empty_annotations
from exobone.scale.layout import Manifest, read_manifests, table_path
from exobone.schema import INTEGER_FIELDS

_RECORD_FIELDS = (
    "title", "abstract", "abstract_raw", "authors", "year", "journal", "volume", "issue",
    "pages", "doi", "pmid", "keywords", "source", "position", "line", "raw",
)  # fmt: skip


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
    candidates = pa.array(sorted({p for pmids in keyed.values() for p in pmids if p}), pa.string())
    latest: dict[str, tuple[str, int] | None] = {}  # pmid -> (part, row) or None if withdrawn
    said_by: dict[str, str] = {}
    for m in manifests:
        rows = {pmid: row for row, pmid in enumerate(keyed[m.part]) if pmid}
        events = pq.read_table(table_path(out, "pmids", m.part))
        events = events.filter(pc.is_in(events["pmid"], value_set=candidates))
        pmids, deleted = events["pmid"].to_pylist(), events["deleted"].to_pylist()
        for pmid, gone in sorted(zip(pmids, deleted, strict=True), key=lambda e: e[1]):
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
    out = Path(out)
    records = pq.read_table(table_path(out, "records", part))
    if rows is not None:
        records = records.take(pa.array(rows, pa.int64()))
    keys = records["key"].to_pylist()
    wanted = pa.array(keys, pa.string())
    annotations = _rows(out, "annotations", part, wanted)
    evidence = _rows(out, "evidence", part, wanted)
    by_key: dict[str, Study] = {}
    studies = []
    for values in records.to_pylist():
        record = Record(**{name: values[name] for name in _RECORD_FIELDS})
        record.authors = list(record.authors or [])
        record.keywords = list(record.keywords or [])
        study = Study(id=values["key"], record=record, annotations=empty_annotations())
        study.annotations["study_type"] = values["study_type"]
        study.warnings = list(values["warnings"] or [])
        by_key[study.id] = study
        studies.append(study)
    for a in sorted(annotations, key=lambda a: a["rank"]):
        value: Any = int(a["value"]) if a["field"] in INTEGER_FIELDS else a["value"]
        by_key[a["key"]].annotations[a["field"]].append(value)
    for e in evidence:
        span = Span(
            start=e["start"],
            end=e["end"],
            sentence=e["sentence"],
            section=e["section"],
            inferred=e.get("inferred") or "",  # files written before the column: none
        )
        fields = by_key[e["key"]].evidence.setdefault(e["field"], {})
        fields.setdefault(e["value"], []).append(span)
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


def _rows(out: Path, table: str, part: str, keys: pa.Array) -> list[dict[str, Any]]:
    data = pq.read_table(table_path(out, table, part))
    return data.filter(pc.is_in(data["key"], value_set=keys)).to_pylist()
