"""Uploads as background jobs: the POST answers at once with a job, the job page and API
tell its progress, curations succeed while a long upload is stored (SQLite and
PostgreSQL), and a server killed half-way leaves whole batches that the same upload
continues from."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from exobone.api import ingest_file, load_extractor
from exobone.store import Store
from exobone.store import writer as writer_module
from exobone.store.writer import BATCH_SIZE
from exobone.web import Settings, create_app
from exobone.web.jobs import JOB_ID

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synth_pubmed import generate  # noqa: E402

LOCAL = "http://127.0.0.1:8000"
SCRIPT_RIS = Path(__file__).resolve().parent / "data" / "script_title.ris"
EXOBONE = Path(sys.executable).with_name("exobone")
# Records of the long upload: 10-40 s to read, extract and store here; 4 batches of 1,000 in
# the curations' test (with 3, the faster write path left room for only one status poll per
# batch on an idle machine), 2 of `BATCH_SIZE` in a server's.
LONG_RECORDS = 4000
CURATION_BATCH = 1000
MB = 1 << 20


@pytest.fixture(scope="module")
def long_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic PubMed file (~23 MB), a third of its abstracts about EVs and bone."""
    path = tmp_path_factory.mktemp("jobs") / "long.xml"
    return generate(path, LONG_RECORDS, seed=13, in_scope_share=0.3)


@pytest.fixture(scope="module")
def quick_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A synthetic PubMed file of 2,000 records, few of them in scope: seconds to ingest."""
    return generate(tmp_path_factory.mktemp("jobs") / "quick.xml", 2000, seed=7)


@pytest.fixture
def client(db_url: str, tmp_path: Path) -> TestClient:
    settings = Settings(db_url=db_url, max_upload=64 * MB, upload_dir=tmp_path / "uploads")
    return TestClient(create_app(settings), base_url=LOCAL)


def csrf(client: TestClient) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', client.get("/").text)
    assert match
    return match.group(1)


def wait_until(client: Any, status: str, ready: Any, seconds: float = 120) -> dict[str, Any]:
    deadline = time.monotonic() + seconds
    while True:
        job: dict[str, Any] = client.get(status).json()
        if ready(job):
            return job
        assert job["state"] in ("queued", "running"), job
        assert time.monotonic() < deadline, job
        time.sleep(0.05)


def test_form_upload_answers_with_the_job_page(client: TestClient, upload_job: Any) -> None:
    token = csrf(client)
    name = "<img src=x onerror=alert(1)>.ris"
    ris = SCRIPT_RIS.read_bytes().replace(b"escape.test.2021", b"form.job.2024")
    started = time.monotonic()
    sent = client.post(
        "/upload", data={"csrf": token}, files={"file": (name, ris)}, follow_redirects=False
    )
    assert sent.status_code == 303, sent.text
    assert time.monotonic() - started < 5
    job_id = sent.headers["location"].removeprefix("/jobs/")
    assert JOB_ID.match(job_id)
    job = wait_until(client, f"/api/jobs/{job_id}", lambda j: j["state"] == "done")
    assert job["file"] == name and job["result"]["new"] == 1, job
    page = client.get(f"/jobs/{job_id}").text
    assert 'id="ingest-summary"' in page and 'id="n-new">1<' in page
    assert "<img src=x" not in page and "&lt;img src=x onerror=alert(1)&gt;.ris" in page
    # A running job's page reloads itself without scripts; a finished one does not.
    assert 'http-equiv="refresh"' not in page


def test_job_ids_are_unguessable_and_unknown_ones_404(client: TestClient, upload_job: Any) -> None:
    ids = {upload_job(client, f"r{n}.ris", SCRIPT_RIS.read_bytes())["id"] for n in range(3)}
    assert len(ids) == 3 and all(JOB_ID.match(i) for i in ids)
    made_up = "A" * 24
    assert client.get(f"/api/jobs/{made_up}").status_code == 404
    assert client.get(f"/api/jobs/{made_up}").json()["detail"].startswith("no such upload job")
    assert client.get("/jobs/../../etc/passwd").status_code == 404
    assert client.get("/jobs/%3Cscript%3E").status_code == 404
    assert "<script>" not in client.get("/jobs/%3Cscript%3E").text


def test_job_routes_need_the_token_and_a_known_host(
    db_url: str, tmp_path: Path, upload_job: Any
) -> None:
    app = create_app(Settings(db_url=db_url, token="t0ken-x", upload_dir=tmp_path / "up"))
    client = TestClient(app, base_url=LOCAL, headers={"Authorization": "Bearer t0ken-x"})
    job = upload_job(client, "refs.ris", SCRIPT_RIS.read_bytes())
    anonymous = TestClient(app, base_url=LOCAL)
    for url in (job["status"], job["page"]):
        assert anonymous.get(url).status_code == 401, url
        assert client.get(url, headers={"Host": "evil.example"}).status_code == 421, url
        assert client.get(url).status_code == 200, url


def test_refusals_come_at_once_and_leave_nothing(client: TestClient, tmp_path: Path) -> None:
    headers = {"X-Requested-By": "t"}
    empty = client.post("/api/upload", files={"file": ("e.ris", b"")}, headers=headers)
    assert empty.status_code == 400 and "e.ris: empty file" in empty.json()["detail"]
    junk = client.post("/api/upload", files={"file": ("n.txt", b"some words\n")}, headers=headers)
    assert junk.status_code == 400 and "unknown bibliography format" in junk.json()["detail"]
    assert "uploads" not in junk.json()["detail"]
    assert not [p for p in (tmp_path / "uploads").rglob("*") if p.is_file()]
    for folder in [tmp_path / "uploads", tmp_path / "uploads" / "incoming"]:
        assert folder.stat().st_mode & 0o777 == 0o700, folder  # the user's own


def test_a_full_queue_refuses_more_uploads(db_url: str, tmp_path: Path, quick_file: Path) -> None:
    settings = Settings(
        db_url=db_url, max_upload=64 * MB, upload_dir=tmp_path / "up", max_waiting_uploads=1
    )
    client = TestClient(create_app(settings), base_url=LOCAL)
    headers = {"X-Requested-By": "t"}

    def post(name: str, content: bytes) -> httpx.Response:
        return client.post("/api/upload", files={"file": (name, content)}, headers=headers)

    running = post("quick.xml", quick_file.read_bytes())
    wait_until(client, running.json()["status"], lambda j: j["state"] == "running")
    waiting = post("one.ris", SCRIPT_RIS.read_bytes())
    assert waiting.status_code == 202 and waiting.json()["state"] == "queued"
    full = post("two.ris", SCRIPT_RIS.read_bytes())
    assert full.status_code == 503 and "1 uploads are waiting" in full.json()["detail"]
    assert wait_until(client, waiting.json()["status"], lambda j: j["state"] == "done")
    assert client.get(running.json()["status"]).json()["state"] == "done"
    assert post("two.ris", SCRIPT_RIS.read_bytes()).status_code == 202


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def demo_url(request: pytest.FixtureRequest, tmp_path: Path, demo_file: Path) -> str:
    """A store holding the demo bibliography, once per backend."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'demo.db'}"
    else:
        url = str(request.getfixturevalue("pg_schema_url"))
    with Store.open(url) as store:
        ingest_file(store, demo_file, extractor=load_extractor())
    return url


