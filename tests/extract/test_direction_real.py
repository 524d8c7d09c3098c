"""Direction-sign classes of issue 17, each on sentences paraphrased (in our own words) from at
least two independent real published abstracts, run through the whole extractor.

Sources: R-numbers are records of tests/data/real_paraphrase (their NOTES line gives the DOI);
the others were read with the search tool and are named by DOI or PMC id beside each sentence.
"""

from __future__ import annotations

import pytest
from real_text import fields_of


def found(abstract: str, title: str = "Vesicles in skeletal disease") -> dict[str, set[str]]:
    annotations = fields_of(abstract, title)
    return {field: set(annotations[field]) for field in ("outcomes", "molecular_effects")}


@pytest.mark.parametrize(
    "abstract",
    [
        # R37 (10.1186/s12951-022-01400-1): a rescued disease is a milder disease
        "Given intravenously, the bone-targeted platelet lysate exosomes rescued "
        "glucocorticoid-induced osteoporosis in the rats.",
        # R43 (PMID 38294408): improving a disease lessens it
        "Milk extracellular vesicles could thus improve osteoporosis by reshaping the gut "
        "microbiota of the ovariectomized mice.",
        # 10.18632/aging.104110 (title): preventing the disease
        "Exosomes from marrow stem cells prevented osteoarthritis in mice.",
        # 10.1186/s12951-021-01236-1: joint injection ameliorated the disease's progression
        "Umbilical cord stem cell EVs injected into the joint ameliorated the progression "
        "of osteoarthritis.",
        # R35 (10.3168/jds.2019-17501): helping to prevent the disease
        "Exosomes from bovine colostrum may thus help prevent osteoporosis.",
        # R43 (PMID 38294408, first sentence): protecting against the disease
        "Vesicles from milk support gut health and may protect against osteoporosis.",
    ],
)
def test_disease_level_verbs_lessen_the_disease(abstract: str) -> None:
    assert "disease_severity|decrease" in found(abstract)["outcomes"]


def test_improving_a_process_in_diseased_animals_says_nothing_of_the_disease() -> None:
    # dev D20's real title (osseointegration improved in osteoporotic rats)
    text = "Exosome-coated titanium implants improved osseointegration in osteoporotic rats."
    outcomes = found(text)["outcomes"]
    assert not any(value.startswith("disease_severity") for value in outcomes)


@pytest.mark.parametrize(
    ("abstract", "value"),
    [
        # R02 (10.1186/s13287-020-02005-x)
        (
            "The marrow stem cell exosomes also suppressed the polarization of M1 macrophages.",
            "macrophage_activation|decrease",
        ),
        # R62 (10.1007/s00441-020-03319-1)
        (
            "The TGF-beta1-primed exosomes repressed the M1 polarization of synovial macrophages.",
            "macrophage_activation|decrease",
        ),
        # 10.18632/aging.104110: a shift from M1 to M2 is less activation
        (
            "The exosomes may ease osteoarthritis by moving synovial macrophages from M1 to M2.",
            "macrophage_activation|decrease",
        ),
        # 10.1186/s12951-021-01236-1: more M2 polarization is less activation
        (
            "Treatment with the EVs promoted the polarization of M2-type macrophages.",
            "macrophage_activation|decrease",
        ),
        # R30 (PMC6321485): harmful vesicles (of LPS-preconditioned cells) drive M1 polarization
        (
            "EVs from LPS-preconditioned ligament stem cells induced strong M1 polarization of "
            "the macrophages.",
            "macrophage_activation|increase",
        ),
        # 10.1186/s12951-021-00964-8 (title): vesicles of diabetic macrophages harm healing
        (
            "An exosomal miRNA of macrophages from type 2 diabetic mice, miR-144-5p, impairs "
            "bone fracture healing by targeting Smad1.",
            "fracture_healing|decrease",
        ),
    ],
)
def test_macrophage_polarization_and_harmful_vesicles(abstract: str, value: str) -> None:
    assert value in found(abstract)["outcomes"]


