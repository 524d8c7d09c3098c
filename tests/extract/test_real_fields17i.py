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


def test_human_cells_of_a_review_and_human_health_of_a_primary_study_keep_human() -> None:
    """Guards: vesicles of human cells reviewed keep human beside 'human health'; a primary
    study's 'human health' is left to the rules that judge primary records."""
    review = (
        "Osteoporosis threatens human health. In this review we discuss exosomes obtained from "
        "human MSCs for bone tissue engineering."
    )
    assert found(review, "species") == {"human"}
    primary = (
        "Osteoporosis threatens human health. We isolated exosomes from human umbilical cord "
        "MSCs and injected them into ovariectomized rats."
    )
    assert found(primary, "species") == {"human", "rat"}


# --- a precursor cell line named by the cell it matures into ---------------------------------


def test_mc3t3_e1_osteoblasts_then_the_osteoblasts() -> None:
    # doi:10.1186/s12938-024-01237-9 (Biomed Eng Online 2024, R191): exosomes of strained
    # MLO-Y4 osteocytes promote differentiation of 'MC3T3-E1 osteoblasts' and are taken up by
    # 'the osteoblasts'. The line is preosteoblast||mouse (SCHEMA); osteoblast|| was added.
    abstract = (
        "Strain raised the IGF-1 of MLO-Y4 osteocytes and favoured the osteogenic "
        "differentiation of MC3T3-E1 osteoblasts. Exosomes of the strained osteocytes promoted "
        "the differentiation of MC3T3-E1 cells in vitro and were taken up by the osteoblasts."
    )
    assert found(abstract, "recipient_cells") == {"preosteoblast||mouse"}


def test_apoptosis_of_mc3t3_e1_osteoblasts_induced_by_dexamethasone() -> None:
    # PMID 37771550 (R164): exosome mimetic vesicles of hucMSCs lower the dexamethasone-induced
    # apoptosis of 'MC3T3-E1 osteoblasts' and so inhibit apoptosis 'of osteoblasts'.
    abstract = (
        "Viability and apoptosis of primary MC3T3-E1 cells were measured with CCK-8 and "
        "Annexin V staining. Treatment with exosome mimetic vesicles made from hucMSCs lowered "
        "the apoptosis of MC3T3-E1 osteoblasts induced by dexamethasone. The vesicles thus "
        "inhibit the glucocorticoid-induced apoptosis of osteoblasts."
    )
    recipients = found(abstract, "recipient_cells")
    assert "preosteoblast||mouse" in recipients and "osteoblast||" not in recipients


def test_a_line_named_only_as_cells_leaves_primary_osteoblasts() -> None:
    """Guard: where the line is named "MC3T3-E1 cells", primary osteoblasts are other cells."""
    abstract = (
        "Exosomes of BMSCs were given in vitro to MC3T3-E1 cells and to primary osteoblasts."
    )
    assert found(abstract, "recipient_cells") == {"preosteoblast||mouse", "osteoblast||"}


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


def test_a_disease_induced_in_the_animals_is_no_dish() -> None:
    """Guard: a model induced in the animals ('rats with osteoarthritis induced by MIA') says
    nothing of cells in a dish; the rats' synovial macrophages are no recipients."""
    abstract = (
        "Exosomes of BMSCs were injected into the knee joints of rats with osteoarthritis "
        "induced by MIA, and the synovial macrophages of the treated rats shifted to M2."
    )
    assert found(abstract, "settings") == {"in_vivo"}
    assert found(abstract, "recipient_cells") == set()


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


def test_patients_against_healthy_controls_in_background_is_no_clinical_work() -> None:
    """Guard: a comparison of patients with healthy controls that the study cites from earlier
    work, before its own animal work, adds no clinical setting."""
    abstract = (
        "Osteoarthritis is a common joint disease. Previous studies showed that serum IL-6 is "
        "higher in OA patients than in healthy controls. Here, we isolated exosomes from rat "
        "BMSCs and injected them into the knee joints of rats with MIA-induced OA."
    )
    assert found(abstract, "settings") == {"in_vivo"}


# --- 'bone mesenchymal stem cells' are BMSCs, short form or not ------------------------------


