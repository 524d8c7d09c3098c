"""What the pages read from the store: a study page reads its own study (and the few it
links to), never the whole corpus; after a curation the graph and scores read only the
curated study, and equal a fresh pass over every study. Checked on the SQL that SQLite
itself runs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager

from fastapi.testclient import TestClient
from sqlalchemy import event

from exobone.analysis.graph import build_graph, edges_frame
from exobone.analysis.quality import criteria_summary, quality_frame
from exobone.api import ingest_file, load_extractor
from exobone.model import SET_FIELDS
from exobone.store import Store
from exobone.web import Settings, create_app
from exobone.web.aggregates import StudyAggregates
from exobone.web.app import QUALITY_PAGE

# The app answers only its own Host names (a DNS-rebinding guard).
LOCAL = "http://127.0.0.1"
_WEAK = {"settings", "species", "vesicle_types", "durations_days", "doses"}


@contextmanager
def traced(store: Store) -> Iterator[list[str]]:
    """Every statement SQLite runs on the store's connections (its own trace callback)."""
    statements: list[str] = []

    def on_checkout(dbapi_conn: object, *_: object) -> None:
        dbapi_conn.set_trace_callback(statements.append)  # type: ignore[attr-defined]

    def on_checkin(dbapi_conn: object, *_: object) -> None:
        dbapi_conn.set_trace_callback(None)  # type: ignore[attr-defined]

    event.listen(store.engine, "checkout", on_checkout)
    event.listen(store.engine, "checkin", on_checkin)
    try:
        yield statements
    finally:
        event.remove(store.engine, "checkout", on_checkout)
        event.remove(store.engine, "checkin", on_checkin)


def record_reads(statements: list[str]) -> list[str]:
    return [s for s in statements if re.search(r"\bFROM records\b", s)]


def test_study_page_reads_one_study_not_the_corpus(db_url: str) -> None:
    store = Store.open(db_url)
    store.prepare_indexes()  # what `exobone serve` finds ready on a prepared store
    n_records = store.count()
    assert n_records > 10
    client = TestClient(create_app(Settings(db_url=db_url), store=store), base_url=LOCAL)
    with traced(store) as statements:
        response = client.get("/study/S03")
    assert response.status_code == 200
    reads = record_reads(statements)
    assert reads, "the trace saw no read of the study itself"
    for sql in reads:
        # Each read of records names its rows by id: the study, or the few similar ones.
        assert re.search(r"WHERE records\.id (= \d+|IN \([\d, ]+\))", sql), sql
        assert "OFFSET" not in sql, sql
        ids = re.findall(r"\d+", sql.split("WHERE", 1)[1])
        assert len(ids) <= 7, sql
    assert not [s for s in statements if "LIMIT" in s and "FROM records" in s]


def test_similar_studies_share_the_most_specific_values(db_url: str) -> None:
    """The facet-index count agrees with counting shared values over every study."""
    store = Store.open(db_url)
    client = TestClient(create_app(Settings(db_url=db_url), store=store), base_url=LOCAL)
    entries = [e for e in store.records(limit=100) if e.study is not None]

    def pairs(study: object) -> set[tuple[str, str]]:
        return {
            (name, str(v))
            for name in SET_FIELDS
            if name not in _WEAK
            for v in study.annotations.get(name) or []  # type: ignore[attr-defined]
        }

    checked = 0
    for entry in entries:
        mine = pairs(entry.study)
        expected = sorted(
            (-len(mine & pairs(other.study)), other.id)
            for other in entries
            if other.id != entry.id and mine & pairs(other.study)
        )[:6]
        got = [(r.record_id, r.shared) for r in store.related(entry.id, mine, 6)]
        assert got == [(rid, -n) for n, rid in expected]
        checked += bool(got)
    assert checked > 5
    # And the page links them.
    first = next(e for e in entries if store.related(e.id, pairs(e.study), 6))
    page = client.get(f"/study/{first.label}").text
    for related in store.related(first.id, pairs(first.study), 6):
        assert f'href="/study/{related.label}"' in page


