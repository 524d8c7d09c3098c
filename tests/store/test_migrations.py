"""Migrations on stores holding data, on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, MetaData, insert, inspect, text
from sqlalchemy.exc import IntegrityError

from exobone.model import Record, Study
from exobone.store import Store
from exobone.store.engine import make_engine, writing
from exobone.store.migrate import MIGRATIONS, alembic_config, upgrade

NOW = datetime(2026, 12, 1, tzinfo=UTC)
PATHWAYS = {1: "through BMP2", 2: "via PI3K and Akt", 3: "through Wnt/beta-catenin"}


def old_store(engine: Engine) -> None:
    """What the code before migration 0004 left after two ingests and one curation: each
    file's studies labelled from S01 again, so records 1 and 3 are both "S01"."""
    upgrade(engine, "0003")
    with writing(engine) as conn:
        tables = MetaData()
        tables.reflect(conn)
        for number, label in ((1, "S01"), (2, "S02"), (3, "S01")):
            conn.execute(
                insert(tables.tables["records"]),
                {
                    "id": number,
                    "key": f"doi:10.1000/bone.{number}",
                    "authors": [f"Author{number}, A."],
                    "year": 2020,
                    "title": f"Exosomes in bone repair, part {number}",
                    "abstract": f"Exosomes helped rat bone heal {PATHWAYS[number]}.",
                    "abstract_raw": "",
                    "keywords": [],
                    "raw": "",
                    "source": "a.ris" if number < 3 else "b.ris",
                    "position": number,
                    "line": 1,
                    "checksum": "0" * 64,
                    "created_at": NOW,
                    "updated_at": NOW,
                },
            )
            conn.execute(
                insert(tables.tables["record_keys"]),
                {"record_id": number, "key": f"doi:10.1000/bone.{number}"},
            )
            study_id = conn.execute(
                insert(tables.tables["studies"]).returning(tables.tables["studies"].c.id),
                {
                    "record_id": number,
                    "label": label,
                    "study_type": "primary",
                    "extractor_version": "old",
                    "extracted_at": NOW,
                    "warnings": [],
                    "checksum": "0" * 64,
                },
            ).scalar_one()
        annotations = tables.tables["annotations"]
        conn.execute(
            insert(annotations),
            [
                {"study_id": study_id, "field": "species", "value": "rat", "rank": 0,
                 "origin": "machine", "removed": False},
                {"study_id": study_id, "field": "species", "value": "dog", "rank": 1,
                 "origin": "curated", "curated_by": "ann", "curated_at": NOW, "removed": False},
            ],
        )  # fmt: skip
        conn.execute(
            insert(tables.tables["curation_log"]),
            {"study_id": study_id, "field": "species", "value": "dog", "action": "add", "by": "ann",
             "at": NOW},
        )  # fmt: skip


def downgrade(engine: Engine, revision: str) -> None:
    """Take the store behind `engine` down to `revision`, in one transaction."""
    config = alembic_config()
    with writing(engine) as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def test_0004_gives_each_record_its_own_id_and_keeps_curations(
    store_url: str, tmp_path: Path
) -> None:
    engine = make_engine(store_url)
    old_store(engine)
    upgrade(engine)
    with Store(engine) as store:
        assert [entry.label for entry in store.records()] == ["S01", "S02", "S03"]
        third = store.get("S03")
        assert third is not None and third.study is not None
        assert third.study.id == "S03"
        assert third.study.annotations["species"] == ["rat", "dog"]
        assert [(c.value, c.by) for c in store.curation_history("S03")] == [("dog", "ann")]
        # 0006: PostgreSQL reindexes "Wnt/beta-catenin" as two words, like FTS5.
        assert [hit.study_id for hit in store.search("wnt").hits] == ["S03"]
        # New records are numbered after the highest number given so far.
        new = Record(title="A fourth paper", doi="10.1000/bone.4", source="c.ris")
        path = tmp_path / "c.ris"
        path.write_text("c\n", encoding="utf-8")
        store.add_file(path, [Study(id="S01", record=new)])
        assert store.get("doi:10.1000/bone.4").label == "S04"  # type: ignore[union-attr]


