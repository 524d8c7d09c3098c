"""/network's path and contradiction queries over the whole mechanism graph, on SQLite and
PostgreSQL: they answer as `exobone graph` does over every edge, not only the edges a page
of the network draws."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from exobone.analysis.graph import build_graph, contradictions, paths
from exobone.web import Settings, network

# Two studies, one raising RUNX2 and one lowering it: a contradiction of stated edges.
OPPOSED_RIS = Path(__file__).resolve().parent / "data" / "opposed.ris"


@pytest.fixture
def client(store_url: str, demo_file: Path, app_client: Any) -> Iterator[TestClient]:
    with app_client(Settings(db_url=store_url, user="tester"), demo_file, OPPOSED_RIS) as client:
        yield client


def whole_graph(client: TestClient) -> Any:
    store = client.app.state.corpus.store  # type: ignore[attr-defined]
    return build_graph(store.studies())


def drawn_ids(client: TestClient, limit: int) -> set[str]:
    page = client.get("/api/graph", params={"limit": limit}).json()
    return {e["data"]["id"] for e in page["elements"]["edges"]}


def two_step_pair(graph: Any) -> tuple[str, str]:
    """Two nodes with a signed path of two edges and no signed edge between them."""
    signed = {(u, v) for u, v, d in graph.edges(data=True) if d["sign"] != 0}
    for u, m in sorted(signed):
        for m2, w in sorted(signed):
            if m2 == m and w != u and (u, w) not in signed:
                return u, w
    raise AssertionError("the demo graph has no two-step signed path")


def test_a_path_through_edges_not_drawn_is_found(client: TestClient) -> None:
    graph = whole_graph(client)
    start, end = two_step_pair(graph)
    expected = paths(graph, start, end, max_len=2)
    answer = client.get("/api/network/path", params={"from": start, "to": end}).json()
    assert answer["total"] == len(expected) > 0
    best = answer["paths"][0]
    assert best["describe"] == expected[0].describe() and len(best["edges"]) == 2
    # a page of one edge does not draw the path; the answer brings its edges and nodes
    assert not set(best["edges"]) <= drawn_ids(client, 1)
    elements = answer["elements"]
    assert set(best["edges"]) <= {e["data"]["id"] for e in elements["edges"]}
    assert {start, end} <= {n["data"]["id"] for n in elements["nodes"]}
    step = next(e["data"] for e in elements["edges"] if e["data"]["id"] == best["edges"][0])
    assert step["studies"] and step["evidence"]  # read for the few edges an answer shows
    # names as the CLI takes them: the label of the first node
    label = graph.nodes[start]["label"]
    by_label = client.get("/api/network/path", params={"from": label, "to": end}).json()
    assert by_label["total"] == len(
        paths(graph, label, end, max_len=len(by_label["paths"][0]["edges"]))
    )


def test_no_path_against_the_arrows_and_unknown_names(client: TestClient) -> None:
    graph = whole_graph(client)
    start, end = two_step_pair(graph)
    back = client.get("/api/network/path", params={"from": end, "to": start})
    assert back.status_code == 200 and back.json()["paths"] == [] and back.json()["total"] == 0
    hostile = "<img src=x onerror=alert(1)>&x=1"
    refused = client.get("/api/network/path", params={"from": hostile, "to": end})
    assert refused.status_code == 400
    assert refused.headers["content-type"].startswith("application/json")
    assert repr(hostile) in refused.json()["detail"]
    assert client.get("/api/network/path", params={"from": "", "to": end}).status_code == 422


def test_contradictions_over_the_whole_graph(client: TestClient) -> None:
    graph = whole_graph(client)
    for inferred in (False, True):
        expected = contradictions(graph, include_inferred=inferred)
        answer = client.get(
            "/api/network/contradictions", params={"inferred": str(inferred).lower()}
        ).json()
        assert answer["total"] == len(expected)
        assert sorted((c["source"], c["target"]) for c in answer["contradictions"]) == sorted(
            zip(expected["source"], expected["target"], strict=True)
        )
        pairs = zip(expected["source"], expected["target"], strict=True)
        same = dict(zip(pairs, expected["same_study"], strict=True))
        assert {
            (c["source"], c["target"]): c["same_study"] for c in answer["contradictions"]
        } == same
        assert answer["total"] > 0
    listed = {i for c in answer["contradictions"] for i in c["edges"]}
    assert listed <= {e["data"]["id"] for e in answer["elements"]["edges"]}
    assert not listed <= drawn_ids(client, 1)


def test_min_studies_and_the_edge_cap(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    graph = whole_graph(client)
    start, end = two_step_pair(graph)
    most = max(d["n_studies"] for _, _, d in graph.edges(data=True))
    answer = client.get(
        "/api/network/path", params={"from": start, "to": end, "min_studies": most + 1}
    )
    assert answer.status_code == 400 and "no node named" in answer.json()["detail"]
    monkeypatch.setattr(network, "MAX_EDGES", 3)
    refused = client.get("/api/network/contradictions")
    assert refused.status_code == 400 and "raise the minimum" in refused.json()["detail"]
