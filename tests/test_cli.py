"""The `exobone` command line on the real demo bibliography and on damaged copies of it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from exobone.cli import app
from exobone.ingest import FORMATS
from exobone.store import Store

WIDE = {"COLUMNS": "200"}


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), env=WIDE)


def counts(output: str, name: str) -> dict[str, int]:
    """The numbers of the summary row of file `name`, by column header."""
    lines = output.splitlines()
    header = next(line for line in lines if "read" in line and "skipped" in line).split()
    row = next(line for line in lines if line.strip().startswith(name))
    numbers = [int(n) for n in re.findall(r"\s(\d+)(?=\s|$)", row)]
    names = header[-len(numbers) :]
    return dict(zip(names, numbers, strict=True))


@pytest.fixture
def damaged(tmp_path: Path, demo_file: Path) -> Path:
    """The demo with the title quote of record 2 (line 34) never closed."""
    text = demo_file.read_text(encoding="utf-8")
    broken = text.replace('of microRNA expression." FEBS Lett', "of microRNA expression. FEBS Lett")
    assert broken != text
    path = tmp_path / "damaged.txt"
    path.write_text(broken, encoding="utf-8")
    return path


def test_help_lists_every_command() -> None:
    result = run("--help")
    assert result.exit_code == 0
    for command in ("ingest", "extract", "explain", "eval", "records", "formats", "report", "load"):
        assert command in result.stdout


def test_formats_lists_the_readers() -> None:
    result = run("formats")
    assert result.exit_code == 0
    assert result.stdout.split() == list(FORMATS)


def test_ingest_twice_gives_the_same_store(demo_file: Path, store_url: str) -> None:
    first = run("ingest", str(demo_file), "--db", store_url)
    second = run("ingest", str(demo_file), "--db", store_url)

    assert first.exit_code == 0, first.output
    assert second.exit_code == 0, second.output
    name = demo_file.name[:12]
    assert counts(first.stdout, name) | {"new": 0, "same": 21, "studies": 0} == counts(
        second.stdout, name
    )
    assert counts(first.stdout, name)["new"] == 21
    with Store.open(store_url) as store:
        assert store.count() == 21


def test_a_bad_record_is_named_and_the_rest_stored(damaged: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'bad.db'}"
    result = run("ingest", str(damaged), "--db", db, "--no-extract")

    assert result.exit_code == 2
    assert re.search(r"damaged\.txt, record 2, line 34: citation not understood", result.stderr)
    assert counts(result.stdout, "damaged.txt")["skipped"] == 1
    with Store.open(db) as store:
        assert store.count() == 20
        titles = [entry.record.title for entry in store.records(limit=50)]
    assert not any("mineralizing osteoblasts" in title for title in titles)


def test_unreadable_files_are_skipped_and_others_ingested(
    demo_file: Path, tmp_path: Path
) -> None:
    binary = tmp_path / "photo.bin"
    binary.write_bytes(b"\x89PNG\x00\x00\x01binary")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    missing = tmp_path / "missing.ris"
    result = run("ingest", str(binary), str(missing), str(demo_file), "--db", db, "--no-extract")

    assert result.exit_code == 2
    assert "photo.bin" in result.stderr and "missing.ris" in result.stderr
    with Store.open(db) as store:
        assert store.count() == 21
    # with the format forced (no detection to check the path first) they are skipped too
    folder = tmp_path / "folder"
    folder.mkdir()
    forced = run("ingest", str(missing), str(folder), "--format", "ris", "--db", db)
    assert forced.exit_code == 2 and "Traceback" not in forced.output
    assert "missing.ris" in forced.stderr and "folder" in forced.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["ingest"],
        ["ingest", "x.txt", "--format", "docx"],
        ["records", "--limit", "0"],
        ["no-such-command"],
    ],
)
def test_usage_errors_exit_with_1(args: list[str]) -> None:
    assert run(*args).exit_code == 1


def test_the_installed_command_uses_the_same_exit_codes(tmp_path: Path) -> None:
    exobone = Path(sys.executable).with_name("exobone")
    ok = subprocess.run([exobone, "--version"], capture_output=True, text=True, check=False)
    usage = subprocess.run([exobone, "ingest"], capture_output=True, text=True, check=False)
    assert ok.returncode == 0 and ok.stdout.startswith("exobone ")
    assert usage.returncode == 1 and "Missing argument" in usage.stderr


def exobone(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed `exobone` command, run in `cwd` without EXOBONE_DB."""
    env = {k: v for k, v in os.environ.items() if k != "EXOBONE_DB"} | WIDE
    command = [str(Path(sys.executable).with_name("exobone")), *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=cwd, env=env, check=False)


