"""Where the pipeline's output lives, and how it is written so a kill leaves nothing half-done.

    DIR/records/<part>.parquet       in-scope records with their study type and warnings
    DIR/annotations/<part>.parquet   key, field, value, rank (long form)
    DIR/evidence/<part>.parquet      key, field, value, section, sentence, start, end, inferred
    DIR/pmids/<part>.parquet         every PMID the file holds (deleted=False) or deletes (True)
    DIR/_manifest/<part>.json        written last: the input file is finished

`<part>` is the input's name without `.xml`/`.gz` plus a hash of its absolute path, so two
inputs of the same name in different folders never collide. Every file is written under a
temporary name beginning with "." and renamed into place; a partition without its manifest is
ignored by readers and redone by the next run.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

TABLES: tuple[str, ...] = ("records", "annotations", "evidence", "pmids")
MANIFEST = "_manifest"
TEMP_PREFIX = ".tmp-"

_text = pa.string()
_int = pa.int32()
SCHEMAS: dict[str, pa.Schema] = {
    "records": pa.schema(
        [
            ("key", _text),
            ("pmid", _text),
            ("title", _text),
            ("abstract", _text),
            ("abstract_raw", _text),
            ("authors", pa.list_(_text)),
            ("year", _int),
            ("journal", _text),
            ("volume", _text),
            ("issue", _text),
            ("pages", _text),
            ("doi", _text),
            ("keywords", pa.list_(_text)),
            ("source", _text),
            ("position", _int),
            ("line", _int),
            ("raw", _text),
            ("study_type", _text),
            ("warnings", pa.list_(_text)),
        ]
    ),
    "annotations": pa.schema([("key", _text), ("field", _text), ("value", _text), ("rank", _int)]),
    "evidence": pa.schema(
        [
            ("key", _text),
            ("field", _text),
            ("value", _text),
            ("section", _text),
            ("sentence", _int),
            ("start", _int),
            ("end", _int),
            ("inferred", _text),  # empty where the words state the value (Span.inferred)
        ]
    ),
    "pmids": pa.schema([("pmid", _text), ("deleted", pa.bool_())]),
}


@dataclass(frozen=True, slots=True)
class InputFile:
    """An input file as the pipeline sees it: its path, identity and partition name."""

    path: str
    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: str | Path) -> InputFile:
        resolved = Path(path).resolve()
        stat = resolved.stat()
        return cls(str(resolved), stat.st_size, stat.st_mtime_ns)

    @property
    def part(self) -> str:
        name = Path(self.path).name
        for suffix in (".gz", ".xml"):
            name = name.removesuffix(suffix)
        digest = hashlib.sha1(self.path.encode("utf-8")).hexdigest()[:10]
        return f"{name}-{digest}"

    @property
    def order(self) -> tuple[str, str]:
        """Files apply in name order (baseline before updates), then by path."""
        return (Path(self.path).name, self.path)


@dataclass(slots=True)
class Manifest:
    """The record of a finished input file; present only when all its partitions are."""

    input: str
    part: str
    size: int
    mtime_ns: int
    sha256: str
    records: int = 0
    in_scope: int = 0
    deleted: int = 0
    annotations: int = 0
    evidence: int = 0
    problems: list[str] = field(default_factory=list)
    # Warnings about records that were read all the same (e.g. a NUL removed): shown, not failures.
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def matches(self, source: InputFile) -> bool:
        """True when the input file is unchanged since it was processed."""
        return (self.input, self.size, self.mtime_ns) == (
            source.path,
            source.size,
            source.mtime_ns,
        )

    @property
    def order(self) -> tuple[str, str]:
        return (Path(self.input).name, self.input)


def sha256_of(path: str | Path) -> str:
    """sha256 of a file's bytes, read in blocks (kept in the manifest as provenance)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def table_path(out: Path, table: str, part: str) -> Path:
    return out / table / f"{part}.parquet"


def manifest_path(out: Path, part: str) -> Path:
    return out / MANIFEST / f"{part}.json"


def write_table(out: Path, table: str, part: str, rows: dict[str, list[Any]]) -> None:
    """Write one partition under a temporary name, then rename it into place."""
    target = table_path(out, table, part)
    data = pa.Table.from_pydict(rows, schema=SCHEMAS[table])
    _atomic(target, lambda temp: pq.write_table(data, temp, compression="zstd"))


def write_manifest(out: Path, manifest: Manifest) -> None:
    text = json.dumps(asdict(manifest), indent=1, ensure_ascii=False)
    _atomic(manifest_path(out, manifest.part), lambda temp: temp.write_text(text, "utf-8"))


def read_manifests(out: Path) -> list[Manifest]:
    """Manifests of every finished input file, in the order their updates apply."""
    folder = out / MANIFEST
    found = []
    if folder.is_dir():
        for path in folder.glob("*.json"):
            if not path.name.startswith("."):
                found.append(Manifest(**json.loads(path.read_text("utf-8"))))
    return sorted(found, key=lambda m: m.order)


def remove_temporaries(out: Path) -> None:
    """Drop the temporary files a killed run left behind."""
    for folder in (*TABLES, MANIFEST):
        for path in (out / folder).glob(f"{TEMP_PREFIX}*"):
            path.unlink(missing_ok=True)


def _atomic(target: Path, write: Any) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = target.with_name(f"{TEMP_PREFIX}{os.getpid()}-{target.name}")
    try:
        write(temp)
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, target)
    finally:
        temp.unlink(missing_ok=True)
