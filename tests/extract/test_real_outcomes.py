"""Outcome (phenotype) phrasings of issue 17, each class on sentences paraphrased in our own words
from at least two independent real published abstracts, run through the whole extractor.

R-numbers are records of tests/data/real_paraphrase (their NOTES line gives the DOI); the other
sources were read with the search tool and are named by DOI or URL beside each sentence.
"""

from __future__ import annotations

import pytest
from real_text import EXTRACTOR

from exobone.model import Record


def outcomes(abstract: str, title: str = "Vesicles in skeletal repair") -> set[str]:
    record = Record(title=title, abstract=abstract)
    return set(EXTRACTOR.extract(record, "T").annotations["outcomes"])


# How real abstracts state that the vesicles made new bone (or cartilage) without the words
# "bone regeneration": osseointegration of an implant, "bone tissue regeneration", and the tissue
# as the object of "regenerate".
@pytest.mark.parametrize(
    ("abstract", "value"),
    [
        # R03 (10.1186/s40824-022-00331-0): peptide-captured exosomes on titanium
        (
            "The peptide system brought the exosomes onto the titanium surface and so enhanced "
            "osseointegration after implantation.",
            "bone_regeneration|increase",
        ),
        # 10.3389/fbioe.2023.1198545 (title): exosomes in fibrin on a tantalum-coated implant
        (
            "Marrow stromal cell exosomes held in fibrin on tantalum-coated titanium implants "
            "accelerated osseointegration in the rabbit tibia.",
            "bone_regeneration|increase",
        ),
        # R25 (10.3389/fbioe.2022.920378): review naming what exosomes do
        (
            "Exosomes carry bioactive molecules and promote bone tissue regeneration through "
            "their osteogenic and angiogenic potential.",
            "bone_regeneration|increase",
        ),
        # R32 (10.3892/mmr.2023.13017): exosomes added to porous tantalum
        (
            "Micro-CT and histology showed that adding the exosomes to the tantalum scaffold "
            "further promoted bone tissue regeneration.",
            "bone_regeneration|increase",
        ),
        # encyclopedia.pub entry 61912 (MSC-EVs in bone defects): vesicles that stimulate it
        (
            "Exosomes from stem cells take part in repairing injuries, for instance by "
            "stimulating bone tissue regeneration.",
            "bone_regeneration|increase",
        ),
        # R96 (PMC7900016): the sEV-coated matrix scaffold in calvarial defects
        (
            "The bone matrix scaffold coated with miR-324-rich vesicles regenerated bone best "
            "in the calvarial defects.",
            "bone_regeneration|increase",
        ),
        # R31 (PMC7539212): exosome-coated titanium scaffolds
        (
            "Scaffolds coated with the exosomes regenerate bone tissue as well as scaffolds "
            "seeded with stem cells.",
            "bone_regeneration|increase",
        ),
        # R78 (chondrocyte EVs with MSCs in a chitosan-hyaluronic acid gel)
        (
            "On MRI, the MSCs treated with chondrocyte vesicles in the gel regenerated "
            "cartilage better than untreated MSCs.",
            "cartilage_regeneration|increase",
        ),
    ],
)
def test_bone_and_cartilage_formation_by_other_names(abstract: str, value: str) -> None:
    assert value in outcomes(abstract)


def test_the_ability_to_regenerate_bone_is_no_result() -> None:
    # an infinitive names a capacity or an aim, not what the vesicles did
    found = outcomes("Whether the vesicles keep the ability to regenerate bone is unknown.")
    assert not any(value.startswith("bone_regeneration") for value in found)


# "Cartilage damage" is cartilage degradation, whichever verb lessens it ("attenuated",
# "lessened", "protect against", "improved": improvers lessen a harm).
@pytest.mark.parametrize(
    "abstract",
    [
        # R62 (Wang and Xu 2021, Cell Tissue Res): TGF-beta1-primed MSC exosomes in OA rats
        "The primed marrow stem cell exosomes attenuated cartilage damage in the OA rats.",
        # R62, the results: the damage to the cartilage tissue named after its noun
        "The exosomes lowered serum inflammatory factors and the damage to cartilage tissue.",
        # R76 (10.18632/aging.104110): marrow stem cell exosomes in OA mice
        "The exosomes lessened cartilage damage and reduced the formation of osteophytes.",
        # R55 (10.1186/s13287-020-01781-w, title): exosomes against damage and pain
        "Exosomes from marrow stem cells protect against cartilage damage and ease knee pain "
        "in osteoarthritic rats.",
    ],
)
def test_cartilage_damage_lessened(abstract: str) -> None:
    assert "cartilage_degradation|decrease" in outcomes(abstract)


