"""Classes of errors on reviews found in issue 17's survey of fresh real review abstracts
(quality17r: R360-R374) and the real_paraphrase corpus's residual errors on its reviews, each
fixed for the whole class with two real examples (paraphrased in our own words, the source
beside each) and a guard for what the rule must not catch.
"""

from __future__ import annotations

import pytest
from real_text import found

TITLE = "Extracellular vesicles in skeletal repair: a review"


# --- 'regulate' and 'modulate' stop a cue before them ---------------------------------------------
@pytest.mark.parametrize(
    "abstract",
    [
        # R368 (dental stem cell exosomes in regenerative endodontics; arxivlens paper
        # 1923-4638586): a list of effects in which inflammation is only 'regulated'.
        "The exosomes of dental stem cells furthered the mineralisation of dentine, enhanced "
        "angiogenesis, regulated inflammation and modulated the immune response.",
        # R362 (MSC exosomes in animal tendon injuries; ijvm.ut.ac.ir article_82854): the
        # exosomes 'stimulate' cells, then only 'modulate' the inflammatory response.
        "Exosomes of MSCs stimulate the proliferation of tenocytes and modulate the arrangement "
        "of collagen and the inflammatory responses of the healing tendon.",
    ],
)
def test_a_neutral_verb_gives_its_object_no_direction(abstract: str) -> None:
    outcomes = found(abstract, "outcomes", TITLE)
    assert not {"inflammation|increase", "inflammation|decrease"} & outcomes
    assert outcomes & {"angiogenesis|increase", "cell_proliferation|increase"}


def test_a_cue_still_reaches_its_own_object_and_up_regulated_keeps_its_sign() -> None:
    """Guard: with no neutral verb between, the cue reaches the target; 'up-regulated' and
    'down-regulated' are not read as 'regulated'."""
    outcomes = found(
        "Exosomes of MSCs enhanced angiogenesis and inflammation in the healing tendon.",
        "outcomes",
        TITLE,
    )
    assert {"angiogenesis|increase", "inflammation|increase"} <= outcomes
    effects = found(
        "Exosomes were given to chondrocytes. The exosomes up-regulated COL2A1 and "
        "down-regulated MMP13 in the chondrocytes.",
        "molecular_effects",
        "Vesicle study",
    )
    assert {"COL2A1|up", "MMP13|down"} <= effects


# --- a disease named among 'other' diseases is not the review's subject ---------------------------
@pytest.mark.parametrize(
    ("abstract", "subject", "others"),
    [
        # R371 (EVs in osteosarcoma; doi:10.3389/fonc.2019.01342): OA and RA are named as
        # other bone diseases where EVs matter.
        (
            "Extracellular vesicles steer inflammatory signalling in osteosarcoma and in other "
            "bone-related diseases such as osteoarthritis and rheumatoid arthritis. We review "
            "the vesicles of osteosarcoma cells.",
            set(),
            {"osteoarthritis", "rheumatoid_arthritis"},
        ),
        # R148 (exosomes for TMJ osteoarthritis; doi:10.3389/fbioe.2022.1074536): cartilage
        # injuries are named as the other diseases MSC therapy may serve.
        (
            "Therapy with mesenchymal stem cells may help in temporomandibular joint "
            "osteoarthritis and other cartilage injuries. We review exosomes for TMJOA.",
            {"TMJ_osteoarthritis"},
            {"cartilage_defect"},
        ),
    ],
)
def test_a_disease_named_among_other_diseases_is_not_coded(
    abstract: str, subject: set[str], others: set[str]
) -> None:
    conditions = found(abstract, "conditions", TITLE)
    assert subject <= conditions
    assert not others & conditions


def test_diseases_listed_before_other_or_as_the_subject_stay() -> None:
    """Guard: the diseases before 'and other ...', a 'such as' list of the subject (R283,
    Cell Physiol Biochem 2018) and 'other' governing a non-disease word stay coded."""
    assert {"osteoarthritis", "rheumatoid_arthritis"} <= found(
        "Osteoarthritis, rheumatoid arthritis and other joint diseases are studied here.",
        "conditions",
        TITLE,
    )
    assert {"osteoarthritis", "rheumatoid_arthritis"} <= found(
        "Knowledge of exosomes in joint diseases, such as osteoarthritis and rheumatoid "
        "arthritis, is growing.",
        "conditions",
        TITLE,
    )
    assert "osteoarthritis" in found(
        "On the other hand, exosomes are studied in osteoarthritis.", "conditions", TITLE
    )


# --- DSPP, the odontoblast marker ---------------------------------------------------------------
@pytest.mark.parametrize(
    "abstract",
    [
        # R367 (dental stem cell exosomes for pulp regeneration; PMC12932340): pooled findings.
        "Across the studies the exosomes raised the odontogenic markers DSPP and DMP1.",
        # PMC4755593 (dental pulp stem cells on bone ECM hydrogels): the spelled-out name.
        "The exosomes raised the expression of dentin sialophosphoprotein and DMP1.",
    ],
)
def test_dspp_is_a_gene(abstract: str) -> None:
    assert {"DSPP|up", "DMP1|up"} <= found(abstract, "molecular_effects", TITLE)
