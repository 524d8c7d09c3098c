"""The update scan: DeleteCitation PMIDs, and files that are not whole fail with their name."""

from __future__ import annotations

import gzip
import tracemalloc
from pathlib import Path

import pytest
from scale_files import make_baseline, make_update

from exobone.errors import IngestError
from exobone.scale.updates import scan


def test_deleted_pmids_in_file_order(tmp_path: Path) -> None:
    base = make_baseline(tmp_path / "base.xml", 20, seed=1)
    update = make_update(tmp_path / "upd.xml.gz", base, delete=["123", "99", "4567"])
    assert scan(update).deleted == ["123", "99", "4567"]
    assert scan(base).deleted == []


def test_multi_member_gzip_is_read_whole(tmp_path: Path) -> None:
    base = make_baseline(tmp_path / "base.xml", 5, seed=1)
    text = make_update(tmp_path / "upd.xml", base, delete=["7"]).read_bytes()
    cut = len(text) // 2
    path = tmp_path / "multi.xml.gz"
    path.write_bytes(gzip.compress(text[:cut]) + gzip.compress(text[cut:]))
    result = scan(path)
    assert result.deleted == ["7"]
    assert result.xml_bytes == len(text)


def test_truncated_gzip_names_the_file(tmp_path: Path) -> None:
    good = make_baseline(tmp_path / "good.xml.gz", 200, seed=2)
    bad = tmp_path / "cut.xml.gz"
    bad.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(IngestError, match="cut.xml.gz: corrupt gzip"):
        scan(bad)


def test_garbage_gzip_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "noise.xml.gz"
    bad.write_bytes(b"\x1f\x8b" + bytes(range(256)) * 40)
    with pytest.raises(IngestError, match="noise.xml.gz: corrupt gzip"):
        scan(bad)


def test_truncated_xml_names_the_file(tmp_path: Path) -> None:
    good = make_baseline(tmp_path / "good.xml", 50, seed=3)
    bad = tmp_path / "short.xml"
    bad.write_bytes(good.read_bytes()[:-2000])
    with pytest.raises(IngestError, match="short.xml: truncated XML"):
        scan(bad)


def test_memory_stays_flat_after_the_first_delete_citation(tmp_path: Path) -> None:
    """A DeleteCitation early in a long file once made the scan keep (and re-copy) the rest."""
    pmids = [str(n) for n in range(1, 20_001)]
    body = "".join(f'<PMID Version="1">{pmid}</PMID>\n' for pmid in pmids)
    path = tmp_path / "deletes.xml"
    path.write_text(f'<?xml version="1.0"?>\n<PubmedArticleSet>\n<DeleteCitation>\n{body}'
                    "</DeleteCitation>\n<!-- " + "x" * 20_000_000 + " -->\n</PubmedArticleSet>\n")
    tracemalloc.start()
    result = scan(path)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.deleted == pmids
    assert peak < 8_000_000  # a block or two and the PMIDs, not the 20 MB after them


def test_pmid_outside_delete_citation_is_not_deleted(tmp_path: Path) -> None:
    path = tmp_path / "mixed.xml"
    path.write_text('<PubmedArticleSet><PubmedArticle><PMID Version="1">5</PMID></PubmedArticle>'
                    '<DeleteCitation><PMID Version="1">6</PMID></DeleteCitation>'
                    '<PubmedArticle><PMID Version="1">7</PMID></PubmedArticle></PubmedArticleSet>')
    assert scan(path).deleted == ["6"]
