"""Issue 17, routes and carriers on real abstracts (helper quality17g).

The route decisions of real_paraphrase/NOTES.md (ALL line of 2026-12-06), read from docs/schema.md:
'systemic injection' names no route; a review whose subject is vesicles carried by scaffolds
names scaffold_implantation. Each positive test paraphrases a real published abstract (DOI in
its comment); the guards keep the rows from over-firing.
"""

from __future__ import annotations

from real_text import found, rules_named

from exobone.extract.rules import load_rules

CONTEXT = load_rules("context.yaml")


# --- a review's scaffolds joined to its vesicles are their route -------------------------------


def test_a_review_of_exosomes_combined_with_hydrogel_scaffolds() -> None:
    # doi:10.3390/ijms22126203 (real_paraphrase R09): a review of hydrogels that deliver MSC
    # exosomes for bone regeneration.
    abstract = (
        "Hydrogels are polymer networks swollen with water. In cell-free bone tissue "
        "engineering, exosomes taken from human MSCs are now combined with hydrogel scaffolds. "
        "This review explains how such hydrogels are made and loaded with exosomes."
    )
    assert found(abstract, "delivery_routes") == {"scaffold_implantation"}
    rules = rules_named(abstract, "delivery_routes", "scaffold_implantation")
    assert rules == {"carried_before"}  # context.yaml


def test_a_review_of_scaffolds_combined_with_msc_evs() -> None:
    # doi:10.3390/membranes12070716 (real_paraphrase R141): a review of hydrogels and
    # scaffolds used with MSC-EVs to repair critical bone defects.
    abstract = (
        "Critical bone defects remain hard to repair. In this review we sum up how hydrogels, "
        "scaffolds and other materials combined with MSC-EVs repair bone defects, and how the "
        "miRNAs inside the vesicles promote osteogenesis."
    )
    assert found(abstract, "delivery_routes") == {"scaffold_implantation"}
    rules = rules_named(abstract, "delivery_routes", "scaffold_implantation")
    assert rules == {"carrying"}  # context.yaml


def test_a_review_of_scaffolds_used_as_exosome_carriers() -> None:
    # doi:10.12336/biomatertransl.2024.02.004 (real_paraphrase R112): nanomaterials,
    # hydrogels and electrospun scaffolds as exosome carriers for tendon repair.
    abstract = (
        "Exosomes are a promising biological therapy for tendon and ligament repair. This "
        "review looks at how electrospun scaffolds and other biomaterials serve as exosome "
        "carriers in tendon repair."
    )
    assert found(abstract, "delivery_routes") == {"scaffold_implantation"}
    rules = rules_named(abstract, "delivery_routes", "scaffold_implantation")
    assert rules == {"carrying"}  # context.yaml


def test_a_review_that_hedges_on_companion_scaffolds_names_no_route() -> None:
    """Guard (doi:10.1302/2046-3758.74.BJR-2018-0006, real_paraphrase R11): scaffolds named
    as a prospect the therapy may need are not the review's subject."""
    abstract = (
        "Large bone defects are still a clinical challenge. The success of an EV therapeutic "
        "will probably depend on companion scaffolds made to release it slowly. This narrative "
        "review discusses the cell sources of therapeutic EVs."
    )
    assert found(abstract, "delivery_routes") == set()
    # the row that blocks the carrying words
    assert CONTEXT.regex("hedge").search(" therapeutic will probably depend on companion ")


# --- vesicles given in a carrier, with no route named, were implanted with it -----------------


def test_a_hydrogel_carrying_the_vesicles_with_no_route_named() -> None:
    # doi:10.2217/rme-2021-0004 (real_paraphrase R50): ADSC exosomes in a hydrogel for rotator
    # cuff repair in rats; the vesicles' name follows the cells' prefix.
    abstract = (
        "We tested adipose-derived stem cell exosomes (ADSC-exos) on rotator cuff repair. "
        "A rat rotator cuff injury model was used in vivo. The hydrogel carrying ADSC-exos "
        "improved the mechanical properties of the repaired tendon."
    )
    assert found(abstract, "delivery_routes") == {"scaffold_implantation"}
    rules = rules_named(abstract, "delivery_routes", "scaffold_implantation")
    assert rules == {"carried_before"}  # context.yaml


def test_a_chitosan_hydrogel_incorporating_the_vesicles() -> None:
    # doi:10.1016/j.bioactmat.2020.07.002 (real_paraphrase R115): DPSC exosomes in a chitosan
    # hydrogel heal alveolar bone in mice with periodontitis.
    abstract = (
        "Exosomes were derived from dental pulp stem cells (DPSC-Exo). A chitosan hydrogel "
        "incorporating DPSC-Exo sped the healing of alveolar bone in mice with periodontitis."
    )
    assert found(abstract, "delivery_routes") == {"scaffold_implantation"}
    rules = rules_named(abstract, "delivery_routes", "scaffold_implantation")
    assert rules == {"carried_before"}  # context.yaml


def test_vesicles_given_in_fibrin_glue() -> None:
    # doi:10.1186/s12967-019-1960-x (real_paraphrase R136): BMSC-EVs in fibrin glue on window
    # defects of rat patellar tendons.
    abstract = (
        "Window defects were made in the patellar tendons of rats. The rats were treated "
        "with BMSC-EVs in fibrin glue or with fibrin glue alone, and the tendons were "
        "examined at 2 and 4 weeks."
    )
    assert found(abstract, "delivery_routes") == {"scaffold_implantation"}
    rules = rules_named(abstract, "delivery_routes", "scaffold_implantation")
    assert rules == {"carried_after"}  # context.yaml


# --- a material named only as a comparison group carried nothing -------------------------------


def test_a_material_named_only_as_a_group_is_no_biomaterial() -> None:
    # doi:10.1186/s13287-020-01918-x (real_paraphrase R128): tendon stem cell exosomes in
    # rat Achilles tendon injury, with a GelMA group beside the exosome group.
    abstract = (
        "Achilles tendon injuries were made in rats, which were randomly divided into a "
        "TSC-Exos group, a GelMA group and a control group. Tendons treated with TSC-Exos "
        "healed more regularly than those of the GelMA and control groups."
    )
    assert found(abstract, "biomaterials") == set()
    assert CONTEXT.regex("as_group").match(" group and a control group.")  # the row


def test_a_material_named_only_as_the_control_treatment_is_no_biomaterial() -> None:
    # doi:10.1002/jev2.70224 (real_paraphrase R65, a clinical trial of EVs in the
    # temporomandibular joint): the EVs did better than hyaluronic acid controls.
    abstract = (
        "Patients with temporomandibular joint osteoarthritis received extracellular "
        "vesicles. The EVs improved condylar bone regeneration compared with hyaluronic acid "
        "controls, with no adverse effects."
    )
    assert found(abstract, "biomaterials") == set()
    assert CONTEXT.regex("as_group").match(" controls, with no adverse effects.")  # the row
