"""The evidence map as a clickable matrix and the mechanism graph as a Plotly network.

Both return plain JSON-able data: the page embeds it in a `<script type="application/json">`
block (escaped by Jinja's `tojson`) and `static/app.js` draws it. The map is counted from
the store's (study, field, value) rows, never Study objects; the graph's merged edges are
kept up to date on write (`web.aggregates`). A cell or edge
lists at most `STUDIES_SHOWN` studies and `SENTENCES_SHOWN` sentences (with the full
counts), so a page stays small at any corpus size.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any

import networkx as nx

from exobone.analysis.evidence_map import evidence_map_from_pairs, legend, map_fields
from exobone.schema import SEPARATOR, field
from exobone.store.labels import WILDCARD, joined
from exobone.web.aggregates import EdgeRow, StudyAggregates
from exobone.web.corpus import Corpus
from exobone.web.searchview import SearchView

KIND_COLOURS = {"source": "#1f77b4", "molecule": "#ff7f0e", "phenotype": "#2ca02c"}
SIGN_COLOURS = {1: "#2a9d3a", -1: "#d62728", 0: "#9a9a9a"}
STUDIES_SHOWN = 10
# Gaps listed under the map, most-studied sides first.
GAPS_LISTED = 500
SENTENCES_SHOWN = 10


def map_data(
    corpus: Corpus, rows: str, cols: str, outcome: str | None = None, limit: int = 50
) -> dict[str, Any]:
    """Rows, columns and cells of the map (the `limit` best-covered rows and columns)."""
    pairs = corpus.store.pairs_frame(map_fields(rows, cols))
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
                "better": int(cell.better),
                "worse": int(cell.worse),
                "unrated": int(cell.unrated),
                # Study ids only (each links to its page): titles of 2,500 cells' studies
                # made a 1.7 MB page and a query per cell at 100k studies.
                "studies": [{"label": str(label)} for label in cell.study_ids[:STUDIES_SHOWN]],
                "search": map_search(rows, str(cell.row), cols, str(cell.col)),
            }
        )
    gaps = [
        {
            "row": str(gap.row),
            "col": str(gap.col),
            "row_studies": int(gap.row_studies),
            "col_studies": int(gap.col_studies),
            "row_search": map_search(rows, str(gap.row)),
            "col_search": map_search(cols, str(gap.col)),
        }
        for gap in emap.gaps.head(GAPS_LISTED).itertuples(index=False)
    ]
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
        "gap_list": gaps,
        "legend": legend(),
    }


def map_search(*fields_and_values: str) -> str:
    """The search page of the studies the map counts with these (field, value)s: reviews
    are left out of the map, so of the search too."""
    pairs = [
        (name, joined([_whole(name, value)]))
        for name, value in zip(fields_and_values[::2], fields_and_values[1::2], strict=True)
    ]
    return SearchView("", (*pairs, ("study_type", "!review"))).url()


def _whole(name: str, value: str) -> str:
    """A map value as a filter: the parts the map leaves out (`DEFAULT_PARTS`: ev_sources
    rows are `cell|origin`) match any (`MSC|adipose|*`)."""
    missing = len(field(name).parts) - len(value.split(SEPARATOR))
    return value + f"{SEPARATOR}{WILDCARD}" * missing


def graph_data(corpus: Corpus, max_edges: int = 120, min_studies: int = 1) -> dict[str, Any]:
    """The strongest edges of the mechanism graph with a layout, as Plotly traces.

    Edge midpoints are drawn as small markers whose `customdata` is the edge's index, so a
    click on an edge can show its evidence.
    """
    aggregates = corpus.aggregates
    snapshot = aggregates.snapshot()
    rows = [r for r in snapshot.edges if r.n_studies >= min_studies][:max_edges]
    details = [aggregates.details(row, SENTENCES_SHOWN) for row in rows]
    # Every study the edges link, with its title, in one read (not one per edge).
    wanted = {sid for labels, evidence, _ in details for sid in labels[:STUDIES_SHOWN]}
    wanted |= {sid for _, evidence, _ in details for sid, _ in evidence}
    link_of = {link["label"]: link for link in corpus.titles(sorted(wanted))}
    shown = nx.Graph()
    edges: list[dict[str, Any]] = []
    for index, (row, (labels, shown_evidence, n_evidence)) in enumerate(
        zip(rows, details, strict=True)
    ):
        shown.add_edge(row.u, row.v)
        evidence = [
            {
                "label": sid,
                "record_id": link_of[sid]["record_id"],
                "sentence": sentence,
            }
            for sid, sentence in shown_evidence
        ]
        edges.append(
            {
                "index": index,
                "u": row.u,
                "v": row.v,
                "source": row.source,
                "target": row.target,
                "relation": row.relation,
                "sign": row.sign,
                "inferred": row.inferred,
                "belief": row.belief,
                "n_studies": row.n_studies,
                "studies": [link_of[sid] for sid in labels[:STUDIES_SHOWN]],
                "evidence": evidence,
                "n_evidence": n_evidence,
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
        "n_nodes": snapshot.n_nodes,
        "n_edges": len(snapshot.edges),
        "n_skipped": snapshot.skipped,
        "known_labels": snapshot.known_labels,
    }


def graph_edges_page(
    corpus: Corpus, limit: int, offset: int, min_studies: int = 1
) -> dict[str, Any]:
    """A page of the graph's edges (strongest first) and the nodes they join, as Cytoscape.js
    JSON; each edge lists its first `STUDIES_SHOWN` studies and sentences, with the counts."""
    aggregates = corpus.aggregates
    snapshot = aggregates.snapshot()
    kept = [r for r in snapshot.edges if r.n_studies >= min_studies]
    nodes, edges = cytoscape_elements(aggregates, kept[offset : offset + limit])
    return {
        "elements": {"nodes": nodes, "edges": edges},
        "total": len(kept),
        "offset": offset,
        "limit": limit,
        "n_nodes": snapshot.n_nodes,
        "n_skipped": snapshot.skipped,
    }


def cytoscape_elements(
    aggregates: StudyAggregates, rows: Sequence[EdgeRow]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Cytoscape.js nodes and edges of `rows`; each edge lists its first `STUDIES_SHOWN`
    studies and sentences, with the counts."""
    nodes: dict[str, dict[str, Any]] = {}
    edges = []
    for row in rows:
        for node, label, kind in (
            (row.u, row.source, row.source_kind),
            (row.v, row.target, row.target_kind),
        ):
            nodes.setdefault(node, {"id": node, "label": label, "kind": kind})
        studies, evidence, n_evidence = aggregates.details(row, STUDIES_SHOWN)
        edges.append(
            {
                "data": {
                    "id": f"{row.u}|{row.relation}|{row.v}",
                    "source": row.u,
                    "target": row.v,
                    "relation": row.relation,
                    "sign": row.sign,
                    "inferred": row.inferred,
                    "belief": row.belief,
                    "n_studies": row.n_studies,
                    "studies": studies,
                    "evidence": [{"study_id": s, "sentence": t} for s, t in evidence],
                    "n_evidence": n_evidence,
                }
            }
        )
    return [{"data": data} for data in nodes.values()], edges


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
