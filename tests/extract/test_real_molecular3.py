"""Classes of `ev_cargo` errors found by running the extractor on a second set of fresh real
abstracts (issue 17, unseen text), each on sentences paraphrased in our own words from at least
two independent real published abstracts, run through the whole extractor.

Sources are named by DOI or URL beside each example.
"""

from __future__ import annotations

import pytest
from real_text import EXTRACTOR

from exobone.model import Record


def cargo_of(title: str, abstract: str = "") -> list[str]:
    return EXTRACTOR.extract(Record(title=title, abstract=abstract), "T").annotations["ev_cargo"]


@pytest.mark.parametrize(
    ("title", "cargo"),
    [
        # 10.1186/s13018-023-04440-x (BMSC exosomes in glucocorticoid-induced ONFH): the
        # vesicles, subject of the title, act by transferring the miRNA
        (
            "Marrow stem cell exosomes relieve steroid-induced osteonecrosis of the femoral head "
            "by transferring microRNA-210 into bone microvascular endothelial cells",
            "miR-210",
        ),
        # 10.3390/ijms24087664 (embryonic stem cell exosomes against nucleus pulposus
        # pyroptosis): the same means clause with 'transmitting'
        (
            "Embryonic stem-cell exosomes hold back the NLRP3 inflammasome and lessen pyroptosis "
            "of nucleus pulposus cells by transmitting miR-302c",
            "miR-302c",
        ),
        # 10.1186/s10020-021-00355-7 (umbilical cord MSCs, nucleus pulposus pyroptosis): the
        # source cells deliver the miRNA through vesicles named after it
        (
            "Umbilical cord mesenchymal stem cells deliver exogenous miR-26a-5p via exosomes to "
            "curb pyroptosis of nucleus pulposus cells",
            "miR-26a-5p",
        ),
        # https://www.scienceopen.com/document?vid=841e3209-4995-4177-bc2c-81257077a04d
        # (J Cell Mol Med, MSC exosomes in disc degeneration): the same phrasing
        (
            "Mesenchymal stem cells deliver exogenous miR-21 via exosomes to stop apoptosis of "
            "nucleus pulposus cells and slow disc degeneration",
            "miR-21",
        ),
    ],
)
def test_a_molecule_the_vesicles_transfer_or_deliver_is_their_cargo(title: str, cargo: str) -> None:
    """'by transferring / transmitting X' after the vesicles, or 'deliver X via exosomes', names
    what the vesicles carry (rule transfer_verb)."""
    assert cargo in cargo_of(title)


def test_explain_names_the_rule() -> None:
    record = Record(title="Exosomes ease disc degeneration by transmitting miR-302c", abstract="")
    reasons = [
        reason
        for explanation in EXTRACTOR.explain(record)
        if (explanation.field, explanation.value) == ("ev_cargo", "miR-302c")
        for because in explanation.evidence
        for reason in because.reasons
    ]
    assert any("[rule transfer_verb]" in reason for reason in reasons)


@pytest.mark.parametrize(
    "text",
    [
        # a clause with another subject stands between the vesicles and the verb
        "Exosomes were taken up by chondrocytes, which then transferred SOX9 to their neighbours.",
        # something else delivers the molecule; the vesicles come in another clause
        "The hydrogel delivered exogenous BMP2 to the defect, and exosomes sped healing.",
    ],
)
def test_a_transfer_by_something_else_is_no_cargo(text: str) -> None:
    """Guard: the verb must belong to the vesicles (or lead to them by 'via')."""
    assert not cargo_of("Vesicles in skeletal disease", text)
