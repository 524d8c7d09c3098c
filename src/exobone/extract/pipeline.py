"""Turn a `Record` into a `Document`: sentences, abbreviations and every mention, once.

Order of work, per section (title, then abstract):
1. sentences (`exobone.text.sentences`) and abbreviation definitions (`exobone.text.abbreviations`);
2. lexicon matches (`exobone.lexicon`), including matches across a definition such as
   "alkaline phosphatase (ALP) activity";
3. shape matches (miRNAs, lncRNAs, gene symbols), kept where no dictionary term overlaps;
4. abbreviation uses: a later `SF` carries the labels found in its long form;
5. species prefixes (`hBMSCs`) and glued vesicle suffixes (`3T3L1exo`, `ASC-EXO`).
"""

from __future__ import annotations

import bisect
import re
from typing import Final

from exobone.extract import patterns
from exobone.extract.cells_rules import NON_CELL_HEADS
from exobone.extract.cues import CueHits
from exobone.extract.discourse import review_span, study_start
from exobone.extract.document import Document, Mention, Sentence
from exobone.extract.scanning import Found, Relaxed
from exobone.lexicon import Entry, Lexicon, Match, Matcher, default_matcher
from exobone.lexicon.matcher import in_order, resolve
from exobone.model import Record
from exobone.text.abbreviations import Abbreviation, find_abbreviations
from exobone.text.sentences import split_sentences

# longer abstracts are cut here (with a warning) to keep time per record flat
MAX_CHARS: Final = 20_000


def _across_definitions(text: str, abbrevs: list[Abbreviation], matcher: Matcher) -> list[Match]:
    """Terms that run through a `(SF)` definition: "alkaline phosphatase (ALP) activity"."""
    out: list[Match] = []
    for ab in abbrevs:
        close = text.find(")", ab.short_end)
        if close < 0 or ab.long_end > ab.short_start:
            continue
        if not text.startswith(" ", close + 1):
            continue  # a term runs on only over a space (the test below): none can here
        after = text[close + 1 : close + 61]
        joined = text[ab.long_start : ab.long_end] + after
        join = ab.long_end - ab.long_start
        for start, end, entries in matcher.candidates(joined, gapped=False):
            if start < join < end and joined[join] == " ":
                out.append((ab.long_start + start, close + 1 + (end - join), entries))
    return out


_MODIFIERS_BEFORE: Final = re.compile(
    r"(?:\b[\w-]+[ -]){0,3}[\w-]*derived[ -]$|\b(?:human|rat|mouse|murine|porcine|rabbit|canine) $",
    re.IGNORECASE,
)


# searched first: the pattern opens on word classes, which give the regex engine no literal to
# skip ahead to
_MODIFIERS_RELAXED: Final = Relaxed.of(_MODIFIERS_BEFORE.pattern, _MODIFIERS_BEFORE.flags)
_SPECIES_WORDS: Final = ("human ", "rat ", "mouse ", "murine ", "porcine ", "rabbit ", "canine ")
_CELL_KINDS: Final = frozenset({"cell_types", "origins", "species", "cell_lines"})
_CELL_OR_ORIGIN: Final = frozenset({"cell_types", "origins"})


def _head_word(text: str, end: int) -> str:
    """The last word of a long form ending at `end`, lower-cased ("peptide" of "chondrocyte-
    affinity peptide")."""
    start = end
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    return text[start:end].lower()


def _modifiers_before(window: str) -> re.Match[str] | None:
    """`_MODIFIERS_BEFORE.search(window)`, tried where its relaxed pattern matches."""
    if _MODIFIERS_RELAXED is None:
        return _MODIFIERS_BEFORE.search(window)
    return _MODIFIERS_RELAXED.search(_MODIFIERS_BEFORE, window, 0, len(window))


