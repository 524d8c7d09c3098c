"""How vesicles were made and studied: isolation_methods, characterization_methods, ev_markers,
and assays (the outcome methods; vesicle characterisation is not an assay).

A method named both ways (western blot, flow cytometry) is characterisation in a sentence that
identifies or characterises the vesicles, nothing in a sentence that characterises cells, and
an assay elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from exobone.extract.cells import analyse
from exobone.extract.document import Document, Finding, Mention
from exobone.lexicon import load_lexicon

_CHARACTERISE = re.compile(
    r"\b(?:identif\w+|characteri[sz]\w*|confirm\w*|verif\w+|morpholog\w*|size distribution"
    r"|markers?|(?:were|was) used to (?:identify|characteri[sz]e))\b",
    re.IGNORECASE,
)
# What a sentence identifies or confirms when it is not the vesicles: "to identify the
# functions of the sEV in macrophages", "to identify candidate regulators ... confirmed by a
# dual luciferase reporter assay and WB" (R102, R87): the methods there measure effects.
_NOT_VESICLE_IDENTITY = re.compile(
    r"\bidentif\w*\s+(?:the\s+)?(?:functions?|candidate|potential|key|targets?|regulators?"
    r"|mechanisms?|differentially)\b|\bluciferase\b",
    re.IGNORECASE,
)
_VESICLE_WORD = re.compile(
    r"\b(?:vesicles?|particles|exosom\w*|EVs?|sEVs?|preparations?)\b", re.IGNORECASE
)
_NEGATED = re.compile(
    r"(?:\black(?:ed|ing)?|\babsen\w*|\bnegative for|\bwithout|\bno|\bnot)\s+(?:[\w-]+\s+){0,1}$",
    re.IGNORECASE,
)
_NEGATED_AFTER = re.compile(r"^\s*(?:was|were|is|are)\s+(?:not|absent|undetect\w*|negative)", re.I)
_GENOTYPE = re.compile(r"^\s*(?:\(-/-\)|-/-|-?(?:knockout|deficient|null|KO)\b)", re.IGNORECASE)


def _sentence_key(m: Mention) -> tuple[str, int]:
    return (m.section, m.sentence)


def extract(doc: Document) -> Iterator[Finding]:
    vesicle_sentences = {_sentence_key(v) for v in analyse(doc).vesicles}
    markers = load_lexicon().ev_marker_symbols
    # Sentences that probe vesicle markers ("western blotting detected CD9 and CD63").
    marker_sentences = {_sentence_key(m) for m in doc.of_kind("genes") if m.label in markers}
    for m in doc.of_kind("isolation_methods"):
        yield Finding("isolation_methods", m.label, m.span())
    assay_spans = {(m.start, m.end, m.section) for m in doc.of_kind("assays")}
    characterised = set()
    for m in doc.of_kind("characterization_methods"):
        dual = (m.start, m.end, m.section) in assay_spans
        sentence = doc.sentence_of(m)
        key = _sentence_key(m)
        says = (
            _CHARACTERISE.search(sentence.text) is not None
            and _NOT_VESICLE_IDENTITY.search(sentence.text) is None
        )
        about_vesicles = key in vesicle_sentences or _VESICLE_WORD.search(sentence.text)
        if says or (dual and key in marker_sentences):
            characterised.add((m.start, m.end, m.section))
        if not dual or (says and about_vesicles) or key in marker_sentences:
            yield Finding("characterization_methods", m.label, m.span())
    if not doc.review:
        for m in doc.of_kind("assays"):
            if (m.start, m.end, m.section) not in characterised:
                yield Finding("assays", m.label, m.span())
    markers = load_lexicon().ev_marker_symbols
    method_sentences = {_sentence_key(m) for m in doc.of_kind("characterization_methods")}
    for m in doc.of_kind("genes"):
        if m.label not in markers:
            continue
        sentence = doc.sentence_of(m)
        key = _sentence_key(m)
        if (
            key not in vesicle_sentences
            and key not in method_sentences
            and not _VESICLE_WORD.search(sentence.text)
        ):
            continue
        text = doc.text_of(m.section)
        if _GENOTYPE.match(text[m.end : m.end + 12]) or _NEGATED_AFTER.match(
            text[m.end : m.end + 30]
        ):
            continue
        if _NEGATED.search(text[max(sentence.start, m.start - 30) : m.start]):
            continue
        yield Finding("ev_markers", m.label, m.span())
