"""Extraction throughput and memory (run on demand, not a test).

    .venv/bin/python benchmarks/bench_extract.py [--n 1000 --n 10000] [--families a,b,...]
    .venv/bin/python benchmarks/bench_extract.py --n 600 --pair new=build/compiled \
        --pair old=/tmp/old/build/compiled [--batch 50 --rounds 3]

Synthesises a corpus by repeating the demo bibliography's records with perturbations (sentences
shuffled, numbers changed, species and cell words swapped), runs the Extractor (every registered
family, or the named ones) on one core, and reports abstracts/s and peak RSS at each corpus
size. Each size runs in a fresh process that streams its corpus, so the peak RSS is that of
extraction alone and must stay flat as the corpus grows. Only the `extract` calls are timed, in
CPU time (the figure to compare on a shared machine) and wall time. The target is >= 500
abstracts/s for the full extractor. `--pair` compares builds (a `PYTHONPATH` each: a compiled
build, or a tree's `src`) batch by batch in turn, so that a busy machine slows all alike.
"""

from __future__ import annotations

import argparse
import os
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


def serve_batches(n: int) -> None:
    """A worker of `--pair`: extract the `a b` slices of the corpus asked on stdin, print the
    CPU seconds each took."""
    extractor = Extractor()
    extractor.extract(Record(title="warm up", abstract="Exosomes from BMSCs."), "S00")
    records = list(corpus(n))
    print("ready", flush=True)
    for line in sys.stdin:
        first, last = map(int, line.split())
        start = time.process_time()
        for record in records[first:last]:
            extractor.extract(record, "S")
        print(time.process_time() - start, flush=True)


def run_pairs(specs: list[str], n: int, batch: int, rounds: int) -> None:
    """Builds compared on one machine at one time: a worker per build (`LABEL=PYTHONPATH`),
    the same batches of the corpus given to each in turn (the order swapped every batch), so
    that load from elsewhere falls on all of them alike. Per round: abstracts/s of CPU; then
    the mean of the rounds and a robust rate (each batch's fastest time, summed)."""
    workers: list[tuple[str, subprocess.Popen[str]]] = []
    for spec in specs:
        label, _, path = spec.partition("=")
        env = {**os.environ, "PYTHONPATH": os.path.abspath(path)}
        command = [sys.executable, __file__, "--serve", str(n)]
        worker = subprocess.Popen(
            command, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
        )
        assert worker.stdin is not None and worker.stdout is not None
        if worker.stdout.readline().strip() != "ready":
            raise SystemExit(f"worker {label} ({path}) did not start")
        workers.append((label, worker))
    fastest: dict[str, dict[int, float]] = {label: {} for label, _ in workers}
    rates: dict[str, list[float]] = {label: [] for label, _ in workers}
    for number in range(rounds):
        spent = dict.fromkeys(rates, 0.0)
        for i, first in enumerate(range(0, n, batch)):
            for label, worker in workers if (i + number) % 2 == 0 else workers[::-1]:
                assert worker.stdin is not None and worker.stdout is not None
                worker.stdin.write(f"{first} {min(n, first + batch)}\n")
                worker.stdin.flush()
                seconds = float(worker.stdout.readline())
                spent[label] += seconds
                fastest[label][first] = min(fastest[label].get(first, seconds), seconds)
        for label, seconds in spent.items():
            rates[label].append(n / seconds)
        print(f"round {number + 1}: " + "  ".join(f"{k}={n / v:.0f}/s" for k, v in spent.items()))
    print("mean:   " + "  ".join(f"{k}={sum(v) / len(v):.0f}/s" for k, v in rates.items()))
    print("robust: " + "  ".join(f"{k}={n / sum(v.values()):.0f}/s" for k, v in fastest.items()))
    for _, worker in workers:
        assert worker.stdin is not None
        worker.stdin.close()
        worker.wait()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, action="append", help="sizes (default 1000, 10000)")
    parser.add_argument("--families", help="comma-separated family names (default: all)")
    parser.add_argument(
        "--pair",
        action="append",
        metavar="LABEL=PYTHONPATH",
        help="compare builds in turn, batch by batch (give two or more; --n: corpus size)",
    )
    parser.add_argument("--batch", type=int, default=50, help="abstracts per batch (--pair)")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the corpus (--pair)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # one size, this process
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)  # a worker of --pair
    args = parser.parse_args()
    if args.one:
        run_one(args.one, args.families)
        return
    if args.serve:
        serve_batches(args.serve)
        return
    if args.pair:
        run_pairs(args.pair, (args.n or [600])[0], args.batch, args.rounds)
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
