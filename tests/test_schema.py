"""`exobone.schema` is the one field contract: every layer takes its fields, labels and
directions from it, reads `vocab.yaml` through it and raises its one UnknownFieldError."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from exobone import schema
from exobone.analysis.evidence_map import evidence_map
from exobone.analysis.frame import values_frame
from exobone.cli import app
from exobone.errors import StoreError, UnknownFieldError
from exobone.extract.direction import DOWN, SAME, UP
from exobone.model import Record, Study, empty_annotations
from exobone.store import Store
from exobone.web.labels import check_value

SRC = Path(schema.__file__).resolve().parent


@pytest.fixture
def store(tmp_path: Path) -> Store:
    path = tmp_path / "refs.ris"
    path.write_text("TY  - JOUR\nTI  - One\nER  - \n", encoding="utf-8")
    store = Store.open(f"sqlite:///{tmp_path / 'kb.db'}")
    record = Record(title="One", source=str(path), position=1)
    store.add_file(path, [Study(id="S01", record=record, annotations=empty_annotations())])
    return store


CALLS: dict[str, Callable[[Store], Any]] = {
    "store facets": lambda store: store.facets("colour"),
    "store count": lambda store: store.count(where={"colour": "red"}),
    "store search filter": lambda store: store.search(where={"colour": "red"}),
    "store search facet": lambda store: store.search(facet_fields=["colour"]),
    "store curate": lambda store: store.curate(1, "colour", "red", by="me"),
    "frame": lambda store: values_frame(store.studies(), fields=["colour"]),
    "evidence map": lambda store: evidence_map(store.studies(), "colour", "conditions"),
    "web curation": lambda store: check_value("colour", "red"),
}


@pytest.mark.parametrize("call", CALLS.values(), ids=CALLS.keys())
def test_every_layer_raises_the_one_unknown_field_error(store: Store, call: Callable) -> None:
    with pytest.raises(UnknownFieldError) as caught:
        call(store)
    assert caught.value.name == "colour"
    assert "unknown field 'colour'" in str(caught.value) and "ev_sources" in str(caught.value)
    assert not isinstance(caught.value, StoreError)


def test_a_set_field_is_required_where_only_sets_can_change(store: Store) -> None:
    with pytest.raises(UnknownFieldError, match="'study_type'") as caught:
        store.curate(1, "study_type", "review", by="me")
    assert caught.value.valid == list(schema.SET_FIELDS)


def test_every_part_section_is_a_vocabulary_section_with_labels() -> None:
    vocab = schema.vocabulary()
    for field in schema.FIELDS:
        for part in field.parts:
            if part.section:
                assert vocab.get(part.section), (field.name, part.section)
                assert part.allowed() == {str(label) for label in vocab[part.section]}
            assert part.closed == bool(part.allowed()), (field.name, part.name)


def test_directions_are_the_extractors_signs() -> None:
    assert set(schema.BY_NAME["outcomes"].direction_words()) == {UP, DOWN, SAME}
    assert set(schema.BY_NAME["molecular_effects"].direction_words()) == {UP, DOWN}
    for field in schema.FIELDS:
        if field.directions:
            words = [word for word, _ in field.directions]
            assert field.parts[-1].allowed() == set(words), field.name
            assert all(schema.DIRECTION_SIGNS[w] == s for w, s in field.directions)


def test_only_study_type_is_single_and_every_field_has_an_empty_value() -> None:
    assert [f.name for f in schema.FIELDS if f.single] == ["study_type"]
    empty = empty_annotations()
    assert list(empty) == list(schema.ANNOTATION_FIELDS)
    assert empty["study_type"] == "primary" and all(empty[n] == [] for n in schema.SET_FIELDS)


def _python_files() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


def test_vocab_yaml_is_read_only_by_the_schema() -> None:
    """No module names the file but the schema's `vocabulary()` (docstrings aside)."""
    readers = [
        path.relative_to(SRC).as_posix()
        for path in _python_files()
        if any(
            isinstance(node, ast.Constant) and isinstance(node.value, str)
            and node.value.endswith("vocab.yaml") and " " not in node.value  # a path, not prose
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        )
    ]  # fmt: skip
    assert readers == ["schema.py"]


def _imports(path: Path, package: str) -> set[str]:
    """Every exobone module `path` imports, at the top or inside a function."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(package):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith(package)}
    return found


def test_the_store_package_has_no_import_cycle() -> None:
    """Lazy imports count too: they only hide a cycle until the first call."""
    modules = {
        f"exobone.store.{path.stem}": _imports(path, "exobone.store.")
        for path in (SRC / "store").glob("*.py")
        if path.stem != "__init__"
    }
    state: dict[str, str] = {}

    def visit(name: str, trail: list[str]) -> None:
        if state.get(name) == "done" or name not in modules:
            return
        assert state.get(name) != "open", " -> ".join([*trail, name])
        state[name] = "open"
        for target in sorted(modules[name]):
            visit(target, [*trail, name])
        state[name] = "done"

    for name in sorted(modules):
        visit(name, [])


ROOT = SRC.parents[1]
OPEN_PART = {"name": "free text", "dose": "number and unit", "days": "whole number"}


def _table_row(field: schema.Field) -> str:
    """The row of `field` in the field table of docs/schema.md, from the module alone."""

    def labels(part: schema.Part) -> str:
        if part.labels:
            return " / ".join(f"`{label}`" for label in part.labels)
        return f"vocab `{part.section}`" if part.section else OPEN_PART[field.kind]

    form = "`" + field.form.replace("|", "\\|") + "`"
    sources = " \\| ".join(labels(part) for part in field.parts)
    values = "one" if field.single else "set"
    return f"| `{field.name}` | {values} | {form} | {sources} | {field.counts} |"


def test_the_schema_document_is_the_module() -> None:
    text = (ROOT / "docs" / "schema.md").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert rows == [_table_row(field) for field in schema.FIELDS]
    for field in schema.FIELDS:  # each field is also explained in its own section
        assert f"### `{field.name}`" in text or f"and `{field.name}`" in text, field.name


def test_nothing_cites_a_schema_document_outside_the_repository() -> None:
    missing = "SCHEMA" + ".md"  # the reference copy beside the repository, not shipped
    citing = [
        path.relative_to(ROOT).as_posix()
        for folder in ("src", "docs", "tests", "benchmarks", "scripts")
        for path in sorted((ROOT / folder).rglob("*"))
        if path.is_file() and path.suffix in {".py", ".md", ".html", ".yaml", ".txt"}
        and missing in path.read_text(encoding="utf-8", errors="replace")
    ]  # fmt: skip
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert citing == [] and missing not in readme


@pytest.mark.parametrize("command", [["extract"], ["eval"], ["records", "facets"]])
def test_cli_help_points_to_the_schema_document(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "docs/schema.md" in result.stdout
