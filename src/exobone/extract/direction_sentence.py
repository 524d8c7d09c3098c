"""Which way the vesicle treatment moved each target of one sentence (`resolve`).

It finds direction cues ("up-regulated", "inhibiting", "protect ... from", "anti-apoptotic",
"had no effect on"), decides which cue governs each target (a passive or predicate cue after
the target wins over the nearest cue before it in the same clause; "inhibition of"/"loss of"
compose with a cue in front: "reduced proliferation inhibition" is an increase), and applies
negation ("did not promote" is no change), reversal ("the changes induced by IL-1beta were
abolished when exosomes were added" inverts each change) and the GW4869 rule (an inhibitor of
vesicle secretion preventing a harm means the vesicles increase it). The rules are rows of
data/direction.yaml (`exobone.extract.direction_rules`); this module is the logic that applies
them. How a cue's sign reaches a target is in `exobone.extract.direction_compose`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from exobone.extract.direction_compose import (
    compose,
    governed_sign,
    left_cue,
    predicate_sign,
    verb_over_class_list,
)
from exobone.extract.direction_cues import (
    Cue,
    Target,
    agent_is_foreign,
    agent_like,
    as_view,
    clause_before,
    cues_of,
    has_aux,
    hyphen_modifiers,
    more_words_than,
    names_vesicle,
    neutral_predicate,
    predicate_gap_ok,
    purpose_of_a_method,
    reversals_in,
    strip_targets,
)
from exobone.extract.direction_rules import (
    AGENT_PREP_RE,
    ANAPHOR_START_RE,
    ARM_AFTER_RE,
    ARM_ALONE_RE,
    ARM_COMPARED_RE,
    BOUNDARIES,
    BY_GERUND_RE,
    CANCELLED_EFFECT,
    CARGO_AFTER_RE,
    CARGO_IN,
    CHAIN_LINK_RE,
    CLAUSE_JOIN_RE,
    COMPARATIVES,
    DETERMINER_END_RE,
    DOWN,
    EXPERIMENTER,
    GERUND_OPENING,
    GERUND_SUBJECT,
    HARMFUL,
    IMPROVERS,
    INDUCED_AFTER_RE,
    INHIBITOR_BEFORE,
    INTRANSITIVE_AFTER_RE,
    MANIPULATED_TO,
    MANIPULATED_WHEN,
    MATRIX_RELEASE,
    MODEL_OF,
    POST_NOUN_GAP_RE,
    PROSPECTIVE,
    RATIO,
    SAME,
    SECRETION_BLOCK,
    STIMULUS_AFTER,
    STIMULUS_BY,
    STIMULUS_CLAUSE,
    STIMULUS_CLAUSE_END_RE,
    SUBJECT_EDGE_RE,
    SUBJECT_VERB_RE,
    UP,
    VESICLE,
    VESICLE_RE,
    VESICLE_SUBJECT_CUES,
)
from exobone.extract.scanning import View
from exobone.text.calls import pattern_match, pattern_search


def _reversal_sign(local: int | None, label: str, cue_sign: int) -> int | None:
    """Direction of a vesicle effect that undoes a change of direction `local`."""
    if local is not None and local != SAME:
        return -local
    if cue_sign != SAME and local is None:
        return cue_sign
    return DOWN if label in HARMFUL else UP


class _SentenceState:
    """What the passes of `resolve` share about one sentence: its usable cues and clause edges,
    and per target (by index) the sign so far (`result`), the sign ignoring who caused it
    (`local`, for reversals), its predicate cue after it (`right_of`), whether a neutral
    predicate or cargo reading blocks a cue before it (`blocked`), and whether the vesicles
    are named as its cause (`by_vesicles`), and why it got its sign: the pass and cue that gave
    it (`why`) and what later passes did to it (`changed`)."""

    __slots__ = (
        "blocked",
        "bounds",
        "by_vesicles",
        "changed",
        "consumed",
        "cues",
        "inhibitor_from",
        "inhibitor_words",
        "local",
        "named",
        "order",
        "result",
        "reversals",
        "right_of",
        "targets",
        "text",
        "vesicle_spans",
        "view",
        "why",
    )

    def __init__(
        self,
        view: View,
        targets: Sequence[Target],
        vesicle_spans: Sequence[tuple[int, int]],
        cues: list[Cue],
        reversals: list[re.Match[str]] | None = None,
    ) -> None:
        self.text = view.text
        self.view = view
        self.targets = targets
        self.vesicle_spans = vesicle_spans
        order = list(range(len(targets)))
        if any(targets[i].start > targets[i + 1].start for i in range(len(targets) - 1)):
            order.sort(key=lambda i: targets[i].start)  # they mostly come in text order
        self.order = order
        self.cues = cues
        # (the clause reading below is set by `read_clauses`, for a sentence a pass can sign)
        self.inhibitor_from = len(view.text) + 1
        self.inhibitor_words = False
        self.bounds: list[tuple[int, int]] = []
        self.result: list[int | None] = [None] * len(targets)
        self.local: list[int | None] = [None] * len(targets)
        self.consumed: set[int] = set()
        self.blocked: set[int] = set()
        self.by_vesicles: set[int] = set()
        self.right_of: dict[int, Cue] = {}
        self.why: dict[int, tuple[str, Cue | None]] = {}
        self.changed: dict[int, list[str]] = {}
        self.named: list[tuple[int, int]] | None = None  # `VESICLE_RE`'s matches, once needed
        self.reversals = reversals  # `reversals_in`'s matches, once needed

    def reversals_found(self) -> list[re.Match[str]]:
        """The sentence's reversals (`reversals_in`), searched once: the early test of
        `resolve_state` and pass reversals_undo both read them (and so may its caller)."""
        if self.reversals is None:
            self.reversals = reversals_in(self.view)
        return self.reversals

    def read_clauses(self, prospects: list[tuple[int, int]]) -> None:
        """Where an inhibitor's clause starts and where clauses end (`prospects`: the spans of
        the cues that name a prospect, which end a clause too)."""
        text, view = self.text, self.view
        # "Inhibiting miR-21 abolished the increase in ALP by exosomes": nothing from the
        # gerund on gets a direction
        # gerund: where the gerund subject starts (-1: none)
        gerund = 0 if GERUND_OPENING.match(text, view) else _gerund_subject_start(text, view)
        self.inhibitor_from = gerund if gerund >= 0 else len(text) + 1
        # "trypsin abolished their effect on X": the clause of the cancelling verb names an
        # experiment on the mechanism, its subject ("inhibition of TGF-beta1, by shRNA or an
        # inhibitor,") included, so nothing from the clause's start gets a direction
        cancelled = CANCELLED_EFFECT.search(text, view)
        if (
            cancelled is not None
            and cancelled.start() < self.inhibitor_from
            # a blocked secretion ("GW4869 abolished the inhibitory effect of the exosomes on
            # mineralization") tells the vesicles' effect itself (pass secretion_block)
            and SECRETION_BLOCK.search(text, view) is None
        ):
            # (a gerund subject before it already opens the clause: "..., and knocking down X
            # partly cancelled the effect of M2D-Exos on ...")
            edges = [m.end() for m in CLAUSE_JOIN_RE.finditer(text, 0, cancelled.start())]
            self.inhibitor_from = edges[-1] if edges else 0
        self.inhibitor_words = INHIBITOR_BEFORE.possible(view)
        # clause boundaries part a target from a cue before it or from an inhibitor's name
        if self.cues or self.inhibitor_words:
            self.bounds = [match.span() for _, match in BOUNDARIES.finditer(view)] + prospects

    def change(self, i: int, note: str) -> None:
        """Record that a later pass changed target `i`'s sign, and why."""
        self.changed.setdefault(i, []).append(note)

    def reason(self, i: int) -> str:
        """Why target `i` has its sign: the cue, its rule and the pass, then later changes."""
        how, cue = self.why.get(i, ("", None))
        if cue is not None:
            negated = " (negated)" if cue.negated else ""
            rule = f" [rule {cue.rule}]" if cue.rule else ""
            how = f"cue '{cue.text}'{rule}{negated} {how}"
        rule = self.targets[i].rule
        parts = [f"target phrase [rule {rule}]", how] if rule else [how]
        parts += self.changed.get(i, ())
        return "; ".join(part for part in parts if part)

    def vesicle_in(self, lo: int, hi: int) -> bool:
        """Whether a vesicle is named within [lo, hi)."""
        if any(lo <= a and b <= hi for a, b in self.vesicle_spans):
            return True  # the mentions answer: the regex runs over the whole sentence
        if self.named is None:  # needed only for a reversal, so found late
            self.named = [m.span() for m in VESICLE.finditer(self.text, self.view)]
        return any(lo <= a and b <= hi for a, b in self.named)


