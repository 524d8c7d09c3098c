"""From a `Record` to a `Study`: every field of the schema with the evidence for each value.

    from exobone.extract import Extractor
    study = Extractor().extract(record, "S01")

The pipeline (`exobone.extract.pipeline.build_document`) reads the text once into a
`Document`; field-family modules, each with `extract(doc) -> Iterable[Finding]`, then say what
the document holds. Families are imported plainly: a broken module fails at import time, loudly,
instead of silently emptying its fields.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib import resources
from typing import Any, Final

from exobone import __version__
from exobone.errors import UnknownFieldError
from exobone.extract import (
    biology,
    cargo,
    context,
    methods,
    molecular,
    outcomes,
    quantities,
    study,
)
from exobone.extract.document import Document, Finding, Mention, Sentence
from exobone.extract.explain import Explanation, explanations
from exobone.extract.pipeline import MAX_CHARS, build_document
from exobone.lexicon import Matcher, default_matcher
from exobone.model import Record, Span, Study, empty_annotations
from exobone.schema import ANNOTATION_FIELDS, FIELDS, INTEGER_FIELDS

__all__ = [
    "FAMILIES",
    "REGISTRY",
    "Document",
    "Explanation",
    "Extractor",
    "Finding",
    "Mention",
    "Sentence",
    "build_document",
    "logic_version",
]

Family = Callable[[Document], Iterable[Finding]]
# Field families in the order they run.
REGISTRY: dict[str, Family] = {
    "study": study.extract,
    "biology": biology.extract,
    "context": context.extract,
    "methods": methods.extract,
    "cargo": cargo.extract,
    "quantities": quantities.extract,
    "outcomes": outcomes.extract,
    "molecular": molecular.extract,
}
FAMILIES: tuple[str, ...] = tuple(REGISTRY)
# (`Final`, so that the compiled `_add` reads them without a look-up in the module's names at
# each of the ~37 findings of a record)
_MAX_SPANS: Final = 5  # evidence spans kept per value
_SINGLE_FIELDS: Final = frozenset(f.name for f in FIELDS if f.single)
_SET_FIELDS: Final = frozenset(f.name for f in FIELDS if not f.single)
_INTEGER_FIELDS: Final = INTEGER_FIELDS
# Packages whose code or data decide what the extractor says, and the schema's own module.
_LOGIC_PACKAGES = ("exobone.extract", "exobone.lexicon", "exobone.text", "exobone.data")
_LOGIC_MODULES = ("schema.py",)


@lru_cache(maxsize=1)
def logic_version() -> str:
    """`<package version>+<hash>`: the hash covers the extraction code and the lexicon files,
    so a store can skip records whose extraction would not change."""
    digest = hashlib.sha256()
    for package in _LOGIC_PACKAGES:
        files = sorted(
            (f for f in resources.files(package).iterdir() if f.name.endswith((".py", ".yaml"))),
            key=lambda f: f.name,
        )
        for f in files:
            digest.update(f"{package}/{f.name}\0".encode())
            digest.update(f.read_bytes())
    for name in _LOGIC_MODULES:
        digest.update(f"exobone/{name}\0".encode())
        digest.update(resources.files("exobone").joinpath(name).read_bytes())
    return f"{__version__}+{digest.hexdigest()[:12]}"


class Extractor:
    """Runs the pipeline and the field families; never raises on odd input, always on
    broken code (see `_raise_if_broken`)."""

    def __init__(self, families: Iterable[str] = FAMILIES, matcher: Matcher | None = None) -> None:
        names = list(families)
        unknown = [name for name in names if name not in REGISTRY]
        if unknown:
            raise ValueError(f"unknown field families: {', '.join(unknown)}")
        self.matcher = matcher or default_matcher()
        self.families: list[tuple[str, Family]] = [(name, REGISTRY[name]) for name in names]
        self.version = logic_version()

    def document(self, record: Record) -> Document:
        return build_document(record, self.matcher)

    def extract(self, record: Record, study_id: str) -> Study:
        """The `Study` of `record`; problems become `study.warnings`, not exceptions."""
        return self._run(record, study_id, None)[0]

    def explain(self, record: Record, study_id: str = "S01") -> list[Explanation]:
        """Each value `extract` gives `record`, with its evidence words and the reasons (rules,
        cue words, passes) that produced or signed it; the values and spans are the study's."""
        found: list[tuple[str, Finding]] = []
        study, doc = self._run(record, study_id, found)
        return explanations(study, doc, found)

    def _run(
        self, record: Record, study_id: str, found: list[tuple[str, Finding]] | None
    ) -> tuple[Study, Document | None]:
        """The study of `record` and its document; each finding with its family's name is
        added to `found` when it is a list."""
        study = Study(id=study_id, record=record, annotations=empty_annotations())
        if len(record.abstract or "") > MAX_CHARS:
            study.warnings.append(
                f"abstract longer than {MAX_CHARS} characters: only the start was read"
            )
        if not (record.abstract or "").strip():
            study.warnings.append("no abstract: fields come from the title only")
        try:
            doc = self.document(record)
        except Exception as exc:  # a text the pipeline cannot read must not stop the run
            _raise_if_broken(exc)
            study.warnings.append(f"text could not be analysed: {type(exc).__name__}: {exc}")
            return study, None
        if not doc.mentions and (doc.title or doc.abstract):
            study.warnings.append("no lexicon term found: the text may be off-topic or not English")
        # (read once: `Study` is a plain dataclass, each attribute read a look-up by name)
        annotations, evidence = study.annotations, study.evidence
        for name, run in self.families:
            try:
                findings = list(run(doc))
            except Exception as exc:  # one family's failure costs only its fields
                _raise_if_broken(exc)
                study.warnings.append(f"{name} fields skipped: {type(exc).__name__}: {exc}")
                continue
            for finding in findings:
                _add(annotations, evidence, finding)
            if found is not None:
                found += [(name, finding) for finding in findings]
        return study, doc

    def extract_many(self, records: Iterable[Record], prefix: str = "S") -> Iterator[Study]:
        """Studies of `records` in order, with ids S01, S02, ... (more digits past 99)."""
        for number, record in enumerate(records, start=1):
            yield self.extract(record, f"{prefix}{number:02d}")


