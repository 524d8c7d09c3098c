"""Small real-style bibliography files of every format, built in code for the reliability
tests and the fuzz harness: each holds the same few records (titles with non-ASCII letters,
wrapped abstracts), so a test can say exactly which records must come back; and the split
of what a reader gives into records and problems, which the reader tests compare."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from exobone.errors import RecordProblem
from exobone.ingest import detect_format, read_records
from exobone.model import Record


@dataclass(frozen=True)
class Ref:
    title: str
    authors: tuple[tuple[str, str], ...]  # (surname, initials)
    year: int
    journal: str
    pmid: str
    doi: str
    abstract: tuple[str, ...]  # wrapped lines


REFS: tuple[Ref, ...] = (
    Ref("Exosomes from bone marrow stromal cells promote fracture healing in rats",
        (("Zhang", "Y"), ("Müller", "K")), 2019, "Bone", "31000001", "10.1000/bone.2019.1",
        ("Bone marrow stromal cell exosomes were injected into femoral fractures.",
         "Callus volume rose at 4 weeks compared with saline.")),
    Ref("Small extracellular vesicles rescue cartilage loss in osteoarthritic mice",
        (("García", "M"),), 2020, "Osteoarthritis Cartilage", "31000002", "10.1000/oac.2020.2",
        ("Synovial fluid vesicles reduced OARSI scores.", "Type II collagen was preserved.")),
    Ref("Osteoclast inhibition by vesicles from gingival fibroblasts",
        (("Okafor", "C"), ("Lindqvist", "A")), 2021, "J Bone Miner Res", "31000003",
        "10.1000/jbmr.2021.3",
        ("TRAP-positive cells fell by half.", "RANKL signalling was blunted in vitro.")),
    Ref("Platelet lysate vesicles accelerate tendon–bone healing",
        (("Rossi", "L"),), 2022, "Am J Sports Med", "31000004", "10.1000/ajsm.2022.4",
        ("Rabbits received vesicles at the tunnel.", "Pull-out strength improved at 8 weeks.")),
    Ref("Engineered exosomes carrying miR-140 in a scaffold for chondral defects",
        (("Nguyen", "T"), ("Dubois", "É")), 2023, "Biomaterials", "31000005",
        "10.1000/bio.2023.5",
        ("A hydrogel released vesicles for 14 days.", "Defects filled with hyaline tissue.")),
)


def ris(refs: tuple[Ref, ...] = REFS) -> str:
    out = []
    for ref in refs:
        out.append("TY  - JOUR")
        out += [f"AU  - {surname}, {initials}." for surname, initials in ref.authors]
        out += [f"TI  - {ref.title}", f"PY  - {ref.year}", f"JO  - {ref.journal}",
                f"AB  - {' '.join(ref.abstract)}", f"DO  - {ref.doi}", f"AN  - {ref.pmid}",
                "ER  - ", ""]
    return "\n".join(out)


def medline(refs: tuple[Ref, ...] = REFS) -> str:
    out = []
    for ref in refs:
        out += [f"PMID- {ref.pmid}", "OWN - NLM", f"DP  - {ref.year} Mar", f"TI  - {ref.title}",
                f"AB  - {ref.abstract[0]}"]
        out += [f"      {line}" for line in ref.abstract[1:]]
        for surname, initials in ref.authors:
            out += [f"FAU - {surname}, {initials}", f"AU  - {surname} {initials}"]
        out += [f"TA  - {ref.journal}", f"LID - {ref.doi} [doi]", ""]
    return "\n".join(out)


def _pubmed_article(ref: Ref) -> str:
    authors = "".join(f"<Author><LastName>{s}</LastName><Initials>{i}</Initials></Author>"
                      for s, i in ref.authors)
    abstract = "\n        ".join(ref.abstract)
    return f"""<PubmedArticle>
  <MedlineCitation Status="MEDLINE" Owner="NLM">
    <PMID Version="1">{ref.pmid}</PMID>
    <Article PubModel="Print">
      <Journal><JournalIssue><PubDate><Year>{ref.year}</Year></PubDate></JournalIssue>
        <ISOAbbreviation>{ref.journal}</ISOAbbreviation></Journal>
      <ArticleTitle>{ref.title}</ArticleTitle>
      <Abstract><AbstractText>{abstract}</AbstractText></Abstract>
      <AuthorList>{authors}</AuthorList>
    </Article>
  </MedlineCitation>
  <PubmedData><ArticleIdList><ArticleId IdType="doi">{ref.doi}</ArticleId></ArticleIdList>
  </PubmedData>
</PubmedArticle>"""


def pubmed_xml(refs: tuple[Ref, ...] = REFS, prologue: str = "") -> str:
    body = "\n".join(_pubmed_article(ref) for ref in refs)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n{prologue}<PubmedArticleSet>\n{body}\n'
            "</PubmedArticleSet>\n")


def endnote_xml(refs: tuple[Ref, ...] = REFS) -> str:
    records = []
    for ref in refs:
        authors = "".join(f"<author><style>{s}, {i}.</style></author>" for s, i in ref.authors)
        records.append(f"""<record>
  <ref-type name="Journal Article">17</ref-type>
  <contributors><authors>{authors}</authors></contributors>
  <titles><title><style>{ref.title}</style></title>
    <secondary-title><style>{ref.journal}</style></secondary-title></titles>
  <dates><year><style>{ref.year}</style></year></dates>
  <electronic-resource-num><style>{ref.doi}</style></electronic-resource-num>
  <accession-num><style>{ref.pmid}</style></accession-num>
  <abstract><style>{" ".join(ref.abstract)}</style></abstract>
