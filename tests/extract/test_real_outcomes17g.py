"""Real-text tests of the outcomes17g helper (issue 17): a cancelled vesicle effect and the
gene names of endoplasmic-reticulum stress, gap junctions and RhoA.

Each sentence is our own paraphrase of a real published abstract (DOI in the comment)."""

from __future__ import annotations

from real_text import effects_of, found

FINDING = "Exosomes of bone marrow stem cells raised the proliferation and migration of tenocytes. "


def test_trypsin_cancelling_their_effect_gives_no_decrease() -> None:
    # doi:10.1371/journal.pone.0229914 (real_paraphrase R135): rat marrow MSC EVs on tenocytes;
    # digesting the vesicles' surface proteins with trypsin took their effects away.
    text = FINDING + (
        "Treating the vesicles with trypsin beforehand abolished their effect on proliferation, "
        "migration and collagen I expression."
    )
    assert found(text, "outcomes") == {
        "cell_proliferation|increase",
        "cell_migration|increase",
    }
    assert "COL1A1|down" not in found(text, "molecular_effects")


def test_inhibition_reversing_the_impact_of_the_exosomes_gives_no_direction() -> None:
    # doi:10.1016/j.reth.2020.07.001 (real_paraphrase R147): TGF-beta1 carried by marrow MSC
    # exosomes; blocking it (shRNA or a receptor inhibitor) partly undid what they did. The
    # subject of the cancelling verb is the experiment, so TGF-beta1 gets no 'down' either.
    text = FINDING + (
        "Inhibition of TGF-beta1, through sh-TGF-beta1 transfection or a TGFbetaR I/II "
        "inhibitor, partly reversed the impact of the BMSC-derived exosomes on proliferation."
    )
    assert found(text, "outcomes") == {
        "cell_proliferation|increase",
        "cell_migration|increase",
    }
    assert "TGFB1|down" not in found(text, "molecular_effects")


def test_vesicles_reversing_a_stimulus_effect_keep_their_direction() -> None:
    # guard: the owner of the effect is the stimulus, not the vesicles (the form of
    # doi:10.1186/s13287-020-01781-w, real_paraphrase R55: exosomes 'attenuated the inhibitory
    # effect of IL-1beta on' chondrocyte proliferation)
    text = "The exosomes reversed the effect of IL-1beta on the apoptosis of chondrocytes."
    assert "apoptosis|decrease" in found(text, "outcomes")


def test_a_finding_before_the_cancelling_clause_stays() -> None:
    # guard: the clause before ', and' tells the vesicles' effect (the form of real_paraphrase
    # R38, doi:10.3389/fendo.2021.680328: M2 macrophage exosomes raised miR-690, IRS-1 and TAZ,
    # and knocking down miR-690 partly cancelled their effect)
    text = (
        "The exosomes raised ALP activity in the BMSCs, and trypsin pretreatment abolished "
        "their effect on ALP activity."
    )
    assert "ALPL|up" in effects_of(text)


def test_er_stress_proteins_map_to_their_symbols() -> None:
    # doi:10.1155/2020/6697577 (urine stem cell exosomes and pressure-loaded NP cells): the ER
    # stress markers GRP78 and C/EBP homologous protein (CHOP) fell after treatment with the
    # exosomes; doi:10.7150/thno.17450 (real_paraphrase, PRP exosomes in ONFH) names the
    # PERK/CHOP branch that lowers Bcl-2.
    assert effects_of(
        "The exosomes lowered the ER stress markers GRP78 and C/EBP homologous protein (CHOP)."
    ) == {"HSPA5|down", "DDIT3|down"}
    assert effects_of("The exosomes suppressed CHOP expression and raised Bcl-2.") == {
        "DDIT3|down",
        "BCL2|up",
    }


def test_connexin_43_and_rhoa_map_to_their_symbols() -> None:
    # the gap junction protein connexin 43 (real_paraphrase equine EV review) and RhoA of the
    # ARHGAP1/RhoA/ROCK axis (PMC7900016, osteoclast sEVs carrying miR-324)
    assert effects_of("The exosomes raised connexin 43 and Cx43 levels.") == {"GJA1|up"}
    assert effects_of("The vesicles lowered RhoA activity in the MSCs.") == {"RHOA|down"}


def test_mirnas_held_by_the_vesicles_listed_after_such_as_are_cargo() -> None:
    # PMC7181459 (real_paraphrase R146, review of disc EVs): the effects of MSC EVs rest on
    # particular miRNAs inside them, for instance miR-233 and miR-21.
    text = (
        "Vesicles from MSCs also curb apoptosis of disc cells, apparently through particular "
        "miRNAs within the EVs, such as miR-233 and miR-21."
    )
    assert {"miR-233", "miR-21"} <= found(text, "ev_cargo")
    # holdout H20 (review of EVs in OA and RA): EVs of synovial fluid carry cytokines,
    # cartilage-degrading enzymes and miRNAs such as miR-155 and miR-146a.
    text = (
        "EVs in the synovial fluid of patients carry cytokines, proteases and miRNAs such as "
        "miR-155 and miR-146a."
    )
    assert {"miR-155", "miR-146a"} <= found(text, "ev_cargo")


def test_mirnas_of_the_recipient_cells_listed_after_such_as_are_no_cargo() -> None:
    # guard: the cells, not the vesicles, hold the miRNAs
    text = "Exosomes were added, and the chondrocytes expressed miRNAs such as miR-21."
    assert not found(text, "ev_cargo")


def test_a_blocked_secretion_cancelling_the_effect_still_tells_it() -> None:
    # guard: GW4869 stops the vesicles' release, so what it abolishes is the vesicles' own
    # effect (SCHEMA; the form of holdout H04, 'blocking exosome secretion with GW4869
    # abrogated the inhibitory effect of osteoclast supernatants on mineralization')
    text = (
        "Co-culture with osteoclasts lowered mineralization. GW4869 abolished the inhibitory "
        "effect of the osteoclast exosomes on mineralization."
    )
    assert "mineralization|decrease" in found(text, "outcomes")
