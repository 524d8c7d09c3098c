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


# --- Time points listed as ordinals or joined by "or" -------------------------------------


def test_ordinal_weeks_are_durations() -> None:
    # doi:10.1186/s13018-023-03576-0 (outside the corpus): serum markers were measured and the
    # rats killed at the 5th and 10th week after the injections of PRP exosomes.
    text = (
        "Rats with drilled cartilage defects were given PRP exosomes in the knee joint cavity "
        "once a week. Serum MMP-3 was measured at the 5th and 10th week after injection, and "
        "the rats were killed at the 5th and 10th weeks to score the repair."
    )
    assert {"35", "70"} <= found(text, "durations_days")


def test_weeks_listed_with_or_are_durations() -> None:
    # J Orthop Translat 36:152-163 (2022; hypoxic BMSC exosomes in ACL reconstruction,
    # outside the corpus): graft-bone integration was evaluated at postoperative weeks 2, 4
    # or 8.
    text = (
        "Rats with ACL reconstruction received exosomes in an adhesive hydrogel. Graft-bone "
        "integration was evaluated at postoperative weeks 2, 4 or 8."
    )
    assert found(text, "durations_days") == {"14", "28", "56"}


def test_ordinal_passage_is_no_duration() -> None:
    # Guard: an ordinal with no time unit ("the 5th passage") gives no period.
    text = "BMSCs of the 5th passage released exosomes, which were given to rats for 4 weeks."
    assert found(text, "durations_days") == {"28"}


# --- The disease the study sets out to treat, named only in its opening -------------------


def test_opening_names_the_defect_to_repair() -> None:
    # doi:10.3389/fbioe.2022.905511 (outside the corpus): titanium alloys are used to repair
    # maxillofacial bone defects; the study loads ADSC exosomes on a graphene-titanium scaffold.
    text = (
        "Titanium alloys are widely used in bone tissue engineering to repair maxillofacial "
        "bone defects left by trauma, but they are bio-inert. We prepared a titanium scaffold "
        "carrying ADSC exosomes, which raised osteogenic gene expression of ADSCs and "
        "repaired rabbit mandibles."
    )
    assert "bone_defect" in found(text, "conditions")


def test_opening_names_the_disease_to_treat() -> None:
    # Molecular17 probe (PDLSC-Exo act on osteoblasts through PI3K/AKT and MEK/ERK; outside the
    # corpus): PDLSCs are candidates for treating periodontitis.
    text = (
        "Objective: In periodontitis the alveolar bone is injured and resorbed, and treatment "
        "often fails. Osteoblast growth and differentiation are key to rebuilding that bone. "
        "Periodontal ligament stem cells (PDLSCs) are candidates for treating periodontitis, "
        "but how their exosomes act on osteoblasts is unclear. Methods: After exposure to "
        "PDLSC exosomes, proliferation and migration of hFOB1.19 cells were measured."
    )
    assert "periodontitis" in found(text, "conditions")


def test_opening_repair_of_cartilage_defects() -> None:
    # R54 (real_paraphrase): cartilage tissue engineering is a promising way to repair
    # cartilage defects; the study treats cartilage progenitor cells with hypoxic ADSC EVs.
    text = (
        "Cartilage tissue engineering is a promising way to repair cartilage defects, but "
        "seeding cells are scarce. We evaluated how EVs from hypoxic ADSCs affect cartilage "
        "stem/progenitor cells, and they raised their proliferation."
    )
    assert "cartilage_defect" in found(text, "conditions")


def test_opening_disease_as_a_risk_is_not_the_target() -> None:
    # Guard: a disease named in the opening as a risk, with no repair or treatment lead, is
    # background (seed and real_paraphrase convention).
    text = (
        "Accumulated microdamage raises the risk of osteoporotic fracture in the elderly. We "
        "treated BMSCs of aged rats with serum exosomes of young rats and measured their "
        "osteogenic differentiation."
    )
    assert "fracture" not in found(text, "conditions")