def _abbreviation_labels(
    text: str, abbrevs: list[Abbreviation], matches: list[Match]
) -> dict[str, set[Entry]]:
    """For each short form, the labels its richest long form carries (`matches`: resolved,
    in text order).

    Modifiers just before the long form ("bone-marrow-derived mesenchymal stem cells (MSCs)")
    belong to the definition too.
    """
    labels: dict[str, set[Entry]] = {}
    if not abbrevs:
        return labels
    # `matches` (resolved) are in order of their starts: each long form's are found by bisection
    starts = [m[0] for m in matches]
    for ab in abbrevs:
        window = text[max(0, ab.long_start - 60) : ab.long_start]
        lead = (
            _modifiers_before(window)
            if "derived" in window or window.endswith(_SPECIES_WORDS)
            else None
        )
        start = ab.long_start - len(window) + lead.start() if lead else ab.long_start
        found: set[Entry] = set()
        for i in range(bisect.bisect_left(starts, start), len(matches)):
            m_start, m_end, entries = matches[i]
            if m_start >= ab.long_end:
                break
            if m_end <= ab.long_end:
                for e in entries:
                    if e[0] != "stop":
                        found.add(e)
        if _head_word(text, ab.long_end) in NON_CELL_HEADS:
            found = {e for e in found if e[0] not in _CELL_KINDS}
        if len(found) > len(labels.get(ab.short, set())):
            labels[ab.short] = found
            stem = ab.short[:-1] if ab.short.endswith("s") else ab.short + "s"
            labels.setdefault(stem, found)
    return labels


_ALNUM: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")


def _short_form_uses(text: str, shorts: list[str]) -> list[tuple[int, int]]:
    """Where the short forms stand alone in `text`, scanning left to right without overlaps;
    at one offset the longest form wins (`shorts` is longest first)."""
    size = len(text)
    best: dict[int, tuple[int, int]] = {}  # start -> (rank in shorts, end)
    for rank, short in enumerate(shorts):
        i = text.find(short)
        while i >= 0:
            end = i + len(short)
            if (
                (i == 0 or text[i - 1] not in _ALNUM)
                and (end == size or text[end] not in _ALNUM)
                and i not in best
            ):
                best[i] = (rank, end)
            i = text.find(short, i + 1)
    uses = []
    reached = 0
    for start in sorted(best):
        if start >= reached:
            reached = best[start][1]
            uses.append((start, reached))
    return uses


def _non_cell_shorts(text: str, abbrevs: list[Abbreviation]) -> frozenset[str]:
    """The short forms that `text` defines by a long form whose head is no cell ("apoptosis-
    associated speck-like protein (ASC)"): their own reading as a cell name ("ASC", adipose
    stem cells) is dropped wherever they stand."""
    return frozenset(ab.short for ab in abbrevs if _head_word(text, ab.long_end) in NON_CELL_HEADS)


def _redefined_shorts(
    abbrevs: list[Abbreviation], labels: dict[str, set[Entry]], lexicon: Lexicon
) -> dict[str, frozenset[Entry]]:
    """{short form: the lexicon's cell reading of it, to drop} for the short forms whose letters
    the lexicon reads as a tissue of origin ("ASCs", adipose stem cells; "UC", umbilical cord)
    but which the record defines by a long form sharing no cell type or origin with that
    reading: "antler stem cells (ASCs)" (R820, R822), "ultracentrifugation (UC)". The
    definition says what they name, wherever they stand ("ASC-Exos" too), and its own labels,
    if any, are given at their uses (`_abbreviation_uses`). A definition that shares a label
    keeps the reading: "bone MSCs (BMSCs)" (R08)."""
    out: dict[str, frozenset[Entry]] = {}
    for ab in abbrevs:
        own = frozenset(e for e in lexicon.lookup(ab.short) if e[0] in _CELL_OR_ORIGIN)
        if "origins" not in {kind for kind, _ in own} or own & labels.get(ab.short, set()):
            continue
        stem = ab.short[:-1] if ab.short.endswith("s") else ab.short + "s"
        out[ab.short] = out[stem] = own
    return out


def _without_entries(
    text: str, matches: list[Match], drop: dict[str, frozenset[Entry]]
) -> list[Match]:
    """`matches` without the entries `drop` gives for the words each stands on."""
    out: list[Match] = []
    for m in matches:
        start, end, entries = m
        dropped = drop.get(text[start:end])
        if dropped:
            kept = tuple(e for e in entries if e not in dropped)
            if kept:
                out.append((start, end, kept))
            continue
        out.append(m)
    return out


