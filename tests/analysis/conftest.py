"""Fixtures of the analysis tests (helpers live in analysis_fixtures.py)."""

from __future__ import annotations

import pytest
from analysis_fixtures import SEED_GOLD, load_seed_studies

from exobone.model import Study
from shared_files import require_shared


@pytest.fixture(scope="session")
def seed_studies() -> list[Study]:
    require_shared(SEED_GOLD)
    return load_seed_studies()
