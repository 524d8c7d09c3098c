"""Score extracted annotations against gold, the way docs/schema.md defines it.

Every set field is scored by micro precision, recall and F1 over all records; the overall
score is micro F1 over all set fields pooled; `study_type` is scored by accuracy. Values are
compared after trimming and case-folding and nothing else, so a near miss (`MSC|bone_marrow|`
for `MSC|bone_marrow|rat`) is both a false positive and a false negative.

Rows may be flat (gold files: annotation fields at top level) or nested (extract output:
`{"id", "record", "annotations", "evidence"}`); both shapes are accepted on both sides.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exobone.errors import ExoboneError
from exobone.schema import SET_FIELDS

Rows = str | Path | Iterable[Mapping[str, Any]]


class EvaluationError(ExoboneError):
    """A gold or prediction input that cannot be scored (bad JSON, no id, wrong value shape)."""


@dataclass(slots=True)
class FieldScore:
    """Counts for one field (or all set fields pooled); rates are None where undefined."""

    field: str
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """2tp / (2tp + fp + fn); undefined only when neither gold nor prediction has a value."""
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else None

    @property
    def defined(self) -> bool:
        return self.f1 is not None


@dataclass(frozen=True, slots=True)
class FieldError:
    """What one record got wrong in one field: values predicted but not in gold, and the reverse."""

    id: str
    field: str
    false_positives: tuple[str, ...]
    false_negatives: tuple[str, ...]


@dataclass(slots=True)
class Report:
    """What `score` returns: per-field and pooled counts, study_type accuracy, id mismatches."""

    fields: list[FieldScore]
    micro: FieldScore
    study_type_correct: int
    study_type_total: int
    missing_ids: list[str] = field(default_factory=list)
    extra_ids: list[str] = field(default_factory=list)
    details: list[FieldError] = field(default_factory=list)

    @property
    def study_type_accuracy(self) -> float | None:
        return self.study_type_correct / self.study_type_total if self.study_type_total else None

    def for_field(self, name: str) -> FieldScore:
        """The score of one field by name (KeyError if it is not a set field)."""
        for score in self.fields:
            if score.field == name:
                return score
        raise KeyError(name)

    def errors(self) -> list[FieldError]:
        """Per record and field, the false positives and false negatives (for debugging)."""
        return list(self.details)

    def render(self) -> str:
        """A plain-text table: field, P, R, F1, tp, fp, fn; then micro and study_type accuracy."""
        width = max(len(name) for name in (*SET_FIELDS, "micro (all set fields)"))
        header = f"{'field':<{width}}  {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"
        lines = [header, "-" * len(header)]
        for score in self.fields:
            lines.append(_row(score, score.field, width))
        lines.append("-" * len(header))
        lines.append(_row(self.micro, "micro (all set fields)", width))
        accuracy = self.study_type_accuracy
        lines.append(
            f"study_type accuracy: {_rate(accuracy).strip()} "
            f"({self.study_type_correct}/{self.study_type_total})"
        )
        if self.missing_ids:
            lines.append(
                f"gold ids without prediction ({len(self.missing_ids)}, scored as empty): "
                + ", ".join(self.missing_ids)
            )
        if self.extra_ids:
            lines.append(
                f"prediction ids not in gold ({len(self.extra_ids)}, not scored): "
                + ", ".join(self.extra_ids)
            )
        return "\n".join(lines)


def render_errors(report: Report) -> str:
    """Per record, each field with its false positives (+) and false negatives (-)."""
    lines: list[str] = []
    current = None
    for error in report.details:
        if error.id != current:
            current = error.id
            lines.append(f"{error.id}")
        for value in error.false_positives:
            lines.append(f"  {error.field}: + {value}")
        for value in error.false_negatives:
            lines.append(f"  {error.field}: - {value}")
    if not lines:
        return "no errors"
    return "\n".join(lines)


def score(gold: Rows, pred: Rows) -> Report:
    """Compare predictions with gold, matching rows by `id`, then by title.

    A gold row whose id has no prediction is matched to the unclaimed prediction with the
    same normalised title (so a prediction file numbered `S01...` scores against gold ids
    `D01...`). A gold row with neither is scored as an all-empty prediction; predictions
    matched to no gold row are listed in `Report.extra_ids` and not scored.
    """
    gold_rows = _index(gold, "gold")
    pred_rows = _index(pred, "prediction")
    pairing = _pair(gold_rows, pred_rows)
    counts = {name: FieldScore(name) for name in SET_FIELDS}
    details: list[FieldError] = []
    correct = 0
    missing: list[str] = []
    for row_id, (gold_row, gold_where, _title) in gold_rows.items():
        if row_id in pairing:
            pred_row, pred_where, _ = pred_rows[pairing[row_id]]
        else:
            missing.append(row_id)
            pred_row, pred_where = {}, "missing prediction"
        gold_type = _single(gold_row.get("study_type"))
        pred_type = _single(pred_row.get("study_type"))
        if gold_type is not None and gold_type[0] == (pred_type[0] if pred_type else None):
            correct += 1
        elif gold_type is not None or pred_type is not None:
            details.append(
                FieldError(
                    row_id,
                    "study_type",
                    (pred_type[1],) if pred_type else (),
                    (gold_type[1],) if gold_type else (),
                )
            )
        for name in SET_FIELDS:
            gold_values = _values(gold_row.get(name), gold_where, name)
            pred_values = _values(pred_row.get(name), pred_where, name)
            hits = gold_values.keys() & pred_values.keys()
            wrong = sorted(pred_values[key] for key in pred_values.keys() - hits)
            lost = sorted(gold_values[key] for key in gold_values.keys() - hits)
            counts[name].tp += len(hits)
            counts[name].fp += len(wrong)
            counts[name].fn += len(lost)
            if wrong or lost:
                details.append(FieldError(row_id, name, tuple(wrong), tuple(lost)))
    micro = FieldScore(
        "micro",
        tp=sum(c.tp for c in counts.values()),
        fp=sum(c.fp for c in counts.values()),
        fn=sum(c.fn for c in counts.values()),
    )
    return Report(
        fields=[counts[name] for name in SET_FIELDS],
        micro=micro,
        study_type_correct=correct,
        study_type_total=len(gold_rows),
        missing_ids=missing,
        extra_ids=sorted(pred_rows.keys() - set(pairing.values())),
        details=details,
    )


def _row(score: FieldScore, label: str, width: int) -> str:
    return (
        f"{label:<{width}}  {_rate(score.precision)} {_rate(score.recall)} {_rate(score.f1)} "
        f"{score.tp:>5} {score.fp:>5} {score.fn:>5}"
    )


def _rate(value: float | None) -> str:
    return f"{'-':>6}" if value is None else f"{value:>6.3f}"


def _normal(value: object) -> str:
    """The comparison key: the value's string form, trimmed and case-folded."""
    return str(value).strip().casefold()


