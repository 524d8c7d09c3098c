"""Sources, their treatment, recipients and cell lines as real abstracts write them (issue 17).

Each case paraphrases a published abstract (source in the comment); each rule has at least two.
"""

from exobone.extract import Extractor
from exobone.model import Record


def fields(abstract: str, title: str = "") -> dict:
    return Extractor().extract(Record(title=title, abstract=abstract), "S01").annotations


def test_a_molecule_silenced_in_the_vesicles_or_their_source_cells_is_genetic_modification():
    # 10.1080/15384101.2020.1863682 (real_paraphrase R16)
    got = fields(
        "In this study, EVs from bone marrow MSCs protected nucleus pulposus cells. Reducing the "
        "miR-199a carried by the EVs weakened their protective effect on the NPCs."
    )
    assert got["preconditioning"] == ["genetic_modification"]
    # 10.3389/fendo.2021.680328 (R38)
    got = fields(
        "We found that exosomes derived from M2 macrophages (M2D-Exos) promoted osteogenesis of "
        "BMSCs. Knocking down miR-690 in the M2 macrophages with a miR-690 inhibitor partly "
        "cancelled the effect of M2D-Exos on BMSC differentiation."
    )
    assert got["preconditioning"] == ["genetic_modification"]
    # PMC7900016 (R96)
    got = fields(
        "Here, sEVs from mature osteoclasts were coated on a scaffold. The scaffold with "
        "miR-324-enriched sEVs regenerated bone best, whereas inhibiting miR-324 in the sEVs "
        "abolished these effects."
    )
    assert got["preconditioning"] == ["genetic_modification"]


def test_silencing_in_unnamed_cells_or_as_a_therapy_is_no_preconditioning():
    # 10.1186/s12903-024-04831-4 (R29): where CXCL12 was knocked down is not said.
    got = fields(
        "In this study, M2-exos were isolated from RAW264.7 cells and applied to hPDLSCs. "
        "Knocking down CXCL12 reversed the effects of M2-exo on osteogenic differentiation."
    )
    assert got["preconditioning"] == []
    # 10.1038/ncomms10872 (R18): silencing in the osteoclasts of the animals is a therapy.
    got = fields(
        "We show that exosomal miR-214-3p from osteoclasts is transferred to osteoblasts. "
        "Inhibiting miR-214-3p in osteoclasts may be a way to treat skeletal disorders."
    )
    assert got["preconditioning"] == []


def test_a_treatment_of_the_recipient_cells_is_the_disease_model_not_preconditioning():
    # 10.1186/s12903-024-04831-4 (R29): "LPS-induced hPDLSCs" received M2 macrophage exosomes.
    got = fields(
        "Methods: M2-exos were isolated from RAW264.7 cells induced with IL-4 (M2 macrophages) "
        "and applied to hPDLSCs. CXCL12 expression was high in M2 macrophages but low in "
        "LPS-induced hPDLSCs, and knocking down CXCL12 reversed the effects of M2-exo in these "
        "cells."
    )
    assert got["preconditioning"] == []
    assert got["recipient_cells"] == ["stem_cell_dental||human"]
    # Hindawi Stem Cells Int 2022, 9896444 (R42): LPS given to the nucleus pulposus cells.
    got = fields(
        "In this study, exosomes from BMSCs were added to LPS-treated nucleus pulposus cells, "
        "and knocking down of the exosome receptor changed nothing."
    )
    assert got["preconditioning"] == []


def test_cell_lines_in_the_spelling_of_real_abstracts():
    # 10.3168/jds.2019-17501 (R35) and 10.1186/s12903-023-03842-x (R59): "Raw264.7".
    got = fields(
        "In this study, Raw264.7 cells treated with the exosomes formed markedly fewer "
        "TRAP-positive cells."
    )
    assert got["cell_lines"] == ["RAW264.7"]
    assert got["recipient_cells"] == ["macrophage||mouse"]
    got = fields("Methods: M2-exos were isolated from Raw264.7 cells induced with IL-4.")
    assert got["cell_lines"] == ["RAW264.7"]
    assert got["ev_sources"] == ["macrophage||mouse"]


