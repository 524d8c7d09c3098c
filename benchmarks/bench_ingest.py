"""Ingest benchmark: read_records over a synthetic PubMed baseline file on one core.

    python benchmarks/bench_ingest.py [--records 100000] [--gzip] [--seed 0]

Generates the file under benchmarks/data/ (gitignored) once, then times a full pass of
`exobone.ingest.read_records` in a fresh Python process and reports records/s and that
process's peak RSS (resource.getrusage ru_maxrss). Targets: >= 5,000 records/s, < 300 MB.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TARGET_RATE = 5_000
TARGET_RSS_MB = 300


def calibrate() -> float:
    """Milliseconds for a fixed pure-Python loop (best of 3): how fast this core is right now.

    About 50-60 ms on an idle modern core; on a shared machine it says how much of a core
    the benchmark really got, so runs can be compared.
    """
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        sum(i * i for i in range(1_000_000))
        best = min(best, time.perf_counter() - start)
    return round(best * 1000, 1)


def measure(path: Path) -> dict[str, float]:
    """Read every record of `path`; run in a fresh process so peak RSS is ingest's own."""
    from exobone.errors import RecordProblem
    from exobone.ingest import read_records

    calibration = calibrate()

    start, cpu_start = time.perf_counter(), time.process_time()
    records = problems = 0
    for item in read_records(path):
        if isinstance(item, RecordProblem):
            problems += 1
        else:
            records += 1
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    # CPU time is reported beside wall time: on a shared machine wall time includes waiting
    # for a core, which says nothing about the reader.
    return {"records": records, "problems": problems, "seconds": round(elapsed, 2),
            "records_per_s": round(records / elapsed), "cpu_seconds": round(cpu, 2),
            "records_per_cpu_s": round(records / cpu), "peak_rss_mb": round(peak_mb, 1),
            "calibration_ms": calibration}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--gzip", action="store_true")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return

    from synth_pubmed import generate

    suffix = ".xml.gz" if args.gzip else ".xml"
    path = HERE / "data" / f"pubmed_synth_{args.records}_s{args.seed}{suffix}"
    if not path.exists():
        started = time.perf_counter()
        generate(path, args.records, seed=args.seed, gzip=args.gzip)
        print(f"generated {path} in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    result = subprocess.run(
        [sys.executable, __file__, "--child", str(path)], check=True, capture_output=True,
        text=True,
    )
    figures = json.loads(result.stdout)
    figures["file_mb"] = round(path.stat().st_size / 2**20, 1)
    figures["meets_target"] = (figures["records_per_s"] >= TARGET_RATE
                               and figures["peak_rss_mb"] < TARGET_RSS_MB)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
