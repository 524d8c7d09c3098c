"""Issue 17, vocabulary gates of `conditions` found on real abstracts (helper fields17c).

Each positive test paraphrases a real published abstract (DOI or PMC id in its comment) and
failed before the lexicon row it tests; the guards keep the rows from over-firing.
"""

from __future__ import annotations

from real_text import found

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
