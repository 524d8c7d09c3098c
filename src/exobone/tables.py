"""Terminal tables that fit the window without cutting labels mid-word.

Rich wraps cells at spaces only, so a label such as `MSC|synovial_membrane` or a file name in a
narrow column is cut with an ellipsis or split at any letter. Here the columns that may wrap
share the width left by the others, and their texts are broken after the separators labels
are made of (`|`, `_`, `-`, `/`, `,`, space); a run without one is cut only when it alone is
wider than its column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rich.text import Text

BREAK_AFTER = "|_-/, "
GAP = "   "
_JUSTIFY = {"left": str.ljust, "right": str.rjust, "center": str.center}
_SEGMENT = re.compile(r"[^|_\-/, \n]*[|_\-/, ]?")


@dataclass(frozen=True, slots=True)
class Col:
    """A column: its header, whether it may wrap (labels, ids) and its alignment."""

    header: str
    wrap: bool = False
    justify: str = "left"


def wrap_label(text: str, width: int) -> str:
    """`text` in lines of at most `width` characters, broken after a separator (a space
    first)."""
    lines = []
    for paragraph in text.split("\n"):
        while len(paragraph) > width:
            # a space is the better break, unless it leaves the line less than a third full
            cut = paragraph.rfind(" ", 0, width + 1) + 1
            if cut <= width // 3:
                cut = max(paragraph.rfind(sep, 0, width) for sep in BREAK_AFTER) + 1
            if cut <= 0:
                cut = width
            lines.append(paragraph[:cut].rstrip())
            paragraph = paragraph[cut:].lstrip()
        lines.append(paragraph)
    return "\n".join(lines)


def fitted_table(
    columns: Sequence[Col], rows: Sequence[Sequence[str]], width: int, title: str | None = None
) -> Text:
    """A table of plain-text `rows` (no markup is read) at most `width` characters wide: a
    title line, the headers, a rule, the rows; columns set apart by three spaces.

    Laid out here rather than by rich's Table, which took 13 of the 20 s of `exobone map` on a
    map of 1,500 studies; the result is the same text.
    """
    natural = [
        max([len(col.header), *(_longest(row[i].split("\n")) for row in rows)])
        for i, col in enumerate(columns)
    ]
    least = [
        max(_longest(_SEGMENT.findall(text)) for text in (col.header, *(row[i] for row in rows)))
        if col.wrap
        else natural[i]
        for i, col in enumerate(columns)
    ]
    room = width - len(GAP) * (len(columns) - 1)
    widths = _share(natural, least, room)
    lines = [title] if title else []
    headers = [col.header for col in columns]
    lines += _row_lines(columns, widths, headers, bottom=True)
    lines.append("─" * (sum(widths) + len(GAP) * (len(columns) - 1)))
    for row in rows:
        lines += _row_lines(columns, widths, row)
    return Text("\n".join(lines), no_wrap=True, overflow="ignore")


def _row_lines(
    columns: Sequence[Col], widths: Sequence[int], cells: Sequence[str], bottom: bool = False
) -> list[str]:
    """The lines of one row: cells wrapped to their width and justified; top-aligned, or
    bottom-aligned (headers)."""
    wrapped = [
        (wrap_label(cell, size) if col.wrap else cell).split("\n")
        for col, size, cell in zip(columns, widths, cells, strict=True)
    ]
    height = max(len(cell) for cell in wrapped)
    lines = []
    for index in range(height):
        parts = []
        for col, size, cell in zip(columns, widths, wrapped, strict=True):
            at = index - (height - len(cell)) if bottom else index
            text = cell[at] if 0 <= at < len(cell) else ""
            parts.append(_JUSTIFY[col.justify](text, size))
        lines.append(GAP.join(parts).rstrip())
    return lines


def _longest(pieces: Sequence[str]) -> int:
    return max((len(piece.rstrip()) for piece in pieces), default=0)


def _share(natural: list[int], least: list[int], room: int) -> list[int]:
    """Column widths: each gets at least its `least` (its longest unbreakable piece); the room
    left goes to the wrapping columns, the narrowest needs served first, none getting more than
    its `natural` width."""
    widths = list(least)
    left = room - sum(least)
    pairs = enumerate(zip(natural, least, strict=True))
    waiting = sorted((n - low, i) for i, (n, low) in pairs if n > low)
    while waiting and left > 0:
        need, index = waiting.pop(0)
        extra = min(need, left // (len(waiting) + 1))
        widths[index] += extra
        left -= extra
    return widths
