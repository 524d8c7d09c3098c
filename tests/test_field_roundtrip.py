"""Every field of `exobone.schema` survives model -> store -> analysis frame.

The study below is built from the schema alone (a label of each closed part, a sample of
each open kind, evidence for every value), so a field added to the schema is tested here
without anyone writing its name, and a layer that forgets it fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from exobone import schema
from exobone.analysis.frame import pairs_frame, studies_frame, values_frame
from exobone.model import Record, Span, Study, empty_annotations
from exobone.store import Store

# Two samples of each open (free-text) part, by the field's kind.
OPEN_SAMPLES: dict[str, tuple[Any, Any]] = {
    "name": ("COL2A1", "miR-140-5p"),
    "dose": ("100 ug", "1e9 particles/mL"),
    "days": (14, 56),
}


def samples(field: schema.Field) -> list[Any]:
    """Values of `field` made from the schema: the default of a single field is avoided,
    a closed part takes its first and last label, an open part the samples of its kind."""
    if field.single:
        return [max(field.parts[0].allowed() - {field.default})]
    choices = []
    for part in field.parts:
        labels = sorted(part.allowed())
        choices.append((labels[0], labels[-1]) if labels else OPEN_SAMPLES[field.kind])
    if not field.compound:
        return list(choices[0])
    return [schema.SEPARATOR.join(str(c[i]) for c in choices) for i in (0, 1)]


def make_study(source: Path) -> Study:
    """One study holding samples of every field, each with evidence in its own sentence."""
    sentences: list[str] = []
    annotations = empty_annotations()
    evidence: dict[str, dict[str, list[Span]]] = {}
    offset = 0
    for field in schema.FIELDS:
        values = samples(field)
        annotations[field.name] = values[0] if field.single else values
        for value in values:
            sentence = f"Sentence {len(sentences)} states {value}."
            start = offset + sentence.index(str(value))
            span = Span(start, start + len(str(value)), len(sentences))
            evidence.setdefault(field.name, {})[str(value)] = [span]
            sentences.append(sentence)
            offset += len(sentence) + 1
    record = Record(
        title="Every field of the schema",
        authors=["Doe, J."],
        year=2024,
        abstract=" ".join(sentences),
        source=str(source),
        position=1,
        line=1,
    )
    return Study(id="S01", record=record, annotations=annotations, evidence=evidence)


@pytest.fixture
def stored(store_url: str, tmp_path: Path) -> Iterator[tuple[Study, Store]]:
    source = tmp_path / "refs.txt"
    source.write_text("one record\n", encoding="utf-8")
    study = make_study(source)
    with Store.open(store_url) as store:
        store.add_file(source, [study])
        yield study, store


def test_samples_cover_every_field_with_valid_values() -> None:
    study = make_study(Path("refs.txt"))
    assert list(study.annotations) == list(schema.ANNOTATION_FIELDS)
    for field in schema.FIELDS:
        values = samples(field)
        assert values and all(str(v) in study.evidence[field.name] for v in values), field.name
        if field.name in schema.INTEGER_FIELDS:
            assert all(type(v) is int for v in values)
        for value in map(str, values):
            parts = value.split(schema.SEPARATOR)
            assert len(parts) == len(field.parts), (field.name, value)
            for part, text in zip(field.parts, parts, strict=True):
                assert not part.closed or text in part.allowed(), (field.name, value)


def test_every_field_round_trips_through_the_store(stored: tuple[Study, Store]) -> None:
    study, store = stored
    (loaded,) = store.studies()
    entry = store.get(1)
    assert entry is not None and entry.study is not None
    for again in (loaded, entry.study):
        for name in schema.ANNOTATION_FIELDS:
            assert again.annotations[name] == study.annotations[name], name
            assert again.evidence.get(name) == study.evidence[name], name
    assert loaded.to_json()["annotations"] == study.to_json()["annotations"]


def test_every_field_is_counted_and_filtered_by_the_store(stored: tuple[Study, Store]) -> None:
    study, store = stored
    for field in schema.FIELDS:
        values = samples(field)
        assert sorted(store.facets(field.name)) == sorted((str(v), 1) for v in values)
        for value in values:
            assert store.search(where={field.name: str(value)}).total == 1, (field.name, value)
    pairs = set(store.pairs(list(schema.SET_FIELDS)))
    expected = {
        ("S01", name, str(value)) for name in schema.SET_FIELDS for value in study.annotations[name]
    }
    assert pairs == expected


def test_every_field_reaches_the_analysis_frames(stored: tuple[Study, Store]) -> None:
    study, store = stored
    loaded = list(store.studies())
    long = values_frame(loaded)
    got = {(r.field, r.value, r.span_text) for r in long.itertuples()}
    expected = {
        (field.name, str(value), str(value)) for field in schema.FIELDS for value in samples(field)
    }
    assert got == expected
    wide = studies_frame(loaded).iloc[0]
    for field in schema.FIELDS:
        assert wide[field.name] == "; ".join(sorted(str(v) for v in samples(field))), field.name
    pairs = pairs_frame(loaded, schema.ANNOTATION_FIELDS)
    assert set(pairs["field"]) == set(schema.ANNOTATION_FIELDS)
