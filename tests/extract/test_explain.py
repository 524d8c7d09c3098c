"""`Extractor.explain` and `exobone explain` on the real demo bibliography: each value's evidence
words come with the lexicon entry, the direction rule, cue and pass that produced or signed it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from exobone.cli import app
from exobone.extract import Explanation, Extractor
from exobone.ingest import read_records
from exobone.model import Record


@pytest.fixture(scope="module")
def demo(demo_file: Path) -> list[Record]:
    return [r for r in read_records(demo_file) if isinstance(r, Record)]


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def reasons(found: list[Explanation], field: str, value: str, words: str) -> list[str]:
    """The reasons given for `value` of `field` at the evidence spans reading `words`."""
    return [
        reason
        for e in found
        if (e.field, e.value) == (field, value)
        for because in e.evidence
        if because.words == words
        for reason in because.reasons
    ]


def test_values_and_spans_are_the_studys_own(demo: list[Record], extractor: Extractor) -> None:
    for number, record in enumerate(demo, start=1):
        study = extractor.extract(record, f"S{number:02d}")
        found = extractor.explain(record, f"S{number:02d}")
        values = [
            (name, str(v))
            for name, value in study.annotations.items()
            for v in (value if isinstance(value, list) else [value] if value else [])
        ]
        assert sorted((e.field, e.value) for e in found) == sorted(values)
        for e in found:
            assert [b.span for b in e.evidence] == study.evidence[e.field][e.value]
            assert all(b.reasons for b in e.evidence), (number, e)
            # every demo value has a named reason, not the fallback
            assert not any("not named yet" in r for b in e.evidence for r in b.reasons), e


def test_a_direction_names_its_cue_rule_and_pass(demo: list[Record], extractor: Extractor) -> None:
    # record 3: "Mesenchymal Stem Cell-Derived Exosomes Promote Fracture Healing ..."
    found = extractor.explain(demo[2])
    title = reasons(found, "outcomes", "fracture_healing|increase", "Fracture Healing")
    assert title == [
        "outcomes: lexicon outcomes 'fracture_healing' matched 'Fracture Healing'; "
        "cue 'Promote' [rule promote] before the target (pass cues_before_targets)"
    ]
    later = reasons(found, "outcomes", "fracture_healing|increase", "fracture healing")
    assert any(
        "cue 'rescued' [rule restore] after the target (pass predicates_after_targets)" in r
        for r in later
    )


def test_a_blocked_secretion_says_it_inverted_the_sign(
    demo: list[Record], extractor: Extractor
) -> None:
    # record 16: GW4869, which blocks exosome secretion, prevented bone loss
    said = reasons(extractor.explain(demo[15]), "outcomes", "bone_loss|increase", "bone loss")
    assert any(
        "cue 'preventing' [rule prevent]" in r
        and r.endswith("inverted: vesicle secretion was blocked (pass secretion_block)")
        for r in said
    ), said
    # and its animal model is read from "mouse model" beside the disease it models
    found = extractor.explain(demo[15])
    assert reasons(found, "animal_models", "mouse|myeloma", "mouse model") == [
        "biology: 'mouse model' with the disease 'bone lesions in MM' (a model of it) "
        "[rule model_after]"
    ]
    assert reasons(found, "species", "mouse", "mouse model") == [
        "biology: species of the animal model"
    ]


def test_a_reversal_names_its_words(demo: list[Record], extractor: Extractor) -> None:
    # record 19: "... all the changes were almost abolished when BMSC-Exos was added"
    found = extractor.explain(demo[18])
    said = reasons(found, "outcomes", "cell_viability|increase", "viability")
    assert any(
        "cue 'decreased' [rule decrease] after the target" in r
        and "reversed by 'all the changes were almost abolished' (pass reversals_undo)" in r
        for r in said
    ), said


def test_phrases_lexicon_and_inference_are_named(demo: list[Record], extractor: Extractor) -> None:
    first = extractor.explain(demo[0])
    assert reasons(first, "molecular_effects", "BGLAP|up", "OCN") == [
        "molecular: lexicon genes 'BGLAP' matched 'OCN'; "
        "cue 'up-regulated' [rule up_regulate] after the target (pass predicates_after_targets)"
    ]
    assert any(
        "inferred from cell name hUCMSCs" in r
        for r in reasons(first, "species", "human", "hUCMSCs")
    )
    assert reasons(first, "study_type", "primary", demo[0].title) == [
        "study: no review cue: primary by default"
    ]
    # record 4: "anti-apoptotic" carries its own direction (a phrase row of direction.yaml)
    said = [
        r
        for e in extractor.explain(demo[3])
        if e.field == "outcomes"
        for b in e.evidence
        for r in b.reasons
        if "[rule anti_apoptotic]" in r
    ]
    assert said and all("direction carried by the target's own words" in r for r in said)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    return result.exit_code, result.output


def test_cli_prints_evidence_and_reasons(demo_file: Path) -> None:
    code, out = run("explain", str(demo_file), "--record", "3", "--field", "outcomes")
    assert code == 0, out
    lines = out.splitlines()
    assert lines[0].startswith("record 3: Mesenchymal Stem Cell-Derived Exosomes")
    assert "  outcomes = fracture_healing|increase" in lines
    at = lines.index('    "Fracture Healing" (title, sentence 1)')
    assert "[rule promote]" in lines[at + 1]
    assert not any(line.strip().startswith("molecular_effects") for line in lines)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--record", "99"], "--record 99, but the file holds 21 records"),
        (["--field", "outcome"], "did you mean 'outcomes'"),
    ],
)
def test_cli_refuses_a_missing_record_or_field(
    demo_file: Path, args: list[str], message: str
) -> None:
    code, out = run("explain", str(demo_file), *args)
    assert code == 1
    assert message in out


def test_doses_and_durations_name_the_rule_that_read_them(extractor: Extractor) -> None:
    record = Record(
        title="Exosomes in bone repair",
        abstract=(
            "In this study, 50 ug/mL exosomes were given to MC3T3-E1 cells for 7 days. "
            "Exosomes were then injected into rats at 100 ug, and bone was examined in weeks "
            "4 and 8 of the treatment."
        ),
    )
    found = extractor.explain(record)
    assert reasons(found, "doses", "50 ug/mL", "50 ug/mL") == [
        "quantities: an amount before the vesicles it measures [rule dose_before_vesicles]"
    ]
    assert reasons(found, "doses", "100 ug", "100 ug") == [
        "quantities: an amount after the vesicles ('EVs at 50 ug/mL') [rule dose_after_vesicles]"
    ]
    assert reasons(found, "durations_days", "7", "7 days") == [
        "quantities: a number and a time unit, in days [rule duration]"
    ]
    assert reasons(found, "durations_days", "56", "weeks 4 and 8") == [
        "quantities: a time unit, then its numbers ('days 7 and 14') [rule duration_unit_first]"
    ]
