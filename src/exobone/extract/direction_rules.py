"""The rules of `exobone.extract.direction`, read from data/direction.yaml, and the one
scanning engine that runs them.

Every table, pattern and word list is a row of the data file; this module only compiles them:
the cue and phrase scanners, the clause-edge and aim scanners, and a gate for each single
pattern that is searched (its pre-checks read from the pattern by the engine). The engine is
built at the end of the module: a rule added later raises.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from exobone.extract.rules import Rule, RuleError, load_rules
from exobone.extract.scanning import Engine, View, required_texts

if TYPE_CHECKING:
    from exobone.extract.document import Document

UP: Final = 1


DOWN: Final = -1


SAME: Final = 0


# The rules (cues, phrases, clause edges, aims, single patterns and word lists) are rows of
# data/direction.yaml; this module holds the sentence logic that applies them.
RULES: Final = load_rules("direction.yaml")


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


CUE_TABLE: Final = tuple((rule.pattern, *_cue_assigns(rule)) for rule in RULES.table("cues"))
CUE_NAMES: Final = tuple(rule.name for rule in RULES.table("cues"))  # a cue's rule, for reasons


# One engine scans for every rule of this module; it is built at the end of the module. Its
# keys are found by the lexicon's pass over each section (`section_pass`), from which the
# sentence views are made.
ENGINE: Final = Engine(section_pass=True)


view_of: Final = ENGINE.view_of


def sentence_views(doc: Document) -> list[View]:
    """One view per sentence of `doc`, kept on it: the cargo and direction passes ask rules of
    the same sentences, and each sentence is then scanned once."""
    views: list[View] | None = doc.cache.get("views")
    if views is None:
        views = doc.cache["views"] = doc.sentence_views(ENGINE)
    return views


CUES: Final = ENGINE.scanner([p for p, _, _ in CUE_TABLE], before=r"(?<![\w-])", after=r"(?![\w])")


# A cue word glued to a preceding hyphen ("IL-1beta-induced", "EV-depleted", "PBS-treated") is
# a modifier naming a stimulus, unless the stimulus is the vesicle ("exosome-induced").
HYPHEN_CUE_RE: Final = RULES.regex("hyphen_cue")


VESICLE_RE: Final = RULES.regex("vesicle")


# Vesicle secretion blocked: GW4869, "inhibitor of exosome secretion/release/biogenesis".
SECRETION_BLOCK_RE: Final = RULES.regex("secretion_block")


# Clause edges that a cue before a target does not reach across.
BOUNDARY_PATTERNS: Final = tuple(rule.pattern for rule in RULES.table("boundaries"))


BOUNDARIES: Final = ENGINE.scanner(BOUNDARY_PATTERNS)


NEGATION_RE: Final = RULES.regex("negation")


NOT_ONLY_RE: Final = RULES.regex("not_only")


AUX_RE: Final = RULES.regex("auxiliary")


DETERMINER_END_RE: Final = RULES.regex("determiner_end")


DETERMINER_GAP_RE: Final = RULES.regex("determiner_gap")


COORDINATED_CUES_RE: Final = RULES.regex("coordinated_cues")


COORDINATED_CHANGE_RE: Final = RULES.regex("coordinated_change")


VERB_OBJECT_COORDINATE_RE: Final = RULES.regex("verb_object_coordinate")


ADJECTIVE_LIST_RE: Final = RULES.regex("adjective_list")


MODIFIED_CLASS_LIST_RE: Final = RULES.regex("modified_class_list")


POST_NOUN_GAP_RE: Final = RULES.regex("post_noun_gap")
# a ligand named before "and <transducer> signalling" is part of the pathway's name
LIGAND_OF_PATHWAY_RE: Final = RULES.regex("ligand_of_pathway")


# The regexes read after an offset (`.match(text, pos)`) have no "^": it would not match there.
INTRANSITIVE_AFTER_RE: Final = RULES.regex("intransitive_after")


# "measured by CCK-8" inside a noun phrase names a method, not an agent
MEASURED_BY_RE: Final = RULES.regex("measured_by")


PAREN_RE: Final = re.compile(r"\([^()]*\)")


# The words after a predicate cue that name who caused it.
AGENT_PREP_RE: Final = RULES.regex("agent_preposition")


CARGO_AFTER_RE: Final = RULES.regex("cargo_after")


CARGO_BEFORE_RE: Final = RULES.regex("cargo_before")


AGENT_BEFORE_RE: Final = RULES.regex("agent_before")


AGENT_AFTER_RE: Final = RULES.regex("agent_after")


INDUCED_AFTER_RE: Final = RULES.regex("induced_after")


INHIBITOR_BEFORE_RE: Final = RULES.regex("inhibitor_before")


GERUND_SUBJECT_RE: Final = RULES.regex("gerund_subject")
GERUND_OPENING_RE: Final = RULES.regex("gerund_opening")
GERUND_OPENING: Final = ENGINE.gate(GERUND_OPENING_RE)

# "trypsin abolished their effect on X": something else cancels the vesicles' effect.
CANCELLED_EFFECT_RE: Final = RULES.regex("cancelled_effect")
CLAUSE_JOIN_RE: Final = RULES.regex("clause_join")

# "by promoting X and inhibiting Y": the second gerund is a means too, not a subject.
BY_GERUND_RE: Final = RULES.regex("by_gerund")


# "... the changes were (almost) abolished when BMSC-Exos was added": undoes what came before.
REVERSAL_ANAPHOR_RE: Final = RULES.regex("reversal_anaphor")


AIM_PATTERNS: Final = tuple(rule.pattern for rule in RULES.table("aims"))


# Words that put another agent in charge of a sentence: a genotype, an inhibitor, other cells.
OTHER_AGENT_RE: Final = RULES.regex("other_agent")


# "IL-1beta markedly lowered NPC viability": the model's stimulus is the subject. (A plain
# regex, not a gate: both its alternatives open the sentence, where the search fails at once;
# a gate would first test its 26 required texts over the sentence.)
STIMULUS_SUBJECT_RE: Final = RULES.regex("stimulus_subject")


# "raised SOST in cultured osteocytic (Ocy454) cells": the place of a change is the vesicles'
# source cells (searched in the few words before such a cell phrase).
IN_SOURCE_CELLS_RE: Final = RULES.regex("in_source_cells")
IN_SOURCE_CELLS_NOT_RE: Final = RULES.regex("in_source_cells_not")


EXPERIMENTER_RE: Final = RULES.regex("experimenter")


ANAPHOR_START_RE: Final = RULES.regex("anaphor_start")


# Cue rows that count only with vesicles in their clause before them ("showed that pTa supported
# osteogenesis" is about the scaffold), and where such a clause begins.
VESICLE_SUBJECT_CUES: Final = frozenset(RULES.word_list("vesicle_subject_cues"))
if _unknown := sorted(VESICLE_SUBJECT_CUES - set(CUE_NAMES)):
    raise RuleError(
        "direction.yaml, word list vesicle_subject_cues: not cue rows: " + ", ".join(_unknown)
    )
SUBJECT_EDGE_RE: Final = RULES.regex("subject_edge")
ARM_ALONE_RE: Final = RULES.regex("arm_alone")


# Outcome labels whose increase is harm; a reversal of an undirected change decreases them.
HARMFUL: Final = frozenset(RULES.word_list("harmful"))
# Genes that hold back the pathway they are named in: no sign from a verb on that pathway.
PATHWAY_INHIBITORS: Final = frozenset(RULES.word_list("pathway_inhibitors"))


# "Y, which inhibits Z": the words between two links of a mechanism chain.
CHAIN_LINK_RE: Final = RULES.regex("chain_link")
SUBJECT_VERB_RE: Final = RULES.regex("subject_verb")


# Verb stems that make things better: on a harm or a disease they mean a decrease.
IMPROVERS: Final = tuple(RULES.word_list("improvers"))
# (and, before a disease only, the verbs that undo it: "reversed the osteoporosis", R120)
DISEASE_BETTERING: Final = (*IMPROVERS, *RULES.word_list("disease_reversers"))


# "the increase in MMP13", "a decrease of ALP": the bare verb forms naming a change.
CHANGE_NOUNS: Final = frozenset(RULES.word_list("change_nouns"))


QUANTITY_RE: Final = RULES.regex("quantity")


AGENT_END_RE: Final = RULES.regex("agent_end")


# "decreased after the injection": the study's own treatment, not another agent
OWN_TREATMENT_RE: Final = RULES.regex("own_treatment")


# "able to promote" reports a finding; a bare "to induce" names what a step was for.
TO_FINDING_RE: Final = RULES.regex("to_finding")


CARGO_IN_RE: Final = RULES.regex("cargo_in")


# "in the exosome(-treated) group" names the treatment arm, not the vesicles' content.
ARM_AFTER_RE: Final = RULES.regex("treatment_arm_after")


# Clause words that end a target's noun phrase before its predicate.
GAP_BREAK_RE: Final = RULES.regex("gap_break")


# "inhibiting| or accelerating", "pro- or |anti-inflammatory": a direction offered with its
# opposite.
EITHER_DIRECTION_RE: Final = RULES.regex("either_direction")
EITHER_PREFIX_RE: Final = RULES.regex("either_prefix")


NEUTRAL_PRED_RE: Final = RULES.regex("neutral_predicate")


NOUN_OF_RE: Final = RULES.regex("noun_of")


NOUN_IN_RE: Final = RULES.regex("noun_in")


REPAIR_AFTER_RE: Final = RULES.regex("repair_after")


# Conditions whose alleviation is a change in disease severity (a whole disease, not a lesion).
DISEASE_LABELS: Final = frozenset(RULES.word_list("disease_labels"))


DISEASE_UP_RE: Final = RULES.regex("disease_up")
DISEASE_PUSHERS: Final = tuple(RULES.word_list("disease_pushers"))
# Their disease, and that of a benefit's noun ("a therapeutic effect on OA"), ends its object.
DISEASE_OBJECT_HEADS: Final = (*DISEASE_PUSHERS, *RULES.word_list("disease_benefit_nouns"))
DISEASE_OBJECT_END_RE: Final = RULES.regex("disease_object_end")
REPAIR_WORDS: Final = tuple(RULES.word_list("repair_words"))


DISEASE_VERB_RE: Final = RULES.regex("disease_verb")
# (searched in the words before a target: the sentence's scan rules out most sentences)
DISEASE_VERB: Final = ENGINE.gate(DISEASE_VERB_RE)
# (the common verbs, tried only in the few words before a disease that hold one of them)
DISEASE_VERB_NEAR_RE: Final = RULES.regex("disease_verb_near")
# (read from the pattern: one of them is in every match)
DISEASE_NEAR_VERBS: Final = required_texts(DISEASE_VERB_NEAR_RE.pattern)
if not DISEASE_NEAR_VERBS:
    raise RuleError("direction.yaml, rule disease_verb_near: no text is in every match")


# In a review, a modal sentence is a prospect, not a finding.
REVIEW_PROSPECT: Final = ENGINE.gate(RULES.regex("review_prospect"))


# Phrases the lexicon does not cover, found here: (regex, kind, label, inherent sign, inverse).
PHRASES: Final = tuple((rule.pattern, *_phrase_assigns(rule)) for rule in RULES.table("phrases"))
PHRASE_NAMES: Final = tuple(rule.name for rule in RULES.table("phrases"))


def _phrase_context(rule: Rule) -> tuple[frozenset[str], frozenset[str]]:
    """(only_with, not_with): labels of conditions or models the record must name, or must not
    name, for the phrase to count (empty: no such limit)."""
    assigns = rule.assigns if isinstance(rule.assigns, dict) else {}
    only, unless = assigns.get("only_with"), assigns.get("not_with")
    return (
        frozenset(RULES.word_list(only)) if only else frozenset(),
        frozenset(RULES.word_list(unless)) if unless else frozenset(),
    )


def _fall_label(rule: Rule) -> str:
    """The label a fall of the phrase's measure is told as, or "" (row key `fall_is`)."""
    assigns = rule.assigns if isinstance(rule.assigns, dict) else {}
    fall = assigns.get("fall_is")
    if fall is not None and (not isinstance(fall, str) or not fall):
        raise RuleError(f"direction.yaml, phrase {rule.name!r}: fall_is must be a label")
    return str(fall or "")