def map_cell(client: TestClient, row: str, col: str) -> int:
    data = client.get("/api/map", params={"rows": "species", "cols": "conditions"}).json()
    return sum(c["n"] for c in data["cells"] if (c["row"], c["col"]) == (row, col))


def test_views_are_cached_until_a_curation_or_any_write(db_url: str) -> None:
    store = Store.open(db_url)
    client = TestClient(create_app(Settings(db_url=db_url), store=store), base_url=LOCAL)
    entry = next(
        e for e in store.records(limit=100) if e.study and e.study.annotations["conditions"]
    )
    condition = str(entry.study.annotations["conditions"][0])  # type: ignore[union-attr]
    before = map_cell(client, "dog", condition)
    with traced(store) as statements:
        assert map_cell(client, "dog", condition) == before
        client.get("/quality")
        client.get("/quality")
    # The second map and quality page came from the cache: only the generation was read.
    reads = [s for s in statements if "FROM annotations" in s or "FROM records" in s]
    assert len([s for s in reads if "species" in s]) == 0, reads
    quality_reads = len(reads)
    with traced(store) as statements:
        client.get("/quality")
    assert not [s for s in statements if "FROM annotations" in s], statements
    assert quality_reads > 0

    # A curation through the app shows at once (no time-out to wait for).
    added = client.post(
        f"/api/studies/{entry.id}/curations", json={"field": "species", "value": "dog"}
    )
    assert added.status_code == 201, added.text
    assert map_cell(client, "dog", condition) == before + 1
    # Its undo, and a write by another process's handle (the CLI), show too.
    client.post(f"/api/curations/{added.json()['curations'][-1]['id']}/undo", json={})
    assert map_cell(client, "dog", condition) == before
    with Store.open(db_url) as other:
        other.curate(entry.id, "species", "dog", by="cli")
    assert map_cell(client, "dog", condition) == before + 1


def test_graph_and_quality_pages_are_bounded(db_url: str) -> None:
    client = TestClient(create_app(Settings(db_url=db_url)), base_url=LOCAL)
    data = client.get("/api/quality", params={"limit": 3}).json()
    assert len(data["studies"]) == 3 and data["total"] > 3
    scores = [s["score"] for s in data["studies"]]
    rest = client.get("/api/quality", params={"limit": 3, "offset": 3}).json()["studies"]
    assert scores == sorted(scores, reverse=True) and rest[0]["score"] <= scores[-1]
    page = client.get("/graph", params={"max_edges": 5})
    assert page.status_code == 200
    assert page.text.count('class="edge-row') <= 5


def fresh(store: Store) -> tuple[list[tuple], list[tuple], list[dict]]:
    """Edges, scores and criteria from one pass over every study, as the views give them."""
    studies = list(store.studies())
    frame = edges_frame(build_graph(studies))
    edges = [
        (r.source, r.target, r.relation, r.belief, r.n_studies, len(r.evidence))
        for r in frame.itertuples(index=False)
    ]
    scores = quality_frame(studies)
    ranked = scores.sort_values(["score", "study_id"], ascending=[False, True], kind="stable")
    return (
        edges,
        [(r.study_id, r.score, r.n_met) for r in ranked.itertuples(index=False)],
        criteria_summary(scores).to_dict(orient="records"),
    )


def kept(aggregates: StudyAggregates) -> tuple[list[tuple], list[tuple], list[dict]]:
    snapshot = aggregates.snapshot()
    edges = [
        (r.source, r.target, r.relation, r.belief, r.n_studies, aggregates.details(r, 1)[2])
        for r in snapshot.edges
    ]
    page = aggregates.score_page(snapshot, 0, len(snapshot.scores))
    scores = [(s.study_id, round(s.score, 4), s.n_met) for s in page]
    assert [s.n_met for s in page] == snapshot.scores.n_met().tolist()
    return edges, scores, snapshot.criteria


