"""Method names coordinated before one shared head word are each that method (issue 17).

"alkaline phosphatase and alizarin red staining" names ALP staining as well as alizarin red;
"scratch and transwell assays" names a scratch assay. Each case paraphrases a published abstract
(source in the comment); the name + head must be an assay term of the lexicon.
"""

from real_text import EXTRACTOR, fields_of

from exobone.model import Record


def assays(abstract: str) -> list[str]:
    return fields_of(abstract)["assays"]


def test_alkaline_phosphatase_before_alizarin_red_staining_is_alp_staining():
    # 10.1177/09636897211057465 (real_paraphrase R120): umbilical cord MSC exosomes and
    # osteoblast mineralisation.
    got = assays(
        "Osteoblasts were cultured with the exosomes, and their differentiation was followed "
        "by alkaline phosphatase and alizarin red staining."
    )
    assert "ALP_assay" in got
    assert "alizarin_red" in got


def test_he_before_immunofluorescence_staining_is_histology():
    # 10.1186/s13287-021-02362-1 (real_paraphrase R121): iPSC-MSC sEVs in punctured rat discs.
    got = assays(
        "Disc degeneration in the rats was graded by MRI, and the discs were examined with HE "
        "and immunofluorescence staining."
    )
    assert "histology" in got
    assert "immunofluorescence" in got


def test_scratch_before_transwell_assays_is_a_scratch_assay():
    # 10.1186/s13287-020-01918-x (real_paraphrase R128): tendon stem cell exosomes and
    # tenocyte migration.
    got = assays(
        "Tenocyte migration after exosome treatment was measured with scratch and transwell assays."
    )
    assert "scratch_assay" in got
    assert "transwell_migration" in got


def test_a_list_of_names_shares_the_head_back_to_its_first_name():
    # Three names before one head: each that is a term with the head counts.
    got = assays(
        "Mineralisation was shown by ALP, von Kossa and alizarin red staining, and migration "
        "by wound healing, transwell assays."
    )
    assert {"ALP_assay", "alizarin_red", "scratch_assay", "transwell_migration"} <= set(got)


def test_a_name_without_a_term_with_the_head_adds_no_assay():
    # Guard: "collagen staining" is no assay term, so only alizarin red is read.
    assert assays("Nodules were shown by collagen and alizarin red staining.") == ["alizarin_red"]
    # Nor does a name that is not coordinated with the method ("ALP" here is the gene).
    got = assays("ALP expression rose; alizarin red staining showed more nodules.")
    assert got == ["alizarin_red"]


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