# What a fall of a measure names, by the phrase row that found it: less bone mass is more bone
# loss (bone_loss|increase), not less regeneration ("the region held less bone").
FALL_IS: Final = {
    rule.name: fall for rule in RULES.table("phrases") if (fall := _fall_label(rule))
}


# Phrases that count only in records naming (or not naming) some conditions, by index:
# "bone microarchitecture" measures bone loss in an osteoporosis record, new bone elsewhere.
PHRASE_CONTEXT: Final = {
    i: limits
    for i, limits in enumerate(_phrase_context(rule) for rule in RULES.table("phrases"))
    if limits[0] or limits[1]
}


PHRASE_SCAN: Final = ENGINE.scanner(
    [p for p, *_ in PHRASES], before=r"(?<![\w-])", after=r"(?![\w])"
)


# Phrases whose words carry a direction or an inverse reading, by (kind, label).
MARKED_PHRASES: Final[dict[tuple[str, str], list[tuple[re.Pattern[str], int | None, bool]]]] = {}


for _regex, (_, _kind, _label, _inh, _inv) in zip(PHRASE_SCAN.regexes, PHRASES, strict=True):
    if _inh is not None or _inv:
        MARKED_PHRASES.setdefault((_kind, _label), []).append((_regex, _inh, _inv))


