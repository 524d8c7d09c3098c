"""Rules as data: the rows of a packaged YAML file (`exobone/data/*.yaml`), checked and compiled.

Each row has a `name`, a `pattern` (a Python regex, case-insensitive unless `case: sensitive`),
what it `assigns` and a one-line `example` sentence that its pattern matches. `reads` says where
the sentence logic applies it: `sentence`, `before` (the text before the `|` mark of the
example; the pattern ends there), `after` (from the mark on) or `between` (the gap between the
example's two marks, as between two mentions). `<<name>>` in a pattern stands
for the file's word list `name`, as an alternation, or for its fragment `name` (a piece of
pattern that several rows share, which may itself name word lists), as a group. A malformed
file fails loudly, naming the file and the row.
"""

from __future__ import annotations

import re
from typing import Any, Final

import yaml

from exobone.errors import ExoboneError
from exobone.extract.cues import Cue
from exobone.schema import read_data

__all__ = ["Rule", "RuleError", "RuleSet", "load_rules"]

_PLACEHOLDER: Final = re.compile(r"<<(\w+)>>")
_READS: Final = ("sentence", "before", "after", "between")
_MARK: Final = "|"


class RuleError(ExoboneError):
    """A rule file that cannot be used: names the file and the row."""


class Rule:
    """One row: a named pattern, what it assigns and the sentence that shows it."""

    __slots__ = ("assigns", "case_sensitive", "example", "name", "pattern", "reads")

    def __init__(
        self,
        name: str,
        pattern: str,
        assigns: Any,
        example: str,
        reads: str = "sentence",
        case_sensitive: bool = False,
    ) -> None:
        self.name = name
        self.pattern = pattern
        self.assigns = assigns
        self.example = example
        self.reads = reads
        self.case_sensitive = case_sensitive

    def compile(self) -> re.Pattern[str]:
        return re.compile(self.pattern, 0 if self.case_sensitive else re.IGNORECASE)

    def example_text(self) -> tuple[str, int]:
        """The example without its mark, and where the mark was (its end when unmarked)."""
        at = self.example.find(_MARK) if self.reads != "sentence" else -1
        if at < 0:
            return self.example, len(self.example)
        return self.example[:at] + self.example[at + 1 :], at

    def example_piece(self) -> str:
        """The part of the example the rule reads: what its pattern is searched in (matched, for
        `after`). Raises RuleError when the marks its `reads` needs are missing."""
        marks = self.example.count(_MARK)
        needed = {"sentence": 0, "before": 1, "after": 1, "between": 2}[self.reads]
        if marks != needed:
            raise RuleError(f"rule {self.name!r}: its example needs {needed} '|' mark(s)")
        parts = self.example.split(_MARK)
        if self.reads == "before":
            return parts[0]
        if self.reads == "sentence":
            return self.example
        return parts[1]

    def __repr__(self) -> str:
        return f"Rule({self.name!r}, {self.pattern!r})"


