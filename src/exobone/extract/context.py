"""What the study is about and how it delivered: conditions, delivery_routes, biomaterials."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from exobone.extract.biology import has_in_vivo
from exobone.extract.cells import analyse
from exobone.extract.cues import Cue
from exobone.extract.document import Document, Finding, Mention
from exobone.extract.negation import negated
from exobone.extract.study import is_clinical
from exobone.lexicon import default_matcher, load_lexicon
from exobone.model import Span

# bone_regeneration_general is the study's purpose only in words like these ("for bone repair",
# "potential in bone tissue engineering"); "stimulated bone regeneration" is a result. An aim
# is also told by an infinitive ("a cell-free therapy to enhance bone regeneration", R56; "an
# approach to enhance osteogenesis and bone regeneration", R101), not "were found to promote"
# (a result).
_PURPOSE_LEAD = Cue(
    r"\b(?:for|potential|approach|applications?|useful|promising|strategy|strategies|toward"
    r"|towards|promoting|investigating|improving|enhancing|candidates?|tools?|therapy for"
    r"|(?<!shown )(?<!found )(?<!proved )(?<!proven )(?<!observed )(?<!reported )(?<!able )"
    r"(?<!demonstrated )to\s+(?:enhance|promote|improve|accelerate|facilitate|support|boost))"
    r"\s+(?:[\w-]+\s+){0,2}$"
)
# In the abstract a modal tells the aim or the prospect ("whether exosomes ... could enhance
# bone regeneration", doi:10.1111/cpr.12669; "the composite hydrogel may promote bone
# regeneration", R51; "can therefore promote bone regeneration", R32); a title's "scaffolds
# can enhance bone regeneration" states its result (seed S06).
_MODAL_AIM = Cue(
    r"\b(?:may|might|can|could|would)\s+(?:[a-z]+ly\s+|therefore\s+|thus\s+|also\s+)?"
    r"(?:promote|enhance|improve|accelerate|facilitate|support|boost)\s+(?:[\w-]+\s+){0,2}$"
)
_ALWAYS_PURPOSE = re.compile(r"tissue[ -]engineer", re.IGNORECASE)
# A disease or injury named only in the opening background is still what the study is for
# when the opening says it is to be repaired or treated: "a promising way to repair
# cartilage defects" (R54), "the first-line treatment for repairing cartilage defects" (R63),
# "regenerating the bone lost after periodontal diseases" (R66), "used ... to repair
# maxillofacial bone defects" (doi:10.3389/fbioe.2022.905511), "candidates for treating
# periodontitis" (PDLSC exosomes acting on osteoblasts); not "the risk of osteoporotic
# fracture", nor the field's general "potential in the treatment of osteoporosis" (seed S21).
_TARGET_LEAD = Cue(
    r"\b(?:repair(?:ing|s)?|treating|reconstruct(?:ing|ion of)"
    r"|regenerat(?:e|ing|ion of))\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,4}$"
)


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
        if negated(doc, m) or _only_a_risk(doc, m):
            continue
        # A review's title names its subject ("Clinical potential of MSC exosomes in bone
        # regeneration"), whatever words lead to it.
        if m.label == "bone_regeneration_general" and not (doc.review and m.section == "title"):
            text = doc.text_of(m.section)
            lead = text[max(0, m.start - 50) : m.start]
            modal = m.section == "abstract" and _MODAL_AIM.search(lead)
            if not (_ALWAYS_PURPOSE.search(m.text) or _PURPOSE_LEAD.search(lead) or modal):
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


# Vesicles held by a material: "exosome-functionalized cryogels", "the exosomes were
# encapsulated", "scaffolds loaded with exosomes", "exosomes released from the hydrogel",
# "sEVs were also combined with collagen sponges and transplanted" (R129), "exosome
# combinate with fibrin" (R125); or named in the material: "treated with BMSC-EVs in fibrin
# glue" (R136, doi:10.1186/s12967-019-1960-x), "exosomes in a GelMA hydrogel" (holdout H05);
# or naming the material they are in: "the HA@SDF-1alpha/M2D-Exos hydrogel" (R114,
# PMC10087917), "a GMOCS-Exos hydrogel" (R220,
# doi:10.1186/s12951-024-02713-z).
_CARRIED_AFTER = Cue(
    r"[\s-]*(?:\([^()]{1,20}\)\s*)?(?:(?:were|was)\s+(?:\w+ly\s+|also\s+)?)?"
    r"(?:functionali[sz]ed|laden|loaded|coated|seeded|encapsulated|incorporated|embedded"
    r"|immobili[sz]ed|decorated|released from|combin(?:ed|ate) with)\b"
    r"|\s+in\s+(?:an?\s+|the\s+)?(?:[\w/-]+\s+){0,3}?(?:hydrogels?|cryogels?|gels?|glue"
    r"|sponges?)\b"
    r"|\s+(?:hydrogels?|cryogels?|sponges?)\b"
)
# The vesicles' name may be long: "hydrogels loaded with bone marrow mesenchymal stem
# cell-derived exosomes" (https://www.biocloudy.com/literatureDetail/MTc1NTcxOQ==), "hydrogels
# loaded with mesenchymal stem cells extracellular vesicles" (a systematic review's title,
# https://paperexplained.cn/articles/paper/detail/069b284abb14b13b7afcca68ec52c2b49cd26cd9);
# a verb between them ends the name.
# A participle of carrying needs no 'with': "the hydrogel carrying ADSC-exos" (R50, the
# vesicles' mention starting after the cells' prefix, doi:10.2217/rme-2021-0004), "a chitosan
# hydrogel incorporating DPSC-Exo" (R115, doi:10.1016/j.bioactmat.2020.07.002), "a
# glucose-responsive hydrogel delivering exosomes" (R196, PMC11608271).
_CARRIED_BEFORE = Cue(
    r"\b(?:(?:functionali[sz]ed|laden|loaded|coated|seeded|encapsulating|incorporating"
    r"|incorporated|decorated|immobili[sz]ed)\s+(?:with|by)|carrying|incorporating"
    r"|encapsulating|delivering)\s+(?:the\s+)?"
    r"(?:(?!(?:then|to|was|were|is|are)\b)[\w-]+\s+){0,5}(?:\w+-)?$"
)
# A bare "scaffold(s)" in a review names a route only where the review's vesicles are held by
# a material ("EV-functionalised scaffolds"), not as a passing word ("companion scaffolds").
_BARE_SCAFFOLD = frozenset({"scaffold", "scaffolds"})
# A review's scaffolds hold its vesicles too where a vesicle of the same sentence is joined to
# them by a word of carrying, on either side: "exosomes obtained from human MSCs are combined
# with hydrogel scaffolds" (R09, doi:10.3390/ijms22126203), "bone engineering scaffolds with
# exosomes" (R25's title, doi:10.3389/fbioe.2022.920378), "hydrogels and scaffolds combined
# with MSC-EVs" (R141, doi:10.3390/membranes12070716), "electrospun scaffolds are currently
# used as exosome carriers" (R112); not where the words between them hedge ("an EV therapeutic
# works will probably depend on companion scaffolds", R11, doi:10.1302/2046-3758.74.BJR-2018-0006).
_CARRYING = re.compile(
    r"\b(?:with|combin\w*|loaded|laden|carriers?|functionali[sz]\w*|pair\w*|incorporat\w*"
    r"|coated|decorated)\b",
    re.IGNORECASE,
)
_HEDGE = re.compile(r"\b(?:will|would|could|may|might|probably|possibly)\b", re.IGNORECASE)


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
        if _HEDGE.search(text, start, end) is None and _CARRYING.search(
            text[start:end] + " " + text[later : later + 12]
        ):
            return True
    return False


def _carried(doc: Document) -> Mention | None:
    """The first vesicle mention said to be held by a material, if any."""
    # (the cues look their words up in the section's one pass: most windows have none)
    for v in analyse(doc).vesicles:
        section = v.section
        text, lowered, hits = doc.text_of(section), doc.lowered(section), doc.cue_hits(section)
        if _CARRIED_AFTER.match(
            text, lowered, v.end, min(len(text), v.end + 40), hits
        ) or _CARRIED_BEFORE.search(text, lowered, max(0, v.start - 90), v.start, hits):
            return v
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
# the joint cavity", "... had been introduced into each bone defect".
_VERB_FIRST = ("injected", "introduced")
_PRONOUN = re.compile(r"\b(?:they|these|those|which|it)\b", re.IGNORECASE)
_WITH_OBJECT = re.compile(r"\s*with\s+[^,;.]+", re.IGNORECASE)
# A word that may be a subject: not an auxiliary, a conjunction or an adverb of time.
_CONTENT_WORD = re.compile(
    r"\b(?!(?:was|were|been|be|being|had|has|have|and|or|then|also|first|subsequently|later"
    r"|finally|the|a|an)\b)[a-z]{3,}\b",
    re.IGNORECASE,
)


def _subject_not_vesicles(doc: Document, m: Mention, vesicles: list[Mention]) -> bool:
    """Whether a route read from its verb ("injected into the joint cavity") follows, in its
    sentence, a subject that names no vesicles: "MIA was injected into the joint cavity",
    "collagenase was injected into each tendon" make the model. Vesicles, a word for them or
    a pronoun before the verb keep the route, as does a verb with nothing before it."""
    sentence = doc.sentence_of(m)
    text = doc.text_of(m.section)
    start = max(sentence.start, m.start - 160)
    lead = text[start : m.start]
    if _VESICLE_WORD.search(lead) or _PRONOUN.search(lead) or not _CONTENT_WORD.search(lead):
        return False
    given_with = _WITH_OBJECT.match(text, m.end, min(sentence.end, m.end + 80))
    if given_with and _VESICLE_WORD.search(given_with.group()):  # "injected locally with EVs"
        return False
    return not any(v.section == m.section and start <= v.start < m.start for v in vesicles)


def _injected_other(doc: Document, m: Mention, vesicles: list[Mention]) -> bool:
    """Whether the route is named for an injection of something that is not the vesicles: the
    agent that makes the model ("intramuscular injections of methylprednisolone",
    10.1186/s13018-023-04440-x; "OA induced by intra-articular injection of MIA"; "MIA was
    injected into the joint cavity") or a reagent ("intra-articular injection of
    antagomiR-199a-3p", R118). An injection of no named object keeps its route."""
    text = doc.text_of(m.section)
    lowered = m.text.lower()
    if lowered.startswith(_VERB_FIRST):
        return _subject_not_vesicles(doc, m, vesicles)
    if lowered.startswith("injection"):  # "injection of X into the joint": X inside the match
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
        if (
            doc.review
            and m.text.lower() in _BARE_SCAFFOLD
            and carried is None
            and not _joined_to_vesicle(doc, m)
        ):
            continue
        if _injected_other(doc, m, vesicles):
            continue
        found = True
        yield Finding("delivery_routes", m.label, m.span())
    if found or doc.review or not has_in_vivo(doc) or not doc.of_kind("biomaterials"):
        return
    if carried is not None:
        span = carried.span()._replace(inferred="vesicles held by a material in animals")
        yield Finding("delivery_routes", "scaffold_implantation", span)


def extract(doc: Document) -> Iterator[Finding]:
    yield from _conditions(doc)
    yield from _routes(doc)
    yield from _biomaterials(doc)


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
        for match in default_matcher().find(text)
        for kind, label in match.entries
        if kind == "biomaterials"
    )


# A material named only as a group or a control the vesicles were compared with carried
# none: "rats were divided into a TSC-Exos group, a GelMA group and a control group" (R128,
# doi:10.1186/s13287-020-01918-x), "improved condylar bone regeneration compared with
# hyaluronic acid controls" (R65, doi:10.1002/jev2.70224, a clinical trial).
_AS_GROUP = re.compile(r"(?:\s+alone)?\s+(?:(?:and|or)\s+\w+\s+)?(?:groups?|controls?)\b", re.I)


def _only_a_comparison(doc: Document, mentions: list[Mention]) -> set[str]:
    """The labels every mention of which names a group or a control."""
    labels: dict[str, bool] = {}
    for m in mentions:
        text = doc.text_of(m.section)
        grouped = _AS_GROUP.match(text, m.end, min(len(text), m.end + 30)) is not None
        labels[m.label] = labels.get(m.label, True) and grouped
    return {label for label, grouped in labels.items() if grouped}


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
    # A gel named once by its material ("a GelMA-HAMA composite hydrogel") is the same gel
    # when later sentences call it only "the hydrogel".
    gels = load_lexicon().gel_materials
    gel_named = any(m.label in gels for m in specific)
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
