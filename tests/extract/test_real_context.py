"""Conditions, routes, doses and durations of issue 17 as real abstracts state them: each class
on sentences paraphrased (in our own words) from real published texts, run through the whole
extractor.

Sources: R-numbers are records of tests/data/real_paraphrase (their NOTES line gives the DOI);
the others were read with the search tool and are named by DOI, PMC id or URL beside each
sentence.
"""

from __future__ import annotations

import pytest
from real_text import EXTRACTOR

from exobone.model import Record


def found(abstract: str, field: str, title: str = "Vesicles in skeletal disease") -> set[str]:
    annotations = EXTRACTOR.extract(Record(title=title, abstract=abstract), "T").annotations
    return {str(value) for value in annotations[field]}


# A power of ten written with no mantissa is the count 1eN (it was read as the exponent alone:
# "10^6 particles/mL" gave "6 particles/mL").
@pytest.mark.parametrize(
    ("abstract", "dose"),
    [
        # R79 (PMID 40219364)
        ("Cryogels seeded with bone marrow stem cell exosomes at 10^6 particles/mL were tested "
         "in rabbit cartilage defects.", "1e6 particles/mL"),
        ("Ovariectomized mice were given 10<sup>9</sup> exosomes through the tail vein.",
         "1e9 particles"),
    ],
)  # fmt: skip
def test_a_bare_power_of_ten_is_a_count(abstract: str, dose: str) -> None:
    assert found(abstract, "doses") == {dose}


def test_a_bare_power_of_ten_of_cells_is_no_dose() -> None:
    assert found("We seeded 10^6 cells on the scaffolds with the exosomes.", "doses") == set()


# "days 1-14": the period runs to its last day (it was read as 1).
@pytest.mark.parametrize(
    ("abstract", "days"),
    [
        # R75 (10.1007/s10561-020-09867-8)
        ("Exosomes released by the stem cells during days 1-14 of osteogenic induction were "
         "taken up by the recipient cells.", {"14"}),
        ("The exosomes of days 1-14 and 15-28 of induction were compared.", {"14", "28"}),
    ],
)  # fmt: skip
def test_a_range_of_days_counts_to_its_last_day(abstract: str, days: set[str]) -> None:
    assert found(abstract, "durations_days") == days


# A singular "week N" takes no comma list: in "at week 0, 35 rabbits" the 35 counts animals
# (it gave 245 days), while plural lists stay periods.
def test_a_singular_week_is_not_a_list() -> None:
    # R49 (10.1177/0363546520908847)
    abstract = (
        "At week 0, 35 rabbits were assigned to sham surgery or to a tear model. At week 6, "
        "7 sham-operated rabbits were killed and the rest received local exosome injection."
    )
    assert found(abstract, "durations_days") == {"42"}


@pytest.mark.parametrize(
    ("abstract", "days"),
    [
        # 10.1186/s13287-020-01781-w
        ("Paw withdrawal latency improved in the exosome-treated OA rats at weeks 2, 4, and 6.",
         {"14", "28", "42"}),
        ("Healing was followed at day 7 and 14 after the exosome injection.", {"7", "14"}),
    ],
)  # fmt: skip
def test_unit_first_lists_stay_periods(abstract: str, days: set[str]) -> None:
    assert found(abstract, "durations_days") == days


# "Osteoarthrosis" is osteoarthritis.
@pytest.mark.parametrize(
    "abstract",
    [
        # R23 (10.3389/fsurg.2022.836367)
        "Exosomes of chondrocytes and osteoblasts take part in glucocorticoid-induced "
        "osteoarthrosis.",
        # NCT06937528 (https://crick.ai/trials/NCT06937528)
        "Patients of both sexes with knee osteoarthrosis will receive injections of "
        "extracellular vesicles.",
    ],
)
def test_osteoarthrosis_is_osteoarthritis(abstract: str) -> None:
    assert "osteoarthritis" in found(abstract, "conditions")


