"""The PMIDs a PubMed update file deletes, and a check that the file is whole.

PubMed's daily update files end with `<DeleteCitation>` listing PMIDs withdrawn since the
last file. `exobone.ingest` reads articles only, so this module makes its own light pass
over the (decompressed) bytes: no XML tree, just the PMIDs inside `<DeleteCitation>`. The
same pass proves the file complete (gzip end-of-stream reached, closing
`</PubmedArticleSet>` present), so a truncated download fails its task instead of passing for
a short file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from exobone.errors import IngestError
from exobone.ingest.common import ByteBlocks

_DELETE = b"<DeleteCitation"
_PMID_OR_END = re.compile(rb"<PMID\b[^>]*>\s*([^<\s]+)\s*</PMID>|</DeleteCitation>")
_SET_END = b"</PubmedArticleSet>"


@dataclass(frozen=True, slots=True)
class FileScan:
    """What the scan found: deleted PMIDs in file order, and the decompressed size."""

    deleted: list[str]
    xml_bytes: int


def scan(path: str | Path) -> FileScan:
    """Deleted PMIDs of a PubMed XML file (.xml or .xml.gz); IngestError if it is not whole.

    One pass in blocks: memory stays at a block plus the last few bytes, however long the
    file and its DeleteCitation lists are.
    """
    source = str(path)
    deletions = _Deletions()
    last = b""  # the file's last bytes, for the closing-tag check
    size = 0
    with ByteBlocks(path) as blocks:
        while block := blocks.read():
            size += len(block)
            deletions.feed(block)
            last = (last + block)[-256:]
    if not last.rstrip().endswith(_SET_END):
        raise IngestError(source, "truncated XML: the file does not end with </PubmedArticleSet>")
    return FileScan(deleted=deletions.pmids, xml_bytes=size)


class _Deletions:
    """PMIDs inside `<DeleteCitation>` elements, found block by block."""

    def __init__(self) -> None:
        self.pmids: list[str] = []
        self.inside = False
        self.rest = b""  # an unfinished tag carried into the next block

    def feed(self, block: bytes) -> None:
        data = self.rest + block
        pos = 0
        while True:
            if not self.inside:
                at = data.find(_DELETE, pos)
                close = data.find(b">", at) if at >= 0 else -1
                if close < 0:  # keep what may be the start of the tag
                    pos = at if at >= 0 and len(data) - at < 4096 else max(pos, len(data) - 64)
                    break
                self.inside, pos = True, close + 1
                continue
            found = _PMID_OR_END.search(data, pos)
            if found is None:
                opening = data.rfind(b"<", pos)
                pos = opening if opening >= 0 and len(data) - opening < 4096 else len(data)
                break
            if found.group(1) is None:
                self.inside = False
            else:
                self.pmids.append(found.group(1).decode("ascii", "replace"))
            pos = found.end()
        self.rest = data[pos:]
