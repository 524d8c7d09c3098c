"""Preconditioning: how the cells that made the vesicles were treated (drug, hypoxia, force,
induction, genetic modification), from the cell phrases of `exobone.extract.cells`.

Split from `exobone.extract.biology` (issue 12, modules under ~600 lines): this is its largest
field and its rules (primed sources, altered cargo, review strategies) read no other field.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from exobone.extract.cell_phrases import CellPhrase
from exobone.extract.cells import CellAnalysis, analyse
from exobone.extract.cues import Cue
from exobone.extract.document import Document, Finding, Mention, Sentence
from exobone.extract.rules import load_rules
from exobone.extract.scanning import required_texts
from exobone.model import Span

# The rules moved to rows so far are those of data/preconditioning.yaml (issue 17, rules as
# rows); the patterns below them are moved as they are touched.
_RULES: Final = load_rules("preconditioning.yaml")

_PRECONDITION_CUE = re.compile(
    r"\b(?:pre-?condition\w*|prim(?:ed|ing)|pre-?treat\w*|pre-?expos\w*|transfect\w*|transduc\w*"
    r"|overexpress\w*|knock\w*|engineer\w*|modified)\b",
    re.IGNORECASE,
)
# The induction the cells making the vesicles went through: "during", "under", ...; also the
# means, right before it, by which the vesicles were made stronger, "we strengthened their
# osteoinductive effect by osteogenic induction" (R443; not "by promoting chondrogenic
# differentiation", R426), and a day of it, "exosomal circRNA_0001236 was studied on
# day 21 of chondrogenic induction" (R222, doi:10.1186/s13287-021-02431-5).
_INDUCTION_LEAD = re.compile(
    r"\b(?:(?:during|stages? of|process of|course of|through|under|upon|following|undergoing"
    r"|underwent|subjected to|days? \d+ of)\s+"
    r"(?:the\s+)?(?:[\w-]+\s+){0,3}|by\s+)$",
    re.IGNORECASE,
)
_WITHOUT = re.compile(r"\bwithout\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
# ... but not a method of measuring: "osteogenesis was assessed by osteogenic induction".
_MEASURED_BY = re.compile(
    r"\b(?:assess|evaluat|measur|detect|determin|examin|analy[sz]|confirm|test|observ|quantif"
    r"|shown|show|demonstrat|reveal|verif|induc)\w*\s+(?:\w+\s+){0,2}by\s+$",
    re.IGNORECASE,
)


def _last_tokens_start(text: str, tokens: int) -> int:
    """Where the last `tokens` whitespace-separated tokens of `text` begin.

    `_WITHOUT` and `_INDUCTION_LEAD` are anchored at the end, and a match of either spans at
    most 3 and 6 tokens; searched from here they find what they find over the whole lead,
    without being tried (and failing) at every offset before.
    """
    at = len(text)
    for _ in range(tokens):
        while at and text[at - 1].isspace():
            at -= 1
        while at and not text[at - 1].isspace():
            at -= 1
    return at


# How a treatment of the source cells is written around their name (rows of one rule):
# before it, "DMOG-stimulated BMSCs", "miR-26a-modified BMSCs", "melatonin-pretreated MSCs";
# after it, "BMSCs preconditioned with a low dose of DMOG", "osteoblasts treated with
# dexamethasone", "MSCs cultured under hypoxic conditions", "BMSCs after chondrogenic
# induction". The agent's own label wins (hypoxia, chondrogenic_induction, ...); a gene or RNA
# made or silenced in the cells is genetic_modification; any other agent the cells were
# treated with is a drug.
_PRIMING_VERBS = (
    "pre-?treated|treated|pre-?conditioned|stimulated|activated|primed|exposed|pre-?induced"
    "|modified|engineered|transfected|transduced|pre-?differentiated|differentiated|induced"
    "|cultured|subjected"
    "|incubated|after|following|upon"
)
_PRIMED_BEFORE = Cue(
    r"(?<![\w-])([\w().]+(?:-[\w().]+)*?)-(" + _PRIMING_VERBS + r")\s+"
    r"(?:(?!(?:with|by|to|in|on|and|or|of)\s)[\w-]+\s+){0,2}$"
)
# The verb of a title's main clause ends the agent: "Exosomes from osteoblasts stimulated by
# cerebrospinal fluid pulsation stress promote angiogenesis" (real_paraphrase R91); so does
# the past tense of a result: "EVs of osteoblasts stimulated with dexamethasone raised the
# osteogenic differentiation of BMSCs" (doi:10.3389/fbioe.2023.1160703), "exosomes from
# BMSCs treated with icariin promoted ..." (without it the agent ran on to the induction word
# of the effect, and the drug was read as osteogenic_induction).
_MAIN_VERBS = (
    "(?:promot|enhanc|improv|inhibit|induc|alleviat|attenuat|accelerat|protect|prevent|regulat"
    "|reduc|amelior|suppress|facilitat|rais|increas|decreas|restor|revers|rescu|mitigat)"
    "(?:e|es|ed|s)?|(?:lower|boost|augment)(?:ed|s)"
)
# ... and so does a verb of having or showing after the vesicles' short name: "exosomes of
# BMSCs preconditioned with a low dose of dimethyloxaloylglycine (DMOG-MSC-Exos) have
# stronger proangiogenic activity" (doi:10.1186/s13287-019-1410-y, R97's paper).
_LINKING_VERBS = (
    "have|has|had|are|is|exerts?|exerted|showed|shows?|exhibit(?:s|ed)?|display(?:s|ed)?"
)
# (a Cue: the words after most source cells hold none of its verbs, which the section's one
# pass has looked up)
_PRIMED_AFTER = Cue(
    r"\)?\s*(?:\([^()]{1,30}\)\s*)?(?:(?:that|which) (?:had been|were|was) |were |was )?"
    r"(?:(osteogenically|chondrogenically|mechanically|genetically)\s+)?("
    + _PRIMING_VERBS
    + r")\s+(?:(?:with|by|under|in|to|for)\s+)?([^,;.]{1,80}?)(?=[,;.]|\s+(?:and|were|was|to|for"
    r"|before|then|on|in|into|onto|at|from|" + _MAIN_VERBS + r"|" + _LINKING_VERBS + r")\b|$)"
)
# "hMSCs that had been osteogenically pre-differentiated": the adverb names the treatment.
_MANNERS = {
    "osteogenically": "osteogenic_induction",
    "chondrogenically": "chondrogenic_induction",
    "mechanically": "mechanical_stimulation",
    "genetically": "genetic_modification",
}
# Verbs that say only that a drug was given; the rest need the agent's own label.
_DRUG_VERBS = frozenset(
    {"pretreated", "pre-treated", "treated", "preconditioned", "pre-conditioned", "stimulated",
     "activated", "primed", "exposed", "preinduced", "pre-induced"}
)  # fmt: skip
_DRUG_VERBS_UNHYPHENATED = frozenset(v.replace("-", "") for v in _DRUG_VERBS)
_GENETIC_VERBS = frozenset({"modified", "engineered", "transfected", "transduced"})
_GENETIC_KINDS = frozenset({"mirna", "lncrna", "genes"})
_GENETIC_WORDS = re.compile(
    r"\b(?:mimics?|inhibitors?|si-?RNA|sh-?RNA|lentivir\w*|plasmids?|vectors?|agomirs?"
    r"|antagomirs?|overexpress\w*|knock\w*)\b",
    re.IGNORECASE,
)
# Agents that are not treatments of the source cells: vesicles, media, the cells themselves.
# The comparison arm's plain oxygen is no agent: "the normoxia-preconditioned MSC-EVs" beside
# hypoxia-preconditioned ones (R1081), "exosomes of normoxic and hypoxic lung cancer cells"
# (doi:10.1186/s12957-022-02706-y).
_NOT_AGENT = re.compile(
    r"\b(?:exosom\w*|vesicles?|EVs?|medium|media|serum|FBS|PBS|cells?|culture|conditions?"
    r"|normox\w*|the|a|an)$|^\d",
    re.IGNORECASE,
)
_NOT_DRUG_KINDS = frozenset(
    {"genes", "mirna", "lncrna", "vesicle_types", "cell_types", "cell_lines", "species",
     "conditions", "outcomes", "pathways", "metabolites", "biomaterials", "origins"}
)  # fmt: skip


# An oxidant or nanoparticles given to the source cells are no drug: "H2O2-stimulated ADSCs"
# (R660), "BMSCs preconditioned with a low dose of Fe3O4 nanoparticles" (R641); the agent is a
# few words, so the row's regex runs on it at once (row not_a_drug).
_NOT_A_DRUG: Final = _RULES.regex("not_a_drug")


# A physical force is no drug: "CSFP stress-stimulated OBs", "osteoclasts under compression
# stress", "chondrocytes cultured under tensile stress" (R91; 10.32604/biocell.2021.013960;
# 10.3389/fbioe.2022.1061855). Oxidative or ER stress is a chemical insult.
_FORCE = re.compile(
    r"(?<!oxidative )(?<!ER )(?<!endoplasmic reticulum )(?<!metabolic )"
    r"\b(?:stress|strain|stretch\w*|compressi\w*|tensile|tension|shear|loading|pressure"
    r"|vibration)\b",
    re.IGNORECASE,
)


# The short name of the primed vesicles in brackets after the agent is no part of it:
# "exosomes from BMMSCs treated with glucocorticoid (GB-Exo)" (R86,
# doi:10.1186/s13287-020-01991-2), "EVs secreted by osteoblasts stimulated with dexamethasone
# for 14 consecutive days (OB-EVDex)" (doi:10.3389/fbioe.2023.1160703).
_TRAILING_BRACKET = re.compile(r"\s*\([^()]{1,30}\)\s*$")


def _agent_label(doc: Document, sentence: Sentence, start: int, end: int, verb: str) -> str:
    """The preconditioning label of an agent at [start, end) given to source cells by `verb`."""
    section = doc.text_of(sentence.section)
    if section[start:end].rstrip().endswith(")"):
        bracket = _TRAILING_BRACKET.search(section, start, end)
        if bracket is not None and bracket.start() > start:
            end = bracket.start()
    inside = [m for m in doc.in_sentence(sentence) if start <= m.start < end]
    for m in inside:
        if m.kind == "preconditioning" and m.label != "drug_pretreatment":
            return m.label
    verb = verb.lower()
    text = doc.text_of(sentence.section)[start:end]
    if _FORCE.search(text):
        return "mechanical_stimulation"
    if any(m.kind in _GENETIC_KINDS for m in inside) and (
        verb in _GENETIC_VERBS or _GENETIC_WORDS.search(text)
    ):
        return "genetic_modification"
    if _GENETIC_WORDS.search(text):
        return "genetic_modification"
    if (
        verb.replace("-", "") in _DRUG_VERBS_UNHYPHENATED
        and not any(m.kind in _NOT_DRUG_KINDS for m in inside)
        and not _NOT_AGENT.search(text.strip())
        and any(c.isalpha() for c in text)
        and not _NOT_A_DRUG.search(text)
    ):
        return "drug_pretreatment"
    return ""


_BEFORE_REASON = "a treatment glued before the name of the vesicles' source cells"
_AFTER_REASON = "a treatment written after the name of the vesicles' source cells"


# A participle with no auxiliary before it and no preposition after it is the sentence's own
# verb, said of the vesicles named with the source cells, not a treatment of those cells:
# "exosomes from BMSCs stimulated the osteogenic differentiation of MC3T3-E1 cells" (the
# differentiation was read as osteogenic_induction of the BMSCs), against "BMSCs induced by
# DMOG", "BMSCs that were induced with ...". A priming toward a lineage with no label is no
# drug either: "exosomes of dental pulp stem cells primed toward odontogenic
# differentiation" (R585).
_AUXILIARY = re.compile(r"\b(?:were|was|been|being)\b", re.IGNORECASE)
_PREPOSITION_VERBS = frozenset({"after", "following", "upon"})


def _main_verb(text: str, end: int, after: re.Match[str]) -> bool:
    """Whether the verb `_PRIMED_AFTER` found after source cells ending at `end` is bare."""
    return (
        not after.group(1)
        and after.group(2).lower() not in _PREPOSITION_VERBS
        and not text[after.end(2) : after.start(3)].strip()
        and _AUXILIARY.search(text, end, after.start(2)) is None
    )


def _primed_sources(doc: Document, sources: list[CellPhrase]) -> Iterator[Finding]:
    """Treatments written around the name of the source cells (see `_PRIMED_BEFORE`)."""
    for p in sources:
        text = doc.text_of(p.section)
        sentence = doc.sentence_of(p.mentions[0])
        lead_start = max(sentence.start, p.start - 80)
        lowered, hits = doc.lowered(p.section), doc.cue_hits(p.section)
        before = _PRIMED_BEFORE.search(text, lowered, lead_start, p.start, hits)
        if before and before.group(2).lower() not in ("after", "following", "upon", "cultured"):
            label = _agent_label(doc, sentence, before.start(1), before.end(1), before.group(2))
            if label:
                span = Span(before.start(), before.end(2), p.sentence, p.section)
                yield Finding("preconditioning", label, span, _BEFORE_REASON)
                continue
        after = _PRIMED_AFTER.match(text, lowered, p.end, sentence.end, hits)
        if after and _main_verb(text, p.end, after):
            continue
        if after:
            manner = (after.group(1) or "").lower()
            label = _MANNERS.get(manner) or _agent_label(
                doc, sentence, after.start(3), after.end(3), after.group(2)
            )
            if label:
                start = after.start(1) if manner else after.start(2)
                span = Span(start, after.end(3), p.sentence, p.section)
                yield Finding("preconditioning", label, span, _AFTER_REASON)


# A molecule raised or silenced in the vesicles or in their source cells, to test what the
# vesicles carry: "reducing the miR-199a carried by the EVs", "inhibiting miR-324 in the sEVs",
# "knocking down miR-690 in the M2 macrophages" (row altered_before, the place after the
# molecule), "suppressing the exosomal miR-31a-5p" (row altered_in_vesicles, the vesicles as
# its adjective). Silenced in unnamed cells ("knocking down CXCL12 reversed the effects") or in
# the recipients, it is no treatment of the source. The molecule is a few characters on, so
# the rows' regexes run on the words before it at once.
_ALTERED: Final = _RULES.regex("altered_before")
_ALTERED_IN_VESICLES: Final = _RULES.regex("altered_in_vesicles")
_ALTERED_WHERE = re.compile(
    r"\s+(?:(?:carried|contained|packaged|loaded|enriched)\s+)?(?:by|in|within|inside|of)\s+"
    r"(?:(?:the|these|those)\s+)?(?:[\w-]+\s+){0,2}?$",
    re.IGNORECASE,
)
_ALTERED_KINDS = frozenset({"mirna", "lncrna", "genes"})
# Texts one of which a sentence must hold for `_ALTERED` to match in it (a cheap pre-check),
# read from the pattern (altered_in_vesicles' verbs are among them).
_ALTERED_NEEDLES = required_texts(_ALTERED.pattern)
_IN_VESICLES_NEEDLES: Final = required_texts(_ALTERED_IN_VESICLES.pattern)
# ... and that changed what the vesicles did, with no hedge before (row effect_changed):
# "abolished these effects", "held back the worsening"; "inhibiting miR-214-3p in osteoclasts
# may be a way to treat disorders with reduced bone formation" is a therapy.
_EFFECT_CHANGED: Final = _RULES.regex("effect_changed")


def _altered_cargo(doc: Document, cells: CellAnalysis) -> Iterator[Finding]:
    """Molecules raised or silenced in the vesicles or their source cells (see `_ALTERED`)."""
    sources = {(p.cell, p.origin) for p in cells.sources}
    for s in doc.sentences:
        if doc.is_background(s):
            continue
        molecules = [m for m in doc.in_sentence(s) if m.kind in _ALTERED_KINDS]
        lowered = doc.lowered(s.section)
        if not molecules or not any(
            lowered.find(needle, s.start, s.end) >= 0 for needle in _ALTERED_NEEDLES
        ):
            continue
        text = doc.text_of(s.section)
        places = [
            v.start for v in cells.vesicles if (v.section, v.sentence) == (s.section, s.index)
        ] + [
            p.start
            for p in cells.phrases
            if (p.section, p.sentence) == (s.section, s.index)
            and p.role != "recipient"
            and (p.cell, p.origin) in sources
        ]
        for m in molecules:
            lead = max(s.start, m.start - 40)
            window = text[lead : m.start]
            # (each row's regex runs only where the 40 characters hold one of its needles:
            # most molecules of these sentences have none of its verbs right before them)
            low = window.lower() if window.isascii() else None
            in_vesicles = (
                _ALTERED_IN_VESICLES.search(text, lead, m.start)
                if low is None or any(needle in low for needle in _IN_VESICLES_NEEDLES)
                else None
            )
            verb = in_vesicles or (
                _ALTERED.search(text, lead, m.start)
                if low is None or any(needle in low for needle in _ALTERED_NEEDLES)
                else None
            )
            if verb is None:
                continue
            if (
                in_vesicles is not None
                or any(
                    m.end < at <= m.end + 50 and _ALTERED_WHERE.fullmatch(text, m.end, at)
                    for at in places
                )
            ) and _EFFECT_CHANGED.match(text, m.end, s.end):
                span = Span(verb.start(), m.end, m.sentence, m.section)
                reason = f"'{verb.group().strip()} {m.text}' in the vesicles or their source"
                yield Finding("preconditioning", "genetic_modification", span, reason)
                break


# 'oe-' glued before a gene and a word for the vesicles: "ADSCs-oe-SPC25-Exos" (R17),
# "BT-oe-METTL3-EXO" (R621); only cells overexpress a gene (row overexpressed_in_name). Few
# texts hold one of the texts every match holds (read from the pattern): the regex runs there.
_OVEREXPRESSED_IN_NAME: Final = _RULES.regex("overexpressed_in_name")
_IN_NAME_NEEDLES: Final = required_texts(_OVEREXPRESSED_IN_NAME.pattern)
_IN_NAME_REASON = "an overexpression ('oe-') glued into the name of the vesicles"


def _overexpressed_in_name(doc: Document) -> Iterator[Finding]:
    """The first vesicle name of the study's own account that holds an overexpression."""
    for section in ("title", "abstract"):
        lowered = doc.lowered(section)
        if not any(needle in lowered for needle in _IN_NAME_NEEDLES):
            continue
        for found in _OVEREXPRESSED_IN_NAME.finditer(doc.text_of(section)):
            at = found.end()
            s = next((x for x in doc.sentences if x.section == section and x.end >= at), None)
            if s is not None and not doc.is_background(s):
                span = Span(found.start(), found.end(), s.index, section)
                yield Finding("preconditioning", "genetic_modification", span, _IN_NAME_REASON)
                return


