"""Extraction throughput and memory (run on demand, not a test).

    .venv/bin/python benchmarks/bench_extract.py [--n 1000 --n 10000]

Synthesises a corpus by repeating the demo bibliography's records with perturbations (sentences
shuffled, numbers changed, species and cell words swapped), runs the full Extractor (every
registered family) on one core, and reports abstracts/s and peak RSS at each corpus size. The
target is >= 500 abstracts/s with RSS flat as the corpus grows (studies are streamed, not kept).
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import time
from collections.abc import Iterator
from pathlib import Path

from exobone.extract import Extractor
from exobone.ingest import read_records
from exobone.model import Record

DEMO = Path(__file__).resolve().parents[1] / "examples" / "exosome_bone_bibliography.txt"
_SWAPS = [("rats", "mice"), ("human", "rabbit"), ("osteoarthritis", "osteoporosis"),
          ("exosomes", "extracellular vesicles"), ("BMSCs", "ADSCs")]  # fmt: skip


def _perturb(record: Record, rng: random.Random) -> Record:
    sentences = re.split(r"(?<=\.) ", record.abstract)
    rng.shuffle(sentences)
    text = " ".join(sentences)
    text = re.sub(r"\d+", lambda m: str(rng.randint(1, 200)), text)
    for a, b in rng.sample(_SWAPS, 2):
        text = text.replace(a, b)
    return Record(title=record.title, abstract=text, year=record.year, authors=record.authors)


def corpus(n: int, seed: int = 7) -> Iterator[Record]:
    base = [r for r in read_records(DEMO) if isinstance(r, Record)]
    rng = random.Random(seed)
    for i in range(n):
        yield _perturb(base[i % len(base)], rng)


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, action="append", help="sizes (default 1000, 10000)")
    parser.add_argument("--families", help="comma-separated family names (default: all)")
    args = parser.parse_args()
    sizes = args.n or [1000, 10000]
    extractor = Extractor(args.families.split(",")) if args.families else Extractor()
    extractor.extract(Record(title="warm up", abstract="Exosomes from BMSCs."), "S00")
    names = [name for name, _ in extractor.families]
    print(f"families: {names}; missing: {extractor.missing_families}")
    for n in sizes:
        records = list(corpus(n))  # synthesised up front: only extraction is timed
        start, cpu = time.perf_counter(), time.process_time()
        values = 0
        for study in extractor.extract_many(records):
            values += sum(len(v) for k, v in study.annotations.items() if k != "study_type")
        elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu
        del records
        print(
            f"{n:>6} abstracts: {n / elapsed:6.0f}/s wall, {n / cpu:6.0f}/s CPU, "
            f"{values} values, peak RSS {rss_mb():.0f} MB"
        )


if __name__ == "__main__":
    main()
