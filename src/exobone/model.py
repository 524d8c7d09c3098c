"""The two types that flow through exobone: a bibliographic `Record` and an extracted `Study`.

Readers (`exobone.ingest`) yield `Record`s; the extractor (`exobone.extract`) turns a `Record`
into a `Study`; the store, the analyses, the web app and the exports consume `Study`s.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from exobone.schema import ANNOTATION_FIELDS, CITATION_FIELDS, FIELDS, SET_FIELDS

__all__ = [
    "ANNOTATION_FIELDS",
    "CITATION_FIELDS",
    "SET_FIELDS",
    "Record",
    "Span",
    "Study",
    "empty_annotations",
]


@dataclass(slots=True)
class Record:
    """One bibliographic record as read from a file, with its cleaned text.

    `title` and `abstract` are cleaned (see `exobone.text.clean`); `raw` keeps the record's
    text exactly as it stood in the file so nothing is lost. `source` and `position` say
    where it came from: the file path and the 1-based record number in that file; `line` is
    the 1-based line where the record starts (0 when the format has no lines, e.g. XML).
    """

    title: str = ""
    authors: list[str] = field(default_factory=list)
    year: int | None = None
    journal: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    doi: str | None = None
    pmid: str | None = None
    abstract: str = ""
    keywords: list[str] = field(default_factory=list)
    source: str = ""
    position: int = 0
    line: int = 0
    raw: str = ""
    abstract_raw: str = ""
    # The title as the source printed it (Greek letters, Unicode hyphens, "µg"), only its
    # whitespace joined and its closing period dropped; `title` is the cleaned text that
    # extraction, search and matching use. Exports write this one.
    title_raw: str = ""

    @property
    def printed_title(self) -> str:
        """The source's title when known (records stored before it was kept have only `title`)."""
        return self.title_raw or self.title

    def citation(self) -> dict[str, Any]:
        """The `record` object of the extract output (docs/schema.md)."""
        return {name: getattr(self, name) for name in CITATION_FIELDS}

    @property
    def first_author(self) -> str | None:
        """Surname of the first author (the part before the first comma)."""
        if not self.authors:
            return None
        return self.authors[0].split(",")[0].strip() or None


class Span(NamedTuple):
    """Where a value is supported: a character range in the cleaned title or abstract.

    `section` is "abstract" or "title"; `sentence` is the 0-based sentence index within that
    section; `start`/`end` are offsets into the whole cleaned section text. A named tuple
    rather than a frozen dataclass: the extractor makes dozens per record, and a tuple is made
    and compared at a fraction of the cost.
    """

    start: int
    end: int
    sentence: int = 0
    section: str = "abstract"
    # Empty when the words at the span state the value; otherwise what the value was inferred
    # from there ("cell line MC3T3-E1", "animals of the study").
    inferred: str = ""

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"sentence": self.sentence, "start": self.start, "end": self.end}
        if self.section != "abstract":
            data["section"] = self.section
        if self.inferred:
            data["inferred"] = True
            data["from"] = self.inferred
        return data


def empty_annotations() -> dict[str, Any]:
    """Annotations with every field of the schema present and empty (study_type: primary)."""
    return {f.name: f.empty() for f in FIELDS}


@dataclass(slots=True)
class Study:
    """A `Record` with the fields extracted from it and the evidence for each value.

    `annotations[field]` is a list of canonical values (study_type is a string);
    `evidence[field][value]` is the list of spans that support that value.
    """

    id: str
    record: Record
    annotations: dict[str, Any] = field(default_factory=empty_annotations)
    evidence: dict[str, dict[str, list[Span]]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """One line of the extract output (docs/schema.md).

        `text` holds the cleaned title and abstract that the evidence offsets point into, so
        that a reader of the JSON Lines can check every span without exobone.
        """
        return {
            "id": self.id,
            "record": self.record.citation(),
            "text": {
                "title": (self.record.title or "").strip(),
                "abstract": (self.record.abstract or "").strip(),
            },
            "annotations": self.annotations,
            "evidence": {
                name: {
                    str(value): [span.to_json() for span in spans]
                    for value, spans in values.items()
                }
                for name, values in self.evidence.items()
            },
        }
