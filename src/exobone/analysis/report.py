"""One self-contained HTML report of a corpus: summary, evidence map, mechanisms, reporting
scores and the extraction sheet.

Self-contained means it opens offline and leaks nothing: inline CSS, the map as a base64
PNG, no script, no external link. Every text that comes from data goes through
`html.escape`. Every count of studies opens (an HTML `<details>`, no script) to the ids it
counts, and every id links to that study's row of the extraction sheet in the same page.
"""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from exobone.analysis.evidence_map import DEFAULT_PARTS, evidence_map, legend, map_html
from exobone.analysis.frame import StudyText, field_values, pairs_frame, reduce_value
from exobone.analysis.graph import build_graph, contradictions, edges_frame, top_paths
from exobone.analysis.page import PAGE_END, page_head
from exobone.analysis.quality import criteria_summary, quality_frame
from exobone.analysis.sheet import SHEET_COLUMNS, SHEET_FIELDS, sheet_row
from exobone.model import Study

esc = html.escape


def study_anchor(study_id: str) -> str:
    """The page anchor of a study's sheet row: `study-` and the id, other characters than
    letters, digits, `.`, `-` and `_` written as `~hex`."""
    return "study-" + re.sub(r"[^A-Za-z0-9._-]", lambda m: f"~{ord(m.group()):x}", study_id)


def study_link(study_id: str) -> str:
    return f'<a href="#{study_anchor(study_id)}">{esc(study_id)}</a>'


def study_links(ids: Iterable[str]) -> str:
    return ", ".join(study_link(i) for i in ids)


def linked_count(ids: Iterable[str], shown: object = None) -> str:
    """A count of studies that opens to their linked ids; `shown` replaces the number."""
    found = sorted(set(ids))
    label = esc(str(len(found) if shown is None else shown))
    if not found:
        return label
    return f'<details class="ids"><summary>{label}</summary>{study_links(found)}</details>'


def _table(
    frame: pd.DataFrame, columns: Sequence[str] | None = None, raw: Iterable[str] = ()
) -> str:
    """An HTML table of `frame`: cells escaped as text, except the `raw` columns, which
    hold HTML made here (links to studies)."""
    cols = list(columns or frame.columns)
    made = {cols.index(c) for c in raw if c in cols}
    head = "".join(f"<th>{esc(str(c))}</th>" for c in cols)
    body = []
    for row in frame[cols].itertuples(index=False):
        cells = "".join(f"<td>{v if i in made else esc(_text(v))}</td>" for i, v in enumerate(row))
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _text(value: Any) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _counts(
    ids_by_value: Mapping[str, Iterable[str]], label: str, limit: int = 15, by_value: bool = False
) -> str:
    """A count table with each count opening to its studies: most studies first, or in value
    order (`by_value`, e.g. years)."""
    groups = {value: sorted(set(ids)) for value, ids in ids_by_value.items()}
    order = sorted(groups) if by_value else sorted(groups, key=lambda v: (-len(groups[v]), v))
    rows = "".join(
        f"<tr><td>{esc(value)}</td><td>{linked_count(groups[value])}</td></tr>"
        for value in order[:limit]
    )
    head = f"<thead><tr><th>{esc(label)}</th><th>studies</th></tr></thead>"
    return f"<div><h3>{esc(label)}</h3><table>{head}<tbody>{rows}</tbody></table></div>"


def _grouped(pairs: pd.DataFrame, field: str, parts: int | None = None) -> dict[str, list[str]]:
    """Study ids per value of one field of a pairs frame (values reduced to `parts`)."""
    chosen = pairs[pairs["field"] == field]
    groups: dict[str, list[str]] = {}
    for study_id, value in zip(chosen["study_id"], chosen["value"], strict=True):
        groups.setdefault(reduce_value(str(value), parts), []).append(str(study_id))
    return groups


def _sign(sign: int) -> str:
    if sign > 0:
        return '<span class="plus">+</span>'
    if sign < 0:
        return '<span class="minus">&minus;</span>'
    return "0"


def _quotes(evidence: Iterable[tuple[str, str]], limit: int = 3) -> str:
    items = list(evidence)
    shown = "".join(
        f"<blockquote>[{study_link(study)}] {esc(sentence)}</blockquote>"
        for study, sentence in items[:limit]
    )
    more = len(items) - limit
    return shown + (f'<div class="note">and {more} more</div>' if more > 0 else "")


