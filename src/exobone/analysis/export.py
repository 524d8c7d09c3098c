"""Exports of studies: CSV, XLSX, JSON Lines, RIS and BibTeX.

Tables have one row per study and one column per field, with the evidence sentences in a
companion `<field>_evidence` column. RIS and BibTeX carry the bibliographic records so the
corpus can go back into a reference manager.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from exobone.analysis.frame import studies_frame
from exobone.analysis.sheet import sheet_frame
from exobone.model import Study

FORMATS: dict[str, str] = {
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".jsonl": "jsonl",
    ".ris": "ris",
    ".bib": "bibtex",
    ".bibtex": "bibtex",
}

# Characters XML 1.0 (and so XLSX) cannot hold; openpyxl refuses them.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
XLSX_CELL_LIMIT = 32767


# A spreadsheet opening a CSV runs a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def write_csv(studies: Iterable[Study], path: str | Path, *, guard_formulas: bool = True) -> Path:
    """UTF-8 CSV, one row per study, evidence in `<field>_evidence` columns.

    A bibliography is untrusted input: a title such as `=HYPERLINK(...)` would run when the
    CSV is opened in a spreadsheet. So a text cell starting with `= + - @`, a tab or a carriage
    return is written with a leading apostrophe, which spreadsheets show as text;
    `guard_formulas=False` writes every text exactly as stored (for R or pandas).
    """
    return _guarded_csv(studies_frame(studies, evidence=True), path, guard_formulas)


def write_sheet(studies: Iterable[Study], path: str | Path, *, guard_formulas: bool = True) -> Path:
    """The extraction sheet (`exobone.analysis.sheet`) as CSV: one row per study, the
    fields of a data-extraction form; formulas guarded as in `write_csv`."""
    return _guarded_csv(sheet_frame(studies), path, guard_formulas)


def _guarded_csv(frame: pd.DataFrame, path: str | Path, guard_formulas: bool) -> Path:
    target = Path(path)
    if guard_formulas:
        for column in frame.columns:
            if pd.api.types.is_object_dtype(frame[column]) or pd.api.types.is_string_dtype(
                frame[column]
            ):
                frame[column] = frame[column].map(_formula_guarded)
    frame.to_csv(target, index=False)
    return target


def _formula_guarded(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_xlsx(studies: Iterable[Study], path: str | Path) -> Path:
    """An XLSX workbook with one sheet "studies" (same columns as the CSV).

    Every text is stored as a string cell, so a title starting with "=" is never turned into
    a formula; texts longer than Excel's cell limit are cut with a visible marker.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    target = Path(path)
    frame = studies_frame(studies, evidence=True)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("studies")
    sheet.append(list(frame.columns))
    for values in frame.itertuples(index=False):
        row = []
        for value in values:
            cell = WriteOnlyCell(sheet, value=_xlsx_value(value))
            if isinstance(cell.value, str):
                cell.data_type = "s"
            row.append(cell)
        sheet.append(row)
    book.save(target)
    return target


def _xlsx_value(value: Any) -> Any:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, str):
        text = _XML_ILLEGAL.sub(" ", value)
        if len(text) > XLSX_CELL_LIMIT:
            text = text[: XLSX_CELL_LIMIT - 15] + " [...truncated]"
        return text
    # numpy scalars (Int64 years) -> plain Python numbers openpyxl understands
    return value.item() if hasattr(value, "item") else value


def write_jsonl(studies: Iterable[Study], path: str | Path) -> Path:
    """One `Study.to_json()` object per line (the extract output of docs/schema.md)."""
    return _write_entries((json.dumps(s.to_json(), ensure_ascii=False) for s in studies), path)


def _write_entries(entries: Iterable[str], path: str | Path) -> Path:
    """A UTF-8 text file of `entries`, each followed by a line break, written as they come."""
    target = Path(path)
    with target.open("w", encoding="utf-8") as handle:
        for entry in entries:
            handle.write(entry + "\n")
    return target


def _one_line(text: str) -> str:
    return " ".join(text.split())


def ris_entries(studies: Iterable[Study]) -> Iterator[str]:
    """RIS text of each record (TY JOUR ... ER)."""
    for study in studies:
        record = study.record
        tags: list[tuple[str, str]] = [("TY", "JOUR"), ("ID", study.id)]
        tags += [("AU", author) for author in record.authors]
        if record.year is not None:
            tags.append(("PY", str(record.year)))
        optional = [
            ("TI", record.printed_title),
            ("T2", record.journal),
            ("VL", record.volume),
            ("IS", record.issue),
        ]
        tags += [(tag, value) for tag, value in optional if value]
        if record.pages:
            first, _, last = record.pages.partition("-")
            tags.append(("SP", first.strip()))
            if last.strip():
                tags.append(("EP", last.strip()))
        if record.doi:
            tags.append(("DO", record.doi))
        if record.pmid:
            tags.append(("AN", record.pmid))
        if record.abstract:
            tags.append(("AB", record.abstract))
        tags += [("KW", keyword) for keyword in record.keywords]
        lines = [f"{tag}  - {_one_line(value)}" for tag, value in tags]
        lines.append("ER  - ")
        yield "\n".join(lines) + "\n"


