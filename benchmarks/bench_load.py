"""Load benchmark: `exobone load` (`load_output`) of a large pipeline output into a new store.

    python benchmarks/bench_load.py --studies 1000000 --db sqlite|postgresql|both \
        [--part-size 5000] [--data DIR] [--db-dir DIR] [--pg-url URL] [--small N]

Makes one real partition once (a synthetic PubMed file of `--part-size` articles, all in
scope, through the pipeline's own task: read, extract, write Parquet), then a pipeline output
of as many partitions of it as reach `--studies`, each with its own PMIDs, DOIs, keys and
titles (a suffix; the same abstracts, values and evidence), under `--data` (default
benchmarks/data/, gitignored; an output cut short is completed, not remade). Each load runs
in a fresh process into a new SQLite file (in `--db-dir`, kept, or a temporary one) or a new
PostgreSQL database `bench_load` beside `--pg-url` (or EXOBONE_TEST_PG_URL), and reports
studies/s (wall and CPU of the loading process; the server's backends' CPU separately), peak
RSS, the database's size, the stored counts, and the rate curve: one line per partition on
stderr as it goes, and the points at 10k, 25k, 50k, 100k, 250k, 500k, 750k and 1M studies.
`--small N` also loads the first N partitions into SQLite, for the peak-RSS ratio.
`--inspect URL` reports only the size, counts and search of a store (a run that was stopped
keeps every partition it committed).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

# Studies loaded at which the result keeps a point of the rate curve.
MILESTONES = (10_000, 25_000, 50_000, 100_000, 250_000, 500_000, 750_000, 1_000_000)


def partition(data: Path, articles: int) -> Path:
    """The pipeline output of one synthetic file of `articles` in-scope articles (made once)."""
    from synth_pubmed import generate

    from exobone.scale.layout import InputFile
    from exobone.scale.task import process_file

    out = data / f"load_part_{articles}"
    if not (out / "_manifest").is_dir():
        source = generate(out.with_suffix(".xml"), articles, seed=5, in_scope_share=1.0)
        process_file(InputFile.of(source), str(out))
    return out


def replicate(data: Path, part_out: Path, copies: int) -> Path:
    """An output of `copies` partitions: the one partition with PMIDs, DOIs, keys and titles
    renamed. Copies sharing titles were one paper's title+year key held by every copy, so
    each batch's key look-up read all earlier copies (70 rows a key at 340k studies: the
    load's cost per partition grew with the store, 4.2 -> 11.9 CPU-s).

    Partitions already written (with their manifest) are kept, so an output cut short is
    completed by the next run.
    """
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from exobone.scale.layout import read_manifests, table_path, write_manifest

    (manifest,) = read_manifests(part_out)
    out = data / f"load_{part_out.name}_x{copies}_titled"
    done = {m.part for m in read_manifests(out)} if (out / "_manifest").is_dir() else set()
    tables = {name: pq.read_table(table_path(part_out, name, manifest.part))
              for name in ("records", "annotations", "evidence", "pmids")}
    for copy in range(copies):
        part = f"pubmed25n{copy + 1:04d}-bench"
        if part in done:
            continue

        def renamed(column: pa.ChunkedArray, prefix: str, copy: int = copy) -> pa.ChunkedArray:
            return pc.binary_join_element_wise(pa.scalar(f"{prefix}{copy}"), column, "")

        for name, table in tables.items():
            for column in ("key", "pmid", "doi"):
                if column in table.column_names:
                    place = table.column_names.index(column)
                    prefix = "9" if column == "pmid" else ("10.9/" if column == "doi" else "")
                    table = table.set_column(place, column, renamed(table[column], prefix))
            if name == "records":  # a title of its own (at the end: evidence offsets hold)
                title = pc.binary_join_element_wise(table["title"], f" (series {copy})", "")
                table = table.set_column(table.column_names.index("title"), "title", title)
            target = table_path(out, name, part)
            target.parent.mkdir(parents=True, exist_ok=True)
            pq.write_table(table, target, compression="zstd")
        write_manifest(out, replace(manifest, input=f"{manifest.input}.{copy}", part=part))
    return out


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _server_cpu(store: Any) -> float | None:
    """CPU seconds of the PostgreSQL backends serving this database (same machine only)."""
    from sqlalchemy import text

    if store.engine.dialect.name != "postgresql":
        return None
    with store.engine.connect() as conn:
        pids = conn.scalars(text("SELECT pid FROM pg_stat_activity "
                                 "WHERE datname = current_database()")).all()
    ticks = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None  # another machine's server, or another user's processes
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def _db_bytes(store: Any, url: str) -> int:
    from sqlalchemy import text

    if store.engine.dialect.name == "postgresql":
        with store.engine.connect() as conn:
            return int(conn.scalar(text("SELECT pg_database_size(current_database())")))
    database = Path(store.engine.url.database)
    return sum(p.stat().st_size for p in database.parent.glob(database.name + "*") if p.is_file())


def measure(out: Path, url: str) -> dict[str, Any]:
    """`load_output` of `out` into `url`, in this (fresh) process, then counts and a search."""
    from exobone.scale import load_output
    from exobone.store import Store

    store = Store.open(url)  # created (migrated) before the clock starts
    start, cpu_start = time.perf_counter(), time.process_time()
    loaded, curve, milestones = 0, [], list(MILESTONES)

    def point(manifest: Any, summary: Any) -> None:
        nonlocal loaded
        loaded += summary.new + summary.updated + summary.unchanged + summary.merged
        wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        line = {"studies": loaded, "seconds": round(wall, 1), "cpu_seconds": round(cpu, 1),
                "studies_per_s": round(loaded / wall), "studies_per_cpu_s": round(loaded / cpu),
                "rss_mb": round(_rss_mb(), 1)}
        print(json.dumps(line), file=sys.stderr, flush=True)
        if milestones and loaded >= milestones[0]:
            while milestones and loaded >= milestones[0]:
                milestones.pop(0)
            curve.append(line)

    server_before = _server_cpu(store)
    result = load_output(out, store, progress=point)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    peak = _peak_mb()
    server_after = _server_cpu(store)
    studies = sum(s.new + s.updated + s.unchanged + s.merged for s in result.summaries)
    report: dict[str, Any] = {
        "studies": studies, "partitions": len(result.summaries),
        "seconds": round(elapsed, 1), "studies_per_s": round(studies / elapsed),
        "cpu_seconds": round(cpu, 1), "studies_per_cpu_s": round(studies / cpu),
        "peak_rss_mb": round(peak, 1), "curve": curve,
    }
    if server_before is not None and server_after is not None:
        report["server_cpu_seconds"] = round(server_after - server_before, 1)
    report |= inspect(store, url)
    store.close()
    return report


def inspect(store: Any, url: str) -> dict[str, Any]:
    """The store's size on disk, its row counts, and a timed spot-check search."""
    from sqlalchemy import func, select, text

    from exobone.store.schema import Base

    report: dict[str, Any] = {"db_mb": round(_db_bytes(store, url) / 2**20)}
    with store.engine.connect() as conn:
        report["stored"] = {
            name: int(conn.scalar(select(func.count()).select_from(Base.metadata.tables[name])))
            for name in ("records", "studies", "annotations", "evidence")
        }
        report["stored"]["distinct_pmids"] = int(
            conn.scalar(text("SELECT count(DISTINCT pmid) FROM records")))
    began = time.perf_counter()
    found = store.search("exosomes cartilage", limit=3, facet_fields=())
    report["search"] = {"query": "exosomes cartilage", "total": found.total,
                        "first": [hit.title[:60] for hit in found.hits[:2]],
                        "seconds": round(time.perf_counter() - began, 2)}
    return report