# Their labels: most mentions are ruled out by one set look-up, without making a key.
MARKED: Final = frozenset(label for _, label in MARKED_PHRASES)


# A cell right before "bone formation" makes it differentiation in culture ("3T3L1 bone formation").
CELL_BEFORE_RE: Final = RULES.regex("cell_before")


CARRIED_BEFORE_RE: Final = RULES.regex("carried_before")


# Gates: each regex is tried only on text holding one of the texts that every match of it holds
# (read from the pattern by the engine).
STIMULUS_BY: Final = ENGINE.gate(RULES.regex("stimulus_by"))


HYPHEN_CUE: Final = ENGINE.gate(HYPHEN_CUE_RE)


SECRETION_BLOCK: Final = ENGINE.gate(SECRETION_BLOCK_RE)


GERUND_SUBJECT: Final = ENGINE.gate(GERUND_SUBJECT_RE)


CANCELLED_EFFECT: Final = ENGINE.gate(CANCELLED_EFFECT_RE)


AIMS: Final = ENGINE.scanner(AIM_PATTERNS, before=r"\b", after=r"\b")


# (tested per sentence: its texts are rare in abstracts, a few a record, so the sentence's view
# rules out most of the pieces it is searched in without testing them)
NEGATION: Final = ENGINE.gate(NEGATION_RE)


