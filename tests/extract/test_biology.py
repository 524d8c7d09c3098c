"""Vesicle types and preconditioning named inside hyphenated vesicle names."""

from real_text import fields_of as fields
from real_text import rules_named


def test_priming_glued_to_a_vesicle_name_is_preconditioning():
    got = fields(
        "Bone loss is common. In this study, exosomes were derived from hypoxia-preconditioned "
        "human umbilical cord MSCs (H-Exos) or normoxic MSCs (N-Exos). Osteoblasts were treated "
        "with 30 ug IL1-Exos, TNF-Exos or Hypo-Exos. LPS-EVs reduced inflammation in macrophages."
    )
    assert set(got["preconditioning"]) == {"hypoxia", "IL_1beta", "TNF_alpha", "LPS"}
    assert set(got["vesicle_types"]) == {"exosome", "extracellular_vesicle"}
    assert got["ev_sources"] == ["MSC|umbilical_cord|human"]  # N-Exos' MSCs are a source too
    assert got["doses"] == ["30 ug"]


def test_a_bare_h_prefix_is_hypoxia_only_in_a_text_about_hypoxia():
    got = fields(
        "In this study, H-Exos from healthy donors were compared with exosomes from patients. "
        "Osteoblasts were treated with 30 ug H-Exos."
    )
    assert got["preconditioning"] == []
    assert got["doses"] == ["30 ug"]


def test_il1beta_given_to_recipients_stays_out_of_preconditioning():
    got = fields(
        "In this study, chondrocytes were stimulated with IL-1beta and treated with BMSC-Exos "
        "at 50 ug/mL."
    )
    assert got["preconditioning"] == []


def titled(title: str, abstract: str) -> dict:
    return fields(abstract, title)


def review(abstract: str) -> dict:
    return fields(abstract, "A review")


def test_a_review_names_the_preconditioning_strategies_it_covers():
    got = review(
        "Exosomes from MSCs promote bone regeneration. This review covers strategies that "
        "improve their potency, such as hypoxic preconditioning, genetic engineering of the "
        "parent cells and drug loading."
    )
    assert got["study_type"] == "review"
    assert set(got["preconditioning"]) == {"hypoxia", "genetic_modification", "drug_pretreatment"}
    # Hypoxia as the disease setting, with no strategy words, is not preconditioning.
    got = review("This review discusses how MSC exosomes act in the hypoxic fracture site.")
    assert got["preconditioning"] == []


def test_loading_a_drug_into_vesicles_is_not_preconditioning_in_a_primary_study():
    got = fields(
        "In this study, exosomes from human BMSCs were loaded with dexamethasone by "
        "electroporation, with a drug loading efficiency of 20%. The exosomes increased "
        "osteoblast proliferation."
    )
    assert got["preconditioning"] == []


def test_induction_the_source_cells_underwent_before_collection():
    got = titled(
        "Exosomes from chondrogenically induced Wharton's jelly stem cells in rabbits",
        "In this study, before exosome collection, the MSCs underwent chondrogenic induction.",
    )
    assert got["preconditioning"] == ["chondrogenic_induction"]
    assert got["ev_sources"] == ["MSC|umbilical_cord|"]
    assert got["recipient_cells"] == []  # "exosome collection" gives nothing to the MSCs


def test_mechanically_stimulated_source_cells():
    got = titled("Exosomes from mechanically stimulated osteocytes counteract bone loss", "")
    assert got["preconditioning"] == ["mechanical_stimulation"]


def test_a_priming_adjective_of_the_source_cells():
    got = fields("In this study, exosomes from hypoxia-treated human ADSCs promoted bone repair.")
    assert got["preconditioning"] == ["hypoxia"]
    # The same adjective on recipient cells is their disease model.
    got = fields(
        "In this study, LPS-stimulated macrophages were treated with exosomes from human BMSCs."
    )
    assert got["preconditioning"] == []


def test_a_review_lists_cytokines_after_preconditioning_with():
    got = review(
        "This review summarizes how exosomes from bone marrow MSCs promote bone repair and "
        "discusses preconditioning with hypoxia, inflammatory cytokines such as TNF-alpha, and "
        "3D culture."
    )
    assert set(got["preconditioning"]) == {"hypoxia", "TNF_alpha"}


def test_lead_regexes_searched_from_the_last_tokens_find_what_the_whole_lead_finds():
    import random

    from exobone.extract import preconditioning

    rng = random.Random(11)
    words = [
        "during", "the", "stages", "of", "process", "course", "through", "upon", "subjected",
        "to", "without", "Without", "(during", "osteogenic", "cells", "x-y", "a,b", "BMSCs",
    ]  # fmt: skip
    for _ in range(20000):
        lead = "".join(
            rng.choice(words) + rng.choice([" ", "  ", "\t", "", "\n"])
            for _ in range(rng.randint(0, 12))
        )
        for regex, tokens in ((preconditioning._WITHOUT, 3), (preconditioning._INDUCTION_LEAD, 6)):
            whole = regex.search(lead) is not None
            tail = regex.search(lead, preconditioning._last_tokens_start(lead, tokens)) is not None
            assert whole == tail, lead


# Treatments of the source cells written around their name (paraphrases of real abstracts).
def test_a_drug_given_to_the_source_cells_before_or_after_their_name():
    # Liang et al., Stem Cell Res Ther 2019: DMOG-stimulated marrow MSC exosomes, written both
    # as "preconditioned with DMOG" and as "DMOG-stimulated".
    got = fields(
        "We tested exosomes derived from marrow MSCs (BMSCs) preconditioned with a low dose "
        "of dimethyloxaloylglycine (DMOG) on endothelial cells."
    )
    assert got["preconditioning"] == ["drug_pretreatment"]
    got = fields("Exosomes were collected from DMOG-stimulated human BMSCs and given to HUVECs.")
    assert got["preconditioning"] == ["drug_pretreatment"]
    # Zhang et al., Front Bioeng Biotechnol 2023 (doi:10.3389/fbioe.2023.1160703): vesicles of
    # osteoblasts induced with dexamethasone.
    got = fields(
        "Extracellular vesicles were isolated from osteoblasts treated with dexamethasone and "
        "added to marrow stromal cells."
    )
    assert got["preconditioning"] == ["drug_pretreatment"]


