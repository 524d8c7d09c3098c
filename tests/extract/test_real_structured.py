"""Structured abstracts: their headings tell what is background, what is a review's survey and
where the vesicles came from (issue 17).

Each case paraphrases, in our own words, a published abstract (source in the comment); the
structured17 probe and real_paraphrase records are named where they come from.
"""

import pytest
from real_text import fields_of as annotations

from exobone.extract.discourse import study_start

# --- a structured review: "Objective: To review ...", "Methods: the literature was reviewed"


def test_an_objective_to_review_and_literature_reviewed_make_a_review():
    # 10.7507/1002-1892.202105106 (Chin J Reparative Reconstr Surg 2021): exosomes of different
    # cells in osteoporosis, headings without colons.
    abstract = (
        "Objective To review how far research has come on exosomes (EXOs) from different cells "
        "as a treatment for osteoporosis (OP). Methods Recent literature on EXOs for treating OP "
        "was extensively reviewed, and the mechanisms and clinical prospects of EXOs from "
        "different cells in OP therapy were summarized and analysed. Results EXOs from many "
        "cells, including bone marrow mesenchymal stem cells, osteoblasts and endothelial cells, "
        "take part in bone remodelling; they regulate the proliferation and differentiation of "
        "bone cells, promote vascular regeneration and suppress inflammatory reactions. "
        "Conclusion EXOs from different cells have marked therapeutic effects on OP."
    )
    got = annotations(abstract, "Exosomes derived from different cells in the treatment of OP")
    assert got["study_type"] == "review"
    assert got["settings"] == []
    assert "MSC|bone_marrow|" in got["ev_sources"]


def test_related_articles_searched_in_a_database_make_a_review():
    # 10.1111/cpr.12359 (Cell Prolif 2017): stem cell-derived exosomes and fracture healing.
    abstract = (
        "Objectives: To describe what exosomes are like biologically and to give the current "
        "state of stem cell-derived exosomes in fracture healing, with its open problems. "
        "Methods: Related articles in the PubMed database were searched and analysed with "
        "combinations of keywords such as stem cells, exosomes, bone regeneration and fracture "
        "healing. Conclusion: Exosomes from stem cells promote the proliferation and migration "
        "of cells as well as osteogenesis and angiogenesis during bone formation."
    )
    got = annotations(abstract, "Stem cell-derived exosomes and fracture healing")
    assert got["study_type"] == "review"
    assert "angiogenesis|increase" in got["outcomes"]


def test_records_reviewed_in_a_primary_study_do_not_make_a_review():
    # guard: the rows need the literature as what was reviewed (10.1186/s13287-020-1562-9,
    # structured17 probe A1: BMMSC exosomes in rat femoral nonunion, with radiographic follow-up)
    abstract = (
        "Objective: To test exosomes from bone marrow mesenchymal stem cells in nonunion. "
        "Methods: Exosomes were injected into the fracture sites of rats every week, and "
        "radiographs were reviewed by two observers at weeks 8, 14 and 20. Results: Exosomes "
        "enhanced fracture healing."
    )
    assert annotations(abstract)["study_type"] == "primary"


# --- a "Background:" section is background, whatever earlier work it tells


def test_earlier_work_told_in_the_background_section_is_not_this_study():
    # real_paraphrase R70 (Cytotherapy 2020, "Optimising administration of MSC exosomes for
    # cartilage repair in the clinic"): the rat model was the authors' earlier study, this
    # study used rabbits.
    abstract = (
        "Background & Aim: We showed earlier that twelve weekly injections of exosomes from "
        "human mesenchymal stem cells repaired critical-size osteochondral defects in an "
        "immunocompetent rat model. So many injections may not suit patients. We therefore "
        "tested whether three intra-articular injections of the exosomes with hyaluronic acid "
        "would be enough. Methods, Results & Conclusion: Osteochondral defects were made in both "
        "knees of 17 rabbits, which were given three injections of exosomes with hyaluronic "
        "acid or of hyaluronic acid alone, and the exosomes gave better cartilage repair."
    )
    got = annotations(abstract)
    assert got["animal_models"] == ["rabbit|osteochondral_defect"]
    assert "rat" not in got["species"]
    assert "intra_articular_injection" in got["delivery_routes"]  # the aim names the route


def test_an_introduction_before_a_case_presentation_is_background():
    # real_paraphrase R73 (doi:10.17352/ojor.000049): amniotic fluid exosomes in three patients.
    abstract = (
        "Introduction: Exosomes may be strong promoters of tissue repair. To our knowledge, no "
        "case has been reported in which chronic pain from degeneration of bone and cartilage "
        "was reduced after exosome treatment. Case presentation: Three men with chronic pain "
        "from degeneration of bone or cartilage had much less pain and better function after "
        "one injection of exosomes from amniotic fluid. Conclusion: Amniotic exosomes may treat "
        "degenerative diseases of bone and cartilage."
    )
    got = annotations(abstract)
    assert got["outcomes"] == ["pain|decrease"]


