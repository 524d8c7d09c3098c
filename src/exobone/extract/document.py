"""The annotated text that every field extractor reads.

The pipeline (`exobone.extract.pipeline`) turns a `Record` into a `Document` once: sentences of
the cleaned title and abstract, abbreviation definitions, and every lexicon mention with its
offsets. Field-family modules (`exobone.extract.<family>`) then read the `Document` and emit
`Finding`s; none of them re-scans the raw text with its own dictionary.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from exobone.model import Record, Span


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the title (section "title") or abstract, with offsets into that section."""

    index: int
    start: int
    end: int
    text: str
    section: str = "abstract"


@dataclass(frozen=True, slots=True)
class Mention:
    """A lexicon term found in the text.

    `kind` is the lexicon category (e.g. "vesicle_types", "cell_types", "origins", "species",
    "conditions", "animal_models", "outcomes", "pathways", "genes", "mirna", "lncrna",
    "metabolites", "assays", ...); `label` is the canonical label (an HGNC symbol for genes,
    `miR-N` for miRNAs); offsets are into the cleaned text of `section`.
    """

    kind: str
    label: str
    start: int
    end: int
    text: str
    sentence: int
    section: str = "abstract"

    def span(self) -> Span:
        return Span(start=self.start, end=self.end, sentence=self.sentence, section=self.section)


@dataclass(frozen=True, slots=True)
class Finding:
    """One extracted value of one field, with the span that supports it."""

    field: str
    value: str
    span: Span


@dataclass(slots=True)
class Document:
    """A record's text analysed once, shared by all field extractors."""

    record: Record
    title: str
    abstract: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    abbreviations: dict[str, str] = field(default_factory=dict)

    def text_of(self, section: str) -> str:
        return self.title if section == "title" else self.abstract

    def in_sentence(self, sentence: Sentence, kind: str | None = None) -> list[Mention]:
        """Mentions inside `sentence`, optionally of one kind, in text order."""
        return [
            m
            for m in self.mentions
            if m.section == sentence.section
            and m.sentence == sentence.index
            and (kind is None or m.kind == kind)
        ]