# Hypoxia after 'under' or 'in' in a sentence of the source cells or the vesicles: the low
# oxygen those cells were kept in ("synovial fibroblasts under hypoxia", R941; "culturing
# AMSCs under hypoxia", R1002); row kept_under of data/preconditioning.yaml.
_KEPT_UNDER: Final = _RULES.regex("kept_under")
_KEPT_REASON = "the low oxygen the cells that made the vesicles were kept in"


def _cell_words(doc: Document, p: CellPhrase) -> str:
    """The words of the cell-type mention that closes `p`, lowercased, without a plural s."""
    text = doc.text_of(p.section)
    words = ""
    for m in p.mentions:
        if m.kind == "cell_types" or m.kind == "cell_lines":
            words = text[m.start : m.end].lower()
    return words[:-1] if words.endswith("s") else words


def preconditioning(doc: Document) -> Iterator[Finding]:
    """The preconditioning findings: treatments of the cells that made the vesicles."""
    cells = analyse(doc)
    source_ids = {(p.cell, p.origin) for p in cells.sources}
    # The source cells named again: the same identity in the same words (two dental stem cells
    # share stem_cell_dental||, but "PDLSCs" do not name "DFSCs", R129).
    source_words = {_cell_words(doc, p) for p in cells.sources} - {""}
    named_again = [
        p
        for p in cells.phrases
        if p.role != "source"
        and (p.cell, p.origin) in source_ids
        and _cell_words(doc, p) in source_words
    ]
    # Named again with no other role, with their treatment after them: "NDMVs, isolated from
    # healthy neutrophils stimulated with TNFalpha" (R422, doi:10.3390/ijms22147409), "co-culture
    # with macrophages that had been stimulated with hypoxic conditions" (R245,
    # doi:10.2147/IJN.S398446), the vesicles' source named in a title or sentence before.
    yield from _primed_sources(doc, cells.sources + [p for p in named_again if not p.role])
    yield from _altered_cargo(doc, cells)
    yield from _overexpressed_in_name(doc)
    source_sentences = {(p.section, p.sentence) for p in cells.sources}
    source_cells = source_sentences | {(p.section, p.sentence) for p in named_again}
    vesicle_sentences = {(v.section, v.sentence) for v in cells.vesicles}
    # "LPS-induced hPDLSCs" that received the vesicles: the treatment models the disease in
    # the recipients (seed NOTES: IL-1beta given to recipient cells is no preconditioning).
    recipient_ids = {(p.cell, p.origin) for p in cells.recipients} - source_ids
    in_recipients = [
        x for p in cells.phrases if (p.cell, p.origin) in recipient_ids for x in p.mentions
    ]
    recipients = [p for p in cells.phrases if (p.cell, p.origin) in recipient_ids]
    for m in doc.of_kind("preconditioning"):
        if m in in_recipients or _primes(doc.text_of(m.section), m, recipients, _TREATED_SUFFIX):
            continue
        if _engineers_vesicles(doc, doc.text_of(m.section), m, cells.vesicles):
            continue
        key = (m.section, m.sentence)
        text = doc.text_of(m.section)
        sentence = doc.sentence_of(m)
        lead = text[sentence.start : m.start]
        if key in vesicle_sentences and _makes_vesicles(text, m, sentence, cells.vesicles):
            yield Finding("preconditioning", m.label, m.span(), _MAKES_REASON)
            continue
        if m.label == "drug_pretreatment" and any(
            o.kind == "preconditioning" and o is not m and 0 <= o.start - m.end < 40
            for o in doc.in_sentence(sentence, "preconditioning")
        ):
            continue
        if (
            any(m in p.mentions for p in cells.sources)
            or _names_vesicle(text, m, cells.vesicles)
            or _primes_source(text, m, cells.sources)
        ):
            yield Finding("preconditioning", m.label, m.span())
            continue
        if doc.review and _review_strategy(text, sentence.start, sentence.end, m):
            yield Finding("preconditioning", m.label, m.span())
            continue
        if key not in source_cells and key not in vesicle_sentences:
            continue
        if _WITHOUT.search(lead, _last_tokens_start(lead, 3)):
            continue
        if (
            m.label == "hypoxia"
            and _KEPT_UNDER.search(lead, _last_tokens_start(lead, 3))
            and not any(
                p.section == m.section and 0 <= m.start - p.end <= 40 for p in recipients
            )
        ):
            yield Finding("preconditioning", m.label, m.span(), _KEPT_REASON)
            continue
        if m.label in ("osteogenic_induction", "chondrogenic_induction"):
            after_source = any(
                p.end <= m.start for p in cells.sources if (p.section, p.sentence) == key
            ) or any(v.end <= m.start for v in cells.vesicles if (v.section, v.sentence) == key)
            lead_start = _last_tokens_start(lead, 6)
            if (
                after_source
                and _INDUCTION_LEAD.search(lead, lead_start)
                and not (lead.rstrip().endswith("by") and _MEASURED_BY.search(lead, lead_start))
            ):
                yield Finding("preconditioning", m.label, m.span())
            continue
        window = text[max(sentence.start, m.start - 60) : min(sentence.end, m.end + 60)]
        if (
            key in source_cells
            and _PRECONDITION_CUE.search(window)
            and (
                m.label != "genetic_modification"
                or _changes_source(text, m, cells.sources + named_again, cells.vesicles)
            )
        ):
            yield Finding("preconditioning", m.label, m.span())


