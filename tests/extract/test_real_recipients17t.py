"""Recipient cells of studies that also worked in animals or people, and outcomes named by
the cells whose process changed (issue 17, quality17t).

`recipient_cells` are cells in vitro (docs/schema.md); where a study also treated animals or
people and never writes 'in vitro', a recipient counts only if something says its cells were
in a dish. Two more signs of that, each seen in real abstracts: the cells are the subject of
the treatment ('the chondrocytes were treated with the vesicles'), or the disease model was
given to them in a relative clause ('cells in which ER stress had been induced with AGEs').
Examples are paraphrased; the source DOI is given with each.
"""

from __future__ import annotations

from real_text import after_isolation, found, rules_named


def test_chondrocytes_treated_with_synovial_fluid_evs_of_patients() -> None:
    # doi:10.3390/biom15060829 (Biomolecules 2025, R405): fluid and cartilage of patients,
    # then the chondrocytes are treated with the fluid's EVs.
    abstract = (
        "Synovial fluid and cartilage were collected from patients undergoing knee surgery. "
        "Vesicles of the synovial fluid (SF-EVs) were isolated by ultracentrifugation. "
        "Patients were grouped by the severity of their disease. "
        "Articular chondrocytes were treated with SF-EVs and their transcriptome was read."
    )
    assert found(abstract, "settings") == {"clinical", "in_vitro"}
    assert found(abstract, "recipient_cells") == {"chondrocyte||"}
    assert rules_named(abstract, "settings", "in_vitro") == {"treated_after"}  # study.yaml


def test_nucleus_pulposus_cells_in_which_stress_had_been_induced() -> None:
    # doi:10.7150/thno.33638 (Theranostics 2019, R324): MSC exosomes tested in human NP cells
    # whose ER stress AGEs had induced, beside a rat model of disc degeneration.
    abstract = (
        "The effects of MSC-exos were tested in human NP cells in which ER stress had been "
        "induced with advanced glycation end products. A rat model of disc degeneration was "
        "then built to test the exosomes in vivo."
    )
    assert found(abstract, "recipient_cells") == {"nucleus_pulposus_cell||human"}
    assert found(abstract, "settings") == {"in_vitro", "in_vivo"}
    assert rules_named(abstract, "settings", "in_vitro") == {"treated_after"}  # study.yaml


def test_animals_treated_with_the_vesicles_are_no_dish() -> None:
    """Guard: the animals (not cells) treated with the vesicles, and the cells of those
    animals named as changed in them, say nothing of a dish."""
    abstract = (
        "Rats with osteoarthritis were treated with exosomes of BMSCs by intra-articular "
        "injection, and the synovial macrophages of the treated rats shifted to M2."
    )
    assert found(abstract, "recipient_cells") == set()
    assert found(abstract, "settings") == {"in_vivo"}


# --- the differentiation of osteoblasts is osteogenic differentiation --------------------


def test_proliferation_and_differentiation_of_osteoblasts() -> None:
    # PMC8476897 (J Orthop Translat 2021, R400): plasma exosomes of injured mice promoted the
    # proliferation and the differentiation of cultured osteoblasts.
    sentence = (
        "Plasma exosomes collected after the injury promoted the proliferation and "
        "differentiation of osteoblasts in culture."
    )
    assert after_isolation(sentence, "outcomes") == {
        "cell_proliferation|increase",
        "osteogenic_differentiation|increase",
    }


def test_differentiation_of_osteoblasts_regulated_in_general_has_no_direction() -> None:
    # doi:10.3969/j.issn.1006-1959.2024.04.034 (a 2024 review of BMSC exosomes in bone
    # regeneration): the exosomes act by 'regulating' the osteoblasts' proliferation and
    # differentiation, which names the process without a direction.
    sentence = (
        "BMSC exosomes take part in bone remodelling by regulating the proliferation and "
        "differentiation of osteoblasts."
    )
    assert after_isolation(sentence, "outcomes") == set()


def test_differentiation_of_osteoclasts_is_not_osteogenic() -> None:
    """Guard: the differentiation of osteoclasts is no osteoblastic differentiation."""
    sentence = "The exosomes inhibited the differentiation of osteoclasts in culture."
    assert "osteogenic_differentiation|decrease" not in after_isolation(sentence, "outcomes")


# --- a hoped-for application names a prospect, not a finding -----------------------------


