"""Gates that dropped or flipped a whole family of molecular values on unseen real text (issue
17), each widened for the class and tested on sentences paraphrased in our own words from real
published abstracts (the source beside each example), run through the whole extractor.
"""

from __future__ import annotations

import pytest
from real_text import effects_of


# --- sponge mechanisms: a vesicle RNA soaks up a miRNA, so the miRNA falls and its targets rise --
@pytest.mark.parametrize(
    ("abstract", "expected", "wrong"),
    [
        # doi:10.1186/s13287-021-02214-y (serum exosomal hsa_circ_0006859 in osteoporosis, a
        # ceRNA of miR-431-5p whose target is ROCK1; real_paraphrase R169 since survey17e)
        (
            "Exosomal hsa_circ_0006859 bound directly to miR-431-5p, and ROCK1 proved to be a new "
            "target gene of miR-431-5p. Hsa_circ_0006859 works as a competing endogenous RNA of "
            "miR-431-5p.",
            {"miR-431-5p|down", "ROCK1|up"},
            "ROCK1|down",
        ),
        # doi:10.18632/aging.102264 (BMSC exosomes shuttling lncRNA MALAT1 in osteoporosis, a
        # sponge of miR-34c that raises SATB2; outside the real_paraphrase corpus)
        (
            "The exosomes raised SATB2 in the osteoblasts. MALAT1 served as a sponge of miR-34c to "
            "raise the expression of SATB2, and exosomal MALAT1 furthered osteoblast activity.",
            {"miR-34c|down", "SATB2|up"},
            "SATB2|down",
        ),
        # the same mechanism told with the verb and a relative clause
        # (doi:10.1186/s13287-021-02214-y)
        (
            "Exosomal hsa_circ_0006859 sponged miR-431-5p, which targets ROCK1.",
            {"miR-431-5p|down", "ROCK1|up"},
            "ROCK1|down",
        ),
    ],
)
def test_sponged_mirna_falls_and_its_targets_rise(
    abstract: str, expected: set[str], wrong: str
) -> None:
    effects = effects_of(abstract)
    assert expected <= effects
    assert wrong not in effects


def test_a_collagen_sponge_is_no_sponge_mechanism() -> None:
    """Guard: the cue needs a miRNA as its object; a carrier sponge signs nothing, and the
    target of a miRNA nobody soaked up still falls."""
    effects = effects_of(
        "The exosomes were loaded on a collagen sponge to fill the defect. Exosomal miR-21 "
        "targets PTEN."
    )
    assert "PTEN|down" in effects
    assert "PTEN|up" not in effects
