"""Classes of study-design errors (routes, models, assays, settings) found in issue 17's survey of
fresh real text and the real_paraphrase corpus's residual errors (quality17o: R340-R355 with the
corpus's R193, R224, R240 and R268), each fixed for the whole class with two real examples
(paraphrased in our own words, the source beside each) and a guard for what the rule must not
catch.
"""

from __future__ import annotations

import pytest
from real_text import found

TITLE = "Vesicle study"


# --- a disc degeneration model named by its puncture ---------------------------------------------
@pytest.mark.parametrize(
    ("abstract", "model"),
    [
        # R224 (M1 macrophage exosomes in IVDD; doi:10.1186/s12951-024-02556-8)
        (
            "We used a rat needle-puncture model of IVDD to study in vivo what exosomes of M1 "
            "macrophages do to the disc.",
            "rat|disc_degeneration",
        ),
        # R193 (platelet-rich plasma exosomes in IVDD; acemap paper 363266438)
        (
            "Disc degeneration was induced in mice by puncture, and PRP exosomes were given "
            "to the animals.",
            "mouse|disc_degeneration",
        ),
    ],
)
def test_a_disc_model_made_by_puncture(abstract: str, model: str) -> None:
    assert model in found(abstract, "animal_models", TITLE)


def test_a_puncture_elsewhere_names_no_disc_model() -> None:
    """Guard: a puncture that is not of the disc (a vein, the skin) makes no disc model."""
    models = found(
        "Exosomes were given to rats with knee osteoarthritis after the skin over the joint "
        "was punctured with a needle.",
        "animal_models",
        TITLE,
    )
    assert not any(value.endswith("disc_degeneration") for value in models)


# --- assays named by their adverb ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("abstract", "assay"),
    [
        # R240 (MSC EVs before dental implants in rabbits; doi:10.3390/ijms22168774)
        (
            "MSC EVs were put into the bone defects of rabbits before the implants, and the "
            "bone around the implants was then examined histologically.",
            "histology",
        ),
        # R268 (umbilical cord MSC exosomes in rat fractures; doi:10.1111/cpr.12570)
        (
            "Exosomes in a hydrogel were put into the fracture sites of rats, and the vessels "
            "there were assessed radiographically on day 14.",
            "radiography",
        ),
    ],
)
def test_an_assay_named_by_its_adverb(abstract: str, assay: str) -> None:
    assert assay in found(abstract, "assays", TITLE)


def test_a_diagnosis_made_radiographically_is_no_assay() -> None:
    """Guard: how the patients' disease was diagnosed is no assay of the study."""
    assays = found(
        "Exosomes were collected from the plasma of patients with radiographically confirmed "
        "knee osteoarthritis and counted by nanoparticle tracking analysis.",
        "assays",
        TITLE,
    )
    assert "radiography" not in assays


# --- a route word of something that is not the vesicles ----------------------------------------
@pytest.mark.parametrize(
    ("abstract", "route"),
    [
        # R344 (MSC microvesicles in preclinical CIA; doi:10.3389/fimmu.2026.1723572)
        (
            "To make the model, a dilute collagen emulsion was given subcutaneously at the tail "
            "base of mice on days 0 and 21, and the mice were then treated with MSC-MVs.",
            "subcutaneous_implantation",
        ),
        # R240 (doi:10.3390/ijms22168774)
        (
            "Under sterile conditions and general intravenous anaesthesia, screw implants were "
            "set into the tibiae of rabbits, alone or after MSC EVs had been introduced into "
            "each bone defect. Three days after implantation with the EVs, the bone was denser.",
            "intravenous_injection",
        ),
    ],
)
def test_the_route_of_a_model_agent_or_anaesthesia_is_no_vesicle_route(
    abstract: str, route: str
) -> None:
    assert route not in found(abstract, "delivery_routes", TITLE)


@pytest.mark.parametrize(
    ("abstract", "route"),
    [
        (
            "BMSC exosomes were injected intravenously into ovariectomized mice once a week.",
            "intravenous_injection",
        ),
        (
            "The vesicles were labelled, and these were given subcutaneously to the mice.",
            "subcutaneous_implantation",
        ),
        (
            "Ovariectomized mice were injected intraperitoneally with exosomes every week.",
            "intraperitoneal_injection",
        ),
    ],
)
def test_vesicles_given_by_a_route_adverb_keep_it(abstract: str, route: str) -> None:
    """Guard: vesicles (or a pronoun for them) as the subject, or given 'with' the verb, keep
    the route."""
    assert route in found(abstract, "delivery_routes", TITLE)