def resolve(
    text: str | View, targets: Sequence[Target], vesicle_spans: Sequence[tuple[int, int]] = ()
) -> list[int | None]:
    """Direction (+1, -1, 0) of the vesicle effect on each target of one sentence, or None.

    `text` is the sentence; target and vesicle offsets are relative to it. The passes run in
    this order, each on what the ones before found.
    """
    return resolve_state(text, targets, vesicle_spans).result


def resolve_state(
    text: str | View,
    targets: Sequence[Target],
    vesicle_spans: Sequence[tuple[int, int]] = (),
    found: list[Cue] | None = None,
    reversals: list[re.Match[str]] | None = None,
) -> _SentenceState:
    """`resolve`'s passes, returning their state: `result` holds the signs, `reason(i)` says
    why target i has its sign (`found`: the sentence's cues, `cues_of`, and `reversals`, its
    `reversals_in`, if the caller has them)."""
    view = as_view(text)
    cues, prospects = _usable_cues(view, targets, cues_of(view) if found is None else found)
    state = _SentenceState(view, targets, vesicle_spans, cues, reversals)
    if not cues and all(t.inherent is None for t in targets) and not state.reversals_found():
        # No pass can sign a target here (a third of the sentences asked): without a cue no
        # target has a predicate or a cue before it, `chain_links` and `induced_propagation`
        # only pass on signs, and the other passes only drop or invert them. So the clauses
        # are not read and the passes not run.
        return state
    state.read_clauses(prospects)
    if state.cues:  # without cues nothing is a predicate, and nothing is to be blocked
        _predicates_after_targets(state)
        _release_objects(state)
    _cues_before_targets(state)
    _chain_links(state)
    _induced_propagation(state)
    _stimulus_clause(state)
    _reversals_undo(state)
    _inverse_and_agents(state)
    _stimulus_after(state)
    _arms_compared(state)
    _secretion_block(state)
    return state