def _without_cells(text: str, matches: list[Match], shorts: frozenset[str]) -> list[Match]:
    """`matches` with the cell, origin and species entries of the `shorts` taken out."""
    out: list[Match] = []
    for m in matches:
        start, end, entries = m
        if text[start:end] in shorts:
            kept = tuple(e for e in entries if e[0] not in _CELL_KINDS)
            if kept:
                out.append((start, end, kept))
            continue
        out.append(m)
    return out


def _abbreviation_uses(
    text: str, abbrevs: list[Abbreviation], labels: dict[str, set[Entry]], matches: list[Match]
) -> list[Match]:
    """Mentions at each later use of a short form, for the labels not already found there."""
    shorts = sorted((short for short, entries in labels.items() if entries), key=len, reverse=True)
    if not shorts:
        return []
    sites = {(ab.short_start, ab.short_end) for ab in abbrevs}
    # most sections' matches are in text order already (then the sort's key runs for nothing)
    by_start = matches if _starts_in_order(matches) else sorted(matches, key=_start_of)
    starts = [x[0] for x in by_start]
    out: list[Match] = []
    for start, end in _short_form_uses(text, shorts):
        if (start, end) in sites:
            continue
        first = bisect.bisect_left(starts, start - 80)
        last = bisect.bisect_right(starts, start)
        # the kinds said here (an entry said here has its kind among them)
        kinds = {k for _, x_end, said in by_start[first:last] if x_end >= end for k, _ in said}
        missing = [e for e in labels[text[start:end]] if e[0] not in kinds]
        if missing:
            missing.sort()
            out.append((start, end, tuple(missing)))
    return out


def _start_of(match: Match) -> int:
    return match[0]


def _starts_in_order(matches: list[Match]) -> bool:
    """Whether `matches` are in order of their starts (a stable sort by start leaves them)."""
    for i in range(1, len(matches)):  # noqa: SIM110 (a loop: all() makes a generator)
        if matches[i - 1][0] > matches[i][0]:
            return False
    return True


def _starts_and_reach(matches: list[Match], ordered: int) -> tuple[list[int], list[int]]:
    """The starts of the first `ordered` matches (in order of their starts) and, for each, the
    furthest end of it and those before it."""
    starts: list[int] = []
    reach: list[int] = []
    furthest = 0
    # (a loop: `accumulate(..., max)` calls the builtin `max` once per match)
    for i in range(ordered):
        start, end, _ = matches[i]
        if end > furthest:
            furthest = end
        starts.append(start)
        reach.append(furthest)
    return starts, reach


def _overlaps(
    matches: list[Match], ordered: int, starts: list[int], reach: list[int], m: Match
) -> bool:
    """Whether a match of `matches` overlaps `m` (`ordered`, `starts`, `reach` as for
    `_contains`)."""
    start, end, _ = m
    i = bisect.bisect_left(starts, end)
    while i:
        i -= 1
        if reach[i] <= start:
            break
        if start < matches[i][1]:
            return True
    for i in range(ordered, len(matches)):
        x_start, x_end, _ = matches[i]
        if x_start < end and start < x_end:
            return True
    return False


def _contains(
    matches: list[Match], ordered: int, starts: list[int], reach: list[int], m: Match
) -> bool:
    """Whether a match of `matches` spans `m` and says all it says. The first `ordered` are in
    order of their starts (`starts`), and `reach[i]` is the furthest end of the first i + 1:
    a match that spans `m` starts no later than it, so the walk back from there stops where
    no earlier match reaches `m`'s end (most matches are never looked at)."""
    start, end, entries = m
    i = bisect.bisect_right(starts, start)
    while i:
        i -= 1
        if reach[i] < end:
            break
        _, x_end, x_entries = matches[i]
        if end <= x_end and _says_all(x_entries, entries):
            return True
    for i in range(ordered, len(matches)):
        x_start, x_end, x_entries = matches[i]
        if x_start <= start and end <= x_end and _says_all(x_entries, entries):
            return True
    return False


def _says_all(held: tuple[Entry, ...], entries: tuple[Entry, ...]) -> bool:
    """Whether every entry of `entries` is among `held` (a few each: no sets made)."""
    for e in entries:  # noqa: SIM110 (a loop: all() makes a generator)
        if e not in held:
            return False
    return True


