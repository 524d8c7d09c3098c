"""The postings text index matches and ranks exactly as FTS5 does, on real SQLite files.

Stores are built from the demo and dev bibliographies (extracted, so filters apply) and from
random word soups; `MIN_RECORDS` is lowered to 0 so the index serves these small stores.
The FTS5 path is the reference: the same store searched with `text_index=None`.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from exobone.api import ingest_file, load_extractor
from exobone.model import Record
from exobone.store import SearchResult, Store, textindex
from exobone.store.search import fts5_query, term_groups
from exobone.store.textindex import COLUMN_WEIGHTS, TextIndex

REPO = Path(__file__).resolve().parents[2]
BIBLIOGRAPHIES = [
    REPO / "examples" / "exosome_bone_bibliography.txt",
    REPO / "tests" / "data" / "dev_corpus" / "dev_bibliography.txt",
]
FACETS = ["conditions", "species", "ev_sources", "study_type"]
QUERIES = [
    "bone",
    "bone regeneration",
    "Exosomes",
    "osteogenic differentiation",
    "MSC exosomes bone",
    "the",
    "of and the",
    "bones BONE bone",
    "cartilage osteoarthritis",
    "AND",
    "NEAR OR NOT",
    "bone*",
    '"bone"',
    "(cartilage)",
    "angiogenesis; -- ' \"",
    "ostéogenic",
    "xyzzy",
    "bone xyzzy",
]
WHERE = [
    [],
    [("study_type", "primary")],
    [("species", "rat")],
    [("conditions", "osteoporosis")],
]


@pytest.fixture
def indexed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(textindex, "MIN_RECORDS", 0)


@pytest.fixture(scope="module")
def bibliography_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("textindex") / "bib.db"
    extractor = load_extractor()
    with Store.open(f"sqlite:///{path}") as store:
        for bibliography in BIBLIOGRAPHIES:
            ingest_file(store, bibliography, extractor=extractor)
    return path


@pytest.fixture
def pair(bibliography_db: Path, indexed: None) -> Iterator[tuple[Store, Store]]:
    """The bibliography store with the index, and the same file searched by FTS5 alone."""
    url = f"sqlite:///{bibliography_db}"
    with Store.open(url) as fast, Store.open(url) as reference:
        reference.text_index = None  # type: ignore[assignment]
        yield fast, reference


def fts5_scores(store: Store, query: str) -> dict[int, float]:
    """rowid -> -bm25 for every record FTS5 matches (terms and their one-word alternatives,
    as on a store the index serves)."""
    plain = fts5_query(query, one_word=True)
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT rowid, -bm25(records_fts, ?, ?, ?, ?, ?) FROM records_fts "
            "WHERE records_fts MATCH ?",
            (*COLUMN_WEIGHTS, plain),
        )
        return {int(r[0]): float(r[1]) for r in rows}


def index_scores(store: Store, query: str) -> dict[int, float] | None:
    index = store.text_index
    with store.engine.connect() as conn:
        key = index.usable(conn)
        assert key is not None
        groups = term_groups(query, one_word=True)
        tokens = index.tokens(conn, [word for group in groups for word in group])
        if tokens is None:
            return None
        found = iter(tokens)
        token_groups = [[next(found) for _ in group] for group in groups]
        ids, scores = index.postings(conn, key).match_any(token_groups)
    assert np.all(np.diff(ids) > 0)
    return {int(i): float(s) for i, s in zip(ids, scores, strict=True)}


def assert_same(mine: SearchResult, theirs: SearchResult) -> None:
    assert mine.total == theirs.total
    assert [h.record_id for h in mine.hits] == [h.record_id for h in theirs.hits]
    for a, b in zip(mine.hits, theirs.hits, strict=True):
        assert a.rank == pytest.approx(b.rank, rel=1e-12)
        assert a.snippet == b.snippet
    assert mine.facets == theirs.facets


def assert_scores_equal(store: Store, query: str) -> None:
    mine = index_scores(store, query)
    assert mine is not None
    expected = fts5_scores(store, query)
    assert sorted(mine) == sorted(expected)
    for record_id, score in expected.items():
        assert mine[record_id] == pytest.approx(score, rel=1e-12, abs=1e-15)


@pytest.mark.parametrize("query", QUERIES)
def test_scores_equal_fts5_bm25(pair: tuple[Store, Store], query: str) -> None:
    fast, _ = pair
    assert_scores_equal(fast, query)


def test_broad_and_rare_terms_both_occur(pair: tuple[Store, Store]) -> None:
    """The query set reaches bm25's clamp (a term in most records) and the plain IDF."""
    fast, _ = pair
    total = fast.count()
    assert len(fts5_scores(fast, "the")) > total / 2
    assert 0 < len(fts5_scores(fast, "cartilage osteoarthritis")) < total / 2


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("query", QUERIES)
def test_search_equals_fts5_path(
    pair: tuple[Store, Store], query: str, where: list[tuple[str, str]]
) -> None:
    fast, reference = pair
    for limit, offset in ((20, 0), (5, 3), (100, 0)):
        mine = fast.search(query, where, limit=limit, offset=offset, facet_fields=FACETS)
        theirs = reference.search(query, where, limit=limit, offset=offset, facet_fields=FACETS)
        assert_same(mine, theirs)


