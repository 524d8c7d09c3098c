"""Outcome nouns the extractor did not know (issue 17, vocabulary gate). A process is often
reported through the marker genes that measure it: vesicles 'raised the chondrogenic genes' or
'lowered adipogenic marker expression' of the cells, and the process adjective then names the
outcome as 'chondrogenic potential' already did. Texts are paraphrased in our own words from real
published abstracts read with the search tool (named beside each text), with guards where a rule
could over-fire.
"""

from __future__ import annotations

from real_text import after_isolation


def outcomes(sentence: str) -> set[str]:
    return after_isolation(sentence, "outcomes")


def test_vesicles_raise_chondrogenic_genes() -> None:
    # real_paraphrase R78 (chondrocyte EVs and adipose MSCs in a chitosan-hyaluronic acid
    # hydrogel): the EVs switched on the chondrogenic genes of the MSCs.
    text = (
        "Treating the MSCs with the chondrocyte EVs for three weeks increased the chondrogenic "
        "genes SOX9 and COL2A1 and the Col II protein."
    )
    assert "chondrogenic_differentiation|increase" in outcomes(text)


def test_vesicle_treated_cells_express_more_chondrogenic_markers() -> None:
    # doi:10.1155/2021/9011548 (Biomed Res Int 2021, EVs of chondrocytes and of bone marrow MSCs;
    # outside the dev corpus): MSCs given MSC-EVs expressed more chondrogenic markers.
    text = (
        "MSCs given 50 or 100 ug/ml of the MSC-EVs showed more chondrogenic markers, type II "
        "collagen in particular, than MSCs given chondrocyte EVs."
    )
    assert "chondrogenic_differentiation|increase" in outcomes(text)


def test_osteogenic_marker_genes_name_osteogenic_differentiation() -> None:
    # The adjacent osteogenic form ('osteogenic genes'), as real_paraphrase R124 and R129 word it.
    text = "The EVs clearly raised the osteogenic genes RUNX2 and ALP in the HERS cells."
    assert "osteogenic_differentiation|increase" in outcomes(text)


def test_markers_measured_without_a_direction_give_nothing() -> None:
    # Methods sentences name the markers with no direction (doi:10.1155/2021/9011548).
    text = "Chondrogenic markers were checked by qRT-PCR and by histology after 21 days."
    assert outcomes(text) == set()


def test_osteogenic_factors_carried_by_vesicles_are_no_outcome() -> None:
    # Growth factors carried as cargo are not the cells' marker genes.
    text = "The exosomes carried osteogenic factors such as BMP2 and VEGF."
    assert outcomes(text) == set()
