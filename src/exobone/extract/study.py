"""What kind of study: study_type (primary or review) and settings (in vitro, in vivo, ...)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from exobone.extract.biology import animal_species, has_in_vivo
from exobone.extract.cell_phrases import CellPhrase
from exobone.extract.cells import analyse
from exobone.extract.cues import Cue
from exobone.extract.document import Document, Finding
from exobone.extract.rules import load_rules, table_cue
from exobone.extract.scanning import Engine
from exobone.model import Span

# The rules are rows of data/study.yaml; this module holds the logic that applies them.
_RULES: Final = load_rules("study.yaml")
_IN_VITRO: Final = _RULES.cue("in_vitro")
_IN_VITRO_WORDS: Final = _RULES.cue("in_vitro_words")
_IN_VIVO: Final = _RULES.cue("in_vivo")
_EX_VIVO: Final = _RULES.cue("ex_vivo")
# The study treated, enrolled or sampled people: one cue of every row of the `clinical` and
# `clinical_samples` tables, in order; `_TREATED`, of the first table's rows alone, tells the
# studies whose people could have received the vesicles.
_TREATED_ROWS: Final = _RULES.table("clinical")
_CLINICAL_ROWS: Final = [*_TREATED_ROWS, *_RULES.table("clinical_samples")]
_CLINICAL: Final = table_cue(_CLINICAL_ROWS)
# Each row as the cue tries it, to name the row a match came from (compiled once: the `re`
# module's cache holds fewer patterns than the rule files make, so a pattern compiled per call
# is compiled anew each time).
_CLINICAL_ROW_REGEXES: Final = [
    (rule.name, re.compile(rf"\b(?:{rule.pattern})\b", re.IGNORECASE)) for rule in _CLINICAL_ROWS
]
_TREATED: Final = table_cue(_TREATED_ROWS)
# Signs that vesicles met cells in a dish, for studies that also worked in animals or people.
_CELL_WORK: Final = _RULES.cue("cell_work")
_IN_VITRO_ASSAYS: Final = frozenset(_RULES.word_list("in_vitro_assays"))
_ASSAYS_OF_BODIES: Final = frozenset(_RULES.word_list("in_vitro_assays_also_of_bodies"))
# Cells given a disease model in a dish, named before or after the cells; tried on the few
# words beside a recipient cell phrase (their pre-checks read from the pattern by the engine).
_ENGINE: Final = Engine()
_TREATED_BEFORE: Final = _ENGINE.gate(_RULES.regex("treated_before"), per_sentence=False)
_TREATED_AFTER: Final = _ENGINE.gate(_RULES.regex("treated_after"), per_sentence=False)
_ENGINE.build()


def _cells_in_culture(doc: Document, recipients: list[CellPhrase]) -> str | None:
    """Why the recipient cells were treated in vitro, not inside the study's animals or
    patients ("synovial macrophages" of OA rats, R62; "the EVs target macrophages" of injured
    tendons, R60; "senescent chondrocytes" of patients, R65; treatment groups named by their
    cells, R01), or None."""
    if _first(doc, _IN_VITRO):
        return "cells in culture [rule in_vitro]"
    if _first(doc, _CELL_WORK):
        return "work on cells [rule cell_work]"
    if doc.of_kind("cell_lines"):
        return "a cell line is named"
    if any(m.label in _IN_VITRO_ASSAYS for m in doc.of_kind("assays")):
        return "an assay of cells in a dish is named"
    for p in recipients:
        text = doc.text_of(p.section)
        if _TREATED_BEFORE.search(text[max(0, p.start - 40) : p.start]):
            return "cells given a disease model in a dish [rule treated_before]"
        if _TREATED_AFTER.match(text[p.end : p.end + 60]):
            return "cells given a disease model in a dish [rule treated_after]"
    # Human cells in a study of rats or mice met the vesicles outside those animals: "EVs
    # strengthened the angiogenic capability of human umbilical vein endothelial cells" beside
    # rat femoral defects (R1020); EVs of senescent human OA chondrocytes passed senescence on
    # to non-senescent chondrocytes beside a mouse model (R662).
    animals = {m.label for m in animal_species(doc)}
    if animals and any(p.species and p.species not in animals for p in recipients):
        return "cells of a species other than the study's animals"
    return None


def _dish_method(doc: Document) -> tuple[Span, str] | None:
    """Where a study with no recipient cells found names a cell line or an assay of cells in
    a dish (CCK-8 or flow cytometry of cells, R126, R382; THP-1 or SW1353 cells, R840, R479):
    its cells were handled in vitro though "in vitro" is never written."""
    source_lines = {p.line for p in analyse(doc).sources}
    for mention in doc.of_kind("cell_lines"):
        if mention.label not in source_lines:
            return mention.span(), "a cell line other than the vesicles' source is named"
    for mention in doc.of_kind("assays"):
        if mention.label in _IN_VITRO_ASSAYS and mention.label not in _ASSAYS_OF_BODIES:
            return mention.span(), "an assay of cells in a dish is named"
    return None


def _cultured(doc: Document) -> tuple[list[CellPhrase], str]:
    """The recipient cells treated in a dish, and why (when the study also worked in animals
    or people): not those of explants ("chondrocytes in cartilage explants" are ex vivo work),
    and none where the study also worked in animals or people and nothing says the cells were
    cultured (they met the vesicles in the body)."""
    cached = doc.cache.get("cultured")
    if isinstance(cached, tuple):
        return cached
    recipients = [p for p in analyse(doc).recipients if not _in_explant_sentence(doc, p)]
    why = ""
    # The setting's own words ("in vitro") come first where the text has them; otherwise the
    # cells or assays the setting is inferred from.
    inside = has_in_vivo(doc) or treats_people(doc)
    if recipients and inside and not _first(doc, _IN_VITRO_WORDS):
        why = _cells_in_culture(doc, recipients) or ""
        if not why:
            recipients = []
    doc.cache["cultured"] = found = (recipients, why)
    return found


def in_culture(doc: Document) -> bool:
    """Whether the study's recipient cells (if any) received the vesicles outside the body:
    schema `recipient_cells` are cells in vitro that received them, never the cells of the
    study's animals or patients (R62's synovial macrophages of OA rats, R65's senescent
    chondrocytes of patients, R82's M1 macrophages of diabetic fractures)."""
    recipients = analyse(doc).recipients
    return all(_in_explant_sentence(doc, p) for p in recipients) or bool(_cultured(doc)[0])


