"""Verbs of furthering the direction cues did not know (issue 17, direction-word gate): vesicles
that 'support' bone repair or 'drive' inflammation, and vesicles that 'shield' cells from a
harm, had no direction, so their outcome was lost. 'Support' and 'drive' count only with
vesicles in their clause before them: scaffolds and genes support and drive things too. Texts
are paraphrased in our own words from real published abstracts read with the search tool
(named beside each text), with guards where the verbs could over-fire.
"""

from __future__ import annotations

from real_text import after_isolation


def outcomes(sentence: str) -> set[str]:
    return after_isolation(sentence, "outcomes")


def test_vesicles_support_bone_repair() -> None:
    # PMC10003369 (real_paraphrase R06): ASC exosomes in diabetic
    # nonunion, whose conclusion says they support bone repair and regeneration in vivo.
    text = (
        "The ASC-derived exosomes therefore strengthen the osteogenic potential of BMSCs through "
        "Wnt/beta-catenin signalling and support the repair and regeneration of bone in vivo."
    )
    assert "bone_regeneration|increase" in outcomes(text)


def test_vesicles_drive_inflammation() -> None:
    # Synovial tissue-derived EVs of osteoarthritic rabbit knees, an in vitro study
    # (https://discovery.researcher.life/article/synovial-tissue-derived-extracellular-
    # vesicles-induce-chondrocyte-inflammation-and-degradation-via-nf-b-signalling-pathway-an-
    # in-vitro-study/28836fd54a9e3232956f97d041a5b5c1; outside the dev corpus): harmful vesicles.
    text = "ST-EVs thus drive inflammation of chondrocytes by switching on NF-kB signalling."
    assert "inflammation|increase" in outcomes(text)


def test_osteogenic_vesicles_drive_differentiation() -> None:
    # doi:10.1002/advs.202001334 (PMC7539212; real_paraphrase R31): exosomes of osteogenically
    # pre-differentiated hMSCs, their miRNA cargo read by RNA sequencing.
    text = (
        "RNA sequencing points to the osteogenic exosomes driving the osteogenic differentiation "
        "of hMSCs through the miRNAs they carry."
    )
    assert "osteogenic_differentiation|increase" in outcomes(text)


def test_vesicles_shield_cells_from_a_harm() -> None:
    # Song et al., Stem Cell Res Ther 2022, 13:80 (TDSC exosomes and tendon repair, outside the
    # dev corpus; DOI not checked): the exosomes shielded tenocytes from oxidative stress.
    text = (
        "TDSC-Exos raised tenocyte proliferation and migration and shielded the tenocytes from "
        "oxidative stress and from serum starvation."
    )
    assert "oxidative_stress|decrease" in outcomes(text)


def test_a_scaffold_that_supports_gives_nothing() -> None:
    # doi:10.3892/mmr.2023.13017 (real_paraphrase R32): the porous tantalum, not the exosomes,
    # supported osteogenesis; the exosomes' own effect follows in a later clause.
    text = (
        "Micro-CT and histology showed that the pTa scaffold itself clearly supported "
        "osteogenesis and that adding exosomes promoted the regeneration of bone further."
    )
    assert outcomes(text) == {"bone_regeneration|increase"}


def test_a_control_arm_beside_the_vesicles_gives_nothing() -> None:
    # real_paraphrase R79 (PMID 40219364): matrix was laid down with the cryogel alone as well,
    # so it is no vesicle effect.
    text = (
        "Both the cryogel alone and the exosome-loaded cryogel supported the deposition of "
        "extracellular matrix."
    )
    assert "matrix_synthesis|increase" not in outcomes(text)


def test_supporting_tissues_and_driven_by_give_nothing() -> None:
    text = (
        "The exosomes were given to rats whose periodontitis had destroyed the supporting "
        "tissues of the teeth, a loss driven by inflammation."
    )
    assert outcomes(text) == set()


def test_larger_and_faster_compare_as_greater_does() -> None:
    # Infrapatellar fat pad MSC exosomes after ACL reconstruction in rats (Am J Sports Med
    # 2022, 50(3): 662-673; outside the dev corpus): micro-CT found a larger BV/TV ratio.
    tunnel = (
        "After ACL reconstruction the exosome-injected rats had a larger bone volume/total "
        "volume ratio in the bone tunnels on micro-CT."
    )
    assert "bone_regeneration|increase" in outcomes(tunnel)
    # real_paraphrase R69 (MSC-Exos in distraction osteogenesis of older rats).
    distraction = "Radiographs and micro-CT showed clearly faster bone regeneration with MSC-Exos."
    assert "bone_regeneration|increase" in outcomes(distraction)


def test_larger_defects_and_faster_degradation_give_nothing() -> None:
    text = (
        "Larger bone defects were filled with the exosome-loaded scaffold, which degraded "
        "faster than the plain one."
    )
    assert outcomes(text) == set()


def assays(sentence: str) -> set[str]:
    return after_isolation(sentence, "assays")


def test_markers_of_an_effect_are_measured_not_characterised() -> None:
    # "Markers" made a sentence describe identity, so western blot there was dropped as a
    # characterisation method. PMC8278698 (doi:10.1186/s13287-021-02438-y, real_paraphrase R87):
    text = (
        "The expression of osteogenic, adipogenic and angiogenic markers was measured by RT-PCR "
        "and western blotting."
    )
    assert "western_blot" in assays(text)
    # doi:10.1111/jcmm.14430 (PMC6653097, tendon stem cell exosomes; outside the dev corpus).
    tendon = "Markers of the tendon matrix and of tenogenesis were measured by western blot."
    assert "western_blot" in assays(tendon)


def test_identity_markers_stay_characterisation() -> None:
    cells = "Flow cytometry showed that the cells carried the surface markers CD29 and CD44."
    assert "flow_cytometry" not in assays(cells)
    vesicles = "Western blot showed the exosome markers CD9 and CD63."
    assert "western_blot" not in assays(vesicles)
