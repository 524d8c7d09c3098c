"""Helpers every reader shares: opening and decoding files, and normalising citation fields.

Kept in one place so that all formats agree on what an author, a year or a DOI looks like.
"""

from __future__ import annotations

import codecs
import gzip
import io
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from exobone.errors import IngestError, RecordProblem
from exobone.model import Record
from exobone.text.clean import clean_text, clean_title

_GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 1 << 20


def open_bytes(path: str | Path) -> IO[bytes]:
    """The file's bytes, transparently gunzipped when it is a gzip file (by magic, not name)."""
    source = str(path)
    try:
        with open(path, "rb") as probe:
            magic = probe.read(2)
    except OSError as exc:
        raise IngestError(source, f"cannot open: {exc.strerror or exc}") from exc
    if magic == _GZIP_MAGIC:
        return gzip.GzipFile(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def read_head(path: str | Path, size: int = 65536) -> bytes:
    """The first `size` bytes of the (decompressed) file, for format sniffing."""
    head = bytearray()
    try:
        with open_bytes(path) as stream:
            while len(head) < size:
                chunk = stream.read1(size - len(head))  # type: ignore[attr-defined]
                if not chunk:
                    break
                head += chunk
    except EOFError:
        if not head:  # a truncated archive still has a readable beginning to sniff
            raise IngestError(str(path), "corrupt gzip file: no data") from None
    except (OSError, zlib.error) as exc:
        raise IngestError(str(path), f"corrupt gzip file: {exc}") from exc
    return bytes(head)


def _is_binary(head: bytes) -> bool:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in head


def _fits(path: str | Path, encoding: str) -> bool:
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with open_bytes(path) as stream:
            while chunk := stream.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def sniff_encoding(path: str | Path) -> str:
    """The encoding that decodes the whole file: UTF-8 (with or without BOM), UTF-16, cp1252.

    Raises IngestError for binary content (NUL bytes) or a corrupt gzip stream.
    """
    source = str(path)
    head = read_head(path)
    if _is_binary(head):
        raise IngestError(source, "binary content (NUL bytes), not a bibliography text file")
    if head.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig", "cp1252", "latin-1"]
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "cp1252", "latin-1"]
    try:
        for encoding in candidates:
            if _fits(path, encoding):
                return encoding
    except (OSError, EOFError, zlib.error) as exc:
        raise IngestError(source, f"corrupt gzip file: {exc}") from exc
    raise IngestError(source, "cannot decode text (tried " + ", ".join(candidates) + ")")


def iter_lines(path: str | Path) -> Iterator[str]:
    """Decoded lines without their line ending (LF, CRLF or CR), streamed."""
    encoding = sniff_encoding(path)
    with open_bytes(path) as raw, io.TextIOWrapper(raw, encoding=encoding, newline="") as text:
        for line in text:
            yield line.rstrip("\r\n")


def read_text(path: str | Path) -> str:
    """The whole decoded text with LF line endings (for formats parsed as one document)."""
    return "\n".join(iter_lines(path))


# ---------------------------------------------------------------- fields

_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|20\d\d)(?!\d)")


def parse_year(value: str | None) -> int | None:
    """The first plausible 4-digit year in a date string ("2014 Nov", "2019/06//", "(2015a)")."""
    if not value:
        return None
    match = _YEAR.search(value)
    return int(match.group(1)) if match else None


_DOI = re.compile(r"10\.\d{4,9}/\S+")
_DOI_PREFIX = re.compile(r"^(?:doi:\s*|https?://(?:dx\.)?doi\.org/)", re.IGNORECASE)


def normalise_doi(value: str | None) -> str | None:
    """A bare DOI ("10.x/y") from "doi:10...", a doi.org URL or text around it; None if absent."""
    if not value:
        return None
    match = _DOI.search(_DOI_PREFIX.sub("", value.strip()))
    if not match:
        return None
    return match.group(0).rstrip(".,;)]}") or None


_INITIALS_PACKED = re.compile(r"^[A-Z]{1,4}$")
_INITIAL_TOKENS = re.compile(r"^(?:[A-Z][a-z]?\.?[ -]?)+$")


def _initials(given: str) -> str:
    """'PM' -> 'P. M.', 'P.M.' -> 'P. M.', 'Paul M' -> 'Paul M.', 'K. X.' unchanged."""
    given = given.strip()
    if _INITIALS_PACKED.match(given):
        return " ".join(f"{letter}." for letter in given)
    if _INITIAL_TOKENS.match(given):
        letters = re.findall(r"[A-Z][a-z]?", given)
        return " ".join(f"{letter}." for letter in letters)
    words = given.split()
    return " ".join(f"{w}." if len(w) == 1 and w.isupper() else w for w in words)


def normalise_author(name: str, *, surname_first: bool = True) -> str:
    """An author as "Surname, I. N." (or "Surname, Given N.") where the parts are known.

    Accepts "Surname, Given", "Surname Initials" (MEDLINE AU, Embase "Liu R."), and,
    with `surname_first=False`, "I. N. Surname". Corporate names without a comma are kept.
    """
    name = " ".join(name.split()).strip(" ;")
    if not name:
        return ""
    if "," in name:
        surname, given = name.split(",", 1)
        given = given.strip()
        return f"{surname.strip()}, {_initials(given)}" if given else surname.strip()
    parts = name.split(" ")
    if len(parts) < 2:
        return name
    if surname_first:
        last = parts[-1]
        if _INITIALS_PACKED.match(last.replace(".", "")) and last.replace(".", "").isupper():
            return f"{' '.join(parts[:-1])}, {_initials(last)}"
        return name
    count = 0
    while count < len(parts) - 1 and _INITIAL_TOKENS.match(parts[count]):
        count += 1
    if count:
        return f"{' '.join(parts[count:])}, {_initials(' '.join(parts[:count]))}"
    return name


# ---------------------------------------------------------------- records


def build_record(
    *,
    source: str,
    position: int,
    line: int,
    title: str,
    abstract: str = "",
    raw: str = "",
    **fields: object,
) -> Record | RecordProblem:
    """A Record with cleaned title and abstract (raw kept); a RecordProblem if it has neither.

    A record with an abstract but no title is kept (exobone.ingest.read_records warns).
    """
    clean = clean_title(title) if title else ""
    if not clean and not abstract.strip():
        return RecordProblem(source, "record has no title and no abstract; skipped",
                             position, line)
    present = {name: value for name, value in fields.items() if value or value == 0}
    return Record(
        title=clean,
        abstract=clean_text(abstract) if abstract else "",
        abstract_raw=abstract,
        raw=raw,
        source=source,
        position=position,
        line=line,
        **present,  # type: ignore[arg-type]
    )


def blank_to_none(value: str | None) -> str | None:
    """Whitespace-normalised value, or None when empty."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
