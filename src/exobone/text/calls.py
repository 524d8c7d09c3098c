"""Builtin methods held as module constants, for the compiled build's hot paths.

Compiled with mypyc, a call such as `text.isascii()`, `pattern.match(text)` or `m.start()`
looks its method up by name each time (`PyObject_VectorcallMethod`: about 200 instructions,
as much as a short regex match), while a method held as a constant, `is_ascii(text)`, is
called at once. The pure-Python build runs both alike. They are used where they run hundreds
of times per abstract: the rule engine, the cues and the lexicon's passes.
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["is_ascii", "match_end", "match_start", "pattern_match", "pattern_search"]

is_ascii: Final = str.isascii
pattern_search: Final = re.Pattern.search
pattern_match: Final = re.Pattern.match
match_start: Final = re.Match.start
match_end: Final = re.Match.end
