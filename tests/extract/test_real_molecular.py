"""Classes of `molecular_effects` and `ev_cargo` errors of issue 17, each on sentences
paraphrased (in our own words) from at least two independent real published abstracts, run
through the whole extractor.

Sources: R-numbers are records of tests/data/real_paraphrase (their NOTES line gives the DOI);
the others were read with the search tool and are named by DOI or PMC id beside each sentence.
"""

from __future__ import annotations

import pytest
from real_text import EXTRACTOR

from exobone.extract.pipeline import build_document
from exobone.model import Record


def found(abstract: str, title: str = "Vesicles in skeletal disease") -> dict[str, set[str]]:
    annotations = EXTRACTOR.extract(Record(title=title, abstract=abstract), "T").annotations
    return {field: set(annotations[field]) for field in ("molecular_effects", "ev_cargo")}


@pytest.mark.parametrize(
    ("abstract", "cargo"),
    [
        # R31 (10.1002/advs.202001334): the vesicles' cargos, listed with their changes
        (
            "Sequencing suggests that the osteogenic exosomes work through their cargos, "
            "including upregulated osteogenic miRNAs (miR-146a-5p and miR-503-5p) and "
            "downregulated anti-osteogenic miRNAs (miR-32-5p and miR-133a-3p), which activate "
            "the PI3K/Akt pathway.",
            {"miR-146a-5p", "miR-503-5p", "miR-32-5p", "miR-133a-3p"},
        ),
        # 10.1186/s12951-021-01236-1: miRNAs highly enriched in the vesicles, listed
        (
            "We also found five miRNAs highly enriched in the hUCMSC-EVs, including miR-122-5p, "
            "miR-148a-3p and miR-486-5p, by high-throughput small RNA sequencing.",
            {"miR-122-5p", "miR-148a-3p", "miR-486-5p"},
        ),
        # R130 (the same study as above, as the corpus paraphrases it): the list after a colon
        (
            "Small RNA sequencing then named four miRNAs most enriched in the EVs: "
            "miR-122-5p, miR-148a-3p, miR-486-5p and miR-100-5p.",
            {"miR-122-5p", "miR-148a-3p", "miR-486-5p", "miR-100-5p"},
        ),
    ],
)
def test_a_listed_cargo_profile_is_cargo(abstract: str, cargo: set[str]) -> None:
    values = found(abstract)
    assert values["ev_cargo"] == cargo
    assert not any(v.startswith("miR-") for v in values["molecular_effects"])


def test_a_list_after_the_recipients_is_not_cargo() -> None:
    """Only molecules listed after the vesicles' own profile words are cargo."""
    values = found(
        "The exosomes raised genes enriched in the chondrocytes, including COL2A1 and ACAN."
    )
    assert values["ev_cargo"] == set()


@pytest.mark.parametrize(
    ("abstract", "values"),
    [
        # R60 (profiles.wustl.edu, ASC EVs after tendon repair): the genes rose after the
        # injury and the vesicles, subject of the undoing verb, damped 'this rise'
        (
            "After repair, the pro-inflammatory genes Il1b and Ifng climbed steeply in the "
            "tendons, and EVs from primed, but not from naive, ASCs damped this rise.",
            {"IL1B|down", "IFNG|down"},
        ),
        # R66 (PMC8800263): one kind of vesicles activated a pathway and the other 'inhibited
        # this cascade'
        (
            "Western blots showed the MAPK pathway activated in the cells, whereas the media "
            "microvesicles (MMVs) inhibited this cascade.",
            {"MAPK_signaling|down"},
        ),
        # PMC8405079 (10.22074/cellj.2021.7127): genes raised by IL-1beta, whose levels then
        # fell after co-culture with the exosomes
        (
            "By RT-qPCR, IL-1beta treatment markedly up-regulated IL-6 and MMP-13, while their "
            "mRNA levels fell after co-culture with the marrow stem cell exosomes.",
            {"IL6|down", "MMP13|down"},
        ),
    ],
)
def test_the_vesicles_undo_a_change_named_by_an_anaphor(abstract: str, values: set[str]) -> None:
    assert found(abstract)["molecular_effects"] == values


