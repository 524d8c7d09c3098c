"""Which reader a file needs: sniffed from its first bytes, then guessed from its extension.

Line formats are told apart by counting, over the whole head, the lines that only each
format has (RIS `TY`/`ER`, MEDLINE `PMID` and its own tags, BibTeX entries and fields,
EndNote citations): one stray line of another format, or a few NUL bytes, does not change
the verdict.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from exobone.errors import IngestError
from exobone.ingest.common import is_binary, read_head

_RIS = re.compile(r"^(?:TY  - |ER  -(?: |$))", re.MULTILINE)
_MEDLINE_ID = re.compile(r"^(?:PMID|PMC )- ", re.MULTILINE)
_MEDLINE_TAG = re.compile(r"^(?:TI  |AB  |FAU |AU  |DP  |TA  |SO  )- ", re.MULTILINE)
# Tags of MEDLINE that RIS does not use, so a RIS file's lines never count for MEDLINE.
_MEDLINE_ONLY = re.compile(
    r"^(?:OWN |STAT|DCOM|LR  |VI  |IP  |DP  |TA  |JT  |JID |FAU |PT  |PL  |MH  |OT  |EDAT|MHDA"
    r"|CRDT|PHST|AID |PST |SO  |LID )- ",
    re.MULTILINE,
)
_BIBTEX = re.compile(r"^[ \t]*@[A-Za-z]+[ \t]*[{(]", re.MULTILINE)
_BIBTEX_FIELD = re.compile(r"^[ \t]*(?:title|author|year|journal|doi)[ \t]*=", re.MULTILINE
                           | re.IGNORECASE)
_ENDNOTE_CITATION = re.compile(
    r"^[^\W\d_][^\n()\"]{0,300}\((?:1[5-9]|20)\d\d[a-z]?\)\.?[ \t]*\"", re.MULTILINE
)
_TAGGED = re.compile(r"[A-Z][A-Z0-9]{1,3} {0,3}- ")  # a RIS or MEDLINE line
_XML_ROOT = re.compile(r"<(?:PubmedArticleSet|PubmedArticle|PubmedBookArticle|MedlineCitation)\b")
_PUBMED_TEXT = re.compile(r"^\d+\. \S.*?\. (?:1[5-9]|20)\d\d\b", re.MULTILINE)
_PUBMED_TEXT_ID = re.compile(r"^PMID: \d+", re.MULTILINE)
_WOS = re.compile(r"\AFN [^\n]*\n(?:VR |PT [A-Z])|\APT [A-Z]\n(?s:.*)^ER\s*$", re.MULTILINE)
_CSL_JSON = re.compile(r'(?:\[\s*)?\{\s*"(?:id|type|title|author|issued|DOI|citation-key)"\s*:')
_XML_FIRST_ELEMENT = re.compile(r"<[A-Za-z]")
_CSL_KEY = re.compile(r'"(?:title|author|issued|DOI|container-title)"\s*:')
_EXTENSIONS = {
    ".ris": "ris", ".nbib": "medline", ".medline": "medline", ".bib": "bibtex",
    ".bibtex": "bibtex", ".csv": "csv", ".tsv": "csv", ".tab": "csv",
    ".json": "csl_json",
}  # fmt: skip
_XML_HEAD = 1 << 20  # XML may hold a long prologue (comments, a DOCTYPE) before its root


def _decode_head(head: bytes) -> str:
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if head.startswith(bom):
            text = head.decode(encoding, errors="ignore")
            break
    else:
        if head.startswith((b"<\x00?\x00", b"<\x00!\x00")):
            text = head.decode("utf-16-le", errors="ignore")
        elif head.startswith((b"\x00<\x00?", b"\x00<\x00!")):
            text = head.decode("utf-16-be", errors="ignore")
        else:
            text = head.decode("utf-8", errors="ignore")
    return text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n")


def _sniff_xml(text: str) -> str | None:
    if _XML_ROOT.search(text):
        return "pubmed_xml"
    if re.search(r"<records?\b", text) and ("<ref-type" in text or "<xml>" in text
                                           or "<titles>" in text):
        return "endnote_xml"
    return None


def _csv_header(text: str) -> bool:
    header = text.split("\n", 1)[0].lower()
    return ("," in header or "\t" in header) and bool(
        re.search(r"\btitle\b|^ti[\t,]|[\t,]ti[\t,]", header))


def _sniff(text: str) -> str | None:
    stripped = text.lstrip("\ufeff \t\n")
    if _CSL_JSON.match(stripped) or (stripped[:1] in ("[", "{") and _CSL_KEY.search(text)):
        return "csl_json"
    if stripped.startswith("<"):
        return _sniff_xml(text)
    if _WOS.search(stripped):
        return "wos"
    if _PUBMED_TEXT.search(text) and _PUBMED_TEXT_ID.search(text):
        return "pubmed_text"
    first_line = stripped.split("\n", 1)[0]
    if _csv_header(stripped) and not any(
        pattern.match(first_line) for pattern in (_TAGGED, _BIBTEX, _ENDNOTE_CITATION)
    ):
        return "csv"
    medline_ids = len(_MEDLINE_ID.findall(text))
    scores = {  # in order of precedence when two formats score the same
        "ris": len(_RIS.findall(text)),
        "medline": (medline_ids + len(_MEDLINE_ONLY.findall(text))
                    if medline_ids or len(_MEDLINE_TAG.findall(text)) >= 3 else 0),
        "bibtex": (len(_BIBTEX.findall(text)) + len(_BIBTEX_FIELD.findall(text))
                   if _BIBTEX.search(text) else 0),
        "endnote_text": 2 * len(_ENDNOTE_CITATION.findall(text)),
    }
    best = max(scores, key=lambda name: scores[name])
    if scores[best]:
        return best
    return "csv" if _csv_header(stripped) else None


def detect_format(path: str | Path) -> str:
    """One of exobone.ingest.FORMATS for this file; IngestError if binary or unrecognised."""
    source = str(path)
    if Path(path).is_dir():
        raise IngestError(source, "is a directory, not a file")
    if not Path(path).exists():
        raise IngestError(source, "no such file")
    head = read_head(path)
    if len(head) == 65536 and not head.strip():
        head = read_head(path, skip_blank=True)  # the content starts past the first 64 KB
    text = _decode_head(head)
    if not head.strip():
        raise IngestError(source, "empty file")
    if not text.strip(" \ufeff\t\n"):
        raise IngestError(source, "empty file (nothing but a byte-order mark and blank space)")
    if is_binary(head):
        raise IngestError(source, "binary content (control bytes), not a bibliography file")
    if text.lstrip("\ufeff \t\n").startswith("<") and not _XML_FIRST_ELEMENT.search(
            re.sub(r"<!--.*?-->|<[?!][^>]*>", "", text, flags=re.S)):
        text = _decode_head(read_head(path, _XML_HEAD))  # the root is further on
    found = _sniff(text)
    if found:
        return found
    suffixes = [s.lower() for s in Path(path).suffixes if s.lower() != ".gz"]
    suffix = suffixes[-1] if suffixes else ""
    if suffix in _EXTENSIONS:
        return _EXTENSIONS[suffix]
    raise IngestError(source, "unknown bibliography format (expected EndNote text, MEDLINE, "
                      "PubMed XML or abstract text, Web of Science, RIS, BibTeX, EndNote XML, "
                      "CSL-JSON or CSV/TSV)")