def render_report(
    studies: Iterable[Study],
    title: str = "exobone evidence report",
    rows: str = "ev_sources",
    cols: str = "conditions",
    top: int = 15,
    include_reviews: bool = False,
    progress: Callable[[str], None] | None = None,
) -> str:
    """The report as one HTML string (see `write_report`); the map leaves reviews out unless
    `include_reviews`; `progress(step)` is told each section as it starts."""
    items = list(studies)
    parts = [
        page_head(title),
        f"<h1>{esc(title)}</h1>",
        f'<p class="note">Generated {esc(datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))} '
        f"from {len(items)} studies. Every count of studies opens to their ids (click it), and "
        'every id links to the study\'s row of the <a href="#sheet">extraction sheet</a>; '
        "sentences are quoted from the abstracts.</p>",
    ]
    sections: list[tuple[str, Callable[[], list[str]]]] = [
        ("corpus summary", lambda: _summary(items)),
        ("evidence map", lambda: _map_section(items, rows, cols, include_reviews)),
        ("mechanisms", lambda: _mechanism_section(items, top)),
        ("reporting scores", lambda: _quality_section(items)),
        ("extraction sheet", lambda: _sheet_section(items)),
    ]
    for name, section in sections:
        if progress:
            progress(f"report of {len(items)} studies: {name}")
        parts += section()
    parts.append(PAGE_END)
    return "\n".join(parts)


def write_report(studies: Iterable[Study], path: str | Path, **options: Any) -> Path:
    """Write the self-contained HTML report to `path`; options go to `render_report`."""
    target = Path(path)
    target.write_text(render_report(studies, **options), encoding="utf-8")
    return target


def _summary(items: list[Study]) -> list[str]:
    pairs = pairs_frame(items, ["study_type", "vesicle_types", "ev_sources", "conditions"])
    kinds = _grouped(pairs, "study_type")
    years = [s.record.year for s in items if s.record.year is not None]
    by_year: dict[str, list[str]] = {}
    for study in items:
        if study.record.year is not None:
            by_year.setdefault(str(study.record.year), []).append(study.id)
    cards: list[tuple[str, str]] = [
        ("studies", f'<a href="#sheet">{len(items)}</a>'),
        ("primary", linked_count(kinds.get("primary", []))),
        ("reviews", linked_count(kinds.get("review", []))),
    ]
    if years:
        cards.append(("years", esc(f"{min(years)}–{max(years)}")))
    card_html = "".join(f'<div class="card"><b>{v}</b>{esc(k)}</div>' for k, v in cards)
    return [
        "<h2>Corpus</h2>",
        f'<div class="cards">{card_html}</div>',
        '<div class="summary">',
        _counts(by_year, "year", limit=200, by_value=True),
        _counts(_grouped(pairs, "vesicle_types"), "vesicle type"),
        _counts(_grouped(pairs, "ev_sources", 2), "source (cell|origin)"),
        _counts(_grouped(pairs, "conditions"), "condition"),
        "</div>",
    ]


def _map_section(items: list[Study], rows: str, cols: str, include_reviews: bool) -> list[str]:
    emap = evidence_map(items, rows=rows, cols=cols, include_reviews=include_reviews)
    png = base64.b64encode(emap.figure_bytes("png")).decode("ascii")
    counted = [s for s in items if s.id not in set(emap.reviews_left_out)]
    pairs = pairs_frame(counted, sorted({rows, cols}))
    row_ids = _grouped(pairs, rows, DEFAULT_PARTS.get(rows))
    col_ids = _grouped(pairs, cols, DEFAULT_PARTS.get(cols))
    gaps = emap.gaps.head(20).copy()
    gaps["row_studies"] = [linked_count(row_ids.get(v, [])) for v in gaps["row"]]
    gaps["col_studies"] = [linked_count(col_ids.get(v, [])) for v in gaps["col"]]
    return [
        "<h2>Evidence map</h2>",
        f'<p class="note">Studies per {esc(rows)} (rows) and {esc(cols)} (columns); under each '
        "count, the results those studies report (&#8593; increase, &#8595; decrease). "
        f"{esc(legend())} {_left_out(emap.reviews_left_out)}Click a count for its studies.</p>",
        f'<img class="map" alt="evidence map heatmap" src="data:image/png;base64,{png}">',
        f'<div class="wide">{map_html(emap, count_html=linked_count)}</div>',
        f"<h3>Gaps ({len(emap.gaps)} combinations with no study; first 20)</h3>",
        _table(gaps, raw=("row_studies", "col_studies")) if len(gaps) else "<p>None.</p>",
    ]


def _left_out(reviews: Sequence[str]) -> str:
    if not reviews:
        return ""
    noun = "review" if len(reviews) == 1 else "reviews"
    return f"{len(reviews)} {noun} left out ({study_links(reviews)}). "


