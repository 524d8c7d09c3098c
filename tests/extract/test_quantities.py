"""Doses and durations: units normalised, only vesicle amounts, periods not ages or frequencies."""

from exobone.extract import Extractor
from exobone.model import Record


def fields(abstract: str) -> dict:
    return Extractor(families=("quantities",)).extract(Record(abstract=abstract), "S01").annotations


def test_dose_units_are_normalised():
    got = fields(
        "In this study, 20 ug/ml hUCMSCs secretion factors and 100 ug exosomes were used; "
        "mice received exosomes at 1x10(10) particles, and EVs (200 ug/kg) or EVs at 1.5 x 10^9 "
        "particles/ml."
    )
    assert set(got["doses"]) == {
        "20 ug/mL", "100 ug", "1e10 particles", "200 ug/kg", "1.5e9 particles/mL"
    }  # fmt: skip


def test_cells_and_volumes_are_not_doses():
    got = fields(
        "We found that 10 ug exosomes together with 2x10(5) hBMSCs in 50 ul hydrogel and "
        "10 ug/ml LPS were given."
    )
    assert got["doses"] == ["10 ug"]


def test_durations_in_days():
    got = fields(
        "We observed repair at both 4 weeks and 8 weeks, after 28 days, for 3 days, at 6 and 12 "
        "weeks, after 48 h and 12 h of culture."
    )
    assert sorted(got["durations_days"]) == [1, 2, 3, 28, 42, 56, 84]


def test_ages_frequencies_and_years_are_not_durations():
    got = fields(
        "We used 8-week-old mice injected weekly, every 3 days and twice a week; patients aged "
        "60 years were followed."
    )
    assert got["durations_days"] == []


def test_amount_before_of_and_concentration_before_a_hyphenated_vesicle_name():
    got = fields(
        "Here we injected 80 ug of the purified exosomes into each knee, and cultured cells took "
        "up 15 ug/mL ADSC-sEVs."
    )
    assert set(got["doses"]) == {"80 ug", "15 ug/mL"}


def test_micro_sign_and_greek_mu_both_read_as_ug():
    micro = fields("We gave exosomes at 40 \u00b5g/mL to cells.")
    greek = fields("We gave exosomes at 40 \u03bcg/mL to cells.")
    assert micro["doses"] == greek["doses"] == ["40 ug/mL"]


def test_scientific_counts_in_every_notation():
    got = fields(
        "We injected 3 \u00d7 10^9 particles of EVs, then EVs (2.5 x10(11) particles) and EVs "
        "at 4x 10<sup>8</sup> particles/ml."
    )
    assert set(got["doses"]) == {"3e9 particles", "2.5e11 particles", "4e8 particles/mL"}


def test_a_count_named_by_the_vesicle_abbreviation_is_a_particle_count():
    got = fields("Each rat received 6 x 10^9 TEVs, and controls 1 \u00d7 10^10 MSC-Exos.")
    assert set(got["doses"]) == {"6e9 particles", "1e10 particles"}


def test_per_body_weight_and_per_animal_doses():
    got = fields(
        "We injected exosomes at 3 mg/kg body weight, EVs (150 \u03bcg/kg), and 25 ug EVs per "
        "mouse."
    )
    assert set(got["doses"]) == {"3 mg/kg", "150 ug/kg", "25 ug"}


def test_a_particle_count_said_as_the_dose_of_a_vesicle_sentence():
    got = fields(
        "The small EVs were concentrated by ultrafiltration and every single dose we prepared "
        "contained 7 x 10(9) particles."
    )
    assert got["doses"] == ["7e9 particles"]


def test_injection_days_are_schedule_points_not_periods():
    got = fields(
        "We injected EVs on days 3, 10 and 17 after surgery, or from day 5 onwards, every 2 days "
        "for 3 weeks."
    )
    assert got["durations_days"] == [21]


def test_spelled_out_periods():
    got = fields(
        "Eight weeks after surgery we treated rats for two weeks and cells for three days."
    )
    assert sorted(got["durations_days"]) == [3, 14, 56]


def test_a_dose_after_the_animals_and_route():
    got = (
        Extractor()
        .extract(
            Record(
                abstract="In this study, the miR-21-Exos were injected intravenously into "
                "ovariectomized mice at 200 ug per mouse once a week for 8 weeks."
            ),
            "S01",
        )
        .annotations
    )
    assert got["doses"] == ["200 ug"]


def test_number_gates_search_exactly_where_the_cues_can_match():
    """Doses and durations are tried only where a number starts, in sentences holding a number
    followed by what they need; on number-heavy text that gives the plain search's matches."""
    import random

    from exobone.extract import quantities
    from exobone.extract.pipeline import build_document

    rng = random.Random(5)
    pieces = [
        "2", "12.5", "1e9", "3 x 10^9", "x10(8)", "ug/ml", "ug", "mg/kg", "particles", "EVs",
        "days", "d", "weeks", "years", "h", "-", " and ", ", ", " or ", " to ", "one", "two", "ten",
        "bone", "often", "eight", "week-old", "every", "exosomes", " ", ".", " (", ")",
    ]  # fmt: skip
    for _ in range(300):
        abstract = "".join(rng.choice(pieces) + rng.choice(["", " "]) for _ in range(40))
        doc = build_document(Record(abstract=abstract))
        for sentence in doc.sentences:
            section = sentence.section
            text, low = doc.text_of(section), doc.lowered(section)
            for cue, hints in (
                (quantities._DOSE, lambda n: n.doses),
                (quantities._DURATION, lambda n: n.durations),
            ):
                plain = [m.span() for m in cue.finditer(text, low, sentence.start, sentence.end)]
                gated = [m.span() for m in quantities._search(doc, sentence, cue, hints)]
                assert gated == plain, abstract


def test_a_capital_d_on_a_number_is_a_dimension_not_days():
    # Zhu et al., iScience 2025 (baicalin-pretreated marrow MSC exosomes on a 3D-printed
    # beta-TCP scaffold) and Liu et al. (serum exosomes in a 3D-printed titanium scaffold):
    # "3D" is never 3 days, while "7d" and "3 d" are.
    got = Extractor().extract(
        Record(
            abstract=(
                "Exosomes were loaded on a 3D-printed beta-TCP scaffold, compared with a 2D "
                "culture, and implanted into rat calvarial defects for 8 weeks; cells were "
                "cultured for 7d and then 3 d."
            )
        ),
        "S01",
    ).annotations
    assert sorted(got["durations_days"]) == [3, 7, 56]
