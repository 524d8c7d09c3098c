"""Fixtures of the analysis tests (helpers live in analysis_fixtures.py)."""

from __future__ import annotations

import pytest
from analysis_fixtures import SEED_GOLD, load_seed_studies

from exobone.model import Study


@pytest.fixture(scope="session")
def seed_studies() -> list[Study]:
    if not SEED_GOLD.exists():
        pytest.skip("shared/gold/seed_gold.jsonl is not available")
    return load_seed_studies()
