"""The in-memory facet index gives the same counts as plain SQL over the effective annotations.

Randomised small stores (fixed seeds) with curators' additions, withdrawals and undos, on
SQLite and PostgreSQL; the expected numbers are counted by straightforward SQL queries.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from sqlalchemy import text

from exobone.model import Record, Study
from exobone.store import Store

FIELDS: dict[str, list[str]] = {
    "species": ["rat", "mouse", "human", "rabbit"],
    "conditions": ["osteoporosis", "osteoarthritis", "fracture", "cartilage_defect"],
    "ev_sources": [
        "MSC|bone_marrow|human",
        "MSC|adipose|rat",
        "MSC|bone_marrow|rat",
        "osteoblast|unspecified|mouse",
    ],  # fmt: skip
    "settings": ["in_vitro", "in_vivo"],
}
WORDS = ["bone", "cartilage", "vesicles", "repair", "wnt", "healing", "osteogenesis"]
FACETS = [*FIELDS, "study_type"]
# A value counts for a study when some row holds it and no curator withdrew it.
EFFECTIVE = (
    "NOT EXISTS (SELECT 1 FROM annotations w WHERE w.study_id = {a}.study_id"
    " AND w.field = {a}.field AND w.value = {a}.value AND w.origin = 'curated'"
    " AND w.removed = :yes)"
)


def make_store(url: str, tmp_path: Path, seed: int) -> Store:
    rng = random.Random(seed)
    path = tmp_path / f"refs{seed}.txt"
    path.write_text(f"bibliography {seed}\n", encoding="utf-8")
    entries: list[Record | Study] = []
    for n in range(1, 41):
        record = Record(
            title=" ".join(rng.sample(WORDS, 2)),
            abstract=" ".join(rng.choices(WORDS, k=6)),
            doi=f"10.9/{seed}.{n}",
            source=str(path),
            position=n,
        )
        if n % 10 == 0:
            entries.append(record)  # a record without a study
            continue
        study = Study(id=f"S{n}", record=record)
        for name, labels in FIELDS.items():
            study.annotations[name] = rng.sample(labels, rng.randint(0, 2))
        study.annotations["study_type"] = "review" if n % 7 == 0 else "primary"
        entries.append(study)
    store = Store.open(url)
    store.add_file(path, entries)
    return store


def curate_randomly(store: Store, seed: int) -> None:
    """Withdrawals, additions (some of values already there), and undos of a few of them."""
    rng = random.Random(seed + 100)
    record_ids = [hit.record_id for hit in store.search("", limit=100, facet_fields=[]).hits]
    done = []
    for _ in range(25):
        name = rng.choice(list(FIELDS))
        record_id = rng.choice(record_ids)
        if store.get(record_id).study is None:  # type: ignore[union-attr]
            continue
        value = rng.choice(FIELDS[name])
        done.append(store.curate(record_id, name, value, by="t", remove=rng.random() < 0.5))
    for curation_id in reversed(done[-6:]):
        if rng.random() < 0.7:
            store.undo(curation_id)


def matching_studies(store: Store, where: Sequence[tuple[str, str]], query: str) -> list[int]:
    from exobone.store.search import Searcher

    with store.engine.connect() as conn:
        ids = Searcher(conn, query, where).study_ids()
        if ids is None:
            return [int(i) for i in conn.scalars(text("SELECT id FROM studies"))]
        return [int(i) for i in conn.scalars(ids)]


def record_ids(store: Store, study_ids: list[int]) -> dict[int, int]:
    """The record id of each study row id."""
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT id, record_id FROM studies"))
        wanted = set(study_ids)
        return {int(s): int(r) for s, r in rows if s in wanted}


def sql_facets(store: Store, ids: list[int]) -> dict[str, list[tuple[str, int]]]:
    wanted = ",".join(str(i) for i in ids) or "NULL"
    expected: dict[str, list[tuple[str, int]]] = {name: [] for name in FACETS}
    sql = (
        "SELECT a.field, a.value, COUNT(DISTINCT a.study_id) FROM annotations a"
        f" WHERE a.study_id IN ({wanted}) AND {EFFECTIVE.format(a='a')} GROUP BY a.field, a.value"
    )
    kinds = f"SELECT study_type, COUNT(*) FROM studies WHERE id IN ({wanted}) GROUP BY study_type"
    with store.engine.connect() as conn:
        for name, value, n in conn.execute(text(sql), {"yes": True}):
            if name in expected:
                expected[name].append((value, n))
        expected["study_type"] = [(k, n) for k, n in conn.execute(text(kinds))]
    return {k: sorted(v, key=lambda item: (-item[1], item[0])) for k, v in expected.items()}


def sql_cells(store: Store, ids: list[int], rows: str, cols: str) -> list[tuple[str, str, int]]:
    wanted = ",".join(str(i) for i in ids) or "NULL"
    sql = (
        "SELECT a.value, b.value, COUNT(DISTINCT a.study_id) FROM annotations a"
        " JOIN annotations b ON b.study_id = a.study_id"
        f" WHERE a.field = :rows AND b.field = :cols AND a.study_id IN ({wanted})"
        f" AND {EFFECTIVE.format(a='a')} AND {EFFECTIVE.format(a='b')}"
        " GROUP BY a.value, b.value"
    )
    with store.engine.connect() as conn:
        found = conn.execute(text(sql), {"rows": rows, "cols": cols, "yes": True})
        cells = [(str(r), str(c), int(n)) for r, c, n in found]
    return sorted(cells, key=lambda cell: (-cell[2], cell[0], cell[1]))


def random_where(rng: random.Random) -> list[tuple[str, str]]:
    where = []
    for _ in range(rng.randint(0, 2)):
        name = rng.choice([*FIELDS, "study_type"])
        if name == "study_type":
            where.append((name, rng.choice(["primary", "review"])))
        elif name == "ev_sources" and rng.random() < 0.5:
            where.append((name, rng.choice(["MSC|*|*", "*|*|rat", "MSC|bone_marrow|*"])))
        else:
            where.append((name, rng.choice(FIELDS[name])))
    return where


def check(store: Store, rng: random.Random, rounds: int) -> None:
    for _ in range(rounds):
        where = random_where(rng)
        query = rng.choice(["", "", rng.choice(WORDS), " ".join(rng.sample(WORDS, 2))])
        ids = matching_studies(store, where, query)
        result = store.search(query, where, limit=100, facet_fields=FACETS)
        assert result.facets == sql_facets(store, ids), (query, where)
        records = record_ids(store, ids)
        assert {h.record_id for h in result.hits if h.extracted} == set(records.values())
        assert all(h.study_id == f"S{h.record_id:02d}" for h in result.hits)
        if query:
            ranks = [(-(h.rank or 0.0), h.record_id) for h in result.hits]
            assert ranks == sorted(ranks)
        elif where:
            assert [h.record_id for h in result.hits] == [records[i] for i in sorted(ids)]
        assert result.total == len(result.hits)
        page = store.search(query, where, limit=3, offset=2, facet_fields=[])
        assert [h.record_id for h in page.hits] == [h.record_id for h in result.hits][2:5]
        exact = {name: value for name, value in where if "*" not in value}
        expected_facets = sql_facets(store, matching_studies(store, list(exact.items()), ""))
        assert {name: store.facets(name, exact) for name in FACETS} == expected_facets
        rows, cols = rng.sample(list(FIELDS), 2)
        expected = sql_cells(store, ids, rows, cols)
        assert store.evidence_counts(rows, cols, where, query) == expected


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_index_counts_equal_sql_counts(store_url: str, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    with make_store(store_url, tmp_path, seed) as store:
        check(store, rng, 12)
        curate_randomly(store, seed)
        check(store, rng, 12)


@pytest.mark.parametrize("seed", [4, 5])
def test_pairs_frame_equals_the_pairs_of_the_annotation_rows(
    store_url: str, tmp_path: Path, seed: int
) -> None:
    """The evidence map's input read from the facet index equals `Store.pairs` (SQL), before
    and after curations that add and withdraw values."""
    fields = sorted({"ev_sources", "species", "outcomes", "study_type"})
    with make_store(store_url, tmp_path, seed) as store:
        for _ in range(2):
            frame = store.pairs_frame(fields)
            assert list(frame.columns) == ["study_id", "field", "value"]
            assert Counter(map(tuple, frame.to_numpy().tolist())) == Counter(store.pairs(fields))
            assert len(frame) > 0
            curate_randomly(store, seed)


def test_index_follows_writes_and_is_reloaded_from_its_cache(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    with make_store(url, tmp_path, 7) as store:
        before = store.search("", facet_fields=["species"]).facets["species"]
        (value, count), *_ = before
        record_id = next(
            h.record_id
            for h in store.search("", [("species", value)], limit=1, facet_fields=[]).hits
        )
        curation = store.curate(record_id, "species", value, by="t", remove=True)
        after = dict(store.search("", facet_fields=["species"]).facets["species"])
        assert after.get(value, 0) == count - 1
        store.undo(curation)
        assert store.search("", facet_fields=["species"]).facets["species"] == before
    assert (tmp_path / "c.db.facets" / "field_species.npz").exists()
    with Store.open(url) as reopened, reopened.engine.connect() as conn:
        key = reopened.facet_index.key(conn)
        loaded: Any = reopened.facet_index._load_column(key, "species")
        assert loaded is not None
        assert reopened.search("", facet_fields=["species"]).facets["species"] == before


def test_counts_over_most_studies_equal_plain_counts(tmp_path: Path) -> None:
    """Rows covering most studies are counted as totals less the other studies."""
    rng = random.Random(11)
    with make_store(f"sqlite:///{tmp_path / 'most.db'}", tmp_path, 11) as store:
        with store.engine.connect() as conn:
            key = store.facet_index.key(conn)
            size = len(store.facet_index.studies(conn, key).ids)
            column = store.facet_index.column(conn, key, "species")
        for share in (0.0, 0.4, 0.6, 0.9, 1.0):
            rows = np.sort(rng.sample(range(size), round(share * size))).astype(np.int64)
            _, codes = column.codes_for(rows, size)
            plain = Counter(column.values[int(c)] for c in codes)
            assert column.count(rows) == sorted(plain.items(), key=lambda i: (-i[1], i[0]))


def index_content(index: Any, conn: Any, key: Any, names: Sequence[str]) -> dict[str, Any]:
    """What an index says: the studies (id, record, type) and every field's (study, value)s."""
    studies = index.studies(conn, key)
    kinds = [studies.kind_values[k] for k in studies.kinds.tolist()]
    found: dict[str, Any] = {
        "studies": list(zip(studies.ids.tolist(), studies.records.tolist(), kinds, strict=True))
    }
    for name in names:
        column = index.column(conn, key, name)
        rows, codes = column.codes_for(None, len(studies.ids))
        ids = studies.ids[rows].tolist()
        found[name] = sorted(zip(ids, [column.values[c] for c in codes.tolist()], strict=True))
        assert column.count(None) == sorted(
            Counter(value for _, value in found[name]).items(), key=lambda i: (-i[1], i[0])
        )
    return found


