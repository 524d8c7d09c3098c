"""Find the same paper read twice (from two exports, or twice in one) and keep one copy.

Identity, strongest first: DOI, PMID, then normalised title plus year. Two records that both
carry a DOI (or both a PMID) and disagree on it are never merged by a weaker key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from exobone.model import Record
from exobone.text.fold import normalise_title

__all__ = ["Merge", "deduplicate", "identity_key", "normalise_title", "record_key"]

_FILLABLE = ("authors", "year", "journal", "volume", "issue", "pages", "doi", "pmid",
             "abstract", "abstract_raw", "keywords", "title_raw")


@dataclass
class Merge:
    """`dropped` is the same paper as `kept`; `reason` is "doi", "pmid" or "title+year"."""

    kept: Record
    dropped: Record
    reason: str


def _doi(record: Record) -> str | None:
    return record.doi.strip().lower() if record.doi and record.doi.strip() else None


def _pmid(record: Record) -> str | None:
    return record.pmid.strip().lstrip("0") or None if record.pmid else None


def record_key(record: Record) -> str:
    """Stable identity of a record: "doi:<doi>", else "pmid:<n>", else "title:<title>|<year>"."""
    return identity_key(record.doi, record.pmid, record.title, record.abstract, record.year)


def identity_key(
    doi: str | None, pmid: str | None, title: str, abstract: str, year: int | None
) -> str:
    """`record_key` of a record with these fields (the store makes keys without a Record)."""
    if doi and doi.strip():
        return f"doi:{doi.strip().lower()}"
    pmid = pmid.strip().lstrip("0") if pmid else None
    if pmid:
        return f"pmid:{pmid}"
    if not title and abstract:  # kept for its abstract: that is its identity
        return f"abstract:{normalise_title(abstract)[:300]}|{year or ''}"
    return f"title:{normalise_title(title)}|{year if year else ''}"


def _conflict(a: Record, b: Record, reason: str) -> bool:
    """Whether a stronger identifier proves two records different papers."""
    doi_a, doi_b = _doi(a), _doi(b)
    if doi_a and doi_b and doi_a != doi_b:
        return True
    if reason == "title+year":
        pmid_a, pmid_b = _pmid(a), _pmid(b)
        if pmid_a and pmid_b and pmid_a != pmid_b:
            return True
    return False


def _fill(kept: Record, dropped: Record) -> None:
    for name in _FILLABLE:
        if not getattr(kept, name) and getattr(dropped, name):
            setattr(kept, name, getattr(dropped, name))


def deduplicate(records: Iterable[Record]) -> tuple[list[Record], list[Merge]]:
    """The first copy of each paper (its empty fields filled from later copies), and the merges."""
    kept: list[Record] = []
    merges: list[Merge] = []
    by_doi: dict[str, Record] = {}
    by_pmid: dict[str, Record] = {}
    by_title: dict[tuple[str, int | None], Record] = {}

    def index(record: Record) -> None:
        doi, pmid = _doi(record), _pmid(record)
        if doi:
            by_doi.setdefault(doi, record)
        if pmid:
            by_pmid.setdefault(pmid, record)
        title = normalise_title(record.title)
        if title:
            by_title.setdefault((title, record.year), record)

    for record in records:
        match: Record | None = None
        reason = ""
        doi, pmid, title = _doi(record), _pmid(record), normalise_title(record.title)
        candidates = (
            ("doi", by_doi.get(doi) if doi else None),
            ("pmid", by_pmid.get(pmid) if pmid else None),
            ("title+year", by_title.get((title, record.year)) if title and record.year else None),
        )
        for name, candidate in candidates:
            if candidate is not None and not _conflict(candidate, record, name):
                match, reason = candidate, name
                break
        if match is None:
            kept.append(record)
            index(record)
            continue
        _fill(match, record)
        index(match)
        merges.append(Merge(kept=match, dropped=record, reason=reason))
    return kept, merges