def _mechanism_section(items: list[Study], top: int) -> list[str]:
    graph = build_graph(items)
    parts = [
        "<h2>Mechanisms</h2>",
        f'<p class="note">Signed graph of {graph.number_of_nodes()} nodes and '
        f"{graph.number_of_edges()} edges. Belief = 1 &minus; &prod;(1 &minus; p) over the "
        "supporting studies, p by setting (clinical 0.8, in vivo 0.6, ex vivo 0.5, in vitro "
        "0.4, unstated 0.3, review 0.2). Molecule &rarr; phenotype steps are co-occurrence in "
        "one study, not shown causation.</p>",
        "<h3>Top mechanism paths (source &rarr; molecule &rarr; phenotype)</h3>",
    ]
    found = top_paths(graph, limit=top)
    if not found:
        parts.append("<p>No two-step path in this corpus.</p>")
    for path in found:
        steps = "".join(
            f"<li>{esc(s.source)} &rarr; {esc(s.relation)} &rarr; {esc(s.target)} "
            f"({_sign(s.sign)}, belief {s.belief:.2f}, studies {study_links(s.studies)})"
            f"{_quotes(s.evidence, 2)}</li>"
            for s in path.steps
        )
        parts.append(f"<p><b>{esc(path.describe())}</b> score {path.score:.2f}</p><ul>{steps}</ul>")
    edges = edges_frame(graph)
    direct = edges[~edges["inferred"]].head(top)
    parts.append(
        "<h3>Strongest edges</h3><table><thead><tr><th>source</th><th>relation</th>"
        "<th>target</th><th>sign</th><th>belief</th><th>studies</th><th>evidence</th>"
        "</tr></thead><tbody>"
    )
    for edge in direct.itertuples(index=False):
        parts.append(
            f"<tr><td>{esc(edge.source)}</td><td>{esc(edge.relation)}</td>"
            f"<td>{esc(edge.target)}</td><td>{_sign(int(edge.sign))}</td>"
            f"<td>{edge.belief:.2f}</td><td>{linked_count(str(edge.studies).split('; '))}</td>"
            f"<td>{_quotes(edge.evidence, 2)}</td></tr>"
        )
    parts.append("</tbody></table>")
    conflicts = contradictions(graph)
    parts.append(f"<h3>Contradictions ({len(conflicts)})</h3>")
    for column in ("positive_studies", "negative_studies"):
        conflicts[column] = [study_links(ids.split("; ")) for ids in conflicts[column]]
    shown = _table(conflicts, raw=("positive_studies", "negative_studies"))
    parts.append(shown if len(conflicts) else "<p>None found.</p>")
    return parts


def _quality_section(items: list[Study]) -> list[str]:
    scores = quality_frame(items)
    summary = criteria_summary(scores)
    mean = f"{scores['score'].mean():.2f}" if len(scores) else "n/a"
    shown = ["study_id", *summary["criterion"], "n_met", "score"]
    summary["studies_met"] = [
        linked_count(scores.loc[scores[name].astype(bool), "study_id"])
        for name in summary["criterion"]
    ]
    scores = scores.assign(study_id=scores["study_id"].map(study_link))
    return [
        "<h2>EV-reporting score</h2>",
        f'<p class="note">MISEV-style checklist of what each primary study\'s abstract reports '
        f"(mean score {esc(mean)} over {len(scores)} primary studies). An abstract can "
        "under-report what the paper did: a low score means &ldquo;not stated in the "
        "abstract&rdquo;.</p>",
        _table(summary, raw=("studies_met",)),
        f'<div class="wide">{_table(scores, shown, raw=("study_id",))}</div>',
    ]


def _sheet_section(items: list[Study]) -> list[str]:
    head = "".join(f"<th>{esc(c)}</th>" for c in (*SHEET_COLUMNS, "evidence"))
    body = []
    for study in items:
        row = sheet_row(study)
        cells = "".join(f"<td>{esc(_text(row[c]))}</td>" for c in SHEET_COLUMNS[1:])
        body.append(
            f'<tr id="{study_anchor(study.id)}"><td><b>{esc(study.id)}</b></td>{cells}'
            f"<td>{_evidence(study)}</td></tr>"
        )
    return [
        '<h2 id="sheet">Extraction sheet</h2>',
        '<p class="note">One row per study with the fields of a data-extraction form '
        "(<code>exobone export --format sheet --out sheet.csv</code> writes it as CSV); "
        "open <i>evidence</i> for the sentence behind each value.</p>",
        f'<div class="wide"><table><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></div>",
    ]


def _evidence(study: Study) -> str:
    """The sentences behind the sheet's values, one line per value, opened on a click."""
    text = StudyText(study)
    lines = [
        f"<li>{esc(column)} {esc(value)}: {esc(sentence)}</li>"
        for column, name in SHEET_FIELDS.items()
        for value in field_values(study, name)
        for sentence in text.sentences(name, value)[:1]
    ]
    if not lines:
        return ""
    return f"<details><summary>{len(lines)} sentences</summary><ul>{''.join(lines)}</ul></details>"
