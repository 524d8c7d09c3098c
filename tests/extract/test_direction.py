"""Direction cues, scope, negation and inversion on sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from exobone.extract.direction import DOWN, SAME, UP, Target, find_cues, is_aim, resolve


def _targets(text: str, *terms: str, kind: str = "outcomes") -> list[Target]:
    """Targets at the first occurrence of each `term` (label = term with underscores)."""
    found = []
    for term in terms:
        label, _, word = term.partition("=")
        word = word or label
        match = re.search(re.escape(word), text)
        assert match, word
        found.append(Target(match.start(), match.end(), label.replace(" ", "_"), kind))
    return found


def _signs(text: str, *terms: str, kind: str = "outcomes") -> list[int | None]:
    return resolve(text, _targets(text, *terms, kind=kind))


def test_cues_are_found_with_sign() -> None:
    cues = {
        c.text.lower(): c.sign
        for c in find_cues("Exosomes up-regulated X, inhibited Y and did not affect Z.")
    }
    assert cues["up-regulated"] == UP
    assert cues["inhibited"] == DOWN
    assert cues["did not affect"] == SAME


def test_verb_distributes_over_coordination() -> None:
    text = (
        "The exosomes enhanced the proliferation, migration, and osteogenic "
        "differentiation of hBMSCs."
    )
    assert _signs(text, "proliferation", "migration", "osteogenic differentiation") == [UP, UP, UP]


def test_each_verb_governs_its_own_objects() -> None:
    text = "EVs promoted cartilage repair and inhibited matrix degradation in the joints."
    assert _signs(text, "cartilage repair", "matrix degradation") == [UP, DOWN]


def test_passive_predicate_after_subject() -> None:
    text = (
        "The expression of RUNX2, SP7 and BGLAP was markedly increased following exosome treatment."
    )
    assert _signs(text, "RUNX2", "SP7", "BGLAP", kind="genes") == [UP, UP, UP]


def test_predicates_split_clauses() -> None:
    text = (
        "Phosphorylation of p38 was inhibited, and phosphorylation of Akt was promoted "
        "by the vesicles."
    )
    assert _signs(text, "p38", "Akt", kind="pathways") == [DOWN, UP]


def test_noun_cue_and_composition() -> None:
    text = (
        "Exosome-treated cells showed reduced proliferation inhibition and the "
        "upregulation of SOX9."
    )
    signs = resolve(
        text,
        [
            *_targets(text, "cell_proliferation=proliferation"),
            *_targets(text, "SOX9", kind="genes"),
        ],
    )
    assert signs == [UP, UP]


def test_anti_adjective_is_inherent() -> None:
    text = "The vesicles had anti-apoptotic effects."
    target = Target(
        text.index("anti-apoptotic"), text.index(" effects"), "apoptosis", "outcomes", inherent=DOWN
    )
    assert resolve(text, [target]) == [DOWN]


def test_protect_from() -> None:
    text = "Exosomes protected chondrocytes from apoptosis."
    assert _signs(text, "apoptosis") == [DOWN]


@pytest.mark.parametrize(
    "text",
    [
        "The exosomes did not affect chondrocyte apoptosis.",
        "Exosomes had no significant effect on apoptosis of chondrocytes.",
        "Exosomes did not increase apoptosis.",
        "Exosomes failed to promote apoptosis in these cells.",
    ],
)
def test_negation_is_no_change(text: str) -> None:
    assert _signs(text, "apoptosis") == [SAME]


def test_not_only_is_not_negation() -> None:
    text = "Exosomes not only promoted angiogenesis but also bone formation."
    assert _signs(text, "angiogenesis") == [UP]


def test_stimulus_is_not_a_target() -> None:
    text = (
        "In chondrocytes stimulated with IL-1beta, exosomes suppressed IL-1beta-induced "
        "MMP13 expression."
    )
    assert _signs(text, "IL1B=IL-1beta", "MMP13", kind="genes") == [None, DOWN]


def test_passive_cue_by_the_stimulus_is_ignored() -> None:
    text = "MSC exosomes enhanced s-GAG synthesis impeded by IL-1beta."
    assert _signs(text, "matrix synthesis=s-GAG synthesis") == [UP]


def test_reversal_of_the_disease_model_inverts_each_change() -> None:
    text = (
        "Viability decreased and apoptosis occurred when IL-1beta was given, "
        "but all the changes were abolished when the exosomes were added."
    )
    assert _signs(text, "cell viability=Viability", "apoptosis") == [UP, DOWN]


def test_rescued_retardation_is_increase() -> None:
    text = (
        "The retardation of fracture healing in CD9(-/-) mice was rescued by injection of exosomes."
    )
    assert _signs(text, "fracture healing") == [UP]


def test_abolished_when_exosomes_added_is_decrease() -> None:
    text = "Apoptosis was abolished when exosomes were added."
    assert _signs(text, "apoptosis=Apoptosis") == [DOWN]


def test_secretion_inhibitor_inverts() -> None:
    text = "GW4869, an inhibitor of exosome secretion, prevented bone loss in the mice."
    assert _signs(text, "bone loss") == [UP]


def test_inhibitor_of_a_pathway_gives_no_target() -> None:
    text = "These effects were abrogated by inhibitors of AKT and ERK phosphorylation."
    assert _signs(text, "PI3K Akt=AKT", "MAPK ERK=ERK", kind="pathways") == [None, None]


def test_gerund_inhibitor_subject_is_not_a_vesicle_effect() -> None:
    text = (
        "Wnt-3a was elevated in the exosomes, and inhibiting Wnt signaling decreased "
        "osteogenic differentiation."
    )
    assert _signs(text, "osteogenic differentiation") == [None]


def test_cargo_is_not_an_effect() -> None:
    text = "Wnt-3a content was elevated in ASC-EXO."
    assert _signs(text, "WNT3A=Wnt-3a", kind="genes") == [None]


def test_neutral_predicate_blocks_an_earlier_cue() -> None:
    text = "Exosomes inhibited apoptosis, and p38 and Akt pathways were involved."
    assert _signs(text, "apoptosis", "MAPK p38=p38", kind="outcomes") == [DOWN, None]


def test_purpose_is_not_governed() -> None:
    text = "Preconditioning potentiates exosome efficacy for bone regeneration."
    assert _signs(text, "bone regeneration") == [None]


def test_aims_are_recognised() -> None:
    assert is_aim("We aimed to investigate whether exosomes promote osteogenesis.")
    assert not is_aim("Exosomes promoted osteogenesis.")
