"""The exobone lexicon: canonical labels with their synonyms, and a fast matcher over text."""

from exobone.lexicon.loader import CellLine, Entry, Lexicon, fold, load_lexicon, variants
from exobone.lexicon.matcher import Match, Matcher, default_matcher

__all__ = [
    "CellLine",
    "Entry",
    "Lexicon",
    "Match",
    "Matcher",
    "default_matcher",
    "fold",
    "load_lexicon",
    "variants",
]
