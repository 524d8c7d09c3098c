"""Cell phrases and what they do: the cells vesicles came from, and the cells that received them.

A cell phrase is a run of cell-type, origin, species and cell-line mentions joined only by
words such as "derived from", "human", "primary", a hyphen or an `(ABBR)`; it resolves to
`cell|origin|species` (a cell line gives its own identity; MSCs "derived from" iPSCs or ESCs
take the origin `iPSC_derived` / `ESC_derived`). Each phrase is then related to the vesicle
mentions of its sentence: "exosomes derived from X", "X-derived exosomes", "X exosomes" make X
a source; "effects of exosomes on X", "internalized by X", "X treated with exosomes" make X a
recipient. The analysis is computed once per Document and shared by the field families.

The patterns and word lists these decisions use are rows of data/cells.yaml (compiled in
`cells_rules`); this module holds the sentence logic that applies them. The phrases themselves
and their resolution are built in `cell_phrases`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from exobone.extract.cell_phrases import CellPhrase, is_list_joint, phrases_in, treated_with
from exobone.extract.cells_rules import (
    ACTED_ON_BEFORE,
    AFTER_BEFORE,
    ANAPHOR,
    AND_GAP,
    AND_THEN,
    APPOSITION,
    BREAKER,
    BY_THESE_CELLS,
    CARGO_ACTS_AFTER,
    CARGO_GIVEN_ALONE_AFTER,
    CARGO_GIVEN_ALONE_BEFORE,
    COLLECTED_AFTER,
    COUNT_BEFORE,
    CULTURES_AFTER,
    DEFINED_ABBREVIATION,
    DEFINED_AS,
    DERIVED_CARGO_AFTER,
    DIFFERENTIATE_TO,
    DONORS_BEFORE,
    EFFECTS_ON_LEAD,
    EV_FAMILY_LIST,
    FAMILY_AFTER,
    FAMILY_CONTRAST_BEFORE,
    GENERIC_DEFINITION,
    HYPHENATED_END,
    IN_LEAD,
    MADE_BY_TREATING_GAP,
    MEDIUM_OF,
    MODIFIED,
    NAMED_AFTER,
    NOT_RECIPIENT_AFTER,
    ORIGIN_OF,
    OSTEOBLAST_PRECURSORS,
    OWN_PROCESS_AFTER,
    OWN_WORK,
    PROCESS_AFTER,
    PROCESS_OF_CELLS_AFTER,
    PROCESS_OF_GAP,
    RECIPIENT_LEAD,
    RECIPIENT_LIST_GAP,
    RECIPIENT_PREP,
    RELATIVE_GAP,
    SECRETED_BY,
    SECRETION_OF,
    SERVED_AS_MODEL,
    SOURCE_AFTER,
    SOURCE_ANAPHOR,
    SOURCE_BEFORE,
    SOURCE_LIST_GAP,
    SOURCE_RELEASE,
    SOURCE_THEM_AFTER,
    SOURCE_WORDS,
    THEY_COME_FROM_AFTER,
    TISSUE_FROM_PATIENTS,
    TO_GAP,
    TREATED,
    TREATED_TO_OBTAIN_GAP,
    TREATMENT_AFTER,
    WERE,
    section_hits,
)
from exobone.extract.cues import CueHits
from exobone.extract.document import Document, Mention, Sentence
from exobone.extract.scanning import fold
from exobone.text.calls import pattern_match, pattern_search


@dataclass
class CellAnalysis:
    """Cell phrases of a document with their roles, and the vesicle mentions that count."""

    phrases: list[CellPhrase] = field(default_factory=list)
    sources: list[CellPhrase] = field(default_factory=list)
    recipients: list[CellPhrase] = field(default_factory=list)
    vesicles: list[Mention] = field(default_factory=list)


# The uptake words of `ACTED_ON_BEFORE`: the vesicles' parent cells may take up vesicles too.
_UPTAKE_STARTS = ("internali", "endocyt", "engulf", "absorb", "took", "take", "taking")


def _gap(text: str, start: int, end: int) -> str:
    return text[start:end] if start <= end else ""


def vesicle_mentions(doc: Document) -> list[Mention]:
    """Vesicle mentions of the study, without background and definitional uses. In a review,
    the subject of a sentence-opening general definition ("Exosomes are nanovesicles secreted
    by MSCs") stays, for the cells it names, but is recorded in `doc.cache["general_vesicles"]`
    as (section, start): it names no kind of preparation (see `general_vesicles`)."""
    out = []
    mentions = doc.of_kind("vesicle_types")
    # Each rule is searched in the text before a mention; the text before the sentence's last
    # mention holds every other's, so a rule whose required texts it lacks is passed over
    # for the whole sentence (one test instead of one per mention).
    # A review has no opening background to drop, so its general uses of vesicle words are
    # read here: the kind a sentence opens by defining, the family's subtypes, a contrast.
    review = doc.review
    possible = (True, True, True, True)
    low_longest = ""  # (folded when a gate may match before a mention of the sentence)
    ascii = False
    defined = ("", -1)  # section and end of a sentence-opening general definition
    general: set[tuple[str, int]] = set()
    doc.cache["general_vesicles"] = general
    here: CueHits | None = None  # the hits of the mention's section
    for i, m in enumerate(mentions):
        text = doc.text_of(m.section)
        sentence = doc.sentence_of(m)
        if i == 0 or (mentions[i - 1].section, mentions[i - 1].sentence) != (
            m.section,
            m.sentence,
        ):
            here = section_hits(doc, m.section)
            end = m.start
            for later in mentions[i + 1 :]:
                if (later.section, later.sentence) != (m.section, m.sentence):
                    break
                end = max(end, later.start)
            longest = text[sentence.start : end]
            possible = (
                DEFINED_AS.may_match(longest, here, sentence.start),
                APPOSITION.may_match(longest, here, sentence.start),
                EV_FAMILY_LIST.may_match(longest, here, sentence.start),
                review and FAMILY_CONTRAST_BEFORE.possible(longest),
            )
            if any(possible):
                # folded once for the four gates; an ASCII text's prefix folds to its fold's
                # prefix
                low_longest = fold(longest)
                ascii = longest.isascii()
        if review:
            if m.section == defined[0] and m.start < defined[1]:
                general.add((m.section, m.start))
            elif m.start == sentence.start and (
                definition := pattern_match(GENERIC_DEFINITION, text, m.end, sentence.end)
            ):
                defined = (m.section, definition.end())
                general.add((m.section, m.start))
            if pattern_match(FAMILY_AFTER, text, m.end, sentence.end):
                continue
            if m.label == "extracellular_vesicle" and NAMED_AFTER.match(text[m.end : sentence.end]):
                continue
        if not any(possible):
            out.append(m)
            continue
        before = text[sentence.start : m.start]
        low = low_longest[: m.start - sentence.start] if ascii else None
        at = sentence.start
        if (possible[0] and DEFINED_AS.search(before, here, at, low)) or (
            possible[1] and APPOSITION.search(before, here, at, low)
        ):
            continue
        if (possible[3] and FAMILY_CONTRAST_BEFORE.search(before, None, low)) or (
            possible[2]
            and EV_FAMILY_LIST.search(before, here, at, low)
            and (review or not pattern_search(OWN_WORK, text, sentence.start, sentence.end))
        ):
            continue
        out.append(m)
    return out


def general_vesicles(doc: Document) -> set[tuple[str, int]]:
    """(section, start) of the kinds of vesicle sentences open by defining in general."""
    analyse(doc)
    general = doc.cache.get("general_vesicles")
    return general if isinstance(general, set) else set()


def analyse(doc: Document) -> CellAnalysis:
    """The cell analysis of `doc` (computed once, then cached on the Document)."""
    cached = doc.cache.get("cells")
    if isinstance(cached, CellAnalysis):
        return cached
    analysis = CellAnalysis(vesicles=vesicle_mentions(doc))
    vesicles_by_sentence: dict[tuple[str, int], list[Mention]] = {}
    for v in analysis.vesicles:
        vesicles_by_sentence.setdefault((v.section, v.sentence), []).append(v)
    by_sentence: list[tuple[Sentence, list[CellPhrase], list[Mention]]] = []
    previous: list[Mention] = []
    defined: dict[str, tuple[str, str, str]] = {}  # abbreviation -> its background identity
    # (section, sentence) of the phrases so far: "secreted by these cells" is looked for only
    # after a sentence that has some (`_earlier_source` has nothing to mark otherwise)
    with_phrases: set[tuple[str, int]] = set()
    carried: set[str] = set()  # the RNAs named so far in sentences about the vesicles
    for sentence in doc.sentences:
        named, previous = previous, vesicles_by_sentence.get((sentence.section, sentence.index), [])
        if doc.is_background(sentence):
            if "(" in sentence.text:
                defined.update(_defined_identities(doc, sentence))
            continue
        phrases = phrases_in(doc, sentence)
        phrases = [p for p in phrases if not doc.is_background(p.mentions[0])]
        analysis.phrases += phrases
        for p in phrases:
            with_phrases.add((p.section, p.sentence))
        _species_from(doc, sentence, phrases)
        if len(phrases) > 1:
            _origin_of_made_cells(doc, sentence, phrases)
        vesicles = previous
        if vesicles:
            if phrases:  # (no phrase, no source to mark)
                _sources(doc, sentence, phrases, vesicles)
            by_sentence.append((sentence, phrases, vesicles))
            if (sentence.section, sentence.index - 1) in with_phrases and BY_THESE_CELLS.search(
                sentence.text
            ):
                _earlier_source(analysis.phrases, phrases, sentence)
            carried.update(m.label for m in doc.in_sentence(sentence) if m.kind in _RNA_KINDS)
        elif (
            phrases
            and len({v.label for v in named}) == 1
            and (refs := _source_anaphors(sentence, named[0]))
        ):
            _sources(doc, sentence, phrases, refs)
            by_sentence.append((sentence, phrases, refs))
        else:
            refs = []
            if by_sentence and by_sentence[-1][0].index == sentence.index - 1:
                refs = _anaphors(sentence)
            if not refs and phrases and carried:
                refs = _cargo_subjects(doc, sentence, carried)
            if refs:
                by_sentence.append((sentence, phrases, refs))
        if phrases and analysis.vesicles and not doc.review:
            _model_cells(doc, sentence, phrases)
    source_ids = {(p.cell, p.origin) for p in analysis.phrases if p.role == "source"}
    for sentence, phrases, vesicles in by_sentence:
        _recipients(doc, sentence, phrases, vesicles, source_ids)
    for p in list(analysis.phrases):
        for sibling in p.siblings:
            sibling.role = p.role
            analysis.phrases.append(sibling)
    if defined:
        _defined_identities_to(doc, analysis.phrases, defined)
    _share_species(doc, analysis.phrases)
    if not doc.review:
        _patients_gave_cells(doc, analysis.phrases)
    analysis.sources = [p for p in analysis.phrases if p.role == "source"]
    if not doc.review:
        recipients = [p for p in analysis.phrases if p.role == "recipient"]
        analysis.recipients = _without_what_precursors_become(doc, recipients)
    doc.cache["cells"] = analysis
    return analysis


def _without_what_precursors_become(
    doc: Document, recipients: list[CellPhrase]
) -> list[CellPhrase]:
    """ "RAW264.7 cells and BMSCs were cultured with USC-EVs to test osteoclast differentiation
    and osteoblast formation" (R248): where the cells that become osteoblasts (MSCs,
    preosteoblasts ...) or osteoclasts (macrophages of a line or of the bone marrow) received
    the vesicles, the plain osteoblasts or osteoclasts named beside them are what those cells
    become (NOTES.md, ALL line of quality20a (1)), not other recipients; primary ones, isolated
    as such, are not."""
    becoming: set[str] = set()
    for p in recipients:
        if p.cell in OSTEOBLAST_PRECURSORS:
            becoming.add("osteoblast")
        elif p.cell == "macrophage" and (p.line or p.origin == "bone_marrow"):
            becoming.add("osteoclast")
    if not becoming:
        return recipients
    return [
        p
        for p in recipients
        if p.cell not in becoming
        or p.line
        or p.origin
        or "primary" in doc.text_of(p.section)[max(0, p.start - 8) : p.end].lower()
    ]


def _model_cells(doc: Document, sentence: Sentence, phrases: list[CellPhrase]) -> None:
    """ "MC3T3-E1 osteoblasts treated with dexamethasone served as an in vitro GIOP model": the
    cells a vesicle study makes its model in a dish received the vesicles."""
    text = doc.text_of(sentence.section)
    for p in phrases:
        if not p.role and SERVED_AS_MODEL.match(text[p.end : sentence.end]):
            p.role = "recipient"


def _anaphors(sentence: Sentence) -> list[Mention]:
    """ "They", "these vesicles": the previous sentence's vesicles, as pseudo-mentions."""
    return [
        Mention(
            "vesicle_ref",
            "",
            sentence.start + m.start(),
            sentence.start + m.end(),
            m.group(),
            sentence.index,
            sentence.section,
        )
        for m in ANAPHOR.finditer(sentence.text)
    ]