def test_cartilage_damage_as_the_disease_background_is_no_result() -> None:
    found = outcomes("Osteoarthritis is marked by cartilage damage and synovial inflammation.")
    assert not any(value.startswith("cartilage_degradation") for value in found)


# In records of the intervertebral disc, bare "degeneration" is the disc's (of its nucleus
# pulposus cells), not cartilage degradation.
@pytest.mark.parametrize(
    "abstract",
    [
        # R45 (10.1186/s12891-024-07636-2): NPC degeneration modelled with IL-1beta
        "In this model of intervertebral disc degeneration, exosomes from urine stem cells "
        "rescued the degeneration of nucleus pulposus cells induced by interleukin-1beta.",
        # R14 (PMC8471333): disc therapies judged by how far they reverse degeneration
        "Exosomes are a new therapy for intervertebral disc degeneration, since treatments so "
        "far have reversed degeneration only partly.",
    ],
)
def test_degeneration_in_disc_records_is_not_cartilage_degradation(abstract: str) -> None:
    assert not any(value.startswith("cartilage_degradation") for value in outcomes(abstract))


def test_joint_degeneration_outside_the_disc_is_still_cartilage_degradation() -> None:
    found = outcomes("Intra-articular exosomes slowed joint degeneration in osteoarthritic rats.")
    assert "cartilage_degradation|decrease" in found


# Two kinds of differentiation sharing one noun ("osteogenic and adipogenic differentiation"):
# the first adjective is a target of its own, moved by the verb before it.
@pytest.mark.parametrize(
    ("abstract", "value"),
    [
        # R50 (10.2217/rme-2021-0004): ADSC exosomes in a hydrogel on tendon stem cells
        (
            "The hydrogel holding the stem cell exosomes clearly improved osteogenic and "
            "adipogenic differentiation of the tendon stem cells.",
            "osteogenic_differentiation|increase",
        ),
        # R117 (10.1016/j.bioactmat.2021.02.014): each adjective moved by its own verb
        (
            "The hybrid exosome particles reached the marrow and released antagomir-188, which "
            "promoted osteogenic and suppressed adipogenic differentiation of BMSCs.",
            "osteogenic_differentiation|increase",
        ),
        (
            "The hybrid exosome particles reached the marrow and released antagomir-188, which "
            "promoted osteogenic and suppressed adipogenic differentiation of BMSCs.",
            "adipogenic_differentiation|decrease",
        ),
    ],
)
def test_differentiations_sharing_one_noun(abstract: str, value: str) -> None:
    assert value in outcomes(abstract)


# Macrophages moved toward M2 (or from a pro- to an anti-inflammatory phenotype) are less
# activated (issue 17 convention), whatever the verb that moves them.
@pytest.mark.parametrize(
    "abstract",
    [
        # R102 (10.1186/s13287-020-02039-1): DPSC small EVs
        "The dental pulp stem cell vesicles switched macrophages to the pro-healing M2 "
        "phenotype by inhibiting TLR and NF-kappaB signalling.",
        # R102, its mechanism sentence
        "Exosomal miR-125a-3p moved macrophages toward the M2 phenotype.",
        # R115 (10.1016/j.bioactmat.2020.07.002): DPSC exosomes in a chitosan hydrogel
        "The exosome hydrogel made macrophages in the periodontium switch from a "
        "pro-inflammatory to an anti-inflammatory phenotype.",
    ],
)
def test_macrophages_moved_toward_m2(abstract: str) -> None:
    assert "macrophage_activation|decrease" in outcomes(abstract)


def test_m2_macrophages_as_the_source_are_no_switch() -> None:
    found = outcomes("Exosomes were isolated from M2 macrophages and given to marrow stem cells.")
    assert not any(value.startswith("macrophage_activation") for value in found)


