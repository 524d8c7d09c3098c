"""Evidence map: how many studies cover each combination of two fields, and which don't.

The classic EV-therapy map is vesicle source (rows) against condition (columns); any two
schema fields work. Each cell carries the number of studies, the directions of the outcomes
those studies report, what those directions mean for the patient (better / worse, from the
phenotype's polarity, `exobone.analysis.polarity`) and the study ids, so a number can always be
traced to its studies. Reviews restate others' results and are left out unless asked for.
Computed with pandas joins and group-bys (no per-cell Python loop) so it scales to a million
studies.
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from exobone.analysis.frame import UnknownLabelError, check_field, pairs_frame, reduce_value
from exobone.analysis.page import PAGE_END, page_head
from exobone.analysis.polarity import (
    CONTEXT_DEPENDENT,
    benefit,
    harmful_phenotypes,
    outcome_labels,
    outcome_synonyms,
)
from exobone.model import Study
from exobone.schema import BY_NAME
from exobone.suggest import did_you_mean

DIRECTIONS: tuple[str, ...] = tuple(word for word, _ in BY_NAME["outcomes"].directions)
BENEFITS: tuple[str, ...] = ("better", "worse", "unrated")

# Compound fields shown by default with fewer parts: sources and recipients as cell|origin
# (species dropped), outcomes as the phenotype alone (its directions are counted per cell).
DEFAULT_PARTS: dict[str, int] = {"ev_sources": 2, "recipient_cells": 2, "outcomes": 1}

CELL_COLUMNS: tuple[str, ...] = ("row", "col", "n_studies", *DIRECTIONS, *BENEFITS, "study_ids")


@dataclass(frozen=True, slots=True)
class EvidenceMap:
    """The result of `evidence_map`.

    `cells`: one row per observed (row, col) combination with `n_studies`, the outcome
    results by direction (increase, decrease, no_change) and by benefit (better, worse;
    unrated when the phenotype's benefit depends on context), and `study_ids` (a sorted
    tuple). A result is one distinct outcome value of one study. `gaps`: observed row and col
    values that no study combines. `counts`: the matrix of `n_studies` (0 for gaps).
    `reviews_left_out`: ids of the reviews not counted.
    """

    rows_field: str
    cols_field: str
    cells: pd.DataFrame
    gaps: pd.DataFrame
    counts: pd.DataFrame
    outcome: str | None = None
    reviews_left_out: tuple[str, ...] = ()

    def to_html(self) -> str:
        """The count table alone, to embed in a page (`save` writes a whole page)."""
        return map_html(self)

    def figure_bytes(self, fmt: str = "png", limit: int = 40) -> bytes:
        return map_image(self, fmt=fmt, limit=limit)

    def save(self, path: str | Path, limit: int = 40) -> Path:
        """Write the map; the format follows the suffix (.png, .svg, .html, .csv)."""
        target = Path(path)
        suffix = target.suffix.lower().lstrip(".")
        if suffix in {"png", "svg"}:
            target.write_bytes(self.figure_bytes(suffix, limit=limit))
        elif suffix in {"html", "htm"}:
            target.write_text(map_page(self), encoding="utf-8")
        elif suffix == "csv":
            flat = self.cells.assign(study_ids=self.cells["study_ids"].map("; ".join))
            flat.to_csv(target, index=False)
        else:
            raise ValueError(f"{target}: unknown map format {suffix!r}; use png, svg, html or csv")
        return target


def evidence_map(
    studies: Iterable[Study],
    rows: str = "ev_sources",
    cols: str = "conditions",
    outcome: str | None = None,
    row_parts: int | None = None,
    col_parts: int | None = None,
    include_reviews: bool = False,
) -> EvidenceMap:
    """Map studies by two fields. See `evidence_map_from_pairs` for the arguments."""
    pairs = pairs_frame(studies, map_fields(rows, cols))
    return evidence_map_from_pairs(
        pairs, rows, cols, outcome, row_parts, col_parts, include_reviews=include_reviews
    )


def map_fields(rows: str, cols: str) -> list[str]:
    """The fields a map of `rows` x `cols` reads (outcomes for the counts, study_type to
    recognise reviews); raises `UnknownFieldError` for a field not in the schema."""
    return sorted({check_field(rows), check_field(cols), "outcomes", "study_type"})


def evidence_map_from_pairs(
    pairs: pd.DataFrame,
    rows: str = "ev_sources",
    cols: str = "conditions",
    outcome: str | None = None,
    row_parts: int | None = None,
    col_parts: int | None = None,
    include_reviews: bool = False,
) -> EvidenceMap:
    """Map from a (study_id, field, value) frame, e.g. `pairs_frame` or a store query.

    `outcome` restricts the direction counts to one phenotype (e.g. "bone_regeneration");
    otherwise every outcome value of a study counts once. `row_parts`/`col_parts` keep that
    many parts of compound values (default: `DEFAULT_PARTS`). Studies with a
    `study_type` row of `review` are left out unless `include_reviews`.
    """
    check_field(rows)
    check_field(cols)
    if outcome is not None:
        check_outcome(outcome, pairs)
    reviews: tuple[str, ...] = ()
    if not include_reviews:
        is_review = (pairs["field"] == "study_type") & (pairs["value"] == "review")
        reviews = tuple(sorted(set(pairs.loc[is_review, "study_id"])))
        if reviews:
            pairs = pairs[~pairs["study_id"].isin(reviews)]
    # Integer codes throughout; study codes follow sorted ids, so cells list ids in order.
    study_codes, study_names = _encode(pairs["study_id"], sort=True)
    field_codes, field_names = _encode(pairs["field"], sort=False)
    value_codes, value_names = _encode(pairs["value"], sort=False)
    fields = {str(name): code for code, name in enumerate(field_names)}

    def of_field(name: str) -> np.ndarray:
        return field_codes == fields.get(name, -1)

    row_parts = DEFAULT_PARTS.get(rows) if row_parts is None else row_parts
    col_parts = DEFAULT_PARTS.get(cols) if col_parts is None else col_parts
    row_frame, row_names = _axis(study_codes, value_codes, value_names, of_field(rows), row_parts)
    col_frame, col_names = _axis(study_codes, value_codes, value_names, of_field(cols), col_parts)
    per_study = _directions(
        study_codes, value_codes, value_names, of_field("outcomes"), outcome, len(study_names)
    )

    joined = row_frame.merge(col_frame, on="study", suffixes=("_row", "_col"))
    n_cols = max(len(col_names), 1)
    key = joined["value_row"].to_numpy(np.int64) * n_cols + joined["value_col"].to_numpy(np.int64)
    study = joined["study"].to_numpy(np.int64)
    order = np.lexsort((study, key))
    key, study = key[order], study[order]
    first = np.flatnonzero(_starts(key))
    cell_keys = key[first]
    n_studies = np.diff(np.append(first, len(key))).astype(np.int64)
    cells = pd.DataFrame(
        {
            "row": row_names[cell_keys // n_cols] if len(cell_keys) else [],
            "col": col_names[cell_keys % n_cols] if len(cell_keys) else [],
        },
        dtype="object",
    )
    cells["n_studies"] = n_studies.astype(np.int64)
    for name in (*DIRECTIONS, *BENEFITS):
        summed: Any = np.add.reduceat(per_study[name][study], first) if len(first) else []
        cells[name] = np.asarray(summed, dtype=np.int64)
    chunks = np.split(study_names[study], first[1:]) if len(first) else []
    cells["study_ids"] = [tuple(chunk.tolist()) for chunk in chunks]
    cells = cells.sort_values(["n_studies", "row", "col"], ascending=[False, True, True])
    cells = cells.reset_index(drop=True)[list(CELL_COLUMNS)]

    row_n = np.bincount(row_frame["value"].to_numpy(np.int64), minlength=len(row_names))
    col_n = np.bincount(col_frame["value"].to_numpy(np.int64), minlength=len(col_names))
    matrix = np.zeros((len(row_names), len(col_names)), dtype=np.int64)
    if len(cell_keys):
        matrix[cell_keys // n_cols, cell_keys % n_cols] = n_studies
    counts = pd.DataFrame(
        matrix,
        index=pd.Index(row_names, name=rows, dtype="object"),
        columns=pd.Index(col_names, name=cols, dtype="object"),
    )
    gaps = _gaps(matrix, row_names, col_names, row_n, col_n)
    return EvidenceMap(rows, cols, cells, gaps, counts, outcome, reviews)


def check_outcome(outcome: str, pairs: pd.DataFrame) -> None:
    """Raise `UnknownLabelError` unless `outcome` is a lexicon phenotype or one in `pairs`
    (a mistyped phenotype would otherwise give a map of zeros)."""
    if outcome in outcome_labels():
        return
    stored = pairs.loc[pairs["field"] == "outcomes", "value"].drop_duplicates()
    known = outcome_labels() | {str(value).rpartition("|")[0] for value in stored}
    if outcome in known:
        return
    hint = did_you_mean(outcome, known, outcome_synonyms())
    raise UnknownLabelError(
        f"unknown outcome {outcome!r}{hint} (phenotypes: {', '.join(sorted(known))})"
    )


def _encode(column: pd.Series, sort: bool) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes and distinct strings of a column, hashed by Arrow (fast on millions of
    rows; a categorical column's own codes are taken as they are); with `sort`, code order is
    string order."""
    if isinstance(column.dtype, pd.CategoricalDtype) and not column.isna().any():
        codes = column.cat.codes.to_numpy(np.int64)
        categories = np.asarray(column.cat.categories, dtype=object)
        if not sort:
            return codes, categories
        order = np.argsort(categories.astype(str), kind="stable")
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order), dtype=np.int64)
        return rank[codes], categories[order]
    array = pa.array(column, type=pa.string(), from_pandas=True)
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    encoded = pc.dictionary_encode(pc.fill_null(array, ""))
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    names = encoded.dictionary
    if sort and len(names):
        order = pc.array_sort_indices(names).to_numpy()
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order), dtype=np.int64)
        codes = rank[codes]
        names = names.take(pa.array(order))
    return codes, np.asarray(names.to_numpy(zero_copy_only=False), dtype=object)


