"""Deterministic synthetic PubMed baseline XML, for ingest benchmarks and scale-out tests.

    python benchmarks/synth_pubmed.py --records 100000 --out benchmarks/data/pubmed.xml [--gzip]

Records look like the annual baseline (PubmedArticleSet > PubmedArticle > MedlineCitation with
Article/Journal/JournalIssue/PubDate, ArticleTitle, Abstract with labelled sections in about a
third of them, AuthorList with affiliations, ELocationID doi, MeshHeadingList, KeywordList,
and PubmedData/History/ArticleIdList). A share of abstracts (`in_scope_share`) is written from
the phrases of exobone's lexicon (EV / MSC / bone and cartilage); the rest is generic
biomedical filler. The same seed gives the same bytes.
"""

from __future__ import annotations

import argparse
import gzip as gzip_module
import random
from html import escape
from pathlib import Path
from typing import Any, TextIO

import yaml

VOCAB = Path(__file__).resolve().parents[1] / "src" / "exobone" / "data" / "vocab.yaml"

_FILLER_TOPICS = [
    "type 2 diabetes", "heart failure", "chronic kidney disease", "breast cancer",
    "hepatocellular carcinoma", "asthma", "sepsis", "major depressive disorder", "stroke",
    "atrial fibrillation", "colorectal cancer", "Alzheimer's disease", "psoriasis",
    "rheumatoid arthritis", "HIV infection", "tuberculosis", "obesity", "hypertension",
]
_FILLER_METHODS = [
    "a retrospective cohort study", "a randomized controlled trial", "a cross-sectional survey",
    "a systematic review and meta-analysis", "a prospective multicentre registry",
    "a case-control study", "whole-exome sequencing", "a mouse xenograft model",
    "single-cell RNA sequencing", "a Mendelian randomization analysis",
]
_FILLER_RESULTS = [
    "was associated with a lower risk of {topic}", "improved overall survival",
    "reduced hospital readmission", "did not change the primary outcome",
    "increased the expression of inflammatory markers", "predicted mortality at one year",
    "was independently associated with {topic} severity", "lowered serum glucose",
]


def _words(text: str) -> list[str]:
    return text.split()


_FILLER_WORDS = _words(
    "patients cohort risk outcome analysis treatment group baseline follow-up incidence "
    "association clinical significant adjusted hazard ratio confidence interval median "
    "expression pathway inflammation mortality therapy dose response biomarker serum level"
)
_JOURNALS = [
    ("Stem Cell Res Ther", "Stem cell research & therapy"), ("Bone", "Bone"),
    ("J Bone Miner Res", "Journal of bone and mineral research"), ("PLoS One", "PloS one"),
    ("Sci Rep", "Scientific reports"), ("Biomaterials", "Biomaterials"),
    ("Lancet", "Lancet (London, England)"), ("BMJ", "BMJ (Clinical research ed.)"),
    ("N Engl J Med", "The New England journal of medicine"), ("Cell Rep", "Cell reports"),
    ("Front Immunol", "Frontiers in immunology"), ("J Clin Invest", "The Journal of clinical "
                                                   "investigation"),
]
_SURNAMES = _words("Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Smith Johnson Brown Garcia "
                   "Muller Rossi Silva Kim Park Tanaka Suzuki Nguyen Kumar Singh Cohen O'Brien "
                   "Novak")
_FORENAMES = _words("Wei Jing Min Hui Yan John Maria Anna Peter Laura David Sofia Kenji Ji-Woo "
                    "Priya Ahmed Olga Lucas Emma")
_MONTHS = _words("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec")
_DEPARTMENTS = ["Orthopaedics", "Medicine", "Biology", "Stomatology", "Pharmacology"]
_MESH = ["Humans", "Animals", "Mice", "Rats", "Female", "Male", "Exosomes", "Osteogenesis",
         "Bone Regeneration", "Mesenchymal Stem Cells", "Cell Differentiation",
         "Signal Transduction", "Aged", "Adult", "Middle Aged", "Risk Factors", "Prognosis",
         "Treatment Outcome", "Cohort Studies", "Extracellular Vesicles", "Osteoarthritis"]
_LABELS = ("BACKGROUND", "METHODS", "RESULTS", "CONCLUSIONS")


def _synonyms(node: Any) -> list[str]:
    """Every plain synonym string under a vocab section."""
    if isinstance(node, str):
        return [node] if " as in " not in node and not node.endswith("-prefix") else []
    if isinstance(node, list):
        return [s for item in node for s in _synonyms(item)]
    if isinstance(node, dict):
        if "synonyms" in node:
            return _synonyms(node["synonyms"])
        return [s for value in node.values() for s in _synonyms(value)]
    return []