def test_a_physical_force_on_the_source_cells_is_mechanical_stimulation():
    # Hindawi Stem Cells Int 2024, 5512423 (R91): the agent ends at the title's main verb.
    got = fields(
        "Here we asked whether exosomes from CSFP stress-stimulated OBs (CSFP-Exos) promote "
        "angiogenesis of endothelial cells.",
        title="Exosomes from osteoblasts stimulated by cerebrospinal fluid pulsation stress "
        "promote angiogenesis of endothelial cells",
    )
    assert got["preconditioning"] == ["mechanical_stimulation"]
    # 10.32604/biocell.2021.013960: osteoclasts loaded with compression stress.
    got = fields(
        "In this study, exosomes were isolated from osteoclasts treated with compression stress "
        "of 1 g/cm2 and added to hPDLSCs."
    )
    assert got["preconditioning"] == ["mechanical_stimulation"]
    # Oxidative stress of the source cells is no force.
    got = fields(
        "In this study, exosomes were isolated from BMSCs treated with oxidative stress and "
        "added to chondrocytes."
    )
    assert "mechanical_stimulation" not in got["preconditioning"]


def test_the_treatment_under_which_cells_made_the_vesicles():
    # PMID 37154707 (R103): periodontal ligament cells have no cell label of their own.
    got = fields(
        "We found that cyclic stretch stimulated human PDLCs to secrete exosomes, and these "
        "exosomes induced M1 polarization of macrophages.",
        title="Exosomes from cyclic stretched periodontal ligament cells induced periodontal "
        "inflammation",
    )
    assert got["preconditioning"] == ["mechanical_stimulation"]
    # PMC8800263 (R66): dental follicle cells cultured in osteogenic medium to make vesicles.
    got = fields(
        "Methods: Healthy human dental follicle cells (DFCs) were cultured in osteogenic medium "
        "to generate MVs.",
        title="Matrix vesicles released by collagenase from osteogenically induced dental "
        "follicle cells promote alveolar bone regeneration",
    )
    assert got["preconditioning"] == ["osteogenic_induction"]
    assert got["vesicle_types"] == ["microvesicle"]
    # R84 (human gingival MSC exosomes, discovery.researcher.life): differentiation factors
    # measured in the recipient cells name no treatment of the source.
    got = fields(
        "First, PDLSCs were treated in vitro with GMSC-Exo, and the expression of factors of "
        "osteogenic differentiation in the cells was detected by qRT-PCR."
    )
    assert got["preconditioning"] == []


def test_source_cells_osteogenically_differentiated_before_collection():
    # PMC8240597 (R101) and PMC7539212 (R31).
    got = fields(
        "We isolated EVs from MSCs (MSC EVs) and from MSCs osteogenically differentiated for 3 "
        "days (3d EVs)."
    )
    assert got["preconditioning"] == ["osteogenic_induction"]
    got = fields(
        "Specifically, exosomes secreted by hMSCs that had been osteogenically pre-differentiated "
        "for different times were used to induce osteogenesis of hMSCs."
    )
    assert got["preconditioning"] == ["osteogenic_induction"]


def review(abstract: str, title: str = "Roles of extracellular vesicles in bone") -> dict:
    return fields(abstract, title=title)


def test_listed_source_cells_share_their_role_past_an_abbreviation_or_an_unlabelled_item():
    # 10.1038/s41413-023-00313-5 (R105): "myocytes" has no cell label.
    got = review(
        "Here we review how EVs affect bone. In particular, EVs released by osteoblasts, "
        "endothelial cells, myocytes and mesenchymal stem cells contribute to bone formation."
    )
    assert set(got["ev_sources"]) == {"osteoblast||", "endothelial_cell||", "MSC||"}
    # 10.1111/jcmm.16290 (R106): "from mesenchymal stem cells (MSCs) or from chondrocytes".
    got = review(
        "This review focuses on EVs. EVs derived from mesenchymal stem cells (MSCs) or from "
        "chondrocytes have been found to induce chondrocyte proliferation in vitro."
    )
    assert set(got["ev_sources"]) == {"MSC||", "chondrocyte||"}


