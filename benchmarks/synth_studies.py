"""A deterministic synthetic store of extracted studies, for the store and search benchmark.

    python benchmarks/synth_studies.py --studies 1000000 --db benchmarks/data/store_1000000.db

The schema comes from `Store.open` (the real migrations, FTS triggers included); rows are
bulk-inserted with sqlite3 `executemany` in large batches. Labels are drawn from the
packaged vocabulary with Zipf-like weights (a few labels are common, most are rare), the
fields a study has follow the shapes of real abstracts (reviews have no settings; in vivo
studies have animal models and routes), and each abstract is written from the synonyms of
the study's own labels plus generic filler, so text queries and filters correlate as in the
literature. A small share of studies carries curators' additions and withdrawals. Evidence
spans are not generated. The same seed gives the same database.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import time
from collections.abc import Sequence
from itertools import accumulate
from pathlib import Path
from typing import Any

import yaml

from exobone.store import Store
from exobone.store.store import study_label

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "exobone" / "data"
BATCH = 20_000
NOW = "2026-11-27 00:00:00.000000"

_FILLER_TEXT = (
    "we investigated the effect of these vesicles on tissue repair and cell behaviour "
    "results showed a significant change compared with the control group in several "
    "models which suggests a potential therapeutic strategy further studies are needed "
    "to clarify the mechanism dose response and long term safety of the treatment in "
    "patients the data indicate that paracrine signalling plays an important role"
)
_FILLER = _FILLER_TEXT.split()
_MARKERS = ["CD63", "CD9", "CD81", "TSG101", "ALIX", "HSP70", "CANX", "FLOT1", "HSP90", "GAPDH"]
_UNITS = ["ug", "ug/mL", "ug/kg", "mg/kg", "particles", "particles/mL"]
_DIRECTIONS = ["increase"] * 6 + ["decrease"] * 3 + ["no_change"]


class Labels:
    """The vocabulary's labels and synonyms, with Zipf-like weights per list."""

    def __init__(self, rng: random.Random) -> None:
        vocab = yaml.safe_load((DATA / "vocab.yaml").read_text(encoding="utf-8"))
        lexicon = yaml.safe_load((DATA / "lexicon.yaml").read_text(encoding="utf-8"))
        self.rng = rng
        self.synonyms: dict[str, list[str]] = {}
        self.lists: dict[str, list[str]] = {}
        for section, entries in vocab.items():
            if not isinstance(entries, dict) or section == "gene_aliases":
                continue
            labels = list(entries)
            rng.shuffle(labels)
            self.lists[section] = labels
            for label, value in entries.items():
                synonyms = value.get("synonyms", []) if isinstance(value, dict) else value
                self.synonyms[label] = [str(s) for s in synonyms or [] if "prefix" not in str(s)]
        self.lists["genes"] = sorted(set((vocab.get("gene_aliases") or {}).values()))
        rng.shuffle(self.lists["genes"])
        self.lists["cell_lines"] = list(lexicon.get("cell_lines") or {})
        self.weights = {
            name: list(accumulate(1.0 / (rank + 1) ** 1.1 for rank in range(len(labels))))
            for name, labels in self.lists.items()
        }

    def pick(self, section: str, k: int = 1) -> list[str]:
        chosen = self.rng.choices(self.lists[section], cum_weights=self.weights[section], k=k)
        return list(dict.fromkeys(chosen))

    def phrase(self, label: str) -> str:
        options = self.synonyms.get(label) or [label.replace("_", " ")]
        return self.rng.choice(options)


def _between(rng: random.Random, low: int, high: int) -> int:
    return rng.randint(low, high)