def _gerund_subject_start(text: str, view: View) -> int:
    """Where the first gerund subject of a clause starts (-1: none; rule gerund_subject). A
    gerund right after "by", or joined to a "by promoting X" of its own clause, is one more
    means of the agent ("by lowering X and blocking Y"), not a subject; after a clause join
    (", and raising X ... may weaken ...") it opens a clause of its own."""
    if GERUND_SUBJECT.search(text, view) is None:
        return -1
    for found in GERUND_SUBJECT.finditer(text, view):
        at = found.start()
        if text[:at].rstrip().lower().endswith("by"):
            continue
        means = [m.end() for m in BY_GERUND_RE.finditer(text, 0, at)]
        if means and pattern_search(CLAUSE_JOIN_RE, text, means[-1], found.end()) is None:
            continue
        return at
    return -1


def _usable_cues(
    view: View, targets: Sequence[Target], cues_all: list[Cue]
) -> tuple[list[Cue], list[tuple[int, int]]]:
    """The sentence's cues less those that name something else: a cue inside a target names it
    ("macrophage activation") unless the target carries it; a cue glued to a stimulus
    ("IL-1beta-induced") names the stimulus; "we induced apoptosis with staurosporine" and "to
    induce senescence, cells were exposed to H2O2" describe a method. Also the spans of the
    cues that name a prospect ("a therapy to enhance X"): they end a clause, so that a cue
    before them does not reach X."""
    text = view.text
    modifiers = hyphen_modifiers(view) if cues_all else []
    cues: list[Cue] = []
    prospects: list[tuple[int, int]] = []
    for cue in cues_all:
        mod = next((m for m in modifiers if m[0] <= cue.start and cue.end <= m[1] + 0), None)
        if mod is not None and not mod[2]:
            continue
        if (
            mod is None
            and cue.start > 0
            and text[cue.start - 1] == "-"
            and not cue.text.lower().startswith(("up", "down"))
        ):
            prev = (
                text[: cue.start - 1].rsplit(None, 1)[-1] if text[: cue.start - 1].strip() else ""
            )
            if not names_vesicle(prev, view):
                continue
        if any(t.start <= cue.start and cue.end <= t.end for t in targets):
            continue
        if EXPERIMENTER.search(text[max(0, cue.start - 20) : cue.start], view):
            continue
        lead = text[max(0, cue.start - 40) : cue.start]
        if cue.form == "verb" and PROSPECTIVE.search(lead, view):
            prospects.append((cue.start, cue.end))  # "new strategies for improving healing"
            continue
        if purpose_of_a_method(view, cue):
            prospects.append((cue.start, cue.end))  # a new clause: a cue before stops there
            continue
        if cue.rule in VESICLE_SUBJECT_CUES and not _vesicles_before(view, cue.start):
            continue  # "pTa supported osteogenesis": the scaffold acted
        cues.append(cue)
    return cues, prospects


