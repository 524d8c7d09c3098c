"""Readers on export layouts written here from each format's documentation (issue 15).

Each fixture in data/exports is hand-written to the exporter's documented layout, with the
traps real exports have (wrapped lines, notices between blocks, dashes in page ranges).
"""

from __future__ import annotations

import gzip
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pytest
from fixtures import read_clean, read_split
from typer.testing import CliRunner

from exobone.cli import app
from exobone.errors import IngestError
from exobone.ingest import FORMATS, detect_format, read_records
from exobone.model import Record

EXPORTS = Path(__file__).parent / "data" / "exports"


def citation(record: Record) -> tuple[object, ...]:
    return (record.authors, record.year, record.journal, record.volume, record.issue,
            record.pages, record.doi, record.pmid)


def peak_bytes(path: Path) -> tuple[int, int]:
    """(records read, peak traced allocation) while streaming `path`."""
    tracemalloc.start()
    try:
        count = sum(isinstance(item, Record) for item in read_records(path))
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def assert_streams(tmp_path: Path, name: str, write: Callable[[IO[str], int], None]) -> None:
    """Reading 4x the records must not take much more memory: one record at a time."""
    peaks = []
    for count in (1000, 4000):
        path = tmp_path / f"{count}-{name}"
        with path.open("w", encoding="utf-8") as out:
            write(out, count)
        read, peak = peak_bytes(path)
        assert read == count
        peaks.append(peak)
    assert peaks[1] < peaks[0] * 1.5, peaks


def test_new_formats_are_listed() -> None:
    assert "pubmed_text" in FORMATS


# ---------------------------------------------------------------- PubMed abstract text


def test_pubmed_abstract_text() -> None:
    path = EXPORTS / "pubmed_abstract.txt"
    records = read_clean(path, "pubmed_text")
    first, second, third, fourth = records
    assert first.title == ("Exosomes from hypoxic bone marrow stromal cells promote fracture"
                           " repair in aged mice")
    assert citation(first) == (["Liang, Q.", "Zhou, Z. Y.", "Ortiz-Rivera, M."], 2021,
                               "Stem Cell Res Ther", "12", "1", "155",
                               "10.1186/s13287-021-02222-1", "33660001")
    # Structured sections are paragraphs; affiliations, copyright and ids are not abstract.
    assert first.abstract_raw.split("\n") == [
        "BACKGROUND: Fracture healing slows with age. Extracellular vesicles (EVs) carry"
        " TGF-β1 and miR-126.",
        "METHODS: EVs (100 µg) were injected into the callus of 18-month-old mice.",
        "RESULTS: Callus bone volume rose by 42% at day 21.",
        "CONCLUSIONS: Hypoxic preconditioning strengthens the osteogenic effect of EVs.",
    ]
    assert (first.line, first.position) == (2, 1)
    # A wrapped citation line, a "Comment in" notice, an en-dash page range, a collective name.
    assert second.title == "Small vesicles and cartilage: a review"
    assert citation(second) == (["Okafor, C. N.", "Van der Berg, H.", "EV Cartilage Study Group"],
                                2020, "J Orthop Res", "38", "11", "2429-2440",
                                "10.1002/jor.24800", "32470002")
    assert second.abstract == "Chondrocytes respond to vesicles secreted by synovial cells."
    # Ahead of print: no volume, issue or pages; no authors; the title is a translation.
    assert citation(third) == ([], 2023, "Bone", None, None, None,
                               "10.1016/j.bone.2023.116700", "36700003")
    assert third.title == "[Vesicles in osteoporosis]"
    assert third.abstract.startswith("Abstract without authors")
    # A numbered abstract paragraph does not start a record.
    assert citation(fourth) == (["Kim, S."], 2022, "Int J Mol Sci", "23", "4", "e2001",
                                "10.3390/ijms23042001", "35200004")
    assert fourth.abstract.startswith("1. This paragraph starts with a number")


