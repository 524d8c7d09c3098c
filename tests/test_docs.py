"""The guide cannot drift: every command shown in docs/*.md is run, and its output compared
with the text.

Each document runs in a folder of its own, its commands in the order they appear, so a store
made by one command is read by the next. The folder holds `refs.txt` (a copy of
`examples/exosome_bone_bibliography.txt`) and `damaged.txt` (the same with the title quote of
record 2 left open). Output is taken at 100 columns. To see what a command prints now, run
`python tests/test_docs.py docs/guide.md`.

In a fenced block, `$ exobone ...` lines are run and the lines up to the next `$` are the
output expected; `$ echo $?` is the exit code of the command before it. A ```python block
followed by a plain block is run and its printed output compared with that block. In the
expected text `…` stands for any text within a line, and a line that is only `…` (table
borders aside) for any number of lines: trims are explicit. A block that cannot run here
(a server, files that are not in examples/, another tool) is preceded by
`<!-- docs-test: skip REASON -->`.
"""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from exobone.cli import app

REPO = Path(__file__).resolve().parents[1]
DOCS = sorted((REPO / "docs").glob("*.md"))
EXAMPLE = REPO / "examples" / "exosome_bone_bibliography.txt"
WIDTH = "100"

_FENCE = re.compile(r"^```(\w*)\s*$")
_SKIP = re.compile(r"<!--\s*docs-test:\s*skip\b(.*?)-->")
_BORDERS = "│┃║|┆ \t"


@dataclass
class Block:
    """A fenced block: its language, first line number, lines and whether it is skipped."""

    language: str
    line: int  # of the opening fence
    lines: list[str]
    skip: str | None = None

    @property
    def end(self) -> int:
        """Line of the closing fence."""
        return self.line + len(self.lines) + 1


@dataclass
class Step:
    """A command (or python code) and the output the document shows for it."""

    line: int
    command: str
    expected: list[str] = field(default_factory=list)
    python: bool = False


def blocks(path: Path) -> list[Block]:
    found: list[Block] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    index = 0
    skip: str | None = None
    while index < len(lines):
        marker = _SKIP.search(lines[index])
        if marker:
            skip = marker.group(1).strip() or "no reason given"
        opening = _FENCE.match(lines[index])
        if opening is None:
            if lines[index].strip() and not marker:
                skip = None
            index += 1
            continue
        end = index + 1
        while end < len(lines) and not lines[end].startswith("```"):
            end += 1
        found.append(Block(opening.group(1), index + 1, lines[index + 1 : end], skip))
        skip = None
        index = end + 1
    return found


def steps(path: Path) -> list[Step]:
    """The runnable steps of a document, in order."""
    found: list[Step] = []
    items = blocks(path)
    for number, block in enumerate(items):
        if block.skip:
            continue
        if block.language == "python":
            following = items[number + 1] if number + 1 < len(items) else None
            # its output is the plain block right after it (blank lines between at most)
            if (
                following is not None
                and following.language == ""
                and not following.skip
                and following.line - block.end <= 2
                and not any(line.startswith("$ ") for line in following.lines)
            ):
                code = "\n".join(block.lines)
                found.append(Step(block.line, code, following.lines, python=True))
            continue
        if not any(line.startswith("$ ") for line in block.lines):
            continue
        for offset, text in enumerate(block.lines):
            if text.startswith("$ "):
                found.append(Step(block.line + 1 + offset, text[2:]))
            elif found:
                found[-1].expected.append(text)
    return found


def line_pattern(expected: str) -> re.Pattern[str] | None:
    """None for a line that stands for any number of lines; else the line as a regex."""
    if expected.strip(_BORDERS) in ("…", "..."):
        return None
    pieces = [re.escape(piece) for piece in expected.rstrip().split("…")]
    return re.compile(".*".join(pieces))