def test_a_macrophage_line_induced_with_rankl_is_an_osteoclast_of_the_lines_species():
    # 10.1016/j.cellsig.2019.109504 (R98): osteoclast exosomes.
    got = fields(
        "Methods: Exosomes were extracted from RAW 264.7 cells induced with RANKL and "
        "identified by transmission electron microscopy. Results: Exosomes were obtained from "
        "RANKL-induced RAW 264.7 cells."
    )
    assert got["ev_sources"] == ["osteoclast||mouse"]
    assert got["cell_lines"] == ["RAW264.7"]
    # 10.1186/s12903-023-03842-x (R59): IL-4 makes M2 macrophages, RANKL osteoclasts.
    got = fields(
        "Methods: M2-exos were isolated from Raw264.7 cells induced with IL-4 (M2 macrophages) "
        "and used to treat osteoclasts (Raw264.7 cells induced with RANKL)."
    )
    assert got["ev_sources"] == ["macrophage||mouse"]
    assert got["recipient_cells"] == ["osteoclast||mouse"]


def test_conditioned_medium_only_as_the_vesicles_raw_material_or_the_recipients_medium():
    # R60 (profiles.wustl.edu, EVs of interferon-gamma primed ASCs in tendon repair) and R94
    # (PMID 39596012).
    got = fields(
        "In this study, EVs were isolated from the conditioned medium of naive ASCs and of ASCs "
        "primed with interferon-gamma and applied to the repair site."
    )
    assert got["vesicle_types"] == ["extracellular_vesicle"]
    got = fields(
        "Methods: Extracellular vesicles (EVs) were purified from conditioned culture medium by "
        "ultracentrifugation."
    )
    assert got["vesicle_types"] == ["extracellular_vesicle"]
    # R61 (ADSC exosomes and MLO-Y4 osteocytes) and R102 (10.1186/s13287-020-02039-1).
    got = fields(
        "In this study, ADSCs-exo reduced osteocyte apoptosis. TRAP staining confirmed reduced "
        "osteoclastogenesis in bone marrow monocytes cultured in conditioned medium from "
        "exosome-treated MLO-Y4 cells."
    )
    assert got["vesicle_types"] == ["exosome"]
    got = fields(
        "Methods: Conditioned media of macrophages stimulated with DPSCs-sEV were used to "
        "promote odontogenesis in DPSCs."
    )
    assert got["vesicle_types"] == ["exosome"]
    # Conditioned medium tested beside its exosomes stays (seed S12).
    got = fields(
        "In this study, chondrocytes were treated with conditioned medium with or without "
        "exosomes."
    )
    assert "conditioned_medium" in got["vesicle_types"]


def test_a_species_stated_where_the_background_defines_the_cells_holds_for_the_study():
    # PMC6321485 (R30): "Human periodontal ligament stem cells (PDLSCs)" in the background.
    got = fields(
        "Periodontitis destroys the periodontium. Human periodontal ligament stem cells "
        "(PDLSCs) can modulate immunity. In this study, EVs from LPS-preconditioned PDLSCs "
        "induced M1 polarization of macrophages."
    )
    assert got["ev_sources"] == ["stem_cell_dental||human"]
    # PMC9945756 (R51): "exosomes derived from human urine-derived stem cells (human USCEXOs)".
    got = fields(
        "Critical bone defects need an ideal scaffold. Hydrogels have drawn new interest, and "
        "exosomes derived from human urine-derived stem cells (human USCEXOs) promote bone "
        "repair. In this study, USCEXOs were released from a composite hydrogel in rats."
    )
    assert got["ev_sources"] == ["urine_stem_cell|urine|human"]


