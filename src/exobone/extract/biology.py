"""Vesicles, cells and organisms: vesicle_types, ev_sources, preconditioning, recipient_cells,
cell_lines, species and animal_models (preconditioning's rules are in
`exobone.extract.preconditioning`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from exobone.extract.cell_phrases import CellPhrase
from exobone.extract.cells import analyse, general_vesicles, most_specific
from exobone.extract.cells_rules import SECRETOME_NARROWED, section_hits
from exobone.extract.document import Document, Finding, Mention
from exobone.extract.preconditioning import preconditioning
from exobone.extract.rules import load_rules
from exobone.extract.scanning import Engine, Gate
from exobone.lexicon import load_lexicon
from exobone.model import Span

# The rules are rows of data/biology.yaml; this module holds the logic that applies them.
_RULES: Final = load_rules("biology.yaml")
# One engine gates the rules tried on a mention's own words or the few words after it; it is
# built once the last of them is made.
_ENGINE: Final = Engine()


def _gate(name: str) -> Gate:
    """The rule `name` as a gate tested on the piece it is searched in."""
    return _ENGINE.gate(_RULES.regex(name), per_sentence=False)


# Medium depleted of vesicles, after conditioned medium (searched in place, in a short window).
_DEPLETED: Final = _RULES.cue("depleted", shared=False)
# Species words that are animals (not people, not cells), lowercased.
_ANIMAL_WORDS: Final = frozenset(_RULES.word_list("animal_words"))
# Work in animals: "in vivo", or told without it (the vesicles injected, a lesion healed).
_IN_VIVO: Final = _RULES.cue("in_vivo")
_IN_VIVO_WORK: Final = _RULES.cue("in_vivo_work")
_EXPLANT: Final = _RULES.cue("explant")
_MODEL_AFTER: Final = _RULES.regex("model_after")
# "murine periodontitis models": the adjective names the model's animals a few words on.
_MODEL_SOON_AFTER: Final = _RULES.regex("model_soon_after")
# Species words that name animals only as a noun: "bovine milk", "murine macrophages" do not.
_ADJECTIVE_SPECIES: Final = frozenset(_RULES.word_list("adjective_species"))
# "mouse bone mesenchymal stem cells": the species of cells.
_WORDS_BETWEEN: Final = _RULES.regex("species_of_cells")
# Animals that gave cells or tissue: "macrophages from mice", "BMSCs of rats".
_DONOR_LEAD: Final = _RULES.regex("donor_lead")


def _span(m: Mention) -> Span:
    return m.span()


def _phrase_span(p: CellPhrase) -> Span:
    return Span(p.start, p.end, p.sentence, p.section)


def animal_species(doc: Document) -> list[Mention]:
    """Species mentions that name animals of the study (not cells, not people)."""
    found = doc.cache.get("animal_species")
    if found is None:
        in_phrases = {m for p in analyse(doc).phrases for m in p.mentions}
        found = [
            m
            for m in doc.of_kind("species")
            if m.text.lower() in _ANIMAL_WORDS and m not in in_phrases
        ]
        doc.cache["animal_species"] = found
    return list(found)


def has_in_vivo(doc: Document) -> bool:
    """Whether the study itself worked in animals (worked out once per Document)."""
    found = doc.cache.get("in_vivo")
    if found is None:
        found = _has_in_vivo(doc)
        doc.cache["in_vivo"] = found
    return bool(found)


def _in_explant_sentence(doc: Document, m: Mention) -> bool:
    """ "Explants harvested from porcine knees": the animal gave tissue, not a living model."""
    s = doc.sentence_of(m)
    return (
        _EXPLANT.search(doc.text_of(s.section), doc.lowered(s.section), s.start, s.end) is not None
    )


def _has_in_vivo(doc: Document) -> bool:
    if doc.review:
        return False
    from exobone.extract.study import is_clinical  # study reads this module's animal finder

    clinical = is_clinical(doc)
    # donors and adjectives of a material ("bovine milk") do no work in vivo (R95)
    if any(_names_test_animals(doc, a, _MODEL_SOON_AFTER) for a in animal_species(doc)) or (
        not clinical  # in a trial, a model label names the patients' disease (R65's TMJ-OA)
        and doc.of_kind("animal_models")
        and any(m.kind == "species" for m in doc.mentions)
    ):
        return True
    cues = (_IN_VIVO,) if clinical else (_IN_VIVO, _IN_VIVO_WORK)
    # a section without a cue's needles is not searched sentence by sentence
    for section in dict.fromkeys(s.section for s in doc.sentences):
        text, lowered, hits = doc.text_of(section), doc.lowered(section), doc.cue_hits(section)
        for cue in cues:
            if cue.may_occur(text, lowered, hits) and any(
                cue.search(text, lowered, s.start, s.end, hits)
                for s in doc.sentences
                if s.section == section and not doc.is_background(s)
            ):
                return True
    return False


# Conditioned medium that is no tested preparation: the fluid the vesicles were separated from,
# or the medium of cells that had received the vesicles.
_SEPARATED_FROM: Final = _RULES.cue("separated_from", shared=False)
_OF_TREATED_CELLS: Final = _RULES.regex("of_treated_cells")
_GLUED_TREATED: Final = _RULES.cue("glued_treated", shared=False)


def _medium_only(doc: Document, v: Mention, vesicles: list[Mention]) -> int:
    """Where the cells of conditioned medium `v` end when `v` is only where vesicles came from
    (its own end) or the medium of cells that received them (past those cells); 0 otherwise."""
    text = doc.text_of(v.section)
    sentence = doc.sentence_of(v)
    key = (v.section, v.sentence)
    here = [w for w in vesicles if (w.section, w.sentence) == key and w is not v]
    if any(w.end <= v.start for w in here) and _SEPARATED_FROM.search(
        text, doc.lowered(v.section), max(sentence.start, v.start - 40), v.start
    ):
        return v.end
    for w in here:
        if 0 < w.start - v.end <= 70 and _OF_TREATED_CELLS.fullmatch(text, v.end, w.start):
            glued = _GLUED_TREATED.match(text, doc.lowered(w.section), w.end) is not None
            if glued or not text[v.end : w.start].rstrip().endswith(("of", "from")):
                return min(sentence.end, w.end + 40)
            return 0
    return 0


def _treated_media(doc: Document) -> list[tuple[str, int, int, int]]:
    """(section, sentence, start, end) of conditioned media that are no tested preparation."""
    found = doc.cache.get("treated_media")
    if found is None:
        vesicles = analyse(doc).vesicles
        found = []
        for v in vesicles:
            if v.label == "conditioned_medium" and (end := _medium_only(doc, v, vesicles)):
                found.append((v.section, v.sentence, v.start, end))
        doc.cache["treated_media"] = found
    return list(found)


def _narrowed_secretome(doc: Document, v: Mention) -> bool:
    """Whether a secretome word is narrowed at once to a kind of vesicle ("paracrine factors,
    such as exosomes"): the vesicles are the preparation; the secretome still names where
    they came from ("the secretome of MSCs, especially exosome")."""
    if v.label != "secretome":
        return False
    rest = doc.text_of(v.section)[v.end : doc.sentence_of(v).end]
    return bool(SECRETOME_NARROWED.match(rest, section_hits(doc, v.section), v.end))


def _vesicle_types(doc: Document) -> Iterator[Finding]:
    media = {(section, start) for section, _, start, _ in _treated_media(doc)}
    kept = [
        v
        for v in analyse(doc).vesicles
        if (v.section, v.start) not in media and not _narrowed_secretome(doc, v)
    ]
    # A kind defined in general at a sentence's opening counts only when the record names no
    # other vesicles: then it is what the record is about.
    general = general_vesicles(doc)
    specific = [v for v in kept if (v.section, v.start) not in general] if general else kept
    for v in specific or kept:
        yield Finding("vesicle_types", v.label, _span(v))
        if v.label == "conditioned_medium":
            text = doc.text_of(v.section)
            tail = _DEPLETED.match(text, doc.lowered(v.section), v.end)
            if tail:
                span = Span(v.start, tail.end(), v.sentence, v.section)
                reason = f"conditioned medium followed by '{tail.group().strip()}'"
                yield Finding("vesicle_types", "ev_depleted_medium", span, reason)


_PHRASE_REASONS: Final = {
    "ev_sources": "cell phrase of the vesicles' source (cells.analyse)",
    "recipient_cells": "cell phrase of the cells that received vesicles (cells.analyse)",
}


# A precursor cell line is often named by the cell it matures into: "MC3T3-E1 osteoblasts",
# then "internalized by the osteoblasts" (R191, doi:10.1186/s12938-024-01237-9; R164, PMID
# 37771550; R68). The bare mature cell (no origin, no species) is then the line named again,
# whose identity (SCHEMA: MC3T3-E1 is `preosteoblast||mouse`) already stands for it.
_MATURE_NAME_OF = {"preosteoblast": "osteoblast", "preadipocyte": "adipocyte"}
_OTHER_MATURE: Final = _RULES.regex("other_mature_cells")


def _line_named_as_mature(doc: Document, values: list[str]) -> set[str]:
    """The bare values `cell||` that a precursor line of the record is named by: the line's
    name stands right before the mature cell's word ("MC3T3-E1 osteoblasts"), or the line is
    the only cells of the record that the bare word can stand for: "osteoblast precursor
    cells (MC3T3-E1)" then "the osteoblasts" (R68), "MC3T3-E1 cells" then "Dex-stimulated
    osteoblasts" (R449, doi:10.1155/2023/3602962). Where the record also has "primary" or
    calvarial osteoblasts (row other_mature_cells), these are other cells."""
    lines = load_lexicon().lines_by_name
    named = set()
    cells = doc.of_kind("cell_types", study_only=False)
    for line in doc.of_kind("cell_lines", study_only=False):
        entry = lines.get(line.label)
        mature = _MATURE_NAME_OF.get(entry.identity.split("|")[0], "") if entry else ""
        if not mature:
            continue
        if any(
            m.label == mature and m.section == line.section and 0 <= m.start - line.end <= 1
            for m in cells
        ) or not any(
            m.label == mature
            and _OTHER_MATURE.search(doc.text_of(m.section), max(0, m.start - 40), m.start)
            for m in cells
        ):
            named.add(f"{mature}||")
    return named & set(values)


def _phrase_values(doc: Document, field: str, phrases: list[CellPhrase]) -> Iterator[Finding]:
    # A phrase that names only a cell line ("human embryonic kidney 293 cells (HEK293)") has no
    # cell type: the line is reported as such, and `|origin|species` alone is no value.
    values = most_specific(list(dict.fromkeys(p.value for p in phrases if p.cell)))
    renamed = _line_named_as_mature(doc, values)
    values = [v for v in values if v not in renamed]
    for p in phrases:
        if p.value in values:
            yield Finding(field, p.value, _phrase_span(p), _PHRASE_REASONS.get(field, ""))


def _sources_of_vesicles(doc: Document, sources: list[CellPhrase]) -> list[CellPhrase]:
    """`sources` without the cells whose conditioned medium was taken after they received the
    vesicles ("conditioned medium from exosome-treated MLO-Y4 cells"; R61, R102)."""
    media = _treated_media(doc)
    if not media:
        return sources
    return [
        p
        for p in sources
        if not any(
            (p.section, p.sentence) == (section, sentence) and start < p.start < end
            for section, sentence, start, end in media
        )
    ]


def _cell_lines(doc: Document) -> Iterator[Finding]:
    for m in doc.of_kind("cell_lines"):
        yield Finding("cell_lines", m.label, _span(m))


def _animal_models(doc: Document) -> Iterator[Finding]:
    if not has_in_vivo(doc):
        return
    animals = animal_species(doc)
    # A model's species is a test animal's: not the "bovine" of "bovine milk EVs given to
    # ovariectomized mice" (R43), nor the "mouse" of "mouse embryo osteoblast cells" (R68).
    tested = [a for a in animals if a.label != "human" and _names_test_animals(doc, a)]
    candidates = tested or animals
    default = {m.label for m in candidates if m.label != "human"}
    fallback = next(iter(default)) if len(default) == 1 else ""
    models = []
    for m in doc.of_kind("animal_models"):
        near = [a for a in candidates if (a.section, a.sentence) == (m.section, m.sentence)]
        closest = min(near, key=lambda a: abs(a.start - m.start)) if near else None
        species = closest.label if closest else fallback
        models.append(Finding("animal_models", f"{species}|{m.label}", _span(m)))
    if not models and animals:
        models += _model_from_condition(doc, animals)
    # A model named once without its animal is the model named elsewhere with it.
    placed = {f.value.split("|")[1] for f in models if f.value.split("|")[0]}
    models = [f for f in models if f.value.split("|")[0] or f.value[1:] not in placed]
    yield from models
    yield from _unlabelled_animals(doc, animals, {f.value.split("|")[0] for f in models})


def _model_from_condition(doc: Document, animals: list[Mention]) -> Iterator[Finding]:
    """ "An IDD mouse model" (R16): the species word before "model" takes the model of the
    condition. "Murine periodontitis models", "mice with periodontitis" (R58): the species word
    and the condition name the model together."""
    models = load_lexicon().condition_models
    conditions = [c for c in doc.of_kind("conditions") if c.label in models]
    for a in animals:
        text = doc.text_of(a.section)
        paired, rule = next(
            ((c, rule) for c in conditions if (rule := _names_model_with(text, a, c))),
            (None, ""),
        )
        if paired is not None:
            span = Span(a.start, max(a.end, paired.end), a.sentence, a.section)
            said = text[span.start : span.end]
            reason = f"'{said}': animals with the disease (a model of it) [rule {rule}]"
            yield Finding("animal_models", f"{a.label}|{models[paired.label]}", span, reason)
            return
        if _MODEL_AFTER.match(text[a.end : a.end + 8]) and conditions:
            model = models[conditions[0].label]
            span = Span(
                a.start,
                a.end + len(text[a.end :]) - len(text[a.end :].lstrip()) + 5,
                a.sentence,
                a.section,
            )
            reason = (
                f"'{a.text} model' with the disease '{conditions[0].text}' (a model of it)"
                " [rule model_after]"
            )
            yield Finding("animal_models", f"{a.label}|{model}", span, reason)
            return


# "mice with periodontitis", "murine periodontitis models": species, then the condition.
_WITH_CONDITION: Final = _RULES.regex("with_condition")
# Machinery, not a rule: only spaces between the species and the condition ("rat OA model").
_BEFORE_CONDITION = re.compile(r"\s+")


def _names_model_with(text: str, a: Mention, c: Mention) -> str:
    """The row by which animal `a` and condition `c` of one sentence say "animals with the
    condition" or "<animal> <condition> model" ("" when they do not)."""
    if c.section != a.section or c.sentence != a.sentence or c.start < a.end:
        return ""
    if _WITH_CONDITION.fullmatch(text, a.end, c.start):
        return "with_condition"
    if _BEFORE_CONDITION.fullmatch(text, a.end, c.start) and _MODEL_AFTER.match(text, c.end):
        return "model_after"
    return ""


def _unlabelled_animals(
    doc: Document, animals: list[Mention], modelled: set[str]
) -> Iterator[Finding]:
    """ "In mice", "SD rats were injected", "OA rats", "a murine bone defect model" (R477; an
    adjective species a few words before "model", as `has_in_vivo` reads it): experimental
    animals named with no model label give `species|` (the converse of S06's
    `|calvarial_defect`), once per species and only for a species no model label was found for
    (a model of unknown species covers them all).
    Donors ("macrophages from mice"), adjectives of a material or cell ("bovine milk", "murine
    macrophages") and background sentences name no test animals."""
    if "" in modelled:
        return
    for a in animals:
        if (
            a.label not in modelled
            and a.label != "human"
            and _names_test_animals(doc, a, _MODEL_SOON_AFTER)
        ):
            modelled.add(a.label)
            yield Finding("animal_models", f"{a.label}|", _span(a))


def _names_test_animals(
    doc: Document, a: Mention, model_after: re.Pattern[str] = _MODEL_AFTER
) -> bool:
    text = doc.text_of(a.section)
    if doc.is_background(a) or _in_explant_sentence(doc, a):
        return False
    if a.text.lower() in _ADJECTIVE_SPECIES and not model_after.match(text, a.end):
        return False
    if _of_cells_or_donors(doc, a):
        return False
    return a.section != "title" or not _title_animal_of_cells(doc, a)


def _of_cells_or_donors(doc: Document, a: Mention) -> bool:
    """Whether the species word names the species of cells ("mouse bone mesenchymal stem
    cells") or animals that only gave material (the donor lead before it). Kept by the
    Document: a species of the abstract is asked about again for each animal of the title."""
    known = doc.cache.get("of_cells_or_donors")
    if not isinstance(known, dict):
        known = doc.cache["of_cells_or_donors"] = {}
    key = (a.section, a.start)
    found = known.get(key)
    if found is None:
        found = known[key] = _names_cells_or_donors(doc, a)
    return bool(found)


def _names_cells_or_donors(doc: Document, a: Mention) -> bool:
    text = doc.text_of(a.section)
    if any(
        c.section == a.section
        and 0 < c.start - a.end < 30
        and _WORDS_BETWEEN.fullmatch(text, a.end, c.start)
        for c in doc.of_kind("cell_types")
    ):
        return True
    return _DONOR_LEAD.search(text, max(0, a.start - 80), a.start) is not None


def _title_animal_of_cells(doc: Document, a: Mention) -> bool:
    """Whether the animal a title names ("... in rats") is only the donor of the cells the
    abstract works on: the abstract names that species, and only as the species of its cells
    ("rat nucleus pulposus cells", R384, doi:10.21037/atm-21-227; "rat condylar
    chondrocytes were cultured", R244, doi:10.3389/fbioe.2022.1061855). An abstract that names
    the animals otherwise ("a murine air pouch model", R254) or not at all (a cut abstract)
    leaves the title's animals standing."""
    named = [m for m in doc.of_kind("species") if m.section != "title" and m.label == a.label]
    animals = animal_species(doc)
    return bool(named) and all(m not in animals or _of_cells_or_donors(doc, m) for m in named)


def _species(doc: Document, findings: list[Finding]) -> Iterator[Finding]:
    """Species, the words that name them first ("rats", the "h" of "hBMSCs"); a species known
    only from a cell name ("HUVECs") or a cell line says that it was inferred from it; people
    the study sampled or treated, named by no such word, from the clinical cue."""
    found = list(_named_species(doc, findings))
    yield from found
    if not any(f.value == "human" for f in found):
        yield from _people_of_the_study(doc)


def _named_species(doc: Document, findings: list[Finding]) -> Iterator[Finding]:
    """The species that words of the record name, or its cells, lines and models imply."""
    lexicon = load_lexicon()
    lines = lexicon.lines_by_name
    named = [m for m in doc.of_kind("species") if not _people_only_mentioned(doc, m)]
    for m in named:
        entries = lexicon.lookup(m.text)
        if len(m.text) == 1 or (entries and all(e[0] == "species" for e in entries)):
            yield Finding("species", m.label, _span(m))
        else:
            yield Finding("species", m.label, _inferred_from_name(doc, m.span()))
    for f in findings:
        if f.field in ("ev_sources", "recipient_cells") and f.value.split("|")[2]:
            species, span = f.value.split("|")[2], f.span
            if not any(
                m.label == species
                and m.section == span.section
                and span.start <= m.start < span.end
                for m in named
            ):  # a cell phrase with no species word of its own: inferred from its name
                yield Finding("species", species, _inferred_from_name(doc, span))
        elif f.field == "animal_models" and f.value.split("|")[0]:
            yield Finding("species", f.value.split("|")[0], f.span, "species of the animal model")
        elif f.field == "cell_lines":
            line = lines.get(f.value)
            if line and line.species:
                yield Finding("species", line.species, _inferred_from_name(doc, f.span))


def _people_of_the_study(doc: Document) -> Iterator[Finding]:
    """People the study itself sampled or treated are an organism its samples or vesicles came
    from, whatever word names them: "elderly women with fractures" (R18), "a cohort of ...
    osteoporotic individuals" (R178), "OA participants and healthy controls" (R685), "the
    SF-exo proteome of OA patients ... of healthy people" (R540), "CP plasma ... healthy
    plasma" (R720). The setting's clinical cue is the evidence."""
    from exobone.extract.study import clinical_cue  # study reads this module's animal finder

    found = clinical_cue(doc)
    if found is not None:
        span, rule = found
        span = span._replace(inferred="people the study sampled or treated")
        reason = f"people the study sampled or treated [rule {rule}]"
        yield Finding("species", "human", span, reason)


# "Patients" are people the study worked with only in a clinical study or where its cells or
# samples came from them ("chondrocytes from OA patients", "patient-derived"); "the burden on
# patients", "in diabetic patients" is background (seed S21: cancer patients).
_PATIENT_WORDS = frozenset({"patient", "patients", "patient's", "patients'"})
_FROM_PATIENTS: Final = _RULES.cue("from_patients", shared=False)


# People named beside the animals a record is about (fellow sufferers of the disease, those
# its results should reach), and people in general named by a review: no cells, samples or
# animals came from them.
_HUMANS_AS_OTHERS: Final = _gate("humans_as_others")
_PEOPLE_IN_GENERAL: Final = _gate("people_in_general")
_ENGINE.build()


def _people_only_mentioned(doc: Document, m: Mention) -> bool:
    """Whether `m` is a patient word of text that neither studies people nor takes their cells,
    people named beside another species the record studies, or people in general in a review."""
    lowered = m.text.lower()
    if lowered not in _PATIENT_WORDS:
        return _humans_beside_animals(doc, m) or _people_in_general(doc, m)
    if _people_studied_or_donors(doc, m):
        return False
    text = doc.text_of(m.section)
    after = text[m.end : m.end + 9]
    return not (_from_patients(doc, m) or after.startswith("-derived"))


def _from_patients(doc: Document, m: Mention) -> bool:
    """Whether the few words before `m` say cells or samples came from the people it names."""
    text = doc.text_of(m.section)
    start = max(0, m.start - 60)
    return _FROM_PATIENTS.search(text, doc.lowered(m.section), start, m.start) is not None


def _humans_beside_animals(doc: Document, m: Mention) -> bool:
    """ "Humans" or "human OA" in a record about another species' animals, with no study of
    people and no cells or samples of theirs: the people are named, not studied."""
    if m.label != "human":
        return False
    text = doc.text_of(m.section)
    if not _HUMANS_AS_OTHERS.match(text[m.start : m.end + 60]) or not m.text[:1].islower():
        return False
    if _people_studied_or_donors(doc, m):
        return False
    if _from_patients(doc, m):
        return False
    return any(a.label != "human" for a in animal_species(doc))


def _people_in_general(doc: Document, m: Mention) -> bool:
    """ "Human health", "human life", "human patients" in a review: people in general, not the
    donors of anything the review is about (a word of a cell phrase is a donor)."""
    if m.label != "human" or not doc.review:
        return False
    if not _PEOPLE_IN_GENERAL.match(doc.text_of(m.section)[m.start : m.end + 12]):
        return False
    return not _in_cell_phrase(doc, m)


def _people_studied_or_donors(doc: Document, m: Mention) -> bool:
    """Whether the record studies people, or `m` names the donors of cells it is about."""
    from exobone.extract.study import is_clinical  # study reads this module's animal finder

    return is_clinical(doc) or _in_cell_phrase(doc, m)


def _in_cell_phrase(doc: Document, m: Mention) -> bool:
    """Whether `m` is a word of a cell phrase ("human MSCs"): the cells' donors."""
    return any(m in p.mentions for p in analyse(doc).phrases)


def _inferred_from_name(doc: Document, span: Span) -> Span:
    """`span`, marked as naming cells whose species the lexicon knows (not a species word)."""
    return span._replace(inferred=f"cell name {doc.text_of(span.section)[span.start : span.end]}")


def extract(doc: Document) -> Iterator[Finding]:
    cells = analyse(doc)
    findings: list[Finding] = []
    findings += _vesicle_types(doc)
    findings += _phrase_values(doc, "ev_sources", _sources_of_vesicles(doc, cells.sources))
    findings += preconditioning(doc)
    from exobone.extract.study import in_culture  # study reads this module's animal finder

    if in_culture(doc):
        findings += _phrase_values(doc, "recipient_cells", cells.recipients)
    findings += _cell_lines(doc)
    findings += _animal_models(doc)
    findings += _species(doc, findings)
    yield from findings
