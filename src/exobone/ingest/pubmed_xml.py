"""PubMed XML (`PubmedArticleSet`, efetch output and the annual baseline), plain or gzipped,
and NLM MEDLINE XML (`MedlineCitationSet` update/lease files, or bare `MedlineCitation`s).

Streaming: the byte stream is cut at article boundaries (`<PubmedArticle>` ...
`</PubmedArticle>`, and the same for `PubmedBookArticle`) and each article's MedlineCitation
is parsed on its own with lxml (PubmedData, which holds reference lists, is only searched for
a DOI). This is lxml doing the parsing all the same, but several times faster than
`iterparse` over the whole document (no growing tree, no per-event bookkeeping); memory stays
at one read block plus one article, and a malformed article costs only that article. The
DOCTYPE's network DTD is never fetched or loaded: the files only use character references
and the five XML entities (entities declared only in the DTD are not expanded).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape
from pathlib import Path

from lxml import etree

from exobone.errors import IngestError, RecordProblem
from exobone.ingest.common import (
    XmlBytes,
    XmlCutter,
    build_record,
    limits,
    normalise_doi,
    parse_year,
)
from exobone.model import Record

_START = re.compile(rb"<(PubmedArticle|PubmedBookArticle|MedlineCitation)[\s>]")
# A PubmedArticle holds a MedlineCitation: that start is not the next record's.
_NESTED = {b"PubmedArticle": frozenset({b"MedlineCitation"})}
_SET = re.compile(rb"<(?:PubmedArticleSet|MedlineCitationSet)[\s>]")
_CITATION_END = b"</MedlineCitation>"
_TAIL_DOI = re.compile(rb"<ArticleId\s+IdType=[\"']doi[\"']\s*>\s*([^<]+?)\s*</ArticleId>")
_DOTTED: dict[str, str] = {}  # "PM" -> "P. M.": few distinct values, formatted once each
_SET_END = re.compile(rb"</(?:PubmedArticleSet|MedlineCitationSet)>")
# One compiled XPath reads all descriptor names in C, without an element object for each.
_MESH = etree.XPath("MeshHeading/DescriptorName/text()", smart_strings=False)


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
        if not isinstance(child.tag, str):  # an entity reference left unexpanded
            parts.append(child.tail or "")
            continue
        last = parts[-1]
        kept = last.rstrip(" \t\r\n")
        if "\n" in last[len(kept):]:  # only an indenting line break, not a word space
            parts[-1] = kept
        parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return "".join(parts)


def _authors(author_list: etree._Element | None) -> list[str]:
    if author_list is None:
        return []
    authors = []
    for author in author_list:
        last = initials = fore = collective = None
        # The DTD puts LastName, ForeName, Initials, Suffix (or CollectiveName) first, so
        # look at the first few children only, by index (the hot path of the reader).
        for index in range(min(4, len(author))):
            part = author[index]
            tag = part.tag
            if tag == "LastName":
                last = part.text
            elif tag == "Initials":
                initials = part.text
            elif tag == "ForeName":
                fore = part.text
            elif tag == "CollectiveName":
                collective = _text(part)
        if last:
            if not initials and fore:
                initials = "".join(word[0] for word in fore.split())
            if initials:
                dotted = _DOTTED.get(initials)
                if dotted is None:
                    dotted = " ".join(c + "." for c in initials if c.isalpha())
                    if len(_DOTTED) < 10_000:
                        _DOTTED[initials] = dotted
                authors.append(f"{last}, {dotted}")
            else:
                authors.append(last)
        elif collective and collective.strip():
            authors.append(" ".join(collective.split()))
    return authors


def _abstract(abstract: etree._Element | None) -> str:
    if abstract is None:
        return ""
    sections = []
    for part in abstract:
        if part.tag != "AbstractText":
            continue
        text = _text(part).strip()
        label = part.get("Label")
        if label and text:
            text = f"{label}: {text}"
        if text:
            sections.append(text)
    return "\n".join(sections)


def _children(element: etree._Element | None) -> dict[str, etree._Element]:
    """First child of each tag: one pass in place of many ElementPath look-ups (hot path)."""
    found: dict[str, etree._Element] = {}
    if element is not None:
        for child in element:
            tag = child.tag
            if isinstance(tag, str) and tag not in found:
                found[tag] = child
    return found


def _child_text(element: etree._Element | None, tag: str) -> str | None:
    if element is not None:
        for child in element:
            if child.tag == tag:
                return child.text
    return None


def _year(node: etree._Element | None) -> int | None:
    date = _children(node).get("PubDate")
    if date is None:
        return None
    return parse_year(_child_text(date, "Year") or _child_text(date, "MedlineDate"))


def _pages(pagination: etree._Element | None) -> str | None:
    if pagination is None:
        return None
    parts = _children(pagination)
    pages = parts["MedlinePgn"].text if "MedlinePgn" in parts else None
    if pages and pages.strip():
        return pages.strip()
    start = parts["StartPage"].text if "StartPage" in parts else None
    if start:
        end = parts["EndPage"].text if "EndPage" in parts else None
        return f"{start}-{end}" if end else start
    return None


def _doi(holder: etree._Element, data: etree._Element | None, tail: bytes) -> str | None:
    for location in holder:
        if location.tag == "ELocationID" and location.get("EIdType") == "doi":
            return normalise_doi(location.text)
    for identifier in _children(data).get("ArticleIdList", ()):
        if identifier.get("IdType") == "doi":
            return normalise_doi(identifier.text)
    if tail:
        references = tail.find(b"<ReferenceList")  # cited works have DOIs of their own
        if references >= 0:
            tail = tail[:references]
    match = _TAIL_DOI.search(tail) if tail else None
    return normalise_doi(unescape(match.group(1).decode("utf-8", "replace"))) if match else None


def _keywords(citation: dict[str, etree._Element]) -> list[str]:
    """MeSH descriptors, then author keywords."""
    mesh = citation.get("MeshHeadingList")
    keywords: list[str] = _MESH(mesh) if mesh is not None else []
    for keyword in citation.get("KeywordList", ()):
        text = _text(keyword).strip()
        if text:
            keywords.append(text)
    return keywords


def _record(element: etree._Element, raw: str, source: str, position: int, line: int,
            tail: bytes = b"") -> Record | RecordProblem:
    """The Record of one parsed article; `tail` is its unparsed PubmedData, if cut off."""
    top = _children(element)
    if element.tag in ("PubmedArticle", "MedlineCitation"):
        # MEDLINE update and lease files hold bare MedlineCitations, without PubmedData.
        citation = top if element.tag == "MedlineCitation" else _children(
            top.get("MedlineCitation"))
        holder = citation.get("Article")
        if holder is None:
            return RecordProblem(source, "PubmedArticle without MedlineCitation/Article",
                                 position, line)
        article = _children(holder)
        journal_parts = _children(article.get("Journal"))
        journal = (_child_text(citation.get("MedlineJournalInfo"), "MedlineTA")
                   or _child_text(article.get("Journal"), "ISOAbbreviation")
                   or _child_text(article.get("Journal"), "Title"))
        issue_node = journal_parts.get("JournalIssue")
        title = _text(article.get("ArticleTitle"))
        if not title.strip():
            title = _text(article.get("VernacularTitle"))
        year = _year(issue_node) or parse_year(_child_text(article.get("ArticleDate"), "Year"))
        data = top.get("PubmedData")
    else:
        holder = top.get("BookDocument")
        if holder is None:
            return RecordProblem(source, "PubmedBookArticle without BookDocument", position,
                                 line)
        citation = article = _children(holder)
        journal = None
        issue_node = article.get("Book")
        title = _text(article.get("ArticleTitle")) or _text(
            _children(issue_node).get("BookTitle"))
        year = _year(issue_node)
        data = top.get("PubmedBookData")
    pmid = citation.get("PMID")
    return build_record(
        source=source,
        position=position,
        line=line,
        title=title,
        abstract=_abstract(article.get("Abstract")),
        raw=raw,
        authors=_authors(article.get("AuthorList")),
        year=year,
        journal=journal,
        volume=_child_text(issue_node, "Volume"),
        issue=_child_text(issue_node, "Issue"),
        pages=_pages(article.get("Pagination")),
        doi=_doi(holder, data, tail),
        pmid=pmid.text if pmid is not None else None,
        keywords=_keywords(citation),
    )


def read(path: str | Path) -> Iterator[Record | RecordProblem]:
    """Records of a PubMed XML file (.xml or .xml.gz), streamed.

    A malformed article is a RecordProblem naming its line; the rest are still read. A file
    that breaks off (truncated download) yields every complete article, then a RecordProblem.
    """
    source = str(path)
    stream = XmlBytes(path)
    try:
        head = stream.first
        rooted = _SET.search(head) is not None
        if not rooted and not _START.search(head):
            raise IngestError(source, "not PubMed XML (no <PubmedArticleSet>)", 1)
        if stream.problem:
            yield RecordProblem(source, stream.problem, 0, 1, kept=True)
        parser = etree.XMLParser(encoding=stream.encoding, resolve_entities=False,
                                 no_network=True, load_dtd=False, huge_tree=True,
                                 collect_ids=False, remove_comments=True, remove_pis=True)
        cutter = XmlCutter(stream, _START, 8 * limits().record_bytes, _NESTED)
        yield from _articles(cutter, parser, stream.encoding, source, rooted)
    finally:
        stream.close()


def _articles(cutter: XmlCutter, parser: etree.XMLParser, encoding: str, source: str,
              rooted: bool) -> Iterator[Record | RecordProblem]:
    position = 0
    line = 1
    for piece in cutter:
        position += 1
        line = piece.line
        name = piece.name.decode()
        if piece.problem:
            yield RecordProblem(source, piece.problem, position, line)
            continue
        # PubmedData (history, reference lists: often half the article) is not parsed; only
        # a DOI is looked up in it, when the citation has none.
        tail = b""
        parsed = piece.data
        if name == "PubmedArticle":
            cut = parsed.find(_CITATION_END)
            if cut > 0:
                cut += len(_CITATION_END)
                parsed, tail = parsed[:cut] + b"</PubmedArticle>", parsed[cut:]
        try:
            element = etree.fromstring(parsed, parser)
        except etree.XMLSyntaxError as exc:
            yield RecordProblem(source, f"malformed {name}: {exc.msg}", position,
                                line + max(0, (exc.lineno or 1) - 1))
        else:
            yield _record(element, piece.data.decode(encoding, "replace"), source, position,
                          line, tail)
    if not cutter.ended_inside and (cutter.broken
                                    or (rooted and not _SET_END.search(cutter.trailer))):
        why = cutter.broken or "no closing </PubmedArticleSet> or </MedlineCitationSet>"
        yield RecordProblem(source, f"file breaks off after record {position} ({why})",
                            position + 1, line)