def test_potential_applications_for_promoting_fracture_healing() -> None:
    # PMC8476897 (R400): the conclusion hopes the exosomes may have potential applications
    # for promoting fracture healing later; the finding was on cultured osteoblasts.
    sentence = (
        "In future, exosomes taken after brain injury may have potential applications in "
        "promoting fracture healing."
    )
    assert after_isolation(sentence, "outcomes") == set()


def test_potential_applications_in_disc_degeneration_of_a_review_title() -> None:
    # doi:10.1155/2022/7538025 (R280): a review title names the vesicles' 'potential
    # applications in' the disease; what follows the preposition is no finding.
    sentence = (
        "MSC-derived vesicles have immunomodulatory effects and potential applications in "
        "reducing intervertebral disc degeneration."
    )
    assert "disease_severity|decrease" not in after_isolation(sentence, "outcomes")


def test_a_found_application_is_still_a_finding() -> None:
    """Guard: the vesicles applied to the defects and promoting healing is a finding."""
    sentence = "Applied to the fracture, the exosomes promoted fracture healing in the mice."
    assert after_isolation(sentence, "outcomes") == {"fracture_healing|increase"}


# --- macrophages pushed toward M2 ---------------------------------------------------------


def test_macrophages_pushed_toward_the_anti_inflammatory_m2_phenotype() -> None:
    # R221 (dental pulp stem cell exosomes with curcumin-loaded nanozymes in OA; source page
    # synapsesocial.com 69df2a4be4eeef8a2a6af84f): in vitro the combination pushed the
    # macrophages toward the anti-inflammatory M2 phenotype.
    sentence = (
        "In culture the exosome combination lowered ROS inside the cells and pushed "
        "macrophages toward the anti-inflammatory M2 phenotype."
    )
    assert after_isolation(sentence, "outcomes") == {"macrophage_activation|decrease"}


def test_scaffold_pushed_macrophages_toward_m2() -> None:
    # doi:10.7150/thno.123700 (Theranostics, R442): a USC-Exos-loaded scaffold pushed the
    # macrophages toward the M2 phenotype.
    sentence = "In function, the loaded scaffold pushed macrophages toward the M2 phenotype."
    assert after_isolation(sentence, "outcomes") == {"macrophage_activation|decrease"}


def test_macrophages_pushed_toward_m1_is_no_shift_to_m2() -> None:
    """Guard: a push toward M1 is not read as the M2 shift."""
    sentence = "The exosomes pushed macrophages toward the M1 phenotype."
    assert "macrophage_activation|decrease" not in after_isolation(sentence, "outcomes")


# --- inflammation named by its processes or its cells ----------------------------------------


def test_vesicles_inhibit_inflammatory_processes() -> None:
    # doi:10.1002/mnfr.202100764 (Mol Nutr Food Res 2022, R95): milk EVs hold back the
    # catabolic and inflammatory processes of osteoarthritic cartilage.
    sentence = "The vesicles curbed catabolic and inflammatory processes in OA cartilage."
    assert "inflammation|decrease" in after_isolation(sentence, "outcomes")


def test_fewer_inflammatory_cells_in_the_exosome_group() -> None:
    # R347 (BMSC exosome hydrogel in rotator cuff repair, petcasefinder.com case 67260): the
    # histology of the exosome group showed fewer inflammatory cells at the interface.
    sentence = (
        "Histology of the exosome group showed better aligned collagen fibres and fewer "
        "inflammatory cells at the tendon-bone interface."
    )
    assert "inflammation|decrease" in after_isolation(sentence, "outcomes")


def test_inflammatory_cells_as_the_source_change_nothing_of_their_own() -> None:
    """Guard: inflammatory cells named as the ones that release vesicles get no direction."""
    sentence = "Inflammatory cells of the synovium release vesicles into the joint fluid."
    assert after_isolation(sentence, "outcomes") == set()


# --- the chondrocytes' catabolism is cartilage degradation ---------------------------------


def test_evs_of_il1beta_chondrocytes_stimulated_catabolic_events() -> None:
    # PMC7071989 (R89): EVs of IL-1beta-treated chondrocytes stimulated catabolic events in
    # articular chondrocytes; EVs of untreated chondrocytes held them back.
    sentence = (
        "EVs from the medium of IL-1beta-treated chondrocytes stimulated catabolic events in "
        "articular chondrocytes, whereas EVs of vehicle-treated chondrocytes inhibited them."
    )
    assert "cartilage_degradation|increase" in after_isolation(sentence, "outcomes")


