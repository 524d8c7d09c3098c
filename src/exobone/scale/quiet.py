"""A worker plugin for the local cluster of `exobone pipeline`: a good run ends quietly.

While a worker shuts down at the end of a run, its notes on closed connections and the
heartbeat that loses the race with the closing scheduler were logged, a traceback after every
good run. Once a worker is closing, its records below CRITICAL are dropped; the same failures
during the run are still logged. The nannies live in the pipeline's own process: while it
closes its cluster, a nanny whose worker exits first can log a CancelledError traceback
(`quiet_nannies`). (Its own module: it imports distributed, which
`exobone.scale.pipeline` imports only when a run starts.)
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from distributed import Worker, WorkerPlugin
from distributed.core import Status

_CLOSING = (Status.closing, Status.closing_gracefully, Status.closed)


class QuietShutdown(WorkerPlugin):
    """Install `_ClosingFilter` on the worker's loggers (`Client.register_plugin`)."""

    name = "exobone-quiet-shutdown"

    def setup(self, worker: Worker) -> None:
        quiet = _ClosingFilter(worker)
        for name in ("distributed.worker", "distributed.core", "distributed.comm"):
            logging.getLogger(name).addFilter(quiet)


class _ClosingFilter(logging.Filter):
    """Drops records below CRITICAL once `worker` is closing."""

    def __init__(self, worker: Worker) -> None:
        super().__init__()
        self.worker = worker

    def filter(self, record: logging.LogRecord) -> bool:
        return self.worker.status not in _CLOSING or record.levelno >= logging.CRITICAL


@contextmanager
def quiet_nannies() -> Iterator[None]:
    """While the pipeline closes its own cluster, drop this process's nanny records below
    CRITICAL (a nanny racing its exiting worker logs a CancelledError traceback)."""
    logger = logging.getLogger("distributed.nanny")
    quiet = _BelowCritical()
    logger.addFilter(quiet)
    try:
        yield
    finally:
        logger.removeFilter(quiet)


class _BelowCritical(logging.Filter):
    """Drops every record below CRITICAL."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.CRITICAL
