"""Fixtures of the web tests: a store loaded with the demo bibliography, the app on it, and
(for the browser tests) a real uvicorn server on a free loopback port."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from exobone.api import ingest_file, load_extractor
from exobone.store import Store
from exobone.web import Settings, create_app

DATA = Path(__file__).resolve().parent / "data"
SCRIPT_RIS = DATA / "script_title.ris"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


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


def wait_for_job(client: Any, status: str, seconds: float = 300) -> dict[str, Any]:
    """The upload job at `status` (its /api/jobs URL) once finished, polled by `client`
    (a TestClient or an httpx.Client)."""
    deadline = time.monotonic() + seconds
    while True:
        job: dict[str, Any] = client.get(status).json()
        if job["state"] in ("done", "failed"):
            return job
        if time.monotonic() > deadline:
            raise AssertionError(f"the upload job did not finish in {seconds} s: {job}")
        time.sleep(0.1)


@pytest.fixture(scope="session")
def upload_job() -> Any:
    """`upload_job(client, name, content)`: the job of an upload through /api/upload, once
    finished (the POST answers 202 at once)."""

    def upload(client: Any, name: str, content: bytes | str) -> dict[str, Any]:
        headers = {"X-Requested-By": "test"}
        response = client.post("/api/upload", files={"file": (name, content)}, headers=headers)
        assert response.status_code == 202, response.text
        assert response.headers["location"] == response.json()["status"]
        return wait_for_job(client, response.json()["status"])

    return upload


@pytest.fixture(scope="session")
def app_client() -> Any:
    """`app_client(settings, *files)`: a context manager giving a TestClient of the app made
    with `settings`, on its store once `files` are ingested into it with extraction; the
    store is closed after."""

    @contextmanager
    def client_of(settings: Settings, *files: Path) -> Iterator[TestClient]:
        with Store.open(settings.db_url) as store:
            extractor = load_extractor()
            for path in files:
                ingest_file(store, path, extractor=extractor)
        app = create_app(settings)
        yield TestClient(app, base_url="http://127.0.0.1:8000")
        app.state.corpus.store.close()

    return client_of


@pytest.fixture(scope="session")
def serve() -> type[Server]:
    """The `Server` class (tests/web is not a package, so fixtures hand it out)."""
    return Server


@pytest.fixture(scope="session")
def checked_page() -> Any:
    """`checked_page(browser, site)`: a context manager giving a page of a new browser
    context on `site` that fails the test if a script error or console error happened."""

    @contextmanager
    def open_page(browser: Any, site: str) -> Iterator[Any]:
        context = browser.new_context(base_url=site, accept_downloads=True)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
        yield page
        assert page.errors == []
        context.close()

    return open_page


@pytest.fixture
def page(browser: Any, site: str, checked_page: Any) -> Iterator[Any]:
    """A `checked_page` on the `site` fixture of the test's module."""
    with checked_page(browser, site) as page:
        yield page


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's chromium, headless, driven by Playwright; skipped where it is missing,
    except under CI=true, where that is a failure (`scripts/chromium.sh` installs it)."""
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail("CI=true but /usr/bin/chromium is missing (run scripts/chromium.sh)")
        pytest.skip("/usr/bin/chromium is missing")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
