"""Gates that drop a molecule a reader sees moved by the vesicles (issue 17, unseen text), each
widened for the whole class and tested on sentences paraphrased in our own words from at least
two independent real published abstracts, run through the whole extractor.

Sources are named by DOI beside each example.
"""

from __future__ import annotations

import pytest
from real_text import fields_of, rules_named


def annotated(field: str, abstract: str) -> list[str]:
    """What the whole extractor gives for one field of a record with this abstract."""
    return fields_of(abstract, "Vesicle study")[field]


@pytest.mark.parametrize(
    ("abstract", "cargo", "rule"),
    [
        # 10.1186/s12951-021-01015-y (engineered miR-181b exosomes): the vesicles named by the
        # miRNA they overexpress (a predicate of what the vesicles hold)
        (
            "In vitro, exosomes overexpressing miR-181b (Exo-181b) steered macrophages toward the "
            "M2 phenotype.",
            "miR-181b",
            "vesicle_holds",
        ),
        # 10.1186/s13287-018-1004-0 (R93): the vesicles of source cells that overexpress it
        (
            "Exosomes derived from miR-92a-3p-overexpressing human mesenchymal stem cells "
            "enhance chondrogenesis.",
            "miR-92a-3p",
            "glued_overexpressing",
        ),
    ],
)
def test_vesicles_named_by_an_overexpressed_molecule_carry_it(
    abstract: str, cargo: str, rule: str
) -> None:
    """The molecule the vesicles (or their source cells) overexpress is their cargo, as the
    gold codes it (R93, holdout H06); `explain` names the row of data/cargo.yaml."""
    assert cargo in annotated("ev_cargo", abstract)
    assert rules_named(abstract, "ev_cargo", cargo, "Vesicle study") == {rule}


@pytest.mark.parametrize(
    ("abstract", "cargo"),
    [
        # 10.1080/20013078.2020.1778883 (R77, umbilical cord MSC sEVs in a hydrogel)
        (
            "A miRNA microarray showed that miR-23a-3p was the most abundant of the many miRNAs "
            "carried by hUC-MSCs-sEVs.",
            "miR-23a-3p",
        ),
        # 10.1038/s41467-022-28673-2 (R119, osteoblast vesicles): an apposition
        (
            "Mature osteoblasts release and take up extracellular vesicles. We further show that "
            "miR-143, a microRNA enriched in these extracellular vesicles, inhibits RUNX2.",
            "miR-143",
        ),
    ],
)
def test_a_molecule_named_as_one_of_the_vesicles_rnas_is_their_cargo(
    abstract: str, cargo: str
) -> None:
    """'X, a microRNA enriched in the EVs' and 'X was the most abundant miRNA in the EVs' name
    the vesicles' cargo through a class noun between the molecule and the vesicles."""
    assert cargo in annotated("ev_cargo", abstract)
    assert rules_named(abstract, "ev_cargo", cargo, "Vesicle study") == {"class_in"}
