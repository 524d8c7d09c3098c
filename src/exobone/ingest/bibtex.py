"""BibTeX via bibtexparser 2, one entry at a time; an entry with broken braces is reported
and the rest is read."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import bibtexparser
from bibtexparser import model as bib

from exobone.errors import RecordProblem
from exobone.ingest.common import (
    TextLines,
    build_record,
    normalise_author,
    normalise_doi,
    parse_year,
)
from exobone.model import Record
from exobone.text.clean import tidy_brackets

_ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306", "H": "\u030b", "k": "\u0328",
    "r": "\u030a",
}  # fmt: skip
_ACCENT = re.compile(r"\\([.'`^\"~=]|[cvuHkr](?=[\s{]))\s*\{?\s*(\\?[A-Za-z])\}?")
_SYMBOLS = {"ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "aa": "å", "AA": "Å",
            "l": "ł", "L": "Ł", "i": "ı", "oe": "œ"}
_GREEK = re.compile(r"\\(alpha|beta|gamma|delta|epsilon|kappa|lambda|mu|pi|sigma|tau|omega|"
                    r"Delta|Omega)\b\s?")
_SYMBOL = re.compile(r"\\(ss|o|O|ae|AE|aa|AA|l|L|i|oe)\b\s?")
_COMMAND = re.compile(r"\\(?:textit|textbf|emph|textsuperscript|textsubscript|mathrm|text)\s*")
_ESCAPED = re.compile(r"\\([&%$#_{}])")


def _latex(value: str) -> str:
    """Plain text of a BibTeX value: accents composed, formatting commands and braces dropped."""
    if "\\" in value:
        value = _ACCENT.sub(
            lambda m: unicodedata.normalize(
                "NFC", m.group(2).lstrip("\\") + _ACCENTS[m.group(1)]
            ),
            value,
        )
        value = _SYMBOL.sub(lambda m: _SYMBOLS[m.group(1)], value)
        value = _GREEK.sub(lambda m: unicodedata.lookup(
            ("GREEK CAPITAL LETTER " if m.group(1)[0].isupper() else "GREEK SMALL LETTER ")
            + m.group(1).upper()), value)
        value = _COMMAND.sub("", value)
        value = _ESCAPED.sub(lambda m: "\x00" + m.group(1), value)
    value = value.replace("{", "").replace("}", "").replace("$", "").replace("\x00", "")
    return tidy_brackets(value.replace("---", "-").replace("--", "-").replace("~", " "))


def _record(entry: bib.Entry, source: str, position: int, line: int) -> Record | RecordProblem:
    fields = {key.lower(): _latex(field.value).strip()
              for key, field in entry.fields_dict.items() if isinstance(field.value, str)}
    authors = [normalise_author(name) for name in re.split(r"\s+and\s+", fields.get("author", ""))
               if name.strip()]
    keywords = [k.strip() for k in re.split(r"[;,]", fields.get("keywords")
                                            or fields.get("author_keywords", "")) if k.strip()]
    pmid = fields.get("pmid") or fields.get("pubmed_id") or None  # Scopus: pubmed_id
    return build_record(
        source=source,
        position=position,
        line=line,
        title=fields.get("title", ""),
        abstract=fields.get("abstract", ""),
        raw=entry.raw or "",
        authors=authors,
        year=parse_year(fields.get("year") or fields.get("date")),
        journal=fields.get("journal-abbreviation") or fields.get("journal")
        or fields.get("journaltitle") or fields.get("booktitle"),
        volume=fields.get("volume"),
        issue=fields.get("number") or fields.get("issue"),
        pages=fields.get("pages") or fields.get("art_number"),
        doi=normalise_doi(fields.get("doi")),
        pmid=pmid if pmid and pmid.isdigit() else None,
        keywords=keywords,
    )


_ENTRY_START = re.compile(r"^\s*@\s*([A-Za-z]+)\s*[{(]")
# @string definitions are kept for the entries after them, up to this much text.
_MAX_STRINGS = 1 << 20


def _chunks(lines: Iterator[str]) -> Iterator[tuple[int, list[str]]]:
    """(first line, lines) from each `@type{` at a line start to the next one.

    Cutting here, not in the parser, means an entry whose braces never close costs only
    itself, each entry is parsed alone (so a repeated key is just another entry, for dedup
    to judge) and the file is never held whole.
    """
    chunk: list[str] = []
    start = 1
    for number, line in enumerate(lines, start=1):
        if _ENTRY_START.match(line) and chunk:
            yield start, chunk
            chunk = []
        if not chunk:
            start = number
        chunk.append(line)
    if chunk:
        yield start, chunk


_FIELD_START = re.compile(r"^\s*[\w-]+\s*=\s*[{\"]")


def _unclosed_line(lines: list[str], start: int) -> int:
    """The line where a value that never closes was opened (the entry's line if unknown).

    Exporters write one `name={value},` per line: a new field starting while a value is
    still open points at the line where that value opened.
    """
    depth = 0
    opened = start
    for number, line in enumerate(lines, start=start):
        if depth > 1 and _FIELD_START.match(line):
            return opened
        before = depth
        depth += line.count("{") - line.count("\\{") - line.count("}") + line.count("\\}")
        if before <= 1 < depth:
            opened = number
    return opened if depth > 1 else start


def _parse(text: str) -> list[bib.Block]:
    # Each failed block is reported as a RecordProblem; bibtexparser's own warning about it
    # would only repeat that on stderr.
    splitter_log = logging.getLogger("bibtexparser.splitter")
    level = splitter_log.level
    splitter_log.setLevel(logging.ERROR)
    try:
        return list(bibtexparser.parse_string(text).blocks)
    finally:
        splitter_log.setLevel(level)


def read(path: str | Path) -> Iterator[Record | RecordProblem]:
    """Records of a BibTeX file, in file order, with failed entries as RecordProblems."""
    source = str(path)
    position = 0
    strings: list[str] = []
    strings_size = 0
    text_lines = TextLines(path)
    for start, lines in _chunks(iter(text_lines)):
        problems, fatal = text_lines.problems(start + len(lines) - 1, position + 1)
        yield from problems
        if fatal:  # a line cut at the limit: the entry cannot be trusted (reported above)
            position += 1
            continue
        kind = _ENTRY_START.match(lines[0])
        if kind and kind.group(1).lower() == "string" and strings_size < _MAX_STRINGS:
            strings.extend(lines)
            strings_size += sum(len(line) for line in lines)
            continue
        offset = start - len(strings)  # line number of the parsed text's line 0, in the file
        for block in _parse("\n".join(strings + lines)):
            if isinstance(block, bib.Entry):
                position += 1
                yield _record(block, source, position, offset + (block.start_line or 0))
            elif isinstance(block, bib.ParsingFailedBlock) and (
                    block.start_line or 0) >= len(strings):
                position += 1
                line = offset + (block.start_line or 0)
                if type(block.error).__name__ == "BlockAbortedException":
                    opened = _unclosed_line(lines, start)
                    reason = (f"entry is not closed (a brace or quote opened on line {opened}"
                              " never closes); entry skipped")
                else:
                    reason = str(block.error) or type(block.error).__name__
                yield RecordProblem(source, f"unreadable BibTeX entry: {reason}", position,
                                    line)
    yield from text_lines.leftover()
