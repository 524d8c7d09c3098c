"""The words a search term also stands for: its derived forms and its lexicon synonyms.

Both databases stem (FTS5's porter tokenizer, PostgreSQL's english configuration), but a
stemmer keeps the noun and the adjective of a process apart: "osteogenesis" and "osteogenic"
stem to `osteogenesi` and `osteogen`. So a term is expanded before it reaches the database:

- `DERIVED_SUFFIXES`: each row is a noun ending and its adjective ending; a term with either
  ending also matches the other (osteogenesis/osteogenic, apoptosis/apoptotic);
- a term (or a derived form) that the lexicon knows as a name of a label (`exobone.lexicon`,
  the extractor's own vocabulary) also matches the label's other names: "osteogenesis" finds
  "osteogenic differentiation" and "osteoblast differentiation".

Each term becomes a group of alternatives, the term first; a record must match one
alternative of every group. Alternatives are plain text, quoted or bound by the caller.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any

# (noun ending, adjective ending): one row per derivation the stemmers leave apart.
DERIVED_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("genesis", "genic"),  # osteogenesis, chondrogenesis, angiogenesis
    ("osis", "otic"),  # apoptosis, osteoporosis, necrosis, fibrosis
    ("itis", "itic"),  # arthritis, osteoarthritis
    ("ysis", "ytic"),  # osteolysis
)
# The shortest stem a derived form keeps ("otic" alone is no word's adjective).
MIN_STEM = 3
# Alternatives per term at most: the term, its derived forms, then synonyms.
MAX_ALTERNATIVES = 24
# Lexicon kinds that are labels with names; genes, cell lines and RNAs are left as typed.
_SKIPPED_KINDS = frozenset({"genes", "cell_lines", "lncrna"})


def derived_forms(term: str) -> list[str]:
    """The other member of each `DERIVED_SUFFIXES` row that `term` ends in."""
    lowered = term.lower()
    found = []
    for noun, adjective in DERIVED_SUFFIXES:
        for mine, other in ((noun, adjective), (adjective, noun)):
            stem = lowered[: -len(mine)]
            if lowered.endswith(mine) and len(stem) >= MIN_STEM and stem.isalpha():
                found.append(stem + other)
    return found


def expand(term: str) -> tuple[str, ...]:
    """`term` and what it also stands for, the term first, without repeats (case-folded)."""
    alternatives = [term, *derived_forms(term)]
    for word in list(alternatives):
        alternatives.extend(synonyms(word))
    seen: set[str] = set()
    kept = []
    for alternative in alternatives:
        key = alternative.casefold()
        if key not in seen:
            seen.add(key)
            kept.append(alternative)
    return tuple(kept[:MAX_ALTERNATIVES])


def synonyms(word: str) -> list[str]:
    """The other names of every label whose name `word` is, as the lexicon files write them.

    A short lower-case word is also looked up in capitals: a query's "msc" or "oa" means
    the acronym the lexicon matches only as written in a text.
    """
    from exobone.lexicon.loader import load_lexicon

    lexicon = load_lexicon()
    entries = lexicon.lookup(word)
    if not entries and word.isalpha() and word.islower() and len(word) <= 5:
        entries = lexicon.lookup(word.upper())
    names = _names_by_label()
    found: list[str] = []
    for entry in sorted(entries):
        found.extend(names.get(entry, ()))
    return found


@lru_cache(maxsize=1)
def _names_by_label() -> dict[tuple[str, str], tuple[str, ...]]:
    """Every name the lexicon files give each label, in their order: the vocabulary's
    synonyms, the extension's, then compound terms ("BMSC" names MSC and bone marrow).

    Names that are another name plus "s" are left out: the stemmers match plurals anyway.
    """
    from exobone.lexicon.loader import load_lexicon
    from exobone.schema import read_data, vocabulary

    vocab, extra = vocabulary(), read_data("lexicon.yaml")
    names: dict[tuple[str, str], list[str]] = defaultdict(list)
    kinds = [kind for kind in load_lexicon().labels if kind not in _SKIPPED_KINDS]
    for kind in kinds:
        added = (extra.get("synonyms") or {}).get(kind) or {}
        for label, value in (vocab.get(kind) or {}).items():
            for source in (value, added.get(label)):
                names[(kind, label)].extend(_listed(source))
    for term, items in (extra.get("compound_terms") or {}).items():
        for item in items or []:
            kind, _, label = str(item).partition(":")
            if kind.strip() in kinds:
                names[(kind.strip(), label.strip())].append(str(term))
    return {entry: _without_plurals(found) for entry, found in names.items()}


def _listed(value: Any) -> list[str]:
    """The names of a vocabulary entry: a list, or a mapping with `synonyms` (notes such as
    "h-prefix as in hBMSC" are not names)."""
    if isinstance(value, dict):
        value = value.get("synonyms")
    return [str(name) for name in value or [] if "prefix" not in str(name)]


def _without_plurals(names: list[str]) -> tuple[str, ...]:
    """`names` in order, without repeats or a name that is another one plus "s"."""
    lowered = {name.casefold() for name in names}
    kept = [n for n in names if not (n.endswith(("s", "S")) and n[:-1].casefold() in lowered)]
    return tuple(dict.fromkeys(kept))
