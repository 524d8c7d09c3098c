"""Which way a vesicle treatment moved each phenotype or molecule named in a sentence.

Shared by `exobone.extract.outcomes` and `exobone.extract.molecular`. Two layers:

* `resolve(text, targets, vesicles)` works on one sentence: it finds direction cues
  ("up-regulated", "inhibiting", "protect ... from", "anti-apoptotic", "had no effect on"),
  decides which cue governs each target (a passive or predicate cue after the target wins over
  the nearest cue before it in the same clause; "inhibition of"/"loss of" compose with a cue
  in front: "reduced proliferation inhibition" is an increase), and applies negation ("did not
  promote" is no change), reversal ("the changes induced by IL-1beta were abolished when
  exosomes were added" inverts each change) and the GW4869 rule (an inhibitor of vesicle
  secretion preventing a harm means the vesicles increase it).
* `analyse(doc)` walks a `Document`'s title and abstract sentences, keeps only sentences about
  the vesicle treatment (a vesicle is named, or the sentence continues one that named it with
  "they"/"these", or its subject is a molecule the vesicles carry) and returns every target
  with a direction.

Hedged findings ("may", "potentially via reduced miR223") are still coded: the seed gold codes
them, and abstracts hedge their own results. Aims and hypotheses ("to investigate whether
exosomes promote ...") are not findings and are skipped. Stimuli given to cells
("stimulated with IL-1beta", "IL-1beta-induced"), inhibitor targets ("inhibitors of AKT") and
vesicle cargo ("Wnt-3a content was elevated in ASC-EXO") never receive a direction.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from exobone.extract.document import Mention
from exobone.extract.rules import Rule, RuleError, load_rules
from exobone.extract.scanning import Engine, View, is_word_char

if TYPE_CHECKING:
    from exobone.extract.document import Document, Sentence

__all__ = [
    "Cue",
    "Directed",
    "Target",
    "analyse",
    "find_cues",
    "is_aim",
    "mentions_vesicles",
    "resolve",
]

UP: Final = 1
DOWN: Final = -1
SAME: Final = 0

# The rules (cues, phrases, clause edges, aims, single patterns and word lists) are rows of
# data/direction.yaml; this module holds the sentence logic that applies them.
_RULES: Final = load_rules("direction.yaml")
_SIGNS: Final = {"up": UP, "down": DOWN, "same": SAME}
_FORMS: Final = frozenset({"verb", "noun", "adj", "reversal", "protect", "change", "same", "pred"})


def _cue_assigns(rule: Rule) -> tuple[int, str]:
    """(sign, form) of a cue row."""
    assigns = rule.assigns
    if not isinstance(assigns, dict) or assigns.get("sign") not in _SIGNS:
        raise RuleError(f"direction.yaml, cue {rule.name!r}: sign must be up, down or same")
    if assigns.get("form") not in _FORMS:
        raise RuleError(f"direction.yaml, cue {rule.name!r}: unknown form {assigns.get('form')}")
    return _SIGNS[assigns["sign"]], str(assigns["form"])


def _phrase_assigns(rule: Rule) -> tuple[str, str, int | None, bool]:
    """(kind, label, inherent sign or None, inverse) of a phrase row."""
    assigns = rule.assigns
    if not isinstance(assigns, dict) or not {"kind", "label"} <= assigns.keys():
        raise RuleError(f"direction.yaml, phrase {rule.name!r}: kind and label are required")
    inherent = assigns.get("inherent")
    if inherent is not None and inherent not in _SIGNS:
        raise RuleError(f"direction.yaml, phrase {rule.name!r}: inherent must be up or down")
    sign = None if inherent is None else _SIGNS[inherent]
    return str(assigns["kind"]), str(assigns["label"]), sign, bool(assigns.get("inverse"))


_CUE_TABLE: Final = tuple((rule.pattern, *_cue_assigns(rule)) for rule in _RULES.table("cues"))

# One engine scans for every rule of this module; it is built at the end of the module.
_ENGINE: Final = Engine()
_view: Final = _ENGINE.view


def _tail_start(text: str, end: int, words: int) -> int:
    """Where the last `words` runs of word characters before `end` begin, with the whitespace
    between and after them. A match ending at `end` that holds only word characters and
    whitespace, at most `words` runs, and starts a run, starts here or later: an end-anchored
    regex searched from here skips the offsets before, where it can only fail."""
    at = end
    for _ in range(words):
        while at and text[at - 1].isspace():
            at -= 1
        while at and is_word_char(text[at - 1]):
            at -= 1
    return at


_CUES: Final = _ENGINE.scanner(
    [p for p, _, _ in _CUE_TABLE], before=r"(?<![\w-])", after=r"(?![\w])"
)

# A cue word glued to a preceding hyphen ("IL-1beta-induced", "EV-depleted", "PBS-treated") is
# a modifier naming a stimulus, unless the stimulus is the vesicle ("exosome-induced").
_HYPHEN_CUE_RE: Final = _RULES.regex("hyphen_cue")

_VESICLE_RE: Final = _RULES.regex("vesicle")
# Vesicle secretion blocked: GW4869, "inhibitor of exosome secretion/release/biogenesis".
_SECRETION_BLOCK_RE: Final = _RULES.regex("secretion_block")

# Clause edges that a cue before a target does not reach across.
_BOUNDARY_PATTERNS: Final = tuple(rule.pattern for rule in _RULES.table("boundaries"))
_BOUNDARIES: Final = _ENGINE.scanner(_BOUNDARY_PATTERNS)
_NEGATION_RE: Final = _RULES.regex("negation")
_NOT_ONLY_RE: Final = _RULES.regex("not_only")
_AUX_RE: Final = _RULES.regex("auxiliary")


def _has_aux(gap: str) -> bool:
    """Whether `gap` holds an auxiliary ("was", "been", "became", ...)."""
    return _AUX.search(gap) is not None


_DETERMINER_END_RE: Final = _RULES.regex("determiner_end")
_POST_NOUN_GAP_RE: Final = _RULES.regex("post_noun_gap")
# The regexes read after an offset (`.match(text, pos)`) have no "^": it would not match there.
_INTRANSITIVE_AFTER_RE: Final = _RULES.regex("intransitive_after")
# "measured by CCK-8" inside a noun phrase names a method, not an agent
_MEASURED_BY_RE: Final = _RULES.regex("measured_by")
_PAREN_RE: Final = re.compile(r"\([^()]*\)")
# Words are runs of `[\w/-]`. "More than n words" is matched without making them: each
# repetition takes all the characters up to a word and then the whole word (possessive, so that
# a word is never split in two).
_MORE_WORDS_THAN: Final = {n: re.compile(rf"(?:[^\w/-]*+[\w/-]++){{{n + 1}}}") for n in (2, 3, 9)}


def _more_words_than(n: int, text: str, start: int = 0, end: int = -1) -> bool:
    """Whether `text[start:end]` (to its end by default) holds more than `n` (2, 3 or 9)
    words."""
    regex = _MORE_WORDS_THAN[n]
    return (regex.match(text, start) if end < 0 else regex.match(text, start, end)) is not None


# The words after a predicate cue that name who caused it.
_AGENT_PREP_RE: Final = _RULES.regex("agent_preposition")
_CARGO_AFTER_RE: Final = _RULES.regex("cargo_after")
_CARGO_BEFORE_RE: Final = _RULES.regex("cargo_before")
_AGENT_BEFORE_RE: Final = _RULES.regex("agent_before")
_AGENT_AFTER_RE: Final = _RULES.regex("agent_after")
_INDUCED_AFTER_RE: Final = _RULES.regex("induced_after")
_INHIBITOR_BEFORE_RE: Final = _RULES.regex("inhibitor_before")
_GERUND_SUBJECT_RE: Final = _RULES.regex("gerund_subject")
# "... the changes were (almost) abolished when BMSC-Exos was added": undoes what came before.
_REVERSAL_ANAPHOR_RE: Final = _RULES.regex("reversal_anaphor")
_AIM_PATTERNS: Final = tuple(rule.pattern for rule in _RULES.table("aims"))
# Words that put another agent in charge of a sentence: a genotype, an inhibitor, other cells.
_OTHER_AGENT_RE: Final = _RULES.regex("other_agent")
_EXPERIMENTER_RE: Final = _RULES.regex("experimenter")
_ANAPHOR_START_RE: Final = _RULES.regex("anaphor_start")

# Outcome labels whose increase is harm; a reversal of an undirected change decreases them.
HARMFUL: Final = frozenset(_RULES.word_list("harmful"))


# Cue, Target and Directed are plain classes rather than named tuples: compiled, a class is built
# natively, while a named tuple goes through its interpreted `__new__` (a few thousand
# instructions each, and every sentence makes several).
class Cue:
    """A direction word in a sentence (offsets into the sentence text)."""

    __slots__ = ("end", "form", "negated", "sign", "start", "text")

    def __init__(self, start: int, end: int, sign: int, form: str, text: str) -> None:
        self.start = start
        self.end = end
        self.sign = sign
        self.form = form
        self.text = text
        self.negated: bool | None = None  # found when first asked (`_negated`)

    def __repr__(self) -> str:
        return f"Cue({self.start}, {self.end}, {self.sign}, {self.form!r}, {self.text!r})"


class Target:
    """Something that can move: a phenotype, gene, miRNA, pathway or metabolite mention.

    `inherent` is a direction the words carry themselves ("anti-apoptotic", "attenuated OA");
    `inverse` marks a measure that rises when the phenotype falls ("mitochondrial membrane
    potential" for mitochondrial dysfunction).
    """

    __slots__ = ("end", "inherent", "inverse", "kind", "label", "start")

    def __init__(
        self,
        start: int,
        end: int,
        label: str,
        kind: str,
        inherent: int | None = None,
        inverse: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.label = label
        self.kind = kind
        self.inherent = inherent
        self.inverse = inverse

    def __repr__(self) -> str:
        return (
            f"Target({self.start}, {self.end}, {self.label!r}, {self.kind!r}, {self.inherent}, "
            f"{self.inverse})"
        )


class Directed:
    """A target of one sentence with the direction the vesicle treatment gave it."""

    __slots__ = ("cue", "kind", "label", "mention", "sign")

    def __init__(self, label: str, kind: str, sign: int, mention: Mention, cue: str) -> None:
        self.label = label
        self.kind = kind
        self.sign = sign
        self.mention = mention
        self.cue = cue

    def __repr__(self) -> str:
        return (
            f"Directed({self.label!r}, {self.kind!r}, {self.sign}, {self.mention!r}, {self.cue!r})"
        )


def find_cues(text: str) -> list[Cue]:
    """Every direction cue in `text`, in order, hyphen-glued stimulus modifiers removed."""
    return _find_cues(_view(text))


# "the increase in MMP13", "a decrease of ALP": the bare verb forms naming a change.
_CHANGE_NOUNS: Final = frozenset(_RULES.word_list("change_nouns"))


def _find_cues(view: View) -> list[Cue]:
    cues: list[Cue] = []
    text = view.text
    for i, match in _CUES.finditer(view):
        _, sign, form = _CUE_TABLE[i]
        if (
            form == "verb"
            and view.low[match.start() : match.end()] in _CHANGE_NOUNS  # verbs among them
            and text.startswith((" in ", " of "), match.end())
        ):
            form = "noun"
        cues.append(Cue(match.start(), match.end(), sign, form, match.group()))
    return cues


def _hyphen_modifiers(text: str) -> list[tuple[int, int, bool]]:
    """Spans of "<stimulus>-induced" words; True where the stimulus is a vesicle."""
    return [
        (hyphen, end, _names_vesicle(stimulus, text))
        for stimulus, hyphen, end in _hyphen_cues(text)
    ]


def _hyphen_cues(text: str) -> list[tuple[str, int, int]]:
    """(stimulus, hyphen offset, end) of each `_HYPHEN_CUE_RE` match."""
    return [(m.group(1), m.start(2) - 1, m.end(2)) for m in _HYPHEN_CUE.finditer(text)]


def mentions_vesicles(text: str) -> bool:
    """Whether the sentence `text` names a vesicle preparation (`_VESICLE_RE`)."""
    return _VESICLE.search(text) is not None


def _names_vesicle(piece: str, sentence: str) -> bool:
    """`mentions_vesicles` for a piece of a sentence."""
    return _VESICLE.search(piece, sentence) is not None


def is_aim(text: str) -> bool:
    """An aim, hypothesis or knowledge gap rather than a finding."""
    return _AIMS.first(_view(text)) is not None


def _boundary_between(bounds: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return any(start <= b0 and b1 <= end for b0, b1 in bounds)


def _strip_targets(text: str, start: int, end: int, targets: Sequence[Target]) -> str:
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
    return _PAREN_RE.sub(" ", gap) if "(" in gap else gap


def _predicate_gap_ok(gap: str, vesicles: bool, sentence: str) -> bool:
    gap = _MEASURED_BY.sub(" ", gap, sentence)
    if vesicles or _GAP_BREAK.search(gap) is not None:
        return False
    return not _more_words_than(9, gap)


_QUANTITY_RE: Final = _RULES.regex("quantity")


_AGENT_END_RE: Final = _RULES.regex("agent_end")


def _agent_is_foreign(text: str, end: int) -> bool | None:
    """After a predicate cue ending at `end`: None if no agent is named, True if it is not the
    vesicle."""
    match = _AGENT_PREP_RE.match(text, end)
    if match is None:
        return None
    words = match.group(1)
    if _QUANTITY_RE.match(words):
        return None  # "fell by about half", "increased by 2-fold"
    # only the first few words name the agent: at most six, up to the first clause word (looked
    # for only among the six: its matches hold no whitespace)
    first = " ".join(words.split(None, 6)[:6])
    end_word = _AGENT_END_RE.search(first)
    head = " ".join(first[: end_word.start()].split()) if end_word else first
    return not _names_vesicle(head, text)


def _negated(text: str, cue: Cue) -> bool:
    """Whether the cue of the sentence `text` is negated ("did not promote"); asked for each
    target the cue governs, found once."""
    negated = cue.negated
    if negated is None:
        start = cue.start
        if _NOT_ONLY.search(text[max(0, start - 12) : start], text):
            negated = False
        else:
            negated = _NEGATION.search(text[max(0, start - 40) : start], text) is not None
        cue.negated = negated
    return negated


# "able to promote" reports a finding; a bare "to induce" names what a step was for.
_TO_FINDING_RE: Final = _RULES.regex("to_finding")


def _purpose_of_a_method(text: str, cue: Cue) -> bool:
    """A "to <cue>" purpose before any vesicle is named: how the model or stimulus was set up."""
    if cue.form != "verb" or cue.start < 3 or text[cue.start - 3 : cue.start].lower() != "to ":
        return False
    before = text[: cue.start]
    return not _names_vesicle(before, text) and not _TO_FINDING_RE.search(before[-20:])


def _reversal_sign(local: int | None, label: str, cue_sign: int) -> int | None:
    """Direction of a vesicle effect that undoes a change of direction `local`."""
    if local is not None and local != SAME:
        return -local
    if cue_sign != SAME and local is None:
        return cue_sign
    return DOWN if label in HARMFUL else UP


def resolve(
    text: str, targets: Sequence[Target], vesicle_spans: Sequence[tuple[int, int]] = ()
) -> list[int | None]:
    """Direction (+1, -1, 0) of the vesicle effect on each target of one sentence, or None.

    `text` is the sentence; target and vesicle offsets are relative to it.
    """
    order = list(range(len(targets)))
    if any(targets[i].start > targets[i + 1].start for i in range(len(targets) - 1)):
        order.sort(key=lambda i: targets[i].start)  # they mostly come in text order
    view = _view(text)
    cues_all = _find_cues(view)
    modifiers = _hyphen_modifiers(text) if cues_all else []
    # a cue inside a target names it ("macrophage activation") unless the target carries it
    cues: list[Cue] = []
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
            if not _names_vesicle(prev, text):
                continue
        if any(t.start <= cue.start and cue.end <= t.end for t in targets):
            continue
        if _EXPERIMENTER.search(text[max(0, cue.start - 20) : cue.start], text):
            continue  # "we induced apoptosis with staurosporine" describes a method
        if _purpose_of_a_method(text, cue):
            continue  # "to induce senescence, cells were exposed to H2O2" sets up the model
        cues.append(cue)
    named: list[list[tuple[int, int]]] = []  # `_VESICLE_RE`'s matches, once needed

    def vesicle_in(lo: int, hi: int) -> bool:
        if any(lo <= a and b <= hi for a, b in vesicle_spans):
            return True  # the mentions answer: the regex runs over the whole sentence
        if not named:  # needed only for a reversal, so found late
            named.append([m.span() for m in _VESICLE.finditer(text)])
        return any(lo <= a and b <= hi for a, b in named[0])

    gerund = _GERUND_SUBJECT.search(text)
    inhibitor_from = (
        gerund.start()
        if gerund and not text[: gerund.start()].rstrip().lower().endswith("by")
        else len(text) + 1
    )

    inhibitor_words = _INHIBITOR_BEFORE.possible(text)
    # clause boundaries part a target from a cue before it or from an inhibitor's name
    bounds = (
        [match.span() for _, match in _BOUNDARIES.finditer(view)] if cues or inhibitor_words else []
    )
    result: list[int | None] = [None] * len(targets)
    local: list[int | None] = [None] * len(
        targets
    )  # direction ignoring who caused it (for reversal)
    consumed: set[int] = set()
    blocked: set[int] = set()
    by_vesicles: set[int] = set()
    right_of: dict[int, Cue] = {}

    # First pass: predicates after each target ("X was significantly increased"). Without cues
    # nothing is a predicate, and nothing is to be blocked.
    for i in order if cues else ():
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
            and _POST_NOUN_GAP_RE.fullmatch(text[t.end : nxt.start].replace(",", " "))
            and _agent_is_foreign(text, nxt.end)
        ):
            # "Apoptosis induced by IL-1beta was reduced by exosomes": skip the stimulus's verb
            agent = _AGENT_PREP_RE.match(text, nxt.end)
            span_end = agent.start(1) if agent else nxt.end
            second = cues[after + 1]
            words = text[span_end : second.start]
            if not _more_words_than(3, words) and "," not in words:
                skipped = text[t.end : second.start]
                nxt = second
        if nxt is None:
            # blocking matters only for a cue before the target (`cues[0]` ends first)
            if cues[0].end <= t.start and _neutral_predicate(
                _strip_targets(text, t.end, len(text), targets)
            ):
                blocked.add(i)
            continue
        gap = _strip_targets(text, t.end, nxt.start, targets)
        if skipped:
            gap = " was " if _has_aux(skipped) else " "
        else:  # "the decrease in X caused by TNF-alpha was reversed": the stimulus is aside
            gap = _STIMULUS_BY.sub(" ", gap, text)
        cargo_gap = _CARGO_IN.search(text[t.end : nxt.start], text) is not None
        if not _predicate_gap_ok(gap, cargo_gap, text):
            if _neutral_predicate(gap) or cargo_gap:
                blocked.add(i)  # "levels of X in exosomes were ..." is cargo
            continue
        if _neutral_predicate(gap) and ("," in gap or nxt.form in ("adj", "protect", "noun")):
            blocked.add(i)
            continue
        aux = _has_aux(gap)
        if nxt.form == "protect" or nxt.form == "adj" and not aux:
            continue
        if nxt.form == "noun":
            if not aux and not _POST_NOUN_GAP_RE.fullmatch(gap):
                continue
        elif not aux:
            if nxt.form not in ("pred", "change", "same", "reversal", "verb"):
                continue
            if nxt.form != "same" and not _INTRANSITIVE_AFTER_RE.match(text, nxt.end):
                continue  # "X, and promote Y": a verb with an object is not X's predicate
        right_of[i] = nxt

    # A direct object ("inhibited apoptosis, and p38 was ...") is not a later predicate's subject.
    for i in order:
        if (i not in right_of or right_of[i].form == "noun") and i not in blocked:
            continue
        t = targets[i]
        obj = _left_cue(text, t, cues, bounds, set())
        if (
            obj is None
            or obj.form not in ("verb", "reversal", "protect")
            or _DETERMINER_END_RE.search(text, _tail_start(text, obj.start, 1), obj.start)
        ):
            continue
        between = text[obj.end : t.start]
        if not _more_words_than(2, between) and "," not in between and " and " not in between:
            right_of.pop(i, None)
            blocked.discard(i)

    for cue in right_of.values():
        if not (cue.form == "noun" and text[cue.end : cue.end + 4] == " of "):
            consumed.add(cue.start)  # "adenosine activation of AKT" serves both

    for i in order:
        t = targets[i]
        if t.start >= inhibitor_from or (
            inhibitor_words
            and _INHIBITOR_BEFORE.regex.search(_clause_before(text, t.start, bounds))
        ):
            continue
        if t.inherent is not None:
            result[i] = local[i] = t.inherent
            continue
        sign: int | None = None
        pred = right_of.get(i)
        if pred is not None:
            cargo = _CARGO_AFTER_RE.match(text, pred.end)
            if (
                cargo
                and _VESICLE_RE.match(cargo.group(1))
                and not _ARM_AFTER_RE.match(cargo.group(1))
            ):
                continue
            inner = _left_cue(text, t, cues, bounds, consumed, nouns_only=True)
            base = _apply(pred, inner, t, text)
            local[i] = base
            if pred.form == "noun" and not _has_aux(
                _strip_targets(text, t.end, pred.start, targets)
            ):
                outer = _left_cue(text, t, cues, bounds, consumed)
                if outer is not None and base is not None:
                    base = _compose(outer, base, text)
            else:
                foreign = _agent_is_foreign(text, pred.end)
                if foreign and not _SECRETION_BLOCK.search(text[pred.end : pred.end + 40], text):
                    # "s-GAG synthesis impeded by IL-1beta": the stimulus acted, not the vesicles
                    pred = None
                elif foreign is False:
                    by_vesicles.add(i)  # "induced by exosomes": GW4869 elsewhere does not invert
            if pred is not None:
                sign = base
        if pred is None and i not in blocked:
            left = _left_cue(text, t, cues, bounds, consumed)
            if left is not None:
                sign = _govern(text, left, t, cues, bounds, consumed)
                local[i] = sign
                if left.start > 1 and text[left.start - 1] == "-":
                    by_vesicles.add(i)  # "exosome-induced X" (other stimuli were dropped)
        result[i] = sign

    # "X-induced Y": X moves with Y when X is a phenotype ("mitochondrial dysfunction-induced
    # apoptosis").
    for i in order:
        t = targets[i]
        if (
            result[i] is None
            and t.kind == "outcomes"
            and text.startswith("-", t.end)
            and _INDUCED_AFTER_RE.match(text, t.end)
        ):
            follower = next(
                (j for j in order if targets[j].start > t.end and targets[j].start - t.end < 12),
                None,
            )
            if follower is not None and result[follower] is not None:
                result[i] = result[follower]

    # Reversal: "..., but all the changes were almost abolished when BMSC-Exos was added."
    reversals = _reversals(view)
    for match in reversals:
        if not vesicle_in(match.end(), len(text)) and not vesicle_in(match.start(), match.end()):
            continue
        word = text[match.start() : match.end()].split()[-1].lower()
        cue_sign = UP if word.startswith(("rescu", "restor")) else DOWN
        for i in order:
            t = targets[i]
            if t.end <= match.start() and not _agent_like(text, t):
                result[i] = _reversal_sign(
                    local[i], t.label, SAME if local[i] is None else cue_sign
                )

    for i in order:
        sign, was = result[i], local[i]
        if targets[i].inverse and sign is not None and was is not None and was != SAME:
            result[i] = -sign
    # Agents are never targets.
    for i in order:
        if (
            result[i] is not None
            and targets[i].kind != "outcomes"
            and _agent_like(text, targets[i])
        ):
            result[i] = None
    if _SECRETION_BLOCK.search(text) is not None:
        # a vesicle's own property ("pro-osteogenic effect") or a change it caused keeps its sign
        result = [
            -s if s and targets[i].inherent is None and i not in by_vesicles else s
            for i, s in enumerate(result)
        ]
    return result


_CARGO_IN_RE: Final = _RULES.regex("cargo_in")


# "in the exosome(-treated) group" names the treatment arm, not the vesicles' content.
_ARM_AFTER_RE: Final = _RULES.regex("treatment_arm_after")


# Clause words that end a target's noun phrase before its predicate.
_GAP_BREAK_RE: Final = _RULES.regex("gap_break")


_NEUTRAL_PRED_RE: Final = _RULES.regex("neutral_predicate")


def _neutral_predicate(gap: str) -> bool:
    """The target is the subject of a predicate that gives no direction ("were evaluated")."""
    return _NEUTRAL_PRED.match(gap) is not None


def _clause_before(text: str, start: int, bounds: Sequence[tuple[int, int]]) -> str:
    edge = max((b1 for b0, b1 in bounds if b1 <= start), default=0)
    return text[edge:start]


def _agent_like(text: str, t: Target) -> bool:
    return bool(
        _AGENT_BEFORE.search(text[max(0, t.start - 40) : t.start], text)
        or t.end < len(text)
        and _AGENT_AFTER_RE.match(text, t.end)
    )


def _left_cue(
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
        if _boundary_between(bounds, cue.end, t.start):
            return None
        if cue.start in consumed or cue.form in ("pred",):
            continue
        if nouns_only:
            gap = text[cue.end : t.start] + " "
            if cue.form == "noun" and (
                _NOUN_OF_RE.fullmatch(gap)
                or cue.text.lower() in _CHANGE_NOUNS
                and _NOUN_IN_RE.fullmatch(gap)
            ):
                return cue
            return None
        if cue.form == "adj" and _more_words_than(3, text, cue.end, t.start):
            continue
        return cue
    return None


_NOUN_OF_RE: Final = _RULES.regex("noun_of")
_NOUN_IN_RE: Final = _RULES.regex("noun_in")


def _compose(outer: Cue, inner_sign: int, text: str) -> int:
    if _negated(text, outer):
        return SAME
    if outer.form == "reversal":
        return -inner_sign if inner_sign != SAME else (outer.sign or inner_sign)
    if outer.sign == SAME:
        return SAME if outer.form == "same" else inner_sign
    return outer.sign * inner_sign


def _apply(cue: Cue, inner: Cue | None, t: Target, text: str) -> int | None:
    """Sign of a predicate cue on its subject, given an "inhibition of"-type word in front."""
    if _negated(text, cue):
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


_REPAIR_AFTER_RE: Final = _RULES.regex("repair_after")


def _govern(
    text: str,
    cue: Cue,
    t: Target,
    cues: Sequence[Cue],
    bounds: Sequence[tuple[int, int]],
    consumed: set[int],
) -> int | None:
    """Sign of a cue before the target, composed with a verb right before a noun cue."""
    if cue.form == "same" or _negated(text, cue):
        return SAME
    if cue.form == "change":
        return None
    sign = cue.sign
    if cue.form == "reversal" and sign == SAME:
        sign = DOWN if t.label in HARMFUL else UP
    # "X repair" of a harm ("DNA damage repair") or "X inhibition" after the target
    if t.label in HARMFUL and _REPAIR_AFTER_RE.match(text[t.end : t.end + 14].lower()):
        sign = -sign
    if cue.form in ("noun", "reversal"):
        outer = next(
            (
                c
                for c in reversed(cues)
                if c.end <= cue.start
                and c.start not in consumed
                and not _more_words_than(2, text, c.end, cue.start)
                and not _boundary_between(bounds, c.end, cue.start)
            ),
            None,
        )
        if outer is not None and outer.form not in ("pred", "change"):
            return _compose(outer, sign, text)
    return sign


# --------------------------------------------------------------------------------------------
# Document level
# --------------------------------------------------------------------------------------------
TARGET_KINDS: Final = frozenset({"outcomes", "genes", "mirna", "lncrna", "pathways", "metabolites"})

# Conditions whose alleviation is a change in disease severity (a whole disease, not a lesion).
DISEASE_LABELS: Final = frozenset(_RULES.word_list("disease_labels"))
_DISEASE_UP_RE: Final = _RULES.regex("disease_up")
_DISEASE_VERB_RE: Final = _RULES.regex("disease_verb")

# Phrases the lexicon does not cover, found here: (regex, kind, label, inherent sign, inverse).
_PHRASES: Final = tuple((rule.pattern, *_phrase_assigns(rule)) for rule in _RULES.table("phrases"))
_PHRASE_SCAN: Final = _ENGINE.scanner(
    [p for p, *_ in _PHRASES], before=r"(?<![\w-])", after=r"(?![\w])"
)
# Phrases whose words carry a direction or an inverse reading, by (kind, label).
_MARKED_PHRASES: Final[dict[tuple[str, str], list[tuple[re.Pattern[str], int | None, bool]]]] = {}
for _regex, (_, _kind, _label, _inh, _inv) in zip(_PHRASE_SCAN.regexes, _PHRASES, strict=True):
    if _inh is not None or _inv:
        _MARKED_PHRASES.setdefault((_kind, _label), []).append((_regex, _inh, _inv))
# Their labels: most mentions are ruled out by one set look-up, without making a key.
_MARKED: Final = frozenset(label for _, label in _MARKED_PHRASES)
# A cell right before "bone formation" makes it differentiation in culture ("3T3L1 bone formation").
_CELL_BEFORE_RE: Final = _RULES.regex("cell_before")


def _cell_before(text: str, end: int) -> bool:
    """Whether a cell is named right before `end`."""
    return _CELL_BEFORE_RE.search(text, 0, end) is not None


def _sentence_targets(
    doc: Document, sentence: Sentence, mentions: Sequence[Mention], text: str
) -> tuple[list[Target], list[Mention]]:
    """Targets of one sentence (`text`) and their mentions; phrases found here added."""
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
        if m.kind == "genes" and any(
            o.kind == "pathways" and o.start <= m.start and m.end <= o.end for o in candidates
        ):
            continue
        if m.kind == "conditions" and any(
            o.kind == "outcomes" and o.start < m.end and m.start < o.end for o in candidates
        ):
            continue
        chosen.append(m)
    found = _PHRASE_SCAN.finditer_each(_view(text))
    for i in sorted(found) if found else ():
        _, kind, label, inherent, _inverse = _PHRASES[i]
        for match in found[i]:
            s, e = base + match.start(), base + match.end()
            overlapping = [m for m in chosen if m.label == label and m.start < e and s < m.end]
            if overlapping and inherent is None:
                continue
            # "anti-apoptotic" replaces the lexicon's "apoptotic": the prefix carries the direction
            chosen = [m for m in chosen if m not in overlapping]
            chosen.append(
                Mention(kind, label, s, e, match.group(), sentence.index, sentence.section)
            )
    targets: list[Target] = []
    kept: list[Mention] = []
    for m in chosen:
        label = m.label
        rel_s, rel_e = m.start - base, m.end - base
        if rel_s < 0 or rel_e > len(text):
            continue
        if (
            m.kind == "outcomes"
            and label == "bone_regeneration"
            and "formation" in m.text.lower()
            and _cell_before(text, rel_s)
        ):
            label = "osteogenic_differentiation"
        inherent = None
        inverse = False
        for regex, inh, inv in _MARKED_PHRASES.get((m.kind, label), ()) if label in _MARKED else ():
            if regex.fullmatch(m.text):
                inherent, inverse = inh, inv
                break
        if m.kind == "outcomes" and label == "disease_severity":
            inner = find_cues(m.text)
            if inner and inner[0].form != "change":
                inherent = inner[0].sign
        targets.append(Target(rel_s, rel_e, label, m.kind, inherent, inverse))
        if label != m.label:
            m = Mention(m.kind, label, m.start, m.end, m.text, m.sentence, m.section)
        kept.append(m)
    return targets, kept


def _cargo_labels(
    doc: Document, by_sentence: dict[tuple[str, int], list[Mention]], texts: list[str]
) -> set[str]:
    """Molecules the record says the vesicles carry ("exosomal miR-X", "X packed into exosomes")."""
    labels: set[str] = set()
    for sentence, whole in zip(doc.sentences, texts, strict=True):
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
                _CARGO_BEFORE.search(before, scope)
                or _TRANSFER_OF.search(before, scope)
                or _PACKED_INTO.match(after, scope)
            ):
                labels.add(m.label)
    return labels


_LAST: Final[list[tuple[int, Document, list[Directed]]]] = []


def analyse(doc: Document) -> list[Directed]:
    """Every target of the record that the vesicle treatment moved, with its direction.

    The result is cached for the last document, so `outcomes` and `molecular` share one pass.
    """
    if _LAST and _LAST[0][1] is doc:
        return _LAST[0][2]
    result = _analyse(doc)
    _LAST[:] = [(id(doc), doc, result)]
    return result


def _analyse(doc: Document) -> list[Directed]:
    directed: list[Directed] = []
    by_sentence = doc.by_sentence()
    texts = [s.text for s in doc.sentences]
    cargo = _cargo_labels(doc, by_sentence, texts)
    previous_about_vesicles = False
    previous_section = ""
    for sentence, text in zip(doc.sentences, texts, strict=True):
        if sentence.section != previous_section:
            previous_about_vesicles = False
            previous_section = sentence.section
        mentions = by_sentence.get((sentence.section, sentence.index), [])
        vesicle_spans = [
            (m.start - sentence.start, m.end - sentence.start)
            for m in mentions
            if m.kind == "vesicle_types"
        ]
        about = (
            bool(vesicle_spans)
            or mentions_vesicles(text)
            or _SECRETION_BLOCK.search(text) is not None
        )
        if (
            not about
            and previous_about_vesicles
            and (_ANAPHOR_START_RE.match(text) or _OTHER_AGENT.search(text) is None)
        ):
            about = True  # the report of the vesicle experiment goes on
        found = None
        if not about and any(_cargo_subject(m, sentence, cargo) for m in mentions):
            found = _sentence_targets(doc, sentence, mentions, text)
            about = any(_cargo_subject(m, sentence, cargo) for m in found[1])
        previous_about_vesicles = about
        if not about or is_aim(text):
            continue
        if found is None:
            found = _sentence_targets(doc, sentence, mentions, text)
        targets, kept = found
        if not targets:
            continue
        signs = resolve(text, targets, vesicle_spans)
        for target, mention, sign in zip(targets, kept, signs, strict=True):
            if sign is None:
                continue
            if mention.kind in ("mirna", "lncrna", "genes") and (
                mention.label in cargo and target.start < 3 or _is_cargo_here(text, target)
            ):
                continue
            if mention.kind == "conditions":
                # (the verb and up to three words after it end the text before the target)
                cue = _DISEASE_VERB_RE.search(
                    text, _tail_start(text, target.start, 4), target.start
                )
                if cue is None or sign != DOWN and not _DISEASE_UP_RE.match(cue.group()):
                    continue
                sign = UP if _DISEASE_UP_RE.match(cue.group()) else DOWN
                directed.append(
                    Directed("disease_severity", "outcomes", sign, mention, cue.group().split()[0])
                )
                continue
            directed.append(Directed(target.label, mention.kind, sign, mention, ""))
    return directed


def _reversals(view: View) -> list[re.Match[str]]:
    """`_REVERSAL_ANAPHOR_RE.finditer(view.text)`, tried where its determiners start."""
    if not _REVERSAL_GATE.possible(view.text):
        return []
    return [match for _, match in _REVERSAL_ANAPHOR.finditer(view)]


def _cargo_subject(m: Mention, sentence: Sentence, cargo: set[str]) -> bool:
    """A carried molecule named early in the sentence: the sentence is about the vesicles."""
    return m.label in cargo and m.kind in _MOLECULES and m.start - sentence.start < 60


_MOLECULES: Final = frozenset({"mirna", "lncrna", "genes"})


def _is_cargo_here(text: str, t: Target) -> bool:
    """The molecule is named as something the vesicles carry ("transfer lncRNA H19")."""
    before = text[max(0, t.start - 50) : t.start]
    return bool(_CARGO_BEFORE.search(before, text) or _CARRIED_BEFORE.search(before, text))


_CARRIED_BEFORE_RE: Final = _RULES.regex("carried_before")


# Gates: each regex is tried only on text holding one of the texts that every match of it holds
# (read from the pattern by the engine).
_STIMULUS_BY: Final = _ENGINE.gate(_RULES.regex("stimulus_by"))
_HYPHEN_CUE: Final = _ENGINE.gate(_HYPHEN_CUE_RE)
_SECRETION_BLOCK: Final = _ENGINE.gate(_SECRETION_BLOCK_RE)
_GERUND_SUBJECT: Final = _ENGINE.gate(_GERUND_SUBJECT_RE)
_AIMS: Final = _ENGINE.scanner(_AIM_PATTERNS, before=r"\b", after=r"\b")
_NEGATION: Final = _ENGINE.gate(_NEGATION_RE, per_sentence=False)
_NOT_ONLY: Final = _ENGINE.gate(_NOT_ONLY_RE)
_CARGO_BEFORE: Final = _ENGINE.gate(_CARGO_BEFORE_RE)
_CARRIED_BEFORE: Final = _ENGINE.gate(_CARRIED_BEFORE_RE)
_TRANSFER_OF: Final = _ENGINE.gate(_RULES.regex("transfer_of"))
_PACKED_INTO: Final = _ENGINE.gate(_RULES.regex("packed_into"))
_REVERSAL_ANAPHOR: Final = _ENGINE.scanner([_REVERSAL_ANAPHOR_RE.pattern])
_REVERSAL_GATE: Final = _ENGINE.gate(_REVERSAL_ANAPHOR_RE)
_MEASURED_BY: Final = _ENGINE.gate(_MEASURED_BY_RE)
_INHIBITOR_BEFORE: Final = _ENGINE.gate(_INHIBITOR_BEFORE_RE)
_AGENT_BEFORE: Final = _ENGINE.gate(_AGENT_BEFORE_RE)
_EXPERIMENTER: Final = _ENGINE.gate(_EXPERIMENTER_RE, per_sentence=False)
_OTHER_AGENT: Final = _ENGINE.gate(_OTHER_AGENT_RE)
# (Tested only on the gap it is searched in: it is searched in sentences about vesicles, which
# mostly hold its required texts anyway, and as automaton keys they were hits in most.)
_CARGO_IN: Final = _ENGINE.gate(_CARGO_IN_RE, per_sentence=False)
_VESICLE: Final = _ENGINE.gate(_VESICLE_RE)
_AUX: Final = _ENGINE.gate(_AUX_RE, per_sentence=False)
_NEUTRAL_PRED: Final = _ENGINE.gate(_NEUTRAL_PRED_RE, per_sentence=False)
_GAP_BREAK: Final = _ENGINE.gate(_GAP_BREAK_RE, per_sentence=False)

_ENGINE.build()
