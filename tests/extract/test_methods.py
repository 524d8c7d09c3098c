"""Western blot and flow cytometry: vesicle characterisation or outcome assay."""

from real_text import fields_of as fields


def test_a_blot_of_vesicle_markers_characterises_the_vesicles():
    got = fields(
        "In this study, exosomes were isolated from human BMSCs by ultracentrifugation. "
        "Western blotting detected CD9 and CD63, whereas calnexin was absent."
    )
    assert "western_blot" in got["characterization_methods"]
    assert "western_blot" not in got["assays"]


def test_characterised_preparations_and_confirmed_vesicles():
    got = fields(
        "In this study, both preparations were characterized by NTA and by western blot. "
        "Flow cytometry confirmed that the vesicles exposed phosphatidylserine."
    )
    assert {"western_blot", "flow_cytometry"} <= set(got["characterization_methods"])


def test_a_blot_of_outcome_proteins_is_an_assay():
    got = fields(
        "In this study, BMSC exosomes were added to chondrocytes, and western blot showed "
        "higher COL2A1 and lower MMP13."
    )
    assert "western_blot" in got["assays"]
    assert "western_blot" not in got["characterization_methods"]


def test_push_out_and_pull_out_tests_are_biomechanical_testing():
    got = fields(
        "In this study, exosome-coated implants were placed in rat femurs; biomechanical "
        "push-out testing gave a higher interface strength and pull-out tests showed stronger "
        "fixation."
    )
    assert "biomechanical_testing" in got["assays"]


# Assays, routes and carriers by the names real abstracts use (paraphrased; sources given).
def test_assays_by_other_names():
    # Stem Cells Int 2022, doi:10.1155/2022/5760107 (marrow MSC exosomes, rabbit cartilage)
    got = fields(
        "In the present study, we prepared exosomes from human marrow MSCs. A wound healing "
        "assay showed faster chondrocyte migration. In rabbits with cartilage defects, local "
        "administration of the exosomes improved repair, as judged by gross view and by "
        "hematoxylin-eosin (H&E) and Saf-O/Fast Green staining."
    )
    assert {"scratch_assay", "gross_appearance", "histology", "safranin_O"} <= set(
        got["assays"]
    )
    assert got["delivery_routes"] == ["local_application"]
    # Stem Cell Res Ther 2019, Liang et al. (DMOG-stimulated marrow MSC exosomes)
    got = fields(
        "Scratch wound healing and tube formation assays were run in HUVECs. A calvarial "
        "defect was made in rats, and micro-computerized tomography measured new bone after "
        "eight weeks."
    )
    assert {"scratch_assay", "tube_formation", "micro_CT"} <= set(got["assays"])


def test_transcriptome_sequencing_is_gene_expression_profiling():
    # Issue 17's list of assays by other names: 'transcriptome sequencing
    # (gene_expression_profiling)'; the ALL line of assays27e in tests/data/real_paraphrase/NOTES.md
    # follows it (R45, R220, R450).
    got = fields(
        "Exosomes were given to chondrocytes in vitro, and transcriptome sequencing of the "
        "treated cells was performed, with HE staining of the joints of treated rats."
    )
    assert "gene_expression_profiling" in got["assays"]
    assert "RNA_seq" not in got["assays"]
    assert "histology" in got["assays"]


def test_a_gel_named_by_its_materials_is_those_materials_throughout():
    # Urine stem cell exosomes in a GelMA-HAMA/nHAP hydrogel (PMC9945756): the hydrogel named
    # by its materials once is "the hydrogel" afterwards, not a further generic material.
    got = fields(
        "The present study designed a GelMA-HAMA/nHAP composite hydrogel to deliver exosomes "
        "of urine-derived stem cells. The exosomes were encapsulated in the hydrogel and "
        "slowly released. In vivo, the hydrogel promoted repair of cranial defects in rats."
    )
    assert sorted(got["biomaterials"]) == ["gelatin", "hyaluronic_acid_hydrogel", "hydroxyapatite"]


def test_micro_ct_written_with_the_micro_sign_cleaned_to_u():
    # Osteo-EVs in rat calvarial defects (real-paraphrase R33): efficacy "by uCT, histology"
    got = fields("Defects treated with EVs in rats were judged by uCT and histology.")
    assert {"micro_CT", "histology"} <= set(got["assays"])


def test_assay_names_split_by_coordination_or_an_abbreviation():
    # ADSC exosomes on tendon stem cells (real-paraphrase R19): "EdU, cell scratch and
    # transwell assays"; marrow MSC exosomes for cartilage repair (doi:10.1155/2022/5760107): "the
    # International Cartilage Repair Society (ICRS) score"; hypoxic ADSC EVs on CSPCs
    # (real-paraphrase R54): "biochemical and biomechanical analyses".
    got = fields(
        "Migration was analysed by EdU, cell scratch and transwell assays. In rabbits, the "
        "International Cartilage Repair Society (ICRS) score rose, and biochemical and "
        "biomechanical analyses judged the repair."
    )
    assert {"scratch_assay", "histological_scoring", "biomechanical_testing"} <= set(
        got["assays"]
    )