def test_methods_that_identify_functions_or_targets_are_assays_not_characterisation():
    # 10.1186/s13287-020-02039-1 (R102) and 10.1186/s13287-021-02438-y (R87): "identify"
    # names what the vesicles do or what they target, not what they are.
    got = fields(
        "Methods: Automated western blot, qPCR, ELISA and flow cytometry served to identify the "
        "functions of the microRNA-enriched DPSCs-sEV in macrophages."
    )
    assert got["characterization_methods"] == []
    assert {"western_blot", "flow_cytometry"} <= set(got["assays"])
    got = fields(
        "In this study, microRNA sequencing was done to identify candidate regulators in the "
        "exosomes, and the target relationship between miR-100-5p and BMPR2 was confirmed by a "
        "dual luciferase reporter assay and WB."
    )
    assert got["characterization_methods"] == []
    # Vesicles identified by the same methods stay characterised.
    got = fields(
        "Methods: Exosomes were extracted from RAW 264.7 cells and identified by transmission "
        "electron microscopy, western blot and flow cytometry."
    )
    assert set(got["characterization_methods"]) == {"TEM", "western_blot", "flow_cytometry"}


def test_cells_whose_medium_was_taken_after_they_received_vesicles_are_no_source():
    # R61 (ADSC exosomes on MLO-Y4 osteocytes, periodicals/view.php?seq=1690518) and
    # 10.1186/s13287-020-02039-1 (R102).
    got = fields(
        "In this study, exosomes from adipose-derived stem cells (ADSCs-exo) reduced osteocyte "
        "apoptosis. TRAP staining confirmed reduced osteoclastogenesis in bone marrow monocytes "
        "cultured in conditioned medium from exosome-treated MLO-Y4 cells."
    )
    assert got["ev_sources"] == ["MSC|adipose|"]
    got = fields(
        "Background: We studied small extracellular vesicles derived from dental pulp stem cells "
        "(DPSCs-sEV). Methods: Conditioned media of macrophages stimulated with DPSCs-sEV were "
        "used to promote odontogenesis in DPSCs."
    )
    assert "macrophage||" not in got["ev_sources"]


def test_vesicles_isolated_with_a_kit_name_a_commercial_kit():
    # 10.2147/DDDT.S178698 (R08) and 10.1186/s13018-023-03576-0 (PRP exosomes in rat knees).
    got = fields(
        "In this study, BMSC Exos were obtained with an Exosome Precipitation Kit and "
        "characterized by transmission electron microscopy."
    )
    assert set(got["isolation_methods"]) == {"precipitation", "commercial_kit"}
    got = fields(
        "Methods: PRP was extracted by two-step centrifugation, and PRP-exos were obtained by "
        "kit extraction and identified by various methods."
    )
    assert "commercial_kit" in got["isolation_methods"]


def test_a_force_said_of_the_source_cells_without_a_verb_is_mechanical_stimulation():
    # 10.1186/s12938-024-01237-9 (real_paraphrase R191): the force stands before the cells.
    got = fields(
        "Osteocytes sense mechanical load in bone. Exosomes of the mechanically strained "
        "osteocytes raised the osteoblastic differentiation of MC3T3-E1 cells.",
        "Mechanically strained osteocyte-derived exosomes promoted osteoblastic differentiation",
    )
    assert got["preconditioning"] == ["mechanical_stimulation"]
    # 10.32604/biocell.2021.013960 (R321): the force follows the cells after 'under'.
    got = fields(
        "Osteoclasts were differentiated for 10 days. We added osteoclast-derived exosomes to "
        "hPDLSCs during osteoblast differentiation.",
        "Exosomes derived from osteoclasts under compression stress inhibit osteoblast "
        "differentiation",
    )
    assert got["preconditioning"] == ["mechanical_stimulation"]


def test_a_force_on_the_recipient_cells_is_no_preconditioning():
    # The compression models the disease in the cells that received the vesicles
    # (10.1155/2021/2310025, BMSC exosomes on compressed NP cells; written for this guard).
    got = fields(
        "Exosomes derived from bone marrow MSCs were added to nucleus pulposus cells under "
        "compressive stress, and the exosomes reduced the apoptosis of the NP cells."
    )
    assert got["preconditioning"] == []