# The lexicon kinds of the RNAs a vesicle carries (genes name the recipients' own proteins too).
_RNA_KINDS: Final = frozenset({"mirna", "lncrna"})


def _cargo_subjects(doc: Document, sentence: Sentence, carried: set[str]) -> list[Mention]:
    """ "Exosomal circFAM63B rose ... circFAM63B inhibits the osteogenic differentiation of
    BMSCs": an RNA named before in a sentence about the vesicles that opens a verb of action
    here stands for them (NOTES.md, cargo named bare), as a pseudo-mention of the vesicles;
    not where the words before it say its level was changed or it was given alone, nor an RNA
    the record gives or changes by itself elsewhere (`_rna_tools`)."""
    text = doc.text_of(sentence.section)
    out = []
    for m in doc.in_sentence(sentence):
        if (
            m.kind in _RNA_KINDS
            and m.label in carried
            and pattern_match(CARGO_ACTS_AFTER, text, m.end, sentence.end)
            and not CARGO_GIVEN_ALONE_BEFORE.search(text, sentence.start, m.start)
            and m.label not in _rna_tools(doc)
        ):
            out.append(
                Mention("vesicle_ref", "", m.start, m.end, m.text, sentence.index, sentence.section)
            )
    return out


def _rna_tools(doc: Document) -> set[str]:
    """The RNAs a record gives or changes by itself ("Inhibiting miR-199b-5p ... protected the
    cells", "miR-21 mimics") in a sentence with no vesicle word (made once, on the Document)."""
    cached = doc.cache.get("rna_tools")
    if isinstance(cached, set):
        return cached
    with_vesicles = {
        (v.section, v.sentence) for v in doc.of_kind("vesicle_types", study_only=False)
    }
    tools: set[str] = set()
    for m in doc.mentions:
        if m.kind not in _RNA_KINDS or (m.section, m.sentence) in with_vesicles:
            continue
        text = doc.text_of(m.section)
        sentence = doc.sentence_of(m)
        if CARGO_GIVEN_ALONE_BEFORE.search(text, sentence.start, m.start) or pattern_match(
            CARGO_GIVEN_ALONE_AFTER, text, m.end, sentence.end
        ):
            tools.add(m.label)
    doc.cache["rna_tools"] = tools
    return tools


