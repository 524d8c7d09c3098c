"""The EndNote-style text reader against the seed bibliography's gold citations."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fixtures import read_split

from exobone.ingest.endnote_text import _split_authors, read
from exobone.model import Record
from shared_files import SHARED

SEED = SHARED / "seed" / "exosome_bone_bibliography.txt"
GOLD = SHARED / "gold" / "seed_gold.jsonl"
DATA = Path(__file__).parent / "data"
FIELDS = ("first_author", "year", "title", "journal", "volume", "issue", "pages")


def records(path: Path) -> list[Record]:
    items = list(read(path))
    assert all(isinstance(item, Record) for item in items), items
    return [item for item in items if isinstance(item, Record)]


@pytest.mark.usefixtures("shared_dir")
def test_seed_citations_match_gold_exactly() -> None:
    gold = [json.loads(line) for line in GOLD.read_text().splitlines() if line.strip()]
    got = records(SEED)
    assert len(got) == len(gold) == 21
    for record, expected in zip(got, gold, strict=True):
        for name in FIELDS:
            assert getattr(record, name) == expected[name], (expected["id"], name)


@pytest.mark.usefixtures("shared_dir")
def test_seed_abstracts_survive_page_break_debris() -> None:
    got = records(SEED)
    furuta = got[2]
    # Citation runs straight into ": Paracrine ...", then a blank line splits a sentence.
    assert furuta.abstract.startswith("Paracrine signaling by bone-marrow-derived mesenchymal stem"
                                      " cells (MSCs) plays a major role")
    assert furuta.abstract_raw.startswith(": Paracrine")
    assert "wild-type mice" in furuta.abstract and "cell-to-cell" in furuta.abstract
    guo = got[3]  # three blank lines in mid-abstract
    assert "in the rat model. Using a series" in guo.abstract
    assert guo.abstract.endswith("preventing GC-induced ONFH.")
    assert "\n" not in guo.abstract and "  " not in guo.abstract
    assert got[0].abstract.count("20 ug/ml") == 1 and "50 ul 2%" in got[0].abstract
    assert got[5].abstract.startswith("BACKGROUND: ")


@pytest.mark.usefixtures("shared_dir")
def test_seed_positions_lines_authors_and_raw() -> None:
    got = records(SEED)
    assert [r.position for r in got] == list(range(1, 22))
    assert got[0].line == 2 and got[2].line == 52
    assert all(r.source == str(SEED) for r in got)
    lines = SEED.read_text().splitlines()
    for record in got:
        assert lines[record.line - 1].startswith(record.authors[0].split(",")[0])
        assert record.raw.startswith(lines[record.line - 1])
    assert got[13].authors == ["Behera, J.", "Tyagi, N."]
    assert got[0].authors == ["Wang, K. X."]


def test_unseen_file_same_style() -> None:
    got = records(DATA / "endnote_unseen.txt")
    assert [r.first_author for r in got] == ["Smith", "O'Neil", "Kim", "Garcia-Lopez"]
    smith, oneil, kim, garcia = got
    assert (smith.journal, smith.volume, smith.issue, smith.pages) == (
        "J Periodontol", "91", "4", "512-520")
    assert smith.doi == "10.1002/jper.19-0401"
    assert smith.abstract.startswith("Dental pulp stem cells release")
    assert oneil.authors == ["O'Neil, B. C.", "Park, D.", "van der Berg, E. F."]
    assert (oneil.volume, oneil.issue, oneil.pages, oneil.abstract) == ("9", None, "101-115", "")
    assert kim.title == "Platelet-derived exosomes in tendon-bone healing?"
    assert (kim.journal, kim.volume, kim.pages) == ("Am J Sports Med", None, None)
    assert kim.abstract.endswith("RESULTS: Healing improved. CONCLUSIONS: Exosomes may help.")
    assert (garcia.journal, garcia.issue, garcia.pages) == ("Bone Rep", "1-2", "101155")
    assert garcia.doi == "10.1016/j.bonr.2022.101155"


def test_unparseable_preamble_and_broken_citation_are_problems(tmp_path: Path) -> None:
    path = tmp_path / "refs.txt"
    path.write_text(
        "My reading list\n\n"
        'Doe, J. (2020). "A title that never closes. Journal 1: 2.\n\n'
        "Abstract of the broken one.\n\n"
        'Roe, K. (2021). "Good record." Bone 5: 1-2.\n\nGood abstract.\n'
    )
    good, problems = read_split(path, "endnote_text")
    assert [r.title for r in good] == ["Good record"]
    assert good[0].abstract == "Good abstract."
    assert [(p.position, p.line) for p in problems] == [(0, 1), (1, 3)]
    assert good[0].position == 2 and good[0].line == 7
    assert "broken" not in good[0].raw


def test_citation_without_quoted_title_is_reported_not_glued_on(tmp_path: Path) -> None:
    path = tmp_path / "refs.txt"
    path.write_text(
        'Roe, K. (2021). "First record." Bone 5: 1-2.\n\nFirst abstract.\n\n'
        "Doe, J., et al. (2020). A title someone unquoted. Journal 1: 2.\n\n"
        "Abstract of the unquoted one.\n\n"
        'Poe, E. (2022). "Third record." Bone 6: 3-4.\n\nThird abstract.\n'
    )
    good, problems = read_split(path, "endnote_text")
    assert [r.title for r in good] == ["First record", "Third record"]
    assert good[0].abstract == "First abstract."
    assert [(p.position, p.line) for p in problems] == [(2, 5)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wang, K. X., et al.", ["Wang, K. X."]),
        ("Behera, J. and N. Tyagi", ["Behera, J.", "Tyagi, N."]),
        ("Smith, A.", ["Smith, A."]),
        ("Wang, K. X., J. Smith, A. Lee and E. Fu",
         ["Wang, K. X.", "Smith, J.", "Lee, A.", "Fu, E."]),
        ("Smith, A., Jones, B., & Lee, C.", ["Smith, A.", "Jones, B.", "Lee, C."]),
        ("Smith, A., Jones, B. and Lee, C., et al.", ["Smith, A.", "Jones, B.", "Lee, C."]),
    ],
)
def test_author_lists(text: str, expected: list[str]) -> None:
    assert _split_authors(text) == expected