def test_synovial_fluid_evs_promote_a_pro_catabolic_phenotype() -> None:
    # doi:10.3390/biom15060829 (R405): fluid EVs of severe OA give chondrocytes a
    # pro-catabolic, inflammatory phenotype.
    sentence = (
        "Synovial fluid EVs of patients with severe osteoarthritis promoted a pro-catabolic, "
        "inflammatory chondrocyte phenotype."
    )
    assert after_isolation(sentence, "outcomes") == {"cartilage_degradation|increase"}


def test_catabolic_genes_measured_and_a_discs_catabolism_are_no_cartilage_degradation() -> None:
    """Guards: genes named catabolic are only measured; in a disc study the catabolic
    processes are the disc's."""
    measured = "The expression of anabolic and catabolic genes was measured by qRT-PCR."
    assert after_isolation(measured, "outcomes") == set()
    disc = (
        "In rats with intervertebral disc degeneration the exosomes inhibited catabolic "
        "processes in the nucleus pulposus."
    )
    assert "cartilage_degradation|decrease" not in after_isolation(disc, "outcomes")


# --- the construct that carries the vesicles stands for them in the next sentence --------------


def test_the_system_taken_up_by_raw_cells() -> None:
    # R215 (J Nanobiotechnology 2020, exosome-based biomimetic nanoparticles in RA): the
    # loaded exosomes are measured, then 'the system' is taken up by RAW264.7 cells.
    abstract = (
        "Exosomes of M2 macrophages were loaded with dexamethasone (Exo/Dex). Exo/Dex "
        "measured about 128 nm and carried the drug stably. In vitro, the system was taken up "
        "more readily by RAW264.7 cells and lowered pro-inflammatory cytokines."
    )
    assert found(abstract, "recipient_cells") == {"macrophage||mouse"}


def test_the_scaffold_that_holds_the_exosomes_pushed_macrophages() -> None:
    # doi:10.7150/thno.123700 (R442): a printed scaffold carrying USC exosomes, then 'the
    # scaffold pushed macrophages toward the M2 phenotype'.
    abstract = (
        "The GelMA/DBM/USC-Exos scaffold was printed with high fidelity and released the "
        "exosomes steadily. In function, the scaffold pushed macrophages toward the M2 "
        "phenotype."
    )
    assert found(abstract, "recipient_cells") == {"macrophage||"}


def test_a_scaffold_named_with_no_vesicles_before_it_gives_no_recipients() -> None:
    """Guard: 'the scaffold' after a sentence that names no vesicles is only the scaffold."""
    abstract = (
        "A porous titanium scaffold was printed with high fidelity. In function, the scaffold "
        "pushed macrophages toward the M2 phenotype."
    )
    assert found(abstract, "recipient_cells") == set()


# --- 'positively / negatively regulated' with the vesicles as subject ----------------------


def test_evs_positively_regulated_osteoblastic_differentiation() -> None:
    # doi:10.1038/srep21961 (Sci Rep 2016, R36): BMSC EVs positively regulated the osteogenic
    # genes and the osteoblastic differentiation in vitro.
    sentence = (
        "The EVs positively regulated osteogenic genes and osteoblastic differentiation in "
        "vitro without inhibiting proliferation."
    )
    assert after_isolation(sentence, "outcomes") == {
        "osteogenic_differentiation|increase",
        "cell_proliferation|no_change",
    }


def test_a_gene_that_positively_regulated_a_pathway_is_no_vesicle_effect() -> None:
    # doi:10.1186/s12903-023-03842-x (BMC Oral Health 2023, R59): after the M2 exosomes'
    # effect on osteoclasts, 'CSF2 also positively regulated TNF-alpha signaling'.
    sentence = (
        "M2 macrophage exosomes inhibited osteoclast differentiation. CSF2 also positively "
        "regulated TNF-alpha signaling."
    )
    assert "TNF|up" not in after_isolation(sentence, "molecular_effects")


def test_vesicles_negatively_regulated_osteoclast_differentiation() -> None:
    """The negative form with the vesicles as subject lowers what it names."""
    sentence = "The exosomes negatively regulated osteoclast differentiation in culture."
    assert after_isolation(sentence, "outcomes") == {"osteoclastogenesis|decrease"}