def _earlier_source(phrases: list[CellPhrase], here: list[CellPhrase], sentence: Sentence) -> None:
    """ "Exosomes secreted by these cells": the one kind of cell of the sentence before."""
    before = [
        p
        for p in phrases
        if p.section == sentence.section and p.sentence == sentence.index - 1 and p not in here
    ]
    if len({(p.cell, p.origin) for p in before}) == 1:
        for p in before:
            p.role = p.role or "source"


def _source_anaphors(sentence: Sentence, named: Mention) -> list[Mention]:
    """ "The vesicles were derived from X": pseudo-mentions of the type named just before."""
    if SOURCE_WORDS.search(sentence.text) is None:
        return []
    return [
        Mention(
            named.kind,
            named.label,
            sentence.start + m.start(),
            sentence.start + m.end(),
            m.group(),
            sentence.index,
            sentence.section,
        )
        for m in SOURCE_ANAPHOR.finditer(sentence.text)
    ]


def _origin_of_made_cells(doc: Document, sentence: Sentence, phrases: list[CellPhrase]) -> None:
    """ "Osteoclasts were generated by stimulating bone marrow macrophages (BMMs)" (R96), "We
    treated bone marrow macrophages with RANKL to obtain preosteoclasts and mature
    osteoclasts" (R1200): cells made in a dish from cells of a stated tissue keep that tissue
    as their origin (NOTES.md, ALL line of recipients27c)."""
    text = doc.text_of(sentence.section)
    for made in phrases:
        if made.origin or made.line:
            continue
        for parent in phrases:
            if parent is made or not parent.origin or parent.cell == made.cell:
                continue
            if (
                parent.start >= made.end
                and pattern_match(MADE_BY_TREATING_GAP, text[made.end : parent.start])
            ) or (
                made.start >= parent.end
                and pattern_match(TREATED_TO_OBTAIN_GAP, text[parent.end : made.start])
            ):
                made.origin = parent.origin
                break