@pytest.mark.parametrize(
    ("abstract", "value"),
    [
        # 10.1038/s41413-020-0100-9: synovitis is inflammation of the joint lining
        (
            "Stem cell exosomes shield the joint by promoting cartilage repair and inhibiting "
            "synovitis.",
            "inflammation|decrease",
        ),
        # PMC8065796: intra-articular inflammation relieved by MSC EVs
        (
            "MSC-derived EVs reduced synovial inflammation in the arthritic joint.",
            "inflammation|decrease",
        ),
        # R22 (10.2147/IJN.S327059): improved pain behaviour is less pain
        ("Exosome treatment led to improved pain behavior in the animals.", "pain|decrease"),
        # PMC13005340 (adipose stem cell EVs in OA rats)
        (
            "In the OA rats the vesicles improved pain behaviour and kept the cartilage.",
            "pain|decrease",
        ),
        # R55 (10.1186/s13287-020-01781-w, title): protecting cartilage
        (
            "Marrow stem cell exosomes protect cartilage damage in osteoarthritic rats.",
            "cartilage_degradation|decrease",
        ),
        # 10.1089/cell.2019.0098: MSC exosomes protect the cartilage matrix
        (
            "Exosomes from MSCs protect the cartilage matrix in osteoarthritis.",
            "cartilage_degradation|decrease",
        ),
    ],
)
def test_joint_level_verbs(abstract: str, value: str) -> None:
    assert value in found(abstract)["outcomes"]


@pytest.mark.parametrize(
    ("abstract", "value", "not_value"),
    [
        # R62: the miRNA silences the gene it targets
        (
            "Exosomal miR-135b drove M2 polarization of synovial macrophages by targeting MAPK6.",
            "MAPK6|down",
            "MAPK6|up",
        ),
        # PMC8908902: exosomes of miR-212-5p-overexpressing SMSCs act by targeting ELF3
        (
            "Exosomes of miR-212-5p-overexpressing synovial MSCs suppressed chondrocyte "
            "degeneration by targeting ELF3.",
            "ELF3|down",
            "ELF3|up",
        ),
        # 10.3389/fcell.2020.581545: a chain follows the signs (KDM5A falls, so SOCS1 rises)
        (
            "Vesicles carrying miR-29b-3p target KDM5A, which represses SOCS1 in stem cells.",
            "SOCS1|up",
            "SOCS1|down",
        ),
        # R63: a gene raised by the vesicles activates what follows
        (
            "After taking up the EVs, chondrocytes overexpress ITGB1, which activates the "
            "TGF-beta signaling pathway.",
            "TGF_beta_signaling|up",
            "TGF_beta_signaling|down",
        ),
    ],
)
def test_mechanism_chains(abstract: str, value: str, not_value: str) -> None:
    effects = found(abstract)["molecular_effects"]
    assert value in effects
    assert not_value not in effects


def test_a_targeting_word_that_names_delivery_is_no_cue() -> None:
    effects = found("Bone-targeting exosomes increased RUNX2 expression in the defects.")[
        "molecular_effects"
    ]
    assert effects == {"RUNX2|up"}


@pytest.mark.parametrize(
    "abstract",
    [
        # R31 (10.1002/advs.202001334): a profile of the vesicles' miRNAs is cargo
        "Sequencing suggests the osteogenic exosomes act through their cargos, including "
        "upregulated osteogenic miRNAs (miR-146a-5p and miR-503-5p) and downregulated "
        "anti-osteogenic miRNAs (miR-32-5p and miR-133a-3p), which activate the PI3K/Akt pathway.",
        # 10.1186/s12951-021-01236-1: miRNAs enriched in the vesicles, listed
        "Sequencing found five miRNAs enriched in the EVs, including miR-122-5p, miR-148a-3p "
        "and miR-486-5p, after the EVs promoted M2 polarization.",
    ],
)
def test_a_listed_cargo_profile_is_no_effect(abstract: str) -> None:
    effects = found(abstract)["molecular_effects"]
    assert not any(value.startswith("miR-") for value in effects)


def test_a_molecule_changed_in_the_recipient_cells_is_still_an_effect() -> None:
    effects = found("Exosomes increased RUNX2 and decreased miR-21 in the chondrocytes.")[
        "molecular_effects"
    ]
    assert effects == {"RUNX2|up", "miR-21|down"}


