"""The dask.distributed driver: one task per input file, finished files skipped on rerun.

    result = run_pipeline(["baseline/*.xml.gz", "updates/*.xml.gz"], "out/", workers=2)

Without a scheduler address a LocalCluster of single-threaded worker processes is started
(the parser and the extractor are pure Python, so threads would only contend for the GIL).
The driver never holds records: each task writes its own partitions and returns its manifest.
"""

from __future__ import annotations

import glob
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exobone.errors import ExoboneError
from exobone.scale.layout import InputFile, Manifest, read_manifests, remove_temporaries
from exobone.scale.task import process_file


@dataclass(slots=True)
class PipelineResult:
    """What one run did: files processed now, files already finished, files that failed."""

    done: list[Manifest] = field(default_factory=list)
    skipped: list[Manifest] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # input path -> error message

    @property
    def ok(self) -> bool:
        return not self.failed


# Called once per input file as it finishes: (file, manifest or None, error or None).
Progress = Callable[[InputFile, Manifest | None, str | None], None]


def expand_inputs(patterns: Iterable[str]) -> list[InputFile]:
    """Input files of glob patterns (or plain paths), in the order their updates apply."""
    found: dict[str, InputFile] = {}
    for pattern in patterns:
        matches = sorted(glob.glob(pattern, recursive=True)) or (
            [pattern] if Path(pattern).is_file() else []
        )
        if not matches:
            raise ExoboneError(f"{pattern}: no input file matches")
        for match in matches:
            if Path(match).is_file():
                source = InputFile.of(match)
                found.setdefault(source.path, source)
    return sorted(found.values(), key=lambda f: f.order)


def pending(inputs: Sequence[InputFile], out: Path) -> tuple[list[InputFile], list[Manifest]]:
    """Split inputs into those still to do and the manifests of those already finished."""
    finished = {m.part: m for m in read_manifests(out)}
    todo, done = [], []
    for source in inputs:
        manifest = finished.get(source.part)
        if manifest is not None and manifest.matches(source):
            done.append(manifest)
        else:
            todo.append(source)
    return todo, done


def run_pipeline(
    patterns: Iterable[str],
    out: str | Path,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    threads_per_worker: int = 1,
    progress: Progress | None = None,
) -> PipelineResult:
    """Process every input file not finished yet; one failing file does not stop the others."""
    from dask.distributed import as_completed

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    inputs = expand_inputs(patterns)
    remove_temporaries(out)
    todo, done = pending(inputs, out)
    result = PipelineResult(skipped=done)
    if not todo:
        return result
    client, cluster = _connect(scheduler, workers, threads_per_worker)
    try:
        futures = {
            client.submit(
                process_file, source, str(out.resolve()), key=f"exobone-{source.part}", pure=False
            ): source
            for source in todo
        }
        for future in as_completed(futures):
            source = futures[future]
            try:
                manifest: Manifest = future.result()
            except Exception as exc:  # the task's own error names the file
                message = str(exc) or type(exc).__name__
                result.failed[source.path] = message
                if progress:
                    progress(source, None, message)
            else:
                result.done.append(manifest)
                if progress:
                    progress(source, manifest, None)
            future.release()
    finally:
        _close(client, cluster)
    result.done.sort(key=lambda m: m.order)
    return result


def _close(client: Any, cluster: Any) -> None:
    """Close the client, and a cluster of our own with its workers retired first."""
    if cluster is None:
        client.close()
        return
    from exobone.scale.quiet import quiet_nannies

    with quiet_nannies():
        try:
            client.retire_workers(close_workers=True)
        finally:
            client.close()
            cluster.close()


def _connect(scheduler: str | None, workers: int, threads: int) -> tuple[Any, Any]:
    """A client of the given scheduler, or of a new LocalCluster (returned to be closed)."""
    from dask.distributed import Client, LocalCluster

    try:
        if scheduler:
            return Client(scheduler, timeout="30s"), None
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=threads,
            processes=True,
            dashboard_address=":0",  # any free port: never collide with another cluster
            silence_logs=logging.ERROR,  # worker chatter would bury the progress
        )
        from exobone.scale.quiet import QuietShutdown

        client = Client(cluster)
        client.register_plugin(QuietShutdown())
        return client, cluster
    except (OSError, RuntimeError, TimeoutError) as exc:
        where = scheduler or f"a local cluster of {workers} worker(s)"
        raise ExoboneError(f"cannot start dask on {where}: {exc}") from exc
