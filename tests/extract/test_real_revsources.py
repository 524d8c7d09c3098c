"""Reviews that name the vesicles' source cells without a derivation verb (issue 17).

A review says "MSCs act mainly through secreting exosomes" where a study writes
"MSC-derived exosomes". ("MSCs are a promising source of EVs", R11, has no second real
example yet, so no rule reads it.) Each case paraphrases a published
abstract (source in the comment).
"""

from exobone.extract import Extractor
from exobone.model import Record


def fields(abstract: str, title: str = "") -> dict:
    return Extractor().extract(Record(title=title, abstract=abstract), "S01").annotations


def test_cells_that_act_through_secreting_the_vesicles_are_their_source():
    # 10.3389/fgene.2021.750990 (outside the corpus; mini-review of dental stem cell
    # exosomes): stem cells are said to work chiefly by secreting exosomes.
    got = fields(
        "MSCs are promising seed cells for tissue regeneration. Mounting evidence shows that "
        "MSCs exert their biological functions mainly through secreting exosomes. This mini "
        "review summarises the translational use of these vesicles in dentistry."
    )
    assert got["ev_sources"] == ["MSC||"]
    # 10.1186/s13287-020-02005-x (real_paraphrase R02): the same form with no verb of
    # secretion.
    got = fields(
        "Mesenchymal stem cells (MSCs) are thought to promote tendon-bone healing, and recent "
        "work suggests that MSCs exert most of these functions through exosomes."
    )
    assert got["ev_sources"] == ["MSC||"]


def test_cells_receiving_vesicles_in_a_review_are_no_source():
    # The guard: cells named as the vesicles' target, or acted on through them, are not a
    # source; the source words need the cells as their subject, right before the vesicles.
    got = fields(
        "Chondrocytes are the main target of MSC exosomes in the joint. Osteoclasts act on "
        "osteoblasts through extracellular vesicles. This review discusses exosomes in "
        "osteoarthritis."
    )
    assert "chondrocyte||" not in got["ev_sources"]
    assert "osteoblast||" not in got["ev_sources"]
    assert "MSC||" in got["ev_sources"]
    # "MSCs are the main source of adult stem cells" names no vesicles (PMC9840092).
    got = fields(
        "MSCs are the primary source of adult stem cells. Their vesicles are reviewed here."
    )
    assert got["ev_sources"] == []
