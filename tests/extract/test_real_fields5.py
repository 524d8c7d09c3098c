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


# --- Bone regeneration as the study's purpose: an aim told by a modal or an infinitive ------


def test_aim_could_enhance_bone_regeneration() -> None:
    # doi:10.1111/cpr.12669 (outside the corpus): the study asked whether exosomes of
    # miR-375-overexpressing adipose MSCs could enhance bone regeneration.
    text = (
        "Objectives: We asked whether exosomes of human adipose mesenchymal stem cells that "
        "overexpress miR-375 could enhance bone regeneration. Methods: The exosomes were "
        "embedded in a hydrogel and applied to calvarial defects of rats."
    )
    assert "bone_regeneration_general" in found(text, "conditions")


def test_therapy_to_enhance_bone_regeneration() -> None:
    # PMC7581449 (R56): the vesicles hold promise as a cell-free therapy to enhance bone
    # regeneration and repair.
    text = (
        "Forming bone needs progenitor cells. We isolated vesicles from mechanically loaded "
        "osteocytes and added them to MSCs. These vesicles hold great promise as a cell-free "
        "therapy to enhance bone regeneration and repair."
    )
    assert "bone_regeneration_general" in found(text, "conditions")


def test_approach_to_enhance_osteogenesis_and_bone_regeneration() -> None:
    # PMC8240597 (R101): coating implants with the exosomes may be a viable approach to
    # enhance osteogenesis and bone regeneration.
    text = (
        "We coated titanium implants with MSC exosomes and cultured osteoblasts on them. "
        "The coating raised ALP activity. It may therefore be a viable approach to enhance "
        "osteogenesis and bone regeneration."
    )
    assert "bone_regeneration_general" in found(text, "conditions")


def test_shown_to_promote_bone_regeneration_is_a_result() -> None:
    # Guard: a measured result, not the purpose (seed S05/S06 convention).
    text = (
        "We injected MSC exosomes into rats with femoral fractures. The exosomes were found "
        "to promote bone regeneration at the fracture site."
    )
    assert "bone_regeneration_general" not in found(text, "conditions")
