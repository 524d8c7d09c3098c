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


# A review's 'therapeutic potential in' or 'promise to' opens a prospect, like its modals.


def outcomes(abstract: str, title: str) -> set[str]:
    return found(abstract, "outcomes", title)


def test_a_therapeutic_potential_in_slowing_oa_is_no_finding():
    # Cheng et al., Int J Surg 2025, 111(12):9531 (real_paraphrase R295): a review of EVs in
    # OA; their potential to slow the disease is what it sets out to examine.
    got = outcomes(
        "Osteoarthritis lowers the quality of life of older people. Research shows that "
        "extracellular vesicles from many sources have a marked therapeutic potential in "
        "slowing the progression of OA. This review examines the roles of EVs in OA.",
        "Extracellular vesicles in osteoarthritis: a review",
    )
    assert "disease_severity|decrease" not in got


def test_cells_that_promise_to_slow_oa_give_no_finding():
    # 10.1177/0963689720968495 (real_paraphrase R229): a review of exosomes in the knee; MSCs
    # are said to promise cartilage repair and a slower OA.
    got = outcomes(
        "Exosomes of chondrocytes, synoviocytes and MSCs shape the joint microenvironment. As a "
        "regenerative therapy, MSCs promise to help repair worn cartilage and slow OA, mainly "
        "through their exosomes. This review sums up these exosomes in knee OA.",
        "Exosomes in the articular microenvironment of knee osteoarthritis",
    )
    assert "disease_severity|decrease" not in got


def test_an_osteogenic_potential_does_not_cut_the_findings_after_it():
    # Guard, Mai et al. 2025 (real_paraphrase R286, biocloudy ODA2NDU2OA==): the osteogenic
    # potential of marrow MSC-EVs is a pooled finding, and the cord MSC-EVs' anti-inflammatory
    # effect after it stays.
    got = outcomes(
        "This meta-analysis pooled in vivo trials of MSC-derived extracellular vesicles. EVs of "
        "bone marrow MSCs had the strongest osteogenic potential in critical-size defects, and "
        "EVs of umbilical cord MSCs reduced inflammation.",
        "MSC-derived extracellular vesicles in bone regeneration: a meta-analysis",
    )
    assert "inflammation|decrease" in got


def test_a_primary_study_keeps_its_result_before_a_therapeutic_potential():
    # Guard: only reviews read 'therapeutic potential' as a prospect.
    got = outcomes(
        "Exosomes were isolated from BMSCs and injected into the knees of rats with OA. The "
        "exosomes alleviated OA, showing therapeutic potential for OA.",
        "BMSC exosomes in rat osteoarthritis",
    )
    assert "disease_severity|decrease" in got


# The genus a review defines its exosomes by, with its bracketed short form, is no subject.


def vesicles(abstract: str, title: str) -> set[str]:
    return found(abstract, "vesicle_types", title)


def test_the_short_form_of_a_defining_genus_is_no_vesicle_type():
    # 10.1089/cell.2019.0098 (real_paraphrase R228): a review of MSC exosomes in OA opens by
    # defining exosomes as small EVs.
    got = vesicles(
        "Exosomes are small extracellular vesicles (EVs), 50 to 150 nm across, that carry "
        "proteins and RNAs between cells. This review sums up what MSC-derived exosomes do "
        "in OA.",
        "The role of MSC-derived exosomes in osteoarthritis",
    )
    assert got == {"exosome"}


def test_nanosized_evs_defining_exosomes_are_no_vesicle_type():
    # 10.2174/1381612828666220128104206 (real_paraphrase R264): a review of exosomal miRNAs
    # in osteoporosis defines exosomes as nanosized EVs released by nearly all cells.
    got = vesicles(
        "Exosomes are nanosized extracellular vesicles (EVs) released by nearly all cells in "
        "the body. In this review we sum up the exosomal miRNAs of osteoblasts in "
        "osteoporosis.",
        "Exosomal miRNAs in osteoporosis",
    )
    assert got == {"exosome"}


def test_evs_studied_beside_exosomes_stay_a_vesicle_type():
    # Guard: EVs named as a subject of their own, not as the genus of a definition.
    got = vesicles(
        "Extracellular vesicles (EVs) of MSCs and their exosomes both repaired cartilage. This "
        "review compares EVs and exosomes in OA.",
        "Extracellular vesicles and exosomes in osteoarthritis",
    )
    assert got == {"exosome", "extracellular_vesicle"}


# Fractures named as a risk or a harm of the disease a review is about are no condition of it.


def conditions(abstract: str, title: str) -> set[str]:
    return found(abstract, "conditions", title)


def test_the_risk_of_osteoporosis_or_of_its_fractures_names_no_fracture():
    # 10.2174/1381612828666220128104206 (real_paraphrase R264): a review of exosomal miRNAs
    # in osteoporosis opens with the burden of the disease and of its fractures.
    got = conditions(
        "With an ageing population, the risk of osteoporosis or even osteoporotic fracture "
        "weighs on society. In this review we sum up the exosomal miRNAs of MSCs in "
        "osteoporosis.",
        "Exosomal miRNAs in osteoporosis",
    )
    assert got == {"osteoporosis"}