def test_evidence_map_with_text_equals_fts5_path(pair: tuple[Store, Store]) -> None:
    fast, reference = pair
    for query in ("bone", "exosomes osteogenic", "3D-printed"):
        assert fast.evidence_counts("species", "conditions", query=query) == (
            reference.evidence_counts("species", "conditions", query=query)
        )


def test_phrase_terms_fall_back_to_fts5(pair: tuple[Store, Store]) -> None:
    fast, reference = pair
    with fast.engine.connect() as conn:
        assert fast.text_index.tokens(conn, ["3D-printed", "scaffold"]) is None
        assert fast.text_index.tokens(conn, ["_"]) is None  # no token at all
        assert fast.text_index.tokens(conn, ["Bones", "NEAR"]) == ["bone", "near"]
    for query in ("3D-printed scaffold", "bone-marrow", "bone _"):
        assert index_scores(fast, query) is None
        assert_same(fast.search(query, limit=50), reference.search(query, limit=50))


def soup_store(path: Path, seed: int, count: int) -> Store:
    """Records of random words from a small vocabulary, so scores and ties vary widely."""
    rng = random.Random(seed)
    words = [f"w{n}" for n in range(30)] + ["bone", "bones", "boning", "cartilage"]
    source = path.parent / f"soup{seed}.txt"
    source.write_text("soup\n", encoding="utf-8")
    records = [
        Record(
            title=" ".join(rng.choices(words, k=rng.randint(1, 8))),
            abstract=" ".join(rng.choices(words, k=rng.randint(0, 60))),
            keywords=rng.sample(words, rng.randint(0, 3)),
            authors=[f"Author{rng.randint(1, 5)}, A."],
            journal=rng.choice(["Bone", "Cartilage", None]),
            doi=f"10.1/{seed}.{n}",
            source=str(source),
            position=n,
        )
        for n in range(count)
    ]
    store = Store.open(f"sqlite:///{path}")
    store.add_file(source, records)
    return store


def test_scores_equal_fts5_on_random_records(tmp_path: Path, indexed: None) -> None:
    with soup_store(tmp_path / "soup.db", seed=5, count=400) as store:
        rng = random.Random(9)
        vocabulary = [f"w{n}" for n in range(30)] + ["bone", "cartilage", "author3"]
        for _ in range(30):
            query = " ".join(rng.sample(vocabulary, rng.randint(1, 3)))
            assert_scores_equal(store, query)


