"""Cell roles on real text (issue 17, session 9): the gates that dropped a recipient.

Each case is our own paraphrase of a real published abstract (DOI in the comment), written
with the same facts and the same kind of phrasing; the negative cases guard the widened gates.
"""

from __future__ import annotations

from real_text import found


# A sentence that opens with the anaphor refers to the vesicles of the sentence before.
def test_their_effects_on_cells_after_a_vesicle_sentence() -> None:
    # 10.21203/rs.3.rs-33698/v1 (exosomes of cartilage endplate stem cells, outside the corpus)
    text = (
        "Stem cells of the cartilage endplate were isolated from rats, and exosomes of normal "
        "and degenerated endplate stem cells (N-Exos and D-Exos) were collected. Proteomics "
        "compared N-Exos with D-Exos. Their effects on the apoptosis of NPCs were then "
        "measured by TUNEL staining and flow cytometry."
    )
    assert "nucleus_pulposus_cell||" in found(text, "recipient_cells")


def test_their_effects_on_a_cell_line_exposed_to_a_drug() -> None:
    # R68 (endothelial cell exosomes in steroid-induced osteonecrosis of the femoral head)
    text = (
        "Exosomes secreted by endothelial cells (EC-exos) were collected by differential "
        "centrifugation. Their effects on mouse embryo osteoblast precursor cells (MC3T3-E1) "
        "treated with a high dose of dexamethasone were examined in vitro."
    )
    assert "preosteoblast||mouse" in found(text, "recipient_cells")


def test_they_without_a_vesicle_sentence_before_names_no_recipient() -> None:
    text = (
        "BMSCs were isolated from the femurs of rats. They were then cultured with chondrocytes "
        "for seven days, and exosomes of the BMSCs were isolated."
    )
    assert "chondrocyte||" not in found(text, "recipient_cells")


# Cells "given" the vesicles received them.
def test_cells_given_the_vesicles_are_recipients() -> None:
    # 10.1111/cpr.12570 (umbilical cord MSC exosomes in a stabilized fracture, outside the corpus)
    text = (
        "Exosomes of umbilical cord MSCs (uMSC-Exos) were isolated by ultrafiltration. EdU "
        "incorporation, a scratch wound assay and tube formation tested the proliferation, "
        "migration and angiogenesis of human umbilical vein endothelial cells (HUVECs) given "
        "uMSC-Exos."
    )
    assert "endothelial_cell|umbilical_cord|human" in found(text, "recipient_cells")


def test_treated_cells_then_given_the_vesicles_are_recipients() -> None:
    # 10.1111/jcmm.14430 (tendon stem cell exosomes in tendinopathy, outside the corpus)
    text = (
        "Exosomes were harvested from the conditioned medium of tendon stem cells (TSCs) by "
        "sequential centrifugation. In vitro, TSCs exposed to interleukin 1 beta were given "
        "conditioned medium with or without exosomes, or exosomes alone."
    )
    assert "tendon_stem_cell||" in found(text, "recipient_cells")


def test_given_that_is_a_clause_not_a_treatment() -> None:
    text = (
        "Exosomes were isolated from ADSCs. We asked how the proliferation of chondrocytes "
        "changes, given that exosomes carry miRNAs."
    )
    assert "chondrocyte||" not in found(text, "recipient_cells")


# Cells that are the subject of a first step, "and (then) treated with" the vesicles.
def test_cells_stimulated_and_then_treated_with_a_dose_of_vesicles() -> None:
    # 10.3390/ijms25168560 (exosomes of stem cells from exfoliated deciduous teeth in OA)
    text = (
        "Exosomes were collected from the supernatant of SHED by differential centrifugation. "
        "SW1353 cells were stimulated with IL-1beta to mimic the inflammation of OA and then "
        "treated with 40 ug/mL exosomes or with hyaluronic acid."
    )
    assert "chondrocyte||human" in found(text, "recipient_cells")


def test_cells_cultured_in_a_hydrogel_and_treated_with_vesicles() -> None:
    # R78 (chondrocyte EVs with MSCs in a chitosan-hyaluronic acid hydrogel)
    text = (
        "EVs were isolated from human articular chondrocytes. The adipose-derived MSCs were "
        "embedded in a chitosan-hyaluronic acid hydrogel and treated with chondrocyte EVs for "
        "21 days."
    )
    assert "MSC|adipose|" in found(text, "recipient_cells")


def test_source_cells_treated_before_their_vesicles_were_collected_are_no_recipients() -> None:
    text = (
        "BMSCs were cultured in osteogenic medium and treated with dexamethasone for 7 days, and "
        "exosomes were isolated from their culture supernatant."
    )
    assert "MSC|bone_marrow|" not in found(text, "recipient_cells")


# A short form whose long form has a non-cell head ("peptide", "factor") names no cell.
def test_a_peptide_named_after_a_cell_is_no_cell() -> None:
    # R122 (chondrocyte-targeted miR-140 delivery by engineered exosomes)
    text = (
        "A chondrocyte-affinity peptide (CAP) was fused to a membrane protein on the exosome "
        "surface, giving CAP-exosomes. The CAP-exosomes stayed in the joint after "
        "intra-articular injection."
    )
    assert "chondrocyte||" not in found(text, "ev_sources")


def test_a_growth_factor_named_after_a_cell_is_no_cell() -> None:
    # R96 (osteoclast-derived small EVs; bone marrow macrophages induced with M-CSF and RANKL)
    text = (
        "Bone marrow stromal cells were induced with macrophage colony-stimulating factor "
        "(M-CSF). Exosomes from ADSCs were then added to the cultures with M-CSF."
    )
    assert "macrophage||" not in found(text, "recipient_cells")


def test_a_cell_defined_by_its_short_form_keeps_its_identity() -> None:
    text = (
        "Exosomes were isolated from bone marrow mesenchymal stem cells (BMSCs). "
        "Chondrocytes took up the BMSCs' exosomes."
    )
    assert "MSC|bone_marrow|" in found(text, "ev_sources")


# A relative clause on the vesicles ("..., which then ...") keeps their link to its cells.
def test_vesicles_which_shift_macrophages_name_recipients() -> None:
    # 10.1038/s41598-018-31707-9 (inflammatory priming of adipose MSCs, outside the corpus)
    text = (
        "Priming adipose-derived stem cells (ADSCs) with inflammatory cytokines raised the "
        "immunosuppressive power of the ADSC-derived exosomes, which then shifted macrophages "
        "from the M1 to the M2 phenotype."
    )
    assert "macrophage||" in found(text, "recipient_cells")


def test_vesicles_which_entered_chondrocytes_name_recipients() -> None:
    # R122 (chondrocyte-targeted miR-140 delivery by engineered exosomes)
    text = (
        "We isolated exosomes from HEK293 cells. The engineered exosomes, which could be "
        "loaded with miR-140 and which entered chondrocytes specifically, slowed OA in rats."
    )
    assert "chondrocyte||" in found(text, "recipient_cells")


def test_a_clause_on_the_finding_is_still_a_break() -> None:
    text = "Exosomes from BMSCs reduced inflammation, which is mediated by macrophages."
    assert "macrophage||" not in found(text, "recipient_cells")
