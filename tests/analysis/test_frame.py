"""Long and wide tables: every value present, evidence sentences right, errors clear."""

from __future__ import annotations

import pytest
from analysis_fixtures import A1_ABSTRACT, corpus, make_study, span_of

from exobone.analysis.frame import (
    SentenceIndex,
    UnknownFieldError,
    reduce_value,
    studies_frame,
    values_frame,
)


def test_values_frame_has_one_row_per_value_and_span() -> None:
    frame = values_frame(corpus(), fields=["outcomes", "molecular_effects"])
    # A1: 2 outcomes + 1 effect, A2: 1 + 1, A3: 2 + 0, A4: none
    assert len(frame) == 7
    assert sorted(frame["study_id"].unique()) == ["A1", "A2", "A3"]
    runx2 = frame[(frame["study_id"] == "A1") & (frame["value"] == "RUNX2|up")].iloc[0]
    assert runx2["span_text"] == "RUNX2"
    assert runx2["evidence_text"] == "They increased RUNX2 expression in BMSCs."
    assert runx2["sentence"] == 1
    assert A1_ABSTRACT[runx2["start"] : runx2["end"]] == "RUNX2"


def test_value_without_evidence_keeps_a_row_with_empty_span() -> None:
    frame = values_frame(corpus(), fields=["molecular_effects"])
    a2 = frame[frame["study_id"] == "A2"]
    assert a2["value"].tolist() == ["RUNX2|down"]
    assert a2["start"].isna().all() and a2["evidence_text"].isna().all()


def test_values_frame_covers_study_type_and_integer_durations() -> None:
    study = make_study("D1", durations_days=[56, 7])
    frame = values_frame([study], fields=["study_type", "durations_days"])
    assert frame["value"].tolist() == ["primary", "56", "7"]


def test_studies_frame_joins_sets_sorted_with_evidence_columns() -> None:
    frame = studies_frame(corpus(), evidence=True)
    assert len(frame) == 4
    a1 = frame.set_index("id").loc["A1"]
    assert a1["conditions"] == "bone_defect; osteoporosis"
    assert a1["authors"] == "Wang, K."
    assert a1["molecular_effects_evidence"] == (
        "RUNX2|up: They increased RUNX2 expression in BMSCs."
    )
    assert a1["conditions_evidence"] == (
        "osteoporosis: Adipose MSC exosomes were tested in osteoporosis."
    )
    assert "settings_evidence" in frame.columns


def test_unknown_field_lists_valid_names() -> None:
    with pytest.raises(UnknownFieldError) as error:
        values_frame(corpus(), fields=["sources"])
    assert "'sources'" in str(error.value)
    assert "ev_sources" in str(error.value) and "molecular_effects" in str(error.value)


def test_sentence_index_finds_the_sentence_of_a_span() -> None:
    text = "First one. Second has 30-150 nm vesicles! Third (x)."
    index = SentenceIndex(text)
    at = text.index("30-150")
    assert index.around(at, at + 6) == "Second has 30-150 nm vesicles!"
    assert index.around(0, 3) == "First one."
    assert index.around(text.index("Third"), len(text)) == "Third (x)."
    assert span_of(text, "Third").sentence == 2


@pytest.mark.parametrize(
    ("value", "parts", "expected"),
    [
        ("MSC|adipose|human", 2, "MSC|adipose"),
        ("osteoblast||mouse", 2, "osteoblast"),
        ("MSC||", 2, "MSC"),
        ("bone_loss|decrease", 1, "bone_loss"),
        ("osteoporosis", 1, "osteoporosis"),
        ("MSC|adipose|human", None, "MSC|adipose|human"),
    ],
)
def test_reduce_value(value: str, parts: int | None, expected: str) -> None:
    assert reduce_value(value, parts) == expected
