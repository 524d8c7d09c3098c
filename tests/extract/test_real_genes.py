"""Gene symbols written as mouse and rat nomenclature writes them ("Il6", "Bglap", "Ocn"): one
capital, the rest lower case. Issue 17, molecular_effects recall.

Real abstracts of rodent studies write the genes they measured so, in their result sentences:
R08 of tests/data/real_paraphrase (10.2147/DDDT.S178698: "Bmp2, Bmp6, Bmpr1b, Mmp9 and
Sox9"), R121 (10.1186/s13287-021-02362-1: "Sirt6"), and, outside the corpus, a study of
exosomes of the mouse brain endothelial line bEnd.3 on BMSCs
(10.3760/cma.j.cn421213-20200727-01267: "Runx2" raised with osteopontin and osteocalcin). The
symbol shape used to need a digit after two lower-case letters, so only such symbols, or those
listed one spelling at a time, were found; the lexicon now spells every gene name in capitals
the rodent way too. Sentences below are our own paraphrases.
"""

from __future__ import annotations

import pytest

from exobone.lexicon import default_matcher
from exobone.lexicon.loader import load_lexicon, rodent_spelling
from exobone.schema import read_data


def genes(text: str) -> dict[str, str]:
    """Each gene mention of `text` (its words -> the symbol)."""
    return {
        text[start:end]: label
        for start, end, entries in default_matcher().find(text)
        for kind, label in entries
        if kind == "genes"
    }


def test_rodent_aliases_map_to_the_hgnc_symbol() -> None:
    assert genes("Exosomes raised Ocn, Opn, Osx, Alp and Rankl.") == {
        "Ocn": "BGLAP", "Opn": "SPP1", "Osx": "SP7", "Alp": "ALPL", "Rankl": "TNFSF11",
    }  # fmt: skip


def test_every_gene_name_in_capitals_has_its_rodent_spelling() -> None:
    """Read from the lexicon itself: no name needs its own row for the rodent spelling."""
    lexicon = load_lexicon()
    refused = set(read_data("lexicon.yaml")["not_rodent_genes"])
    checked = 0
    for symbol in sorted(lexicon.gene_symbols):
        spelled = rodent_spelling(symbol)
        if spelled is None or spelled in refused:
            continue
        checked += 1
        assert ("genes", symbol) in lexicon.lookup(spelled), spelled
    assert checked > 100


@pytest.mark.parametrize(
    "text",
    [
        "Trap staining counted the osteoclasts.",  # TRAP is ACP5, "Trap" a word
        "Rank sum tests compared the groups.",  # RANK is TNFRSF11A
        "Published in Tissue Eng and Vet Comp Orthop Traumatol.",  # ENG, COMP: journal names
        "Oscar and colleagues first isolated them.",  # OSCAR: a name
        "Col alone is not a gene; Exo and Exos are vesicles.",
        "Results showed that Exosomes from the Alps region differed.",
    ],
)
def test_capitalised_words_stay_words(text: str) -> None:
    assert genes(text) == {}


def test_capitals_are_still_read_as_before() -> None:
    assert genes("IL6, TNF and BGLAP fell; Sp7 and Runx2 rose.") == {
        "IL6": "IL6", "TNF": "TNF", "BGLAP": "BGLAP", "Sp7": "SP7", "Runx2": "RUNX2",
    }  # fmt: skip


# A gene's long name that begins with a shorter gene's name is the longer gene (lexicon23g): the
# lexicon's longest match must win. Without their own rows, 'transforming growth factor
# beta-induced protein' (TGFBI) read as TGF-beta's 'transforming growth factor beta' (TGFB1), and
# 'tissue inhibitor of matrix metalloproteinase 1' (TIMP1) as 'matrix metalloproteinase 1' (MMP1).
# The sentences are those of the corpus records, checked on the lexicon's matches because neither
# states a direction.


def test_the_long_name_of_tgfbi_and_its_other_names_are_not_tgfb1() -> None:
    """R800 (doi:10.1002/art.30120), proteins of articular cartilage vesicles in OA: 'DEL-1'
    is EDIL3 (not a symbol DEL1), 'HtrA1' is HTRA1 as written."""
    text = (
        "Compared with normal vesicles, the OA cartilage vesicles held fewer matrix "
        "proteoglycans and more transforming growth factor beta-induced protein betaig-H3, "
        "DEL-1, vitronectin and the serine protease HtrA1."
    )
    assert genes(text) == {
        "transforming growth factor beta-induced protein": "TGFBI",
        "betaig-H3": "TGFBI",
        "DEL-1": "EDIL3",
        "vitronectin": "VTN",
        "HtrA1": "HTRA1",
    }


def test_the_long_name_of_timp1_is_not_mmp1() -> None:
    """R138 (doi:10.1186/s13018-023-03576-0), PRP exosomes in rat cartilage defects."""
    text = (
        "Serum matrix metalloproteinase 3 (MMP-3) and tissue inhibitor of matrix "
        "metalloproteinase 1 (TIMP-1) were measured for each treatment."
    )
    assert set(genes(text).values()) == {"MMP3", "TIMP1"}