def _distinct(first: np.ndarray, second: np.ndarray, span: int) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (first, second) integer pairs, sorted."""
    if not len(first):
        return first, second
    keys = np.sort(first * max(span, 1) + second)
    keys = keys[_starts(keys)]
    return keys // max(span, 1), keys % max(span, 1)


def _starts(ordered: np.ndarray) -> np.ndarray:
    """True where a sorted array starts a new run (numpy's hash-based unique is slower)."""
    flags = np.ones(len(ordered), dtype=bool)
    if len(ordered) > 1:
        flags[1:] = ordered[1:] != ordered[:-1]
    return flags


def _axis(
    study: np.ndarray, value: np.ndarray, names: np.ndarray, mask: np.ndarray, parts: int | None
) -> tuple[pd.DataFrame, np.ndarray]:
    """Distinct (study, value code) of one field and the sorted value names; compound values
    are reduced to `parts` parts first (on the distinct values only)."""
    used = np.flatnonzero(np.bincount(value[mask], minlength=len(names)))
    reduced = np.asarray([reduce_value(str(v), parts) for v in names[used]], dtype=object)
    final_codes, final_names = pd.factorize(reduced, sort=True)
    remap = np.full(len(names), -1, dtype=np.int64)
    remap[used] = final_codes
    studies, values = _distinct(study[mask], remap[value[mask]], len(final_names))
    frame = pd.DataFrame({"study": studies, "value": values})
    return frame, np.asarray(final_names, dtype=object)


def _directions(
    study: np.ndarray,
    value: np.ndarray,
    names: np.ndarray,
    mask: np.ndarray,
    outcome: str | None,
    n_studies: int,
) -> dict[str, np.ndarray]:
    """Per study code: how many distinct outcome values say increase / decrease / no_change,
    and how many are better / worse / unrated for the patient."""
    studies, values = _distinct(study[mask], value[mask], len(names))
    kinds = [
        {d, benefit(p, d)} if outcome is None or p == outcome else set()
        for p, _, d in (str(v).rpartition("|") for v in names)
    ]
    counts = {}
    for name in (*DIRECTIONS, *BENEFITS):
        wanted = np.array([name in kind for kind in kinds], dtype=bool)
        hits = wanted[values] if len(values) else np.zeros(0, dtype=bool)
        counts[name] = np.bincount(studies[hits], minlength=n_studies).astype(np.int64)
    return counts


def reviews_left_out(ids: Sequence[str]) -> str:
    """ "2 reviews left out: S11, S14" (the reviews a map did not count)."""
    noun = "review" if len(ids) == 1 else "reviews"
    return f"{len(ids)} {noun} left out: {', '.join(ids)}"


def legend() -> str:
    """What better, worse, same and unrated count, naming the phenotypes behind them."""
    return (
        "better / worse: results (one per study and phenotype) that help / harm: more of a "
        "beneficial phenotype or less of a harmful one ("
        + ", ".join(harmful_phenotypes())
        + "), or the reverse; same: no change; unrated: a change whose benefit depends on the "
        "cells ("
        + ", ".join(sorted(CONTEXT_DEPENDENT))
        + ") or of a phenotype outside the lexicon."
    )


def _gaps(
    matrix: np.ndarray,
    row_names: np.ndarray,
    col_names: np.ndarray,
    row_n: np.ndarray,
    col_n: np.ndarray,
) -> pd.DataFrame:
    """Observed row x col combinations with no study, with how many studies each side has."""
    rows, cols = np.nonzero(matrix == 0)
    gaps = pd.DataFrame(
        {
            "row": row_names[rows] if len(rows) else [],
            "col": col_names[cols] if len(cols) else [],
            "row_studies": row_n[rows].astype(np.int64),
            "col_studies": col_n[cols].astype(np.int64),
        }
    )
    order = ["row_studies", "col_studies", "row", "col"]
    return gaps.sort_values(order, ascending=[False, False, True, True]).reset_index(drop=True)


def _top(emap: EvidenceMap, limit: int) -> pd.DataFrame:
    """The `limit` best-covered rows and columns of the count matrix."""
    counts = emap.counts
    rows = counts.sum(axis=1).sort_values(ascending=False, kind="stable").index[:limit]
    cols = counts.sum(axis=0).sort_values(ascending=False, kind="stable").index[:limit]
    return counts.loc[sorted(rows), sorted(cols)]


def map_image(emap: EvidenceMap, fmt: str = "png", limit: int = 40) -> bytes:
    """A heatmap of study counts (gaps left white), at most `limit` rows and columns."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    # a fixed salt makes SVG element ids, and so the file, the same on every run
    with matplotlib.rc_context({"svg.hashsalt": "exobone"}):
        return _draw(plt, emap, fmt, limit)


def _draw(plt: Any, emap: EvidenceMap, fmt: str, limit: int) -> bytes:
    from matplotlib.ticker import MaxNLocator

    counts = _top(emap, limit)
    n_rows, n_cols = max(len(counts.index), 1), max(len(counts.columns), 1)
    fig, ax = plt.subplots(figsize=(2.5 + 0.45 * n_cols, 1.8 + 0.32 * n_rows), dpi=100)
    try:
        data = counts.to_numpy(dtype=float) if counts.size else [[0.0]]
        masked = [[value if value > 0 else float("nan") for value in row] for row in data]
        image = ax.imshow(masked, cmap="Blues", aspect="auto", vmin=0)
        ax.set_xticks(
            range(len(counts.columns)),
            labels=[str(c) for c in counts.columns],
            rotation=60,
            ha="right",
            fontsize=8,
        )
        ax.set_yticks(range(len(counts.index)), labels=[str(r) for r in counts.index], fontsize=8)
        peak = max((max(row) for row in data), default=0.0) or 1.0
        for i, row in enumerate(data):
            for j, value in enumerate(row):
                if value > 0:
                    colour = "white" if value > peak * 0.6 else "black"
                    ax.text(
                        j, i, str(int(value)), ha="center", va="center", fontsize=7, color=colour
                    )
        ax.set_xlabel(emap.cols_field)
        ax.set_ylabel(emap.rows_field)
        shown = "" if counts.shape == emap.counts.shape else f" (top {limit})"
        ax.set_title(f"Studies per {emap.rows_field} x {emap.cols_field}{shown}", fontsize=10)
        bar = fig.colorbar(image, ax=ax, shrink=0.6, label="studies")
        bar.locator = MaxNLocator(integer=True)
        bar.update_ticks()
        fig.tight_layout()
        buffer = io.BytesIO()
        fig.savefig(buffer, format=fmt, metadata=_metadata(fmt))
        return buffer.getvalue()
    finally:
        plt.close(fig)


def _metadata(fmt: str) -> dict[str, str | None]:
    """No creator/date stamps: the same map gives the same bytes."""
    if fmt == "svg":
        return {"Creator": None, "Date": None, "Format": None, "Type": None}
    return {"Software": None}


def _benefit_html(cell: Any) -> str:
    """The non-zero result counts of a cell, benefit first, then the raw directions."""
    shown = [
        f"{getattr(cell, name)} {label}"
        for name, label in (
            ("better", "better"),
            ("worse", "worse"),
            ("no_change", "same"),
            ("unrated", "unrated"),
        )
        if getattr(cell, name)
    ]
    arrows = f"&#8593;{cell.increase} &#8595;{cell.decrease}"
    return "".join(f"<br><small>{text}</small>" for text in [*shown, arrows])


def map_page(emap: EvidenceMap) -> str:
    """A whole self-contained page: title, legend, the count table, the gaps."""
    esc = html.escape
    title = f"Evidence map: {emap.rows_field} x {emap.cols_field}"
    if emap.outcome:
        title += f", results for {emap.outcome}"
    left_out = f" {esc(reviews_left_out(emap.reviews_left_out))}." if emap.reviews_left_out else ""
    gaps = "".join(
        f"<li>{esc(str(g.row))} x {esc(str(g.col))} "
        f"({g.row_studies} / {g.col_studies} studies)</li>"
        for g in emap.gaps.itertuples(index=False)
    )
    return "\n".join(
        [
            page_head(title),
            f"<h1>{esc(title)}</h1>",
            f'<p class="note">Studies per {esc(emap.rows_field)} (rows) and '
            f"{esc(emap.cols_field)} (columns), with the results they report (&#8593; "
            f"increase, &#8595; decrease). {esc(legend())}{left_out} Hover a cell for its "
            "study ids.</p>",
            f'<div class="wide">{map_html(emap)}</div>',
            f"<h2>Gaps ({len(emap.gaps)} combinations with no study)</h2>",
            f"<ul>{gaps}</ul>" if gaps else "<p>None.</p>",
            PAGE_END,
        ]
    )


def map_html(emap: EvidenceMap, count_html: Callable[[Sequence[str]], str] | None = None) -> str:
    """The count matrix as an escaped HTML table; hover shows the study ids, and
    `count_html(study_ids)`, when given, writes each count (e.g. as links to the studies)."""
    esc = html.escape
    by_cell = {(r.row, r.col): r for r in emap.cells.itertuples(index=False)}
    head = "".join(f"<th>{esc(str(c))}</th>" for c in emap.counts.columns)
    lines = [
        '<table class="evidence-map">',
        f"<thead><tr><th>{esc(emap.rows_field)} \\ {esc(emap.cols_field)}</th>{head}</tr></thead>",
        "<tbody>",
    ]
    for row in emap.counts.index:
        tds = []
        for col in emap.counts.columns:
            cell = by_cell.get((row, col))
            if cell is None:
                tds.append('<td class="gap"></td>')
                continue
            title = esc("; ".join(cell.study_ids), quote=True)
            count = count_html(cell.study_ids) if count_html else str(cell.n_studies)
            tds.append(f'<td title="{title}"><b>{count}</b>{_benefit_html(cell)}</td>')
        lines.append(f"<tr><th>{esc(str(row))}</th>{''.join(tds)}</tr>")
    lines += ["</tbody>", "</table>"]
    return "\n".join(lines)