def _child(out: Path, url: str) -> dict[str, Any]:
    """One load in a fresh process; its progress lines pass through to stderr."""
    result = subprocess.run([sys.executable, __file__, "--child", str(out), url], check=True,
                            stdout=subprocess.PIPE, text=True)
    return dict(json.loads(result.stdout))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--studies", type=int, default=20_000,
                        help="studies to load (rounded up to whole partitions)")
    parser.add_argument("--part-size", type=int, default=5000,
                        help="synthetic articles per partition (~98.5%% become studies)")
    parser.add_argument("--db", choices=("sqlite", "postgresql", "both"), default="both",
                        help="both: PostgreSQL too when a URL is given")
    parser.add_argument("--small", type=int, help="also load this many partitions alone")
    parser.add_argument("--data", type=Path, default=HERE / "data",
                        help="where the pipeline outputs are made (and kept)")
    parser.add_argument("--db-dir", type=Path, help="keep the SQLite stores here")
    parser.add_argument("--pg-url", default=os.environ.get("EXOBONE_TEST_PG_URL"))
    parser.add_argument("--inspect", metavar="URL",
                        help="only report size, counts and a search of this store (a stopped run)")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(Path(args.child[0]), args.child[1])))
        return
    if args.inspect:
        from exobone.store import Store

        store = Store.open(args.inspect, create=False)
        print(json.dumps(inspect(store, args.inspect), indent=2))
        store.close()
        return
    from bench_ingest import _fresh_pg

    from exobone.scale.layout import read_manifests, table_path

    if args.db == "postgresql" and not args.pg_url:
        parser.error("--db postgresql needs --pg-url or EXOBONE_TEST_PG_URL")
    one = partition(args.data, args.part_size)
    import pyarrow.parquet as pq

    per_part = pq.read_metadata(table_path(one, "records", read_manifests(one)[0].part)).num_rows
    outputs = {"large": replicate(args.data, one, math.ceil(args.studies / per_part))}
    if args.small:
        outputs["small"] = replicate(args.data, one, args.small)
    runs: dict[str, object] = {"load_average_before": os.getloadavg()[0]}
    with tempfile.TemporaryDirectory() as tmp:
        stores = args.db_dir or Path(tmp)
        stores.mkdir(parents=True, exist_ok=True)
        for size, out in outputs.items():
            if args.db in ("sqlite", "both") or size == "small":
                database = stores / f"bench_load_{size}.db"
                for old in stores.glob(database.name + "*"):  # the file, its WAL, .facets/
                    shutil.rmtree(old) if old.is_dir() else old.unlink()
                runs[f"{size}_sqlite"] = _child(out, f"sqlite:///{database}")
            if args.db != "sqlite" and args.pg_url and size == "large":
                runs[f"{size}_postgresql"] = _child(out, _fresh_pg(args.pg_url, "bench_load"))
    runs["load_average_after"] = os.getloadavg()[0]
    print(json.dumps(runs, indent=2))


if __name__ == "__main__":
    main()
