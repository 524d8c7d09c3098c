"""Page-independent views of a study, the evidence map and the graph: plain data for both
the HTML templates and the JSON API."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from exobone.analysis.frame import StudyText, field_values
from exobone.errors import load_module
from exobone.model import SET_FIELDS, Record, Study
from exobone.store import Curation, Entry
from exobone.store.store import study_label
from exobone.web.corpus import Corpus
from exobone.web.highlight import field_class, highlight, marks_for


@dataclass(slots=True)
class FieldRow:
    """One field of a study: the extractor's values and the curators' decisions, apart."""

    name: str
    css: str
    machine: list[tuple[str, list[str]]] = field(default_factory=list)  # value, sentences
    added: list[Curation] = field(default_factory=list)
    removed: list[Curation] = field(default_factory=list)


def current_decisions(history: Iterable[Curation]) -> dict[tuple[str, str], Curation]:
    """The standing decision per (field, value): the newest one not undone."""
    standing: dict[tuple[str, str], Curation] = {}
    for item in sorted(history, key=lambda c: c.id):
        key = (item.field, item.value)
        if item.undone:
            continue
        standing[key] = item
    return standing


def field_rows(study: Study, history: list[Curation]) -> list[FieldRow]:
    """Every set field, machine values (with their evidence sentences) apart from curated."""
    text = StudyText(study)
    standing = current_decisions(history)
    rows = []
    for name in SET_FIELDS:
        row = FieldRow(name, field_class(name))
        for value in field_values(study, name):
            decision = standing.get((name, value))
            evidence = text.sentences(name, value)
            if decision is not None and not decision.removed and not evidence:
                row.added.append(decision)
            else:
                row.machine.append((value, evidence))
        row.removed = [c for (f, _), c in standing.items() if f == name and c.removed]
        rows.append(row)
    return rows


def study_view(entry: Entry, corpus: Corpus) -> dict[str, Any]:
    """What the study page shows."""
    record, study = entry.record, entry.study
    history = corpus.history(entry.id)
    view: dict[str, Any] = {
        "entry": entry,
        "record": record,
        "study": study,
        "history": history,
        "title_html": highlight(record.title, []),
        "abstract_html": highlight(record.abstract, []),
        "rows": [],
        "legend": [],
        "similar": [],
    }
    if study is None:
        return view
    view["title_html"] = highlight(
        record.title, marks_for(study.evidence, "title", len(record.title))
    )
    view["abstract_html"] = highlight(
        record.abstract, marks_for(study.evidence, "abstract", len(record.abstract))
    )
    view["rows"] = field_rows(study, history)
    view["legend"] = [
        (name, field_class(name), sorted(study.evidence[name]))
        for name in SET_FIELDS
        if study.evidence.get(name)
    ]
    view["similar"] = corpus.similar(entry.id, study)
    return view


def evidence_reasons(record: Record) -> list[dict[str, Any]]:
    """Why the extractor gives each value at each place (field, value, section, start, end,
    reason), from `Extractor.explain` run again on the record (a stored span keeps only a
    flag of what it was inferred from, so the place is the key); a place today's extractor
    does not give has no reason. Asked for by the study page only when a reader hovers a
    highlight, so that showing a study never runs the extractor."""
    found = load_module("exobone.extract").Extractor().explain(record)
    return [
        {
            "field": e.field,
            "value": e.value,
            "section": because.span.section,
            "start": because.span.start,
            "end": because.span.end,
            "reason": " / ".join(because.reasons),
        }
        for e in found
        for because in e.evidence
    ]


def study_json(entry: Entry, history: list[Curation]) -> dict[str, Any]:
    """The API form of a study: the extract output (docs/schema.md) plus record id, key and
    curation history."""
    data: dict[str, Any] = {"id": entry.label, "record_id": entry.id, "key": entry.key}
    if entry.study is not None:
        data.update(entry.study.to_json())
    else:
        data["record"] = entry.record.citation()
    data["abstract"] = entry.record.abstract
    data["curations"] = [curation_json(c) for c in history]
    return data


def curation_json(c: Curation) -> dict[str, Any]:
    """One curation decision as the API gives it."""
    return {
        "id": c.id,
        "study_id": study_label(c.record_id),
        "field": c.field,
        "value": c.value,
        "removed": c.removed,
        "by": c.by,
        "at": c.at.isoformat() if c.at else None,
        "undone": c.undone,
    }