def test_the_source_named_by_a_pronoun():
    # 10.1186/s13287-021-02689-9 (real_paraphrase R330): 'the exosomes derived from them'.
    got = fields(
        "This review sums up how to choose, authenticate and culture MSCs of different origins "
        "and the exosomes derived from them.",
        "Mesenchymal stromal cell-based therapy for cartilage regeneration in knee osteoarthritis",
    )
    assert got["ev_sources"] == ["MSC||"]
    # 10.20517/evcna.2023.11 (R159): 'the MSCs they come from'.
    got = fields(
        "In the treatment of OA, EVs have strong anti-inflammatory and pro-regenerative effects "
        "equal to or greater than those of the MSCs they come from.",
        "Extracellular vesicles in the treatment of osteoarthritis: a review",
    )
    assert got["ev_sources"] == ["MSC||"]


def test_them_with_two_kinds_of_cell_before_names_no_source():
    # Guard: 'them' could be either kind of cell, so neither is taken.
    got = fields(
        "We co-cultured BMSCs with chondrocytes and then studied the exosomes derived from them.",
        "Exosomes in cartilage repair",
    )
    assert got["ev_sources"] == []


def test_a_review_names_its_sources_with_more_words_between_the_vesicles_and_the_cells():
    # 10.2174/1381612828666220128104206 (real_paraphrase R264): a cargo noun stands between.
    got = fields(
        "In this review we sum up the therapeutic potential of exosomal miRNAs from mesenchymal "
        "stem cells (MSCs), osteoblasts and osteoclasts in osteoporosis.",
        "Exosomal miRNAs in osteoporosis: a review",
    )
    assert sorted(got["ev_sources"]) == ["MSC||", "osteoblast||", "osteoclast||"]
    # 10.3389/fbioe.2022.1074536 (R148): the link opens with a bracket.
    got = fields(
        "Much recent work on exosomes (derived from MSCs, synoviocytes and chondrocytes) in "
        "arthritis points to them as therapeutic agents. In this review we sum up their use.",
        "Exosome-based therapy of temporomandibular joint osteoarthritis",
    )
    assert sorted(got["ev_sources"]) == ["MSC||", "chondrocyte||", "synoviocyte||"]
    # 10.1177/0963689720968495 (R229): a place before the verb, an adverb after it.
    got = fields(
        "Exosomes in the joint are released mainly by articular chondrocytes and synoviocytes. "
        "This review describes their changes in knee osteoarthritis.",
        "Exosomes in the knee joint microenvironment in osteoarthritis",
    )
    assert sorted(got["ev_sources"]) == ["chondrocyte||", "synoviocyte||"]
    # 10.5704/MOJ.1903.012 (R142): a perfect tense and a generic head before the list.
    got = fields(
        "Extracellular vesicles (EVs) matter in osteoarthritis. These vesicles have been "
        "isolated from several cell types of the joint, chondrocytes and synovium among them.",
        "Extracellular vesicles in the synovial joint: a review",
    )
    assert got["ev_sources"] == ["chondrocyte||"]


def test_cells_that_take_up_the_vesicles_in_a_place_are_no_source():
    # Guard: the place and adverb do not turn an uptake into a source.
    got = fields(
        "Exosomes in the joint are taken up mainly by chondrocytes and synoviocytes. "
        "This review describes their changes in osteoarthritis.",
        "Exosomes in the knee joint in osteoarthritis",
    )
    assert got["ev_sources"] == []


def test_an_induction_said_of_the_source_cells_before_their_name_is_their_preconditioning():
    # 10.1186/s13287-024-03639-x (real_paraphrase R33), with R191 above: the treatment named
    # right before the source cells.
    got = fields(
        "We compared EVs of undifferentiated hMSC with EVs of hMSC early in osteogenesis. "
        "EVs from naive hMSC and from osteogenically differentiating hMSC differ in their "
        "protein profile and in their effects.",
        "Osteogenic human MSC-derived extracellular vesicles promote bone regeneration",
    )
    assert got["preconditioning"] == ["osteogenic_induction"]


def test_osteogenically_differentiating_recipient_cells_are_no_preconditioning():
    # Guard: the same words before cells that received the vesicles.
    got = fields(
        "Exosomes from umbilical cord MSCs were added to osteogenically differentiating "
        "BMSCs, and they raised mineralization."
    )
    assert got["preconditioning"] == []
