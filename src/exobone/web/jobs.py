"""Uploads as background jobs: the request only receives the file; one worker thread reads,
extracts and stores it while pages and curations go on.

A 111 s upload held its request (and, before ingests were committed batch by batch, the
write lock) for its whole extraction, and a curation meanwhile failed. Now the request
writes the upload to a private folder of its job (size limit, gzip inflated within bounds,
format detected: every refusal still comes at once), queues the job and answers with its
id. One worker runs the jobs in turn (one writer at a time), through
`exobone.api.ingest_file`: each batch is extracted outside any transaction, then stored and
committed with the file's checkpoint, so a curation waits for one batch's write at most.

Jobs live in this process's memory only: a restart forgets them and drops the queued ones
(their files, left in the uploads folder, are swept a day later when an app starts). A job
stopped half-way by a restart has committed whole batches and its checkpoint; the same file
uploaded again goes on after them (`FileIngest`), as `exobone ingest` run again does.
"""

from __future__ import annotations

import logging
import os
import queue
import re
import secrets
import shutil
import threading
import time
from collections import OrderedDict
from contextlib import suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import HTTPException, UploadFile
from sqlalchemy.exc import OperationalError

from exobone.api import SupportsExtract, ingest_file, load_extractor
from exobone.errors import IngestError, RecordProblem
from exobone.model import Record, Study
from exobone.store import IngestSummary, Store

log = logging.getLogger(__name__)

# An uploaded gzip may inflate to this many times the upload limit, and to at most the
# ingest layer's ratio once past 1 MiB (a 20 KB gzip bomb burned 271 s of CPU).
INFLATE_FACTOR = 10
# Jobs waiting for the worker at once; past that an upload gets 503.
MAX_WAITING = 8
# Finished jobs remembered (the oldest are forgotten first).
MAX_KEPT = 200
# Problems a job lists (all are counted).
MAX_PROBLEMS = 1000
# A job id: 24 URL-safe characters from `secrets` (144 bits).
JOB_ID = re.compile(r"^[A-Za-z0-9_-]{24}$")
# Leftovers of a stopped server older than this (a day) are removed when an app starts.
STALE_SECONDS = 86400.0
# Seconds the idle worker waits for another job before it ends (a new upload starts one).
IDLE_SECONDS = 5.0
SUMMARY_FIELDS = ("format", "read", "new", "updated", "unchanged", "merged", "extracted")


@dataclass(slots=True)
class Job:
    """One upload: where it is, what has been read, extracted and stored, what went wrong."""

    id: str
    name: str  # the file as the user called it
    fmt: str
    staged: Path  # the upload as received, in its job's own folder
    source: Path  # where it is ingested from (the same for every upload of a name)
    state: str = "queued"  # queued, running, done or failed
    read: int = 0
    extracted: int = 0
    stored: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)
    problem_count: int = 0
    result: dict[str, Any] | None = None
    error: str | None = None
    queued_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    started_at: datetime | None = None
    finished_at: datetime | None = None

    @property
    def finished(self) -> bool:
        return self.state in ("done", "failed")

    def to_json(self) -> dict[str, Any]:
        end = self.finished_at or datetime.now(UTC)
        return {
            "id": self.id,
            "file": self.name,
            "format": self.fmt,
            "state": self.state,
            "read": self.read,
            "extracted": self.extracted,
            "stored": self.stored,
            "problems": list(self.problems),
            "problem_count": self.problem_count,
            "result": self.result,
            "error": self.error,
            "queued_at": _iso(self.queued_at),
            "started_at": _iso(self.started_at),
            "finished_at": _iso(self.finished_at),
            "seconds": round((end - self.started_at).total_seconds(), 1)
            if self.started_at
            else None,
            "page": f"/jobs/{self.id}",
            "status": f"/api/jobs/{self.id}",
        }

    def saw(self, item: Record | RecordProblem) -> None:
        """One item read from the file: a record, a skipped record or a warning."""
        if not isinstance(item, RecordProblem):
            self.read += 1
            return
        self.read += 0 if item.kept else 1
        self.problem_count += 1
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(self._problem(item))

    def _problem(self, item: RecordProblem) -> dict[str, Any]:
        """A problem naming the file as uploaded, never the server's folder."""
        message = self.clean(item.message)
        text = str(replace(item, source=self.name, message=message))
        return {
            "file": self.name,
            "record": item.position or None,
            "line": item.line or None,
            "message": message,
            "kept": item.kept,
            "text": text,
        }

    def clean(self, text: object) -> str:
        return str(text).replace(str(self.source), self.name).replace(str(self.staged), self.name)


