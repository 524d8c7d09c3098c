"""Small synthetic PubMed files for the scale tests.

Baseline files come from `benchmarks/synth_pubmed.py` (a few hundred records each). Update files
are made from a baseline file's own articles: some revised, some revised out of scope, and a
`<DeleteCitation>` list, as PubMed's daily files are.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "benchmarks"))

from synth_pubmed import generate  # noqa: E402

_ARTICLE = re.compile(r"  <PubmedArticle>.*?</PubmedArticle>\n", re.S)
_PMID = re.compile(r"<PMID Version=\"1\">(\d+)</PMID>")


def make_baseline(path: Path, records: int, seed: int, share: float = 0.1) -> Path:
    return generate(path, records, seed=seed, in_scope_share=share, gzip=path.suffix == ".gz")


def articles(path: Path) -> dict[str, str]:
    """The XML of each article of a synthetic file, by PMID, in file order."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        text = handle.read()
    return {_PMID.search(a.group()).group(1): a.group() for a in _ARTICLE.finditer(text)}  # type: ignore[union-attr]


def make_update(
    path: Path,
    base: Path,
    retitle: dict[str, str] | None = None,
    out_of_scope: list[str] | None = None,
    delete: list[str] | None = None,
) -> Path:
    """An update file: revised copies of some of `base`'s articles and a DeleteCitation list."""
    source = articles(base)
    parts = []
    for pmid, title in (retitle or {}).items():
        parts.append(
            re.sub(
                r"<ArticleTitle>.*?</ArticleTitle>",
                f"<ArticleTitle>{title}</ArticleTitle>",
                source[pmid],
            )
        )
    for pmid in out_of_scope or []:
        revised = re.sub(
            r"<ArticleTitle>.*?</ArticleTitle>",
            "<ArticleTitle>Blood pressure in a cohort of adults.</ArticleTitle>",
            source[pmid],
        )
        revised = re.sub(
            r"<Abstract>.*?</Abstract>",
            "<Abstract><AbstractText>Blood pressure fell.</AbstractText></Abstract>",
            revised,
            flags=re.S,
        )
        parts.append(revised)
    deleted = "".join(f'<PMID Version="1">{pmid}</PMID>' for pmid in delete or [])
    text = (
        '<?xml version="1.0" ?>\n<PubmedArticleSet>\n'
        + "".join(parts)
        + (f"<DeleteCitation>{deleted}</DeleteCitation>\n" if deleted else "")
        + "</PubmedArticleSet>\n"
    )
    if path.suffix == ".gz":
        path.write_bytes(gzip.compress(text.encode("utf-8")))
    else:
        path.write_text(text, encoding="utf-8")
    return path
