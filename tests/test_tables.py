"""Tables fitted to the terminal: labels break after their separators, never mid-word."""

from __future__ import annotations

import io

from rich.console import Console

from exobone.tables import Col, fitted_table, wrap_label


def test_labels_break_after_separators() -> None:
    assert wrap_label("MSC|synovial_membrane", 12) == "MSC|\nsynovial_\nmembrane"
    assert wrap_label("S01, S02, S03", 9) == "S01, S02,\nS03"
    assert wrap_label("osteoarthritis", 5) == "osteo\narthr\nitis"  # no separator: cut
    assert wrap_label("short", 20) == "short"


def render(width: int) -> str:
    columns = [Col("row", wrap=True), Col("col", wrap=True), Col("n", justify="right"),
               Col("study ids", wrap=True)]  # fmt: skip
    rows = [
        ["MSC|synovial_membrane", "osteonecrosis_femoral_head", "12", "S04, S13, S21"],
        ["myeloma_cell", "multiple_myeloma_bone_disease", "1", "S16"],
    ]
    console = Console(file=io.StringIO(), width=width, highlight=False)
    console.print(fitted_table(columns, rows, width))
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


def test_a_narrow_table_keeps_every_word_whole() -> None:
    text = render(48)
    assert max(len(line) for line in text.splitlines()) <= 48
    words = set(text.split())
    for piece in ("synovial_", "membrane", "osteonecrosis_", "myeloma_cell", "bone_disease", "S21"):
        assert piece in words, text
    wide = render(120)
    assert "MSC|synovial_membrane" in wide and "S04, S13, S21" in wide
