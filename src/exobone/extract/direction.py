"""Which way a vesicle treatment moved each phenotype or molecule named in a sentence.

Shared by `exobone.extract.outcomes` and `exobone.extract.molecular`. Two layers:

* `resolve(text, targets, vesicles)` works on one sentence (`exobone.extract.direction_sentence`,
  its words read by `exobone.extract.direction_cues`).
* `analyse(doc)` walks a `Document`'s title and abstract sentences, keeps only sentences about
  the vesicle treatment (a vesicle is named, or the sentence continues one that named it with
  "they"/"these", or its subject is a molecule the vesicles carry) and returns every target
  with a direction.

Hedged findings ("may", "potentially via reduced miR223") are still coded: the seed gold codes
them, and abstracts hedge their own results; in a review, though, what follows a modal states a
prospect and is skipped (rule review_prospect). Aims and hypotheses ("to investigate whether
exosomes promote ...") are not findings and are skipped, and so is the opening background
(general knowledge before the study's own account, `Document.is_background`). Stimuli given
to cells ("stimulated with IL-1beta", "IL-1beta-induced"), inhibitor targets ("inhibitors of
AKT") and vesicle cargo ("Wnt-3a content was elevated in ASC-EXO") never receive a direction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from exobone.extract.cargo import extract as cargo_findings
from exobone.extract.cells import analyse as analyse_cells
from exobone.extract.direction_cues import (
    Cue,
    Target,
    cues_of,
    find_cues,
    is_aim,
    mentions_vesicles,
    reversals_in,
)
from exobone.extract.direction_rules import (
    ANAPHOR_START_RE,
    CARGO_BEFORE,
    CARGO_LIST,
    CARRIED_BEFORE,
    CELL_BEFORE_RE,
    CHANGED_IN_VESICLES,
    COMPARATIVES,
    DISEASE_BETTERING,
    DISEASE_LABELS,
    DISEASE_NEAR_VERBS,
    DISEASE_OBJECT_END_RE,
    DISEASE_OBJECT_HEADS,
    DISEASE_UP_RE,
    DISEASE_VERB,
    DISEASE_VERB_NEAR_RE,
    DOWN,
    EITHER_PREFIX_RE,
    FALL_IS,
    HARMFUL,
    IN_SOURCE_CELLS_NOT_RE,
    IN_SOURCE_CELLS_RE,
    LIGAND_OF_PATHWAY_RE,
    MARKED,
    MARKED_PHRASES,
    METHYLATION_OF,
    OTHER_AGENT,
    PACKED_INTO,
    PATHWAY_INHIBITORS,
    PHRASE_CONTEXT,
    PHRASE_NAMES,
    PHRASE_SCAN,
    PHRASES,
    REPAIR_WORDS,
    REVIEW_PROSPECT,
    SAME,
    SECRETION_BLOCK,
    SECRETION_CHANGED,
    SPONGE,
    STIMULUS_SUBJECT_RE,
    TARGET_CUES,
    TRANSFER_OF,
    UP,
    VESICLE,
    VESICLES_HOLD_MORE,
    VESICLES_WITH,
    sentence_views,
)
from exobone.extract.direction_sentence import resolve, resolve_state
from exobone.extract.document import Mention
from exobone.extract.scanning import View
from exobone.text.calls import match_end, match_start, pattern_match, pattern_search

if TYPE_CHECKING:
    from exobone.extract.document import Document, Sentence

__all__ = [
    "DOWN",
    "HARMFUL",
    "SAME",
    "UP",
    "Cue",
    "Directed",
    "Target",
    "analyse",
    "find_cues",
    "is_aim",
    "mentions_vesicles",
    "resolve",
]


class Directed:
    """A target of one sentence with the direction the vesicle treatment gave it, and why
    (the cue, its rule and the pass of `resolve` that gave or changed the sign)."""

    __slots__ = ("cue", "kind", "label", "mention", "reason", "sign")

    def __init__(
        self, label: str, kind: str, sign: int, mention: Mention, cue: str, reason: str = ""
    ) -> None:
        self.label = label
        self.kind = kind
        self.sign = sign
        self.mention = mention
        self.cue = cue
        self.reason = reason

    def __repr__(self) -> str:
        return (
            f"Directed({self.label!r}, {self.kind!r}, {self.sign}, {self.mention!r}, {self.cue!r})"
        )


# --------------------------------------------------------------------------------------------
# Document level
# --------------------------------------------------------------------------------------------
TARGET_KINDS: Final = frozenset({"outcomes", "genes", "mirna", "lncrna", "pathways", "metabolites"})


def _cell_before(text: str, end: int) -> bool:
    """Whether a cell is named right before `end`."""
    return pattern_search(CELL_BEFORE_RE, text, 0, end) is not None


def _chain_member(m: Mention, candidates: Sequence[Mention], text: str, base: int) -> bool:
    """Whether `m` is a target: not the front of a pathway's name (row ligand_of_pathway), or a
    gene of a chain of genes joined by hyphens or slashes before "pathway" or "signalling"
    ("the PINK1/Parkin pathway", "RANKL-RANK-TRAF6 signalling"), which takes the verb's sign
    unless it holds the pathway back (words: pathway_inhibitors)."""
    chain = pattern_match(LIGAND_OF_PATHWAY_RE, text, m.end - base)
    if chain is None:
        return True
    if m.kind != "genes" or m.label in PATHWAY_INHIBITORS or text[m.end - base] not in "-/":
        return False
    end = base + match_end(chain)
    later = [o for o in candidates if m.end <= o.start and o.end <= end]
    return bool(later) and all(o.kind == "genes" for o in later)


def _sentence_targets(
    doc: Document,
    sentence: Sentence,
    mentions: Sequence[Mention],
    view: View,
    found: dict[int, list[re.Match[str]]] | None = None,
) -> tuple[list[Target], list[Mention]]:
    """Targets of one sentence (`view`) and their mentions; phrases found here added (`found`:
    the phrase rows' matches, `PHRASE_SCAN.finditer_each(view)`, if the caller has them)."""
    text = view.text
    base = sentence.start
    chosen: list[Mention] = []
    candidates = [
        m
        for m in mentions
        if m.kind in TARGET_KINDS or (m.kind == "conditions" and m.label in DISEASE_LABELS)
    ]
    vesicles = [m for m in mentions if m.kind == "vesicle_types"]
    for m in candidates:
        if any(v.start < m.end and m.start < v.end for v in vesicles):
            continue  # "apoptotic" in "apoptotic bodies" names the vesicle
        # nested mentions of the same family ("bone formation" in "ectopic bone formation") give way
        if any(
            o is not m
            and o.kind == m.kind
            and o.start <= m.start
            and m.end <= o.end
            and (o.end - o.start) > (m.end - m.start)
            for o in candidates
        ):
            continue
        if m.kind in ("genes", "lncrna") and (
            any(o.kind == "pathways" and o.start <= m.start and m.end <= o.end for o in candidates)
            or not _chain_member(m, candidates, text, base)
        ):
            continue  # "the Wnt3a/beta-catenin pathway", "the Keap1-Nrf2 pathway"
        if m.kind == "conditions" and any(
            o.kind == "outcomes" and o.start < m.end and m.start < o.end for o in candidates
        ):
            continue
        chosen.append(m)
    phrase_of: dict[Mention, str] = {}  # mentions made by a phrase row, with its name
    if found is None:
        found = PHRASE_SCAN.finditer_each(view)
    for i in sorted(found) if found else ():
        _, kind, label, inherent, _inverse = PHRASES[i]
        if i in PHRASE_CONTEXT and not _context_allows(doc, *PHRASE_CONTEXT[i]):
            continue
        for match in found[i]:
            s, e = base + match_start(match), base + match_end(match)
            overlapping = [m for m in chosen if m.label == label and m.start < e and s < m.end]
            if overlapping and inherent is None:
                continue
            # "anti-apoptotic" replaces the lexicon's "apoptotic": the prefix carries the direction
            chosen = [m for m in chosen if m not in overlapping]
            made = Mention(kind, label, s, e, match.group(), sentence.index, sentence.section)
            chosen.append(made)
            phrase_of[made] = PHRASE_NAMES[i]
    targets: list[Target] = []
    kept: list[Mention] = []
    for m in chosen:
        label = m.label
        rel_s, rel_e = m.start - base, m.end - base
        if rel_s < 0 or rel_e > len(text):
            continue
        if _may_be_cells_bone_formation(m.kind, label, m.text) and _cell_before(text, rel_s):
            label = "osteogenic_differentiation"
        inherent, inverse = _own_direction(m.kind, label, m.text)
        if inherent is not None and pattern_search(
            EITHER_PREFIX_RE, text, max(0, rel_s - 12), rel_s
        ):
            continue  # "pro- or anti-inflammatory": offered with its opposite, no direction
        rule = phrase_of.get(m, "") if phrase_of else ""
        targets.append(Target(rel_s, rel_e, label, m.kind, inherent, inverse, rule))
        if label != m.label:
            m = Mention(m.kind, label, m.start, m.end, m.text, m.sentence, m.section)
        kept.append(m)
    return targets, kept


def _may_be_cells_bone_formation(kind: str, label: str, text: str) -> bool:
    """Whether a bone regeneration mention reads "formation": after a cell (`_cell_before`)
    it names the cells' osteogenic differentiation ("osteoblast bone formation")."""
    return kind == "outcomes" and label == "bone_regeneration" and "formation" in text.lower()


def _own_direction(kind: str, label: str, text: str) -> tuple[int | None, bool]:
    """The direction a target of this kind and label, named by `text`, carries in its own
    words, and whether it is a measure that falls as its phenotype rises: from the first
    marked phrase row whose pattern it matches whole ("anti-apoptotic"), or from a cue in a
    disease's own words ("attenuated OA")."""
    inherent: int | None = None
    inverse = False
    for regex, inh, inv in MARKED_PHRASES.get((kind, label), ()) if label in MARKED else ():
        if regex.fullmatch(text):
            inherent, inverse = inh, inv
            break
    if kind == "outcomes" and label == "disease_severity":
        inner = find_cues(text)
        if inner and inner[0].form != "change":
            inherent = inner[0].sign
    return inherent, inverse


def _may_sign_itself(mentions: Sequence[Mention], phrases: dict[int, list[re.Match[str]]]) -> bool:
    """Whether a target of the sentence may carry a direction of its own (`_own_direction`,
    as `_sentence_targets` asks it): a mention or a phrase row's match (`phrases`), under its
    label or the one `_sentence_targets` may give it instead. Asked before the targets are
    chosen, so it may say yes for a mention that will be no target, never no for one that
    will."""
    named = [(m.kind, m.label, m.text) for m in mentions]
    for i, matches in phrases.items():
        _, kind, label, _, _ = PHRASES[i]
        named += [(kind, label, match.group()) for match in matches]
    for kind, label, text in named:
        if _own_direction(kind, label, text)[0] is not None or (
            _may_be_cells_bone_formation(kind, label, text)
            and _own_direction(kind, "osteogenic_differentiation", text)[0] is not None
        ):
            return True
    return False


def _about_read(doc: Document, by_sentence: dict[tuple[str, int], list[Mention]]) -> list[bool]:
    """Per sentence, whether `_analyse` reads whether it is about the vesicles: a sentence
    of the study, or a background sentence (whose targets are never directed) whose answer
    the next sentence of its section may read, as the sentence it continues. The next
    sentence reads it only if it names no vesicle itself; so a background sentence followed
    by one that names vesicles, or by none, is passed over (it is not scanned)."""
    sentences = doc.sentences
    read = [True] * len(sentences)
    for i in range(len(sentences) - 1, -1, -1):
        sentence = sentences[i]
        if not doc.is_background(sentence):
            continue
        following = sentences[i + 1] if i + 1 < len(sentences) else None
        read[i] = (
            following is not None
            and following.section == sentence.section
            and read[i + 1]
            and not any(
                m.kind == "vesicle_types"
                for m in by_sentence.get((following.section, following.index), ())
            )
        )
    return read


def _context_allows(doc: Document, only_with: frozenset[str], not_with: frozenset[str]) -> bool:
    """Whether the record names a condition or model of `only_with` (if any is asked) and none
    of `not_with`."""
    named = doc.cache.get("condition_labels")
    if named is None:
        named = doc.cache["condition_labels"] = {
            m.label for m in doc.mentions if m.kind in ("conditions", "animal_models")
        }
    return (not only_with or bool(named & only_with)) and not named & not_with


def _cargo_labels(
    doc: Document, by_sentence: dict[tuple[str, int], list[Mention]], views: list[View]
) -> set[str]:
    """Molecules the record says the vesicles carry ("exosomal miR-X", "X packed into exosomes")."""
    labels: set[str] = set()
    for sentence, whole in zip(doc.sentences, views, strict=True):
        molecules = [
            m
            for m in by_sentence.get((sentence.section, sentence.index), ())
            if m.kind in ("mirna", "lncrna", "genes")
        ]
        if not molecules:
            continue
        text = doc.text_of(sentence.section)
        for m in molecules:
            before = text[max(sentence.start, m.start - 40) : m.start]
            after = text[m.end : min(sentence.end, m.end + 60)]
            scope = whole if m.start <= sentence.end else before  # the text the windows lie in
            if (
                CARGO_BEFORE.search(before, scope)
                or TRANSFER_OF.search(before, scope)
                or PACKED_INTO.match(after, scope)
            ):
                labels.add(m.label)
    return labels


def _sponged_mirnas(
    doc: Document, by_sentence: dict[tuple[str, int], list[Mention]], views: list[View]
) -> set[str]:
    """miRNAs the record says a vesicle RNA soaks up ("circX sponged miR-Y", "MALAT1 acted as
    a sponge of miR-34c", "a ceRNA of miR-431-5p")."""
    labels: set[str] = set()
    for sentence, view in zip(doc.sentences, views, strict=True):
        for match in SPONGE.finditer(view.text, view):
            at = sentence.start + match.end()
            labels.update(
                m.label
                for m in by_sentence.get((sentence.section, sentence.index), ())
                if m.kind == "mirna" and 0 < m.start - at <= 12
            )
    return labels


def _targets_of_sponged(cue: Cue, targets: Sequence[Target], sponged: set[str]) -> bool:
    """Whether the target cue `cue` ("X, a target gene of miR-Y", "miR-Y targets X") names a
    miRNA the record says is soaked up: the miRNA falls, so what it represses rises."""
    if cue.rule == "target_gene_of":  # the miRNA follows the cue
        agent = next((t for t in targets if t.kind == "mirna" and t.start >= cue.end), None)
        return agent is not None and agent.start - cue.end <= 30 and agent.label in sponged
    before = [t for t in targets if t.kind == "mirna" and t.end <= cue.start]
    return bool(before) and before[-1].label in sponged


def analyse(doc: Document) -> list[Directed]:
    """Every target of the record that the vesicle treatment moved, with its direction.

    The result is kept on the document, so `outcomes` and `molecular` share one pass.
    """
    found: list[Directed] | None = doc.cache.get("direction")
    if found is None:
        found = doc.cache["direction"] = _analyse(doc)
    return found


def _analyse(doc: Document) -> list[Directed]:
    directed: list[Directed] = []
    by_sentence = doc.by_sentence()
    # one view per sentence: its scan is made once, for every rule asked of it
    views = sentence_views(doc)
    cargo = _cargo_labels(doc, by_sentence, views)
    sponged: set[str] | None = None  # read when a target cue first signs a gene
    in_source: set[tuple[str, int]] | None = None  # read when a molecule first gets a sign
    previous_about_vesicles = False
    previous_section = ""
    read = _about_read(doc, by_sentence)
    for sentence, view, about_read in zip(doc.sentences, views, read, strict=True):
        text = view.text
        if sentence.section != previous_section:
            previous_about_vesicles = False
            previous_section = sentence.section
        if not about_read:
            previous_about_vesicles = False  # (never read: see `_about_read`)
            continue
        mentions = by_sentence.get((sentence.section, sentence.index), [])
        vesicle_spans = [
            (m.start - sentence.start, m.end - sentence.start)
            for m in mentions
            if m.kind == "vesicle_types"
        ]
        about = (
            bool(vesicle_spans)
            or mentions_vesicles(view)
            or SECRETION_BLOCK.search(text, view) is not None
        )
        if (
            not about
            and previous_about_vesicles
            and (
                pattern_match(ANAPHOR_START_RE, text)
                or OTHER_AGENT.search(text, view) is None
                and pattern_search(STIMULUS_SUBJECT_RE, text) is None
            )
        ):
            about = True  # the report of the vesicle experiment goes on
        found = None
        if not about and any(_cargo_subject(m, sentence, cargo) for m in mentions):
            found = _sentence_targets(doc, sentence, mentions, view)
            about = any(_cargo_subject(m, sentence, cargo) for m in found[1])
        previous_about_vesicles = about
        if not about or doc.is_background(sentence):
            continue
        # A target gets a sign only from a cue, a reversal ("these changes were abolished") or
        # its own words ("anti-apoptotic"): a sentence with none of them (half of those asked)
        # is passed over before its targets are chosen and its clauses read.
        # (the phrase rows' matches are found here only when the test needs them, and handed
        # on; an aim is passed over before they are found)
        cues = cues_of(view)
        phrases = None
        reversals = None  # (found here when they decide, and handed on: searched once)
        if not cues:
            if found is None:
                phrases = PHRASE_SCAN.finditer_each(view)
                signs_itself = _may_sign_itself(mentions, phrases)
            else:  # (the targets are chosen: they answer exactly)
                signs_itself = any(t.inherent is not None for t in found[0])
            if not signs_itself:
                reversals = reversals_in(view)
                if not reversals:
                    continue
        if is_aim(view):
            continue
        if found is None:
            found = _sentence_targets(doc, sentence, mentions, view, phrases)
        targets, kept = found
        if not targets:
            continue
        state = resolve_state(view, targets, vesicle_spans, cues, reversals)
        machinery: bool | None = None  # read at the first molecule with a direction
        # a review's claim after a modal is a prospect (rule review_prospect)
        modal = REVIEW_PROSPECT.search(text, view) if doc.review else None
        prospect_from = modal.start() if modal is not None else len(text)
        for i, (target, mention, sign) in enumerate(zip(targets, kept, state.result, strict=True)):
            if sign is None or target.start > prospect_from:
                continue
            if mention.kind in _MOLECULAR_KINDS:
                if in_source is None:
                    in_source = _in_source_sentences(doc)
                if (sentence.section, sentence.index) in in_source:
                    continue  # changed in the vesicles' own source cells (in_source_cells)
            if mention.kind in ("mirna", "lncrna", "genes") and machinery is None:
                # how much the source cells secrete names their machinery (secretion_changed)
                machinery = (
                    SECRETION_CHANGED.search(text, view) is not None
                    and SECRETION_BLOCK.search(text, view) is None
                )
            if mention.kind in ("mirna", "lncrna", "genes") and (
                machinery
                or mention.label in cargo
                and target.start < 3
                or _is_cargo_here(view, target)
                or _methylated(view, target.start)
            ):
                continue  # the vesicles' own molecule, or a methylation mark (methylation_of)
            if (
                mention.kind in ("mirna", "lncrna")
                and _level_told(state.why.get(i, ("", None))[1], target)
                and mention.label in _carried(doc, cargo)
            ):
                continue  # a level of the vesicles' RNA, told of them, their source or donors
            if mention.kind == "lncrna" and mention.label.startswith("circ_"):
                # a numbered circRNA (hsa_circ_0006859, R169; circRNA_0001236, R222) is the
                # vesicles' own RNA or a biomarker: no target name of docs/schema.md
                continue
            if mention.kind == "conditions":
                # (the verb and up to three words after it end the text before the target)
                cue = DISEASE_VERB.search(text[: target.start], view, view.low[: target.start])
                if cue is None:
                    near = max(0, target.start - 48)
                    low = view.low[near : target.start]
                    for word in DISEASE_NEAR_VERBS:
                        if word in low:
                            cue = pattern_search(DISEASE_VERB_NEAR_RE, text, near, target.start)
                            break
                if cue is None or (
                    sign != DOWN
                    and not pattern_match(DISEASE_UP_RE, cue.group())
                    and not (sign == UP and cue.group().lower().startswith(DISEASE_BETTERING))
                ):
                    continue
                if any(word in mention.text.lower() for word in REPAIR_WORDS):
                    continue  # "promote tendon healing" names the repair, not the disease
                if (
                    cue.group().lower().startswith(DISEASE_OBJECT_HEADS)
                    and pattern_match(DISEASE_OBJECT_END_RE, text, target.end) is None
                ):
                    continue  # "promote OA chondrocyte proliferation": the cells' disease
                sign = UP if pattern_match(DISEASE_UP_RE, cue.group()) else DOWN
                reason = f"disease verb '{cue.group().strip()}' before it [rule disease_verb]"
                directed.append(
                    Directed(
                        "disease_severity",
                        "outcomes",
                        sign,
                        mention,
                        cue.group().split()[0],
                        reason,
                    )
                )
                continue
            cause = state.why.get(i, ("", None))[1]
            if cause is not None and cause.rule == "therapeutic_effect_on":
                continue  # a therapy is for a disease: "a therapeutic effect on bone repair"
            signer = cause if mention.kind == "genes" else None
            if signer is not None and signer.rule in TARGET_CUES:
                if sponged is None:
                    sponged = _sponged_mirnas(doc, by_sentence, views)
                if _targets_of_sponged(signer, state.targets, sponged):
                    sign = -sign
                    state.change(i, "the miRNA targeting it is soaked up (rule sponge): it rises")
            label, reason = target.label, state.reason(i)
            if sign == DOWN and target.rule in FALL_IS:
                label, sign = FALL_IS[target.rule], UP
                reason += f"; a fall of it is more {label} [rule {target.rule}]"
            directed.append(Directed(label, mention.kind, sign, mention, "", reason))
    return directed


def _in_source_sentences(doc: Document) -> set[tuple[str, int]]:
    """Sentences that place a change in the vesicles' own source cells ("induced SOST in
    cultured osteocytic (Ocy454) cells"): a cell phrase of a source identity that no recipient
    shares, after "in" (row in_source_cells) and not naming vesicles, an arm or treated cells
    (row in_source_cells_not), in a sentence that names no recipient cells and no vesicles
    before it."""
    cells = analyse_cells(doc)
    recipients = {(p.cell, p.origin) for p in cells.phrases if p.role == "recipient"}
    only = {(p.cell, p.origin) for p in cells.sources} - recipients
    places: set[tuple[str, int]] = set()
    if not only:
        return places
    # (the sentences with recipients first: a place in one of them is never searched for)
    with_recipients = {
        (p.mentions[0].section, p.mentions[0].sentence)
        for p in cells.phrases
        if p.role == "recipient" or (p.cell, p.origin) in recipients
    }
    for p in cells.phrases:
        m = p.mentions[0]
        key = (m.section, m.sentence)
        if key in with_recipients or key in places:
            continue
        if (p.cell, p.origin) in only:
            text = doc.text_of(m.section)
            start, end = doc.sentence_of(m).start, p.mentions[-1].end
            if (
                pattern_search(IN_SOURCE_CELLS_RE, text[max(start, m.start - 40) : m.start])
                and not pattern_match(IN_SOURCE_CELLS_NOT_RE, text[end : end + 60])
                # (vesicles named before the place are its agent: "the vesicles lowered RhoA
                # in the MSCs" names their recipients)
                and not VESICLE.search(text[start : m.start])
            ):
                places.add(key)
    return places


_MOLECULAR_KINDS: Final = frozenset({"genes", "mirna", "lncrna", "pathways", "metabolites"})


def _methylated(view: View, start: int) -> bool:
    """A methylation mark names the molecule at `start` (row methylation_of); the row's words
    are looked for in the folded text first, so most molecules cost one substring test."""
    low = view.low[max(0, start - 70) : start]
    if "methyl" not in low and "m6a" not in low:
        return False
    return METHYLATION_OF.search(view.text[max(0, start - 70) : start], view) is not None


def _carried(doc: Document, cargo: set[str]) -> set[str]:
    """The molecules the record gives as the vesicles' cargo: those named so beside a target
    (`cargo`) and the record's `ev_cargo` values ("exosomes contained miR-3110-5p"), read
    once per document."""
    carried: set[str] | None = doc.cache.get("carried")
    if carried is None:
        carried = doc.cache["carried"] = cargo | {f.value for f in cargo_findings(doc)}
    return carried


def _level_told(signer: Cue | None, target: Target) -> bool:
    """Whether the cue that signed an RNA of the vesicles' cargo tells its level rather than a
    change the vesicles made: a comparative (word list comparatives: "higher osteoclastic
    miR-214-3p", "held markedly more miR-363 than controls") or a predicate after it
    ("miR-3110-5p, upregulated in the strained osteocytes", "were strongly up-regulated in the
    severe phase"). The vesicles' own change of a carried RNA is told by a verb or participle
    before it ("raised miR-199a", "by raising miR-17", "led to increased miR-126")."""
    return signer is not None and (
        signer.text.lower() in COMPARATIVES or signer.start >= target.end
    )


def _cargo_subject(m: Mention, sentence: Sentence, cargo: set[str]) -> bool:
    """A carried molecule named early in the sentence: the sentence is about the vesicles."""
    return m.label in cargo and m.kind in _MOLECULES and m.start - sentence.start < 60


_MOLECULES: Final = frozenset({"mirna", "lncrna", "genes"})


def _is_cargo_here(view: View, t: Target) -> bool:
    """The molecule is named as something the vesicles carry ("transfer lncRNA H19", "their
    cargos, including upregulated miR-146a", "miR-X was upregulated in the exosomes",
    "exosomes with lower levels of miR-X", "Exo(dm) expressed less CD73")."""
    before = view.text[max(0, t.start - 50) : t.start]
    return bool(
        CARGO_BEFORE.search(before, view)
        or CARRIED_BEFORE.search(before, view)
        or VESICLES_HOLD_MORE.search(before, view) is not None
        # (the vesicle phrase with its source runs longer: "exosomes of senescent
        # osteocytes, with their reduced miR-494-3p"; the row's "with" stands within the
        # last 60 characters, looked for before the regex is tried)
        or " with " in view.text[max(0, t.start - 60) : t.start]
        and VESICLES_WITH.search(view.text[max(0, t.start - 110) : t.start], view) is not None
        or CARGO_LIST.search(view.text[max(0, t.start - 300) : t.start], view)
        # (RNAs only: the vesicles' profiles that change are their miRNAs and lncRNAs, and
        # the genes' many effects would each pay for the look)
        or t.kind != "genes"
        and CHANGED_IN_VESICLES.match(view.text[t.end : t.end + 120], view) is not None
    )
