"""The sources a review names, read on fresh real review abstracts (issue 17, quality17l).

Each case paraphrases a published abstract (source in the comment); the guards keep each
widened rule from reading cells that did not give the vesicles.
"""

from real_text import found


def sources(abstract: str, title: str) -> set[str]:
    return found(abstract, "ev_sources", title)


# Vesicles 'derived from tumours' came from the tumour's cells.


def test_tumor_derived_exosomes_come_from_tumor_cells():
    # 10.3892/ol.2019.10776 (real_paraphrase R294): a review of the harmful roles of
    # tumour-derived exosomes in bone metastasis.
    got = sources(
        "Recent studies suggest that tumor-derived exosomes take part in cancer progression. "
        "This review reports their harmful roles in bone metastasis.",
        "Tumor-derived exosomes in bone metastasis (Review)",
    )
    assert got == {"tumor_cell||"}


def test_tumour_derived_evs_of_a_review_on_bone_metastasis():
    # 10.3389/fcell.2021.639514 (real_paraphrase R285): the review focuses on the part
    # tumour-derived EVs play in bone metastasis.
    got = sources(
        "Lung, breast and prostate cancers often spread to bone. This review focuses on the "
        "role of tumour-derived extracellular vesicles (EVs) in bone metastasis.",
        "Extracellular vesicles in tumors and bone metastasis",
    )
    assert got == {"tumor_cell||"}


def test_tumor_growth_names_no_source_cells():
    # Guard: 'tumor' alone is no cell; exosomes that restrain tumor growth came from the
    # cells named as their source only.
    got = sources(
        "Exosomes derived from bone marrow MSCs restrained tumor growth in mice.",
        "MSC exosomes and tumors",
    )
    assert got == {"MSC|bone_marrow|"}
