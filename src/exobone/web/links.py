"""Links from a study page to the records it names: the article (DOI, PubMed) and the genes
and microRNAs of its values (HGNC and NCBI Gene, miRBase), by symbol or name.

Every part of a URL is percent-encoded here and the attribute escaped by the template, so
a stored value cannot leave its `href`; only values shaped like a symbol or a miRNA name
get a link at all.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from exobone.schema import SEPARATOR

# Fields whose values (or first part) name a gene product or an RNA.
MOLECULE_FIELDS = frozenset({"ev_markers", "ev_cargo", "molecular_effects"})
# `miR-21`, `miR-21-5p`, `hsa-miR-140-3p`, `let-7a`, `miR-17~92`.
_MIRNA = re.compile(r"(?:[a-z]{3}-)?(?:mi[Rr]|let)-[0-9A-Za-z]+(?:[-~][0-9A-Za-z]+)*")
# An HGNC-style symbol: capitals and digits, maybe one hyphen (`RUNX2`, `HLA-DR`, `RUNX2-AS1`).
_SYMBOL = re.compile(r"[A-Z][A-Z0-9]{1,15}(?:-[A-Z0-9]{1,8}){0,2}")
_PMID = re.compile(r"[0-9]{1,9}")

Link = tuple[str, str]


def doi_url(doi: str) -> str | None:
    doi = doi.strip()
    return f"https://doi.org/{quote(doi, safe='/')}" if doi.startswith("10.") else None


def pmid_url(pmid: str) -> str | None:
    pmid = pmid.strip()
    return f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/" if _PMID.fullmatch(pmid) else None


def value_links(field: str, value: str) -> list[Link]:
    """(site, URL) pairs for a value that names a gene or a miRNA; none for others."""
    if field not in MOLECULE_FIELDS:
        return []
    name = value.split(SEPARATOR)[0].strip()
    if _MIRNA.fullmatch(name):
        return [("miRBase", f"https://www.mirbase.org/results/?query={quote(name, safe='')}")]
    if _SYMBOL.fullmatch(name):
        symbol = quote(name, safe="")
        return [
            ("HGNC", f"https://www.genenames.org/tools/search/#!/?query={symbol}"),
            ("NCBI", f"https://www.ncbi.nlm.nih.gov/gene/?term={symbol}%5Bsym%5D"),
        ]
    return []
