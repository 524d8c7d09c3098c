"""Outcome nouns the extractor did not know (issue 17, vocabulary gate): angiogenesis read out
as vessels counted or measured in tissue ('microvessel density', 'the number of blood vessels',
'vessel number', 'vascular regeneration'). Texts are paraphrased in our own words from real
published abstracts read with the search tool (named beside each text), with guards where a rule
could over-fire.
"""

from __future__ import annotations

from real_text import after_isolation


def outcomes(sentence: str) -> set[str]:
    return after_isolation(sentence, "outcomes")


def test_vesicles_raise_microvessel_density() -> None:
    # doi:10.7150/ijbs.16951 (Int J Biol Sci 2017, iPS-MSC exosomes in steroid-induced ONFH;
    # outside the dev corpus): the exosomes raised microvessel density in the femoral head.
    text = (
        "In the rats, the injected exosomes clearly prevented bone loss and raised the "
        "microvessel density of the femoral head relative to the control group."
    )
    assert "angiogenesis|increase" in outcomes(text)


def test_number_of_blood_vessels_rises_with_vesicles() -> None:
    # doi:10.1016/j.mattod.2023.09.026 (Materials Today 2024, hypoxic BMSC exosome-mimetics;
    # outside the dev corpus): more vessels in scaffolds carrying the mimetics, and a higher
    # vessel number in the regenerated bone.
    text = (
        "In scaffolds carrying the exosome-mimetics and implanted under the skin, the number of "
        "blood vessels rose by almost two-fold."
    )
    assert "angiogenesis|increase" in outcomes(text)
    text = "In the cranial defects, the exosomes raised the vessel number of the new bone by 75%."
    assert "angiogenesis|increase" in outcomes(text)


def test_vesicles_promote_vascular_regeneration() -> None:
    # real_paraphrase R10 (doi:10.1111/os.13393, review of exosomes in ONFH).
    text = "Exosomes help the femoral head by promoting vascular regeneration."
    assert "angiogenesis|increase" in outcomes(text)


def test_vessel_words_without_a_change_stay_silent() -> None:
    # Guards: tissue without vessels stated as background, vessel density named as a method, and
    # the microvascular endothelial cells that are a cell type, not a measure.
    assert not outcomes("Articular cartilage has no blood vessels and heals poorly.")
    assert not outcomes("Microvessel density was measured on CD31-stained sections.")
    assert "angiogenesis|increase" not in outcomes(
        "The exosomes raised the proliferation of bone microvascular endothelial cells."
    )