def _species_from(doc: Document, sentence: Sentence, phrases: list[CellPhrase]) -> None:
    """ "USCs were obtained from the urine of healthy human donors": the species of the cells."""
    text = doc.text_of(sentence.section)
    species: list[Mention] | None = None  # looked up for the first phrase that needs it
    donors: set[int] = set()  # indices of the phrases that took the species of their animals
    for i, p in enumerate(phrases):
        if p.species or p.line:
            continue
        if species is None:
            species = doc.in_sentence(sentence, "species")
        for m in species:
            if m.start >= p.end and pattern_match(ORIGIN_OF, text[p.end : m.start]):
                if not any(m in q.mentions for q in phrases if q is not p):
                    p.species = m.label
                    donors.add(i)
                break
            # "Tendons of SD rats were used to culture primary TSCs and tenocytes" (R128).
            if m.end <= p.start and pattern_match(DONORS_BEFORE, text[m.end : p.start]):
                p.species = m.label
                donors.add(i)
    # "ADSCs and TSCs were isolated from the fat and the tendons of rats" (R19): cells joined by
    # "and" to cells taken from the animals come from the same animals, either way round.
    for i in range(1, len(phrases)):
        a, b = phrases[i - 1], phrases[i]
        if (
            i - 1 in donors
            and not b.species
            and not b.line
            and pattern_match(AND_GAP, text[a.end : b.start])
        ):
            b.species = a.species
            donors.add(i)
    for i in range(len(phrases) - 1, 0, -1):
        a, b = phrases[i - 1], phrases[i]
        if (
            i in donors
            and not a.species
            and not a.line
            and pattern_match(AND_GAP, text[a.end : b.start])
        ):
            a.species = b.species
            donors.add(i - 1)


