"""Recipient cells, sources and their treatment as real abstracts write them (issue 17).

Each case paraphrases a published abstract (source in the comment); each rule has at least two
real examples, at least one of them from outside the real_paraphrase corpus where one was found.
"""

from real_text import fields_of


def fields(abstract: str, title: str = "") -> dict:
    return fields_of(abstract, title)


def test_cells_after_a_differentiation_of_are_the_recipients_not_induced_sources():
    # PMC12947552 (outside the corpus): the line is the preosteoblast it is, not a
    # "mineralizing" osteoblast.
    got = fields(
        "We isolated ADSC-Exos by ultracentrifugation and loaded them with a pearl powder "
        "extract; MC3T3-E1 cells were treated with the loaded exosomes.",
        title="Adipose stem cell exosomes loaded with pearl powder extract promote osteogenic "
        "differentiation of MC3T3-E1 cells",
    )
    assert got["recipient_cells"] == ["preosteoblast||mouse"]
    # Senescent osteocyte exosomes (real_paraphrase R88): the same line after "of".
    got = fields(
        "Exosomes collected from senescent MLO-Y4 cells inhibited osteogenic differentiation of "
        "MC3T3-E1 cells."
    )
    assert got["recipient_cells"] == ["preosteoblast||mouse"]
    # Kartogenin-pretreated ADSC exosomes (R07): the source's own cell type receives them.
    got = fields(
        "ADSCs were exposed to kartogenin and their exosomes (EXOs) were collected. "
        "KGN-induced ADSC-EXOs markedly promoted the proliferation, migration and "
        "chondrogenic differentiation of ADSCs."
    )
    assert got["recipient_cells"] == ["MSC|adipose|"]


def test_osteogenic_induction_of_the_source_still_joins_its_phrase():
    # The guard: "mineralizing MC3T3-E1" names induced cells (seed S02).
    got = fields("Exosomes from mineralizing MC3T3-E1 cells were added to ST2 cells.")
    assert "osteoblast||mouse" in got["ev_sources"]
    assert got["preconditioning"] == ["osteogenic_induction"]


def test_m1_and_m2_macrophages_are_not_counted_cells():
    # 10.1186/s13287-020-02005-x (R02): "M1" is a subtype, not a number of cells seeded.
    got = fields(
        "Methods: BMSC-Exos promoted the proliferation of HUVECs in vitro. BMSC-Exos could "
        "also inhibit the polarization of M1 macrophages."
    )
    assert "macrophage||" in got["recipient_cells"]
    # PMC10247878 (R82): "converted M1 macrophages into M2 macrophages", here said in vitro;
    # and the guard: a real count before the cells stays a count.
    got = fields(
        "In vitro, exosomes from M2 macrophages converted M1 macrophages into M2 macrophages."
    )
    assert got["recipient_cells"] == ["macrophage||"]
    got = fields("In vitro, 5000 BMSCs per well were cultured, and exosomes were added.")
    assert got["recipient_cells"] == []


def test_cells_of_the_study_animals_or_patients_are_no_recipient_cells():
    # 10.1007/s00441-020-03319-1 (R62): synovial macrophages of OA rats, no work in culture.
    got = fields(
        "We isolated BMSCs from rat bone marrow and obtained BMSC-derived exosomes. The "
        "exosomes reduced cartilage damage in OA rats and repressed the M1 polarization of "
        "synovial macrophages."
    )
    assert got["recipient_cells"] == []
    assert got["settings"] == ["in_vivo"]
    # PMC10247878 (R82): the macrophages of diabetic fractures in the animals.
    got = fields(
        "We extracted exosomes from M2 macrophages and injected them into diabetic fractures "
        "of rats. The exosomes lowered the proportion of M1 macrophages and accelerated "
        "fracture healing."
    )
    assert got["recipient_cells"] == []
    # The guard: the same study with work in culture keeps its recipients.
    got = fields(
        "We extracted exosomes from BMSCs and injected them into diabetic fractures of rats. "
        "In vitro, the exosomes lowered the proportion of M1 macrophages."
    )
    assert got["recipient_cells"] == ["macrophage||"]


def test_cells_listed_as_the_subject_of_releasing_vesicles_are_all_sources():
    # 10.3389/fsurg.2022.836367 (R23): four cell types that "produce and secrete" exosomes.
    got = fields(
        "Exosomes take part in bone physiology. Chondrocytes, osteoblasts, synovial fibroblasts "
        "and bone marrow mesenchymal stem cells produce and secrete exosomes that act on their "
        "target cells.",
        title="Exosomes in glucocorticoid-induced osteoarthrosis: a mini review",
    )
    assert got["ev_sources"] == [
        "chondrocyte||",
        "osteoblast||",
        "synoviocyte||",
        "MSC|bone_marrow|",
    ]
    # 10.1038/s41413-020-0100-9 (R109): the list closes with a comma before the verb.
    got = fields(
        "Several cell types of the joint, such as chondrocytes, synovial fibroblasts, "
        "osteoblasts and tenocytes, produce and release exosomes that change the cells they "
        "reach. This review sums up their roles in osteoarthritis."
    )
    assert got["ev_sources"] == ["chondrocyte||", "synoviocyte||", "osteoblast||", "tenocyte||"]


