"""The annotated text that every field extractor reads.

The pipeline (`exobone.extract.pipeline`) turns a `Record` into a `Document` once: sentences of
the cleaned title and abstract, abbreviation definitions, and every lexicon mention with its
offsets. Field-family modules (`exobone.extract.<family>`) then read the `Document` and emit
`Finding`s; none of them re-scans the raw text with its own dictionary.

Mention kinds (`Mention.kind`) and their labels:

- vocab.yaml categories, label = canonical vocab label: "vesicle_types", "cell_types",
  "origins", "species", "preconditioning", "conditions", "animal_models", "delivery_routes",
  "biomaterials", "isolation_methods", "characterization_methods", "assays", "outcomes"
  (phenotype labels), "pathways", "metabolites".
- "genes": HGNC symbol (from gene aliases, or a symbol-shaped token such as `SIRT1`,
  `MMP-13` -> `MMP13`, `Runx2` -> `RUNX2`, after an ambiguity filter).
- "mirna": `miR-N` per docs/schema.md (`mmu-miR-223`, `miR223` -> `miR-223`; `-5p`/`-3p` kept only
  when written). "lncrna": the lncRNA name (`lncRUNX2-AS1` -> `RUNX2-AS1`, `H19`, `MALAT1`).
- "cell_lines": canonical line name (`3T3L1` -> `3T3-L1`); identity in the lexicon.
- Abbreviations are resolved: a later `SMSC-Exos` carries the mentions of its long form
  (cell_types MSC, origins synovial_membrane) and of its parts (vesicle_types exosome); a
  species prefix (`hBMSCs`) gives a "species" mention on the prefix letter.

`background_end` is the abstract offset where the study's own account begins (text before it
states general knowledge); `review` says whether the record reviews literature, and
`review_words` where it says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

from exobone.extract.cues import CueHits
from exobone.extract.scanning import Engine, Found, View
from exobone.model import Record, Span

_new_tuple: Final = tuple.__new__


class Sentence:
    """A sentence of the title (section "title") or abstract, with offsets into that section.

    A plain class with read-only (`Final`) attributes rather than a frozen dataclass: compiled,
    it is made 25 times faster, and every record makes one per sentence.
    """

    __slots__ = ("index", "start", "end", "text", "section")

    def __init__(
        self, index: int, start: int, end: int, text: str, section: str = "abstract"
    ) -> None:
        self.index: Final = index
        self.start: Final = start
        self.end: Final = end
        self.text: Final = text
        self.section: Final = section

    def _key(self) -> tuple[int, int, int, str, str]:
        return (self.index, self.start, self.end, self.text, self.section)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sentence) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Sentence(index={self.index}, start={self.start}, end={self.end}, "
            f"text={self.text!r}, section={self.section!r})"
        )


class Mention:
    """A lexicon term found in the text.

    `kind` is the lexicon category (e.g. "vesicle_types", "cell_types", "origins", "species",
    "conditions", "animal_models", "outcomes", "pathways", "genes", "mirna", "lncrna",
    "metabolites", "assays", ...); `label` is the canonical label (an HGNC symbol for genes,
    `miR-N` for miRNAs); offsets are into the cleaned text of `section`.

    A plain class with read-only (`Final`) attributes, like `Sentence`, rather than a named
    tuple: compiled, a named tuple is made through `tuple.__new__` (about 1.2 K instructions,
    three allocations on the way) and freed through the generic subclass path, and every
    record makes dozens. Equality, hashing (the same hash as the tuple of its fields, so sets
    and dicts of mentions keep their order), ordering and `repr` are those of that tuple.
    """

    __slots__ = ("kind", "label", "start", "end", "text", "sentence", "section")

    def __init__(
        self,
        kind: str,
        label: str,
        start: int,
        end: int,
        text: str,
        sentence: int,
        section: str = "abstract",
    ) -> None:
        self.kind: Final = kind
        self.label: Final = label
        self.start: Final = start
        self.end: Final = end
        self.text: Final = text
        self.sentence: Final = sentence
        self.section: Final = section

    def _key(self) -> tuple[str, str, int, int, str, int, str]:
        return (self.kind, self.label, self.start, self.end, self.text, self.sentence, self.section)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Mention) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __lt__(self, other: Mention) -> bool:
        return self._key() < other._key()

    def __repr__(self) -> str:
        return (
            f"Mention(kind={self.kind!r}, label={self.label!r}, start={self.start!r}, "
            f"end={self.end!r}, text={self.text!r}, sentence={self.sentence!r}, "
            f"section={self.section!r})"
        )

    def span(self) -> Span:
        # `Span(...)` would run the named tuple's interpreted `__new__`; this is the same tuple.
        return _new_tuple(Span, (self.start, self.end, self.sentence, self.section, ""))


class Finding:
    """One extracted value of one field, with the span that supports it and the reason: the
    rule, cue words and pass that produced or signed it ("" when the span's lexicon mention is
    the whole reason; `Extractor.explain` then names the mention).

    A plain class with read-only attributes, like `Sentence`: a named tuple is made through
    an interpreted `__new__`, and every record yields dozens of findings.
    """

    __slots__ = ("field", "value", "span", "reason")

    def __init__(self, field: str, value: str, span: Span, reason: str = "") -> None:
        self.field: Final = field
        self.value: Final = value
        self.span: Final = span
        self.reason: Final = reason

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Finding)
            and (self.field, self.value, self.span) == (other.field, other.value, other.span)
        )

    def __hash__(self) -> int:
        return hash((self.field, self.value, self.span))

    def __repr__(self) -> str:
        return f"Finding(field={self.field!r}, value={self.value!r}, span={self.span!r})"


@dataclass(slots=True)
class Document:
    """A record's text analysed once, shared by all field extractors."""

    record: Record
    title: str
    abstract: str
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    abbreviations: dict[str, str] = field(default_factory=dict)
    background_end: int = 0
    review: bool = False
    review_words: Span | None = None  # the words that make it a review (None: primary study)
    cache: dict[str, Any] = field(default_factory=dict)  # analyses shared by families
    # Mentions grouped by sentence and kind (see `_groups`), and `of_kind` answers.
    _grouped: tuple[dict[tuple[str, int], list[Mention]], dict[str, list[Mention]]] | None = (
        field(default=None, repr=False, compare=False)
    )
    _grouped_n: int = field(default=-1, repr=False, compare=False)
    _of_kind: dict[tuple[str, bool, int, bool], list[Mention]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _lowered: dict[str, str] = field(default_factory=dict, init=False, repr=False, compare=False)
    _cue_hits: dict[str, CueHits] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    # (section -> where the keys of `_keys_engine` occur in it, found by the lexicon's pass)
    _found_keys: dict[str, Found] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    _keys_engine: Engine | None = field(default=None, init=False, repr=False, compare=False)

    def text_of(self, section: str) -> str:
        return self.title if section == "title" else self.abstract

    def lowered(self, section: str) -> str:
        """The lowercased text of `section` (made once), for case-insensitive cue searches."""
        low = self._lowered.get(section)
        if low is None:
            low = self._lowered[section] = self.text_of(section).lower()
        return low

    def cue_hits(self, section: str) -> CueHits:
        """Where every cue's needles occur in `lowered(section)` (one pass, made once)."""
        hits = self._cue_hits.get(section)
        if hits is None:
            hits = self._cue_hits[section] = CueHits(self.lowered(section))
        return hits

    def found_cues(self, section: str, hits: CueHits) -> None:
        """Keep `hits`, the cues' needles in `lowered(section)` found by another pass."""
        self._cue_hits[section] = hits

    def found_keys(self, section: str, engine: Engine, found: Found) -> None:
        """Keep `found`, the occurrences of `engine`'s keys in `section` found by another pass."""
        self._keys_engine = engine
        self._found_keys[section] = found

    def sentence_views(self, engine: Engine) -> list[View]:
        """One view of `engine` per sentence, in order: made from the keys the lexicon's pass
        found in the sentence's section (`found_keys`) where it found them, else scanned when
        first asked."""
        found = self._found_keys if engine is self._keys_engine else {}
        sentences = self.sentences
        views: list[View] = []
        first = 0
        while first < len(sentences):  # (each run of sentences of one section)
            section = sentences[first].section
            last = first + 1
            while last < len(sentences) and sentences[last].section == section:
                last += 1
            keys = found.get(section)
            run = sentences[first:last]
            if keys is None:
                views += [engine.view_of(s.text) for s in run]
            else:
                bounds = [(s.start, s.end) for s in run]
                views += engine.section_views([s.text for s in run], bounds, keys)
            first = last
        return views

    def _groups(self) -> tuple[dict[tuple[str, int], list[Mention]], dict[str, list[Mention]]]:
        """Mentions by sentence and by kind, grouped in one pass (again if mentions were added)."""
        groups = self._grouped
        if groups is None or self._grouped_n != len(self.mentions):
            by_sentence: dict[tuple[str, int], list[Mention]] = {}
            by_kind: dict[str, list[Mention]] = {}
            for m in self.mentions:
                by_sentence.setdefault((m.section, m.sentence), []).append(m)
                by_kind.setdefault(m.kind, []).append(m)
            groups = self._grouped = (by_sentence, by_kind)
            self._grouped_n = len(self.mentions)
            self._of_kind = {}
        return groups

    def by_sentence(self) -> dict[tuple[str, int], list[Mention]]:
        """Mentions grouped by (section, sentence index), in text order (do not modify)."""
        return self._groups()[0]

    def in_sentence(self, sentence: Sentence, kind: str | None = None) -> list[Mention]:
        """Mentions inside `sentence`, optionally of one kind, in text order."""
        found = self._groups()[0].get((sentence.section, sentence.index), [])
        if kind is None:
            return list(found)
        return [m for m in found if m.kind == kind]

    def is_background(self, item: Mention | Sentence) -> bool:
        """Whether `item` lies in the opening background (general knowledge, not this study)."""
        if item.section != "abstract" or self.review:
            return False
        if isinstance(item, Sentence):
            return item.end <= self.background_end
        return item.start < self.background_end

    def of_kind(self, kind: str, *, study_only: bool = True) -> list[Mention]:
        """Mentions of one kind in text order (title first), background excluded by default."""
        by_kind = self._groups()[1]
        memo = self._of_kind
        key = (kind, study_only, self.background_end, self.review)
        found = memo.get(key)
        if found is None:
            found = by_kind.get(kind, [])
            if study_only and self.background_end and not self.review:
                end = self.background_end
                found = [m for m in found if m.section != "abstract" or m.start >= end]
            memo[key] = found
        return list(found)

    def sentence_of(self, mention: Mention) -> Sentence:
        """The sentence that holds `mention`."""
        index = self.cache.get("sentences")
        if index is None:
            index = {(s.section, s.index): s for s in self.sentences}
            self.cache["sentences"] = index
        try:
            return index[(mention.section, mention.sentence)]
        except KeyError:
            raise ValueError(f"no sentence {mention.sentence} in {mention.section}") from None
