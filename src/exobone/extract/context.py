"""What the study is about and how it delivered: conditions, delivery_routes, biomaterials."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Final

from exobone.extract.biology import has_in_vivo
from exobone.extract.cells import analyse
from exobone.extract.cues import Cue
from exobone.extract.document import Document, Finding, Mention
from exobone.extract.negation import negated
from exobone.extract.rules import load_rules
from exobone.extract.scanning import Engine, Gate
from exobone.extract.study import is_clinical
from exobone.lexicon import default_matcher, load_lexicon
from exobone.model import Span

# The rules are rows of data/context.yaml; this module holds the logic that applies them.
_RULES: Final = load_rules("context.yaml")
# One engine gates the rules tried on short pieces (a lead, a gap, a mention's words); it is
# built at the end of the module.
_ENGINE: Final = Engine()


def _gate(name: str) -> Gate:
    """The rule `name` as a gate tested on the piece it is searched in."""
    return _ENGINE.gate(_RULES.regex(name), per_sentence=False)


# bone_regeneration_general is the study's purpose only in words like these ("for bone repair",
# "potential in bone tissue engineering"); "stimulated bone regeneration" is a result.
_PURPOSE_LEAD: Final = _RULES.cue("purpose_lead")
_MODAL_AIM: Final = _RULES.cue("modal_aim")
_ALWAYS_PURPOSE: Final = _gate("always_purpose")
# A review's list of regenerated tissues that holds bone (the lexicon's gapped rows).
_SURVEYED_TISSUES: Final = _gate("surveyed_tissues")
# A condition of the opening background named as what is to be repaired or treated.
_TARGET_LEAD: Final = _RULES.cue("target_lead")
# A condition named among "other" diseases than the subject ("and other cartilage injuries").
_OTHER_CONDITION: Final = _RULES.cue("other_condition")


@lru_cache(maxsize=1)
def _implied_rules() -> tuple[tuple[Cue, frozenset[str], str], ...]:
    """The lexicon's `implied_conditions` as (cue, the conditions it must stand beside, the
    implied label): a fracture, defect or bone loss in diabetic animals is diabetic bone
    disease."""
    rows = load_lexicon().implied_conditions
    return tuple((Cue(cue), beside, label) for label, cue, beside in rows)


def _implied(doc: Document, found: list[Mention]) -> Iterator[Finding]:
    """Conditions implied by the lexicon's pairs, evidenced by the cue, marked inferred."""
    labels = {m.label for m in found}
    for cue, beside, label in _implied_rules():
        if label in labels or not labels & beside:
            continue
        for m in found:
            if m.label not in beside:
                continue
            sentence = doc.sentence_of(m)
            section = sentence.section
            hit = cue.search(
                doc.text_of(section), doc.lowered(section), sentence.start, sentence.end
            )
            if hit is not None:
                span = Span(
                    hit.start(), hit.end(), sentence.index, section, f"{m.text} in {hit.group()}"
                )
                yield Finding("conditions", label, span)
                break


@lru_cache(maxsize=1)
def _risk_leads() -> dict[str, re.Pattern[str]]:
    """The lexicon's `condition_risks`: the words before a condition that name it only as a
    risk of the condition studied ("the risk of hip fracture" in osteoporosis)."""
    rows = load_lexicon().condition_risks
    return {label: re.compile(lead, re.IGNORECASE) for label, lead in rows.items()}


def _only_a_risk(doc: Document, m: Mention) -> bool:
    lead = _risk_leads().get(m.label)
    if lead is None:
        return False
    start = max(doc.sentence_of(m).start, m.start - 60)
    return lead.search(doc.text_of(m.section), start, m.start) is not None


def _named_as_other(doc: Document, m: Mention) -> bool:
    """Whether `m` is named among "other" diseases than the subject (the other_condition row)."""
    text = doc.text_of(m.section)
    start = max(doc.sentence_of(m).start, m.start - 120)
    return _OTHER_CONDITION.search(text[start : m.start]) is not None


def _opening_targets(doc: Document) -> list[Mention]:
    """Conditions of the opening background that it names as what is to be repaired or
    treated (the background is otherwise general knowledge, not the study's subject)."""
    if doc.review or not doc.background_end:
        return []
    out = []
    for m in doc.of_kind("conditions", study_only=False):
        if m.section != "abstract" or m.start >= doc.background_end:
            continue
        if m.label == "bone_regeneration_general" or negated(doc, m) or _only_a_risk(doc, m):
            continue
        lead = doc.text_of(m.section)[max(doc.sentence_of(m).start, m.start - 60) : m.start]
        if _TARGET_LEAD.search(lead):
            out.append(m)
    return out


