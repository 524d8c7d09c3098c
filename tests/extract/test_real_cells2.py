"""Source and recipient cells as real abstracts name them, read on text the rules were not
tuned on (issue 17, area cells2).

Each case paraphrases a published abstract (source in the comment); the guards keep each
widened rule from reading cells that did not give or receive the vesicles.
"""


from exobone.extract.cells import analyse
from exobone.extract.pipeline import build_document
from exobone.model import Record


def test_an_ev_name_with_a_glued_condition_is_a_vesicle_mention():
    # 10.3389/fbioe.2023.1160703 (osteoblast EVs after dexamethasone, in vitro): the glued
    # "OB-EVDex" are the vesicles that the osteoblasts engulfed.
    doc = build_document(
        Record(
            title="Osteoblast EVs induced by dexamethasone",
            abstract=(
                "We studied EVs secreted from osteoblasts stimulated with dexamethasone for 14 "
                "days (OB-EVDex). Labelled OB-EVDex were engulfed by osteoblasts over time."
            ),
        )
    )
    cells = analyse(doc)
    texts = [doc.text_of(v.section)[v.start : v.end] for v in cells.vesicles]
    assert texts.count("EV") == 2
    assert [p.value for p in cells.recipients] == ["osteoblast||"]