def _sources(
    doc: Document, sentence: Sentence, phrases: list[CellPhrase], vesicles: list[Mention]
) -> None:
    """Mark the phrases of one sentence that name where its vesicles came from."""
    text = doc.text_of(sentence.section)
    for p in phrases:  # "MSC-CM", "ASC-EXO": the cell is part of the vesicle's name
        start, end = p.start, p.end
        for v in vesicles:
            if v.start <= start and end <= v.end:
                p.role = "source"
                break
    for p in phrases:
        if not p.role and DERIVED_CARGO_AFTER.match(text[p.end : p.end + 60]):
            p.role = "source"
    for v in vesicles:
        last_before: CellPhrase | None = None
        after: list[CellPhrase] = []
        for p in phrases:
            if p.end <= v.start:
                last_before = p
            if p.start >= v.end:
                after.append(p)
        if last_before is not None:
            gap = _gap(text, last_before.end, v.start)
            if treated_with(last_before.mentions[-1], text):
                pass  # "HUVECs pretreated with exosomes": they were treated with them
            elif pattern_match(SOURCE_BEFORE, gap):
                last_before.role = "source"
            elif SOURCE_RELEASE.match(gap):
                last_before.role = "source"
                _listed_before(text, phrases, last_before)
        if after:
            # "from miR-140-5p-overexpressing ADSCs": a hyphenated modifier opens the phrase.
            # "from bone marrow, adipose tissue and umbilical cord MSCs": the list opens it.
            head = after[0]
            opens = head.start
            for s in head.siblings:
                opens = min(opens, s.start)
            gap_after = _gap(text, v.end, opens)
            gap_after = HYPHENATED_END.sub("", gap_after)
            if SOURCE_AFTER.match(gap_after):
                head.role = "source"
                prev = head
                for nxt in after[1:]:
                    if is_list_joint(text, prev.end, nxt.start) or (
                        nxt.start - prev.end < 40
                        and pattern_match(SOURCE_LIST_GAP, text[prev.end : nxt.start]) is not None
                    ):
                        nxt.role = "source"
                        prev = nxt
                    else:
                        break
    said = sentence.text
    if "them" in said or "they" in said:  # the pronouns its two rows read
        _pronoun_sources(text, phrases, vesicles)
    # "BMSCs were pretreated with TNF-alpha, and exosomes were isolated": the subject cells.
    first = vesicles[0]  # the earliest (a loop: min() with a key is a slow call compiled)
    for v in vesicles:
        if v.start < first.start:
            first = v
    before = [p for p in phrases if p.end <= first.start]
    if len(before) == 1 and not before[0].role:
        gap = _gap(text, before[0].end, first.start)
        if (
            pattern_search(AND_THEN, gap)
            and pattern_search(WERE, text, before[0].start, first.start)
            and not BREAKER.search(gap)
            and pattern_match(COLLECTED_AFTER, text, first.end, sentence.end)
        ):
            before[0].role = "source"
    # "transfer of X from A to B" in a vesicle sentence.
    for i in range(1, len(phrases)):
        a, b = phrases[i - 1], phrases[i]
        lead = text[max(sentence.start, a.start - 6) : a.start]
        if lead.rstrip().endswith("from") and pattern_match(TO_GAP, _gap(text, a.end, b.start)):
            a.role = a.role or "source"
            b.role = b.role or "recipient"


