"""Checks every hand-written gold corpus must pass before it can serve as a yardstick.

The dev, holdout and sealed corpora share one schema and one lexicon, so their gold is judged by
one validator; each test file names its corpus (`Corpus`) and runs `SHARED_CHECKS` on it, keeping
only what is specific to that corpus. Nothing here scores the extractor.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from exobone.ingest import read_records
from exobone.model import ANNOTATION_FIELDS, SET_FIELDS, Record
from exobone.schema import BY_NAME, DOSE_UNITS, FIELDS, vocabulary
from shared_files import SHARED, require_shared

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
SEED_GOLD = SHARED / "gold" / "seed_gold.jsonl"

KEYS = ["id", "first_author", "year", "title", "journal", "volume", "issue", "pages"]
KEYS += ANNOTATION_FIELDS
GENE = re.compile(r"^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$")
# A miRNA is `miR-N` or, for the let-7 family, `let-7x` (docs/schema.md, miRNAs).
MIRNA = re.compile(r"^(miR-\d+[a-z]?(-\d+)?|let-7[a-z]?)(-[35]p)?$")
DOSE = re.compile(r"^\d+(\.\d+)?(e\d+)? (" + "|".join(map(re.escape, DOSE_UNITS)) + ")$")
CELL_LINE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-]*$")
# A citation start: "Surname, A. B., et al. (2021). \"" or "Surname, A. and B. Other (2021). \"".
CITATION = re.compile(
    r"^(?P<surname>[A-Z][A-Za-z'\-]+), [A-Z]\.(?: [A-Z]\.)*"
    r"(?:, et al\.| and [A-Z]\.(?: [A-Z]\.)* [A-Z][A-Za-z'\-]+)? \((?P<year>\d{4})\)\. \"",
    re.MULTILINE,
)
SETTINGS = BY_NAME["settings"].parts[0].allowed()
OUTCOME_DIRECTIONS = set(BY_NAME["outcomes"].direction_words().values())
EFFECT_DIRECTIONS = set(BY_NAME["molecular_effects"].direction_words().values())
REVIEW_EMPTY = ("settings", "doses", "durations_days", "assays")
# Set fields whose value is one label of one vocabulary section.
SIMPLE_FIELDS = tuple(
    f.name for f in FIELDS if not f.single and not f.compound and f.parts[0].section
)


@dataclass(frozen=True)
class Corpus:
    """One gold corpus: `tests/data/<folder>/<name>_bibliography.txt` and `<name>_gold.jsonl`.

    `rna` are the extra non-coding RNA name shapes this corpus's annotation guide accepts as
    cargo or molecular targets; `cell_line` is its cell-line name shape. `retired` are ids
    withdrawn from the corpus; their numbers are not reused, so that notes and reports citing
    an id keep meaning one record. `reserved` are ids kept for records that another helper,
    working at the same time under its own id range, has not landed yet: while absent they
    may leave a gap; once present they count like any other.
    """

    folder: str
    name: str
    prefix: str
    size: int
    reviews: int
    rna: tuple[re.Pattern[str], ...] = ()
    cell_line: re.Pattern[str] = CELL_LINE
    retired: frozenset[str] = frozenset()
    reserved: frozenset[str] = frozenset()

    @property
    def path(self) -> Path:
        return DATA / self.folder

    @property
    def bibliography(self) -> Path:
        return self.path / f"{self.name}_bibliography.txt"

    @cached_property
    def gold(self) -> list[dict[str, Any]]:
        lines = (self.path / f"{self.name}_gold.jsonl").read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()]

    @cached_property
    def records(self) -> list[Record]:
        items = list(read_records(self.bibliography))
        problems = [item for item in items if not isinstance(item, Record)]
        assert not problems, problems
        return [item for item in items if isinstance(item, Record)]

    @cached_property
    def vocab(self) -> dict[str, set[str]]:
        return {
            category: set(labels)
            for category, labels in vocabulary().items()
            if category != "gene_aliases"
        }

    def is_molecule(self, value: str) -> bool:
        """An HGNC-shaped symbol (genes, lncRNAs such as MALAT1), a miRNA or an accepted RNA."""
        return any(shape.match(value) for shape in (GENE, MIRNA, *self.rna))


def compound_ok(value: str, *categories: set[str], required: int | None = 0) -> bool:
    """`a|b|c` with one label (or nothing) per part; part `required` may not be empty (with
    None, any one part may carry the value: `mouse|` and `|calvarial_defect` are models)."""
    parts = value.split("|")
    filled = any(parts) if required is None else parts[required] != ""
    if len(parts) != len(categories) or not filled:
        return False
    return all(part == "" or part in labels for part, labels in zip(parts, categories, strict=True))


def directed_ok(value: str, target_ok: Callable[[str], bool], directions: set[str]) -> bool:
    target, _, direction = value.rpartition("|")
    return bool(target) and direction in directions and target_ok(target)


def invalid_values(row: dict[str, Any], corpus: Corpus) -> list[str]:
    """Every value of the row that is not a valid label or form, as 'field: value'."""
    vocab = corpus.vocab
    cell = (vocab["cell_types"], vocab["origins"], vocab["species"])
    named = vocab["pathways"] | vocab["metabolites"]
    checks: dict[str, Callable[[Any], bool]] = {
        name: vocab[name].__contains__ for name in SIMPLE_FIELDS
    }
    checks.update(
        {
            "settings": SETTINGS.__contains__,
            "ev_sources": lambda v: compound_ok(v, *cell),
            "recipient_cells": lambda v: compound_ok(v, *cell),
            "animal_models": lambda v: compound_ok(
                v, vocab["species"], vocab["animal_models"], required=None
            ),
            "cell_lines": lambda v: bool(corpus.cell_line.match(v)),
            "doses": lambda v: bool(DOSE.match(v)),
            "durations_days": lambda v: type(v) is int and v > 0,
            "ev_markers": lambda v: bool(GENE.match(v)),
            "ev_cargo": corpus.is_molecule,
            "outcomes": lambda v: directed_ok(
                v, vocab["outcomes"].__contains__, OUTCOME_DIRECTIONS
            ),
            "molecular_effects": lambda v: directed_ok(
                v, lambda t: t in named or corpus.is_molecule(t), EFFECT_DIRECTIONS
            ),
        }
    )
    bad = []
    if row.get("study_type") not in {"primary", "review"}:
        bad.append(f"study_type: {row.get('study_type')!r}")
    for name in SET_FIELDS:
        values = row.get(name)
        if not isinstance(values, list):
            bad.append(f"{name}: not a list")
            continue
        bad += [f"{name}: {value!r}" for value in values if not checks[name](value)]
        if len(set(map(str, values))) != len(values):
            bad.append(f"{name}: repeated values")
    if row.get("study_type") == "review":
        bad += [f"{name}: review must be empty" for name in REVIEW_EMPTY if row.get(name)]
    return bad


def check_keys(corpus: Corpus) -> None:
    """Every row has the seed gold's keys in the seed gold's order."""
    assert [list(row) for row in corpus.gold] == [KEYS] * len(corpus.gold)


def check_keys_match_the_seed_gold(corpus: Corpus) -> None:
    require_shared(SEED_GOLD)
    first = SEED_GOLD.read_text(encoding="utf-8").splitlines()[0]
    assert list(json.loads(first)) == KEYS


def check_ids(corpus: Corpus) -> None:
    ids = [row["id"] for row in corpus.gold]
    gaps = corpus.retired | (corpus.reserved - set(ids))
    numbered = (f"{corpus.prefix}{n:02d}" for n in range(1, corpus.size + len(gaps) + 1))
    assert ids == [id_ for id_ in numbered if id_ not in gaps]
    assert len(set(ids)) == len(ids) == corpus.size


def check_values(corpus: Corpus) -> None:
    """Labels, shapes, lists without repeats, empty review fields; primaries ran something."""
    problems = {row["id"]: invalid_values(row, corpus) for row in corpus.gold}
    assert {key: value for key, value in problems.items() if value} == {}
    unset = [row["id"] for row in corpus.gold
             if row["study_type"] == "primary" and not row["settings"]]
    assert unset == [], "a primary study ran some experiment"


def check_validator_rejects_bad_values(corpus: Corpus) -> None:
    empty: dict[str, Any] = {"study_type": "primary", **{name: [] for name in SET_FIELDS}}
    labels = dict(
        empty,
        species=["rats"],
        ev_sources=["MSC|marrow|rat"],
        doses=["100 mug"],
        outcomes=["bone_regeneration|up"],
        molecular_effects=["Runx2|up"],
        durations_days=["14"],
    )
    assert len(invalid_values(labels, corpus)) == 6
    shapes = dict(
        empty,
        ev_sources=["MSC|bone marrow|mouse", "|bone_marrow|"],
        animal_models=["mouse|OVX", "|", "mouse|"],
        doses=["5 x 10^9 particles/mL", "30 μg"],
        durations_days=[0, "14", True],
        ev_cargo=["hsa-miR-21-5p"],
        ev_markers=["Cd63", "miR-21"],
        outcomes=["bone_loss|down", "|increase"],
        molecular_effects=["beta-catenin|up", "RUNX2|increase"],
        settings=["in_silico"],
        assays=["histology", "histology"],
        conditions="osteoporosis",
    )
    assert len(invalid_values(shapes, corpus)) == 19
    invented = dict(
        corpus.gold[0],
        study_type="primary",
        assays=["northern_blot"],
        doses=["25 μg/mL"],
        ev_sources=["MSC|cord|human"],
        molecular_effects=["Runx2|up"],
    )
    assert len(invalid_values(invented, corpus)) == 4
    review = dict(empty, study_type="review", assays=["histology"])
    assert invalid_values(review, corpus) == ["assays: review must be empty"]
    assert invalid_values(dict(empty, study_type="meta"), corpus) == ["study_type: 'meta'"]


def check_review_count(corpus: Corpus) -> None:
    assert sum(row["study_type"] == "review" for row in corpus.gold) == corpus.reviews


def check_species_lists_every_organism_named(corpus: Corpus) -> None:
    """A species named in a cell or animal model value is also in `species`."""
    for row in corpus.gold:
        named = {v.split("|")[2] for f in ("ev_sources", "recipient_cells") for v in row[f]}
        named |= {v.split("|")[0] for v in row["animal_models"]}
        assert named - {""} <= set(row["species"]), row["id"]


def check_one_citation_per_gold_row(corpus: Corpus) -> None:
    text = corpus.bibliography.read_text(encoding="utf-8")
    citations = list(CITATION.finditer(text))
    assert len(citations) == len(corpus.gold) == corpus.size
    for match, row in zip(citations, corpus.gold, strict=True):
        assert match["surname"] == row["first_author"], row["id"]
        assert int(match["year"]) == row["year"], row["id"]


def check_titles_and_journals_in_their_citation(corpus: Corpus) -> None:
    text = corpus.bibliography.read_text(encoding="utf-8")
    starts = [m.start() for m in CITATION.finditer(text)] + [len(text)]
    for row, start, end in zip(corpus.gold, starts, starts[1:], strict=False):
        head = " ".join(text[start:end].split("\n\n", 1)[0].split())
        assert f'"{row["title"]}."' in head, row["id"]
        assert row["journal"] in head, row["id"]
        if row["volume"]:
            assert f" {row['volume']}" in head and row["pages"] in head, row["id"]


def check_reader_returns_the_gold_records(corpus: Corpus) -> None:
    records, gold = corpus.records, corpus.gold
    assert len(records) == corpus.size
    assert [r.title for r in records] == [row["title"] for row in gold]
    for record, row in zip(records, gold, strict=True):
        assert (record.first_author, record.year) == (row["first_author"], row["year"])
        assert record.authors[0].split(",")[0] == row["first_author"], row["id"]
        assert record.abstract, row["id"]


def check_notes_give_a_source_for_every_record(corpus: Corpus) -> None:
    """The corpus's NOTES.md names a source (a URL or a DOI) for every gold record, on a line
    `<id>: source ...` (the corpora of paraphrased real abstracts)."""
    notes = (corpus.path / "NOTES.md").read_text(encoding="utf-8")
    line = rf"^({re.escape(corpus.prefix)}\d+): source (?:https?://|doi:)\S+"
    assert set(re.findall(line, notes, re.MULTILINE)) == {row["id"] for row in corpus.gold}


SHARED_CHECKS: tuple[Callable[[Corpus], None], ...] = (
    check_keys,
    check_keys_match_the_seed_gold,
    check_ids,
    check_values,
    check_validator_rejects_bad_values,
    check_review_count,
    check_species_lists_every_organism_named,
    check_one_citation_per_gold_row,
    check_titles_and_journals_in_their_citation,
    check_reader_returns_the_gold_records,
)