def test_an_anaphor_undone_by_another_agent_is_no_vesicle_effect() -> None:
    """Nothing is reversed when no vesicle is the subject or named after the anaphor."""
    effects = found(
        "Exosomes were taken up by chondrocytes. IL-6 rose in the injured tendons, and the "
        "NF-kB inhibitor damped this rise."
    )["molecular_effects"]
    assert "IL6|down" not in effects


@pytest.mark.parametrize(
    ("abstract", "value"),
    [
        # R128 (tendon stem cell exosomes): the MAPK branch written with its generic name
        (
            "Tenocytes took up the TSC-Exos, which raised their proliferation, possibly by "
            "activating the MAPK/ERK1/2 pathway.",
            "MAPK_ERK|up",
        ),
        # R129 (10.1186/s13287-022-02767-6): p38 named before the generic word
        (
            "The DFSC-sEVs also activated p38 MAPK signalling in the ligament stem cells.",
            "MAPK_p38|up",
        ),
    ],
)
def test_a_mapk_branch_named_with_mapk_is_the_branch_only(abstract: str, value: str) -> None:
    assert found(abstract)["molecular_effects"] == {value}


def test_vesicles_named_clauses_after_a_target_do_not_make_it_cargo() -> None:
    """R38 (PMC8290518): the effect 'of M2D-Exos' named in a later clause does not make the
    molecules raised in the first clause the vesicles' cargo (a narrowing of cargo_in's reach,
    not a new reading)."""
    effects = found(
        "Treating BMSCs with M2D-Exos increased their levels of miR-690 and IRS-1, and "
        "knocking down miR-690 in the source macrophages with an inhibitor partly undid the "
        "effect of M2D-Exos on BMSC differentiation and on the rise of IRS-1."
    )["molecular_effects"]
    assert {"miR-690|up", "IRS1|up"} <= effects


def test_a_molecule_measured_in_the_vesicles_is_still_cargo() -> None:
    """The cargo reading right after the molecule stays (guard for the narrowing above)."""
    values = found("The level of miR-21 in the exosomes was increased by hypoxia.")
    assert values["molecular_effects"] == set()


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # R06 (PMC10003369): the pathway named by its ligand and beta-catenin
        ("they turned on the Wnt3a/beta-catenin signaling pathway in the BMSCs", "Wnt_signaling"),
        # R102 (10.1186/s13287-020-02039-1): 'the BMP2 pathway'
        ("odontogenesis went through the BMP2 pathway of the DPSCs", "BMP_signaling"),
        # 10.1186/s13287-020-1562-9 (outside the corpus): ligand, transducer and target gene
        # named together as one pathway
        ("osteogenesis by way of the BMP-2/Smad1/RUNX2 signalling pathway", "BMP_signaling"),
    ],
)
def test_a_pathway_named_by_its_ligand_is_one_pathway_mention(text: str, label: str) -> None:
    """The genes inside the name are nested in the pathway mention (targets drop them)."""
    doc = build_document(Record(title="Vesicles in skeletal disease", abstract=text))
    mentions = [m for m in doc.mentions if m.section == "abstract"]
    pathway = next(m for m in mentions if m.kind == "pathways" and m.label == label)
    genes = [m for m in mentions if m.kind == "genes"]
    assert genes and all(pathway.start <= g.start and g.end <= pathway.end for g in genes)


def test_the_ligand_named_pathway_takes_the_direction() -> None:
    """R06: 'ASCs-exos activate the Wnt3a/beta-catenin signaling pathway' is Wnt_signaling|up
    and no effect on the genes that name it."""
    effects = found(
        "The ASC exosomes also activated the Wnt3a/beta-catenin signaling pathway, which "
        "favours osteogenic differentiation of the BMSCs."
    )["molecular_effects"]
    assert effects == {"Wnt_signaling|up"}