def _first(doc: Document, pattern: Cue) -> Span | None:
    # A sentence is searched in place: its neighbours are spaces, which bound words as the
    # ends of a cut-out sentence would. A section without the cue's needles is passed over.
    possible: dict[str, bool] = {}
    for sentence in doc.sentences:
        section = sentence.section
        if doc.is_background(sentence):
            continue
        if section not in possible:
            possible[section] = pattern.may_occur(
                doc.text_of(section), doc.lowered(section), doc.cue_hits(section)
            )
        if not possible[section]:
            continue
        match = pattern.search(
            doc.text_of(section),
            doc.lowered(section),
            sentence.start,
            sentence.end,
            doc.cue_hits(section),
        )
        if match:
            start = match.start()
            return Span(start, start + len(match.group()), sentence.index, sentence.section)
    return None


def _clinical_span(doc: Document) -> Span | None:
    """Where the study says it treated people (worked out once per Document)."""
    if "clinical" not in doc.cache:
        doc.cache["clinical"] = _first(doc, _CLINICAL)
    found = doc.cache["clinical"]
    return found if isinstance(found, Span) else None


def is_clinical(doc: Document) -> bool:
    """Whether the study itself treated, enrolled or sampled people (a trial, patients'
    synovial fluid)."""
    return not doc.review and _clinical_span(doc) is not None


