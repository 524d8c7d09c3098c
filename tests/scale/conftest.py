"""Fixtures for the scale tests: one shared real dask cluster and small baseline files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from scale_files import make_baseline


@pytest.fixture(scope="session")
def scheduler() -> Iterator[str]:
    """Address of one real LocalCluster (2 single-threaded processes) shared by the tests."""
    from dask.distributed import LocalCluster

    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    )
    try:
        yield cluster.scheduler_address
    finally:
        cluster.close()


@pytest.fixture(scope="session")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Three small gzipped baseline files (300 records each, about 10% in scope)."""
    folder = tmp_path_factory.mktemp("baseline")
    return [make_baseline(folder / f"pubmed25n{i:04d}.xml.gz", 300, seed=i) for i in (1, 2, 3)]
