"""The app through FastAPI's TestClient on a real SQLite store: pages, API, escaping,
token enforcement, CSRF, upload limits and curation."""

from __future__ import annotations

import gzip
import html
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from exobone.errors import ExoboneError
from exobone.web import Settings, create_app

SCRIPT_RIS = Path(__file__).resolve().parent / "data" / "script_title.ris"


# The address the app serves by default: it answers only requests naming it in `Host`.
LOCAL = "http://127.0.0.1:8000"


@pytest.fixture
def client(db_url: str, tmp_path: Path) -> TestClient:
    settings = Settings(db_url=db_url, max_upload=64 * 1024, upload_dir=tmp_path / "uploads")
    return TestClient(create_app(settings), base_url=LOCAL)


def csrf(client: TestClient, url: str = "/") -> str:
    page = client.get(url)
    match = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert match, "the page has no CSRF field"
    return match.group(1)


def script_record(client: TestClient) -> int:
    found = client.get("/api/search", params={"q": "alert"}).json()
    ids = [h["record_id"] for h in found["hits"] if "<script>" in h["title"]]
    assert ids, found
    return int(ids[0])


def test_pages_render(client: TestClient) -> None:
    for url in ["/", "/search", "/study/1", "/map", "/graph", "/quality", "/exports"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "text/html" in response.headers["content-type"]


def test_security_headers(client: TestClient) -> None:
    headers = client.get("/").headers
    csp = headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp
    assert "http" not in csp  # no remote origin anywhere
    assert headers["x-content-type-options"] == "nosniff"


def test_plotly_served_locally(client: TestClient) -> None:
    response = client.get("/assets/plotly.min.js")
    assert response.status_code == 200
    assert len(response.content) > 1_000_000 and b"plotly" in response.content[:2000].lower()
    assert "/assets/plotly.min.js" in client.get("/graph").text


def test_script_title_is_escaped_everywhere(client: TestClient) -> None:
    rid = script_record(client)
    pages = [f"/study/{rid}", "/search?q=alert", "/api/search?q=alert"]
    for url in pages[:2]:
        text = client.get(url).text
        assert "<script>alert(1)</script>" not in text
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
        assert "<img src=x" not in text
        assert "<b>Escaping</b>" not in text
    study = client.get(f"/study/{rid}").text
    # the abstract is highlighted, and its markup stays text
    assert "<mark class=" in study
    assert "&lt;img src=x onerror=alert(2)&gt;" in study


def test_evidence_reasons_are_asked_for_not_run_per_page_view(client: TestClient) -> None:
    # demo record 16: GW4869 blocked the vesicles' secretion and prevented bone loss
    found = client.get("/api/search", params={"q": "lncRUNX2-AS1"}).json()
    rid = next(h["record_id"] for h in found["hits"] if "lncRUNX2-AS1" in h["title"])
    page = client.get(f"/study/{rid}").text
    titles = [
        html.unescape(t) for t in re.findall(r'<mark class="ev[^"]*"[^>]* title="([^"]*)"', page)
    ]
    # The page names the values only: the extractor is not run to show a study.
    assert any("outcomes: bone_loss|increase" in t for t in titles), titles
    assert not [t for t in titles if "(" in t], titles
    reasons = client.get(f"/api/studies/{rid}/reasons").json()
    said = [r for r in reasons if r["value"] == "bone_loss|increase"]
    assert said, reasons
    assert "cue 'preventing' [rule prevent]" in said[0]["reason"]
    assert "inverted: vesicle secretion was blocked (pass secretion_block)" in said[0]["reason"]
    # Each reason's place is a highlight of the page (the page code matches them by offset).
    offsets = {int(a) for a in re.findall(r'<mark class="ev[^"]*"[^>]* data-at="(\d+)"', page)}
    assert all(any(r["start"] <= at < r["end"] for at in offsets) for r in reasons)
    assert client.get("/api/studies/999999/reasons").status_code == 404


def test_search_api_facets_and_filters(client: TestClient) -> None:
    everything = client.get("/api/search").json()
    assert everything["total"] == 22
    species = dict(map(tuple, everything["facets"]["species"]))
    assert species, everything["facets"]
    value, count = max(species.items(), key=lambda item: item[1])
    filtered = client.get("/api/search", params={"f": f"species={value}", "limit": 50}).json()
    assert filtered["total"] == count
    bone = client.get("/api/search", params={"q": "osteoarthritis"}).json()
    assert 0 < bone["total"] < everything["total"]
    hit = bone["hits"][0]
    assert any("osteoarthritis" in hit["snippet"][a:b].lower() for a, b in hit["matches"]), hit
    unknown = client.get("/api/search", params={"f": "nonsense=1"})
    assert unknown.status_code == 400 and "unknown field 'nonsense'" in unknown.text
    assert client.get("/search", params={"f": "species"}).status_code == 400


def test_study_api_has_evidence_offsets(client: TestClient) -> None:
    data = client.get("/api/studies/1").json()
    assert data["record_id"] == 1 and data["id"].startswith("S")
    checked = 0
    for values in data["evidence"].values():
        for spans in values.values():
            for span in spans:
                if span.get("section", "abstract") == "abstract":
                    assert 0 <= span["start"] < span["end"] <= len(data["abstract"])
                    checked += 1
    assert checked > 0
    assert client.get("/api/studies/99999").status_code == 404
    by_label = client.get(f"/api/studies/{data['id']}").json()
    assert by_label["record_id"] == 1


def test_study_ids_are_unique_and_name_the_pages(client: TestClient) -> None:
    everything = client.get("/api/search", params={"limit": 200}).json()
    ids = [hit["study_id"] for hit in everything["hits"]]
    assert len(set(ids)) == len(ids) == everything["total"] == 22
    # The second file ingested continues the numbering instead of starting at S01 again.
    hit = client.get("/api/search", params={"q": "alert"}).json()["hits"][0]
    assert hit["study_id"] == "S22" and hit["record_id"] == 22
    assert 'href="/study/S22"' in client.get("/search", params={"q": "alert"}).text
    page = client.get("/study/S22")
    assert page.status_code == 200 and "Study S22" in page.text
    assert client.get("/api/studies/S22").json()["id"] == "S22"
    assert client.get("/api/studies/s22").json()["id"] == "S22"
    assert client.get("/study/S99").status_code == 404


def test_curation_add_remove_undo_api(client: TestClient) -> None:
    before = client.get("/api/studies/2").json()
    assert "dog" not in before["annotations"]["species"]
    added = client.post(
        "/api/studies/2/curations",
        json={"field": "species", "value": "dog"},
        headers={"X-Exobone-User": "rita"},
    )
    assert added.status_code == 201, added.text
    data = added.json()
    assert "dog" in data["annotations"]["species"]
    decision = data["curations"][-1]
    assert (decision["by"], decision["field"], decision["value"]) == ("rita", "species", "dog")
    # exports use curated values
    csv = client.get("/api/export/csv", params={"f": "species=dog"}).text
    assert csv.count("\n") >= 2 and data["id"] in csv
    undone = client.post(f"/api/curations/{decision['id']}/undo", json={})
    assert undone.status_code == 200, undone.text
    after = client.get("/api/studies/2").json()
    assert "dog" not in after["annotations"]["species"]
    assert after["curations"][-1]["undone"] is True


def test_curation_is_validated(client: TestClient) -> None:
    def post(body: dict[str, object]) -> int:
        return client.post("/api/studies/2/curations", json=body).status_code

    assert post({"field": "study_type", "value": "review"}) == 422
    assert post({"field": "no_such_field", "value": "x"}) == 422
    assert post({"field": "species", "value": "unicorn"}) == 422  # not a vocabulary label
    assert post({"field": "durations_days", "value": "two weeks"}) == 422
    assert post({"field": "ev_cargo", "value": "   "}) == 422
    assert post({"field": "ev_cargo", "value": "miR-\x00"}) == 422
    assert post({"field": "species", "value": "goat", "remove": True}) == 422  # not there
    assert post({"field": "ev_cargo", "value": "miR-21-5p"}) == 201


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("outcomes", "banana"),  # not phenotype|direction
        ("outcomes", "banana|increase"),  # not a phenotype of the vocabulary
        ("outcomes", "osteogenesis|sideways"),  # not a direction
        ("molecular_effects", "foo|sideways"),
        ("molecular_effects", "RUNX2"),  # no direction
        ("molecular_effects", "RUNX2|up|down"),  # a part too many
        ("ev_sources", "msc|bone_marrow"),  # cell|origin|species has three parts
        ("ev_sources", "msc|bone_marrow|unicorn"),
        ("animal_models", "rat|flying"),
        ("durations_days", "99999999999999999999"),
        ("durations_days", "0"),
        ("durations_days", "\u00b2"),  # a digit to str.isdigit, not a number
        ("doses", "lots"),
        ("doses", "20 buckets"),
        ("doses", "0 ug"),
        ("ev_cargo", '<a href="https://evil.example">miR-21</a>'),
        ("cell_lines", "MC3T3<b>"),
        ("ev_cargo", "miR-21\u202e"),  # a bidi override
    ],
)
def test_curation_checks_every_part(client: TestClient, name: str, value: str) -> None:
    response = client.post("/api/studies/2/curations", json={"field": name, "value": value})
    assert response.status_code == 422, response.text
    assert name in response.json()["detail"]