def test_pubmed_abstract_text_missing_pmid_line_still_splits(tmp_path: Path) -> None:
    path = tmp_path / "pubmed_result.txt"
    text = (EXPORTS / "pubmed_abstract.txt").read_text(encoding="utf-8")
    path.write_text(text.replace("PMID: 33660001  [Indexed for MEDLINE]\n", ""),
                    encoding="utf-8")
    records, problems = read_split(path)
    assert problems == []
    assert [r.pmid for r in records] == [None, "32470002", "36700003", "35200004"]
    assert "J Orthop Res" not in records[0].abstract


def test_pubmed_abstract_text_streams(tmp_path: Path) -> None:
    one = (EXPORTS / "pubmed_abstract.txt").read_text(encoding="utf-8").split("\n\n\n")[0]
    body = one.strip().split("\n", 1)[1]

    def write(out: IO[str], count: int) -> None:
        for number in range(1, count + 1):
            out.write(f"{number}. Bone. 2020;{number}:1-2.\n{body}\n\n\n")

    assert_streams(tmp_path, "pubmed_result.txt", write)


# ---------------------------------------------------------------- NLM MEDLINE XML


def check_medline_set(records: list[Record]) -> None:
    first, second = records
    assert first.title == "Vesicles from osteoclasts carry RANK to osteoblasts"
    assert citation(first) == (["Ikeda, M.", "Brandt, K. H."], 2015, "Bone", "78", "3", "210-8",
                               "10.1016/j.bone.2015.01.001", "26100001")
    assert first.abstract_raw == ("OBJECTIVE: To follow vesicle RANK.\n"
                                  "RESULTS: RANK-bearing vesicles reached osteoblasts.")
    assert first.keywords == ["Bone and Bones"]
    assert citation(second) == (["OA Vesicle Consortium"], 2014, "Arthritis Res Ther", "16", None,
                                None, None, "26100002")


def test_medline_citation_set(tmp_path: Path) -> None:
    path = EXPORTS / "medline_citation_set.xml"
    records = read_clean(path, "pubmed_xml")  # a DeleteCitation is not a record
    check_medline_set(records)
    packed = tmp_path / "medline15n0001.xml.gz"
    packed.write_bytes(gzip.compress(path.read_bytes()))
    assert detect_format(packed) == "pubmed_xml"
    records, problems = read_split(packed)
    assert problems == []
    check_medline_set(records)


def test_bare_medline_citations(tmp_path: Path) -> None:
    text = (EXPORTS / "medline_citation_set.xml").read_text(encoding="utf-8")
    body = text[text.index("<MedlineCitation "):text.index("</MedlineCitationSet>")]
    path = tmp_path / "citations.xml"
    path.write_text(body, encoding="utf-8")
    records = read_clean(path, "pubmed_xml")
    check_medline_set(records)


def test_medline_citation_set_cut_short(tmp_path: Path) -> None:
    text = (EXPORTS / "medline_citation_set.xml").read_text(encoding="utf-8")
    path = tmp_path / "cut.xml"
    path.write_text(text[: text.index("<MedlineCitation Owner=\"NLM\" Status=\"In-Process\">")],
                    encoding="utf-8")
    records, problems = read_split(path)
    assert [r.pmid for r in records] == ["26100001"]
    assert [p.message for p in problems] == [
        "file breaks off after record 1 (no closing </PubmedArticleSet> or </MedlineCitationSet>)"]


# ---------------------------------------------------------------- Web of Science


