"""The reviewer's workbench through the API, on SQLite and PostgreSQL: exports of a search,
the filter grammar shared with the CLI, links out, map cells, the review queue."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from exobone.cli import app as cli_app
from exobone.model import ANNOTATION_FIELDS
from exobone.web import Settings
from exobone.web.links import doi_url, pmid_url, value_links
from exobone.web.security import read_curator_tokens

LINKED_RIS = Path(__file__).resolve().parent / "data" / "linked.ris"


@pytest.fixture
def client(store_url: str, demo_file: Path, app_client: Any) -> Iterator[TestClient]:
    """The demo bibliography in a store of each backend, served through the app."""
    with app_client(Settings(db_url=store_url, user="tester"), demo_file) as client:
        yield client


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


def search(client: TestClient, *filters: str, **params: object) -> dict[str, Any]:
    found = client.get("/api/search", params={"f": list(filters), "limit": 200, **params})
    assert found.status_code == 200, found.text
    return dict(found.json())


def ids(found: dict[str, Any]) -> set[str]:
    assert found["total"] == len(found["hits"]) <= 200
    return {h["study_id"] for h in found["hits"]}


def test_or_within_a_field_and_not(client: TestClient) -> None:
    species = [v for v, _ in search(client)["facets"]["species"]][:2]
    assert len(species) == 2
    either = ids(search(client, f"species={species[0]},{species[1]}"))
    first, second = (ids(search(client, f"species={v}")) for v in species)
    assert either == first | second and first - second and second - first
    studies = exported_ids(client)
    assert ids(search(client, f"species!={species[0]}")) == studies - first
    assert ids(search(client, f"species!={species[0]},{species[1]}")) == studies - first - second
    # the export and the CLI read the same grammar
    assert exported_ids(client, f=[f"species!={species[0]}"]) == studies - first
    db = str(client.app.state.corpus.store.engine.url.render_as_string(hide_password=False))  # type: ignore[attr-defined]
    cli = CliRunner().invoke(
        cli_app,
        ["search", "--db", db, "--json", "-n", "200", "-w", f"species={species[0]},{species[1]}"],
    )
    assert cli.exit_code == 0, cli.output
    assert {h["study_id"] for h in json.loads(cli.output)["hits"]} == either


def test_year_range_and_sort(client: TestClient) -> None:
    years = {h["study_id"]: h["year"] for h in search(client)["hits"]}
    known = sorted(y for y in years.values() if y)
    low, high = known[len(known) // 4], known[3 * len(known) // 4]
    inside = ids(search(client, f"year={low}..{high}"))
    assert inside == {s for s, y in years.items() if y and low <= y <= high} != set(years)
    assert ids(search(client, f"year={low}..")) == {s for s, y in years.items() if y and y >= low}
    newest = [h["year"] for h in search(client, sort="newest")["hits"] if h["year"]]
    assert newest == sorted(newest, reverse=True) and newest[0] > newest[-1]
    oldest = search(client, "settings=in_vivo", q="bone", sort="oldest")["hits"]
    assert [h["year"] for h in oldest] == sorted(h["year"] for h in oldest)
    relevance = [h["rank"] for h in search(client, q="bone")["hits"]]
    assert relevance == sorted(relevance, reverse=True)
    for bad in ("year=2020..2010", "year=soon", "year=.."):
        assert client.get("/api/search", params={"f": bad}).status_code == 400, bad
    assert client.get("/api/search", params={"sort": "random"}).status_code == 422


def test_every_field_is_a_facet(client: TestClient) -> None:
    assert set(search(client)["facets"]) == set(ANNOTATION_FIELDS)


def test_links_out_are_encoded_and_only_for_their_shapes() -> None:
    assert doi_url('10.1/x"><script>alert(1)</script>') == (
        "https://doi.org/10.1/x%22%3E%3Cscript%3Ealert%281%29%3C/script%3E"
    )
    assert doi_url("javascript:alert(1)") is None
    assert pmid_url("123 onclick=x") is None and pmid_url("31234567")
    assert [site for site, _ in value_links("ev_cargo", "hsa-miR-140-5p")] == ["miRBase"]
    assert [site for site, _ in value_links("molecular_effects", "RUNX2|up")] == ["HGNC", "NCBI"]
    for field, value in [("molecular_effects", "PI3K_Akt|up"), ("species", "RAT")]:
        assert value_links(field, value) == [], value
    assert value_links("ev_cargo", 'A"B') == []


def test_study_page_links_doi_pmid_genes_and_mirnas(client: TestClient) -> None:
    """A DOI with a quote stays inside its percent-encoded href; a miRNA and a gene link out."""
    corpus = client.app.state.corpus  # type: ignore[attr-defined]
    summary = corpus.ingest(LINKED_RIS)
    assert summary.new == 1
    entry = corpus.store.get(corpus.store.count())
    assert entry.record.pmid == "31234567" and '"' in entry.record.doi
    corpus.curate(entry.id, "ev_cargo", "miR-140-5p", "tester", False)
    corpus.curate(entry.id, "ev_markers", "CD63", "tester", False)
    page = client.get(f"/study/{entry.label}").text
    doi = 'href="https://doi.org/10.1234/link%22onmouseover%3Dalert%283" rel="noopener noreferrer"'
    assert doi in page and not re.search(r"[\s\"]onmouseover=", page)
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/31234567/" rel="noopener noreferrer"' in page
    mirbase = 'href="https://www.mirbase.org/results/?query=miR-140-5p" rel="noopener noreferrer"'
    assert mirbase in page
    assert 'href="https://www.ncbi.nlm.nih.gov/gene/?term=CD63%5Bsym%5D"' in page


def search_total(client: TestClient, url: str) -> int:
    path, _, query = url.partition("?")
    assert path == "/search"
    params = parse_qs(query)
    found = client.get("/api/search", params={"f": params["f"], "limit": 1})
    assert found.status_code == 200, found.text
    return int(found.json()["total"])


def test_map_cells_and_gaps_open_their_search(client: TestClient) -> None:
    data = client.get("/api/map", params={"rows": "ev_sources", "cols": "conditions"}).json()
    assert data["cells"] and data["gap_list"] and len(data["gap_list"]) == min(data["gaps"], 500)
    for cell in data["cells"]:
        assert search_total(client, cell["search"]) == cell["n"], cell
    for gap in data["gap_list"][:10]:
        assert search_total(client, gap["row_search"]) == gap["row_studies"], gap
        assert search_total(client, gap["col_search"]) == gap["col_studies"], gap
        both = gap["row_search"] + "&" + gap["col_search"].partition("?")[2]
        assert search_total(client, both) == 0, gap


def form_csrf(client: TestClient, url: str) -> str:
    match = re.search(r'name="csrf" value="([^"]+)"', client.get(url).text)
    assert match, url
    return match.group(1)


def test_review_queue_weakest_first_and_named_curators(client: TestClient) -> None:
    queue = client.get("/api/review").json()
    items = queue["items"]
    weights = [i["weight"] for i in items]
    assert weights == sorted(weights, reverse=True) and weights[0] >= 3 > weights[-1]
    assert "inferred" in " ".join(items[0]["why"]) and "inferred from" in str(items[0]["evidence"])
    token = form_csrf(client, "/review")
    named = client.post(
        "/curator", data={"name": "Alice Ng", "csrf": token}, follow_redirects=False
    )
    assert named.status_code == 303
    assert (
        "Curating as" in client.get("/review").text
        and 'value="Alice Ng"' in client.get("/review").text
    )
    accept, reject = items[0], items[1]
    edit = next(
        i for i in items[2:] if i["field"] == "species" and i["study_id"] != reject["study_id"]
    )
    new = "rabbit" if edit["value"] != "rabbit" else "rat"
    for item, action in ((accept, "accept"), (reject, "reject"), (edit, "edit")):
        form = {"ref": item["study_id"], "field": item["field"], "value": item["value"]}
        form |= {"action": action, "new_value": new, "csrf": token, "back": "//evil.example/"}
        done = client.post("/review/decide", data=form, follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"] == "/review", done.text
    left = {
        (i["study_id"], i["field"], i["value"]) for i in client.get("/api/review").json()["items"]
    }
    for item in (accept, reject, edit):
        assert (item["study_id"], item["field"], item["value"]) not in left
    history = client.get("/api/curations", params={"by": "Alice Ng"}).json()
    assert ["Alice Ng", 4] in history["curators"]
    decided = {(c["study_id"], c["field"], c["value"], c["removed"]) for c in history["curations"]}
    assert decided == {
        (accept["study_id"], accept["field"], accept["value"], False),
        (reject["study_id"], reject["field"], reject["value"], True),
        (edit["study_id"], edit["field"], edit["value"], True),
        (edit["study_id"], edit["field"], new, False),
    }
    study = client.get(f"/api/studies/{edit['study_id']}").json()["annotations"]
    assert new in study["species"] and edit["value"] not in study["species"]
    assert "Alice Ng" in client.get("/curators").text
    page = client.get("/curators/Alice Ng").text
    assert page.count("<tr") == 5 and f"/study/{reject['study_id']}" in page
    # the name is checked; the API's header still names its own curator
    bad = client.post("/curator", data={"name": "<b>x</b>", "csrf": token})
    assert bad.status_code == 400
    no_csrf = client.post("/review/decide", data={**form, "csrf": "x"})
    assert no_csrf.status_code == 403


def test_review_edit_to_the_same_value_accepts_and_a_bad_one_writes_nothing(
    client: TestClient,
) -> None:
    item = client.get("/api/review").json()["items"][0]
    token = form_csrf(client, "/review")
    form = {"ref": item["study_id"], "field": item["field"], "value": item["value"]}
    bad = client.post(
        "/review/decide", data={**form, "action": "edit", "new_value": "<x>", "csrf": token}
    )
    assert bad.status_code == 422
    assert client.get("/api/curations").json()["curations"] == []
    same = {**form, "action": "edit", "new_value": f" {item['value']} ", "csrf": token}
    assert client.post("/review/decide", data=same, follow_redirects=False).status_code == 303
    study = client.get(f"/api/studies/{item['study_id']}").json()
    assert item["value"] in [str(v) for v in study["annotations"][item["field"]]]
    [decision] = client.get("/api/curations").json()["curations"]
    assert not decision["removed"] and decision["by"] == "tester"


def test_curators_own_tokens_name_their_curations(
    store_url: str, demo_file: Path, app_client: Any
) -> None:
    """A curator's token lets them in and names them, whatever header or cookie says."""
    tokens = (("tok-ann-123", "Ann Lee"), ("tok-bo-456", "Bo"))
    settings = Settings(db_url=store_url, token="main-token", curator_tokens=tokens)
    with app_client(settings, demo_file) as client:
        assert client.get("/api/summary").status_code == 401
        assert (
            client.get("/api/summary", headers={"Authorization": "Bearer tok-nobody"}).status_code
            == 401
        )
        ann = {"Authorization": "Bearer tok-ann-123", "X-Exobone-User": "Bo"}
        added = client.post(
            "/api/studies/S02/curations", json={"field": "species", "value": "dog"}, headers=ann
        )
        assert added.status_code == 201, added.text
        assert added.json()["curations"][0]["by"] == "Ann Lee"
        # a browser trades ?token= for a cookie; its form curations are Bo's
        assert client.get("/?token=tok-bo-456", follow_redirects=False).status_code == 303
        token = form_csrf(client, "/review")
        client.post("/curator", data={"name": "Mallory", "csrf": token})
        item = client.get("/api/review").json()["items"][0]
        form = {"ref": item["study_id"], "field": item["field"], "value": item["value"]}
        client.post("/review/decide", data={**form, "action": "accept", "csrf": token})
        assert [c for c in client.get("/api/curations").json()["curators"]] == [
            ["Ann Lee", 1],
            ["Bo", 1],
        ]


