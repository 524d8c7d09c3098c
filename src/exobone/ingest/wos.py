"""Web of Science plain text ("FN Clarivate Analytics Web of Science" / "VR 1.0"), streamed.

Each line starts with a two-letter tag and a space; continuation lines are indented by three
spaces and belong to the tag above (one author, address or reference per line; title and
abstract wrapped). `ER` ends a record, `EF` the file. The same layout comes from the Core
Collection, MEDLINE and Zoological Record databases; only the `UT` prefix differs
(`WOS:`, `MEDLINE:`, `ZOOREC:`).
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
    with_line_problems,
)
from exobone.model import Record

_TAG = re.compile(r"^([A-Z][A-Z0-9]) (.*)$|^([A-Z][A-Z0-9])$")
_FILE_TAGS = frozenset({"FN", "VR", "EF"})
# Tags whose lines are separate values; the rest are one value wrapped over lines.
_LIST_TAGS = frozenset({"AU", "AF", "CA", "GP", "BA", "BF", "C1", "CR"})
_MEDLINE_UT = re.compile(r"^MEDLINE:(\d+)$")


def _parse(fields: dict[str, list[str]], source: str, position: int, line: int,
           raw: str) -> Record | RecordProblem:
    authors = [normalise_author(a) for a in fields.get("AU") or fields.get("AF") or [] if a.strip()]
    authors += [" ".join(g.split()) for g in fields.get("CA", []) + fields.get("GP", [])
                if g.strip()]
    start, end = first_of(fields, "BP"), first_of(fields, "EP")
    pages = f"{start}-{end}" if start and end and end != start else start or first_of(fields, "AR")
    pmid = first_of(fields, "PM")
    if pmid is None and (medline := _MEDLINE_UT.match(first_of(fields, "UT") or "")):
        pmid = medline.group(1)
    keywords = [k.strip() for tag in ("DE", "ID") for value in fields.get(tag, ())
                for k in value.split(";") if k.strip()]
    return build_record(
        source=source,
        position=position,
        line=line,
        title=first_of(fields, "TI") or "",
        abstract="\n".join(fields.get("AB", [])).strip(),
        raw=raw,
        authors=authors,
        year=parse_year(first_of(fields, "PY", "EA", "PD")),
        journal=first_of(fields, "JI", "J9", "SO", "SE", "BS"),
        volume=first_of(fields, "VL"),
        issue=first_of(fields, "IS"),
        pages=pages,
        doi=normalise_doi(first_of(fields, "DI")),
        pmid=pmid if pmid and pmid.isdigit() else None,
        keywords=keywords,
    )


def read(path: str | Path) -> Iterator[Record | RecordProblem]:
    """Records of a Web of Science plain-text file; a record without `ER` is still read."""
    source = str(path)
    position = 0
    fields: dict[str, list[str]] = {}
    raw: list[str] = []
    tag = ""
    start = 0

    lines = TextLines(path)
    number = 0

    def flush(last: int) -> Iterator[Record | RecordProblem]:
        return with_line_problems(
            lines, _parse(fields, source, position, start, "\n".join(raw)), last)

    for number, line in enumerate(lines, start=1):
        line = line.lstrip("\ufeff")
        match = _TAG.match(line)
        name = (match.group(1) or match.group(3)) if match else None
        if fields and (line.startswith("   ") or name is None):  # unindented: still wrapped
            raw.append(line)
            value = line.strip()
            values = fields[tag]
            if tag in _LIST_TAGS:
                values.append(value)
            else:  # a wrapped value; abstract paragraphs stay on their own lines
                values[-1] = f"{values[-1]}\n{value}" if tag == "AB" else f"{values[-1]} {value}"
            continue
        if name == "ER" or (name == "PT" and fields):
            if fields:
                yield from flush(number if name == "ER" else number - 1)
            fields, raw, tag = {}, [], ""
            if name == "ER":
                continue
        if name is None or name in _FILE_TAGS:
            if line.strip() and name is None:
                yield RecordProblem(source, "text outside a record (expected a two-letter "
                                    "field tag such as 'PT J')", 0, number)
            continue
        if not fields:
            position += 1
            start = number
        raw.append(line)
        tag = name
        fields.setdefault(tag, []).append((match.group(2) or "") if match else "")
    if fields:
        yield from flush(number)
    yield from lines.leftover()