def _vesicles_before(view: View, at: int) -> bool:
    """Vesicles named in the clause before `at`, or the sentence opening on an anaphor of them
    ("They supported ..."), and no control arm beside them ("the cryogel alone and the
    exosome-seeded cryogel supported ...")."""
    text = view.text
    start = 0
    for edge in SUBJECT_EDGE_RE.finditer(text, 0, at):
        start = edge.end()
    subject = text[start:at]
    if pattern_search(ARM_ALONE_RE, subject):
        return False
    return names_vesicle(subject, view) or (
        start == 0 and pattern_match(ANAPHOR_START_RE, text) is not None
    )


def _predicates_after_targets(state: _SentenceState) -> None:
    """A predicate cue after its subject governs it: "X was significantly increased" (also past
    a stimulus's own verb: "Apoptosis induced by IL-1beta was reduced by exosomes"). A neutral
    predicate ("Exosomes reduced apoptosis, and inflammation was evaluated by ELISA") or cargo
    ("levels of X in exosomes were ...") blocks a cue before the target instead."""
    text, targets, cues = state.text, state.targets, state.cues
    blocked, right_of = state.blocked, state.right_of
    for i in state.order:
        t = targets[i]
        # the cues after the target are cues[after:] (cues are in text order)
        after = 0
        while after < len(cues) and cues[after].start < t.end:
            after += 1
        nxt = cues[after] if after < len(cues) else None
        skipped = ""
        if (
            nxt is not None
            and after + 1 < len(cues)
            and nxt.form == "verb"
            and POST_NOUN_GAP_RE.fullmatch(text[t.end : nxt.start].replace(",", " "))
            and agent_is_foreign(state.view, nxt.end)
        ):
            # skip the stimulus's verb
            agent = pattern_match(AGENT_PREP_RE, text, nxt.end)
            span_end = agent.start(1) if agent else nxt.end
            second = cues[after + 1]
            words = text[span_end : second.start]
            if not more_words_than(3, words) and "," not in words:
                skipped = text[t.end : second.start]
                nxt = second
        if nxt is None:
            # blocking matters only for a cue before the target (`cues[0]` ends first)
            if cues[0].end <= t.start and neutral_predicate(
                strip_targets(text, t.end, len(text), targets)
            ):
                blocked.add(i)
            continue
        gap = strip_targets(text, t.end, nxt.start, targets)
        if skipped:
            gap = " was " if has_aux(skipped) else " "
        else:  # "the decrease in X caused by TNF-alpha was reversed": the stimulus is aside
            gap = STIMULUS_BY.sub(" ", gap, state.view)
        cargo_gap = CARGO_IN.search(text[t.end : nxt.start], state.view) is not None
        if not predicate_gap_ok(gap, cargo_gap, state.view):
            # a vesicle named clauses later ("..., and knocking down Y cancelled the effect of
            # the exosomes on ...") does not make X their cargo
            if neutral_predicate(gap) or cargo_gap and not more_words_than(9, gap):
                blocked.add(i)
            continue
        if ("," in gap or nxt.form in ("adj", "protect", "noun")) and neutral_predicate(gap):
            blocked.add(i)
            continue
        aux = has_aux(gap)
        if nxt.form == "protect" or nxt.form == "adj" and not aux:
            continue
        if nxt.form == "noun":
            if not aux and not POST_NOUN_GAP_RE.fullmatch(gap):
                continue
        elif not aux:
            if nxt.form not in ("pred", "change", "same", "reversal", "verb"):
                continue
            if nxt.form != "same" and not pattern_match(INTRANSITIVE_AFTER_RE, text, nxt.end):
                continue  # "X, and promote Y": a verb with an object is not X's predicate
        right_of[i] = nxt


