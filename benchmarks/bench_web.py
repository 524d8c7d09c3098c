"""Load benchmark of the web app: N concurrent clients on loopback for T s, per store.

Builds the demo store (examples/ bibliography) in a temporary folder and, with `--big`,
also serves a large store (e.g. one made by `benchmarks/synth_studies.py`) in the same run.
Each store is served by uvicorn on a free 127.0.0.1 port in a child process; every page
kind (home, search, study page and study API of a random one of 200 studies, map, graph,
quality) is first requested once (the cold time), then `--clients` asyncio httpx clients
request the kinds in turn, equally often, until `--seconds` pass; then one curation is made
and the first request of each aggregate page after it is timed (what a write costs the next
visitor). The server prepares its indexes, graph and scores before it listens, as
`exobone serve` does. Reported per store: requests/s, p50/p95/p99, errors, per-kind p95,
the server's peak memory (VmHWM), the time until it was ready and the times after a write.
Traffic never leaves the loopback interface; every loop is bounded.

    .venv/bin/python benchmarks/bench_web.py --clients 10 --seconds 15 \
        --big benchmarks/data/store_100000.db
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import random
import socket
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "examples" / "exosome_bone_bibliography.txt"
PAGES = [
    "/",
    "/search",
    "/search?q=osteoarthritis",
    "/search?q=bone+regeneration",
    "/search?f=species%3Drat",
    "/search?q=exosomes&f=settings%3Din_vivo",
    "/search?q=cartilage&page=1",
    "/map",
    "/map?rows=species&cols=outcomes",
    "/graph",
    "/quality",
    "/study/{}",
    "/api/studies/{}",
]
# Study pages of this many different studies, spread over the store.
STUDIES = 200


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_store(url: str) -> None:
    from exobone.api import ingest_file, load_extractor
    from exobone.store import Store

    with Store.open(url) as store:
        ingest_file(store, DEMO, extractor=load_extractor())


def serve(url: str, port: int) -> None:
    """The app as `exobone serve` runs it: indexes, graph and scores prepared, then served."""
    import sys

    import uvicorn

    from exobone.web import Settings, create_app

    app = create_app(Settings(db_url=url))
    app.state.corpus.prepare(lambda text: print(text, file=sys.stderr, flush=True))
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="error")


def after_write(base: str, label: str) -> dict[str, float]:
    """Seconds of the first request of each aggregate page after a curation (which moves
    the store generation), and of the curation itself."""
    times = {}
    start = time.perf_counter()
    httpx.post(
        f"{base}/api/studies/{label}/curations",
        json={"field": "molecular_effects", "value": "RUNX2|up"},
        timeout=900,
    ).raise_for_status()
    times["curation"] = time.perf_counter() - start
    for path in ["/graph", "/quality", "/api/graph", "/map", "/search?q=bone", "/"]:
        start = time.perf_counter()
        httpx.get(base + path, timeout=900).raise_for_status()
        times[path] = time.perf_counter() - start
    return times


def study_labels(path: Path) -> list[str]:
    """Up to `STUDIES` study ids spread over the store."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        (count,) = conn.execute("SELECT count(*) FROM studies").fetchone()
        step = max(1, count // STUDIES)
        labels = [
            row[0]
            for row in conn.execute(
                "SELECT r.label FROM records r JOIN studies s ON s.record_id = r.id "
                "WHERE s.id % ? = 0 LIMIT ?",
                (step, STUDIES),
            )
        ]
    return labels


def kind(path: str) -> str:
    return path.split("?")[0].rsplit("/", 1)[0] if path.count("/") > 1 else path.split("?")[0]


async def client(
    base: str, labels: list[str], stop: float, timings: list[tuple[str, float]], errors: list[str]
) -> None:
    """Every page kind in turn, equally often; study pages of a random study."""
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        i = random.randrange(len(PAGES))
        while time.perf_counter() < stop:
            path = PAGES[i % len(PAGES)].format(random.choice(labels))
            i += 1
            start = time.perf_counter()
            try:
                response = await http.get(path)
                if response.status_code != 200:
                    errors.append(f"{path}: HTTP {response.status_code}")
            except httpx.HTTPError as error:
                errors.append(f"{path}: {type(error).__name__}")
            timings.append((kind(path), time.perf_counter() - start))


async def load(
    base: str, labels: list[str], clients: int, seconds: float
) -> tuple[list[tuple[str, float]], list[str], float]:
    timings: list[tuple[str, float]] = []
    errors: list[str] = []
    began = time.perf_counter()
    stop = began + seconds
    await asyncio.gather(*(client(base, labels, stop, timings, errors) for _ in range(clients)))
    return timings, errors, time.perf_counter() - began


def wait_ready(base: str, limit: float) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/search", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("server did not start")


def peak_memory_mb(pid: int) -> float:
    """The process's peak resident memory (Linux VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(ms: list[float], share: float) -> float:
    return ms[min(len(ms) - 1, int(len(ms) * share))]


def bench(name: str, db: Path, clients: int, seconds: float) -> None:
    url = f"sqlite:///{db}"
    labels = study_labels(db)
    port = free_port()
    server = multiprocessing.get_context("spawn").Process(target=serve, args=(url, port))
    server.start()
    try:
        base = f"http://127.0.0.1:{port}"
        started = time.perf_counter()
        wait_ready(base, limit=1800)
        ready = time.perf_counter() - started
        cold = {}
        for path in [page.format(labels[0]) for page in PAGES]:
            start = time.perf_counter()
            httpx.get(base + path, timeout=900).raise_for_status()
            cold[path] = time.perf_counter() - start
        timings, errors, elapsed = asyncio.run(load(base, labels, clients, seconds))
        written = after_write(base, labels[-1])
        assert server.pid is not None
        memory = peak_memory_mb(server.pid)
    finally:
        server.terminate()
        server.join(10)
    ms = sorted(t * 1000 for _, t in timings)
    print(f"== {name} ({db.name}): clients {clients}, {elapsed:.1f} s, requests {len(ms)}")
    print(f"requests/s {len(ms) / elapsed:.1f}, errors {len(errors)}, server peak {memory:.0f} MB")
    print(
        f"latency ms: p50 {statistics.median(ms):.1f}, p95 {percentile(ms, 0.95):.1f}, "
        f"p99 {percentile(ms, 0.99):.1f}, max {ms[-1]:.1f}"
    )
    by_kind: dict[str, list[float]] = {}
    for page_kind, t in timings:
        by_kind.setdefault(page_kind, []).append(t * 1000)
    for page_kind, values in sorted(by_kind.items()):
        values.sort()
        print(f"  {page_kind:14} n {len(values):5}  p95 {percentile(values, 0.95):8.1f} ms")
    print(f"server ready (indexes, graph and scores prepared) after {ready:.1f} s")
    print("first (cold) request, s: " + ", ".join(f"{p} {t:.2f}" for p, t in cold.items()))
    print(
        "after a curation, first request, s: "
        + ", ".join(f"{p} {t:.2f}" for p, t in written.items())
    )
    for line in sorted(set(errors))[:10]:
        print("  error:", line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--big", type=Path, help="a large SQLite store to serve after the demo")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        demo = Path(folder) / "demo.db"
        build_store(f"sqlite:///{demo}")
        bench("demo", demo, args.clients, args.seconds)
    if args.big:
        bench("big", args.big.resolve(), args.clients, args.seconds)


if __name__ == "__main__":
    main()