@pytest.mark.parametrize(
    "args",
    [
        ["records"],
        ["search", "bone", "--db", "typo.db"],
        ["records", "show", "S01", "--db", "sqlite:///typo.db"],
        ["map", "--db", "typo.db"],
        ["quality"],
    ],
)
def test_reading_a_store_that_does_not_exist_fails(args: list[str], tmp_path: Path) -> None:
    done = exobone(*args, cwd=tmp_path)
    assert done.returncode == 1, done.stdout
    assert "does not exist" in done.stderr and "exobone ingest FILE" in done.stderr
    assert not list(tmp_path.iterdir())  # nothing was created


@pytest.mark.postgres
def test_a_database_without_a_store_is_refused(pg_schema_url: str, demo_file: Path) -> None:
    """A PostgreSQL database that exists but holds no exobone store is not read as empty."""
    refused = run("records", "--db", pg_schema_url)
    assert refused.exit_code == 1 and "is not an exobone store" in refused.output
    assert "postgresql+psycopg://" in refused.output and "exobone ingest FILE" in refused.output
    assert run("ingest", str(demo_file), "--no-extract", "--db", pg_schema_url).exit_code == 0
    listed = run("records", "--db", pg_schema_url)
    assert listed.exit_code == 0 and "Records 1-20 of 21" in listed.stdout


def test_a_plain_path_is_an_sqlite_store(demo_file: Path, tmp_path: Path) -> None:
    made = exobone("ingest", str(demo_file), "--db", "my.db", "--no-extract", cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "my.db").is_file()
    listed = exobone("records", "--db", "my.db", cwd=tmp_path)
    same = exobone("records", "--db", f"sqlite:///{tmp_path / 'my.db'}", cwd=tmp_path)
    assert listed.returncode == 0 and "Records 1-20 of 21" in listed.stdout
    assert listed.stdout == same.stdout


@pytest.mark.parametrize("url", ["mysql://user:secret@db.example/refs", "nosuchdriver://x"])
def test_unsupported_database_urls_name_the_supported_forms(url: str, tmp_path: Path) -> None:
    for args in (["records", "--db", url], ["ingest", "refs.txt", "--db", url]):
        (tmp_path / "refs.txt").write_text("x\n", encoding="utf-8")
        done = exobone(*args, cwd=tmp_path)
        assert done.returncode == 1
        assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) <= 4
        assert "unsupported database URL" in done.stderr and "secret" not in done.stderr
        assert "sqlite:///" in done.stderr and "postgresql://" in done.stderr


