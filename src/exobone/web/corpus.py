"""What the pages and the API read and write: one store, plus cached whole-corpus analyses.

The evidence map, the graph, the scores and "similar studies" need every study; they are
computed once from `Store.studies()` and kept until this process writes (upload, curation,
undo) or `max_age` seconds pass, so a write made elsewhere (the CLI) shows up soon too.
Search, facets and single studies always read the store directly.
"""

from __future__ import annotations

import threading
import time
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exobone.errors import ExoboneError, UnknownFieldError
from exobone.model import SET_FIELDS, Study
from exobone.schema import check_field
from exobone.store import Curation, Entry, Hit, IngestSummary, Store, StoreError

# Fields offered as facets on the search page, most useful first.
FACET_FIELDS: tuple[str, ...] = (
    "study_type",
    "settings",
    "vesicle_types",
    "ev_sources",
    "conditions",
    "species",
    "animal_models",
    "delivery_routes",
    "biomaterials",
    "isolation_methods",
    "outcomes",
)
# Fields too generic to make two studies similar.
_WEAK_FIELDS = frozenset({"settings", "species", "vesicle_types", "durations_days", "doses"})


@dataclass(slots=True)
class Results:
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]


@dataclass(slots=True)
class Snapshot:
    """Every study, with the record id each label belongs to."""

    studies: list[Study]
    record_ids: dict[str, list[int]]
    made: float = field(default_factory=time.monotonic)

    def record_id(self, label: str) -> int | None:
        ids = self.record_ids.get(label)
        return ids[0] if ids else None


class Corpus:
    """The web app's handle on the store."""

    def __init__(self, store: Store, max_age: float = 30.0) -> None:
        self.store = store
        self.max_age = max_age
        self._snapshot: Snapshot | None = None
        self._lock = threading.Lock()

    # -- reading -------------------------------------------------------------------------

    def snapshot(self) -> Snapshot:
        with self._lock:
            snap = self._snapshot
            if snap is None or time.monotonic() - snap.made > self.max_age:
                snap = self._snapshot = self._load()
            return snap

    def _load(self) -> Snapshot:
        studies: list[Study] = []
        record_ids: dict[str, list[int]] = defaultdict(list)
        offset = 0
        # Entries carry the record id that `studies()` does not; a page at a time.
        while True:
            page = self.store.records(limit=500, offset=offset)
            if not page:
                break
            offset += len(page)
            for entry in page:
                if entry.study is not None:
                    studies.append(entry.study)
                    record_ids[entry.study.id].append(entry.id)
        return Snapshot(studies, dict(record_ids))

    def invalidate(self) -> None:
        with self._lock:
            self._snapshot = None

    def summary(self) -> dict[str, Any]:
        return {
            "records": self.store.count(),
            "studies": sum(n for _, n in self.store.facets("study_type")),
            "study_types": dict(self.store.facets("study_type")),
            "top": {name: self.store.facets(name)[:8] for name in ("ev_sources", "conditions")},
        }

    def get(self, record_id: int) -> Entry | None:
        return self.store.get(record_id)

    def search(
        self, query: str, where: Mapping[str, str], limit: int = 20, offset: int = 0
    ) -> Results:
        """Full-text search with facets through `Store.search`.

        A filter the store rejects (unknown field or label) raises ValueError.
        """
        try:
            found = self.store.search(
                query=query,
                where=dict(where) or None,
                limit=limit,
                offset=offset,
                facet_fields=list(FACET_FIELDS),
            )
        except ExoboneError as error:  # an unknown field or label in a filter
            raise ValueError(str(error)) from None
        facets = {k: [(str(v), int(n)) for v, n in vs] for k, vs in found.facets.items()}
        return Results(int(found.total), list(found.hits), facets)

    def history(self, record_id: int) -> list[Curation]:
        """The curators' decisions on a study, newest first."""
        return sorted(self.store.curation_history(record_id), key=lambda c: c.id, reverse=True)

    def similar(self, study: Study, limit: int = 6) -> list[tuple[Study, int, list[str]]]:
        """Studies sharing the most specific values with `study`: (study, shared, examples)."""
        mine = _pairs(study)
        if not mine:
            return []
        scored = []
        for other in self.snapshot().studies:
            if other.id == study.id and other.record.title == study.record.title:
                continue
            shared = mine & _pairs(other)
            if shared:
                scored.append((other, len(shared), sorted(f"{f}: {v}" for f, v in shared)))
        scored.sort(key=lambda item: (-item[1], item[0].id))
        return scored[:limit]

    # -- writing -------------------------------------------------------------------------

    def ingest(self, path: Path) -> IngestSummary:
        """Read, extract and store one uploaded file (in committed batches; see `ingest_file`)."""
        from exobone.api import ingest_file, load_extractor

        try:
            return ingest_file(self.store, path, extractor=load_extractor())
        finally:
            self.invalidate()

    def curate(self, record_id: int, name: str, value: str, by: str, remove: bool) -> None:
        try:
            self.store.curate(record_id, name, value, by=by, remove=remove)
        finally:
            self.invalidate()

    def undo(self, curation_id: int) -> None:
        undo = getattr(self.store, "undo", None)
        if undo is None:
            raise StoreError("this store cannot undo curations")
        try:
            undo(curation_id)
        finally:
            self.invalidate()


def _pairs(study: Study) -> set[tuple[str, str]]:
    return {
        (name, str(value))
        for name in SET_FIELDS
        if name not in _WEAK_FIELDS
        for value in study.annotations.get(name) or []
    }


def parse_filters(items: Sequence[str]) -> dict[str, str]:
    """`field=value` strings (repeated query parameters) as a dict; bad ones raise ValueError."""
    where: dict[str, str] = {}
    for item in items:
        name, sep, value = item.partition("=")
        name, value = name.strip(), value.strip()
        if not sep or not value:
            raise ValueError(f"filter {item!r} is not field=value")
        try:
            check_field(name)
        except UnknownFieldError as error:
            raise ValueError(f"{error} in filter {item!r}") from None
        where[name] = value
    return where
