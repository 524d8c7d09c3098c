"""Negated conditions, specific biomaterials over `hydrogel`, ex vivo and clinical settings."""

from real_text import fields_of as fields

from exobone.extract.cues import Cue
from exobone.lexicon import load_lexicon
from exobone.lexicon.loader import build_lexicon
from exobone.schema import vocabulary


def test_a_negated_condition_adds_nothing():
    got = fields(
        "In this study, exosomes were injected into rats with osteoarthritis. Subchondral bone "
        "loss was not significantly altered, and no fracture occurred."
    )
    assert got["conditions"] == ["osteoarthritis"]


def test_a_named_hydrogel_material_replaces_the_generic_label():
    got = fields(
        "In this study, exosomes in an alginate hydrogel were implanted into rat calvarial "
        "defects in vivo."
    )
    assert got["biomaterials"] == ["alginate"]
    plain = fields("In this study, exosomes in an injectable hydrogel were implanted in rats.")
    assert plain["biomaterials"] == ["hydrogel"]


def test_explants_are_ex_vivo_not_in_vitro_or_in_vivo():
    got = fields(
        "In this study, bovine cartilage explants were exposed to IL-1beta and then cultured "
        "with MSC exosomes for 5 days; chondrocytes in the explants took up the exosomes."
    )
    assert got["settings"] == ["ex_vivo"]


def test_patients_and_trials_are_clinical():
    for sentence in (
        "In this study, patients treated with exosome injections were followed for 6 months.",
        "We ran a pilot trial of platelet exosomes in knee osteoarthritis.",
        "In this study, participants received two intra-articular injections of EVs.",
    ):
        assert "clinical" in fields(sentence)["settings"], sentence


def test_huvecs_are_human_umbilical_cord_endothelial_cells():
    got = fields(
        "In this study, BMSC exosomes promoted the migration of human umbilical vein "
        "endothelial cells (HUVECs), and exosome-treated HUVECs formed more tubes."
    )
    assert got["recipient_cells"] == ["endothelial_cell|umbilical_cord|human"]


def test_routes_of_patients_and_of_a_reviews_subject_count():
    ann = fields(
        "In this open-label pilot study, twelve patients with knee osteoarthritis received a "
        "single intra-articular injection of exosomes from umbilical cord MSCs."
    )
    assert "clinical" in ann["settings"]
    assert ann["delivery_routes"] == ["intra_articular_injection"]
    ann = fields(
        "We review animal studies of MSC exosomes in osteoarthritis; intra-articular injection "
        "was the most common route.",
        title="MSC exosomes in osteoarthritis: a systematic review",
    )
    assert ann["study_type"] == "review"
    assert ann["delivery_routes"] == ["intra_articular_injection"]
    # Cells only, no animals or people: a route word names no delivery of the study.
    ann = fields(
        "In this study, exosomes from BMSCs were added to chondrocytes; intra-articular "
        "injection remains to be tested."
    )
    assert ann["delivery_routes"] == []


# Carriers and conditions stated indirectly (paraphrases of real abstracts; sources given).
def _fields(title: str, abstract: str) -> dict:
    return fields(abstract, title)


def test_vesicles_carried_by_a_material_in_animals_were_implanted():
    # Urine stem cell exosomes released from a GelMA-HAMA/nHAP hydrogel (PMC9945756)
    got = _fields(
        "Urine stem cell exosomes released from a composite hydrogel",
        "Here we made a GelMA-HAMA/nHAP composite hydrogel in which the exosomes were "
        "encapsulated and slowly released. In vivo, the hydrogel repaired cranial bone "
        "defects in rats.",
    )
    assert got["delivery_routes"] == ["scaffold_implantation"]
    # Gelatin cryogels seeded with umbilical cord MSC exosomes (doi:10.1177/08853282261463691)
    got = _fields(
        "Gelatin cryogels seeded with exosomes",
        "In this study, gelatin cryogels containing beta-TCP were made. In a rabbit femoral "
        "defect model, exosome-functionalized cryogels gave denser new bone than plain ones.",
    )
    assert got["delivery_routes"] == ["scaffold_implantation"]


