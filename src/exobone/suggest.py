"""The nearest valid names to a mistyped one, for error messages ("did you mean ...?")."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping


def nearest(
    word: str, valid: Iterable[str], aliases: Mapping[str, str] | None = None, limit: int = 3
) -> list[str]:
    """Up to `limit` valid names closest to `word`, best first. Case, `_`, `-` and spaces are
    ignored; `aliases` (other names -> valid name, e.g. lexicon synonyms) are matched too, and
    a name that contains the word (or is contained in it) counts as close."""
    names = {_fold(name): name for name in sorted(set(valid)) if name.strip()}
    for alias, name in (aliases or {}).items():
        names.setdefault(_fold(alias), name)
    key = _fold(word)
    found: list[str] = []
    close = difflib.get_close_matches(key, list(names), n=limit * 2, cutoff=0.6)
    contained = [fold for fold in names if len(key) >= 3 and (key in fold or fold in key)]
    for fold in [*close, *contained]:
        if names[fold] not in found:
            found.append(names[fold])
    return found[:limit]


def did_you_mean(word: str, valid: Iterable[str], aliases: Mapping[str, str] | None = None) -> str:
    """`"; did you mean 'a' or 'b'?"`, or `""` when nothing is close."""
    quoted = [repr(name) for name in nearest(word, valid, aliases)]
    if not quoted:
        return ""
    listed = quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
    return f"; did you mean {listed}?"


def _fold(name: str) -> str:
    return name.lower().replace("_", " ").replace("-", " ")