def find_mentions(
    text: str,
    matcher: Matcher,
    abbrevs: list[Abbreviation],
    labels: dict[str, set[Entry]],
    candidates: list[Match],
    resolved: list[Match],
    non_cell: frozenset[str] = frozenset(),
    redefined: dict[str, frozenset[Entry]] | None = None,
    hits: CueHits | None = None,
) -> list[Match]:
    """All mentions of one section's text, overlaps settled, in text order (leftmost, then
    longest first); the `non_cell` short forms name no cell (`_non_cell_shorts`), and the
    lexicon's cell reading of the `redefined` ones gives way to their definition
    (`_redefined_shorts`); `hits`: the cues' needles the lexicon's pass found in `text`."""
    lexicon = matcher.lexicon
    extra = _across_definitions(text, abbrevs, matcher) + patterns.find_rnas(text, hits)
    if not extra:
        matches = list(resolved)
    elif _apart(candidates, extra):
        matches = _placed(resolved, extra)
    else:
        matches = resolve(candidates + extra)
    ordered = len(matches)  # these in text order, before the shapes' and other finds
    shapes = patterns.shapes_of(text)
    shaped = patterns.find_gene_symbols(text, lexicon, shapes)
    # Few shapes are left (about one per text), so each is checked against the matches rather
    # than marking the offsets every match covers.
    shaped.sort(key=lambda m: (m[0] - m[1], m[0]))
    # The first `ordered` matches by their starts, and `reach[i]`, the furthest end of the
    # first i + 1: the few shapes and finds below look at the matches near them only.
    starts: list[int] = []
    reach: list[int] = []
    if shaped:
        starts, reach = _starts_and_reach(matches, ordered)
        for m in shaped:
            if not _overlaps(matches, ordered, starts, reach, m):
                matches.append(m)
    if redefined:
        matches = _without_entries(text, matches, redefined)
    matches += _abbreviation_uses(text, abbrevs, labels, matches)
    found = patterns.find_prefixed_cells(text, lexicon, labels, shapes)
    found += patterns.find_glued_vesicles(text, lexicon, labels)
    if found:
        if not shaped:
            starts, reach = _starts_and_reach(matches, ordered)
        for m in found:
            if not _contains(matches, ordered, starts, reach, m):
                matches.append(m)
    # in text order, as `_mentions` reads them: only what was added after the resolved
    # matches (in that order already) can be out of it
    if len(matches) > ordered and not _in_text_order(matches[max(ordered - 1, 0) :]):
        matches.sort(key=in_order(len(text)))
    if non_cell:
        matches = _without_cells(text, matches, non_cell)
    if redefined and found:  # the cell names read by the finders above
        matches = _without_entries(text, matches, redefined)
    # a first entry other than "stop" settles most matches at once
    return [
        m
        for m in matches
        if m[2] and (m[2][0][0] != "stop" or any(k != "stop" for k, _ in m[2]))
    ]


def _apart(candidates: list[Match], extra: list[Match]) -> bool:
    """Whether no match of `extra` overlaps a candidate or another match of `extra`. `resolve`
    of them all then selects each of `extra` whole and, of the candidates, what it selects of
    them alone (matches that share no offset never meet): `_placed` gives that result without
    resolving the abstract's candidates a second time (two sorts by a key function, about
    0.1 M instructions)."""
    for i, (start, end, _) in enumerate(extra):
        for c_start, c_end, _ in candidates:
            if c_start < end and start < c_end:
                return False
        for j in range(i):
            o_start, o_end, _ = extra[j]
            if o_start < end and start < o_end:
                return False
    return True


def _placed(resolved: list[Match], extra: list[Match]) -> list[Match]:
    """`resolved` (in text order) with the `extra` matches, apart from them all (`_apart`),
    each put in its place in text order: what `resolve` of the candidates and `extra` gives."""
    out = list(resolved)
    starts = [m[0] for m in out]
    for m in extra:
        # (no match of `out` starts where `m` does: they would overlap)
        at = bisect.bisect_left(starts, m[0])
        out.insert(at, m)
        starts.insert(at, m[0])
    return out


def _in_text_order(matches: list[Match]) -> bool:
    """Whether `matches` are in `in_order`'s order (leftmost, then longest first)."""
    for i in range(1, len(matches)):
        before, after = matches[i - 1], matches[i]
        if before[0] > after[0] or (before[0] == after[0] and before[1] < after[1]):
            return False
    return True


