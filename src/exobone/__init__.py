"""exobone: an evidence-linked knowledge base of extracellular-vesicle therapies for bone."""

from exobone.model import Record, Span, Study

__all__ = ["Record", "Span", "Study"]
__version__ = "0.1.0"
