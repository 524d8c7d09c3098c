"""The Extractor: fields from the schema, evidence offsets, odd input never raises."""

import subprocess
import sys

import pytest

from exobone import __version__
from exobone.api import extractor_version
from exobone.errors import UnknownFieldError
from exobone.extract import FAMILIES, REGISTRY, Extractor, Finding, logic_version
from exobone.model import SET_FIELDS, Record, Span

ABSTRACT = (
    "Osteoarthritis (OA) is a common joint disease. In this study, exosomes were isolated from "
    "human bone marrow mesenchymal stem cells (BMSCs) by ultracentrifugation and characterized "
    "by transmission electron microscopy and western blot for CD63 and TSG101. Rat chondrocytes "
    "treated with IL-1beta were incubated with BMSC-Exos (50 ug/ml) for 48 h, and the uptake of "
    "exosomes by chondrocytes was observed. In a rat model of anterior cruciate ligament "
    "transection, intra-articular injection of BMSC-Exos for 8 weeks reduced cartilage "
    "degeneration on histology."
)


def study():
    record = Record(title="BMSC exosomes protect cartilage in osteoarthritis", abstract=ABSTRACT)
    return Extractor().extract(record, "S01")


def test_fields_of_a_primary_study():
    ann = study().annotations
    assert ann["study_type"] == "primary"
    assert set(ann["settings"]) == {"in_vitro", "in_vivo"}
    assert ann["vesicle_types"] == ["exosome"]
    assert "MSC|bone_marrow|human" in ann["ev_sources"]
    assert "chondrocyte||rat" in ann["recipient_cells"]
    assert ann["preconditioning"] == []  # IL-1beta was given to the recipients
    assert ann["animal_models"] == ["rat|ACLT"]
    assert set(ann["species"]) == {"human", "rat"}
    assert ann["delivery_routes"] == ["intra_articular_injection"]
    assert ann["isolation_methods"] == ["ultracentrifugation"]
    assert set(ann["characterization_methods"]) == {"TEM", "western_blot"}
    assert "western_blot" not in ann["assays"] and "histology" in ann["assays"]
    assert set(ann["ev_markers"]) == {"CD63", "TSG101"}
    assert ann["doses"] == ["50 ug/mL"]
    assert sorted(ann["durations_days"]) == [2, 56]
    assert "osteoarthritis" in ann["conditions"]


def test_every_value_has_evidence_covering_its_words():
    s = study()
    for name in SET_FIELDS:
        for value in s.annotations[name]:
            spans = s.evidence[name][str(value)]
            assert spans, (name, value)
            for span in spans:
                text = s.record.title if span.section == "title" else s.record.abstract
                assert 0 <= span.start < span.end <= len(text)
    rat_model = s.evidence["animal_models"]["rat|ACLT"][0]
    assert ABSTRACT[rat_model.start : rat_model.end] == "anterior cruciate ligament transection"


def test_review_has_no_settings():
    record = Record(
        title="MSC exosomes for cartilage repair",
        abstract="Here, we review how MSC exosomes act in cartilage repair and osteoarthritis.",
    )
    ann = Extractor().extract(record, "S01").annotations
    assert ann["study_type"] == "review"
    assert ann["settings"] == [] and ann["assays"] == []
    assert "osteoarthritis" in ann["conditions"]


def test_odd_input_gives_warnings_not_errors():
    ex = Extractor()
    cases = [
        Record(title="", abstract=""),
        Record(title="Exosomes and bone", abstract=""),
        Record(title="Les exosomes", abstract="Les vésicules extracellulaires sont étudiées ici."),
        Record(title="x", abstract=("In this study exosomes from BMSCs were used. " * 3000)),
        Record(title="\u0000\ufffd\u202e", abstract="(((( )))) ]] [[ \u2603 ㊙ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 İ ß"),
    ]
    for number, record in enumerate(cases, start=1):
        s = ex.extract(record, f"S{number:02d}")
        assert s.annotations["study_type"] in ("primary", "review")
    assert any("no abstract" in w for w in ex.extract(cases[1], "S02").warnings)
    assert any("longer than" in w for w in ex.extract(cases[3], "S04").warnings)
    assert any("no lexicon term" in w for w in ex.extract(cases[4], "S05").warnings)


def test_extract_many_numbers_studies():
    records = [Record(title=f"Exosomes {i}", abstract="") for i in range(3)]
    assert [s.id for s in Extractor().extract_many(records)] == ["S01", "S02", "S03"]


# The field each family must fill on the text below (a family that stopped loading or
# stopped working would leave its field empty).
FAMILY_FIELDS = {
    "study": "settings",
    "biology": "ev_sources",
    "context": "delivery_routes",
    "methods": "isolation_methods",
    "cargo": "ev_cargo",
    "quantities": "doses",
    "outcomes": "outcomes",
    "molecular": "molecular_effects",
}


