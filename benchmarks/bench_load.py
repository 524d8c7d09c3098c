"""Load benchmark: `exobone load` (`load_output`) of a large pipeline output into a new store.

    python benchmarks/bench_load.py --studies 2000 --copies 25 [--pg-url URL] [--small 5]

Makes one real partition once (a synthetic PubMed file of `--studies` articles, all in scope,
through the pipeline's own task: read, extract, write Parquet), then a pipeline output of
`--copies` partitions of it, each with its own PMIDs, DOIs and keys (the same texts, values
and evidence), under benchmarks/data/ (gitignored). Each load runs in a fresh process into a
new SQLite file and, given a PostgreSQL URL (or EXOBONE_TEST_PG_URL), a new PostgreSQL
database, and reports studies/s (wall and CPU of the loading process; the server's CPU is
not in it) and peak RSS. `--small N` also loads the first N partitions, for the peak-RSS
ratio of a large load to a small one.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def partition(studies: int) -> Path:
    """The pipeline output of one synthetic file of `studies` in-scope articles (made once)."""
    from synth_pubmed import generate

    from exobone.scale.layout import InputFile
    from exobone.scale.task import process_file

    out = HERE / "data" / f"load_part_{studies}"
    if not (out / "_manifest").is_dir():
        source = generate(out.with_suffix(".xml"), studies, seed=5, in_scope_share=1.0)
        process_file(InputFile.of(source), str(out))
    return out


def replicate(part_out: Path, copies: int) -> Path:
    """An output of `copies` partitions: the one partition with PMIDs, DOIs and keys renamed."""
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from exobone.scale.layout import read_manifests, table_path, write_manifest

    (manifest,) = read_manifests(part_out)
    out = HERE / "data" / f"load_{part_out.name}_x{copies}"
    if (out / "_manifest").is_dir() and len(read_manifests(out)) == copies:
        return out
    shutil.rmtree(out, ignore_errors=True)
    tables = {name: pq.read_table(table_path(part_out, name, manifest.part))
              for name in ("records", "annotations", "evidence", "pmids")}
    for copy in range(copies):
        part = f"pubmed25n{copy + 1:04d}-bench"

        def renamed(column: pa.ChunkedArray, prefix: str, copy: int = copy) -> pa.ChunkedArray:
            return pc.binary_join_element_wise(pa.scalar(f"{prefix}{copy}"), column, "")

        for name, table in tables.items():
            for column in ("key", "pmid", "doi"):
                if column in table.column_names:
                    place = table.column_names.index(column)
                    prefix = "9" if column == "pmid" else ("10.9/" if column == "doi" else "")
                    table = table.set_column(place, column, renamed(table[column], prefix))
            target = table_path(out, name, part)
            target.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(table, target, compression="zstd")
        write_manifest(out, replace(manifest, input=f"{manifest.input}.{copy}", part=part))
    return out


def measure(out: Path, url: str) -> dict[str, float]:
    """`load_output` of `out` into `url`, in this (fresh) process."""
    from exobone.scale import load_output
    from exobone.store import Store

    store = Store.open(url)  # created (migrated) before the clock starts
    start, cpu_start = time.perf_counter(), time.process_time()
    result = load_output(out, store)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    store.close()
    studies = sum(s.new + s.updated + s.unchanged + s.merged for s in result.summaries)
    return {"studies": studies, "partitions": len(result.summaries),
            "seconds": round(elapsed, 1), "studies_per_s": round(studies / elapsed),
            "cpu_seconds": round(cpu, 1), "studies_per_cpu_s": round(studies / cpu),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def _child(out: Path, url: str) -> dict[str, float]:
    result = subprocess.run([sys.executable, __file__, "--child", str(out), url], check=True,
                            capture_output=True, text=True)
    return dict(json.loads(result.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--studies", type=int, default=2000, help="studies per partition")
    parser.add_argument("--copies", type=int, default=25, help="partitions")
    parser.add_argument("--small", type=int, help="also load this many partitions alone")
    parser.add_argument("--pg-url", default=os.environ.get("EXOBONE_TEST_PG_URL"))
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(Path(args.child[0]), args.child[1])))
        return
    import tempfile

    from bench_ingest import _fresh_pg

    one = partition(args.studies)
    outputs = {"large": replicate(one, args.copies)}
    if args.small:
        outputs["small"] = replicate(one, args.small)
    runs: dict[str, object] = {"load_average_before": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as tmp:
        for size, out in outputs.items():
            runs[f"{size}_sqlite"] = _child(out, f"sqlite:///{tmp}/{size}.db")
            if args.pg_url and size == "large":
                runs[f"{size}_postgresql"] = _child(out, _fresh_pg(args.pg_url, "bench_load"))
    runs["load_average_after"] = os.getloadavg()[0]
    print(json.dumps(runs, indent=2))


if __name__ == "__main__":
    main()
