"""The PMIDs a PubMed update file deletes, and a check that the file is whole.

PubMed's daily update files end with `<DeleteCitation>` listing PMIDs withdrawn since the
last file. `exobone.ingest` reads articles only, so this module makes its own light pass
over the (decompressed) bytes: no XML tree, just the tail after the first
`<DeleteCitation`. The same pass proves the file complete (gzip end-of-stream reached, closing
`</PubmedArticleSet>` present), so a truncated download fails its task instead of passing for
a short file.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from exobone.errors import IngestError

_BLOCK = 1 << 20
_DELETE = b"<DeleteCitation"
_DELETE_BLOCK = re.compile(rb"<DeleteCitation\b[^>]*>(.*?)</DeleteCitation>", re.S)
_PMID = re.compile(rb"<PMID\b[^>]*>\s*([^<\s]+)\s*</PMID>")
_SET_END = b"</PubmedArticleSet>"
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class FileScan:
    """What the scan found: deleted PMIDs in file order, and the decompressed size."""

    deleted: list[str]
    xml_bytes: int


def scan(path: str | Path) -> FileScan:
    """Deleted PMIDs of a PubMed XML file (.xml or .xml.gz); IngestError if it is not whole."""
    source = str(path)
    tail = b""  # the last bytes seen, or everything from the first <DeleteCitation on
    collecting = False
    size = 0
    try:
        with open(path, "rb") as handle:
            for block in _blocks(handle.read, source):
                size += len(block)
                if collecting:
                    tail += block
                    continue
                edge = tail + block[:64]  # a tag cut by the block boundary
                at = edge.find(_DELETE)
                if at >= 0:
                    collecting, tail = True, edge[at:] + block[64:]
                elif (at := block.find(_DELETE)) >= 0:
                    collecting, tail = True, block[at:]
                else:
                    tail = block[-256:]
    except OSError as exc:
        raise IngestError(source, f"cannot read: {exc.strerror or exc}") from exc
    if not tail.rstrip().endswith(_SET_END):
        raise IngestError(source, "truncated XML: the file does not end with </PubmedArticleSet>")
    deleted = [
        pmid.decode("ascii", "replace")
        for block in _DELETE_BLOCK.findall(tail)
        for pmid in _PMID.findall(block)
    ]
    return FileScan(deleted=deleted, xml_bytes=size)


def _blocks(read: Callable[[int], bytes], source: str) -> Iterator[bytes]:
    """Decompressed blocks of a file (gzip, possibly multi-member, or plain XML)."""
    first = read(_BLOCK)
    if first[:2] != _GZIP_MAGIC:
        block = first
        while block:
            yield block
            block = read(_BLOCK)
        return
    inflate = zlib.decompressobj(wbits=31)
    pending, fed = first, False
    try:
        while True:
            if not pending:
                pending = read(_BLOCK)
                if not pending:
                    break
            if inflate.eof:  # the next member of a multi-member file
                inflate = zlib.decompressobj(wbits=31)
            fed = True
            data = inflate.decompress(pending)
            if data:
                yield data
            pending = inflate.unused_data if inflate.eof else b""
    except zlib.error as exc:
        raise IngestError(source, f"corrupt gzip file: {exc}") from exc
    if fed and not inflate.eof:
        raise IngestError(source, "corrupt gzip file: it ends before its end-of-stream marker")