def test_curator_token_files_are_checked(tmp_path: Path) -> None:
    good = tmp_path / "tokens"
    good.write_text(
        "# name token\nAnn Lee  tok-ann-123\n\nBo tok-bo-456  # lab 2\n", encoding="utf-8"
    )
    assert read_curator_tokens(good) == {"tok-ann-123": "Ann Lee", "tok-bo-456": "Bo"}
    for text, says in [
        ("tok-only\n", ":1: write NAME TOKEN"),
        ("Ann t1\nBo t1\n", ":2: the token of Bo is also Ann's"),
        ("<b> t1\n", ":1: write NAME TOKEN"),
        ("# nothing\n", "no NAME TOKEN line"),
    ]:
        bad = tmp_path / "bad"
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(ValueError, match=re.escape(says)):
            read_curator_tokens(bad)
    served = CliRunner().invoke(
        cli_app, ["serve", "--host", "0.0.0.0", "--curator-tokens", str(bad), "--db", "x.db"]
    )
    assert served.exit_code == 1 and "--curator-tokens" in served.output and "bad" in served.output


def test_excluding_a_value_no_study_has_keeps_every_study(client: TestClient) -> None:
    """`species!=goat` with no goat study: every study (not the records without one), in
    search, export and `Store.count` alike (count failed on an assertion before)."""
    store = client.app.state.corpus.store  # type: ignore[attr-defined]
    assert "goat" not in dict(store.facets("species"))
    studies = exported_ids(client)
    assert ids(search(client, "species!=goat")) == studies
    assert exported_ids(client, f=["species!=goat"]) == studies
    assert store.count(where={"species": "!goat"}) == len(studies)
    assert store.count(where={"species": "!goat,mouse"}) < len(studies)
