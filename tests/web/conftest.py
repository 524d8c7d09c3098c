"""Fixtures of the web tests: a store loaded with the demo bibliography, the app on it, and
(for the browser tests) a real uvicorn server on a free loopback port."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from exobone.api import ingest_file, load_extractor
from exobone.store import Store

DATA = Path(__file__).resolve().parent / "data"
SCRIPT_RIS = DATA / "script_title.ris"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, demo_file: Path) -> Path:
    """A SQLite store with the demo bibliography and the script-title record, made once."""
    path = tmp_path_factory.mktemp("web") / "demo.db"
    with Store.open(f"sqlite:///{path}") as store:
        extractor = load_extractor()
        ingest_file(store, demo_file, extractor=extractor)
        ingest_file(store, SCRIPT_RIS, extractor=extractor)
    return path


@pytest.fixture
def db_url(demo_db: Path, tmp_path: Path) -> str:
    """A private copy of the demo store, so tests that write do not meet."""
    copy = tmp_path / "demo.db"
    shutil.copy(demo_db, copy)
    return f"sqlite:///{copy}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """uvicorn serving an app in a background thread on 127.0.0.1."""

    def __init__(self, app: object) -> None:
        import uvicorn

        self.port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="session")
def serve() -> type[Server]:
    """The `Server` class (tests/web is not a package, so fixtures hand it out)."""
    return Server
