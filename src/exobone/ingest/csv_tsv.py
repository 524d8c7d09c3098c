"""CSV and TSV exports (Embase, Scopus, Web of Science, PubMed, hand-made title/abstract tables).

Columns are matched by name, case-insensitively, against the names the common exporters use.
Embase packs journal, year, volume, issue and pages into `Source` and hides the DOI in the
URL-encoded `Open URL Link`; both are unpacked here.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from exobone.errors import IngestError, RecordProblem
from exobone.ingest.common import (
    TextLines,
    blank_to_none,
    build_record,
    normalise_author,
    normalise_doi,
    parse_year,
    with_line_problems,
)
from exobone.model import Record

_COLUMNS: dict[str, tuple[str, ...]] = {
    "title": ("title", "article title", "document title", "ti", "primary_title"),
    "abstract": ("abstract", "ab", "abstract note", "summary"),
    "authors": ("author names", "authors", "author", "au", "author/s", "author full names"),
    "year": ("year", "publication year", "py", "pubyear", "publication_year"),
    "journal": ("journal/book", "source title", "journal", "publication title", "ji", "so",
                "journal_name", "source"),
    "volume": ("volume", "vl"),
    "issue": ("issue", "is", "number", "issue number"),
    "pages": ("pages", "page range", "pagination"),
    "article_number": ("art. no.", "article number", "ar"),
    "start_page": ("page start", "start page", "bp", "start_page"),
    "end_page": ("page end", "end page", "ep", "end_page"),
    "doi": ("doi", "di"),
    "pmid": ("pmid", "pubmed id", "pm"),
    "keywords": ("keywords", "author keywords", "kw", "de"),
    "url": ("open url link", "url", "link"),
}
_EMBASE_SOURCE = re.compile(
    r"^(?P<journal>.+?)\s+\((?P<year>\d{4})\)"
    r"(?:\s+(?P<volume>[^\s:(]+)(?::(?P<issue>[^\s(]+))?)?"
    r"(?:\s+\((?P<pages>[^)]*)\))?"
)
# ";" or "|" separates keywords; a "," too, unless inside parentheses (Embase's qualifiers).
_KEYWORD_SPLIT = re.compile(r"\s*[;|]\s*|,\s*(?![^()]*\))")
_URL_DOI = re.compile(r"(?:[?&]id=doi:|doi\.org/)([^&\s]+)")


def _delimiter(header: str, path: Path) -> str:
    if header.count("\t") > header.count(",") or path.suffix.lower() in (".tsv", ".tab"):
        return "\t"
    return ","


def _mapping(header: list[str]) -> dict[str, int]:
    names = [name.strip().strip("\ufeff").lower() for name in header]
    found: dict[str, int] = {}
    for field, candidates in _COLUMNS.items():
        for candidate in candidates:
            if candidate in names:
                found[field] = names.index(candidate)
                break
    return found


def _authors(value: str | None) -> list[str]:
    if not value:
        return []
    parts = value.split(";") if ";" in value else re.split(r",\s+(?=[^,]+\s[A-Z.-]+(?:,|$))", value)
    return [normalise_author(p) for p in parts if p.strip()]


# A quoted field may hold line breaks, but one still open after this many lines is taken
# to be a stray quote: its row is reported and the lines after its first are read again.
_MAX_ROW_LINES = 200
_MAX_ROW_CHARS = 1 << 20
_MAX_NOTE_LINES = 2


def _rows(lines: Iterator[str], delimiter: str, width: int, source: str,
          first: int = 2) -> Iterator[tuple[int, list[str]] | RecordProblem]:
    """(first line, cells) of each row after the header, numbered from line `first`.

    The csv module reads one row at a time from a bounded feed. A row that needs more than
    one line must have the header's number of cells, and must end within the bounds above;
    otherwise it is reported and reading resumes at its second line, so a stray quote
    costs one row, not the rows after it.
    """
    replay: deque[tuple[int, str]] = deque()
    numbered = enumerate(lines, start=first)
    pending: list[tuple[int, str]] = []
    cut = False

    def feed() -> Iterator[str]:
        nonlocal cut
        size = 0
        while len(pending) < _MAX_ROW_LINES and size < _MAX_ROW_CHARS:
            taken = replay.popleft() if replay else next(numbered, None)
            if taken is None:
                return
            pending.append(taken)
            size += len(taken[1])
            yield taken[1] + "\n"  # give the line ending back to quoted multi-line fields
        cut = True

    while True:
        pending.clear()
        cut = False
        row = next(csv.reader(feed(), delimiter=delimiter), None)
        if row is None:
            return
        start = pending[0][0]
        if len(pending) == 1 or (len(row) == width and not cut):
            yield start, row
            continue
        why = (f"a quoted field is not closed within {len(pending)} lines" if cut else
               f"a quoted field runs over {len(pending)} lines and the row has {len(row)} "
               f"cells, not {width}")
        yield RecordProblem(source, f"{why} (stray quote?); row skipped", 0, start)
        replay.extendleft(reversed(pending[1:]))


def _normalised(cells: list[str]) -> list[str]:
    return [cell.strip().strip("\ufeff").strip().lower() for cell in cells]


def read(path: str | Path) -> Iterator[Record | RecordProblem]:
    """Records of a CSV/TSV file with a header row; rows without a title are problems."""
    source = str(path)
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    text_lines = TextLines(path)
    lines = iter(text_lines)
    # The header is the first line, or one of the next two under a line of notes
    # ("About the data: exported on ...", as some exporters write).
    for header_line in range(1, _MAX_NOTE_LINES + 2):
        first = next(lines, None)
        if first is None:
            raise IngestError(source, "empty file" if header_line == 1 else
                              "no title column in the header", 1)
        delimiter = _delimiter(first, Path(path))
        header = next(csv.reader([first], delimiter=delimiter), [])
        columns = _mapping(header)
        if "title" in columns:
            break
    else:
        raise IngestError(source, "no title column in the header", 1)
    header_names = _normalised(header)
    position = 0
    for item in _rows(lines, delimiter, len(header), source, header_line + 1):
        if isinstance(item, RecordProblem):
            position += 1
            item.position = position
            yield from with_line_problems(text_lines, item, item.line)
            continue
        line, row = item
        if not any(cell.strip() for cell in row):
            continue
        if _normalised(row) == header_names:
            continue  # the header again: two exports concatenated
        position += 1

        def cell(field: str, row: list[str] = row) -> str | None:
            index = columns.get(field)
            return blank_to_none(row[index]) if index is not None and index < len(row) else None

        journal, year, volume, issue, pages = (cell("journal"), cell("year"), cell("volume"),
                                               cell("issue"), cell("pages"))
        packed = _EMBASE_SOURCE.match(journal or "") if "(" in (journal or "") else None
        if packed:
            journal = packed["journal"]
            year = year or packed["year"]
            volume, issue, pages = volume or packed["volume"], issue or packed["issue"], (
                pages or packed["pages"])
        if not pages and cell("start_page"):
            end = cell("end_page")
            pages = f"{cell('start_page')}-{end}" if end else cell("start_page")
        doi = normalise_doi(cell("doi"))
        url = cell("url")
        if not doi and url:
            match = _URL_DOI.search(url)
            doi = normalise_doi(unquote(match.group(1))) if match else None
        keywords = _KEYWORD_SPLIT.split(cell("keywords") or "")
        pmid = cell("pmid")
        record = build_record(
            source=source,
            position=position,
            line=line,
            title=cell("title") or "",
            abstract=row[columns["abstract"]].strip() if "abstract" in columns
            and columns["abstract"] < len(row) else "",
            raw=delimiter.join(row),
            authors=_authors(cell("authors")),
            year=parse_year(year),
            journal=journal,
            volume=volume,
            issue=issue,
            pages=pages.replace("--", "-") if pages else cell("article_number"),
            doi=doi,
            pmid=pmid if pmid and pmid.isdigit() else None,
            keywords=[k for k in keywords if k],
        )
        last = line + sum(value.count("\n") for value in row)  # quoted fields span lines
        yield from with_line_problems(text_lines, record, last)
    yield from text_lines.leftover()
