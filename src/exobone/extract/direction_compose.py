"""How a cue's sign reaches a target: the nearest cue before it in its clause (`left_cue`), a
predicate's sign given an "inhibition of" in front (`predicate_sign`), a cue before the target
composed with a verb before it (`governed_sign`, `compose`).

Split from `exobone.extract.direction_sentence` (issue 12, modules under ~600 lines): these
functions read only the cues, the target and the sentence, none of the passes' shared state.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from exobone.extract.direction_cues import (
    Cue,
    Target,
    boundary_between,
    is_negated,
    more_words_than,
)
from exobone.extract.direction_rules import (
    ADJECTIVE_LIST_RE,
    CHANGE_NOUNS,
    COORDINATED_CHANGE_RE,
    COORDINATED_CUES_RE,
    DETERMINER_GAP_RE,
    DOWN,
    HARMFUL,
    MODIFIED_CLASS_LIST_RE,
    NOUN_IN_RE,
    NOUN_OF_RE,
    REPAIR_AFTER_RE,
    SAME,
    UP,
    VERB_OBJECT_COORDINATE_RE,
)
from exobone.extract.scanning import View, required_texts
from exobone.text.calls import pattern_match


def left_cue(
    text: str,
    t: Target,
    cues: Sequence[Cue],
    bounds: Sequence[tuple[int, int]],
    consumed: set[int],
    *,
    nouns_only: bool = False,
) -> Cue | None:
    """The nearest usable cue before the target in its clause."""
    for cue in reversed(cues):
        if cue.end > t.start:
            continue
        if boundary_between(bounds, cue.end, t.start):
            return None
        if cue.start in consumed or cue.form in ("pred",):
            continue
        if nouns_only:
            gap = text[cue.end : t.start] + " "
            if cue.form == "noun" and (
                NOUN_OF_RE.fullmatch(gap)
                or cue.text.lower() in CHANGE_NOUNS
                and NOUN_IN_RE.fullmatch(gap)
            ):
                return cue
            return None
        if (
            cue.form == "adj"
            and more_words_than(3, text, cue.end, t.start)
            and not ADJECTIVE_LIST_RE.fullmatch(text, cue.end, t.start)  # "levels of A, B and C"
        ):
            continue
        return cue
    return None


def compose(outer: Cue, inner_sign: int, view: View) -> int:
    if is_negated(view, outer):
        return SAME
    if outer.form == "reversal":
        return -inner_sign if inner_sign != SAME else (outer.sign or inner_sign)
    if outer.sign == SAME:
        return SAME if outer.form == "same" else inner_sign
    return outer.sign * inner_sign


def _attributing_verb(
    view: View,
    cue: Cue,
    cues: Sequence[Cue],
    bounds: Sequence[tuple[int, int]],
    consumed: set[int],
) -> Cue | None:
    """The verb whose object a participle describes ("restored THE DECREASED osteogenic
    differentiation", "attenuated the increased apoptosis"): a verb or reversal cue with only a
    determiner between it and the participle, which then names the state the verb acted on."""
    text = view.text
    for c in reversed(cues):
        if c.end > cue.start:
            continue
        if (
            c.start in consumed
            or c.form not in ("verb", "reversal")
            or boundary_between(bounds, c.end, cue.start)
            or not DETERMINER_GAP_RE.fullmatch(text, c.end, cue.start)
        ):
            return None
        return c
    return None


def _attributed_sign(verb: Cue, state_sign: int, view: View) -> int:
    """A verb acting on a changed state: a reversal undoes the change ("restored the decreased
    X": up), any other verb gives its own sign ("attenuated the increased apoptosis": down;
    "improved the reduced proliferation": up)."""
    if is_negated(view, verb):
        return SAME
    if verb.form == "reversal":
        return -state_sign
    return verb.sign if verb.sign != SAME else state_sign


def predicate_sign(cue: Cue, inner: Cue | None, t: Target, view: View) -> int | None:
    """Sign of a predicate cue on its subject, given an "inhibition of"-type word in front."""
    if is_negated(view, cue):
        return SAME
    if cue.form == "same":
        return SAME
    inner_sign = inner.sign if inner is not None else None
    if cue.form == "reversal":
        if inner_sign is not None:
            return -inner_sign
        return cue.sign if cue.sign != SAME else (DOWN if t.label in HARMFUL else UP)
    if cue.form == "change":
        return None
    if inner_sign is not None:
        return cue.sign * inner_sign
    return cue.sign


def governed_sign(
    view: View,
    cue: Cue,
    t: Target,
    cues: Sequence[Cue],
    bounds: Sequence[tuple[int, int]],
    consumed: set[int],
) -> int | None:
    """Sign of a cue before the target, composed with a verb right before a noun cue."""
    text = view.text
    if cue.form == "same" or is_negated(view, cue):
        return SAME
    if cue.form == "change":
        return None
    sign = cue.sign
    if cue.form in ("adj", "verb") and sign != SAME:
        attributing = _attributing_verb(view, cue, cues, bounds, consumed)
        if attributing is None:
            attributing = _verb_of_coordinate(view, cue, cues, bounds, consumed)
        if attributing is not None:
            return _attributed_sign(attributing, sign, view)
    if cue.form == "reversal" and sign == SAME:
        sign = DOWN if t.label in HARMFUL else UP
    # "X repair" of a harm ("DNA damage repair") or "X inhibition" after the target
    if t.label in HARMFUL and pattern_match(REPAIR_AFTER_RE, text[t.end : t.end + 14].lower()):
        sign = -sign
    if cue.form in ("noun", "reversal"):
        outer = outer_verb(view, cue, cues, bounds, consumed)
        if outer is None and cue.form == "noun":
            outer = _verb_of_coordinate(view, cue, cues, bounds, consumed)
        if outer is not None:
            return compose(outer, sign, view)
    return sign


def outer_verb(
    view: View,
    cue: Cue,
    cues: Sequence[Cue],
    bounds: Sequence[tuple[int, int]],
    consumed: set[int],
) -> Cue | None:
    """The cue at most two words before a noun cue that acts on it ("reduced THE
    upregulation of X"); none when the two are joined by a conjunction ("delayed OR
    reversed", rule coordinated_cues): coordinated cues each act on the target."""
    text = view.text
    outer = next(
        (
            c
            for c in reversed(cues)
            if c.end <= cue.start
            and c.start not in consumed
            and not more_words_than(2, text, c.end, cue.start)
            and not boundary_between(bounds, c.end, cue.start)
        ),
        None,
    )
    if (
        outer is None
        or outer.form in ("pred", "change")
        or COORDINATED_CUES_RE.fullmatch(text, outer.end, cue.start)
    ):
        return None
    return outer


def _verb_of_coordinate(
    view: View,
    cue: Cue,
    cues: Sequence[Cue],
    bounds: Sequence[tuple[int, int]],
    consumed: set[int],
) -> Cue | None:
    """The verb acting on the changed state that `cue` is joined to by "and" (rule
    coordinated_change: "lessened the downregulation of A and upregulation of B", "restored
    the decreased A and the increased B"), or on the object a noun cue is joined to (rule
    verb_object_coordinate: "inhibited A and the activation of B"): the second state is its
    object too. A participle right after "and" with no determiner is a verb of its own ("...
    of A and increased B")."""
    # (asked of most verb cues: the "and" the row ends with, and a verb's "the", first)
    before = view.text[max(0, cue.start - 50) : cue.start]
    if " and " not in before or cue.form == "verb" and not before.lower().endswith(" the "):
        return None
    at = next((k for k, c in enumerate(cues) if c is cue), 0)
    if at == 0:
        return None
    head = cues[at - 1]
    gap = view.text[head.end : cue.start]
    if (
        head.form == "verb"
        and cue.form == "noun"
        and head.start not in consumed
        and not boundary_between(bounds, head.end, cue.start)
        and VERB_OBJECT_COORDINATE_RE.fullmatch(gap)
    ):
        return head  # "inhibited A and the activation of B" (rule verb_object_coordinate)
    if (
        head.form not in ("noun", "adj", "verb")
        or boundary_between(bounds, head.end, cue.start)
        or not COORDINATED_CHANGE_RE.fullmatch(gap)
    ):
        return None
    if head.form == "noun":
        return outer_verb(view, head, cues, bounds, consumed)
    return _attributing_verb(view, head, cues, bounds, consumed)


_LIST_OPENERS = ("(", "namely", "including", "such as", "i.e.")
# Texts one of which the words before a target must hold for the row to match there (its
# cheap pre-check: the class nouns), read from the pattern.
_CLASS_NOUNS: Final = required_texts(MODIFIED_CLASS_LIST_RE.pattern)


def verb_over_class_list(
    view: View,
    t: Target,
    left: Cue | None,
    cues: Sequence[Cue],
    bounds: Sequence[tuple[int, int]],
    consumed: set[int],
) -> Cue | None:
    """The verb acting on a class noun ("enzymes", "factors") whose members a list names past
    the noun's own modifier (rule modified_class_list: "lowered the enzymes that degrade
    cartilage (MMP13 and ADAMTS5)", "suppressed the factors raised by IL-1beta, namely
    TNF-alpha and IL-6"). None when a clause edge stands before the noun or a verb cue
    inside the list starts a clause of its own. `left`, the nearest cue before the target, is
    passed over only when a list opens between it and the target."""
    text = view.text
    gap = text[left.end if left is not None else max(0, t.start - 200) : t.start]
    if not any(opener in gap for opener in _LIST_OPENERS):
        return None
    window = text[max(0, t.start - 240) : t.start].lower()
    if not any(noun in window for noun in _CLASS_NOUNS):
        return None
    for c in reversed(cues):
        if c.end > t.start:
            continue
        if t.start - c.end > 240:
            return None
        if c.form != "verb" or c.start in consumed:
            continue
        match = MODIFIED_CLASS_LIST_RE.fullmatch(text, c.end, t.start)
        if match is None or boundary_between(bounds, c.end, match.start("noun")):
            continue
        listed_from = match.start("list") if match.group("list") else t.start
        if any(d.form == "verb" and listed_from <= d.start < t.start for d in cues):
            return None
        return c
    return None