def test_index_follows_writes_study_by_study_as_a_fresh_build(
    store_url: str, tmp_path: Path
) -> None:
    """After curations, undo, and another handle's writes (a curation, a re-extraction that
    changes one study, a new study), the fields already held are brought to the new
    generation without being built again, and equal an index built from scratch."""
    from exobone.store.facets import FacetIndex

    names = [*FIELDS, "outcomes"]
    with make_store(store_url, tmp_path, 21) as store, Store.open(store_url) as other:
        index = store.facet_index

        def followed_equals_fresh() -> None:
            with store.engine.connect() as conn:
                key = index.key(conn)
                index.studies(conn, key)
                # Followed on the generation's move: held again before any column() call.
                assert {c.key for c in index._columns.values()} == {key}
                assert set(index._columns) == set(names)
                fresh = FacetIndex(store.engine)
                fresh.cache_dir = None
                assert index_content(index, conn, key, names) == index_content(
                    fresh, conn, key, names
                )

        with store.engine.connect() as conn:
            index_content(index, conn, index.key(conn), names)
        curate_randomly(store, 21)
        followed_equals_fresh()
        hit = store.search("", [("species", "rat")], limit=1, facet_fields=[]).hits[0]
        done = store.curate(hit.record_id, "species", "rat", by="t", remove=True)
        followed_equals_fresh()
        store.undo(done)
        followed_equals_fresh()
        other.curate(hit.record_id, "outcomes", "bone_volume_increase", by="u")
        followed_equals_fresh()
        # Another handle re-extracts S03 with other values and adds a new study.
        path = tmp_path / "refs21.txt"
        first = store.get(3)
        assert first is not None and first.study is not None
        changed = Study(id="S03", record=first.study.record)
        changed.annotations["species"] = ["rabbit"]
        changed.annotations["settings"] = ["in_vitro"]
        changed.annotations["study_type"] = "primary"
        record = Record(title="bone repair", abstract="wnt", doi="10.9/21.99", source=str(path))
        added = Study(id="S99", record=record)
        added.annotations["species"] = ["mouse"]
        added.annotations["study_type"] = "review"
        path.write_text("bibliography 21, again\n", encoding="utf-8")
        other.add_file(path, [changed, added])
        followed_equals_fresh()
        rabbits = store.search("", [("species", "rabbit")], limit=100, facet_fields=[]).hits
        assert 3 in {hit.record_id for hit in rabbits}
        reviews = store.search("", [("study_type", "review")], limit=100, facet_fields=[]).hits
        assert "bone repair" in {hit.title for hit in reviews}
