"""Source and recipient cells: differentiated lines, species modifiers, listed origins."""

from real_text import fields_of as fields


def test_a_line_differentiated_before_use_keeps_the_lines_species():
    got = fields(
        "We collected exosomes from mature osteoclasts generated from RAW264.7 cells with "
        "RANKL, and RAW 264.7 cells were induced into osteoclasts and treated with BMSC exosomes."
    )
    assert "osteoclast||mouse" in got["ev_sources"]
    assert got["recipient_cells"] == ["osteoclast||mouse"]


def test_species_from_healthy_donors_and_from_animals():
    got = fields(
        "In this study, exosomes from adipose MSCs of healthy donors were added to chondrocytes "
        "from rats."
    )
    assert got["ev_sources"] == ["MSC|adipose|human"]
    assert got["recipient_cells"] == ["chondrocyte||rat"]


def test_cells_seeded_on_scaffolds_then_cultured_with_vesicles_are_recipients():
    got = fields("In this study, rBMSCs seeded on the scaffolds were cultured with the exosomes.")
    assert got["recipient_cells"] == ["MSC|bone_marrow|rat"]


def test_a_review_lists_each_source_tissue():
    got = fields(
        "This review covers exosomes derived from MSCs of bone marrow, dental pulp and "
        "umbilical cord."
    )
    assert {"MSC|bone_marrow|", "MSC|umbilical_cord|"} <= set(got["ev_sources"])


def test_species_bound_in_a_definition_travels_with_the_short_form():
    got = fields(
        "Rheumatoid arthritis (RA) is an autoimmune disease. Mesenchymal stem cells from the "
        "human gingiva (GMSCs) are easily accessible. We isolated GMSC-derived exosomes "
        "(GMSC-Exos) by ultracentrifugation."
    )
    assert got["ev_sources"] == ["MSC|gingiva|human"]
    got = fields(
        "In this study, rat bone marrow MSCs (rBMSCs) were cultured and exosomes were collected. "
        "Chondrocytes were treated with rBMSC-Exos at 50 ug/mL."
    )
    assert got["ev_sources"] == ["MSC|bone_marrow|rat"]
    assert got["recipient_cells"] == ["chondrocyte||"]


def test_the_vesicles_refers_back_only_in_a_sentence_naming_their_source():
    got = fields(
        "Osteoporosis is common. In this study, we collected exosomes by ultracentrifugation. "
        "The vesicles were derived from human umbilical cord MSCs. Osteoblasts were treated "
        "with the vesicles."
    )
    assert got["ev_sources"] == ["MSC|umbilical_cord|human"]
    assert got["recipient_cells"] == ["osteoblast||"]
    # Two vesicle types before: "the vesicles" is not resolved to either.
    got = fields(
        "In this study, we collected exosomes and microvesicles by ultracentrifugation. "
        "The vesicles were derived from human umbilical cord MSCs."
    )
    assert got["ev_sources"] == []
    # No source words: "the vesicles" next to cells does not make them a source.
    got = fields(
        "In this study, we collected exosomes by ultracentrifugation. The vesicles and human "
        "umbilical cord MSCs were imaged."
    )
    assert got["ev_sources"] == []


def test_vesicles_that_came_from_a_list_of_tissues():
    got = fields(
        "We searched PubMed for studies that gave MSC-EVs to animals with OA. Thirty studies met "
        "the criteria; the vesicles came mostly from bone marrow, adipose tissue and umbilical "
        "cord MSCs.",
        title="MSC-EVs in animal models of osteoarthritis: a systematic review",
    )
    assert set(got["ev_sources"]) == {
        "MSC|bone_marrow|",
        "MSC|adipose|",
        "MSC|umbilical_cord|",
    }


def test_cells_treated_then_their_vesicles_collected_are_the_source():
    got = fields(
        "In this study, we induced apoptosis in mouse bone marrow MSCs with staurosporine and "
        "collected apoptotic bodies by centrifugation. In vitro, apoptotic bodies were engulfed "
        "by MSCs from OVX mice."
    )
    assert got["ev_sources"] == ["MSC|bone_marrow|mouse"]
    # The MSCs of the same species take the one origin stated for MSCs in the study.
    assert got["recipient_cells"] == ["MSC|bone_marrow|mouse"]


def test_stated_origin_is_not_lent_to_other_cell_kinds_or_species():
    got = fields(
        "In this study, exosomes from human umbilical cord MSCs were added to endothelial "
        "cells from humans and to MSCs from rats."
    )
    assert "endothelial_cell||human" in got["recipient_cells"]
    assert "MSC||rat" in got["recipient_cells"]


def test_cells_that_received_vesicles_are_recipients():
    got = fields(
        "In this study, EVs were collected from human MSCs. Rat chondrocytes treated with "
        "IL-1beta received 50 ug/ml EVs."
    )
    assert got["recipient_cells"] == ["chondrocyte||rat"]


def test_a_cell_named_as_a_process_is_not_a_recipient():
    got = fields(
        "In this study, exosomes from human BMSCs inhibited osteoclast formation from murine "
        "bone marrow macrophages and suppressed osteoblast differentiation."
    )
    assert got["recipient_cells"] == ["macrophage|bone_marrow|mouse"]


def test_vesicles_secreted_by_these_cells_name_the_cells_before():
    got = fields(
        "Here, synovial MSCs were obtained from rabbits. Exosomes secreted by these cells were "
        "collected. Rabbit chondrocytes were incubated with the exosomes for 24 h."
    )
    assert got["ev_sources"] == ["MSC|synovial_membrane|rabbit"]
    assert got["recipient_cells"] == ["chondrocyte||rabbit"]


def test_the_particles_received_by_cells_in_the_next_sentence():
    got = fields(
        "We collected EVs from human umbilical cord MSCs by ultracentrifugation. The particles "
        "were derived from MSCs at passage 3. Chondrocytes treated with the particles "
        "proliferated more."
    )
    assert got["recipient_cells"] == ["chondrocyte||"]


def test_cells_treated_and_then_their_vesicles_isolated_are_the_source():
    got = fields(
        "In this study, BMSCs were pretreated with TNF-alpha for 24 h and exosomes (TNF-Exos) "
        "were isolated. TNF-Exos (50 ug/mL) reduced apoptosis of chondrocytes."
    )
    assert got["ev_sources"] == ["MSC|bone_marrow|"]
    assert got["preconditioning"] == ["TNF_alpha"]
    # Vesicles isolated from something else: the cells before are not their source.
    got = fields(
        "In this study, chondrocytes were stimulated with IL-1beta, and exosomes were isolated "
        "from human BMSCs."
    )
    assert got["ev_sources"] == ["MSC|bone_marrow|human"]
