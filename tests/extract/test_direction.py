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


# --------------------------------------------------------------------------------------------
# The fast scanners must give exactly what the plain regexes they stand for give.
# --------------------------------------------------------------------------------------------
from pathlib import Path  # noqa: E402

from exobone.extract import direction_cues, direction_rules  # noqa: E402

_TRICKY = [
    "Exosomes up-regulated X, Up regulated Y, down- regulated Z, did not significantly affect W.",
    "BMSC-Exos protected the articular cartilage of rats from degradation; GW4869 blocked this.",
    "IL-1β-induced apoptosis was REDUCED, whereas EV-treated cells proliferated faster than PBS.",
    "The changes induced by IL-1beta were almost abolished when exosomes were added (Fig. 2).",
    "Reinduced and re-induced osteogenic potential; anti-apoptotic, chondroprotective effects.",
    "We aimed to investigate whether sEVs or MSC-exos or hUCexo in 5 cm defects restore bone.",
    "No significant differences in MMP13 were found between groups, compared with the control.",
    "Exoſomes and İL-6 and ıncreased K-levels: odd letters that IGNORECASE folds.",
    "Osteogenic responses, cartilage and subchondral bone, cartilage from degradation, and "
    "mitochondrial membrane potential were measured by JC-1 in conditioned medium and MPs.",
    "These effects were reversed by siRNA knockdown of SIRT1 through the AMPK pathway; thus "
    "balance and homeostasis involving the joint were kept for 8 weeks, which is unknown.",
    "Levels, however, revealed several exogenous vesicle-free microparticles: the secretome.",
]


def _sentences() -> list[str]:
    """The sentences above and those of the demo bibliography (split at full stops)."""
    from exobone.ingest import read_records
    from exobone.model import Record

    demo = Path(__file__).resolve().parents[2] / "examples" / "exosome_bone_bibliography.txt"
    found = list(_TRICKY)
    for record in read_records(demo):
        if isinstance(record, Record) and record.abstract:
            found += [s for s in re.split(r"(?<=\.) ", record.abstract) if s]
    return found


def test_cue_scan_equals_the_plain_alternation() -> None:
    plain = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(f"(?P<c{i}>{p})" for i, (p, _, _) in enumerate(direction_rules.CUE_TABLE))
        + r")(?![\w])",
        re.IGNORECASE,
    )
    for text in _sentences():
        expected = [
            (m.start(), m.end(), direction_rules.CUE_TABLE[int(m.lastgroup[1:])][1:])
            for m in plain.finditer(text)
            if m.lastgroup
        ]
        assert [(c.start, c.end, (c.sign, c.form)) for c in find_cues(text)] == expected, text


def test_boundary_aim_and_phrase_scans_equal_their_regexes() -> None:
    boundaries = re.compile("|".join(direction_rules.BOUNDARY_PATTERNS), re.IGNORECASE)
    aims = re.compile(r"\b(?:" + "|".join(direction_rules.AIM_PATTERNS) + r")\b", re.IGNORECASE)
    phrases = [
        re.compile(r"(?<![\w-])(?:" + p + r")(?![\w])", re.IGNORECASE)
        for p, *_ in direction_rules.PHRASES
    ]
    for text in _sentences():
        view = direction_rules.view_of(text)
        spans = [m.span() for _, m in direction_rules.BOUNDARIES.finditer(view)]
        assert spans == [m.span() for m in boundaries.finditer(text)], text
        assert is_aim(text) == (aims.search(text) is not None), text
        each = direction_rules.PHRASE_SCAN.finditer_each(view)
        for i, regex in enumerate(phrases):
            assert [m.span() for m in each.get(i, [])] == [m.span() for m in regex.finditer(text)]


def test_neutral_predicate_regex_equals_the_word_by_word_form() -> None:
    plain = re.compile(
        r"^[\s,]*(?:(?:and|or|the|of|in|\w+)\s+){0,6}?(?:was|were|is|are|have been|has been)\s+"
        r"(?:\w+ly\s+)?(?!\w*(?:"
        + "|".join(direction_rules.RULES.word_list("directed_stems"))
        + r"))\w+(?:ed|en)\b",
        re.IGNORECASE,
    )
    for text in _sentences():
        for cut in [m.start() for m in re.finditer(r"\s", text)]:
            gap = text[cut:]
            neutral = direction_rules.NEUTRAL_PRED_RE
            assert (neutral.match(gap) is None) == (plain.match(gap) is None)
            # the quick pre-test never rules out a match
            assert direction_cues.neutral_predicate(gap) == (plain.match(gap) is not None)
            blanked = re.sub(r"\b(?:bone|cartilage|apoptosis|osteogenesis)\b", "    ", gap)
            expected = direction_rules.NEUTRAL_PRED_RE.match(blanked) is not None
            assert direction_cues.neutral_predicate(blanked) == expected


