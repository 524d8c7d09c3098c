"""Outcomes the extractor did not reach (issue 17, vocabulary gates): angiogenesis read out as
vessels counted or measured in tissue ('microvessel density', 'the number of blood vessels',
'vessel number', 'vascular regeneration'); a disease 'lessened' by the vesicles (the verb was
missing from the disease verbs that give disease severity its sign); trabecular number, thickness
and spacing read out as bone mass is. Texts are paraphrased in our own words from real
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


def test_vesicles_lessen_the_disease() -> None:
    # doi:10.1186/s13287-021-02431-5 (Stem Cell Res Ther 2021, exosomal circRNA_0001236; outside
    # the dev corpus): injected into the knee, the exosomal circRNA lessened OA in DMM mice.
    text = (
        "Given into the joint, the exosomes carrying circRNA_0001236 lessened OA in the DMM mice."
    )
    assert "disease_severity|decrease" in outcomes(text)
    # real_paraphrase R123 (doi:10.1002/advs.202004831, Akkermansia EVs): the vesicles lessen
    # the osteoporotic phenotype that ovariectomy causes.
    text = "In bone the bacterial EVs lessen the osteoporotic phenotype caused by ovariectomy."
    assert "disease_severity|decrease" in outcomes(text)


def test_lessened_process_is_not_the_disease() -> None:
    # Guard: 'lessened' before a process keeps that process's own label; no disease severity.
    found_here = outcomes("The exosomes lessened the degeneration and inflammation of the discs.")
    assert "disease_severity|decrease" not in found_here
    assert "inflammation|decrease" in found_here


def test_trabecular_parameters_improved_in_bone_loss() -> None:
    # doi:10.3390/ijms26199503 (hypoxic amniotic MSC EVs in ovariectomized rats; outside the dev
    # corpus): bone density and the trabecular parameters improved with the EVs; the trabecular
    # number stands next to the verb, bone density too far from it.
    text = (
        "Rats were ovariectomized and later given the EVs intravenously. Bone mineral density, "
        "bone mineral content, bone volume/tissue volume ratio, trabecular number, trabecular "
        "spacing and bending strength all improved with the EV treatment, as micro-CT confirmed."
    )
    assert "bone_loss|decrease" in outcomes(text)
    # real_paraphrase R71 (doi:10.1093/jbmrpl/ziaf164, serum exosomes of young rats): the
    # trabecular spacing fell.
    text = "In the ovariectomized rats the serum exosomes clearly decreased trabecular spacing."
    assert "bone_loss|decrease" in outcomes(text)


def test_trabecular_parameters_in_a_defect_are_bone_regeneration() -> None:
    # real_paraphrase R68 (endothelial-cell exosomes in steroid-induced ONFH) wrote 'a higher
    # trabecular thickness and a lower trabecular separation'; in a defect, without bone loss,
    # these read out regeneration, and a lower separation is more bone.
    text = (
        "In the calvarial defects, the exosome group had a higher trabecular thickness and a "
        "lower trabecular separation than the scaffold group."
    )
    assert "bone_regeneration|increase" in outcomes(text)
    text = "In the defects the exosomes lowered trabecular separation."
    assert "bone_regeneration|increase" in outcomes(text)


def test_trabecular_parameters_named_as_methods_stay_silent() -> None:
    text = (
        "In the ovariectomized rats, bone volume, trabecular number, thickness and spacing were "
        "measured by micro-CT."
    )
    assert not outcomes(text)
