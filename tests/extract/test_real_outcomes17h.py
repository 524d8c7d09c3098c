"""Real-text tests of the outcomes17h helper (issue 17): a change the model's injury stimulus
made, tied to it by "after <stimulus>", is not a vesicle effect.

Each sentence is our own paraphrase of a real published abstract (DOI or URL in the comment)."""

from __future__ import annotations

from real_text import ISOLATED, effects_of, found


def test_a_fall_after_the_model_stimulus_is_the_model_s_not_the_vesicles() -> None:
    # doi:10.1186/s13287-021-02449-9 (real_paraphrase R137): marrow stem cells of aged
    # osteoporotic rats lose osteogenic capacity once their tibias are fatigue-loaded; serum
    # exosomes of young rats bring it back. Only the rise is the vesicles' effect.
    text = ISOLATED + (
        "The stem cells differentiated less into bone after fatigue loading, and serum "
        "exosomes of young rats, rich in miR-19b-3p, improved the lowered osteogenic "
        "differentiation of these cells."
    )
    assert found(text, "outcomes") == {"osteogenic_differentiation|increase"}
    text = ISOLATED + (
        "The stem cells showed weakened osteogenic differentiation after fatigue loading, and "
        "serum exosomes of young rats restored it."
    )
    assert "osteogenic_differentiation|decrease" not in found(text, "outcomes")


def test_the_predicate_form_after_the_stimulus_stays_without_direction() -> None:
    # the predicate form of the same class, already read through the agent after the verb
    # (europepmc MED/37771550, exosome mimetic vesicles of umbilical cord MSCs on
    # dexamethasone-treated MC3T3-E1 osteoblasts): MAPK signalling switched on after DEX
    # is the model's change; the vesicles then turned it down.
    assert "MAPK_signaling|up" not in effects_of(
        "In the osteoblasts, MAPK signalling became active after DEX treatment."
    )
    assert "MAPK_signaling|down" in effects_of(
        "Treatment with the vesicles damped the DEX-induced activation of MAPK signalling."
    )


def test_vesicles_in_the_clause_keep_their_effect_after_the_stimulus() -> None:
    # guard: the clause names the vesicles as the cause (the form of doi:10.1186/
    # s13287-020-01781-w, real_paraphrase R55: exosome pre-treatment lessened what IL-1beta did)
    text = ISOLATED + "The exosomes lowered chondrocyte apoptosis after IL-1beta stimulation."
    assert found(text, "outcomes") == {"apoptosis|decrease"}
    text = ISOLATED + "Apoptosis fell after IL-1beta stimulation in the exosome-treated cells."
    assert "apoptosis|decrease" in found(text, "outcomes")
