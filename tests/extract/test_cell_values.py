"""Cell values keep the schema's shape `cell|origin|species`: a phrase that names only a cell
line gives the line (cell_lines), never a value whose cell part is empty."""

from __future__ import annotations

from real_text import fields_of


def test_a_cell_line_named_alone_gives_no_cell_value_without_a_cell() -> None:
    # Paraphrased from doi:10.1111/cpr.12570: control vesicles of a line named by its full name;
    # before, the line's phrase gave the recipient value '||human'.
    abstract = (
        "Exosomes were isolated from human umbilical cord mesenchymal stem cells (uMSC-Exos) "
        "by ultrafiltration, and exosomes from human embryonic kidney 293 cells (HEK293) and "
        "PBS were used as controls. Human umbilical vein endothelial cells (HUVECs) treated "
        "with uMSC-Exos migrated faster."
    )
    fields = fields_of(abstract, "Exosomes")
    values = {str(v) for field in ("ev_sources", "recipient_cells") for v in fields[field]}
    assert values and all(not value.startswith("|") for value in values)
    assert {str(v) for v in fields["recipient_cells"]} == {"endothelial_cell|umbilical_cord|human"}
    assert {str(v) for v in fields["cell_lines"]} == {"HEK293"}