@pytest.mark.parametrize(
    ("text", "symbol"),
    [
        # R38 (PMC8290518): TAZ, the Hippo co-activator
        ("the vesicles raised IRS-1 and TAZ in the marrow stromal cells", "WWTR1"),
        # R119: the dimerization partner of RUNX2
        ("miR-143 targets the mRNA of core-binding factor beta", "CBFB"),
        # R116: the Schnurri-3 gene silenced by the engineered exosomes
        ("a loaded siRNA against the Shn3 gene", "HIVEP3"),
        # R60: mouse-style symbols are the HGNC genes (SCHEMA)
        ("the pro-inflammatory genes Il1b and Ifng", "IL1B"),
    ],
)
def test_gene_names_of_real_abstracts_map_to_their_symbols(text: str, symbol: str) -> None:
    doc = build_document(Record(title="Vesicles in skeletal disease", abstract=text))
    assert symbol in {m.label for m in doc.mentions if m.kind == "genes"}


@pytest.mark.parametrize(
    ("abstract", "value"),
    [
        # R59 (M2 macrophage exosomes, CSF2/TNF-alpha axis): the chain ends in inactivation
        (
            "Through CSF2, the M2-exos inactivated TNF-alpha signaling in the RANKL-induced "
            "osteoclasts.",
            "TNF|down",
        ),
        # R16 (10.1080/15384101.2020.1863682): the pathway the vesicles' miRNA inactivates
        (
            "In the NPCs, the BMSC-EVs inactivated the TGF-beta pathway.",
            "TGF_beta_signaling|down",
        ),
    ],
)
def test_inactivating_a_pathway_lowers_it(abstract: str, value: str) -> None:
    assert value in found(abstract)["molecular_effects"]


def test_inactivated_vesicles_are_not_a_cue() -> None:
    """Heat-inactivated exosomes name a control arm ('-inactivated' glued to a word)."""
    effects = found("Heat-inactivated exosomes were compared with native ones for RUNX2.")
    assert effects["molecular_effects"] == set()


@pytest.mark.parametrize(
    ("abstract", "value"),
    [
        # R61 (adipose MSC exosomes on MLO-Y4 osteocytes): less ROS and cytochrome c, 'thus
        # limiting the activation' of the caspases
        (
            "The ADSC exosomes cut the ROS and cytochrome c made by the hypoxic osteocytes, "
            "so limiting the activation of caspase-9 and caspase-3.",
            {"CASP9|down", "CASP3|down"},
        ),
        # R67 (10.1007/s12015-024-10810-7): the exosomes 'limit apoptosis' of disc chondrocytes
        (
            "The marrow MSC exosomes thus limit the apoptosis of TMJ disc chondrocytes.",
            {"apoptosis|decrease"},
        ),
    ],
)
def test_limiting_a_process_lowers_it(abstract: str, value: set[str]) -> None:
    annotations = EXTRACTOR.extract(Record(title="Vesicles", abstract=abstract), "T").annotations
    assert value <= set(annotations["molecular_effects"]) | set(annotations["outcomes"])
    assert not any(v.endswith("|up") for v in annotations["molecular_effects"])


def test_a_limit_that_is_only_possible_is_no_finding() -> None:
    """R127 (10.1016/j.ijbiomac.2024.132970): 'their distance from the damage can limit bone
    formation' states the problem a study sets out to solve."""
    annotations = EXTRACTOR.extract(
        Record(
            title="Vesicles",
            abstract="Exosomes steer inflammation in bone repair, but their distance from the "
            "injured area can limit efficient bone formation.",
        ),
        "T",
    ).annotations
    assert not any(v.startswith("bone_regeneration") for v in annotations["outcomes"])