def _release_objects(state: _SentenceState) -> None:
    """A direct object is not a later predicate's subject: in "Exosomes inhibited apoptosis,
    and p38 was activated" the verb before "apoptosis" governs it. Predicate cues are then used up
    (except "activation of": "adenosine activation of AKT" serves both)."""
    text, targets, cues = state.text, state.targets, state.cues
    right_of, blocked = state.right_of, state.blocked
    for i in state.order:
        if (i not in right_of or right_of[i].form == "noun") and i not in blocked:
            continue
        t = targets[i]
        obj = left_cue(text, t, cues, state.bounds, set())
        if (
            obj is None
            or obj.form not in ("verb", "reversal", "protect")
            or pattern_search(DETERMINER_END_RE, text, 0, obj.start)
        ):
            continue
        between = text[obj.end : t.start]
        if not more_words_than(2, between) and "," not in between and " and " not in between:
            right_of.pop(i, None)
            blocked.discard(i)
    for cue in right_of.values():
        if not (cue.form == "noun" and text[cue.end : cue.end + 4] == " of "):
            state.consumed.add(cue.start)


def _cues_before_targets(state: _SentenceState) -> None:
    """Each target's sign: from its predicate ("X was reduced"), composed with an "inhibition
    of" in front, or else from the nearest cue before it in its clause ("exosomes reduced X").
    Inhibitor targets ("an inhibitor of AKT"), cargo ("miR-21 was enriched in the exosomes")
    and effects of another stimulus ("s-GAG synthesis impeded by IL-1beta") get none; words
    that carry a direction themselves ("anti-apoptotic") keep it."""
    view, text, targets, cues = state.view, state.text, state.targets, state.cues
    bounds, consumed, result, local = state.bounds, state.consumed, state.result, state.local
    for i in state.order:
        t = targets[i]
        if t.start >= state.inhibitor_from or (
            state.inhibitor_words
            and INHIBITOR_BEFORE.regex.search(clause_before(text, t.start, bounds))
        ):
            continue
        if t.inherent is not None:
            result[i] = local[i] = t.inherent
            state.why[i] = ("direction carried by the target's own words", None)
            continue
        sign: int | None = None
        pred = state.right_of.get(i)
        if pred is not None:
            if _names_vesicles_after(text, pred.end):
                continue  # "miR-21 was enriched in the exosomes"
            inner = left_cue(text, t, cues, bounds, consumed, nouns_only=True)
            base = predicate_sign(pred, inner, t, view)
            local[i] = base
            if pred.form == "noun" and not has_aux(strip_targets(text, t.end, pred.start, targets)):
                outer = left_cue(text, t, cues, bounds, consumed)
                if outer is not None and base is not None:
                    base = compose(outer, base, view)
            else:
                foreign = agent_is_foreign(view, pred.end)
                if foreign and not SECRETION_BLOCK.search(text[pred.end : pred.end + 40], view):
                    pred = None  # the stimulus acted, not the vesicles
                elif foreign is False:
                    state.by_vesicles.add(i)  # "induced by exosomes": GW4869 does not invert
            if pred is not None:
                sign = _bettered(state, i, pred, base)
                state.why[i] = ("after the target (pass predicates_after_targets)", pred)
        if pred is None and i not in state.blocked:
            if t.kind in _MOLECULES and _names_vesicles_after(text, t.end):
                continue  # "lower expression of miR-494-3p in the exosomes": their cargo
            left = left_cue(text, t, cues, bounds, consumed)
            left = verb_over_class_list(view, t, left, cues, bounds, consumed) or left
            if left is not None:
                governed = governed_sign(view, left, t, cues, bounds, consumed)
                sign = _bettered(state, i, left, governed)
                local[i] = sign
                state.why[i] = ("before the target (pass cues_before_targets)", left)
                if left.start > 1 and text[left.start - 1] == "-":
                    state.by_vesicles.add(i)  # "exosome-induced X" (other stimuli were dropped)
        result[i] = sign