def test_curation_accepts_values_written_as_the_schema_says(client: TestClient) -> None:
    """Values of the forms the extractor writes, taken from the demo store itself."""
    study = client.get("/api/studies/2").json()["annotations"]
    accepted = 0
    for name in ["outcomes", "ev_sources", "molecular_effects", "doses", "durations_days"]:
        for value in study[name][:1] or []:
            body = {"field": name, "value": str(value), "remove": True}
            response = client.post("/api/studies/2/curations", json=body)
            assert response.status_code == 201, (name, value, response.text)
            accepted += 1
    assert accepted >= 3
    spaced = client.post(
        "/api/studies/2/curations", json={"field": "outcomes", "value": "angiogenesis | increase"}
    )
    assert spaced.status_code == 201
    assert "angiogenesis|increase" in spaced.json()["annotations"]["outcomes"]


def test_form_curation_needs_csrf_and_shows_curator(client: TestClient) -> None:
    url = "/study/3"
    refused = client.post(f"{url}/curate", data={"field": "species", "value": "rat"})
    assert refused.status_code == 403
    token = csrf(client, url)
    done = client.post(
        f"{url}/curate",
        data={"field": "ev_cargo", "value": "miR-999", "action": "add", "csrf": token},
        follow_redirects=False,
    )
    assert done.status_code == 303
    page = client.get(url).text
    assert 'class="added"' in page and "miR-999" in page and "anonymous" in page


