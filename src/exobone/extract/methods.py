"""How vesicles were made and studied: isolation_methods, characterization_methods, ev_markers,
and assays (the outcome methods; vesicle characterisation is not an assay).

A method named both ways (western blot, flow cytometry) is characterisation in a sentence that
identifies or characterises the vesicles, nothing in a sentence that characterises cells, and
an assay elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Final

from exobone.extract.cells import analyse
from exobone.extract.document import Document, Finding, Mention
from exobone.extract.rules import load_rules
from exobone.extract.scanning import Engine, Gate
from exobone.lexicon import load_lexicon
from exobone.lexicon.loader import fold
from exobone.model import Span
from exobone.text.calls import pattern_match, pattern_search

# The rules are rows of data/methods.yaml; this module holds the logic that applies them.
_RULES: Final = load_rules("methods.yaml")
# One engine gates the rules tried on a sentence or the few words beside a mention; it is built
# once the last of them is made.
_ENGINE: Final = Engine()


def _gate(name: str) -> Gate:
    """The rule `name` as a gate tested on the text it is searched in."""
    return _ENGINE.gate(_RULES.regex(name), per_sentence=False)


# A sentence that identifies or characterises, unless what it identifies is no vesicle or its
# markers are those of an effect.
_CHARACTERISE: Final = _gate("characterise")
_NOT_VESICLE_IDENTITY: Final = _gate("not_vesicle_identity")
_EFFECT_MARKERS: Final = _gate("effect_markers")
_VESICLE_WORD: Final = _gate("vesicle_word")
# A marker said to be absent, or a gene knocked out, is no marker of the vesicles.
_NEGATED: Final = _gate("negated_marker")
_NEGATED_AFTER: Final = _gate("negated_marker_after")
_GENOTYPE: Final = _gate("genotype")
# A CD-numbered protein that marks a subpopulation of the vesicles, before or after them.
_CD_MARKER_BEFORE_VESICLES: Final = _gate("cd_marker_before_vesicles")
_CD_MARKER_AFTER_VESICLES: Final = _gate("cd_marker_after_vesicles")
# A microarray of genes, not microRNAs, profiles gene expression.
_GENE_MICROARRAY: Final = _gate("gene_microarray")
_ENGINE.build()
# MicroRNAs found by sequencing are profiled, however the sequencing is named, and microRNAs
# sequenced, profiled, screened or analysed as a set, the method named apart or not at all.
_MIRNAS_PROFILED: Final = (
    ("mirnas_sequenced", _RULES.cue("mirnas_sequenced")),
    ("mirnas_profiled", _RULES.cue("mirnas_profiled")),
    ("small_rnas_sequenced", _RULES.cue("small_rnas_sequenced")),
)


# The names coordinated before a method's head word: "alkaline phosphatase and | alizarin red
# staining", "scratch, | transwell assays" (up to four words of the last name). A word ends
# only where a space, a hyphen or the joint follows, so its letters are never given back
# (possessive `++`): the pattern fails at each offset without backtracking through them.
_NAME_AND_JOINT = re.compile(
    r"(?<![\w&-])((?:[\w&]++[ -]){0,3}[\w&]++)(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)$"
)
_NAME_WORD = re.compile(r"[\w&]+")
_NAMES_SPAN = 200
_JOINTS = (",", "and", "or")
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)\b")


_NAME_RUNS = 5  # runs of `[\w&]` a `_NAME_AND_JOINT` match holds: four words, "and" or "or"


def _names_floor(text: str, floor: int, anchor: int) -> int:
    """Where `_NAME_AND_JOINT` matches that end at `anchor` can start, at the earliest: a
    match holds only word characters, "&", spaces, hyphens and commas, in at most five runs
    of `[\\w&]`, and starts a run. Searched from there, the end-anchored pattern is not tried
    at each offset of the 200 characters before the joint."""
    runs = 0
    in_run = False
    at = anchor
    while at > floor:
        char = text[at - 1]
        if char.isalnum() or char == "_" or char == "&":
            if not in_run:
                runs += 1
                if runs > _NAME_RUNS:
                    return at
                in_run = True
        elif char.isspace() or char == "," or char == "-":
            in_run = False
        else:
            return at
        at -= 1
    return floor


@lru_cache(maxsize=1)
def _assay_heads() -> frozenset[str]:
    """Last words of the lexicon's assay terms of two or more words ("staining", "assays"):
    the head words that coordinated method names may share."""
    heads = set()
    for form, entries in load_lexicon().folded.items():
        name, _, last = form.rpartition(" ")
        if name.strip() and last.isalpha() and any(kind == "assays" for kind, _ in entries):
            heads.add(last)
    return frozenset(heads)


def _shared_head_assays(doc: Document, m: Mention) -> Iterator[Finding]:
    """Assays named before `m` that share its head word: in "alkaline phosphatase and
    alizarin red staining" or "scratch and transwell assays" each name is its own method
    (R120, R121, R128). A name counts only when name + head is an assay term of the lexicon,
    so "collagen and alizarin red staining" adds nothing."""
    text = doc.text_of(m.section)
    heads = _assay_heads()
    following = pattern_match(_NEXT_WORD, text, m.end)
    if following and following.group(1).lower() in heads:
        head = following.group(1)
    else:
        head = fold(text[m.start : m.end]).rpartition(" ")[2]
        if head not in heads:
            return
    lexicon = load_lexicon()
    sentence = doc.sentence_of(m)
    anchor = m.start
    while anchor > sentence.start:
        # Only a joint ("," "and" "or") right before `anchor` can end a match, and the names fit
        # in the last _NAMES_SPAN characters: the end-anchored pattern is then not tried at
        # every offset of the sentence.
        joint = anchor
        while joint > sentence.start and text[joint - 1].isspace():
            joint -= 1
        if not text.endswith(_JOINTS, sentence.start, joint):
            return
        floor = _names_floor(text, max(sentence.start, anchor - _NAMES_SPAN), anchor)
        before = pattern_search(_NAME_AND_JOINT, text, floor, anchor)
        if before is None:
            return
        words = list(_NAME_WORD.finditer(before.group(1)))
        offset = before.start(1)
        end = offset + words[-1].end()
        for first in words:  # longest name first
            start = offset + first.start()
            name = text[start:end]
            labels = sorted(
                label for kind, label in lexicon.lookup(f"{name} {head}") if kind == "assays"
            )
            if labels:
                span = Span(start, end, m.sentence, m.section)
                reason = f"'{name}' shares the head word '{head}' of '{text[m.start : m.end]}'"
                for label in labels:
                    yield Finding("assays", label, span, reason)
                break
            # A method named in full ("von Kossa" in "ALP, von Kossa and ARS staining"): the
            # list goes on before it.
            if any(kind == "assays" for kind, _ in lexicon.lookup(name)):
                break
        else:
            return
        anchor = start


def _cd_number_marking_vesicles(doc: Document, m: Mention) -> str | None:
    """The rule by which the gene `m` is written as the CD number that marks a subpopulation of
    the vesicles ("CD138+ circulating EVs", "MEVs bearing CD56"), or None. Neither rule reads
    across a sentence's end: each holds the vesicles and the number with only spaces, words or
    numbers between."""
    text = doc.text_of(m.section)
    if _CD_MARKER_BEFORE_VESICLES.match(text[m.start : m.end + 80]):
        return "cd_marker_before_vesicles"
    if _CD_MARKER_AFTER_VESICLES.search(text[max(0, m.start - 60) : m.end]):
        return "cd_marker_after_vesicles"
    return None


def _mirna_profiling(doc: Document) -> Iterator[Finding]:
    """microRNA_profiling where a sentence profiles microRNAs as a set (`_MIRNAS_PROFILED`):
    the evidence is the method (the row's group) or, where none is named, the match."""
    for sentence in doc.sentences:
        section = sentence.section
        for name, cue in _MIRNAS_PROFILED:
            if not cue.may_occur(
                doc.text_of(section),
                doc.lowered(section),
                doc.cue_hits(section),
                sentence.start,
                sentence.end,
            ):
                continue  # (the section's one pass found none of its words in the sentence)
            hit = cue.search(sentence.text)
            if hit is not None:
                start, end = hit.span(1) if hit.re.groups else hit.span()
                span = Span(sentence.start + start, sentence.start + end, sentence.index, section)
                reason = f"microRNAs profiled [rule {name}]"
                yield Finding("assays", "microRNA_profiling", span, reason)


def _genes_on_microarray(doc: Document, m: Mention) -> tuple[Finding, bool] | None:
    """gene_expression_profiling where a microarray named by `m` reads genes or mRNAs (row
    gene_microarray), and whether it read them alone (no microRNA named before them)."""
    if m.label != "microRNA_profiling" or "microarray" not in fold(m.text):
        return None
    sentence = doc.sentence_of(m)
    start = m.start - sentence.start + fold(m.text).index("microarray")
    hit = _GENE_MICROARRAY.search(sentence.text[start:])
    if hit is None:
        return None
    span = Span(sentence.start + start, sentence.start + start + hit.end(), m.sentence, m.section)
    reason = "a microarray of genes [rule gene_microarray]"
    return Finding("assays", "gene_expression_profiling", span, reason), hit.group(1) is None


def _tells_identity(text: str) -> bool:
    """The sentence identifies or characterises something, markers of an effect aside."""
    said = _CHARACTERISE.search(text)
    if said is not None and said.group().lower().startswith("marker"):
        said = _CHARACTERISE.search(_EFFECT_MARKERS.sub(" ", text))
    return said is not None


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
    # Sentences that describe the vesicles with a method only characterisation uses (TEM, NTA,
    # DLS ...) or with their markers: uptake named there is one more feature of the vesicles.
    vesicle_profile = set(marker_sentences)
    for m in doc.of_kind("characterization_methods"):
        dual = (m.start, m.end, m.section) in assay_spans
        sentence = doc.sentence_of(m)
        key = _sentence_key(m)
        if not dual:
            vesicle_profile.add(key)
        says = (
            _tells_identity(sentence.text)
            and _NOT_VESICLE_IDENTITY.search(sentence.text) is None
        )
        about_vesicles = key in vesicle_sentences or _VESICLE_WORD.search(sentence.text)
        if says or (dual and key in marker_sentences):
            characterised.add((m.start, m.end, m.section))
        if not dual or (says and about_vesicles) or key in marker_sentences:
            yield Finding("characterization_methods", m.label, m.span())
    if not doc.review:
        assays = doc.of_kind("assays")
        # An uptake experiment names a dye or the uptake itself ("their uptake by cells was
        # followed after PKH67 labelling", R07); a sentence that only calls the vesicles
        # internalizable among their features does not (R04, R101: characterisation).
        tracked = {_sentence_key(m) for m in assays if m.label == "uptake_assay"}
        tracked -= {
            key
            for key in tracked
            if key in vesicle_profile
            and all(
                fold(m.text).startswith("internali")
                for m in assays
                if m.label == "uptake_assay" and _sentence_key(m) == key
            )
        }
        for m in assays:
            if m.label == "uptake_assay" and _sentence_key(m) not in tracked:
                continue
            if (m.start, m.end, m.section) not in characterised:
                genes = _genes_on_microarray(doc, m)
                if genes is not None:
                    yield genes[0]
                    if genes[1] and fold(m.text).startswith("microarray"):
                        continue  # (the bare word: what it read was genes, not microRNAs)
                yield Finding("assays", m.label, m.span())
                yield from _shared_head_assays(doc, m)
        yield from _mirna_profiling(doc)
    markers = load_lexicon().ev_marker_symbols
    method_sentences = {_sentence_key(m) for m in doc.of_kind("characterization_methods")}
    for m in doc.of_kind("genes"):
        # A gene outside the list of vesicle markers is one only as a CD number glued to the
        # vesicles it marks, which makes its sentence about them whatever else it names.
        framed = None if m.label in markers else _cd_number_marking_vesicles(doc, m)
        if m.label not in markers and not framed:
            continue
        sentence = doc.sentence_of(m)
        key = _sentence_key(m)
        if (
            not framed
            and key not in vesicle_sentences
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
        if framed:
            yield Finding("ev_markers", m.label, m.span(), f"marks the vesicles [rule {framed}]")
        else:
            yield Finding("ev_markers", m.label, m.span())