def test_a_list_before_other_verbs_is_not_a_source_list():
    # The guard: cells listed as receiving, not releasing, vesicles stay out of the sources.
    got = fields(
        "In vitro, chondrocytes and synovial fibroblasts were treated with exosomes from BMSCs."
    )
    assert got["ev_sources"] == ["MSC|bone_marrow|"]
    assert got["recipient_cells"] == ["chondrocyte||", "synoviocyte||"]


def test_osteoblast_precursor_cells_are_preosteoblasts():
    # 10.1186/s13287-020-1562-9 (outside the corpus): the line defined by its cell kind.
    got = fields(
        "In vitro, the proliferation and migration of mouse embryo osteoblast precursor cells "
        "(MC3T3-E1 cells) treated with BMMSC-Exos were measured by EdU incorporation."
    )
    assert got["recipient_cells"] == ["preosteoblast||mouse"]
    # Endothelial cell exosomes in steroid-induced ONFH (R68): the same words before the line.
    got = fields(
        "EC-exos were given to mouse embryo osteoblast precursor cells (MC3T3-E1) exposed to "
        "dexamethasone."
    )
    assert got["recipient_cells"] == ["preosteoblast||mouse"]


def test_cells_that_secrete_the_vesicles_named_before_them_are_no_recipients():
    # 10.1186/s12951-021-00826-3 (R05): "exosome secretion by BMSCs" names the source.
    got = fields(
        "We asked whether titanium topography changes exosome secretion by BMSCs in vitro."
    )
    assert got["recipient_cells"] == []
    # PMC7900016 (R96): "sEV microRNAs secreted by osteoclasts".
    got = fields(
        "A microarray of the sEV microRNAs (miRNAs) secreted by osteoclasts identified four "
        "miRNAs. One of them markedly induced osteogenic differentiation of primary "
        "mesenchymal stem cells (MSCs) in vitro."
    )
    assert "osteoclast||" not in got["recipient_cells"]
    # PMC7784575 (outside the corpus): "mainly secreted by" chondrocytes and synoviocytes,
    # the sources; and the guard: cells the vesicles were taken up by stay recipients.
    got = fields(
        "In the knee joint, exosomes are mainly secreted by articular chondrocytes and "
        "synoviocytes. In vitro, the exosomes were taken up by macrophages."
    )
    assert got["ev_sources"] == ["chondrocyte||", "synoviocyte||"]
    assert got["recipient_cells"] == ["macrophage||"]


def test_cells_induced_by_the_vesicles_received_them():
    # 10.1186/s13287-020-01918-x (R128): "proliferation of tenocytes induced by TSC-Exos".
    got = fields(
        "Tendon stem cells (TSCs) and tenocytes were cultured, and exosomes were isolated from "
        "the TSCs. Proliferation of tenocytes induced by TSC-Exos was measured with an EdU assay."
    )
    assert got["recipient_cells"] == ["tenocyte||"]
    # 10.1186/s12951-021-01236-1 (R130): "M2 macrophages induced by hUCMSCs-EVs"; their
    # supernatant shows work in culture though the study also injected the EVs into joints.
    got = fields(
        "Here we studied hUCMSCs-EVs in osteoarthritis. The supernatant of M2 macrophages "
        "induced by hUCMSCs-EVs reduced inflammatory factors in OA chondrocytes. Injection of "
        "hUCMSCs-EVs into the joint cavity slowed OA in rats."
    )
    assert got["recipient_cells"] == ["macrophage||"]
    assert "in_vitro" in got["settings"]


def test_cells_given_the_medium_of_treated_cells_are_no_recipients():
    # 10.1186/s13287-020-02039-1 (R102): DPSCs got the conditioned media of sEV-treated
    # macrophages, not the sEV.
    got = fields(
        "Methods: small EVs were isolated from dental pulp stem cells (DPSCs-sEV). Conditioned "
        "media of macrophages stimulated with DPSCs-sEV were used to promote odontogenesis in "
        "DPSCs."
    )
    assert "stem_cell_dental|dental_pulp|" not in got["recipient_cells"]
    # The guard: without the medium, the cells after the vesicles are recipients.
    got = fields(
        "Methods: exosomes were isolated from BMSCs. The exosomes reduced inflammatory "
        "factors in chondrocytes exposed to IL-1beta in vitro."
    )
    assert got["recipient_cells"] == ["chondrocyte||"]


