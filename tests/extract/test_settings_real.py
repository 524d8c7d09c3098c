"""Settings, routes, models and conditions of issue 17, each class on sentences paraphrased (in
our own words) from at least two independent real published abstracts, run through the whole
extractor.

Sources: R-numbers are records of tests/data/real_paraphrase (their NOTES line gives the DOI);
the others were read with the search tool and are named by DOI or PMC id beside each sentence.
"""

from __future__ import annotations

import pytest
from real_text import fields_of


def found(abstract: str, title: str = "Vesicles in skeletal disease") -> dict[str, set[str]]:
    annotations = fields_of(abstract, title)
    return {
        field: {str(value) for value in annotations[field]}
        for field in (
            "settings", "delivery_routes", "animal_models", "species", "conditions",
            "cell_lines", "durations_days",
        )
    }  # fmt: skip


@pytest.mark.parametrize(
    ("abstract", "route"),
    [
        # Injected into the joint cavity: intra-articular.
        # R63 (10.1186/s12951-024-02451-2)
        ("In a rabbit knee osteochondral defect model, the cord stem cell EVs were injected "
         "into the joint cavity after microfracture.", "intra_articular_injection"),
        # 10.1186/s13018-023-03576-0
        ("One week after surgery the platelet-rich plasma exosomes were injected into the knee "
         "joint cavity of the rats once a week.", "intra_articular_injection"),
        # Injected into the treated site itself: a local injection.
        # R69 (10.1007/s00223-019-00656-4)
        ("In older rats with tibial distraction, the exosomes were injected locally into the "
         "distraction gaps every week.", "local_injection"),
        # 10.1186/s13287-020-1562-9
        ("Saline or exosome-depleted medium was injected into the femoral fracture sites of the "
         "control rats.", "local_injection"),
        # 10.1186/s13287-020-02039-1
        ("The pulp stem cell vesicles were injected into the exposed pulp tissue of rat "
         "incisors.", "local_injection"),
        # R85 (rotator cuff tendinopathy, adipose stem cell exosomes)
        ("After treadmill overuse, the supraspinatus enthesis of each mouse was injected with "
         "the exosomes or saline.", "local_injection"),
    ],
)
def test_where_the_vesicles_were_injected_names_the_route(abstract: str, route: str) -> None:
    assert found(abstract)["delivery_routes"] == {route}


@pytest.mark.parametrize(
    ("abstract", "model"),
    [
        # R55 (10.1186/s13287-020-01781-w)
        ("We studied marrow stem cell exosomes in osteoarthritis. OA was induced in rats by "
         "an injection of sodium iodoacetate into the knee.", "rat|MIA_OA"),
        # R67 (10.1007/s12015-024-10810-7)
        ("We treated disc chondrocytes with exosomes in vitro and injected sodium iodoacetate "
         "into the temporomandibular joint of rats to model the disease.", "rat|MIA_OA"),
    ],
)
def test_sodium_iodoacetate_makes_the_iodoacetate_model(abstract: str, model: str) -> None:
    assert model in found(abstract)["animal_models"]


@pytest.mark.parametrize(
    "abstract",
    [
        # R35 (10.3168/jds.2019-17501)
        "Fewer TRAP-stained cells formed in Raw264.7 cells given the colostrum exosomes.",
        # R59 (10.1186/s12903-023-03842-x)
        "Exosomes of IL-4-induced Raw264.7 cells were added to osteoclasts.",
    ],
)
def test_raw264_7_written_in_lower_case_is_the_cell_line(abstract: str) -> None:
    values = found(abstract)
    assert values["cell_lines"] == {"RAW264.7"}
    assert "mouse" in values["species"]


@pytest.mark.parametrize(
    ("abstract", "model"),
    [
        # R68 (discovery.researcher.life, endothelial-cell exosomes in SNFH)
        ("We asked whether endothelial cell exosomes treat steroid-induced osteonecrosis of the "
         "femoral head (SNFH). Mouse embryo osteoblast precursor cells were treated in vitro. "
         "In vivo, SNFH rats were given the exosomes.", "rat|glucocorticoid_ONFH"),
        # R08 (10.2147/DDDT.S178698)
        ("We studied how marrow stem cell exosomes act on steroid-induced femoral head necrosis "
         "(SFHN) in rats.", "rat|glucocorticoid_ONFH"),
        # 10.7150/ijbs.16150
        ("Early treatment with synovial stem cell exosomes prevented glucocorticoid-induced "
         "osteonecrosis of the femoral head in the rat model.", "rat|glucocorticoid_ONFH"),
    ],
)
def test_steroid_induced_femoral_head_necrosis_is_disease_and_model(
    abstract: str, model: str
) -> None:
    values = found(abstract)
    assert values["animal_models"] == {model}
    assert values["conditions"] == {"osteonecrosis_femoral_head"}