def test_web_of_science_core_collection() -> None:
    path = EXPORTS / "wos_savedrecs.txt"
    records = read_clean(path, "wos")
    first, second = records
    assert first.title == ("Bone marrow stem cell vesicles deliver miR-21 to chondrocytes and"
                           " slow cartilage loss in rats")
    assert citation(first) == (["Chen, X. Y.", "Moreau, P.", "O'Neill, C. M."], 2022,
                               "Osteoarthritis Cartilage", "30", "3", "401-412",
                               "10.1016/j.joca.2021.12.001", "34900001")
    assert first.abstract_raw == ("Vesicles from bone marrow stem cells (10 mu g) were injected"
                                  " into the\nknee joint twice a week.\n"
                                  "Cartilage loss fell by half at week 8.")
    assert first.keywords == ["extracellular vesicles", "cartilage", "miR-21",
                              "mesenchymal stem cells", "OSTEOARTHRITIS", "EXOSOMES"]
    assert (first.line, second.line) == (3, 41)
    # An article number stands in for pages.
    assert citation(second) == (["Rossi, G."], 2021, "Front. Immunol.", "12", None, "654321",
                                "10.3389/fimmu.2021.654321", None)


def test_web_of_science_other_databases(tmp_path: Path) -> None:
    """MEDLINE and Zoological Record through Web of Science: same tags, other UT prefixes."""
    path = tmp_path / "savedrecs.txt"
    path.write_text(
        "FN Clarivate Analytics Web of Science\nVR 1.0\n"
        "PT J\nAU Tanaka, H\nTI Vesicles and bone in mice\nSO Bone\nPY 2019\nVL 120\n"
        "BP 1\nEP 9\nUT MEDLINE:30300001\nER\n\n"
        "PT J\nAU Silva, R\nTI Shell vesicles of molluscs\nSO Journal of Zoology\nPY 2018\n"
        "UT ZOOREC:ZOOR15400012345\nER\n\nEF\n", encoding="utf-8")
    records = read_clean(path, "wos")
    assert [(r.pmid, r.journal, r.pages) for r in records] == [
        ("30300001", "Bone", "1-9"), (None, "Journal of Zoology", None)]


def test_web_of_science_missing_er_and_stray_text(tmp_path: Path) -> None:
    path = tmp_path / "savedrecs.txt"
    path.write_text(
        "FN Clarivate Analytics Web of Science\nVR 1.0\nnot a field\n"
        "PT J\nTI First\nPY 2019\n"  # no ER: the next PT still starts a record
        "PT J\nTI Second\nPY 2020\nER\nEF\n", encoding="utf-8")
    records, problems = read_split(path, "wos")
    assert [(r.title, r.year, r.line) for r in records] == [("First", 2019, 4),
                                                           ("Second", 2020, 7)]
    assert [(p.line, p.message) for p in problems] == [
        (3, "text outside a record (expected a two-letter field tag such as 'PT J')")]


def test_web_of_science_streams(tmp_path: Path) -> None:
    def write(out: IO[str], count: int) -> None:
        out.write("FN Clarivate Analytics Web of Science\nVR 1.0\n")
        for number in range(count):
            out.write(f"PT J\nAU Chen, XY\nTI Vesicles {number}\nAB {'Bone. ' * 60}\n"
                      "   Cartilage.\nPY 2020\nER\n\n")
        out.write("EF\n")

    assert_streams(tmp_path, "savedrecs.txt", write)


# ---------------------------------------------------------------- CSL-JSON


def test_csl_json_zotero() -> None:
    path = EXPORTS / "zotero_csl.json"
    records = read_clean(path, "csl_json")
    first, second = records
    assert first.title == "Platelet lysate vesicles {and} TGF-beta1 in tendon-bone healing"
    assert citation(first) == (
        ["García-López, Ana María", "van den Berg, Jan", "Tendon Healing Consortium"], 2022,
        "J Orthop Translat", "31", "2", "55-63", "10.1016/j.jot.2021.10.001", "34800001")
    assert first.abstract_raw == ("Vesicles from platelet lysate (50 µg) carried TGF-β1.\n"
                                  "Healing improved in rabbits.")
    assert first.keywords == ["extracellular vesicles", "tendon", "rabbit"]
    assert (first.line, second.line) == (2, 23)
    # A list-valued container title, a numeric volume, an article number, a raw date.
    assert second.title == 'Exosomes "in vivo": a primer'
    assert citation(second) == (["Ng, W. K."], 2021, "Bone Reports", "14", None, "100745", None,
                                None)


