"""De-duplication by DOI, then PMID, then normalised title + year."""

from __future__ import annotations

from exobone.ingest.dedup import deduplicate, normalise_title, record_key
from exobone.model import Record


def test_record_key_prefers_doi_then_pmid_then_title() -> None:
    assert record_key(Record(title="X", doi="10.1000/ABC", pmid="1")) == "doi:10.1000/abc"
    assert record_key(Record(title="X", pmid="0012")) == "pmid:12"
    assert record_key(Record(title="Exosomes: the Bone's  Friend!", year=2020)) == (
        "title:exosomes the bone s friend|2020")
    assert record_key(Record(title="Ostéogenèse")) == "title:osteogenese|"


def test_normalise_title() -> None:
    title = "MSC-Exos promote  Bone regeneration."
    assert normalise_title(title) == "msc exos promote bone regeneration"


def test_normalise_title_is_nfkd_ascii_lowered_with_other_runs_one_space() -> None:
    """Its definition, written out (NFKD, non-ASCII dropped, lowered, every run of other
    characters one space, trimmed), holds for ASCII titles (the fast path: controls, tabs,
    the separators str.split also cuts at) and for accented, wide and non-Latin ones."""
    import random
    import re
    import unicodedata

    def defined(title: str) -> str:
        ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
        return re.sub(r"[^a-z0-9]+", " ", ascii_title.lower()).strip()

    alphabet = [chr(c) for c in range(128)] + list("ÉéüßøæŒﬁ①²ＡＢ７ΩДж骨\u00a0\u2009\u3000")
    rng = random.Random(16)
    titles = ["", " ", "A", "  Ünïcode   títle! ", "ﬁbrous ＳＣＡＦＦＯＬＤ ①", "\x1cA\x1fB\x0bC"]
    titles += ["".join(rng.choices(alphabet, k=rng.randint(1, 40))) for _ in range(3000)]
    titles += ["".join(rng.choices(alphabet[:128], k=rng.randint(1, 40))) for _ in range(3000)]
    for title in titles:
        assert normalise_title(title) == defined(title), repr(title)


def test_merge_by_doi_fills_empty_fields_of_first() -> None:
    a = Record(title="Exosomes heal bone", doi="10.1/X", year=2020, source="a.ris", position=1)
    b = Record(title="Exosomes heal bone.", doi="10.1/x", pmid="99", abstract="Text.",
               authors=["Doe, J."], source="b.nbib", position=4)
    kept, merges = deduplicate([a, b])
    assert kept == [a]
    assert (merges[0].kept, merges[0].dropped, merges[0].reason) == (a, b, "doi")
    assert a.pmid == "99" and a.abstract == "Text." and a.authors == ["Doe, J."]
    assert a.source == "a.ris" and a.doi == "10.1/X"


def test_merge_by_pmid_and_title_year_chain() -> None:
    a = Record(title="Vesicles and cartilage", pmid="5", year=2019)
    b = Record(title="Something else entirely", pmid="5", doi="10.2/y")
    c = Record(title="VESICLES and cartilage!", year=2019)
    d = Record(title="Reached via the doi learnt from b", doi="10.2/Y")
    kept, merges = deduplicate([a, b, c, d])
    assert kept == [a]
    assert [m.reason for m in merges] == ["pmid", "title+year", "doi"]
    assert a.doi == "10.2/y"


def test_no_merge_when_stronger_ids_disagree_or_year_differs() -> None:
    a = Record(title="Editorial", year=2020, doi="10.1/a")
    b = Record(title="Editorial", year=2020, doi="10.1/b")
    c = Record(title="Editorial", year=2021)
    d = Record(title="Methods", year=2020, pmid="1")
    e = Record(title="Methods", year=2020, pmid="2")
    f = Record(title="No year")
    g = Record(title="No year")
    kept, merges = deduplicate([a, b, c, d, e, f, g])
    assert kept == [a, b, c, d, e, f, g] and merges == []
