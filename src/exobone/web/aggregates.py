"""The mechanism graph and the reporting scores, kept up to date on write.

Both need every study's annotations and evidence. Reading 100k studies takes minutes, so
the app reads them once (at `serve` start, or on first use), keeps each study's share (the
edges it adds, its score) and, when the store's generation moves, asks the store which
studies changed (`Store.study_states`: study and record checksums and the curators' rows)
and reads only those: their old shares are taken away and their new ones added. A curation
then costs the next /graph or /quality visitor one study's read and a sort of the merged
edges, not a pass over the corpus. Merged edges equal `build_graph`'s (tests compare them).
A study's score is kept as the criteria it meets (a bit mask); the evidence a page of scores
shows is read again from those few studies (`score_page`). For the review queue each study
keeps how many of its undecided values have each weakness (`span_weakness` of their stored
spans), so that the queue is ordered over the whole store (`ReviewIndex`).
"""

from __future__ import annotations

import bisect
import heapq
import math
import threading
from array import array
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import numpy as np

from exobone.analysis.graph import relation_sign, study_edges
from exobone.analysis.quality import CRITERIA, CRITERION_NAMES, ReportingScore, score_study
from exobone.model import SET_FIELDS, Span, Study
from exobone.store import Store
from exobone.store.writer import batched, study_label

EdgeKey = tuple[str, str, str]
T = TypeVar("T")
# Studies read at once while catching up.
READ_BATCH = 500


@dataclass(slots=True)
class MergedEdge:
    """One edge merged over its studies (record numbers, compact: at 100k studies there are
    millions of study-edge pairs), with their weights counted."""

    key: EdgeKey
    studies: array[int] = field(default_factory=lambda: array("q"))
    weights: Counter[float] = field(default_factory=Counter)
    evidence: dict[int, tuple[str, ...]] = field(default_factory=dict)
    n_evidence: int = 0
    belief: float = 0.0


@dataclass(frozen=True, slots=True)
class EdgeRow:
    """A merged edge as the pages list it (`edges_frame`'s columns but studies and evidence)."""

    u: str
    v: str
    source: str
    target: str
    source_kind: str
    target_kind: str
    relation: str
    sign: int
    inferred: bool
    belief: float
    n_studies: int


@dataclass(frozen=True, slots=True)
class _Share:
    """What one study added: its weight, edge numbers, node ids (the shared strings), and
    the criteria its score meets (bit i: `CRITERIA[i]`; -1: a review, not scored)."""

    weight: float
    edges: array[int]
    nodes: tuple[str, ...]
    has_source: bool
    met: int


@dataclass(frozen=True, slots=True)
class Scores:
    """The scored studies best first (criteria met, then study id): record numbers and the
    criteria each meets (bit masks)."""

    records: np.ndarray
    met: np.ndarray

    def __len__(self) -> int:
        return len(self.records)

    def n_met(self) -> np.ndarray:
        """Criteria met per study, in order."""
        bits = (self.met[:, None] >> np.arange(len(CRITERIA))) & 1
        return bits.sum(axis=1) if len(self.met) else np.zeros(0, dtype=np.int64)


@dataclass(frozen=True, slots=True)
class ReviewIndex:
    """The review queue's order over the store: groups of (weakness, record), weakest
    first then by record number, with how many undecided values each group holds and where
    each group ends in the queue (a running sum)."""

    weights: np.ndarray
    records: np.ndarray
    counts: np.ndarray

    @property
    def ends(self) -> np.ndarray:
        return np.cumsum(self.counts)

    def only(self, records: Sequence[int]) -> ReviewIndex:
        """The groups of these records."""
        keep = np.isin(self.records, np.asarray(records, dtype=np.int64))
        return ReviewIndex(self.weights[keep], self.records[keep], self.counts[keep])