# A bare word of genetic change (knockdown, overexpression, transfected, engineered) near the
# source cells is theirs only when said of them or their vesicles (rows changed_after_source
# and changed_in_source of data/preconditioning.yaml); otherwise it is a manipulation of the
# recipients or a method (R86, R179: quality20h).
_CHANGED_AFTER_SOURCE: Final = _RULES.regex("changed_after_source")
_CHANGED_IN_SOURCE: Final = _RULES.regex("changed_in_source")


def _changes_source(
    text: str, m: Mention, sources: list[CellPhrase], vesicles: list[Mention]
) -> bool:
    """Whether the genetic change `m` is said of the source cells or vesicles of its sentence:
    part of their phrase ("BMSCs were transfected"), named right before it, or as the place of
    the change after it."""
    places = [(p.section, p.start, p.end) for p in sources]
    places += [(v.section, v.start, v.end) for v in vesicles]
    return any(
        section == m.section
        and (
            start <= m.start < end
            or (0 <= m.start - end <= 50 and _CHANGED_AFTER_SOURCE.fullmatch(text, end, m.start))
            or (0 < start - m.end <= 120 and _CHANGED_IN_SOURCE.fullmatch(text, m.end, start))
        )
        for section, start, end in places
    )


# The treatment under which cells, named or not in the cell lexicon, made the vesicles:
# "cyclic stretch stimulated human PDLCs to secrete exosomes", "DFCs were cultured in
# osteogenic medium to generate MVs" (R103, R66); "exosomes from cyclic stretched periodontal
# ligament cells", "matrix vesicles ... from osteogenically induced dental follicle cells"
# (the titles of R103 and R66). Rows of data/preconditioning.yaml.
_TO_MAKE: Final = _RULES.regex("to_make")
_FROM_LEAD: Final = _RULES.regex("from_lead")
_CELLS_AFTER: Final = _RULES.regex("cells_after")
_CELLS_BETWEEN: Final = _RULES.regex("cells_between")
_MAKES_REASON = "the treatment under which the cells made the vesicles"


