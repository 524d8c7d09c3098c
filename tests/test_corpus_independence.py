"""The sealed real-paraphrase part shares no source abstract with any other corpus.

A sealed record is worth something only while no rule was tuned on its abstract; a dev record
paraphrasing the same paper (written later by someone who could not see the sealed part) makes
it seen. Two records share a source when their NOTES lines name the same DOI, PMC id, PubMed id
or source address, or when their abstracts' word sets overlap as only two paraphrases of one
abstract do (Jaccard of their 4+-letter words; measured when this test was written: the nine
same-source pairs 0.59-0.78, every other pair at most 0.25). Failures name record ids only,
never sealed text. A sealed source cited anywhere in the code, the other tests or the docs (as
a rule's outside example, say) is seen too. Within the open real corpus, no paper stands twice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from gold_checks import Corpus
from test_dev_corpus import DEV
from test_holdout_corpus import HOLDOUT
from test_real_paraphrase_corpus import REAL
from test_real_paraphrase_sealed_corpus import SEALED_REAL
from test_sealed_corpus import SEALED

OTHERS = (REAL, DEV, HOLDOUT, SEALED)
ROOT = Path(__file__).resolve().parent.parent
CITING = ("src", "tests", "docs")
SAME_ABSTRACT = 0.4

DOI = re.compile(r"\b10\.\d{4,9}/[^\s\"'<>;,\]]+")
# A DOI inside a journal address is followed by the page's view, not part of the DOI.
DOI_VIEW = re.compile(r"/(full|text|abstract|fulltext|pdf|html)$")
PMC = re.compile(r"\bPMC\s?(\d+)", re.IGNORECASE)
PUBMED = re.compile(r"(?:pubmed\.ncbi\.nlm\.nih\.gov/|\bPMID:?\s?)(\d+)", re.IGNORECASE)
ADDRESS = re.compile(r"https?://(?:www\.)?([^\s;,]+)", re.IGNORECASE)
WORD = re.compile(r"\b[a-z]{4,}\b")


def _clean(identifier: str) -> str:
    return identifier.lower().rstrip(".)/")


def source_ids(line: str) -> set[str]:
    """The DOIs, PMC and PubMed ids and addresses a NOTES line names, normalised."""
    ids = set()
    for doi in DOI.findall(line):
        doi = _clean(doi)
        ids.add("doi:" + DOI_VIEW.sub("", doi).rstrip("./"))
    ids |= {"pmc:" + number for number in PMC.findall(line)}
    ids |= {"pmid:" + number for number in PUBMED.findall(line)}
    ids |= {"url:" + _clean(address) for address in ADDRESS.findall(line)}
    return ids


def sources(corpus: Corpus) -> dict[str, set[str]]:
    """Record id -> every identifier named on its NOTES lines (lines opening with the id)."""
    notes = (corpus.path / "NOTES.md").read_text(encoding="utf-8")
    found: dict[str, set[str]] = {}
    for match in re.finditer(rf"^({corpus.prefix}\d+): (.*)$", notes, re.MULTILINE):
        found.setdefault(match[1], set()).update(source_ids(match[2]))
    return found


def word_sets(corpus: Corpus) -> dict[str, set[str]]:
    return {
        row["id"]: set(WORD.findall(record.abstract.lower()))
        for row, record in zip(corpus.gold, corpus.records, strict=True)
    }


def jaccard(one: set[str], other: set[str]) -> float:
    return len(one & other) / len(one | other) if one | other else 0.0


def shared_sources(ours: dict[str, set[str]], theirs: dict[str, set[str]]) -> list[str]:
    return [f"{a}={b}" for a, mine in ours.items() for b, other in theirs.items()
            if a != b and mine & other]


def shared_abstracts(ours: dict[str, set[str]], theirs: dict[str, set[str]]) -> list[str]:
    return [f"{a}~{b}" for a, mine in ours.items() for b, other in theirs.items()
            if a != b and jaccard(mine, other) >= SAME_ABSTRACT]


def test_source_ids_are_normalised() -> None:
    line = ("source https://www.frontiersin.org/articles/10.3389/FBIOE.2020.00891/full "
            "(doi:10.3389/fbioe.2020.00891.; PMC 7471234, PMID: 3312; "
            "https://pubmed.ncbi.nlm.nih.gov/35850484/)")
    assert source_ids(line) == {
        "doi:10.3389/fbioe.2020.00891", "pmc:7471234", "pmid:3312", "pmid:35850484",
        "url:frontiersin.org/articles/10.3389/fbioe.2020.00891/full",
        "url:pubmed.ncbi.nlm.nih.gov/35850484",
    }
    assert shared_sources({"Z01": source_ids("doi.org/10.1186/S13287-019-1410-Y.")},
                          {"R01": source_ids("(doi:10.1186/s13287-019-1410-y)")}) == ["Z01=R01"]


def test_every_record_of_the_real_corpora_names_a_source() -> None:
    """Else the source comparison below would pass by finding nothing to compare."""
    for corpus in (SEALED_REAL, REAL):
        named = {key for key, ids in sources(corpus).items() if ids}
        assert {row["id"] for row in corpus.gold} <= named, corpus.name


def matches(find: Callable[[dict[str, set[str]], dict[str, set[str]]], list[str]],
            read: Callable[[Corpus], dict[str, set[str]]]) -> dict[str, list[str]]:
    """Per corpus folder, the matching pairs `find` reports between sealed and its records
    (within the sealed part itself, each unordered pair once)."""
    ours = read(SEALED_REAL)
    found = {corpus.folder: find(ours, read(corpus)) for corpus in OTHERS}
    found[SEALED_REAL.folder] = [pair for pair in find(ours, ours) if pair[:3] < pair[-3:]]
    return {folder: pairs for folder, pairs in found.items() if pairs}


def test_sealed_records_share_no_source_with_another_corpus() -> None:
    found = matches(shared_sources, sources)
    assert not found, f"sealed records whose source another record shares: {found}"


def test_sealed_abstracts_paraphrase_no_abstract_of_another_corpus() -> None:
    found = matches(shared_abstracts, word_sets)
    assert not found, f"sealed records paraphrasing the abstract of another record: {found}"


def citing_texts() -> list[str]:
    """The code, tests and docs outside the sealed part."""
    return [path.read_text(encoding="utf-8", errors="replace")
            for top in CITING for path in (ROOT / top).rglob("*")
            if path.suffix in {".py", ".md", ".yaml", ".txt", ".jsonl"} and path.is_file()
            and SEALED_REAL.folder not in path.parts]


def cited_ids(texts: list[str]) -> set[str]:
    return {key for text in texts for key in source_ids(text) if not key.startswith("url:")}


def cited_by(ids: set[str], texts: list[str], cited: set[str]) -> bool:
    """Whether the texts name one of the ids (`cited`: the ids they name), or the last part of
    one of the DOIs (a DOI is often cited through a journal's own address:
    '.../stcltm/article/14/3/szae092')."""
    if ids & cited:
        return True
    tails = [doi.rsplit("/", 1)[-1] for doi in ids if doi.startswith("doi:")]
    return any(re.search(rf"(?<![\w.-]){re.escape(tail)}(?![\w-])", text, re.IGNORECASE)
               for tail in tails if len(tail) >= 7 for text in texts)


def test_a_doi_cited_through_a_journal_address_is_found() -> None:
    ids = source_ids("source https://doi.org/10.1093/stcltm/szae092")
    texts = ["# Stem Cells Transl Med (https://example.org/stcltm/14/3/szae092/1)"]
    assert cited_by(ids, texts, cited_ids(texts))
    texts = ["# https://example.org/stcltm/14/3/szae0921/1"]
    assert not cited_by(ids, texts, cited_ids(texts))


def test_no_sealed_source_is_cited_outside_the_sealed_part() -> None:
    texts = citing_texts()
    cited = cited_ids(texts)
    found = sorted(key for key, ids in sources(SEALED_REAL).items()
                   if cited_by(ids, texts, cited))
    assert not found, f"sealed records whose source is cited in src/, tests/ or docs/: {found}"



def first_sources(corpus: Corpus) -> dict[str, set[str]]:
    """Record id -> the identifiers of the source its NOTES line names first ("R12: source
    X (...)"); later mentions on the line may be other papers, cited for a decision."""
    notes = (corpus.path / "NOTES.md").read_text(encoding="utf-8")
    found = re.finditer(rf"^({corpus.prefix}\d+): source (\S+)", notes, re.MULTILINE)
    return {m[1]: source_ids(m[2]) for m in found if m[1] not in corpus.retired}


def test_no_two_records_of_the_open_real_corpus_share_a_paper() -> None:
    """Two helpers may read one page on the same day (R502 and R545, R661 and R543 were one
    paper each); the second record then counts the paper twice, in scores and as a rule's
    second example. Same first source, or abstracts that overlap as paraphrases of one do."""
    firsts = first_sources(REAL)
    assert len(firsts) == len(REAL.gold), "a record without a 'source' line"
    same_source = [pair for pair in shared_sources(firsts, firsts)
                   if pair[: pair.index("=")] < pair[pair.index("=") + 1 :]]
    words = word_sets(REAL)
    same_abstract = [pair for pair in shared_abstracts(words, words)
                     if pair[: pair.index("~")] < pair[pair.index("~") + 1 :]]
    assert not same_source and not same_abstract, (same_source, same_abstract)