# A review's title names its subject: "... in bone regeneration" there is the review's aim
# whatever word leads to it.
@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        # R100 (10.3389/fbioe.2024.1329388)
        ("Making genetically or chemically engineered exosomes and their therapeutic effects in "
         "bone regeneration and anti-inflammation",
         "This review sums up how engineered exosomes are prepared and what they do."),
        # 10.3390/jcm12134385
        ("Clinical potential of mesenchymal stem cell-derived exosomes in bone regeneration",
         "Here we review how stem cell exosomes act on bone cells."),
    ],
)  # fmt: skip
def test_a_review_title_names_bone_regeneration_as_its_subject(title: str, abstract: str) -> None:
    assert "bone_regeneration_general" in found(abstract, "conditions", title=title)


def test_a_primary_title_result_is_not_a_purpose() -> None:
    # seed S06: a primary study's title states a result, not what the study is for.
    title = "Exosome and tricalcium phosphate scaffolds can enhance bone regeneration in rats"
    abstract = "We implanted exosome-loaded scaffolds into calvarial defects of rats."
    assert "bone_regeneration_general" not in found(abstract, "conditions", title=title)


# Subcutaneous fat is the tissue the cells came from, not a subcutaneous route.
@pytest.mark.parametrize(
    "abstract",
    [
        # R19 (10.1186/s13287-021-02410-w)
        "Adipose stem cells were isolated from the subcutaneous fat of rats, and their "
        "exosomes were given to rats with Achilles tendon injuries in a biohydrogel.",
        # R118 (engineered exosomes of subcutaneous fat stromal cells in DMM mice)
        "Exosomes of stromal cells from subcutaneous fat delivered miR-199a-3p into the "
        "cartilage of mice with DMM-induced osteoarthritis in vivo.",
    ],
)
def test_subcutaneous_fat_is_no_route(abstract: str) -> None:
    assert "subcutaneous_implantation" not in found(abstract, "delivery_routes")


def test_a_subcutaneous_injection_stays_a_route() -> None:
    abstract = (
        "Exosomes of subcutaneous adipose tissue stem cells were injected subcutaneously in mice."
    )
    assert found(abstract, "delivery_routes") == {"subcutaneous_implantation"}


# Tendon repair, healing or regeneration as what the study is for names the tendon injury.
@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        # R112 (10.12336/biomatertransl.2024.02.004)
        ("Exosome-loaded biomaterials for tendon/ligament repair",
         "This review covers hydrogels and electrospun scaffolds that carry exosomes."),
        # 10.1111/jcmm.14430 (PMC6653097)
        ("Exosomes from tendon stem cells promote tendon healing by balancing matrix synthesis "
         "and degradation",
         "Exosomes of tendon stem cells were injected into the Achilles tendons of rats."),
        # R74 (PMC8618291)
        ("Adipose stem cell vesicles promote tendon regeneration in rabbits",
         "The vesicles raised tenocyte proliferation and migration in vitro."),
    ],
)  # fmt: skip
def test_tendon_repair_is_the_tendon_injury(title: str, abstract: str) -> None:
    assert "tendon_injury" in found(abstract, "conditions", title=title)


# An injection into the treated bone or tendon itself is a local injection.
@pytest.mark.parametrize(
    "abstract",
    [
        # R71 (10.1093/jbmrpl/ziaf164)
        "Serum exosomes of young rats were given to ovariectomized rats by intramedullary "
        "injection for 3 weeks after fatigue loading.",
        # 10.1111/jcmm.14430 (PMC6653097)
        "Collagenase made an Achilles tendinopathy in rats, which then received an "
        "intra-Achilles-tendon injection of tendon stem cells or of their exosomes.",
    ],
)
def test_an_injection_into_the_treated_bone_or_tendon_is_local(abstract: str) -> None:
    assert found(abstract, "delivery_routes") == {"local_injection"}


# Samples the study took from people make it clinical work (R18 convention).
@pytest.mark.parametrize(
    "abstract",
    [
        # R85 (10.1177/03635465211020010)
        "Exosomes of adipose stem cells were tested in mice with tendinopathy. Finally, tissue "
        "from human patients with rotator cuff tendinopathy was used to test how the exosomes "
        "act on resident macrophages.",
        # R87 (10.1186/s13287-021-02438-y)
        "We asked whether exosomes from the necrotic bone tissue of patients with femoral head "
        "necrosis inhibit osteogenesis of bone marrow stem cells.",
        # R18 (10.1038/ncomms10872)
        "Serum exosomal miR-214-3p was raised and bone formation lowered in elderly women with "
        "fractures and in ovariectomized mice.",
    ],
)
def test_samples_from_patients_are_clinical(abstract: str) -> None:
    assert "clinical" in found(abstract, "settings")


