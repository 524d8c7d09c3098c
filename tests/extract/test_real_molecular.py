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


def test_an_anaphor_undone_by_another_agent_is_no_vesicle_effect() -> None:
    """Nothing is reversed when no vesicle is the subject or named after the anaphor."""
    effects = found(
        "Exosomes were taken up by chondrocytes. IL-6 rose in the injured tendons, and the "
        "NF-kB inhibitor damped this rise."
    )["molecular_effects"]
    assert "IL6|down" not in effects


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