@dataclass(frozen=True, slots=True)
class Snapshot:
    """The views of one store generation: edges strongest first, scores best first."""

    generation: int
    edges: list[EdgeRow]
    n_nodes: int
    known_labels: int
    skipped: int
    scores: Scores
    criteria: list[dict[str, Any]]
    review: ReviewIndex


class StudyAggregates:
    """Graph edges and reporting scores of every study, updated per changed study."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        # Per record, a hash of what its study is made from (`Store.study_states`).
        self._states: dict[int, int] = {}
        self._shares: dict[int, _Share] = {}
        self._edges: dict[EdgeKey, MergedEdge] = {}
        # Edge numbers, kept once given, so that shares hold small integers.
        self._edge_numbers: dict[EdgeKey, int] = {}
        self._edge_of: dict[int, MergedEdge] = {}
        self._nodes: Counter[str] = Counter()
        self._node_attrs: dict[str, dict[str, Any]] = {}
        # One string per node id, shared by every study's share.
        self._node_names: dict[str, str] = {}
        self._met: Counter[str] = Counter()
        # Per record: (weakness, number of undecided values of that weakness).
        self._review: dict[int, tuple[tuple[int, int], ...]] = {}
        self._skipped = 0
        self._snapshot: Snapshot | None = None
        # The sorted views, patched for what changed since the last snapshot.
        self._rows: list[EdgeRow] = []
        self._row_of: dict[EdgeKey, EdgeRow] = {}
        self._dirty: set[EdgeKey] = set()

    def snapshot(self, progress: Callable[[int, int], None] | None = None) -> Snapshot:
        """The views of the store's current generation, catching up on what changed."""
        with self._lock:
            generation = self.store.generation()
            if self._snapshot is not None and self._snapshot.generation == generation:
                return self._snapshot
            # Read after the generation: a write in between is seen again next time.
            raw = self.store.study_states()
            states = {rid: hash(state) for rid, state in raw.items()}
            changed = [rid for rid, state in states.items() if self._states.get(rid) != state]
            for rid in [rid for rid in self._states if rid not in states] + changed:
                self._drop(rid)
            done = 0
            for batch in batched(changed, READ_BATCH):
                for entry in self.store.entries(batch):
                    if entry.study is not None:
                        self._add(entry.id, entry.study, decided(raw[entry.id]))
                done += len(batch)
                if progress is not None:
                    progress(done, len(changed))
            self._states = states
            self._snapshot = self._make_snapshot(generation)
            return self._snapshot

    def details(self, row: EdgeRow, shown: int) -> tuple[list[str], list[tuple[str, str]], int]:
        """An edge's first `shown` study ids (lowest numbers), first `shown` evidence
        sentences (study order) and its number of sentences."""
        with self._lock:
            merged = self._edges.get((row.u, row.v, row.relation))
            if merged is None:
                return [], [], 0
            studies = [study_label(int(rid)) for rid in _smallest(merged.studies, shown)]
            evidence: list[tuple[str, str]] = []
            for rid in heapq.nsmallest(shown, merged.evidence):
                evidence += [(study_label(rid), text) for text in merged.evidence[rid]]
            return studies, evidence[:shown], merged.n_evidence

    def share_a_study(self, first: EdgeRow, second: EdgeRow) -> bool:
        """Whether one study reported both edges."""
        with self._lock:
            a = self._edges.get((first.u, first.v, first.relation))
            b = self._edges.get((second.u, second.v, second.relation))
            if a is None or b is None:
                return False
            common = np.intersect1d(
                np.frombuffer(a.studies, np.int64), np.frombuffer(b.studies, np.int64)
            )
            return bool(common.size)

    def score_page(self, snapshot: Snapshot, offset: int, limit: int) -> list[ReportingScore]:
        """The scores of `snapshot`'s studies `offset` to `offset + limit`, with their
        evidence: those studies are read and scored again (a study gone since is left out)."""
        records = [int(r) for r in snapshot.scores.records[offset : offset + limit]]
        studies = {e.id: e.study for e in self.store.entries(records) if e.study is not None}
        return [score_study(studies[r]) for r in records if r in studies]

    # -- shares ---------------------------------------------------------------------------

    def _add(self, rid: int, study: Study, decided: set[tuple[str, str]]) -> None:
        weak = Counter(w for w, _, _, _ in undecided_values(study, decided))
        if weak:
            self._review[rid] = tuple(sorted(weak.items()))
        share = study_edges(study)
        sentences: dict[EdgeKey, dict[str, None]] = {}
        for u, v, relation, texts in share.edges:
            sentences.setdefault((u, v, relation), {}).update(dict.fromkeys(texts))
        numbers = array("q")
        for key, unique in sentences.items():
            merged = self._edges.get(key)
            if merged is None:
                merged = self._edges[key] = MergedEdge(key)
                number = self._edge_numbers.setdefault(key, len(self._edge_numbers))
                self._edge_of[number] = merged
            numbers.append(self._edge_numbers[key])
            self._dirty.add(key)
            merged.studies.append(rid)
            merged.weights[share.weight] += 1
            if unique:
                merged.evidence[rid] = tuple(unique)
                merged.n_evidence += len(unique)
            merged.belief = _belief(merged.weights)
        nodes = []
        for node, attrs in share.nodes.items():
            node = self._node_names.setdefault(node, node)
            self._nodes[node] += 1
            self._node_attrs.setdefault(node, attrs)
            nodes.append(node)
        score = score_study(study)
        met = -1
        if score.study_type != "review":
            met = sum(1 << i for i, name in enumerate(CRITERION_NAMES) if score.met[name])
            self._met.update(name for name, met in score.met.items() if met)
        self._skipped += not share.has_source
        self._shares[rid] = _Share(share.weight, numbers, tuple(nodes), share.has_source, met)

    def _drop(self, rid: int) -> None:
        self._review.pop(rid, None)
        share = self._shares.pop(rid, None)
        if share is None:
            return
        self._skipped -= not share.has_source
        for number in share.edges:
            merged = self._edge_of[number]
            self._dirty.add(merged.key)
            merged.studies.remove(rid)
            merged.weights[share.weight] -= 1
            merged.n_evidence -= len(merged.evidence.pop(rid, ()))
            if not merged.studies:
                del self._edges[merged.key], self._edge_of[number]
            else:
                merged.weights = +merged.weights
                merged.belief = _belief(merged.weights)
        for node in share.nodes:
            self._nodes[node] -= 1
            if self._nodes[node] <= 0:
                del self._nodes[node], self._node_attrs[node], self._node_names[node]
        if share.met >= 0:
            self._met.subtract(n for i, n in enumerate(CRITERION_NAMES) if share.met >> i & 1)

    def _make_snapshot(self, generation: int) -> Snapshot:
        self._sort_edges()
        scores = self._sorted_scores()
        n = len(scores)
        criteria = [
            {
                "criterion": c.name,
                "question": c.question,
                "studies_met": self._met[c.name],
                "share": round(self._met[c.name] / n, 4) if n else 0.0,
            }
            for c in CRITERIA
        ]
        return Snapshot(
            generation=generation,
            edges=list(self._rows),
            n_nodes=len(self._nodes),
            known_labels=len({a["label"] for a in self._node_attrs.values()}),
            skipped=self._skipped,
            scores=scores,
            criteria=criteria,
            review=self._review_index(),
        )

    def _review_index(self) -> ReviewIndex:
        groups = [(w, rid, n) for rid, pairs in self._review.items() for w, n in pairs]
        weights = np.fromiter((g[0] for g in groups), np.int64, len(groups))
        records = np.fromiter((g[1] for g in groups), np.int64, len(groups))
        counts = np.fromiter((g[2] for g in groups), np.int64, len(groups))
        order = np.lexsort((records, -weights))
        return ReviewIndex(weights[order], records[order], counts[order])

    def _sort_edges(self) -> None:
        """The edges strongest first: sorted again after many changes, else only the
        changed edges taken out and put back (a curation changes a few of 70k)."""
        dirty, self._dirty = self._dirty, set()
        if len(dirty) > len(self._rows) // 4:
            self._row_of = {key: self._row(key, merged) for key, merged in self._edges.items()}
            self._rows = sorted(self._row_of.values(), key=_edge_order)
            return
        for key in dirty:
            old = self._row_of.pop(key, None)
            if old is not None:
                _remove(self._rows, old, _edge_order)
            merged = self._edges.get(key)
            if merged is not None:
                row = self._row_of[key] = self._row(key, merged)
                bisect.insort(self._rows, row, key=_edge_order)

    def _sorted_scores(self) -> Scores:
        """The scored studies best first: most criteria met, then study id (as text)."""
        scored = [(rid, share.met) for rid, share in self._shares.items() if share.met >= 0]
        records = np.fromiter((rid for rid, _ in scored), np.int64, len(scored))
        met = np.fromiter((m for _, m in scored), np.int64, len(scored))
        labels = np.array([study_label(rid) for rid, _ in scored], dtype=str)
        n_met = Scores(records, met).n_met()
        order = np.lexsort((labels, -n_met))
        return Scores(records[order], met[order])

    def _row(self, key: EdgeKey, merged: MergedEdge) -> EdgeRow:
        u, v, relation = key
        attrs = self._node_attrs
        return EdgeRow(
            u,
            v,
            attrs[u]["label"],
            attrs[v]["label"],
            attrs[u]["kind"],
            attrs[v]["kind"],
            relation,
            relation_sign(relation),
            relation.startswith("associated"),
            merged.belief,
            len(merged.studies),
        )


