"""Cell names of real abstracts that the lexicon did not know (issue 17, the vocabulary gate of
ev_sources and recipient_cells): whatever the role rules say, a cell the lexicon cannot name is
lost. Each case is our own paraphrase of a real published abstract (source in a comment)."""

from __future__ import annotations

from real_text import found


def test_species_letter_before_a_hyphenated_word_that_is_no_cell() -> None:
    """'pH-responsive' names no cell: nothing is read from its letters."""
    text = "A pH-responsive hydrogel released BMSC-derived exosomes."
    assert found(text, "ev_sources") == {"MSC|bone_marrow|"}
    assert "pig" not in str(found(text, "species"))
