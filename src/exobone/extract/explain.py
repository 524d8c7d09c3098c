"""Why the extractor gave each value: `Extractor.explain` and `exobone explain`.

Each evidence span of a value is paired with the reasons of the findings that put it there:
the lexicon label and the words it matched, the direction rule, cue words and pass of
`resolve` that signed it (`Finding.reason`), and what an inferred value was inferred from
(`Span.inferred`). The values and spans are the study's own; nothing here changes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from exobone.extract.document import Document, Finding, Mention
from exobone.model import Span, Study
from exobone.schema import FIELDS, INTEGER_FIELDS

__all__ = ["Because", "Explanation", "explanations"]


class Because(NamedTuple):
    """One evidence span of a value: its words and why the value was given there."""

    span: Span
    words: str
    reasons: tuple[str, ...]


class Explanation(NamedTuple):
    """One value of one field with its evidence, in the study's order."""

    field: str
    value: str
    evidence: tuple[Because, ...]


def explanations(
    study: Study, doc: Document | None, found: Sequence[tuple[str, Finding]]
) -> list[Explanation]:
    """Every value of `study` (schema field order) with its spans and their reasons; `found`
    holds the findings that made the study, each with its family's name."""
    mentions: dict[tuple[str, int, int], list[Mention]] = {}
    for m in doc.mentions if doc is not None else ():
        mentions.setdefault((m.section, m.start, m.end), []).append(m)
    reasons: dict[tuple[str, str, Span], list[str]] = {}
    for family, finding in found:
        key = str(int(finding.value)) if finding.field in INTEGER_FIELDS else finding.value
        said = reasons.setdefault((finding.field, key, finding.span), [])
        reason = _reason(family, finding, mentions)
        if reason not in said:
            said.append(reason)
    out: list[Explanation] = []
    for spec in FIELDS:
        value = study.annotations.get(spec.name)
        values = value if isinstance(value, list) else [] if value in (None, "") else [value]
        by_value = study.evidence.get(spec.name, {})
        for item in values:
            key = str(item)
            evidence = tuple(
                Because(
                    span,
                    _words(study, doc, span),
                    tuple(reasons.get((spec.name, key, span), ())),
                )
                for span in by_value.get(key, ())
            )
            out.append(Explanation(spec.name, key, evidence))
    return out


def _reason(
    family: str, finding: Finding, mentions: dict[tuple[str, int, int], list[Mention]]
) -> str:
    """`family: lexicon ...; rule ...; inferred from ...` for one finding."""
    span = finding.span
    parts: list[str] = []
    here = mentions.get((span.section, span.start, span.end), [])
    labels = finding.value.split("|")
    named = [m for m in here if m.label in labels] or ([] if finding.reason else here[:1])
    parts += [f"lexicon {m.kind} '{m.label}' matched '{m.text}'" for m in named]
    if finding.reason:
        parts.append(finding.reason)
    if span.inferred:
        parts.append(f"inferred from {span.inferred}")
    if not parts:
        parts.append("the family's rule is not named yet")
    return f"{family}: " + "; ".join(parts)


def _words(study: Study, doc: Document | None, span: Span) -> str:
    if doc is not None:
        return doc.text_of(span.section)[span.start : span.end]
    text = study.record.title if span.section == "title" else study.record.abstract
    return (text or "")[span.start : span.end]
