"""The batched, resumable write path: interrupted ingests, killed ones, concurrent ones."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Text, cast, create_engine, func, select, text

from exobone.api import (
    INGEST_GC_THRESHOLD,
    SupportsExtract,
    extractor_version,
    ingest_file,
    load_extractor,
)
from exobone.model import Record, Study
from exobone.store import Store
from exobone.store import writer as writer_module
from exobone.store.engine import make_engine
from exobone.store.schema import Base

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synth_pubmed import generate  # noqa: E402

EXOBONE = Path(sys.executable).with_name("exobone")
# Columns that say when, not what: they differ between any two runs.
WHEN = {"created_at", "updated_at", "extracted_at", "ingested_at", "at"}


def contents(url: str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the clocks and the counters of writes, sorted."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            found = {}
            for name, table in Base.metadata.tables.items():
                if name == "store_state":
                    found[name] = [tuple(conn.execute(select(table.c.last_record)).one())]
                    continue
                columns = [c for c in table.c if c.name not in WHEN]
                rows = conn.execute(select(*columns)).all()
                found[name] = sorted(tuple(map(repr, row)) for row in rows)
            if engine.dialect.name == "sqlite":
                found["records_fts"] = full_text(conn)
            return found
    finally:
        engine.dispose()


def full_text(conn: Any) -> list[tuple[Any, ...]]:
    """Every (term, record, column, offset) of SQLite's full-text index, sorted; FTS5 checks
    first that the index holds exactly the records' texts (its integrity-check)."""
    conn.exec_driver_sql("INSERT INTO records_fts(records_fts, rank) VALUES ('integrity-check', 1)")
    conn.exec_driver_sql(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_instances "
        "USING fts5vocab(main, records_fts, instance)"
    )
    return sorted(conn.exec_driver_sql("SELECT * FROM temp.fts_instances").all())


class FailingAt:
    """The real extractor, failing at its `n`-th record (a crash in the middle of a file)."""

    def __init__(self, extractor: SupportsExtract, n: int) -> None:
        self.extractor, self.n, self.calls = extractor, n, 0
        self.version = extractor_version(extractor)

    def extract(self, record: Record, study_id: str) -> Study:
        self.calls += 1
        if self.calls == self.n:
            raise RuntimeError("crash")
        return self.extractor.extract(record, study_id)


def with_duplicate(path: Path, records: int, seed: int) -> Path:
    """A synthetic PubMed file whose last article repeats its second one."""
    generate(path, records, seed=seed, in_scope_share=0.5)
    xml = path.read_text(encoding="utf-8")
    articles = xml.split("  <PubmedArticle>")
    repeated = "  <PubmedArticle>" + articles[2].replace("</PubmedArticleSet>\n", "")
    path.write_text(xml.replace("</PubmedArticleSet>", repeated + "</PubmedArticleSet>"))
    return path


def test_an_interrupted_ingest_continues_and_equals_a_clean_run(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer_module, "BATCH_SIZE", 4)
    path = with_duplicate(tmp_path / "refs.xml", 17, seed=7)
    extractor = load_extractor()
    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    with Store.open(clean_url) as clean:
        expected = ingest_file(clean, path, extractor=extractor)
    assert (expected.new, expected.merged, expected.extracted) == (17, 1, 17)

    with Store.open(store_url) as store:
        failing = FailingAt(extractor, 11)
        with pytest.raises(RuntimeError, match="crash"):
            ingest_file(store, path, extractor=failing)
        assert store.count() == 8  # two batches of four were committed
        counting = FailingAt(extractor, 0)
        resumed = ingest_file(store, path, extractor=counting)
        assert counting.calls == 18 - 8  # the committed records were not extracted again
        again = ingest_file(store, path, extractor=extractor)

    assert resumed == expected
    assert (again.new, again.unchanged, again.merged, again.extracted) == (0, 17, 1, 0)
    got, want = contents(store_url), contents(clean_url)
    assert got["ingest_progress"] == []
    for name in ("records", "record_keys", "annotations", "evidence", "field_values"):
        assert len(got[name]) == len(want[name]), name
    if store_url.startswith("sqlite"):
        assert got == want


