"""From a `Record` to a `Study`: every SCHEMA.md field with the evidence for each value.

    from exobone.extract import Extractor
    study = Extractor().extract(record, "S01")

The pipeline (`exobone.extract.pipeline.build_document`) reads the text once into a
`Document`; field-family modules, each with `extract(doc) -> Iterable[Finding]`, then say what
the document holds. Families are imported by name so that one missing or failing family
costs its fields only (a warning on the study), never the whole record.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Iterator
from types import ModuleType

from exobone.extract.document import Document, Finding, Mention, Sentence
from exobone.extract.pipeline import MAX_CHARS, build_document
from exobone.lexicon import Matcher, default_matcher
from exobone.model import SET_FIELDS, Record, Span, Study, empty_annotations

__all__ = ["FAMILIES", "Document", "Extractor", "Finding", "Mention", "Sentence", "build_document"]

# Field families in the order they run (module names under exobone.extract).
FAMILIES: tuple[str, ...] = (
    "study",
    "biology",
    "context",
    "methods",
    "cargo",
    "quantities",
    "outcomes",
    "molecular",
)
_MAX_SPANS = 5  # evidence spans kept per value


def _load_families(
    names: Iterable[str],
) -> tuple[list[tuple[str, Callable[[Document], Iterable[Finding]]]], list[str]]:
    loaded = []
    missing = []
    for name in names:
        try:
            module: ModuleType = importlib.import_module(f"exobone.extract.{name}")
        except Exception:  # a family that is absent or broken must not stop the others
            missing.append(name)
            continue
        loaded.append((name, module.extract))
    return loaded, missing


class Extractor:
    """Runs the pipeline and the field families; never raises on odd input."""

    def __init__(self, families: Iterable[str] = FAMILIES, matcher: Matcher | None = None) -> None:
        self.matcher = matcher or default_matcher()
        self.families, self.missing_families = _load_families(families)

    def document(self, record: Record) -> Document:
        return build_document(record, self.matcher)

    def extract(self, record: Record, study_id: str) -> Study:
        """The `Study` of `record`; problems become `study.warnings`, not exceptions."""
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
            study.warnings.append(f"text could not be analysed: {type(exc).__name__}: {exc}")
            return study
        if not doc.mentions and (doc.title or doc.abstract):
            study.warnings.append("no lexicon term found: the text may be off-topic or not English")
        for name, run in self.families:
            try:
                findings = list(run(doc))
            except Exception as exc:  # one family's failure costs only its fields
                study.warnings.append(f"{name} fields skipped: {type(exc).__name__}: {exc}")
                continue
            for finding in findings:
                _add(study, finding)
        return study

    def extract_many(self, records: Iterable[Record], prefix: str = "S") -> Iterator[Study]:
        """Studies of `records` in order, with ids S01, S02, ... (more digits past 99)."""
        for number, record in enumerate(records, start=1):
            yield self.extract(record, f"{prefix}{number:02d}")


def _add(study: Study, finding: Finding) -> None:
    """Record one value and its span; set fields keep the first-seen order, no repeats."""
    value: str | int = finding.value
    if finding.field == "study_type":
        study.annotations["study_type"] = finding.value
    elif finding.field in SET_FIELDS:
        if finding.field == "durations_days":
            value = int(finding.value)
        values = study.annotations[finding.field]
        if value not in values:
            values.append(value)
    else:
        return
    spans: list[Span] = study.evidence.setdefault(finding.field, {}).setdefault(str(value), [])
    if finding.span not in spans and len(spans) < _MAX_SPANS:
        spans.append(finding.span)
