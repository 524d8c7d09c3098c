"""What the pages and the API read and write: one store, plus derived views cached by the
store's generation.

The evidence map is an aggregate over every study, computed on first use and kept until
the store's generation (bumped by every write of studies, annotations or curations, from
this process or any other, e.g. the CLI) moves on: a cached view is never stale and never
expires by time. Search, facets, single studies and their
similar studies always read the store directly, through its indexes. The graph and the
scores are kept up to date study by study (`StudyAggregates`).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from exobone.errors import ExoboneError
from exobone.model import ANNOTATION_FIELDS, SET_FIELDS, Study
from exobone.store import Curation, Entry, Hit, IngestSummary, Store, StoreError
from exobone.store.related import Related
from exobone.web.aggregates import StudyAggregates

T = TypeVar("T")

# Fields offered first as facets on the search page (then every other field).
_FIRST_FACETS = (
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
FACET_FIELDS: tuple[str, ...] = (
    *_FIRST_FACETS,
    *(name for name in ANNOTATION_FIELDS if name not in _FIRST_FACETS),
)
# Fields too generic to make two studies similar.
_WEAK_FIELDS = frozenset({"settings", "species", "vesicle_types", "durations_days", "doses"})
# Derived views kept at once (each map's row and column fields make one).
CACHED_VIEWS = 32


@dataclass(slots=True)
class Results:
    total: int
    hits: list[Hit]
    facets: dict[str, list[tuple[str, int]]]


class Corpus:
    """The web app's handle on the store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.aggregates = StudyAggregates(store)
        self._views: OrderedDict[Hashable, tuple[int, Any]] = OrderedDict()
        self._locks: dict[Hashable, threading.Lock] = {}
        self._lock = threading.Lock()

    # -- reading -------------------------------------------------------------------------

    def cached(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`'s value for the store's current generation, computed once per
        generation even when several requests ask at the same time."""
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            now = self.store.generation()
            with self._lock:
                found = self._views.get(key)
            if found is not None and found[0] == now:
                return found[1]
            # Made from a generation at least `now`: a write during compute makes the next
            # request see a newer generation and compute again.
            value = compute()
            with self._lock:
                self._views[key] = (now, value)
                self._views.move_to_end(key)
                while len(self._views) > CACHED_VIEWS:
                    old, _ = self._views.popitem(last=False)
                    self._locks.pop(old, None)
            return value

    def prepare(self, say: Callable[[str], None] | None = None) -> None:
        """Build (or load) the search indexes and read the graph and scores, so that the
        first visitors wait for none of them (`exobone serve` does this before listening;
        at 100k studies the text index alone took 31 s on the first search)."""
        say = say or (lambda _text: None)
        say("preparing the facet and text indexes ...")
        report = self.store.prepare_indexes()
        text = "" if report.text_seconds is None else f", text index {report.text_seconds:.1f} s"
        say(f"indexes ready: facets {report.facet_seconds:.1f} s{text}")
        step = 0

        def progress(done: int, total: int) -> None:
            nonlocal step
            # About every tenth of the studies, and the end.
            if done * 10 // max(total, 1) > step or done == total:
                step = done * 10 // max(total, 1)
                say(f"graph and reporting scores: {done:,}/{total:,} studies read")

        self.aggregates.snapshot(progress)

    def titles(self, labels: Sequence[str]) -> list[dict[str, Any]]:
        """Study labels with their record ids and titles, for lists that link to study pages."""
        from exobone.store.store import label_number

        numbers = [label_number(label) for label in labels]
        titles = self.store.titles([n for n in numbers if n is not None])
        return [
            {"label": label, "record_id": number, "title": titles.get(number or -1, ("", ""))[1]}
            for label, number in zip(labels, numbers, strict=True)
        ]

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
        self,
        query: str,
        where: Sequence[tuple[str, str]],
        limit: int = 20,
        offset: int = 0,
        sort: str = "relevance",
    ) -> Results:
        """Full-text search with facets through `Store.search`.

        A field with a filter is counted without it (the other values it could be ORed
        with), every other field over the matches. A filter the store rejects (unknown
        field or label) raises ValueError.
        """
        try:
            found = self.store.search(
                query=query,
                where=list(where) or None,
                limit=limit,
                offset=offset,
                facet_fields=list(FACET_FIELDS),
                sort=sort,
            )
            facets = {k: [(str(v), int(n)) for v, n in vs] for k, vs in found.facets.items()}
            for name in {n for n, v in where if n in facets and not v.startswith("!")}:
                others = [p for p in where if p[0] != name or p[1].startswith("!")]
                alone = self.store.search(query, others or None, limit=0, facet_fields=[name])
                facets[name] = [(str(v), int(n)) for v, n in alone.facets[name]]
        except ExoboneError as error:  # an unknown field or label in a filter
            raise ValueError(str(error)) from None
        return Results(int(found.total), list(found.hits), facets)

    def history(self, record_id: int) -> list[Curation]:
        """The curators' decisions on a study, newest first."""
        return sorted(self.store.curation_history(record_id), key=lambda c: c.id, reverse=True)

    def similar(self, record_id: int, study: Study, limit: int = 6) -> list[Related]:
        """Studies sharing the most specific values with `study` (of record `record_id`),
        counted in the store's facet index: the page reads only the studies it shows."""
        return self.store.related(record_id, _pairs(study), limit)

    # -- writing (each bumps the store generation, so cached views are made again) -----

    def ingest(self, path: Path) -> IngestSummary:
        """Read, extract and store one uploaded file (in committed batches; see `ingest_file`)."""
        from exobone.api import ingest_file, load_extractor

        return ingest_file(self.store, path, extractor=load_extractor())

    def curate(self, record_id: int, name: str, value: str, by: str, remove: bool) -> None:
        self.store.curate(record_id, name, value, by=by, remove=remove)

    def undo(self, curation_id: int) -> None:
        undo = getattr(self.store, "undo", None)
        if undo is None:
            raise StoreError("this store cannot undo curations")
        undo(curation_id)


def _pairs(study: Study) -> set[tuple[str, str]]:
    return {
        (name, str(value))
        for name in SET_FIELDS
        if name not in _WEAK_FIELDS
        for value in study.annotations.get(name) or []
    }
