"""EndNote XML (`<xml><records><record>`), as written by EndNote, Bookends and Zotero.

Values sit inside `<style>` elements and are often hard-wrapped with indentation, so every
value is taken as the element's whole text with whitespace normalised. The byte stream is
cut at `<record>` boundaries and each record parsed on its own, so a malformed record costs
only that record.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from exobone.errors import IngestError, RecordProblem
from exobone.ingest.common import (
    XmlBytes,
    XmlCutter,
    blank_to_none,
    build_record,
    limits,
    normalise_author,
    normalise_doi,
    parse_year,
)
from exobone.model import Record

_RECORD = re.compile(rb"<(record)[\s>]")
_ROOT = re.compile(rb"<(?:records?|xml)[\s>]")
_END = re.compile(rb"</(?:records|xml)>")


def _value(record: etree._Element, path: str) -> str | None:
    element = record.find(path)
    if element is None:
        return None
    return blank_to_none("".join(element.itertext()))


def _raw_value(record: etree._Element, path: str) -> str:
    element = record.find(path)
    return "".join(element.itertext()).strip() if element is not None else ""


def _record(record: etree._Element, source: str, position: int,
            line: int) -> Record | RecordProblem:
    authors = [normalise_author(" ".join("".join(a.itertext()).split()))
               for a in record.iterfind("contributors/authors/author")]
    keywords = [k for k in (blank_to_none("".join(k.itertext()))
                            for k in record.iterfind("keywords/keyword")) if k]
    accession = _value(record, "accession-num")
    return build_record(
        source=source,
        position=position,
        line=line,
        title=_value(record, "titles/title") or "",
        abstract=_raw_value(record, "abstract"),
        raw=etree.tostring(record, encoding="unicode"),
        authors=[a for a in authors if a],
        year=parse_year(_value(record, "dates/year")),
        journal=_value(record, "periodical/abbr-1") or _value(record, "titles/secondary-title")
        or _value(record, "periodical/full-title") or _value(record, "alt-periodical/abbr-1"),
        volume=_value(record, "volume"),
        issue=_value(record, "number") or _value(record, "issue"),
        pages=_value(record, "pages"),
        doi=normalise_doi(_value(record, "electronic-resource-num")),
        pmid=accession if accession and accession.isdigit() else None,
        keywords=keywords,
    )


def read(path: str | Path) -> Iterator[Record | RecordProblem]:
    """Records of an EndNote XML file, streamed; a malformed record costs only that record."""
    source = str(path)
    stream = XmlBytes(path)
    try:
        if not _ROOT.search(stream.first):
            raise IngestError(source, "not EndNote XML (no <records> or <record>)", 1)
        if stream.problem:
            yield RecordProblem(source, stream.problem, 0, 1, kept=True)
        parser = etree.XMLParser(encoding=stream.encoding, resolve_entities=False,
                                 no_network=True, load_dtd=False, huge_tree=True,
                                 remove_comments=True, remove_pis=True)
        cutter = XmlCutter(stream, _RECORD, 8 * limits().record_bytes)
        position = 0
        for piece in cutter:
            position += 1
            if piece.problem:
                yield RecordProblem(source, piece.problem, position, piece.line)
                continue
            try:
                element = etree.fromstring(piece.data, parser)
            except etree.XMLSyntaxError as exc:
                yield RecordProblem(source, f"malformed <record>: {exc.msg}", position,
                                    piece.line + max(0, (exc.lineno or 1) - 1))
                continue
            yield _record(element, source, position, piece.line)
        if not cutter.ended_inside and (cutter.broken or not _END.search(cutter.trailer)):
            why = cutter.broken or "no closing </records>"
            yield RecordProblem(source, f"file breaks off after record {position} ({why})",
                                position + 1, 0)
    finally:
        stream.close()
