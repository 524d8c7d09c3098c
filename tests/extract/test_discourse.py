"""Where the study's own account starts in an abstract."""

from typing import Any

import pytest

from exobone.extract import Extractor, discourse
from exobone.extract.discourse import study_start
from exobone.model import Record, Span

OPENING = "Cell-free products derived from MSCs could avoid some risks of cell therapy. "


def test_this_study_with_adjectives_starts_the_study():
    text = OPENING + "In this open-label pilot study, patients received vesicles from MSCs."
    assert study_start(text) == len(OPENING)
    text = OPENING + "Our randomised controlled trial gave vesicles to patients."
    assert study_start(text) == len(OPENING)


def test_an_earlier_study_is_not_this_study():
    text = OPENING + "In the previous study, vesicles lowered pain."
    assert study_start(text) == 0


def test_a_passive_cue_after_a_comma_keeps_its_sentence():
    assert study_start("Here, synovial MSCs were obtained from rabbits.") == 0
    text = OPENING + "As their effect is unclear, we tested them in rats."
    assert study_start(text) == text.index("we tested")


# Reviews that never use the word "review". Each abstract below is a paraphrase, in our own
# words, of a real published one (source given); the title or a survey phrase is all that
# marks it, and nothing in it reports an experiment.
def _study_type(title: str, abstract: str) -> str:
    from exobone.extract import Extractor
    from exobone.model import Record

    return str(Extractor().extract(Record(title=title, abstract=abstract), "S01").annotations[
        "study_type"
    ])


def test_we_provide_a_comprehensive_understanding_is_a_review():
    # Zhou et al., Int J Biol Sci 2020, doi:10.7150/ijbs.41637
    abstract = (
        "Injury of articular cartilage is a frequent clinical problem that may cause joint "
        "dysfunction, pain and secondary osteoarthritis (OA). Exosomes are endosome-derived "
        "vesicles that take part in cell-to-cell communication. Their role in OA has drawn "
        "growing attention, and their value for cartilage repair has gradually emerged. "
        "Herein, we provide a comprehensive understanding of exosomes and OA, covering how "
        "exosomes take part in OA, their therapeutic value and related bioengineering."
    )
    assert _study_type("Exosomes in osteoarthritis and cartilage injury", abstract) == "review"


def test_this_paper_focuses_on_is_a_review():
    # Li et al., Front Pharmacol 2022 (PMC9492865)
    abstract = (
        "Disc degeneration is the main cause of low back pain. Exosomes carry microRNAs to "
        "recipient cells and regulate their functions. This paper focuses on the changes of "
        "the disc microenvironment and on how exosomal microRNAs act. The aim of this paper "
        "is to identify the latest research results and the challenges of this strategy."
    )
    assert _study_type("Exosomal microRNAs in intervertebral disc degeneration", abstract) == (
        "review"
    )


def test_we_give_an_overview_is_a_review():
    # Wu and Sun, Front Cell Dev Biol 2022, doi:10.3389/fcell.2021.793363
    abstract = (
        "Disc degeneration is a leading cause of low back pain. Stem cell-derived vesicles "
        "have gained attention in regenerative medicine, and evidence points to their "
        "therapeutic potential in the disc. Given their novelty, we give an overview of these "
        "vesicles and their roles in disc degeneration."
    )
    assert _study_type("Stem cell vesicles in disc degeneration", abstract) == "review"


def test_a_survey_title_with_no_results_is_a_review():
    # Titles of Sun et al., Front Bioeng Biotechnol 2022 (doi:10.3389/fbioe.2022.866208) and
    # Zhu et al., Int J Mol Med 2023 (doi:10.3892/ijmm.2023.5324), over background only.
    abstract = (
        "Bone and tendon injuries heal poorly. Vesicles secreted by mesenchymal stem cells "
        "carry proteins and RNAs between cells and can be held in hydrogels."
    )
    for title in (
        "Exosome-laden hydrogels: a novel cell-free strategy for in situ bone regeneration",
        "Marrow stem cell exosomes: a novel therapeutic agent for tendon-bone healing",
        "Research progress on exosomes in osteoporosis",
    ):
        assert _study_type(title, abstract) == "review"


def test_a_survey_title_over_a_study_with_results_stays_primary():
    # Liang et al., Stem Cell Res Ther 2019 (DMOG-stimulated marrow MSC exosomes), under a
    # survey-like title: its own methods and results keep it primary.
    abstract = (
        "In this study, we evaluated whether exosomes of marrow MSCs preconditioned with DMOG "
        "promote angiogenesis. Scratch wound healing and tube formation assays were performed "
        "in HUVECs, and a critical-sized calvarial defect model was established in rats. "
        "Results showed that the exosomes activated the AKT/mTOR pathway."
    )
    assert _study_type("DMOG exosomes: a promising strategy for bone repair", abstract) == (
        "primary"
    )


def test_this_text_gives_a_concise_review_is_a_review():
    # Review of hydrogels as exosome carriers for bone regeneration (real-paraphrase R09), and
    # Fan et al., Bioengineering 2022 (PMC8945849) "this review ... summarizes": the survey
    # sentence outweighs an aside about the authors' own earlier work.
    abstract = (
        "Hydrogels are swollen polymer networks used in tissue repair. Exosomes of MSCs are new "
        "agents for cell-free therapy. Our own work has centred on ways to improve bone "
        "healing. This text gives a concise review of how hydrogels are made and loaded with "
        "exosomes for bone regeneration."
    )
    assert _study_type("Hydrogels as exosome carriers for bone repair", abstract) == "review"


def test_the_review_cue_is_read_once_per_record(monkeypatch: pytest.MonkeyPatch):
    """The pipeline finds the review's words once; the study family reads them from the
    Document instead of searching the record again."""
    calls = []
    search = discourse.review_cue

    def counted(title: str, abstract: str, *rest: Any):
        calls.append(title)
        return search(title, abstract, *rest)

    monkeypatch.setattr(discourse, "review_cue", counted)
    abstract = "This review summarizes how exosomes of MSCs act on bone. Dosing is discussed."
    record = Record(title="Exosomes for bone repair", abstract=abstract)
    doc = Extractor().document(record)
    assert doc.review_words == Span(0, 11, 0, "abstract")
    study = Extractor().extract(record, "S01")
    assert study.annotations["study_type"] == "review"
    assert study.evidence["study_type"]["review"] == [Span(0, 11, 0, "abstract")]
    assert len(calls) == 2  # once for `document`, once for `extract`
