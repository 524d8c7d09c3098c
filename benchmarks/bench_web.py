"""Load benchmark of the web app's search page: N concurrent clients on loopback for T s.

Builds the demo store (examples/ bibliography) in a temporary folder, serves it with uvicorn
on a free 127.0.0.1 port in a child process, then runs `--clients` asyncio httpx clients,
each looping over a fixed set of search pages (text queries, facet filters, both) until
`--seconds` pass. Traffic never leaves the loopback interface; every loop is bounded.

    .venv/bin/python benchmarks/bench_web.py --clients 50 --seconds 30
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import socket
import statistics
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "examples" / "exosome_bone_bibliography.txt"
PAGES = [
    "/search",
    "/search?q=osteoarthritis",
    "/search?q=bone+regeneration",
    "/search?f=species%3Drat",
    "/search?q=exosomes&f=settings%3Din_vivo",
    "/search?q=cartilage&page=1",
]


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
    import uvicorn

    from exobone.web import Settings, create_app

    uvicorn.run(create_app(Settings(db_url=url)), host="127.0.0.1", port=port, log_level="error")


async def client(base: str, stop: float, latencies: list[float], errors: list[str]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        i = 0
        while time.perf_counter() < stop:
            path = PAGES[i % len(PAGES)]
            i += 1
            start = time.perf_counter()
            try:
                response = await http.get(path)
                if response.status_code != 200:
                    errors.append(f"{path}: HTTP {response.status_code}")
            except httpx.HTTPError as error:
                errors.append(f"{path}: {type(error).__name__}")
            latencies.append(time.perf_counter() - start)


async def load(base: str, clients: int, seconds: float) -> tuple[list[float], list[str], float]:
    latencies: list[float] = []
    errors: list[str] = []
    began = time.perf_counter()
    stop = began + seconds
    await asyncio.gather(*(client(base, stop, latencies, errors) for _ in range(clients)))
    return latencies, errors, time.perf_counter() - began


def wait_ready(base: str, limit: float = 30) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/search", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise RuntimeError("server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'demo.db'}"
        build_store(url)
        port = free_port()
        server = multiprocessing.get_context("spawn").Process(target=serve, args=(url, port))
        server.start()
        try:
            base = f"http://127.0.0.1:{port}"
            wait_ready(base)
            latencies, errors, elapsed = asyncio.run(load(base, args.clients, args.seconds))
        finally:
            server.terminate()
            server.join(10)
    ms = sorted(x * 1000 for x in latencies)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    print(f"clients {args.clients}, {elapsed:.1f} s, requests {len(ms)}, errors {len(errors)}")
    print(f"requests/s {len(ms) / elapsed:.1f}")
    print(f"latency ms: p50 {statistics.median(ms):.1f}, p95 {p95:.1f}, max {ms[-1]:.1f}")
    for line in sorted(set(errors))[:10]:
        print("  error:", line)


if __name__ == "__main__":
    main()