def _edge_order(row: EdgeRow) -> tuple[float, int, str, str, str]:
    return (-row.belief, -row.n_studies, row.source, row.target, row.relation)


def _remove(items: list[T], item: T, order: Callable[[T], Any]) -> None:
    """Take `item` (the object itself) out of `items`, sorted by `order`."""
    at = bisect.bisect_left(items, order(item), key=order)
    while items[at] is not item:
        at += 1
    del items[at]


def _smallest(numbers: array[int], count: int) -> np.ndarray:
    """The `count` smallest of `numbers`, in order (a partition: edges hold 100k studies)."""
    values = np.frombuffer(numbers, dtype=np.int64)
    if len(values) > count:
        values = np.partition(values, count)[:count]
    return np.sort(values)


def _belief(weights: Counter[float]) -> float:
    """`graph.belief` over the studies, from how many studies have each weight."""
    return round(1.0 - math.prod((1.0 - p) ** n for p, n in weights.items() if n > 0), 6)


def decided(state: tuple[Any, ...]) -> set[tuple[str, str]]:
    """The (field, value) pairs a curator decided on, from a `Store.study_states` state."""
    return {(name, value) for name, value, _ in state[3:]}


def span_weakness(spans: Sequence[Span]) -> tuple[int, list[str]]:
    """How weak a value's stored evidence is (0: strong) and why: no span or only inferred
    ones weigh 3, a single span 1."""
    if not spans:
        return 3, ["no evidence span"]
    found = []
    if all(span.inferred for span in spans):
        found.append((3, "inferred, not stated in the words"))
    if len(spans) == 1:
        found.append((1, "one evidence span only"))
    return max((w for w, _ in found), default=0), [why for _, why in found]


def undecided_values(
    study: Study, decided: set[tuple[str, str]]
) -> Iterator[tuple[int, str, str, list[str]]]:
    """(weakness, field, value, why) of the study's values no curator decided on, in field
    order then value order."""
    for name in SET_FIELDS:
        evidence = {str(k): spans for k, spans in study.evidence.get(name, {}).items()}
        for value in sorted({str(v) for v in study.annotations.get(name) or []}):
            if (name, value) not in decided:
                weight, why = span_weakness(evidence.get(value, []))
                yield weight, name, value, why
