"""Outcome values lost at the direction-word gate on real text (issue 17, session 18): a disease
the vesicles inhibit or suppress, process adjectives with a prefix that share one noun of
capacity with the adjectives after them, a process the vesicles speed up or favour. Each class is
a FORM of saying a direction, not a phrase: the rows widened are the disease verbs, the pro-
adjective phrases and the cue table. Every class rests on sentences paraphrased in our own words
from at least two independent real published abstracts (at least one outside the dev corpus),
run through the whole extractor, with guards where the wider gate could over-fire.

R-numbers are records of tests/data/real_paraphrase (their NOTES line gives the DOI); the other
sources were read with the search tool and are named by DOI or URL beside each text.
"""

from __future__ import annotations

import pytest
from real_text import found

from exobone.extract.direction_cues import find_cues
from exobone.extract.direction_rules import UP


def outcomes(abstract: str, title: str = "Vesicles in skeletal repair") -> set[str]:
    return found(abstract, "outcomes", title)


# A disease the vesicles inhibit or suppress (or whose progression they suppress) is lessened,
# as when they alleviate or prevent it: disease_severity|decrease. Only the disease right after
# the verb (or after 'the progression of') counts; a process inhibited 'in' a disease is that
# process.


@pytest.mark.parametrize(
    ("abstract", "title"),
    [
        # doi:10.1155/2020/6697577 (urine stem cell exosomes, rat disc degeneration; its title)
        (
            "Exosomes of urine-derived stem cells were given to rats with punctured discs.",
            "Urine-derived stem cell exosomes inhibit intervertebral disc degeneration by "
            "easing endoplasmic reticulum stress",
        ),
        # doi:10.3390/ijms25168560 (SHED exosomes in knee osteoarthritis, compared with HA)
        (
            "SHED exosomes were injected into the knees of rats with osteoarthritis. The "
            "exosomes inhibited OA at least as well as hyaluronic acid did.",
            "Vesicles in skeletal repair",
        ),
    ],
)
def test_inhibiting_a_disease_lessens_it(abstract: str, title: str) -> None:
    assert "disease_severity|decrease" in outcomes(abstract, title)


def test_suppressing_the_progression_of_a_disease_lessens_it() -> None:
    text = (
        "Exosomes from synovial MSCs were injected into arthritic joints. The exosomes "
        "suppressed the progression of osteoarthritis in the rats."
    )
    assert "disease_severity|decrease" in outcomes(text)


def test_a_process_inhibited_in_a_disease_is_the_process_not_the_disease() -> None:
    text = (
        "Milk vesicles were given to ovariectomised mice. The vesicles inhibited "
        "osteoclastogenesis in osteoporosis."
    )
    found_here = outcomes(text)
    assert "osteoclastogenesis|decrease" in found_here
    assert not any(value.startswith("disease_severity") for value in found_here)


# A pro- (or anti-) process adjective that shares its noun of capacity with the adjectives after
# it ('pro-osteogenic and anti-osteoclastic effects') keeps its direction; before, only an
# adjective right before the noun had one, and 'anti-osteoclastic' was not known.


def test_pro_osteogenic_shares_its_noun_with_an_anti_adjective() -> None:
    # R40 (doi:10.1038/s41413-019-0056-9, urine stem cell EVs in osteoporosis)
    text = (
        "Urine stem cell EVs were given to ovariectomised mice. CTHRC1 and OPG are enriched "
        "in the EVs and are needed for the pro-osteogenic and anti-osteoclastic effects that "
        "the EVs induce."
    )
    assert {"osteogenic_differentiation|increase", "osteoclastogenesis|decrease"} <= outcomes(text)


def test_two_pro_adjectives_share_one_noun() -> None:
    # Wu et al. 2021, J Nanobiotechnology 19:209 (exosomes of BMSCs stimulated by magnetic
    # nanoparticles and a static magnetic field), outside the dev corpus
    text = (
        "BMSCs were primed with Fe3O4 nanoparticles under a static magnetic field and their "
        "exosomes collected. These exosomes have stronger pro-osteogenic and pro-angiogenic "
        "effects in bone regeneration."
    )
    assert {"osteogenic_differentiation|increase", "angiogenesis|increase"} <= outcomes(text)


def test_pro_adjective_before_another_adjective_and_its_noun() -> None:
    # R96 (PMC7900016, osteoclast-derived sEVs on decalcified bone matrix)
    text = (
        "Osteoclast-derived sEVs were combined with decalcified bone matrix. We confirmed "
        "its pro-osteogenic regenerative activity in a mouse calvarial defect model."
    )
    assert "osteogenic_differentiation|increase" in outcomes(text)


def test_a_prefix_offered_with_its_opposite_still_gives_no_direction() -> None:
    text = "Periodontal and immune cells release EVs with pro- or anti-inflammatory effects."
    assert not outcomes(text)