def test_carried_vesicles_in_a_dish_or_a_named_route_add_no_implantation():
    got = _fields(
        "x",
        "Exosomes were encapsulated in a gelatin hydrogel and added to chondrocytes in vitro.",
    )
    assert got["delivery_routes"] == []
    got = _fields(
        "x",
        "Exosomes were encapsulated in a gelatin hydrogel and injected intra-articularly in "
        "rats with osteoarthritis.",
    )
    assert got["delivery_routes"] == ["intra_articular_injection"]


def test_a_bone_injury_in_diabetic_animals_is_diabetic_bone_disease():
    # ASC exosomes in rats with type 2 diabetes and nonunion (PMC10003369); BMSC-EVs in
    # 3D-printed scaffolds for calvarial defects in diabetic rats (doi:10.1002/adhm.202203131)
    got = _fields(
        "Adipose stem cell exosomes heal fractures in rats with type 2 diabetes mellitus",
        "In this study, exosomes improved fracture repair in a rat model of nonunion.",
    )
    assert {"nonunion", "diabetic_bone_disease"} <= set(got["conditions"])
    got = _fields(
        "Scaffolds releasing marrow MSC vesicles for bone regeneration in diabetic rats",
        "We tested the scaffolds in a calvarial defect model in diabetic rats.",
    )
    assert "diabetic_bone_disease" in got["conditions"]
    got = _fields("x", "In this study, exosomes improved healing of a femoral defect in rats.")
    assert "diabetic_bone_disease" not in got["conditions"]


def test_vesicles_put_into_the_fracture_site_were_injected_locally():
    # Stem Cell Res Ther 2020 (doi:10.1186/s13287-020-1562-9): marrow MSC exosomes
    # "transplanted into the fracture site", PBS "injected into the fracture sites".
    got = fields(
        "In this study, exosomes were transplanted into the fracture site of rats with femoral "
        "nonunion every week, and controls were injected into the fracture sites with PBS."
    )
    assert got["delivery_routes"] == ["local_injection"]


def test_people_treated_in_a_case_series_or_an_approved_pilot_are_clinical():
    # East et al., J Stem Cell Res 2020 (doi:10.52793/JSCR.2020.1(2)-09): veterans treated with
    # a marrow MSC vesicle product; Ogeus, Open J Orthop Rheumatol 2024
    # (doi:10.17352/ojor.000049): a case series of three men given amniotic exosomes.
    got = fields(
        "Thirty-three veterans were treated with a marrow MSC vesicle product for knee "
        "osteoarthritis, and pain scores fell by half.",
        "IRB approved pilot safety study of a vesicle product for osteoarthritis",
    )
    assert "clinical" in got["settings"]
    got = fields(
        "Three men with chronic joint pain improved after one injection of amniotic exosomes.",
        "Amniotic exosomes for degenerative cartilage disease: a case series",
    )
    assert "clinical" in got["settings"]


def test_implied_conditions_and_gel_materials_are_lexicon_rows():
    """The diabetic-condition row and the gel materials are data: every label they name is a
    vocabulary label, and a row added to the data takes effect."""
    lexicon = load_lexicon()
    conditions, materials = lexicon.labels["conditions"], lexicon.labels["biomaterials"]
    assert lexicon.gel_materials and lexicon.gel_materials <= materials
    assert lexicon.implied_conditions
    for label, cue, beside in lexicon.implied_conditions:
        assert label in conditions and beside <= conditions, label
        assert Cue(cue).needles  # a searchable, lowercase cue
    row = {"cue": r"\bsmok\w*", "beside": ["fracture"], "example": "Smokers' fractures..."}
    built = build_lexicon(vocabulary(), {"implied_conditions": {"smoking_bone_disease": row}})
    assert built.implied_conditions == [("smoking_bone_disease", r"\bsmok\w*", {"fracture"})]


def test_a_fracture_in_diabetic_rats_is_diabetic_bone_disease():
    got = fields(
        "In this study, exosomes of BMSCs were injected into diabetic rats with femoral "
        "fractures, and fracture healing was assessed at 4 weeks."
    )
    assert "diabetic_bone_disease" in got["conditions"]