@pytest.mark.parametrize(
    ("abstract", "background_value"),
    [
        # R03 (10.1186/s40824-022-00331-0): what earlier work showed, before "we"
        (
            "Marrow stem cell exosomes are known to trigger osteogenic differentiation of MSCs, "
            "but bolus injections of them are soon cleared. Here we bound the exosomes to a "
            "titanium surface. The exosome coating enhanced bone formation around the implants.",
            "osteogenic_differentiation|increase",
        ),
        # R61 (osteocyte apoptosis, MLO-Y4): the general promise of MSC exosomes
        (
            "Exosomes of stem cells promise cell-free therapy through several abilities, among "
            "them promoting proliferation. We aimed to examine how adipose stem cell exosomes "
            "act on osteocytes. The exosomes reduced the apoptosis of MLO-Y4 cells.",
            "cell_proliferation|increase",
        ),
        # R41 (10.7150/thno.17450): the growth factors of PRP exosomes, as background
        (
            "The growth factors packed into PRP exosomes activate Akt to promote angiogenesis. "
            "In this study we gave PRP exosomes to steroid-treated rats. The exosomes raised "
            "Bcl-2 expression in the femoral head.",
            "angiogenesis|increase",
        ),
    ],
)
def test_the_opening_background_reports_no_finding(abstract: str, background_value: str) -> None:
    """General knowledge before the study's own account ("we ...") is not a vesicle effect."""
    result = found(abstract)
    assert background_value not in result["outcomes"]
    assert result["outcomes"] or result["molecular_effects"]  # the study's own finding is read


@pytest.mark.parametrize(
    ("abstract", "moved"),
    [
        # R61 (MLO-Y4 osteocytes under hypoxia and serum deprivation): Bcl-2 and Bax as a ratio
        (
            "Adipose stem cell exosomes cut the apoptosis of MLO-Y4 cells by raising the ratio of "
            "Bcl-2 to Bax and by lowering cytochrome c.",
            {"CYCS|down"},
        ),
        # R61: RANKL alone fell, and the RANKL/OPG ratio with it
        (
            "The exosomes also lowered RANKL expression as well as the RANKL/OPG ratio.",
            {"TNFSF11|down"},
        ),
        # R72 (10.3389/fbioe.2020.00891): milk EVs brought the raised ratio back down
        (
            "In the OVX mice the RANKL/OPG ratio rose, and milk EV treatment brought it back; "
            "osteocytes treated with the EVs showed a lower RANKL/OPG ratio.",
            set(),
        ),
        # R72 (title): the pair named as one system
        (
            "Milk extracellular vesicles protect bone by raising osteocyte numbers and targeting "
            "the RANKL/OPG system.",
            set(),
        ),
    ],
)
def test_molecules_in_a_ratio_get_no_direction_of_their_own(abstract: str, moved: set[str]) -> None:
    assert found(abstract)["molecular_effects"] == moved


@pytest.mark.parametrize(
    ("abstract", "cargo", "effect"),
    [
        # R90 (Acta Biomater 150:413): a miRNA raised in the vesicles of hypoxic MSCs
        (
            "Sequencing showed that miR-210-3p was increased in hypo-sEVs under hypoxia. The "
            "upregulated miR-210-3p of hypo-sEVs promoted angiogenesis by downregulating EFNA3.",
            "miR-210-3p",
            "EFNA3|down",
        ),
        # R88 (10.1302/2046-3758.132.BJR-2023-0146.R2): a miRNA lowered in senescent vesicles
        (
            "Sequencing found lower expression of miR-494-3p in the exosomes of senescent "
            "osteocytes than in normal exosomes. The senescent exosomes lowered RUNX2 in the "
            "preosteoblasts.",
            "miR-494-3p",
            "RUNX2|down",
        ),
        # R86 (10.1186/s13287-020-01991-2): the vesicle-borne miRNA behind a raised gene
        (
            "Exosomes of glucocorticoid-treated BMMSCs raised PAI-1 in endothelial cells, and "
            "miR-451-5p in GB-Exo is crucial for the raised PAI-1.",
            "miR-451-5p",
            "SERPINE1|up",
        ),
    ],
)
def test_a_molecule_changed_in_the_vesicles_is_cargo(
    abstract: str, cargo: str, effect: str
) -> None:
    effects = found(abstract)["molecular_effects"]
    assert effect in effects
    assert not any(value.startswith(cargo + "|") for value in effects)