def test_records_list_and_show(demo_file: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    assert run("ingest", str(demo_file), "--db", db, "--no-extract").exit_code == 0

    listed = json.loads(run("records", "--db", db, "--json", "--limit", "5").stdout)
    assert [item["id"] for item in listed] == ["S01", "S02", "S03", "S04", "S05"]
    assert [item["record_id"] for item in listed] == [1, 2, 3, 4, 5]
    assert listed[1]["record"]["title"].startswith("Exosomes derived from mineralizing")
    page = json.loads(run("records", "--db", db, "--json", "--offset", "20").stdout)
    assert len(page) == 1

    table = run("records", "--db", db)
    assert table.exit_code == 0 and "Records 1-20 of 21" in table.stdout
    shown = run("records", "show", "S02", "--db", db)
    assert shown.exit_code == 0
    assert "FEBS Lett" in shown.stdout and "Not extracted." in shown.stdout
    assert shown.stdout.startswith("S02 ")
    # The record number stays an alias of the same study.
    assert run("records", "show", "2", "--db", db).stdout == shown.stdout
    assert run("records", "show", "99", "--db", db).exit_code == 1
    assert "No record S99" in run("records", "show", "S99", "--db", db).output


def test_records_show_quotes_each_value_in_its_sentence(demo_file: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    assert run("ingest", str(demo_file), "--db", db).exit_code == 0
    shown = run("records", "show", "S01", "--db", db).stdout
    flat = " ".join(shown.replace("│", " ").split())
    # the dose is marked inside the sentence that states it, not quoted alone
    assert "The results showed that ‹20 ug/ml› hUCMSCs secretion factors could initiate" in flat
    assert "promoted ectopic bone formation in nude ‹mice›" in flat
    # 'mice' says in_vivo only by inference, and the evidence says so (stored with the span)
    assert "formation in nude ‹mice›. (inferred from animals of the study)" in flat


def ris(tmp_path: Path, name: str, numbers: list[int]) -> Path:
    """A RIS file of the made-up papers `numbers` (each with its own DOI and abstract)."""
    path = tmp_path / name
    path.write_text(
        "".join(
            f"TY  - JOUR\nTI  - Exosomes in bone repair, part {n}\nAU  - Author{n}, A.\n"
            f"PY  - {2010 + n}\nDO  - 10.1000/bone.{n}\nAB  - Exosomes from bone marrow "
            f"MSCs promoted osteogenesis of rat cells in study {n}.\nER  - \n\n"
            for n in numbers
        ),
        encoding="utf-8",
    )
    return path


def study_ids(db: str) -> dict[str, str]:
    """Study id per title, from `exobone records --json`."""
    listed = json.loads(run("records", "--db", db, "--json", "--limit", "100").stdout)
    return {item["record"]["title"]: item["id"] for item in listed}


def test_study_ids_are_unique_and_survive_another_grouping(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'ids.db'}"
    first, second = ris(tmp_path, "a.ris", [1, 2, 3]), ris(tmp_path, "b.ris", [4, 5])
    # Two ingests: each used to start again at S01.
    assert run("ingest", str(first), "--db", db).exit_code == 0
    assert run("ingest", str(second), "--db", db).exit_code == 0
    ids = study_ids(db)
    assert sorted(ids.values()) == ["S01", "S02", "S03", "S04", "S05"]

    # The same papers again, grouped and ordered otherwise, with one new paper.
    regrouped = ris(tmp_path, "c.ris", [5, 3, 6, 1])
    assert run("ingest", str(regrouped), "--db", db).exit_code == 0
    again = study_ids(db)
    assert {title: again[title] for title in ids} == ids
    assert again["Exosomes in bone repair, part 6"] == "S06"

    shown = run("records", "show", ids["Exosomes in bone repair, part 4"], "--db", db)
    assert shown.exit_code == 0 and "part 4" in shown.stdout
    found = json.loads(run("search", "part 4", "--db", db, "--json").stdout)
    assert [hit["study_id"] for hit in found["hits"]] == [ids["Exosomes in bone repair, part 4"]]


def test_extract_writes_schema_rows_in_input_order(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "pred.jsonl"
    result = run("extract", str(demo_file), "--out", str(out))

    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in rows] == [f"S{n:02d}" for n in range(1, 22)]
    assert all(set(row) == {"id", "record", "text", "annotations", "evidence"} for row in rows)
    assert rows[1]["record"]["journal"] == "FEBS Lett"
    assert not list(out.parent.glob(".*.partial"))


def test_extract_output_carries_the_text_its_evidence_points_into(
    demo_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "pred.jsonl"
    assert run("extract", str(demo_file), "--out", str(out)).exit_code == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    first_stated: dict[tuple[str, str], list[str]] = {}
    for row in rows:
        for field, values in row["evidence"].items():
            for value, places in values.items():
                for place in places:
                    section = row["text"][place.get("section", "abstract")]
                    assert 0 <= place["start"] < place["end"] <= len(section), (row["id"], value)
                stated = [place for place in places if not place.get("inferred")]
                if stated:
                    section = row["text"][stated[0].get("section", "abstract")]
                    quote = section[stated[0]["start"] : stated[0]["end"]]
                    first_stated.setdefault((field, value), []).append(quote)
    # the first stated place quotes the words that state the value
    assert any("vivo" in quote.lower() for quote in first_stated[("settings", "in_vivo")])
    doses = [quote for (field, _), quotes in first_stated.items() if field == "doses"
             for quote in quotes]  # fmt: skip
    assert doses and all(any(ch.isdigit() for ch in quote) for quote in doses)


def test_extract_numbers_across_files_and_reports_skips(
    demo_file: Path, damaged: Path
) -> None:
    result = run("extract", str(damaged), str(demo_file))

    assert result.exit_code == 2
    assert "record 2, line 34" in result.stderr
    ids = [json.loads(line)["id"] for line in result.stdout.splitlines()]
    assert ids == [f"S{n:02d}" for n in range(1, 42)]


def test_ingest_with_extraction_stores_studies(demo_file: Path, store_url: str) -> None:
    result = run("ingest", str(demo_file), "--db", store_url)
    assert result.exit_code == 0, result.output
    assert counts(result.stdout, demo_file.name[:12])["studies"] == 21
    with Store.open(store_url) as store:
        studies = list(store.studies())
    assert [study.id for study in studies] == [f"S{n:02d}" for n in range(1, 22)]
    assert all(
        spans
        for study in studies
        for values in study.evidence.values()
        for spans in values.values()
    )


def test_eval_scores_gold_against_itself(shared_dir: Path) -> None:
    gold = shared_dir / "gold" / "seed_gold.jsonl"
    result = run("eval", str(gold), str(gold))
    assert result.exit_code == 0
    assert re.search(r"settings\s+1\.000\s+1\.000\s+1\.000", result.stdout)


def test_eval_rejects_broken_predictions(shared_dir: Path, tmp_path: Path) -> None:
    broken = tmp_path / "pred.jsonl"
    broken.write_text('{"id": "S01", "annotations": \n', encoding="utf-8")
    result = run("eval", str(shared_dir / "gold" / "seed_gold.jsonl"), str(broken))
    assert result.exit_code == 1
    assert "pred.jsonl" in result.stderr


def test_the_report_reads_an_ingested_store(demo_file: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'demo.db'}"
    assert run("ingest", str(demo_file), "--db", db).exit_code == 0
    report = tmp_path / "report.html"
    result = run("report", "--db", db, "--out", str(report))
    assert result.exit_code == 0, result.output
    assert "Exosomes derived from mineralizing" in report.read_text(encoding="utf-8")
    # not a terminal: no progress, only the result line
    assert result.stderr.strip() == f"wrote {report} (21 studies)"
    # on a terminal the slow commands say what they are doing
    shown = stderr_on_a_terminal("report", "--db", db, "--out", str(tmp_path / "r2.html"))
    assert "reading studies" in shown and "report of 21 studies: evidence map" in shown
    assert "building the graph of 21 studies" in stderr_on_a_terminal("graph", "--db", db)


def stderr_on_a_terminal(*args: str) -> str:
    """What the installed exobone writes to stderr when stderr is a terminal (a pty),
    without its escape sequences."""
    import pty

    exobone = Path(sys.executable).with_name("exobone")
    main, other = pty.openpty()
    process = subprocess.Popen([str(exobone), *args], stdout=subprocess.DEVNULL, stderr=other)
    os.close(other)
    chunks = []
    while True:
        try:
            data = os.read(main, 65536)
        except OSError:  # the other end closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(main)
    assert process.wait(timeout=120) == 0
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", b"".join(chunks).decode(errors="replace"))


def test_records_filtered_and_counted_by_value(demo_file: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'f.db'}"
    assert run("ingest", str(demo_file), "--db", db).exit_code == 0
    with Store.open(db) as store:
        expected = dict(store.facets("species"))
        entries = store.records(limit=100)
    rat = [e.label for e in entries if e.study and "rat" in e.study.annotations["species"]]
    assert expected and rat

    rats = run("records", "--db", db, "--json", "-n", "99", "--where", "species=rat")
    listed = json.loads(rats.stdout)
    assert [item["id"] for item in listed] == rat
    table = run("records", "facets", "species", "--db", db)
    assert table.exit_code == 0
    for value, count in expected.items():
        assert re.search(rf"\b{value}\b\s+\S*\s*{count}\b", table.stdout)
    assert run("records", "facets", "colour", "--db", db).exit_code == 1
    assert run("records", "--db", db, "-w", "species").exit_code == 1


@pytest.fixture
def searchable(store_url: str, tmp_path: Path) -> str:
    """A store with three studies written directly (no extractor needed)."""
    from exobone.model import Record, Study

    path = tmp_path / "refs.txt"
    path.write_text("x\n", encoding="utf-8")
    rows = [
        ("Wnt drives osteogenesis", "MSC|bone_marrow|human", "osteoporosis"),
        ("Wnt in cartilage", "MSC|adipose|rat", "osteoarthritis"),
        ("Osteogenesis [bold]markup[/bold] <b>html</b>", "MSC|bone_marrow|rat", "osteoarthritis"),
    ]
    studies = []
    for n, (title, source, condition) in enumerate(rows, start=1):
        record = Record(
            title=title,
            abstract=f"{title}. More text.",
            doi=f"10.3/{n}",
            authors=[f"Kim{n}, J."],
            year=2020,
            source=str(path),
            position=n,
        )
        study = Study(id=f"S{n:02d}", record=record)
        study.annotations.update(ev_sources=[source], conditions=[condition])
        studies.append(study)
    with Store.open(store_url) as store:
        store.add_file(path, studies)
    return store_url


def test_search_prints_hits_and_facets(searchable: str) -> None:
    result = run("search", "osteogenesis", "--where", "ev_sources=MSC|bone_marrow|*",
                 "--where", "conditions=osteoarthritis", "--db", searchable)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Hits 1-1 of 1" in result.stdout
    # Titles are shown as text: rich markup in data is neither applied nor lost.
    assert "[bold]markup[/bold] <b>html</b>" in result.stdout
    assert "conditions" in result.stdout and "osteoarthritis" in result.stdout


def test_search_json_and_hostile_queries(searchable: str) -> None:
    result = run("search", "wnt", "--json", "--facet", "conditions", "--db", searchable)
    data = json.loads(result.stdout)
    assert data["total"] == 2
    assert data["facets"] == {"conditions": [["osteoarthritis", 1], ["osteoporosis", 1]]}
    snippet = data["hits"][0]["snippet"]
    assert [snippet["text"][s:e].lower() for s, e in snippet["marks"]] == ["wnt"]
    for query in ("'; DROP TABLE records; --", 'wnt" OR "cartilage', "NEAR(wnt", "wnt*"):
        hostile = run("search", query, "--json", "--db", searchable)
        assert hostile.exit_code == 0, hostile.output
    assert json.loads(run("search", "--json", "--db", searchable).stdout)["total"] == 3


@pytest.mark.parametrize(
    ("where", "message"),
    [("colour=red", "unknown field 'colour'"), ("species=dragon", "unknown label 'dragon'"),
     ("conditions", "is not FIELD=VALUE"), ("species=rats", "did you mean 'rat'"),
     ("ev_source=MSC|*|*", "did you mean 'ev_sources'")],
)  # fmt: skip
def test_search_rejects_unknown_filters(searchable: str, where: str, message: str) -> None:
    result = run("search", "wnt", "--where", where, "--db", searchable)
    assert result.exit_code == 1
    assert message in result.output


def test_help_imports_no_heavy_package() -> None:
    code = (
        "import sys; from typer.testing import CliRunner; from exobone.cli import app;"
        "r = CliRunner().invoke(app, ['--help']); assert r.exit_code == 0;"
        "print(sorted({'pandas', 'sqlalchemy', 'dask', 'pyarrow', 'numpy'} & set(sys.modules)))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert "pipeline" in run("--help").stdout
    lazy = run("pipeline", "--help")
    assert lazy.exit_code == 0 and "--out" in lazy.stdout


def test_export_selects_studies_like_search(demo_file: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'x.db'}"
    assert run("ingest", str(demo_file), "--db", db).exit_code == 0
    with Store.open(db) as store:
        expected = store.search(where={"conditions": "osteoarthritis"}, limit=100).total
    assert 0 < expected < 21
    out = tmp_path / "oa.ris"
    result = run("export", "--db", db, "--out", str(out), "--where", "conditions=osteoarthritis")
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").count("TY  - ") == expected
    bad = run("export", "--db", db, "--out", str(out), "--where", "colour=blue")
    assert bad.exit_code == 1 and "valid fields: study_type" in bad.stderr


def test_index_command_builds_the_facet_index(tmp_path: Path, demo_file: Path) -> None:
    db = f"sqlite:///{tmp_path / 'i.db'}"
    assert run("ingest", str(demo_file), "--db", db, "--no-extract").exit_code == 0
    result = run("index", "--db", db)
    assert result.exit_code == 0, result.output
    assert "facet index:" in result.output and "text index: not used here" in result.output
    assert (tmp_path / "i.db.facets" / "studies.npz").exists()


def test_a_wrong_format_is_named_once_not_per_record(demo_file: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'f.db'}"
    result = run("ingest", str(demo_file), "--format", "ris", "--db", db, "--no-extract")
    assert result.exit_code == 2 and result.stdout == ""  # no empty summary table
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) <= 2, result.stderr  # the file's line and the closing count
    assert result.stderr.count("looks like EndNote text; use --format endnote_text or omit") == 1
    extracted = run("extract", str(demo_file), "--format", "ris", "--out", str(tmp_path / "p"))
    assert extracted.exit_code == 2 and extracted.stderr.count("looks like EndNote text") == 1
    # the right format, forced, reads every record
    right = run("ingest", str(demo_file), "--format", "endnote_text", "--db", db, "--no-extract")
    assert right.exit_code == 0 and counts(right.stdout, demo_file.name)["new"] == 21


@pytest.mark.parametrize("command", [[], ["map"], ["ingest"], ["records"], ["pipeline"]])
def test_help_shows_no_value_type_on_flags(command: list[str]) -> None:
    shown = run(*command, "--help")
    assert shown.exit_code == 0
    assert "<bool>" not in shown.stdout and "--help" in shown.stdout


def test_tables_at_80_columns_keep_file_names_and_labels_whole(
    demo_file: Path, tmp_path: Path
) -> None:
    named = tmp_path / "exosome_bone_bibliography_export_2024.txt"
    named.write_bytes(demo_file.read_bytes())
    db = f"sqlite:///{tmp_path / 'n.db'}"
    narrow = {"COLUMNS": "80"}
    ingested = CliRunner().invoke(app, ["ingest", str(named), "--db", db], env=narrow)
    assert ingested.exit_code == 0, ingested.output
    assert max(len(line) for line in ingested.stdout.splitlines()) <= 80
    words = ingested.stdout.split()
    assert {"exosome_bone_", "bibliography_export_", "(endnote_text)"} <= set(words), words
    for command in (["map"], ["graph"], ["quality"]):
        shown = CliRunner().invoke(app, [*command, "--db", db], env=narrow)
        assert shown.exit_code == 0, shown.output
        assert "…" not in shown.stdout, shown.stdout
        assert max(len(line) for line in shown.stdout.splitlines()) <= 80, shown.stdout
