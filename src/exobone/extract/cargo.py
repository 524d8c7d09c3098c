"""ev_cargo: molecules the text says the vesicles carry.

Said as "exosomal miR-21", "exosome-mediated transfer of X", "X was packed into exosomes",
"Wnt-3a content was elevated in ASC-EXO", "levels of MCP-1, MCP-3 and SDF-1 in exosomes",
"exosomes containing/carrying X", and the molecules listed as the vesicles' profile ("their
cargos, including miR-a and miR-b", "five miRNAs enriched in the EVs, including miR-c": the
`cargo_list` row of the direction rules, which keeps them from being effects), and the
members of such a profile named back in the next sentence ("One of them, miR-324, ..."). A
record that sequences or profiles its vesicles' miRNAs reports that profile with no cargo verb
("Among others, miR-101 and miR-143 rose after the stimulations"): the miRNAs it names in
sentences without cells are the vesicles' (row vesicle_profile), and so are the miRNAs of a
review that names miRNAs as the vesicles' molecules (row vesicle_mirna_class), less those
measured in cells. A lone "X expression in exosome-treated cells" is not cargo. The rules are
the rows of data/cargo.yaml; `explain` names the row that made each molecule cargo.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from exobone.extract.cells import analyse
from exobone.extract.cells_rules import PieceGate, section_hits
from exobone.extract.cues import Cue, CueHits
from exobone.extract.direction_rules import CARGO_LIST, TRANSFER_VERB, sentence_views
from exobone.extract.document import Document, Finding, Mention, Sentence
from exobone.extract.rules import load_rules
from exobone.extract.scanning import Engine, Gate, Relaxed, is_word_char
from exobone.lexicon import load_lexicon
from exobone.text.calls import pattern_match, pattern_search

# The rules are rows of data/cargo.yaml (each with its real examples); this module holds the
# logic that applies them.
_RULES: Final = load_rules("cargo.yaml")
# The rows read in a gap or a lead (a piece of a sentence) are gates of one engine, each tried
# only on a piece that holds its required texts (read from its pattern); built below.
_ENGINE: Final = Engine()


def _gate(name: str) -> Gate:
    return _ENGINE.gate(_RULES.regex(name), per_sentence=False)


def _piece_gate(name: str) -> PieceGate:
    """A row whose required texts are rare: the section's hits answer for most pieces
    (`cells_rules.PieceGate`)."""
    return PieceGate(_gate(name))


_MOLECULES = frozenset({"genes", "mirna", "lncrna"})
# the vesicles, then the molecule
_ADJECTIVE_BEFORE: Final = _gate("adjective_before")
_MEDIATED_TRANSFER: Final = _piece_gate("mediated_transfer")
_CONTAIN_AFTER: Final = _piece_gate("contain_after")
_CLAUSE: Final = _gate("clause")
_VESICLE_HOLDS: Final = _gate("vesicle_holds")
_AMOUNT_AT_END: Final = _gate("amount_at_end")
_OF_AT_END: Final = _gate("of_at_end")
_LEVEL_AFTER: Final = _RULES.regex("level_after")
_OVEREXPRESSING: Final = _piece_gate("overexpressing")
_CLASS_LIST: Final = _gate("class_list")
# (a plain regex: read in the few characters before the vesicles)
_OBJECT_OF: Final = _RULES.regex("object_of")
# (a plain regex: matched at the gap's start, it fails sooner than its required texts are tested)
_SOURCE_GAP: Final = _RULES.regex("source_gap")
_GLUED_OVEREXPRESSING: Final = _RULES.regex("glued_overexpressing")
# the molecule, then the vesicles
_INTO: Final = _piece_gate("packed_into")
_IN: Final = _gate("found_in")
_EFFECT_ON: Final = _RULES.regex("effect_on")
_GLUED_CARGO: Final = _piece_gate("glued_cargo")
_CLASS_IN: Final = _gate("class_in")
_COMPONENT_OF: Final = _piece_gate("component_of")
_VESICLE_PROCESS_AFTER: Final = _RULES.regex("vesicle_process_after")
_TRANSFER_LEAD: Final = _piece_gate("transfer_lead")
_TRANSFER_GAP: Final = _gate("transfer_gap")
_TREATED: Final = _gate("treated_after")
# the molecules named back after a pronoun of the vesicles' class ("One of them, miR-324"):
# matched before each molecule of a sentence that holds its required texts
_ANAPHOR_LIST: Final = _gate("anaphor_list")
_ENGINE.build()
# the molecule, then "they" (the vesicles before it) and a verb of holding
_THEY_HOLD: Final = _RULES.regex("they_hold")
_PROFILED_CLASS: Final = _RULES.regex("profiled_class")
_CLASS_NOUN: Final = _RULES.regex("class_noun")
# the record profiles its vesicles' miRNAs: the miRNAs of its results are their profile
_VESICLE_PROFILE: Final = _RULES.cue("vesicle_profile")
# a review that names miRNAs as the vesicles' molecules: each miRNA it names is their cargo
_VESICLE_MIRNA_CLASS: Final = _RULES.cue("vesicle_mirna_class")
# ... less a miRNA whose level a sentence that names cells tells: the cells' molecule
_LEVEL_BEFORE: Final = _RULES.regex("level_before")
_LEVEL_AFTER_MIRNA: Final = _RULES.regex("level_after_mirna")
# mention kinds that name cells: a sentence with one may tell of a miRNA in recipient cells
_CELL_KINDS = frozenset({"cell_types", "cell_lines"})
# the vesicles' own words
_VESICLE_WORD: Final = _RULES.regex("vesicle_word")
# searched first: most sentences hold none of its words ("vesicle", "-Exo", "EVs"), and the
# pattern itself is tried at every offset of every word
_VESICLE_WORD_RELAXED = Relaxed.of(_VESICLE_WORD.pattern, _VESICLE_WORD.flags)
_VESICLE_HEAD: Final = _RULES.regex("vesicle_head")
# Machinery, not a rule: the gap between two molecules of one list ("X, Y and Z").
_ON_GAP = re.compile(r"\bon\s")
_LIST_GAP = re.compile(r"^[\s()]*(?:,|,?\s*and|,?\s*or)?[\s()]*$")
_LISTED = "listed as the vesicles' cargo [rule cargo_list]"
# Rows that say the vesicles hold or show a molecule; a list they give that names a vesicle
# marker of the lexicon (CD9, CD63, TSG101, ...) is the vesicles' characterisation, not their
# cargo: 'the detection of MHC class I and II, CD63, CD81 and CD86 on the vesicles'
# (R501), 'SP-IRIS confirmed CD9, CD63 and CD81 on the EVs' (R582).
_PRESENCE_ROWS = frozenset(
    {"found_in", "contain_after", "vesicle_holds", "class_in", "component_of"}
)
_TRANSFERRED = "transferred or delivered by the vesicles [rule transfer_verb]"
_NAMED_BACK = "named back as one of the vesicles' molecules [rule anaphor_list]"
_PROFILED = "named in a record that profiles the vesicles' miRNAs [rule vesicle_profile]"
_REVIEWED = "named by a review of the vesicles' miRNAs [rule vesicle_mirna_class]"


def _holds(gap: str, hits: CueHits | None, start: int, text: str, end: int) -> bool:
    """Whether `gap` (from `start` on in the section `text`, whose hits are `hits`) makes the
    vesicles before it the holders of the molecule after it (row vesicle_holds); an amount
    without its noun ("showed an enriched", amount_at_end) needs the noun after the molecule
    ("an enriched miR-X level", level_after)."""
    # the vesicle phrase's modifiers and the verb run to some 60 characters; a longer gap is
    # not read (most are, and the pattern would be tried on each)
    if len(gap) > 80 or _VESICLE_HOLDS.match(gap) is None:
        return False
    if _OF_AT_END.search(gap) or not _AMOUNT_AT_END.search(gap):
        return True
    return pattern_match(_LEVEL_AFTER, text, end) is not None


def _held_before(gap: str, hits: CueHits | None, start: int, text: str, end: int) -> str | None:
    """The row by which the vesicles before `gap` (from `start` on in the section `text`, whose
    hits are `hits`) hold the molecule after it (which ends at `end`), if one does."""
    if _ADJECTIVE_BEFORE.match(gap):
        return "adjective_before"
    if _MEDIATED_TRANSFER.match(gap, hits, start):
        return "mediated_transfer"
    if _CONTAIN_AFTER.match(gap, hits, start) and not _CLAUSE.search(gap):
        return "contain_after"
    if _holds(gap, hits, start, text, end):
        return "vesicle_holds"
    # a class of molecules and the words that name its members ("contain cytokines and growth
    # factors such as"): longer than the other gaps, and never across a clause word
    if len(gap) <= 160 and _CLASS_LIST.match(gap) and not _CLAUSE.search(gap):
        return "class_list"
    if _OVEREXPRESSING.match(gap, hits, start):
        return "overexpressing"
    if pattern_match(_SOURCE_GAP, gap) and pattern_match(
        _GLUED_OVEREXPRESSING, text, end, end + 20
    ):
        return "glued_overexpressing"
    return None


def _held_after(
    gap: str, hits: CueHits | None, gap_from: int, text: str, start: int, lead_from: int, end: int
) -> str | None:
    """The row by which the vesicles after `gap` (whose word ends at `end`) hold the molecule
    before it (which starts at `start`; its lead is read from `lead_from` on), if one does
    (`gap` starts at `gap_from` in the section `text`, whose hits are `hits`)."""
    if _INTO.match(gap, hits, gap_from):
        return "packed_into"
    if _IN.match(gap) and not (
        # (the vesicles named after "on": the molecule may act on them instead)
        pattern_search(_ON_GAP, gap)
        and pattern_search(_EFFECT_ON, text, max(lead_from, start - 40), start)
    ):
        return "found_in"
    if _GLUED_CARGO.match(gap, hits, gap_from):
        return "glued_cargo"
    if _CLASS_IN.match(gap):
        return "class_in"
    if _COMPONENT_OF.match(gap, hits, gap_from) and not pattern_match(
        _VESICLE_PROCESS_AFTER, text, end, end + 16
    ):
        return "component_of"
    lead_at = max(lead_from, start - 20)
    if _TRANSFER_LEAD.search(text[lead_at:start], hits, lead_at) and _TRANSFER_GAP.match(gap):
        return "transfer_lead"
    return None


def _listed(text: str, first: Mention, second: Mention) -> bool:
    """Whether `first` and `second` are two items of one list: a comma, "and" or "or" between
    them, or a slash between two miRNAs ("containing miR-146a/miR-155", R942)."""
    gap = text[first.end : second.start]
    if gap == "/":
        return first.kind == second.kind == "mirna"
    return pattern_match(_LIST_GAP, gap) is not None


def _list_before(text: str, molecules: list[Mention], index: int) -> list[Mention]:
    """The molecule at `index` and the ones listed right before it."""
    out = [molecules[index]]
    i = index
    while i > 0 and _listed(text, molecules[i - 1], molecules[i]):
        i -= 1
        out.append(molecules[i])
    return out


def _list_after(text: str, molecules: list[Mention], index: int) -> list[Mention]:
    out = [molecules[index]]
    i = index
    while i + 1 < len(molecules) and _listed(text, molecules[i], molecules[i + 1]):
        i += 1
        out.append(molecules[i])
    return out


def _vesicle_words(
    sentence: Sentence, named: list[Mention], vesicle_shorts: list[str]
) -> list[Mention]:
    """The sentence's vesicle words that are not lexicon mentions (row vesicle_word, and the
    short forms the record defines for a vesicle phrase, `vesicle_shorts`), as
    pseudo-mentions."""
    shorts = [short for short in vesicle_shorts if short in sentence.text]
    text = sentence.text
    found = (
        _VESICLE_WORD_RELAXED.finditer(_VESICLE_WORD, text, 0, len(text))
        if _VESICLE_WORD_RELAXED is not None
        else list(_VESICLE_WORD.finditer(text))
    )
    spans = [m.span() for m in found]
    for short in shorts:
        spans += _standalone(sentence.text, short)
    out = []
    for a, b in spans:
        start, end = sentence.start + a, sentence.start + b
        if any(v.start < end and start < v.end for v in named):
            continue
        out.append(
            Mention(
                "vesicle_ref", "", start, end, sentence.text[a:b], sentence.index, sentence.section
            )
        )
    return out


def _standalone(text: str, word: str) -> list[tuple[int, int]]:
    """Where `word` stands in `text` with no word character or hyphen on either side, as
    `re.finditer(rf"(?<![\\w-]){re.escape(word)}(?![\\w-])", text)` finds it (without a
    pattern compiled per record's short form)."""
    spans = []
    at = text.find(word) if word else -1
    while at >= 0:
        end = at + len(word)
        if (at == 0 or not _joins(text[at - 1])) and (end == len(text) or not _joins(text[end])):
            spans.append((at, end))
            at = text.find(word, end)
        else:
            at = text.find(word, at + 1)
    return spans


def _joins(char: str) -> bool:
    """Whether `char` would join a word beside it (what `[\\w-]` matches)."""
    return char == "-" or is_word_char(char)


def _without_markers(held: list[Mention], rule: str, markers: frozenset[str]) -> list[Mention]:
    """The molecules of a list the vesicles hold, less its proteins where a presence row's list
    names one of the vesicles' markers: those proteins tell how the vesicles were
    characterised (the RNAs of such a list stay their cargo)."""
    if rule in _PRESENCE_ROWS and any(m.label in markers for m in held):
        return [m for m in held if m.kind != "genes"]
    return held


def _named_back(doc: Document, sentence: Sentence, molecules: list[Mention]) -> list[Mention]:
    """The molecules that `sentence` lists after a pronoun opening it ("One of them, X",
    "Of these, X and Y"; row anaphor_list), when the pronoun stands for the vesicles' class:
    the sentence before names a class of molecules (class_noun) and it or one of the two before
    it names that class as the vesicles' (profiled_class)."""
    if not _ANAPHOR_LIST.possible(sentence.text):
        return []
    text = doc.text_of(sentence.section)
    match = _ANAPHOR_LIST.regex.match
    named = [m for m in molecules if match(text, sentence.start, m.start)]
    if not named or sentence.index == 0:
        return []
    before = [
        s
        for s in doc.sentences
        if s.section == sentence.section and sentence.index - 3 <= s.index < sentence.index
    ]
    if not before or pattern_search(_CLASS_NOUN, before[-1].text) is None:
        return []
    return named if any(pattern_search(_PROFILED_CLASS, s.text) for s in before) else []


def _said_of_vesicles(doc: Document, cue: Cue, vesicle_shorts: list[str]) -> bool:
    """Whether `cue` matches a sentence of the study (the title's included) that names
    vesicles (a lexicon term or a vesicle word): their miRNAs were sequenced or profiled (row
    vesicle_profile), or a review names miRNAs as their molecules (row vesicle_mirna_class)."""
    for section in dict.fromkeys(s.section for s in doc.sentences):
        text, lowered, hits = doc.text_of(section), doc.lowered(section), doc.cue_hits(section)
        if not cue.may_occur(text, lowered, hits):
            continue
        for sentence in doc.sentences:
            if (
                sentence.section == section
                and not doc.is_background(sentence)
                and cue.search(text, lowered, sentence.start, sentence.end, hits)
                and (
                    any(m.kind == "vesicle_types" for m in doc.in_sentence(sentence))
                    or _vesicle_words(sentence, [], vesicle_shorts)
                )
            ):
                return True
    return False


def _named_mirnas(doc: Document, with_cells: bool) -> Iterator[Mention]:
    """The miRNAs of the study's sentences (of those that name no cells, unless `with_cells`),
    less those whose level a sentence that names cells tells (rows level_before,
    level_after_mirna: they are the cells' molecules)."""
    free: list[Mention] = []
    in_cells: set[str] = set()
    for sentence in doc.sentences:
        if doc.is_background(sentence):
            continue
        mentions = doc.in_sentence(sentence)
        mirnas = [m for m in mentions if m.kind == "mirna"]
        if not mirnas:
            continue
        if not any(m.kind in _CELL_KINDS for m in mentions):
            free += mirnas
            continue
        if with_cells:
            free += mirnas
        text = doc.text_of(sentence.section)
        in_cells.update(
            m.label
            for m in mirnas
            if pattern_search(_LEVEL_BEFORE, text, max(sentence.start, m.start - 30), m.start)
            or pattern_match(_LEVEL_AFTER_MIRNA, text, m.end)
        )
    return (m for m in free if m.label not in in_cells)


def extract(doc: Document) -> list[Finding]:
    """The record's cargo findings, worked out once per Document: the direction analysis asks
    for them too (a level told of a carried RNA is no effect)."""
    found: list[Finding] | None = doc.cache.get("cargo")
    if found is None:
        found = doc.cache["cargo"] = list(_find(doc))
    return found


def _find(doc: Document) -> Iterator[Finding]:
    vesicles = analyse(doc).vesicles
    markers = load_lexicon().ev_marker_symbols
    # the record's short forms of vesicle phrases (read once, not per sentence)
    vesicle_shorts = [
        short for short, long in doc.abbreviations.items() if pattern_search(_VESICLE_HEAD, long)
    ]
    # the miRNAs of a record that profiles its vesicles' miRNAs (in sentences that name no
    # cells: a primary study also tells what its vesicles did in cells), and of a review that
    # names miRNAs as the vesicles' molecules
    if vesicles and doc.review:
        if _said_of_vesicles(doc, _VESICLE_MIRNA_CLASS, vesicle_shorts):
            for m in _named_mirnas(doc, with_cells=True):
                yield Finding("ev_cargo", m.label, m.span(), _REVIEWED)
    elif vesicles and _said_of_vesicles(doc, _VESICLE_PROFILE, vesicle_shorts):
        for m in _named_mirnas(doc, with_cells=False):
            yield Finding("ev_cargo", m.label, m.span(), _PROFILED)
    for sentence, view in zip(doc.sentences, sentence_views(doc), strict=True):
        if doc.is_background(sentence):
            continue
        # a sentence without molecules names no cargo: its vesicle words are not looked for
        molecules = [m for m in doc.in_sentence(sentence) if m.kind in _MOLECULES]
        if not molecules:
            continue
        if vesicles:  # "One of them, miR-324, ...": the sentence need name no vesicles
            for m in _named_back(doc, sentence, molecules):
                yield Finding("ev_cargo", m.label, m.span(), _NAMED_BACK)
        here = [
            v for v in vesicles if (v.section, v.sentence) == (sentence.section, sentence.index)
        ]
        if vesicles:  # the record studies vesicles: its other words for them count too
            here = sorted(
                here + _vesicle_words(sentence, here, vesicle_shorts), key=lambda v: v.start
            )
        if not here:
            continue
        text = doc.text_of(sentence.section)
        hits = section_hits(doc, sentence.section)
        found: list[tuple[Mention, str]] = []
        listed: list[Mention] = []
        transferred: list[Mention] = []
        for i, m in enumerate(molecules):
            before = [v for v in here if v.end <= m.start]
            after = [v for v in here if v.start >= m.end]
            lead = text[max(sentence.start, m.start - 40) : m.start]
            # "exosomes ... by transferring X", "cells deliver X via exosomes"
            if TRANSFER_VERB.search(lead, view) and (
                (before and not _CLAUSE.search(text[before[-1].end : m.start]))
                or (after and _TRANSFER_GAP.match(text[m.end : after[0].start]))
            ):
                transferred += _list_after(text, molecules, i)
            elif before and CARGO_LIST.search(text[sentence.start : m.start], view):
                listed.append(m)
            elif before:
                gap_from = before[-1].end
                rule = _held_before(text[gap_from : m.start], hits, gap_from, text, m.end)
                if rule == "class_list" and pattern_search(
                    _OBJECT_OF, text, max(sentence.start, before[-1].start - 12), before[-1].start
                ):
                    rule = None  # "cells treated with the exosomes contained ...": not theirs
                if rule is not None:
                    holders = _without_markers(_list_after(text, molecules, i), rule, markers)
                    found += [(held, rule) for held in holders]
                elif pattern_match(_THEY_HOLD, text, m.end):  # "the X and Y they hold"
                    found += [(held, "they_hold") for held in _list_before(text, molecules, i)]
            if after and not _TREATED.match(text[after[0].end : after[0].end + 12]):
                gap = text[m.end : after[0].start]
                rule = _held_after(gap, hits, m.end, text, m.start, sentence.start, after[0].end)
                if rule is not None:
                    holders = _without_markers(_list_before(text, molecules, i), rule, markers)
                    found += [(held, rule) for held in holders]
        for m, rule in found:
            yield Finding("ev_cargo", m.label, m.span(), f"held by the vesicles [rule {rule}]")
        for m in listed:
            yield Finding("ev_cargo", m.label, m.span(), _LISTED)
        for m in transferred:
            yield Finding("ev_cargo", m.label, m.span(), _TRANSFERRED)
