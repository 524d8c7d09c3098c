"""The compiled extractor (what `pip install .` builds with mypyc) extracts exactly what the
sources do.

mypyc can change behaviour where Python is dynamic (a dataclass field left unset, a name
rebound at run time), and the extractor swallows a family's exception into a warning, so a
difference would show only as missing values. `make compiled` installs the wheel into
`build/compiled`; `make test` points EXOBONE_COMPILED_PATH at it (required under CI=true).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Resolved here: the runs below start in the repository's root, not where pytest was started.
_COMPILED_SETTING = os.environ.get("EXOBONE_COMPILED_PATH", "")
COMPILED = str(Path(_COMPILED_SETTING).resolve()) if _COMPILED_SETTING else ""
CORPORA = [
    "examples/exosome_bone_bibliography.txt",
    "tests/data/dev_corpus/dev_bibliography.txt",
    "tests/data/holdout/holdout_bibliography.txt",
    "tests/data/sealed/sealed_bibliography.txt",
    "tests/ingest/data/endnote_unseen.txt",
    "tests/ingest/data/pubmed_small.xml",
]
# Odd input: no abstract, another language, a huge abstract, unusual characters.
ODD_RECORDS = [
    ("Exosomes from BMSCs in rats", ""),
    ("Vesículas extracelulares", "Las vesículas de células madre mejoran la osteogénesis."),
    ("A long one", "Exosomes from hBMSCs increased ALP and RUNX2 in MC3T3-E1 cells. " * 1600),
    ("Odd ☃ text", "MSC‐Exos (50 µg) up‑regulated miR‐140‐5p ​ in OA."),
]

pytestmark = pytest.mark.skipif(
    not COMPILED and os.environ.get("CI") != "true",
    reason="no compiled build: run `make compiled` and set EXOBONE_COMPILED_PATH",
)


def _run(code: str, compiled: bool, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `code` on the compiled build or on the sources of the tree at `cwd`.

    The sources are put on the path by name: left to the environment, the interpreter
    would import whichever tree its editable install points at, which in a second worktree
    is another branch's code, and the test would compare two different versions.
    """
    env = dict(os.environ)
    env["PYTHONPATH"] = COMPILED if compiled else str(cwd / "src")
    return subprocess.run(
        [sys.executable, "-c", code], env=env, cwd=cwd, capture_output=True, text=True
    )


def test_compiled_build_is_what_runs(repo_root: Path) -> None:
    assert COMPILED, "CI must test the compiled build: EXOBONE_COMPILED_PATH is not set"
    code = (
        "import exobone.extract.direction as m, exobone.lexicon.matcher as n; "
        "print(m.__file__, n.__file__)"
    )
    compiled = _run(code, compiled=True, cwd=repo_root).stdout.split()
    pure = _run(code, compiled=False, cwd=repo_root).stdout.split()
    assert all(path.endswith(".so") and path.startswith(COMPILED) for path in compiled)
    assert all(path.endswith(".py") and path.startswith(str(repo_root / "src")) for path in pure)


def test_compiled_build_was_made_from_these_sources(repo_root: Path) -> None:
    """A build made from another tree or an older commit carries that tree's code and rule
    files (the wheel ships both), so its output would be compared with other sources."""
    assert COMPILED, "CI must test the compiled build: EXOBONE_COMPILED_PATH is not set"

    def code_and_rules(package: Path) -> dict[str, bytes]:
        return {
            str(path.relative_to(package)): path.read_bytes()
            for path in package.rglob("*")
            if path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts
        }

    sources = code_and_rules(repo_root / "src" / "exobone")
    built = code_and_rules(Path(COMPILED) / "exobone")
    assert len(sources) > 100
    differing = sorted(
        name for name in sources.keys() | built.keys() if sources.get(name) != built.get(name)
    )
    assert not differing, f"the compiled build is not of this tree's sources: {differing[:5]}"


def test_compiled_extracts_exactly_what_the_sources_do(repo_root: Path, tmp_path: Path) -> None:
    assert COMPILED, "CI must test the compiled build: EXOBONE_COMPILED_PATH is not set"
    odd = tmp_path / "odd.ris"
    odd.write_text(
        "".join(f"TY  - JOUR\nTI  - {t}\nAB  - {a}\nER  - \n\n" for t, a in ODD_RECORDS),
        encoding="utf-8",
    )
    inputs = [str(repo_root / c) for c in CORPORA] + [str(odd)]
    outputs, reports = {}, {}
    for compiled in (False, True):
        out = tmp_path / f"{'compiled' if compiled else 'pure'}.jsonl"
        code = (
            "import sys; from exobone.cli import app; "
            f"sys.argv = ['exobone', 'extract', *{inputs!r}, '--out', {str(out)!r}]; app()"
        )
        run = _run(code, compiled=compiled, cwd=repo_root)
        # 2: some records of the inputs were skipped, and reported (the same either way)
        assert run.returncode in (0, 2), run.stderr
        reports[compiled] = (run.returncode, run.stderr.replace(str(tmp_path), ""))
        outputs[compiled] = out.read_text(encoding="utf-8").splitlines()
    pure, compiled_lines = outputs[False], outputs[True]
    assert len(pure) > 80
    assert (
        sum(
            '"molecular_effects": [' in line and '"molecular_effects": []' not in line
            for line in pure
        )
        > 20
    )
    for number, (a, b) in enumerate(zip(pure, compiled_lines, strict=True), start=1):
        assert a == b, f"record {number} differs between the sources and the compiled build"
