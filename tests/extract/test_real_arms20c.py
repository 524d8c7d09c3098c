"""Two vesicle preparations compared with each other, and 'lipogenic' differentiation (issue 17,
quality20c).

docs/schema.md: a direction is the vesicles' effect against control. A comparative measured
against another vesicle arm ("more nodules with Exo1 than with Exo2") states only the difference
between the arms, so it gives no direction; a verb keeps its own ("promoted X more than Exos":
promoted is against control), and a control named as the reference ("than the PBS group")
is no other vesicle arm. Examples are paraphrased in new words; the source DOI is given with
each.
"""

from __future__ import annotations

from real_text import ISOLATED, effects_of, found


def outcomes_of(abstract: str) -> set[str]:
    return found(ISOLATED + abstract, "outcomes", "Vesicle study")


def test_more_in_one_exosome_group_than_in_another_gives_no_direction() -> None:
    # doi:10.1007/s10561-020-09867-8 (R75): exosomes collected on days 1-14 and 15-28 of
    # osteogenic differentiation.
    assert (
        outcomes_of(
            "Alizarin red staining showed many more mineralized nodules in the early-exosome "
            "group than in the late-exosome group."
        )
        == set()
    )


def test_lower_potential_than_the_exosomes_of_healthy_donors_gives_no_direction() -> None:
    # doi:10.1186/s12951-021-00964-8 (R83): macrophage exosomes of diabetic and non-diabetic mice.
    assert (
        outcomes_of(
            "Exosomes of diabetic macrophages had a lower osteogenic potential than exosomes of "
            "non-diabetic macrophages."
        )
        == set()
    )


def test_a_verb_keeps_its_sign_beside_the_comparison() -> None:
    """Guard: 'promoted' tells the effect against control (R99, hypoxic MSC exosomes,
    doi:10.1016/j.actbio.2019.12.020)."""
    assert "angiogenesis|increase" in outcomes_of(
        "Giving Hypo-Exos promoted angiogenesis more than giving Exos."
    )


def test_a_control_arm_as_the_reference_keeps_the_comparative() -> None:
    """Guard: the PBS arm is the control (R440, exosomes in osteochondral defects)."""
    assert "COL2A1|up" in effects_of(
        "The defects treated with exosomes held significantly more collagen II than the "
        "PBS-treated defects."
    )
    assert "bone_regeneration|increase" in outcomes_of(
        "Rats given the exosomes had more bone formation than the control group."
    )


def test_lipogenic_differentiation_is_adipogenic() -> None:
    # ablesci E4Vp4koYr (R621): serum exosomal METTL3 in postmenopausal osteoporosis; R167
    # (doi:10.1186/s13018-022-03029-0) names Oil red O staining for the same potential.
    assert "adipogenic_differentiation|decrease" in outcomes_of(
        "The exosomes promoted the osteogenic differentiation of BMSCs and inhibited their "
        "lipogenic differentiation."
    )