class _Counting:
    """The extractor, counting each record it extracts into the job."""

    def __init__(self, extractor: SupportsExtract, job: Job) -> None:
        self.extractor = extractor
        self.version = getattr(extractor, "version", None)
        self.job = job

    def extract(self, record: Record, study_id: str) -> Study:
        study = self.extractor.extract(record, study_id)
        self.job.extracted += 1
        return study


class UploadJobs:
    """The jobs of one app: a bounded queue, one worker thread, finished jobs remembered."""

    def __init__(
        self, store: Store, folder: Path, waiting: int = MAX_WAITING, kept: int = MAX_KEPT
    ) -> None:
        self.store = store
        self.folder = folder
        self.kept = kept
        self._queue: queue.Queue[Job] = queue.Queue(maxsize=waiting)
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._worker: threading.Thread | None = None
        sweep(folder)

    def get(self, job_id: str) -> Job | None:
        if not JOB_ID.match(job_id):
            return None
        with self._lock:
            return self._jobs.get(job_id)

    def receive(self, file: UploadFile, limit: int) -> Job:
        """Write the upload to its job's folder and queue the job; HTTPException (413 too
        large, 400 empty, unreadable or of no known format, 503 queue full) otherwise."""
        job_id = secrets.token_urlsafe(18)
        shown = file.filename or "upload"
        name = re.sub(r"[^\w.-]", "_", Path(shown).name)[-100:].lstrip(".") or "upload"
        home = self.folder / "incoming" / job_id
        self.folder.parent.mkdir(parents=True, exist_ok=True)
        for private in (self.folder, home.parent, home):  # each made for this user only
            private.mkdir(mode=0o700, exist_ok=private != home)
        try:
            raw = home / name
            _save(file, raw, shown, limit)
            staged = _inflated(raw, shown, limit)
            fmt = _format(staged, shown)
            job = Job(job_id, shown, fmt, staged, self.folder / staged.relative_to(home))
            self._submit(job)
        except BaseException:
            shutil.rmtree(home, ignore_errors=True)
            raise
        return job

    def _submit(self, job: Job) -> None:
        with self._lock:
            try:
                self._queue.put_nowait(job)
            except queue.Full:
                raise HTTPException(
                    503, f"{self._queue.maxsize} uploads are waiting already; try again later"
                ) from None
            self._jobs[job.id] = job
            self._forget_old()
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="exobone-uploads")
                self._worker.daemon = True
                self._worker.start()

    def _forget_old(self) -> None:
        finished = [key for key, job in self._jobs.items() if job.finished]
        for key in finished[: max(0, len(finished) - self.kept)]:
            del self._jobs[key]

    def _work(self) -> None:
        while True:
            try:
                job = self._queue.get(timeout=IDLE_SECONDS)
            except queue.Empty:
                with self._lock:
                    if self._queue.empty():
                        self._worker = None
                        return
                continue
            self.run(job)

    def run(self, job: Job) -> None:
        """Ingest one job's file from its stable path, then remove it."""
        job.state, job.started_at = "running", datetime.now(UTC)
        try:
            job.source.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            os.replace(job.staged, job.source)
            shutil.rmtree(self.folder / "incoming" / job.id, ignore_errors=True)
            summary = ingest_file(
                self.store,
                job.source,
                fmt=job.fmt,
                extractor=_Counting(load_extractor(), job),
                progress=lambda done, _total: setattr(job, "stored", done),
                on_read=job.saw,
            )
        except IngestError as error:
            job.error = job.clean(error)
        except Exception as error:  # the worker goes on with the next job whatever happens
            if isinstance(error, OperationalError) and "database is locked" in str(error.orig):
                job.error = (
                    "the store stayed busy with another write past its timeout; upload the "
                    "file again to go on after the last batch stored"
                )
            else:  # a bug or a broken store: logged, the job says so
                log.exception("upload job %s (%s) failed", job.id, job.name)
                job.error = "internal error; the server log has the details"
        else:
            job.result = _summary_json(summary)
        finally:
            job.source.unlink(missing_ok=True)
            with suppress(OSError):
                job.source.parent.rmdir()  # an emptied inflated/<name> folder
            shutil.rmtree(self.folder / "incoming" / job.id, ignore_errors=True)
            job.finished_at = datetime.now(UTC)
            job.state = "failed" if job.error else "done"


