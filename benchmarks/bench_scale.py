"""Scale benchmark: `exobone.scale.run_pipeline` over synthetic PubMed files on a LocalCluster.

    python benchmarks/bench_scale.py --records 80000 --files 8 --workers 1 2

Generates `--files` gzipped baseline files of records/files articles each (2% in scope) under
benchmarks/data/scale/ once, then, for each worker count, starts a LocalCluster of
single-threaded processes, warms each worker (imports, lexicon), and times one full run into a
fresh output folder: parse + filter + extract + Parquet. It reports wall time, records/s, CPU
seconds used by the workers (wall time on a shared machine includes waiting for a core), peak
RSS per worker, the load average before and after, the speed-up over the first worker count,
and a projection for the full baseline (1,300 files x 30,000 records).
Targets: >= 2,000 records/s per core, < 1 GB per worker, 2 workers >= 1.8x one worker.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TARGET_PER_CORE = 2_000
TARGET_RSS_MB = 1_024
TARGET_SPEEDUP = 1.8
BASELINE_RECORDS = 1_300 * 30_000


def _files(records: int, files: int, share: float) -> list[Path]:
    from synth_pubmed import generate

    folder = HERE / "data" / "scale" / f"{records}x{files}_{share}"
    paths = []
    for index in range(files):
        path = folder / f"pubmed25n{index + 1:04d}.xml.gz"
        if not path.exists():
            started = time.perf_counter()
            generate(path, records // files, seed=1000 + index, in_scope_share=share, gzip=True)
            print(f"generated {path} in {time.perf_counter() - started:.1f}s", file=sys.stderr)
        paths.append(path)
    return paths


def _warm() -> float:
    """Build the worker's Extractor before timing (done once per worker in a real run)."""
    from exobone.extract import Extractor
    from exobone.scale import task

    if task._extractor is None:
        task._extractor = Extractor()
    return time.process_time()


def _cpu() -> float:
    return time.process_time()


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def measure(paths: list[Path], workers: int) -> dict[str, Any]:
    from dask.distributed import Client, LocalCluster

    from exobone.scale import run_pipeline

    out = Path(tempfile.mkdtemp(prefix="exobone-bench-scale-"))
    cluster = LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    client = Client(cluster)
    try:
        client.run(_warm)
        load_before = os.getloadavg()
        cpu_before = client.run(_cpu)
        started = time.perf_counter()
        result = run_pipeline([str(p) for p in paths], out, scheduler=cluster.scheduler_address)
        wall = time.perf_counter() - started
        cpu_after = client.run(_cpu)
        rss = client.run(_peak_rss_mb)
        load_after = os.getloadavg()
    finally:
        client.close()
        cluster.close()
        shutil.rmtree(out, ignore_errors=True)
    if not result.ok:
        raise SystemExit(f"pipeline failed: {result.failed}")
    records = sum(m.records for m in result.done)
    cpu = sum(cpu_after[w] - cpu_before[w] for w in cpu_after)
    return {
        "workers": workers,
        "records": records,
        "in_scope": sum(m.in_scope for m in result.done),
        "wall_s": round(wall, 2),
        "records_per_s": round(records / wall),
        "records_per_s_per_worker": round(records / wall / workers),
        "worker_cpu_s": round(cpu, 2),
        "records_per_cpu_s": round(records / cpu),
        "peak_rss_mb_per_worker": round(max(rss.values()), 1),
        "load_avg_1min_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
    }


def project(per_core: float, efficiency: float) -> dict[str, str]:
    """Wall time for the full baseline on 16 and 64 cores at the measured per-core rate."""
    out = {}
    for cores in (16, 64):
        seconds = BASELINE_RECORDS / (per_core * cores * efficiency)
        out[f"{cores}_cores"] = f"{seconds / 60:.0f} min"
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=80_000)
    parser.add_argument("--files", type=int, default=8)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--in-scope-share", type=float, default=0.02)
    args = parser.parse_args()

    paths = _files(args.records, args.files, args.in_scope_share)
    runs = [measure(paths, workers) for workers in args.workers]
    first = runs[0]
    for run in runs:
        run["speedup_vs_first"] = round(run["records_per_s"] / first["records_per_s"], 2)
    per_core = max(run["records_per_cpu_s"] for run in runs)
    last = runs[-1]
    efficiency = last["speedup_vs_first"] * first["workers"] / last["workers"]
    report = {
        "files": args.files,
        "records_per_file": args.records // args.files,
        "cpu_count": os.cpu_count(),
        "runs": runs,
        "targets": {
            "per_core_records_per_s": TARGET_PER_CORE,
            "peak_rss_mb_per_worker": TARGET_RSS_MB,
            "speedup_2_workers": TARGET_SPEEDUP,
        },
        "meets_per_core": per_core >= TARGET_PER_CORE,
        "meets_memory": all(r["peak_rss_mb_per_worker"] < TARGET_RSS_MB for r in runs),
        "projection_full_baseline": {
            "at_cpu_rate": project(per_core, 1.0),
            "at_measured_scaling": project(per_core, min(1.0, efficiency)),
        },
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
