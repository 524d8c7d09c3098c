"""The extraction sheet: one row per study with the fields a meta-analyst copies into a
data-extraction form (who, what model, which vesicles, how much, how given, on what
scaffold, for what condition, with what result).

The report shows it with each value's evidence sentence; `exobone export --format sheet`
writes it as CSV.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from exobone.analysis.frame import field_values
from exobone.model import Study

# Sheet column -> schema field (docs/schema.md), in the order of a typical extraction form.
SHEET_FIELDS: dict[str, str] = {
    "study_type": "study_type",
    "settings": "settings",
    "species": "species",
    "model": "animal_models",
    "ev_source": "ev_sources",
    "vesicle_type": "vesicle_types",
    "isolation": "isolation_methods",
    "dose": "doses",
    "route": "delivery_routes",
    "scaffold": "biomaterials",
    "duration_days": "durations_days",
    "condition": "conditions",
    "outcomes": "outcomes",
}
CITATION_COLUMNS = ("id", "first_author", "year", "title", "journal", "doi", "pmid")
SHEET_COLUMNS: tuple[str, ...] = (*CITATION_COLUMNS, *SHEET_FIELDS)


def sheet_row(study: Study) -> dict[str, object]:
    """One study's sheet row; set fields joined with "; " in sorted order."""
    record = study.record
    row: dict[str, object] = {
        "id": study.id,
        "first_author": record.first_author or "",
        "year": record.year,
        "title": record.printed_title,
        "journal": record.journal or "",
        "doi": record.doi or "",
        "pmid": record.pmid or "",
    }
    for column, name in SHEET_FIELDS.items():
        row[column] = "; ".join(field_values(study, name))
    return row


def sheet_frame(studies: Iterable[Study]) -> pd.DataFrame:
    """The extraction sheet of `studies` (`SHEET_COLUMNS`), in their order."""
    frame = pd.DataFrame([sheet_row(study) for study in studies], columns=list(SHEET_COLUMNS))
    frame["year"] = frame["year"].astype("Int64")
    return frame