def _conditions(doc: Document) -> Iterator[Finding]:
    lexicon = load_lexicon()
    found: list[Mention] = []
    for m in doc.of_kind("conditions"):
        if negated(doc, m) or _only_a_risk(doc, m) or _named_as_other(doc, m):
            continue
        # A review's title names its subject ("Clinical potential of MSC exosomes in bone
        # regeneration"), whatever words lead to it.
        if m.label == "bone_regeneration_general" and not (doc.review and m.section == "title"):
            text = doc.text_of(m.section)
            lead = text[max(0, m.start - 50) : m.start]
            modal = m.section == "abstract" and _MODAL_AIM.search(lead)
            surveyed = doc.review and _SURVEYED_TISSUES.search(m.text)
            if not (
                _ALWAYS_PURPOSE.search(m.text) or surveyed or _PURPOSE_LEAD.search(lead) or modal
            ):
                continue
        found.append(m)
    found += _opening_targets(doc)
    implied = list(_implied(doc, found))
    labels = {m.label for m in found} | {f.value for f in implied}
    redundant = {p for label in labels for p in lexicon.condition_parents.get(label, [])}
    for m in found:
        if m.label not in redundant:
            yield Finding("conditions", m.label, m.span())
    yield from implied


# Vesicles held by a material: "the exosomes were encapsulated", "a chitosan hydrogel
# incorporating DPSC-Exo".
_CARRIED_AFTER: Final = _RULES.cue("carried_after")
_CARRIED_BEFORE: Final = _RULES.cue("carried_before")
# A bare "scaffold(s)" in a review names a route only where the review's vesicles are held by
# a material ("EV-functionalised scaffolds"), not as a passing word ("companion scaffolds").
_BARE_SCAFFOLD = frozenset({"scaffold", "scaffolds"})
# A review's scaffolds hold its vesicles too where a vesicle of the same sentence is joined to
# them by a word of carrying, on either side, and the words between them do not hedge.
_CARRYING: Final = _gate("carrying")
_HEDGE: Final = _gate("hedge")


def _joined_to_vesicle(doc: Document, m: Mention) -> bool:
    """Whether a vesicle named in the scaffold's sentence is joined to it by a word of carrying
    (read between the two and just after the later one), with no hedge between them."""
    text = doc.text_of(m.section)
    for v in doc.of_kind("vesicle_types"):
        if v.section != m.section or v.sentence != m.sentence:
            continue
        start, end = (v.end, m.start) if v.end <= m.start else (m.end, v.start)
        if end - start > 90:
            continue
        later = max(m.end, v.end)
        gap = text[start:end]
        if _HEDGE.search(gap) is None and _CARRYING.search(gap + " " + text[later : later + 12]):
            return True
    return False


def _carried(doc: Document) -> tuple[Mention, str] | None:
    """The first vesicle mention said to be held by a material, if any, with the rule that
    says so (worked out once per Document: routes and biomaterials both ask)."""
    if "held_by_material" not in doc.cache:
        doc.cache["held_by_material"] = _first_carried(doc)
    found: tuple[Mention, str] | None = doc.cache["held_by_material"]
    return found


def _first_carried(doc: Document) -> tuple[Mention, str] | None:
    """`_carried`, read from the text."""
    # (the cues look their words up in the section's one pass: most windows have none)
    for v in analyse(doc).vesicles:
        section = v.section
        text, lowered, hits = doc.text_of(section), doc.lowered(section), doc.cue_hits(section)
        if _CARRIED_AFTER.match(text, lowered, v.end, min(len(text), v.end + 90), hits):
            return v, "carried_after"
        if _CARRIED_BEFORE.search(text, lowered, max(0, v.start - 90), v.start, hits):
            return v, "carried_before"
    return None


