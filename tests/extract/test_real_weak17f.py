"""Delivery fields on real phrasings (issue 17): the carrier a study's vesicles were held in,
and the route they took. Each example is a paraphrase of a published abstract (source in the
comment); the first positive test of each class failed before its rule."""

from __future__ import annotations

import pytest
from real_text import found


@pytest.mark.parametrize(
    "abstract",
    [
        # doi:10.2147/IJN.S346755 (Int J Nanomedicine 2022, PDLSC small EVs for rat calvarial
        # defects): the vesicles immobilised in Matrigel, then the EV/Matrigel mix put into
        # one defect.
        "Human periodontal ligament stem cell-derived small EVs (P-EVs) were immobilised in "
        "Matrigel to make a topical cell-free graft. In rats with two calvarial defects, "
        "P-EV/Matrigel filled one defect and PBS/Matrigel the other.",
        # Exosomes of odontogenically primed dental pulp stem cells in pulp-dentin complex
        # regeneration (abstract on https://discovery.researcher.life/topic/
        # regeneration-of-pulp-dentin-complex/16058301): plugs of Matrigel holding the exosomes
        # were grafted under the skin of mice.
        "In vivo, Matrigel plugs and fragments of human tooth roots incorporating DPSC-Exos or "
        "DPSC-Od-Exos were transplanted subcutaneously into mice.",
    ],
)
def test_matrigel_holding_the_vesicles_is_their_hydrogel(abstract: str):
    assert "hydrogel" in found(abstract, "biomaterials", "Vesicles for bone repair")


def test_vesicles_immobilised_in_matrigel_in_animals_were_implanted_with_it():
    abstract = (
        "Human periodontal ligament stem cell-derived small EVs (P-EVs) were immobilised in "
        "Matrigel to make a topical cell-free graft. In rats with two calvarial defects, "
        "P-EV/Matrigel filled one defect and PBS/Matrigel the other."
    )
    assert found(abstract, "delivery_routes") == {"scaffold_implantation"}


@pytest.mark.parametrize(
    "abstract",
    [
        # R91 (Stem Cells Int 2024, 5512423): a Matrigel plug assay is an assay, not a carrier.
        "Exosomes from osteoblasts were given to endothelial cells. A Matrigel plug assay was "
        "also done to see whether exosomal miR-423-5p acts in the same way in vivo.",
        # Tubes formed on Matrigel and cells grown in it hold no vesicles.
        "Endothelial cells treated with BMSC exosomes formed more tubes on Matrigel.",
        "Chondrocytes were cultured in Matrigel and treated with BMSC exosomes.",
    ],
)
def test_matrigel_that_holds_no_vesicles_is_no_carrier(abstract: str):
    assert found(abstract, "biomaterials") == set()


@pytest.mark.parametrize(
    ("abstract", "not_the_material"),
    [
        # doi:10.1016/j.jot.2025.10.011 (J Orthop Translat 2025): the source cells were grown on
        # tissue culture plastic, which the abstract shortens to TCP.
        ("Human adipose-derived stromal cells were expanded to passage 15 on tissue culture "
         "plastic (TCP) or on decellularized extracellular matrix (dECM), and their EVs were "
         "isolated. Compared with TCP-EVs, dECM-EVs better protected cartilage in a rat OA "
         "model.", "beta_TCP"),
        # doi:10.1186/s12967-020-02525-3 (J Transl Med 2020): HA is hydroxyapatite here, so the
        # "DB + HA hydrogel" is no hyaluronic acid gel.
        ("Osteoblast EVs were tested with a hydrogel of decellularized bone (DB) and "
         "hydroxyapatite (HA) in rabbit mandibular defects. EVs and the DB + HA hydrogel "
         "together raised the bone area more than the DB + HA hydrogel alone.",
         "hyaluronic_acid_hydrogel"),
    ],
)  # fmt: skip
def test_a_short_form_names_the_material_its_definition_names(abstract: str, not_the_material):
    assert not_the_material not in found(abstract, "biomaterials", "Vesicles for tissue repair")


@pytest.mark.parametrize(
    ("abstract", "material"),
    [
        ("Exosomes were loaded into a hyaluronic acid (HA) hydrogel, and the HA hydrogel was "
         "implanted into rat cartilage defects.", "hyaluronic_acid_hydrogel"),
        ("Exosomes were seeded on beta-tricalcium phosphate (beta-TCP) scaffolds, and the "
         "beta-TCP scaffolds were implanted into rat calvarial defects.", "beta_TCP"),
    ],
)  # fmt: skip
def test_a_short_form_defined_as_the_material_keeps_it(abstract: str, material: str):
    assert material in found(abstract, "biomaterials", "Vesicles for tissue repair")
