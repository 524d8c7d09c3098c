"""Classes of study-design errors (routes, carriers, settings, animal models) found in issue
17's survey of fresh real text and the real_paraphrase corpus's residual errors (quality17v:
R440-R444 with the corpus's R60, R168, R227, R244, R349 and R384), each fixed for the whole
class with two real examples (paraphrased in our own words, the source beside each) and a guard
for what the rule must not catch.
"""

from __future__ import annotations

import pytest
from real_text import found

TITLE = "Vesicle study"


# --- vesicles applied to the treated site -------------------------------------------------------
@pytest.mark.parametrize(
    "abstract",
    [
        # R444 (miR-375 hASC exosomes in a hydrogel; doi:10.1111/cpr.12669)
        "Last, the exosomes held in a hydrogel were applied to a rat model of calvarial defect, "
        "and new bone was measured by micro-CT.",
        # R60 (ASC EVs after flexor tendon repair; J Orthop Res 2020, profiles.wustl.edu)
        "EVs were taken from the medium of adipose stem cells and were applied to the repair "
        "site of dog tendons on a collagen sheet, and healing was followed in vivo.",
    ],
)
def test_vesicles_applied_to_the_site_are_applied_locally(abstract: str) -> None:
    routes = found(abstract, "delivery_routes", TITLE)
    assert "local_application" in routes
    assert "scaffold_implantation" not in routes  # a named route is the route (holdout H16)


def test_vesicles_applied_to_cells_name_no_route() -> None:
    """Guard: vesicles applied to cells in a dish reached no animal, whatever follows."""
    routes = found(
        "In vivo work used rats. The exosomes were applied to normal nucleus pulposus cells, "
        "and apoptosis was measured.",
        "delivery_routes",
        TITLE,
    )
    assert "local_application" not in routes


def test_something_else_applied_to_a_defect_is_no_route_of_the_vesicles() -> None:
    """Guard: what the sentence applies is the subject before the verb; saline applied to the
    other defect of the rats is the control, not the vesicles' route."""
    routes = found(
        "Rats with two calvarial defects were used in vivo. Saline was applied to the "
        "contralateral defect of each rat.",
        "delivery_routes",
        TITLE,
    )
    assert "local_application" not in routes


# --- bone stripped of its cells as the vesicles' carrier ------------------------------------------
@pytest.mark.parametrize(
    "abstract",
    [
        # R442 (urine stem cell exosomes printed in a scaffold; doi:10.7150/thno.123700)
        "GelMA, decellularized bone matrix (DBM) and urine stem cell exosomes were printed "
        "together into one scaffold.",
        # R349 (osteoblast vesicles with decellularized bone and hydroxyapatite;
        # doi:10.1186/s12967-020-02525-3), the title's wording
        "The rabbit mandibular defects were filled with a gel of decellularized bone matrix "
        "and hydroxyapatite carrying osteoblast vesicles.",
    ],
)
def test_decellularized_bone_matrix_is_an_ecm_scaffold(abstract: str) -> None:
    assert "ECM_scaffold" in found(abstract, "biomaterials", TITLE)


def test_demineralized_bone_alone_keeps_its_own_reading() -> None:
    """Guard: bone named with no matrix word ('decellularized sheep bone was checked by
    H&E') is the tissue, not the carrier's name; only the matrix is read."""
    materials = found(
        "The quality of decellularized sheep bone was checked by H&E staining.",
        "biomaterials",
        TITLE,
    )
    assert "ECM_scaffold" not in materials


# --- a level the study measured in patients -------------------------------------------------------
@pytest.mark.parametrize(
    "abstract",
    [
        # R168 (exosomal circFAM63B in postmenopausal osteoporosis; J Orthop Res 2024)
        "We found that an exosomal circRNA was expressed far more in PMOP patients, in line "
        "with their bone density, and it held back bone formation in ovariectomized mice.",
        # R227 (miR-26a-5p hBMSC exosomes in OA; Int Immunopharmacol 2020)
        "The miRNA was poorly expressed, and its target gene highly expressed, in OA patients "
        "and in synovial fibroblasts treated with IL-1beta.",
    ],
)
def test_a_level_measured_in_patients_makes_the_study_clinical(abstract: str) -> None:
    assert "clinical" in found(abstract, "settings", TITLE)


def test_patients_named_without_a_measure_are_not_a_clinical_setting() -> None:
    """Guard: patients who are only the people a disease affects, or a level the background
    cites, make no clinical study."""
    settings = found(
        "Osteoarthritis is common in elderly patients. In vitro, exosomes raised the "
        "viability of chondrocytes.",
        "settings",
        TITLE,
    )
    assert "clinical" not in settings


# --- a title's animal that is only the donor of the cells ----------------------------------------
@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        # R384 (exosomal miR-16 of TNF-alpha-stimulated NP cells; doi:10.21037/atm-21-227)
        (
            "Stimulated nucleus pulposus cells release exosomal miR-16 that induces apoptosis "
            "in rats",
            "We asked whether exosomes released by rat nucleus pulposus cells under inflammation "
            "make normal NP cells die, and by which mechanism.",
        ),
        # R244 (condylar chondrocyte exosomes under tensile stress; doi:10.3389/fbioe.2022.1061855)
        (
            "Condylar chondrocyte exosomes and condylar cartilage osteogenesis in rats under "
            "tensile stress",
            "Rat condylar chondrocytes were cultured at rest or under tensile stress, and the "
            "exosomes they released were extracted and given to BMSCs.",
        ),
    ],
)
def test_a_title_animal_that_only_gave_the_cells_is_no_animal_model(
    title: str, abstract: str
) -> None:
    assert not any(value.startswith("rat|") for value in found(abstract, "animal_models", title))
    assert "in_vivo" not in found(abstract, "settings", title)


def test_a_title_animal_the_abstract_names_as_animals_stays() -> None:
    """Guard: the abstract that names the animals apart from the cells (rats of a model, an
    air pouch model in mice) keeps the title's animals, as does an abstract that names no
    species at all (a cut page)."""
    title = "Exosomes relieve osteoarthritis in rats"
    abstract = (
        "Rat BMSC exosomes were given to chondrocytes. Sprague-Dawley rats with osteoarthritis "
        "then received the exosomes."
    )
    assert "rat|" in found(abstract, "animal_models", title)
    assert "rat|" in found(
        "Exosomes from stem cells were prepared and characterised.", "animal_models", title
    )
