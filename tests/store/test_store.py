"""The store on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select

from exobone.errors import RecordProblem, UnknownFieldError
from exobone.ingest.dedup import record_key
from exobone.model import Record, Span, Study
from exobone.store import IngestSummary, Store, StoreError
from exobone.store import store as store_module
from exobone.store.engine import make_engine
from exobone.store.schema import Base, include_object

ABSTRACT = (
    "Exosomes from bone marrow MSCs promoted osteogenic differentiation. "
    "RUNX2 expression was increased after 14 days."
)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with Store.open(store_url) as opened:
        yield opened


def bib(tmp_path: Path, name: str = "refs.txt", content: str = "bibliography\n") -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def record(n: int, source: Path, **changes: object) -> Record:
    values: dict[str, object] = {
        "title": f"Exosomes in bone repair, part {n}",
        "authors": [f"Author{n}, A.", "Second, B."],
        "year": 2015 + n,
        "journal": "J Bone",
        "volume": str(n),
        "pages": f"{n}-{n + 9}",
        "doi": f"10.1000/bone.{n}",
        "abstract": ABSTRACT,
        "keywords": ["exosome", "bone"],
        "source": str(source),
        "position": n,
        "line": 4 * n - 3,
        "raw": f"raw text of record {n}",
    }
    values.update(changes)
    return Record(**values)  # type: ignore[arg-type]


def study(rec: Record, label: str, **fields: list[object]) -> Study:
    result = Study(id=label, record=rec)
    result.annotations["settings"] = ["in_vitro"]
    result.annotations["molecular_effects"] = ["RUNX2|up"]
    result.annotations["durations_days"] = [14]
    result.annotations.update(fields)
    start, days = ABSTRACT.index("RUNX2"), ABSTRACT.index("14 days")
    result.evidence = {
        "settings": {"in_vitro": [Span(start=0, end=8, sentence=0)]},
        "molecular_effects": {"RUNX2|up": [Span(start=start, end=start + 5, sentence=1)]},
        "durations_days": {"14": [Span(start=days, end=days + 7, sentence=1)]},
    }
    return result


def table_counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            name: conn.scalar(select(func.count()).select_from(table)) or 0
            for name, table in Base.metadata.tables.items()
        }


def test_migrated_schema_matches_the_models(store_url: str) -> None:
    Store.open(store_url).close()
    with Store.open(store_url) as store, store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include_object})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_studies_come_back_as_they_went_in(store: Store, tmp_path: Path) -> None:
    path = bib(tmp_path)
    studies = [
        study(record(1, path), "S01"),
        study(record(2, path), "S02", settings=["in_vitro", "in_vivo"]),
    ]
    summary = store.add_file(path, studies, fmt="endnote")

    assert (summary.read, summary.new, summary.extracted, summary.ok) == (2, 2, 2, True)
    assert store.count() == 2
    stored = list(store.studies())
    assert [s.to_json() for s in stored] == [s.to_json() for s in studies]
    assert stored[1].annotations["durations_days"] == [14]
    entry = store.get(record_key(studies[0].record))
    assert entry is not None and entry.record == studies[0].record
    assert store.get(entry.id) == entry
    assert store.get(str(entry.id)) == entry


def test_evidence_keeps_the_supporting_text(store: Store, tmp_path: Path) -> None:
    path = bib(tmp_path)
    store.add_file(path, [study(record(1, path), "S01")])
    with store.engine.connect() as conn:
        snippets = set(conn.scalars(select(Base.metadata.tables["evidence"].c.text)))
    assert "RUNX2" in snippets


def test_ingesting_the_same_file_twice_changes_nothing(store: Store, tmp_path: Path) -> None:
    path = bib(tmp_path)
    problem = RecordProblem(str(path), "no title", position=3, line=9)
    entries = [study(record(n, path), f"S{n:02d}") for n in (1, 2)]
    first = store.add_file(path, entries, problems=[problem], duplicates=1)
    before = table_counts(store)
    snapshot = [e.study.to_json() for e in store.records() if e.study]
    with store.engine.connect() as conn:
        stamps = list(conn.execute(select(Base.metadata.tables["records"].c.updated_at)))

    second = store.add_file(path, entries, problems=[problem], duplicates=1)

    assert (first.read, first.new, first.merged, len(first.problems)) == (4, 2, 1, 1)
    assert (second.read, second.new, second.updated, second.unchanged) == (4, 0, 0, 2)
    assert second.extracted == 0
    assert table_counts(store) == before
    assert before["ingest_log"] == 1
    assert [e.study.to_json() for e in store.records() if e.study] == snapshot
    with store.engine.connect() as conn:
        assert list(conn.execute(select(Base.metadata.tables["records"].c.updated_at))) == stamps


def test_an_error_mid_file_writes_nothing(store: Store, tmp_path: Path) -> None:
    path = bib(tmp_path)

    def broken() -> Iterator[Record]:
        yield record(1, path)
        yield record(2, path)
        raise RuntimeError("disk vanished")

    with pytest.raises(RuntimeError, match="disk vanished"):
        store.add_file(path, broken())
    assert store.count() == 0
    assert table_counts(store)["ingest_log"] == 0


def test_a_changed_file_updates_its_records_in_place(store: Store, tmp_path: Path) -> None:
    path = bib(tmp_path)
    store.add_file(path, [record(1, path), record(2, path)])
    path.write_text("edited\n", encoding="utf-8")
    summary = store.add_file(path, [record(1, path, journal="J Bone Res"), record(2, path)])

    assert (summary.new, summary.updated, summary.unchanged) == (0, 1, 1)
    entry = store.get(record_key(record(1, path)))
    assert entry is not None and entry.record.journal == "J Bone Res"
    assert table_counts(store)["ingest_log"] == 2


def test_a_record_whose_raw_text_alone_changed_is_updated(store: Store, tmp_path: Path) -> None:
    """The record checksum leaves the raw text out, but a record is found unchanged only when
    every field, raw text included, equals the stored one: a source that rewrote only a
    part the reader does not parse (a PubMed revision date) gets its new text stored, and
    the checksum, which marks what views are made of, stays."""
    from exobone.store.writer import records_t

    path = bib(tmp_path)
    store.add_file(path, [record(1, path, raw="<r>1</r>"), record(2, path)])
    with store.engine.connect() as conn:
        before = conn.execute(select(records_t.c.checksum).order_by(records_t.c.id)).all()
    path.write_text("edited\n", encoding="utf-8")
    summary = store.add_file(path, [record(1, path, raw="<r>1 revised</r>"), record(2, path)])

    assert (summary.new, summary.updated, summary.unchanged) == (0, 1, 1)
    entry = store.get(record_key(record(1, path)))
    assert entry is not None and entry.record.raw == "<r>1 revised</r>"
    with store.engine.connect() as conn:
        assert conn.execute(select(records_t.c.checksum).order_by(records_t.c.id)).all() == before
    again = store.add_file(path, [record(1, path, raw="<r>1 revised</r>"), record(2, path)])
    assert (again.new, again.updated, again.unchanged) == (0, 0, 2)


def test_a_record_from_another_file_fills_gaps_only(store: Store, tmp_path: Path) -> None:
    first, second = bib(tmp_path, "a.txt"), bib(tmp_path, "b.ris", "other\n")
    store.add_file(first, [record(1, first, abstract="", issue=None)])
    summary = store.add_file(second, [record(1, second, issue="4", title="Another title")])

    assert (summary.new, summary.merged) == (0, 1)
    assert store.count() == 1
    entry = store.get(record_key(record(1, first)))
    assert entry is not None
    assert entry.record.abstract == ABSTRACT
    assert entry.record.issue == "4"
    assert entry.record.title == "Exosomes in bone repair, part 1"
    assert entry.record.source == str(first)
    again = store.add_file(second, [record(1, second, issue="4", title="Another title")])
    assert (again.new, again.updated, again.merged) == (0, 0, 1)


def test_reextraction_replaces_machine_values_and_keeps_curated(
    store: Store, tmp_path: Path
) -> None:
    path = bib(tmp_path)
    rec = record(1, path)
    store.add_file(path, [study(rec, "S01", conditions=["osteoporosis"])])
    key = record_key(rec)
    store.curate(key, "conditions", "osteoporosis", by="curator", remove=True)
    store.curate(key, "conditions", "fracture", by="curator")
    store.curate(key, "species", "rat", by="curator")

    changed = study(rec, "S01", conditions=["osteoporosis", "osteoarthritis"], species=["mouse"])
    summary = store.add_file(path, [changed])

    assert summary.extracted == 1
    entry = store.get(key)
    assert entry is not None and entry.study is not None
    assert entry.study.annotations["conditions"] == ["osteoarthritis", "fracture"]
    assert entry.study.annotations["species"] == ["mouse", "rat"]
    assert entry.study.evidence["molecular_effects"]["RUNX2|up"][0].sentence == 1


def test_records_without_a_study_leave_annotations_alone(store: Store, tmp_path: Path) -> None:
    path = bib(tmp_path)
    rec = record(1, path)
    store.add_file(path, [study(rec, "S01")])
    store.add_file(path, [rec])
    entry = store.get(record_key(rec))
    assert entry is not None and entry.study is not None
    assert entry.study.annotations["molecular_effects"] == ["RUNX2|up"]


def test_paging_and_streaming(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = bib(tmp_path)
    store.add_file(path, [study(record(n, path), f"S{n:02d}") for n in range(1, 8)])
    monkeypatch.setattr(store_module, "BATCH", 3)

    assert [s.id for s in store.studies()] == [f"S{n:02d}" for n in range(1, 8)]
    page = store.records(limit=3, offset=2)
    assert [e.record.position for e in page] == [3, 4, 5]
    assert all(e.study is not None for e in page)


def test_unknown_records_and_hostile_keys(store: Store, tmp_path: Path) -> None:
    path = bib(tmp_path)
    store.add_file(path, [record(1, path)])
    assert store.get(999) is None
    assert store.get("x' OR '1'='1") is None
    with pytest.raises(StoreError, match="no extracted study"):
        store.curate(1, "species", "rat", by="curator")
    with pytest.raises(UnknownFieldError, match="unknown field 'colour'"):
        store.curate(1, "colour", "red", by="curator")


def test_the_same_paper_is_found_by_doi_pmid_or_title(store: Store, tmp_path: Path) -> None:
    endnote, pubmed = bib(tmp_path, "a.txt"), bib(tmp_path, "b.nbib", "pubmed\n")
    store.add_file(endnote, [record(1, endnote, doi=None, abstract="")])
    summary = store.add_file(pubmed, [record(1, pubmed, pmid="123")])

    assert (summary.new, summary.merged, store.count()) == (0, 1, 1)
    entry = store.get("doi:10.1000/bone.1")
    assert entry is not None and entry.record.pmid == "123"
    assert entry.record.abstract == ABSTRACT
    assert store.get("pmid:123") == entry == store.get(entry.key)
    assert entry.key.startswith("title:")


def test_papers_with_different_dois_stay_apart(store: Store, tmp_path: Path) -> None:
    first, second = bib(tmp_path, "a.txt"), bib(tmp_path, "b.ris", "other\n")
    store.add_file(first, [record(1, first)])
    summary = store.add_file(second, [record(1, second, doi="10.1000/erratum.1")])
    assert (summary.new, summary.merged, store.count()) == (1, 0, 2)


def test_readers_never_see_a_half_written_file(
    store: Store, store_url: str, tmp_path: Path
) -> None:
    path = bib(tmp_path)
    seen_mid_file: list[int] = []

    def entries() -> Iterator[Record]:
        yield record(1, path)
        with Store.open(store_url) as reader:
            seen_mid_file.append(reader.count())
        yield record(2, path)

    store.add_file(path, entries())
    assert seen_mid_file == [0]
    assert store.count() == 2


def test_filters_and_facets_follow_curation(store: Store, tmp_path: Path) -> None:
    path = bib(tmp_path)
    store.add_file(
        path,
        [
            study(record(1, path), "S01", species=["rat", "human"]),
            study(record(2, path), "S02", species=["rat"], settings=["in_vitro", "in_vivo"]),
            study(record(3, path), "S03", species=["mouse"]),
        ],
    )
    store.add_file(bib(tmp_path, "b.txt", "b\n"), [record(4, tmp_path / "b.txt")])
    assert store.facets("species") == [("rat", 2), ("human", 1), ("mouse", 1)]
    assert store.facets("study_type") == [("primary", 3)]
    assert store.count(where={"species": "rat"}) == 2
    in_vivo_rat = store.records(where={"species": "rat", "settings": "in_vivo"})
    assert [e.study.id for e in in_vivo_rat if e.study] == ["S02"]

    store.curate(record_key(record(1, path)), "species", "rat", by="curator", remove=True)
    store.curate(record_key(record(3, path)), "species", "rat", by="curator")
    assert store.facets("species") == [("rat", 2), ("human", 1), ("mouse", 1)]
    assert [e.study.id for e in store.records(where={"species": "rat"}) if e.study] == [
        "S02",
        "S03",
    ]
    assert store.facets("species", where={"settings": "in_vivo"}) == [("rat", 1)]
    with pytest.raises(UnknownFieldError, match="unknown field 'colour'"):
        store.facets("colour")
    with pytest.raises(UnknownFieldError, match="unknown field"):
        store.count(where={"1=1; --": "x"})


def test_a_copy_with_other_text_keeps_the_stored_study(store: Store, tmp_path: Path) -> None:
    first, second = bib(tmp_path, "a.txt"), bib(tmp_path, "b.ris", "other\n")
    store.add_file(first, [study(record(1, first), "S01")])
    reworded = record(1, second, abstract="Vesicles helped. " + ABSTRACT)
    summary = store.add_file(second, [study(reworded, "S09", species=["rat"])])

    assert (summary.merged, summary.extracted) == (1, 0)
    entry = store.get(1)
    assert entry is not None and entry.study is not None
    assert (entry.study.id, entry.study.annotations["species"]) == ("S01", [])


def test_a_copy_that_brings_the_abstract_brings_its_study(store: Store, tmp_path: Path) -> None:
    first, second = bib(tmp_path, "a.txt"), bib(tmp_path, "b.ris", "other\n")
    store.add_file(first, [Study(id="S01", record=record(1, first, abstract=""))])
    summary = store.add_file(second, [study(record(1, second), "S07", species=["rat"])])

    assert (summary.merged, summary.extracted) == (1, 1)
    entry = store.get(1)
    assert entry is not None and entry.study is not None
    assert entry.record.abstract == ABSTRACT
    assert entry.study.annotations["species"] == ["rat"]
    assert entry.study.evidence["molecular_effects"]["RUNX2|up"][0].start == ABSTRACT.index("RUNX2")


def test_processes_opening_and_ingesting_at_once_take_turns(store_url: str, tmp_path: Path) -> None:
    paths = [bib(tmp_path, f"part{n}.txt", f"part {n}\n") for n in range(4)]

    def work(n: int) -> IngestSummary:
        with Store.open(store_url) as own:
            records = [record(10 * n + k, paths[n]) for k in range(1, 6)]
            return own.add_file(paths[n], records)

    with ThreadPoolExecutor(max_workers=4) as pool:
        summaries = list(pool.map(work, range(4)))

    assert [summary.new for summary in summaries] == [5, 5, 5, 5]
    with Store.open(store_url) as store:
        assert store.count() == 20
        assert table_counts(store)["ingest_log"] == 4


def test_opening_a_new_store_waits_while_another_connection_writes_to_it(tmp_path: Path) -> None:
    """Turning a new store into WAL mode while another connection holds the write lock made
    SQLite refuse at once ("database is locked"), without its busy handler: processes opening
    one new store together failed (seen in CI). The engine now waits for the lock."""
    path = tmp_path / "new.db"
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("CREATE TABLE t (x)")
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("INSERT INTO t VALUES (1)")
    timer = threading.Timer(0.3, writer.execute, ("COMMIT",))
    timer.start()
    engine = make_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            mode = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
            rows = connection.exec_driver_sql("SELECT count(*) FROM t").scalar()
    finally:
        timer.join()
        engine.dispose()
        writer.close()
    assert (mode, rows) == ("wal", 1)
