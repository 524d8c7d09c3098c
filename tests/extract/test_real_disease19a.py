"""Disease-level wordings missing from the rules (issue 17, quality19a: the open corpus's
outcome misses whose words were not in the lexicon, grouped by class and counted over papers).
Each class is fixed with two or more real examples (paraphrased in our own words, the source
beside each) and a guard for what it must not catch.
"""

from __future__ import annotations

import pytest
from real_text import after_isolation, found, rules_named


def _severity(outcomes: set[str]) -> set[str]:
    return {value for value in outcomes if value.startswith("disease_severity")}


# --- a disease graded by its index or named by its lesions ----------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        # R452 (M2 macrophage exosomes in collagen-induced arthritis; source
        # http://zgxdyxzz.ijournals.cn/zgxdyxzz/article/abstract/m20200027)
        "Over the course of the disease the mean arthritis index of the mice given the "
        "exosomes was clearly lower than that of the untreated model mice.",
        # R500 (doi:10.3390/biom13101501, MSC small EVs in CIA mice; a heading of the paper)
        "The small EVs lowered the arthritic index of the mice with collagen-induced arthritis.",
        # R85 (doi:10.1177/03635465211020010, adipose stem cell exosomes in rotator cuff
        # tendinopathy): the tendinopathy graded by Bonar's score, as OA by OARSI's
        "Compared with saline, the exosome-treated mice had a markedly lower modified Bonar score.",
        # R85 again: the lesions named as a whole
        "Mice given the exosomes showed milder pathological changes than mice given saline.",
        # R304 (doi:10.1186/s12951-022-01763-5, EVs of young adipose MSCs in tendinopathy)
        "In the animal experiments the young-donor EVs relieved the pathological changes of "
        "tendon structure and function in the mice with tendinopathy.",
        # R401 (doi:10.1038/s41598-019-52513-x, endothelial progenitor cell EVs in
        # steroid-induced osteoporosis)
        "The EPC-EVs relieved the pathological changes of steroid-induced osteoporosis seen on "
        "micro-CT.",
    ],
)
def test_a_disease_index_or_its_lesions_lessened_is_less_severity(sentence: str) -> None:
    assert _severity(after_isolation(sentence, "outcomes")) == {"disease_severity|decrease"}


@pytest.mark.parametrize(
    "sentence",
    [
        # measured, no direction (R-corpus methods wording)
        "The pathological changes of the nucleus pulposus cells were assessed by staining.",
        "The arthritis index of every mouse was recorded every three days.",
    ],
)
def test_a_measured_index_or_lesion_gives_no_severity(sentence: str) -> None:
    """Guard: the index or the lesions named as what was measured carry no direction."""
    assert not _severity(after_isolation(sentence, "outcomes"))


def test_background_lesions_give_no_severity() -> None:
    """Guard: the disease's lesions named as background, with no vesicle, are no finding."""
    abstract = (
        "Disc degeneration brings pathological changes such as loss of matrix and of cells. "
        "We isolated exosomes from bone marrow stem cells and characterized them by TEM."
    )
    assert not _severity(found(abstract, "outcomes"))


# --- vesicles that promote or drive a disease make it worse ---------------------------------
@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        # R224 (doi:10.1186/s12951-024-02556-8, title)
        (
            "Exosomes of M1 macrophages promote intervertebral disc degeneration by raising "
            "nucleus pulposus cell senescence",
            "",
        ),
        # R269 (doi:10.3390/biomedicines13102521, a review of EVs in periodontitis)
        (
            "",
            "Vesicles of oral bacteria and of host cells both drive periodontitis forward by "
            "worsening inflammation.",
        ),
        # R560 (doi:10.1016/j.omtn.2020.07.039, a circRNA carried by exosomes of degenerated
        # nucleus pulposus cells; read fresh by quality19d beside this rule)
        (
            "",
            "The circRNA carried by the exosomes of degenerated cells could promote IDD by "
            "soaking up miRNA-141-5p.",
        ),
    ],
)
def test_a_disease_the_vesicles_promote_gets_worse(title: str, abstract: str) -> None:
    outcomes = found(abstract, "outcomes", title) if title else after_isolation(
        abstract, "outcomes"
    )
    assert _severity(outcomes) == {"disease_severity|increase"}


def test_a_promoted_disease_names_the_rule() -> None:
    title = "Exosomes of M1 macrophages promote intervertebral disc degeneration"
    assert "disease_verb" in rules_named("", "outcomes", "disease_severity|increase", title)


@pytest.mark.parametrize(
    "sentence",
    [
        # the disease names the cells whose process is promoted
        "The exosomes promote OA chondrocyte proliferation in culture.",
        # the repair of a tissue, first of two coordinated objects (R21, doi:10.3390/
        # jfb14060299, a systematic review of exosomes in tendon healing)
        "In these studies exosomes promoted tendon and tendon-bone healing.",
        "The exosomes promoted tendon healing in the rats.",
    ],
)
def test_promoting_cells_or_healing_is_no_worse_disease(sentence: str) -> None:
    """Guard: 'promote' reaches only a disease that ends its object."""
    assert not _severity(after_isolation(sentence, "outcomes"))


# --- verbs that undo a disease --------------------------------------------------------------
@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        # R120 (doi:10.1177/09636897211057465, umbilical cord MSC exosomes in OVX mice)
        (
            "",
            "In the ovariectomized mice both exosome preparations raised the density of the "
            "tibia and reversed the osteoporosis.",
        ),
        # R402 (J Cell Physiol 2021, endothelial cell exosomes; title)
        (
            "Exosomes of vascular endothelial cells antagonize glucocorticoid-induced "
            "osteoporosis by limiting ferroptosis of osteoblasts",
            "",
        ),
    ],
)
def test_a_reversed_or_antagonized_disease_is_less_severe(title: str, abstract: str) -> None:
    outcomes = found(abstract, "outcomes", title) if title else after_isolation(
        abstract, "outcomes"
    )
    assert "disease_severity|decrease" in outcomes


def test_reversing_a_stimulus_in_diseased_cells_is_no_disease_value() -> None:
    """Guard: 'reversed the effects of X on OA chondrocytes' is about the cells, not the OA."""
    outcomes = after_isolation(
        "The exosomes reversed the effects of IL-1beta on OA chondrocytes.", "outcomes"
    )
    assert not _severity(outcomes)


# --- senescent cells cleared or rejuvenated --------------------------------------------------
@pytest.mark.parametrize(
    "sentence",
    [
        # R65 (doi:10.1002/jev2.70224, autologous circulating EVs in TMJ osteoarthritis)
        "The circulating EVs helped the arthritic joint by selectively removing senescent "
        "chondrocytes.",
        # R121 (doi:10.1186/s13287-021-02362-1, iPSC-MSC small EVs carrying miR-105-5p)
        "In vitro the small EVs rejuvenated senescent nucleus pulposus cells.",
    ],
)
def test_cleared_or_rejuvenated_senescent_cells_are_less_senescence(sentence: str) -> None:
    assert "senescence|decrease" in after_isolation(sentence, "outcomes")


def test_senescent_cells_as_recipients_are_no_change() -> None:
    """Guard: senescent cells named as the cells treated carry no direction of senescence."""
    outcomes = after_isolation(
        "The EVs were added to senescent chondrocytes, and they raised C1q on the senescent "
        "chondrocytes.",
        "outcomes",
    )
    assert not any(value.startswith("senescence") for value in outcomes)