_MOLECULES = frozenset({"genes", "mirna", "lncrna"})


def _names_vesicles_after(text: str, end: int) -> bool:
    """ "... in the exosomes" / "of hypo-sEVs" right after `end` (not "in the exosome-treated
    group"): what comes before is measured in the vesicles, as their cargo."""
    cargo = pattern_match(CARGO_AFTER_RE, text, end)
    return bool(
        cargo
        and pattern_match(VESICLE_RE, cargo.group(1))
        and not pattern_match(ARM_AFTER_RE, cargo.group(1))
    )


def _bettered(state: _SentenceState, i: int, cue: Cue, sign: int | None) -> int | None:
    """ "Improved pain behaviour": a verb that makes things better lessens a harm."""
    word = state.text[cue.start : cue.end].lower()
    target = state.targets[i]
    if (
        sign == UP
        and target.label in HARMFUL
        and not target.inverse  # "improved bone mass" is already read as less bone loss
        and word.startswith(IMPROVERS)
    ):
        state.change(i, f"'{word}' makes a harm better: a decrease (word list improvers)")
        return DOWN
    return sign


def _chain_links(state: _SentenceState) -> None:
    """ "miR-26a targets PTEN, which inhibits the AKT pathway": PTEN falls, so the pathway it
    inhibits rises; each later link of a mechanism chain follows the sign of the one before.
    A gene that is itself the subject of the verb ("Runx2 was a target gene of miR-23a-5p, and
    Runx2 suppressed MT1DP", doi:10.7150/thno.31580 as dev R98) is such a link too: what it
    acts on follows the sign the sentence gave that gene."""
    text, targets, result = state.text, state.targets, state.result
    for j, i in zip(state.order, state.order[1:], strict=False):
        before, sign, link = targets[j], result[j], result[i]
        if before.kind != "genes" or link not in (UP, DOWN):
            continue  # a miRNA before "which" is mostly the vesicles' cargo
        gap = text[before.end : targets[i].start]
        if sign in (UP, DOWN) and CHAIN_LINK_RE.fullmatch(gap):
            pass
        elif _subject_verb(state, before.end, targets[i].start):
            sign = _sign_of_label(state, before.label, j)
            if sign not in (UP, DOWN):
                continue
        else:
            continue
        result[i] = sign * link
        state.change(
            i,
            f"follows '{text[before.start : before.end]}' in a mechanism chain"
            " (pass chain_links)",
        )


def _subject_verb(state: _SentenceState, start: int, end: int) -> bool:
    """Whether the words from `start` to `end` are only a verb cue (with an adverb and the
    object's head words), so that the molecule before them is the verb's subject."""
    match = SUBJECT_VERB_RE.fullmatch(state.text, start, end)
    if match is None:
        return False
    verb = match.start("verb")
    return any(c.start == verb and c.form == "verb" and c.sign in (UP, DOWN) for c in state.cues)


def _sign_of_label(state: _SentenceState, label: str, upto: int) -> int | None:
    """The sign the sentence gave a molecule at this mention or at an earlier one."""
    for k in state.order:
        if state.targets[k].label == label and state.result[k] in (UP, DOWN):
            return state.result[k]
        if k == upto:
            break
    return None


def _induced_propagation(state: _SentenceState) -> None:
    """ "X-induced Y": a phenotype X moves with Y ("exosomes reduced mitochondrial
    dysfunction-induced apoptosis")."""
    text, targets, result, order = state.text, state.targets, state.result, state.order
    for i in order:
        t = targets[i]
        if (
            result[i] is None
            and t.kind == "outcomes"
            and text.startswith("-", t.end)
            and pattern_match(INDUCED_AFTER_RE, text, t.end)
        ):
            follower = next(
                (j for j in order if targets[j].start > t.end and targets[j].start - t.end < 12),
                None,
            )
            if follower is not None and result[follower] is not None:
                result[i] = result[follower]
                state.why[i] = (
                    f"moves with '{text[targets[follower].start : targets[follower].end]}' it"
                    " induces (pass induced_propagation)",
                    None,
                )


