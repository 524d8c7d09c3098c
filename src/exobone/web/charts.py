"""The evidence map as a clickable matrix and the mechanism graph as a Plotly network.

Both return plain JSON-able data: the page embeds it in a `<script type="application/json">`
block (escaped by Jinja's `tojson`) and `static/app.js` draws it. The map is counted from
the store's (study, field, value) rows, never Study objects; the graph is built once per
store generation, in the same pass over the studies as the reporting scores. A cell or edge
lists at most `STUDIES_SHOWN` studies and `SENTENCES_SHOWN` sentences (with the full
counts), so a page stays small at any corpus size.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx
import pandas as pd

from exobone.analysis.evidence_map import evidence_map_from_pairs, map_fields
from exobone.analysis.graph import build_graph, edges_frame
from exobone.analysis.quality import criteria_summary, quality_frame
from exobone.model import Study
from exobone.store.store import batched
from exobone.web.corpus import Corpus

KIND_COLOURS = {"source": "#1f77b4", "molecule": "#ff7f0e", "phenotype": "#2ca02c"}
SIGN_COLOURS = {1: "#2a9d3a", -1: "#d62728", 0: "#9a9a9a"}
STUDIES_SHOWN = 10
SENTENCES_SHOWN = 10
SCORE_BATCH = 1000


def map_data(
    corpus: Corpus, rows: str, cols: str, outcome: str | None = None, limit: int = 50
) -> dict[str, Any]:
    """Rows, columns and cells of the map (the `limit` best-covered rows and columns)."""
    found = corpus.store.pairs(map_fields(rows, cols))
    pairs = pd.DataFrame(found, columns=["study_id", "field", "value"], dtype="object")
    emap = evidence_map_from_pairs(pairs, rows, cols, outcome or None)
    counts = emap.counts
    row_names = list(counts.sum(axis=1).sort_values(ascending=False, kind="stable").index[:limit])
    col_names = list(counts.sum(axis=0).sort_values(ascending=False, kind="stable").index[:limit])
    kept_rows, kept_cols = set(row_names), set(col_names)
    cells = []
    for cell in emap.cells.itertuples(index=False):
        if cell.row not in kept_rows or cell.col not in kept_cols:
            continue
        cells.append(
            {
                "row": str(cell.row),
                "col": str(cell.col),
                "n": int(cell.n_studies),
                "increase": int(cell.increase),
                "decrease": int(cell.decrease),
                "no_change": int(cell.no_change),
                "studies": corpus.titles(list(cell.study_ids[:STUDIES_SHOWN])),
            }
        )
    return {
        "rows_field": rows,
        "cols_field": cols,
        "outcome": outcome,
        "rows": [str(r) for r in row_names],
        "cols": [str(c) for c in col_names],
        "cells": cells,
        "shown": [len(row_names), len(col_names)],
        "total": [int(counts.shape[0]), int(counts.shape[1])],
        "gaps": int(len(emap.gaps)),
    }


@dataclass(frozen=True, slots=True)
class StudyAggregates:
    """What needs every study's annotations and evidence: the whole mechanism graph, its
    edges strongest first, the reporting criteria summary and the scores best first."""

    graph: nx.MultiDiGraph
    edges: pd.DataFrame
    criteria: list[dict[str, Any]]
    scores: pd.DataFrame


def study_aggregates(corpus: Corpus) -> StudyAggregates:
    """The aggregates, made in one streamed pass over the studies (they are not kept) once
    per store generation."""
    return corpus.cached("study-aggregates", lambda: _aggregate(corpus))


def _aggregate(corpus: Corpus) -> StudyAggregates:
    frames: list[pd.DataFrame] = []

    def scored(studies: Iterable[Study]) -> Iterator[Study]:
        """The studies, passed on to the graph, scored a batch at a time on the way."""
        for batch in batched(studies, SCORE_BATCH):
            frames.append(quality_frame(batch))
            yield from batch

    graph = build_graph(scored(corpus.store.studies()))
    scores = pd.concat(frames, ignore_index=True) if frames else quality_frame([])
    criteria = criteria_summary(scores).to_dict(orient="records")
    ordered = scores.sort_values(["score", "study_id"], ascending=[False, True], kind="stable")
    return StudyAggregates(graph, edges_frame(graph), criteria, ordered.reset_index(drop=True))


def graph_data(corpus: Corpus, max_edges: int = 120, min_studies: int = 1) -> dict[str, Any]:
    """The strongest edges of the mechanism graph with a layout, as Plotly traces.

    Edge midpoints are drawn as small markers whose `customdata` is the edge's index, so a
    click on an edge can show its evidence.
    """
    aggregates = study_aggregates(corpus)
    graph, frame = aggregates.graph, aggregates.edges
    frame = frame[frame["n_studies"] >= min_studies].head(max_edges)
    labels = {data["label"]: (node, data) for node, data in graph.nodes(data=True)}
    shown = nx.Graph()
    edges = []
    for index, row in enumerate(frame.itertuples(index=False)):
        u = f"{row.source_kind}:{row.source}"
        v = f"{row.target_kind}:{row.target}"
        shown.add_edge(u, v)
        shown_evidence = row.evidence[:SENTENCES_SHOWN]
        links = corpus.titles([sid for sid, _ in shown_evidence])
        evidence = [
            {"label": link["label"], "record_id": link["record_id"], "sentence": sentence}
            for link, (_, sentence) in zip(links, shown_evidence, strict=True)
        ]
        labels_of_edge = row.studies.split("; ") if row.studies else []
        edges.append(
            {
                "index": index,
                "u": u,
                "v": v,
                "source": row.source,
                "target": row.target,
                "relation": row.relation,
                "sign": int(row.sign),
                "inferred": bool(row.inferred),
                "belief": float(row.belief),
                "n_studies": int(row.n_studies),
                "studies": corpus.titles(labels_of_edge[:STUDIES_SHOWN]),
                "evidence": evidence,
                "n_evidence": len(row.evidence),
            }
        )
    positions = nx.spring_layout(shown, seed=7, k=1.2 / max(len(shown), 1) ** 0.5) if shown else {}
    traces: list[dict[str, Any]] = []
    for sign, colour in SIGN_COLOURS.items():
        xs: list[float | None] = []
        ys: list[float | None] = []
        for edge in edges:
            if edge["sign"] == sign:
                (x0, y0), (x1, y1) = positions[edge["u"]], positions[edge["v"]]
                xs += [float(x0), float(x1), None]
                ys += [float(y0), float(y1), None]
        name = {1: "up / positive", -1: "down / negative", 0: "carries / no change"}[sign]
        traces.append(_line_trace(xs, ys, colour, name))
    traces.append(
        {
            "type": "scatter",
            "mode": "markers",
            "name": "edges (click)",
            "x": [float((positions[e["u"]][0] + positions[e["v"]][0]) / 2) for e in edges],
            "y": [float((positions[e["u"]][1] + positions[e["v"]][1]) / 2) for e in edges],
            "customdata": [e["index"] for e in edges],
            "text": [
                _plotly_text(f"{e['source']} -{e['relation']}-> {e['target']}") for e in edges
            ],
            "hoverinfo": "text",
            "marker": {"size": 9, "color": [SIGN_COLOURS[e["sign"]] for e in edges]},
        }
    )
    for kind, colour in KIND_COLOURS.items():
        nodes = [n for n in shown.nodes if n.split(":", 1)[0] == kind]
        traces.append(
            {
                "type": "scatter",
                "mode": "markers+text",
                "name": kind,
                "x": [float(positions[n][0]) for n in nodes],
                "y": [float(positions[n][1]) for n in nodes],
                "text": [_plotly_text(n.split(":", 1)[1]) for n in nodes],
                "textposition": "top center",
                "hoverinfo": "text",
                "marker": {"size": 14, "color": colour, "line": {"width": 1, "color": "#333"}},
            }
        )
    return {
        "traces": traces,
        "edges": edges,
        "n_nodes": graph.number_of_nodes(),
        "n_edges": graph.number_of_edges(),
        "skipped": list(graph.graph.get("skipped", [])),
        "known_labels": len(labels),
    }


def _plotly_text(text: str) -> str:
    """Text for a Plotly label: Plotly renders `<a href>`, `<b>` and the like in labels, so
    markup is escaped to entities, which it shows as the characters they stand for."""
    return html.escape(text, quote=False)


def _line_trace(xs: list[float | None], ys: list[float | None], colour: str, name: str) -> dict:
    return {
        "type": "scatter",
        "mode": "lines",
        "name": name,
        "x": xs,
        "y": ys,
        "hoverinfo": "skip",
        "line": {"width": 1.5, "color": colour},
    }
