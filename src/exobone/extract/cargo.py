"""ev_cargo: molecules the text says the vesicles carry.

Said as "exosomal miR-21", "exosome-mediated transfer of X", "X was packed into exosomes",
"Wnt-3a content was elevated in ASC-EXO", "levels of MCP-1, MCP-3 and SDF-1 in exosomes",
"exosomes containing/carrying X", and the molecules listed as the vesicles' profile ("their
cargos, including miR-a and miR-b", "five miRNAs enriched in the EVs, including miR-c": the
`cargo_list` row of the direction rules, which keeps them from being effects). A lone "X
expression in exosome-treated cells" is not cargo.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from exobone.extract.cells import analyse
from exobone.extract.direction_rules import CARGO_LIST, TRANSFER_VERB, sentence_views
from exobone.extract.document import Document, Finding, Mention, Sentence
from exobone.extract.scanning import Relaxed

_MOLECULES = frozenset({"genes", "mirna", "lncrna"})
_ADJECTIVE_BEFORE = re.compile(
    r"^[\s-]*(?:derived|carried|shuttled|encapsulated|enriched|packaged)?\s*"
    r"(?:lncRNAs?|miRNAs?|microRNAs?|mRNAs?|proteins?|RNAs?)?\s*$",
    re.IGNORECASE,
)
_MEDIATED_TRANSFER = re.compile(
    r"^-?\s*(?:mediated|based)\s+(?:transfer|delivery|transport)\s+of\s+$", re.IGNORECASE
)
# Words that may stand before the vesicle word itself: "BMSC-derived", the "MSC-" of a glued
# "MSC-Exos", an abbreviation ("ADSC exosomes"), and the species, donor state or tissue words
# that name vesicles in lower case ("in rat BMSC-Exos", 10.1186/s13287-022-02975-0; "in
# human umbilical cord MSC exosomes"). Capitalised or hyphenated tokens and these words only,
# so that "in chondrocytes treated with exosomes" does not read as "in exosomes".
_NAMING_WORDS = (
    "human|rat|rats|mouse|mice|murine|porcine|bovine|rabbit|canine|equine|ovine|goat|pig|cow"
    "|young|aged|old|senescent|healthy|normal|diseased|hypoxic|normoxic|primed|engineered"
    "|native|small|large|apoptotic|serum|plasma|milk|urine|urinary|saliva|synovial|bone"
    "|marrow|umbilical|cord|adipose|dental|pulp|stem|stromal|cell|mesenchymal|derived"
)
_NAMING = (
    rf"(?-i:(?:(?:these|those|such|the|[A-Z][\w]*|[\w]+-[\w-]*|(?i:{_NAMING_WORDS}))"
    r"[\s-]+){0,4})"
)
# Vesicles the lexicon does not name as a type but the sentence does: "the vesicles", a short
# form of the record's own ("small osteoblast vesicles (SOVs)", 10.1038/s41467-022-28673-2;
# "CMEVs carry both TGF-beta and miR-148a", 10.1002/mnfr.202100764), a glued "-Exos" or "-EVs".
_VESICLE_WORD = re.compile(
    r"(?<![\w-])(?:(?:nano|micro)?vesicles?|[A-Za-z0-9]+-(?:[Ee]xos?|s?EVs?)|[A-Z][A-Za-z0-9]*"
    r"(?:EVs|MVs|Exos))(?![\w-])"
)
# searched first: most sentences hold none of its words ("vesicle", "-Exo", "EVs"), and the
# pattern itself is tried at every offset of every word
_VESICLE_WORD_RELAXED = Relaxed.of(_VESICLE_WORD.pattern, _VESICLE_WORD.flags)
_VESICLE_HEAD = re.compile(r"(?:vesicles?|exosomes?|EVs|MVs|microvesicles|nanovesicles)$")
_INTO = re.compile(
    r"^\s*(?:\S+\s+){0,6}(?:packed|packaged|loaded|sorted|encapsulated|incorporated|secreted"
    r"|transferred|delivered|shuttled|carried|transported)\s+(?:into|in|by|via|through)\s+"
    rf"(?:the\s+)?{_NAMING}$",
    re.IGNORECASE,
)
# A molecule measured in the source cells and in their vesicles is the vesicles' cargo too: 'IL-10
# mRNA was highly expressed both in reparative M2-like macrophages and in M2-Exos'
# (doi:10.1186/s12951-022-01314-y, R58), 'less NAMPT was found both in ADMSCold and in the EVs
# they secreted' (doi:10.1186/s12951-022-01763-5, R304).
_IN = re.compile(
    r"^\s*(?:\([^()]{1,20}\)\s*)?(?:contents?|levels?|expression|mRNAs?|proteins?)?\s*"
    r"(?:(?:was|were|is|are)\s+)?"
    r"(?:(?:also|highly|significantly|specifically|more|most|mainly)\s+)?(?:\w+ly\s+)?"
    r"(?:elevated|enriched|increased|higher|high|abundant|present|detected|found|identified"
    r"|low|lower|upregulated|up-regulated|contained|expressed|packaged|packed|loaded)?"
    r"\s*(?:both\s+(?:in|inside|within)\s+[^,;.()]{1,60}?\s+and\s+)?"
    rf"(?:in|inside|within)\s+(?:the\s+)?{_NAMING}$",
)
# "miR-140-loaded exosomes", "TGF-beta1-enriched EVs", "miR-21-overexpressing exosomes".
_GLUED_CARGO = re.compile(
    r"^-(?:loaded|enriched|containing|carrying|encapsulated|encapsulating|over-?expressing)"
    rf"[\s-]+{_NAMING}$"
)
# The molecule named as a class member the vesicles hold: "miR-143, a microRNA enriched in
# SOVs" (10.1038/s41467-022-28673-2), "miR-23a-3p was the most abundant of the many miRNAs
# carried by the sEVs" (10.1080/20013078.2020.1778883).
_CLASS_IN = re.compile(
    r"^\s*(?:,\s*(?:a|an|the)|(?:was|were|is|are)\s+(?:one\s+of\s+)?the)\s+"
    r"(?:(?:most|highly|more|\w+ly)\s+){0,2}(?:\w+\s+)?(?:(?:of|among)\s+the\s+(?:\w+\s+)?)?"
    r"(?:mi(?:cro)?RNAs?|lncRNAs?|circRNAs?|RNAs?|proteins?|molecules?|transcripts?|cargos?)"
    r"(?:\s+(?:\w+ly\s+)?(?:enriched|abundant|expressed|present|contained|carried|found"
    r"|detected|packaged|loaded))?"
    rf"\s+(?:in|inside|within|by)\s+(?:the\s+)?{_NAMING}$",
    re.IGNORECASE,
)
# Vesicles named by a molecule overexpressed in them or in their source cells: "exosomes
# overexpressing miR-181b (Exo-181b)" (10.1186/s12951-021-01015-y), "exosomes derived from
# miR-92a-3p-overexpressing MSCs" (10.1186/s13287-018-1004-0).
_OVEREXPRESSING = re.compile(
    r"^\s*(?:(?:derived\s+)?from\s+(?:the\s+)?[\w-]+\s+)?over-?express(?:ing|ed)\s+$",
    re.IGNORECASE,
)
_SOURCE_GAP = re.compile(
    r"^\s*(?:derived\s+from|from|of|secreted\s+by|released\s+by)\s+(?:the\s+)?$", re.IGNORECASE
)
_GLUED_OVEREXPRESSING = re.compile(r"-\s*over-?expressing\b", re.IGNORECASE)
# "the transfer of H19 by exosomes", "delivery of miR-21 via MSC-EVs".
_TRANSFER_LEAD = re.compile(
    r"\b(?:transfer|delivery|transport|shuttling|shuttle|transmission)\s+of\s+$", re.IGNORECASE
)
_TRANSFER_GAP = re.compile(
    rf"^\s*(?:(?:was|is)\s+)?(?:(?:mediated|carried)\s+)?(?:by|via|through|from|in)\s+"
    rf"(?:the\s+)?{_NAMING}$",
    re.IGNORECASE,
)
_CONTAIN_AFTER = re.compile(
    r"^\s*(?:[^\s,;]+\s+){0,5}?(?:contain\w*|carr(?:y|ies|ied|ying)|deliver\w*|shuttl\w*|transfer\w*"
    r"|enriched (?:in|with)|rich in|loaded with|abundant in)\s+"
    # the molecule itself, or its full name before its symbol in brackets ("integrin beta-1
    # (ITGB1)", "the functional protein C1q binding protein (C1QBP)")
    r"(?:(?:both|either)\s+)?(?:(?:\S+\s+){0,2}?|(?:[^\s,;()]+\s+){1,6}\()$",
    re.IGNORECASE,
)
# The vesicle phrase as the subject of a predicate that states what it holds, after the
# phrase's own modifiers (its source, its short form in brackets) or a relative pronoun bound
# to it: "serum exosomes from young rats highly expressing miRNA-19b-3p"
# (10.1186/s13287-021-02449-9), "BMSC-derived exosomes exhibited an enriched miR-136-5p
# level" (10.1302/2046-3758.1012.BJR-2020-0275.R2), "exosomes that carry high levels of X".
# A plain gap of other words may open a clause about something else (`_CONTAIN_AFTER` then
# asks for no clause word), so only these modifiers stand between the vesicles and the verb.
_AMOUNT = (
    r"(?:an?\s+)?(?:\w+ly\s+)?(?:high|higher|elevated|increased|enriched|large|larger|great"
    r"|greater|abundant|substantial|considerable)\s+"
)
_VESICLE_HOLDS = re.compile(
    r"^\s*(?:\([^()]{1,30}\)\s*)?"
    r"(?:(?:(?:isolated|derived|secreted|released|obtained)\s+)?(?:from|of|by)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?[\w-]+\s*(?:\([^()]{1,30}\)\s*)?)?"
    r"(?:,?\s*(?:which|that)\s+(?:(?:are|were|is|was)\s+)?)?(?:\w+ly\s+)?"
    r"(?:(?:contain\w*|carr(?:y|ies|ied|ying)|h[eo]ld(?:s|ing)?|harbou?r(?:s|ed|ing)?"
    r"|(?:(?<=highly )|over-?)express(?:ed|es|ing)?|rich\s+in|enriched\s+(?:in|with)|loaded\s+with"
    r"|abundant\s+in)\s+(?:"
    + _AMOUNT
    + r"(?:levels?|amounts?|quantities|concentrations?|contents?|abundance)\s+of\s+)?"
    r"|(?:exhibit\w*|show\w*|display\w*|ha[sd]|have|with)\s+" + _AMOUNT + r"(?:(?:levels?|amounts?"
    r"|contents?|expression)\s+of\s+)?)$",
    re.IGNORECASE,
)
# after the molecule of "exhibited an enriched X level": the noun the amount is of
_LEVEL_AFTER = re.compile(r"\s*(?:levels?|expression|contents?|abundance)\b", re.IGNORECASE)
# a gap ending in an amount without its noun ("showed an enriched"), or in "of"
_AMOUNT_AT_END = re.compile(_AMOUNT + r"$", re.IGNORECASE)
_OF_AT_END = re.compile(r"\bof\s+$")
# A gap that opens another clause: the molecule is no longer said of the vesicles.
_CLAUSE = re.compile(r"\b(?:which|that|while|whereas|when|treated)\b", re.IGNORECASE)
_LIST_GAP = re.compile(r"^[\s()]*(?:,|,?\s*and|,?\s*or)?[\s()]*$")
_LISTED = "listed as the vesicles' cargo [rule cargo_list]"
_TRANSFERRED = "transferred or delivered by the vesicles [rule transfer_verb]"
_TREATED = re.compile(r"^-?\s*(?:treated|induced|mediated|stimulated|exposed)\b", re.IGNORECASE)


def _holds(gap: str, text: str, end: int) -> bool:
    """Whether `gap` makes the vesicles before it the holders of the molecule after it
    (`_VESICLE_HOLDS`); an amount without its noun ("showed an enriched") needs the noun
    after the molecule ("an enriched miR-X level")."""
    # the vesicle phrase's modifiers and the verb run to some 60 characters; a longer gap is
    # not read (most are, and the pattern would be tried on each)
    if len(gap) > 80 or _VESICLE_HOLDS.match(gap) is None:
        return False
    if _OF_AT_END.search(gap) or not _AMOUNT_AT_END.search(gap):
        return True
    return _LEVEL_AFTER.match(text, end) is not None


def _list_before(text: str, molecules: list[Mention], index: int) -> list[Mention]:
    """The molecule at `index` and the ones listed right before it."""
    out = [molecules[index]]
    i = index
    while i > 0 and _LIST_GAP.match(text[molecules[i - 1].end : molecules[i].start]):
        i -= 1
        out.append(molecules[i])
    return out


def _list_after(text: str, molecules: list[Mention], index: int) -> list[Mention]:
    out = [molecules[index]]
    i = index
    while i + 1 < len(molecules) and _LIST_GAP.match(
        text[molecules[i].end : molecules[i + 1].start]
    ):
        i += 1
        out.append(molecules[i])
    return out


def _vesicle_words(
    sentence: Sentence, named: list[Mention], vesicle_shorts: list[str]
) -> list[Mention]:
    """The sentence's vesicle words that are not lexicon mentions (`_VESICLE_WORD`, and the
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
        spans += [
            m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", sentence.text)
        ]
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


