"""Studies as pandas tables: the base every analysis and export is computed from.

`values_frame` is the long form (one row per study, field, value and supporting span) so
that every count downstream can be traced back to studies and sentences; `studies_frame` is
the wide form (one row per study) used by exports and the report.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from exobone.errors import ExoboneError, UnknownFieldError
from exobone.model import ANNOTATION_FIELDS, CITATION_FIELDS, SET_FIELDS, Span, Study
from exobone.schema import check_field

VALUE_COLUMNS: tuple[str, ...] = (
    "study_id",
    "field",
    "value",
    "section",
    "sentence",
    "start",
    "end",
    "span_text",
    "evidence_text",
)

# A sentence ends at . ! or ? followed by space and an upper-case letter, digit or bracket.
# Abbreviations such as "et al. Smith" can split early; the evidence shown is then shorter,
# never wrong.
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[A-Z0-9(\[\"])")


class UnknownLabelError(ExoboneError):
    """A value asked for (e.g. `--outcome`) that neither the lexicon nor the data has."""


def field_values(study: Study, name: str) -> list[str]:
    """The values of one field as strings (study_type gives a one-item list)."""
    value = study.annotations.get(name)
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [value]
    return sorted({str(item) for item in value})


class SentenceIndex:
    """Sentence boundaries of one text, to show the sentence around a span."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]

    def around(self, start: int, end: int) -> str:
        """The sentence(s) covering the character range [start, end)."""
        if not self.text:
            return ""
        first = bisect.bisect_right(self.starts, max(start, 0)) - 1
        last = bisect.bisect_right(self.starts, max(end - 1, start, 0))
        stop = self.starts[last] if last < len(self.starts) else len(self.text)
        return self.text[self.starts[first] : stop].strip()


class StudyText:
    """Cached sentence indexes of a study's title and abstract."""

    def __init__(self, study: Study) -> None:
        self.study = study
        self._index: dict[str, SentenceIndex] = {}

    def section(self, name: str) -> str:
        return self.study.record.title if name == "title" else self.study.record.abstract

    def sentence(self, span: Span) -> str:
        index = self._index.get(span.section)
        if index is None:
            index = self._index[span.section] = SentenceIndex(self.section(span.section))
        return index.around(span.start, span.end)

    def span_text(self, span: Span) -> str:
        return self.section(span.section)[span.start : span.end]

    def evidence(self, name: str, value: str) -> list[tuple[Span, str]]:
        """Spans supporting `value` of field `name`, each with its sentence."""
        spans = self.study.evidence.get(name, {}).get(value, [])
        return [(span, self.sentence(span)) for span in spans]

    def sentences(self, name: str, value: str) -> list[str]:
        """Distinct evidence sentences of a value, in text order."""
        seen: dict[str, None] = {}
        for _, text in self.evidence(name, value):
            if text:
                seen.setdefault(text, None)
        return list(seen)


def values_frame(studies: Iterable[Study], fields: Sequence[str] | None = None) -> pd.DataFrame:
    """Long form: one row per study, field, value and span (`VALUE_COLUMNS`).

    A value without evidence still gets one row, with empty span columns, so nothing is
    silently dropped. `evidence_text` is the sentence holding the span; `span_text` the
    matched words.
    """
    names = [check_field(name) for name in (fields or ANNOTATION_FIELDS)]
    rows: list[tuple[Any, ...]] = []
    for study in studies:
        text = StudyText(study)
        for name in names:
            for value in field_values(study, name):
                found = text.evidence(name, value)
                if not found:
                    rows.append((study.id, name, value, None, None, None, None, None, None))
                for span, sentence in found:
                    rows.append(
                        (
                            study.id,
                            name,
                            value,
                            span.section,
                            span.sentence,
                            span.start,
                            span.end,
                            text.span_text(span),
                            sentence,
                        )
                    )
    frame = pd.DataFrame.from_records(rows, columns=list(VALUE_COLUMNS))
    for column in ("sentence", "start", "end"):
        frame[column] = frame[column].astype("Int64")
    return frame


def pairs_frame(studies: Iterable[Study], fields: Sequence[str]) -> pd.DataFrame:
    """(study_id, field, value) rows without evidence: the cheap input of the evidence map."""
    names = [check_field(name) for name in fields]
    ids: list[str] = []
    kinds: list[str] = []
    values: list[str] = []
    for study in studies:
        for name in names:
            for value in field_values(study, name):
                ids.append(study.id)
                kinds.append(name)
                values.append(value)
    return pd.DataFrame({"study_id": ids, "field": kinds, "value": values}, dtype="object")


def citation_row(study: Study) -> dict[str, Any]:
    """Citation columns of one study (authors joined with "; ")."""
    record = study.record
    row: dict[str, Any] = {"id": study.id}
    for name in CITATION_FIELDS:
        value = getattr(record, name)
        row[name] = "; ".join(value) if isinstance(value, list) else value
    return row


def studies_frame(studies: Iterable[Study], evidence: bool = False) -> pd.DataFrame:
    """Wide form: one row per study, citation columns then one column per field.

    Set fields are joined with "; " in sorted order. With `evidence=True` each field gets a
    companion `<field>_evidence` column: one line per value, "value: sentence".
    """
    rows: list[dict[str, Any]] = []
    for study in studies:
        row = citation_row(study)
        text = StudyText(study) if evidence else None
        for name in ANNOTATION_FIELDS:
            values = field_values(study, name)
            row[name] = "; ".join(values)
            if text is not None:
                lines = [f"{value}: {s}" for value in values for s in text.sentences(name, value)]
                row[f"{name}_evidence"] = "\n".join(lines)
        rows.append(row)
    columns = ["id", *CITATION_FIELDS]
    for name in ANNOTATION_FIELDS:
        columns.append(name)
        if evidence:
            columns.append(f"{name}_evidence")
    frame = pd.DataFrame(rows, columns=columns)
    frame["year"] = frame["year"].astype("Int64")
    return frame


def reduce_value(value: str, parts: int | None) -> str:
    """Keep the first `parts` parts of a compound value ("MSC|adipose|human" -> "MSC|adipose").

    Trailing empty parts are dropped, so "osteoblast||mouse" reduced to 2 parts is "osteoblast".
    """
    if parts is None or "|" not in value:
        return value
    kept = value.split("|")[:parts]
    while len(kept) > 1 and not kept[-1]:
        kept.pop()
    return "|".join(kept)


__all__ = [
    "SET_FIELDS",
    "SentenceIndex",
    "StudyText",
    "UnknownFieldError",
    "UnknownLabelError",
    "VALUE_COLUMNS",
    "check_field",
    "field_values",
    "pairs_frame",
    "reduce_value",
    "studies_frame",
    "values_frame",
]
