from exobone.text.abbreviations import find_abbreviations, match_long_form


def defs(text: str) -> dict[str, str]:
    return {a.short: a.long for a in find_abbreviations(text)}


def test_long_form_then_short_form():
    text = "exosomes from human umbilical cord derived mesenchymal stem cells (hUCMSCs) were used"
    assert defs(text)["hUCMSCs"] == "human umbilical cord derived mesenchymal stem cells"


def test_short_form_offsets_and_several_items():
    text = "MSCs derived from human induced pluripotent stem cells (hiPSCs, hiPSC-MSC-Exos) grew"
    (ab,) = find_abbreviations(text)
    assert ab.short == "hiPSCs" and text[ab.short_start : ab.short_end] == "hiPSCs"
    assert text[ab.long_start : ab.long_end] == "human induced pluripotent stem cells"


def test_short_form_then_long_form():
    assert defs("levels of MCP-1 (monocyte chemotactic protein-1) were low")["MCP-1"] == (
        "monocyte chemotactic protein-1"
    )


def test_no_definition_for_plain_parentheses():
    assert defs("cells (n = 5) were treated (see below)") == {}
    assert match_long_form("XYZ", "bone marrow") is None


def test_long_form_naming_the_tissue_after_the_cells():
    text = "Mesenchymal stem cells from the human gingiva (GMSCs) are easy to obtain."
    assert defs(text)["GMSCs"] == "Mesenchymal stem cells from the human gingiva"
    # Letters that cannot be found in the turned-round words give no definition.
    assert defs("cells of the synovial membrane (SMSCs) grew") == {}
