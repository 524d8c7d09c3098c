"""PubMed XML (`PubmedArticleSet`, efetch output and the annual baseline), plain or gzipped.

Streams with lxml's iterparse and frees each article once read, so memory stays flat on a
1 GB baseline file. The DOCTYPE's network DTD is never fetched or loaded: the files only use
character references and the five XML entities.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from lxml import etree

from exobone.errors import IngestError, RecordProblem
from exobone.ingest.common import build_record, normalise_doi, open_bytes, parse_year
from exobone.model import Record

_ARTICLE_TAGS = ("PubmedArticle", "PubmedBookArticle")
_BLOCK = 1 << 16


def _text(element: etree._Element | None) -> str:
    """Text of an element with inline markup (<sub>, <i>, ...) flattened.

    Whitespace that only indents an inline child onto a new line is dropped, so
    "β\\n\\t\\t<sub>2</sub>-agonist" reads "β2-agonist", not "β 2-agonist".
    """
    if element is None:
        return ""
    if len(element) == 0:
        return element.text or ""
    parts = [element.text or ""]
    for child in element:
        if parts[-1] and "\n" in parts[-1] and parts[-1].rstrip(" \t\n") != parts[-1]:
            parts[-1] = parts[-1].rstrip(" \t\n")
        parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)


def _initials(value: str) -> str:
    return " ".join(f"{letter}." for letter in value if letter.isalpha())


def _authors(citation: etree._Element) -> list[str]:
    authors = []
    for author in citation.iterfind(".//AuthorList/Author"):
        last = author.findtext("LastName")
        if last:
            initials = author.findtext("Initials") or ""
            if not initials:
                fore = author.findtext("ForeName") or ""
                initials = "".join(part[0] for part in fore.split() if part)
            authors.append(f"{last}, {_initials(initials)}" if initials else last)
            continue
        collective = _text(author.find("CollectiveName")).strip()
        if collective:
            authors.append(" ".join(collective.split()))
    return authors


def _abstract(parent: etree._Element | None) -> str:
    if parent is None:
        return ""
    abstract = parent.find("Abstract")
    if abstract is None:
        return ""
    sections = []
    for part in abstract.iterfind("AbstractText"):
        text = _text(part).strip()
        label = part.get("Label")
        if label and text:
            text = f"{label}: {text}"
        if text:
            sections.append(text)
    return "\n".join(sections)


def _year(node: etree._Element | None) -> int | None:
    if node is None:
        return None
    date = node.find(".//PubDate")
    if date is not None:
        year = parse_year(date.findtext("Year") or date.findtext("MedlineDate"))
        if year:
            return year
    return parse_year(node.findtext(".//ArticleDate/Year"))


def _doi(article: etree._Element) -> str | None:
    for location in article.iterfind(".//ELocationID"):
        if location.get("EIdType") == "doi":
            return normalise_doi(location.text)
    for identifier in article.iterfind(".//ArticleIdList/ArticleId"):
        if identifier.get("IdType") == "doi":
            return normalise_doi(identifier.text)
    return None


def _pages(article: etree._Element | None) -> str | None:
    if article is None:
        return None
    pages = article.findtext("Pagination/MedlinePgn")
    if pages:
        return pages.strip() or None
    start = article.findtext("Pagination/StartPage")
    if start:
        end = article.findtext("Pagination/EndPage")
        return f"{start}-{end}" if end else start
    return None


def _record(element: etree._Element, source: str, position: int) -> Record | RecordProblem:
    if element.tag == "PubmedArticle":
        citation = element.find("MedlineCitation")
        if citation is None:
            return RecordProblem(source, "PubmedArticle without MedlineCitation", position,
                                 element.sourceline or 0)
        article = citation.find("Article")
        journal = citation.findtext("MedlineJournalInfo/MedlineTA") or (
            article.findtext("Journal/ISOAbbreviation") if article is not None else None
        ) or (article.findtext("Journal/Title") if article is not None else None)
        issue_node = article.find("Journal/JournalIssue") if article is not None else None
        title = _text(article.find("ArticleTitle")) if article is not None else ""
        if not title.strip() and article is not None:
            title = _text(article.find("VernacularTitle"))
        holder = article
    else:
        citation = element.find("BookDocument")
        if citation is None:
            return RecordProblem(source, "PubmedBookArticle without BookDocument", position,
                                 element.sourceline or 0)
        holder = citation
        journal = None
        issue_node = citation.find("Book")
        title = _text(citation.find("ArticleTitle")) or _text(citation.find("Book/BookTitle"))
    keywords = [d.text for d in citation.iterfind("MeshHeadingList/MeshHeading/DescriptorName")
                if d.text]
    keywords += [_text(k).strip() for k in citation.iterfind("KeywordList/Keyword")]
    abstract = _abstract(holder)
    return build_record(
        source=source,
        position=position,
        line=element.sourceline or 0,
        title=title,
        abstract=abstract,
        raw=etree.tostring(element, encoding="unicode"),
        authors=_authors(holder if holder is not None else citation),
        year=_year(issue_node) or _year(holder),
        journal=journal,
        volume=(issue_node.findtext("Volume") if issue_node is not None else None),
        issue=(issue_node.findtext("Issue") if issue_node is not None else None),
        pages=_pages(holder),
        doi=_doi(element),
        pmid=citation.findtext("PMID"),
        keywords=[k for k in keywords if k],
    )


class _Stream:
    """A byte stream that ends quietly where a truncated gzip breaks off, noting why.

    lxml reads ahead in large blocks; letting the gzip error escape would lose the complete
    articles already decompressed. Ending the stream instead makes lxml report the cut as an
    XML syntax error after yielding them.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.broken = ""

    def read(self, size: int = -1) -> bytes:
        if self.broken:
            return b""
        try:
            read1 = getattr(self.raw, "read1", None)
            return read1(size if size > 0 else _BLOCK) if read1 else self.raw.read(size)
        except (OSError, EOFError, zlib.error) as exc:
            self.broken = str(exc) or type(exc).__name__
            return b""


def read(path: str | Path) -> Iterator[Record | RecordProblem]:
    """Records of a PubMed XML file (.xml or .xml.gz), streamed.

    A file that breaks off (truncated download) yields every complete article, then one
    RecordProblem naming the line where parsing stopped.
    """
    source = str(path)
    position = 0
    raw = open_bytes(path)
    stream = _Stream(raw)
    try:
        events = etree.iterparse(
            stream,
            events=("end",),
            tag=_ARTICLE_TAGS,
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=True,
            remove_blank_text=False,
        )
        try:
            for _, element in events:
                position += 1
                yield _record(element, source, position)
                element.clear(keep_tail=True)
                parent = element.getparent()
                if parent is not None:
                    while element.getprevious() is not None:
                        del parent[0]
            if stream.broken:
                yield RecordProblem(source, f"corrupt gzip file: {stream.broken}", position + 1)
        except etree.XMLSyntaxError as exc:
            line = exc.lineno or 0
            why = f"corrupt gzip file: {stream.broken}" if stream.broken else (
                f"not well-formed PubMed XML: {exc.msg}")
            if position == 0:
                raise IngestError(source, why, 0 if stream.broken else line) from exc
            yield RecordProblem(source, f"file breaks off after record {position} ({why})",
                                position + 1, line)
    finally:
        raw.close()
