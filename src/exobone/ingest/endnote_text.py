"""EndNote-style text bibliographies: a citation paragraph, then the abstract.

    Wang, K. X., et al. (2015). "Title wrapped
    over lines." PLoS One 10(3): e0120593.

    Abstract text, wrapped, possibly broken by page-break debris ...

Records are found by recognising citation starts (an author list, a year in parentheses,
a quoted title), never by counting blank lines: abstracts contain runs of blank lines left by
page breaks, and a citation may run straight into its abstract.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
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

# "Surname, I. N., et al. (2015). " then the rest; the author list holds no quote or paren.
_HEAD = re.compile(
    r"^(?P<authors>[^\W\d_][^()\"]{0,800}?)\s*"
    r"\((?P<year>(?:1[5-9]|20)\d\d[a-z]?|n\.d\.|in press)\)\.?\s*(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# The first author: "Surname, Initials" (surname may hold spaces, hyphens, apostrophes).
_FIRST_AUTHOR = re.compile(r"^[^\W\d_][\w'’ .-]{0,80}?,\s*\S")
_QUICK = re.compile(r"^[^\W\d_][\w'’ .-]{0,80}?[,(]")
# Closing quote of the title: EndNote puts the title's final punctuation inside the quotes.
_TITLE_PUNCT = re.compile(r'^"(?P<title>.*?[.?!])"\s*(?P<source>.*)$', re.DOTALL)
_TITLE_BARE = re.compile(r'^"(?P<title>[^"]*)"\s*(?P<source>.*)$', re.DOTALL)
# Pages: "512-520", "70–76" (en dash), "19282—19292" (em dash), "e0120593", "S1-S10".
_PAGES = r"(?P<pages>[\w.+]+(?:\s*[-\u2010\u2011\u2012\u2013\u2014]\s*[\w.+]+)?)"
_PAGE_DASH = re.compile(r"\s*[-\u2010\u2011\u2012\u2013\u2014]\s*")
# "Journal 14(9): 1951-1957.", and, with the volume missing, "Journal (4): 101-109." or
# "Journal: 88-95."; tried in this order.
_SOURCES = (
    re.compile(r"^(?P<journal>.+?)\s+(?P<volume>[A-Za-z]?\d[\w.]*?)\s*(?:\((?P<issue>[^()]*)\))?"
               rf"\s*(?::\s*{_PAGES})?\s*\.$"),
    re.compile(rf"^(?P<journal>.+?)\s*\((?P<issue>[^()]*)\)\s*(?::\s*{_PAGES})?\s*\.$"),
    re.compile(rf"^(?P<journal>.+?)\s*:\s*{_PAGES}\s*\.$"),
)
_ANONYMOUS = frozenset({"anonymous", "anon.", "anon", "[anonymous]"})
# A citation start on a line right after text (no blank line before it): the author list,
# "(year)." and the opening quote of the title, all on this line.
_TIGHT_START = re.compile(
    r"^[^\W\d_][^()\"]{0,300}\((?:(?:1[5-9]|20)\d\d[a-z]?|n\.d\.|in press)\)\.?\s*\"",
    re.IGNORECASE,
)
_SOURCE_DOI = re.compile(r"\s*\b(?:doi|DOI)\s*:?\s*(10\.\d{4,9}/\S+?)\.?\s*$")
_DOI_LINE = re.compile(
    r"^\s*(?:doi\s*:?\s*|https?://(?:dx\.)?doi\.org/)(10\.\d{4,9}/\S+)\s*$", re.IGNORECASE
)
_ET_AL = re.compile(r",?\s*\bet\s+al\.?$")
_AUTHOR_SPLIT = re.compile(r",\s*(?:and\s+|&\s*)?|\s+and\s+|\s*&\s*")
# Initials of any script ("J.", "Ö.", "J.-P."); the first letter must also be upper case.
_INITIALS_ONLY = re.compile(r"^(?:[^\W\d_][^\W\d_A-Z]?\.[\s-]*)+$")
_SUFFIX = re.compile(r"^(?:Jr|Sr|II|III|IV)\.?$")
_MAX_CITATION_LINES = 10
_MAX_AUTHOR_LINES = 4
_YEAR_PAREN = re.compile(r"\((?:(?:1[5-9]|20)\d\d[a-z]?|n\.d\.|in press)\)", re.IGNORECASE)


@dataclass
class _Citation:
    authors: list[str]
    year: int | None
    title: str
    journal: str | None
    volume: str | None
    issue: str | None
    pages: str | None
    doi: str | None
    end: int  # index of the first line after the citation


def _source_match(source: str) -> re.Match[str] | None:
    for pattern in _SOURCES:
        if match := pattern.match(source):
            return match
    return None


def _initials(word: str) -> bool:
    return word[:1].isupper() and bool(_INITIALS_ONLY.match(word))


def _initials_first(name: str) -> str:
    """'N. Tyagi' -> 'Tyagi, N.', 'Ö. Şahin' -> 'Şahin, Ö.' (initials of any script)."""
    ordered = normalise_author(name, surname_first=False)
    if "," in ordered:
        return ordered
    words = name.split()
    count = 0
    while count < len(words) - 1 and _initials(words[count]):
        count += 1
    if not count:
        return name
    return f"{' '.join(words[count:])}, {' '.join(words[:count])}"


def _split_authors(text: str) -> list[str]:
    """'Behera, J. and N. Tyagi' -> ['Behera, J.', 'Tyagi, N.']; first author kept verbatim."""
    text = _ET_AL.sub("", " ".join(text.split()).rstrip(", "))
    if text.lower() in _ANONYMOUS:
        return []
    match = re.match(r"^([^,]+,\s*[^,]+?)(?=,|\s+and\s+|\s*&\s*|$)(.*)$", text)
    if not match:
        return [text] if text else []
    authors = [match.group(1).strip()]
    surname = None  # a bare surname waiting for its initials ("Jones, B." in APA-like styles)
    for name in _AUTHOR_SPLIT.split(match.group(2)):
        name = name.strip()
        if not name:
            continue
        if _SUFFIX.match(name) and not surname:  # "Smith, J., Jr." is one author
            authors[-1] = f"{authors[-1]}, {name}"
            continue
        if surname and _initials(name):
            authors.append(f"{surname}, {name}")
            surname = None
            continue
        if surname:
            authors.append(surname)
            surname = None
        if any(_initials(word) for word in name.split()):
            authors.append(_initials_first(name))  # "N. Tyagi"
        else:
            surname = name
    if surname:
        authors.append(surname)
    return authors


class _Lines:
    """Random access to the lines of a stream near the reading point.

    Lines are read on demand (citations need a few lines of look-ahead) and freed once a
    record is emitted, so memory holds one record, not the file.
    """

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self._buffer: list[str] = []
        self._base = 0  # index of _buffer[0] in the file
        self._done = False

    def exists(self, index: int) -> bool:
        if index < self._base + len(self._buffer):
            return True
        while not self._done and index >= self._base + len(self._buffer):
            line = next(self._lines, None)
            if line is None:
                self._done = True
            else:
                self._buffer.append(line)
        return index < self._base + len(self._buffer)

    def __getitem__(self, index: int) -> str:
        """Line `index`; callers check `exists` first (this is the hot path)."""
        offset = index - self._base
        if offset < 0:
            raise IndexError(f"line {index + 1} was already released")
        return self._buffer[offset]

    def join(self, start: int, end: int) -> str:
        return "\n".join(self._buffer[start - self._base : end - self._base])

    def forget_before(self, index: int) -> None:
        drop = index - self._base
        if drop > 0:
            del self._buffer[:drop]
            self._base = index


def _blank(lines: _Lines, index: int) -> bool:
    return not lines.exists(index) or not lines[index].strip()


def _source_done(source: str, lines: _Lines, j: int) -> tuple[bool, int]:
    """Whether the source part is complete; may extend it by peeking at up to two lines."""
    if _source_match(source):
        return True, j
    if not source.endswith("."):
        # A source without its closing period ("Bone 15: 70-76") ends at a blank line.
        return _blank(lines, j) and _source_match(f"{source}.") is not None, j
    # "J." or "Mol Med Rep." ending a line: a wrapped journal only if the next lines finish it.
    extended = source
    for k in range(j, j + 2):
        if _blank(lines, k):
            break
        extended = f"{extended} {lines[k].strip()}"
        if _source_match(extended):
            return False, j
    return True, j


def _parse_source(source: str) -> dict[str, str | None]:
    source = source.strip()
    full = _source_match(source if source.endswith(".") else f"{source}.")
    if full:
        parts = {key: (value.strip() if value else None) for key, value in full.groupdict().items()}
        if parts.get("pages"):
            parts["pages"] = _PAGE_DASH.sub("-", parts["pages"] or "")
        return {"volume": None, "issue": None, "pages": None, **parts}
    journal = source.rstrip(". ").strip() or None
    return {"journal": journal, "volume": None, "issue": None, "pages": None}


def _parse_citation(lines: _Lines, start: int) -> _Citation | None:
    """The citation starting at `start`, or None if these lines do not start one."""
    text = lines[start].strip()
    j = start + 1
    while True:
        # Cheap refusals first: the author list holds no quote and ends at "(year)".
        paren = text.find("(")
        if paren < 0:
            if '"' in text or j - start > _MAX_AUTHOR_LINES:
                return None
        elif '"' in text[:paren] or not _YEAR_PAREN.match(text, paren):
            return None
        head = _HEAD.match(text)
        if head and (_FIRST_AUTHOR.match(head["authors"]) or head["rest"].startswith('"')):
            rest = head["rest"]
            if not rest.startswith('"'):
                return None  # unquoted titles cannot be told from the journal reliably
            quoted = _TITLE_PUNCT.match(rest) or (
                _TITLE_BARE.match(rest) if rest.count('"') >= 2 else None
            )
            if quoted:
                source = " ".join(quoted["source"].split())
                doi = None
                doi_match = _SOURCE_DOI.search(source)
                if doi_match:
                    doi = normalise_doi(doi_match.group(1))
                    source = source[: doi_match.start()].strip()
                    if source and not source.endswith("."):
                        source += "."
                done, j = _source_done(source, lines, j) if source else (_blank(lines, j), j)
                if done:
                    return _finish(head, quoted["title"], source, doi, lines, j)
        if j - start >= _MAX_CITATION_LINES or _blank(lines, j):
            return None
        text = f"{text}\n{lines[j].strip()}"
        j += 1


def _finish(
    head: re.Match[str], title: str, source: str, doi: str | None, lines: _Lines, j: int
) -> _Citation:
    parts = _parse_source(source)
    # A DOI on its own line right after the citation (blank lines allowed between).
    k = j
    while lines.exists(k) and not lines[k].strip() and k - j < 2:
        k += 1
    if lines.exists(k):
        doi_line = _DOI_LINE.match(lines[k])
        if doi_line:
            doi = doi or normalise_doi(doi_line.group(1))
            j = k + 1
    year_text = head["year"]
    return _Citation(
        authors=_split_authors(head["authors"]),
        year=int(year_text[:4]) if year_text[:4].isdigit() else None,
        title=title,
        journal=parts["journal"],
        volume=parts["volume"],
        issue=parts["issue"],
        pages=parts["pages"],
        doi=doi,
        end=j,
    )


_INITIAL = re.compile(r",\s*[A-Z]\.")


def _broken_start(line: str) -> bool:
    """A line that opens like a citation on its own: authors with initials, then "(year)".

    Such a line whose citation cannot be parsed (title quote missing or never closed) is
    reported as a skipped record rather than read as more of the previous abstract.
    """
    head = _HEAD.match(line.strip())
    if not head or not _FIRST_AUTHOR.match(head["authors"]):
        return False
    return head["rest"].startswith('"') or bool(_INITIAL.search(head["authors"]))


def _starts(lines: _Lines, index: int) -> bool:
    """Cheap pre-check before trying a full citation parse at this line.

    A citation normally follows a blank line; one that runs straight after the previous
    abstract must show its authors, "(year)." and the title's opening quote on this line.
    """
    line = lines[index]
    return (
        bool(line)
        and not line[0].isspace()
        and bool(_QUICK.match(line))
        and (index == 0 or not lines[index - 1].strip() or bool(_TIGHT_START.match(line)))
    )


def read(path: str | Path) -> Iterator[Record | RecordProblem]:
    """Records of an EndNote-style text file, with a RecordProblem for text it cannot place."""
    source = str(path)
    text_lines = TextLines(path)
    lines = _Lines(iter(text_lines))
    position = 0
    i = 0
    current: tuple[_Citation, int] | None = None
    orphan_start: int | None = None

    def emit(citation: _Citation, begin: int, end: int) -> Record | RecordProblem:
        while end > citation.end and not lines[end - 1].strip():
            end -= 1
        abstract = lines.join(citation.end, end).strip("\n")
        return build_record(
            source=source,
            position=position,
            line=begin + 1,
            title=citation.title,
            abstract=abstract,
            raw=lines.join(begin, end),
            authors=citation.authors,
            year=citation.year,
            journal=citation.journal,
            volume=citation.volume,
            issue=citation.issue,
            pages=citation.pages,
            doi=citation.doi,
        )

    seen_citation = False
    while lines.exists(i):
        starts = _starts(lines, i)
        citation = _parse_citation(lines, i) if starts else None
        if citation is None and not (starts and _broken_start(lines[i])):
            if not seen_citation and orphan_start is None and lines[i].strip():
                orphan_start = i
            if current is None:
                lines.forget_before(i)  # text outside any record is not kept
            i += 1
            continue
        if current is not None:
            yield from with_line_problems(text_lines, emit(current[0], current[1], i), i)
        elif orphan_start is not None and not seen_citation:
            yield RecordProblem(source, "text before the first citation is not a record", 0,
                                orphan_start + 1)
        seen_citation = True
        position += 1
        if citation is None:
            # Looks like "Author, A. (2020). "..." but the quoted title or source never ends:
            # report it, and drop its text rather than glue it onto the previous abstract.
            yield from with_line_problems(text_lines, RecordProblem(
                source, "citation not understood (title quote not closed or source "
                "unreadable); record skipped", position, i + 1), i + 1)
            current = None
            i += 1
            continue
        current = (citation, i)
        lines.forget_before(i)
        i = citation.end
    if current is not None:
        yield from with_line_problems(text_lines, emit(current[0], current[1], i), i)
    elif orphan_start is not None and not seen_citation:
        yield RecordProblem(source, "no citation found (expected 'Author, A. (2020). \"Title.\" "
                            "Journal ...')", 0, orphan_start + 1)
    yield from text_lines.leftover()
