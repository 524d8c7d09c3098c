"""Classes of `molecular_effects` and `ev_cargo` errors found by running the extractor on fresh
real abstracts (issue 17, unseen text), each on sentences paraphrased in our own words from at
least two independent real published abstracts, run through the whole extractor.

Sources are named by DOI or PMC id beside each example; none of them is a record of
tests/data/real_paraphrase.
"""

from __future__ import annotations

import pytest
from real_text import EXTRACTOR

from exobone.lexicon.loader import rodent_spelling
from exobone.model import Record
from exobone.schema import read_data


def found(abstract: str, title: str = "Vesicles in skeletal disease") -> dict[str, set[str]]:
    annotations = EXTRACTOR.extract(Record(title=title, abstract=abstract), "T").annotations
    return {field: set(annotations[field]) for field in ("molecular_effects", "ev_cargo")}


@pytest.mark.parametrize(
    ("abstract", "kept", "dropped"),
    [
        # 10.1155/2021/2979124 (Hindawi Mediators Inflamm 2021, MSC exosomes and c-MYC in
        # OA): the OA group's own rise and fall, told after an exosome sentence
        (
            "In vitro, exosome treatment reversed the apoptosis of the chondrocytes. "
            "Inflammatory factors (TNFalpha, IL-6) and the glutamine enzyme GLS1 were raised "
            "in the OA group. The exosomes also improved collagen II and aggrecan. TNFalpha and "
            "IL-6 rose, while collagen II and aggrecan fell, in the OA group.",
            {"COL2A1|up", "ACAN|up"},
            {"TNF|up", "IL6|up", "GLS1|up", "COL2A1|down", "ACAN|down"},
        ),
        # PMC8405079 (10.22074/cellj.2021.7127, marrow stem cell exosomes on IL-1beta-treated
        # chondrocytes): the pro-inflammatory genes of the IL-1beta group
        (
            "The marrow stem cell exosomes raised the viability of the inflamed chondrocytes. "
            "Expression of the pro-inflammatory genes IL-6 and TNF-alpha was clearly elevated "
            "in the IL-1beta group.",
            set(),
            {"IL6|up", "TNF|up"},
        ),
    ],
)
def test_a_sentence_on_the_disease_group_is_no_vesicle_effect(
    abstract: str, kept: set[str], dropped: set[str]
) -> None:
    """A sentence that goes on after a vesicle sentence but reports the disease model's own
    group ('in the OA group', 'in the IL-1beta group') says what the disease did, not the
    vesicles (rule other_agent)."""
    effects = found(abstract)["molecular_effects"]
    assert kept <= effects
    assert not effects & dropped


@pytest.mark.parametrize(
    ("abstract", "value"),
    [
        # R60 (profiles.wustl.edu, ASC EVs after tendon repair): a mouse-style name with no digit
        (
            "The pro-inflammatory gene Ifng climbed steeply in the repaired tendons, and EVs "
            "from primed ASCs damped this rise.",
            "IFNG|down",
        ),
        # R50 (10.2217/rme-2021-0004, exosome-carrying hydrogel at the rotator cuff)
        ("The hydrogel carrying ADSC-exos raised the expression of Scx.", "SCX|up"),
        # R17 (10.1186/s13018-023-04085-w, SPC25-loaded exosomes on nucleus pulposus cells)
        ("The SPC25-loaded exosomes lowered the expression of Bax in the NP cells.", "BAX|down"),
    ],
)
def test_rodent_spellings_without_digits_come_from_the_symbol(abstract: str, value: str) -> None:
    """Real abstracts write Ifng, Scx, Bax: the spelling is generated from the symbol in
    capitals (lexicon loader), with no gene_aliases row of its own (the rows were dropped as
    redundant)."""
    symbol = value.split("|")[0]
    spelled = symbol[0] + symbol[1:].lower()
    assert rodent_spelling(symbol) == spelled
    assert spelled not in (read_data("lexicon.yaml").get("gene_aliases") or {})
    assert value in found(abstract)["molecular_effects"]
