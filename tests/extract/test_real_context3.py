"""Study-description fields on fresh real text (issue 17, context17): the gates that dropped a
value a reader sees, widened for the whole class, each on sentences paraphrased in our own
words from at least two real published abstracts, run through the extractor, with guards
where the wider gate could over-fire.

Sources: R-numbers are records of tests/data/real_paraphrase (their NOTES line gives the
source); the others were read with the search tool and are named by DOI beside each text.
"""

from __future__ import annotations

from exobone.extract import build_document
from exobone.extract.cells import analyse
from exobone.model import Record


def species_of(abstract: str, cell: str, title: str = "Vesicles in skeletal disease") -> set[str]:
    """The species every phrase of `cell` resolved to (the cell analysis, roles aside)."""
    doc = build_document(Record(title=title, abstract=abstract))
    return {p.species for p in analyse(doc).phrases if p.cell == cell}


def test_a_species_opening_a_list_of_cultured_cells_holds_for_each() -> None:
    # 10.2147/IJN.S398446: "Rat BMSCs and spleen macrophages were co-cultured with serum from
    # the fracture microenvironment" (a plain word, "spleen", opens the second phrase).
    abstract = (
        "Purpose: We asked how lncRNAs in macrophage exosomes act on BMSC osteogenesis. "
        "Methods: Rat bone marrow stem cells and spleen macrophages were each cultured with "
        "serum from the healing tibial fracture. The uptake of the macrophage exosomes by the "
        "BMSCs was then measured."
    )
    assert species_of(abstract, "macrophage") >= {"rat"}