# Guards: the study's own aim inside the Background section is study text. 10.1186/s13287-020-
# 1562-9 (structured17 probe A1) ends its Background with the study's question; real_paraphrase
# R03 (10.1186/s40824-022-00331-0, titanium implants treated with BMSC exosomes) tells its aim
# with "we" and no study cue.
@pytest.mark.parametrize(
    ("abstract", "aim"),
    [
        (
            "Background: Exosomes carry signals between cells and may act the same way when "
            "fractures heal. This study investigated whether exosomes from bone marrow "
            "mesenchymal stem cells improve the healing of nonunion. Methods: Exosomes were "
            "injected into the fracture sites of rats with a femoral nonunion.",
            "This study investigated",
        ),
        (
            "Background: Exosomes from bone marrow mesenchymal stem cells drive osteogenic "
            "differentiation, but injected exosomes are cleared fast. We therefore regarded the "
            "implant as a new organ of the body and sought a way to treat it with the exosomes "
            "directly. Methods: A fusion peptide that binds titanium and captures exosomes was "
            "built.",
            "We therefore regarded",
        ),
    ],
)
def test_the_aim_stated_in_the_background_section_starts_the_study(abstract: str, aim: str):
    assert abstract[study_start(abstract) :].startswith(aim)


# --- conditioned medium the vesicles were separated from is no tested preparation


def test_medium_named_after_its_cells_that_vesicles_came_from_is_no_preparation():
    # 10.21037/atm-22-3912 (Ann Transl Med 2022, structured17 probe A3): umbilical cord MSC
    # exosomes in rat OA.
    abstract = (
        "Methods: hUC-MSCs-Exos were harvested from hUC-MSC-conditioned medium by "
        "ultracentrifugation, and rats with surgically induced OA received intra-articular "
        "injections of hUC-MSCs-Exos."
    )
    got = annotations(abstract)
    assert got["vesicle_types"] == ["exosome"]
    assert "ultracentrifugation" in got["isolation_methods"]


def test_exosomes_from_msc_conditioned_medium_leave_the_medium_out():
    # seed S03 (Furuta et al., Stem Cells Transl Med 2016): MSC exosomes in CD9-/- fracture
    # healing; where the medium is only the exosomes' source it is not a preparation.
    abstract = (
        "We studied exosomes isolated from MSC-conditioned medium in a femur fracture model of "
        "CD9-/- mice. Injected exosomes rescued the delayed fracture healing of these mice."
    )
    assert annotations(abstract)["vesicle_types"] == ["exosome"]


def test_medium_compared_as_a_preparation_is_still_coded():
    # guard, seed S03: the cytokines of exosomes, CM and CM-Exo were compared, so CM is a
    # preparation studied; and a list joint before the medium names another preparation.
    compared = (
        "Exosomes isolated from MSC-conditioned medium (CM) rescued fracture healing. The "
        "cytokine levels in the exosomes were low compared with those in CM and CM-Exo."
    )
    assert "conditioned_medium" in annotations(compared)["vesicle_types"]
    listed = (
        "Vesicles were obtained from BMSCs and conditioned medium from ADSCs was injected into "
        "the defects of rats."
    )
    assert "conditioned_medium" in annotations(listed)["vesicle_types"]


# --- vesicles taken from the culture medium of cells: those cells are their source


@pytest.mark.parametrize(
    ("abstract", "source"),
    [
        # R69 (10.1007/s00223-019-00656-4, Calcif Tissue Int 2020): young BMSC exosomes in the
        # distraction osteogenesis of older rats; the cells follow the medium's own words.
        ("Exosomes were isolated by ultracentrifugation from the culture supernatants of young "
         "bone marrow mesenchymal stem cells and characterised by transmission electron "
         "microscopy.", "MSC|bone_marrow|"),
        # 10.1111/jcmm.14430 (PMC6653097, J Cell Mol Med 2019): tendon stem cell exosomes in
        # rat Achilles tendinopathy.
        ("Exosomes were harvested from conditioned culture media of tendon stem cells and "
         "injected into the injured Achilles tendons of rats.", "tendon_stem_cell||"),
        # 10.2147/IJN.S346755 (Int J Nanomed 2022): PDLSC small EVs in Matrigel for rat
        # calvarial defects; the cells come first, the medium is 'the culture supernatant'.
        ("Methods: Human periodontal ligament stem cells were cultured and small extracellular "
         "vesicles were isolated from the culture supernatant.", "stem_cell_dental||human"),
    ],
)  # fmt: skip
def test_cells_whose_medium_gave_the_vesicles_are_their_source(abstract: str, source: str):
    got = annotations(abstract + " Rats with defects received the vesicles.")
    assert source in got["ev_sources"]
    assert got["recipient_cells"] == []


def test_an_age_word_before_the_treated_cells_keeps_them_recipients():
    # R69: the young cells gave the exosomes, the older cells took them.
    abstract = (
        "Exosomes were isolated from the culture supernatants of young BMSCs. In vitro, MSC-Exos "
        "increased the proliferation and osteogenic differentiation of the older BMSCs."
    )
    got = annotations(abstract)
    assert got["ev_sources"] == ["MSC|bone_marrow|"]
    assert got["recipient_cells"] == ["MSC|bone_marrow|"]


def test_cells_cultured_in_a_medium_given_with_the_vesicles_are_no_source():
    # guard: the medium the vesicles came from must be named as their origin ('isolated from');
    # chondrocytes cultured in medium and then given the exosomes receive them.
    abstract = (
        "Chondrocytes were cultured in conditioned medium and treated with exosomes from "
        "adipose-derived stem cells."
    )
    got = annotations(abstract)
    assert "chondrocyte||" not in got["ev_sources"]
