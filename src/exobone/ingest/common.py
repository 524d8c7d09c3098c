"""Helpers every reader shares: opening and decoding files, and normalising citation fields.

Kept in one place so that all formats agree on what an author, a year or a DOI looks like.
"""

from __future__ import annotations

import codecs
import os
import re
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from exobone.errors import FileBreaksOffError, IngestError, RecordProblem
from exobone.model import Record
from exobone.text.clean import clean_text, clean_title

_GZIP_MAGIC = b"\x1f\x8b"
_BLOCK = 1 << 20
_XML_BLOCK = 1 << 22
_LINE_BLOCK = 1 << 16  # small: line readers hold a block as bytes, text and lines at once
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
# Bytes that never occur in text files (C0 controls other than tab, LF, VT, FF, CR, ESC).
_CONTROL = bytes(range(0, 9)) + bytes(range(14, 27)) + bytes(range(28, 32)) + b"\x7f"
_TEXT_BYTES = bytes(sorted(set(range(256)) - set(_CONTROL)))


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds on the work one file may cause, read from the environment at each use.

    `record_bytes` caps one record's text (EXOBONE_MAX_RECORD_BYTES, default 1 MB; XML
    readers allow 8 times that for markup); a gzip file may inflate to `inflated_bytes`
    (EXOBONE_MAX_INFLATED_BYTES, default 16 GiB) and, once past `ratio_after` bytes
    (EXOBONE_GZIP_RATIO_AFTER, default 64 MiB), to at most `gzip_ratio` times the bytes read
    (EXOBONE_MAX_GZIP_RATIO, default 100; text compresses 5-20 times, a gzip bomb 1,000).
    """

    record_bytes: int = 1_000_000
    inflated_bytes: int = 16 << 30
    gzip_ratio: int = 100
    ratio_after: int = 64 << 20


def limits() -> Limits:
    """The Limits in force: defaults, overridden by the EXOBONE_MAX_* variables."""
    defaults = Limits()

    def number(name: str, default: int) -> int:
        value = os.environ.get(name, "").strip()
        try:
            return max(1, int(value)) if value else default
        except ValueError:
            raise IngestError(name, f"not a whole number: {value!r}") from None

    return Limits(
        record_bytes=number("EXOBONE_MAX_RECORD_BYTES", defaults.record_bytes),
        inflated_bytes=number("EXOBONE_MAX_INFLATED_BYTES", defaults.inflated_bytes),
        gzip_ratio=number("EXOBONE_MAX_GZIP_RATIO", defaults.gzip_ratio),
        ratio_after=number("EXOBONE_GZIP_RATIO_AFTER", defaults.ratio_after),
    )


class ByteBlocks:
    """A file's bytes in blocks, gunzipped (every member) when it starts with the gzip magic.

    Every failure is an IngestError naming the file: cannot open (a directory, no
    permission), corrupt or truncated gzip, or a gzip that inflates past the Limits.
    """

    def __init__(self, path: str | Path, block: int = _BLOCK) -> None:
        self.source = str(path)
        self.block = block
        self.limits = limits()
        try:
            self.raw: IO[bytes] = open(path, "rb")  # noqa: SIM115 - closed by close()
        except IsADirectoryError:
            raise IngestError(self.source, "is a directory, not a file") from None
        except OSError as exc:
            raise IngestError(self.source, f"cannot open: {exc.strerror or exc}") from exc
        try:
            self.gzip = self.raw.peek(2)[:2] == _GZIP_MAGIC
        except OSError as exc:
            self.raw.close()
            raise IngestError(self.source, f"cannot read: {exc.strerror or exc}") from exc
        self.inflate = zlib.decompressobj(wbits=31)
        self.pending = b""
        self.packed = 0
        self.inflated = 0
        self.done = False

    def __enter__(self) -> ByteBlocks:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.raw.close()

    def read(self) -> bytes:
        """The next block (at most `block` bytes), or b"" at the end."""
        if self.done:
            return b""
        try:
            if not self.gzip:
                data = self.raw.read(self.block)
                self.done = not data
                return data
            return self._inflate()
        except OSError as exc:
            self.done = True
            raise IngestError(self.source, f"cannot read: {exc.strerror or exc}") from exc

    def _inflate(self) -> bytes:
        while True:
            if not self.pending:
                self.pending = self.raw.read(self.block)
                self.packed += len(self.pending)
                if not self.pending:
                    self.done = True
                    if not self.inflate.eof:
                        raise self._error("corrupt gzip file: it ends before its "
                                          "end-of-stream marker (truncated?)")
                    return b""
            if self.inflate.eof:  # the next member of a multi-member file
                self.inflate = zlib.decompressobj(wbits=31)
            try:
                data = self.inflate.decompress(self.pending, self.block)
            except zlib.error as exc:
                self.done = True
                raise self._error(f"corrupt gzip file: {exc}") from None
            self.pending = (self.inflate.unused_data if self.inflate.eof
                            else self.inflate.unconsumed_tail)
            self.inflated += len(data)
            self._check()
            if data:
                return data

    def _error(self, message: str) -> IngestError:
        """The error for a break: FileBreaksOffError once some content was read."""
        kind = FileBreaksOffError if self.inflated else IngestError
        return kind(self.source, message)

    def _check(self) -> None:
        bound = self.limits
        if self.inflated > bound.inflated_bytes:
            self.done = True
            raise IngestError(self.source, f"gzip file inflates past {bound.inflated_bytes:,} "
                              "bytes (EXOBONE_MAX_INFLATED_BYTES); stopped")
        if self.inflated > bound.ratio_after and self.inflated > bound.gzip_ratio * self.packed:
            self.done = True
            raise IngestError(self.source, f"gzip file inflates more than {bound.gzip_ratio} "
                              "times its size (a gzip bomb?, EXOBONE_MAX_GZIP_RATIO); stopped "
                              f"after {self.inflated:,} bytes")


def read_head(path: str | Path, size: int = 65536, *, skip_blank: bool = False) -> bytes:
    """The first `size` bytes of the (decompressed) file, for format sniffing; with
    `skip_blank`, the first `size` bytes after any leading blank space."""
    head = bytearray()
    with ByteBlocks(path, block=min(size, _BLOCK)) as blocks:
        while len(head) < size:
            try:
                chunk = blocks.read()
            except IngestError:
                if not head:
                    raise
                break  # a truncated archive still has a readable beginning to sniff
            if not chunk:
                break
            head += chunk.lstrip() if skip_blank and not head else chunk
    return bytes(head[:size])


def is_binary(head: bytes) -> bool:
    """True for content that is not text: many control bytes (a few stray NULs are text)."""
    if head.startswith(_UTF16_BOMS) or head.startswith(_UTF16_XML):
        return False
    controls = len(head.translate(None, _TEXT_BYTES))
    return controls > 8 + len(head) // 100


def sniff_encoding(path: str | Path) -> str:
    """How the file's lines decode: "utf-16", "utf-8" or "cp1252".

    "utf-8" once a line beyond ASCII is UTF-8: reading stops there, as TextLines decodes
    each line on its own and reads one that is not UTF-8 as cp1252, and reports it.
    "cp1252" is a file with no UTF-8 beyond ASCII at all (read to its end to know), whose
    lines are then all cp1252, silently. Raises IngestError for binary content or a file
    that cannot be opened.
    """
    source = str(path)
    head = read_head(path)
    if is_binary(head):
        raise IngestError(source, "binary content (control bytes), not a bibliography text file")
    if head.startswith(_UTF16_BOMS):
        return "utf-16"
    invalid = False
    with ByteBlocks(path, block=_LINE_BLOCK) as blocks:
        carry = b""
        while True:
            try:
                block = blocks.read()
            except IngestError:
                break  # the reading pass reports it, after the records before it
            if not block:
                break
            data = carry + block
            cut = data.rfind(b"\n") + 1 or len(data)
            data, carry = data[:cut], data[cut:]
            if data.isascii():
                continue
            try:
                data.decode("utf-8")
                return "utf-8"
            except UnicodeDecodeError:
                for line in data.splitlines():
                    try:
                        text = line.decode("utf-8")
                    except UnicodeDecodeError:
                        invalid = True
                    else:
                        if not text.isascii():
                            return "utf-8"
    return "cp1252" if invalid else "utf-8"


def _legacy(line: bytes) -> str:
    try:
        return line.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return line.decode("latin-1")


_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BYTE_BREAK = re.compile(rb"\r\n|\r|\n")


@dataclass(frozen=True, slots=True)
class LineIssue:
    """Something wrong with one line: `fatal` when the record cannot be trusted any more."""

    line: int
    message: str
    fatal: bool


class TextLines:
    """A text file's decoded lines (without their LF, CRLF or CR ending), streamed, bounded.

    Decoding is per line: UTF-8, and a line that is not UTF-8 is read as cp1252 and noted
    (a file with no UTF-8 at all is plainly cp1252); NUL bytes are removed and noted; a line
    longer than the record limit is cut and noted as fatal. Readers take the notes with
    `take_issues` and report them against the record that holds the line.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = path
        self.source = str(path)
        self.encoding = sniff_encoding(path)
        self.limit = limits().record_bytes
        self.issues: list[LineIssue] = []

    def take_issues(self, last_line: int) -> list[LineIssue]:
        """The notes on lines up to `last_line`, removed from the pending ones."""
        taken = [issue for issue in self.issues if issue.line <= last_line]
        if taken:
            self.issues = self.issues[len(taken):]
        return taken

    def problems(self, last_line: int, position: int) -> tuple[list[RecordProblem], bool]:
        """RecordProblems for the notes up to `last_line` (warnings, `kept`, unless fatal),
        and whether any is fatal (the record must then be skipped)."""
        issues = self.take_issues(last_line)
        return ([RecordProblem(self.source, issue.message, position, issue.line,
                               kept=not issue.fatal)
                 for issue in issues], any(issue.fatal for issue in issues))

    def close_record(self, last_line: int, position: int, start: int,
                     oversized: bool) -> tuple[list[RecordProblem], bool]:
        """The problems of a record that ends at `last_line` and whether to skip it: the notes
        on its lines, then, if it is `oversized` (over EXOBONE_MAX_RECORD_BYTES) and no line
        cut at the limit already reports it, one problem saying so, under its `start` line."""
        problems, fatal = self.problems(last_line, position)
        if oversized and not fatal:
            problems.append(RecordProblem(
                self.source, f"record larger than {self.limit:,} bytes "
                "(EXOBONE_MAX_RECORD_BYTES); skipped", position, start))
        return problems, fatal or oversized

    def leftover(self) -> list[RecordProblem]:
        """Problems on the lines not yet reported (after the last record), under no record."""
        return self.problems(self.issues[-1].line if self.issues else 0, 0)[0]

    def __iter__(self) -> Iterator[str]:
        with ByteBlocks(self.path, block=_LINE_BLOCK) as blocks:
            if self.encoding == "utf-16":
                yield from self._utf16(blocks)
            else:
                yield from self._bytes(blocks)

    def _note(self, number: int, message: str, fatal: bool = False) -> None:
        self.issues.append(LineIssue(number, message, fatal))

    def _decode(self, number: int, line: bytes) -> str:
        if b"\x00" in line:
            line = line.replace(b"\x00", b"")
            self._note(number, "NUL bytes removed from the line")
        if self.encoding == "cp1252":
            return _legacy(line)
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError as exc:
            self._note(number, f"line is not valid UTF-8 (byte 0x{line[exc.start]:02x} at "
                       f"column {exc.start + 1}); read as cp1252")
            return _legacy(line)

    def _too_long(self, number: int) -> None:
        self._note(number, f"line longer than {self.limit:,} bytes (EXOBONE_MAX_RECORD_BYTES); "
                   "cut", fatal=True)

    def _bytes(self, blocks: ByteBlocks) -> Iterator[str]:
        number = 0
        carry = b""
        skipping = False  # inside the rest of a line already cut at the limit
        block = blocks.read()
        if block.startswith(codecs.BOM_UTF8):
            block = block[len(codecs.BOM_UTF8):]
        while block:
            if skipping:
                found = _BYTE_BREAK.search(block)
                block = block[found.end():] if found else b""
                skipping = not found
            data = carry + block if carry else block
            # Complete lines end at the last LF, or at a CR that is not the last byte (a CR
            # last may be half of a CRLF); the rest waits for the next block.
            cut = max(data.rfind(b"\n"), data.rfind(b"\r", 0, len(data) - 1)) + 1
            carry = data[cut:]
            for line in self._decoded(data[:cut], number):
                number += 1
                if len(line) > self.limit:
                    self._too_long(number)
                    line = line[: self.limit]
                yield line
            if len(carry) > self.limit:
                number += 1
                self._too_long(number)
                yield self._decode(number, carry[: self.limit])
                carry, skipping = b"", not carry.endswith(b"\r")
            block = blocks.read()
        for rest in carry.splitlines():
            number += 1
            yield self._decode(number, rest)

    def _decoded(self, chunk: bytes, number: int) -> list[str]:
        """The lines of `chunk` (whole lines), decoded; notes number them after `number`."""
        if b"\x00" not in chunk:  # the usual case: the whole chunk decodes at once
            try:
                text = chunk.decode("cp1252" if self.encoding == "cp1252" else "utf-8")
            except UnicodeDecodeError:
                pass
            else:
                lines = _LINE_BREAK.split(text)
                lines.pop()  # the empty rest after the last line break
                return lines
        return [self._decode(number + index, line)
                for index, line in enumerate(chunk.splitlines(), start=1)]

    def _utf16(self, blocks: ByteBlocks) -> Iterator[str]:
        decoder = codecs.getincrementaldecoder("utf-16")("replace")
        number = 0
        carry = ""
        while True:
            block = blocks.read()
            text = carry + decoder.decode(block, final=not block)
            held = "\r" if block and text.endswith("\r") else ""  # maybe half of a CRLF
            parts = _LINE_BREAK.split(text[: len(text) - len(held)])
            if block:
                carry = parts.pop() + held
            elif parts and not parts[-1]:
                parts.pop()  # after the final line break
            for part in parts:
                number += 1
                if "\x00" in part:
                    part = part.replace("\x00", "")
                    self._note(number, "NUL characters removed from the line")
                yield part
            if len(carry) > self.limit:
                number += 1
                self._too_long(number)
                yield carry[: self.limit]
                carry = ""
            if not block:
                break


