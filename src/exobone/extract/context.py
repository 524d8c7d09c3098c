"""What the study is about and how it delivered: conditions, delivery_routes, biomaterials."""

from __future__ import annotations

import re
from collections.abc import Iterator

from exobone.extract.biology import has_in_vivo
from exobone.extract.document import Document, Finding, Mention
from exobone.extract.negation import negated
from exobone.extract.study import is_clinical
from exobone.lexicon import load_lexicon

# bone_regeneration_general is the study's purpose only in words like these ("for bone repair",
# "potential in bone tissue engineering"); "stimulated bone regeneration" is a result.
_PURPOSE_LEAD = re.compile(
    r"\b(?:for|potential|approach|applications?|useful|promising|strategy|strategies|toward"
    r"|towards|promoting|investigating|improving|enhancing|candidates?|tools?|therapy for)"
    r"\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_ALWAYS_PURPOSE = re.compile(r"tissue[ -]engineer", re.IGNORECASE)


def _conditions(doc: Document) -> Iterator[Finding]:
    lexicon = load_lexicon()
    found: list[Mention] = []
    for m in doc.of_kind("conditions"):
        if negated(doc, m):
            continue
        if m.label == "bone_regeneration_general":
            text = doc.text_of(m.section)
            lead = text[max(0, m.start - 50) : m.start]
            if not (_ALWAYS_PURPOSE.search(m.text) or _PURPOSE_LEAD.search(lead)):
                continue
        found.append(m)
    labels = {m.label for m in found}
    redundant = {p for label in labels for p in lexicon.condition_parents.get(label, [])}
    for m in found:
        if m.label not in redundant:
            yield Finding("conditions", m.label, m.span())


def extract(doc: Document) -> Iterator[Finding]:
    yield from _conditions(doc)
    # Routes of the study's animals or patients; a review's routes are its subject.
    if doc.review or has_in_vivo(doc) or is_clinical(doc):
        for m in doc.of_kind("delivery_routes"):
            yield Finding("delivery_routes", m.label, m.span())
    yield from _biomaterials(doc)


# Materials that make hydrogels by themselves.
_GEL_MATERIALS = frozenset(
    {"gelatin", "hyaluronic_acid_hydrogel", "chitosan", "alginate", "fibrin"}
)


def _biomaterials(doc: Document) -> Iterator[Finding]:
    """Materials that carried the vesicles; the generic `hydrogel` only when no specific
    material is named beside it ("a GelMA hydrogel" is gelatin alone, seed convention)."""
    found = [m for m in doc.of_kind("biomaterials") if not negated(doc, m)]
    specific = [m for m in found if m.label != "hydrogel"]
    # A gel named once by its material ("a GelMA-HAMA composite hydrogel") is the same gel
    # when later sentences call it only "the hydrogel".
    gel_named = any(m.label in _GEL_MATERIALS for m in specific)
    for m in found:
        if m.label == "hydrogel" and (
            gel_named
            or any(
                (o.section, o.sentence) == (m.section, m.sentence)
                and (0 <= m.start - o.end <= 40 or 0 <= o.start - m.end <= 40)
                for o in specific
            )
        ):
            continue
        yield Finding("biomaterials", m.label, m.span())
