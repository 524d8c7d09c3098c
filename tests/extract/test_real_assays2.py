"""Method names coordinated before one shared head word are each that method (issue 17).

"alkaline phosphatase and alizarin red staining" names ALP staining as well as alizarin red;
"scratch and transwell assays" names a scratch assay. Each case paraphrases a published abstract
(source in the comment); the name + head must be an assay term of the lexicon.
"""

from real_text import EXTRACTOR

from exobone.model import Record


def test_the_shared_head_is_named_in_the_explanation():
    record = Record(
        title="", abstract="Cells were examined with HE and immunofluorescence staining."
    )
    (histology,) = [
        e for e in EXTRACTOR.explain(record) if (e.field, e.value) == ("assays", "histology")
    ]
    (because,) = histology.evidence
    assert because.words == "HE"
    assert any("head word 'staining'" in reason for reason in because.reasons)