def extract(doc: Document) -> Iterator[Finding]:
    vesicles = analyse(doc).vesicles
    # the record's short forms of vesicle phrases (read once, not per sentence)
    vesicle_shorts = [
        short for short, long in doc.abbreviations.items() if _VESICLE_HEAD.search(long)
    ]
    for sentence, view in zip(doc.sentences, sentence_views(doc), strict=True):
        if doc.is_background(sentence):
            continue
        # a sentence without molecules names no cargo: its vesicle words are not looked for
        molecules = [m for m in doc.in_sentence(sentence) if m.kind in _MOLECULES]
        if not molecules:
            continue
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
        found: list[Mention] = []
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
                gap = text[before[-1].end : m.start]
                if (
                    _ADJECTIVE_BEFORE.match(gap)
                    or _MEDIATED_TRANSFER.match(gap)
                    or (_CONTAIN_AFTER.match(gap) and not _CLAUSE.search(gap))
                    or _holds(gap, text, m.end)
                    or _OVEREXPRESSING.match(gap)
                    or (
                        _SOURCE_GAP.match(gap)
                        and _GLUED_OVEREXPRESSING.match(text, m.end, m.end + 20)
                    )
                ):
                    found += _list_after(text, molecules, i)
            if after and not _TREATED.match(text[after[0].end : after[0].end + 12]):
                gap = text[m.end : after[0].start]
                lead = text[max(sentence.start, m.start - 20) : m.start]
                if (
                    _INTO.match(gap)
                    or _IN.match(gap)
                    or _GLUED_CARGO.match(gap)
                    or _CLASS_IN.match(gap)
                    or (_TRANSFER_LEAD.search(lead) and _TRANSFER_GAP.match(gap))
                ):
                    found += _list_before(text, molecules, i)
        for m in found:
            yield Finding("ev_cargo", m.label, m.span())
        for m in listed:
            yield Finding("ev_cargo", m.label, m.span(), _LISTED)
        for m in transferred:
            yield Finding("ev_cargo", m.label, m.span(), _TRANSFERRED)
