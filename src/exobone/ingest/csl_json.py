"""CSL-JSON (Zotero, Mendeley, citation.js): a JSON array of items, streamed item by item.

The array is never parsed whole: a small scanner follows strings and braces to cut each
top-level `{...}` out of the text, and only that item is given to `json.loads`. A broken
item is reported with its line and costs only itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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

_STRUCTURE = re.compile(r'[{}"]')
_IN_STRING = re.compile(r'["\\]')
_KEYWORD_SPLIT = re.compile(r"\s*[;,]\s*")


def _items(lines: Iterator[str]) -> Iterator[tuple[int, str | None]]:
    """(start line, text) of each top-level object; text None for one the file cuts off.

    A JSON string cannot hold a raw line break, so a string still open at the end of a
    line is a stray quote: the item is then known to be broken, and a line opening an
    object no deeper than the item's own `{` ends it, so that it fails to parse on its own
    instead of swallowing the items after it. So does any line opening with `{` after an
    item whose `{` follows other text (a stray `@article{x,` line): that item never closes,
    and would otherwise swallow every item after it.
    """
    depth = 0
    indent = 0  # column of the current item's "{"
    broken = False
    stray = False  # the current item's "{" follows text that is not JSON
    parts: list[str] = []
    start = 0
    for number, line in enumerate(lines, start=1):
        pos = 0
        piece_from = 0
        in_string = False
        if depth and line.lstrip().startswith("{") and (stray or broken and (
                len(line) - len(line.lstrip()) <= indent)):
            yield start, "\n".join(parts)
            depth, broken, parts = 0, False, []
        while True:
            if in_string:
                found = _IN_STRING.search(line, pos)
                if found is None:
                    break
                pos = found.end() + (1 if found.group() == "\\" else 0)
                if found.group() == '"':
                    in_string = False
                continue
            before = pos
            found = _STRUCTURE.search(line, pos)
            if found is None:
                break
            char, pos = found.group(), found.end()
            if char == '"':
                in_string = True
            elif char == "{":
                if depth == 0:
                    start, piece_from, parts = number, found.start(), []
                    indent = found.start()
                    stray = bool(line[before:indent].strip(" \t[,"))
                depth += 1
            elif char == "}" and depth:
                depth -= 1
                if depth == 0:
                    parts.append(line[piece_from:pos])
                    yield start, "\n".join(parts)
                    parts = []
        if depth:
            parts.append(line[piece_from:])
            broken = broken or in_string
    if depth:
        yield start, None


def _text(value: Any) -> str | None:
    if isinstance(value, list):  # some exporters write container-title as a list
        value = next((v for v in value if v), None)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return blank_to_none(value) if isinstance(value, str) else None


def _author(person: Any) -> str:
    if not isinstance(person, dict):
        return ""
    literal = _text(person.get("literal"))
    family = _text(person.get("family"))
    if not family:
        return literal or _text(person.get("given")) or ""
    if prefix := _text(person.get("non-dropping-particle")):  # "van", "de la"
        family = f"{prefix} {family}"
    given = _text(person.get("given"))
    name = normalise_author(f"{family}, {given}") if given else family
    suffix = _text(person.get("suffix"))
    return f"{name}, {suffix}" if suffix else name


def _year(issued: Any) -> int | None:
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            return parse_year(str(parts[0][0]))
        return parse_year(_text(issued.get("raw")) or _text(issued.get("literal")))
    return parse_year(_text(issued))


def _record(item: dict[str, Any], source: str, position: int, line: int,
            raw: str) -> Record | RecordProblem:
    people = item.get("author")
    authors = [_author(p) for p in people] if isinstance(people, list) else []
    keywords = _text(item.get("keyword"))
    pages = _text(item.get("page"))
    pmid = _text(item.get("PMID"))
    return build_record(
        source=source,
        position=position,
        line=line,
        title=_text(item.get("title")) or "",
        abstract=abstract.strip() if isinstance(abstract := item.get("abstract"), str) else "",
        raw=raw,
        authors=[a for a in authors if a],
        year=_year(item.get("issued")),
        journal=_text(item.get("container-title-short")) or _text(item.get("journalAbbreviation"))
        or _text(item.get("container-title")),
        volume=_text(item.get("volume")),
        issue=_text(item.get("issue")),
        pages=pages.replace("\u2013", "-").replace("\u2014", "-") if pages else _text(
            item.get("number")),
        doi=normalise_doi(_text(item.get("DOI"))),
        pmid=pmid if pmid and pmid.isdigit() else None,
        keywords=[k for k in _KEYWORD_SPLIT.split(keywords or "") if k],
    )


def read(path: str | Path) -> Iterator[Record | RecordProblem]:
    """Records of a CSL-JSON file (an array of items, or one item)."""
    source = str(path)
    position = 0
    lines = TextLines(path)
    for line, text in _items(iter(lines)):
        position += 1
        if text is None:
            yield from lines.problems(line, position)[0]
            yield RecordProblem(source, "file ends inside this item (unclosed '{')", position,
                                line)
            yield from lines.leftover()
            return
        end = line + text.count("\n")
        try:
            item = json.loads(text)
        except json.JSONDecodeError as exc:
            yield from with_line_problems(lines, RecordProblem(
                source, f"malformed CSL-JSON item: {exc.msg}", position,
                line + exc.lineno - 1), end)
            continue
        yield from with_line_problems(lines, _record(item, source, position, line, text), end)
    yield from lines.leftover()
    if position == 0:
        raise IngestError(source, "no CSL-JSON item (expected a JSON array of objects)")
