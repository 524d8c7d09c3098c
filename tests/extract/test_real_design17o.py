"""Classes of study-design errors (routes, models, assays, settings) found in issue 17's survey of
fresh real text and the real_paraphrase corpus's residual errors (quality17o: R340-R355 with the
corpus's R193, R224, R240 and R268), each fixed for the whole class with two real examples
(paraphrased in our own words, the source beside each) and a guard for what the rule must not
catch.
"""

from __future__ import annotations

from real_text import found

TITLE = "Vesicle study"


def test_a_puncture_elsewhere_names_no_disc_model() -> None:
    """Guard: a puncture that is not of the disc (a vein, the skin) makes no disc model."""
    models = found(
        "Exosomes were given to rats with knee osteoarthritis after the skin over the joint "
        "was punctured with a needle.",
        "animal_models",
        TITLE,
    )
    assert not any(value.endswith("disc_degeneration") for value in models)