def make_study(labels: Labels, rng: random.Random) -> tuple[str, dict[str, list[str]]]:
    """A study type and its set fields, shaped like the extractor's output."""
    review = rng.random() < 0.12
    fields: dict[str, list[str]] = {}
    settings: list[str] = []
    if not review:
        settings = [s for s, p in (("in_vitro", 0.75), ("in_vivo", 0.55)) if rng.random() < p]
        settings += [s for s, p in (("ex_vivo", 0.03), ("clinical", 0.02)) if rng.random() < p]
        settings = settings or ["in_vitro"]
    fields["settings"] = settings
    fields["vesicle_types"] = labels.pick("vesicle_types", 1 + (rng.random() < 0.15))
    species: list[str] = []
    sources = []
    for _ in range(1 + (rng.random() < 0.2)):
        cell = "MSC" if rng.random() < 0.5 else labels.pick("cell_types")[0]
        origin = labels.pick("origins")[0] if rng.random() < 0.7 else ""
        kind = labels.pick("species")[0] if rng.random() < 0.85 else ""
        sources.append(f"{cell}|{origin}|{kind}")
        species += [kind] if kind else []
    fields["ev_sources"] = list(dict.fromkeys(sources))
    fields["conditions"] = labels.pick("conditions", 1 + (rng.random() < 0.3))
    if "in_vitro" in settings:
        recipients = []
        for _ in range(_between(rng, 0, 2)):
            cell = labels.pick("cell_types")[0]
            kind = labels.pick("species")[0] if rng.random() < 0.8 else ""
            recipients.append(f"{cell}||{kind}")
            species += [kind] if kind else []
        fields["recipient_cells"] = list(dict.fromkeys(recipients))
        if rng.random() < 0.25:
            fields["cell_lines"] = labels.pick("cell_lines")
    if "in_vivo" in settings:
        kind = labels.pick("species")[0]
        model = labels.pick("animal_models")[0]
        fields["animal_models"] = [f"{kind}|{model}"]
        species.append(kind)
        if rng.random() < 0.7:
            fields["delivery_routes"] = labels.pick("delivery_routes")
        if rng.random() < 0.5:
            fields["doses"] = [f"{rng.choice([10, 20, 50, 100, 200])} {rng.choice(_UNITS)}"]
    fields["species"] = list(dict.fromkeys(species))
    if rng.random() < 0.25:
        fields["biomaterials"] = labels.pick("biomaterials")
    if rng.random() < 0.15:
        fields["preconditioning"] = labels.pick("preconditioning")
    if not review:
        fields["durations_days"] = [str(rng.choice([1, 2, 3, 7, 14, 21, 28, 42, 56, 84]))
                                    for _ in range(_between(rng, 0, 3))]  # fmt: skip
        fields["isolation_methods"] = labels.pick("isolation_methods", _between(rng, 0, 1))
        fields["characterization_methods"] = labels.pick(
            "characterization_methods", _between(rng, 0, 3)
        )
        fields["ev_markers"] = list(dict.fromkeys(rng.sample(_MARKERS, _between(rng, 0, 3))))
        fields["ev_cargo"] = [f"miR-{rng.randint(1, 700)}" for _ in range(_between(rng, 0, 2))]
        fields["assays"] = labels.pick("assays", _between(rng, 1, 3))
        fields["outcomes"] = [f"{o}|{rng.choice(_DIRECTIONS)}"
                              for o in labels.pick("outcomes", _between(rng, 1, 3))]  # fmt: skip
        targets = labels.pick("genes", _between(rng, 0, 2)) + labels.pick(
            "pathways", _between(rng, 0, 1)
        )
        fields["molecular_effects"] = [f"{t}|{rng.choice(['up', 'down'])}" for t in targets]
    return ("review" if review else "primary"), {k: list(dict.fromkeys(v)) for k, v in
                                                fields.items() if v}  # fmt: skip


def write_text(labels: Labels, rng: random.Random, fields: dict[str, list[str]]) -> tuple[str, str]:
    """A title and an abstract mentioning the study's own labels among filler words."""
    vesicle = labels.phrase(fields["vesicle_types"][0])
    source = labels.phrase(fields["ev_sources"][0].split("|")[0])
    condition = labels.phrase(fields["conditions"][0])
    title = f"{vesicle.capitalize()} from {source} in {condition}"
    sentences = [f"{vesicle.capitalize()} derived from {source} were studied in {condition}."]
    for name in ("outcomes", "molecular_effects", "assays", "animal_models", "biomaterials"):
        for value in fields.get(name, [])[:2]:
            part = value.split("|")[1] if name == "animal_models" else value.split("|")[0]
            sentences.append(
                f"The treatment changed {labels.phrase(part)} "
                + " ".join(rng.choices(_FILLER, k=rng.randint(4, 10)))
                + "."
            )
    sentences.append(" ".join(rng.choices(_FILLER, k=rng.randint(8, 20))).capitalize() + ".")
    return title, " ".join(sentences)


