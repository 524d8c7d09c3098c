"""Classes of `ev_cargo` errors found by running the extractor on a second set of fresh real
abstracts (issue 17, unseen text), each on sentences paraphrased in our own words from at least
two independent real published abstracts, run through the whole extractor.

Sources are named by DOI or URL beside each example.
"""

from __future__ import annotations

from real_text import EXTRACTOR

from exobone.model import Record


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