@pytest.mark.parametrize(
    ("text", "term", "kind", "sign"),
    [
        ("Exosomes reversed the IL-1beta-induced decrease in COL2A1 expression.", "COL2A1",
         "genes", UP),
        ("The vesicles attenuated the increase in MMP13 caused by IL-1beta.", "MMP13", "genes",
         DOWN),
        ("Treatment with EVs blunted the LPS-induced rise in IL-6.", "IL-6", "genes", DOWN),
        ("Exosomes offset the loss of aggrecan in cartilage explants.", "aggrecan", "genes", UP),
        ("Exosomes abolished the H2O2-induced increase in apoptosis.", "apoptosis", "outcomes",
         DOWN),
        ("The increase in MMP13 was attenuated by exosomes.", "MMP13", "genes", DOWN),
        ("Exosome treatment led to a decrease in SOX9 levels.", "SOX9", "genes", DOWN),
    ],
)  # fmt: skip
def test_change_nouns_compose_with_the_verb_that_undoes_them(
    text: str, term: str, kind: str, sign: int
) -> None:
    assert _signs(text, term, kind=kind) == [sign]


@pytest.mark.parametrize(
    "text",
    [
        "To induce senescence, chondrocytes were exposed to H2O2 before exosome treatment.",
        "Cells were treated with H2O2 to induce senescence, and exosomes were then added.",
        "Senescence was induced in chondrocytes using H2O2, and exosomes were then added.",
        "Senescence was triggered with etoposide before the vesicles were given.",
    ],
)
def test_setting_up_the_model_is_not_an_outcome(text: str) -> None:
    assert _signs(text, "senescence=enescence") == [None]


def test_able_to_is_still_a_finding() -> None:
    text = "Exosomes were able to promote senescence escape; they did not induce senescence."
    assert _signs(text, "senescence escape") == [UP]


@pytest.mark.parametrize(
    ("text", "sign"),
    [
        ("GW4869 prevented bone loss in the mice.", UP),
        ("Bone loss was prevented by GW4869 treatment.", UP),
        ("GW4869 abolished the bone loss induced by exosomes.", UP),
        ("GW4869 abolished the exosome-induced bone loss.", UP),
    ],
)
def test_secretion_blocker_inverts_only_what_it_acted_on(text: str, sign: int) -> None:
    assert _signs(text, "bone loss=one loss") == [sign]


def test_inherent_property_is_not_inverted_by_the_secretion_blocker() -> None:
    text = "The pro-osteogenic effect of exosomes was abolished by GW4869."
    target = Target(4, 30, "osteogenic_differentiation", "outcomes", inherent=UP)
    assert resolve(text, [target]) == [UP]


@pytest.mark.parametrize(
    "text",
    [
        "Osteogenic differentiation was abolished by LY294002.",
        "Osteogenic differentiation was blocked in the presence of the inhibitor LY294002.",
        "Osteogenic differentiation was suppressed in BMSCs by a miR-21 inhibitor.",
    ],
)
def test_rescue_by_an_inhibitor_is_not_a_vesicle_effect(text: str) -> None:
    assert _signs(text, "osteogenic differentiation=Osteogenic differentiation") == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Apoptosis was lower in the exosome group than in the PBS group.",
        "Apoptosis was lower in the exosome-treated group than in controls.",
    ],
)
def test_treatment_arm_is_not_cargo(text: str) -> None:
    assert _signs(text, "Apoptosis") == [DOWN]


def test_vesicle_content_is_still_cargo() -> None:
    assert _signs("MMP13 was higher in exosomes than in cells.", "MMP13", kind="genes") == [None]


@pytest.mark.parametrize(
    ("text", "term", "kind", "sign"),
    [
        ("The decrease in SOX9 expression caused by TNF-alpha was reversed by exosomes.", "SOX9",
         "genes", UP),
        ("The increase in MMP13 expression induced by IL-1beta was attenuated by exosomes.",
         "MMP13", "genes", DOWN),
        ("Exosomes rescued chondrocytes from apoptosis.", "apoptosis", "outcomes", DOWN),
    ],
)  # fmt: skip
def test_stimulus_aside_and_rescue_from(text: str, term: str, kind: str, sign: int) -> None:
    assert _signs(text, term, kind=kind) == [sign]


def test_the_stimulus_after_caused_by_is_not_a_target() -> None:
    text = "The decrease in SOX9 caused by TNF was reversed by exosomes."
    assert _signs(text, "SOX9", "TNF", kind="genes") == [UP, None]
