"""Errors that users see: each names the file and, where known, the record and line."""

from __future__ import annotations

from dataclasses import dataclass


class ExoboneError(Exception):
    """Base of every error exobone raises on purpose."""


@dataclass
class RecordProblem:
    """A record that could not be read; the reader goes on with the next one."""

    source: str
    message: str
    position: int = 0
    line: int = 0

    def __str__(self) -> str:
        where = self.source
        if self.position:
            where += f", record {self.position}"
        if self.line:
            where += f", line {self.line}"
        return f"{where}: {self.message}"


class IngestError(ExoboneError):
    """A whole file cannot be read (unknown format, binary, unreadable, truncated archive)."""

    def __init__(self, source: str, message: str, line: int = 0) -> None:
        self.source = source
        self.line = line
        where = f"{source}, line {line}" if line else source
        super().__init__(f"{where}: {message}")