def test_engineered_vesicles_are_no_treatment_of_their_source_cells():
    # Three real abstracts of the corpus: 10.1186/s12951-023-02086-9 (R118, 'Engineered
    # exosomes from subcutaneous fat stromal cells'), W3045995463 (R122, 'engineered exosomes'
    # carrying miR-140), PMC8636739 (R116, 'The engineered exosomes'): the vesicles were
    # engineered, not their source cells.
    got = fields(
        "We then engineered the exosomes of adipose stromal cells as carriers of miR-199a-3p "
        "and tested them on chondrocytes in vitro.",
        title="Engineered exosomes from subcutaneous fat stromal cells deliver miR-199a-3p to "
        "chondrocytes",
    )
    assert got["preconditioning"] == []
    got = fields(
        "Here we used chondrocyte-targeting engineered exosomes from HEK293 cells to deliver "
        "miR-140 into chondrocytes in vitro."
    )
    assert got["preconditioning"] == []
    # The guard (10.1016/j.bioactmat.2021.02.014, R117): genetically engineered source cells.
    got = fields(
        "We displayed CXCR4 on exosomes from genetically engineered NIH-3T3 cells, and the "
        "exosomes accumulated in the bone marrow."
    )
    assert got["preconditioning"] == ["genetic_modification"]


def test_nih_3t3_is_a_named_mouse_fibroblast_line():
    # 10.1016/j.bioactmat.2021.02.014 (R117): exosomes from engineered NIH-3T3 cells.
    got = fields(
        "We displayed CXCR4 on exosomes from genetically engineered NIH-3T3 cells, and the "
        "exosomes accumulated in the bone marrow of mice."
    )
    assert got["cell_lines"] == ["NIH-3T3"]
    assert got["ev_sources"] == ["fibroblast||mouse"]
    # The guard: the 3T3 of other lines is not NIH-3T3.
    got = fields("Exosomes from MC3T3-E1 cells were added to 3T3-L1 cells in vitro.")
    assert got["cell_lines"] == ["MC3T3-E1", "3T3-L1"]


def test_dental_follicle_cells_are_dental_stem_cells():
    # 10.1186/s13287-022-02767-6 (R129): sEVs of dental follicle stem cells given to PDLSCs,
    # which were also pretreated with pathway inhibitors (a test of the recipients, no
    # treatment of the source).
    got = fields(
        "Methods: sEVs from dental follicle stem cells (DFSCs-sEVs) were isolated and "
        "co-cultured with periodontal ligament stem cells (PDLSCs) in vitro. PDLSCs were "
        "pretreated with ERK1/2 or p38 MAPK inhibitors to test the roles of these pathways."
    )
    assert got["ev_sources"] == ["stem_cell_dental||"]
    assert got["preconditioning"] == []
    # PMC8800263 (R66): MVs of human dental follicle cells given to the same kind of cells.
    got = fields(
        "Methods: MVs were obtained from healthy human dental follicle cells (DFCs). Both kinds "
        "of DFC-derived MVs improved the proliferation and migration of DFCs in vitro."
    )
    assert got["ev_sources"] == ["stem_cell_dental||human"]
    assert got["recipient_cells"] == ["stem_cell_dental||human"]


def test_synovial_macrophages_take_no_synovial_origin():
    # 10.18632/aging.104110 (R76): the joint's synovial macrophages and, in vitro, macrophages.
    got = fields(
        "Exosomes from bone marrow MSCs lessened cartilage damage in rats. In vitro, "
        "macrophages treated with the exosomes took the M2 phenotype.",
        title="BMSC-derived exosomes prevent osteoarthritis by regulating synovial macrophage "
        "polarization",
    )
    assert got["recipient_cells"] == ["macrophage||"]
    # 10.1007/s00441-020-03319-1 (R62): 'M1 polarization of synovial macrophages (SMs)'.
    got = fields(
        "In vitro, BMSC-derived exosomes repressed the M1 polarization of synovial "
        "macrophages (SMs)."
    )
    assert got["recipient_cells"] == ["macrophage||"]
    # The guard: synovial MSCs are MSCs derived from the synovium.
    got = fields("Exosomes from synovial mesenchymal stem cells were added to chondrocytes.")
    assert got["ev_sources"] == ["MSC|synovial_membrane|"]


def test_cells_taken_from_the_tissues_of_named_animals_take_their_species():
    # 10.1186/s13287-021-02410-w (R19): two kinds of cells isolated from two tissues of rats.
    got = fields(
        "Methods: Adipose-derived mesenchymal stromal cells (ADSCs) and tendon stem cells "
        "(TSCs) were isolated from the subcutaneous fat and the tendons of Sprague-Dawley "
        "rats, and exosomes were isolated from the ADSCs. ADSC-Exos were absorbed by TSCs in "
        "vitro."
    )
    assert got["ev_sources"] == ["MSC|adipose|rat"]
    assert got["recipient_cells"] == ["tendon_stem_cell||rat"]
    # 10.1186/s13287-020-01918-x (R128): the animals named before the cells cultured.
    got = fields(
        "Methods: Achilles tendons of male Sprague-Dawley rats were used to culture primary "
        "tendon stem cells (TSCs) and tenocytes, and exosomes were isolated from the TSCs. "
        "Proliferation of tenocytes induced by TSC-Exos was measured in vitro."
    )
    assert got["ev_sources"] == ["tendon_stem_cell||rat"]
    assert got["recipient_cells"] == ["tenocyte||rat"]
    # The guard: cells joined by "and" to cells whose species is their own prefix stay unstated.
    got = fields("In vitro, exosomes were added to chondrocytes and hBMSCs.")
    assert got["recipient_cells"] == ["chondrocyte||", "MSC|bone_marrow|human"]
