"""One self-contained HTML report of a corpus: summary, evidence map, mechanisms, reporting
scores and the study table.

Self-contained means it opens offline and leaks nothing: inline CSS, the map as a base64
PNG, no script, no external link. Every text that comes from data goes through
`html.escape`.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from exobone.analysis.evidence_map import evidence_map, legend
from exobone.analysis.frame import StudyText, pairs_frame, reduce_value, studies_frame
from exobone.analysis.graph import build_graph, contradictions, edges_frame, top_paths
from exobone.analysis.quality import criteria_summary, quality_frame
from exobone.model import Study

esc = html.escape

_CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,sans-serif;margin:2rem auto;max-width:1200px;
color:#1d2329;line-height:1.45;padding:0 1rem}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:2px solid #d5dde5;padding-bottom:.2rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.85rem}
th,td{border:1px solid #d5dde5;padding:.25rem .45rem;vertical-align:top;text-align:left}
thead th{background:#eef3f8}
td.gap{background:#fafafa}
.evidence-map td{text-align:center;min-width:3rem}
.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{background:#eef3f8;border-radius:6px;
padding:.6rem 1rem}.card b{font-size:1.4rem;display:block}
.summary{display:flex;gap:1.5rem;flex-wrap:wrap;align-items:flex-start}
blockquote{margin:.2rem 0 .2rem 1rem;color:#3b4650;font-size:.85rem}
.plus{color:#1a7f37;font-weight:bold}.minus{color:#b42318;font-weight:bold}
.note{color:#5b6670;font-size:.85rem}
img.map{max-width:100%;height:auto;border:1px solid #d5dde5}
.wide{overflow-x:auto;max-width:100%}
"""


def _table(frame: pd.DataFrame, columns: Sequence[str] | None = None) -> str:
    """An escaped HTML table of `frame` (all cells as text)."""
    cols = list(columns or frame.columns)
    head = "".join(f"<th>{esc(str(c))}</th>" for c in cols)
    body = []
    for row in frame[cols].itertuples(index=False):
        cells = "".join(f"<td>{esc(_text(v))}</td>" for v in row)
        body.append(f"<tr>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def _text(value: Any) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _counts(values: pd.Series, label: str, limit: int = 15, by_value: bool = False) -> str:
    """A count table: most frequent first, or in value order (`by_value`, e.g. years)."""
    counts = values.value_counts().sort_index(kind="stable")
    if not by_value:
        counts = counts.sort_values(ascending=False, kind="stable")
    counts = counts.head(limit)
    frame = pd.DataFrame({label: counts.index.astype(str), "studies": counts.to_numpy()})
    return f"<div><h3>{esc(label)}</h3>{_table(frame)}</div>"


def _sign(sign: int) -> str:
    if sign > 0:
        return '<span class="plus">+</span>'
    if sign < 0:
        return '<span class="minus">&minus;</span>'
    return "0"


def _quotes(evidence: Iterable[tuple[str, str]], limit: int = 3) -> str:
    items = list(evidence)
    shown = "".join(
        f"<blockquote>[{esc(study)}] {esc(sentence)}</blockquote>"
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
) -> str:
    """The report as one HTML string (see `write_report`)."""
    items = list(studies)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{esc(title)}</h1>",
        f'<p class="note">Generated {esc(datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"))} '
        f"from {len(items)} studies. Every number links back to study ids; sentences are quoted "
        "from the abstracts.</p>",
    ]
    parts += _summary(items)
    parts += _map_section(items, rows, cols)
    parts += _mechanism_section(items, top)
    parts += _quality_section(items)
    parts += _study_section(items)
    parts.append("</body></html>")
    return "\n".join(parts)


def write_report(studies: Iterable[Study], path: str | Path, **options: Any) -> Path:
    """Write the self-contained HTML report to `path`; options go to `render_report`."""
    target = Path(path)
    target.write_text(render_report(studies, **options), encoding="utf-8")
    return target