def clinical_cue(doc: Document) -> tuple[Span, str] | None:
    """Where the study itself says it treated, enrolled or sampled people, and the name of the
    `clinical` or `clinical_samples` row that says so (None in a review or without one)."""
    span = _clinical_span(doc)
    if doc.review or span is None:
        return None
    return span, _clinical_row(doc, span)


def treats_people(doc: Document) -> bool:
    """Whether the study's people could have received the vesicles: treated or enrolled,
    not only sampled (worked out once per Document)."""
    if not is_clinical(doc):
        return False
    if "treats_people" not in doc.cache:
        doc.cache["treats_people"] = _first(doc, _TREATED) is not None
    return doc.cache["treats_people"] is True


def _in_explant_sentence(doc: Document, p: CellPhrase) -> bool:
    sentence = next(s for s in doc.sentences if (s.section, s.index) == (p.section, p.sentence))
    section = sentence.section
    return (
        _EX_VIVO.search(doc.text_of(section), doc.lowered(section), sentence.start, sentence.end)
        is not None
    )


def _title_span(doc: Document) -> Span:
    if doc.title:
        return Span(0, len(doc.title), 0, "title")
    return Span(0, 0, 0, "abstract")


def _clinical_row(doc: Document, span: Span) -> str:
    """The name of the `clinical` row that the cue matched at `span`: the first row that
    matches there, as the cue's alternation tries them."""
    text = doc.text_of(span.section)
    for name, regex in _CLINICAL_ROW_REGEXES:
        if regex.match(text, span.start):
            return name
    raise AssertionError(f"no clinical row matches at {span}")  # the cue is their alternation


def extract(doc: Document) -> Iterator[Finding]:
    cue = doc.review_words if doc.review else None
    if cue is not None:
        # (imported here, as biology imports is_clinical: discourse's cues are made where the
        # pipeline imports it, among the other modules' cues in the order CueHits knows them)
        from exobone.extract.discourse import review_row

        text = doc.text_of(cue.section)
        said = text[cue.start : cue.end]
        reason = f"review cue '{said}' [rule {review_row(text, cue)}]"
        yield Finding("study_type", "review", cue, reason)
        return
    yield Finding("study_type", "primary", _title_span(doc), "no review cue: primary by default")
    explant = _first(doc, _EX_VIVO)
    recipients, why = _cultured(doc)
    words = _first(doc, _IN_VITRO_WORDS)
    if recipients:
        p = recipients[0]
        cells_span = Span(p.start, p.end, p.sentence, p.section, "cells that received vesicles")
        yield Finding(
            "settings",
            "in_vitro",
            words or cells_span,
            "in-vitro words [rule in_vitro_words]" if words else why,
        )
    else:
        span = words or (None if explant else _first(doc, _IN_VITRO))
        if span:
            yield Finding(
                "settings",
                "in_vitro",
                span,
                "in-vitro words [rule in_vitro_words]" if words else "in-vitro cue [rule in_vitro]",
            )
        elif not explant and (dish := _dish_method(doc)):
            yield Finding("settings", "in_vitro", *dish)
    if has_in_vivo(doc):
        animals = animal_species(doc)
        span = _first(doc, _IN_VIVO)
        reason = "in-vivo cue [rule in_vivo]"
        if span is None and animals:
            span = animals[0].span()._replace(inferred="animals of the study")
            reason = ""
        if span is None:
            reason = "in-vivo work found (animals or an animal model); the title stands for it"
        yield Finding("settings", "in_vivo", span or _title_span(doc), reason)
    if explant:
        yield Finding("settings", "ex_vivo", explant, "ex-vivo cue [rule ex_vivo]")
    clinical = _clinical_span(doc)
    if clinical:
        rule = _clinical_row(doc, clinical)
        yield Finding("settings", "clinical", clinical, f"clinical cue [rule {rule}]")
