"""Real-text tests of the molecular17f helper (issue 17): miRNA vocabulary and cargo gates.

Each sentence is our own paraphrase of a real published abstract (DOI in the comment)."""

from __future__ import annotations

from real_text import GIVEN_TO_CELLS, after_given, effects_of, found, rules_named


def test_vesicles_highly_expressing_a_mirna_after_their_source_carry_it() -> None:
    # doi:10.1186/s13287-021-02449-9 (not in the dev corpus): serum exosomes of young rats
    # "highly expressing" miRNA-19b-3p, the participle after the vesicles' source.
    text = (
        "Fatigue loading lowered the osteogenic differentiation of BMSCs from aged rats, "
        "while serum exosomes of young rats highly expressing miRNA-19b-3p restored it."
    )
    assert "miR-19b-3p" in found(text, "ev_cargo")
    assert rules_named(text, "ev_cargo", "miR-19b-3p") == {"vesicle_holds"}  # cargo.yaml


def test_vesicles_showing_an_enriched_level_of_a_mirna_carry_it() -> None:
    # doi:10.1302/2046-3758.1012.BJR-2020-0275.R2 (not in the dev corpus): the exosomes
    # "exhibited an enriched miR-136-5p level" and were taken up by osteoblasts.
    text = (
        "Exosomes were isolated from mouse BMSCs. The BMSC-derived exosomes displayed an "
        "enriched miR-136-5p level and were internalised by MC3T3-E1 cells."
    )
    assert "miR-136-5p" in found(text, "ev_cargo")
    # the gap ends in an amount (row amount_at_end): the noun after the molecule (level_after)
    # lets vesicle_holds stand
    assert rules_named(text, "ev_cargo", "miR-136-5p") == {"vesicle_holds"}  # cargo.yaml


def test_vesicles_carrying_high_levels_of_a_molecule_in_a_relative_clause() -> None:
    # the same two papers' facts in a relative clause bound to the vesicles, with the amount
    # between the verb and the molecule
    text = (
        "Serum exosomes of young rats, which carry high levels of miRNA-19b-3p, improved the "
        "osteogenic differentiation of BMSCs."
    )
    assert "miR-19b-3p" in found(text, "ev_cargo")
    assert rules_named(text, "ev_cargo", "miR-19b-3p") == {"vesicle_holds"}  # cargo.yaml


def test_a_molecule_whose_level_changed_in_the_vesicles_is_no_effect() -> None:
    # doi:10.1186/s13018-023-03859-6 (not in the dev corpus): miR-214-3p raised in the
    # exosomes of senescent osteoblasts is their profile, not an effect on endothelial cells
    text = (
        "qRT-PCR showed that miR-214-3p was upregulated in senescent osteoblast-derived "
        "exosomes, and it promoted senescence of endothelial cells."
    )
    assert "miR-214-3p|up" not in effects_of(text)
    assert "miR-214-3p" in after_given(text, "ev_cargo")
    rules = rules_named(GIVEN_TO_CELLS + text, "ev_cargo", "miR-214-3p", "Vesicle study")
    assert rules == {"found_in"}  # cargo.yaml
