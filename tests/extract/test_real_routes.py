"""Routes and carriers of the vesicles as unseen real abstracts state them (issue 17).

A route is how the vesicles reached the animal (SCHEMA): an injection of something else names
no route of theirs, and vesicles combined with or loaded into a material that goes into the
animal were implanted with it. Each case paraphrases, in our own words, a published abstract
named in the comment beside it (R-numbers are records of tests/data/real_paraphrase, whose
NOTES line gives the DOI).
"""

from __future__ import annotations

import pytest
from real_text import EXTRACTOR

from exobone.model import Record


def routes(abstract: str, title: str = "Vesicles in skeletal repair") -> set[str]:
    annotations = EXTRACTOR.extract(Record(title=title, abstract=abstract), "T").annotations
    return {str(value) for value in annotations["delivery_routes"]}


# The injection that makes the model, or gives a reagent, is not the vesicles' route (it gave
# intramuscular_injection and intra_articular_injection).
@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # Femoral head necrosis made with methylprednisolone (10.1186/s13018-023-04440-x).
        ("To model glucocorticoid-induced necrosis of the femoral head, Sprague-Dawley rats "
         "had intramuscular injections of methylprednisolone, after which BMSC-Exos were "
         "given through the tail vein.", {"intravenous_injection"}),
        # An antagomir blocks the vesicles' miRNA in osteoarthritic mice (R118,
        # 10.1186/s12951-023-02086-9).
        ("In mice with DMM-induced osteoarthritis the engineered exosomes protected the "
         "cartilage, and intra-articular injection of antagomiR-199a-3p markedly weakened that "
         "protection.", set()),
        # Osteoarthritis made by injecting iodoacetate (the model of 10.1186/s13287-020-01781-w,
        # whose exosome route is not stated).
        ("Knee osteoarthritis was induced in rats by intra-articular injection of monosodium "
         "iodoacetate (MIA), and BMSC exosomes were then given to the rats.", set()),
        ("Osteoarthritis was produced by injection of monosodium iodoacetate into the knee "
         "joint of rats, and the animals then received exosomes.", set()),
    ],
)  # fmt: skip
def test_an_injection_of_something_else_is_no_route(abstract: str, expected: set[str]) -> None:
    assert routes(abstract) == expected


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # Saline in one group, vesicles in the other (R49, 10.1177/0363546520908847).
        ("Rabbits with chronic rotator cuff tears had a local injection of saline or a local "
         "injection of ASC-Exos at the time of repair.", {"local_injection"}),
        # A labelled preparation and a dose before the vesicles' name stay theirs.
        ("Ovariectomized mice received tail vein injections of DiR-labelled BMSC-sEVs every "
         "week.", {"intravenous_injection"}),
        ("The rats received intra-articular injections of 1 x 10^9 particles of hUCMSC-sEVs "
         "once a week.", {"intra_articular_injection"}),
        # A place after the route is not what was injected (R102, 10.1186/s13287-020-02039-1).
        ("DPSC-sEVs were injected into the exposed pulp tissue of rat incisors.",
         {"local_injection"}),
        ("The exosomes were injected into the tail vein of the mice.", {"intravenous_injection"}),
        # Vesicles named by a plain word keep their route.
        ("Bone marrow stem cell exosomes were labelled with DiR, and the mice received an "
         "intravenous injection of the labelled vesicles.", {"intravenous_injection"}),
    ],
)  # fmt: skip
def test_an_injection_of_the_vesicles_keeps_its_route(abstract: str, expected: set[str]) -> None:
    assert routes(abstract) == expected


# Vesicles combined with a material that is placed in the animal were implanted with it (R129
# had no route).
@pytest.mark.parametrize(
    "abstract",
    [
        # Dental follicle stem cell sEVs on collagen sponges in periodontal defects (R129,
        # 10.1186/s13287-022-02767-6).
        "DFSC-sEVs were also combined with collagen sponges and transplanted into periodontal "
        "defects of SD rats, which were then examined by HE staining and micro-CT.",
        # Exosomes with fibrin on tantalum-coated titanium implants in rabbits (R125,
        # 10.3389/fbioe.2023.1198545).
        "The exosomes were combined with fibrin on tantalum-coated titanium implants, which were "
        "then placed in the tibiae of rabbits.",
    ],
)
def test_vesicles_combined_with_a_carrier_were_implanted(abstract: str) -> None:
    assert routes(abstract) == {"scaffold_implantation"}


def test_vesicles_combined_with_a_drug_in_a_dish_have_no_route() -> None:
    # Psoralen given with exosomes to cells (R17, 10.1186/s13018-023-04085-w): no animal.
    abstract = (
        "Nucleus pulposus cells treated with TBHP were given psoralen, and the exosomes were "
        "combined with psoralen in a collagen gel culture."
    )
    assert routes(abstract) == set()


# A material "loaded with" vesicles whose name is long still carries them (it gave no route).
def test_a_material_loaded_with_a_long_named_vesicle_was_implanted() -> None:
    # GelMA hydrogels with BMSC exosomes on repaired rotator cuffs of rats
    # (https://www.biocloudy.com/literatureDetail/MTc1NTcxOQ==).
    abstract = (
        "After acute rotator cuff injury was repaired in Sprague-Dawley rats, the shoulders "
        "were treated with GelMA hydrogels loaded with bone marrow mesenchymal stem cell-derived "
        "exosomes, and the tendons were tested six weeks later."
    )
    assert routes(abstract) == {"scaffold_implantation"}


