"""Study-description fields on fresh real text (issue 17, context17): the gates that dropped a
value a reader sees, widened for the whole class, each on sentences paraphrased in our own
words from at least two real published abstracts, run through the extractor, with guards
where the wider gate could over-fire.

Sources: R-numbers are records of tests/data/real_paraphrase (their NOTES line gives the
source); the others were read with the search tool and are named by DOI beside each text.
"""

from __future__ import annotations

import pytest
from real_text import found as found_in

from exobone.extract import build_document
from exobone.extract.cells import analyse
from exobone.model import Record


def found(abstract: str, field: str, title: str = "Vesicles in skeletal disease") -> set[str]:
    return found_in(abstract, field, title)


def species_of(abstract: str, cell: str, title: str = "Vesicles in skeletal disease") -> set[str]:
    """The species every phrase of `cell` resolved to (the cell analysis, roles aside)."""
    doc = build_document(Record(title=title, abstract=abstract))
    return {p.species for p in analyse(doc).phrases if p.cell == cell}


# A species that opens a list of cells qualifies every cell of the list: "human synoviocytes
# and chondrocytes" are human chondrocytes too. Before, only the first phrase took it.
def test_a_species_opening_a_list_of_recipient_cells_holds_for_each() -> None:
    # R94 (PMID 39596012): chondrocyte EVs taken up by human synoviocytes and chondrocytes.
    abstract = (
        "How chondrocytes talk to the synovium in osteoarthritis is not clear. EVs were "
        "purified from the conditioned medium of chondrocytes by ultracentrifugation. The "
        "EVs were taken up by human synoviocytes and chondrocytes in culture, and "
        "labelled vesicles injected into mouse knees reached the cartilage."
    )
    recipients = found(abstract, "recipient_cells")
    assert {"synoviocyte||human", "chondrocyte||human"} <= recipients
    assert "chondrocyte||" not in recipients


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


def test_a_species_stays_with_its_list() -> None:
    # Guards: a listed phrase with a species or a cell line of its own keeps it, and cells
    # after a clause, not a list, take nothing.
    abstract = (
        "Bone loss follows oestrogen deficiency. Exosomes were given to human BMSCs and mouse "
        "RAW264.7 macrophages. In vitro, the exosomes were taken up by rat chondrocytes, while "
        "osteoblasts were left untreated."
    )
    recipients = found(abstract, "recipient_cells")
    assert "macrophage||mouse" in recipients
    assert "macrophage||human" not in recipients
    assert "osteoblast||rat" not in recipients


# Cells named before the vesicles receive them when the vesicles act on them with no "treated
# with" between: the cells take them up, a process of the cells is changed "by" them, or the
# cells change "after/following" a treatment with them. Before, only "X treated/cultured with"
# or cells after the vesicle word were recipients.
@pytest.mark.parametrize(
    ("abstract", "recipient"),
    [
        # R55 (10.1186/s13287-020-01781-w): the cells take the vesicles up.
        ("Osteoarthritis damages cartilage. BMSCs were taken from rat femurs and their "
         "exosomes were collected. Results: Chondrocytes took up the exosomes by endocytosis "
         "in culture.", "chondrocyte||"),
        # R129 (10.1186/s13287-022-02767-6): "PDLSCs internalized DFSCs-sEVs".
        ("Periodontal defects heal poorly. Small EVs were isolated from dental follicle stem "
         "cells. Results: PDLSCs internalized the DFSC-sEVs, which raised their "
         "proliferation.", "stem_cell_dental||"),
        # 10.1186/s13287-017-0510-9: a process of the cells changed by the vesicles.
        ("Osteoarthritis is the most common joint disease. Exosomes of iPSC-derived MSCs and "
         "of synovial MSCs were injected into mouse knees with collagenase-induced OA. "
         "Chondrocyte migration and proliferation were promoted by both iMSC-Exos and "
         "SMMSC-Exos.",
         "chondrocyte||"),
        # R16 (10.1080/15384101.2020.1863682): the cells change after a vesicle treatment.
        ("Disc degeneration causes back pain. EVs were isolated from MSCs. The apoptosis rate "
         "of nucleus pulposus cells fell after EV intervention.", "nucleus_pulposus_cell||"),
        # 10.7150/ijbs.16951: "... of endothelial cells were evaluated following stimulation
        # with iPS-MSC-Exos".
        ("Ischaemia drives femoral head necrosis. Exosomes of iPSC-derived MSCs were given "
         "intravenously to steroid-treated rats. In vitro, the PI3K/Akt signalling of "
         "endothelial cells was measured following stimulation with the exosomes.",
         "endothelial_cell||"),
    ],
)  # fmt: skip
def test_cells_the_vesicles_act_on_before_their_name_are_recipients(
    abstract: str, recipient: str
) -> None:
    assert recipient in found(abstract, "recipient_cells")


def test_cells_before_the_vesicles_without_an_act_on_them_are_no_recipients() -> None:
    # Guards: source cells characterised "by" a method, cells counted after vesicle
    # collection (a process, not a treatment), and parent cells primed before the isolation.
    abstract = (
        "Bone loss follows oestrogen deficiency. BMSCs were characterised by flow cytometry "
        "and their exosomes were purified. In vitro, osteoclasts were counted after exosome "
        "collection had ended. ADSCs were primed by TNF-alpha before exosome isolation."
    )
    recipients = found(abstract, "recipient_cells")
    assert not {r for r in recipients if r.startswith(("MSC|", "osteoclast|"))}


# Days or weeks counted "after surgery" are follow-up periods even when the list comes after
# its unit with "on" ("on weeks 8, 14 and 20 after surgery"); a bare "on days 7 and 14" stays
# an injection schedule. Before, every "on days/weeks N, M" list was read as a schedule.
@pytest.mark.parametrize(
    ("abstract", "periods"),
    [
        # 10.1186/s13287-020-1562-9: radiographs on weeks 8, 14 and 20 after surgery.
        ("Nonunion is a hard complication of fractures. Exosomes of rat BMSCs were placed in "
         "femoral nonunions each week, and healing was followed radiographically on weeks 8, "
         "14 and 20 after surgery.", {"56", "98", "140"}),
        # 10.1111/cpr.12570: radiographs on days 7, 14, 21 and 31 after surgery.
        ("Fractures heal through new vessels. Umbilical cord MSC exosomes in a hydrogel were "
         "placed at femoral fractures of rats, and healing was followed on days 7, 14, 21 and "
         "31 after surgery.", {"7", "14", "21", "31"}),
    ],
)  # fmt: skip
def test_days_counted_after_an_event_are_periods(abstract: str, periods: set[str]) -> None:
    assert periods <= found(abstract, "durations_days")


def test_an_injection_schedule_on_days_is_no_period() -> None:
    # Guard (holdout: 'delivered by intra-articular injection on days 7, 14 and 21').
    abstract = (
        "Osteoarthritis was induced in mice. Exosomes were delivered by intra-articular "
        "injection on days 7, 14 and 21, and the knees were examined at 6 weeks."
    )
    assert found(abstract, "durations_days") == {"42"}
