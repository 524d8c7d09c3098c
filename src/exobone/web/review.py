"""The review queue: the extractor's values that no curator has decided on yet, weakest
first, each with its evidence words and the reasons `exobone explain` gives.

A value is weak when its reasons match a row of `WEAK_REASONS` (inferred rather than
stated, a default, a direction read after its target), or when it rests on one span or
none. Reasons come from `Extractor.explain` run again on each record, which costs tens of
milliseconds a record: the queue is ordered within a window of studies (the search's
order, `WINDOW` at a time), never over the whole store at once.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from exobone.errors import load_module
from exobone.model import SET_FIELDS, Record
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
WINDOW = 25
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
        """The undecided values of `WINDOW` studies of a search (from `start`), weakest
        first; ValueError for a filter the store refuses."""
        found = self.corpus.search("", where, WINDOW, start)
        items: list[Item] = []
        for hit in found.hits:
            entry = self.corpus.get(hit.record_id)
            if entry is None or entry.study is None:
                continue
            decided = current_decisions(self.corpus.history(entry.id))
            current = {
                name: {str(v) for v in entry.study.annotations.get(name) or []}
                for name in SET_FIELDS
            }
            for found_value in self._explain(entry.id, entry.record):
                name, value = found_value.field, str(found_value.value)
                if value not in current.get(name, ()) or (name, value) in decided:
                    continue
                evidence = [(b.words, " / ".join(b.reasons)) for b in found_value.evidence]
                weight, why = weakness([reasons for _, reasons in evidence])
                items.append(
                    Item(
                        entry.id,
                        entry.label,
                        entry.record.title,
                        name,
                        value,
                        weight,
                        why,
                        evidence,
                    )
                )
        order = {name: i for i, name in enumerate(SET_FIELDS)}
        items.sort(key=lambda i: (-i.weight, -len(i.why), i.record_id, order[i.field], i.value))
        return Queue(items, start, WINDOW, found.total)

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