# What an injection is "of": "intra-articular injection of MIA", "tail vein injections of
# DiR-labelled BMSC-Exos", "injection of hUCMSC-EVs into the joint cavity". The object ends at
# punctuation, a preposition, an auxiliary or an adverb ("antagomiR-199a-3p markedly weakened").
_INJECTION_NOUN = r"(?:injections?|administrations?|deliver(?:y|ies))"
_OBJECT = (
    r"\s+of\s+((?:(?!(?:into|in|to|at|on|for|after|before|every|once|twice|daily|weekly|was"
    r"|were|is|are|has|had|could|can|may|\w+ly)\b)[^\s,;.()]+\s*){1,8})"
)
# After a route that ends in the noun ("intra-articular injection"), and after one that does
# not ("intravenous", "tail vein"), whose noun must then follow: "the tail vein of mice" names
# no object.
_OBJECT_AFTER_NOUN = re.compile(_OBJECT, re.IGNORECASE)
_OBJECT_AFTER_ROUTE = re.compile(rf"\s*{_INJECTION_NOUN}{_OBJECT}", re.IGNORECASE)
_ENDS_IN_NOUN = re.compile(rf"{_INJECTION_NOUN}$", re.IGNORECASE)
# Words that name vesicles without being a vesicle label ("the labelled vesicles", "the
# particles", "the EV suspension", "them"): the object may be the vesicles.
_VESICLE_WORD = re.compile(
    r"vesic|exo|\bs?evs?\b|particle|secretom|conditioned|medi(?:um|a)\b|supernatant|\bthem\b",
    re.IGNORECASE,
)
# Routes read from a passive verb, whose subject stands before them: "EVs were injected into
# the joint cavity", "... had been introduced into each bone defect", "... was applied to a
# rat model of calvarial defect".
_VERB_FIRST = ("injected", "introduced", "applied")
_PRONOUN: Final = _RULES.regex("subject_pronoun")
_CONTENT_WORD: Final = _RULES.regex("subject_word")
_WITH_OBJECT: Final = _RULES.regex("injected_with")
_GIVEN_BY_ROUTE: Final = _RULES.regex("given_by_route")
_OF_ANAESTHESIA: Final = _RULES.regex("route_of_anaesthesia")
_VERB_AFTER_ROUTE: Final = _RULES.regex("route_verb_after")
_OBJECT_BEFORE_ROUTE: Final = _RULES.regex("object_before_route")
_ROUTE_IN_BRACKET: Final = _RULES.regex("route_in_bracket")
_CELLS_GIVEN: Final = _gate("cells_given")
_VESICLES_OF_CELLS: Final = _gate("vesicles_of_cells")


def _subject_not_vesicles(
    doc: Document, m: Mention, vesicles: list[Mention], read_with: bool = True
) -> bool:
    """Whether a route read from its verb ("injected into the joint cavity") follows, in its
    sentence, a subject that names no vesicles: "MIA was injected into the joint cavity",
    "collagenase was injected into each tendon" make the model. Vesicles, a word for them or
    a pronoun before the verb keep the route, as does a verb with nothing before it, and
    (`read_with`) vesicles given "with" the verb."""
    sentence = doc.sentence_of(m)
    text = doc.text_of(m.section)
    start = max(sentence.start, m.start - 160)
    lead = text[start : m.start]
    if _VESICLE_WORD.search(lead) or _PRONOUN.search(lead) or not _CONTENT_WORD.search(lead):
        return False
    given_with = read_with and _WITH_OBJECT.match(text, m.end, min(sentence.end, m.end + 80))
    if given_with and _VESICLE_WORD.search(given_with.group()):  # "injected locally with EVs"
        return False
    return not any(v.section == m.section and start <= v.start < m.start for v in vesicles)


def _said_of_cells(doc: Document, text: str, m: Mention) -> bool:
    """Whether cells right before the route, in its sentence, are what it names (row
    cells_given), and not the cells the vesicles came from (row vesicles_of_cells)."""
    lead_start = max(doc.sentence_of(m).start, m.start - 120)
    cells = _CELLS_GIVEN.search(text[lead_start : m.start])
    if cells is None:
        return False
    at = lead_start + cells.start()
    before = text[max(lead_start, at - 60) : at]
    return _VESICLES_OF_CELLS.search(before) is None


# Words that make no object of their own ("received an intraperitoneal injection of X").
_NO_OBJECT_WORDS = frozenset(
    {"a", "an", "the", "one", "two", "three", "single", "daily", "repeated", "weekly", "local"}
)
_PASSIVE_END = ("was ", "were ", "been ", "being ")


