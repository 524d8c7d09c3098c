"""RIS (`TY  - ` ... `ER  - `), as exported by Zotero, EndNote, Mendeley, Scopus and others.

The file is cut into TY..ER chunks here, so that a record missing its `ER` line is reported
and skipped instead of silently swallowing its neighbour; rispy maps each chunk's tags.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import rispy

from exobone.errors import RecordProblem
from exobone.ingest.common import (
    TextLines,
    blank_to_none,
    build_record,
    normalise_author,
    normalise_doi,
    parse_year,
)
from exobone.model import Record

_TAG = re.compile(r"^([A-Z][A-Z0-9])  -(?: |$)")


def _first(entry: dict[str, Any], *keys: str) -> str | None:
    for key in keys:
        value = entry.get(key)
        if isinstance(value, list):
            value = next((v for v in value if v and str(v).strip()), None)
        text = blank_to_none(str(value)) if value is not None else None
        if text:
            return text
    return None


def _pages(entry: dict[str, Any]) -> str | None:
    start, end = _first(entry, "start_page"), _first(entry, "end_page")
    if start and end and end != start:
        return f"{start}-{end}"
    return start


def _parse(lines: list[str], source: str, position: int, line: int) -> Record | RecordProblem:
    raw = "\n".join(lines)
    try:
        entries = rispy.loads(raw + "\n")
    except Exception as exc:  # rispy raises plain IOError/ValueError subclasses
        return RecordProblem(source, f"unreadable RIS record: {exc}", position, line)
    if not entries:
        return RecordProblem(source, "empty RIS record", position, line)
    entry = entries[0]
    authors = [normalise_author(a) for a in entry.get("authors", []) + entry.get(
        "first_authors", []) if a and a.strip()]
    abstract = entry.get("abstract") or entry.get("notes_abstract") or ""
    if isinstance(abstract, list):
        abstract = "\n".join(abstract)
    pmid = None
    accession = _first(entry, "accession_number")
    if accession and accession.isdigit():
        pmid = accession
    return build_record(
        source=source,
        position=position,
        line=line,
        title=_first(entry, "title", "primary_title", "translated_title") or "",
        abstract=str(abstract).strip(),
        raw=raw,
        authors=authors,
        year=parse_year(_first(entry, "year", "publication_year", "date")),
        journal=_first(entry, "alternate_title1", "journal_name", "alternate_title2",
                       "secondary_title", "alternate_title3"),
        volume=_first(entry, "volume"),
        issue=_first(entry, "number"),
        pages=_pages(entry),
        doi=normalise_doi(_first(entry, "doi")),
        pmid=pmid,
        keywords=[k.strip() for k in entry.get("keywords", []) if k and k.strip()],
    )


def read(path: str | Path) -> Iterator[Record | RecordProblem]:
    """Records of a RIS file; a record without `ER` becomes a RecordProblem.

    Lines that are not UTF-8 or hold NUL bytes are reported against their record; a record
    over EXOBONE_MAX_RECORD_BYTES is reported and skipped without being kept.
    """
    source = str(path)
    lines = TextLines(path)
    position = 0
    chunk: list[str] = []
    start = 0
    size = number = 0
    for number, line in enumerate(lines, start=1):
        tag = _TAG.match(line.lstrip("\ufeff"))
        name = tag.group(1) if tag else None
        if name == "TY":
            if start:
                yield from lines.problems(number - 1, position)[0]
                yield RecordProblem(source, "record has no 'ER  - ' end line; skipped",
                                    position, start)
            position += 1
            chunk, start, size = [line.lstrip("\ufeff")], number, len(line)
        elif not start:
            yield from lines.problems(number, 0)[0]
            if line.strip():
                yield RecordProblem(source, "text outside a 'TY  - ' ... 'ER  - ' record",
                                    0, number)
        else:
            size += len(line) + 1
            if size <= lines.limit:
                chunk.append(line)
            elif chunk:
                chunk = []  # reported at its end; nothing more is kept
            if name == "ER":
                problems, skip = lines.close_record(number, position, start,
                                                    size > lines.limit)
                yield from problems
                if not skip:
                    yield _parse(chunk, source, position, start)
                chunk, start = [], 0
    if start:
        yield from lines.problems(number, position)[0]
        yield RecordProblem(source, "file ends inside a record (no 'ER  - ' line)", position,
                            start)