def _makes_vesicles(text: str, m: Mention, sentence: Sentence, vesicles: list[Mention]) -> bool:
    """Whether `m` names how the cells that made the vesicles were treated (`_TO_MAKE`)."""
    here = [v for v in vesicles if (v.section, v.sentence) == (sentence.section, sentence.index)]
    if any(0 < v.start - m.end <= 80 and _TO_MAKE.fullmatch(text, m.end, v.start) for v in here):
        return True
    # the change made in the cells the vesicles came from, right after them (row cells_between)
    if any(
        0 < m.start - v.end <= 80 and _CELLS_BETWEEN.fullmatch(text, v.end, m.start) for v in here
    ):
        return True
    return (
        any(v.end <= m.start for v in here)
        and _FROM_LEAD.search(text, max(sentence.start, m.start - 6), m.start) is not None
        and _CELLS_AFTER.match(text, m.end, sentence.end) is not None
    )


# Reviews list the ways of improving vesicles ("strategies such as hypoxic preconditioning,
# genetic engineering and drug loading"): those are the review's preconditioning subjects.
_STRATEGY = re.compile(
    r"\b(?:strateg\w*|approach\w*|optimi[sz]\w*|potenc\w*|pre-?condition\w*)\b",
    re.IGNORECASE,
)
_STRATEGY_LABELS = frozenset(
    {"hypoxia", "genetic_modification", "drug_pretreatment", "mechanical_stimulation"}
)


