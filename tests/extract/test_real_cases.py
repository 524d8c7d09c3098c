"""The real-text cases of the extractor, as rows of data run by one test.

Each file of `real_cases/` holds the cases of one theme: groups (`about`: what the group is
about), each with classes of error (`class`: its name, `why`: why the rule exists, `title`: a
title its cases share), each with cases. A case is our own paraphrase of a real published
abstract (`source`: the DOI, R-number of tests/data/real_paraphrase or URL, as its comment gave
it; a made-up guard sentence says why it is there instead), the `opening` set before it (none,
given_to_cells or isolated: real_text.py's openings), a `title` and the `expect`ed values of one
or more fields: values `present`, values `absent`, the `exactly` set (a string for study_type),
the `sequence` in the extractor's order, or the beginnings (`no_value_starting`: a label and its
bar, say) that no value may have. A row that breaks this shape fails the loading, naming
its file, class and case.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from real_text import GIVEN_TO_CELLS, ISOLATED, fields_of

from exobone.model import FIELDS

CASES_DIR = Path(__file__).with_name("real_cases")
# The opening's text and the title a case has unless it names one (real_text.after_given's).
OPENINGS = {"none": ("", ""), "given_to_cells": (GIVEN_TO_CELLS, "Vesicle study"),
            "isolated": (ISOLATED, "")}  # fmt: skip
GROUP_KEYS = {"about", "classes"}
CLASS_KEYS = {"class", "why", "title", "cases"}
CASE_KEYS = {"source", "opening", "title", "text", "expect"}
CHECK_KEYS = {"present", "absent", "exactly", "sequence", "no_value_starting"}
FIELD_KINDS = {f.name: type(f.empty()) for f in FIELDS}


class CaseError(ValueError):
    """A row of real_cases/ that does not have the shape of a case."""


@dataclass(frozen=True)
class Case:
    id: str
    source: str
    title: str
    abstract: str
    expect: dict[str, dict[str, Any]]


def _keys(row: Any, allowed: set[str], required: set[str], where: str) -> dict[str, Any]:
    if not isinstance(row, dict):
        raise CaseError(f"{where}: a mapping is needed, not {type(row).__name__}")
    if unknown := set(row) - allowed:
        raise CaseError(f"{where}: unknown keys {sorted(unknown)} (allowed: {sorted(allowed)})")
    if missing := {key for key in required if not row.get(key)}:
        raise CaseError(f"{where}: missing or empty {sorted(missing)}")
    return row


def _text(row: dict[str, Any], key: str, where: str) -> str:
    value = row.get(key, "")
    if not isinstance(value, str):
        raise CaseError(f"{where}: {key} must be text, not {type(value).__name__}")
    return value


def _checks(field: str, checks: Any, where: str) -> dict[str, Any]:
    where = f"{where}, field {field}"
    if field not in FIELD_KINDS:
        raise CaseError(f"{where}: no such field (fields: {sorted(FIELD_KINDS)})")
    checks = _keys(checks, CHECK_KEYS, set(), where)
    if not checks:
        raise CaseError(f"{where}: no check")
    for kind, values in checks.items():
        if FIELD_KINDS[field] is str:
            if kind != "exactly" or not isinstance(values, str):
                raise CaseError(f"{where}: a one-value field takes only `exactly: <value>`")
        elif not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise CaseError(f"{where}: {kind} must be a list of values")
        elif kind in ("present", "absent", "no_value_starting") and not values:
            raise CaseError(f"{where}: {kind} is empty")
    if both := set(checks.get("present", ())) & set(checks.get("absent", ())):
        raise CaseError(f"{where}: {sorted(both)} both present and absent")
    return checks


def _cases_of(path: Path) -> Iterator[Case]:
    theme = path.stem
    groups = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(groups, list) or not groups:
        raise CaseError(f"{path.name}: a list of groups is needed")
    names: set[str] = set()
    for number, group in enumerate(groups, start=1):
        group = _keys(group, GROUP_KEYS, {"classes"}, f"{path.name}, group {number}")
        for cls in group["classes"]:
            where = f"{path.name}, group {number}"
            cls = _keys(cls, CLASS_KEYS, {"class", "cases"}, where)
            name = _text(cls, "class", where)
            where = f"{path.name}, class {name}"
            if name in names:
                raise CaseError(f"{where}: the class is named twice")
            names.add(name)
            for index, row in enumerate(cls["cases"], start=1):
                here = f"{where}, case {index}"
                row = _keys(row, CASE_KEYS, {"source", "expect"}, here)
                opening = row.get("opening", "none")
                if opening not in OPENINGS:
                    raise CaseError(f"{here}: opening {opening!r} is none of {sorted(OPENINGS)}")
                prefix, title = OPENINGS[opening]
                title = _text(row, "title", here) if "title" in row else cls.get("title", title)
                text = _text(row, "text", here)
                if "text" not in row or not (text.strip() or title.strip()):
                    raise CaseError(f"{here}: empty text (a title-only case has a title)")
                if not _text(row, "source", here).strip():
                    raise CaseError(f"{here}: empty source")
                if not isinstance(row["expect"], dict):
                    raise CaseError(f"{here}: expect must map fields to checks")
                expect = {f: _checks(f, c, here) for f, c in row["expect"].items()}
                yield Case(f"{theme}/{name}/{index}", row["source"], title, prefix + text, expect)


def load_cases(directory: Path) -> list[Case]:
    """Every case of the theme files in `directory`; CaseError names a row that is not one."""
    paths = sorted(directory.glob("*.yaml"))
    if not paths:
        raise CaseError(f"{directory}: no theme file")
    return [case for path in paths for case in _cases_of(path)]


CASES = load_cases(CASES_DIR)


def failures(case: Case) -> list[str]:
    """What the extractor gives `case` against what its row expects, one line a difference."""
    annotations = fields_of(case.abstract, case.title)
    wrong = []
    for field, checks in case.expect.items():
        value = annotations[field]
        got = [str(v) for v in value] if isinstance(value, list) else value
        for kind, expected in checks.items():
            if kind == "present" and (missing := [v for v in expected if v not in got]):
                wrong.append(f"{field}: {missing} missing from {got}")
            elif kind == "absent" and (there := [v for v in expected if v in got]):
                wrong.append(f"{field}: {there} should be absent from {got}")
            elif kind == "exactly" and isinstance(got, str) and got != expected:
                wrong.append(f"{field}: {got!r}, not {expected!r}")
            elif kind == "exactly" and isinstance(got, list) and set(got) != set(expected):
                wrong.append(f"{field}: {got}, not exactly {expected}")
            elif kind == "sequence" and got != expected:
                wrong.append(f"{field}: {got}, not in the order {expected}")
            elif kind == "no_value_starting" and (
                starting := [v for v in got if v.startswith(tuple(expected))]
            ):
                wrong.append(f"{field}: {starting} start with one of {expected}")
    return wrong


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_real_case(case: Case) -> None:
    assert not failures(case), f"{case.id} ({case.source}): {failures(case)}"


GOOD = {
    "source": "doi:10.1000/x",
    "text": "Exosomes raised ALP.",
    "expect": {"outcomes": {"present": ["a"]}},
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"colour": "red"}, "unknown keys ['colour']"),
        ({"source": ""}, "missing or empty ['source']"),
        ({"text": "  "}, "empty text"),
        ({"source": "  "}, "empty source"),
        ({"expect": {"colours": {"present": ["red"]}}}, "field colours: no such field"),
        ({"opening": "given"}, "opening 'given' is none of"),
        ({"expect": {"outcomes": {"present": ["a"], "absent": ["a"]}}}, "both present and absent"),
        ({"expect": {"study_type": {"present": ["review"]}}}, "takes only `exactly"),
        ({"expect": {"outcomes": {"maybe": ["a"]}}}, "unknown keys ['maybe']"),
    ],
)
def test_a_row_out_of_shape_fails_loudly(
    tmp_path: Path, change: dict[str, Any], message: str
) -> None:
    row = {**GOOD, **change}
    groups = [{"classes": [{"class": "shape", "cases": [row]}]}]
    (tmp_path / "theme.yaml").write_text(yaml.safe_dump(groups), encoding="utf-8")
    with pytest.raises(CaseError, match="theme.yaml, class shape, case 1") as error:
        load_cases(tmp_path)
    assert message in str(error.value)


def test_a_flipped_expectation_fails() -> None:
    """A row's check can fail: the first case's first check, turned round, is reported."""
    case = CASES[0]
    field, checks = next(iter(case.expect.items()))
    kind, values = next(iter(checks.items()))
    flipped = {"present": "absent", "absent": "present"}.get(kind)
    if flipped is None:
        wrong: Any = values + ["no_such_value"] if isinstance(values, list) else values + "_not"
        broken = Case(case.id, case.source, case.title, case.abstract, {field: {kind: wrong}})
    else:
        broken = Case(case.id, case.source, case.title, case.abstract, {field: {flipped: values}})
    assert failures(case) == []
    assert failures(broken)
