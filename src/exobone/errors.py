"""Errors that users see: each names the file and, where known, the record and line."""

from __future__ import annotations

import importlib
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType

from exobone.suggest import did_you_mean


class ExoboneError(Exception):
    """Base of every error exobone raises on purpose."""


@dataclass
class RecordProblem:
    """A record that could not be read; the reader goes on with the next one.

    With `kept` it is a warning about a record that was read all the same (an abstract
    without a title): reported, but not counted as skipped.
    """

    source: str
    message: str
    position: int = 0
    line: int = 0
    kept: bool = False

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
        self.message = message
        self.line = line
        where = f"{source}, line {line}" if line else source
        super().__init__(f"{where}: {message}")


class FileBreaksOffError(IngestError):
    """A file that could be read up to some point and no further (a truncated or corrupt
    gzip stream): what came before the break is still good."""


class UnknownFieldError(ExoboneError):
    """A name that is not a field of the schema (docs/schema.md); the message lists `valid`."""

    def __init__(self, name: str, valid: Sequence[str]) -> None:
        self.name = name
        self.valid = list(valid)
        hint = did_you_mean(name, self.valid)
        super().__init__(f"unknown field {name!r}{hint} (valid fields: {', '.join(self.valid)})")


class StoreError(ExoboneError):
    """The store cannot do what was asked (unknown record, nothing to undo)."""


class UnknownFilterError(StoreError):
    """A filter names a label that does not exist; the message lists valid ones."""

    # How many valid labels the message lists before saying how many more there are.
    LISTED = 60

    def __init__(self, message: str, valid: Sequence[str]) -> None:
        self.valid = list(valid)
        shown = ", ".join(self.valid[: self.LISTED])
        more = f" and {len(self.valid) - self.LISTED} more" if len(self.valid) > self.LISTED else ""
        super().__init__(f"{message}; valid: {shown}{more}")


class LabelError(ExoboneError):
    """A curated value the schema does not allow in its field."""


class BrokenModuleError(ExoboneError):
    """One of exobone's own modules cannot be imported: the code or the installation is broken.

    Raised instead of carrying on without the module, which would store no studies or hide
    commands and still exit 0.
    """

    def __init__(self, module: str, error: BaseException) -> None:
        self.module = module
        self.error = error
        cause = f"{type(error).__name__}: {error}"
        super().__init__(f"{module} cannot be imported{_where(error)}: {cause}")


def load_module(name: str) -> ModuleType:
    """Import one of exobone's own modules; any failure becomes a BrokenModuleError."""
    try:
        return importlib.import_module(name)
    except Exception as error:  # a syntax, name or import error anywhere below `name`
        raise BrokenModuleError(name, error) from error


def _where(error: BaseException) -> str:
    """Where the failing code is, as " (file, line N)": a syntax error's own place, else the
    innermost frame of the traceback."""
    if isinstance(error, SyntaxError) and error.filename:
        return f" ({error.filename}, line {error.lineno})"
    frames = traceback.extract_tb(error.__traceback__)
    inner = [f for f in frames if "importlib" not in f.filename]
    return f" ({inner[-1].filename}, line {inner[-1].lineno})" if inner else ""