def _stimulus_clause(state: _SentenceState) -> None:
    """A clause whose subject is the model's stimulus ("IL-1beta treatment strongly suppressed
    TGF-beta, whose expression returned after co-culture with the exosomes") tells what the
    stimulus did: its targets get no direction. The clause runs to the first clause edge after
    which the vesicles are named; if the vesicles are named in it, it is not the stimulus's.
    The sign ignoring who caused it (`local`) is kept, so that a reversal by the vesicles after
    it (pass reversals_undo) still inverts it."""
    result = state.result
    if not any(sign is not None for sign in result):
        return
    text = state.text
    for match in STIMULUS_CLAUSE.finditer(text, state.view):
        lo = match.start()
        hi = len(text)
        for edge in STIMULUS_CLAUSE_END_RE.finditer(text, match.end()):
            if state.vesicle_in(edge.end(), len(text)):
                hi = edge.start()
                break
        if state.vesicle_in(lo, hi):
            continue
        for i, t in enumerate(state.targets):
            if result[i] is not None and lo <= t.start and t.end <= hi:
                result[i] = None
                state.change(i, "said of the model's stimulus (pass stimulus_clause)")


def _reversals_undo(state: _SentenceState) -> None:
    """The vesicles undo the changes named before: "IL-1beta raised MMP13, but all the changes
    were almost abolished when BMSC-Exos was added" inverts each change (an undirected one of a
    harm is a decrease)."""
    text, targets = state.text, state.targets
    for match in state.reversals_found():
        # the vesicles undo it after ("... when exosomes were added") or are the subject of
        # the undoing verb, after the changed targets ("X rose, and EVs damped this rise")
        subject_from = max((t.end for t in targets if t.end <= match.start()), default=0)
        if not state.vesicle_in(match.start(), len(text)) and not (
            subject_from and state.vesicle_in(subject_from, match.start())
        ):
            continue
        word = text[match.start() : match.end()].split()[-1].lower()
        cue_sign = UP if word.startswith(("rescu", "restor")) else DOWN
        # "damped this rise": the anaphor names the change undone
        named = UP if word.startswith(("rise", "increase", "elevation", "up")) else None
        for i in state.order:
            t = targets[i]
            if t.end <= match.start() and not agent_like(state.view, t):
                was = named if state.local[i] is None else state.local[i]
                state.result[i] = _reversal_sign(was, t.label, SAME if was is None else cue_sign)
                state.change(i, f"reversed by '{match.group()}' (pass reversals_undo)")


def _inverse_and_agents(state: _SentenceState) -> None:
    """A measure that rises when its phenotype falls is inverted ("exosomes restored
    mitochondrial membrane potential" is less mitochondrial dysfunction); agents ("Chondrocytes
    stimulated with IL-1beta", "Runx2 knockout"), the members of a ratio ("the ratio of
    Bcl-2 to Bax rose": either may have moved), the disease a model stands for ("in a rat
    model of ONFH"), what the experimenters changed ("when miR-135b was decreased") and GAG
    released from cartilage (breakdown, not the tissue's level; looked for only when s_GAG is
    named) are never targets."""
    targets, result = state.targets, state.result
    if not any(sign is not None for sign in result):
        return  # (each step below only drops or inverts a sign)
    ratios = [m.span() for m in RATIO.finditer(state.text, state.view)]
    if any(t.label == "s_GAG" for t in targets):
        ratios += [m.span() for m in MATRIX_RELEASE.finditer(state.text, state.view)]
    for i, t in enumerate(targets):
        if result[i] is not None and MODEL_OF.search(
            state.text[max(0, t.start - 40) : t.start], state.view
        ):
            result[i] = None
            state.change(i, "the model the finding was made in (pass inverse_and_agents)")
    manipulated = [*MANIPULATED_WHEN.finditer(state.text, state.view)]
    manipulated += MANIPULATED_TO.finditer(state.text, state.view)
    for m in manipulated:
        a, b = m.span(1)
        for i, t in enumerate(targets):
            if a <= t.start and t.end <= b and result[i] is not None:
                result[i] = None
                state.change(i, "changed by the experimenters (pass inverse_and_agents)")
    for i in state.order:
        sign, was = result[i], state.local[i]
        if targets[i].inverse and sign is not None and was is not None and was != SAME:
            result[i] = -sign
            state.change(i, "inverted: the measure falls as the phenotype rises (pass inverse)")
    for i in state.order:
        t = targets[i]
        if (
            result[i] is not None
            and t.kind != "outcomes"
            and (agent_like(state.view, t) or any(a <= t.start and t.end <= b for a, b in ratios))
        ):
            result[i] = None


