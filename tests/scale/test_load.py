"""Loading the Parquet output into the store: latest versions only, idempotent, incremental."""

from __future__ import annotations

import shutil
from pathlib import Path

from scale_files import make_update
from sqlalchemy import func, select

from exobone.errors import RecordProblem
from exobone.ingest import read_records
from exobone.scale import load_output, read_output, run_pipeline
from exobone.scale.relevance import is_relevant
from exobone.store import Store
from exobone.store.schema import AnnotationRow, EvidenceRow, RecordRow


def _counts(store: Store) -> tuple[int, int, int]:
    with store.engine.connect() as conn:
        return tuple(  # type: ignore[return-value]
            conn.scalar(select(func.count()).select_from(row.__table__))
            for row in (RecordRow, AnnotationRow, EvidenceRow)
        )


def _by_pmid(store: Store) -> dict[str, str]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(RecordRow.pmid, RecordRow.title))
        return {pmid: title for pmid, title in rows}


def _ids(store: Store) -> dict[str, str]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(RecordRow.pmid, RecordRow.label))
        return {pmid: label for pmid, label in rows}


def test_load_is_idempotent_and_applies_updates(
    tmp_path: Path, baseline: list[Path], scheduler: str, store_url: str
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    base = Path(shutil.copy(baseline[0], inputs / "pubmed25n0001.xml.gz"))
    shutil.copy(baseline[1], inputs / "pubmed25n0002.xml.gz")
    out = tmp_path / "out"
    assert run_pipeline([str(inputs / "*.xml.gz")], out, scheduler=scheduler).ok

    with Store.open(store_url) as store:
        first = load_output(out, store)
        studies = list(read_output(out))
        assert sum(s.new for s in first.summaries) == len(studies) == store.count()
        stored = _counts(store)
        ids = _ids(store)
        assert len(set(ids.values())) == len(ids)
        again = load_output(out, store)
        assert all(s.new == s.updated == 0 for s in again.summaries)
        assert again.removed == 0 and _counts(store) == stored

        # A daily update: one study revised, one revised out of scope, one deleted.
        in_scope = [
            r.pmid
            for r in read_records(base)
            if not isinstance(r, RecordProblem) and is_relevant(r)
        ]
        revised, dropped, deleted = in_scope[:3]
        make_update(
            inputs / "pubmed25n0003.xml.gz",
            base,
            retitle={revised: "Revised: exosomes from MSCs heal fractures in rats."},
            out_of_scope=[dropped],
            delete=[deleted],
        )
        assert [
            Path(m.input).name
            for m in run_pipeline([str(inputs / "*.xml.gz")], out, scheduler=scheduler).done
        ] == ["pubmed25n0003.xml.gz"]
        update = load_output(out, store)
        assert update.removed == 3  # the old copies of the three PMIDs
        titles = _by_pmid(store)
        assert set(titles) == {s.record.pmid for s in read_output(out)}
        assert dropped not in titles and deleted not in titles
        assert titles[revised].startswith("Revised:")
        assert store.count() == len(studies) - 2
        # Every paper keeps its study id, the revised one too; the removed ones' are not reused.
        assert _ids(store) == {p: i for p, i in ids.items() if p not in (dropped, deleted)}

        settled = _counts(store)
        assert load_output(out, store).removed == 0 and _counts(store) == settled

        # An update that only deletes still moves the generation that cached views key on.
        make_update(inputs / "pubmed25n0004.xml.gz", base, delete=[in_scope[3]])
        assert run_pipeline([str(inputs / "*.xml.gz")], out, scheduler=scheduler).ok
        before = store.generation()
        assert load_output(out, store).removed == 1
        assert store.generation() > before


def test_a_partition_streams_in_batches_that_add_up_to_it(
    tmp_path: Path, baseline: list[Path], scheduler: str
) -> None:
    """`load` takes a partition a batch at a time: batches of any size hold the same studies
    (values and evidence) as the whole partition read at once, also for a subset of rows."""
    from exobone.scale.output import iter_part, plan

    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(baseline[0], inputs / "pubmed25n0001.xml.gz")
    out = tmp_path / "out"
    assert run_pipeline([str(inputs / "*.xml.gz")], out, scheduler=scheduler).ok
    (part,) = plan(out).live
    every = len(plan(out).live[part])
    assert every > 7
    for rows in (None, list(range(0, every, 2))):
        whole = [s.to_json() for batch in iter_part(out, part, rows, every) for s in batch]
        batches = list(iter_part(out, part, rows, batch_size=3))
        assert len(batches) > 2 and max(len(batch) for batch in batches) <= 3
        assert [s.to_json() for batch in batches for s in batch] == whole
        assert any(s["evidence"] for s in whole)
