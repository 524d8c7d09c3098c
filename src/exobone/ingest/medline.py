"""PubMed/PMC MEDLINE ("nbib") tagged text: `TAG - value`, continuations indented 6 spaces.

A hand parser: one pass over the lines, no regex per continuation line, records split on
blank lines (PubMed's exports put exactly one between records; PMC's start with `PMC - `).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from exobone.errors import RecordProblem
from exobone.ingest.common import (
    blank_to_none,
    build_record,
    iter_lines,
    normalise_author,
    normalise_doi,
    parse_year,
)
from exobone.model import Record

_TAG = re.compile(r"^([A-Z][A-Z0-9]{1,3}) {0,3}- ?(.*)$")


def _parse(fields: list[tuple[str, str]], source: str, position: int, line: int,
           raw: str) -> Record | RecordProblem:
    values: dict[str, list[str]] = {}
    for tag, value in fields:
        values.setdefault(tag, []).append(value)

    def first(*tags: str) -> str | None:
        for tag in tags:
            for value in values.get(tag, ()):
                text = blank_to_none(value)
                if text:
                    return text
        return None

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
        title=first("TI", "BTI") or "",
        abstract="\n".join(values.get("AB", [])).strip(),
        raw=raw,
        authors=authors,
        year=parse_year(first("DP", "DEP", "EDAT")),
        journal=first("TA", "JT"),
        volume=first("VI"),
        issue=first("IP"),
        pages=first("PG") or next((v.strip() for v in values.get("LID", []) if "[" not in v), None),
        doi=doi,
        pmid=first("PMID"),
        keywords=keywords,
    )


def read(path: str | Path) -> Iterator[Record | RecordProblem]:
    """Records of a MEDLINE file, streamed; lines that are neither tag nor continuation are
    reported once per record as a RecordProblem, and the record is skipped."""
    source = str(path)
    position = 0
    fields: list[tuple[str, str]] = []
    raw: list[str] = []
    start = 0
    bad: int = 0

    def flush() -> Record | RecordProblem:
        if bad:
            return RecordProblem(source, "line is neither a 'TAG - value' line nor an indented "
                                 "continuation", position, bad)
        return _parse(fields, source, position, start, "\n".join(raw))

    for number, line in enumerate(iter_lines(path), start=1):
        if not line.strip():
            if fields or bad:
                yield flush()
                fields, raw, bad = [], [], 0
            continue
        if not fields and not bad:
            position += 1
            start = number
        raw.append(line)
        if line.startswith("      ") and fields:
            tag, value = fields[-1]
            fields[-1] = (tag, f"{value}\n{line.strip()}")
            continue
        match = _TAG.match(line)
        if match:
            fields.append((match.group(1), match.group(2)))
        elif not bad:
            bad = number
    if fields or bad:
        yield flush()