def test_csl_json_broken_item_costs_only_itself(tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    path.write_text(
        '[\n{"type": "article-journal", "title": "First", "issued": {"date-parts": [[2019]]}},\n'
        '{"type": "article-journal", "title": "Stray quote\x20, "issued": 2020},\n'
        '{"type": "article-journal", "title": "Third"}\n]\n', encoding="utf-8")
    records, problems = read_split(path, "csl_json")
    assert [(r.title, r.year, r.position) for r in records] == [("First", 2019, 1),
                                                                ("Third", None, 3)]
    assert [(p.position, p.line) for p in problems] == [(2, 3)]
    assert problems[0].message.startswith("malformed CSL-JSON item")


def test_csl_json_cut_off(tmp_path: Path) -> None:
    path = tmp_path / "library.json"
    path.write_text('[{"title": "Whole"},\n{"title": "Cut', encoding="utf-8")
    records, problems = read_split(path, "csl_json")
    assert [r.title for r in records] == ["Whole"]
    assert [(p.position, p.line, p.message) for p in problems] == [
        (2, 2, "file ends inside this item (unclosed '{')")]


def test_csl_json_streams(tmp_path: Path) -> None:
    def write(out: IO[str], count: int) -> None:
        out.write("[\n")
        for number in range(count):
            comma = "," if number < count - 1 else ""
            out.write(f'{{"title": "Vesicles {number}", "abstract": "{"Bone. " * 80}",\n'
                      f' "author": [{{"family": "Chen", "given": "X"}}]}}{comma}\n')
        out.write("]\n")

    assert_streams(tmp_path, "library.json", write)


# ---------------------------------------------------------------- CSV: Scopus, Lens


def test_scopus_csv_with_bom() -> None:
    path = EXPORTS / "scopus.csv"
    records = read_clean(path, "csv")
    first, second = records
    assert first.title == "Adipose stem cell vesicles in bone defects, a rat study"
    # "Art. No." stands in for pages; "PubMed ID" is the PMID; "Source title" the journal.
    assert citation(first) == (["Haddad, R.", "Okoye, C. N."], 2023,
                               "Stem Cell Research and Therapy", "14", "1", "112",
                               "10.1186/s13287-023-03300-1", "36900001")
    assert first.abstract_raw.startswith('Vesicles ("sEVs") from adipose stem cells')
    assert first.keywords == ["bone regeneration", "extracellular vesicles"]
    assert citation(second) == (["Lindqvist, E."], 2019, "Osteoarthritis and Cartilage", "27",
                                "4", "601-609", "10.1016/j.joca.2018.12.001", None)
    assert (first.line, second.line) == (2, 3)


def test_lens_csv() -> None:
    records, problems = read_split(EXPORTS / "lens.csv")
    assert citation(records[0]) == (["Yuki Sato", "Thandi Mbeki"], 2020,
                                    "Journal of Periodontology", "91", "5", "640-651",
                                    "10.1002/jper.19-0001", "32000001")
    assert records[0].keywords == ["exosome", "periodontitis"]
    # No title, an abstract: kept, with a warning.
    assert citation(records[1]) == (["Kaur Preet"], 2021, "Bone", "142", None, "115700", None,
                                    None)
    assert (records[1].title, records[1].abstract) == (
        "", "An abstract whose record has no title in the export.")
    assert [(p.position, p.line, p.kept) for p in problems] == [(2, 3, True)]


def test_csv_header_repeated_is_not_a_record(tmp_path: Path) -> None:
    """Two exports concatenated: the second header (with its BOM) is skipped, not stored."""
    one = (EXPORTS / "scopus.csv").read_bytes()
    path = tmp_path / "both.csv"
    path.write_bytes(one + one)
    records, problems = read_split(path)
    assert problems == []
    assert [r.line for r in records] == [2, 3, 5, 6]
    assert "Title" not in [r.title for r in records]


def test_csv_stray_quote_costs_one_row(tmp_path: Path) -> None:
    path = tmp_path / "refs.csv"
    path.write_text(
        "Title,Year,Abstract\n"
        'First,2019,"An abstract\nover two lines"\n'
        'Second,2020,"A stray quote that never closes\n'
        'Third,2021,"Quoted, as exporters write it"\n'
        "Fourth,2022,plain\n", encoding="utf-8")
    records, problems = read_split(path)
    assert [(r.title, r.year, r.line) for r in records] == [
        ("First", 2019, 2), ("Third", 2021, 5), ("Fourth", 2022, 6)]
    assert records[0].abstract_raw == "An abstract\nover two lines"
    assert [(p.position, p.line) for p in problems] == [(2, 4)]
    assert "stray quote" in problems[0].message


def test_csv_unclosed_quote_is_bounded(tmp_path: Path) -> None:
    path = tmp_path / "refs.csv"
    rows = "".join(f"Row {n},2020,plain\n" for n in range(400))
    path.write_text('Title,Year,Abstract\nBroken,2019,"never closed\n' + rows, encoding="utf-8")
    records, problems = read_split(path)
    assert len(records) == 400 and records[0].line == 3
    assert [(p.line, p.message) for p in problems] == [
        (2, "a quoted field is not closed within 200 lines (stray quote?); row skipped")]


def test_csv_streams(tmp_path: Path) -> None:
    def write(out: IO[str], count: int) -> None:
        out.write("Title,Year,Abstract\n")
        for number in range(count):
            out.write(f'Vesicles {number},2020,"{"Bone, cartilage. " * 30}"\n')

    assert_streams(tmp_path, "refs.csv", write)


# ---------------------------------------------------------------- BibTeX as exporters write it


def test_scopus_bibtex_repeated_keys_and_unclosed_brace() -> None:
    path = EXPORTS / "scopus.bib"
    assert detect_format(path) == "bibtex"
    records, problems = read_split(path)
    first, third = records
    # Three entries share one key: each is read (dedup decides), except the broken one.
    assert citation(first) == (["Haddad, R.", "Okoye, C. N."], 2023,
                               "Stem Cell Research and Therapy", "14", "1", "112",
                               "10.1186/s13287-023-03300-1", "36900001")
    assert first.title == "Adipose stem cell vesicles in bone defects: A rat study"
    assert first.abstract_raw == ("Vesicles from adipose stem cells (20 μg) filled calvarial"
                                  " defects.")
    assert first.keywords == ["bone regeneration", "extracellular vesicles"]
    assert citation(third) == (["Haddad, R."], 2023, "Journal of Bone and Mineral Research", "38",
                               "2", "300-310", "10.1002/jbmr.4700", None)
    assert (first.position, first.line, third.position, third.line) == (1, 4, 3, 36)
    assert [(p.position, p.line, p.message) for p in problems] == [
        (2, 23, "unreadable BibTeX entry: entry is not closed (a brace or quote opened on line 30"
                " never closes); entry skipped")]


def test_bibtex_string_macros_reach_later_entries(tmp_path: Path) -> None:
    path = tmp_path / "refs.bib"
    path.write_text('@string{jbmr = "J Bone Miner Res"}\n\n'
                    "@article{a, title={One}, journal=jbmr, year=2020}\n"
                    "@article{b, title={Two}, journal=jbmr, year=2021}\n",
                    encoding="utf-8")
    records, problems = read_split(path)
    assert problems == []
    assert [(r.title, r.journal, r.line) for r in records] == [
        ("One", "J Bone Miner Res", 3), ("Two", "J Bone Miner Res", 4)]


def test_bibtex_streams(tmp_path: Path) -> None:
    def write(out: IO[str], count: int) -> None:
        for number in range(count):
            out.write(f"@article{{k{number},\n  title={{Vesicles {number}}},\n"
                      f"  abstract={{{'Bone. ' * 60}}},\n  year={{2020}}\n}}\n\n")

    assert_streams(tmp_path, "refs.bib", write)


# ---------------------------------------------------------------- EndNote-style citation lines


def test_endnote_citation_lines_as_real_exports_have_them() -> None:
    path = EXPORTS / "endnote_dashes.txt"
    records = read_clean(path, "endnote_text")
    got = [(r.authors, r.year, r.title, r.journal, r.volume, r.issue, r.pages, r.line)
           for r in records]
    assert got == [
        (["Ahmed, S.", "Nakamura, T."], 2021,
         "Vesicles from gingival stem cells reduce alveolar bone loss", "J Periodontal Res",
         "15", None, "70-76", 1),  # en dash
        (["Bianchi, L."], 2019, "Chondrocyte vesicles carry miR-140", "Int J Mol Sci", "14", "9",
         "1951-1957", 6),
        # No blank line after the previous abstract; em dash; journal wrapped over two lines.
        (["Costa, R. P."], 2022, "Macrophage vesicles in fracture healing",
         "ACS Appl Mater Interfaces", "13", "15", "19282-19292", 10),
        ([], 2020, "Extracellular vesicles in bone: a consensus statement",  # Anonymous
         "J Extracell Vesicles", "9", "1", "1812345", 15),
        (["Dubois, F."], None, "Osteocyte vesicles and mechanical load", "Bone", None, "4",
         "101-109", 20),  # (n.d.), no volume
        (["Evans, G."], 2018, "Tendon vesicles", "Am J Sports Med", None, None, "88-95", 25),
    ]
    assert records[1].abstract == "Chondrocytes released vesicles rich in miR-140."
    assert records[2].abstract == "Macrophage vesicles sped up callus formation in mice."


def test_endnote_abstract_line_with_a_year_in_parentheses_is_not_a_citation(
        tmp_path: Path) -> None:
    path = tmp_path / "refs.txt"
    path.write_text('Lee, J. (2020). "Vesicles." Bone 1: 2-3.\n\nAn abstract that cites\n'
                    "Smith (2019) in passing, with no quoted title after it.\n", encoding="utf-8")
    records, problems = read_split(path)
    assert problems == []
    assert len(records) == 1 and "Smith (2019)" in records[0].abstract


# ---------------------------------------------------------------- --format on another format


def test_forced_format_on_another_format_says_so_once() -> None:
    path = EXPORTS / "endnote_dashes.txt"
    with pytest.raises(IngestError) as raised:
        list(read_records(path, "ris"))
    assert str(raised.value) == (
        f"{path}: looks like EndNote text; use --format endnote_text or omit --format (read as "
        "RIS: text outside a 'TY  - ' ... 'ER  - ' record)")
    with pytest.raises(IngestError, match=r"looks like EndNote text; .* \(read as CSV/TSV: no "
                       r"title column in the header\)"):
        list(read_records(path, "csv"))


def test_forced_format_that_reads_records_keeps_its_problems(tmp_path: Path) -> None:
    """A file of the forced format with one bad record is not refused."""
    path = tmp_path / "refs.ris"
    path.write_text("stray line\nTY  - JOUR\nTI  - Kept\nER  - \n", encoding="utf-8")
    items = list(read_records(path, "ris"))
    assert [type(i).__name__ for i in items] == ["RecordProblem", "Record"]


def test_forced_format_cli_prints_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["ingest", str(EXPORTS / "endnote_dashes.txt"), "--format",
                                      "ris", "--no-extract", "--db",
                                      f"sqlite:///{tmp_path / 'x.db'}"])
    assert result.exit_code == 2
    assert result.output.count("looks like EndNote text") == 1
    assert "text outside a 'TY  - '" not in result.output.replace(
        "(read as RIS: text outside a 'TY  - ' ... 'ER  - ' record)", "")