def with_line_problems(lines: TextLines, item: Record | RecordProblem,
                       last_line: int) -> Iterator[Record | RecordProblem]:
    """The warnings on `lines` up to `last_line`, named after `item`, then `item`; a record
    holding a line cut at the limit is dropped (that line's problem reports it)."""
    problems, fatal = lines.problems(last_line, item.position)
    yield from problems
    if not (fatal and isinstance(item, Record)):
        yield item


# ---------------------------------------------------------------- XML elements

_XML_DECLARED = re.compile(rb"<\?xml[^>]*encoding=[\"']([A-Za-z0-9._-]+)[\"']")
_UTF16_XML = (b"<\x00?\x00", b"\x00<\x00?", b"<\x00!\x00", b"\x00<\x00!")
_WIDE = {"utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}


class XmlBytes:
    """An XML file's bytes in an ASCII-compatible encoding, so elements can be cut by regex.

    UTF-16 files (with a byte-order mark or a `<?xml` in UTF-16) are transcoded to UTF-8.
    `encoding` is what the pieces are in; `problem` says why a declared encoding was
    not used (unknown), "" otherwise.
    """

    def __init__(self, path: str | Path) -> None:
        self.blocks = ByteBlocks(path, block=_XML_BLOCK)
        self.problem = ""
        try:
            self.first = self.blocks.read()
        except IngestError:
            self.blocks.close()
            raise
        self.decoder: codecs.IncrementalDecoder | None = None
        if self.first.startswith(_UTF16_BOMS) or self.first.startswith(_UTF16_XML):
            wide = "utf-16" if self.first.startswith(_UTF16_BOMS) else (
                "utf-16-le" if self.first.startswith(b"<") else "utf-16-be")
            self.decoder = codecs.getincrementaldecoder(wide)("replace")
            self.first = self._transcode(self.first)
        self.encoding = "utf-8"
        declared = _XML_DECLARED.search(self.first[:200])
        if declared and self.decoder is None:
            name = declared.group(1).decode("ascii")
            try:
                known = codecs.lookup(name).name
            except LookupError:
                self.problem = f"unknown encoding {name!r} declared; read as UTF-8"
            else:
                self.encoding = "utf-8" if known in _WIDE else name

    def _transcode(self, block: bytes) -> bytes:
        assert self.decoder is not None
        out = self.decoder.decode(block, final=not block).encode("utf-8")
        while block and not out:  # an odd byte alone decodes to nothing yet
            block = self.blocks.read()
            out = self.decoder.decode(block, final=not block).encode("utf-8")
        return out

    def read(self) -> bytes:
        """The next block; b"" at the end. Raises IngestError where the file breaks."""
        block = self.blocks.read()
        return self._transcode(block) if self.decoder is not None else block

    def close(self) -> None:
        self.blocks.close()


@dataclass(frozen=True, slots=True)
class XmlPiece:
    """One element cut from the stream: its bytes, or why it cannot be read."""

    name: bytes
    data: bytes
    line: int
    problem: str = ""


class XmlCutter:
    """The elements that `start` finds (its group 1 is the name), cut from the stream.

    An element is the bytes from its start tag to its end tag; an element whose end tag is
    missing or damaged ends where the next one starts (reported), so one bad element never
    swallows the next. An element over `limit` bytes is reported and skipped without being
    held in memory. Memory stays at one block plus one element; `trailer` keeps the last
    bytes after the last element, `broken` why the stream broke off ("" if it did not).
    """

    def __init__(self, stream: XmlBytes, start: re.Pattern[bytes], limit: int,
                 nested: dict[bytes, frozenset[bytes]] | None = None) -> None:
        self.stream = stream
        self.start = start
        self.nested = nested or {}
        self.limit = limit
        self.broken = ""
        self.trailer = b""
        self.ended_inside = False  # the stream ended inside an element (already reported)

    def _more(self) -> bytes:
        if self.broken:
            return b""
        try:
            return self.stream.read()
        except IngestError as error:
            self.broken = error.message
            return b""

    def __iter__(self) -> Iterator[XmlPiece]:
        buffer, pos, line = self.stream.first, 0, 1
        while True:
            found = self.start.search(buffer, pos)
            if found is None:
                more = self._more()
                if not more:
                    self.trailer = buffer[pos:][-4096:]
                    return
                keep = max(pos, len(buffer) - 64)  # a start tag may straddle the block edge
                line += buffer.count(b"\n", pos, keep)
                buffer, pos = buffer[keep:] + more, 0
                continue
            begin = found.start()
            line += buffer.count(b"\n", pos, begin)
            name = found.group(1)
            end_tag = b"</" + name + b">"
            scan = found.end()  # where to look for the end tag and the next start from
            inner = self.nested.get(name, frozenset())
            while True:
                end = buffer.find(end_tag, scan)
                following = self._following(buffer, scan, end if end >= 0 else len(buffer),
                                            inner)
                if following is not None:
                    cut = following.start()
                    yield XmlPiece(name, b"", line, f"<{name.decode()}> has no end tag before "
                                   f"the next <{following.group(1).decode()}>; skipped")
                elif end >= 0:
                    cut = end + len(end_tag)
                    if cut - begin > self.limit:
                        yield XmlPiece(name, b"", line, self._too_big(name))
                    else:
                        yield XmlPiece(name, buffer[begin:cut], line)
                elif len(buffer) - begin > self.limit:
                    yield XmlPiece(name, b"", line, self._too_big(name))
                    buffer, cut, line = self._skip(buffer[begin:], end_tag, line, inner)
                    begin = 0
                    if cut < 0:
                        yield from self._ends_inside(name, line)
                        return
                else:
                    more = self._more()
                    if not more:
                        yield from self._ends_inside(name, line)
                        return
                    scan = max(scan, len(buffer) - len(end_tag) - 64) - begin
                    buffer, begin = buffer[begin:] + more, 0
                    continue
                line += buffer.count(b"\n", begin, cut)
                pos = cut
                break

    def _following(self, buffer: bytes, scan: int, stop: int,
                   inner: frozenset[bytes]) -> re.Match[bytes] | None:
        """The next start in buffer[scan:stop] that is not of an element nested in this one."""
        following = self.start.search(buffer, scan, stop)
        while following is not None and following.group(1) in inner:
            following = self.start.search(buffer, following.end(), stop)
        return following

    def _too_big(self, name: bytes) -> str:
        return (f"<{name.decode()}> is larger than {self.limit:,} bytes "
                "(8 x EXOBONE_MAX_RECORD_BYTES); skipped")

    def _ends_inside(self, name: bytes, line: int) -> Iterator[XmlPiece]:
        why = self.broken or "the file ends inside it"
        self.ended_inside = True
        yield XmlPiece(name, b"", line, f"file breaks off inside <{name.decode()}> ({why})")

    def _skip(self, buffer: bytes, end_tag: bytes, line: int,
              inner: frozenset[bytes]) -> tuple[bytes, int, int]:
        """Discard an oversized element up to its end tag or the next start: the rest, the
        offset in it where reading goes on (-1 if the file ended), and the line there."""
        tail = buffer[-64:]
        line += buffer.count(b"\n", 0, len(buffer) - len(tail))
        while True:
            more = self._more()
            if not more:
                return b"", -1, line + tail.count(b"\n")
            data = tail + more
            end = data.find(end_tag)
            following = self._following(data, 1, end if end >= 0 else len(data), inner)
            if following is not None:
                return data, following.start(), line
            if end >= 0:
                return data, end + len(end_tag), line
            tail = data[-64:]
            line += data.count(b"\n", 0, len(data) - len(tail))


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
    if "\x00" in raw or "\x00" in title or "\x00" in abstract:  # the databases differ on NUL
        title, abstract, raw = (text.replace("\x00", "") for text in (title, abstract, raw))
        fields = {name: _without_nul(value) for name, value in fields.items()}
    clean = clean_title(title) if title else ""
    if not clean and not abstract.strip():
        return RecordProblem(source, "record has no title and no abstract; skipped",
                             position, line)
    present = {name: value for name, value in fields.items() if value or value == 0}
    printed = " ".join(title.split())
    if printed.endswith(".") and not printed.endswith(".."):
        printed = printed[:-1].rstrip()
    return Record(
        title=clean,
        title_raw=printed if clean else "",
        abstract=clean_text(abstract) if abstract else "",
        abstract_raw=abstract,
        raw=raw,
        source=source,
        position=position,
        line=line,
        **present,  # type: ignore[arg-type]
    )


def _without_nul(value: object) -> object:
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_without_nul(item) for item in value]
    return value


def first_of(fields: Mapping[str, Sequence[str]], *tags: str) -> str | None:
    """The first non-blank value, whitespace-normalised, of the first of `tags` to have one,
    in a tagged record's values by tag (MEDLINE, Web of Science)."""
    for tag in tags:
        for value in fields.get(tag, ()):
            if text := blank_to_none(value):
                return text
    return None


def blank_to_none(value: str | None) -> str | None:
    """Whitespace-normalised value, or None when empty."""
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None