def _review_strategy(text: str, start: int, end: int, m: Mention) -> bool:
    """Whether a review names `m` among strategies for better vesicles."""
    if m.label not in _STRATEGY_LABELS and not _PRECONDITION_CUE.search(
        text, max(start, m.start - 80), min(end, m.end + 30)
    ):
        return False
    if m.label in ("osteogenic_induction", "chondrogenic_induction"):
        return False
    return _STRATEGY.search(text, start, end) is not None


_PRIMED_SUFFIX = re.compile(
    r"-(?:treated|exposed|stimulated|primed|preconditioned|pretreated|conditioned)\s+"
    r"(?:[\w'-]+\s+){0,3}$",
    re.IGNORECASE,
)


# A treatment said of the source cells with no verb: "Mechanically strained osteocyte-derived
# exosomes" (title of R191, doi:10.1186/s12938-024-01237-9), "EVs from naive hMSC and from
# osteogenically differentiating hMSC" (R33, doi:10.1186/s13287-024-03639-x); a force after
# them: "Exosomes derived from osteoclasts under compression stress" (title of R321,
# doi:10.32604/biocell.2021.013960).
_ADJECTIVE_BEFORE = re.compile(r"\s+(?:the\s+)?$")
_UNDER = re.compile(r"\)?\s+(?:(?:which|that)\s+(?:were|was)\s+)?(?:under|subjected\s+to)\s+")


