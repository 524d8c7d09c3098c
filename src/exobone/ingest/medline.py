"""PubMed/PMC MEDLINE ("nbib") tagged text: `TAG - value`, continuations indented 6 spaces.

A hand parser: one pass over the lines, no regex per continuation line, records split on
blank lines (PubMed's exports put exactly one between records; PMC's start with `PMC - `)
or on a second `PMID- ` / `PMC - ` tag, so a lost blank line never merges two records.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from exobone.errors import RecordProblem
from exobone.ingest.common import (
    TextLines,
    build_record,
    first_of,
    normalise_author,
    normalise_doi,
    parse_year,
)
from exobone.model import Record

_TAG = re.compile(r"^([A-Z][A-Z0-9]{1,3}) {0,3}- ?(.*)$")
_RECORD_START = frozenset({"PMID", "PMC"})


def _parse(fields: list[tuple[str, list[str]]], source: str, position: int, line: int,
           raw: str) -> Record | RecordProblem:
    values: dict[str, list[str]] = {}
    for tag, parts in fields:
        values.setdefault(tag, []).append(parts[0] if len(parts) == 1 else "\n".join(parts))

    if "AU" in values:
        authors = [normalise_author(a) for a in values["AU"] if a.strip()]
    else:
        authors = [normalise_author(a) for a in values.get("FAU", []) if a.strip()]
    authors += [" ".join(c.split()) for c in values.get("CN", []) if c.strip()]
    doi = None
    for value in values.get("LID", []) + values.get("AID", []):
        if value.rstrip().endswith("[doi]"):
            doi = normalise_doi(value.rsplit("[", 1)[0])
            break
    keywords = [" ".join(k.split()) for k in values.get("MH", []) + values.get("OT", [])]
    return build_record(
        source=source,
        position=position,
        line=line,
        title=first_of(values, "TI", "BTI") or "",
        abstract="\n".join(values.get("AB", [])).strip(),
        raw=raw,
        authors=authors,
        year=parse_year(first_of(values, "DP", "DEP", "EDAT")),
        journal=first_of(values, "TA", "JT"),
        volume=first_of(values, "VI"),
        issue=first_of(values, "IP"),
        pages=first_of(values, "PG")
        or next((v.strip() for v in values.get("LID", []) if "[" not in v), None),
        doi=doi,
        pmid=first_of(values, "PMID"),
        keywords=keywords,
    )


def read(path: str | Path) -> Iterator[Record | RecordProblem]:
    """Records of a MEDLINE file, streamed; lines that are neither tag nor continuation are
    reported once per record as a RecordProblem, and the record is skipped.

    A record ends at a blank line or where a second `PMID- ` (or `PMC - `) tag starts the
    next one. Lines that are not UTF-8 or hold NUL bytes are reported against their record;
    a record over EXOBONE_MAX_RECORD_BYTES is reported and skipped without being kept.
    """
    source = str(path)
    lines = TextLines(path)
    limit = lines.limit
    position = start = bad = size = number = 0
    fields: list[tuple[str, list[str]]] = []  # continuations kept as parts, joined once
    raw: list[str] = []
    ids: set[str] = set()

    def flush(last: int) -> Iterator[Record | RecordProblem]:
        problems, skip = lines.close_record(last, position, start, size > limit and not bad)
        yield from problems
        if skip:
            return
        if bad:
            yield RecordProblem(source, "line is neither a 'TAG - value' line nor an indented "
                                "continuation", position, bad)
        elif fields:
            yield _parse(fields, source, position, start, "\n".join(raw))

    for number, line in enumerate(lines, start=1):
        if not line.strip():
            if start:
                yield from flush(number)
                fields, raw, ids, start, bad, size = [], [], set(), 0, 0, 0
            continue
        match = None if line.startswith("      ") else _TAG.match(line)
        tag = match.group(1) if match else ""
        if start and tag in ids:  # a second PMID: no blank line before the next record
            yield from flush(number - 1)
            fields, raw, ids, start, bad, size = [], [], set(), 0, 0, 0
        if not start:
            position += 1
            start = number
        size += len(line) + 1
        if size > limit:
            fields, raw = [], []  # reported at the end of the record; nothing more is kept
            continue
        raw.append(line)
        if match is not None:
            fields.append((tag, [match.group(2)]))
            if tag in _RECORD_START:
                ids.add(tag)
        elif fields and line.startswith("      "):
            fields[-1][1].append(line.strip())
        elif not bad:
            bad = number
    if start:
        yield from flush(number)
