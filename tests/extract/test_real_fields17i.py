"""Issue 17, context fields on fresh real abstracts (helper fields17i, records R190-R204).

Each positive test paraphrases a real published abstract (DOI in its comment) and failed before
the change it tests; the guards keep the change from over-firing.
"""

from __future__ import annotations

from real_text import found, rules_named

from exobone.extract.rules import load_rules

# the row of data/biology.yaml that reads people in general
PEOPLE_IN_GENERAL = load_rules("biology.yaml").regex("people_in_general")

# --- people in general, named by a review, are no species of it ------------------------------


def test_a_review_says_bone_diseases_threaten_human_health() -> None:
    # doi:10.1002/adhm.202203361 (Adv Healthc Mater 2023, R199): a review of bone-targeted
    # exosomes opens on the ageing population and the threat of bone diseases to human health.
    abstract = (
        "With an ageing population, diseases of bone have become a social problem that "
        "threatens human health. In this review we focus on exosomes modified to home to bone "
        "and on their therapeutic effects."
    )
    assert found(abstract, "species") == set()
    assert PEOPLE_IN_GENERAL.match("human health")


def test_a_review_places_bone_in_human_life() -> None:
    # doi:10.1186/s12964-019-0319-5 (Cell Commun Signal 2019, R198): bone keeps its balance of
    # synthesis and resorption throughout human life; the review surveys EVs derived from bone.
    abstract = (
        "Throughout human life, bone keeps a dynamic balance of synthesis and resorption "
        "through the work of osteoclasts, osteoblasts and osteocytes. In this review we "
        "describe the cells of bone and the progress made on extracellular vesicles derived "
        "from bone."
    )
    assert found(abstract, "species") == set()
    assert PEOPLE_IN_GENERAL.match("human life")


def test_a_review_hopes_to_reach_human_patients() -> None:
    # PMC10342399 (a 2023 review of MSC-EVs in bone regeneration, R202): the cell-free therapy
    # should one day be translated to human patients.
    abstract = (
        "In this review we describe what EVs of mesenchymal stem cells do in each phase of bone "
        "regeneration. Standard protocols and clinical trials are needed before this cell-free "
        "therapy can be translated to human patients."
    )
    assert found(abstract, "species") == set()
    assert PEOPLE_IN_GENERAL.match("human patients")


# --- the disease stimulus written after the recipient cells shows they were in a dish ---------


def test_nucleus_pulposus_cells_induced_by_il1beta_beside_in_vivo_work() -> None:
    # PMID 35753124 (Int Immunopharmacol 2022, R194): PRP exosomes act on macrophages and on
    # NP cells whose apoptosis IL-1beta induced, then in vivo experiments follow; the abstract
    # never writes 'in vitro', and the cells were dropped as cells of the animals.
    abstract = (
        "Exosomes derived from platelet-rich plasma inhibited the polarization of M1 "
        "macrophages. They also reduced the apoptosis of nucleus pulposus cells induced by "
        "IL-1beta. In vivo experiments then showed that the exosomes lowered inflammatory "
        "mediators and slowed the progression of disc degeneration."
    )
    assert found(abstract, "settings") == {"in_vitro", "in_vivo"}
    assert found(abstract, "recipient_cells") == {"macrophage||", "nucleus_pulposus_cell||"}
    assert rules_named(abstract, "settings", "in_vitro") == {"treated_after"}  # study.yaml


def test_np_cells_with_oxidative_damage_induced_by_h2o2_beside_a_rat_model() -> None:
    # PMC9758573 (R195): platelet-derived EVs tested on NP cells with oxidative damage induced
    # by H2O2, then in a rat model of disc degeneration.
    abstract = (
        "We extracted platelet-derived EVs, tested their effects on nucleus pulposus (NP) cells "
        "with oxidative damage induced by H2O2, and showed their therapeutic effect in a rat "
        "model of intervertebral disc degeneration."
    )
    assert found(abstract, "settings") == {"in_vitro", "in_vivo"}
    assert found(abstract, "recipient_cells") == {"nucleus_pulposus_cell||"}
    assert rules_named(abstract, "settings", "in_vitro") == {"treated_after"}  # study.yaml


# --- vesicles measured in patients against healthy people are clinical work -----------------


def test_exosomal_circrna_higher_in_patients_than_in_healthy_controls() -> None:
    # doi:10.1186/s13287-021-02214-y (Stem Cell Res Ther 2021, R169): a serum exosomal circRNA
    # is higher in osteoporosis patients than in healthy controls and tells them apart.
    abstract = (
        "Serum exosomes were collected and their circRNAs profiled by microarray. Exosomal "
        "hsa_circ_0006859 was higher in osteoporosis patients than in healthy controls and "
        "distinguished patients with osteopenia or osteoporosis from healthy controls."
    )
    assert "clinical" in found(abstract, "settings")
    assert rules_named(abstract, "settings", "clinical") == {"healthy_controls"}  # study.yaml


def test_gcf_vesicles_higher_in_periodontitis_patients_than_in_healthy_subjects() -> None:
    # doi:10.1111/odi.13338 (Oral Dis 2020, R170): EVs of gingival crevicular fluid and saliva;
    # the EV concentration of GCF is higher in periodontitis patients than in
    # healthy/gingivitis subjects.
    abstract = (
        "Extracellular vesicles of gingival crevicular fluid (GCF) and saliva were precipitated "
        "and counted by nanoparticle tracking. The EV concentration of GCF was higher in "
        "periodontitis patients than in healthy/gingivitis subjects, whereas that of saliva "
        "did not differ."
    )
    assert found(abstract, "settings") == {"clinical"}
    assert found(abstract, "species") == {"human"}
    assert rules_named(abstract, "settings", "clinical") == {"healthy_controls"}  # study.yaml