def test_every_registered_family_is_loaded_and_fills_its_field():
    assert set(FAMILIES) == set(REGISTRY) == set(FAMILY_FIELDS)
    ex = Extractor()
    assert [name for name, _ in ex.families] == list(FAMILIES)
    record = Record(
        title="BMSC exosomes carrying miR-140 protect cartilage in osteoarthritis",
        abstract=ABSTRACT + " BMSC-Exos increased chondrocyte proliferation and upregulated "
        "COL2A1 expression.",
    )
    for name, field in FAMILY_FIELDS.items():
        alone = Extractor(families=[name]).extract(record, "S01")
        assert alone.annotations[field], (name, field)
        assert not alone.warnings, alone.warnings
        others = Extractor(families=[n for n in FAMILIES if n != name]).extract(record, "S01")
        assert not others.annotations[field], (name, field)


def test_unknown_family_is_refused():
    with pytest.raises(ValueError, match="no_such_family"):
        Extractor(families=["study", "no_such_family"])


def test_a_family_that_cannot_be_imported_fails_loudly():
    code = (
        "import sys; sys.modules['exobone.extract.cargo'] = None\n"
        "try:\n    import exobone.extract\n"
        "except ImportError as exc:\n    print('ImportError', exc)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("ImportError") and "cargo" in out.stdout


def test_version_names_package_and_logic_hash():
    ex = Extractor()
    assert ex.version == Extractor().version == logic_version()
    package, _, digest = ex.version.partition("+")
    assert package == __version__ and len(digest) == 12
    assert extractor_version(ex) == ex.version


# Evidence that states the value (issue 11): the species word and the setting's own words
# come first; a value known only from a cell name says it was inferred, and from what.
def test_evidence_states_species_and_settings_and_marks_inference():
    abstract = (
        "Exosomes from human BMSCs were given to HUVECs and MC3T3-E1 cells in vitro, and to "
        "rats with calvarial defects in vivo."
    )
    study = Extractor().extract(Record(abstract=abstract), "S01").to_json()
    evidence = study["evidence"]

    def words(place: dict) -> str:
        return abstract[place["start"] : place["end"]]

    assert words(evidence["species"]["human"][0]) == "human"
    assert words(evidence["species"]["rat"][0]) == "rats"
    mouse = evidence["species"]["mouse"]
    assert mouse == [{**mouse[0], "inferred": True, "from": "cell name MC3T3-E1"}]
    assert words(evidence["settings"]["in_vitro"][0]) == "in vitro"
    assert words(evidence["settings"]["in_vivo"][0]) == "in vivo"
    assert "inferred" not in evidence["settings"]["in_vivo"][0]


def test_a_setting_without_its_words_is_inferred_from_the_animals():
    abstract = "Exosomes were injected into rats with femoral defects, and bone formed."
    evidence = Extractor().extract(Record(abstract=abstract), "S01").to_json()["evidence"]
    (place,) = evidence["settings"]["in_vivo"]
    assert abstract[place["start"] : place["end"]] == "rats"
    assert place["inferred"] is True and place["from"] == "animals of the study"


def test_a_finding_for_a_field_outside_the_schema_fails_loudly(monkeypatch):
    """A family that misspells its field must not have its values dropped without a word."""

    def misspelled(doc):
        yield Finding("ev_source", "MSC||", Span(0, 4))

    monkeypatch.setitem(REGISTRY, "misspelled", misspelled)
    with pytest.raises(UnknownFieldError, match="unknown field 'ev_source'; did you mean"):
        Extractor(families=["misspelled"]).extract(Record(title="Exosomes"), "S01")


def _names_what_it_lacks(doc):
    return [undefined_helper(doc)]  # noqa: F821  (the bug under test)


def _imports_what_is_missing(doc):
    from exobone.extract import no_such_module  # type: ignore[attr-defined]  # noqa: F401

    return []


def _fails_on_this_text(doc):
    if "odd" in doc.title:
        raise ValueError("a text the family cannot read")
    return []


@pytest.mark.parametrize(
    ("family", "error"),
    [(_names_what_it_lacks, NameError), (_imports_what_is_missing, ImportError)],
)
def test_a_family_whose_code_is_broken_fails_loudly(monkeypatch, family, error):
    """A name or module the code lacks would empty the family's fields on every record;
    a warning per record hid it (the command went on with empty fields), so it raises."""
    monkeypatch.setitem(REGISTRY, "broken", family)
    extractor = Extractor(families=["study", "broken"])
    with pytest.raises(error):
        extractor.extract(
            Record(title="Exosomes and bone", abstract="Exosomes healed bone."), "S01"
        )


def test_a_family_that_fails_on_one_text_costs_only_its_fields(monkeypatch):
    monkeypatch.setitem(REGISTRY, "fragile", _fails_on_this_text)
    extractor = Extractor(families=["study", "fragile"])
    study = extractor.extract(Record(title="An odd text on exosomes", abstract=""), "S01")
    assert study.annotations["study_type"] in ("primary", "review")
    assert any(w.startswith("fragile fields skipped: ValueError") for w in study.warnings)
    assert not extractor.extract(Record(title="Exosomes", abstract=""), "S02").warnings[1:]