NOT_ONLY: Final = ENGINE.gate(NOT_ONLY_RE)


CARGO_BEFORE: Final = ENGINE.gate(CARGO_BEFORE_RE)


CARRIED_BEFORE: Final = ENGINE.gate(CARRIED_BEFORE_RE)
# "Exo(dm) expressed less CD73": tried on the words before a molecule only ('has', 'had').
# (tested per sentence: its texts are rare in abstracts, a few a record, so the sentence's view
# rules out most of the pieces it is searched in without testing them)
VESICLES_HOLD_MORE: Final = ENGINE.gate(RULES.regex("vesicles_hold_more"))


TRANSFER_OF: Final = ENGINE.gate(RULES.regex("transfer_of"))


CARGO_LIST: Final = ENGINE.gate(RULES.regex("cargo_list"))


# "exosomes ... by transferring miR-210", "deliver exogenous miR-21 via exosomes": cargo.
# (Gated per sentence: its verbs are in few sentences, so the view's bits rule out most of the
# 40 characters before each molecule without testing its texts there.)
TRANSFER_VERB: Final = ENGINE.gate(RULES.regex("transfer_verb"))


PACKED_INTO: Final = ENGINE.gate(RULES.regex("packed_into"))


# "the texture raised exosome secretion by upregulating RAB27B": the source cells' machinery
SECRETION_CHANGED: Final = ENGINE.gate(RULES.regex("secretion_changed"))


# "HUMSC-Exos with even lower levels of miR-21a-3p": the vesicles' profile, not an effect
VESICLES_WITH: Final = ENGINE.gate(RULES.regex("vesicles_with"), per_sentence=False)


# "the DNA methylation of the promoters of miR-143", "m6A of NLRP3": a mark, not an amount
METHYLATION_OF: Final = ENGINE.gate(RULES.regex("methylation_of"), per_sentence=False)