def write_ris(studies: Iterable[Study], path: str | Path) -> Path:
    return _write_entries(ris_entries(studies), path)


_LATEX_SPECIALS = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_LATEX_RE = re.compile("|".join(re.escape(c) for c in _LATEX_SPECIALS))


def bibtex_escape(text: str) -> str:
    """Escape LaTeX specials so any title or abstract is a valid, balanced BibTeX value.

    Braces become `\\{`/`\\}` pairs only when balanced; an unbalanced brace would break
    BibTeX's brace counting, so then every brace is spelled `\\textbraceleft{}` /
    `\\textbraceright{}`.
    """
    text = _one_line(text)
    if not _balanced(text):
        text = text.replace("{", "\x00L").replace("}", "\x00R")
    escaped = _LATEX_RE.sub(lambda m: _LATEX_SPECIALS[m.group(0)], text)
    return escaped.replace("\x00L", r"\textbraceleft{}").replace("\x00R", r"\textbraceright{}")


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]", "", folded)


def bibtex_keys(studies: list[Study]) -> list[str]:
    """Stable keys: first author's surname + year ("Wang2015"); repeats get a, b, c ...
    in input order ("Wang2015a", "Wang2015b")."""
    bases = []
    for study in studies:
        surname = _ascii(study.record.first_author or "") or "Anon"
        year = str(study.record.year) if study.record.year is not None else "nd"
        bases.append(f"{surname}{year}")
    totals = Counter(bases)
    seen: Counter[str] = Counter()
    keys = []
    for base in bases:
        if totals[base] == 1:
            keys.append(base)
            continue
        keys.append(base + _suffix(seen[base]))
        seen[base] += 1
    return keys


def _suffix(n: int) -> str:
    """0 -> a, 25 -> z, 26 -> aa ..."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def bibtex_entries(studies: Iterable[Study]) -> Iterator[str]:
    items = list(studies)
    for study, key in zip(items, bibtex_keys(items), strict=True):
        record = study.record
        fields: list[tuple[str, str]] = []
        if record.authors:
            fields.append(("author", " and ".join(bibtex_escape(a) for a in record.authors)))
        text_fields = [("title", record.printed_title), ("journal", record.journal)]
        fields += [(name, bibtex_escape(value)) for name, value in text_fields if value]
        if record.year is not None:
            fields.append(("year", str(record.year)))
        plain = [("volume", record.volume), ("number", record.issue)]
        fields += [(name, bibtex_escape(value)) for name, value in plain if value]
        if record.pages:
            fields.append(("pages", bibtex_escape(record.pages.replace("-", "--"))))
        if record.doi:
            fields.append(("doi", record.doi.replace("{", "").replace("}", "")))
        if record.pmid:
            fields.append(("pmid", bibtex_escape(record.pmid)))
        if record.abstract:
            fields.append(("abstract", bibtex_escape(record.abstract)))
        fields.append(("note", f"exobone study {bibtex_escape(study.id)}"))
        body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
        yield f"@article{{{key},\n{body}\n}}\n"


def write_bibtex(studies: Iterable[Study], path: str | Path) -> Path:
    return _write_entries(bibtex_entries(studies), path)


WRITERS = {
    "csv": write_csv,
    "xlsx": write_xlsx,
    "jsonl": write_jsonl,
    "ris": write_ris,
    "bibtex": write_bibtex,
    "sheet": write_sheet,
}


def export(
    studies: Iterable[Study],
    path: str | Path,
    fmt: str | None = None,
    *,
    guard_formulas: bool = True,
) -> Path:
    """Write `studies` to `path`; the format is `fmt` or follows the suffix.

    `guard_formulas` applies to CSV and the sheet (see `write_csv`); XLSX cells are always
    typed as text. `sheet` (never chosen by suffix) is the extraction sheet as CSV.
    """
    target = Path(path)
    name = fmt or FORMATS.get(target.suffix.lower())
    if name not in WRITERS:
        known = ", ".join(sorted(FORMATS))
        raise ValueError(
            f"{target}: unknown export format {fmt or target.suffix!r}; use one of {known} "
            f"or --format {', '.join(WRITERS)}"
        )
    if name == "csv":
        return write_csv(studies, target, guard_formulas=guard_formulas)
    if name == "sheet":
        return write_sheet(studies, target, guard_formulas=guard_formulas)
    return WRITERS[name](studies, target)
