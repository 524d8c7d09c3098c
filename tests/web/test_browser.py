"""The web app in a real browser: Debian's chromium (headless) driven by Playwright against
uvicorn on a free loopback port with a temporary SQLite store.

The `browser` fixture (conftest) skips where /usr/bin/chromium is missing, except under
CI=true, where that is a failure (`scripts/chromium.sh` installs it).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from exobone.web import Settings, create_app

SCRIPT_RIS = Path(__file__).resolve().parent / "data" / "script_title.ris"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory, serve: Any) -> Iterator[str]:
    """An empty store served by uvicorn; `loaded` fills it through the upload form."""
    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'web.db'}"
    with serve(create_app(Settings(db_url=url, user="tester"))) as server:
        yield server.url


@pytest.fixture(scope="module")
def page(browser: Any, site: str) -> Iterator[Any]:
    context = browser.new_context(base_url=site, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.dialogs = []  # type: ignore[attr-defined]
    page.errors = []  # type: ignore[attr-defined]
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def upload(page: Any, path: Path) -> None:
    page.goto("/")
    page.set_input_files("#upload-file", str(path))
    page.click("#upload-submit")
    page.wait_for_selector("#ingest-summary")


@pytest.fixture(scope="module")
def loaded(page: Any, demo_file: Path) -> Any:
    """The demo bibliography and the script-title record, uploaded through the home page."""
    upload(page, demo_file)
    assert int(page.text_content("#n-extracted")) >= 20
    upload(page, SCRIPT_RIS)
    assert page.text_content("#n-new") == "1"
    return page


def open_study(page: Any) -> None:
    page.goto("/search?q=osteoarthritis")
    page.click("a.hit-title >> nth=0")
    page.wait_for_selector("#abstract")


def test_home_counts_upload(loaded: Any) -> None:
    loaded.goto("/")
    assert loaded.text_content("#n-records") == "22"


def test_search_and_facet(loaded: Any) -> None:
    loaded.goto("/")
    loaded.fill("header input[name=q]", "bone")
    loaded.press("header input[name=q]", "Enter")
    loaded.wait_for_selector("#total")
    total = int(loaded.text_content("#total").split()[0])
    assert total > 0
    assert loaded.locator(".snippet mark").count() > 0
    facet = loaded.locator("#facets a.facet[data-field=species]").first
    expected = int(facet.locator("xpath=following-sibling::span").text_content())
    facet.click()
    loaded.wait_for_url("**f=species*")
    assert int(loaded.text_content("#total").split()[0]) == expected <= total


def test_study_page_highlights(loaded: Any) -> None:
    open_study(loaded)
    marks = loaded.locator("#abstract mark.ev")
    assert marks.count() > 0
    assert loaded.locator("#legend label").count() > 0
    assert loaded.locator("#fields td.machine code").count() > 0
    # unticking a field hides its highlights
    box = loaded.locator("#legend input").first
    name = box.get_attribute("data-toggle")
    box.uncheck()
    only = loaded.locator(f'#abstract mark.ev[data-fields="{name}"]')
    if only.count():
        assert "hidden" in only.first.get_attribute("class")


def test_hovering_a_highlight_says_why(loaded: Any) -> None:
    # demo record 16: GW4869 blocked the vesicles' secretion and prevented bone loss
    loaded.goto("/search?q=lncRUNX2-AS1")
    loaded.click("ol.hits a >> nth=0")
    mark = loaded.locator("#abstract mark.ev[title*='bone_loss|increase']").first
    assert "(" not in mark.get_attribute("title")
    mark.hover()
    loaded.wait_for_function(
        "m => m.title.includes(\"cue 'preventing' [rule prevent]\")", arg=mark.element_handle()
    )


def test_map_cell_lists_studies(loaded: Any) -> None:
    loaded.goto("/map")
    cell = loaded.locator("td.cell").first
    n = int(cell.locator("b").text_content())
    cell.click()
    assert loaded.locator("#cell-panel ul.studies li").count() == n
    loaded.click("#cell-panel ul.studies a >> nth=0")
    loaded.wait_for_selector("#abstract")


def test_map_cells_count_benefit_as_the_cli_map_does(loaded: Any) -> None:
    """Cells say better / worse / same / unrated for the patient (was ↑/↓: the raw
    directions, which read backwards for harmful phenotypes), with the CLI map's legend."""
    loaded.goto("/map?rows=ev_sources&cols=outcomes")
    table = loaded.text_content("table")
    assert "↑" not in table and "↓" not in table
    assert "more of a beneficial phenotype or less of a harmful one" in loaded.text_content(
        ".legend"
    )
    cell = loaded.locator("td.cell:has(small.better)").first
    better = int(cell.locator("small.better").text_content().split()[0])
    assert better > 0
    cell.click()
    assert f"{better} better" in loaded.text_content("#cell-panel")


