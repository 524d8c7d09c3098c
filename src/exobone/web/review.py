"""The review queue: the extractor's values that no curator has decided on yet, weakest
first over the whole store, each with its evidence words and the reasons `exobone explain`
gives.

The order is (weakness, record number, field, value). The weakness comes from the stored
evidence spans (`aggregates.span_weakness`: none or only inferred ones, a single one), so
the store's aggregates keep, per study, how many undecided values have each weakness
(`ReviewIndex`, per store generation): a page of the queue reads only the few studies it
shows. Reasons come from `Extractor.explain` run again on those records (tens of
milliseconds a record); `WEAK_REASONS` picks out the ones a reviewer is told about.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from exobone.errors import ExoboneError, load_module
from exobone.model import Record
from exobone.store import Entry
from exobone.web.aggregates import undecided_values
from exobone.web.corpus import Corpus
from exobone.web.views import current_decisions

# (words in a reason, weight, what the reviewer is told): the heaviest match counts.
WEAK_REASONS: tuple[tuple[str, int, str], ...] = (
    ("inferred from", 3, "inferred, not stated in the words"),
    ("by default", 3, "a default: no cue in the text"),
    ("species of the animal model", 2, "read off the animal model"),
    ("(pass reversals_undo)", 2, "direction after a reversal"),
    ("(pass predicates_after_targets)", 1, "direction cue after its target"),
)
NO_SPAN = (3, "no evidence span")
ONE_SPAN = (1, "one evidence span only")
PAGE = 25
# Explanations kept per process (a record's text decides them, not curation).
EXPLAINED = 2000


@dataclass(slots=True)
class Item:
    """One value to review."""

    record_id: int
    label: str
    title: str
    field: str
    value: str
    weight: int
    why: list[str]
    evidence: list[tuple[str, str]]  # words, reasons


@dataclass(slots=True)
class Queue:
    items: list[Item]
    start: int
    window: int
    total: int


class Reviewer:
    """Builds review queues; keeps the records' explanations (they change only with the
    record's text or the extractor)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self._explained: OrderedDict[tuple[int, int], list[Any]] = OrderedDict()
        self._lock = threading.Lock()
        self._extractor: Any = None

    def queue(self, where: Sequence[tuple[str, str]], start: int = 0) -> Queue:
        """`PAGE` undecided values from the `start`th, weakest first over the studies that
        meet `where`; ValueError for a filter the store refuses."""
        index = self.corpus.aggregates.snapshot().review
        if where:
            try:
                index = index.only(self.corpus.store.matching_records(list(where)))
            except ExoboneError as error:
                raise ValueError(str(error)) from None
        ends = index.ends
        total = int(ends[-1]) if len(ends) else 0
        first = int(np.searchsorted(ends, start, side="right"))
        last = int(np.searchsorted(ends, start + PAGE, side="left")) + 1
        groups = list(zip(index.weights[first:last], index.records[first:last], strict=True))
        entries = {e.id: e for e in self.corpus.store.entries(sorted({int(r) for _, r in groups}))}
        items: list[Item] = []
        for weight, rid in groups:
            entry = entries.get(int(rid))
            if entry is not None and entry.study is not None:
                items += self._items(entry, int(weight))
        skip = start - (int(ends[first - 1]) if first else 0)
        return Queue(items[skip : skip + PAGE], start, PAGE, total)

    def _items(self, entry: Entry, weight: int) -> list[Item]:
        """The entry's undecided values of this weakness, in field then value order."""
        assert entry.study is not None
        decided = set(current_decisions(self.corpus.history(entry.id)))
        explained = {(f.field, str(f.value)): f for f in self._explain(entry.id, entry.record)}
        items = []
        for found, name, value, why in undecided_values(entry.study, decided):
            if found != weight:
                continue
            spans = explained.get((name, value))
            evidence = [(b.words, " / ".join(b.reasons)) for b in spans.evidence] if spans else []
            told = [w for w in weakness([r for _, r in evidence])[1] if w not in why]
            items.append(
                Item(
                    entry.id,
                    entry.label,
                    entry.record.title,
                    name,
                    value,
                    weight,
                    why + told,
                    evidence,
                )
            )
        return items

    def _explain(self, record_id: int, record: Record) -> list[Any]:
        key = (record_id, hash((record.title, record.abstract)))
        with self._lock:
            found = self._explained.get(key)
            if found is not None:
                return found
            if self._extractor is None:
                self._extractor = load_module("exobone.extract").Extractor()
            extractor = self._extractor
        found = extractor.explain(record)
        with self._lock:
            self._explained[key] = found
            while len(self._explained) > EXPLAINED:
                self._explained.popitem(last=False)
        return found


def weakness(reasons: Sequence[str]) -> tuple[int, list[str]]:
    """The weight of a value's evidence (0: strong) and what makes it weak."""
    found = [(w, why) for words, w, why in WEAK_REASONS if any(words in r for r in reasons)]
    if not reasons:
        found.append(NO_SPAN)
    elif len(reasons) == 1:
        found.append(ONE_SPAN)
    if not found:
        return 0, []
    return max(w for w, _ in found), [why for _, why in sorted(found, reverse=True)]