def test_a_killed_ingest_rerun_equals_a_clean_run(store_url: str, tmp_path: Path) -> None:
    path = generate(tmp_path / "big.xml", 4000, seed=3)
    command = [str(EXOBONE), "ingest", str(path), "--no-extract", "--db", store_url]
    run = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           start_new_session=True)  # fmt: skip
    done = 0
    engine = make_engine(store_url)
    deadline = time.monotonic() + 120
    try:
        while run.poll() is None and time.monotonic() < deadline and not done:
            time.sleep(0.01)
            try:
                with engine.connect() as conn:
                    done = conn.scalar(text("SELECT max(entries_done) FROM ingest_progress")) or 0
            except Exception:  # the table is not made yet
                continue
        os.killpg(run.pid, signal.SIGKILL)
        run.wait()
    finally:
        engine.dispose()
    assert run.returncode == -signal.SIGKILL, run.stderr.read() if run.stderr else ""
    assert 1000 <= done < 4000
    with Store.open(store_url) as store:
        assert store.count() == done  # whole batches, nothing half-written

    subprocess.run(command, check=True, capture_output=True)
    clean_url = f"sqlite:///{tmp_path / 'clean.db'}"
    subprocess.run([*command[:-1], clean_url], check=True, capture_output=True)
    got, want = contents(store_url), contents(clean_url)
    assert got["ingest_progress"] == [] and len(got["records"]) == 4000
    if store_url.startswith("sqlite"):
        assert got == want
    else:
        assert got["records"] == want["records"] and got["record_keys"] == want["record_keys"]


