"""The words of one sentence that carry or receive a direction: cues (`find_cues`), targets,
negation, agents, vesicle names, aims, and the small tests on the gaps between them that
`exobone.extract.direction_sentence` composes. The rules are rows of data/direction.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from exobone.extract.direction_rules import (
    AGENT_AFTER_RE,
    AGENT_BEFORE,
    AGENT_END_RE,
    AGENT_PREP_RE,
    AIMS,
    AUX,
    CHANGE_NOUNS,
    CUE_NAMES,
    CUE_TABLE,
    CUES,
    EITHER_DIRECTION_RE,
    GAP_BREAK,
    HYPHEN_CUE,
    MEASURED_BY,
    NEGATION,
    NEUTRAL_PRED,
    NOT_ONLY,
    OWN_TREATMENT_RE,
    PAREN_RE,
    QUANTITY_RE,
    REVERSAL_ANAPHOR,
    REVERSAL_GATE,
    TO_FINDING_RE,
    VESICLE,
    view_of,
)
from exobone.extract.scanning import View
from exobone.text.calls import match_end, match_start, pattern_match, pattern_search


def has_aux(gap: str) -> bool:
    """Whether `gap` holds an auxiliary ("was", "been", "became", ...)."""
    return AUX.search(gap) is not None


# Words are runs of `[\w/-]`. "More than n words" is matched without making them: each
# repetition takes all the characters up to a word and then the whole word (possessive, so that
# a word is never split in two).
_MORE_WORDS_THAN: Final = {n: re.compile(rf"(?:[^\w/-]*+[\w/-]++){{{n + 1}}}") for n in (2, 3, 9)}


def more_words_than(n: int, text: str, start: int = 0, end: int = -1) -> bool:
    """Whether `text[start:end]` (to its end by default) holds more than `n` (2, 3 or 9)
    words."""
    regex = _MORE_WORDS_THAN[n]
    if end < 0:
        return pattern_match(regex, text, start) is not None
    return pattern_match(regex, text, start, end) is not None


# Cue, Target and Directed are plain classes rather than named tuples: compiled, a class is built
# natively, while a named tuple goes through its interpreted `__new__` (a few thousand
# instructions each, and every sentence makes several).
class Cue:
    """A direction word in a sentence (offsets into the sentence text) and the name of the
    data/direction.yaml row that found it."""

    __slots__ = ("end", "form", "negated", "rule", "sign", "start", "text")

    def __init__(
        self, start: int, end: int, sign: int, form: str, text: str, rule: str = ""
    ) -> None:
        self.start = start
        self.end = end
        self.sign = sign
        self.form = form
        self.text = text
        self.rule = rule
        self.negated: bool | None = None  # found when first asked (`is_negated`)

    def __repr__(self) -> str:
        return f"Cue({self.start}, {self.end}, {self.sign}, {self.form!r}, {self.text!r})"


class Target:
    """Something that can move: a phenotype, gene, miRNA, pathway or metabolite mention.

    `inherent` is a direction the words carry themselves ("anti-apoptotic", "attenuated OA");
    `inverse` marks a measure that rises when the phenotype falls ("mitochondrial membrane
    potential" for mitochondrial dysfunction).
    """

    __slots__ = ("end", "inherent", "inverse", "kind", "label", "rule", "start")

    def __init__(
        self,
        start: int,
        end: int,
        label: str,
        kind: str,
        inherent: int | None = None,
        inverse: bool = False,
        rule: str = "",
    ) -> None:
        self.start = start
        self.end = end
        self.label = label
        self.kind = kind
        self.inherent = inherent
        self.inverse = inverse
        self.rule = rule  # the phrase row that named the target, if a phrase did

    def __repr__(self) -> str:
        return (
            f"Target({self.start}, {self.end}, {self.label!r}, {self.kind!r}, {self.inherent}, "
            f"{self.inverse})"
        )


def as_view(text: str | View) -> View:
    return text if isinstance(text, View) else view_of(text)


def find_cues(text: str | View) -> list[Cue]:
    """Every direction cue in `text`, in order, hyphen-glued stimulus modifiers removed."""
    return cues_of(as_view(text))


def cues_of(view: View) -> list[Cue]:
    cues: list[Cue] = []
    text = view.text
    for i, match in CUES.finditer(view):
        _, sign, form = CUE_TABLE[i]
        start, end = match_start(match), match_end(match)
        if (
            form == "verb"
            and view.low[start:end] in CHANGE_NOUNS  # verbs among them
            and text.startswith((" in ", " of "), end)
        ):
            form = "noun"
        cues.append(Cue(start, end, sign, form, match.group(), CUE_NAMES[i]))
    for first, second in zip(cues, cues[1:], strict=False):
        if (
            first.sign * second.sign == -1
            and second.start - first.end <= 10
            and (joint := pattern_match(EITHER_DIRECTION_RE, text, first.end)) is not None
            and joint.end() == second.start
        ):
            for cue in (first, second):  # "inhibiting or accelerating": no direction stated
                cue.sign, cue.form = 0, "change"
                cue.rule = f"{cue.rule}, either_direction"
    return cues


def hyphen_modifiers(view: View) -> list[tuple[int, int, bool]]:
    """Spans of "<stimulus>-induced" words; True where the stimulus is a vesicle."""
    return [
        (hyphen, end, names_vesicle(stimulus, view)) for stimulus, hyphen, end in _hyphen_cues(view)
    ]


def _hyphen_cues(view: View) -> list[tuple[str, int, int]]:
    """(stimulus, hyphen offset, end) of each `HYPHEN_CUE_RE` match."""
    return [(m.group(1), m.start(2) - 1, m.end(2)) for m in HYPHEN_CUE.finditer(view.text, view)]


def mentions_vesicles(text: str | View) -> bool:
    """Whether the sentence `text` names a vesicle preparation (`VESICLE_RE`)."""
    view = as_view(text)
    return VESICLE.search(view.text, view) is not None


def names_vesicle(piece: str, sentence: View) -> bool:
    """`mentions_vesicles` for a piece of a sentence."""
    return VESICLE.search(piece, sentence) is not None


def is_aim(text: str | View) -> bool:
    """An aim, hypothesis or knowledge gap rather than a finding."""
    return AIMS.first(as_view(text)) is not None


def boundary_between(bounds: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(start <= b0 and b1 <= end for b0, b1 in bounds)


def strip_targets(text: str, start: int, end: int, targets: Sequence[Target]) -> str:
    """The gap text with target spans blanked and parentheses removed."""
    spans = sorted(
        (max(t.start, start), min(t.end, end)) for t in targets if t.start < end and start < t.end
    )
    parts = []
    at = start
    for lo, hi in spans:
        if hi <= at:
            continue
        lo = max(lo, at)
        parts += [text[at:lo], " " * (hi - lo)]
        at = hi
    parts.append(text[at:end])
    gap = "".join(parts)
    return PAREN_RE.sub(" ", gap) if "(" in gap else gap


def predicate_gap_ok(gap: str, vesicles: bool, sentence: View) -> bool:
    gap = MEASURED_BY.sub(" ", gap, sentence)
    if vesicles or GAP_BREAK.search(gap) is not None:
        return False
    return not more_words_than(9, gap)


def agent_is_foreign(view: View, end: int) -> bool | None:
    """After a predicate cue ending at `end`: None if no agent is named, True if it is not the
    vesicle."""
    text = view.text
    match = pattern_match(AGENT_PREP_RE, text, end)
    if match is None:
        return None
    words = match.group(1)
    if pattern_match(QUANTITY_RE, words):
        return None  # "fell by about half", "increased by 2-fold"
    # only the first few words name the agent: at most six, up to the first clause word (looked
    # for only among the six: its matches hold no whitespace)
    first = " ".join(words.split(None, 6)[:6])
    end_word = pattern_search(AGENT_END_RE, first)
    head = " ".join(first[: end_word.start()].split()) if end_word else first
    if pattern_match(OWN_TREATMENT_RE, head):
        return None  # "fell after the injection": the study's own treatment
    return not names_vesicle(head, view)


def is_negated(view: View, cue: Cue) -> bool:
    """Whether the cue of the sentence `text` is negated ("did not promote"); asked for each
    target the cue governs, found once."""
    text = view.text
    negated = cue.negated
    if negated is None:
        start = cue.start
        if NOT_ONLY.search(text[max(0, start - 12) : start], view):
            negated = False
        else:
            negated = NEGATION.search(text[max(0, start - 40) : start], view) is not None
        cue.negated = negated
    return negated


def purpose_of_a_method(view: View, cue: Cue) -> bool:
    """A "to <cue>" purpose before any vesicle is named: how the model or stimulus was set up."""
    text = view.text
    if cue.form != "verb" or cue.start < 3 or text[cue.start - 3 : cue.start].lower() != "to ":
        return False
    before = text[: cue.start]
    return not names_vesicle(before, view) and not pattern_search(TO_FINDING_RE, before[-20:])


def neutral_predicate(gap: str) -> bool:
    """The target is the subject of a predicate that gives no direction ("were evaluated")."""
    return NEUTRAL_PRED.match(gap) is not None


def clause_before(text: str, start: int, bounds: Sequence[tuple[int, int]]) -> str:
    edge = max((b1 for b0, b1 in bounds if b1 <= start), default=0)
    return text[edge:start]


def agent_like(view: View, t: Target) -> bool:
    """The target is an agent: a stimulus given to cells, a genotype, a treatment arm."""
    text = view.text
    return bool(
        AGENT_BEFORE.search(text[max(0, t.start - 40) : t.start], view)
        or t.end < len(text)
        and pattern_match(AGENT_AFTER_RE, text, t.end)
    )


def reversals_in(view: View) -> list[re.Match[str]]:
    """`REVERSAL_ANAPHOR_RE.finditer(view.text)`, tried where its determiners start."""
    if not REVERSAL_GATE.possible(view):
        return []
    return [match for _, match in REVERSAL_ANAPHOR.finditer(view)]