def test_induction_and_modification_written_around_the_source_cells():
    # Li et al., J Colloid Interface Sci 2024: exosomes of osteogenic pre-differentiated MSCs.
    got = fields("Exosomes from osteogenic pre-differentiated MSCs were held in a GelMA hydrogel.")
    assert got["preconditioning"] == ["osteogenic_induction"]
    got = fields("We collected exosomes from BMSCs after chondrogenic induction for 7 days.")
    assert got["preconditioning"] == ["chondrogenic_induction"]
    got = fields("Exosomes from miR-26a-modified BMSCs were injected into the fracture gap.")
    assert got["preconditioning"] == ["genetic_modification"]
    got = fields("Exosomes from BMSCs cultured under hypoxic conditions (1% O2) were collected.")
    assert got["preconditioning"] == ["hypoxia"]


def test_cells_treated_with_vesicles_or_stimulated_to_model_disease_are_not_primed():
    got = fields(
        "Platelet-rich plasma exosomes (PRP-Exos) were isolated. Chondrocytes were exposed to "
        "IL-1beta and then treated with PRP-Exos, and stem cells were treated with BMSC-Exos."
    )
    assert got["preconditioning"] == []


def test_an_adverb_of_the_source_cells_treatment_names_it():
    # Zhai et al., Adv Sci 2020 (PMC7539212): "exosomes secreted by hMSCs osteogenically
    # pre-differentiated for different times".
    got = fields(
        "Exosomes secreted by hMSCs that had been osteogenically pre-differentiated for 10 or "
        "15 days were loaded into titanium scaffolds."
    )
    assert got["preconditioning"] == ["osteogenic_induction"]


def test_patients_named_only_as_background_are_not_a_species_of_the_study():
    # BMSC-EVs for diabetic rats (doi:10.1002/adhm.202203131): "EVs of a diabetic patient's own
    # cells", "for diabetic patients"; a titanium implant study (doi:10.1186/s40824-022-00331-0):
    # "the implant as a new organ of the patient's body". Neither studies people.
    got = fields(
        "In this study, vesicles of rat BMSCs were given to diabetic rats with calvarial "
        "defects. EVs secreted by a diabetic patient's own cells may not suit self-repair, so this "
        "scaffold may help diabetic patients. We regard the implant as an organ of the "
        "patient's body."
    )
    assert got["species"] == ["rat"]
    got = fields("In this study, exosomes were given to chondrocytes from OA patients in vitro.")
    assert "human" in got["species"]


# Named test animals with no model label are `species|` (issue 17; the converse of seed S06's
# `|calvarial_defect`). Paraphrased from real abstracts: urine stem cell EVs given systemically
# to osteoporotic mice (doi:10.1038/s41413-019-0056-9); TGF-beta1-stimulated BMSC exosomes in
# OA rats (doi:10.1007/s00441-020-03319-1); adipose stem cell EVs on a mouse Achilles repair
# (profiles.wustl.edu, early tendon inflammation).
def test_named_animals_without_a_model_label_are_species_only():
    osteoporotic = fields(
        "Osteoporosis affects many people. Vesicles from human urine stem cells were injected "
        "systemically and lessened bone loss in osteoporotic mice, raising bone formation."
    )
    assert osteoporotic["animal_models"] == ["mouse|"]
    oa_rats = fields(
        "We isolated BMSCs from rat bone marrow and collected their exosomes. The exosomes eased "
        "cartilage damage and lowered serum inflammatory factors in OA rats."
    )
    assert oa_rats["animal_models"] == ["rat|"]
    tendon = fields(
        "We asked how ASC EVs act on early tendon healing. Achilles tendons of mice were cut, "
        "repaired and treated with EVs, and healing was followed for 7 days in vivo."
    )
    assert tendon["animal_models"] == ["mouse|"]


def test_donors_cells_milk_and_labelled_models_give_no_bare_species():
    donors = fields(
        "Macrophages from mice were polarised with IL-4 and their exosomes collected. Radial "
        "defects were created in rabbits and filled with exosome-coated scaffolds in vivo."
    )
    assert donors["animal_models"] == ["rabbit|radial_defect"]
    milk = fields(
        "Vesicles from raw bovine milk were given orally to ovariectomized (OVX) mice, and "
        "bone loss was lessened in vivo."
    )
    assert "cattle|" not in milk["animal_models"]
    assert "mouse|" not in milk["animal_models"]
    cells = fields(
        "Exosomes released from a hydrogel promoted the proliferation of mouse bone mesenchymal "
        "stem cells in vitro, and slowed osteoarthritis in vivo."
    )
    assert cells["animal_models"] == []
    patients = fields(
        "In a randomised trial, patients with knee osteoarthritis received intra-articular "
        "exosomes, and pain fell over 12 months."
    )
    assert patients["animal_models"] == []


def test_explain_names_the_row_that_reads_animals_with_the_disease() -> None:
    # R58 (doi:10.1186/s12951-022-01314-y): M2 macrophage exosomes in mice with periodontitis;
    # the species, then 'with' and the disease (row with_condition of data/biology.yaml)
    abstract = "Exosomes of M2 macrophages were injected into mice with periodontitis."
    assert rules_named(abstract, "animal_models", "mouse|periodontitis") == {"with_condition"}