# ---------------------------------------------------------------- abstract without title


def test_untitled_records_with_abstracts_are_kept_and_stored_apart(tmp_path: Path) -> None:
    path = tmp_path / "refs.ris"
    path.write_text(
        "TY  - JOUR\nAB  - Vesicles from stem cells healed rat femur defects.\nPY  - 2021\n"
        "ER  - \n\n"
        "TY  - JOUR\nAB  - Synovial vesicles reduced cartilage loss in mice.\nPY  - 2021\n"
        "ER  - \n\n"
        "TY  - JOUR\nPY  - 2021\nER  - \n", encoding="utf-8")
    records, problems = read_split(path)
    assert [(r.title, r.abstract, r.line) for r in records] == [
        ("", "Vesicles from stem cells healed rat femur defects.", 1),
        ("", "Synovial vesicles reduced cartilage loss in mice.", 6)]
    assert [(p.position, p.kept, p.message) for p in problems] == [
        (1, True, "record has no title; kept with its abstract"),
        (2, True, "record has no title; kept with its abstract"),
        (3, False, "record has no title and no abstract; skipped")]
    result = CliRunner().invoke(app, ["ingest", str(path), "--no-extract", "--db",
                                      f"sqlite:///{tmp_path / 'x.db'}"], env={"COLUMNS": "200"})
    assert result.exit_code == 2  # the third record was skipped
    assert result.output.count("kept with its abstract") == 2
    row = next(line for line in result.output.splitlines() if "refs.ris (ris)" in line)
    # read 3 = 2 new + 1 skipped: the two untitled records of one year are not merged.
    assert row.split()[2:] == ["3", "2", "0", "0", "0", "1", "0"]