_TREATED_SUFFIX = re.compile(
    r"-(?:treated|induced|stimulated|exposed|challenged)\s+(?:[\w'-]+\s+){0,3}$", re.IGNORECASE
)


def _primes_source(text: str, m: Mention, sources: list[CellPhrase]) -> bool:
    """ "Exosomes from hypoxia-treated ADSCs": the priming is an adjective of source cells;
    "mechanically strained osteocyte-derived exosomes", "EVs from osteogenically
    differentiating hMSC": the treatment named right before the source cells
    (`_ADJECTIVE_BEFORE`); "exosomes of osteoclasts under compression stress": a force after
    them and 'under' (`_UNDER`)."""
    if _primes(text, m, sources, _PRIMED_SUFFIX) or _primes(text, m, sources, _ADJECTIVE_BEFORE):
        return True
    if m.label != "mechanical_stimulation":
        return False
    return any(
        p.section == m.section
        and 0 < m.start - p.end < 30
        and _UNDER.fullmatch(text, p.end, m.start) is not None
        for p in sources
    )


def _primes(text: str, m: Mention, phrases: list[CellPhrase], suffix: re.Pattern[str]) -> bool:
    """Whether `m` is glued by `suffix` before one of `phrases` ("LPS-treated NP cells")."""
    return any(
        p.section == m.section
        and 0 < p.start - m.end < 40
        and suffix.match(text, m.end, p.start) is not None
        for p in phrases
    )