def _raise_if_broken(exc: Exception) -> None:
    """Re-raise an error no text can cause (a name or module the code lacks): it would
    empty the same fields of every record, and a warning per record would hide it."""
    if isinstance(exc, ImportError) or (
        isinstance(exc, NameError) and not isinstance(exc, UnboundLocalError)
    ):
        raise exc


def _add(
    annotations: dict[str, Any], evidence: dict[str, dict[str, list[Span]]], finding: Finding
) -> None:
    """Record one value and its span in a study's `annotations` and `evidence`; set fields
    keep the first-seen order, no repeats.

    A finding for a field the schema does not have raises UnknownFieldError."""
    name, value, span = finding.field, finding.value, finding.span
    if name in _SINGLE_FIELDS:
        annotations[name] = value
        key = value
    elif name in _SET_FIELDS:
        values = annotations[name]
        if name in _INTEGER_FIELDS:
            days = int(value)
            if days not in values:
                values.append(days)
            key = str(days)
        else:
            if value not in values:
                values.append(value)
            key = value
    else:  # a family's bug: a value nobody would see must not vanish quietly
        raise UnknownFieldError(name, ANNOTATION_FIELDS)
    by_value = evidence.get(name)
    if by_value is None:
        by_value = evidence[name] = {}
    spans = by_value.get(key)
    if spans is None:
        by_value[key] = [span]
    elif len(spans) < _MAX_SPANS and span not in spans:  # the length test is the cheap one
        spans.append(span)
