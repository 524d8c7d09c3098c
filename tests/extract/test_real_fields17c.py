"""Issue 17, vocabulary gates of `conditions` found on real abstracts (helper fields17c).

Each positive test paraphrases a real published abstract (DOI or PMC id in its comment) and
failed before the lexicon row it tests; the guards keep the rows from over-firing.
"""

from __future__ import annotations

from real_text import fields_of, found

IDD = "intervertebral_disc_degeneration"
TMJ_OA = "TMJ_osteoarthritis"


# --- disc degeneration named as a disease of the disc ------------------------------------


def test_degenerative_diseases_of_the_disc() -> None:
    # PMC7181459 (outside the dev corpus): EVs of MSCs in "degenerative diseases of the
    # intervertebral disc (IVD)"; the abstract names no "disc degeneration" otherwise.
    abstract = (
        "Extracellular vesicles (EVs) are lipid membrane particles that carry proteins, lipids "
        "and RNA between cells. EVs of mesenchymal stem cells (MSCs) have been studied widely "
        "as drivers of regeneration, but work on their use for degenerative diseases of the "
        "intervertebral disc (IVD) has only just begun. MSC-derived EVs raise matrix synthesis "
        "and proliferation of IVD cells and lessen apoptosis and inflammation. This article "
        "summarises what is known of MSC-derived and IVD-derived EVs."
    )
    assert IDD in found(abstract, "conditions")


def test_degenerative_disc_disease() -> None:
    # R14, doi:10.3390/cells10092241: the review names the disease "degenerative disc disease
    # (DDD)"; here the abstract's other names of it are left out.
    abstract = (
        "Degenerative disc disease (DDD) costs more and more as populations age and obesity "
        "spreads. Current drugs and surgery cannot stop it or restore the function of the "
        "disc. Exosomes of stem cells keep the benefit of their parent cells without their "
        "risks. This review covers the use of stem cell-derived exosomes to treat DDD."
    )
    assert IDD in found(abstract, "conditions")


def test_a_degenerative_disease_of_the_joint_is_no_disc_degeneration() -> None:
    abstract = (
        "Osteoarthritis is a degenerative disease of the joints. Exosomes of bone marrow MSCs "
        "were injected into the knees of rats and reduced cartilage degradation."
    )
    assert IDD not in found(abstract, "conditions")


# --- osteoarthritis told of the temporomandibular joint ------------------------------------


def test_osteoarthritic_tmj() -> None:
    # PMC8035039 (doi:10.1155/2021/6619527, outside the dev corpus): "the therapeutic roles of
    # tissue-specific MSCs in osteoarthritic TMJ", exosomes among the cell-free therapies.
    abstract = (
        "Mesenchymal stem cells from many tissues act through chondrogenic differentiation, "
        "fibrocartilage regeneration and immunomodulation. Here we review what tissue-specific "
        "MSCs do in the osteoarthritic TMJ and in TMJ tissue engineering, and also cover "
        "exosomes and the adipose stromal vascular fraction."
    )
    conditions = found(abstract, "conditions")
    assert TMJ_OA in conditions
    assert "osteoarthritis" not in conditions


def test_tmj_defects_and_osteoarthritis() -> None:
    # doi:10.3390/cells13110990 (outside the dev corpus): a systematic review of MSC-based
    # therapies, their secretome and EVs "for TMJ cartilage/osteochondral defects and
    # osteoarthritis (OA)".
    abstract = (
        "Mesenchymal stromal cells (MSCs) promise to repair the temporomandibular joint. This "
        "systematic review gathers the preclinical animal studies of MSC-based therapies, "
        "their secretome and extracellular vesicles (EVs) included, for TMJ "
        "cartilage/osteochondral defects and osteoarthritis (OA)."
    )
    assert TMJ_OA in found(abstract, "conditions")


def test_knee_osteoarthritis_stays_osteoarthritis() -> None:
    abstract = (
        "Exosomes of bone marrow MSCs relieved knee osteoarthritis in rats; the TMJ discs and "
        "the knee cartilage of healthy rats were compared."
    )
    conditions = found(abstract, "conditions")
    assert "osteoarthritis" in conditions
    assert TMJ_OA not in conditions


# --- a primary study that calls its own product "a novel ... tool" -------------------------


def test_own_aim_in_the_past_keeps_a_novel_tool_primary() -> None:
    # doi:10.3389/fbioe.2023.1160703 (outside the dev corpus): the title's "a novel biomimetic
    # tool" read as a survey title made the study a review, and its settings were lost.
    title = (
        "Osteoblast derived extracellular vesicles induced by dexamethasone: a novel biomimetic "
        "tool for enhancing osteogenesis in vitro"
    )
    abstract = (
        "Extracellular vesicles (EVs) are newly recognised messengers between cells and a "
        "promising biomimetic tool for bone regeneration. What EVs of osteoblasts do for "
        "osteogenesis is still unclear. Here we set out to test EVs released by osteoblasts "
        "stimulated with dexamethasone for two weeks (OB-EVDex) as a tool for steering "
        "osteogenesis, and to clarify how they act. Groups given OB-EVDex were compared with "
        "BMP-2, the osteo-inductor of the clinic. Labelled OB-EVDex were taken up by "
        "osteoblasts over time, and osteoblasts given OB-EVDex proliferated and survived "
        "better than untreated cells."
    )
    assert fields_of(abstract, title)["study_type"] == "primary"
    assert "in_vitro" in found(abstract, "settings", title)


def test_an_assay_that_showed_a_result_keeps_a_novel_tool_primary() -> None:
    # doi:10.1186/s12951-026-04158-y (PMC12908268, outside the dev corpus): "Flow cytometry
    # showed that 79.1% of the exosomes carried Cap" under the title "... a novel gene editing
    # tool ...".
    title = (
        "Engineered Cas9 exosome vesicles as a novel gene editing tool for targeted ASPN "
        "editing in osteoarthritis"
    )
    abstract = (
        "Genome editing with CRISPR-Cas9 could treat osteoarthritis (OA), but delivery into the "
        "joint is lacking. We propose engineered exosomes that carry CRISPR/Cas9 to edit the "
        "Asporin (ASPN) gene of OA chondrocytes. Exosomes of MSCs bearing a chondrocyte "
        "affinity peptide (Cap) brought the editing components to OA chondrocytes. Flow "
        "cytometry showed that most of the exosomes carried Cap, and the delivery lowered ASPN "
        "expression, eased ferroptosis and reduced chondrocyte senescence."
    )
    assert fields_of(abstract, title)["study_type"] == "primary"


def test_a_review_that_opens_with_a_prevalence_stays_a_review() -> None:
    # The fields17b helper's probe: 'Exosomes immunity strategy: a novel approach for
    # ameliorating intervertebral disc degeneration' (Front Cell Dev Biol 2022), a review that
    # never says so; its opening "affects nearly 80% of people" tells no result of its own.
    title = (
        "Exosomes immunity strategy: a novel approach for ameliorating intervertebral disc "
        "degeneration"
    )
    abstract = (
        "Low back pain affects nearly 80% of people and intervertebral disc degeneration (IDD) "
        "is its main cause. IDD rests on a disturbed balance of matrix catabolism and "
        "anabolism, immune activation and loss of nucleus pulposus cells. Surgery cannot cure "
        "it. Exosomes, vesicles 30-150 nm across, are secreted by stem cells, immune cells and "
        "endothelial cells, and studies have shown that they modulate immunity in the disc."
    )
    assert fields_of(abstract, title)["study_type"] == "review"
