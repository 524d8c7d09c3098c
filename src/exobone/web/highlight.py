"""Highlighted text: a title or abstract with each extracted value marked at its evidence.

The HTML is built from escaped text segments between span boundaries; record text is never
inserted raw, so a title such as `<script>` stays text. Overlapping spans of several values
split the text into segments, each marked with every value that covers it; its title (shown
on hover) names each value. Why the extractor gave a value there (`Extractor.explain`, which
runs the extractor again) is asked for only when a reader hovers a highlight: the page code
fetches `/api/studies/{id}/reasons` and adds them to the titles, matched by field, value
and the segment's offset (`data-at`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from exobone.model import SET_FIELDS, Span


@dataclass(frozen=True, slots=True)
class Mark:
    """One evidence span of one value: what the highlighter needs."""

    field: str
    value: str
    start: int
    end: int


def marks_for(
    evidence: Mapping[str, Mapping[str, list[Span]]],
    section: str,
    length: int,
) -> list[Mark]:
    """The spans of `section` ("abstract" or "title") as marks, clipped to the text length.

    Spans outside the text (stale offsets) are dropped rather than shown in the wrong place.
    """
    found = []
    for name, values in evidence.items():
        for value, spans in values.items():
            for span in spans:
                if span.section != section:
                    continue
                start, end = max(span.start, 0), min(span.end, length)
                if start < end:
                    found.append(Mark(name, str(value), start, end))
    return found


def field_class(name: str) -> str:
    """CSS class of a field's colour: `f<index>` in schema order (`f` for an unknown field)."""
    return f"f{SET_FIELDS.index(name)}" if name in SET_FIELDS else "f"


def highlight(text: str, marks: list[Mark]) -> Markup:
    """`text` as HTML with `<mark>` around every span; everything else escaped."""
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    parts: list[str] = []
    for start, end in zip(bounds, bounds[1:], strict=False):
        segment = escape(text[start:end], quote=False)
        covering = [m for m in marks if m.start <= start and end <= m.end]
        if not covering:
            parts.append(segment)
            continue
        fields = sorted({m.field for m in covering}, key=_order)
        labels = "\n".join(dict.fromkeys(f"{m.field}: {m.value}" for m in covering))
        classes = " ".join(field_class(name) for name in fields)
        multi = " multi" if len(fields) > 1 else ""
        parts.append(
            f'<mark class="ev {classes}{multi}" data-fields="{escape(" ".join(fields))}" '
            f'data-at="{start}" title="{escape(labels)}">{segment}</mark>'
        )
    return Markup("".join(parts))


def _order(name: str) -> int:
    return SET_FIELDS.index(name) if name in SET_FIELDS else len(SET_FIELDS)


def mark_matches(text: str, matches: tuple[tuple[int, int], ...]) -> Markup:
    """A search snippet with its matched words in `<mark>`, everything escaped."""
    parts: list[str] = []
    at = 0
    for start, end in sorted(matches):
        start, end = max(start, at), min(end, len(text))
        if start >= end:
            continue
        parts.append(escape(text[at:start], quote=False))
        parts.append(f"<mark>{escape(text[start:end], quote=False)}</mark>")
        at = end
    parts.append(escape(text[at:], quote=False))
    return Markup("".join(parts))