# An amount alone ("received 100 ug intravenously") names no object: the vesicles may be meant.
_AMOUNT_ONLY = re.compile(r"\s*\d[\d.,]*(?:\s+\S+)?\s*$")


def _names_other(
    doc: Document, start: int, end: int, section: str, vesicles: list[Mention]
) -> bool:
    """Whether the object text[start:end] names something and neither vesicles nor a carrier
    that may hold them ("injected subcutaneously with Matrigel")."""
    words = doc.text_of(section)[start:end]
    if not {w.lower() for w in words.split()} - _NO_OBJECT_WORDS or _AMOUNT_ONLY.match(words):
        return False
    if _VESICLE_WORD.search(words):
        return False
    carriers = doc.of_kind("biomaterials", study_only=False)
    return not any(
        v.section == section and start <= v.start < end for v in [*vesicles, *carriers]
    )


def _given_other(doc: Document, text: str, m: Mention, vesicles: list[Mention]) -> bool | None:
    """Whether a verb of giving next to the route names what it gave, and that is not the
    vesicles (rows route_verb_after, object_before_route); None when no such verb decides.
    A carrier's route ("combined with hydrogel scaffolds") names no verb of giving."""
    if m.label == "scaffold_implantation":
        return None
    sentence = doc.sentence_of(m)
    lead_start = max(sentence.start, m.start - 120)
    bracket = _ROUTE_IN_BRACKET.search(text, lead_start, m.start)
    if bracket is not None:  # "pentobarbital (40 mg/kg, intraperitoneally)"
        return _names_other(doc, *bracket.span(1), m.section, vesicles)
    before = _OBJECT_BEFORE_ROUTE.search(text, lead_start, m.start)
    if before is not None and before.group(1).strip():
        start, end = before.span(1)
        if _names_other(doc, start, end, m.section, vesicles):
            return True
    if not m.text.lower().endswith("ly"):
        return None
    after = _VERB_AFTER_ROUTE.match(text, m.end, min(sentence.end, m.end + 160))
    if after is None:
        return None
    verb_after = bool(after.group().strip()) and after.group().split()[0].lower() != "with"
    if after.group(1) is not None:  # "intraperitoneally injected with GW4869"
        start, end = after.span(1)
        # with the verb before the adverb, the passive subject may be the vesicles given
        # with the object ("The EVs were injected subcutaneously with Matrigel")
        return _names_other(doc, start, end, m.section, vesicles) and (
            verb_after or _subject_not_vesicles(doc, m, vesicles, read_with=False)
        )
    if not verb_after:
        return None
    if text[lead_start : m.start].endswith(_PASSIVE_END):  # "MIA was intra-articularly injected"
        return _subject_not_vesicles(doc, m, vesicles) and not _animals_before(doc, m)
    return None


def _animals_before(doc: Document, m: Mention) -> bool:
    """Whether animals are named before the route in its sentence ("Rats were ... injected"):
    they received what the verb gave, and it was not named."""
    sentence = doc.sentence_of(m)
    return any(
        o.kind == "species" and sentence.start <= o.start < m.start
        for o in doc.in_sentence(sentence)
    )


# A local route named by placing vesicles in the site ("transplanted into the fracture site") is
# the carrier's implantation where a material holds those vesicles (row placed_with_carrier).
_PLACED_WITH_CARRIER: Final = _RULES.regex("placed_with_carrier")


def _placed_with_carrier(doc: Document, m: Mention, vesicles: list[Mention]) -> bool:
    """Whether the route names the placing of vesicles that a material holds: the nearest
    vesicles before it in its sentence are followed by words of carrying (carried_after)."""
    if _PLACED_WITH_CARRIER.match(m.text.lower()) is None:
        return False
    before = [
        v
        for v in vesicles
        if v.section == m.section and v.sentence == m.sentence and v.end <= m.start
    ]
    if not before:
        return False
    v = before[-1]
    section = m.section
    text, lowered, hits = doc.text_of(section), doc.lowered(section), doc.cue_hits(section)
    return _CARRIED_AFTER.match(text, lowered, v.end, min(m.start, v.end + 90), hits) is not None


# The lexicon's words of scaffold_implantation that name the act, not the carrier.
_IMPLANT_WORDS = frozenset({"implanted", "implantation"})
_CARRIER_WORD: Final = _gate("carrier_word")


