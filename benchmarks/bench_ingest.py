"""Ingest benchmark: read_records over a synthetic PubMed baseline file on one core.

    python benchmarks/bench_ingest.py [--records 100000] [--gzip] [--seed 0]
    python benchmarks/bench_ingest.py --store --records 20000 --small 5000 [--pg-url URL] [--tag T]
    python benchmarks/bench_ingest.py --rounds 5 --records 50000 [--pg-url URL] [--store ...]

Generates the file under benchmarks/data/ (gitignored) once, then times a full pass of
`exobone.ingest.read_records` in a fresh Python process and reports records/s and that
process's peak RSS (resource.getrusage ru_maxrss). Targets: >= 5,000 records/s, < 300 MB.

With --store, the same file also goes through `exobone extract` alone and `exobone ingest`
(with and without extraction) into a new SQLite file and, given a PostgreSQL URL (or
EXOBONE_TEST_PG_URL), a new PostgreSQL database; each run is a fresh process, and the
ratios of the write path's targets are computed from that one run (wall and CPU time; the
database server's CPU is not in the CPU figures). `--small N` also ingests the first N
records' file, for the peak-RSS ratio.

`--rounds N` runs the reader and `ingest --no-extract` (SQLite, and PostgreSQL given a URL)
N times, interleaved and in a fresh process each, the reader first in one round and last in
the next: how fast the reader runs follows the machine's load from minute to minute, so a
ratio of one pair says little on a shared machine. Each round's CPU ratios are reported and
their median; with --store the `--no-extract` ratios of the report are those medians.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
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


def measure_command(mode: str, path: Path, url: str) -> dict[str, float]:
    """`exobone extract` or `exobone ingest` (the API the commands call) on `path`."""
    from exobone.api import extract_studies, ingest_file, load_extractor
    from exobone.store import Store

    extractor = load_extractor() if mode != "ingest_no_extract" else None
    calibration = calibrate()
    # The store is created (migrated) before the clock starts: that is once per store.
    store = Store.open(url) if url else None
    start, cpu_start = time.perf_counter(), time.process_time()
    if store is None:
        records = sum(1 for item in extract_studies([path], extractor=extractor)
                      if hasattr(item, "annotations"))
    else:
        summary = ingest_file(store, path, extractor=extractor)
        records = summary.new + summary.updated + summary.unchanged + summary.merged
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    if store is not None:
        store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"records": records, "seconds": round(elapsed, 2),
            "records_per_s": round(records / elapsed), "cpu_seconds": round(cpu, 2),
            "records_per_cpu_s": round(records / cpu), "peak_rss_mb": round(peak_mb, 1),
            "calibration_ms": calibration}


def _child(*args: str) -> dict[str, float]:
    result = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True,
                            text=True)
    return dict(json.loads(result.stdout))


def _fresh_pg(base: str, name: str) -> str:
    """A new, empty PostgreSQL database beside `base`'s (dropped first if it exists)."""
    from sqlalchemy.engine import make_url

    _admin(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"')
    return make_url(base).set(database=name).render_as_string(hide_password=False)


def _drop_pg(base: str, name: str) -> None:
    """Drop a benchmark database as soon as its run is measured. Left in place until the
    next `_fresh_pg`, the server's work on it (its dirty buffers written out, autovacuum's
    first pass over 50,000 new rows) ran beside the next timed child: in the rounds, the
    SQLite ingest or the reader."""
    _admin(base, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _admin(base: str, *statements: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.exc import ProgrammingError

    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    # An autovacuum worker on the database of the round before (just filled) is a backend
    # that FORCE may not end without superuser rights: wait for it (up to a minute).
    for attempt in range(30):
        try:
            with admin.connect() as conn:
                for statement in statements:
                    conn.execute(text(statement))
            break
        except ProgrammingError as error:
            if "pg_signal_backend" not in str(error) or attempt == 29:
                raise
            time.sleep(2)
    admin.dispose()


def rounds_run(path: Path, pg_url: str | None, rounds: int, tag: str = "") -> dict[str, object]:
    """The reader against `ingest --no-extract`, `rounds` times interleaved (see the module's
    docstring): each round's CPU-s and CPU ratios, and the ratios' medians."""
    stores = ["sqlite"] + (["postgresql"] if pg_url else [])
    reports = []
    with tempfile.TemporaryDirectory() as tmp:
        for number in range(rounds):
            order = ["read", *stores] if number % 2 == 0 else [*stores, "read"]
            cpu: dict[str, float] = {}
            for which in order:
                if which == "read":
                    figures = _child("--child", str(path))
                elif which == "sqlite":
                    database = Path(tmp) / f"round{number}.db"
                    figures = _child(
                        "--command", "ingest_no_extract", str(path), f"sqlite:///{database}"
                    )
                    database.unlink()  # (~500 MB for 50,000 records)
                else:
                    assert pg_url is not None
                    fresh = _fresh_pg(pg_url, f"bench_ingest_rounds{tag}")
                    figures = _child("--command", "ingest_no_extract", str(path), fresh)
                    _drop_pg(pg_url, f"bench_ingest_rounds{tag}")
                cpu[which] = figures["cpu_seconds"]
            ratios = {store: round(cpu["read"] / cpu[store], 3) for store in stores}
            reports.append({"order": order, "cpu_seconds": cpu, "ratios": ratios})
            print(f"round {number + 1}: {json.dumps(reports[-1])}", file=sys.stderr)
    medians = {
        store: round(statistics.median(report["ratios"][store] for report in reports), 3)
        for store in stores
    }
    return {"rounds": reports, "median_ratios": medians}


def store_run(
    path: Path, small: Path | None, pg_url: str | None, tag: str = "", rounds: int = 0
) -> dict[str, object]:
    """Every path of the write path's targets over one file, each in a fresh process."""
    runs: dict[str, dict[str, float]] = {"read": _child("--child", str(path))}
    runs["extract"] = _child("--command", "extract", str(path), "")
    with tempfile.TemporaryDirectory() as tmp:
        for mode in ("ingest_no_extract", "ingest"):
            url = f"sqlite:///{tmp}/{mode}.db"
            runs[f"{mode}_sqlite"] = _child("--command", mode, str(path), url)
            if pg_url:
                fresh = _fresh_pg(pg_url, f"bench_ingest_{mode}{tag}")
                runs[f"{mode}_postgresql"] = _child("--command", mode, str(path), fresh)
                _drop_pg(pg_url, f"bench_ingest_{mode}{tag}")
        if small is not None:
            runs["ingest_sqlite_small"] = _child(
                "--command", "ingest", str(small), f"sqlite:///{tmp}/small.db"
            )

    def ratio(a: str, b: str, key: str) -> float | None:
        if a not in runs or b not in runs:
            return None
        return round(runs[a][key] / runs[b][key], 3)

    ratios = {}
    for key in ("records_per_s", "records_per_cpu_s"):
        unit = "wall" if key == "records_per_s" else "cpu"
        ratios[f"no_extract_sqlite_vs_read_{unit}"] = ratio("ingest_no_extract_sqlite", "read", key)
        ratios[f"no_extract_pg_vs_read_{unit}"] = ratio("ingest_no_extract_postgresql", "read", key)
        ratios[f"ingest_sqlite_vs_extract_{unit}"] = ratio("ingest_sqlite", "extract", key)
        ratios[f"ingest_pg_vs_extract_{unit}"] = ratio("ingest_postgresql", "extract", key)
    ratios["peak_rss_large_vs_small"] = ratio("ingest_sqlite", "ingest_sqlite_small",
                                              "peak_rss_mb")
    report: dict[str, object] = {"runs": runs, "ratios": ratios}
    if rounds:
        interleaved = rounds_run(path, pg_url, rounds, tag)
        medians = interleaved["median_ratios"]
        assert isinstance(medians, dict)
        ratios["no_extract_sqlite_vs_read_cpu"] = medians["sqlite"]
        ratios["no_extract_pg_vs_read_cpu"] = medians.get("postgresql")
        report["rounds"] = interleaved["rounds"]
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--gzip", action="store_true")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--store", action="store_true", help="also extract and ingest")
    parser.add_argument("--small", type=int, help="with --store: records of the small file")
    parser.add_argument("--pg-url", default=os.environ.get("EXOBONE_TEST_PG_URL"))
    parser.add_argument("--tag", default="",
                        help="suffix of the PostgreSQL databases (two runs side by side)")
    parser.add_argument("--rounds", type=int, default=0,
                        help="interleaved rounds of the reader and ingest --no-extract")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--command", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.child)))
        return
    if args.command:
        mode, path, url = args.command
        print(json.dumps(measure_command(mode, Path(path), url)))
        return

    path = synthetic(args.records, args.seed, args.gzip)
    if args.store:
        small = synthetic(args.small, args.seed, args.gzip) if args.small else None
        print(json.dumps(store_run(path, small, args.pg_url, args.tag, args.rounds), indent=2))
        return
    if args.rounds:
        print(json.dumps(rounds_run(path, args.pg_url, args.rounds, args.tag), indent=2))
        return
    result = subprocess.run(
        [sys.executable, __file__, "--child", str(path)], check=True, capture_output=True,
        text=True,
    )
    figures = json.loads(result.stdout)
    figures["file_mb"] = round(path.stat().st_size / 2**20, 1)
    figures["meets_target"] = (figures["records_per_s"] >= TARGET_RATE
                               and figures["peak_rss_mb"] < TARGET_RSS_MB)
    print(json.dumps(figures, indent=2))


def synthetic(records: int, seed: int, gzip: bool) -> Path:
    """The synthetic file of `records` articles, generated once under benchmarks/data/."""
    from synth_pubmed import generate

    suffix = ".xml.gz" if gzip else ".xml"
    path = HERE / "data" / f"pubmed_synth_{records}_s{seed}{suffix}"
    if not path.exists():
        started = time.perf_counter()
        generate(path, records, seed=seed, gzip=gzip)
        print(f"generated {path} in {time.perf_counter() - started:.1f}s", file=sys.stderr)
    return path


if __name__ == "__main__":
    main()
