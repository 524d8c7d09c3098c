"""Phenotype polarity: every lexicon phenotype is beneficial, harmful or named as
context-dependent, and the harmful list is the extractor's."""

from __future__ import annotations

from exobone.analysis.polarity import (
    CONTEXT_DEPENDENT,
    benefit,
    harmful_phenotypes,
    outcome_labels,
    polarity,
)


def test_harmful_and_context_dependent_phenotypes_are_lexicon_labels() -> None:
    labels = outcome_labels()
    assert set(harmful_phenotypes()) <= labels
    assert set(CONTEXT_DEPENDENT) <= labels
    assert not set(harmful_phenotypes()) & set(CONTEXT_DEPENDENT)


def test_the_harmful_list_is_the_extractors() -> None:
    from exobone.extract.direction import HARMFUL

    assert set(harmful_phenotypes()) == set(HARMFUL)


def test_benefit_of_directions() -> None:
    assert polarity("bone_regeneration") == 1 and polarity("cartilage_degradation") == -1
    assert benefit("bone_regeneration", "increase") == "better"
    assert benefit("osteoclastogenesis", "decrease") == "better"
    assert benefit("osteoclastogenesis", "increase") == "worse"
    assert benefit("mineralization", "decrease") == "worse"
    assert benefit("cell_migration", "increase") == "unrated"
    assert benefit("not_a_phenotype", "increase") == "unrated"
    assert benefit("pain", "no_change") == "no_change"