class RuleSet:
    """The tables (lists of rows), single patterns and word lists of one rule file."""

    def __init__(self, source: str, data: Any) -> None:
        self.source = source
        if not isinstance(data, dict):
            raise RuleError(f"{source}: expected a mapping of sections")
        words = data.get("words", {})
        if not isinstance(words, dict) or not all(
            isinstance(items, list) and all(isinstance(i, str) for i in items)
            for items in words.values()
        ):
            raise RuleError(f"{source}: 'words' must map names to lists of words")
        self.words: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in words.items()}
        self.fragments: dict[str, str] = {}
        fragments = data.get("fragments", {})
        if not isinstance(fragments, dict) or not all(
            isinstance(f, str) for f in fragments.values()
        ):
            raise RuleError(f"{source}: 'fragments' must map names to patterns")
        if set(fragments) & set(self.words):
            raise RuleError(f"{source}: a fragment and a word list share a name")
        # expanded, in order: each may name the ones before
        for name, fragment in fragments.items():
            self.fragments[name] = self._expand(fragment, f"{source}, fragment {name!r}")
        self.tables: dict[str, list[Rule]] = {}
        for section, rows in data.items():
            if section in ("words", "fragments"):
                continue
            if not isinstance(rows, list):
                raise RuleError(f"{source}: section {section!r} must be a list of rules")
            self.tables[section] = [self._row(section, i, row) for i, row in enumerate(rows, 1)]
        self._named = {rule.name: rule for rule in self.tables.get("patterns", [])}

    def _row(self, section: str, number: int, row: Any) -> Rule:
        where = f"{self.source}, {section} row {number}"
        if not isinstance(row, dict):
            raise RuleError(f"{where}: expected a mapping")
        missing = [key for key in ("name", "pattern", "assigns", "example") if key not in row]
        if missing:
            raise RuleError(f"{where}: missing {', '.join(missing)}")
        where = f"{self.source}, {section} rule {row['name']!r}"
        unknown = set(row) - {"name", "pattern", "assigns", "example", "reads", "case"}
        if unknown:
            raise RuleError(f"{where}: unknown keys {', '.join(sorted(unknown))}")
        reads = row.get("reads", "sentence")
        if reads not in _READS:
            raise RuleError(f"{where}: reads must be one of {', '.join(_READS)}")
        case = row.get("case", "insensitive")
        if case not in ("sensitive", "insensitive"):
            raise RuleError(f"{where}: case must be sensitive or insensitive")
        rule = Rule(
            str(row["name"]),
            self._expand(str(row["pattern"]), where),
            row["assigns"],
            str(row["example"]),
            reads,
            case == "sensitive",
        )
        try:
            rule.compile()
        except re.error as exc:
            raise RuleError(f"{where}: bad pattern: {exc}") from exc
        return rule

    def _expand(self, pattern: str, where: str) -> str:
        def words(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in self.fragments:
                return "(?:" + self.fragments[name] + ")"
            if name not in self.words:
                raise RuleError(f"{where}: no word list or fragment {name!r}")
            return "(?:" + "|".join(re.escape(word) for word in self.words[name]) + ")"

        return _PLACEHOLDER.sub(words, pattern)

    def table(self, section: str) -> list[Rule]:
        if section not in self.tables:
            raise RuleError(f"{self.source}: no section {section!r}")
        return self.tables[section]

    def rule(self, name: str) -> Rule:
        """The single pattern `name` of the `patterns` section."""
        if name not in self._named:
            raise RuleError(f"{self.source}: no pattern named {name!r}")
        return self._named[name]

    def regex(self, name: str) -> re.Pattern[str]:
        return self.rule(name).compile()

    def cue(self, name: str, shared: bool = True, whole_text: bool = False) -> Cue:
        """The single pattern `name` as a `Cue`: searched in a document's lowered text, its
        pre-check (texts every match holds) read from the pattern (`shared`, `whole_text`:
        see `Cue`). Its row must be case-insensitive and written in lowercase."""
        rule = self.rule(name)
        if rule.case_sensitive:
            raise RuleError(f"{self.source}: pattern {name!r} is case-sensitive: not a cue")
        try:
            return Cue(rule.pattern, shared, whole_text)
        except ValueError as exc:
            raise RuleError(f"{self.source}: pattern {name!r}: {exc}") from exc

    def word_list(self, name: str) -> tuple[str, ...]:
        if name not in self.words:
            raise RuleError(f"{self.source}: no word list {name!r}")
        return self.words[name]


def table_cue(rows: list[Rule], whole_text: bool = False) -> Cue:
    """The rows of a table tried as one cue, `\\b(?:row|row|...)\\b`, in their order: where it
    matches, the first row that matches there is the one `exobone explain` names."""
    return Cue(r"\b(?:" + "|".join(rule.pattern for rule in rows) + r")\b", whole_text=whole_text)


def load_rules(filename: str) -> RuleSet:
    """The rule file `filename` of the package's data folder."""
    try:
        data = read_data(filename)
    except yaml.YAMLError as exc:
        raise RuleError(f"{filename}: not valid YAML: {exc}") from exc
    return RuleSet(filename, data)
