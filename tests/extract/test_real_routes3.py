"""Doses and routes written in forms the engine missed, as real abstracts write them (issue 17).

"EVs (50, 100, and 150 ug/ml)" gives three doses; before this rule the amounts before the
unit were never read, and the last one was lost too when the list stood between the
vesicles and their unit (the gap to the vesicles no longer ended in "(" or "at"). Each case
paraphrases a published text (source in the comment); the schema writes every amount given
as a dose (holdout H04 codes "(10, 20 and 40 ug/mL)" as three).
"""

from real_text import fields_of


def field(name: str, abstract: str) -> list[str]:
    return sorted(fields_of(abstract)[name])


def doses(abstract: str) -> list[str]:
    return field("doses", abstract)


def test_a_list_after_the_vesicles_gives_every_amount():
    # 10.1155/2021/9011548 (outside the corpus): rabbit MSC and chondrocyte EVs given to MSCs
    # at three concentrations for three weeks.
    got = doses(
        "EVs were collected from the media of rabbit marrow MSCs and of chondrocytes. MSCs "
        "were cultured for 21 days with the EVs at three concentrations (50, 100, and 150 "
        "ug/ml), and chondrogenic markers were measured by qRT-PCR."
    )
    assert got == ["100 ug/mL", "150 ug/mL", "50 ug/mL"]


def test_a_list_before_the_vesicles_gives_every_amount():
    # The same abstract's results name two of the amounts before the vesicles.
    got = doses("MSCs given 50 and 100 ug/ml of MSC-EVs made more collagen type II.")
    assert got == ["100 ug/mL", "50 ug/mL"]


def test_a_dose_response_list_in_parentheses():
    # PMC5558561 (outside the corpus; a figure legend of the paper on early- and
    # late-passage MSC microvesicles): the osteogenic dose-response of BMSCs to the vesicles.
    got = doses(
        "Osteogenic differentiation of BMSCs was followed with alizarin red after treatment "
        "with early-passage MSC-MVs (2.5, 5 and 10 ug/ml)."
    )
    assert got == ["10 ug/mL", "2.5 ug/mL", "5 ug/mL"]


def test_amounts_listed_for_something_else_stay_out():
    # Guards: a drug's concentrations are no dose, a group size before a dose is no list, and
    # days listed before a dose are no amounts.
    got = doses(
        "Chondrocytes were exposed to dexamethasone at 10, 50 and 100 ug/ml, and then to 50 "
        "ug/ml exosomes."
    )
    assert got == ["50 ug/mL"]
    got = doses("Rats (n = 8, 100 ug of exosomes each) were treated weekly.")
    assert got == ["100 ug"]
    got = doses("On days 3, 7 and 14, 100 ug of exosomes were injected into the joints.")
    assert got == ["100 ug"]


def test_an_injection_of_vesicles_into_the_treated_tendon_is_local():
    # 10.2147/JIR.S345517 (outside the corpus): iMSC small EVs injected into the tendon of rats
    # with tendinopathy; the noun with the vesicles before the place, as "injection of
    # hUCMSCs-EVs into the joint cavity" (R130) is for the joint.
    got = field(
        "delivery_routes",
        "Tendinopathy was produced in rats, and a week later each rat had an injection of "
        "iMSC-sEVs to the quadriceps tendon; pain behaviour was recorded for four weeks.",
    )
    assert got == ["local_injection"]


def test_an_injection_that_makes_the_model_gives_no_route():
    # Guard: collagenase injected into the tendon makes the tendinopathy; the vesicles only
    # treated cells.
    got = field(
        "delivery_routes",
        "Tendinopathy was induced in rats by an injection of collagenase into the Achilles "
        "tendon, and tenocytes from the rats were treated with exosomes in culture.",
    )
    assert got == []
