"""What kind of study: study_type (primary or review) and settings (in vitro, in vivo, ...)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from exobone.extract.biology import animal_species, has_in_vivo
from exobone.extract.cell_phrases import CellPhrase
from exobone.extract.cells import analyse
from exobone.extract.cues import Cue
from exobone.extract.document import Document, Finding
from exobone.model import Span

_IN_VITRO = Cue(
    r"\bin vitro\b|\b(?:co-?)?cultured\b|\bco-?cultures?\b|\bcell cultures?\b|\bin culture\b"
)
_IN_VITRO_WORDS = Cue(r"\bin vitro\b")
_IN_VIVO = Cue(r"\bin vivo\b")
_EX_VIVO = Cue(r"\bex vivo\b|\bexplants?\b")
_CLINICAL = Cue(
    r"\b(?:clinical trial"
    r"|(?:pilot|phase [i1-3]+|randomi[sz]ed|controlled|open-label) (?:\w+ )?trial"
    r"|patients (?:were|received|underwent) (?:treated|randomi[sz]ed|injected)?"
    r"|patients (?:treated|receiving|who received|given|injected)"
    r"|patients with (?:[\w-]+ ){1,4}(?:received|were treated|were injected)"
    r"|randomi[sz]ed controlled|participants|were enrolled|enrolled patients|cohort"
    # an approved pilot or a case series of people ("veterans were treated with")
    r"|irb[- ]approved|case series|case reports?"
    # samples the study took from people ("tissue from patients with tendinopathy", R85;
    # "bone tissue of patients with NONFH", R87; "elderly women with fractures", R18)
    r"|(?:tissues?|samples?|specimens?|sera|serum|plasma|biopsies) (?:\w+ ){0,2}(?:from|of)"
    r" (?:\w+ ){0,1}patients"
    r"|(?:elderly|older|postmenopausal) (?:women|men) with"
    # vesicles or their cargo measured in patients against healthy people ("higher in
    # osteoporosis patients than in healthy controls", R169, doi:10.1186/s13287-021-02214-y;
    # "higher in periodontitis patients than in healthy/gingivitis subjects", R170,
    # doi:10.1111/odi.13338)
    r"|(?:than|compared (?:with|to)|versus|vs\.?) (?:(?:in|with|to) )?(?:the )?(?:[\w-]+ )?"
    r"healthy(?:/[\w-]+)? (?:controls?|subjects|individuals|volunteers|people|participants)"
    r"|(?:veterans|volunteers|subjects|individuals|men|women) (?:were treated|received"
    r"|were injected|were given))\b",
)


# Signs that vesicles met cells in a dish, for studies that also worked in animals or people:
# cell-level processes, co-culture, a named line, an in-vitro assay.
_CELL_WORK = Cue(
    r"\b(?:prolifer\w*|migrat\w*|differentiat\w*|viabilit\w*|co-?cultur\w*|incubat\w*"
    r"|cell lines?|supernatants?)\b"
)
_IN_VITRO_ASSAYS = frozenset(
    {"cell_viability", "cell_counting", "scratch_assay", "transwell_migration", "tube_formation",
     "alizarin_red", "ALP_assay", "uptake_assay", "flow_cytometry", "apoptosis_assay",
     "luciferase_reporter", "immunocytochemistry", "senescence_assay", "von_kossa"}
)  # fmt: skip
# "LPS-treated NPCs", "IL-1beta-induced chondrocytes": cells given a disease model in a dish.
_TREATED_BEFORE = re.compile(r"-(?:treated|induced|stimulated|exposed)\s+(?:[\w-]+\s+)?$", re.I)
# ... or the model written after the cells: "the apoptosis of nucleus pulposus cells induced
# by IL-1beta" (R194, PMID 35753124), "NP cells with oxidative damage induced by H2O2" (R195,
# PMC9758573), in studies that also worked in animals and never write "in vitro".
_TREATED_AFTER = re.compile(
    r"\s*(?:\([^()]{1,20}\)\s*)?(?:with\s+(?:[\w-]+\s+){1,2})?"
    r"(?:induced|treated|stimulated|exposed|challenged)\s+(?:by|with|to)\s",
    re.I,
)


def _cells_in_culture(doc: Document, recipients: list[CellPhrase]) -> bool:
    """Whether the recipient cells were treated in vitro, not inside the study's animals or
    patients ("synovial macrophages" of OA rats, R62; "the EVs target macrophages" of injured
    tendons, R60; "senescent chondrocytes" of patients, R65; treatment groups named by their
    cells, R01)."""
    if _first(doc, _IN_VITRO) or _first(doc, _CELL_WORK):
        return True
    if doc.of_kind("cell_lines") or any(
        m.label in _IN_VITRO_ASSAYS for m in doc.of_kind("assays")
    ):
        return True
    return any(
        _TREATED_BEFORE.search(doc.text_of(p.section), max(0, p.start - 40), p.start)
        or _TREATED_AFTER.match(doc.text_of(p.section), p.end, p.end + 60)
        for p in recipients
    )


def _cultured(doc: Document) -> list[CellPhrase]:
    """The recipient cells treated in a dish: not those of explants ("chondrocytes in
    cartilage explants" are ex vivo work), and none where the study also worked in animals or
    people and nothing says the cells were cultured (they met the vesicles in the body)."""
    cached = doc.cache.get("cultured")
    if isinstance(cached, list):
        return cached
    recipients = [p for p in analyse(doc).recipients if not _in_explant_sentence(doc, p)]
    # The setting's own words ("in vitro") come first where the text has them; otherwise the
    # cells or assays the setting is inferred from.
    inside = has_in_vivo(doc) or is_clinical(doc)
    if (
        recipients
        and inside
        and not _first(doc, _IN_VITRO_WORDS)
        and not _cells_in_culture(doc, recipients)
    ):
        recipients = []
    doc.cache["cultured"] = recipients
    return recipients


def in_culture(doc: Document) -> bool:
    """Whether the study's recipient cells (if any) received the vesicles outside the body:
    schema `recipient_cells` are cells in vitro that received them, never the cells of the
    study's animals or patients (R62's synovial macrophages of OA rats, R65's senescent
    chondrocytes of patients, R82's M1 macrophages of diabetic fractures)."""
    recipients = analyse(doc).recipients
    return all(_in_explant_sentence(doc, p) for p in recipients) or bool(_cultured(doc))


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
    """Whether the study itself treated people (a trial, enrolled patients)."""
    return not doc.review and _clinical_span(doc) is not None


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


def extract(doc: Document) -> Iterator[Finding]:
    cue = doc.review_words if doc.review else None
    if cue is not None:
        said = doc.text_of(cue.section)[cue.start : cue.end]
        yield Finding("study_type", "review", cue, f"review cue '{said}'")
        return
    yield Finding("study_type", "primary", _title_span(doc), "no review cue: primary by default")
    explant = _first(doc, _EX_VIVO)
    recipients = _cultured(doc)
    words = _first(doc, _IN_VITRO_WORDS)
    if recipients:
        p = recipients[0]
        cells_span = Span(p.start, p.end, p.sentence, p.section, "cells that received vesicles")
        yield Finding(
            "settings", "in_vitro", words or cells_span, "in-vitro words" if words else ""
        )
    else:
        span = words or (None if explant else _first(doc, _IN_VITRO))
        if span:
            yield Finding(
                "settings", "in_vitro", span, "in-vitro words" if words else "in-vitro cue"
            )
    if has_in_vivo(doc):
        animals = animal_species(doc)
        span = _first(doc, _IN_VIVO)
        reason = "in-vivo cue"
        if span is None and animals:
            span = animals[0].span()._replace(inferred="animals of the study")
            reason = ""
        if span is None:
            reason = "in-vivo work found (animals or an animal model); the title stands for it"
        yield Finding("settings", "in_vivo", span or _title_span(doc), reason)
    for label, span in (("ex_vivo", explant), ("clinical", _clinical_span(doc))):
        if span:
            yield Finding("settings", label, span, f"{label.replace('_', '-')} cue")