</record>""")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<xml><records>\n' + "\n".join(records)
            + "\n</records></xml>\n")


def bibtex(refs: tuple[Ref, ...] = REFS) -> str:
    out = []
    for number, ref in enumerate(refs, start=1):
        authors = " and ".join(f"{s}, {i}." for s, i in ref.authors)
        out.append(f"@article{{ref{number},\n  title = {{{ref.title}}},\n  author = {{{authors}}},"
                   f"\n  year = {{{ref.year}}},\n  journal = {{{ref.journal}}},\n"
                   f"  doi = {{{ref.doi}}},\n  abstract = {{{' '.join(ref.abstract)}}}\n}}\n")
    return "\n".join(out)


def endnote_text(refs: tuple[Ref, ...] = REFS) -> str:
    out = []
    for ref in refs:
        authors = " and ".join(f"{s}, {i}." for s, i in ref.authors)
        out += [f'{authors} ({ref.year}). "{ref.title}." {ref.journal} 12(3): 45-56.', "",
                *ref.abstract, ""]
    return "\n".join(out)


def csv(refs: tuple[Ref, ...] = REFS) -> str:
    rows = ["Title,Authors,Year,Journal,DOI,Abstract"]
    for ref in refs:
        authors = "; ".join(f"{s} {i}" for s, i in ref.authors)
        rows.append(f'"{ref.title}","{authors}",{ref.year},"{ref.journal}",{ref.doi},'
                    f'"{" ".join(ref.abstract)}"')
    return "\n".join(rows) + "\n"


def wos(refs: tuple[Ref, ...] = REFS) -> str:
    out = ["FN Clarivate Analytics Web of Science", "VR 1.0"]
    for ref in refs:
        out.append("PT J")
        names = [f"{surname}, {initials}" for surname, initials in ref.authors]
        out += [f"AU {names[0]}", *(f"   {name}" for name in names[1:])]
        out += [f"TI {ref.title}", f"SO {ref.journal}", f"PY {ref.year}", f"AB {ref.abstract[0]}",
                *(f"   {line}" for line in ref.abstract[1:]), f"DI {ref.doi}",
                f"PM {ref.pmid}", "ER", ""]
    return "\n".join([*out, "EF", ""])


def pubmed_text(refs: tuple[Ref, ...] = REFS) -> str:
    out = []
    for number, ref in enumerate(refs, start=1):
        authors = ", ".join(f"{surname} {initials}" for surname, initials in ref.authors)
        out += [f"{number}. {ref.journal}. {ref.year} Mar;12(3):45-56. doi: {ref.doi}.", "",
                f"{ref.title}.", "", f"{authors}.", "", *ref.abstract, "", f"DOI: {ref.doi}",
                f"PMID: {ref.pmid}", "", ""]
    return "\n".join(out)


def csl_json(refs: tuple[Ref, ...] = REFS) -> str:
    items = []
    for ref in refs:
        authors = ", ".join(f'{{"family": "{s}", "given": "{i}."}}' for s, i in ref.authors)
        items.append(f'  {{\n    "type": "article-journal",\n    "title": "{ref.title}",\n'
                     f'    "author": [{authors}],\n'
                     f'    "issued": {{"date-parts": [[{ref.year}]]}},\n'
                     f'    "container-title": "{ref.journal}",\n    "DOI": "{ref.doi}",\n'
                     f'    "abstract": "{" ".join(ref.abstract)}"\n  }}')
    return "[\n" + ",\n".join(items) + "\n]\n"


BUILDERS = {
    "ris": ris, "medline": medline, "pubmed_xml": pubmed_xml, "endnote_xml": endnote_xml,
    "bibtex": bibtex, "endnote_text": endnote_text, "csv": csv, "csl_json": csl_json,
}  # fmt: skip


def split(items: Iterable[Record | RecordProblem]) -> tuple[list[Record], list[RecordProblem]]:
    """A reader's records and its problems, apart, each in the order read."""
    items = list(items)
    return ([i for i in items if isinstance(i, Record)],
            [i for i in items if isinstance(i, RecordProblem)])


def read_split(path: Path, fmt: str | None = None) -> tuple[list[Record], list[RecordProblem]]:
    """The records and the problems read from `path` (in format `fmt`, or the one detected)."""
    return split(read_records(path, fmt))


def read_clean(path: Path, fmt: str) -> list[Record]:
    """The records of a file that `detect_format` takes for `fmt` and that reads without a
    problem (the first checks of an export's test)."""
    detected = detect_format(path)
    assert detected == fmt, f"{path} detected as {detected}, not {fmt}"
    records, problems = read_split(path)
    assert problems == [], [str(problem) for problem in problems]
    return records