def test_new_records_enter_the_full_text_index_per_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No trigger indexes records one row at a time (FTS5 rows from a trigger cost ~4x);
    the writer's per-batch rows index exactly the stored texts, also after updates, merges
    and removals, and every record is found by its title."""
    monkeypatch.setattr(writer_module, "BATCH_SIZE", 6)
    url = f"sqlite:///{tmp_path / 'fts.db'}"
    first = with_duplicate(tmp_path / "a.xml", 20, seed=11)
    with Store.open(url) as store:
        ingest_file(store, first)
        # The file again with its first abstract changed: an update (the update trigger).
        marker = 'NlmCategory="BACKGROUND">'
        first.write_text(first.read_text().replace(marker, marker + "Revised quokka. ", 1))
        assert ingest_file(store, first).updated == 1
        with store.engine.begin() as conn:
            triggers = conn.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            ).scalars().all()
            conn.exec_driver_sql("DELETE FROM records WHERE id = 3")
            indexed = full_text(conn)
            titles = conn.exec_driver_sql("SELECT id, title FROM records").all()
        assert "records_fts_insert" not in triggers
        assert [hit.record_id for hit in store.search("quokka").hits] == [1]
        assert len(titles) == 19 and {record_id for _, record_id, *_ in indexed} == {
            record_id for record_id, _ in titles
        }
        for record_id, title in titles:
            words = " ".join(title.replace("-", " ").split()[:6])
            assert record_id in [hit.record_id for hit in store.search(words, limit=50).hits]


def test_records_checksummed_by_an_older_store_stay_unchanged(
    store_url: str, tmp_path: Path
) -> None:
    """Stores written before hold sha256 of each record's JSON as its checksum: an ingest
    of the same file recognises those records as unchanged and rewrites nothing."""
    from sqlalchemy import update

    from exobone.store.writer import RECORD_COLUMNS, records_t

    path = with_duplicate(tmp_path / "refs.xml", 10, seed=13)
    with Store.open(store_url) as store:
        ingest_file(store, path)
        with store.engine.begin() as conn:
            for row in conn.execute(select(records_t)).mappings().all():
                old = writer_module._checksum({name: row[name] for name in RECORD_COLUMNS})
                assert old != row["checksum"]
                conn.execute(
                    update(records_t).where(records_t.c.id == row["id"]).values(checksum=old)
                )
        before = contents(store_url)
        again = ingest_file(store, path)
        with store.engine.connect() as conn:
            touched = conn.scalar(select(func.count()).where(
                records_t.c.updated_at != records_t.c.created_at))  # fmt: skip
    assert (again.new, again.updated, again.unchanged, again.merged) == (0, 0, 10, 1)
    assert contents(store_url) == before and touched == 0


def test_records_of_the_sha256_checksum_change_only_with_their_record(
    store_url: str, tmp_path: Path
) -> None:
    """The version before xxh3_128 stored sha256 of the same bytes: re-ingesting the same
    file changes no row and no generation (those checksums stay); a record that changes
    gets its xxh3_128 checksum, the others keep their sha256."""
    import hashlib

    from sqlalchemy import update

    from exobone.store.writer import UNCHECKED, record_checksum, record_values, records_t

    def stored(store: Store) -> dict[int, tuple[str, str]]:
        with store.engine.connect() as conn:
            rows = conn.execute(select(records_t)).mappings().all()
        return {row["id"]: (row["checksum"], record_checksum(record_values(row))) for row in rows}

    path = with_duplicate(tmp_path / "refs.xml", 10, seed=13)
    with Store.open(store_url) as store:
        ingest_file(store, path)
        with store.engine.begin() as conn:
            for row in conn.execute(select(records_t)).mappings().all():
                values = record_values(row)
                assert row["checksum"] == record_checksum(values) and len(row["checksum"]) == 32
                names = sorted(set(values) - UNCHECKED)
                old = hashlib.sha256("\0".join(names).encode() + pickled(values)).hexdigest()
                conn.execute(
                    update(records_t).where(records_t.c.id == row["id"]).values(checksum=old)
                )
        before, generation = contents(store_url), store.generation()
        again = ingest_file(store, path)
        assert (again.new, again.updated, again.unchanged, again.merged) == (0, 0, 10, 1)
        assert contents(store_url) == before and store.generation() == generation
        xml = path.read_text(encoding="utf-8")
        start = xml.index("<ArticleTitle>") + len("<ArticleTitle>")
        path.write_text(xml[:start] + "Revised: " + xml[start:], encoding="utf-8")
        changed = ingest_file(store, path)
        assert (changed.new, changed.updated, changed.unchanged) == (0, 1, 9)
        checksums = stored(store)
    assert checksums[1][0] == checksums[1][1] and len(checksums[1][0]) == 32
    others = [sums for record_id, sums in checksums.items() if record_id != 1]
    assert len(others) == 9 and all(len(old) == 64 and old != new for old, new in others)


def test_two_ingests_at_once_both_succeed(store_url: str, tmp_path: Path) -> None:
    """Different files with values in common, extracted and stored at the same moment."""
    paths = [generate(tmp_path / f"part{n}.xml", 60, seed=n, in_scope_share=1.0) for n in (1, 2)]
    Store.open(store_url).close()
    runs = [
        subprocess.Popen([str(EXOBONE), "ingest", str(path), "--db", store_url],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for path in paths
    ]  # fmt: skip
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    with Store.open(store_url) as store:
        assert store.count() == 120
        assert store.facets("species")  # both wrote annotations and their values


def test_a_small_ingest_does_not_wait_for_a_long_one(store_url: str, tmp_path: Path) -> None:
    """Extraction runs between the long ingest's batches, outside its transactions: the
    small one gets its turn after at most one batch (it waited for the whole file)."""
    long_file = generate(tmp_path / "long.xml", 8000, seed=11)
    small_file = generate(tmp_path / "small.xml", 5, seed=12, in_scope_share=1.0)
    Store.open(store_url).close()
    engine = make_engine(store_url)
    long_run = subprocess.Popen([str(EXOBONE), "ingest", str(long_file), "--db", store_url],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)  # fmt: skip
    try:
        done, deadline = 0, time.monotonic() + 300
        while not done and long_run.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
            with engine.connect() as conn:
                done = conn.scalar(text("SELECT max(entries_done) FROM ingest_progress")) or 0
        assert done, "the long ingest committed no batch"
        small = subprocess.run([str(EXOBONE), "ingest", str(small_file), "--db", store_url],
                               capture_output=True, text=True, timeout=300)  # fmt: skip
        still_running = long_run.poll() is None
    finally:
        os.killpg(long_run.pid, signal.SIGKILL)
        long_run.wait()
        engine.dispose()
    assert small.returncode == 0, small.stderr
    assert still_running  # the small file was stored while the long one was being ingested
    with Store.open(store_url) as store:
        assert store.count() >= 5 + 1000


def test_workers_store_the_same_as_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(writer_module, "BATCH_SIZE", 7)  # several batches in flight
    path = with_duplicate(tmp_path / "refs.xml", 30, seed=5)
    extractor = load_extractor()
    urls = [f"sqlite:///{tmp_path / name}" for name in ("one.db", "pool.db")]
    summaries = []
    for url, workers in zip(urls, (1, 2), strict=True):
        with Store.open(url) as store:
            summaries.append(ingest_file(store, path, extractor=extractor, workers=workers))
    assert summaries[0] == summaries[1] and summaries[0].extracted == 30
    assert contents(urls[0]) == contents(urls[1])


def spans(study: Study) -> set[tuple[str, str, str, int, int, int, str]]:
    """A study's evidence as the store keeps it, with what a value was inferred from."""
    return {
        (name, value, span.section, span.sentence, span.start, span.end, span.inferred)
        for name, values in study.evidence.items()
        for value, found in values.items()
        for span in found
    }


