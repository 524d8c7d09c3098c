"""Checks on curated values: a set field of the schema, and a label the schema allows.

Fields whose labels are a closed list in the lexicon (`data/vocab.yaml`) accept only those
labels; open fields (genes, doses, compound sources) accept any short printable text.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from importlib.resources import files

import yaml

from exobone.errors import ExoboneError
from exobone.model import SET_FIELDS

MAX_LENGTH = 200
# Schema fields whose labels are exactly one section of vocab.yaml.
CLOSED_SECTIONS: dict[str, str] = {
    "vesicle_types": "vesicle_types",
    "species": "species",
    "preconditioning": "preconditioning",
    "conditions": "conditions",
    "delivery_routes": "delivery_routes",
    "biomaterials": "biomaterials",
    "isolation_methods": "isolation_methods",
    "characterization_methods": "characterization_methods",
    "assays": "assays",
}
SETTINGS = ("in_vitro", "in_vivo", "ex_vivo", "clinical")


class LabelError(ExoboneError):
    """A curated field or value the schema does not allow."""


@lru_cache(maxsize=1)
def closed_labels() -> dict[str, frozenset[str]]:
    """Allowed labels per closed field, read once from the packaged vocabulary."""
    text = (files("exobone") / "data" / "vocab.yaml").read_text(encoding="utf-8")
    vocab = yaml.safe_load(text) or {}
    labels = {
        name: frozenset(str(label) for label in (vocab.get(section) or {}))
        for name, section in CLOSED_SECTIONS.items()
    }
    labels["settings"] = frozenset(SETTINGS)
    return labels


def check_value(field: str, value: str) -> str:
    """The value, trimmed, if `field` may hold it; LabelError saying why not otherwise."""
    if field not in SET_FIELDS:
        raise LabelError(f"unknown field {field!r}; curate one of: {', '.join(SET_FIELDS)}")
    clean = " ".join(value.split())
    if not clean:
        raise LabelError(f"{field}: the value is empty")
    if len(clean) > MAX_LENGTH:
        raise LabelError(f"{field}: the value is longer than {MAX_LENGTH} characters")
    if any(unicodedata.category(char).startswith("C") for char in clean):
        raise LabelError(f"{field}: the value holds control characters")
    if field == "durations_days" and not clean.isdigit():
        raise LabelError(f"durations_days: {clean!r} is not a whole number of days")
    allowed = closed_labels().get(field)
    if allowed and clean not in allowed:
        shown = ", ".join(sorted(allowed)[:25])
        raise LabelError(f"{field}: {clean!r} is not a label of the vocabulary ({shown}, ...)")
    return clean