@pytest.mark.parametrize(
    ("abstract", "model"),
    [
        # R01 (PMC6316309): a ligature-induced periodontitis is the disease and its model
        ("Ligature-induced periodontitis was produced in 40 rats over 14 days before the "
         "exosomes were given.", "rat|periodontitis"),
        # R58 (10.1186/s12951-022-01314-y): animals named with the disease
        ("In vivo, the M2 macrophage exosomes lessened alveolar bone resorption in mice with "
         "periodontitis.", "mouse|periodontitis"),
        ("The exosomes prevented bone loss in murine periodontitis models.", "mouse|periodontitis"),
    ],
)
def test_periodontitis_in_animals_is_the_periodontitis_model(abstract: str, model: str) -> None:
    values = found(abstract)
    assert values["animal_models"] == {model}
    assert "periodontitis" in values["conditions"]


@pytest.mark.parametrize(
    ("abstract", "model"),
    [
        # R16 (10.1080/15384101.2020.1863682): the condition, then "<animal> model"
        ("The vesicles were then tested in an IDD mouse model.", "mouse|disc_degeneration"),
        # R58 (10.1186/s12951-022-01314-y): the animal, then the condition
        ("M2 exosomes reduced bone resorption in mice with periodontitis.", "mouse|periodontitis"),
    ],
)
def test_animals_named_with_their_disease_take_its_model(abstract: str, model: str) -> None:
    assert found(abstract)["animal_models"] == {model}


@pytest.mark.parametrize(
    ("abstract", "models"),
    [
        # R43 (PMID 38294408): "bovine" describes the milk, the mice are the model
        ("We examined how vesicles from raw bovine milk act on ovariectomized (OVX) "
         "osteoporotic mice.", {"mouse|ovariectomy"}),
        # R68: "mouse" names embryo cells; the model of the rats is named without its animal
        ("Exosomes were tested on mouse embryo osteoblast precursor cells and in rats. "
         "The exosomes attenuated steroid-induced osteonecrosis of the femoral head.",
         {"rat|glucocorticoid_ONFH"}),
    ],
)
def test_a_models_species_is_a_test_animal(abstract: str, models: set[str]) -> None:
    assert found(abstract)["animal_models"] == models


@pytest.mark.parametrize(
    ("abstract", "model", "days"),
    [
        # R01 (PMC6316309): the study starts with the model it produced
        ("Adjunctive treatments are sought for periodontal therapy. Ligature-induced "
         "periodontitis was produced in 40 rats over 14 days, and the animals were split into "
         "groups. Specimens were assessed by histology.", "rat|periodontitis", "14"),
        # R55 (10.1186/s13287-020-01781-w)
        ("Osteoarthritis damages cartilage. OA was induced in rats by injection of sodium "
         "iodoacetate, and the knees were studied for 6 weeks.", "rat|MIA_OA", "42"),
    ],
)
def test_a_model_induced_in_animals_is_the_studys_own_work(
    abstract: str, model: str, days: str
) -> None:
    values = found(abstract)
    assert model in values["animal_models"]
    assert days in values["durations_days"]


@pytest.mark.parametrize(
    "abstract",
    [
        # R64 (PMC7196084): the vesicles injected, no animal named
        "Chondrocytes grew faster with both exosome kinds. Injection of 2D-Exos and 3D-Exos "
        "improved the gross appearance and attenuated the cartilage defect.",
        # R87 (10.1186/s13287-021-02438-y): the vesicles injected
        "Injecting the necrotic-bone exosomes thinned and disrupted the trabeculae of the "
        "femoral heads.",
        # R44 (discovery.researcher.life, hydrogel glue patch): a defect the vesicles repaired
        "The exosome patch joined the native cartilage and finally promoted repair of the "
        "cartilage defects.",
        # R82 (M2 macrophage exosomes in diabetic fractures): a fracture they healed
        "M2 macrophage exosomes lowered the share of M1 macrophages and so accelerated the "
        "healing of the diabetic fractures.",
        # R31 (10.1002/advs.202001334): a carrier of the vesicles grew tissue
        "The purified exosomes were loaded into titanium scaffolds, and the exosome-coated "
        "scaffolds regenerated bone tissue within 12 weeks.",
        # R80 (PMC8961306)
        "In a calvarial defect model, the exosome-functionalized scaffolds promoted new bone "
        "formation and osseointegration.",
        # the row "<vesicles> were injected" with the vesicle word hyphenated to its source
        "Chondrocytes took up the vesicles. The BMSC-exosomes were repeatedly injected into the "
        "knee joints weekly.",
    ],
)
def test_vesicles_injected_or_healing_a_lesion_are_in_vivo_work(abstract: str) -> None:
    assert "in_vivo" in found(abstract)["settings"]


@pytest.mark.parametrize(
    "abstract",
    [
        # R65 (10.1002/jev2.70224)
        "In a randomized clinical trial, autologous circulating vesicles given to patients with "
        "temporomandibular joint osteoarthritis improved condylar bone regeneration.",
        # 10.3390/bioengineering11020171
        "This randomized controlled clinical trial tests injections of stromal vascular fraction "
        "into patients' joints with temporomandibular joint osteoarthritis.",
    ],
)
def test_a_model_label_naming_patients_disease_is_no_animal_work(abstract: str) -> None:
    values = found(abstract)
    assert values["settings"] == {"clinical"}
    assert values["animal_models"] == set()


