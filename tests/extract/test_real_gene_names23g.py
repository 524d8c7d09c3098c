"""A gene's long name that begins with a shorter gene's name is the longer gene (issue 17,
lexicon23g): the lexicon's longest match must win. Without its own rows, 'transforming growth
factor beta-induced protein' (TGFBI) reads as TGF-beta's 'transforming growth factor beta'
(TGFB1), and 'tissue inhibitor of matrix metalloproteinase 1' (TIMP1) as 'matrix
metalloproteinase 1' (MMP1). The sentences are those of the corpus records (our paraphrases
of real abstracts), checked on the lexicon's matches because neither states a direction.
"""

from __future__ import annotations

from exobone.lexicon import default_matcher


def genes(text: str) -> dict[str, str]:
    """Each gene mention of `text` (its words -> the symbol)."""
    return {
        text[m.start : m.end]: label
        for m in default_matcher().find(text)
        for kind, label in m.entries
        if kind == "genes"
    }


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
