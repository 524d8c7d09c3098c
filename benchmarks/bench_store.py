"""Store and search benchmark: faceted searches and the evidence map on a large store.

    python benchmarks/synth_studies.py --studies 1000000          # once; minutes
    python benchmarks/bench_store.py --db benchmarks/data/store_1000000.db [--repeat 5]

Runs `Store.search` as the web app and `exobone search` do (a page of 20 hits, the total,
and facet counts over every match on five fields) for text+filter queries and filter-only
queries, and `Store.evidence_counts` (ev_sources x conditions). Filters, facets and the map
are counted in the per-process facet index, text is matched and ranked in the text index
(`exobone.store.textindex`); their build (or load from `<db>.facets/`, `<db>.text/`) times
and sizes are printed first. `--fts5` searches text with FTS5 alone (the former path).
Prints the result sizes and p50/p95 latencies in milliseconds; the first pass over the
query set is reported apart (cold caches).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from exobone.store import Store

ROOT = Path(__file__).resolve().parents[1]
FACETS = ["conditions", "ev_sources", "species", "vesicle_types", "outcomes"]
Where = list[tuple[str, str]]

TEXT_QUERIES: list[tuple[str, Where]] = [
    ("osteogenic differentiation", [("conditions", "osteoporosis")]),
    ("cartilage repair", [("conditions", "osteoarthritis")]),
    ("angiogenesis", [("settings", "in_vivo"), ("species", "rat")]),
    ("hypoxia exosomes", [("ev_sources", "MSC|*|*")]),
    ("wnt", [("conditions", "osteoporosis"), ("ev_sources", "MSC|bone_marrow|*")]),
    ("apoptosis inflammation", [("species", "human")]),
    ("bone regeneration", [("vesicle_types", "exosome")]),
    ("conditioned medium osteoclast", [("settings", "in_vitro")]),
    ("bone", [("species", "rat")]),
    ("bone", []),
]
FILTER_QUERIES: list[Where] = [
    [("conditions", "osteoarthritis")],
    [("conditions", "osteoporosis"), ("species", "rat")],
    [("ev_sources", "MSC|bone_marrow|*")],
    [("ev_sources", "MSC|*|human"), ("settings", "in_vivo")],
    [("vesicle_types", "exosome"), ("conditions", "cartilage_defect")],
    [("species", "mouse")],
    [("outcomes", "osteogenic_differentiation|increase")],
    [("conditions", "fracture"), ("settings", "in_vivo")],
]


def timed(call: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000, result


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run_set(name: str, calls: list[tuple[str, Callable[[], Any]]], repeat: int) -> dict[str, float]:
    """Run every call once cold, then `repeat` times; print each call's size and median."""
    cold = [timed(call)[0] for _, call in calls]
    warm: list[float] = []
    print(f"\n{name}")
    for label, call in calls:
        times = []
        for _ in range(repeat):
            elapsed, result = timed(call)
            times.append(elapsed)
        warm += times
        size = getattr(result, "total", None)
        size = size if size is not None else len(result)
        print(f"  {statistics.median(times):8.1f} ms  {size:>9,}  {label}")
    summary = {
        "cold_p50": percentile(cold, 0.5),
        "cold_max": max(cold),
        "p50": percentile(warm, 0.5),
        "p95": percentile(warm, 0.95),
        "max": max(warm),
    }
    print("  " + "  ".join(f"{key} {value:.1f} ms" for key, value in summary.items()))
    return summary


def text_ready(store: Store) -> None:
    """Build (or load from <db>.text/) the text index and print its time and size."""
    index = store.text_index
    with store.engine.connect() as conn:
        key = index.usable(conn)
        if key is None:
            print("text index not used: the store is below MIN_RECORDS")
            return
        elapsed, postings = timed(lambda: index.postings(conn, key))
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"text index ready in {elapsed / 1000:.1f} s: {len(postings.terms):,} terms, ")
    print(f"  {len(postings.docs):,} postings, {index.disk_size() / 2**20:.0f} MiB on disk")
    print(f"  {index.memory() / 2**20:.0f} MiB in memory (+ mapped files); max RSS {rss:.0f} MiB")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", type=Path, default=ROOT / "benchmarks/data/store_1000000.db")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--rebuild",
        action="store_true",
        help="delete <db>.facets/ and <db>.text/ first: time full builds",
    )
    parser.add_argument("--fts5", action="store_true", help="match and rank text with FTS5 alone")
    args = parser.parse_args(argv)
    for suffix in (".facets", ".text"):
        cache = Path(f"{args.db}{suffix}")
        if args.rebuild and cache.exists():
            shutil.rmtree(cache)
    if not args.db.exists():
        parser.error(f"{args.db} does not exist: run benchmarks/synth_studies.py first")
    with Store.open(f"sqlite:///{args.db}") as store:
        print(f"{args.db}: {store.count():,} records; facets on {', '.join(FACETS)}")

        def search(query: str, where: Where) -> Callable[[], Any]:
            return lambda: store.search(query, where, limit=20, facet_fields=FACETS)

        # The facet index is built (or loaded from <db>.facets/) by the first query needing it.
        fields = sorted({*FACETS, *(n for w in FILTER_QUERIES for n, _ in w), "settings"})
        elapsed, _ = timed(lambda: store.search("", [], limit=20, facet_fields=fields))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        index_mib = store.facet_index.memory() / 2**20
        print(f"facet index ready in {elapsed / 1000:.1f} s ({', '.join(fields)}):")
        print(f"  {index_mib:.0f} MiB of arrays; process max RSS {rss:.0f} MiB")
        if args.fts5:
            store.text_index = None  # type: ignore[assignment]
            print("text index off: FTS5 matches and ranks")
        else:
            text_ready(store)
        text_calls = [(f"{q!r} + {w}", search(q, w)) for q, w in TEXT_QUERIES]
        filter_calls = [(str(w), search("", w)) for w in FILTER_QUERIES]
        emap = [
            ("ev_sources x conditions", lambda: store.evidence_counts("ev_sources", "conditions")),
            ("species x conditions", lambda: store.evidence_counts("species", "conditions")),
        ]
        run_set("text query + filters + 5 facets (page of 20)", text_calls, args.repeat)
        run_set("filters only + 5 facets (page of 20)", filter_calls, args.repeat)
        run_set("evidence map (cells)", emap, max(1, args.repeat // 2))
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\nprocess max RSS {rss:.0f} MiB")


if __name__ == "__main__":
    main()
