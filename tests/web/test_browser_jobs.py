"""Upload jobs in real chromium (Debian's, headless, driven by Playwright) against uvicorn:
the form leads to the job page, which follows the job by itself and shows its result and
its problems.

The `browser` fixture (conftest) skips where /usr/bin/chromium is missing, except under
CI=true (`scripts/chromium.sh`).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from exobone.web import Settings, create_app

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synth_pubmed import generate  # noqa: E402

SCRIPT_RIS = Path(__file__).resolve().parent / "data" / "script_title.ris"
# Ingest commits 2,000 records a batch and the page polls every second: with 5,000 records the
# job stays "running" with 2,000 or 4,000 stored across two batches, several polls long. (With
# 3,000 the window was one batch of 1,000, which a fast run can close between two polls.)
RECORDS = 5000


@pytest.fixture(scope="module")
def site(demo_db: Path, tmp_path_factory: pytest.TempPathFactory, serve: Any) -> Iterator[str]:
    """A private copy of the demo store, served by uvicorn on a free loopback port."""
    folder = tmp_path_factory.mktemp("jobs-browser")
    copy = folder / "demo.db"
    copy.write_bytes(demo_db.read_bytes())
    settings = Settings(
        db_url=f"sqlite:///{copy}", max_upload=64 << 20, upload_dir=folder / "uploads"
    )
    with serve(create_app(settings)) as server:
        yield server.url


def submit(page: Any, path: Path) -> None:
    page.goto("/")
    page.set_input_files("#upload-file", str(path))
    page.click("#upload-submit")
    page.wait_for_url("**/jobs/*")


def test_the_job_page_follows_an_upload_to_its_end(page: Any, tmp_path: Path) -> None:
    path = generate(tmp_path / "refs.xml", RECORDS, seed=5)
    submit(page, path)
    assert page.text_content("h1") == "Upload of refs.xml"
    # The page itself (no reload: the mark set here stays) shows the batches being stored.
    page.evaluate("window.sameDocument = true")
    page.wait_for_function(
        """() => window.sameDocument
            && document.getElementById("job-state").textContent === "running"
            && Number(document.getElementById("job-stored").textContent) >= 1000""",
        timeout=120_000,
    )
    read = int(page.text_content("#job-read"))
    assert read >= 1000 and int(page.text_content("#job-extracted")) >= 1000
    # Done, the page is loaded again and shows the result.
    page.wait_for_selector("#ingest-summary", timeout=180_000)
    assert page.text_content("#job-state") == "done"
    assert page.text_content("#n-new") == str(RECORDS)
    assert page.text_content("#job-stored") == str(RECORDS)
    page.click("text=Browse the studies")
    page.wait_for_url("**/search")


def test_the_job_page_lists_problems_with_file_record_and_line(
    page: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("EXOBONE_MAX_RECORD_BYTES", "200")  # the record is larger: a problem
    hostile = tmp_path / "<img src=x onerror=alert(1)>.ris"  # shown as text, never as markup
    hostile.write_bytes(SCRIPT_RIS.read_bytes())
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    submit(page, hostile)
    page.wait_for_selector("#ingest-summary", timeout=60_000)
    problems = page.locator("#job-problems li").all_text_contents()
    assert problems and problems[0].startswith(f"{hostile.name}, record 1, line "), problems
    assert page.text_content("h1") == f"Upload of {hostile.name}"
    assert page.locator("main img").count() == 0 and dialogs == []
    assert page.text_content("#job-problem-count") == str(len(problems))
    assert page.text_content("#n-read") == "1" and page.text_content("#n-new") == "0"