def test_bone_mesenchymal_stem_cells_in_a_title_without_short_form() -> None:
    # 10.1186/s13018-022-03029-0 (J Orthop Surg Res 2022, R167): 'M2 macrophagy-derived
    # exosomal miRNA-26a-5p induces osteogenic differentiation of bone mesenchymal stem cells';
    # the abstract names the recipients no other way.
    title = (
        "Exosomal miRNA-26a-5p of M2 macrophages induces osteogenic differentiation of bone "
        "mesenchymal stem cells"
    )
    abstract = (
        "Exosomes were isolated from the supernatant of M2 macrophages and given to the stem "
        "cells in vitro, where they promoted bone differentiation and inhibited lipid "
        "differentiation."
    )
    assert found(abstract, "recipient_cells", title) == {"MSC|bone_marrow|"}


def test_exosomes_derived_from_bone_mesenchymal_stem_cells() -> None:
    # x-mol 1255291334895230976 (R57, J Nanobiotechnology 2020): 'M2 macrophagy-derived
    # exosomal miRNA-5106 induces bone mesenchymal stem cells towards osteoblastic fate'; and
    # R81's title, 'Exosomes derived from bone mesenchymal stem cells alleviate ...'.
    abstract = (
        "Exosomes derived from bone mesenchymal stem cells lowered the apoptosis of nucleus "
        "pulposus cells in vitro."
    )
    assert found(abstract, "ev_sources") == {"MSC|bone_marrow|"}


def test_a_species_does_not_reach_past_a_repeated_preposition() -> None:
    """Guard (R28, doi:10.1186/s12951-022-01245-8): 'of mouse bone mesenchymal stem cells
    (mBMSCs) and of chondrocytes' names two noun phrases; the chondrocytes' species is not
    stated."""
    abstract = (
        "PRP exosomes promoted the proliferation and migration of mouse bone mesenchymal stem "
        "cells (mBMSCs) and of chondrocytes in vitro."
    )
    assert found(abstract, "recipient_cells") == {"MSC|bone_marrow|mouse", "chondrocyte||"}


# --- 'bioinformatic analysis' is the 'bioinformatics analysis' the lexicon knows --------------


def test_bioinformatic_analysis_of_plasma_and_synovial_fluid_ev_mirnas() -> None:
    # doi:10.2460/javma.24.02.0102 (R151): small RNA sequencing of equine plasma and synovial
    # fluid EVs; a bioinformatic analysis of the differentially expressed miRNAs.
    abstract = (
        "EVs of plasma and synovial fluid from horses with and without PTOA were sampled. "
        "Differentially expressed miRNAs of the EVs were found, and a bioinformatic analysis "
        "of these miRNAs pointed to roles in fibrosis and inflammation."
    )
    assert "gene_expression_profiling" in found(abstract, "assays")


def test_exosomal_micrornas_analysed_by_bioinformatic_analyses() -> None:
    # doi:10.1177/09636897211057465 (Cell Transplant 2021, PMC8647230): microRNAs of exosomes
    # from standard and osteogenic hucMSC cultures were sequenced and analysed using
    # bioinformatic analyses.
    abstract = (
        "Exosomes of hucMSCs cultured in standard or osteogenic medium were co-cultured with "
        "osteoblasts in vitro. The microRNAs of the two exosome preparations were sequenced and "
        "examined with bioinformatic analyses."
    )
    assert "gene_expression_profiling" in found(abstract, "assays")


def test_a_bioinformatics_website_that_predicts_a_site_is_profiling() -> None:
    """R179, PMID 38012335: a bioinformatic analysis the study names as its own, a prediction
    too, is gene_expression_profiling (real_paraphrase NOTES, quality19c: the corpus majority,
    as R222's and R386's predictions of targets; this was a guard before that settlement)."""
    abstract = (
        "Exosomes of BMSCs relieved chondrocyte ferroptosis in vitro. A bioinformatics website "
        "predicted m6A sites on ACSL4 mRNA, and the m6A level was assessed by MeRIP."
    )
    assert "gene_expression_profiling" in found(abstract, "assays")