def _pronoun_sources(text: str, phrases: list[CellPhrase], vesicles: list[Mention]) -> None:
    """The source named by a pronoun: "MSCs of different origins and the exosomes derived from
    them" (the one kind of cell named before the vesicles), "the MSCs they come from"."""
    for v in vesicles:
        if pattern_match(SOURCE_THEM_AFTER, text, v.end):
            before = [p for p in phrases if p.end <= v.start]
            if before and len({(p.cell, p.origin) for p in before}) == 1:
                for p in before:
                    p.role = p.role or "source"
    first = vesicles[0].start  # the earliest (a loop, as in `_sources`)
    for v in vesicles:
        if v.start < first:
            first = v.start
    for p in phrases:
        if p.start > first and not p.role and pattern_match(THEY_COME_FROM_AFTER, text, p.end):
            p.role = "source"


def _listed_before(text: str, phrases: list[CellPhrase], last: CellPhrase) -> None:
    """ "Chondrocytes, osteoblasts, synovial fibroblasts and BMSCs produce and secrete
    exosomes": the phrases listed before the last subject release the vesicles too."""
    at = phrases.index(last)
    while at > 0 and is_list_joint(text, phrases[at - 1].end, phrases[at].start):
        at -= 1
        phrases[at].role = phrases[at].role or "source"


def _recipients(
    doc: Document,
    sentence: Sentence,
    phrases: list[CellPhrase],
    vesicles: list[Mention],
    source_ids: set[tuple[str, str]],
) -> None:
    """Mark the phrases of one sentence that name cells receiving its vesicles."""
    text = doc.text_of(sentence.section)
    hits = section_hits(doc, sentence.section)
    for p in phrases:
        if p.role:
            continue
        lead = text[sentence.start : p.start]
        low_lead = fold(lead)  # once for the gates that search it
        tail = text[p.end : sentence.end]
        if COUNT_BEFORE.search(lead, None, low_lead):
            continue
        if pattern_match(NOT_RECIPIENT_AFTER, tail):
            if _tested_through_process(text, lead, low_lead, tail, p, phrases, hits):
                p.role = "recipient"
            continue
        if DIFFERENTIATE_TO.search(lead, hits, sentence.start, low_lead):
            continue
        if any(
            is_list_joint(text, p.end, v.start) or is_list_joint(text, v.end, p.start)
            for v in vesicles
        ):
            continue
        # "before exosome collection, the MSCs ...": vesicles named as a process are not given.
        earlier: Mention | None = None  # the last vesicle before the phrase
        for v in reversed(vesicles):
            if v.end <= p.start and not pattern_match(PROCESS_AFTER, text, v.end):
                earlier = v
                break
        later: Mention | None = None  # the first vesicle after it (not named as a process)
        for v in vesicles:
            if v.start >= p.end and not PROCESS_AFTER.match(text, v.end):
                later = v
                break
        ok = False
        if earlier is not None:
            gap = _gap(text, earlier.end, p.start)
            low_gap = fold(gap)
            # "The supernatant of macrophages induced by EVs reduced ... in chondrocytes": the
            # cells after got the medium of treated cells (R102, R130).
            medium = MEDIUM_OF.search(text[sentence.start : earlier.start], hits, sentence.start)
            if (
                not BREAKER.search(gap, None, low_gap) or pattern_match(RELATIVE_GAP, gap)
            ) and not medium:
                # The vesicles' own parent cells receive them only when the text says so
                # ("internalized by", "recipient"); "primed ... on X", "knockdown in X" and
                # "the effects of X" name the source cells.
                ok = (
                    (p.cell, p.origin) not in source_ids
                    or bool(RECIPIENT_PREP.search(gap, None, low_gap))
                    or pattern_match(OWN_PROCESS_AFTER, tail) is not None
                )
                ok = (
                    ok
                    and not MODIFIED.search(gap, hits, earlier.end, low_gap)
                    and not SECRETED_BY.search(gap, None, low_gap)
                    and not _secreted_by_them(text, sentence.start, earlier.start, gap)
                )
        if not ok and later is not None:
            # "HUVECs pretreated with exosomes": the phrase holds the treatment's verb
            last = p.mentions[-1]
            gap = _gap(text, last.start if treated_with(last, text) else p.end, later.start)
            ok = bool(TREATED.match(gap)) and not BREAKER.search(gap)
            if ok:
                _treated_listed_before(text, phrases, p)
            ok = ok or bool(IN_LEAD.search(lead, None, low_lead))
            ok = ok or bool(RECIPIENT_LEAD.search(lead, hits, sentence.start, low_lead))
            ok = ok or _acted_on(text, gap, later, (p.cell, p.origin) in source_ids)
        if not ok and pattern_match(CULTURES_AFTER, tail):
            ok = True
        if ok:
            p.role = "recipient"


