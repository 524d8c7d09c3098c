"""Classes of misses found on fresh real text (issue 17 survey of outcomes, molecular effects
and cargo, quality17h: real_paraphrase R219-R233, with quality17i's R240-R254), each fixed for
the whole class with two real examples (paraphrased in our own words, the source beside each)
and a guard for what the rule must not catch.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from real_text import EXTRACTOR

from exobone.ingest import read_records
from exobone.lexicon import load_lexicon
from exobone.model import Record


def test_bracketed_letters_need_the_number_after_them() -> None:
    """Guard: an abbreviation in brackets with no number after it names no gene, and the
    spelling is only added for names of letters then a number or a Greek letter."""
    lexicon = load_lexicon()
    assert ("genes", "IL6") in lexicon.lookup("(IL)-6")
    assert ("genes", "TNF") in lexicon.lookup("(TNF)-alpha")
    assert lexicon.lookup("(MMP)") == set()
    assert lexicon.lookup("(MSC)-1") == set()


# --- a numbered circRNA is no molecular-effect target ---------------------------------------
REAL_PARAPHRASE = Path(__file__).parents[1] / "data" / "real_paraphrase" / "real_bibliography.txt"


@pytest.mark.parametrize(
    "title_start",
    [
        # doi:10.1186/s13287-021-02214-y (serum exosomal hsa_circ_0006859 in osteoporosis, R169)
        "Exosomal hsa_circ_0006859 is a potential biomarker",
        # doi:10.1186/s13287-021-02431-5 (exosomal circRNA_0001236 in chondrogenesis, R222)
        "Exosome-transported circRNA_0001236",
    ],
)
def test_a_circrna_gets_no_direction(title_start: str) -> None:
    """The two papers' whole abstracts, as the corpus paraphrases them (the circRNA was read
    as falling and rising with the cues around it)."""
    (record,) = (
        r
        for r in read_records(REAL_PARAPHRASE)
        if isinstance(r, Record) and r.title.startswith(title_start)
    )
    effects = {str(v) for v in EXTRACTOR.extract(record, "T").annotations["molecular_effects"]}
    assert effects and not any(value.startswith("circ_") for value in effects)
