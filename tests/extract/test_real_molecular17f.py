"""Real-text tests of the molecular17f helper (issue 17): miRNA vocabulary and cargo gates.

Each sentence is our own paraphrase of a real published abstract (DOI in the comment)."""

from __future__ import annotations

from real_text import GIVEN_TO_CELLS, after_given, effects_of, found, rules_named


def test_mirna_full_name_with_its_short_form_in_brackets_is_a_mirna() -> None:
    # "microRNA (miR)-136-5p": the short form sits between the full name and the number
    # (doi:10.1302/2046-3758.1012.BJR-2020-0275.R2, not in the dev corpus).
    text = (
        "We set out to learn how bone marrow MSC-derived exosomes carrying microRNA "
        "(miR)-136-5p act during the healing of fractures in mice."
    )
    assert "miR-136-5p" in found(text, "ev_cargo")


def test_mirna_full_name_with_short_form_before_an_arm_less_number() -> None:
    # doi:10.1080/15384101.2020.1863682 (dev R16): "microRNA (miR)-199a" carried by the EVs.
    text = (
        "Extracellular vesicles of bone marrow mesenchymal stem cells protect the degenerating "
        "disc. We asked what the microRNA (miR)-199a carried by these EVs does to nucleus "
        "pulposus cells."
    )
    assert "miR-199a" in found(text, "ev_cargo")


def test_bracketed_short_form_without_a_number_is_no_mirna() -> None:
    # guard: "microRNA (miR) expression" names the class, not one miRNA
    text = "Exosomes carrying microRNA (miR) species were isolated and their expression profiled."
    assert not found(text, "ev_cargo")


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


def test_markers_the_vesicles_express_and_molecules_of_cells_are_no_cargo() -> None:
    # guards: vesicles "that expressed CD63" name markers; a relative clause after cells and
    # "higher levels" shown by treated cells are the cells' own molecules
    text = (
        "Exosomes were round vesicles of 60 to 130 nm that expressed CD9, CD63 and TSG101. "
        "The exosomes promoted proliferation of chondrocytes that contained high levels of "
        "SOX9, and exosome-treated BMSCs showed higher levels of RUNX2."
    )
    assert not found(text, "ev_cargo") & {"CD9", "CD63", "TSG101", "SOX9", "RUNX2"}


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


def test_lower_expression_of_a_mirna_in_the_vesicles_is_their_profile() -> None:
    # doi:10.1302/2046-3758.132.BJR-2023-0146.R2 (dev R88): less miR-494-3p in the
    # exosomes of senescent osteocytes; doi:10.1186/s13287-021-02438-y (dev R87): miR-100-5p
    # raised in the exosomes of necrotic bone
    assert "miR-494-3p|down" not in effects_of(
        "RNA sequencing found clearly lower expression of miR-494-3p in the exosomes of "
        "senescent MLO-Y4 cells than in those of normal cells."
    )
    assert "miR-100-5p|up" not in effects_of(
        "MiR-100-5p expression was raised in the NONFH exosomes and held back osteogenesis."
    )


def test_a_change_in_cells_or_groups_given_vesicles_stays_an_effect() -> None:
    # guards: the place of the change is the recipient cells or the treated group
    assert "miR-21|up" in effects_of(
        "miR-21 was significantly increased in the chondrocytes after exosome treatment."
    )
    assert "RUNX2|up" in effects_of("RUNX2 expression was higher in the exosome group.")
