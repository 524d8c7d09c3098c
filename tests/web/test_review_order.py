"""The review queue is ordered over the whole store (weakest first, then record, field and
value), paged, on SQLite and PostgreSQL; a decision takes its value out of the queue."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from exobone.model import SET_FIELDS
from exobone.store import Store
from exobone.web import Settings

DEV = Path(__file__).resolve().parents[1] / "data" / "dev_corpus" / "dev_bibliography.txt"
ORDER = {name: i for i, name in enumerate(SET_FIELDS)}


@pytest.fixture
def client(store_url: str, demo_file: Path, app_client: Any) -> Iterator[TestClient]:
    """The demo and the dev bibliographies: more studies than a page of the queue."""
    with app_client(Settings(db_url=store_url, user="tester"), demo_file, DEV) as client:
        yield client


def whole_queue(client: TestClient, *filters: str) -> tuple[list[dict[str, Any]], int]:
    items: list[dict[str, Any]] = []
    while True:
        page = client.get("/api/review", params={"start": len(items), "f": list(filters)}).json()
        items += page["items"]
        if not page["items"]:
            return items, page["total"]
        assert len(page["items"]) == page["window"] or len(items) == page["total"]


def key(item: dict[str, Any]) -> tuple[int, int, int, str]:
    return (-item["weight"], item["record_id"], ORDER[item["field"]], item["value"])


def weakness(spans: list[Any]) -> int:
    """Independent of the app: no span or only inferred ones 3, one span 1, else 0."""
    if not spans or all(s.inferred for s in spans):
        return 3
    return 1 if len(spans) == 1 else 0


def test_the_order_is_global_over_more_studies_than_a_page(client: TestClient) -> None:
    store: Store = client.app.state.corpus.store  # type: ignore[attr-defined]
    expected = []
    for entry in store.entries(store.matching_records([])):
        study = entry.study
        assert study is not None
        for name in SET_FIELDS:
            spans = {str(k): v for k, v in study.evidence.get(name, {}).items()}
            for value in {str(v) for v in study.annotations.get(name) or []}:
                expected.append((-weakness(spans.get(value, [])), entry.id, ORDER[name], value))
    items, total = whole_queue(client)
    assert len({i["record_id"] for i in items}) > 25
    assert [key(i) for i in items] == sorted(expected) and total == len(expected)
    # the first page holds the weakest values of the whole store, not of its first studies
    first = client.get("/api/review").json()["items"]
    assert first == items[: len(first)]
    assert all(i["weight"] == 3 and i["why"] for i in first)
    # filtered: the same order over the studies that meet the filter
    rat, _ = whole_queue(client, "species=rat")
    rats = set(store.matching_records([("species", "rat")]))
    assert rat and {i["record_id"] for i in rat} <= rats
    assert [key(i) for i in rat] == sorted(k for k in sorted(expected) if k[1] in rats)
    assert client.get("/api/review", params={"f": "nosuchfield=x"}).status_code == 400


def test_a_decision_moves_the_queue_on(client: TestClient) -> None:
    before = client.get("/api/review").json()
    first, second = before["items"][:2]
    html = client.get("/review").text
    token = re.search(r'name="csrf" value="([^"]+)"', html)
    assert token and f"of {before['total']}" in html
    form = {"ref": first["study_id"], "field": first["field"], "value": first["value"]}
    form |= {"action": "reject", "csrf": token.group(1), "back": "/review"}
    assert client.post("/review/decide", data=form, follow_redirects=False).status_code == 303
    after = client.get("/api/review").json()
    assert after["total"] == before["total"] - 1
    assert after["items"][0] == second
    assert after["items"][: len(before["items"]) - 1] == before["items"][1:]
    # undone, it is back in its place
    curation = client.get("/api/curations").json()["curations"][0]
    assert client.post(f"/api/curations/{curation['id']}/undo", json={}).status_code == 200
    assert client.get("/api/review").json()["items"] == before["items"]