def test_patients_in_the_background_are_not_clinical() -> None:
    abstract = (
        "A treatment that strengthens M2 polarization would help patients with tendinopathy. "
        "We injected adipose stem cell exosomes into the tendons of mice."
    )
    assert "clinical" not in found(abstract, "settings")


# A particle concentration in a sentence that sizes the vesicles describes the preparation.
@pytest.mark.parametrize(
    "abstract",
    [
        # R48 (serum exosomes with a zinc scaffold in rabbit radial defects)
        "Electron microscopy showed saucer-shaped exosomes, 30-150 nm across with a mean size "
        "of 86 nm, at a concentration of 3.3 x 10^9 particles/mL.",
        # https://cn.bio-protocol.org/bio101/r8624196 (NTA of EVs in conditioned medium)
        "The EVs of the conditioned medium were tracked to give their hydrodynamic diameters, "
        "and each sample held between 2 x 10^8 and 6 x 10^8 particles/mL.",
    ],
)
def test_a_sized_particle_concentration_is_no_dose(abstract: str) -> None:
    assert found(abstract, "doses") == set()


def test_a_dose_counted_by_tracking_stays_a_dose() -> None:
    abstract = (
        "The small EVs were purified by size exclusion chromatography, and each dose held "
        "2 x 10^10 particles as counted by nanoparticle tracking analysis."
    )
    assert found(abstract, "doses") == {"2e10 particles"}


# Titania (titanium dioxide) nanotubes on an implant are a titanium carrier.
@pytest.mark.parametrize(
    "abstract",
    [
        # R101 (PMC8240597)
        "We built an EV-hybrid of titania nanotubes (TNT) and found that the EV-hybrid TNT "
        "raised the migration and osteogenic differentiation of bone marrow stem cells.",
        # 10.1039/d3tb01029e (an anodised titania nanotube layer on 3D printed implants)
        "An anodised layer of titania nanotubes on printed implants carried the exosomes "
        "to the cells around it.",
        # 10.1007/s13346-021-00980-z (titanium dioxide nanotubes as carriers on bone implants)
        "Titanium dioxide nanotubes loaded with the vesicles coated the bone implants.",
    ],
)
def test_titania_nanotubes_are_titanium(abstract: str) -> None:
    assert "titanium" in found(abstract, "biomaterials")


# Bone coordinated with a second tissue still names bone regeneration as the aim.
@pytest.mark.parametrize(
    ("title", "abstract"),
    [
        # R131 (10.1186/s13578-020-00527-8)
        ("Extracellular vesicles in bone and periodontal regeneration: current and potential "
         "therapeutic applications",
         "In this review we survey the vesicles and conditioned medium of stem cells."),
        # 10.3389/fmats.2023.1152378
        ("The biological applications of exosome-based materials in bone/cartilage tissue "
         "engineering",
         "We summarise exosomes and their use in regenerating bone and cartilage."),
    ],
)  # fmt: skip
def test_bone_and_a_second_tissue_name_bone_regeneration(title: str, abstract: str) -> None:
    assert "bone_regeneration_general" in found(abstract, "conditions", title=title)


def test_a_coordinated_result_is_not_a_purpose() -> None:
    abstract = "In the rats, the exosomes improved bone and cartilage repair at 8 weeks."
    assert "bone_regeneration_general" not in found(abstract, "conditions")


# A co-culture (the noun, as 'co-cultured' already was) is in vitro work.
def test_co_culture_experiments_are_in_vitro() -> None:
    # R119 (10.1038/s41467-022-28673-2)
    abstract = (
        "Intravital imaging shows that mature osteoblasts release and take up the small "
        "vesicles in vivo. In co-culture experiments, the vesicles inhibit osteoblast "
        "differentiation and raise RANKL expression."
    )
    assert found(abstract, "settings") == {"in_vitro", "in_vivo"}


def test_a_culture_medium_alone_is_not_in_vitro_work() -> None:
    abstract = "Exosomes isolated from the culture medium of stem cells were injected into rats."
    assert "in_vitro" not in found(abstract, "settings")
