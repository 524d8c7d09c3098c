"""Real-text cases of the fields vesicle_types, conditions, settings, routes, doses and
durations (issue 17, session of fields17b). Each example is our own paraphrase of a published
abstract, with its source in a comment."""

from __future__ import annotations

from real_text import found

# --- The secretome narrowed at once to a kind of vesicle is context, not a preparation ------


def test_secretome_especially_exosome_is_context() -> None:
    # doi:10.1186/s13287-023-03275-x (R107): the secretome of MSCs, especially exosome, helps
    # bone repair; the review is about the exosomes.
    text = (
        "Mesenchymal stem cell therapy still meets limits in the clinic. Lately the secretome "
        "of mesenchymal stem cells, especially the exosome, has been shown to help bone "
        "repair. This review discusses exosomes in bone regeneration."
    )
    assert found(text, "vesicle_types") == {"exosome"}


def test_paracrine_factors_such_as_exosomes_is_context() -> None:
    # doi:10.3390/vaccines11030687 (outside the corpus): paracrine factors such as exosomes
    # shape the immunomodulatory function of MSCs.
    text = (
        "Rheumatoid arthritis is a chronic inflammatory joint disorder. Paracrine factors, "
        "such as exosomes, also shape how mesenchymal stem cells modulate immunity. We "
        "review the therapeutic potential of exosomes in rheumatoid arthritis."
    )
    assert found(text, "vesicle_types") == {"exosome"}


def test_paracrine_factors_particularly_exosomes_is_context() -> None:
    # PMC7843188 (outside the corpus): how well MSC therapy works depends on paracrine factors,
    # particularly exosomes.
    text = (
        "Large bone defects remain hard to reconstruct. Growing work shows that MSC therapy "
        "owes its effect to paracrine factors, particularly exosomes. Here we review the "
        "noncoding RNAs of exosomes in bone regeneration."
    )
    assert found(text, "vesicle_types") == {"exosome"}


def test_secretome_tested_beside_exosomes_is_kept() -> None:
    # Guard: a secretome compared with exosomes is a preparation of the study.
    text = (
        "Bone defects are hard to treat. We compared the secretome and the exosomes of "
        "hypoxic MSCs in rats with calvarial defects."
    )
    assert found(text, "vesicle_types") == {"exosome", "secretome"}
