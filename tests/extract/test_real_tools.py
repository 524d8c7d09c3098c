"""Animals that only gave the vesicles or the cells are no work in vivo (issue 17).

Each case paraphrases a published abstract (source in the comment). The animal-model rule
already sets donors and species adjectives aside ("bovine milk", "cells from rats"); the
in vivo setting read the same animals without that filter.
"""

from exobone.extract import Extractor
from exobone.model import Record


def fields(abstract: str, title: str = "") -> dict:
    return Extractor().extract(Record(title=title, abstract=abstract), "S01").annotations


def test_a_species_adjective_of_the_vesicle_source_is_no_animal_study():
    # real_paraphrase R95 (10.1002/mnfr.202100764): milk vesicles tested on patients' cartilage
    # explants and on chondrocytes; no animal received them.
    got = fields(
        "Vesicles were isolated from cow milk and added to cartilage explants of osteoarthritis "
        "patients ex vivo; chondrocytes were also incubated with the vesicles. The vesicles "
        "lowered the release of sulphated glycosaminoglycans and the expression of ADAMTS5.",
        title="Bovine milk-derived extracellular vesicles dampen catabolic processes in "
        "osteoarthritic cartilage",
    )
    assert "in_vivo" not in got["settings"]
    assert "ex_vivo" in got["settings"]


def test_donor_animals_of_the_source_cells_are_no_animal_study():
    # 10.1155/2021/9011548 (outside the corpus): vesicles of rabbit marrow MSCs and
    # chondrocytes tested on MSCs in culture for three weeks; no animal was treated.
    got = fields(
        "Vesicles were collected from the culture media of MSCs and chondrocytes harvested from "
        "rabbits. MSCs were given 50, 100 or 150 ug/ml of either vesicle for 21 days, and "
        "collagen type II rose most with the MSC vesicles.",
    )
    assert "in_vivo" not in got["settings"]


def test_animals_given_the_vesicles_still_make_an_animal_study():
    # 10.3168/jds.2019-17501 (outside the corpus), the guard: bovine colostrum exosomes fed to
    # mice with glucocorticoid-induced osteoporosis are work in vivo.
    got = fields(
        "Exosomes from bovine colostrum were given orally to mice for two months, and "
        "osteoporosis was then induced with glucocorticoid pellets. Bone mineral density of the "
        "exosome-fed mice was higher than in the osteoporosis group.",
    )
    assert "in_vivo" in got["settings"]


def test_a_species_adjective_of_a_model_still_makes_an_animal_study():
    # real_paraphrase R58 (10.1186/s12951-022-01314-y), the guard: "murine" names the
    # animals of the model a word before "models".
    got = fields("The exosomes prevented bone loss in murine periodontitis models.")
    assert "in_vivo" in got["settings"]


def test_a_molecule_named_before_the_experimenters_tool_is_no_effect():
    # real_paraphrase R98 (10.1016/j.cellsig.2019.109504): Rab27a is what the siRNAs silence to
    # block secretion, not a molecule the vesicles raised (read as RAB27A|up before).
    got = fields(
        "Osteoclast exosomes suppressed RUNX2 in osteoblasts. Exosome secretion was blocked "
        "with GW4869 and with Rab27a siRNAs."
    )
    assert got["molecular_effects"] == ["RUNX2|down"]


def test_a_protein_whose_name_holds_inhibitor_keeps_its_direction():
    # real_paraphrase R86 (10.1186/s13287-020-01991-2), the guard: PAI-1 is a molecule the
    # vesicles raised, though its name ends in "inhibitor 1".
    got = fields(
        "Exosomes raised the expression of plasminogen activator inhibitor 1 in endothelial cells."
    )
    assert got["molecular_effects"] == ["SERPINE1|up"]