# ---------------------------------------------------------------- the source's title is kept


def test_title_as_printed_is_stored_and_exported(tmp_path: Path) -> None:
    from exobone.analysis.export import bibtex_entries, ris_entries
    from exobone.analysis.sheet import sheet_row
    from exobone.model import Study
    from exobone.store import Store

    records, _ = read_split(EXPORTS / "zotero_csl.json")
    record = records[0]
    printed = "Platelet lysate vesicles {and} TGF-β1 in tendon–bone healing"
    assert record.title_raw == printed
    assert record.title == "Platelet lysate vesicles {and} TGF-beta1 in tendon-bone healing"
    with Store.open(f"sqlite:///{tmp_path / 'x.db'}") as store:
        store.add_file(EXPORTS / "zotero_csl.json", [Study(id="S01", record=record)])
        stored = next(iter(store.studies()))
    assert (stored.record.title, stored.record.title_raw) == (record.title, printed)
    assert f"TI  - {printed}\n" in next(ris_entries([stored]))
    assert "title = {Platelet lysate vesicles \\{and\\} TGF-β1 in tendon–bone healing}" in next(
        bibtex_entries([stored]))
    assert sheet_row(stored)["title"] == printed
    # Bibliographic fields other than the title were never cleaned: still as printed.
    assert stored.record.authors[0] == "García-López, Ana María"


