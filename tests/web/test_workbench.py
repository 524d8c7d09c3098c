"""The reviewer's workbench through the API, on SQLite and PostgreSQL: exports of a search,
the filter grammar shared with the CLI, links out, map cells, the review queue."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from exobone.api import ingest_file, load_extractor
from exobone.store import Store
from exobone.web import Settings, create_app

LOCAL = "http://127.0.0.1:8000"


@pytest.fixture
def client(store_url: str, demo_file: Path) -> Iterator[TestClient]:
    """The demo bibliography in a store of each backend, served through the app."""
    with Store.open(store_url) as store:
        ingest_file(store, demo_file, extractor=load_extractor())
    app = create_app(Settings(db_url=store_url, user="tester"))
    yield TestClient(app, base_url=LOCAL)
    app.state.corpus.store.close()


def hit_ids(client: TestClient, **params: object) -> set[str]:
    found = client.get("/api/search", params={**params, "limit": 200})
    assert found.status_code == 200, found.text
    return {h["study_id"] for h in found.json()["hits"]}


def exported_ids(client: TestClient, **params: object) -> set[str]:
    response = client.get("/api/export/jsonl", params=params)
    assert response.status_code == 200, response.text
    return {json.loads(line)["id"] for line in response.text.splitlines()}


def test_export_of_a_search_holds_its_hits(client: TestClient) -> None:
    view = {"q": "bone", "f": ["settings=in_vivo"]}
    shown = hit_ids(client, **view)
    assert 0 < len(shown) < len(hit_ids(client))
    assert exported_ids(client, **view) == shown
    for fmt in ("csv", "xlsx", "ris", "bibtex", "sheet", "graphml"):
        response = client.get(f"/api/export/{fmt}", params=view)
        assert response.status_code == 200 and response.content, fmt
    rows = csv.DictReader(io.StringIO(client.get("/export/csv", params=view).text))
    assert {row["id"] for row in rows} == shown


def test_export_refuses_what_search_refuses(client: TestClient) -> None:
    """The store's grammar, not fnmatch: `ra*` is no label (the CLI says the same)."""
    for params in ({"f": ["species=ra*"]}, {"f": ["nofield=x"]}, {"q": "x" * 600}):
        assert client.get("/api/export/csv", params=params).status_code == 400, params
        assert client.get("/api/search", params=params).status_code == 400, params
