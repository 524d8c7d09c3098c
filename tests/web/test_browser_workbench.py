"""The reviewer's workbench in real chromium (Debian's, headless, driven by Playwright)
against uvicorn serving a copy of the demo store.

The `browser` fixture (conftest) skips where /usr/bin/chromium is missing, except under
CI=true (`scripts/chromium.sh`).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from exobone.analysis.graph import build_graph, contradictions, paths
from exobone.web import Settings, create_app

LINKED_RIS = Path(__file__).resolve().parent / "data" / "linked.ris"
BAD_REQUEST = "the server responded with a status of 400 (Bad Request)"
OPPOSED_RIS = Path(__file__).resolve().parent / "data" / "opposed.ris"


@pytest.fixture(scope="module")
def site(demo_db: Path, tmp_path_factory: pytest.TempPathFactory, serve: Any) -> Iterator[str]:
    """A private copy of the demo store, served by uvicorn on a free loopback port."""
    copy = tmp_path_factory.mktemp("workbench") / "demo.db"
    copy.write_bytes(demo_db.read_bytes())
    app = create_app(Settings(db_url=f"sqlite:///{copy}", user="tester"))
    app.state.corpus.ingest(LINKED_RIS)
    with serve(app) as server:
        yield server.url


def shown_ids(page: Any) -> set[str]:
    return {
        text.rsplit("·", 1)[-1].strip() for text in page.locator(".hit .meta").all_text_contents()
    }


def test_export_of_the_current_view(page: Any, tmp_path: Path) -> None:
    page.goto("/search?q=bone")
    page.click("#facets a.facet[data-field=settings] >> text=in_vivo")
    page.wait_for_url("**f=settings*")
    shown = shown_ids(page)
    assert int(page.text_content("#total").split()[0]) == len(shown) > 0
    with page.expect_download() as info:
        page.click("#export-view-jsonl")
    target = tmp_path / "view.jsonl"
    info.value.save_as(target)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert {json.loads(line)["id"] for line in lines} == shown
    formats = [a.get_attribute("id") for a in page.locator("#export-view a").all()]
    for fmt in ("csv", "xlsx", "ris", "bibtex", "jsonl", "sheet", "graphml"):
        assert f"export-view-{fmt}" in formats


def total(page: Any) -> int:
    return int(page.text_content("#total").split()[0])


def test_facets_or_not_show_more_years_and_sort(page: Any) -> None:
    page.goto("/search")
    everything = total(page)
    # every field is a facet; a long one hides its tail behind "show more"
    assert page.locator("#facets details.facet-field").count() >= 15
    more = page.locator("#facets details.more").first
    hidden = more.locator("a.facet").first
    assert not hidden.is_visible()
    more.locator("summary").click()
    assert hidden.is_visible()
    # two values of one field: either (OR); the count beside each is what it adds
    first = page.locator("#facet-species a.facet").first
    n_first = int(first.locator("xpath=following-sibling::span").text_content())
    first.click()
    page.wait_for_url("**f=species*")
    assert total(page) == n_first
    page.locator("#facet-species a.facet").nth(1).click()
    page.wait_for_url("**%2C*")
    both = total(page)
    assert n_first < both <= everything
    assert page.locator("#facet-species a.facet[aria-pressed=true]").count() == 2
    # NOT: excluding the first value leaves the studies without it
    page.goto("/search")
    value = page.locator("#facet-species a.facet").first.get_attribute("data-value")
    page.locator("#facet-species a.facet-not").first.click()
    page.wait_for_url("**species%21*")
    assert "≠" in page.text_content("#filters")
    without = total(page)
    assert without + n_first <= everything and without > 0
    assert value not in page.locator("#facet-species a.facet").all_text_contents()
    # a year range and the newest first
    page.goto("/search")
    page.fill("#year-from", "2019")
    page.fill("#year-to", "2022")
    page.select_option("#sort", "newest")
    page.click("#searchbar button[type=submit]")
    page.wait_for_url("**sort=newest*")
    years = [int(y) for y in page.locator(".hit .year").all_text_contents()]
    assert years and all(2019 <= y <= 2022 for y in years)
    assert years == sorted(years, reverse=True) and total(page) < everything
    assert "year = 2019..2022" in page.text_content("#filters")


def test_study_links_out(page: Any) -> None:
    page.goto("/search?q=Linker")
    page.click("a.hit-title >> nth=0")
    page.wait_for_selector("#abstract")
    doi = page.locator("#doi-link")
    assert doi.get_attribute("href").startswith("https://doi.org/10.1234/link%22")
    assert "noopener" in doi.get_attribute("rel")
    assert page.get_attribute("#pmid-link", "href") == "https://pubmed.ncbi.nlm.nih.gov/31234567/"
    page.select_option("#curate-field", "ev_cargo")
    page.fill("#curate-value", "miR-140-5p")
    page.click("#curate-submit")
    out = page.locator("#field-ev_cargo a.out")
    assert out.all_text_contents() == ["miRBase"]
    assert out.get_attribute("href") == "https://www.mirbase.org/results/?query=miR-140-5p"
    assert out.get_attribute("rel") == "noopener noreferrer"
    genes = page.locator("#field-molecular_effects a.out")
    assert genes.count() > 0 and set(genes.all_text_contents()) == {"HGNC", "NCBI"}


def test_map_cell_opens_its_search_and_gaps_are_listed(page: Any) -> None:
    page.goto("/map")
    cell = page.locator("td.cell").first
    n = int(cell.locator("b").text_content())
    cell.click()
    page.click("#cell-search")
    page.wait_for_url("**/search?**")
    assert total(page) == n
    assert page.locator("#filters a.chip").count() == 3  # row, column, no reviews
    page.goto("/map")
    gaps = page.locator("#gap-list tbody tr")
    assert not gaps.first.is_visible()
    page.click("#gaps summary")
    listed = int(page.text_content("#gaps summary").split()[2])
    assert gaps.count() == min(listed, 500) > 0
    row_studies = int(gaps.first.locator("td").nth(1).text_content())
    gaps.first.locator("a").first.click()
    page.wait_for_url("**/search?**")
    assert total(page) == row_studies


PAGES = [
    "/",
    "/search?q=bone",
    "/study/S03",
    "/map",
    "/graph",
    "/network",
    "/quality",
    "/review",
    "/curators",
    "/exports",
    "/docs",
]


def test_layout_at_390_px(browser: Any, site: str) -> None:
    """A phone's width: the page body never scrolls sideways (wide tables scroll inside
    themselves), every navigation link is on screen and works, results come before facets."""
    context = browser.new_context(base_url=site, viewport={"width": 390, "height": 844})
    page = context.new_page()
    for url in PAGES:
        page.goto(url)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, (url, width)
        for link in page.locator("header.top nav a").all():
            box = link.bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, (url, box)
            assert box["height"] >= 20, (url, box)  # big enough to tap
    page.goto("/search?q=bone")
    assert page.locator("ol.hits").bounding_box()["y"] < page.locator("#facets").bounding_box()["y"]
    page.click("header.top nav >> text=Evidence map")
    page.wait_for_url("**/map")
    page.locator("td.cell").first.click()
    assert page.locator("#cell-panel #cell-search").is_visible()
    context.close()


def review_item(page: Any, index: int) -> tuple[str, str, str]:
    item = page.locator("li.review-item").nth(index)
    return tuple(
        item.locator(f"input[name={n}]").get_attribute("value") for n in ("ref", "field", "value")
    )  # type: ignore[return-value]


def test_review_queue_by_keyboard_with_a_named_curator(page: Any) -> None:
    page.goto("/review")
    page.fill("#curator-name", "Kim Lee")
    page.click("#curator-save")
    page.wait_for_url("**/review")
    assert "inferred" in page.locator("li.review-item .why").first.text_content()
    accepted = review_item(page, 0)
    with page.expect_navigation():
        page.keyboard.press("a")
    rejected = review_item(page, 1)
    page.keyboard.press("j")
    assert "current" in page.locator("li.review-item").nth(1).get_attribute("class")
    with page.expect_navigation():
        page.keyboard.press("r")
    items = page.locator("li.review-item")
    index = next(
        i
        for i in range(items.count())
        if review_item(page, i)[1] == "species" and review_item(page, i)[0] != rejected[0]
    )
    edited = review_item(page, index)
    items.nth(index).locator(".title").click()
    page.keyboard.press("e")
    new = "rabbit" if edited[2] != "rabbit" else "rat"
    page.keyboard.type(new)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    left = {review_item(page, i) for i in range(page.locator("li.review-item").count())}
    assert not {accepted, rejected, edited} & left
    page.goto("/curators")
    page.click("#curators >> text=Kim Lee")
    rows = page.locator("#curator-history tbody tr")
    assert rows.count() == 4
    text = page.text_content("#curator-history")
    assert f"added {accepted[2]} in {accepted[1]}" in " ".join(text.split())
    assert f"removed {rejected[2]} in {rejected[1]}" in " ".join(text.split())
    assert f"added {new} in species" in " ".join(text.split())
    page.goto(f"/study/{edited[0]}")
    assert "Kim Lee" in page.text_content("#history")


def test_mechanism_network_in_cytoscape(page: Any) -> None:
    """Cytoscape.js (the npm package, `make web-assets`) served by the app itself."""
    served = page.request.get("/assets/cytoscape.min.js")
    if served.status == 404 and os.environ.get("CI") != "true":
        pytest.skip("node_modules/cytoscape is missing (run make web-assets)")
    assert served.status == 200 and "javascript" in served.headers["content-type"]
    # tall enough for the whole canvas: no scrolling, which Cytoscape notices a moment late
    page.set_viewport_size({"width": 1280, "height": 1400})
    page.goto("/network")
    page.wait_for_selector("#network[data-ready='1']")
    elements = json.loads(page.text_content("#network-data"))
    edges = elements["edges"]
    assert page.evaluate("window.exoboneNetwork.edges().length") == len(edges) > 0
    arrows = page.evaluate("window.exoboneNetwork.edges().map(e => e.style('target-arrow-shape'))")
    assert set(arrows) == {"triangle"}
    # a node's click lists its edges; an edge's click shows its sentences
    node = elements["nodes"][0]["data"]
    at = page.evaluate(
        """id => { const p = window.exoboneNetwork.getElementById(id).renderedPosition();
        const r = document.getElementById('network').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y]; }""",
        node["id"],
    )
    page.mouse.click(*at)
    # the node clicked (or one drawn over it, in a random layout)
    assert page.text_content("#network-panel h3") in {n["data"]["label"] for n in elements["nodes"]}
    assert page.locator("#network-panel ul.node-edges li").count() > 0
    page.locator("#network-panel ul.node-edges li").first.click()
    assert page.locator("#network-panel blockquote").count() > 0
    # the sign filter hides the increasing edges
    page.uncheck("#sign-filter input[data-sign='1']")
    kept = sum(1 for e in edges if e["data"]["sign"] <= 0)
    assert int(page.get_attribute("#network", "data-visible-edges")) == kept < len(edges)
    page.goto("/graph")
    page.click("#network-link")
    page.wait_for_selector("#network[data-ready='1']")


def test_a_curators_token_names_their_review(browser: Any, db_url: str, serve: Any) -> None:
    settings = Settings(db_url=db_url, token="main-token", curator_tokens=(("tok-kai-789", "Kai"),))
    with serve(create_app(settings)) as server:
        context = browser.new_context(base_url=server.url)
        page = context.new_page()
        page.goto("/review")
        assert "needs a token" in page.content()
        page.goto("/review?token=tok-kai-789")
        page.wait_for_selector("li.review-item.current")
        assert page.input_value("#curator-name") == "Kai"
        with page.expect_navigation():
            page.keyboard.press("a")
        page.goto("/curators")
        rows = page.locator("#curators tbody tr td").all_text_contents()
        assert rows == ["Kai", "1"]
        context.close()


def test_network_path_and_contradictions(
    browser: Any, db_url: str, serve: Any, checked_page: Any
) -> None:
    """The queries answer over the whole graph: a page of one edge finds a two-step path and
    the contradiction, and draws the edges and nodes it lacked; typed names stay text."""
    app = create_app(Settings(db_url=db_url, user="tester"))
    app.state.corpus.ingest(OPPOSED_RIS)
    graph = build_graph(app.state.corpus.store.studies())
    labels = sorted({d["label"] for _, d in graph.nodes(data=True)})
    start, end = next(  # names with a two-step path and no one-step one
        (a, b) for a in labels for b in labels
        if a != b and not paths(graph, a, b, max_len=1) and paths(graph, a, b, max_len=2)
    )  # fmt: skip
    with serve(app) as server, checked_page(browser, server.url) as page:
        served = page.request.get("/assets/cytoscape.min.js")
        if served.status == 404 and os.environ.get("CI") != "true":
            pytest.skip("node_modules/cytoscape is missing (run make web-assets)")
        page.goto("/network?max_edges=1")
        page.wait_for_selector("#network[data-ready='1']")
        assert page.evaluate("window.exoboneNetwork.edges().length") == 1
        page.fill("#path-from", start)
        page.fill("#path-to", end)
        page.click("#path-find")
        page.wait_for_selector("#network-panel[data-shown='path']")
        steps = page.locator("#network-panel ol.path-steps li")
        assert steps.count() == 2
        assert page.evaluate("window.exoboneNetwork.edges('.path').length") == 2
        assert int(page.get_attribute("#network", "data-added-nodes")) > 0
        # backwards along the arrows there is none
        page.fill("#path-from", end)
        page.fill("#path-to", start)
        page.click("#path-find")
        page.wait_for_selector("#network-panel[data-shown='no-path']")
        assert "No directed path" in page.text_content("#network-panel")
        expected = contradictions(graph, include_inferred=True)
        page.click("#contradictions")
        page.wait_for_selector("#network-panel[data-shown='contradictions']")
        assert page.text_content("#network-panel h3").startswith(f"{len(expected)} contradictions")
        assert page.locator("#network-panel ul.contradiction-list li").count() == len(expected) > 0
        assert page.evaluate("window.exoboneNetwork.edges('.contradiction').length") >= 2
        # a hostile name comes back in the server's message, shown as text
        hostile = "<img src=x onerror=window.hit=1>"
        page.fill("#path-from", hostile)
        page.click("#path-find")
        page.wait_for_selector("#network-panel[data-shown='query-error']")
        assert hostile in page.text_content("#network-panel")
        assert page.locator("#network-panel img").count() == 0
        assert page.evaluate("window.hit") is None
        # the browser logs the 400 it was answered; nothing else went wrong
        assert page.errors == [f"Failed to load resource: {BAD_REQUEST}"]
        page.errors.clear()
