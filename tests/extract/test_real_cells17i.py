"""The species of source cells named with a place adjective between (issue 17, quality17i).

A species word, then an adjective of the place the cells came from that no origin label names,
then the cells: "rat condylar chondrocytes", "human endometrial mesenchymal stem/stromal
cells". The adjective (ending in -al or -ar, rows `filler_endings` of data/cells.yaml) keeps
them one cell phrase, so the species is the cells' own (both gave an empty species part). Each
case is our own paraphrase of a real published abstract (DOI in the comment).
"""

from __future__ import annotations

from real_text import found


def test_rat_condylar_chondrocytes_are_rat_chondrocytes() -> None:
    # R244, 10.3389/fbioe.2022.1061855 (exosomes of stretched condylar chondrocytes)
    text = (
        "Rat condylar chondrocytes were cultured at rest or under tensile stress, and their "
        "exosomes were then extracted for miRNA sequencing."
    )
    assert found(text, "ev_sources") == {"chondrocyte||rat"}


def test_human_endometrial_stem_cells_are_human_msc() -> None:
    # R217, 10.1007/s10561-023-10120-1 (exosomes of endometrial MSCs on bioactive glass)
    text = (
        "In earlier work we produced exosomes derived from human endometrial mesenchymal "
        "stem/stromal cells, and here scaffolds loaded with them repaired rat calvarial defects."
    )
    assert found(text, "ev_sources") == {"MSC||human"}


def test_a_word_that_is_no_adjective_still_parts_the_species_from_the_cells() -> None:
    # The species of the animals, parted from the cells by a noun: no species for the cells.
    text = (
        "Rat serum stimulated chondrocytes in culture, and the exosomes of these chondrocytes "
        "were collected."
    )
    assert found(text, "ev_sources") == {"chondrocyte||"}