@pytest.mark.parametrize(
    ("abstract", "manipulated"),
    [
        # R84 (gingival MSC exosomes and PDLSCs): a pathway blocked to test the mechanism
        (
            "The exosomes inhibited NF-kappaB activation in the ligament stem cells. When "
            "Wnt/beta-catenin signalling was blocked, the inhibitory effect of the exosomes on "
            "NF-kappaB was lost.",
            "Wnt_signaling",
        ),
        # R62 (10.1007/s00441-020-03319-1): the miRNA lowered by the experimenters
        (
            "The primed exosomes lessened cartilage damage in OA rats, an effect that was "
            "reversed when miR-135b was decreased.",
            "miR-135b",
        ),
        # R16 (10.1080/15384101.2020.1863682): a gerund subject that lowers a vesicle miRNA
        (
            "Reducing the miR-199a of the EVs weakened their protective effect on the nucleus "
            "pulposus cells.",
            "miR-199a",
        ),
        # R88 (10.1302/2046-3758.132.BJR-2023-0146.R2): raising a miRNA with mimics
        (
            "Raising miR-494-3p with mimics weakened the effect of the senescent exosomes on "
            "osteogenic differentiation.",
            "miR-494-3p",
        ),
    ],
)
def test_what_the_experimenters_changed_gets_no_direction(abstract: str, manipulated: str) -> None:
    effects = found(abstract)["molecular_effects"]
    assert not any(value.startswith(manipulated + "|") for value in effects)


@pytest.mark.parametrize(
    ("abstract", "prospect"),
    [
        # R83 (10.1186/s12951-021-00964-8): what the findings may lead to
        (
            "Diabetic macrophage exosomes impaired fracture healing. The results point to new "
            "strategies for improving fracture healing in diabetic patients.",
            "fracture_healing|increase",
        ),
        # R56 (PMC7581449): a promise, closing the abstract
        (
            "Vesicles from loaded osteocytes raised osteogenesis of the stem cells and hold "
            "great promise as a cell-free therapy to enhance bone regeneration.",
            "bone_regeneration|increase",
        ),
        # R77 (10.1080/20013078.2020.1778883): a promising capacity, not a measured effect
        (
            "The gel-bound sEVs raised the migration of chondrocytes and have a promising "
            "capacity to stimulate chondrogenesis.",
            "chondrogenic_differentiation|increase",
        ),
        # R52 (10.1002/adhm.202203131, title): what a scaffold is made for
        (
            "Sustained release of BMSC-EVs from printed scaffolds for promoting bone "
            "regeneration in diabetic rats",
            "bone_regeneration|increase",
        ),
    ],
)
def test_what_a_therapy_is_for_is_no_finding(abstract: str, prospect: str) -> None:
    assert prospect not in found(abstract, title=abstract)["outcomes"]


def test_a_therapy_claimed_as_shown_keeps_its_effect() -> None:
    # R22 (10.2147/IJN.S327059): the review's conclusion states what the pooled studies showed
    text = "Exosome administration is a potent cell-free therapy for alleviating osteoarthritis."
    assert "disease_severity|decrease" in found(text)["outcomes"]


@pytest.mark.parametrize(
    ("abstract", "values"),
    [
        # R55 (10.1186/s13287-020-01781-w, the source's own phrasing): the stimulus inhibited
        # proliferation, and the exosomes weakened that inhibition
        (
            "Exosome treatment clearly weakened the inhibitory effect of IL-1beta on the "
            "proliferation and migration of the chondrocytes.",
            {"cell_proliferation|increase", "cell_migration|increase"},
        ),
        # R81 (doi:10.1155/2021/2310025): the same with a relative clause
        (
            "The exosomes relieved the inhibitory effect that compression exerts on the "
            "proliferation and viability of nucleus pulposus cells.",
            {"cell_proliferation|increase", "cell_viability|increase"},
        ),
    ],
)
def test_weakening_a_stimulus_inhibitory_effect_raises_its_object(
    abstract: str, values: set[str]
) -> None:
    result = found(abstract)
    assert result["outcomes"] == values
    assert result["molecular_effects"] == set()  # the stimulus (IL-1beta) is no target


@pytest.mark.parametrize(
    ("abstract", "values"),
    [
        # R91 (Stem Cells Int 2024:5512423): a full gene name with its symbol, then a chain
        (
            "The exosomal miR-423-5p promoted angiogenesis by targeting dual-specificity "
            "phosphatase 8 (DUSP8) directly, which inhibited the ERK1/2 signaling pathway.",
            {"DUSP8|down", "MAPK_ERK|up"},
        ),
        # R88 (10.1302/2046-3758.132.BJR-2023-0146.R2): the target named in full first
        (
            "A reporter assay showed that the exosomal miR-494-3p targeted phosphatase and "
            "tensin homolog (PTEN) in the preosteoblasts.",
            {"PTEN|down"},
        ),
    ],
)
def test_a_target_named_in_full_with_its_symbol(abstract: str, values: set[str]) -> None:
    assert found(abstract)["molecular_effects"] == values


