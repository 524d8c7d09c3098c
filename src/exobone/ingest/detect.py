"""Which reader a file needs: sniffed from its first bytes, then guessed from its extension."""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from exobone.errors import IngestError
from exobone.ingest.common import read_head

_RIS = re.compile(r"^(?:\ufeff)?TY  - ", re.MULTILINE)
_MEDLINE_ID = re.compile(r"^(?:PMID|PMC )- ", re.MULTILINE)
_MEDLINE_TAG = re.compile(r"^(?:TI  |AB  |FAU |AU  |DP  |TA  |SO  )- ", re.MULTILINE)
_BIBTEX = re.compile(r"^\s*@[A-Za-z]+\s*[{(]", re.MULTILINE)
_ENDNOTE_CITATION = re.compile(
    r"^[^\W\d_][^\n()\"]{0,300}\((?:1[5-9]|20)\d\d[a-z]?\)\.?\s*\"", re.MULTILINE
)
_PUBMED_TEXT = re.compile(r"^\d+\. \S.*?\. (?:1[5-9]|20)\d\d\b", re.MULTILINE)
_PUBMED_TEXT_ID = re.compile(r"^PMID: \d+", re.MULTILINE)
_WOS = re.compile(r"\AFN [^\n]*\n(?:VR |PT [A-Z])|\APT [A-Z]\n(?s:.*)^ER\s*$", re.MULTILINE)
_CSL_JSON = re.compile(r'(?:\[\s*)?\{\s*"(?:id|type|title|author|issued|DOI|citation-key)"\s*:')
_EXTENSIONS = {
    ".ris": "ris", ".nbib": "medline", ".medline": "medline", ".bib": "bibtex",
    ".bibtex": "bibtex", ".csv": "csv", ".tsv": "csv", ".tab": "csv",
    ".json": "csl_json",
}  # fmt: skip


def _decode_head(head: bytes) -> str:
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            return head.decode(encoding, errors="ignore")
    return head.decode("utf-8", errors="ignore")


def _sniff(text: str) -> str | None:
    stripped = text.lstrip("\ufeff \t\r\n")
    if _CSL_JSON.match(stripped):
        return "csl_json"
    if stripped.startswith("<"):
        if re.search(r"<(?:PubmedArticleSet|PubmedArticle|PubmedBookArticle|MedlineCitation)\b",
                     text):
            return "pubmed_xml"
        if re.search(r"<records?\b", text) and ("<ref-type" in text or "<xml>" in text
                                               or "<titles>" in text):
            return "endnote_xml"
        return None
    if _WOS.search(stripped):
        return "wos"
    if _PUBMED_TEXT.search(text) and _PUBMED_TEXT_ID.search(text):
        return "pubmed_text"
    if _RIS.search(text):
        return "ris"
    if _MEDLINE_ID.search(text) or len(_MEDLINE_TAG.findall(text)) >= 3:
        return "medline"
    if _BIBTEX.search(text):
        return "bibtex"
    if _ENDNOTE_CITATION.search(text):
        return "endnote_text"
    header = stripped.split("\n", 1)[0].lower()
    if ("," in header or "\t" in header) and re.search(r"\btitle\b|^ti[\t,]|[\t,]ti[\t,]", header):
        return "csv"
    return None


def detect_format(path: str | Path) -> str:
    """One of exobone.ingest.FORMATS for this file; IngestError if binary or unrecognised."""
    source = str(path)
    if not Path(path).is_file():
        raise IngestError(source, "no such file")
    head = read_head(path)
    if not head.strip():
        raise IngestError(source, "empty file")
    if b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise IngestError(source, "binary content (NUL bytes), not a bibliography file")
    found = _sniff(_decode_head(head))
    if found:
        return found
    suffixes = [s.lower() for s in Path(path).suffixes if s.lower() != ".gz"]
    suffix = suffixes[-1] if suffixes else ""
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    raise IngestError(source, "unknown bibliography format (expected EndNote text, MEDLINE, "
                      "PubMed XML, RIS, BibTeX, EndNote XML or CSV/TSV)")
