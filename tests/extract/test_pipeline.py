"""build_document: abbreviations resolved part by part, species prefixes, RNA shapes, offsets."""

from exobone.extract.pipeline import build_document
from exobone.model import Record


def labels(abstract: str, kind: str, title: str = "") -> list[tuple[str, str]]:
    doc = build_document(Record(title=title, abstract=abstract))
    return [(m.text, m.label) for m in doc.mentions if m.kind == kind]


def test_abbreviation_compound_resolves_each_part():
    text = (
        "Exosomes secreted by human synovial-derived mesenchymal stem cells (SMSCs) were used. "
        "We found that SMSC-Exos entered the cells."
    )
    doc = build_document(Record(abstract=text))
    later = [m for m in doc.mentions if m.start > text.index("We found")]
    found = {(m.text, m.kind, m.label) for m in later}
    assert ("SMSC", "origins", "synovial_membrane") in found
    assert ("SMSC", "cell_types", "MSC") in found
    assert ("Exos", "vesicle_types", "exosome") in found


def test_definition_modifiers_belong_to_the_short_form():
    text = (
        "Signals of bone-marrow-derived mesenchymal stem cells (MSCs) matter. MSC exosomes helped."
    )
    origins = labels(text, "origins")
    assert ("MSC", "bone_marrow") in origins


def test_species_prefix_on_cell_abbreviations():
    text = "hBMSCs, rBMSCs-OVX and mBMSC were compared with HiPSC-MSC-Exos and plain pDA."
    species = labels(text, "species")
    assert ("h", "human") in species and ("r", "rat") in species and ("m", "mouse") in species
    assert ("H", "human") in species
    assert not any(text_ == "p" for text_, _ in species)


def test_glued_vesicle_suffix_and_cell_line_normalisation():
    text = "exosomes derived from 3T3L1 preadipocytes (3T3L1exo) and ASC-EXO"
    assert ("3T3L1", "3T3-L1") in labels(text, "cell_lines")
    vesicles = labels(text, "vesicle_types")
    assert ("exo", "exosome") in vesicles and ("EXO", "exosome") in vesicles


def test_mirna_and_lncrna_normalisation():
    text = (
        "mmu-miR-223, miR223, miR-140-5p and hsa-miR-21 with lncRNA RUNX2-AS1, lncRUNX2-AS1 and H19"
    )
    mirs = [label for _, label in labels(text, "mirna")]
    assert mirs == ["miR-223", "miR-223", "miR-140-5p", "miR-21"]
    lnc = [label for _, label in labels(text, "lncrna")]
    assert lnc == ["RUNX2-AS1", "RUNX2-AS1", "H19"]


def test_mirnas_named_by_their_number_after_a_first_full_name():
    # R662 (doi:10.1172/jci.insight.125019) and R723 (salivary exosomal miRNAs, its NOTES line)
    text = (
        "Senolytic treatment changed the levels of miR-34a, -30c, -125a, -24, -92a, -150 and "
        "-186. Mimics of three miRNAs (hsa-miR-4487, -4532 and -7108-5p) were delivered."
    )
    found = labels(text, "mirna")
    assert [label for _, label in found] == [
        "miR-34a", "miR-30c", "miR-125a", "miR-24", "miR-92a", "miR-150", "miR-186",
        "miR-4487", "miR-4532", "miR-7108-5p",
    ]  # fmt: skip
    assert ("-30c", "miR-30c") in found
    # a signed fold change or a negative number is no miRNA
    text = "miR-21, -0.5-fold in the cells, and miR-155, -2.3, were measured"
    assert [label for _, label in labels(text, "mirna")] == ["miR-21", "miR-155"]


def test_gene_symbols_from_aliases_and_shapes():
    text = (
        "MMP-13, Runx2, SIRT1, type II collagen and IL-1beta rose; GW4869 and C57BL/6 mice did not"
    )
    genes = {label for _, label in labels(text, "genes")}
    assert {"MMP13", "RUNX2", "SIRT1", "COL2A1", "IL1B"} <= genes
    assert not genes & {"GW4869", "C57BL"}


def test_mentions_offsets_point_at_their_words():
    title = "Exosomes from adipose-derived stem cells"
    abstract = (
        "Osteoarthritis (OA) is common. In this study, ADSC-derived exosomes reduced OA pain."
    )
    doc = build_document(Record(title=title, abstract=abstract))
    assert doc.mentions
    for m in doc.mentions:
        assert doc.text_of(m.section)[m.start : m.end] == m.text
        sentence = doc.sentence_of(m)
        assert sentence.start <= m.start and m.end <= sentence.end


def test_background_opening_is_marked():
    abstract = (
        "Exosomes are known to carry microRNAs. Recent studies indicate roles in osteoporosis. "
        "In this study, we isolated exosomes from BMSCs."
    )
    doc = build_document(Record(abstract=abstract))
    assert doc.background_end == abstract.index("In this study")
    osteoporosis = [m for m in doc.mentions if m.label == "osteoporosis"][0]
    assert doc.is_background(osteoporosis)
