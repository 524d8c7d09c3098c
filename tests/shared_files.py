"""`../shared`, the reference folder beside the repository (seed, gold, formats).

A test that needs it is skipped where it is absent on a developer's machine, and fails under
CI=true, where a missing folder must not pass as green.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


def require_shared(path: Path = SHARED) -> Path:
    """`path` (inside ../shared) if it exists; otherwise skip, or fail under CI=true."""
    if not path.exists():
        message = f"{path} is missing (../shared is not beside the repository)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI=true but {message}")
        pytest.skip(message)
    return path
