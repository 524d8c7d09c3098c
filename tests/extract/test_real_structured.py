"""Structured abstracts: their headings tell what is background, what is a review's survey and
where the vesicles came from (issue 17).

Each case paraphrases, in our own words, a published abstract (source in the comment); the
structured17 probe and real_paraphrase records are named where they come from.
"""

import pytest

from exobone.extract.discourse import study_start


# Guards: the study's own aim inside the Background section is study text. 10.1186/s13287-020-
# 1562-9 (structured17 probe A1) ends its Background with the study's question; real_paraphrase
# R03 (10.1186/s40824-022-00331-0, titanium implants treated with BMSC exosomes) tells its aim
# with "we" and no study cue.
@pytest.mark.parametrize(
    ("abstract", "aim"),
    [
        (
            "Background: Exosomes carry signals between cells and may act the same way when "
            "fractures heal. This study investigated whether exosomes from bone marrow "
            "mesenchymal stem cells improve the healing of nonunion. Methods: Exosomes were "
            "injected into the fracture sites of rats with a femoral nonunion.",
            "This study investigated",
        ),
        (
            "Background: Exosomes from bone marrow mesenchymal stem cells drive osteogenic "
            "differentiation, but injected exosomes are cleared fast. We therefore regarded the "
            "implant as a new organ of the body and sought a way to treat it with the exosomes "
            "directly. Methods: A fusion peptide that binds titanium and captures exosomes was "
            "built.",
            "We therefore regarded",
        ),
    ],
)
def test_the_aim_stated_in_the_background_section_starts_the_study(abstract: str, aim: str):
    assert abstract[study_start(abstract) :].startswith(aim)