def test_fractures_a_disease_brings_are_no_condition():
    # 10.3390/ijms19041136 (real_paraphrase R332): a review of EVs in bone metastasis; the
    # metastases cause pain, fractures and marrow aplasia.
    got = conditions(
        "Bone metastases lower the quality of life, since they cause pain, fractures and "
        "aplasia of the bone marrow. This review covers the extracellular vesicles of tumour "
        "cells in bone metastasis.",
        "Extracellular vesicles in bone metastasis",
    )
    assert "fracture" not in got


def test_a_review_of_fracture_healing_keeps_its_fracture():
    # Guard: fractures the review is about stay, beside a harm word elsewhere.
    got = conditions(
        "Falls cause pain, fractures and disability in older people. This review sums up how "
        "MSC exosomes speed the healing of fractures.",
        "Mesenchymal stem cell exosomes in fracture healing",
    )
    assert "fracture" in got


def test_evs_known_as_exosomes_are_those_exosomes():
    # 10.3892/ijmm.2023.5324 (real_paraphrase R281): a review of marrow MSC exosomes in
    # tendon-bone healing names the EVs of the cells, known as exosomes.
    got = vesicles(
        "The extracellular vesicles released by bone marrow mesenchymal stem cells, known as "
        "exosomes, carry lipids, proteins and nucleic acids. This review discusses the role of "
        "these exosomes in tendon-bone healing.",
        "Bone marrow mesenchymal stem cell-derived exosomes for tendon-bone healing (Review)",
    )
    assert got == {"exosome"}


def test_exosomes_also_called_cell_derived_evs_are_one_kind():
    # 10.3389/fmats.2023.1152378 (real_paraphrase R287): a review of exosomal materials in
    # bone and cartilage engineering opens by giving the exosomes' other name.
    got = vesicles(
        "Exosomes, also called cell-derived extracellular vesicles, are secreted by many kinds "
        "of cells. In this article we summarize exosomes in bone tissue engineering.",
        "Exosomal-based materials in bone/cartilage tissue engineering",
    )
    assert got == {"exosome"}


def test_evs_known_as_mediators_stay_evs():
    # Guard: only a vesicle name after 'known as' makes the EVs that kind.
    got = vesicles(
        "Extracellular vesicles of MSCs, known as potent mediators of repair, and their "
        "exosomes are reviewed here for osteoarthritis.",
        "Extracellular vesicles and exosomes in osteoarthritis: a review",
    )
    assert got == {"exosome", "extracellular_vesicle"}


# A review of the regeneration of several tissues that lists bone among them surveys bone
# regeneration.


def test_connective_tissues_including_bone_name_bone_regeneration():
    # PMC10409197 (real_paraphrase R331): a review of MSC exosomes in the repair of connective
    # tissues, bone first among them.
    got = conditions(
        "Exosomes of mesenchymal stem cells may replace the cells in regenerative medicine. "
        "In this review we discuss the progress of research on the regeneration and repair of "
        "connective tissues, including bone, cartilage, skin, spinal cord and tendon.",
        "Mesenchymal stem cell-derived exosomes in connective tissue repair",
    )
    assert "bone_regeneration_general" in got


def test_maxillofacial_tissues_with_the_jaw_bone_name_bone_regeneration():
    # doi:10.3389/fphys.2022.1012241 (real_paraphrase R333) and doi:10.1186/s13287-024-03936-5
    # (R289): reviews of EVs in dental and maxillofacial regeneration, jaw bone among the
    # tissues.
    got = conditions(
        "This review focuses on the role of EVs in repairing and regenerating dental and "
        "maxillofacial tissues, including periodontal tissue, the bone of the maxilla and "
        "mandible and the cartilage of the temporomandibular joint.",
        "Extracellular vesicles for dental and maxillofacial tissue regeneration",
    )
    assert "bone_regeneration_general" in got
    got = conditions(
        "Here we review the roles of EVs in oral and maxillofacial tissue regeneration, "
        "including maxilla and mandible bone, periodontal tissues and peripheral nerves.",
        "Extracellular vesicles as therapeutic tools in regenerative dentistry",
    )
    assert "bone_regeneration_general" in got


def test_a_primary_result_of_regenerated_tissues_with_new_bone_is_no_condition():
    # Guard, real_paraphrase R251 (discovery.researcher.life, MSC exosomes in rat periodontal
    # defects): in a primary study the regenerated tissues with new bone are a result, not
    # what the study is for.
    got = conditions(
        "Rats with periodontal defects were treated with MSC exosomes. Treated rats repaired "
        "the defects faster, regenerating periodontal tissues including new bone and "
        "periodontal ligament.",
        "MSC exosomes promote periodontal regeneration",
    )
    assert "bone_regeneration_general" not in got