def matches(expected: list[str], actual: list[str]) -> bool:
    patterns = [line_pattern(line) for line in _trimmed(expected)]
    got = [line.rstrip() for line in _trimmed(actual)]

    @cache
    def match(i: int, j: int) -> bool:
        if i == len(patterns):
            return j == len(got)
        pattern = patterns[i]
        if pattern is None:
            return any(match(i + 1, k) for k in range(j, len(got) + 1))
        return j < len(got) and bool(pattern.fullmatch(got[j])) and match(i + 1, j + 1)

    return match(0, 0)


def _trimmed(lines: list[str]) -> list[str]:
    """Lines without the blank lines that open and close them."""
    kept = [line.rstrip() for line in lines]
    while kept and not kept[-1]:
        kept.pop()
    while kept and not kept[0]:
        kept.pop(0)
    return kept


def prepare(folder: Path) -> None:
    shutil.copy(EXAMPLE, folder / "refs.txt")
    text = EXAMPLE.read_text(encoding="utf-8")
    damaged = text.replace(
        'of microRNA expression." FEBS Lett', "of microRNA expression. FEBS Lett"
    )
    assert damaged != text
    (folder / "damaged.txt").write_text(damaged, encoding="utf-8")


def run_step(step: Step, last_code: int) -> tuple[list[str], int]:
    """The output lines of a step and its exit code."""
    if step.python:
        printed = io.StringIO()
        try:
            with contextlib.redirect_stdout(printed):
                exec(compile(step.command, f"<docs line {step.line}>", "exec"), {})  # noqa: S102
        except Exception as error:  # shown as the step's output, which then differs
            return [*printed.getvalue().splitlines(), f"{type(error).__name__}: {error}"], 1
        return printed.getvalue().splitlines(), 0
    words = shlex.split(step.command, comments=True)
    if words == ["echo", "$?"]:
        return [str(last_code)], last_code
    assert words[0] == "exobone", (
        f"line {step.line}: {step.command!r} is not an exobone command; mark the block "
        "<!-- docs-test: skip REASON -->"
    )
    result = CliRunner().invoke(app, words[1:], env={"COLUMNS": WIDTH})
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.output.splitlines(), result.exit_code


@pytest.mark.parametrize("doc", DOCS, ids=[path.name for path in DOCS])
def test_commands_in_the_docs_print_what_the_docs_show(
    doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("EXOBONE_DB", raising=False)
    prepare(tmp_path)
    code = 0
    failures = []
    for step in steps(doc):
        output, code = run_step(step, code)
        if not matches(step.expected, output):
            shown = "\n".join(output)
            failures.append(f"{doc.name}:{step.line}: $ {step.command}\n--- printed:\n{shown}")
    assert not failures, "\n\n".join(failures)


def test_the_comparison_allows_only_marked_trims() -> None:
    printed = ["a table", "│ row 1 │", "│ row 2 │", "│ row 3 │", "end 12.5 s"]
    assert matches(["a table", "│ row 1 │", "│ …     │", "end … s"], printed)
    assert matches(["a table", "…", "end 12.5 s"], printed)
    assert not matches(["a table", "│ row 1 │", "end 12.5 s"], printed)  # a silent trim
    assert not matches(["a table", "…", "end 13 s"], printed)
    assert matches(["", "x", ""], ["x", ""])


def test_every_document_with_commands_is_checked() -> None:
    """A block of commands is either run or says why not."""
    for doc in DOCS:
        for block in blocks(doc):
            commands = [line for line in block.lines if line.startswith("$ ")]
            if commands and block.skip is None:
                assert all(line.startswith(("$ exobone ", "$ echo $?")) for line in commands), (
                    f"{doc.name}:{block.line}: mark it <!-- docs-test: skip REASON -->"
                )


if __name__ == "__main__":
    import sys
    import tempfile

    for name in sys.argv[1:]:
        with tempfile.TemporaryDirectory() as folder:
            import os

            os.chdir(folder)
            prepare(Path(folder))
            status = 0
            for step in steps(Path(name).resolve() if Path(name).exists() else REPO / name):
                printed, status = run_step(step, status)
                mark = "same" if matches(step.expected, printed) else "DIFFERS"
                print(f"=== {name}:{step.line} [{mark}] $ {step.command}")
                print("\n".join(printed))
