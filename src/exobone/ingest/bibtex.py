"""BibTeX via bibtexparser 2; an entry with broken braces is reported and the rest is read."""

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
    build_record,
    normalise_author,
    normalise_doi,
    parse_year,
    read_text,
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
        value = _COMMAND.sub("", value)
        value = _ESCAPED.sub(lambda m: "\x00" + m.group(1), value)
    value = value.replace("{", "").replace("}", "").replace("$", "").replace("\x00", "")
    return tidy_brackets(value.replace("---", "-").replace("--", "-").replace("~", " "))


def _record(entry: bib.Entry, source: str, position: int) -> Record | RecordProblem:
    fields = {key.lower(): _latex(field.value).strip()
              for key, field in entry.fields_dict.items() if isinstance(field.value, str)}
    authors = [normalise_author(name) for name in re.split(r"\s+and\s+", fields.get("author", ""))
               if name.strip()]
    keywords = [k.strip() for k in re.split(r"[;,]", fields.get("keywords", "")) if k.strip()]
    pmid = fields.get("pmid") or None
    return build_record(
        source=source,
        position=position,
        line=(entry.start_line or 0) + 1,
        title=fields.get("title", ""),
        abstract=fields.get("abstract", ""),
        raw=entry.raw or "",
        authors=authors,
        year=parse_year(fields.get("year") or fields.get("date")),
        journal=fields.get("journal-abbreviation") or fields.get("journal")
        or fields.get("journaltitle") or fields.get("booktitle"),
        volume=fields.get("volume"),
        issue=fields.get("number") or fields.get("issue"),
        pages=fields.get("pages"),
        doi=normalise_doi(fields.get("doi")),
        pmid=pmid if pmid and pmid.isdigit() else None,
        keywords=keywords,
    )


def read(path: str | Path) -> Iterator[Record | RecordProblem]:
    """Records of a BibTeX file, in file order, with failed blocks as RecordProblems."""
    source = str(path)
    text = read_text(path)
    # Each failed block is reported as a RecordProblem; bibtexparser's own warning about it
    # would only repeat that on stderr.
    splitter_log = logging.getLogger("bibtexparser.splitter")
    level = splitter_log.level
    splitter_log.setLevel(logging.ERROR)
    try:
        library = bibtexparser.parse_string(text)
    finally:
        splitter_log.setLevel(level)
    position = 0
    for block in library.blocks:
        if isinstance(block, bib.Entry):
            position += 1
            yield _record(block, source, position)
        elif isinstance(block, bib.ParsingFailedBlock):
            position += 1
            reason = str(block.error) or type(block.error).__name__
            if isinstance(block.error, Exception) and type(block.error).__name__ == (
                "BlockAbortedException"
            ):
                reason = "entry is not closed (unbalanced braces or quotes)"
            yield RecordProblem(source, f"unreadable BibTeX entry: {reason}", position,
                                (block.start_line or 0) + 1)