def test_web_of_science_tab_delimited_utf16() -> None:
    """WoS "Tab-delimited file": UTF-16 with a BOM, a header of field tags."""
    path = EXPORTS / "wos_tab_utf16.txt"
    records = read_clean(path, "csv")
    first, second = records
    assert citation(first) == (["Chen, X. Y.", "Moreau, P."], 2022, "Osteoarthritis Cartilage",
                               "30", "3", "401-412", "10.1016/j.joca.2021.12.001", "34900001")
    assert first.keywords == ["vesicles", "cartilage"]
    assert citation(second) == (["Rossi, G."], 2021, "Front. Immunol.", "12", None, "654321",
                                "10.3389/fimmu.2021.654321", None)


def test_endnote_source_without_closing_period(tmp_path: Path) -> None:
    path = tmp_path / "refs.txt"
    path.write_text('Lee, J. (2020). "Vesicles in bone." Bone 15: 70–76\n\nAbstract one.\n\n'
                    'Kim, A. (2021). "Second." J Orthop Res 3(2): e101\n\nAbstract two.\n',
                    encoding="utf-8")
    records, problems = read_split(path)
    assert problems == []
    assert [(r.journal, r.volume, r.issue, r.pages, r.abstract) for r in records] == [
        ("Bone", "15", None, "70-76", "Abstract one."),
        ("J Orthop Res", "3", "2", "e101", "Abstract two.")]


