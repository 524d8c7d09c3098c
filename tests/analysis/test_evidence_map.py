"""Evidence map: exact cell counts, directions, gaps, other axes, images and HTML."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from itertools import product
from pathlib import Path

import pytest
from analysis_fixtures import corpus, make_study

from exobone.analysis.evidence_map import evidence_map
from exobone.analysis.frame import UnknownFieldError, UnknownLabelError, field_values, reduce_value
from exobone.model import Study


def cell(emap, row: str, col: str) -> dict:
    found = emap.cells[(emap.cells["row"] == row) & (emap.cells["col"] == col)]
    assert len(found) == 1, (row, col)
    return found.iloc[0].to_dict()


def test_default_map_counts_studies_and_directions() -> None:
    emap = evidence_map(corpus())
    assert (emap.rows_field, emap.cols_field) == ("ev_sources", "conditions")
    assert len(emap.cells) == 3  # and a review's cell, left out
    adipose = cell(emap, "MSC|adipose", "osteoporosis")
    assert adipose["n_studies"] == 2
    assert adipose["study_ids"] == ("A1", "A2")
    assert (adipose["increase"], adipose["decrease"], adipose["no_change"]) == (2, 1, 0)
    defect = cell(emap, "MSC|adipose", "bone_defect")
    assert (defect["n_studies"], defect["increase"], defect["decrease"]) == (1, 1, 1)
    marrow = cell(emap, "MSC|bone_marrow", "osteoarthritis")
    assert (marrow["increase"], marrow["decrease"], marrow["no_change"]) == (0, 1, 1)
    # the best-covered cell comes first
    assert emap.cells.iloc[0]["row"] == "MSC|adipose"


def test_reviews_are_left_out_unless_asked_for() -> None:
    emap = evidence_map(corpus())
    assert emap.reviews_left_out == ("A4",)
    assert "A4" not in {sid for ids in emap.cells["study_ids"] for sid in ids}
    assert "MSC" not in set(emap.counts.index)
    with_reviews = evidence_map(corpus(), include_reviews=True)
    assert with_reviews.reviews_left_out == ()
    review = cell(with_reviews, "MSC", "osteoarthritis")
    assert review["n_studies"] == 1 and review["study_ids"] == ("A4",)


def test_results_are_counted_as_benefit_by_the_phenotype_polarity() -> None:
    study = make_study(
        "B1",
        ev_sources=["MSC|adipose|human"],
        conditions=["osteoarthritis"],
        outcomes=[
            "cartilage_degradation|decrease",  # harmful phenotype down: better
            "inflammation|increase",  # harmful phenotype up: worse
            "matrix_synthesis|decrease",  # beneficial phenotype down: worse
            "chondrogenic_differentiation|increase",  # beneficial phenotype up: better
            "cell_proliferation|increase",  # good or bad depending on the cells: unrated
            "pain|no_change",
        ],
    )
    got = cell(evidence_map([study]), "MSC|adipose", "osteoarthritis")
    assert (got["increase"], got["decrease"], got["no_change"]) == (3, 2, 1)
    assert (got["better"], got["worse"], got["no_change"], got["unrated"]) == (2, 2, 1, 1)
    # apoptosis going down in osteoarthritis is a good result, not a "down"
    marrow = cell(evidence_map(corpus()), "MSC|bone_marrow", "osteoarthritis")
    assert (marrow["decrease"], marrow["better"], marrow["worse"]) == (1, 1, 0)
    one = cell(evidence_map([study], outcome="inflammation"), "MSC|adipose", "osteoarthritis")
    assert (one["better"], one["worse"], one["unrated"]) == (0, 1, 0)


def test_gaps_are_observed_combinations_without_studies() -> None:
    emap = evidence_map(corpus(), include_reviews=True)
    # 3 observed sources x 3 observed conditions = 9, of which 4 have studies
    assert len(emap.gaps) == 5
    gaps = set(zip(emap.gaps["row"], emap.gaps["col"], strict=True))
    assert ("MSC|bone_marrow", "osteoporosis") in gaps
    assert ("MSC|adipose", "osteoporosis") not in gaps
    first = emap.gaps.iloc[0]
    assert (first["row"], first["row_studies"]) == ("MSC|adipose", 2)
    assert emap.counts.loc["MSC|bone_marrow", "osteoporosis"] == 0
    assert emap.counts.loc["MSC|adipose", "osteoporosis"] == 2
    assert emap.counts.shape == (3, 3)


def test_outcome_filter_counts_one_phenotype() -> None:
    emap = evidence_map(corpus(), outcome="osteogenic_differentiation")
    adipose = cell(emap, "MSC|adipose", "osteoporosis")
    assert (adipose["increase"], adipose["decrease"]) == (2, 0)
    assert cell(emap, "MSC|bone_marrow", "osteoarthritis")["decrease"] == 0


def test_parts_keep_species_when_asked() -> None:
    emap = evidence_map(corpus(), row_parts=3, include_reviews=True)
    assert cell(emap, "MSC|adipose|human", "osteoporosis")["study_ids"] == ("A1",)
    assert cell(emap, "MSC|adipose|rat", "osteoporosis")["study_ids"] == ("A2",)
    # trailing empty parts are dropped whatever the number of parts
    assert "MSC" in set(emap.cells["row"])


def test_any_two_fields_and_a_study_counted_once_per_cell() -> None:
    study = make_study(
        "X1",
        settings=["in_vitro", "in_vivo"],
        outcomes=["bone_loss|decrease", "bone_loss|increase"],
    )
    emap = evidence_map([study, *corpus()], rows="settings", cols="outcomes", include_reviews=True)
    # outcomes reduce to the phenotype: X1's two bone_loss values make one cell entry
    both = cell(emap, "in_vivo", "bone_loss")
    assert both["study_ids"] == ("A1", "X1")
    assert (both["increase"], both["decrease"]) == (2, 2)


def test_unknown_field_is_a_clear_error() -> None:
    with pytest.raises(UnknownFieldError, match="valid fields: study_type, settings"):
        evidence_map(corpus(), rows="source")
    with pytest.raises(UnknownFieldError, match="did you mean 'ev_sources'"):
        evidence_map(corpus(), rows="source")


def test_unknown_outcome_is_an_error_not_a_map_of_zeros() -> None:
    with pytest.raises(UnknownLabelError, match="unknown outcome 'nonsense'.*phenotypes: DNA"):
        evidence_map(corpus(), outcome="nonsense")
    with pytest.raises(UnknownLabelError, match="did you mean 'osteogenic_differentiation'"):
        evidence_map(corpus(), outcome="osteogenesis")
    # a lexicon phenotype no study reports is a real zero; one only the data has is known
    assert evidence_map(corpus(), outcome="pain").cells["better"].sum() == 0
    odd = make_study("O1", ev_sources=["MSC||"], conditions=["gout"], outcomes=["itch|decrease"])
    assert evidence_map([odd], outcome="itch").cells["decrease"].sum() == 1


def test_empty_corpus_gives_empty_map() -> None:
    emap = evidence_map([])
    assert emap.cells.empty and emap.gaps.empty and emap.counts.empty


def test_seed_map_matches_a_plain_count(seed_studies: list[Study]) -> None:
    """Cross-check the vectorised map against a naive per-study count."""
    expected: Counter[tuple[str, str]] = Counter()
    for study in seed_studies:
        rows = {reduce_value(v, 2) for v in field_values(study, "ev_sources")}
        cols = set(field_values(study, "conditions"))
        expected.update(product(rows, cols))
    emap = evidence_map(seed_studies, include_reviews=True)
    got = {(r.row, r.col): r.n_studies for r in emap.cells.itertuples()}
    assert got == dict(expected)
    assert int(emap.counts.to_numpy().sum()) == sum(expected.values())


def test_images_and_html(tmp_path: Path) -> None:
    emap = evidence_map(corpus())
    png = emap.save(tmp_path / "map.png").read_bytes()
    assert png.startswith(b"\x89PNG\r\n")
    svg = emap.save(tmp_path / "map.svg").read_text(encoding="utf-8")
    assert "<svg" in svg
    assert emap.figure_bytes("svg") == emap.figure_bytes("svg")
    page = emap.save(tmp_path / "map.html").read_text(encoding="utf-8")
    assert page.count("<tr>") == 1 + 2  # the review's row is left out
    assert 'title="A1; A2"' in page
    # a whole page, styled, with its legend, not a bare table
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<style>" in page and "<title>Evidence map: ev_sources x conditions</title>" in page
    assert "better / worse" in page and "1 review left out: A4." in page
    with pytest.raises(ValueError, match="unknown map format"):
        emap.save(tmp_path / "map.pdfx")


def test_html_escapes_values() -> None:
    study = make_study("E1", ev_sources=["<b>cell</b>||"], conditions=["x&y"])
    page = evidence_map([study]).to_html()
    assert "<b>cell</b>" not in page
    assert "&lt;b&gt;cell&lt;/b&gt;" in page and "x&amp;y" in page


def test_the_package_names_are_the_functions_even_after_their_modules_load() -> None:
    code = (
        "import exobone.analysis.report, exobone.analysis.export;"
        "from exobone.analysis import evidence_map, export;"
        "print(type(evidence_map).__name__, type(export).__name__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["function", "function"]
