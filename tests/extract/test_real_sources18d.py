"""Preconditioning on real text (issue 17, quality18d): classes seen in two real papers each.

Each case is our own paraphrase of a real published abstract (DOI or corpus record in the
comment), with the same facts and the same kind of phrasing; the negative cases guard each
rule.
"""

from __future__ import annotations

from real_text import fields_of, found


# 'Engineered' said of the vesicles themselves (they were loaded after they were made) is no
# genetic modification of the cells that made them (rows vesicles_then_engineered and
# engineered_then_vesicles of data/preconditioning.yaml).
def test_vesicles_engineered_after_they_were_made_are_no_source_change() -> None:
    # 10.4252/wjsc.v16.i2.191 (R482: miR-29a loaded into marrow MSC vesicles)
    title = (
        "Marrow mesenchymal stem cell-derived extracellular vesicles engineered to deliver "
        "miR-29a ease early knee arthritis"
    )
    assert "genetic_modification" not in found("Rats were treated.", "preconditioning", title)
    text = (
        "Extracellular vesicles were isolated from bone marrow MSCs, and engineered vesicles "
        "carrying miR-29a were prepared by sonication."
    )
    assert "genetic_modification" not in found(text, "preconditioning", "Knee arthritis in rats")


def test_the_short_name_of_engineered_vesicles_is_no_source_change() -> None:
    # PMC8096714 (R341: functionally engineered MSC EVs tethered to alginate hydrogels)
    title = "Alginate hydrogels hold MSC extracellular vesicles for bone repair"
    text = (
        "EVs were isolated from MSCs. Using osteoinductive functionally engineered EVs (FEEs) "
        "from MSCs, we show that FEEs bind to peptides that mimic collagen and fibronectin."
    )
    assert "genetic_modification" not in found(text, "preconditioning", title)


def test_source_cells_engineered_before_the_vesicles_still_are_a_source_change() -> None:
    text = "Exosomes from MSCs engineered to overexpress miR-140 were injected into the knee."
    assert "genetic_modification" in found(text, "preconditioning")
    # 10.2147/JIR.S254879 (R380: the stem cells were engineered with miR-21-3p)
    title = "MicroRNA-21-3p engineered umbilical cord stem cell-derived exosomes limit adhesion"
    assert "genetic_modification" in found("Rats were treated.", "preconditioning", title)


# The induction the cells went through to make stronger vesicles, named by 'by' right before
# it or by the day of it (the lead _INDUCTION_LEAD of extract/preconditioning.py).
def test_vesicles_made_stronger_by_osteogenic_induction_of_their_cells() -> None:
    # R443 (adipose stem cell exosomes on a PLGA/pDA scaffold, ACS Appl Mater Interfaces 2018)
    text = (
        "Exosomes of adipose stem cells drove the osteogenesis of marrow stem cells, and we "
        "boosted their osteoinductive effect by osteogenic induction."
    )
    assert "osteogenic_induction" in found(text, "preconditioning")


def test_vesicle_cargo_studied_on_a_day_of_chondrogenic_induction() -> None:
    # 10.1186/s13287-021-02431-5 (R222: exosomal circRNA_0001236 in MSC chondrogenesis)
    text = (
        "Exosomes were collected from human MSCs. Exosomal circRNA_0001236 was examined on day "
        "21 of chondrogenic induction."
    )
    assert "chondrogenic_induction" in found(text, "preconditioning")


def test_differentiation_promoted_or_measured_by_is_no_induction_of_the_source() -> None:
    # 10.3390/life12070939 (R426: the vesicles promote the differentiation)
    text = "Exosomes of MSCs can aid cartilage repair by promoting chondrogenic differentiation."
    assert "chondrogenic_induction" not in found(text, "preconditioning")
    text = (
        "Exosomes were taken from MSCs and added to BMSCs, and osteogenesis was assessed by "
        "osteogenic induction for 14 days."
    )
    assert "osteogenic_induction" not in found(text, "preconditioning")


# The short name of the primed vesicles in brackets after the agent is no part of the agent.
def test_the_agent_given_to_the_source_cells_before_a_bracketed_short_name() -> None:
    # 10.1186/s13287-020-01991-2 (R86: exosomes of glucocorticoid-treated marrow MSCs)
    text = (
        "We collected exosomes from BMMSCs treated with glucocorticoid (GB-Exo) and asked how "
        "they act on vascular cells."
    )
    assert "drug_pretreatment" in found(text, "preconditioning")
    # 10.3389/fbioe.2023.1160703 (osteoblast EVs induced by dexamethasone)
    text = (
        "We asked whether EVs secreted by osteoblasts stimulated with dexamethasone for 14 "
        "days (OB-EVDex) can serve as a biomimetic tool."
    )
    assert "drug_pretreatment" in found(text, "preconditioning")


def test_a_bracketed_short_name_after_a_control_is_no_drug() -> None:
    text = "Exosomes from BMSCs treated with PBS (PBS-Exo) were compared with the others."
    assert "drug_pretreatment" not in found(text, "preconditioning")