def test_cross_site_and_form_posts_to_api_are_refused(client: TestClient) -> None:
    body = {"field": "species", "value": "dog"}
    evil = client.post(
        "/api/studies/2/curations", json=body, headers={"Origin": "https://evil.example"}
    )
    assert evil.status_code == 403
    form = client.post("/api/studies/2/curations", data=body)
    assert form.status_code == 415
    sneaky = client.post(
        "/api/studies/2/curations", json=body, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert sneaky.status_code == 403


def test_upload_limit_and_unknown_format(client: TestClient, tmp_path: Path) -> None:
    token = csrf(client)
    big = b"TY  - JOUR\n" + b"AB  - " + b"x" * (70 * 1024) + b"\nER  - \n"
    response = client.post("/upload", data={"csrf": token}, files={"file": ("big.ris", big)})
    assert response.status_code == 413
    assert "larger than" in response.text
    junk = client.post(
        "/upload", data={"csrf": token}, files={"file": ("notes.txt", b"just some words\n")}
    )
    assert junk.status_code == 400
    assert "unknown bibliography format" in junk.text and "notes.txt" in junk.text


def test_upload_api_ingests(client: TestClient, upload_job: Any) -> None:
    ris = SCRIPT_RIS.read_bytes().replace(b"escape.test.2021", b"another.one.2022")
    ris = ris.replace(b"Tester, Alice", b"Other, Bob")
    refused = client.post("/api/upload", files={"file": ("new.ris", ris)})
    assert refused.status_code == 415
    job = upload_job(client, "new.ris", ris)
    assert job["state"] == "done", job
    assert job["result"]["new"] == 1 and job["result"]["extracted"] == 1
    assert (job["read"], job["extracted"], job["stored"]) == (1, 1, 1)
    assert client.get("/api/summary").json()["records"] == 23


def test_openapi_documents_the_api(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    paths = set(schema["paths"])
    assert {"/api/search", "/api/studies/{ref}", "/api/map", "/api/graph"} <= paths
    assert not any(not p.startswith("/api/") for p in paths)


def test_map_and_graph_api(client: TestClient) -> None:
    emap = client.get("/api/map", params={"rows": "ev_sources", "cols": "conditions"}).json()
    assert emap["cells"]
    cell = emap["cells"][0]
    assert cell["n"] == len(cell["studies"]) and cell["studies"][0]["label"].startswith("S")
    bogus = client.get("/api/map", params={"rows": "bogus"})
    assert bogus.status_code == 400 and "unknown field 'bogus'" in bogus.text
    graph = client.get("/api/graph").json()
    assert graph["elements"]["nodes"] and graph["elements"]["edges"]


def test_token_required(db_url: str) -> None:
    client = TestClient(create_app(Settings(db_url=db_url, token="s3cret")), base_url=LOCAL)
    assert client.get("/").status_code == 401
    assert client.get("/api/summary").status_code == 401
    assert client.get("/static/app.css").status_code == 401
    wrong = client.get("/api/summary", headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401
    ok = client.get("/api/summary", headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200
    visit = client.get("/?token=s3cret", follow_redirects=False)
    assert visit.status_code == 303 and "token=" not in visit.headers["location"]
    assert "httponly" in visit.headers["set-cookie"].lower()
    assert client.get("/").status_code == 200  # the cookie now carries it
    assert client.get("/?token=wrong", follow_redirects=False).status_code == 401


BIG = str(2**63)  # one past the largest SQL integer


def test_malformed_requests_get_4xx(client: TestClient) -> None:
    token = csrf(client, "/study/2")
    answers = {
        "nul in q (api)": client.get("/api/search", params={"q": "bone\x00"}),
        "nul in q (page)": client.get("/search", params={"q": "bone\x00"}),
        "big study id": client.get(f"/api/studies/{BIG}"),
        "big study page": client.get(f"/study/{BIG}"),
        "big offset": client.get("/api/search", params={"offset": BIG}),
        "big undo id": client.post(f"/api/curations/{BIG}/undo", json={}),
        "big curation study": client.post(
            f"/api/studies/{BIG}/curations", json={"field": "species", "value": "dog"}
        ),
        "big form undo": client.post(
            "/study/2/undo", data={"curation_id": BIG, "csrf": token}, follow_redirects=False
        ),
        "big form curation": client.post(
            f"/study/{BIG}/curate",
            data={"field": "species", "value": "dog", "csrf": token},
            follow_redirects=False,
        ),
    }
    for name, response in answers.items():
        assert 400 <= response.status_code < 500, (name, response.status_code, response.text)
        assert "content-security-policy" in response.headers, name


def test_500_carries_security_headers(db_url: str) -> None:
    app = create_app(Settings(db_url=db_url))

    @app.get("/api/broken")
    def broken() -> None:
        raise RuntimeError("a bug")

    response = TestClient(app, LOCAL, raise_server_exceptions=False).get("/api/broken")
    assert response.status_code == 500
    assert "a bug" not in response.text
    assert response.headers["x-frame-options"] == "DENY"
    assert "default-src 'self'" in response.headers["content-security-policy"]


def test_foreign_host_is_refused_on_loopback(client: TestClient) -> None:
    """DNS rebinding: a page of evil.example, its name rebound to 127.0.0.1, sends
    `Host: evil.example`; neither a curation nor an export answers it."""
    evil = {"Host": "evil.example:8000"}
    body = {"field": "species", "value": "dog"}
    curation = client.post("/api/studies/2/curations", json=body, headers=evil)
    assert curation.status_code == 421, curation.text
    assert "evil.example" in curation.json()["detail"]
    assert "dog" not in client.get("/api/studies/2").json()["annotations"]["species"]
    export = client.get("/api/export/jsonl", headers=evil)
    assert export.status_code == 421 and "S01" not in export.text
    assert "content-security-policy" in export.headers
    for host in ["127.0.0.1:8000", "localhost:8000", "LOCALHOST", "[::1]:8000"]:
        assert client.get("/api/summary", headers={"Host": host}).status_code == 200, host


def test_allow_host_adds_names(db_url: str) -> None:
    settings = Settings(db_url=db_url, allow_hosts=("exobone.lab.example",))
    client = TestClient(create_app(settings), base_url="http://exobone.lab.example")
    assert client.get("/api/summary").status_code == 200
    assert client.get("/api/summary", headers={"Host": "other.example"}).status_code == 421
    # Off loopback the token keeps other sites out; an allow-list still narrows the names.
    public = Settings(db_url=db_url, host="0.0.0.0", token="s3cret")
    auth = {"Authorization": "Bearer s3cret", "Host": "any.example"}
    assert TestClient(create_app(public)).get("/api/summary", headers=auth).status_code == 200
    listed = Settings(db_url=db_url, host="0.0.0.0", token="s3cret", allow_hosts=("a.example",))
    assert TestClient(create_app(listed)).get("/api/summary", headers=auth).status_code == 421


@pytest.mark.parametrize("token", [" ", "\t ", " s3cret"])
def test_blank_token_is_refused(db_url: str, token: str) -> None:
    with pytest.raises(ExoboneError, match="token"):
        create_app(Settings(db_url=db_url, token=token))


def test_bidi_controls_are_not_displayed(client: TestClient, upload_job: Any) -> None:
    """A title with a right-to-left override (U+202E) and isolates would read reversed;
    pages show it without them, in HTML and in the JSON blocks that scripts read."""
    ris = SCRIPT_RIS.read_text(encoding="utf-8")
    ris = ris.replace("<script>alert(1)</script>", "Bone \u202egnirapeR\u202c \u2067repair\u2069")
    ris = ris.replace("escape.test.2021", "bidi.test.2024")
    job = upload_job(client, "bidi.ris", ris.encode())
    assert job["result"]["new"] == 1, job
    hit = client.get("/api/search", params={"q": "gnirapeR"}).json()["hits"][0]
    assert "\u202e" in hit["title"]  # the data keeps what the record says
    axes = "rows=vesicle_types&cols=isolation_methods"
    emap = client.get(f"/api/map?{axes}").json()
    assert any(s["label"] == hit["study_id"] for c in emap["cells"] for s in c["studies"])
    for url in [f"/study/{hit['study_id']}", "/search?q=gnirapeR", f"/map?{axes}"]:
        text = client.get(url).text
        # The map lists a cell's studies by id, without titles.
        assert "gnirapeR" in text or url.startswith("/map"), url
        for char in "\u202e\u202c\u2067\u2069":
            assert char not in text, (url, hex(ord(char)))
            assert f"\\u{ord(char):04x}" not in text.lower(), (url, hex(ord(char)))


def test_markup_in_stored_values_stays_text_in_the_graph(client: TestClient) -> None:
    """A value stored before curation checked markup (or written by another tool) is
    escaped for Plotly, which would render `<a href>` in a label as a live link."""
    corpus = client.app.state.corpus  # type: ignore[attr-defined]
    corpus.curate(
        2, "molecular_effects", '<a href="https://evil.example">RUNX2</a>|up', "old", False
    )
    page = client.get("/graph", params={"max_edges": 1000}).text
    data = re.search(r'id="graph-data">(.*?)</script>', page, re.S)
    assert data is not None
    traces = json.loads(data.group(1))["traces"]
    texts = [t for trace in traces for t in trace.get("text", [])]
    assert any("evil.example" in t for t in texts), "the curated edge is not in the graph"
    assert not any("<a " in t for t in texts)
    assert any("&lt;a href" in t for t in texts)


def test_long_queries_are_refused_quickly(client: TestClient) -> None:
    started = time.monotonic()
    long = client.get("/api/search", params={"q": "bone " * 2000})  # 10 KB
    assert long.status_code == 400 and "longer than" in long.text
    many = client.get("/search", params={"q": " ".join(["a"] * 40)})
    assert many.status_code == 400 and "words" in many.text
    assert time.monotonic() - started < 5
    assert client.get("/api/search", params={"q": "bone " * 20}).status_code == 200


def test_upload_of_undeclared_size_is_not_read(client: TestClient) -> None:
    """A chunked upload (no Content-Length) is refused before its body is read."""
    sent = 0

    def body() -> Iterator[bytes]:
        nonlocal sent
        for _ in range(64):  # 4 MB against a 64 KB limit
            sent += 65536
            yield b"x" * 65536

    headers = {"X-Requested-By": "test", "Content-Type": "multipart/form-data; boundary=b"}
    response = client.post("/api/upload", content=body(), headers=headers)
    assert response.status_code == 411, response.text
    assert sent <= 2 * 65536


def test_gzip_bomb_upload_is_stopped(client: TestClient, upload_job: Any) -> None:
    bomb = gzip.compress(b"TY  - JOUR\nAB  - " + b"a" * (30 << 20) + b"\nER  - \n", 9)
    assert len(bomb) < 64 * 1024  # under the upload limit of the test app
    started = time.monotonic()
    response = client.post(
        "/api/upload", files={"file": ("refs.ris.gz", bomb)}, headers={"X-Requested-By": "t"}
    )
    assert response.status_code == 400, response.text
    detail = response.json()["detail"]
    assert "refs.ris.gz" in detail and "inflates" in detail and "/tmp" not in detail
    assert time.monotonic() - started < 10
    good = gzip.compress(SCRIPT_RIS.read_bytes().replace(b"escape.test", b"gz.test"))
    job = upload_job(client, "refs.ris.gz", good)
    assert job["result"]["new"] == 1, job


def test_corrected_file_uploaded_again_updates_its_record(
    client: TestClient, tmp_path: Path, upload_job: Any
) -> None:
    """The second upload of a file is the same source in a new version: its changed record
    is updated and extracted again (it was "merged":1, "extracted":0, the correction lost)."""
    ris = SCRIPT_RIS.read_text(encoding="utf-8").replace("escape.test.2021", "fixed.test.2023")
    ris = ris.replace("<script>alert(1)</script>", "Corrected upload of one record")
    first = ris.replace(" and characterised by TEM and NTA", "")
    assert upload_job(client, "refs.ris", first)["result"]["new"] == 1
    hit = client.get("/api/search", params={"q": "corrected upload"}).json()["hits"][0]
    study = client.get(f"/api/studies/{hit['study_id']}").json()
    assert "TEM" not in study["annotations"]["characterization_methods"]
    summary = upload_job(client, "refs.ris", ris)["result"]
    assert (summary["updated"], summary["merged"], summary["extracted"]) == (1, 0, 1), summary
    study = client.get(f"/api/studies/{hit['study_id']}").json()
    assert "characterised by TEM" in study["abstract"]
    assert "TEM" in study["annotations"]["characterization_methods"]
    left = [p for p in (tmp_path / "uploads").rglob("*") if not p.is_dir()]
    assert not left  # nothing left behind


def test_upload_messages_name_the_file_not_the_server_folder(
    client: TestClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, upload_job: Any
) -> None:
    monkeypatch.setenv("EXOBONE_MAX_RECORD_BYTES", "200")  # the record is larger: a problem
    job = upload_job(client, "mine.ris", SCRIPT_RIS.read_bytes())
    problems = job["problems"]
    assert problems and all(p["file"] == "mine.ris" for p in problems), problems
    assert all(p["text"].startswith("mine.ris, record 1, line ") for p in problems), problems
    texts = json.dumps(job)
    assert str(tmp_path) not in texts and "uploads" not in texts, job


def test_api_docs_page_works_offline(client: TestClient) -> None:
    """/docs was Swagger UI loaded from a CDN that the CSP blocks (a blank page); it is now
    a page of its own listing every route of the OpenAPI schema, with no remote asset."""
    page = client.get("/docs")
    assert page.status_code == 200
    assert not re.search(r'(src|href)="(https?:)?//', page.text)
    paths = client.get("/openapi.json").json()["paths"]
    for path, methods in paths.items():
        for method in methods:
            assert f"{method.upper()} {path}" in page.text, (method, path)
    assert "{field: string, value: string, remove: boolean}" in page.text
    assert client.get("/redoc").status_code == 404