def test_the_bulk_path_stores_what_was_read_and_extracted(store_url: str, tmp_path: Path) -> None:
    """The driver-level writes (executemany, COPY) store each record, study, annotation and
    piece of evidence as read and extracted, and each value in the form SQLAlchemy itself
    writes it (JSON, dates): a row inserted by SQLAlchemy reads back the same."""
    from exobone.ingest import read_records
    from exobone.store.writer import RECORD_COLUMNS, records_t

    path = with_duplicate(tmp_path / "refs.xml", 12, seed=9)
    extractor = load_extractor()
    with Store.open(store_url) as store:
        ingest_file(store, path, extractor=extractor)
        stored = list(store.studies())
        records = [item for item in read_records(path) if isinstance(item, Record)][:12]
        expected = [extractor.extract(record, f"S{n:02d}") for n, record in enumerate(records, 1)]
        assert [s.record for s in stored] == [s.record for s in expected]
        assert [s.annotations for s in stored] == [s.annotations for s in expected]
        assert [spans(s) for s in stored] == [spans(s) for s in expected]
        assert sum(len(spans(s)) for s in stored) > 12
        assert any(span[-1] for s in stored for span in spans(s))  # some value was inferred
        shown = [s.to_json() for s in stored]  # what `exobone records show` prints
        assert any(e.get("inferred") and e.get("from") for s in shown
                   for values in s["evidence"].values() for es in values.values() for e in es)

        with store.engine.begin() as conn:
            first = conn.execute(select(records_t).where(records_t.c.id == 1)).mappings().one()
            copy = dict(first) | {"id": 999, "label": "S999", "key": "copy"}
            conn.execute(records_t.insert().values(**copy))
            columns = dict.fromkeys(["authors", "keywords", "created_at", "updated_at"])
            as_text = [cast(records_t.c[c], Text) for c in [*columns, *RECORD_COLUMNS]]
            rows = conn.execute(
                select(*as_text).where(records_t.c.id.in_([1, 999])).order_by(records_t.c.id)
            )
            bulk_row, sqlalchemy_row = rows.all()
        assert bulk_row == sqlalchemy_row
        assert writer_module.record_values(first) == {
            f: getattr(records[0], f) for f in RECORD_COLUMNS
        }


def test_an_abstract_that_is_its_source_text_is_stored_once(
    store_url: str, tmp_path: Path
) -> None:
    """A record whose source abstract needed no cleaning stores NULL as abstract_raw (its
    text once, not twice), one that did keeps its own; both read back as they were read,
    and a second ingest of the file finds every record unchanged."""
    from exobone.ingest import read_records
    from exobone.store.writer import records_t

    path = with_duplicate(tmp_path / "refs.xml", 40, seed=41)
    read = [item for item in read_records(path) if isinstance(item, Record)][:40]
    same = {record.pmid for record in read if record.abstract_raw == record.abstract}
    assert 0 < len(same) < len(read)  # both kinds are in the file
    with Store.open(store_url) as store:
        ingest_file(store, path)
        with store.engine.connect() as conn:
            stored = conn.execute(select(records_t.c.pmid, records_t.c.abstract_raw)).all()
        assert {pmid for pmid, raw in stored if raw is None} == same
        assert all(raw for pmid, raw in stored if pmid not in same)
        entries = store.records(limit=100)
        assert [entry.record for entry in entries] == read
        assert [entry.record.abstract_raw for entry in entries] == [r.abstract_raw for r in read]
        before = contents(store_url)
        again = ingest_file(store, path)
    assert (again.new, again.updated, again.unchanged) == (0, 0, 40)
    assert contents(store_url) == before


def test_batches_of_any_size_reuse_the_same_statements(store_url: str, tmp_path: Path) -> None:
    """Every `IN (...)` list of the write path has one length, so files and batches of other
    sizes run statements already prepared (each new length was one more prepared program
    in SQLite's statement cache: an ingest's memory grew with them)."""
    from sqlalchemy import event

    extractor = load_extractor()
    with Store.open(store_url) as store:
        texts: list[set[str]] = []
        event.listen(store.engine, "before_cursor_execute", lambda *a: texts[-1].add(a[2]))
        for n, size in enumerate((9, 5, 14)):
            path = with_duplicate(tmp_path / f"refs{n}.xml", size, seed=20 + n)
            texts.append(set())
            ingest_file(store, path, extractor=extractor)
            texts.append(set())
            ingest_file(store, path, extractor=extractor)  # again: the stored rows are matched
    assert not (texts[2] | texts[3] | texts[4] | texts[5]) - (texts[0] | texts[1])


