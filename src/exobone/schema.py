"""The extraction schema as data: every field once, with what its values may be.

`docs/schema.md` explains the fields to readers; this module is what the code reads. The
model, the store, the web app, the analyses, the scorer and the tests take their field
lists, label checks and directions from here, so a field is added in one place.

A value is one label, or several parts joined by `|` (`ev_sources` is `cell|origin|species`);
each part takes the labels of one section of `data/vocab.yaml`, a fixed list, or (an open
part) any text. `vocabulary()` is the one reader of `vocab.yaml`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

from exobone.errors import UnknownFieldError

SEPARATOR = "|"
# How a value is written: a label (or compound of labels), free text such as a gene symbol
# or cell-line name, a dose `VALUE UNIT`, or a whole number of days.
Kind = Literal["label", "name", "dose", "days"]
DOSE_UNITS: tuple[str, ...] = ("ug", "ug/mL", "ug/kg", "mg/kg", "particles", "particles/mL")
# Bibliographic fields of the `record` object of the extract output, in output order.
CITATION_FIELDS: tuple[str, ...] = (
    "authors",
    "year",
    "title",
    "journal",
    "volume",
    "issue",
    "pages",
    "doi",
    "pmid",
)


@dataclass(frozen=True, slots=True)
class Part:
    """One `|`-separated part of a value: labels from a vocabulary `section`, a fixed list of
    `labels`, or (neither) any text."""

    name: str
    section: str | None = None
    labels: tuple[str, ...] = ()

    @property
    def closed(self) -> bool:
        return bool(self.section or self.labels)

    def allowed(self) -> frozenset[str]:
        """The labels this part accepts (empty for an open part)."""
        if self.labels:
            return frozenset(self.labels)
        if self.section:
            return frozenset(str(label) for label in vocabulary().get(self.section) or {})
        return frozenset()


@dataclass(frozen=True, slots=True)
class Field:
    """One annotation field: `single` (one value, e.g. study_type) or a set of values.

    `directions` (word, sign) are the words the last part of a directed field may take:
    `outcomes` is `phenotype|increase`, the sign +1 of "increase" is what analyses add up.
    """

    name: str
    kind: Kind
    parts: tuple[Part, ...]
    counts: str
    single: bool = False
    directions: tuple[tuple[str, int], ...] = ()
    default: str | None = None

    @property
    def compound(self) -> bool:
        return len(self.parts) > 1

    @property
    def form(self) -> str:
        """How a value is written, e.g. `cell|origin|species`."""
        return SEPARATOR.join(part.name for part in self.parts)

    def empty(self) -> Any:
        """The value of this field in a study that says nothing about it."""
        return self.default if self.single else []

    def direction_words(self) -> dict[int, str]:
        """sign -> word of a directed field (+1 -> "increase" for `outcomes`)."""
        return {sign: word for word, sign in self.directions}


def _label(name: str, section: str, counts: str, **options: Any) -> Field:
    """A field whose value is one label of one vocabulary section."""
    return Field(name, "label", (Part("label", section),), counts, **options)


def _directed(
    name: str, kind: Kind, target: Part, directions: tuple[tuple[str, int], ...], counts: str
) -> Field:
    """A `target|direction` field; the direction part takes the direction words."""
    words = tuple(word for word, _ in directions)
    parts = (target, Part("direction", labels=words))
    return Field(name, kind, parts, counts, directions=directions)


_SPECIES = Part("species", "species")
_CELL = (Part("cell", "cell_types"), Part("origin", "origins"), _SPECIES)
_OUTCOME_DIRECTIONS = (("increase", 1), ("decrease", -1), ("no_change", 0))
_MOLECULAR_DIRECTIONS = (("up", 1), ("down", -1))

# One row per field, in schema order (the order of the extract output and of every table).
FIELDS: tuple[Field, ...] = (
    Field("study_type", "label", (Part("label", labels=("primary", "review")),),
          "review: the abstract reviews literature and reports no experiment of its own",
          single=True, default="primary"),
    Field("settings", "label",
          (Part("label", labels=("in_vitro", "in_vivo", "ex_vivo", "clinical")),),
          "kinds of experiment the study itself ran (reviews: empty)"),
    _label("vesicle_types", "vesicle_types", "the preparations tested or studied, controls too"),
    Field("ev_sources", "label", _CELL, "the cells the vesicles or secretome came from"),
    _label("preconditioning", "preconditioning", "how the source cells were treated before"),
    Field("recipient_cells", "label", _CELL, "cells in vitro that received the vesicles"),
    Field("cell_lines", "name", (Part("name"),), "named lines, source or recipient (`MC3T3-E1`)"),
    _label("conditions", "conditions", "the disease or injury the study models or targets"),
    Field("animal_models", "label", (_SPECIES, Part("model", "animal_models")),
          "each in vivo model"),
    _label("species", "species", "every organism that cells, vesicles or animals came from"),
    _label("delivery_routes", "delivery_routes", "how the vesicles reached the animal"),
    _label("biomaterials", "biomaterials", "scaffolds, hydrogels, coatings that carried them"),
    Field("doses", "dose", (Part("VALUE UNIT"),),
          f"the amount of vesicles given; units {', '.join(DOSE_UNITS)}"),
    Field("durations_days", "days", (Part("days"),),
          "every stated experimental period in whole days (weeks x 7, hours / 24, at least 1)"),
    _label("isolation_methods", "isolation_methods", "how vesicles were separated"),
    _label("characterization_methods", "characterization_methods",
           "how vesicles were characterised"),
    Field("ev_markers", "name", (Part("symbol"),), "proteins shown on or in the vesicles (HGNC)"),
    Field("ev_cargo", "name", (Part("molecule"),),
          "molecules carried by the vesicles: HGNC symbol, `miR-N`, lncRNA name"),
    _label("assays", "assays", "methods used to measure outcomes (not EV characterization)"),
    _directed("outcomes", "label", Part("phenotype", "outcomes"), _OUTCOME_DIRECTIONS,
              "effect of the vesicle treatment on a phenotype"),
    _directed("molecular_effects", "name", Part("target"), _MOLECULAR_DIRECTIONS,
              "effect of the vesicles on a gene, RNA, pathway or metabolite in the recipient"),
)  # fmt: skip
BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}
# Field names in schema order: every field, and the set-valued ones (all but study_type).
ANNOTATION_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS)
SET_FIELDS: tuple[str, ...] = tuple(f.name for f in FIELDS if not f.single)
# Fields whose values are whole numbers in a Study (text in the store and in filters).
INTEGER_FIELDS: frozenset[str] = frozenset(f.name for f in FIELDS if f.kind == "days")
# Every direction word of every directed field with its sign.
DIRECTION_SIGNS: dict[str, int] = {w: s for f in FIELDS for w, s in f.directions}


def field(name: str, valid: Sequence[str] = ANNOTATION_FIELDS) -> Field:
    """The field called `name`; UnknownFieldError (listing `valid`) when it is not one."""
    if name not in valid or name not in BY_NAME:
        raise UnknownFieldError(name, valid)
    return BY_NAME[name]


def check_field(name: str, valid: Sequence[str] = ANNOTATION_FIELDS) -> str:
    """`name` if it is a field among `valid`, else UnknownFieldError listing them."""
    return field(name, valid).name


# libyaml's loader when PyYAML was built with it (several times faster than the pure-Python one).
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_data(name: str) -> dict[str, Any]:
    """A YAML file of the package's `data/` folder (an empty dict if it holds no mapping)."""
    text = resources.files("exobone.data").joinpath(name).read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_YAML_LOADER)
    return data if isinstance(data, dict) else {}


@cache
def vocabulary() -> dict[str, Any]:
    """`data/vocab.yaml`, read once: section -> {label: synonyms or details}. Do not modify."""
    return read_data("vocab.yaml")
