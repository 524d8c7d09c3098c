"""Nearest valid names for a mistyped one."""

from __future__ import annotations

from exobone.analysis.polarity import outcome_labels, outcome_synonyms
from exobone.suggest import did_you_mean, nearest


def test_nearest_labels_by_spelling_synonym_and_part() -> None:
    assert nearest("inflamation", outcome_labels())[0] == "inflammation"
    # a lexicon synonym points to its label
    assert nearest("osteogenesis", outcome_labels(), outcome_synonyms())[0] == (
        "osteogenic_differentiation"
    )
    assert set(nearest("cartilage", outcome_labels())) == {
        "cartilage_regeneration", "cartilage_degradation"
    }  # fmt: skip
    assert nearest("bone-marrow", ["", "bone_marrow", "adipose"]) == ["bone_marrow"]


def test_did_you_mean_is_empty_when_nothing_is_close() -> None:
    assert did_you_mean("nonsense", outcome_labels()) == ""
    assert did_you_mean("rats", ["rat", "mouse"]) == "; did you mean 'rat'?"