def _summary(items: list[Study]) -> list[str]:
    pairs = pairs_frame(items, ["study_type", "vesicle_types", "ev_sources", "conditions"])
    kinds = pairs[pairs["field"] == "study_type"]["value"].value_counts()
    years = pd.Series([s.record.year for s in items if s.record.year is not None], dtype="Int64")
    sources = pairs[pairs["field"] == "ev_sources"][["study_id", "value"]]
    sources = sources.assign(value=sources["value"].map(lambda v: reduce_value(v, 2)))
    sources = sources.drop_duplicates()
    cards: list[tuple[str, object]] = [
        ("studies", len(items)),
        ("primary", int(kinds.get("primary", 0))),
        ("reviews", int(kinds.get("review", 0))),
    ]
    if len(years):
        cards.append(("years", f"{years.min()}–{years.max()}"))
    card_html = "".join(f'<div class="card"><b>{esc(str(v))}</b>{esc(k)}</div>' for k, v in cards)
    return [
        "<h2>Corpus</h2>",
        f'<div class="cards">{card_html}</div>',
        '<div class="summary">',
        _counts(years.astype(str), "year", limit=200, by_value=True),
        _counts(pairs[pairs["field"] == "vesicle_types"]["value"], "vesicle type"),
        _counts(sources["value"], "source (cell|origin)"),
        _counts(pairs[pairs["field"] == "conditions"]["value"], "condition"),
        "</div>",
    ]


def _map_section(items: list[Study], rows: str, cols: str) -> list[str]:
    emap = evidence_map(items, rows=rows, cols=cols)
    png = base64.b64encode(emap.figure_bytes("png")).decode("ascii")
    gaps = emap.gaps.head(20)
    return [
        "<h2>Evidence map</h2>",
        f'<p class="note">Studies per {esc(rows)} (rows) and {esc(cols)} (columns); under each '
        "count, the results those studies report (&#8593; increase, &#8595; decrease). "
        f"{esc(legend())} {_left_out(emap.reviews_left_out)}Hover a cell for its study ids.</p>",
        f'<img class="map" alt="evidence map heatmap" src="data:image/png;base64,{png}">',
        f'<div class="wide">{emap.to_html()}</div>',
        f"<h3>Gaps ({len(emap.gaps)} combinations with no study; first 20)</h3>",
        _table(gaps) if len(gaps) else "<p>None.</p>",
    ]


def _left_out(reviews: Sequence[str]) -> str:
    if not reviews:
        return ""
    noun = "review" if len(reviews) == 1 else "reviews"
    return f"{len(reviews)} {noun} left out ({esc(', '.join(reviews))}). "


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
            f"({_sign(s.sign)}, belief {s.belief:.2f}, studies {esc(', '.join(s.studies))})"
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
            f"<td>{edge.belief:.2f}</td><td>{esc(str(edge.studies))}</td>"
            f"<td>{_quotes(edge.evidence, 2)}</td></tr>"
        )
    parts.append("</tbody></table>")
    conflicts = contradictions(graph)
    parts.append(f"<h3>Contradictions ({len(conflicts)})</h3>")
    parts.append(_table(conflicts) if len(conflicts) else "<p>None found.</p>")
    return parts


def _quality_section(items: list[Study]) -> list[str]:
    scores = quality_frame(items)
    summary = criteria_summary(scores)
    mean = f"{scores['score'].mean():.2f}" if len(scores) else "n/a"
    shown = ["study_id", *summary["criterion"], "n_met", "score"]
    return [
        "<h2>EV-reporting score</h2>",
        f'<p class="note">MISEV-style checklist of what each primary study\'s abstract reports '
        f"(mean score {esc(mean)} over {len(scores)} primary studies). An abstract can "
        "under-report what the paper did: a low score means &ldquo;not stated in the "
        "abstract&rdquo;.</p>",
        _table(summary),
        f'<div class="wide">{_table(scores, shown)}</div>',
    ]


def _study_section(items: list[Study]) -> list[str]:
    frame = studies_frame(items)
    frame["first_author"] = [s.record.first_author or "" for s in items]
    frame["evidence_sentences"] = [
        sum(len(StudyText(s).sentences(f, v)) for f, vs in s.evidence.items() for v in vs)
        for s in items
    ]
    columns = [
        "id",
        "first_author",
        "year",
        "title",
        "journal",
        "study_type",
        "vesicle_types",
        "ev_sources",
        "conditions",
        "outcomes",
        "evidence_sentences",
    ]
    return ["<h2>Studies</h2>", f'<div class="wide">{_table(frame, columns)}</div>']