@pytest.mark.parametrize(
    "abstract",
    [
        # R82 (PMC10247878): fewer M1 macrophages in the callus
        "The M2-exosomes eased the osteoimmune setting by lowering the proportion of M1 "
        "macrophages in diabetic fractures.",
        # R82: M1 macrophages turned into M2 ones
        "M2-exosomes converted M1 macrophages into M2 macrophages through the PI3K/AKT pathway.",
        # R76 (10.18632/aging.104110): less production of M1 macrophages in the joint
        "The marrow stem cell exosomes inhibited M1 macrophage production in the synovium of "
        "the OA mice.",
    ],
)
def test_fewer_or_converted_m1_macrophages_is_less_activation(abstract: str) -> None:
    assert "macrophage_activation|decrease" in found(abstract)["outcomes"]


@pytest.mark.parametrize(
    "abstract",
    [
        # R75 (10.1007/s10561-020-09867-8): vesicle arms named by the days they were collected
        "Exo1-14d at 15 ug/mL induced osteogenic differentiation of hADSCs and raised RUNX2.",
        # PMC8647230: Exo1 (standard culture) and Exo2 (osteogenic induction) of HucMSCs
        "Compared with Exo1, Exo2 raised RUNX2 in the osteoblasts more strongly.",
    ],
)
def test_numbered_vesicle_arms_are_not_the_gene_exo1(abstract: str) -> None:
    assert found(abstract)["molecular_effects"] == {"RUNX2|up"}


@pytest.mark.parametrize(
    "abstract",
    [
        # docs/rules.md (issue 12): the PI3K inhibitor named by its class before its name
        "Exosomes enhanced osteogenic differentiation of the BMSCs. The PI3K inhibitor LY294002 "
        "blocked the osteogenic response to the exosomes.",
        # 10.1186/s13287-020-1562-9: "the BMP-2 inhibitors noggin and LDN193189" tested the
        # BMP-2/Smad1/RUNX2 route of the marrow stem cell exosomes
        "Exosomes enhanced osteogenic differentiation of the MC3T3-E1 cells. The BMP-2 "
        "inhibitors noggin and LDN193189 abolished the osteogenic effect of the exosomes.",
    ],
)
def test_an_inhibitor_named_by_its_class_is_the_subject_not_the_vesicles(abstract: str) -> None:
    assert found(abstract)["outcomes"] == {"osteogenic_differentiation|increase"}


@pytest.mark.parametrize(
    ("abstract", "value"),
    [
        # R66 (PMC8800263): collagenase-released matrix vesicles, "CRMVs"
        (
            "Western blotting showed that the MAPK pathway was activated in the follicle cells "
            "induced by CRMVs.",
            "MAPK_signaling|up",
        ),
        # R43 (PMID 38294408) and R72 (10.3389/fbioe.2020.00891): milk EVs, "mEVs"
        (
            "Osteoclast differentiation was inhibited by mEVs in the ovariectomized mice.",
            "osteoclastogenesis|decrease",
        ),
    ],
)
def test_vesicle_abbreviations_glued_to_a_prefix_name_the_vesicles(
    abstract: str, value: str
) -> None:
    result = found(abstract)
    assert value in result["outcomes"] | result["molecular_effects"]


@pytest.mark.parametrize(
    ("abstract", "value"),
    [
        # R35 (10.3168/jds.2019-17501): bone mineral density in steroid-osteoporotic mice
        (
            "In the glucocorticoid-induced osteoporosis mice, bone mineral density was clearly "
            "better in the exosome-fed groups.",
            "bone_loss|decrease",
        ),
        # R71 (10.1093/jbmrpl/ziaf164): volumetric BMD of OVX rats given young serum exosomes
        (
            "In the ovariectomized rats the serum exosomes increased volumetric bone mineral "
            "density of the tibia.",
            "bone_loss|decrease",
        ),
        # R43 (PMID 38294408): bone microarchitecture of OVX mice
        (
            "In the osteoporotic OVX mice, milk EVs improved bone microarchitecture.",
            "bone_loss|decrease",
        ),
        # R72 (10.3389/fbioe.2020.00891): a better microarchitecture in OVX femurs
        (
            "Femoral stiffness lost by the OVX mice was restored by the milk EVs, together with "
            "a better bone microarchitecture.",
            "bone_loss|decrease",
        ),
    ],
)
def test_bone_mass_measures_bone_loss_in_osteoporosis(abstract: str, value: str) -> None:
    outcomes = found(abstract)["outcomes"]
    assert value in outcomes
    assert not any(v.startswith("bone_regeneration") for v in outcomes)


