"""The reviewer's workbench in real chromium (Debian's, headless, driven by Playwright)
against uvicorn serving a copy of the demo store.

The `browser` fixture (conftest) skips where /usr/bin/chromium is missing, except under
CI=true (`scripts/chromium.sh`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from exobone.web import Settings, create_app


@pytest.fixture(scope="module")
def site(demo_db: Path, tmp_path_factory: pytest.TempPathFactory, serve: Any) -> Iterator[str]:
    """A private copy of the demo store, served by uvicorn on a free loopback port."""
    copy = tmp_path_factory.mktemp("workbench") / "demo.db"
    copy.write_bytes(demo_db.read_bytes())
    with serve(create_app(Settings(db_url=f"sqlite:///{copy}", user="tester"))) as server:
        yield server.url


@pytest.fixture
def page(browser: Any, site: str) -> Iterator[Any]:
    context = browser.new_context(base_url=site, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.errors = []  # type: ignore[attr-defined]
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda m: m.type == "error" and page.errors.append(m.text))
    yield page
    assert page.errors == []
    context.close()


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
