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