def test_pubmed_abstract_text_book_chapter_is_a_record(tmp_path: Path) -> None:
    """A numbered entry whose citation is not 'Journal. Year;...' (a book chapter) still
    starts the next record after a finished one, instead of joining its text."""
    path = tmp_path / "pubmed_result.txt"
    path.write_text(
        "1. Bone. 2020;1:2-3.\n\nFirst title.\n\nPMID: 1\n\n\n"
        "2. In: Doe J, editor. Skeletal Vesicles [Internet]. Somewhere: Press; n.d.\n\n"
        "Chapter title.\n\nA chapter summary.\n\nPMID: 2\n", encoding="utf-8")
    records, problems = read_split(path, "pubmed_text")
    assert problems == []
    assert [(r.title, r.pmid, r.year, r.journal) for r in records] == [
        ("First title", "1", 2020, "Bone"), ("Chapter title", "2", None, None)]
    assert records[1].abstract == "A chapter summary."


def test_endnote_authors_suffixes_and_initials_of_any_script(tmp_path: Path) -> None:
    path = tmp_path / "refs.txt"
    path.write_text(
        'Smith, J., Jr., et al. (2020). "Vesicles in bone." Bone 1: 2-3.\n\nAbstract.\n\n'
        'Müller, K. and Ö. Şahin (2018). "Vesicles (EVs)" Stem Cell Research & Therapy 11(Suppl'
        ' 1): S1–S10.\n\nAbstract.\n', encoding="utf-8")
    records, problems = read_split(path)
    assert problems == []
    assert [r.authors for r in records] == [["Smith, J., Jr."], ["Müller, K.", "Şahin, Ö."]]
    assert (records[1].title, records[1].journal, records[1].issue, records[1].pages) == (
        "Vesicles (EVs)", "Stem Cell Research & Therapy", "Suppl 1", "S1-S10")


def test_csv_with_a_line_of_notes_above_the_header(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text('"About the data: exported on 5 December 2026, criteria: exosome bone"\n'
                    "Title,PubYear,Source title,DOI\n"
                    "Vesicles in bone,2021,Bone,10.1000/b.1\n", encoding="utf-8")
    records, problems = read_split(path)
    assert problems == []
    assert [(r.title, r.year, r.journal, r.doi, r.line) for r in records] == [
        ("Vesicles in bone", 2021, "Bone", "10.1000/b.1", 3)]


def test_csv_without_a_title_column_is_still_refused(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("Name,Year\nx,2020\ny,2021\nz,2022\n", encoding="utf-8")
    with pytest.raises(IngestError, match="export.csv, line 1: no title column in the header"):
        list(read_records(path, "csv"))


def test_pubmed_abstract_text_short_sentence_is_not_an_author_list(tmp_path: Path) -> None:
    path = tmp_path / "pubmed_result.txt"
    path.write_text("1. Bone. 2020;1:2-3.\n\nA letter.\n\nEffects of vesicles on bone in OA.\n\n"
                    "PMID: 1\n", encoding="utf-8")
    (record,), problems = read_split(path, "pubmed_text")
    assert (record.authors, record.abstract) == ([], "Effects of vesicles on bone in OA.")
