"""exobone: an evidence-linked knowledge base of extracellular-vesicle therapies for bone.

    import exobone
    db = exobone.open("sqlite:///kb.db")   # an exobone.api.Database: DataFrames out

`open` is imported on first use, so `import exobone` loads neither SQLAlchemy nor pandas.
"""

from typing import TYPE_CHECKING

from exobone.model import Record, Span, Study

if TYPE_CHECKING:
    from exobone.api import Database

__all__ = ["Record", "Span", "Study", "open"]
__version__ = "0.1.0"


def open(db_url: str | None = None, *, create: bool = False) -> "Database":  # noqa: A001
    """Open the store at `db_url` (default sqlite:///exobone.db; a plain path is an SQLite
    file) as an `exobone.api.Database`; a store that does not exist is an error unless
    `create`."""
    from exobone.api import open_database

    return open_database(db_url, create=create)