def test_0004_downgrades_to_one_label_per_study(store_url: str) -> None:
    engine = make_engine(store_url)
    old_store(engine)
    upgrade(engine)
    downgrade(engine, "0003")
    with engine.connect() as conn:
        labels = conn.execute(text("SELECT label FROM studies ORDER BY record_id")).scalars().all()
    assert labels == ["S01", "S02", "S03"]
    engine.dispose()


def test_0005_keeps_old_records_and_their_exports_use_the_cleaned_title(store_url: str) -> None:
    engine = make_engine(store_url)
    old_store(engine)
    upgrade(engine)
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT title, title_raw FROM records ORDER BY id")).all()
    assert [tuple(row) for row in rows] == [
        (f"Exosomes in bone repair, part {n}", "") for n in (1, 2, 3)]
    engine.dispose()
    with Store.open(store_url) as store:
        record = store.get("doi:10.1000/bone.1").record  # type: ignore[union-attr]
        assert record.printed_title == "Exosomes in bone repair, part 1"
    engine = make_engine(store_url)
    downgrade(engine, "0004")
    with engine.connect() as conn:
        names = [column["name"] for column in inspect(conn).get_columns("records")]
    assert "title_raw" not in names and "title" in names
    engine.dispose()


def test_the_migrations_form_one_line() -> None:
    """Two revisions landed in parallel with one number must fail here, not in a store."""
    script = ScriptDirectory.from_config(alembic_config())
    files = sorted((MIGRATIONS / "versions").glob("[0-9]*.py"))
    numbers = [re.search(r'^revision: str = "(\w+)"', f.read_text(), re.M) for f in files]
    revisions = [found.group(1) for found in numbers if found]
    assert len(revisions) == len(files) == len(set(revisions))
    assert len(script.get_heads()) == 1
    assert len(list(script.walk_revisions())) == len(files)


def test_0010_drops_the_unread_doi_index_and_a_downgrade_makes_it_again(store_url: str) -> None:
    """Stores made before 0010 lose records.doi's index (no query reads by DOI); a paper is
    still found by its DOI (through its keys), and a downgrade makes the index again."""

    def indexes(engine: Engine) -> set[str]:
        with engine.connect() as conn:
            return {str(found["name"]) for found in inspect(conn).get_indexes("records")}

    engine = make_engine(store_url)
    old_store(engine)
    upgrade(engine, "0009")
    assert "ix_records_doi" in indexes(engine)
    upgrade(engine)
    assert "ix_records_doi" not in indexes(engine)
    assert {"ix_records_pmid", "ix_records_year", "ix_records_label"} <= indexes(engine)
    engine.dispose()
    with Store.open(store_url) as store:
        assert store.get("doi:10.1000/bone.2").record.pmid is None  # type: ignore[union-attr]
    engine = make_engine(store_url)
    downgrade(engine, "0009")
    assert "ix_records_doi" in indexes(engine)
    engine.dispose()


def test_0011_lets_abstract_raw_be_null_and_keeps_what_was_stored(store_url: str) -> None:
    """After 0011 a record may store NULL for an abstract that needed no cleaning (read back
    as the abstract); rows stored before keep their text, SQLite's file stays sound, and a
    downgrade writes the abstract back into the NULLs and refuses NULL again."""
    engine = make_engine(store_url)
    old_store(engine)
    upgrade(engine, "0010")

    def set_null(conn: Any) -> None:
        conn.execute(text("UPDATE records SET abstract_raw = NULL WHERE id = 2"))

    with pytest.raises(IntegrityError), writing(engine) as conn:
        set_null(conn)
    upgrade(engine)
    with writing(engine) as conn:
        set_null(conn)
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        rows = conn.execute(text("SELECT id, abstract_raw FROM records ORDER BY id")).all()
    assert [tuple(row) for row in rows] == [(1, ""), (2, None), (3, "")]
    engine.dispose()
    with Store.open(store_url) as store:
        entries = {entry.id: entry.record for entry in store.records()}
    healed = f"Exosomes helped rat bone heal {PATHWAYS[2]}."
    assert entries[2].abstract_raw == entries[2].abstract == healed
    assert entries[1].abstract_raw == ""
    engine = make_engine(store_url)
    downgrade(engine, "0010")
    with engine.connect() as conn:
        raws = conn.execute(text("SELECT abstract_raw FROM records ORDER BY id")).scalars().all()
    assert raws == ["", healed, ""]
    with pytest.raises(IntegrityError), writing(engine) as conn:
        set_null(conn)
    engine.dispose()


