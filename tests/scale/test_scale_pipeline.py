"""The dask pipeline on a real LocalCluster: output, reruns, failures and update files."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.parquet as pq
from scale_files import articles, make_baseline, make_update

from exobone.errors import RecordProblem
from exobone.extract import Extractor
from exobone.ingest import read_records
from exobone.scale import InputFile, read_output, run_pipeline
from exobone.scale.relevance import is_relevant
from exobone.scale.task import study_key


def test_output_matches_an_in_process_run(
    tmp_path: Path, baseline: list[Path], scheduler: str
) -> None:
    out = tmp_path / "out"
    result = run_pipeline([str(p) for p in baseline], out, scheduler=scheduler)
    assert result.ok and len(result.done) == 3 and not result.skipped

    extractor = Extractor()
    expected = []
    for path in baseline:
        part = InputFile.of(path).part
        records = [r for r in read_records(path) if not isinstance(r, RecordProblem)]
        kept = [r for r in records if is_relevant(r)]
        manifest = next(m for m in result.done if m.part == part)
        assert (manifest.records, manifest.in_scope) == (len(records), len(kept))
        assert 10 < len(kept) < 60  # about 10% of 300 are written in scope
        expected += [extractor.extract(r, study_key(r, part)).to_json() for r in kept]
    assert [s.to_json() for s in read_output(out)] == expected
    # The long tables hold one row per value and per span.
    annotations = pq.read_table(out / "annotations").num_rows
    values = sum(len(v) for s in expected for k, v in s["annotations"].items() if k != "study_type")
    assert annotations == values


def test_rerun_skips_finished_files(tmp_path: Path, baseline: list[Path], scheduler: str) -> None:
    out = tmp_path / "out"
    run_pipeline([str(baseline[0])], out, scheduler=scheduler)
    stamp = (out / "_manifest").stat().st_mtime_ns
    result = run_pipeline([str(baseline[0].parent / "*.xml.gz")], out, scheduler=scheduler)
    assert [Path(m.input).name for m in result.skipped] == [baseline[0].name]
    assert sorted(Path(m.input).name for m in result.done) == [p.name for p in baseline[1:]]
    again = run_pipeline([str(baseline[0].parent / "*.xml.gz")], out, scheduler=scheduler)
    assert again.done == [] and len(again.skipped) == 3
    assert (out / "_manifest").stat().st_mtime_ns != stamp


def test_bad_files_fail_alone_and_only_they_are_retried(
    tmp_path: Path, baseline: list[Path], scheduler: str
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    good = shutil.copy(baseline[0], inputs / "pubmed25n0001.xml.gz")
    data = Path(good).read_bytes()
    (inputs / "pubmed25n0002.xml.gz").write_bytes(data[: len(data) // 2])  # cut download
    plain = make_baseline(tmp_path / "plain.xml", 40, seed=9)
    (inputs / "pubmed25n0003.xml").write_bytes(plain.read_bytes()[:-3000])  # truncated XML
    out = tmp_path / "out"

    result = run_pipeline([str(inputs / "*")], out, scheduler=scheduler)
    assert [Path(m.input).name for m in result.done] == ["pubmed25n0001.xml.gz"]
    assert sorted(Path(p).name for p in result.failed) == [
        "pubmed25n0002.xml.gz",
        "pubmed25n0003.xml",
    ]
    for path, message in result.failed.items():
        assert message.startswith(path)  # the error names its file
    assert "corrupt gzip" in result.failed[str(inputs / "pubmed25n0002.xml.gz")]
    assert "truncated XML" in result.failed[str(inputs / "pubmed25n0003.xml")]

    shutil.copy(baseline[1], inputs / "pubmed25n0002.xml.gz")  # a good download replaces it
    retry = run_pipeline([str(inputs / "*")], out, scheduler=scheduler)
    assert [Path(m.input).name for m in retry.done] == ["pubmed25n0002.xml.gz"]
    assert [Path(m.input).name for m in retry.skipped] == ["pubmed25n0001.xml.gz"]
    assert list(retry.failed) == [str(inputs / "pubmed25n0003.xml")]


def test_updates_supersede_and_delete(tmp_path: Path, baseline: list[Path], scheduler: str) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    base = Path(shutil.copy(baseline[0], inputs / "pubmed25n0001.xml.gz"))
    in_scope = [
        r.pmid for r in read_records(base) if not isinstance(r, RecordProblem) and is_relevant(r)
    ]
    revised, dropped, deleted = in_scope[0], in_scope[1], in_scope[2]
    out_of_scope_pmid = next(p for p in articles(base) if p not in in_scope)
    make_update(
        inputs / "pubmed25n0002.xml.gz",
        base,
        retitle={revised: "Revised: exosomes from MSCs heal femoral fractures in rats."},
        out_of_scope=[dropped],
        delete=[deleted, out_of_scope_pmid],
    )
    out = tmp_path / "out"
    result = run_pipeline([str(inputs / "*.xml.gz")], out, scheduler=scheduler)
    assert result.ok
    assert [m.deleted for m in result.done] == [0, 2]

    studies = {s.record.pmid: s for s in read_output(out)}
    assert set(studies) == set(in_scope) - {dropped, deleted}
    assert studies[revised].record.title.startswith("Revised:")
    assert studies[revised].record.source == str(inputs / "pubmed25n0002.xml.gz")
    assert studies[in_scope[3]].record.source == str(base)