# Verbs that speed a process up or favour it are verbs of increase, as 'accelerate' and
# 'facilitate' were.


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # R115 (doi:10.1016/j.bioactmat.2020.07.002, DPSC exosomes in a chitosan hydrogel)
        (
            "Mice with periodontitis were treated with a chitosan hydrogel holding DPSC "
            "exosomes. The exosome hydrogel speeds the healing of the alveolar bone.",
            "bone_regeneration|increase",
        ),
        # https://discovery.researcher.life/topic/radial-defect-model/7015496 (engineered ADSC
        # nanovesicles on a printed PCLMA scaffold), outside the dev corpus
        (
            "Engineered nanovesicles of ADSCs were fixed on printed scaffolds, so that the "
            "scaffold and the vesicles together favour tissue regeneration and long bone repair.",
            "bone_regeneration|increase",
        ),
        # R06 (PMC10003369, ASC exosomes in diabetic nonunion)
        (
            "Exosomes of adipose stem cells were added to BMSCs. The exosomes switch on "
            "Wnt3a/beta-catenin signalling, which favours the osteogenic differentiation of "
            "the BMSCs.",
            "osteogenic_differentiation|increase",
        ),
    ],
)
def test_speeding_up_or_favouring_a_process_raises_it(abstract: str, expected: str) -> None:
    assert expected in outcomes(abstract)


def test_sped_up_is_read_as_a_rise() -> None:
    # R80 (PMC8961306, hADSC exosomes released from a PLGA scaffold): the verb's object, 'bone
    # reconstruction', has no vocabulary term, so the verb is checked as a cue of its own
    cues = find_cues("The exosomes secured the blood supply and sped up bone reconstruction.")
    assert [(cue.sign, cue.form) for cue in cues if cue.text.startswith("sped")] == [(UP, "verb")]


def test_favourable_and_favoured_as_adjectives_give_no_direction() -> None:
    text = (
        "Exosome-coated scaffolds were made for bone defects. The scaffold had favourable "
        "porosity, and bone is a favoured site of metastasis."
    )
    assert not outcomes(text)


# The vesicles' capacity to do something, named as what was examined or tested, is an aim: the
# direction verb after 'the capacity of X to' is not a finding. A sentence that goes on to say
# what was found keeps its findings.


def test_the_capacity_to_counteract_named_as_what_was_tested_is_no_finding() -> None:
    # PMC12988504 (EVs of hADSCs expanded on decellularized matrix, rat OA), outside the dev
    # corpus
    text = (
        "hADSCs were expanded to passage 15 on plastic or on decellularized matrix, and their "
        "EVs were isolated. We first examined the capacity of the matrix-primed EVs to "
        "counteract chondrocyte senescence and ER stress in vitro, and then confirmed their "
        "therapeutic effect in a rat OA model."
    )
    assert not any(value.startswith("senescence") for value in outcomes(text))


@pytest.mark.parametrize(
    "text",
    [
        # R131 (review of EVs and conditioned media in periodontal regeneration)
        "Vesicles of dental stem cells were reviewed. Several recent studies have focused on the "
        "ability of EVs and CM to regenerate bone and periodontium.",
        "Exosomes of BMSCs were added to chondrocytes. The capacity of the exosomes to reduce "
        "apoptosis was then assessed.",
    ],
)
def test_other_forms_of_an_examined_capacity_give_no_finding(text: str) -> None:
    assert not outcomes(text)


def test_an_examined_capacity_followed_by_what_was_found_keeps_the_finding() -> None:
    text = (
        "Exosomes of BMSCs were added to osteoblasts. We examined the ability of the exosomes "
        "to promote osteogenic differentiation and found that they increased mineralization."
    )
    assert "mineralization|increase" in outcomes(text)


# MicroRNAs found "by" sequencing of any name ("high-throughput sequencing", "high-throughput
# RNA sequencing") are profiled: microRNA_profiling, not only where "miRNA sequencing" is
# written side by side. Sequencing that "suggests" something about miRNAs reads the cargo.


def assays(abstract: str) -> set[str]:
    return found(abstract, "assays")


@pytest.mark.parametrize(
    "text",
    [
        # doi:10.3389/fbioe.2022.1061855 (exosomes of condylar chondrocytes under tensile
        # stress), outside the dev corpus
        "Rat condylar chondrocytes were cultured at rest or under tensile stress and their "
        "exosomes extracted. The miRNAs that differed between the two exosome sets were "
        "screened by high-throughput sequencing.",
        # R88 (exosomes of senescent MLO-Y4 osteocytes)
        "Exosomes were collected from senescent and from normal osteocytes. MicroRNAs "
        "expressed differently in the two kinds of exosomes were identified by "
        "high-throughput RNA sequencing.",
    ],
)
def test_micrornas_found_by_sequencing_are_profiled(text: str) -> None:
    assert "microRNA_profiling" in assays(text)


def test_sequencing_that_suggests_something_of_micrornas_is_not_profiling() -> None:
    # R31 (doi:10.1002/advs.202001334): the gold keeps RNA_seq alone
    text = (
        "Exosomes of osteogenically primed hMSCs were loaded on titanium scaffolds. RNA "
        "sequencing suggests that the exosomes act through their cargo, including upregulated "
        "osteogenic miRNAs."
    )
    assert assays(text) == {"RNA_seq"}