def test_bone_architecture_in_a_defect_is_new_bone() -> None:
    # R53 (10.1177/08853282261463691) and R92 (10.1186/s13287-016-0391-3): bone repair
    text = "In the femoral defects the exosome cryogels improved the bone microarchitecture."
    outcomes = found(text)["outcomes"]
    assert "bone_regeneration|increase" in outcomes
    assert not any(v.startswith("bone_loss") for v in outcomes)


@pytest.mark.parametrize(
    "abstract",
    [
        # R42 (hindawi sci 2022/9896444): inflammatory factors released by LPS-treated NPCs
        "BMSC-Exo inhibited the release of inflammatory factors such as IL-1beta and TNF-alpha "
        "by the LPS-treated nucleus pulposus cells.",
        # R62 (10.1007/s00441-020-03319-1): pro-inflammatory factors in the serum of OA rats
        "The primed exosomes reduced the pro-inflammatory factors in the serum of the OA rats.",
        # R17 (10.1186/s13018-023-04085-w): inflammatory factors among the lowered markers
        "With the SPC25-loaded exosomes, the expression of Bax, p21 and inflammatory factors "
        "was decreased.",
        # R19 (10.1186/s13287-021-02410-w): the early inflammatory reaction of tendon healing
        "ADSC-Exos also suppressed the early inflammatory reaction after tendon injury.",
    ],
)
def test_inflammatory_factors_and_reactions_are_inflammation(abstract: str) -> None:
    assert "inflammation|decrease" in found(abstract)["outcomes"]


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # R41 (10.7150/thno.17450): the disease is the model the finding was made in
        (
            "Glucocorticoids cause osteonecrosis of the femoral head (ONFH). The PRP exosomes "
            "can prevent GC-induced apoptosis in a rat model of ONFH by promoting Bcl-2.",
            {"apoptosis|decrease"},
        ),
        # R55 (10.1186/s13287-020-01781-w, title): the same with osteoarthritis
        (
            "Marrow stem cell exosomes reduced the loss of proteoglycan in a rat model of "
            "osteoarthritis.",
            set(),
        ),
        # R72 (10.3389/fbioe.2020.00891, title): experimental models of bone loss (the bone
        # the vesicles protect is the record's bone_loss|decrease; the models add nothing)
        (
            "Milk vesicles protect bone by increasing osteocyte numbers in experimental "
            "models of bone loss.",
            {"bone_loss|decrease"},
        ),
    ],
)
def test_the_disease_of_a_model_is_no_target(abstract: str, expected: set[str]) -> None:
    outcomes = found(abstract)["outcomes"]
    assert not any(
        v.startswith(("osteonecrosis", "disease_severity", "bone_loss"))
        for v in outcomes - expected
    )
    assert expected <= outcomes


@pytest.mark.parametrize(
    ("abstract", "unwanted"),
    [
        # R96 (osteoclast sEVs, miR-324): the role of the target named in apposition
        (
            "The vesicle miR-324 induced osteogenic differentiation of MSCs by targeting "
            "ARHGAP1, a negative regulator of osteogenic differentiation.",
            "osteogenic_differentiation|decrease",
        ),
        # R88 (10.1302/2046-3758.132.BJR-2023-0146.R2): the same with a pathway
        (
            "The exosomal miR-494-3p targeted PTEN, a negative regulator of the PI3K/AKT "
            "pathway, in the preosteoblasts.",
            "PI3K_Akt|down",
        ),
        # R97 (DMOG-stimulated MSC exosomes, title): targeting a pathway is acting on it
        (
            "DMOG-stimulated MSC exosomes enhance bone regeneration through angiogenesis by "
            "targeting the AKT/mTOR pathway.",
            "mTOR|down",
        ),
        # R101 (EV-hybrid TNT): a viable approach to enhance is a prospect
        (
            "EV-hybrid nanotubes may therefore be a viable therapeutic approach to enhance bone "
            "regeneration.",
            "bone_regeneration|increase",
        ),
    ],
)
def test_roles_tools_and_prospects_give_no_direction(abstract: str, unwanted: str) -> None:
    result = found(abstract)
    assert unwanted not in result["outcomes"] | result["molecular_effects"]
