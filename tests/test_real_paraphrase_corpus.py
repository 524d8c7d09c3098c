"""The real-paraphrase corpus: close paraphrases of real published abstracts of the field.

Each record restates one real abstract in new words (sources and gold decisions in
tests/data/real_paraphrase/NOTES.md). Its gold must pass the shared checks of `gold_checks`;
the extractor's score on it is printed per field (run with `-s` to see it) and only a floor a
few points under the score measured when the corpus landed is asserted, so that a regression
fails while rule work on the corpus stays free to raise it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from exobone.evaluate import Report, score
from exobone.extract import Extractor
from gold_checks import SHARED_CHECKS, Corpus, check_notes_give_a_source_for_every_record

# Gold may name long non-coding and circular RNAs (H19, MALAT1 fit GENE; circHIPK3 does not;
# a circRNA known only by its number is circ_0000253, as circBase writes it).
RNA_NAME = re.compile(r"^(circ|lnc)_?[A-Za-z0-9]+(-[A-Za-z0-9]+)*$")
# Cell-line names as the literature writes them, slash included (C3H10T1/2).
CELL_LINE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./-]*$")
# Issue 17's helpers add fresh records side by side, each under its own id range; the ranges
# not landed yet are reserved (quality17e: R165-R189; R166-R179 landed, R165 stays unused
# because its paper landed first as R196; quality17f: R205-R214 after its R190-R204;
# quality17h: R234-R239 after its R219-R233; quality17i: R255-R259 after its R240-R254;
# quality17k: R270-R279 after its R260-R269; quality17l: R296-R299 after its R280-R295;
# quality17m: R309-R319 after its R300-R308, whose R301 retired because the same paper
# landed first as R346; quality17n: R335-R339 after its R320-R334;
# quality17o: R356-R359 after its R340-R355; quality17t: R407-R419 after its R400-R406,
# and R360-R399 kept for quality17r and quality17s, who work beside it; quality17s landed
# R380-R388, and R389-R399 stay unused; quality17r landed R360-R375, and R376-R379 stay
# unused; quality17v: R445-R459 after its R440-R444, and
# quality17u: R430-R439 after its R420-R429; session 18: quality18c landed R445-R455 of its
# R445-R469, and R456-R469 stay reserved; quality18d landed R470-R482 and leaves R483-R494
# unused; session 19: R483-R499 unused, R500-R559 for quality19a/b/c, and quality19d
# landed R560-R569 of its R560-R579; quality19b landed R520-R526 of its R520-R539; quality19c
# landed R540-R550 of its R540-R559; quality19a landed R500-R502 of its R500-R519, whose
# R502 retired because the same paper landed first as R545); session 20: quality20a landed
# R580-R587 of its R580-R599; quality20d landed R640-R647 of its R640-R659, and R648-R659
# stay unused; quality20c landed R620-R625 of its R620-R639, and R626-R639 stay unused
# (two of its papers landed first as R641 and R642); quality20b landed R600-R605 of
# its R600-R619, and R606-R619 stay unused; quality20g landed R660-R663 of its R660-R679,
# whose R661 retired because the same paper landed first as R543, and R664-R679 stay unused;
# session 21: quality21a landed R680-R687 of its R680-R699, and R688-R699 stay unused;
# quality21b landed R700-R705 of its R700-R719, and
# R706-R719 stay unused; quality21c landed R720-R729 of its R720-R739, and R730-R739 stay
# unused; quality21d landed R740-R743 of its R740-R749, and R744-R749 stay unused; quality21g
# landed R760-R762 of its R760-R779, and R763-R779 stay unused; quality21e landed R750 of
# its R750-R759, and R751-R759 stay unused; session 22: R780-R879 are the ranges of quality22a-e,
# reserved until each lands its own; quality22f landed R880-R882 of its R880-R899, and
# R883-R899 stay unused; quality22d landed R840-R845 of its R840-R859, and R846-R859 stay
# unused; quality22b landed R800-R804 of its R800-R819, and R805-R819
# stay unused.
# quality22e landed R860-R865 of its R860-R879, and R866-R879 stay unused; quality22a landed
# R780-R788 of its R780-R799, and R789-R799 stay unused.
# quality22c landed R820-R822 of its R820-R839, and R823-R839 stay unused (a fourth paper
# it wrote was R286 already); session 23: quality23a landed R900-R903 of its R900-R919, and
# R904-R919 stay unused.
# quality23f landed R1000-R1005 of its R1000-R1019, and R1006-R1019 stay unused; quality23d
# landed R960-R961 of its R960-R979, and R962-R979 stay unused (the search index held almost
# no uncut primary abstract of routes and carriers that no corpus already had); quality23c
# landed R940-R943 of its R940-R959, and R944-R959 stay unused; quality23b landed
# R920-R923 of its R920-R939, and R924-R939 stay unused.
# quality23e landed R980-R982 of its R980-R999, and R983-R999 stay unused (a fourth paper
# it wrote is a sealed record); session 24: R1020-R1099 are the ranges of quality24a-d, reserved
# until each lands its own; quality24c landed R1060-R1062 of its R1060-R1079, and R1063-R1079
# stay unused; quality24a landed R1020 of its R1020-R1039, and R1021-R1039 stay unused (about
# 30 searches found one uncut primary abstract rich in outcomes outside the corpora);
# quality24d landed R1080-R1081 of its R1080-R1099, and R1082-R1099 stay unused (the
# search index held almost no uncut abstract of a mechanism chain that no corpus had).
# quality24e landed R1100-R1102 of its R1100-R1119, and R1103-R1119 stay unused.
# quality24b landed R1040-R1043 of its R1040-R1059, and R1044-R1059 stay unused.
# Session 25: R1120-R1219 are the ranges of quality25a-e, reserved until each lands its own;
# quality25d landed R1180 of its R1180-R1199, and R1181-R1199 stay unused.
# quality25e landed R1200 of its R1200-R1219, and R1201-R1219 stay unused (the search index
# held almost no uncut mechanism-rich abstract that no corpus already had).
# quality25c landed R1160 of its R1160-R1179, and R1161-R1179 stay unused (about 20 searches
# found one uncut primary abstract outside the corpora).
# Session 26: R1220-R1319 are the ranges of its quality helpers (twenty ids each), reserved
# until each lands its own; outcomes26a landed R1220 of its R1220-R1239, and R1221-R1239 stay
# unused (about 30 searches found one result-rich abstract outside the corpora); lexicon26b
# landed R1240 of its R1240-R1259, and R1241-R1259 stay unused (about 30 searches found every
# other uncut EV abstract of the field in a corpus).
# recipients26c landed R1260 of its R1260-R1279, and R1261-R1279 stay unused (about 15
# searches found one uncut in vitro-rich abstract outside the corpora).
# molecular26d (R1280-R1299) and sources26e (R1300-R1319) landed none: about 40 and 18 searches
# found only abstracts already in the corpora or cut before their results.
# R1320-R1419 are session 27's quality helpers' ranges, reserved until each lands its own.
# outcomes27a (R1320-R1339) landed none: about 16 searches found only abstracts already in the
# corpora; its census read page text outside any corpus abstract instead.
# molecular27b (R1340-R1359) landed none: about 20 searches found bone abstracts already in the
# corpora; its census read 11 EV abstracts of other organs (heart, liver, spinal cord, lung,
# skin) that no corpus holds, as scratch text.
# recipients27c (R1360-R1379) landed none: about 16 searches found the bone abstracts of its
# classes already in the corpora; its census read 12 EV abstracts of other fields (heart,
# vessels, tumour macrophages, regulatory T cells) that no corpus holds, as scratch text.
# lexicon27d (R1380-R1399) landed none: about 25 searches found bone and EV abstracts already in
# the corpora; its battery read 24 real abstracts in no corpus, as scratch text.
# assays27e (R1400-R1419), a second-round task, was asked for no records.
# R1420-R1499 are session 28's quality helpers' ranges (twenty ids each), reserved until each
# lands its own.
RESERVED = frozenset(
    f"R{n}" for n in (
        *range(165, 190), *range(205, 215), *range(234, 240), *range(255, 260), *range(270, 280),
        *range(296, 300), *range(309, 320), *range(335, 340), *range(356, 360), *range(360, 400),
        *range(407, 420), *range(430, 440), *range(456, 470), *range(483, 520), *range(527, 540),
        *range(551, 560), *range(570, 580), *range(588, 600), *range(606, 620), *range(626, 640),
        *range(648, 660), *range(664, 680), *range(688, 700), *range(706, 720), *range(730, 740),
        *range(744, 750), *range(751, 760), *range(763, 780), *range(789, 800), *range(805, 820),
        *range(823, 840), *range(846, 860), *range(866, 880), *range(883, 900),
        *range(904, 920), *range(924, 940), *range(944, 960), *range(962, 980),
        *range(983, 1000), *range(1006, 1020), *range(1021, 1040), *range(1044, 1060),
        *range(1063, 1080),
        *range(1082, 1100),
        *range(1103, 1120),
        *range(1122, 1160), *range(1161, 1180), *range(1181, 1200), *range(1201, 1220),
        *range(1221, 1240), *range(1241, 1260), *range(1261, 1320),
        *range(1320, 1420),
        *range(1420, 1500),
    )
)
REAL = Corpus(folder="real_paraphrase", name="real", prefix="R", size=533, reviews=169,
              rna=(RNA_NAME,), cell_line=CELL_LINE, reserved=RESERVED,
              retired=frozenset({"R301", "R502", "R661"}))

# Measured on main 1440738 with R1260 alone (recipients26c, session 26: exosomes of human
# chorion membrane extracts on MG63 osteoblast-like cells, in vitro only; gold written before
# the extractor ran on the record, before any rule was tuned on it): micro F1 0.923 (12 tp /
# 1 fp / 1 fn), outcomes 1/1/1 (the amniotic extracts' earlier lack of effect read as
# osteogenic_differentiation|no_change; 'led to mineralization of the MG63 cells' missed),
# recipient_cells 1/0/0, study_type 1/1;
# measured on main ebd73b8 with R1220 alone (outcomes26a, session 26: bovine milk EVs given by
# mouth to OVX mice, alveolar bone and tooth movement; gold written before the extractor ran on
# the record, before any rule was tuned on it): micro F1 0.889 (8 tp / 0 fp / 2 fn), outcomes
# 0/0/2 (the title's 'protective effect ... on alveolar bone loss' and 'fewer osteoclasts'
# were not read), every other field right.
# Measured on main ebd73b8 with R1240 alone (lexicon26b, session 26: a systematic review and
# meta-analysis of MSC EVs in osteoporosis models, cut at its results; gold written before the
# extractor ran, before any rule was tuned on it): micro F1 1.000 (3 tp / 0 fp / 0 fn),
# vesicle_types, ev_sources and conditions 1/0/0 each, study_type 1/1;
# measured on main 4bc7479 with R1160 alone (quality25c, session 25: exosomes of hypoxia-
# preconditioned rat BMMSCs on HUVECs and in rat steroid-induced ONFH; gold written before the
# extractor ran, before any rule was tuned on it): micro F1 0.971 (17 tp / 1 fp / 0 fn),
# recipient_cells 1/0/0 (HUVECs named through their proliferation, migration and tube
# formation), conditions 1/1/0 (the prevented bone loss read as a second disease), study_type 1/1;
# measured on main 4bc7479 with R1200 alone (quality25e, session 25: apoptotic bodies of mature
# osteoclasts on MC3T3-E1 preosteoblasts through vesicular RANK and PI3K/AKT/mTOR/S6K; gold
# written before the extractor ran, before any rule was tuned on it): micro F1 0.800 (12 tp /
# 2 fp / 4 fn), molecular_effects 2/0/1 ('ribosomal protein S6 kinase' not read as RPS6KB1),
# ev_sources 0/1/1 (the osteoclasts given the species of the MC3T3-E1 line), preconditioning
# 0/0/1 (alendronate making the source cells apoptotic), ev_cargo 0/0/1 (vesicular RANK),
# vesicle_types 1/1/0, outcomes 2/0/0, study_type 1/1;
# measured on main 4bc7479 with R1180 alone (quality25d, session 25: a review of apoptotic
# extracellular vesicles of MSCs in tissue regeneration; gold written before the extractor
# ran, before any rule was tuned on it): micro F1 0.800 (2 tp / 0 fp / 1 fn), study_type 1/1,
# outcomes 0/0/1 (the review's stated bone regeneration, named in a list of tissues, missed);
# measured on main 4bc7479 with R1120-R1121 alone (quality25a, session 25: a purified exosome
# product on a collagen scaffold in rabbit Achilles tendon repair, and human umbilical cord MSC
# exosomes in a self-healing hydrogel in rat femoral condyle defects; gold written before the
# extractor ran, before any rule was tuned on them): micro F1 0.894 (38 tp / 2 fp / 7 fn),
# outcomes 4/0/2 (a lower adhesion grade and healing without scar, both results told as
# measurements), doses 0/1/1 (exosomes per mL read as particles), durations_days 1/0/1,
# recipient_cells 1/1/1 (osteoblast progenitor cells read as osteoblasts), conditions 2/0/1,
# assays 9/0/1, study_type 2/2;
# measured on main 0c7c678 with R1100-R1102 alone (quality24e, session 24: exosomes and
# microparticles of naive and IFN-gamma-primed MSCs on T and B lymphocytes in DTH and CIA, EVs of
# IFN-beta-primed human MSCs on CD4+ T cells and FLS of RA patients, and EVs of infrapatellar
# fat pad MSCs primed with a cytokine cocktail and oxytocin on macrophages, chondrocytes and
# synoviocytes; gold written before the extractor ran, before any rule was tuned on them):
# micro F1 0.894 (38 tp / 5 fp / 4 fn), recipient_cells 6/0/0, ev_sources 3/1/0 (human
# platelet lysate, a medium, read as platelets), preconditioning 1/1/0 (IFN-beta priming read
# as a drug), outcomes 5/1/2, assays 0/0/2, study_type 3/3;
# measured on main 0c7c678 with R1080-R1081 alone (quality24d, session 24: exosomes of
# miR-146a-overexpressing synoviocytes with the miR-146a/TRAF6 chain in rat OA, and hypoxic
# MSC EVs whose four differing miRNAs are named in OA; gold written before the extractor ran,
# before any rule was tuned on them): micro F1 0.842 (24 tp / 4 fp / 5 fn), ev_cargo 1/0/4 (the
# four miRNAs listed after 'four microRNAs differed'), molecular_effects 1/0/0 (TRAF6|down),
# recipient_cells 1/2/0 (chondrocytes and macrophages of the in vivo and miRNA-only work),
# outcomes 6/1/1, preconditioning 2/1/0 ('hypoxic pretreatment' read as a drug), study_type 2/2;
# measured on main 0c7c678 with R1060-R1062 alone (quality24c, session 24: PDLSC exosomes
# carrying simvastatin injected into rat alveolar bone, adipose stem cell EVs delivered by
# dissolving microneedles in CIA mice, and BMP2-enriched EVs in an injectable collagen hydrogel
# for mouse femoral defects; gold written before the extractor ran, before any rule was tuned on
# them): micro F1 0.886 (35 tp / 2 fp / 7 fn), delivery_routes 1/0/2 (microneedles; 'given by a
# minimally invasive injection' in the defect model), durations_days 0/1/0 (a 14-day release
# period read as a period), outcomes 6/1/3, biomaterials 1/0/1, study_type 3/3;
# measured on main 0c7c678 with R1020 alone (quality24a, session 24: human gingival MSC EVs on
# nanohydroxyapatite/collagen in rat femoral defects; gold written before the extractor ran,
# before any rule was tuned on it): micro F1 0.828 (12 tp / 0 fp / 5 fn), outcomes 3/0/0,
# recipient_cells 0/0/2 (rat BMSCs and HUVECs whose abilities the EVs strengthened),
# settings 1/0/1 (in_vitro not inferred), conditions 1/0/1, biomaterials 1/0/1 (collagen),
# study_type 1/1;
# measured on main 0c7c678 with R1040-R1043 alone (quality24b, session 24: four primary studies
# with a rescue, a challenge or a second arm beside the vesicles, miR-338-3p-modified ASC
# exosomes on IL-1beta-induced ATDC5 cells with RUNX2 overexpressed, exosomes of LPS-stimulated
# macrophages on BMSCs with GW4869, BMSC exosomes of diabetic against normal rats, and exosomes
# of LPS-stimulated BMSCs beside the LPS's own effects; gold written before the extractor ran,
# before any rule was tuned on them): micro F1 0.828 (53 tp / 15 fp / 7 fn), outcomes 7/4/1,
# molecular_effects 7/7/3 (R1041's three osteogenic genes inverted by GW4869 'weakening this
# effect', read as a blocked secretion), recipient_cells 4/2/0, assays 6/0/2, study_type 4/4;
# measured on main da6bef5 with R920-R923 alone (quality23b, session 23: BMSC and hypoxic ADSC
# exosomes in lumbar facet joint osteoarthritis of mice, BMSC exosomes carrying CTNNB1 in a PF127
# hydrogel for alveolar bone defects, and a hypothesis article on ADSC exosomes against jaw
# osteonecrosis; gold written before the extractor ran, before any rule was tuned on them): micro
# F1 0.842 (48 tp / 4 fp / 14 fn), outcomes 9/1/4, molecular_effects 6/2/4, assays 5/1/3,
# study_type 3/4 (the hypothesis article read as primary);
# measured on main da6bef5 with R940-R943 alone (quality23c, session 23: four primary studies
# rich in mechanisms, ADSC exosomes and PINK1/Parkin mitophagy in knee OA, hypoxic synovial
# fibroblast exosomes with miR-424 and FOXP3 in RA, miR-146a/miR-155-engineered MSC exosomes on
# CIA splenocytes and aged BMSC exosomes with miR-31a-5p; gold written before the extractor
# ran, before any rule was tuned on them): micro F1 0.844 (46 tp / 8 fp / 9 fn),
# molecular_effects 3/0/2 (the PINK1/Parkin pathway components missed), outcomes 5/3/0,
# preconditioning 1/0/3, recipient_cells 2/2/0, ev_cargo 2/0/2, study_type 4/4;
# measured on main da6bef5 with R980-R982 alone (quality23e, session 23: three primary studies
# of EV sources, chondrocyte and bone marrow MSC EVs of rabbits, iPSC-derived chondrocyte sEVs
# and umbilical cord MSC EVs in rat disc degeneration; gold written before the extractor ran,
# before any rule was tuned on them): micro F1 0.822 (30 tp / 9 fp / 4 fn), ev_sources 3/1/1,
# recipient_cells 0/2/1, outcomes 3/2/1, vesicle_types 3/2/0, study_type 3/3 (no
# preconditioning stated in any of the three; a weak measure);
# measured on main da6bef5 with R960-R961 alone (quality23d, session 23: MSC exosomes in HA
# injected into rabbit TMJs with OA, and apoptotic vesicles of macrophages and osteoclasts in
# collagen-induced arthritis; gold written before the extractor ran, before any rule was tuned
# on them): micro F1 0.821 (32 tp / 5 fp / 9 fn), delivery_routes 1/0/0, biomaterials 1/0/0,
# doses 1/0/0, durations_days 3/0/0, outcomes 5/4/6, recipient_cells 1/0/2, study_type 2/2;
# measured on main da6bef5 with R900-R903 alone (quality23a, session 23: four clinical profiles
# of serum or plasma exosomal miRNAs in postmenopausal osteoporosis and rheumatoid arthritis,
# gold written before the extractor ran, before any rule was tuned on them): micro F1 0.764
# (34 tp / 9 fp / 12 fn), ev_cargo 4/6/8 (the six let-7 names of R903, which the corpus did
# not code until quality24d, are the false ones; R900's five BMD-linked miRNAs in brackets
# after 'Three miRNAs' and R901's pivotal miR-3188 are missed), molecular_effects 0/1/0,
# study_type 4/4;
# measured on main da6bef5 with R1000-R1005 alone (quality23f, session 23: three primary
# studies of ovariectomy osteoporosis, osteoblast exosomes in rats and in rabbits by one group and
# hypoxic amniotic MSC EVs in rats, and three reviews whose titles and read parts never call
# them reviews; gold written before the extractor ran, before any rule was tuned on them):
# micro F1 0.750 (36 tp / 7 fp / 17 fn), study_type 6/6, outcomes 1/1/4, ev_sources 1/2/2
# (osteoblasts' origin and species), preconditioning 0/0/2, doses 1/0/3 (particles per body),
# assays 1/0/4 (HRpQCT, bending strength, serum ALP), animal_models 3/0/0;
# measured on main 09d5e09 with R820-R822 alone (quality22c, session 22: two primary studies,
# antler stem cell exosomes in OA and MSC exosomes against ferroptosis in disc degeneration, and
# a review of antler stem cell exosomes; gold written before the extractor ran, before any rule
# was tuned on them): micro F1 0.946 (35 tp / 3 fp / 1 fn), outcomes 9/1/0, ev_cargo 0/0/1
# (miR-140), ev_sources 1/2/0 (the antler stem cells' 'ASCs' read as adipose stem cells),
# study_type 3/3;
# measured on main 09d5e09 with R780-R788 alone (quality22a, session 22: eight reviews of
# the field, three of which never call themselves a review in the abstract (a hypothesis
# article, a 'matrix vesicles' survey and an 'In this paper, we highlight' survey), and
# one primary hydrogel study; gold written before the extractor ran, before any rule was
# tuned on them): micro F1 0.647 (33 tp / 9 fp / 27 fn), study_type 6/9 (R784, R786 and
# R787, reviews, read as primary), ev_cargo 0/0/17 (R785's seventeen exosomal miRNAs),
# ev_sources 2/0/4, outcomes 9/2/3;
# measured on main 09d5e09 with R800-R804 alone (quality22b, session 22: four primary studies
# of vesicle cargo, proteomic and miRNA profiles, and one review, gold written before the
# extractor ran, before any rule was tuned on them): micro F1 0.825 (40 tp / 5 fp / 12 fn),
# ev_cargo 3/0/8, molecular_effects 0/3/1, study_type 5/5;
# measured on main 09d5e09 with R840-R845 alone (quality22d, session 22: six primary records
# rich in mechanisms, cargo profiles and genes used as tools, gold written before the extractor
# ran, before any rule was tuned on them): micro F1 0.843 (86 tp / 15 fp / 17 fn),
# molecular_effects 17/4/4, outcomes 10/3/3, recipient_cells 3/2/2, study_type 6/6;
# measured on main 09d5e09 with R880-R882 alone (quality22f, session 22: two equine EV miRNA
# studies, one in vitro with pretreated source cells and one of a post-traumatic OA model, and one
# review of stem-cell exosomes in fracture healing, before any rule was tuned on them): micro F1
# 0.464 (13 tp / 4 fp / 26 fn), study_type 3/3, ev_cargo 0/0/15 (the eca- prefix),
# preconditioning 0/0/4, settings 0/0/2, animal_models 0/0/1, outcomes 0/3/4;
# measured on main 09d5e09 with R860-R865 alone (quality22e, session 22: three primary studies
# of engineered, LPS-preconditioned and macrophage-educating MSC vesicles and three reviews,
# gold written before the extractor ran, before any rule was tuned on them): micro F1 0.808
# (40 tp / 11 fp / 8 fn), ev_sources 5/0/0, preconditioning 2/0/0, recipient_cells 2/0/0,
# outcomes 8/2/3, molecular_effects 0/4/3 (R863's held-back IL-1beta changes read as falls),
# study_type 5/6 (a systematic review of in vivo studies read as primary);
# measured on main 40e20e8 with R750 alone (quality21e, session 21: one systematic review of
# EV therapy in rheumatoid arthritis, gold written before the extractor ran, before any rule
# was tuned on it): micro F1 1.000 (4 tp / 0 fp / 0 fn), outcomes 1/0/0, ev_sources 1/0/0,
# study_type 1/1 (one record: a weak measure);
# measured on main 464d1a6 with R680-R687 alone (quality21a, session 21: joint records, five
# primary studies of OA and RA and three reviews, before any rule was tuned on them): micro F1
# 0.886 (70 tp / 7 fp / 11 fn), study_type 6/8 (two reviews read as primary), outcomes 7/0/0,
# ev_markers 3/0/3;
# measured with 448 records (303 primary; R760-R762 by quality21g, before any rule was tuned
# on them): the three scored micro F1 0.854 (41 tp / 5 fp / 9 fn), preconditioning 1/0/1,
# delivery_routes 3/0/1, biomaterials 2/0/1 (no doses stated);
# measured on main 464d1a6 with R740-R743 alone (quality21d, session 21: four primary records
# rich in miRNA-target mechanisms, before any rule was tuned on them): micro F1 0.894 (55 tp /
# 3 fp / 10 fn), molecular_effects 3/1/2, ev_cargo 4/0/2, outcomes 10/0/3;
# measured on main 464d1a6 with R720-R729 alone (quality21c, session 21: 4 primary clinical
# and in-vitro studies of salivary and plasma EVs in periodontitis and 6 reviews of
# periodontal, dental, TMJ, disc and bone-muscle EVs, before any rule was tuned on them):
# micro F1 0.811 (43 tp / 8 fp / 12 fn), study_type 10/10, molecular_effects 0/4/0,
# ev_cargo 5/0/5, settings 2/0/3, ev_sources 1/0/2;
# measured with 431 records (292 primary; R700-R705 by quality21b, before any rule was tuned
# on them): the six (three primary, three reviews) scored micro F1 0.736 (32 tp / 10 fp /
# 13 fn), outcomes 1/1/5, molecular_effects 2/5/0, ev_cargo 1/0/3, study_type 6/6;
# measured with 426 records (290 primary; R660-R663 by quality20g, before any rule was tuned
# on them): the four scored micro F1 0.824 (56 tp / 9 fp / 15 fn), outcomes 10/3/1 (R661,
# retired since as the paper of R543, among them);
# measured with 308 records (203 primary; R360-R374, 15 reviews by quality17r, before any
# rule was tuned on them, and before R380-R388 and R400-R406 landed): micro F1 0.922,
# study_type 305/308;
# with 247 records (185 primary; R300-R308 by quality17m, before any rule was tuned
# on them, and before R280-R295, R320-R334, R340-R355 landed): micro F1 0.922, study_type 244/247;
# with 238 records (176 primary; R260-R269 by quality17k, before any rule was tuned
# on them): micro F1 0.919, study_type 235/238;
# with 228 records (172 primary; R219-R233 by quality17h, before any rule was tuned
# on them): micro F1 0.920, study_type 225/228;
# with 213 records (163 primary; R240-R254 by quality17i, before any rule was tuned on
# them): micro F1 0.926, study_type 211/213;
# with 193 records (144 primary; R166-R179 by survey17e, before any rule was tuned on
# them): micro F1 0.926, study_type 191/193;
# with 179 records (130 primary; R190-R204 by fields17i): micro F1 0.931, study_type 177/179;
# with 164 records (122 primary; R164 by outcomes17h): micro F1 0.938, study_type 163/164;
# with 163 records (121 primary; R150-R163 by fields17g): micro F1 0.938;
# with 149 records (113 primary, outcomes17g): micro F1 0.945, study_type 149/149;
# on main (66eaee8) with 132 records (104 primary): micro F1 0.912, study_type 131/132
# (640ba3f: 0.893, 130/132; 120 records: 0.898; 108 records: 0.906); the floors sit a few
# points under.
MICRO_F1_FLOOR = 0.88
STUDY_TYPE_FLOOR = 0.97


@pytest.mark.parametrize("check", SHARED_CHECKS, ids=lambda check: check.__name__)
def test_gold(check: Callable[[Corpus], None]) -> None:
    check(REAL)


def test_notes_give_a_source_for_every_record() -> None:
    check_notes_give_a_source_for_every_record(REAL)


@pytest.fixture(scope="module")
def report() -> Report:
    predicted = [study.to_json() for study in Extractor().extract_many(REAL.records)]
    return score(REAL.gold, predicted)


def test_extractor_score_stays_above_the_floor(report: Report) -> None:
    print("\nreal_paraphrase corpus, extractor against gold:\n" + report.render())
    assert report.micro.f1 is not None and report.micro.f1 >= MICRO_F1_FLOOR
    accuracy = report.study_type_accuracy
    assert accuracy is not None and accuracy >= STUDY_TYPE_FLOOR