def _stimulus_after(state: _SentenceState) -> None:
    """A change tied to the model's stimulus by "after" ("the BMSCs showed reduced osteogenic
    differentiation after fatigue loading", "MAPK was activated after DEX treatment") is what
    the model did: its targets get no direction unless the clause names vesicles."""
    result = state.result
    if not any(sign is not None for sign in result):
        return
    text = state.text
    for match in STIMULUS_AFTER.finditer(text, state.view):
        edges = [b for _, b in state.bounds if b <= match.start()]
        lo = max(edges, default=0)
        hi = min(
            [a for a, _ in state.bounds if a >= match.end()]
            + [at for at in (text.find(",", match.end()), text.find(";", match.end())) if at > 0]
            + [len(text)]
        )
        if state.vesicle_in(lo, hi):
            continue
        for i, t in enumerate(state.targets):
            if result[i] is not None and lo <= t.start and t.end <= match.start():
                result[i] = None
                state.change(i, "changed by the model's stimulus (pass stimulus_after)")


def _arms_compared(state: _SentenceState) -> None:
    """A comparative measured against another vesicle arm ("more nodules in the Exo1-14d group
    than in the Exo15-28d group") tells the difference between two preparations, not their
    effect against control: a target whose sign came from that comparative alone, in the
    clause before the comparison, gets none. A verb cue keeps its sign ("promoted X more than
    Exos": promoted is against control)."""
    result, why, text = state.result, state.why, state.text
    compared: list[tuple[int, Cue]] = []
    for i in state.order:  # comparatives are rare: the regex runs only where one gave a sign
        if result[i] is None or i not in why:
            continue
        cue = why[i][1]
        if cue is None or cue.form != "adj":
            continue
        if text[cue.start : cue.end].lower() in COMPARATIVES:
            compared.append((i, cue))
    if not compared:
        return
    found = [m.start() for m in ARM_COMPARED_RE.finditer(text)]
    for i, cue in compared:
        for at in found:
            if cue.end <= at and not any(cue.end <= a and b <= at for a, b in state.bounds):
                result[i] = None
                state.change(i, "a difference between two vesicle arms (pass arms_compared)")
                break


def _secretion_block(state: _SentenceState) -> None:
    """Blocking vesicle secretion inverts what it did: "GW4869 prevented bone loss" means the
    vesicles increase bone loss. A vesicle's own property ("pro-osteogenic effect") or a change
    it caused keeps its sign: "induced by exosomes", or a change told before the block with
    the vesicles as the subject of its verb, to which the block then refers ("They lowered
    RUNX2 ..., while the exosome inhibitor GW4869 weakened this effect", R1041)."""
    block = SECRETION_BLOCK.search(state.text, state.view)
    if block is None:
        return
    targets, result = state.targets, state.result
    state.result = [
        -s
        if s
        and targets[i].inherent is None
        and i not in state.by_vesicles
        and not _told_of_vesicles_before(state, i, block.start())
        else s
        for i, s in enumerate(result)
    ]
    for i, s in enumerate(result):
        if s != state.result[i]:
            state.change(i, "inverted: vesicle secretion was blocked (pass secretion_block)")


def _told_of_vesicles_before(state: _SentenceState, i: int, block_at: int) -> bool:
    """Whether target `i` and the cue that signed it come before the secretion block, with the
    vesicles (or an anaphor of them opening the sentence) as the subject of that cue."""
    cue = state.why.get(i, ("", None))[1]
    if cue is None or state.targets[i].end > block_at or cue.start > block_at:
        return False
    return _vesicles_before(state.view, cue.start)
