"""EV-reporting score: how much of what MISEV asks for an abstract says was done.

Modelled on the MISEV guidelines and the EV-METRIC idea (a checklist of reported items,
summed into a fraction). Only the extracted annotations and the abstract text are used, so
the score measures what the abstract *reports*: a paper can have done more than its
abstract says, and a low score is a prompt to read the full text, not a verdict.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pandas as pd

from exobone.analysis.frame import SentenceIndex, StudyText, field_values
from exobone.model import Study

SINGLE_VESICLE_METHODS = frozenset({"TEM", "cryo_EM", "NTA", "TRPS", "DLS", "AFM"})
# MISEV category 1: transmembrane or GPI-anchored proteins of EVs.
TRANSMEMBRANE_MARKERS = frozenset(
    {
        "CD9",
        "CD63",
        "CD81",
        "CD82",
        "CD37",
        "CD53",
        "LAMP1",
        "LAMP2",
        "TFRC",
        "HLA-A",
        "HLA-B",
        "HLA-C",
    }
)
TRANSMEMBRANE_PREFIXES = ("ITGA", "ITGB", "TSPAN")
# MISEV category 2: cytosolic proteins recovered in EVs.
CYTOSOLIC_MARKERS = frozenset(
    {
        "TSG101",
        "PDCD6IP",
        "SDCBP",
        "FLOT1",
        "FLOT2",
        "CAV1",
        "HSPA8",
        "HSP90AA1",
        "HSP90AB1",
        "ANXA1",
        "ANXA2",
        "ANXA5",
    }
)
# Proteins of other compartments or co-isolated material, used to show purity.
NEGATIVE_MARKERS = frozenset(
    {
        "CANX",
        "CALR",
        "HSPA5",
        "GOLGA2",
        "CYCS",
        "TOMM20",
        "APOA1",
        "APOB",
        "ALB",
        "LMNA",
        "HIST1H3A",
    }
)

# A size in nanometres: "30-150 nm", "~100 nm", "120 ± 20 nm", "40 to 100 nanometers".
_NUMBER = r"\d+(?:\.\d+)?"
SIZE_PATTERN = re.compile(
    rf"(?:[~≈<>]\s*)?{_NUMBER}(?:\s*(?:-|–|to|±|\+/-)\s*{_NUMBER})?\s*(?:nm|nanomet(?:er|re)s?)\b",
    re.IGNORECASE,
)
# Optical readouts, not vesicle sizes.
_NOT_SIZE = re.compile(
    r"(absorbance|wavelength|optical density|\bOD\b|excitation|emission|"
    r"laser|read at|measured at)[^.]{0,25}$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Criterion:
    name: str
    question: str


CRITERIA: tuple[Criterion, ...] = (
    Criterion("separation_method", "Is the EV separation method named?"),
    Criterion(
        "single_vesicle", "Single-vesicle characterisation (TEM, cryo-EM, NTA, TRPS, DLS or AFM)?"
    ),
    Criterion("transmembrane_marker", "A transmembrane EV marker (CD9, CD63, CD81, ...)?"),
    Criterion("cytosolic_marker", "A cytosolic EV marker (TSG101, ALIX/PDCD6IP, HSP70/90, ...)?"),
    Criterion("negative_marker", "A purity / negative marker (calnexin, GM130, APOA1, ...)?"),
    Criterion("dose_stated", "Is the dose of vesicles stated?"),
    Criterion("size_stated", "Is a vesicle size in nm stated?"),
)
CRITERION_NAMES: tuple[str, ...] = tuple(c.name for c in CRITERIA)


def _is_transmembrane(symbol: str) -> bool:
    return symbol in TRANSMEMBRANE_MARKERS or symbol.startswith(TRANSMEMBRANE_PREFIXES)


def _is_cytosolic(symbol: str) -> bool:
    heat_shock = symbol.startswith("HSP") and symbol != "HSPA5"
    return symbol in CYTOSOLIC_MARKERS or heat_shock


def size_mentions(text: str) -> list[tuple[int, int, str]]:
    """Sizes in nm stated in `text`, as (start, end, sentence); optical readouts excluded."""
    index = SentenceIndex(text)
    found = []
    for match in SIZE_PATTERN.finditer(text):
        if _NOT_SIZE.search(text[max(0, match.start() - 40) : match.start()]):
            continue
        found.append((match.start(), match.end(), index.around(match.start(), match.end())))
    return found


def _field_check(name: str, keep: Callable[[str], bool]) -> Callable[[Study, StudyText], list[str]]:
    """A criterion met by values of one field; evidence is "value: sentence" per value."""

    def check(study: Study, text: StudyText) -> list[str]:
        evidence = []
        for value in field_values(study, name):
            if keep(value):
                sentences = text.sentences(name, value)
                evidence.append(f"{value}: {sentences[0]}" if sentences else value)
        return evidence

    return check


def _size_check(study: Study, text: StudyText) -> list[str]:
    evidence = []
    for section in (study.record.title, study.record.abstract):
        evidence += [f"{section[a:b]}: {sentence}" for a, b, sentence in size_mentions(section)]
    return evidence


CHECKS: dict[str, Callable[[Study, StudyText], list[str]]] = {
    "separation_method": _field_check("isolation_methods", lambda v: True),
    "single_vesicle": _field_check(
        "characterization_methods", lambda v: v in SINGLE_VESICLE_METHODS
    ),
    "transmembrane_marker": _field_check("ev_markers", _is_transmembrane),
    "cytosolic_marker": _field_check("ev_markers", _is_cytosolic),
    "negative_marker": _field_check("ev_markers", lambda v: v in NEGATIVE_MARKERS),
    "dose_stated": _field_check("doses", lambda v: True),
    "size_stated": _size_check,
}


@dataclass(frozen=True, slots=True)
class ReportingScore:
    """Per criterion: met or not, and the evidence ("value: sentence") that met it."""

    study_id: str
    study_type: str
    evidence: dict[str, list[str]]

    @property
    def met(self) -> dict[str, bool]:
        return {name: bool(self.evidence[name]) for name in CRITERION_NAMES}

    @property
    def n_met(self) -> int:
        return sum(self.met.values())

    @property
    def score(self) -> float:
        return self.n_met / len(CRITERIA)


def score_study(study: Study) -> ReportingScore:
    text = StudyText(study)
    evidence = {name: CHECKS[name](study, text) for name in CRITERION_NAMES}
    return ReportingScore(study.id, str(study.annotations.get("study_type", "primary")), evidence)


def quality_frame(studies: Iterable[Study], include_reviews: bool = False) -> pd.DataFrame:
    """One row per study: each criterion (bool), n_met, score (fraction of the 7 criteria)
    and `<criterion>_evidence` columns. Reviews report no experiment of their own, so they
    are left out unless `include_reviews`."""
    rows = []
    for study in studies:
        result = score_study(study)
        if result.study_type == "review" and not include_reviews:
            continue
        row: dict[str, object] = {"study_id": result.study_id, "study_type": result.study_type}
        row.update(result.met)
        row["n_met"] = result.n_met
        row["score"] = round(result.score, 4)
        for name in CRITERION_NAMES:
            row[f"{name}_evidence"] = "\n".join(result.evidence[name])
        rows.append(row)
    columns = [
        "study_id",
        "study_type",
        *CRITERION_NAMES,
        "n_met",
        "score",
        *(f"{name}_evidence" for name in CRITERION_NAMES),
    ]
    return pd.DataFrame(rows, columns=columns)


def criteria_summary(frame: pd.DataFrame) -> pd.DataFrame:
    """How many scored studies meet each criterion, and the share."""
    n = len(frame)
    met = [int(frame[name].sum()) if n else 0 for name in CRITERION_NAMES]
    return pd.DataFrame(
        {
            "criterion": list(CRITERION_NAMES),
            "question": [c.question for c in CRITERIA],
            "studies_met": met,
            "share": [round(m / n, 4) if n else 0.0 for m in met],
        }
    )
