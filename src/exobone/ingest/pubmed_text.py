"""PubMed's "Abstract (text)" export (`pubmed_result.txt`, efetch rettype=abstract), streamed.

    1. Bone Res. 2019 Mar 15;7:12. doi: 10.1038/s41413-019-0001-1. eCollection 2019.

    Title of the article.

    Smith J(1), Doe AB(2).

    Author information:
    (1)Department of ...

    Abstract paragraphs (labelled sections each a paragraph).

    © 2019 The Author(s).

    DOI: 10.1038/s41413-019-0001-1
    PMID: 30000001  [Indexed for MEDLINE]

Blank lines split a record into blocks: the citation, the title, the authors, the
"Author information:" block, abstract paragraphs, then the identifier lines. A record starts
at a numbered citation line; only one record's lines are held at a time.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from exobone.errors import RecordProblem
from exobone.ingest.common import (
    TextLines,
    build_record,
    normalise_author,
    normalise_doi,
    with_line_problems,
)
from exobone.model import Record

# "1. Journal. 2019 Mar 15;10(1):94. doi: ..." (volume, issue and pages each optional).
_CITATION = re.compile(
    r"^(?P<number>\d+)\.\s+(?P<journal>\S.*?)\.\s+(?P<year>(?:1[5-9]|20)\d\d)\b[^;.]*"
    r"(?:;\s*(?P<volume>[^(:.;]*?)\s*(?:\((?P<issue>[^()]*)\))?\s*(?::\s*(?P<pages>[^\s.;]+))?)?"
    r"\s*(?:\.|$)"
)
# Any numbered entry ("3. In: Adam MP, editors. GeneReviews ..."): starts a record when it
# carries the next number after a finished one, even if its citation cannot be parsed.
_NUMBERED = re.compile(r"^(\d+)\.\s+\S")
_PMID = re.compile(r"^PMID:\s*(\d+)")
_DOI = re.compile(r"^DOI:\s*(\S+)")
_ID_LINE = re.compile(r"^(?:PMID|PMCID|DOI|NIHMSID):\s")
_CITATION_DOI = re.compile(r"\bdoi:\s*(10\.\d{4,9}/\S+?)\.?(?:\s|$)")
_AFFILIATION_MARK = re.compile(r"\(\d+(?:\s*,\s*\d+)*\)")
_NAME = re.compile(r"^[^\W\d_][\w'’ .-]*\s[A-Z]{1,4}(?:\s(?:Jr|Sr|[IVX]+|2nd|3rd))?$")
_GROUP = re.compile(r"\b(?:Group|Consortium|Collaborat\w*|Investigators|Committee|Network|"
                    r"Society|Team|Study)\b")
# Blocks that are not part of the abstract: notices, copyright, conflict statements.
_SKIPPED = (
    "Comment in", "Comment on", "Erratum in", "Erratum for", "Update of", "Update in",
    "Retraction in", "Retraction of", "Retracted and republished", "Republished in",
    "Republished from", "Expression of concern", "Corrected and republished", "Summary for",
    "Conflict of interest", "Copyright", "©", "(c)", "[Article in ", "Keywords:",
    "Trial registration", "Published by", "Partial retraction",
)  # fmt: skip


def _blocks(lines: list[str]) -> list[list[str]]:
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _authors(block: list[str], affiliations_follow: bool) -> list[str] | None:
    """Names of an author block ("Smith J(1), Doe AB(2)."), or None if it is not one.

    Without an "Author information:" block after it, names are held to four words, so a
    short abstract sentence ending in an acronym ("Effects of vesicles on OA.") is not
    taken for an author.
    """
    text = _AFFILIATION_MARK.sub("", " ".join(block)).strip().rstrip(".")
    names = [name.strip() for name in re.split(r"[,;]", text) if name.strip()]
    if not names or not all(_NAME.match(name) or _GROUP.search(name) for name in names):
        return None
    if not affiliations_follow and any(len(name.split()) > 4 for name in names):
        return None
    return [normalise_author(name) if _NAME.match(name) else name for name in names]


def _parse(lines: list[str], source: str, position: int, line: int) -> Record | RecordProblem:
    blocks = _blocks(lines)
    citation_text = " ".join(blocks[0])
    head = _CITATION.match(citation_text)
    cited: dict[str, str | None] = dict.fromkeys(("year", "journal", "volume", "issue", "pages"))
    if head is not None:
        cited.update({key: (value or "").strip() or None for key, value in head.groupdict().items()
                      if key in cited})
    pmid = doi = None
    body: list[list[str]] = []
    for block in blocks[1:]:
        kept = []
        for text in block:
            if match := _PMID.match(text):
                pmid = match.group(1)
            elif match := _DOI.match(text):
                doi = normalise_doi(match.group(1))
            elif not _ID_LINE.match(text):
                kept.append(text)
        if kept and not kept[0].startswith(_SKIPPED):
            body.append(kept)
    if doi is None and (match := _CITATION_DOI.search(citation_text)):
        doi = normalise_doi(match.group(1))
    title = " ".join(body[0]) if body else ""
    rest = body[1:]
    authors = _authors(rest[0], len(rest) > 1 and rest[1][0].startswith(
        "Author information:")) if rest else None
    if authors is not None:
        rest = rest[1:]
    rest = [block for block in rest if not block[0].startswith("Author information:")]
    abstract = "\n".join(" ".join(block) for block in rest)
    return build_record(
        source=source,
        position=position,
        line=line,
        title=title,
        abstract=abstract,
        raw="\n".join(lines).strip("\n"),
        authors=authors or [],
        year=int(cited["year"]) if cited["year"] else None,
        journal=cited["journal"],
        volume=cited["volume"],
        issue=cited["issue"],
        pages=cited["pages"].replace("\u2013", "-").replace("\u2014", "-") if cited["pages"]
        else None,
        doi=doi,
        pmid=pmid,
    )


def read(path: str | Path) -> Iterator[Record | RecordProblem]:
    """Records of a PubMed abstract-text file, with a RecordProblem for text outside records."""
    source = str(path)
    position = 0
    record: list[str] = []
    start = 0
    number = 0
    finished = True  # the current record has had its PMID line
    previous_blank = True
    stray = index = 0
    lines = TextLines(path)
    for index, line in enumerate(lines, start=1):
        head = _CITATION.match(line) if previous_blank and line[:1].isdigit() else None
        loose = _NUMBERED.match(line) if finished and record and previous_blank else None
        if loose and int(loose.group(1)) == number + 1:
            head = loose
        if head and (finished or int(head.group(1)) == number + 1 or not record):
            if record:
                yield from with_line_problems(lines, _parse(record, source, position, start),
                                              index - 1)
            elif stray:
                yield RecordProblem(source, "text before the first numbered citation is not "
                                    "a record", 0, stray)
            position += 1
            record, start, number, finished = [line], index, int(head.group(1)), False
        elif record:
            record.append(line)
            if _PMID.match(line):
                finished = True
        elif line.strip() and not stray:
            stray = index
        previous_blank = not line.strip()
    if record:
        yield from with_line_problems(lines, _parse(record, source, position, start), index)
    elif stray:
        yield RecordProblem(source, "no numbered citation found (expected '1. Journal. "
                            "2020;1(2):3-4.')", 0, stray)
    yield from lines.leftover()