# Cells stained for senescence-associated beta-galactosidase count senescent cells: fewer of
# them is less senescence, even where the word "senescence" is not written.
@pytest.mark.parametrize(
    "abstract",
    [
        # R16 (10.1080/15384101.2020.1863682): BMSC-EVs on nucleus pulposus cells
        "After the vesicle treatment, the number of SA-beta gal positive cells and the rate of "
        "apoptosis of the nucleus pulposus cells fell.",
        # 10.18632/aging.206158 (outside the corpus): adipose MSC EVs on OA chondrocytes
        "Adding the adipose stromal cell EVs reduced the number of SA-β-Gal-positive chondrocytes "
        "and the release of SASP factors.",
    ],
)
def test_fewer_beta_galactosidase_stained_cells(abstract: str) -> None:
    assert "senescence|decrease" in outcomes(abstract)


def test_the_stain_as_a_method_is_no_result() -> None:
    found = outcomes("Senescence-associated beta-galactosidase staining of the exosome groups.")
    assert not any(value.startswith("senescence") for value in found)


# "Fracture repair" is fracture healing, as the fracture's "healing" or "union" is.
@pytest.mark.parametrize(
    ("abstract", "value"),
    [
        # R06 (PMC10003369): adipose stem cell exosomes in diabetic rats with nonunion
        (
            "Radiographs and histology showed that the adipose stem cell exosomes improved "
            "fracture repair in the nonunion model.",
            "fracture_healing|increase",
        ),
        # R83 (10.1186/s12951-021-00964-8): harmful exosomes of diabetic marrow macrophages
        (
            "Exosomes from the marrow macrophages of diabetic mice impaired fracture repair.",
            "fracture_healing|decrease",
        ),
    ],
)
def test_fracture_repair_is_fracture_healing(abstract: str, value: str) -> None:
    assert value in outcomes(abstract)


# A sentence that says what was examined ("examined how they induce ...") reports no result,
# as one asking "whether" does not.
def test_examining_how_the_vesicles_act_is_no_result() -> None:
    # R66 (PMC8800263): matrix vesicles of dental follicle cells
    found = outcomes(
        "We compared the two kinds of matrix vesicles and examined how they induce cell "
        "proliferation, migration and mineralization."
    )
    assert found == set()


@pytest.mark.parametrize(
    "abstract",
    [
        # R71 (its NOTES line): an aim in the same form, with a verb of its own
        "A rat model of tibial fatigue injury was set up to study how exosomes from the serum "
        "of young rats protect bone after fatigue damage.",
        # R54 (hypoxic ADSC EVs on cartilage progenitors): an aim whose verb has no sign
        "We evaluated how vesicles from hypoxic adipose stem cells affect the proliferation of "
        "cartilage progenitor cells.",
    ],
)
def test_aims_asking_how_give_no_outcome(abstract: str) -> None:
    assert outcomes(abstract) == set()


def test_showing_how_is_still_a_result() -> None:
    found = outcomes("The study showed how the exosomes increased the proliferation of BMSCs.")
    assert "cell_proliferation|increase" in found


# How much bone there is (bone mass, bone volume, BV/TV) measures new bone in a defect and
# bone loss where the bone is lost to a disease: osteoporosis and, as the corpus's gold has it
# for R68 and R87 (exosomes that thinned the trabeculae: bone_loss|increase), necrosis of the
# femoral head.
@pytest.mark.parametrize(
    ("abstract", "title", "value"),
    [
        # R124 (10.3892/mmr.2024.13393): DPSC-EV hydrogels in alveolar bone defects
        (
            "New bone grew in the sockets treated with the vesicle hydrogels, with more bone "
            "mass than in the control group.",
            "Dental pulp stem cell vesicles in rats with alveolar bone defects",
            "bone_regeneration|increase",
        ),
        # R68 (its NOTES line): endothelial cell exosomes in steroid-induced necrosis
        (
            "Rats with steroid-induced osteonecrosis of the femoral head treated with the "
            "exosomes had a higher bone volume per tissue volume (BV/TV).",
            "Endothelial cell exosomes in osteonecrosis of the femoral head",
            "bone_loss|decrease",
        ),
    ],
)
def test_bone_quantity_read_by_its_disease(abstract: str, title: str, value: str) -> None:
    assert value in outcomes(abstract, title)


def test_the_regenerated_tissue_named_as_a_thing_is_no_result() -> None:
    # R63 (hWJMSC-EVs after microfracture): the tissue described, not a verb's result
    found = outcomes(
        "In the regenerated cartilage taken from the vesicle group, ITGB1 and Smad2/3 changed "
        "in step with the repair."
    )
    assert not any(value.startswith("cartilage_regeneration") for value in found)
