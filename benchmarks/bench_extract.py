"""Extraction throughput and memory (run on demand, not a test).

    .venv/bin/python benchmarks/bench_extract.py [--n 1000 --n 10000] [--families a,b,...]

Synthesises a corpus by repeating the demo bibliography's records with perturbations (sentences
shuffled, numbers changed, species and cell words swapped), runs the Extractor (every registered
family, or the named ones) on one core, and reports abstracts/s and peak RSS at each corpus
size. Each size runs in a fresh process that streams its corpus, so the peak RSS is that of
extraction alone and must stay flat as the corpus grows. Only the `extract` calls are timed, in
CPU time (the figure to compare on a shared machine) and wall time. The target is >= 500
abstracts/s for the full extractor.
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import subprocess
import sys
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


def run_one(n: int, families: str | None) -> None:
    """Extract `n` streamed abstracts in this process and print one result line."""
    extractor = Extractor(families.split(",")) if families else Extractor()
    extractor.extract(Record(title="warm up", abstract="Exosomes from BMSCs."), "S00")
    values = 0
    cpu = wall = 0.0
    for number, record in enumerate(corpus(n), start=1):
        start, start_cpu = time.perf_counter(), time.process_time()
        study = extractor.extract(record, f"S{number:02d}")
        cpu += time.process_time() - start_cpu
        wall += time.perf_counter() - start
        values += sum(len(v) for k, v in study.annotations.items() if k != "study_type")
    print(
        f"{n:>6} abstracts: {n / cpu:6.0f}/s CPU, {n / wall:6.0f}/s wall, "
        f"{values} values, peak RSS {rss_mb():.0f} MB",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, action="append", help="sizes (default 1000, 10000)")
    parser.add_argument("--families", help="comma-separated family names (default: all)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # one size, this process
    args = parser.parse_args()
    if args.one:
        run_one(args.one, args.families)
        return
    extractor = Extractor(args.families.split(",")) if args.families else Extractor()
    names = [name for name, _ in extractor.families]
    print(f"families: {names}", flush=True)
    for n in args.n or [1000, 10000]:
        command = [sys.executable, __file__, "--one", str(n)]
        if args.families:
            command += ["--families", args.families]
        subprocess.run(command, check=True)


if __name__ == "__main__":
    main()
