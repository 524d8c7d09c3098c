"""EndNote XML (`<xml><records><record>`), as written by EndNote, Bookends and Zotero.

Values sit inside `<style>` elements and are often hard-wrapped with indentation, so every
value is taken as the element's whole text with whitespace normalised.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from exobone.errors import IngestError, RecordProblem
from exobone.ingest.common import (
    blank_to_none,
    build_record,
    normalise_author,
    normalise_doi,
    open_bytes,
    parse_year,
)
from exobone.model import Record


def _value(record: etree._Element, path: str) -> str | None:
    element = record.find(path)
    if element is None:
        return None
    return blank_to_none("".join(element.itertext()))


def _raw_value(record: etree._Element, path: str) -> str:
    element = record.find(path)
    return "".join(element.itertext()).strip() if element is not None else ""


def _record(record: etree._Element, source: str, position: int) -> Record | RecordProblem:
    authors = [normalise_author(" ".join("".join(a.itertext()).split()))
               for a in record.iterfind("contributors/authors/author")]
    keywords = [k for k in (blank_to_none("".join(k.itertext()))
                            for k in record.iterfind("keywords/keyword")) if k]
    accession = _value(record, "accession-num")
    return build_record(
        source=source,
        position=position,
        line=record.sourceline or 0,
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
    """Records of an EndNote XML file, streamed; a broken file yields what came before."""
    source = str(path)
    position = 0
    with open_bytes(path) as stream:
        events = etree.iterparse(stream, events=("end",), tag="record", resolve_entities=False,
                                 no_network=True, load_dtd=False, huge_tree=True)
        try:
            for _, element in events:
                position += 1
                yield _record(element, source, position)
                element.clear(keep_tail=True)
                parent = element.getparent()
                while parent is not None and element.getprevious() is not None:
                    del parent[0]  # drop finished records so memory stays flat
        except etree.XMLSyntaxError as exc:
            if position == 0:
                raise IngestError(source, f"not well-formed EndNote XML: {exc.msg}",
                                  exc.lineno or 0) from exc
            yield RecordProblem(source, f"XML breaks off after record {position}: {exc.msg}",
                                position + 1, exc.lineno or 0)