# "miR-X was upregulated in the exosomes": the vesicles' profile (read for RNA targets only,
# so it is not scanned with every sentence)
CHANGED_IN_VESICLES: Final = ENGINE.gate(RULES.regex("changed_in_vesicles"), per_sentence=False)


# "circX sponged miR-Y", "a ceRNA of miR-Y" (the cue row `sponge`): a miRNA a vesicle RNA soaks
# up, whose target genes therefore rise.
SPONGE: Final = ENGINE.gate(next(r for r in RULES.table("cues") if r.name == "sponge").compile())
TARGET_CUES: Final = frozenset({"target_gene", "target_gene_of"})


REVERSAL_ANAPHOR: Final = ENGINE.scanner([REVERSAL_ANAPHOR_RE.pattern])


REVERSAL_GATE: Final = ENGINE.gate(REVERSAL_ANAPHOR_RE)


MEASURED_BY: Final = ENGINE.gate(MEASURED_BY_RE)


INHIBITOR_BEFORE: Final = ENGINE.gate(INHIBITOR_BEFORE_RE)


# "the ratio of Bcl-2 to Bax", "the RANKL/OPG ratio": the molecules in it move as a pair.
RATIO: Final = ENGINE.gate(RULES.regex("ratio"))


# "released less glycosaminoglycan": GAG released from cartilage is breakdown, not a level.
MATRIX_RELEASE: Final = ENGINE.gate(RULES.regex("matrix_release"))


# "in a rat model of ONFH": the disease is where a finding was made.
# (tested per sentence: its texts are rare in abstracts, a few a record, so the sentence's view
# rules out most of the pieces it is searched in without testing them)
MODEL_OF: Final = ENGINE.gate(RULES.regex("model_of"))


# "when miR-135b was decreased": a molecule changed to test a mechanism.
MANIPULATED_WHEN: Final = ENGINE.gate(RULES.regex("manipulated_when"))
# "X and Y were raised or silenced to learn how ...": the same, with a purpose after it.
MANIPULATED_TO: Final = ENGINE.gate(RULES.regex("manipulated_to"))


AGENT_BEFORE: Final = ENGINE.gate(AGENT_BEFORE_RE)


# (tested per sentence: its texts are rare in abstracts, a few a record, so the sentence's view
# rules out most of the pieces it is searched in without testing them)
EXPERIMENTER: Final = ENGINE.gate(EXPERIMENTER_RE)


# "a cell-free therapy to enhance bone regeneration": what a therapy is for, not a finding.
# (Gated per sentence: few sentences hold its required texts, so the view's bits rule out most
# of the 40 characters before each verb cue without testing its 14 texts there.)
PROSPECTIVE: Final = ENGINE.gate(RULES.regex("prospective"))


OTHER_AGENT: Final = ENGINE.gate(OTHER_AGENT_RE)



# "reduced osteogenic differentiation after fatigue loading": a change the model's stimulus made.
STIMULUS_AFTER: Final = ENGINE.gate(RULES.regex("stimulus_after"))

# "IL-1beta treatment suppressed TGF-beta, whose expression returned after co-culture with the
# exosomes": a clause whose subject is the model's stimulus, and where the next clause begins.
STIMULUS_CLAUSE: Final = ENGINE.gate(RULES.regex("stimulus_clause"))
STIMULUS_CLAUSE_END_RE: Final = RULES.regex("stimulus_clause_end")


# "more nodules in the Exo1-14d group than in the Exo15-28d group": two vesicle arms compared.
# Not a gate: it is searched only in a sentence where a comparative gave a target its sign.
ARM_COMPARED_RE: Final = RULES.regex("vesicle_arm_compared")
COMPARATIVES: Final = frozenset(RULES.word_list("comparatives"))


# (Tested only on the gap it is searched in: it is searched in sentences about vesicles, which
# mostly hold its required texts anyway, and as automaton keys they were hits in most.)
CARGO_IN: Final = ENGINE.gate(CARGO_IN_RE, per_sentence=False)


VESICLE: Final = ENGINE.gate(VESICLE_RE)


AUX: Final = ENGINE.gate(AUX_RE, per_sentence=False)


NEUTRAL_PRED: Final = ENGINE.gate(NEUTRAL_PRED_RE, per_sentence=False)


GAP_BREAK: Final = ENGINE.gate(GAP_BREAK_RE, per_sentence=False)


ENGINE.build()
