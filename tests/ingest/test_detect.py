"""Format detection: content first, extension second."""

from __future__ import annotations

from pathlib import Path

import pytest

from exobone.errors import IngestError
from exobone.ingest import detect_format

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("a.txt", "TY  - JOUR\nTI  - x\nER  - \n", "ris"),
        ("a.txt", "\nPMC - PMC1\nPMID- 1\nTI  - x\n", "medline"),
        ("a.txt", "TI  - x\nAU  - Y Z\nDP  - 2020\n", "medline"),
        ("a.txt", "% comment\n@Article{,\n title={x}}\n", "bibtex"),
        ("a.txt", '<?xml version="1.0"?>\n<PubmedArticleSet></PubmedArticleSet>', "pubmed_xml"),
        ("a.txt", "<xml><records><record><ref-type>17</ref-type></record></records></xml>",
         "endnote_xml"),
        ("a.txt", 'Smith, A. (2020). "Title." Bone 1: 2.\n\nAbstract.\n', "endnote_text"),
        ("a.txt", "Title,Abstract,DOI\nx,y,z\n", "csv"),
        ("a.txt", "title\tabstract\nx\ty\n", "csv"),
        # Content wins over a misleading extension.
        ("refs.bib", "TY  - JOUR\nTI  - x\nER  - \n", "ris"),
        # The extension decides only when the content says nothing.
        ("refs.ris", "nothing recognisable here\n", "ris"),
        ("refs.nbib", "nothing recognisable here\n", "medline"),
    ],
)
def test_detect(tmp_path: Path, name: str, content: str, expected: str) -> None:
    path = tmp_path / name
    path.write_text(content)
    assert detect_format(path) == expected


def test_detect_gzip_by_magic_not_name(tmp_path: Path) -> None:
    path = tmp_path / "pubmed.bin"
    path.write_bytes((DATA / "pubmed_small.xml.gz").read_bytes())
    assert detect_format(path) == "pubmed_xml"


def test_unknown_xml(tmp_path: Path) -> None:
    path = tmp_path / "other.xml"
    path.write_text("<html><body>hi</body></html>")
    with pytest.raises(IngestError, match="other.xml: unknown bibliography format"):
        detect_format(path)
