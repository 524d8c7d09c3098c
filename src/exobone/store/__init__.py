"""The exobone store: records, studies, annotations and evidence in SQLite or PostgreSQL."""

from exobone.errors import StoreError, UnknownFilterError
from exobone.store.search import Hit, SearchResult, Snippet
from exobone.store.store import DEFAULT_URL, Curation, Entry, IngestSummary, Store

__all__ = [
    "DEFAULT_URL",
    "Curation",
    "Entry",
    "Hit",
    "IngestSummary",
    "SearchResult",
    "Snippet",
    "Store",
    "StoreError",
    "UnknownFilterError",
]