def test_index_follows_new_records_and_reloads_from_its_cache(
    tmp_path: Path, indexed: None
) -> None:
    path = tmp_path / "grow.db"
    with soup_store(path, seed=1, count=200) as store:
        before = store.search("bone w3", limit=10)
        with store.engine.connect() as conn:
            first_key = store.text_index.usable(conn)
        source = tmp_path / "more.txt"
        source.write_text("more\n", encoding="utf-8")
        added = Record(
            title="bone w3 zanzibar", abstract="bone bone w3", doi="10.2/x", source=str(source)
        )
        store.add_file(source, [added])
        after = store.search("bone w3", limit=10)
        assert after.total == before.total + 1
        assert store.search("zanzibar").total == 1
        with store.engine.connect() as conn:
            second_key = store.text_index.usable(conn)
        assert second_key != first_key
        assert_scores_equal(store, "bone w3")
    builds = [p.name for p in (tmp_path / "grow.db.text").iterdir()]
    assert builds == [second_key]
    with Store.open(f"sqlite:///{path}") as reopened:
        assert reopened.search("bone w3", limit=10).total == after.total
        loaded = reopened.text_index._postings
        assert loaded is not None and isinstance(loaded.docs, np.memmap)
        assert_scores_equal(reopened, "bone w3 zanzibar")


def test_edited_text_changes_the_key(tmp_path: Path, indexed: None) -> None:
    """An edit that keeps every token count still rebuilds (FTS5's structure record moves)."""
    with soup_store(tmp_path / "edit.db", seed=2, count=50) as store:
        assert store.search("quokka").total == 0
        with store.engine.connect() as conn:
            key = store.text_index.usable(conn)
        with store.engine.begin() as conn:
            title = conn.exec_driver_sql("SELECT title FROM records WHERE id = 7").scalar()
            words = str(title).split()
            conn.exec_driver_sql(
                "UPDATE records SET title = ? WHERE id = 7", (" ".join(["quokka", *words[1:]]),)
            )
        with store.engine.connect() as conn:
            assert store.text_index.usable(conn) != key
        assert [h.record_id for h in store.search("quokka").hits] == [7]
        assert_scores_equal(store, "quokka")


def test_small_stores_and_memory_databases_use_fts5(tmp_path: Path) -> None:
    with soup_store(tmp_path / "small.db", seed=3, count=20) as store:
        with store.engine.connect() as conn:
            assert store.text_index.usable(conn) is None
        assert store.search("bone").total > 0
        assert not (tmp_path / "small.db.text").exists()
    assert TextIndex(Store.open("sqlite://").engine).cache_dir is None


def test_prepare_indexes_builds_both_so_queries_reuse_them(tmp_path: Path, indexed: None) -> None:
    path = tmp_path / "ready.db"
    with soup_store(path, seed=4, count=120) as store:
        report = store.prepare_indexes()
        assert report.text_seconds is not None and report.text_bytes > 0
        assert report.facet_bytes > 0
        built = store.text_index._postings
        with store.engine.connect() as conn:
            assert built is not None and built.key == store.text_index.usable(conn)
        assert store.search("bone w4", limit=5).total > 0
        assert store.text_index._postings is built  # the query used it, did not rebuild
    assert [p.name for p in (tmp_path / "ready.db.text").iterdir()] == [built.key]
    assert (tmp_path / "ready.db.facets" / "field_species.npz").exists()


def test_prepare_indexes_skips_the_text_index_on_small_stores(tmp_path: Path) -> None:
    with soup_store(tmp_path / "tiny.db", seed=6, count=10) as store:
        report = store.prepare_indexes()
    assert report.text_seconds is None and report.text_bytes == 0
    assert not (tmp_path / "tiny.db.text").exists()


def test_one_word_alternatives_are_served_by_the_index(pair: tuple[Store, Store]) -> None:
    fast, reference = pair
    query = "apoptosis osteogenesis"
    groups = term_groups(query, one_word=True)
    assert groups[0][:2] == ("apoptosis", "apoptotic") and "osteogenic" in groups[1]
    assert not [a for g in groups for a in g if " " in a]  # phrases need FTS5's positions
    scores = index_scores(fast, query)
    with fast.engine.connect() as conn:
        typed = conn.exec_driver_sql(
            "SELECT count(*) FROM records_fts WHERE records_fts MATCH ?",
            ('"apoptosis" AND "osteogenesis"',),
        ).scalar()
    assert scores and len(scores) > typed  # the alternatives find more than the words typed
    assert_scores_equal(fast, query)
    assert_same(fast.search(query, limit=50), reference.search(query, limit=50))