@pytest.mark.parametrize(
    ("abstract", "conditions"),
    [
        # Cartilage damage of an osteoarthritic joint is no cartilage defect.
        # R55 (10.1186/s13287-020-01781-w)
        ("Marrow stem cell exosomes protected against cartilage damage and relieved knee pain "
         "in a rat model of osteoarthritis.", {"osteoarthritis"}),
        # R76 (10.18632/aging.104110)
        ("In osteoarthritic mice the exosomes lessened cartilage damage and reduced osteophyte "
         "formation.", {"osteoarthritis"}),
        # R62 (10.1007/s00441-020-03319-1)
        ("The TGF-beta1-stimulated exosomes attenuated cartilage damage in OA rats.",
         {"osteoarthritis"}),
        # An inflamed periodontium is periodontitis.
        # R84 (gingival stem cell exosomes, title)
        ("Gingival stem cell exosomes regulate two pathways in the periodontal inflammation "
         "microenvironment of ligament stem cells.", {"periodontitis"}),
        # R30 (PMC6321485)
        ("Vesicles of preconditioned ligament stem cells could be a target against "
         "inflammation in the periodontium.", {"periodontitis"}),
    ],
)
def test_what_the_disease_words_name(abstract: str, conditions: set[str]) -> None:
    assert found(abstract)["conditions"] == conditions


@pytest.mark.parametrize(
    "abstract",
    [
        # R78 (chondrocyte EVs with MSCs in chitosan-HA hydrogel)
        "In a rabbit osteochondral defect model, hyaline-like cartilage filled the cartilage "
        "defect sites of the hydrogel groups.",
        # R22 (10.2147/IJN.S327059)
        "Cartilage defects such as osteoarthritis and osteochondral defects remain hard to "
        "treat; we reviewed exosomes for their repair.",
    ],
)
def test_a_cartilage_defect_named_beside_an_osteochondral_one_is_kept(abstract: str) -> None:
    assert {"cartilage_defect", "osteochondral_defect"} <= found(abstract)["conditions"]


@pytest.mark.parametrize(
    "abstract",
    [
        # R71 (10.1093/jbmrpl/ziaf164)
        "Accumulated microdamage raises the risk of fracture in postmenopausal osteoporosis. We "
        "therefore sought how exosomes from young rats protect bone after fatigue loading in "
        "ovariectomized rats.",
        # R64 (PMC7196084)
        "Animal and clinical studies show that stem cells help fracture repair. We therefore "
        "studied how exosomes from cord stem cells act on chondrocytes in vitro.",
    ],
)
def test_we_therefore_starts_the_studys_own_account(abstract: str) -> None:
    assert "fracture" not in found(abstract)["conditions"]


@pytest.mark.parametrize(
    ("abstract", "settings"),
    [
        # R62 (10.1007/s00441-020-03319-1): the macrophages were those of the OA rats
        ("The stimulated marrow stem cell exosomes attenuated cartilage damage in OA rats and "
         "repressed the M1 polarization of synovial macrophages caused by OA.", {"in_vivo"}),
        # R65 (10.1002/jev2.70224): the chondrocytes were the patients'
        ("In a randomized clinical trial, circulating vesicles (C-EVs) given to patients with "
         "osteoarthritis selectively removed senescent chondrocytes.", {"clinical"}),
    ],
)
def test_cells_reached_inside_animals_or_patients_are_no_in_vitro_work(
    abstract: str, settings: set[str]
) -> None:
    assert found(abstract)["settings"] == settings


@pytest.mark.parametrize(
    "abstract",
    [
        # R42 (Hindawi sci 2022 9896444): a disease model given to cells in a dish
        "The marrow stem cell exosomes inhibited apoptosis of LPS-treated NPCs, and their "
        "intramuscular injection alleviated disc degeneration in rat IDD models.",
        # R02 (10.1186/s13287-020-02005-x): a cell-level process of the recipients
        "The exosomes promoted the proliferation of HUVECs, and after rotator cuff repair in "
        "rats they were injected into the tail vein.",
    ],
)
def test_cells_treated_in_a_dish_beside_animal_work_stay_in_vitro(abstract: str) -> None:
    assert found(abstract)["settings"] == {"in_vitro", "in_vivo"}


@pytest.mark.parametrize(
    "abstract",
    [
        # R88 (senescent osteocyte exosomes): the aim names the disease
        "Aims: To study how senescent osteocytes affect bone as age-related osteoporosis "
        "progresses. Methods: Exosomes of senescent MLO-Y4 cells were applied to MC3T3-E1 "
        "cells.",
        # R85 (rotator cuff tendinopathy): the purpose names it
        "Background: Macrophages matter in tendon healing. Purpose: To find out whether "
        "adipose stem cell exosomes ameliorate tendinopathy. Methods: Macrophages were "
        "treated in vitro.",
    ],
)
def test_a_structured_abstracts_aim_is_the_studys_own(abstract: str) -> None:
    assert found(abstract)["conditions"] & {"osteoporosis", "tendon_injury"}