def _mentions(
    text: str, section: str, sentences: list[Sentence], matches: list[Match]
) -> list[Mention]:
    out: list[Mention] = []
    append = out.append
    # Matches come in text order, so the sentence index only moves forward.
    numbers = [s.index for s in sentences] or [0]
    starts = [s.start for s in sentences[1:]]
    at, last = 0, len(starts)
    for start, end, entries in matches:  # in text order (`find_mentions`)
        while at < last and starts[at] <= start:
            at += 1
        sentence = numbers[at]
        words = text[start:end]
        for kind, label in entries:
            if kind != "stop":
                append(Mention(kind, label, start, end, words, sentence, section))
    return out


def build_document(record: Record, matcher: Matcher | None = None) -> Document:
    """The `Document` of `record`: sentences, abbreviations, mentions, background, review."""
    matcher = matcher or default_matcher()
    title = (record.title or "").strip()
    abstract = (record.abstract or "").strip()[:MAX_CHARS]
    doc = Document(record=record, title=title, abstract=abstract)
    title_sentences = [Sentence(0, 0, len(title), title, "title")] if title else []
    spans = split_sentences(abstract)
    abstract_sentences = [
        Sentence(i, s, e, abstract[s:e], "abstract") for i, (s, e) in enumerate(spans)
    ]
    doc.sentences = title_sentences + abstract_sentences

    abbrevs = find_abbreviations(abstract)
    title_abbrevs = find_abbreviations(title)
    doc.abbreviations = {ab.short: ab.long for ab in title_abbrevs + abbrevs}
    # the lexicon's pass over each section finds the cues' needles too, and the keys of the
    # rule engine that scans sentences (`Matcher.engine`)
    title_needles: list[list[int] | None] = [None] * matcher.cues_known
    abstract_needles: list[list[int] | None] = [None] * matcher.cues_known
    title_keys = Found()
    abstract_keys = Found()
    engine = matcher.engine
    title_candidates = matcher.candidates(
        title, needles=title_needles, keys=title_keys, lowered=doc.lowered("title")
    )
    abstract_candidates = matcher.candidates(
        abstract, needles=abstract_needles, keys=abstract_keys, lowered=doc.lowered("abstract")
    )
    section_hits: dict[str, CueHits] = {}  # (ASCII sections only)
    for section, text, needles, keys in (
        ("title", title, title_needles, title_keys),
        ("abstract", abstract, abstract_needles, abstract_keys),
    ):
        if text.isascii():
            hits = CueHits(doc.lowered(section), needles, matcher.cues_known)
            doc.found_cues(section, hits)
            section_hits[section] = hits
            if engine is not None:
                doc.found_keys(section, engine, keys)
    title_resolved = resolve(title_candidates)
    abstract_resolved = resolve(abstract_candidates)
    labels = _abbreviation_labels(title, title_abbrevs, title_resolved)
    labels.update(_abbreviation_labels(abstract, abbrevs, abstract_resolved))
    non_cell = _non_cell_shorts(title, title_abbrevs) | _non_cell_shorts(abstract, abbrevs)
    non_cell = frozenset(
        s for s in non_cell if not any(e[0] in _CELL_KINDS for e in labels.get(s, ()))
    )
    redefined = _redefined_shorts(title_abbrevs + abbrevs, labels, matcher.lexicon)
    doc.mentions = _mentions(
        title,
        "title",
        title_sentences,
        find_mentions(
            title,
            matcher,
            title_abbrevs,
            labels,
            title_candidates,
            title_resolved,
            non_cell,
            redefined,
            section_hits.get("title"),
        ),
    )
    doc.mentions += _mentions(
        abstract,
        "abstract",
        abstract_sentences,
        find_mentions(
            abstract,
            matcher,
            abbrevs,
            labels,
            abstract_candidates,
            abstract_resolved,
            non_cell,
            redefined,
            section_hits.get("abstract"),
        ),
    )
    doc.review_words = review_span(
        title,
        abstract,
        doc.lowered("abstract"),
        doc.cue_hits("abstract"),
        spans,
        doc.lowered("title"),
        section_hits.get("title"),
    )
    doc.review = doc.review_words is not None
    doc.background_end = (
        0
        if doc.review
        else study_start(abstract, spans, doc.lowered("abstract"), doc.cue_hits("abstract"))
    )
    return doc
