"""One pipeline task: one PubMed XML file in, its Parquet partitions and manifest out.

Runs inside a dask worker process; the Extractor (lexicon and compiled patterns) is built
once per process and reused by every file that worker gets.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from exobone.errors import ExoboneError, IngestError, RecordProblem
from exobone.extract import Extractor
from exobone.ingest import read_records
from exobone.model import SET_FIELDS, Record, Study
from exobone.scale.layout import (
    SCHEMAS,
    InputFile,
    Manifest,
    sha256_of,
    write_manifest,
    write_table,
)
from exobone.scale.relevance import is_relevant
from exobone.scale.updates import scan

MAX_PROBLEMS = 100  # record problems kept in a manifest (the count is always kept)

_extractor: Extractor | None = None


class FileFailed(ExoboneError):
    """An input file could not be processed; the message names the file and why."""


def study_key(record: Record, part: str) -> str:
    """The key of a record's study: its PMID, or its place in the file when it has none."""
    return f"PMID:{record.pmid}" if record.pmid else f"{part}#{record.position}"


def process_file(source: InputFile, out: str) -> Manifest:
    """Parse, filter and extract one file; write its partitions, then its manifest.

    Raises FileFailed (picklable, one message) for a file that cannot be read whole.
    """
    try:
        return _process(source, Path(out))
    except FileFailed:
        raise
    except (IngestError, OSError) as exc:
        message = str(exc) if isinstance(exc, IngestError) else f"{source.path}: {exc}"
        raise FileFailed(message) from None
    except Exception as exc:  # anything else still names the file it happened in
        raise FileFailed(f"{source.path}: {type(exc).__name__}: {exc}") from None


def _process(source: InputFile, out: Path) -> Manifest:
    global _extractor
    started = time.perf_counter()
    if _extractor is None:
        _extractor = Extractor()
    part = source.part
    deleted = scan(source.path).deleted
    rows = _Rows()
    pmids: list[str] = []
    problems: list[str] = []
    warnings: list[str] = []
    count = 0
    for item in read_records(source.path, fmt="pubmed_xml"):
        if isinstance(item, RecordProblem):
            (warnings if item.kept else problems).append(str(item))
            continue
        count += 1
        if item.pmid:
            pmids.append(item.pmid)
        if is_relevant(item):
            rows.add(_extractor.extract(item, study_key(item, part)))
    write_table(out, "records", part, rows.records)
    write_table(out, "annotations", part, rows.annotations)
    write_table(out, "evidence", part, rows.evidence)
    write_table(
        out,
        "pmids",
        part,
        {"pmid": pmids + deleted, "deleted": [False] * len(pmids) + [True] * len(deleted)},
    )
    manifest = Manifest(
        input=source.path,
        part=part,
        size=source.size,
        mtime_ns=source.mtime_ns,
        sha256=sha256_of(source.path),
        records=count,
        in_scope=len(rows.records["key"]),
        deleted=len(deleted),
        annotations=len(rows.annotations["key"]),
        evidence=len(rows.evidence["key"]),
        problems=_capped(problems),
        warnings=_capped(warnings),
        seconds=round(time.perf_counter() - started, 3),
    )
    write_manifest(out, manifest)
    return manifest


class _Rows:
    """Column lists of the records, annotations and evidence partitions of one file."""

    def __init__(self) -> None:
        self.records: dict[str, list[Any]] = {name: [] for name in SCHEMAS["records"].names}
        self.annotations: dict[str, list[Any]] = {n: [] for n in SCHEMAS["annotations"].names}
        self.evidence: dict[str, list[Any]] = {name: [] for name in SCHEMAS["evidence"].names}

    def add(self, study: Study) -> None:
        record, key = study.record, study.id
        columns = self.records
        columns["key"].append(key)
        for name in (
            "pmid", "title", "abstract", "abstract_raw", "authors", "year", "journal", "volume",
            "issue", "pages", "doi", "keywords", "source", "position", "line", "raw",
        ):  # fmt: skip
            columns[name].append(getattr(record, name))
        columns["study_type"].append(str(study.annotations.get("study_type") or "primary"))
        columns["warnings"].append(list(study.warnings))
        for name in SET_FIELDS:
            for rank, value in enumerate(study.annotations.get(name) or []):
                self._append(self.annotations, key=key, field=name, value=str(value), rank=rank)
        for name, values in study.evidence.items():  # study_type's evidence too
            for value, spans in values.items():
                for span in spans:
                    self._append(
                        self.evidence,
                        key=key,
                        field=name,
                        value=value,
                        section=span.section,
                        sentence=span.sentence,
                        start=span.start,
                        end=span.end,
                        inferred=span.inferred,
                    )

    @staticmethod
    def _append(table: dict[str, list[Any]], **values: Any) -> None:
        for name, value in values.items():
            table[name].append(value)


def _capped(problems: list[str]) -> list[str]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    return [*problems[:MAX_PROBLEMS], f"... and {len(problems) - MAX_PROBLEMS} more"]