def test_identity_keys_are_the_record_keys_of_its_weaker_copies() -> None:
    """The store's keys, made without Record copies, are `record_key` of the record, of it
    without DOI, and (with a PMID, a year and a title) without DOI and PMID."""
    from dataclasses import replace

    from exobone.ingest.dedup import normalise_title, record_key

    def expected(record: Record) -> list[str]:
        keys = [record_key(record)]
        if record.doi:
            keys.append(record_key(replace(record, doi=None)))
        if record.pmid and record.year and normalise_title(record.title):
            keys.append(record_key(replace(record, doi=None, pmid=None)))
        return [k for k in dict.fromkeys(keys) if not k.endswith("|") or k == keys[0]]

    from itertools import product

    checked = 0
    for doi, pmid, title, abstract, year in product(
        (None, "", " ", "10.1/AB", " 10.1/ab "),
        (None, "", " ", "0", "00123", " 123 "),
        ("", " ", "!!", "Bone Healing", "Ünïcode títle"),
        ("", "An abstract.", "!!"),
        (None, 0, 2020),
    ):
        record = Record(title=title, abstract=abstract, year=year, doi=doi, pmid=pmid)
        assert writer_module.identity_keys(record) == expected(record), record
        # `_keyed` gives the same keys and, as its Ident, the DOI key and PMID key among them.
        keys, ident = writer_module._keyed(record)
        doi_key = keys[0] if keys[0].startswith("doi:") else None
        assert (keys, ident) == (expected(record), (doi_key, next(
            (key for key in keys if key.startswith("pmid:")), None))), record
        checked += 1
    assert checked == 5 * 6 * 5 * 3 * 3


