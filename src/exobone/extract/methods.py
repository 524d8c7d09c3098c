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

from exobone.extract.cells import analyse
from exobone.extract.cues import Cue
from exobone.extract.document import Document, Finding, Mention
from exobone.lexicon import load_lexicon
from exobone.lexicon.loader import fold
from exobone.model import Span

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
# Markers of an effect measured in the recipients ("osteogenic, adipogenic and angiogenic
# markers", PMC8278698; "tendon matrix and tenogenesis markers", doi:10.1111/jcmm.14430) are
# outcomes read by a method, not the vesicles' or the cells' identity markers.
_EFFECT = (
    r"(?:osteogen\w*|chondrogen\w*|adipogen\w*|angiogen\w*|tenogen\w*|inflammat\w*"
    r"|apoptot\w*|senescen\w*|hypertroph\w*|catabolic|anabolic|matrix|differentiation)"
)
_EFFECT_MARKERS = re.compile(
    rf"\b{_EFFECT}(?:,? (?:and |or )?[\w-]+){{0,3}}? markers?\b"
    rf"|\bmarkers? of (?:the )?(?:[\w-]+ ){{0,3}}?{_EFFECT}",
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
# MicroRNAs found by sequencing are profiled, however the sequencing is named: "miRNAs that
# differed between the exosome sets were screened by high-throughput sequencing"
# (doi:10.3389/fbioe.2022.1061855), "microRNAs expressed differently in the exosomes were
# identified by high-throughput RNA sequencing" (R88). The lexicon's terms need "miRNA" and
# "sequencing" side by side ("miRNA sequencing"). Only the microRNAs named first and found
# "by" the sequencing count: "RNA sequencing suggests that ... miRNAs" (R31) reads the cargo.
_MIRNAS_SEQUENCED = Cue(
    r"\b(?:mirnas|micrornas|mirs)\b[^.;]{0,120}?\b(?:by|using|with|through|via)\s+"
    r"((?:high-?throughput\s+)?(?:(?:small\s+)?rna\s+)?sequencing)\b"
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
    following = _NEXT_WORD.match(text, m.end)
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
        before = _NAME_AND_JOINT.search(text, floor, anchor)
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


def _mirna_sequencing(doc: Document) -> Iterator[Finding]:
    """microRNA_profiling where a sentence finds microRNAs by sequencing (`_MIRNAS_SEQUENCED`)."""
    for sentence in doc.sentences:
        section = sentence.section
        if not _MIRNAS_SEQUENCED.may_occur(
            doc.text_of(section),
            doc.lowered(section),
            doc.cue_hits(section),
            sentence.start,
            sentence.end,
        ):
            continue  # (the section's one pass found none of its words in the sentence)
        hit = _MIRNAS_SEQUENCED.search(sentence.text)
        if hit is not None:
            start, end = sentence.start + hit.start(1), sentence.start + hit.end(1)
            span = Span(start, end, sentence.index, sentence.section)
            yield Finding("assays", "microRNA_profiling", span, "microRNAs sequenced")


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
                yield Finding("assays", m.label, m.span())
                yield from _shared_head_assays(doc, m)
        yield from _mirna_sequencing(doc)
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