def test_0012_names_the_file_digest_and_keeps_what_the_sha256_rows_promised(
    store_url: str, tmp_path: Path
) -> None:
    """Rows logged by their sha256 before 0012 say so ("sha256:<hex>"); the next ingest of
    the same content turns its log row into the xxh3_128 digest (no second row), a
    checkpoint of an interrupted run still resumes while the file is unchanged, and a
    downgrade gives the sha256 rows their bare hex back."""
    import hashlib

    from exobone.store.store import file_digest

    logged, interrupted = tmp_path / "a.ris", tmp_path / "b.ris"
    logged.write_text("TY  - JOUR\nTI  - Exosomes in bone repair\nER  - \n", encoding="utf-8")
    interrupted.write_text("TY  - JOUR\nTI  - Vesicles heal cartilage\nER  - \n", encoding="utf-8")
    sha256 = {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in (logged, interrupted)}
    engine = make_engine(store_url)
    upgrade(engine, "0011")
    with writing(engine) as conn:
        tables = MetaData()
        tables.reflect(conn)
        conn.execute(
            insert(tables.tables["ingest_log"]),
            {"path": str(logged), "sha256": sha256[logged], "format": "ris", "records_read": 1,
             "problems": [], "ingested_at": NOW},
        )  # fmt: skip
        conn.execute(
            insert(tables.tables["ingest_progress"]),
            {"path": str(interrupted), "sha256": sha256[interrupted], "mode": "records",
             "entries_done": 1000, "counts": {"new": 1000}, "updated_at": NOW},
        )  # fmt: skip
    upgrade(engine)

    def rows(table: str) -> list[tuple[Any, ...]]:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(f"SELECT path, digest FROM {table}"))]

    assert rows("ingest_log") == [(str(logged), f"sha256:{sha256[logged]}")]
    assert rows("ingest_progress") == [(str(interrupted), f"sha256:{sha256[interrupted]}")]
    with Store(engine) as store:
        record = Record(title="Exosomes in bone repair", source=str(logged), position=1)
        store.add_file(logged, [record], fmt="ris")
        assert rows("ingest_log") == [(str(logged), file_digest(logged))]
        assert file_digest(logged).startswith("xxh3_128:") and len(file_digest(logged)) == 41
        store.add_file(logged, [record], fmt="ris")
        assert rows("ingest_log") == [(str(logged), file_digest(logged))]
        assert store.open_file(interrupted).resume_at == 1000
        assert store.open_file(interrupted, extractor_version="1").resume_at == 0
        interrupted.write_text("TY  - JOUR\nTI  - Vesicles heal bone\nER  - \n", encoding="utf-8")
        assert store.open_file(interrupted).resume_at == 0
    engine = make_engine(store_url)
    downgrade(engine, "0011")
    with engine.connect() as conn:
        found = conn.execute(text("SELECT path, sha256 FROM ingest_progress")).all()
        log = conn.execute(text("SELECT path, sha256 FROM ingest_log")).all()
    assert [tuple(row) for row in found] == [(str(interrupted), sha256[interrupted])]
    assert [tuple(row) for row in log] == [(str(logged), file_digest(logged))]
    engine.dispose()