# "Engineered exosomes", "we engineered MSCsSC exosomes as carriers": the vesicles were
# engineered after they were made (R116, R118, R122; R100 and R37's convention), not their
# source cells; "genetically engineered NIH-3T3 cells" names the cells (R117). The vesicles
# named right before the word, or a word for them right after it (also in the long form of an
# abbreviation: "engineered EVs (FEEs)"): rows vesicles_then_engineered and
# engineered_then_vesicles of data/preconditioning.yaml.
_VESICLE_AFTER = re.compile(r"\s+(?:the\s+)?(?:[\w-]+[\s-])?$")
_VESICLES_THEN_ENGINEERED: Final = _RULES.regex("vesicles_then_engineered")
_ENGINEERED_THEN_VESICLES: Final = _RULES.regex("engineered_then_vesicles")
_ENGINEERED = re.compile(r"\bengineered\b", re.IGNORECASE)


def _engineers_vesicles(doc: Document, text: str, m: Mention, vesicles: list[Mention]) -> bool:
    """Whether `m` is the word "engineered" said of the vesicles named right next to it, or
    an abbreviation whose long form says so."""
    if m.text.lower() != "engineered":
        long = doc.abbreviations.get(m.text, "")
        word = _ENGINEERED.search(long) if long else None
        return word is not None and _ENGINEERED_THEN_VESICLES.match(long, word.end()) is not None
    if _ENGINEERED_THEN_VESICLES.match(text, m.end) is not None:
        return True
    return any(
        v.section == m.section
        and (
            (
                0 < v.start - m.end <= 20
                and _VESICLE_AFTER.fullmatch(text, m.end, v.start) is not None
                and "cell" not in text[m.end : v.start]
            )
            or (
                0 < m.start - v.end <= 12
                and _VESICLES_THEN_ENGINEERED.fullmatch(text, v.end, m.start) is not None
            )
        )
        for v in vesicles
    )


def _names_vesicle(text: str, m: Mention, vesicles: list[Mention]) -> bool:
    """ "IL1-Exos", "Hypo-EVs": the priming is part of the vesicles' name."""
    return any(
        v.section == m.section and 0 <= v.start - m.end <= 1 and text[m.end : v.start] in ("", "-")
        for v in vesicles
    )