def _implanted_bare(doc: Document, m: Mention, carried: tuple[Mention, str] | None) -> bool:
    """Whether an implant word names no carrier's route: the record names no material (its
    background included), no vesicles held by one, and no word of a carrier in the word's
    sentence (R982's "implanted hUC-MSCs or EVs", R240's implantation of a dental implant)."""
    if m.text.lower() not in _IMPLANT_WORDS or carried is not None:
        return False
    if any(not negated(doc, b) for b in doc.of_kind("biomaterials", study_only=False)):
        return False
    return _CARRIER_WORD.search(doc.sentence_of(m).text) is None


def _injected_other(doc: Document, m: Mention, vesicles: list[Mention]) -> bool:
    """Whether the route is named for an injection of something that is not the vesicles: the
    agent that makes the model ("intramuscular injections of methylprednisolone",
    10.1186/s13018-023-04440-x; "OA induced by intra-articular injection of MIA"; "MIA was
    injected into the joint cavity") or a reagent ("intra-articular injection of
    antagomiR-199a-3p", R118), the anaesthesia ("general intravenous anaesthesia", R240) or
    the subject of a passive verb of giving before a route adverb ("a collagen emulsion was
    given subcutaneously", R344), or cells named right before it ("the cells once implanted",
    R725; "BMMSCs treated with SHED-EVs were placed subcutaneously", R190) that did not make
    the vesicles. An injection of no named object keeps its route."""
    text = doc.text_of(m.section)
    lowered = m.text.lower()
    if _said_of_cells(doc, text, m):
        return True
    given_other = _given_other(doc, text, m, vesicles)
    if given_other is not None:
        return given_other
    if lowered.startswith(_VERB_FIRST):
        return _subject_not_vesicles(doc, m, vesicles)
    if _OF_ANAESTHESIA.match(text, m.end, min(len(text), m.end + 30)):
        return True  # "under general intravenous anaesthesia" (R240)
    if lowered.endswith("ly") and _GIVEN_BY_ROUTE.search(text, max(0, m.start - 60), m.start):
        return _subject_not_vesicles(doc, m, vesicles)  # "X was given subcutaneously" (R344)
    if lowered.startswith("injection"):  # "injection of X into the joint": X inside the match
        if " of " not in lowered:  # "injection into the patellar grooves of rats": no object
            return False
        at = m.start + len(lowered.split(" of ", 1)[0])
        pattern = _OBJECT_AFTER_NOUN
    else:
        at = m.end
        pattern = _OBJECT_AFTER_NOUN if _ENDS_IN_NOUN.search(m.text) else _OBJECT_AFTER_ROUTE
    hit = pattern.match(text, at, min(len(text), at + 160))
    if hit is None:
        return False
    start, end = hit.span(1)
    if _VESICLE_WORD.search(hit.group(1)):
        return False
    return not any(v.section == m.section and start <= v.start < end for v in vesicles)


def _routes(doc: Document) -> Iterator[Finding]:
    """Routes of the study's animals or patients; a review's routes are its subject. Vesicles
    held by a material in animals, with no route named, were implanted with it (inferred)."""
    if not (doc.review or has_in_vivo(doc) or is_clinical(doc)):
        return
    found = False
    carried = _carried(doc)
    vesicles = analyse(doc).vesicles
    for m in doc.of_kind("delivery_routes"):
        reason = ""
        if doc.review and m.text.lower() in _BARE_SCAFFOLD:
            if carried is not None:
                reason = f"the review's vesicles are held by a material [rule {carried[1]}]"
            elif _joined_to_vesicle(doc, m):
                reason = "the review's vesicles are joined to the scaffolds [rule carrying]"
            else:
                continue
        if _injected_other(doc, m, vesicles) or _implanted_bare(doc, m, carried):
            continue
        found = True
        if m.label != "scaffold_implantation" and _placed_with_carrier(doc, m, vesicles):
            reason = "vesicles held by a material, placed in the site [rule placed_with_carrier]"
            yield Finding("delivery_routes", "scaffold_implantation", m.span(), reason)
            continue
        yield Finding("delivery_routes", m.label, m.span(), reason)
    if found or doc.review or not has_in_vivo(doc) or not doc.of_kind("biomaterials"):
        return
    if carried is not None:
        vesicle, rule = carried
        span = vesicle.span()._replace(inferred="vesicles held by a material in animals")
        reason = f"vesicles held by a material in animals [rule {rule}]"
        yield Finding("delivery_routes", "scaffold_implantation", span, reason)