def load_lexicon(path: Path = VOCAB) -> dict[str, list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {section: words for section, value in data.items()
            if isinstance(value, dict) and (words := _synonyms(value))}


class _Writer:
    def __init__(self, rng: random.Random, lexicon: dict[str, list[str]]) -> None:
        self.rng = rng
        self.lex = lexicon

    def pick(self, section: str, fallback: str) -> str:
        words = self.lex.get(section)
        return escape(self.rng.choice(words)) if words else fallback

    def in_scope_sentences(self) -> list[str]:
        p = self.pick
        ves, cell, origin = p("vesicle_types", "exosomes"), p("cell_types", "MSCs"), p(
            "origins", "bone marrow")
        species, model = p("species", "rat"), p("animal_models", "calvarial defect")
        outcome, assay = p("outcomes", "osteogenic differentiation"), p("assays", "qRT-PCR")
        return [
            f"Mesenchymal stem cells (MSCs) release {ves} that mediate paracrine repair of bone "
            f"and cartilage.",
            f"Here, {ves} were isolated from {origin}-derived {cell} by "
            f"{p('isolation_methods', 'ultracentrifugation')} and characterised by "
            f"{p('characterization_methods', 'nanoparticle tracking analysis')}.",
            f"The {ves} were delivered by {p('delivery_routes', 'local injection')} with "
            f"{p('biomaterials', 'a hydrogel')} in a {species} {model} model of "
            f"{p('conditions', 'osteoporosis')}.",
            f"{assay} showed that 50 &#956;g/ml {ves} enhanced {outcome} of recipient "
            f"{p('cell_types', 'osteoblasts')} through {p('pathways', 'Wnt/&#946;-catenin')}"
            f" signalling.",
            f"These findings suggest that {ves} are a promising cell-free therapy for "
            f"{p('conditions', 'bone defects')}.",
        ]

    def filler_sentences(self) -> list[str]:
        rng = self.rng
        topic = rng.choice(_FILLER_TOPICS)
        sentences = [
            f"{topic.capitalize()} remains a major cause of morbidity worldwide.",
            f"We performed {rng.choice(_FILLER_METHODS)} of {rng.randint(40, 90000)} "
            f"participants to study {topic}.",
        ]
        for _ in range(rng.randint(3, 7)):
            words = " ".join(rng.choice(_FILLER_WORDS) for _ in range(rng.randint(8, 22)))
            result = rng.choice(_FILLER_RESULTS).format(topic=topic)
            sentences.append(f"The {words} {result} (HR {rng.uniform(0.4, 2.5):.2f}; "
                             f"95% CI, {rng.uniform(0.2, 1.0):.2f} to {rng.uniform(1.0, 3):.2f}).")
        sentences.append(f"These results inform the management of {topic}.")
        return sentences

    def abstract(self, in_scope: bool) -> str:
        sentences = self.in_scope_sentences() if in_scope else self.filler_sentences()
        if self.rng.random() < 0.35:
            size = max(1, len(sentences) // 4)
            chunks = [sentences[i * size:(i + 1) * size] for i in range(3)]
            chunks.append(sentences[3 * size:])
            return "".join(
                f'\n        <AbstractText Label="{label}" NlmCategory="{label}">'
                f'{" ".join(chunk)}</AbstractText>'
                for label, chunk in zip(_LABELS, chunks, strict=True) if chunk
            )
        return f"\n        <AbstractText>{' '.join(sentences)}</AbstractText>"

    def title(self, in_scope: bool) -> str:
        if in_scope:
            return (f"{self.pick('vesicle_types', 'Exosomes').capitalize()} from "
                    f"{self.pick('origins', 'bone marrow')} "
                    f"{self.pick('cell_types', 'MSCs')} promote "
                    f"{self.pick('outcomes', 'bone regeneration')} in a "
                    f"{self.pick('species', 'rat')} model.")
        topic = self.rng.choice(_FILLER_TOPICS)
        return f"{self.rng.choice(_FILLER_METHODS).capitalize()} of outcomes in {topic}."

    def authors(self) -> str:
        rng = self.rng
        parts = []
        for _ in range(rng.randint(1, 12)):
            fore = rng.choice(_FORENAMES)
            initials = "".join(w[0] for w in fore.split("-"))
            parts.append(
                f'\n          <Author ValidYN="Y"><LastName>{escape(rng.choice(_SURNAMES))}'
                f"</LastName><ForeName>{fore}</ForeName><Initials>{initials}</Initials>"
                f"<AffiliationInfo><Affiliation>Department of {rng.choice(_DEPARTMENTS)}"
                f", University Hospital {rng.randint(1, 400)}, City, Country.</Affiliation>"
                f"</AffiliationInfo></Author>"
            )
        return "".join(parts)

    def article(self, pmid: int, in_scope: bool) -> str:
        rng = self.rng
        year = rng.randint(1995, 2024)
        ta, journal = rng.choice(_JOURNALS)
        doi = f"10.{rng.randint(1000, 9999)}/synth.{pmid}"
        first = rng.randint(1, 3000)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        month_name = _MONTHS[month - 1]
        mesh = "".join(
            f'\n        <MeshHeading><DescriptorName UI="D{rng.randint(1000, 99999):06d}" '
            f'MajorTopicYN="{rng.choice("YN")}">{escape(term)}</DescriptorName></MeshHeading>'
            for term in rng.sample(_MESH, rng.randint(4, 12))
        )
        return f"""  <PubmedArticle>
    <MedlineCitation Status="MEDLINE" Owner="NLM">
      <PMID Version="1">{pmid}</PMID>
      <DateCompleted><Year>{year}</Year><Month>{month:02d}</Month><Day>{day:02d}</Day>
      </DateCompleted>
      <Article PubModel="Print-Electronic">
        <Journal>
          <ISSN IssnType="Electronic">{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}</ISSN>
          <JournalIssue CitedMedium="Internet">
            <Volume>{rng.randint(1, 400)}</Volume>
            <Issue>{rng.randint(1, 24)}</Issue>
            <PubDate><Year>{year}</Year><Month>{month_name}</Month></PubDate>
          </JournalIssue>
          <Title>{escape(journal)}</Title>
          <ISOAbbreviation>{escape(ta)}</ISOAbbreviation>
        </Journal>
        <ArticleTitle>{self.title(in_scope)}</ArticleTitle>
        <Pagination><MedlinePgn>{first}-{first + rng.randint(2, 15)}</MedlinePgn></Pagination>
        <ELocationID EIdType="doi" ValidYN="Y">{doi}</ELocationID>
        <Abstract>{self.abstract(in_scope)}
        </Abstract>
        <AuthorList CompleteYN="Y">{self.authors()}
        </AuthorList>
        <Language>eng</Language>
        <PublicationTypeList>
          <PublicationType UI="D016428">Journal Article</PublicationType>
        </PublicationTypeList>
      </Article>
      <MedlineJournalInfo>
        <Country>England</Country><MedlineTA>{escape(ta)}</MedlineTA>
      </MedlineJournalInfo>
      <MeshHeadingList>{mesh}
      </MeshHeadingList>
      <KeywordList Owner="NOTNLM">
        <Keyword MajorTopicYN="N">{escape(rng.choice(_FILLER_TOPICS))}</Keyword>
      </KeywordList>
    </MedlineCitation>
    <PubmedData>
      <History>
        <PubMedPubDate PubStatus="pubmed"><Year>{year}</Year><Month>{month}</Month><Day>{day}</Day>
        </PubMedPubDate>
      </History>
      <PublicationStatus>ppublish</PublicationStatus>
      <ArticleIdList>
        <ArticleId IdType="pubmed">{pmid}</ArticleId>
        <ArticleId IdType="doi">{doi}</ArticleId>
      </ArticleIdList>
    </PubmedData>
  </PubmedArticle>
"""


def write(stream: TextIO, records: int, seed: int = 0, in_scope_share: float = 0.02) -> None:
    """Write a PubmedArticleSet of `records` articles to an open text stream."""
    rng = random.Random(seed)
    writer = _Writer(rng, load_lexicon())
    stream.write('<?xml version="1.0" ?>\n<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD '
                 'PubMedArticle, 1st January 2019//EN" '
                 '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_190101.dtd">\n'
                 "<PubmedArticleSet>\n")
    base = 10_000_000 + rng.randint(0, 1_000_000)
    for index in range(records):
        stream.write(writer.article(base + index, rng.random() < in_scope_share))
    stream.write("</PubmedArticleSet>\n")


def generate(path: str | Path, records: int, seed: int = 0, in_scope_share: float = 0.02,
             gzip: bool = False) -> Path:
    """Write `records` synthetic articles to `path` (gzip-compressed if `gzip`); returns it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if gzip:
        with gzip_module.open(path, "wt", encoding="utf-8", compresslevel=6) as stream:
            write(stream, records, seed, in_scope_share)
    else:
        with open(path, "w", encoding="utf-8") as stream:
            write(stream, records, seed, in_scope_share)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--gzip", action="store_true", help="write gzip-compressed XML")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--in-scope-share", type=float, default=0.02)
    args = parser.parse_args()
    generate(args.out, args.records, args.seed, args.in_scope_share, args.gzip)
    print(args.out)


if __name__ == "__main__":
    main()
