"""EV-reporting score: each criterion on and off, sizes found and optical readouts skipped."""

from __future__ import annotations

import pytest
from analysis_fixtures import make_study, span_of

from exobone.analysis.quality import (
    CRITERION_NAMES,
    criteria_summary,
    quality_frame,
    score_study,
    size_mentions,
)
from exobone.model import Study

FULL_ABSTRACT = (
    "Exosomes were isolated by ultracentrifugation. TEM showed cup-shaped vesicles of "
    "30-150 nm carrying CD63 and TSG101 but not calnexin. Rats received 100 ug exosomes."
)


def full_study() -> Study:
    return make_study(
        "Q1",
        abstract=FULL_ABSTRACT,
        isolation_methods=["ultracentrifugation"],
        characterization_methods=["TEM", "western_blot"],
        ev_markers=["CD63", "TSG101", "CANX"],
        doses=["100 ug"],
        evidence={
            "isolation_methods": {
                "ultracentrifugation": [span_of(FULL_ABSTRACT, "ultracentrifugation")]
            },
            "ev_markers": {"CD63": [span_of(FULL_ABSTRACT, "CD63")]},
        },
    )


def test_every_criterion_met_with_evidence() -> None:
    result = score_study(full_study())
    assert result.met == dict.fromkeys(CRITERION_NAMES, True)
    assert result.n_met == 7 and result.score == 1.0
    assert result.evidence["separation_method"] == [
        "ultracentrifugation: Exosomes were isolated by ultracentrifugation."
    ]
    assert result.evidence["transmembrane_marker"][0].startswith("CD63: TEM showed")
    # values without located evidence are still named
    assert result.evidence["cytosolic_marker"] == ["TSG101"]
    assert result.evidence["negative_marker"] == ["CANX"]
    assert result.evidence["single_vesicle"] == ["TEM"]
    assert result.evidence["size_stated"][0].startswith("30-150 nm: TEM showed")


def test_criteria_off_and_lookalikes() -> None:
    study = make_study(
        "Q2",
        abstract="Viability was read as absorbance at 450 nm. Vesicles were shown by western blot.",
        characterization_methods=["western_blot", "flow_cytometry"],
        ev_markers=["HSPA5", "ACTB"],
    )
    result = score_study(study)
    # western blot and flow cytometry are bulk methods; HSPA5 (GRP78) is an ER protein
    assert result.met == {
        "separation_method": False,
        "single_vesicle": False,
        "transmembrane_marker": False,
        "cytosolic_marker": False,
        "negative_marker": True,
        "dose_stated": False,
        "size_stated": False,
    }
    assert result.score == pytest.approx(1 / 7)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("vesicles of ~100 nm", ["~100 nm"]),
        ("a size of 120 ± 20 nm", ["120 ± 20 nm"]),
        ("between 40 to 100 nanometers wide", ["40 to 100 nanometers"]),
        ("diameters of 30–150 nm and 80.5 nm", ["30–150 nm", "80.5 nm"]),
        ("absorbance at 450 nm", []),
        ("measured at a wavelength of 570 nm", []),
        ("the 5 nmol dose", []),
    ],
)
def test_size_mentions(text: str, found: list[str]) -> None:
    assert [text[a:b] for a, b, _ in size_mentions(text)] == found


def test_quality_frame_skips_reviews_unless_asked() -> None:
    review = make_study("R1", study_type="review", isolation_methods=["ultracentrifugation"])
    empty = make_study("Q3")
    frame = quality_frame([full_study(), review, empty])
    assert frame["study_id"].tolist() == ["Q1", "Q3"]
    assert frame["score"].tolist() == [1.0, 0.0]
    assert frame["n_met"].tolist() == [7, 0]
    assert frame.loc[0, "size_stated_evidence"].startswith("30-150 nm")
    assert quality_frame([review], include_reviews=True)["n_met"].tolist() == [1]
    summary = criteria_summary(frame).set_index("criterion")
    assert summary.loc["dose_stated", "studies_met"] == 1
    assert summary.loc["dose_stated", "share"] == 0.5


def test_seed_scores(seed_studies: list[Study]) -> None:
    frame = quality_frame(seed_studies).set_index("study_id")
    assert len(frame) == 19  # 21 seed records, 2 reviews
    s13 = frame.loc["S13"]
    assert s13["n_met"] == 5
    assert "50-150 nm" in s13["size_stated_evidence"]
    assert not s13["dose_stated"] and not s13["negative_marker"]
