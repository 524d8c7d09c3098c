"""Recipient cells of studies that also worked in animals or people, and outcomes named by
the cells whose process changed (issue 17, quality17t).

`recipient_cells` are cells in vitro (docs/schema.md); where a study also treated animals or
people and never writes 'in vitro', a recipient counts only if something says its cells were
in a dish. Two more signs of that, each seen in real abstracts: the cells are the subject of
the treatment ('the chondrocytes were treated with the vesicles'), or the disease model was
given to them in a relative clause ('cells in which ER stress had been induced with AGEs').
Examples are paraphrased; the source DOI is given with each.
"""

from __future__ import annotations

from real_text import found, rules_named


def test_chondrocytes_treated_with_synovial_fluid_evs_of_patients() -> None:
    # doi:10.3390/biom15060829 (Biomolecules 2025, R405): fluid and cartilage of patients,
    # then the chondrocytes are treated with the fluid's EVs.
    abstract = (
        "Synovial fluid and cartilage were collected from patients undergoing knee surgery. "
        "Vesicles of the synovial fluid (SF-EVs) were isolated by ultracentrifugation. "
        "Patients were grouped by the severity of their disease. "
        "Articular chondrocytes were treated with SF-EVs and their transcriptome was read."
    )
    assert found(abstract, "settings") == {"clinical", "in_vitro"}
    # Cells taken from patients are human cells (NOTES.md, ALL line of quality20a (2); the
    # record's own account takes the cartilage from patients and names no other species).
    assert found(abstract, "recipient_cells") == {"chondrocyte||human"}
    assert rules_named(abstract, "settings", "in_vitro") == {"treated_after"}  # study.yaml


def test_nucleus_pulposus_cells_in_which_stress_had_been_induced() -> None:
    # doi:10.7150/thno.33638 (Theranostics 2019, R324): MSC exosomes tested in human NP cells
    # whose ER stress AGEs had induced, beside a rat model of disc degeneration.
    abstract = (
        "The effects of MSC-exos were tested in human NP cells in which ER stress had been "
        "induced with advanced glycation end products. A rat model of disc degeneration was "
        "then built to test the exosomes in vivo."
    )
    assert found(abstract, "recipient_cells") == {"nucleus_pulposus_cell||human"}
    assert found(abstract, "settings") == {"in_vitro", "in_vivo"}
    assert rules_named(abstract, "settings", "in_vitro") == {"treated_after"}  # study.yaml