def test_curations_succeed_during_a_long_upload(
    demo_url: str, tmp_path: Path, long_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's failure: a curation during a 111 s upload got 500 'database is locked'.
    Curations and searches made while the job stores its batches all succeed, each waiting
    at most for one batch's write, and the job still finishes with every record."""
    monkeypatch.setattr(writer_module, "BATCH_SIZE", CURATION_BATCH)  # four batches
    settings = Settings(db_url=demo_url, max_upload=64 * MB, upload_dir=tmp_path / "up")
    client = TestClient(create_app(settings), base_url=LOCAL)
    started = time.monotonic()
    sent = client.post(
        "/api/upload",
        files={"file": ("long.xml", long_file.read_bytes())},
        headers={"X-Requested-By": "t"},
    )
    assert sent.status_code == 202 and time.monotonic() - started < 10, sent.text
    status = sent.json()["status"]
    first = wait_until(client, status, lambda j: j["stored"] >= 1000)
    assert first["state"] == "running" and first["read"] >= first["stored"]
    # A curator adds and withdraws a value again and again until the upload is over.
    during: list[int] = []  # the records stored when each curation returned
    waits: list[float] = []
    removing = False
    while True:
        began = time.monotonic()
        done = client.post(
            "/api/studies/S02/curations",
            json={"field": "species", "value": "dog", "remove": removing},
            headers={"X-Exobone-User": "rita"},
        )
        waits.append(time.monotonic() - began)
        assert done.status_code == 201, done.text
        removing = not removing
        assert client.get("/api/search", params={"q": "osteoarthritis"}).status_code == 200
        job = client.get(status).json()
        if job["state"] != "running":
            break
        during.append(job["stored"])
        time.sleep(0.2)
    # Curations were made while later batches were stored (at least two of the three after
    # the first), not only before or after.
    assert len(during) >= 2 and max(during) > min(during), during
    assert max(waits) < 30, waits  # at most about one batch's write; the timeout is 60 s
    assert job["state"] == "done", job
    assert job["result"]["new"] == LONG_RECORDS and job["stored"] == LONG_RECORDS, job
    assert job["read"] == LONG_RECORDS and job["extracted"] == LONG_RECORDS, job
    species = client.get("/api/studies/S02").json()["annotations"]["species"]
    assert ("dog" in species) == removing, species  # the last decision stands
    assert client.get("/api/summary").json()["records"] == 21 + LONG_RECORDS
    waits.sort()
    print(
        f"{len(waits)} curations during the upload: wait median {waits[len(waits) // 2]:.2f} s,"
        f" max {waits[-1]:.2f} s"
    )


@pytest.fixture
def server_env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    env.pop("EXOBONE_TOKEN", None)
    return env


def start_server(url: str, port: int, env: dict[str, str]) -> subprocess.Popen[bytes]:
    command = [str(EXOBONE), "serve", "--db", url, "--port", str(port), "--max-upload-mb", "64"]
    process = subprocess.Popen(
        [*command, "--max-waiting-uploads", "1", "--create"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/summary", timeout=2)
            return process
        except httpx.TransportError:
            assert process.poll() is None, process.stderr.read() if process.stderr else ""
            time.sleep(0.2)
    process.kill()
    raise AssertionError("exobone serve did not start")


@pytest.fixture
def servers() -> Iterator[list[subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def test_a_server_killed_mid_upload_resumes_on_the_same_upload(
    tmp_path: Path, long_file: Path, server_env: dict[str, str], servers: list[Any]
) -> None:
    """A kill leaves whole batches and the file's checkpoint, never a half-written batch;
    the same file uploaded after the restart goes on after them, and the store ends as one
    uninterrupted upload leaves it."""
    url = f"sqlite:///{tmp_path / 'kill.db'}"
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    servers.append(start_server(url, port, server_env))
    site = f"http://127.0.0.1:{port}"
    upload = {"file": ("long.xml", long_file.read_bytes())}
    with httpx.Client(base_url=site, timeout=60) as http:
        sent = http.post("/api/upload", files=upload, headers={"X-Requested-By": "t"})
        assert sent.status_code == 202, sent.text
        wait_until(http, sent.json()["status"], lambda j: j["stored"] >= BATCH_SIZE)
    servers[0].send_signal(signal.SIGKILL)
    servers[0].wait(timeout=30)
    with Store.open(url) as store:
        kept = store.count()
    assert kept % BATCH_SIZE == 0 and BATCH_SIZE <= kept < LONG_RECORDS, kept  # whole batches

    servers.append(start_server(url, port, server_env))
    with httpx.Client(base_url=site, timeout=60) as http:
        again = http.get("/api/jobs/" + sent.json()["id"])
        assert again.status_code == 404  # jobs live in memory: the restart forgot it
        sent = http.post("/api/upload", files=upload, headers={"X-Requested-By": "t"})
        wait_until(http, sent.json()["status"], lambda j: j["state"] == "running")
        one = {"file": ("one.ris", SCRIPT_RIS.read_bytes())}
        waiting = http.post("/api/upload", files=one, headers={"X-Requested-By": "t"})
        full = http.post("/api/upload", files=one, headers={"X-Requested-By": "t"})
        assert (waiting.status_code, full.status_code) == (202, 503)  # --max-waiting-uploads 1
        job = wait_until(http, sent.json()["status"], lambda j: j["state"] != "running", 300)
        assert wait_until(http, waiting.json()["status"], lambda j: j["state"] == "done")
    assert job["state"] == "done", job
    # The checkpoint's counts go on: the result is that of one uninterrupted upload.
    assert job["result"]["new"] == LONG_RECORDS and job["result"]["read"] == LONG_RECORDS, job
    assert job["extracted"] == LONG_RECORDS - kept  # the stored batches were not redone
    with Store.open(url) as store:
        assert store.count() == LONG_RECORDS + 1  # no record twice, and one.ris's
    uploads = Path(server_env["XDG_CACHE_HOME"]) / "exobone" / "uploads"
    assert not [p for p in uploads.rglob("*") if p.is_file()]


def test_the_worker_thread_ends_when_idle(client: TestClient, upload_job: Any) -> None:
    upload_job(client, "refs.ris", SCRIPT_RIS.read_bytes())
    names = lambda: [t.name for t in threading.enumerate()]  # noqa: E731
    deadline = time.monotonic() + 15
    while "exobone-uploads" in names() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert "exobone-uploads" not in names()


def test_a_write_that_outwaits_the_busy_timeout_gets_503(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Another process holding SQLite's write lock past the busy timeout was a 500
    'database is locked'; it is a 503 to try again, and the write succeeds once free."""
    import sqlite3

    from exobone.store import engine

    monkeypatch.setattr(engine, "SQLITE_BUSY_TIMEOUT", 0.5)
    client = TestClient(create_app(Settings(db_url=db_url)), base_url=LOCAL)
    body = {"field": "species", "value": "dog"}
    holder = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        busy = client.post("/api/studies/S02/curations", json=body)
        assert busy.status_code == 503, busy.text
        assert busy.headers["retry-after"] == "5" and "busy" in busy.json()["detail"]
        assert busy.headers["x-content-type-options"] == "nosniff"
    finally:
        holder.execute("COMMIT")
        holder.close()
    assert client.post("/api/studies/S02/curations", json=body).status_code == 201


def test_a_job_that_fails_says_why_and_the_next_one_runs(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, upload_job: Any
) -> None:
    """A job whose write outwaits the busy timeout (another process holds SQLite's write
    lock) fails and says what to do; the worker goes on, and the same upload then works."""
    import sqlite3

    from exobone.store import engine

    monkeypatch.setattr(engine, "SQLITE_BUSY_TIMEOUT", 0.5)
    settings = Settings(db_url=db_url, upload_dir=tmp_path / "up")
    client = TestClient(create_app(settings), base_url=LOCAL)
    ris = SCRIPT_RIS.read_bytes().replace(b"escape.test.2021", b"busy.job.2025")
    holder = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        job = upload_job(client, "refs.ris", ris)
    finally:
        holder.execute("COMMIT")
        holder.close()
    assert job["state"] == "failed" and job["result"] is None, job
    assert job["error"].startswith("the store stayed busy"), job
    assert 'id="job-error">Failed: the store stayed busy' in client.get(job["page"]).text
    again = upload_job(client, "refs.ris", ris)
    assert again["state"] == "done" and again["result"]["new"] == 1, again


def test_a_job_lists_at_most_1000_problems_and_counts_them_all(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, upload_job: Any
) -> None:
    monkeypatch.setenv("EXOBONE_MAX_RECORD_BYTES", "200")  # every record is larger: a problem
    text = SCRIPT_RIS.read_text(encoding="utf-8")
    ris = "".join(text.replace("escape.test.2021", f"many.{n}.2020") for n in range(1100))
    job = upload_job(client, "many.ris", ris.encode())
    assert job["state"] == "done" and job["problem_count"] == 1100, job["problem_count"]
    assert len(job["problems"]) == 1000 and job["result"]["read"] == 1100
    assert job["problems"][-1]["record"] == 1000
    assert "100 more not listed." in client.get(job["page"]).text


def test_leftovers_of_a_stopped_server_are_swept_when_an_app_starts(
    db_url: str, tmp_path: Path
) -> None:
    """A file half-received, one received for a job never run, and one a killed job was
    reading, all a day old, are removed; a recent one (another server's) is kept."""
    folder = tmp_path / "uploads"
    old = [
        folder / "incoming" / ("a" * 24) / "half.ris",
        folder / "incoming" / ("b" * 24) / "inflated" / "x.ris.gz" / "x.ris",
        folder / "killed.xml",
    ]
    recent = folder / "incoming" / ("c" * 24) / "new.ris"
    for path in [*old, recent]:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("TY  - JOUR\n")
    day_ago = time.time() - 86400 - 60
    for path in old:
        for place in [path, *path.parents]:
            if place == folder:
                break
            os.utime(place, (day_ago, day_ago))
    create_app(Settings(db_url=db_url, upload_dir=folder))
    assert [p for p in folder.rglob("*") if p.is_file()] == [recent]
    assert not (folder / "incoming" / ("a" * 24)).exists()