def test_of_several_papers_holding_a_title_key_the_last_to_gain_it_is_matched(
    store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record known only by title and year merges into the paper that gained that key
    last (thirty stored papers share it, told apart by their PMIDs), and the look-up reads
    that one holder of the key, not all thirty."""
    fetched: list[int] = []

    class Counting(writer_module._Bulk):
        def __init__(self, conn: Any) -> None:
            super().__init__(conn)
            real = self.cursor

            class Cursor:
                def __getattr__(self, name: str) -> Any:
                    return getattr(real, name)

                def fetchall(self) -> list[Any]:
                    rows = list(real.fetchall())
                    fetched.append(len(rows))
                    return rows

            self.cursor = Cursor()

    store = Store.open(store_url)
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("first")
    second.write_text("second")
    title = "Exosomes repair cartilage"
    papers = [Record(title=title, year=2020, pmid=str(n), source=str(first)) for n in range(1, 31)]
    store.add_file(first, papers)
    copy = Record(title=title, year=2020, abstract="An abstract.", source=str(second))
    monkeypatch.setattr(writer_module, "_Bulk", Counting)
    summary = store.add_file(second, [copy])
    assert (summary.new, summary.merged) == (0, 1)
    with store.engine.connect() as conn:
        abstracts = dict(conn.execute(text("SELECT pmid, abstract FROM records")).all())
    store.close()
    assert abstracts == {str(n): "" for n in range(1, 30)} | {"30": "An abstract."}
    assert fetched == [1, 1]  # the key's holder, then its DOI and PMID


@pytest.mark.parametrize("other", ["another store", "the same store", "plain SQL"])
def test_a_write_between_two_batches_is_seen_by_the_next_ones_look_up(
    store_url: str, tmp_path: Path, other: str
) -> None:
    """The writer knows the DOI and PMID of the records it stored without reading them
    again; another writer between two batches (its own connection, or the same one through
    the same store) changes one of them, and the next batch matches by what is stored now.

    The paper stored first loses its DOI to a later copy from the same file (an update);
    a copy with another DOI found by title then is the same paper (had the writer still
    held the first DOI, it would have stored a second paper)."""
    path = tmp_path / "refs.txt"
    path.write_text("refs")
    title, source = "Exosomes repair cartilage", str(path)
    first = Record(title=title, year=2020, doi="10.1/a", pmid="1", source=source)
    without_doi = Record(title=title, year=2020, pmid="1", source=source, abstract="Revised.")
    by_title = Record(title=title, year=2020, doi="10.1/b", source=source)
    with Store.open(store_url) as store:
        file = store.open_file(path)
        file.write([first])
        if other == "another store":
            with Store.open(store_url) as another:
                assert another.add_file(path, [without_doi]).updated == 1
        elif other == "the same store":
            assert store.add_file(path, [without_doi]).updated == 1
        else:  # (nothing of the store's: its generation stays)
            plain = make_engine(store_url)
            with plain.begin() as conn:
                conn.exec_driver_sql("UPDATE records SET doi = NULL WHERE id = 1")
            plain.dispose()
        file.write([by_title])
        summary = file.finish()
        with store.engine.connect() as conn:
            stored = conn.execute(text("SELECT id, doi, pmid FROM records")).all()
    assert (summary.new, summary.merged) == (1, 1)
    assert stored == [(1, "10.1/b", "1")]


def test_an_ingest_keeps_older_objects_out_of_the_collector_and_gives_them_back(
    tmp_path: Path,
) -> None:
    """While a file is ingested the objects made before it are frozen (not walked by the
    cyclic collector); afterwards the freeze is undone, and a caller's own freeze is kept."""
    import gc

    path = tmp_path / "pubmed.xml"
    generate(path, 30, seed=3)
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    during: list[int] = []
    assert gc.get_freeze_count() == 0
    ingest_file(store, path, on_read=lambda _: during.append(gc.get_freeze_count()))
    assert during and min(during) > 0
    assert gc.get_freeze_count() == 0
    gc.freeze()
    try:
        ingest_file(store, path)
        assert gc.get_freeze_count() > 0  # (objects freed meanwhile leave it)
    finally:
        gc.unfreeze()
        store.close()


def test_an_ingest_makes_young_collections_rare_and_gives_the_thresholds_back(
    tmp_path: Path,
) -> None:
    """While a file is ingested the cyclic collector's young collections are rare (a batch's
    live records were walked at every one of them); afterwards the caller's thresholds are
    back, also when the ingest fails."""
    import gc

    path = tmp_path / "pubmed.xml"
    generate(path, 3000, seed=5)
    store = Store.open(f"sqlite:///{tmp_path / 'store.db'}")
    before = gc.get_threshold()
    collections: list[int] = []

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            collections.append(info["generation"])

    seen: list[int] = []
    gc.callbacks.append(count)
    try:
        summary = ingest_file(store, path, on_read=lambda _: seen.append(gc.get_threshold()[0]))
        ingested = len(collections)
        with pytest.raises(RuntimeError):
            ingest_file(store, path, on_read=lambda _: _raise(RuntimeError("stop")))
    finally:
        gc.callbacks.remove(count)
        store.close()
    assert summary.new == 3000
    assert min(seen) >= INGEST_GC_THRESHOLD > before[0]
    # 86 collections with the default threshold, 7 with this one.
    assert ingested < 20
    assert gc.get_threshold() == before


def _raise(error: Exception) -> None:
    raise error


def test_new_sqlite_stores_take_large_pages_and_older_ones_keep_theirs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new store is made with `SQLITE_PAGE_SIZE` pages; a store made with SQLite's default
    4 KiB pages keeps them (WAL mode cannot change the size) and goes on taking files,
    and both hold the same rows and full-text index."""
    from exobone.store import engine as engine_module

    first = with_duplicate(tmp_path / "a.xml", 12, seed=31)
    second = with_duplicate(tmp_path / "b.xml", 9, seed=32)
    old_url, new_url = f"sqlite:///{tmp_path / 'old.db'}", f"sqlite:///{tmp_path / 'new.db'}"
    with monkeypatch.context() as patched:
        patched.setattr(engine_module, "SQLITE_PAGE_SIZE", 4096)
        with Store.open(old_url) as store:
            ingest_file(store, first)
    for url in (old_url, new_url):
        with Store.open(url) as store:
            if url == new_url:
                ingest_file(store, first)
            ingest_file(store, second)
            with store.engine.connect() as conn:
                assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    sizes = {}
    for url in (old_url, new_url):
        with make_engine(url).connect() as conn:
            sizes[url] = conn.exec_driver_sql("PRAGMA page_size").scalar()
    assert sizes == {old_url: 4096, new_url: engine_module.SQLITE_PAGE_SIZE}
    assert engine_module.SQLITE_PAGE_SIZE == 65536
    assert contents(old_url) == contents(new_url)


def test_record_checksums_follow_the_values_not_the_objects_holding_them() -> None:
    """Equal fields give one checksum whichever objects hold them (a title that is also the
    raw title, or the same text read back from the store), and any changed field but the
    raw text, also only in its kind (None or "", 7 or "7"), gives another."""
    from exobone.store.writer import _record_values, record_checksum

    record = Record(
        title="Exosomes repair cartilage", abstract="Rats healed.", year=2020, pmid="7",
        authors=["Li, X.", "Wu, Y."], keywords=["exosome"], source="a.xml", position=1,
    )  # fmt: skip
    values = _record_values(record)
    values["title_raw"] = values["title"]
    copied = {name: json_copy(value) for name, value in values.items()}
    assert copied["title_raw"] is not copied["title"]
    assert record_checksum(values) == record_checksum(copied)
    changes: list[tuple[str, Any]] = [
        ("title", "Exosomes repair cartilage."), ("year", 2021), ("year", None),
        ("volume", ""), ("pmid", 7), ("authors", ["Li, X."]), ("keywords", []),
        ("title_raw", "Exosomes repair cartilage!"), ("position", 2),
    ]  # fmt: skip
    sums = {record_checksum(values)}
    for name, value in changes:
        sums.add(record_checksum({**values, name: value}))
    assert len(sums) == len(changes) + 1
    assert record_checksum({**values, "raw": "<PubmedArticle/>"}) == record_checksum(values)


def test_record_checksums_are_the_xxh3_128_of_the_names_then_the_pickled_values() -> None:
    """The checksum is defined, also for values under other names: xxh3_128 (32 hex digits)
    of the sorted names but "raw" joined by NUL, then of their values pickled (protocol 4,
    no memo) in that order."""
    import xxhash

    from exobone.store.writer import RecordChecksum, _record_values, record_checksum

    def defined(values: dict[str, Any]) -> str:
        names = sorted(name for name in values if name != "raw")
        return str(xxhash.xxh3_128_hexdigest("\0".join(names).encode() + pickled(values)))

    record = Record(
        title="Exosomes repair cartilage", abstract="Rats healed.", year=2020, pmid="7",
        doi="10.1/x", authors=["Li, X."], keywords=["exosome"], raw="<r/>", source="a.xml",
    )  # fmt: skip
    values = _record_values(record)
    # (a text over the pickler's 64 KiB frames is written past them)
    large = {**values, "abstract": "<r>" + "x" * 70_000 + "</r>"}
    given = [values, large, {**values, "extra": 1}, {"title": "T", "year": None}]
    for one in given:
        assert record_checksum(one) == defined(one)
    # A writer keeps one RecordChecksum: nothing of one record's pickle (its frames, a large
    # text written past them) carries over to the next, in any order.
    kept = RecordChecksum()
    for one in [*given, *reversed(given), large, large, values]:
        assert kept(one) == defined(one)


def pickled(values: dict[str, Any]) -> bytes:
    """The values but "raw", by sorted name, as the record checksum pickles them."""
    import io
    import pickle

    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=4)
    pickler.fast = True
    pickler.dump([values[name] for name in sorted(values) if name != "raw"])
    return buffer.getvalue()


def json_copy(value: Any) -> Any:
    """The value as the store gives it back: new objects, equal to the old ones."""
    import json

    return json.loads(json.dumps(value))


def test_lists_are_bound_as_sqlalchemy_binds_them_without_json_dumps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On SQLite the authors and keywords of each record are written by json's C encoder
    made once, not by a json.dumps call each (~3 us of ~6 a list): the same text as
    SQLAlchemy's own JSON binding, for every kind of value a list can hold."""
    import json

    from sqlalchemy import JSON
    from sqlalchemy.dialects import sqlite

    from exobone.store.writer import _Bulk, records_t

    dialect = sqlite.dialect()
    sqlalchemy_bind = JSON().dialect_impl(dialect).bind_processor(dialect)
    values: list[Any] = [
        [], ["Li, X."], ['Quote "q", back\\slash', "µg/ml β-catenin", "tab\tline\n", "😀"],
        [1, 2.5, None, True, float("nan"), {"b": 1, "a": [2]}], [["nested"]],
    ]  # fmt: skip
    expected = [(sqlalchemy_bind(v), sqlalchemy_bind(v)) for v in values]
    monkeypatch.setattr(json, "dumps", lambda *a, **k: pytest.fail("json.dumps called"))
    with Store.open(f"sqlite:///{tmp_path / 'a.db'}") as store, store.engine.connect() as conn:
        bulk = _Bulk(conn)
        converted = bulk._converted(records_t, ("authors", "keywords"), [(v, v) for v in values])
        # Column by column (new records): the same text.
        column = bulk._column(records_t, "authors", values)
        monkeypatch.undo()
        # A column holding a value that is no list is bound value by value, as above.
        mixed = bulk._column(records_t, "keywords", [*values[:-1], {"not": "a list"}])
    assert [tuple(row) for row in converted] == expected
    assert column == [authors for authors, _ in expected]
    assert mixed == [*column[:-1], sqlalchemy_bind({"not": "a list"})]


def test_sqlite_stores_do_not_zero_freed_pages_and_read_back_the_same(tmp_path: Path) -> None:
    """Connections run with secure_delete off (Debian's SQLite turns it on, zeroing every new
    and freed page); rows replaced by a re-ingest free their pages, and the store stays whole
    and gives back exactly the raw text of the second file."""
    path = tmp_path / "a.xml"
    generate(path, 12, seed=33)
    url = f"sqlite:///{tmp_path / 'store.db'}"
    with Store.open(url) as store:
        ingest_file(store, path)
        # The raw text alone changes: every record is updated in place.
        path.write_text(path.read_text().replace("<PubmedArticle>", "<PubmedArticle >"))
        assert ingest_file(store, path).updated == 12
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 0
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            raws = conn.exec_driver_sql("SELECT raw FROM records ORDER BY position").scalars()
            stored = list(raws)
    assert len(stored) == 12
    assert all(raw.startswith("<PubmedArticle >") and raw in path.read_text() for raw in stored)


def test_a_new_paper_that_comes_again_in_its_batch_is_merged_into_one_row(
    store_url: str,
) -> None:
    """The first copy of a paper new to the store goes in from its Record alone unless a later
    entry of the batch matches it: then that copy fills its empty fields, its checksum is of
    the merged values, and its keys include the one the merge brought (here the DOI), so a
    later batch finds it by that key."""
    from datetime import UTC, datetime

    from exobone.store.engine import writing
    from exobone.store.writer import BatchWriter, keys_t, lock_state, records_t

    def paper(position: int, **fields: Any) -> Record:
        return Record(
            title="Exosomes repair cartilage", abstract="Rats healed.", year=2020, pmid="7",
            authors=["Li, X."], source="a.xml", position=position, **fields,
        )  # fmt: skip

    other = Record(title="Vesicles and bone", year=2021, pmid="8", source="a.xml", position=2)
    writer = BatchWriter("a.xml", "test", datetime(2026, 12, 7, tzinfo=UTC))
    with Store.open(store_url) as store:
        with writing(store.engine) as conn:
            lock_state(conn)
            writer.write(conn, [paper(1), other, paper(3, doi="10.1/X", journal="J Bone")])
        with writing(store.engine) as conn:
            lock_state(conn)
            writer.write(conn, [Record(title="Other title", doi="10.1/x", source="a.xml")])
        with store.engine.connect() as conn:
            rows = conn.execute(select(records_t).order_by(records_t.c.id)).mappings().all()
            keys = conn.execute(select(keys_t.c.record_id, keys_t.c.key)).all()
    assert writer.counts.to_json() == {
        "new": 2, "updated": 0, "unchanged": 0, "merged": 2, "extracted": 0,
    }  # fmt: skip
    assert [(row["label"], row["doi"], row["journal"], row["position"]) for row in rows] == [
        ("S01", "10.1/X", "J Bone", 1), ("S02", None, None, 2),
    ]  # fmt: skip
    assert [row["checksum"] for row in rows] == [
        writer_module.record_checksum(writer_module.record_values(row)) for row in rows
    ]
    assert sorted(keys) == [
        (1, "doi:10.1/x"), (1, "pmid:7"), (1, "title:exosomes repair cartilage|2020"),
        (2, "pmid:8"), (2, "title:vesicles and bone|2021"),
    ]  # fmt: skip


def test_a_records_checksum_from_its_attributes_is_that_of_its_values() -> None:
    """New records are checksummed from their attributes (`RecordChecksum.of_record`), without
    the values dict: the same digest, also for authors or keywords given as tuples."""
    from exobone.store.writer import RecordChecksum, _record_values, record_checksum

    kept = RecordChecksum()
    records = [
        Record(
            title="Exosomes repair cartilage", abstract="Rats healed.", year=2020, pmid="7",
            doi="10.1/x", authors=["Li, X.", "Wu, Y."], keywords=["exosome"], raw="<r/>",
            abstract_raw="Rats <i>healed</i>.", title_raw="Exosomes repair cartilage",
            source="a.xml", position=4, line=9,
        ),
        Record(title="T", authors=("A, B.",), keywords=("k",)),  # type: ignore[arg-type]
        Record(),
    ]  # fmt: skip
    for record in records:
        assert kept.of_record(record) == record_checksum(_record_values(record))