def _tested_through_process(
    text: str,
    lead: str,
    low_lead: str,
    tail: str,
    p: CellPhrase,
    phrases: list[CellPhrase],
    hits: CueHits | None,
) -> bool:
    """ "The effects on osteoclast formation of exosomes": cells named only through the process
    the vesicles were tested on, unless other cells follow as its owner ("osteoblast
    differentiation of BMSCs")."""
    # (`lead` is the text of the sentence before the phrase)
    if not EFFECTS_ON_LEAD.search(lead, hits, p.start - len(lead), low_lead) or not pattern_match(
        PROCESS_OF_CELLS_AFTER, tail
    ):
        return False
    return not any(
        q.start > p.end and pattern_match(PROCESS_OF_GAP, text[p.end : q.start]) for q in phrases
    )


def _acted_on(text: str, gap: str, vesicle: Mention, is_source: bool) -> bool:
    """ "Chondrocytes took up the exosomes", "apoptosis of NPCs fell after EV intervention",
    "chondrocyte migration was stimulated by iMSC-Exos": cells named before vesicles that act
    on them, with no clause edge between (the vesicles' own parent cells only take them up)."""
    if ";" in gap or len(gap) > 90:
        return False
    gap = HYPHENATED_END.sub("", gap)  # "took up the BMSC-|Exos"
    acted = ACTED_ON_BEFORE.search(gap)
    if acted is None and not is_source:
        after = pattern_search(AFTER_BEFORE, gap)
        if after is not None and pattern_match(
            TREATMENT_AFTER, text[vesicle.end : vesicle.end + 40]
        ):
            acted = after
    if acted is None or BREAKER.search(gap[: acted.start()]):
        return False
    return not is_source or acted.group().lower().startswith(_UPTAKE_STARTS)


def _secreted_by_them(text: str, start: int, vesicles_start: int, gap: str) -> bool:
    """'The secretion of exosomes by BMSCs': the cells after 'by' or 'from' made the vesicles
    named as what is secreted (row secretion_of, R425), so they did not receive them."""
    return gap.lstrip().startswith(("by ", "from ")) and bool(
        SECRETION_OF.search(text[start:vesicles_start])
    )


def _treated_listed_before(text: str, phrases: list[CellPhrase], treated: CellPhrase) -> None:
    """ "HUVECs (HUVECs) and mouse embryo osteoblast precursor cells (MC3T3-E1) treated with
    BMMSC-Exos": the cells listed before the treated ones received the vesicles too."""
    at = phrases.index(treated)
    while at > 0:
        before = phrases[at - 1]
        if before.role or not pattern_match(
            RECIPIENT_LIST_GAP, _gap(text, before.end, phrases[at].start)
        ):
            break
        before.role = "recipient"
        at -= 1


# The opening background may define the study's cells with their species or tissue, "Human
# periodontal ligament stem cells (PDLSCs)", "exosomes derived from human urine-derived stem
# cells (human USCEXOs)" (R30, R51), "exosomes of bone marrow mesenchymal stem cells
# (MSC-exos)" (R324): they hold where the study uses the abbreviation.
def _defined_identities(doc: Document, sentence: Sentence) -> dict[str, tuple[str, str, str]]:
    """The cell words of background phrases that define an abbreviation and name a species or
    an origin, with the phrase's cell, origin and species."""
    text = doc.text_of(sentence.section)
    found = {}
    for p in phrases_in(doc, sentence):
        if not p.species and not p.origin:
            continue
        cells = [text[m.start : m.end] for m in p.mentions if m.kind == "cell_types"]
        tail = pattern_match(DEFINED_ABBREVIATION, text[p.end : p.end + 30])
        if tail or any(any(c.isupper() for c in words[1:]) for words in cells):
            for words in cells:
                found[words] = (p.cell, p.origin, p.species)
    return found


def _defined_identities_to(
    doc: Document, phrases: list[CellPhrase], defined: dict[str, tuple[str, str, str]]
) -> None:
    for p in phrases:
        if p.line or (p.species and p.origin):
            continue
        text = doc.text_of(p.section)
        for m in p.mentions:
            identity = defined.get(text[m.start : m.end])
            if identity is None:
                continue
            cell, origin, species = identity
            if not p.species:
                p.species = species
            if not p.origin and cell == p.cell:
                p.origin = origin
            break


