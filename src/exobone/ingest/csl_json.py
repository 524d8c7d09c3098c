"""CSL-JSON (Zotero, Mendeley, citation.js): a JSON array of items, streamed item by item.

The array is never parsed whole: a small scanner follows strings and braces to cut each
top-level `{...}` out of the text, and only that item is given to `json.loads`. A broken
item is reported with its line and costs only itself.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
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
)
from exobone.model import Record

_STRUCTURE = re.compile(r'[{}\[\]"]')
_OPENER = {"}": "{", "]": "["}
_IN_STRING = re.compile(r'["\\]')
_KEYWORD_SPLIT = re.compile(r"\s*[;,]\s*")


@dataclass(frozen=True, slots=True)
class _Item:
    """One top-level object: its text, or why it cannot be read (`text` None)."""

    line: int  # where its "{" is
    end: int  # its last line
    text: str | None
    problem: str = ""
    oversized: bool = False


def _items(lines: Iterator[str], limit: int) -> Iterator[_Item]:
    """Each top-level object, cut where the next item begins when its own "}" is lost.

    A JSON string cannot hold a raw line break, so a string still open at the end of a
    line is a stray quote. An item ends before a line that opens with "[", or with "{" at
    the item's own indentation or deeper, where none can be (in an object, not after
    ":"); at a "{" line indented less once the item is known to be broken (a stray quote);
    and at any "{" line if its "{" follows text that is not JSON (a stray `@article{x,`
    line). So a lost "}" or a stray "{" costs only its item: a stray "{" line inside an
    item cuts it there, and the piece after it, whose "}" is indented less than its "{",
    is the rest of that item, already reported. An item's text is kept only up to `limit`
    characters.
    """
    stack: list[tuple[str, int]] = []  # the current item's open "{" and "[", and the
    # indentation of their lines
    indent = 0  # indentation of the line of the current item's "{"
    broken = stray = False
    parts: list[str] = []
    size = start = number = 0
    cut = -1  # the line where an item was last cut short
    after = ""  # the last character before this line, outside strings
    for number, line in enumerate(lines, start=1):
        pos = piece_from = 0
        in_string = False
        head = line.lstrip()
        margin = len(line) - len(head)
        if stack and head[:1] in ("{", "[") and (
                stray or stack[-1][0] == "{" and after != ":" and (
                    margin >= indent or head[0] == "[") or broken and margin <= indent):
            if start != cut:  # else the rest of an item already reported
                yield _Item(start, number - 1, None, "" if size > limit else "malformed "
                            f"CSL-JSON item: no closing '}}' before line {number}; skipped",
                            size > limit)
            stack, broken, parts, cut = [], False, [], number
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
            elif char == "{" or char == "[" and stack:
                if not stack:
                    start, piece_from, parts, size = number, found.start(), [], 0
                    indent = margin
                    stray = bool(line[before:found.start()].strip(" \t[,"))
                stack.append((char, margin))
            elif (stack and _close(stack, char, margin if found.start() == margin else None)
                  and not stack):
                size += pos - piece_from
                if size <= limit:
                    parts.append(line[piece_from:pos])
                # After a cut at a stray "{", a "}" less indented closes the item cut short.
                if not (start == cut and found.start() == margin < indent):
                    yield _Item(start, number, "\n".join(parts) if size <= limit else None,
                                oversized=size > limit)
                parts = []
        if stack:
            size += len(line) + 1 - piece_from
            if size <= limit:
                parts.append(line[piece_from:])
            else:
                parts = []  # reported at the item's end; nothing more is kept
            broken = broken or in_string
        if head:
            after = line.rstrip()[-1]
    if stack:
        yield _Item(start, number, None, "file ends inside this item (unclosed '{')")


def _close(stack: list[tuple[str, int]], closer: str, margin: int | None) -> bool:
    """Pop what `closer` closes (and whatever was left open inside it); False if nothing.

    A closer that starts a line (at `margin`) closes an opener on a line indented no
    deeper, as every JSON writer lays them out, so a lost "}" or "]" deeper in the item
    does not keep the item open; failing that, the nearest opener of its kind.
    """
    opener = _OPENER[closer]
    for bound in (margin, None) if margin is not None else (None,):
        for at in range(len(stack) - 1, -1, -1):
            char, indent = stack[at]
            if char == opener and (bound is None or indent <= bound):
                del stack[at:]
                return True
    return False


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
    for item in _items(iter(lines), lines.limit):
        position += 1
        problems, skip = lines.close_record(item.end, position, item.line, item.oversized)
        yield from problems
        if item.problem and not skip:
            yield RecordProblem(source, item.problem, position, item.line)
        if item.text is None or skip:
            continue
        try:
            data = json.loads(item.text)
        except json.JSONDecodeError as exc:
            yield RecordProblem(source, f"malformed CSL-JSON item: {exc.msg}", position,
                                item.line + exc.lineno - 1)
            continue
        yield _record(data, source, position, item.line, item.text)
    yield from lines.leftover()
    if position == 0:
        raise IngestError(source, "no CSL-JSON item (expected a JSON array of objects)")