def generate(path: Path, studies: int, seed: int = 0) -> None:
    """Create the store at `path` (replacing it) holding `studies` synthetic studies."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    # The facet index saved for the replaced store must not be read for the new one.
    shutil.rmtree(f"{path}.facets", ignore_errors=True)
    Store.open(f"sqlite:///{path}").close()
    rng = random.Random(seed)
    labels = Labels(rng)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-4000000")
    # Indexes are built once at the end (sorting), not row by row.
    indexes = [
        sql
        for (sql,) in conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'annotations' "
            "AND sql IS NOT NULL"
        )
    ]
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'annotations' "
        "AND sql IS NOT NULL"
    ).fetchall():
        conn.execute(f'DROP INDEX "{name}"')
    seen: set[tuple[str, str]] = set()
    started = time.perf_counter()
    for first in range(1, studies + 1, BATCH):
        ids = range(first, min(first + BATCH, studies + 1))
        records, keys, rows = [], [], []
        annotations: list[tuple[int, str, str, int, str, str | None, str | None, int]] = []
        for n in ids:
            kind, fields = make_study(labels, rng)
            title, abstract = write_text(labels, rng, fields)
            records.append(_record(n, rng, title, abstract, fields))
            keys.append((n, f"pmid:{n}"))
            rows.append((n, n, kind, "synthetic", NOW, "[]", f"{n:064x}"))
            for name, values in fields.items():
                for rank, value in enumerate(values):
                    annotations.append((n, name, value, rank, "machine", None, None, 0))
                    seen.add((name, value))
            if rng.random() < 0.002:  # a curator withdraws one value and adds another
                name, values = rng.choice(list(fields.items()))
                annotations.append((n, name, values[0], 99, "curated", "bench", NOW, 1))
                added = labels.pick("conditions")[0]
                if added not in fields["conditions"]:
                    annotations.append((n, "conditions", added, 99, "curated", "bench", NOW, 0))
        conn.execute("BEGIN")
        conn.executemany(
            f"INSERT INTO records ({', '.join(_RECORD_COLUMNS)}) "
            f"VALUES ({', '.join('?' * len(_RECORD_COLUMNS))})",
            records,
        )
        conn.executemany("INSERT INTO record_keys VALUES (?, ?)", keys)
        conn.executemany(
            "INSERT INTO studies (id, record_id, study_type, extractor_version, extracted_at, "
            "warnings, checksum) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany(
            "INSERT INTO annotations (study_id, field, value, rank, origin, curated_by, "
            "curated_at, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            annotations,
        )
        conn.execute("COMMIT")
        done = ids[-1]
        rate = done / (time.perf_counter() - started)
        print(f"\r{done:,} studies ({rate:,.0f}/s)", end="", flush=True)
    print(f"\nbuilding {len(indexes)} indexes", flush=True)
    conn.execute("BEGIN")
    for sql in indexes:
        conn.execute(sql)
    conn.executemany("INSERT OR IGNORE INTO field_values VALUES (?, ?)", sorted(seen))
    conn.execute("UPDATE store_state SET last_record = ?", (studies,))  # numbers given so far
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()
    print(f"\n{path}: {studies:,} studies in {time.perf_counter() - started:.0f} s")


# The columns `_record` fills, in its order (others keep their defaults).
_RECORD_COLUMNS = (
    "id", "label", "key", "authors", "year", "title", "journal", "volume", "issue", "pages",
    "doi", "pmid", "abstract", "abstract_raw", "keywords", "raw", "source", "position", "line",
    "checksum", "created_at", "updated_at",
)  # fmt: skip


def _record(
    n: int, rng: random.Random, title: str, abstract: str, fields: dict[str, list[str]]
) -> tuple[Any, ...]:
    authors = [f"Author{rng.randint(1, 50_000)}, {chr(65 + rng.randint(0, 25))}."
               for _ in range(rng.randint(1, 8))]  # fmt: skip
    keywords = [fields["conditions"][0].replace("_", " "), "extracellular vesicles"]
    journal = f"Journal of Bone Research {rng.randint(1, 400)}"
    return (
        n, study_label(n), f"pmid:{n}", json.dumps(authors), rng.randint(2005, 2026), title,
        journal,
        str(rng.randint(1, 60)), str(rng.randint(1, 12)), f"{n % 900}-{n % 900 + 9}", None,
        str(n), abstract, "", json.dumps(keywords), "", "synthetic", n, 0, f"{n:064x}", NOW, NOW,
    )  # fmt: skip


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--studies", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    path = args.db or ROOT / "benchmarks" / "data" / f"store_{args.studies}.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    generate(path, args.studies, args.seed)


if __name__ == "__main__":
    main()