def default_upload_dir() -> Path:
    """Where uploads are written while they are ingested: a private folder of the user's
    cache (`$XDG_CACHE_HOME/exobone/uploads`), stable across restarts."""
    cache = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "exobone" / "uploads"


def sweep(folder: Path, older_than: float = STALE_SECONDS) -> None:
    """Remove what a stopped server left in the uploads folder: files received for jobs it
    never ran, or half-received (`incoming/`), and files of jobs a kill stopped (their
    stored batches stay, with the checkpoint). Only entries untouched for `older_than`
    seconds go: another server sharing the folder may be using newer ones."""
    if not folder.is_dir():
        return
    limit = time.time() - older_than
    stale = []
    for path in folder.rglob("*"):
        with suppress(OSError):
            if path.lstat().st_mtime < limit:
                stale.append(path)
    for path in sorted(stale, key=lambda p: len(p.parts), reverse=True):  # files first
        with suppress(OSError):  # a folder still holding a newer entry stays
            if path.is_dir() and not path.is_symlink():
                path.rmdir()
            else:
                path.unlink()


def _save(file: UploadFile, target: Path, shown: str, limit: int) -> None:
    """The upload streamed to `target` in chunks, refused with 413 past the limit."""
    size = 0
    with target.open("wb") as out:
        while chunk := file.file.read(1 << 20):
            size += len(chunk)
            if size > limit:
                raise HTTPException(413, f"{shown}: file larger than {limit / 1048576:g} MB")
            out.write(chunk)
    if size == 0:
        raise HTTPException(400, f"{shown}: empty file")


def _inflated(path: Path, shown: str, limit: int) -> Path:
    """The upload itself, or (a gzip file) its contents inflated beside it within the web's
    bounds: the ingest layer's limits, tightened to the upload limit. The inflated file
    sits in `inflated/<name>/`, so that `x.ris.gz` and `x.ris` are different sources."""
    from exobone.ingest.common import ByteBlocks, limits

    bound = limits()
    bound = replace(
        bound,
        inflated_bytes=min(bound.inflated_bytes, INFLATE_FACTOR * limit),
        ratio_after=min(bound.ratio_after, 1 << 20),
    )
    with ByteBlocks(path) as blocks:
        if not blocks.gzip:
            return path
        blocks.limits = bound
        target = path.parent / "inflated" / path.name / (path.name.removesuffix(".gz") or "upload")
        target.parent.mkdir(parents=True)
        try:
            with target.open("wb") as out:
                while data := blocks.read():
                    out.write(data)
        except IngestError as error:
            raise HTTPException(400, str(error).replace(str(path), shown)) from None
    path.unlink()
    return target


def _format(path: Path, shown: str) -> str:
    """The bibliography format of the upload; 400 naming the file when there is none."""
    from exobone.ingest import detect_format

    try:
        return detect_format(path)
    except IngestError as error:
        raise HTTPException(400, str(error).replace(str(path), shown)) from None


def _summary_json(summary: IngestSummary) -> dict[str, Any]:
    return {name: getattr(summary, name) for name in SUMMARY_FIELDS}


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None
