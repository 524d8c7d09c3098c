"""Build hook: compile the text-mining packages to C with mypyc (1.5-1.9x faster extraction).

Everything else about the package is declared in pyproject.toml. A wheel (`pip install .`,
`python -m build`) compiles `exobone.extract`, `exobone.lexicon` and `exobone.text`; their
`.py` files ship beside the extension modules and stay the reference. Editable installs are
never compiled, so that edits to the sources take effect without a rebuild, and
`EXOBONE_PURE=1` builds a pure-Python wheel (for a platform without a C compiler).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup

COMPILED_PACKAGES = ("extract", "lexicon", "text")
# mypy options for the compilation only: imports outside the compiled set are followed
# silently, and third-party packages without type information are treated as Any.
MYPY_OPTIONS = ["--ignore-missing-imports", "--follow-imports=silent", "--no-warn-unused-ignores"]


def _compiling() -> bool:
    """Only a real build of binaries compiles (not metadata, sdists or editable installs)."""
    if os.environ.get("EXOBONE_PURE", "").strip() not in ("", "0"):
        return False
    return any(command in sys.argv for command in ("bdist_wheel", "build_ext", "build"))


def ext_modules() -> list:
    if not _compiling():
        return []
    from mypyc.build import mypycify

    root = Path(__file__).resolve().parent
    paths = sorted(
        str(path.relative_to(root))
        for package in COMPILED_PACKAGES
        for path in (root / "src" / "exobone" / package).glob("*.py")
    )
    return mypycify([*MYPY_OPTIONS, *paths], opt_level="3", group_name="exobone")


setup(ext_modules=ext_modules())