def _single(value: object) -> tuple[str, str] | None:
    """(key, display form) of a single-valued field, or None when it is absent or blank."""
    if value is None or _normal(value) == "":
        return None
    return _normal(value), str(value).strip()


def _values(value: object, where: str, name: str) -> dict[str, str]:
    """A set field as {comparison key: display form}; blank values are dropped."""
    if value is None:
        return {}
    if isinstance(value, str | bytes) or not isinstance(value, list | tuple | set | frozenset):
        raise EvaluationError(f"{where}: field {name!r} must be a list, got {value!r}")
    result: dict[str, str] = {}
    for item in value:
        if isinstance(item, dict | list):
            raise EvaluationError(f"{where}: field {name!r} holds a non-scalar value {item!r}")
        key = _normal(item)
        if key:
            result.setdefault(key, str(item).strip())
    return result


def _pair(gold_rows: Indexed, pred_rows: Indexed) -> dict[str, str]:
    """{gold id: prediction id}: same id first, then same normalised title; rows that share
    a title pair in file order (two records of one title are two studies, not one)."""
    pairing = {row_id: row_id for row_id in gold_rows if row_id in pred_rows}
    claimed = set(pairing.values())
    by_title: dict[str, deque[str]] = {}
    for row_id, (_, _, title) in pred_rows.items():
        if row_id not in claimed and title:
            by_title.setdefault(title, deque()).append(row_id)
    for row_id, (_, _, title) in gold_rows.items():
        if row_id not in pairing and by_title.get(title):
            pairing[row_id] = by_title[title].popleft()
    return pairing


def _title_key(row: Mapping[str, Any]) -> str:
    """A title reduced to lower-case letters and digits, for matching rows across files."""
    record = row.get("record")
    title = record.get("title") if isinstance(record, Mapping) else row.get("title")
    return re.sub(r"[^0-9a-z]+", "", str(title or "").casefold())


Indexed = dict[str, tuple[dict[str, Any], str, str]]


def _index(source: Rows, role: str) -> Indexed:
    """{id: (annotations, where, title key)} in input order; rejects missing/duplicate ids."""
    rows: Indexed = {}
    for row, where in _rows(source, role):
        raw_id = row.get("id")
        if raw_id is None or str(raw_id).strip() == "":
            raise EvaluationError(f"{where}: row has no 'id'")
        row_id = str(raw_id).strip()
        if row_id in rows:
            raise EvaluationError(f"{where}: duplicate id {row_id!r} (first at {rows[row_id][1]})")
        annotations = row.get("annotations")
        if annotations is None:
            annotations = row
        elif not isinstance(annotations, Mapping):
            raise EvaluationError(f"{where}: 'annotations' of {row_id!r} is not an object")
        rows[row_id] = (dict(annotations), f"{where} (id {row_id})", _title_key(row))
    return rows


def _rows(source: Rows, role: str) -> Iterator[tuple[Mapping[str, Any], str]]:
    if isinstance(source, str | Path):
        path = Path(source)
        try:
            handle = path.open(encoding="utf-8")
        except OSError as exc:
            raise EvaluationError(f"{path}: cannot read {role} file: {exc.strerror}") from exc
        with handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = f"{path}, line {number}"
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise EvaluationError(f"{where}: invalid JSON: {exc.msg}") from exc
                if not isinstance(row, dict):
                    raise EvaluationError(f"{where}: expected a JSON object per line")
                yield row, where
        return
    for number, row in enumerate(source, start=1):
        where = f"{role} row {number}"
        if not isinstance(row, Mapping):
            raise EvaluationError(f"{where}: expected a mapping, got {type(row).__name__}")
        yield row, where