def test_a_verb_ends_the_name_of_what_was_loaded() -> None:
    # The hydrogel held the mimics; the vesicles are only compared with them.
    abstract = (
        "In rats with calvarial defects, chitosan hydrogels loaded with miR-21 mimics were "
        "compared with exosomes."
    )
    assert routes(abstract) == set()


def biomaterials(abstract: str) -> set[str]:
    annotations = EXTRACTOR.extract(Record(title="Vesicles in bone", abstract=abstract), "T")
    return {str(value) for value in annotations.annotations["biomaterials"]}


# Bone matrix stripped of its mineral is the matrix scaffold that carries the vesicles (it gave
# no biomaterial).
@pytest.mark.parametrize(
    "abstract",
    [
        # Osteoclast sEVs coated on decalcified bone matrix in calvarial defects (R96, PMC7900016).
        "An sEV-modified scaffold was made by coating decalcified bone matrix (DBM) with "
        "osteoclast-derived sEVs and was tested in mouse calvarial defects.",
        # Demineralized bone matrix in a nanoclay gel with exosome mimetics
        # (https://synapsesocial.com/ko/papers/69e1ceaa5cdc762e9d857aba).
        "Demineralized bone matrix (DBM) repairs bone defects poorly because it is not retained "
        "at the site, so DBM-loaded nanoclay gels carrying exosome mimetics were tested in "
        "mouse calvarial defects.",
    ],
)
def test_demineralized_bone_matrix_is_a_matrix_scaffold(abstract: str) -> None:
    assert biomaterials(abstract) == {"ECM_scaffold"}


def test_the_bone_matrix_of_the_tissue_is_no_scaffold() -> None:
    abstract = "The exosomes raised mineralization of the bone matrix in the calvarial defects."
    assert biomaterials(abstract) == set()


# Vesicles put into the treated site are injected locally whatever the determiner or the verb
# of putting (both gave no route).
@pytest.mark.parametrize(
    "abstract",
    [
        # MSC EVs placed in the implant beds of rabbit tibiae (R240, 10.3390/ijms22168774).
        "Screw implants went into the tibial condyles of rabbits, alone or once 19.2 ug of MSC "
        "EVs had first been introduced into each bone defect.",
        # Rat BMSC-EVs in Achilles tendon injuries (R135, 10.1371/journal.pone.0229914).
        "Right after the damage, a low or a high dose of rBMSC-EVs was injected into a rat "
        "Achilles tendon injury model.",
    ],
)
def test_vesicles_put_into_each_or_a_treated_site_were_injected_locally(abstract: str) -> None:
    assert routes(abstract) == {"local_injection"}


# The agent injected into the site or the joint to make the model is named before the verb:
# the injection is not the vesicles' (it gave local_injection and intra_articular_injection).
@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # Collagenase-induced tendinopathy in rat Achilles tendons (the model of
        # 10.1371/journal.pone.0161590), written in the passive.
        ("Type I collagenase was injected into the Achilles tendons of the rats, and BMSC "
         "exosomes were given one week later.", set()),
        # Iodoacetate in the temporomandibular joint (the TMJOA model of R67), here with
        # vesicles given by another route.
        ("In rats, sodium iodoacetate (MIA) was injected into the joint cavity of the TMJ, and "
         "BMSC-Exos were then given through the tail vein.", {"intravenous_injection"}),
        # The vesicles after "with" are what was injected.
        ("The rats were divided into three groups and injected locally with BMSC-Exos or PBS.",
         {"local_injection"}),
    ],
)  # fmt: skip
def test_an_agent_injected_to_make_the_model_is_no_route(abstract: str, expected: set[str]) -> None:
    assert routes(abstract) == expected


# Vesicles that name the gel holding them reached the animal in it (both gave no route).
@pytest.mark.parametrize(
    "abstract",
    [
        # M2 macrophage exosomes with SDF-1alpha in a hyaluronic acid gel for fractures (R114,
        # PMC10087917).
        "SDF-1alpha and M2D-Exos released steadily from the injectable HA@SDF-1alpha/M2D-Exos "
        "hydrogel promoted osteogenesis and angiogenesis in vitro and in vivo.",
        # BMSC exosomes in an extracellular matrix-like gel for osteoarthritic rats (R220,
        # 10.1186/s12951-024-02713-z).
        "We made a GMOCS-Exos hydrogel and tested how it affected chondrocytes, and in OA rats "
        "the gel furthered cartilage regeneration.",
    ],
)
def test_vesicles_that_name_their_gel_were_implanted_with_it(abstract: str) -> None:
    assert routes(abstract) == {"scaffold_implantation"}


@pytest.mark.parametrize(
    "abstract",
    [
        # The same gel in a dish only: no animal, no route.
        "We made a GMOCS-Exos hydrogel and tested how it affected the viability of "
        "chondrocytes in vitro.",
        # A gel free of vesicles, given to the animals as the control, carries none.
        "In rats, the defects were filled with an exosome-free hydrogel, and bone healing was "
        "measured by micro-CT.",
    ],
)
def test_a_gel_in_a_dish_or_free_of_vesicles_names_no_route(abstract: str) -> None:
    assert routes(abstract) == set()