def test_graph_draws_and_edge_shows_evidence(loaded: Any) -> None:
    loaded.goto("/graph")
    loaded.wait_for_selector("#graph[data-ready='1'] svg")
    assert loaded.locator("#graph .scatterlayer .trace").count() >= 3
    loaded.click("tr.edge-row >> nth=0")
    assert loaded.locator("#edge-panel h3").count() == 1
    assert loaded.locator("#edge-panel blockquote").count() > 0
    assert not [e for e in loaded.errors if "Content Security Policy" in e], loaded.errors


def test_curate_then_undo(loaded: Any) -> None:
    open_study(loaded)
    loaded.select_option("#curate-field", "ev_cargo")
    loaded.fill("#curate-value", "miR-4242")
    loaded.click("#curate-submit")
    added = loaded.locator("#field-ev_cargo td.curated .added")
    assert "miR-4242" in added.text_content()
    assert "tester" in loaded.text_content("#history")
    loaded.click("#history button.undo >> nth=0")
    loaded.wait_for_selector("#history tr.undone")
    assert loaded.locator("#field-ev_cargo td.curated .added").count() == 0


def test_export_csv(loaded: Any, tmp_path: Path) -> None:
    loaded.goto("/exports")
    with loaded.expect_download() as info:
        loaded.click("#export-csv")
    target = tmp_path / "export.csv"
    info.value.save_as(target)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,authors,year,title")
    assert sum(line.startswith("S") for line in lines) >= 20


def test_script_title_shows_as_text(loaded: Any) -> None:
    loaded.goto("/search?q=alert")
    loaded.click("a.hit-title >> nth=0")
    loaded.wait_for_selector("#abstract")
    assert loaded.text_content("#title") == "<script>alert(1)</script>"
    assert "<img src=x onerror=alert(2)>" in loaded.text_content("#abstract")
    assert loaded.locator("#abstract img").count() == 0
    assert loaded.dialogs == []


def test_api_docs_page_shows_the_routes(page: Any) -> None:
    """The CSP blocked the CDN-loaded Swagger UI: chromium showed a blank page."""
    errors_before = len(page.errors)
    page.goto("/docs")
    routes = page.locator("#api-routes li")
    assert routes.count() >= 8
    assert page.locator("section#get-api-search").is_visible()
    assert "offset" in page.text_content("section#get-api-search")
    assert page.errors[errors_before:] == []


def test_markup_in_a_graph_label_is_not_a_link(browser: Any, db_url: str, serve: Any) -> None:
    """Plotly renders `<a href>` in a label as a live link; a value stored with markup (before
    curation refused it) shows as text in the graph."""
    app = create_app(Settings(db_url=db_url))
    value = '<a href="https://evil.example/">RUNX2</a>|up'
    app.state.corpus.curate(2, "molecular_effects", value, "old", False)
    with serve(app) as server:
        context = browser.new_context(base_url=server.url)
        page = context.new_page()
        page.goto("/graph?max_edges=1000")
        page.wait_for_selector(".js-plotly-plot text")
        labels = page.locator(".js-plotly-plot text").all_text_contents()
        assert any('<a href="https://evil.example/">RUNX2</a>' in t for t in labels), labels
        assert page.locator('.js-plotly-plot a[href*="evil.example"]').count() == 0
        context.close()
