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

from rich import box
from rich.table import Table
from rich.text import Text

BREAK_AFTER = "|_-/, "
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
) -> Table:
    """A table of plain-text `rows` (no markup is read) at most `width` characters wide."""
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
    # columns are set apart by a space between two of padding; no outer edge
    room = width - 3 * (len(columns) - 1)
    widths = _share(natural, least, room)
    table = Table(
        title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title_justify="left"
    )
    for col, size in zip(columns, widths, strict=True):
        header = wrap_label(col.header, size) if col.wrap else col.header
        table.add_column(header, justify=col.justify, width=size, overflow="fold")  # type: ignore[arg-type]
    for row in rows:
        cells = [
            Text(wrap_label(value, size) if col.wrap else value)
            for col, size, value in zip(columns, widths, row, strict=True)
        ]
        table.add_row(*cells)
    return table


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