# The authors announce a survey with words the survey rows lacked (rows we_give_an_overview
# and we_summarise_the_advances of data/discourse.yaml): reviews whose text never says so.
def test_a_full_account_of_the_field_is_a_review() -> None:
    # 10.7150/ijbs.41637 (R233: exosomes in osteoarthritis and cartilage injury)
    title = (
        "Exosomes in cartilage injury and osteoarthritis: development and therapeutic strategies"
    )
    text = (
        "Cartilage injury often leads to pain and to secondary osteoarthritis. Exosomes carry "
        "messages between cells and have drawn attention in many fields. Here we give a full "
        "account of exosomes and osteoarthritis, of their value for cartilage repair, and of "
        "the bioengineering around them."
    )
    assert fields_of(text, title)["study_type"] == "review"


def test_two_verbs_announcing_recent_advances_are_a_review() -> None:
    # 10.34133/bmr.0124 (R161: exosomes that functionalise titanium implants)
    title = "Exosomes for the surface functionalization of titanium implants"
    text = (
        "Titanium implants often fail in patients with systemic disease. Exosomes can steer "
        "the cells that take part in osseointegration. Here we analyse and discuss recent "
        "advances in coating titanium implants with exosomes and the strategies that hold "
        "them."
    )
    assert fields_of(text, title)["study_type"] == "review"


def test_an_account_of_a_study_with_its_own_results_stays_primary() -> None:
    text = (
        "Here we give a full account of the exosomes of marrow stem cells. Exosomes were "
        "isolated by ultracentrifugation and injected into rats, and bone volume was "
        "significantly increased."
    )
    assert fields_of(text, "Exosomes of marrow stem cells heal defects")["study_type"] == "primary"


# A time after "more than" is a measured bound, not a stated period of the experiment
# (_NOT_PERIOD_LEAD of extract/quantities.py).
def test_a_release_lasting_more_than_some_days_is_no_period() -> None:
    # 10.7150/thno.123700 (R442: a scaffold releasing urine stem cell exosomes)
    text = (
        "The printed scaffold kept the exosomes bioactive and released them steadily for more "
        "than 16 days."
    )
    assert found(text, "durations_days") == set()


def test_an_age_turned_back_by_more_than_months_is_no_period() -> None:
    # 10.1038/s43587-025-00918-x (R247: antler progenitor cell EVs in aged mice)
    text = "In aged mice the EVs turned the epigenetic age back by more than 3 months."
    assert found(text, "durations_days") == set()


def test_a_stated_release_period_and_follow_up_stay_periods() -> None:
    text = (
        "Exosomes were released from the gel for 28 days, and the rats were followed for 8 weeks."
    )
    assert found(text, "durations_days") == {"28", "56"}


# Vesicles held in a hydrogel by a participle before 'in', or given with cells so held, reached
# the animals with the material: scaffold_implantation is inferred where no route is named
# (row carried_after of data/context.yaml; the 2026-12-06 route decision (2)).
def test_vesicles_carried_in_a_hydrogel_reach_the_animals_with_it() -> None:
    # R445 (periodontal ligament stem cell exosomes in a hydrogel, alveolar bone defects)
    text = (
        "We asked whether PDLSC exosomes carried in a hydrogel repair alveolar bone defects in "
        "the rat, and the rats given the hydrogel with exosomes formed more new bone."
    )
    assert found(text, "delivery_routes") == {"scaffold_implantation"}


def test_vesicles_and_cells_entrapped_in_a_hydrogel_reach_the_animals_with_it() -> None:
    # R78 (chondrocyte EVs and MSCs entrapped in a chitosan-hyaluronic acid hydrogel)
    title = (
        "Cotransplantation of chondrocyte extracellular vesicles and mesenchymal stem cells "
        "entrapped in a chitosan-hyaluronic acid hydrogel regenerates cartilage"
    )
    text = "The hydrogel with the vesicles and cells was tested in a rabbit osteochondral defect."
    assert found(text, "delivery_routes", title) == {"scaffold_implantation"}


def test_vesicles_and_cells_compared_in_animals_name_no_carrier() -> None:
    text = (
        "Extracellular vesicles and mesenchymal stem cells were compared in rats with "
        "osteochondral defects, and the hydrogel alone served as a control in vitro."
    )
    assert "scaffold_implantation" not in found(text, "delivery_routes")


# The animal a graft or material was made from is no species of the study (a 'gapped' stop
# pattern of data/lexicon.yaml).
def test_the_animal_of_a_bone_graft_is_no_species() -> None:
    # 10.21203/rs.3.rs-5695040/v1 (R249: exosomes with anorganic bovine bone in dogs)
    text = (
        "Exosomes made for periodontal repair were mixed with anorganic bovine bone and collagen "
        "and placed in periodontal defects of dogs."
    )
    assert "cattle" not in found(text, "species")


def test_the_animal_of_a_decellularized_bone_is_no_species() -> None:
    # 10.1186/s12967-020-02525-3 (R349: decellularized bone and vesicles in rabbit mandibles)
    text = (
        "Decellularized sheep bone was checked by H&E and DNA quantification, and the vesicles "
        "on it repaired mandibular defects of rabbits."
    )
    assert "sheep" not in found(text, "species")


def test_the_marrow_of_an_animal_bone_still_names_the_species() -> None:
    text = "Exosomes of sheep bone marrow MSCs were given to sheep with bone defects."
    assert "sheep" in found(text, "species")