def extract(doc: Document) -> Iterator[Finding]:
    yield from _conditions(doc)
    routes = list(_routes(doc))
    yield from routes
    materials = list(_biomaterials(doc))  # (most records name none: nothing to block)
    if materials and not _substrate_only(doc, {f.value for f in routes}):
        yield from materials


# Cells grown on a material in a sentence that names the vesicles ("EVs were collected from the
# osteoblasts cultured on the scaffolds"): the material was the cells' culture substrate.
_VESICLES_OF_GROWN_CELLS: Final = _RULES.cue("vesicles_of_grown_cells")


def _substrate_only(doc: Document, routes: set[str]) -> bool:
    """Whether the study's materials were only the culture substrate of the cells that made
    the vesicles: the cells were grown on a material, no vesicle is held by one and no route
    of a carrier is named (R481's coated titanium scaffolds, R350's dECM)."""
    if "scaffold_implantation" in routes or _carried(doc) is not None:
        return False
    named = {(v.section, v.sentence) for v in analyse(doc).vesicles}
    for sentence in doc.sentences:
        section = sentence.section
        if (section, sentence.index) in named and _VESICLES_OF_GROWN_CELLS.search(
            doc.text_of(section), doc.lowered(section), sentence.start, sentence.end
        ):
            return True
    return False


def _defined_otherwise(doc: Document, m: Mention) -> bool:
    """Whether the material is read from a short form that the text defines as something the
    label is not: "tissue culture plastic (TCP)" is no beta-TCP (doi:10.1016/j.jot.2025.10.011),
    nor is "DB + HA hydrogel" a hyaluronic acid gel after "hydroxyapatite (HA)"
    (doi:10.1186/s12967-020-02525-3)."""
    for word in m.text.split():
        long = doc.abbreviations.get(word)
        if long is not None and m.label not in _materials_named(long):
            return True
    return False


@lru_cache(maxsize=256)
def _materials_named(text: str) -> frozenset[str]:
    """The biomaterial labels the lexicon reads in `text` (a long form)."""
    return frozenset(
        label
        for _, _, entries in default_matcher().find(text)
        for kind, label in entries
        if kind == "biomaterials"
    )


# A material named only as a group or a control the vesicles were compared with carried none.
_AS_GROUP: Final = _gate("as_group")
_ENGINE.build()


def _only_a_comparison(doc: Document, mentions: list[Mention]) -> set[str]:
    """The labels every mention of which names a group or a control."""
    labels: dict[str, bool] = {}
    for m in mentions:
        text = doc.text_of(m.section)
        grouped = _AS_GROUP.match(text[m.end : m.end + 30]) is not None
        labels[m.label] = labels.get(m.label, True) and grouped
    return {label for label, grouped in labels.items() if grouped}


# The last words of a material's mention that make it a gel ("collagen hydrogel").
_GEL_WORDS: Final = ("gel", "gels")


def _biomaterials(doc: Document) -> Iterator[Finding]:
    """Materials that carried the vesicles; the generic `hydrogel` only when no specific
    material is named beside it ("a GelMA hydrogel" is gelatin alone, seed convention). A
    short form names the material its definition names."""
    found = [
        m
        for m in doc.of_kind("biomaterials")
        if not negated(doc, m) and not (doc.abbreviations and _defined_otherwise(doc, m))
    ]
    compared = _only_a_comparison(doc, found)
    found = [m for m in found if m.label not in compared]
    specific = [m for m in found if m.label != "hydrogel"]
    # A gel named once by its material ("a GelMA-HAMA composite hydrogel", "an injectable
    # collagen hydrogel", R1062) is the same gel when later sentences call it only "the
    # hydrogel": the material is a gel by itself, or its words say it is one.
    gels = load_lexicon().gel_materials
    gel_named = any(m.label in gels or m.text.lower().endswith(_GEL_WORDS) for m in specific)
    for m in found:
        if m.label == "hydrogel" and (
            gel_named
            or any(
                (o.section, o.sentence) == (m.section, m.sentence)
                and (0 <= m.start - o.end <= 40 or 0 <= o.start - m.end <= 40)
                for o in specific
            )
        ):
            continue
        yield Finding("biomaterials", m.label, m.span())
