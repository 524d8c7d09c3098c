"""Scorer tests: small hand-computed cases, both row shapes, id mismatches, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from exobone.evaluate import EvaluationError, FieldScore, render_errors, score
from exobone.model import SET_FIELDS
from shared_files import SHARED, require_shared

SEED_GOLD = SHARED / "gold" / "seed_gold.jsonl"
DEV_GOLD = Path(__file__).resolve().parent / "data" / "dev_corpus" / "dev_gold.jsonl"


def flat(row_id: str, **fields: object) -> dict[str, object]:
    """A gold-style row: annotation fields at top level next to bibliographic ones."""
    return {"id": row_id, "first_author": "Doe", "year": 2020, "title": f"Title {row_id}", **fields}


def nested(row_id: str, **fields: object) -> dict[str, object]:
    """An extract-output row: annotations nested, plus record and evidence."""
    return {
        "id": row_id,
        "record": {"authors": ["Doe, J."], "year": 2020, "title": f"Title {row_id}"},
        "annotations": dict(fields),
        "evidence": {},
    }


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_field_score_rates_by_hand() -> None:
    s = FieldScore("x", tp=3, fp=1, fn=2)
    assert s.precision == pytest.approx(0.75)
    assert s.recall == pytest.approx(0.6)
    assert s.f1 == pytest.approx(2 * 0.75 * 0.6 / (0.75 + 0.6))
    empty = FieldScore("y")
    assert empty.precision is None and empty.recall is None and empty.f1 is None
    assert not empty.defined
    only_fp = FieldScore("z", fp=2)
    assert only_fp.precision == 0.0 and only_fp.recall is None and only_fp.f1 == 0.0


def test_hand_computed_micro_over_fields_and_records() -> None:
    gold = [
        flat("A", study_type="primary", species=["rat", "human"], assays=["micro_CT"]),
        flat("B", study_type="review", species=["mouse"], assays=[]),
    ]
    pred = [
        nested("A", study_type="primary", species=["rat"], assays=["micro_CT", "histology"]),
        nested("B", study_type="primary", species=["mouse", "rat"], assays=[]),
    ]
    report = score(gold, pred)
    species = report.for_field("species")
    assert (species.tp, species.fp, species.fn) == (2, 1, 1)
    assays = report.for_field("assays")
    assert (assays.tp, assays.fp, assays.fn) == (1, 1, 0)
    assert (report.micro.tp, report.micro.fp, report.micro.fn) == (3, 2, 1)
    assert report.micro.f1 == pytest.approx(6 / 9)
    assert report.study_type_correct == 1 and report.study_type_total == 2
    assert report.for_field("doses").f1 is None


def test_trimming_and_case_folding_are_the_only_forgiveness() -> None:
    gold = [
        flat("A", study_type="primary", ev_sources=["MSC|bone_marrow|rat"], ev_markers=["CD63"])
    ]
    pred = [
        nested(
            "A",
            study_type=" Primary ",
            ev_sources=["  msc|BONE_MARROW|Rat ", "MSC|bone_marrow|"],
            ev_markers=["CD-63"],
        )
    ]
    report = score(gold, pred)
    sources = report.for_field("ev_sources")
    assert (sources.tp, sources.fp, sources.fn) == (1, 1, 0)
    markers = report.for_field("ev_markers")
    assert (markers.tp, markers.fp, markers.fn) == (0, 1, 1)
    assert report.study_type_correct == 1


def test_durations_compare_as_integer_strings() -> None:
    gold = [flat("A", durations_days=[28, 2])]
    pred = [nested("A", durations_days=["28", 2.0, " 2 "])]
    durations = score(gold, pred).for_field("durations_days")
    # "28" and " 2 " match 28 and 2; 2.0 is "2.0", which is not forgiven.
    assert (durations.tp, durations.fp, durations.fn) == (2, 1, 0)


def test_repeats_count_once() -> None:
    report = score([flat("A", species=["rat"])], [nested("A", species=["rat", "Rat", "rat "])])
    species = report.for_field("species")
    assert (species.tp, species.fp, species.fn) == (1, 0, 0)


def test_missing_prediction_is_all_recall_loss_and_extras_are_reported(tmp_path: Path) -> None:
    gold = write_jsonl(
        tmp_path / "gold.jsonl",
        [
            flat("A", study_type="primary", species=["rat"]),
            flat("B", study_type="primary", species=["mouse", "human"]),
        ],
    )
    pred = write_jsonl(
        tmp_path / "pred.jsonl",
        [nested("A", study_type="primary", species=["rat"]), nested("Z", species=["pig"])],
    )
    report = score(gold, pred)
    species = report.for_field("species")
    assert (species.tp, species.fp, species.fn) == (1, 0, 2)
    assert report.missing_ids == ["B"]
    assert report.extra_ids == ["Z"]
    assert report.study_type_correct == 1 and report.study_type_total == 2
    text = report.render()
    assert "B" in text.splitlines()[-2] and "Z" in text.splitlines()[-1]


def test_rows_with_other_ids_are_matched_by_title() -> None:
    gold = [flat("D01", species=["rat"]), flat("D02", species=["pig"])]
    pred = [nested("S01", species=["pig"]), nested("S02", species=["rat"])]
    pred[0]["record"] = {"title": "Title  d02."}  # same words, other case and punctuation
    pred[1]["record"] = {"title": "Title D01"}
    report = score(gold, pred)
    assert report.for_field("species").tp == 2
    assert report.missing_ids == [] and report.extra_ids == []


def test_rows_that_share_a_title_pair_in_file_order() -> None:
    gold = [flat("D01", species=["rat"]), flat("D02", species=["pig"])]
    pred = [nested("S01", species=["rat"]), nested("S02", species=["pig"])]
    for row in (*gold, *pred):  # two records of one title: each gold row takes its own
        if "record" in row:
            row["record"] = {"title": "One title"}
        else:
            row["title"] = "One title"
    report = score(gold, pred)
    assert report.for_field("species").tp == 2 and report.for_field("species").fp == 0
    assert report.missing_ids == [] and report.extra_ids == []


def test_both_shapes_on_both_sides_give_the_same_report() -> None:
    fields = {"study_type": "primary", "outcomes": ["apoptosis|decrease"], "doses": ["100 ug"]}
    other = {"study_type": "primary", "outcomes": ["apoptosis|increase"], "doses": ["100 ug"]}
    results = [
        score([make("A", **fields)], [make2("A", **other)])
        for make in (flat, nested)
        for make2 in (flat, nested)
    ]
    counts = {(r.micro.tp, r.micro.fp, r.micro.fn) for r in results}
    assert counts == {(1, 1, 1)}


def test_errors_list_false_positives_and_negatives_per_record() -> None:
    gold = [flat("A", study_type="review", conditions=["osteoarthritis", "periodontitis"])]
    pred = [nested("A", study_type="primary", conditions=["osteoarthritis", "fracture"])]
    report = score(gold, pred)
    by_field = {e.field: e for e in report.errors()}
    assert by_field["conditions"].false_positives == ("fracture",)
    assert by_field["conditions"].false_negatives == ("periodontitis",)
    assert by_field["study_type"].false_positives == ("primary",)
    assert by_field["study_type"].false_negatives == ("review",)
    text = render_errors(report)
    assert "conditions: + fracture" in text and "conditions: - periodontitis" in text
    assert render_errors(score(gold, gold)) == "no errors"


def test_undefined_field_renders_dash() -> None:
    report = score([flat("A", species=["rat"])], [nested("A", species=["rat"])])
    line = next(x for x in report.render().splitlines() if x.startswith("doses"))
    assert line.split()[1:4] == ["-", "-", "-"]


@pytest.mark.parametrize("gold_path", [SEED_GOLD, DEV_GOLD], ids=["seed", "dev"])
def test_gold_against_itself_is_perfect(gold_path: Path) -> None:
    if gold_path == SEED_GOLD:
        require_shared(gold_path)
    report = score(gold_path, gold_path)
    assert report.micro.f1 == 1.0
    assert report.micro.tp > 0
    assert all(s.f1 in (1.0, None) for s in report.fields)
    assert report.study_type_correct == report.study_type_total > 0
    assert report.errors() == []
    assert [s.field for s in report.fields] == list(SET_FIELDS)


def test_bad_json_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_text('{"id": "A"}\n\n{not json}\n', encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"pred\.jsonl, line 3"):
        score([flat("A")], path)


def test_duplicate_and_missing_ids_are_rejected(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "gold.jsonl", [flat("A"), flat("A")])
    with pytest.raises(EvaluationError, match=r"line 2: duplicate id 'A'"):
        score(path, [])
    with pytest.raises(EvaluationError, match="no 'id'"):
        score([{"species": ["rat"]}], [])


def test_scalar_where_a_set_is_expected_is_an_error() -> None:
    with pytest.raises(EvaluationError, match="species"):
        score([flat("A", species=["rat"])], [nested("A", species="rat")])


def test_unreadable_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="cannot read gold file"):
        score(tmp_path / "nope.jsonl", [])
