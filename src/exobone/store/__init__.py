"""The exobone store: records, studies, annotations and evidence in SQLite or PostgreSQL."""

from exobone.store.store import DEFAULT_URL, Entry, IngestSummary, Store, StoreError

__all__ = ["DEFAULT_URL", "Entry", "IngestSummary", "Store", "StoreError"]