def _patients_gave_cells(doc: Document, phrases: list[CellPhrase]) -> None:
    """Cells taken from patients are human cells (NOTES.md, ALL line of quality20a (2)): in a
    record whose own account takes tissue from patients ("cartilage was collected from patients
    having knee surgery", R405) and names no other species (no animals, no animal cells or
    lines), the cells it gave vesicles to with no stated species are the patients'."""
    if any(p.species and p.species != "human" for p in phrases):
        return
    # (the cells it would name, looked for first: the search below is the costly test)
    unstated = [p for p in phrases if p.role == "recipient" and not p.species and not p.line]
    if not unstated:
        return
    species = doc.of_kind("species")
    if any(m.label != "human" for m in species):
        return
    if not any(m.text.lower().startswith("patient") and not doc.is_background(m) for m in species):
        return
    for sentence in doc.sentences:
        if not doc.is_background(sentence) and pattern_search(TISSUE_FROM_PATIENTS, sentence.text):
            break
    else:
        return
    for p in unstated:  # a source may be another donor's ("healthy neutrophils", R422)
        p.species = "human"


def _share_species(doc: Document, phrases: list[CellPhrase]) -> None:
    """Fill an unstated species from the same cells elsewhere in the study, when unambiguous."""
    for i in range(1, len(phrases)):
        a, b = phrases[i - 1], phrases[i]
        if a.section != b.section or a.species or not b.species:
            continue
        text = doc.text_of(a.section)
        stated = [m for m in b.mentions if m.kind == "species"]
        gap = text[a.end : b.start]
        if stated and stated[0].start > b.mentions[0].start and pattern_match(AND_GAP, gap):
            a.species = b.species
    known: dict[tuple[str, str], set[str]] = {}
    for p in phrases:
        if p.species:
            known.setdefault((p.cell, p.origin), set()).add(p.species)
    for p in phrases:
        if not p.species:
            found = known.get((p.cell, p.origin), set())
            if len(found) == 1:
                p.species = next(iter(found))
    # A bare "MSCs" is the study's only kind of MSC when just one identity is stated.
    identities: dict[str, set[tuple[str, str]]] = {}
    for p in phrases:
        if not p.line and (p.origin or p.species):
            identities.setdefault(p.cell, set()).add((p.origin, p.species))
    for p in phrases:
        if not p.origin and not p.species and not p.line:
            found_ids = identities.get(p.cell, set())
            if len(found_ids) == 1 and next(iter(found_ids))[0]:
                p.origin, p.species = next(iter(found_ids))
        elif not p.origin and not p.line:
            # "MSCs from OVX mice" beside "mouse bone marrow MSCs": the one stated origin
            # (stem cells only: their tissue is part of what they are).
            origins = {o for o, s in identities.get(p.cell, set()) if s == p.species and o}
            if len(origins) == 1 and (p.cell == "MSC" or p.cell.endswith("stem_cell")):
                p.origin = next(iter(origins))
    # Last, so that a species read off a list stays with the listed phrases: the same cells
    # named alone elsewhere (the vesicles' source, R94) keep their own unstated species.
    _lead_species_to_list(doc, phrases)


def _lead_species_to_list(doc: Document, phrases: list[CellPhrase]) -> None:
    """ "Rat BMSCs and spleen macrophages", "human synoviocytes and chondrocytes": a species
    that opens the first of listed cell phrases qualifies the whole list, so the phrases after
    it with no species (and no cell line) take it."""
    carried = ""  # the species the list so far shares
    for i in range(1, len(phrases)):
        a, b = phrases[i - 1], phrases[i]
        if a.mentions[0].kind == "species" and a.species:
            carried = a.species
        if not carried or a.section != b.section or a.sentence != b.sentence:
            carried = ""
            continue
        text = doc.text_of(a.section)
        # "and", or a list joint, with a few plain words opening the next phrase ("spleen").
        if a.end > b.start or not pattern_match(RECIPIENT_LIST_GAP, text[a.end : b.start]):
            carried = ""
            continue
        if b.species or b.line:
            carried = ""  # a list item with a species of its own starts over
            continue
        b.species = carried


def most_specific(values: list[str]) -> list[str]:
    """Drop `cell|origin|species` values that another value of the list makes more precise."""
    out = []
    for v in values:
        parts = v.split("|")
        if any(
            w != v
            and w.split("|")[0] == parts[0]
            and all(p == "" or p == q for p, q in zip(parts, w.split("|"), strict=False))
            for w in values
        ):
            continue
        out.append(v)
    return out