def test_views_kept_on_write_equal_a_fresh_pass(store_url: str, demo_file: object) -> None:
    store = Store.open(store_url)
    ingest_file(store, demo_file, extractor=load_extractor())  # type: ignore[arg-type]
    aggregates = StudyAggregates(store)
    assert kept(aggregates) == fresh(store)
    assert aggregates.snapshot().edges

    # Curations that add and take away edges, an undo, and a study whose values all go.
    with_effects = [
        e for e in store.records(limit=100) if e.study and e.study.annotations["molecular_effects"]
    ]
    first, second = with_effects[0], with_effects[1]
    store.curate(first.id, "molecular_effects", "RUNX2|up", by="t")
    store.curate(first.id, "outcomes", "osteogenesis|increase", by="t")
    effect = str(second.study.annotations["molecular_effects"][0])  # type: ignore[union-attr]
    removal = store.curate(second.id, "molecular_effects", effect, by="t", remove=True)
    for source in second.study.annotations["ev_sources"]:  # type: ignore[union-attr]
        store.curate(second.id, "ev_sources", str(source), by="t", remove=True)
    assert kept(aggregates) == fresh(store)
    store.undo(removal)
    # A write by another handle (the CLI) is seen too.
    with Store.open(store_url) as other:
        other.curate(second.id, "outcomes", "bone_formation|decrease", by="cli")
    assert kept(aggregates) == fresh(store)


def test_a_curation_makes_the_graph_read_only_that_study(db_url: str) -> None:
    store = Store.open(db_url)
    client = TestClient(create_app(Settings(db_url=db_url), store=store), base_url=LOCAL)
    assert client.get("/graph").status_code == 200
    assert client.get("/quality").status_code == 200
    entry = next(
        e for e in store.records(limit=100) if e.study and e.study.annotations["ev_sources"]
    )
    added = client.post(
        f"/api/studies/{entry.id}/curations",
        json={"field": "molecular_effects", "value": "RUNX2|up"},
    )
    assert added.status_code == 201, added.text
    with traced(store) as statements:
        graph = client.get("/api/graph", params={"limit": 1000}).json()
    reads = record_reads(statements)
    assert reads, "the trace saw no read of the curated study"
    for sql in reads:
        # Only the curated study, the few titles the page links, and the state scan.
        assert "LIMIT" not in sql, sql
        assert re.search(r"WHERE records\.id (= \d+|IN \([\d, ]+\))", sql) or "JOIN" in sql, sql
    loaded = [s for s in reads if "JOIN" not in s and s.lstrip().startswith("SELECT records.id,")]
    assert loaded and all(
        re.findall(r"\d+", s.split("WHERE", 1)[1]) == [str(entry.id)] for s in loaded
    ), loaded
    with traced(store) as statements:
        quality = client.get("/quality")
    assert quality.status_code == 200
    # The scores are up to date: only the page's studies are read (the evidence it shows).
    pages = [s for s in record_reads(statements) if s.lstrip().startswith("SELECT records.id,")]
    assert len(pages) == 1, pages
    assert 0 < len(re.findall(r"\d+", pages[0].split("WHERE", 1)[1])) <= QUALITY_PAGE
    runx2 = [
        e["data"]
        for e in graph["elements"]["edges"]
        if e["data"]["target"] == "molecule:RUNX2" and e["data"]["relation"] == "up"
    ]
    assert any(entry.label in e["studies"] or e["n_studies"] > 10 for e in runx2), runx2


def test_graph_page_reads_the_titles_it_links_at_once(db_url: str) -> None:
    """The studies and sentences of every shown edge are looked up in one query, not one
    or two per edge."""
    store = Store.open(db_url)
    client = TestClient(create_app(Settings(db_url=db_url), store=store), base_url=LOCAL)
    with traced(store) as statements:
        page = client.get("/graph", params={"max_edges": 40})
    assert page.status_code == 200
    edges = page.text.count('class="edge-row')
    assert edges > 5
    titles = [
        s
        for s in statements
        if re.search(r"SELECT records\.id, records\.label, records\.title\b", s)
    ]
    assert len(titles) == 1, titles
