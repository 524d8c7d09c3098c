"""Path and contradiction queries of the /network page over the whole mechanism graph (of
the edges with `min_studies` studies or more), not only the edges the page draws.

They run `exobone graph`'s own functions (`analysis.graph.paths`, `contradictions`) on a
graph made from the store's aggregates (`StudyAggregates`): edges carry their relation,
sign and belief but not their study lists, which are read for the few edges an answer
shows. The graph is kept for the latest store generation and `min_studies`. Work is
bounded: a graph of more than `MAX_EDGES` edges is refused (raise `min_studies`), paths
have at most `MAX_PATH_EDGES` steps, answers list at most `MAX_PATHS` paths and
`MAX_CONTRADICTIONS` contradictions (with their totals).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import networkx as nx
from fastapi import HTTPException

from exobone.analysis.graph import GraphQueryError, contradictions, paths
from exobone.web.aggregates import EdgeRow, StudyAggregates
from exobone.web.charts import cytoscape_elements

MAX_EDGES = 500_000
MAX_PATH_EDGES = 4
MAX_PATHS = 5
MAX_CONTRADICTIONS = 100


@dataclass(frozen=True, slots=True)
class _Graph:
    """A generation's graph, its edges' rows, and node ids per label."""

    graph: nx.MultiDiGraph
    rows: dict[tuple[str, str, str], EdgeRow]
    ids: dict[str, list[str]]

    def edge(self, source: str, target: str, relation: str) -> EdgeRow:
        """The edge a path step or contradiction names by labels (labels of different
        kinds may be equal: the relation between the nodes decides)."""
        for u in self.ids.get(source, ()):
            for v in self.ids.get(target, ()):
                row = self.rows.get((u, v, relation))
                if row is not None:
                    return row
        raise GraphQueryError(f"no edge {source!r} -[{relation}]-> {target!r}")


class NetworkQueries:
    """Answers the page's queries from the current store generation's graph."""

    def __init__(self, aggregates: StudyAggregates) -> None:
        self.aggregates = aggregates
        self._lock = threading.Lock()
        self._kept: tuple[tuple[int, int], _Graph] | None = None

    def graph(self, min_studies: int) -> _Graph:
        """The graph of the edges of `min_studies` studies or more, and its edges' rows;
        GraphQueryError when it is too large to query."""
        snapshot = self.aggregates.snapshot()
        key = (snapshot.generation, min_studies)
        with self._lock:
            if self._kept is not None and self._kept[0] == key:
                return self._kept[1]
        rows = [r for r in snapshot.edges if r.n_studies >= min_studies]
        if len(rows) > MAX_EDGES:
            raise GraphQueryError(
                f"the graph has {len(rows)} edges of {min_studies} studies or more; queries "
                f"read at most {MAX_EDGES}: raise the minimum number of studies per edge"
            )
        graph = nx.MultiDiGraph()
        by_key: dict[tuple[str, str, str], EdgeRow] = {}
        ids: dict[str, list[str]] = {}
        for row in rows:
            graph.add_node(row.u, label=row.source, kind=row.source_kind)
            graph.add_node(row.v, label=row.target, kind=row.target_kind)
            graph.add_edge(
                row.u,
                row.v,
                key=row.relation,
                relation=row.relation,
                sign=row.sign,
                inferred=row.inferred,
                belief=row.belief,
                n_studies=row.n_studies,
                studies=[],
                evidence=[],
            )
            by_key[(row.u, row.v, row.relation)] = row
        for node, label in graph.nodes(data="label"):
            ids.setdefault(label, []).append(node)
        kept = _Graph(graph, by_key, ids)
        with self._lock:
            self._kept = (key, kept)
        return kept

    def shortest_paths(self, source: str, target: str, min_studies: int = 1) -> dict[str, Any]:
        """The fewest-step signed paths from `source` to `target` (node ids or names, as
        `exobone graph --from --to` takes them), best belief first."""
        kept = self.graph(min_studies)
        found = []
        for length in range(1, MAX_PATH_EDGES + 1):
            found = paths(kept.graph, source, target, max_len=length)
            if found:
                break
        shown = found[:MAX_PATHS]
        listed = []
        rows: dict[tuple[str, str, str], EdgeRow] = {}
        for path in shown:
            steps = [kept.edge(s.source, s.target, s.relation) for s in path.steps]
            rows.update(((r.u, r.v, r.relation), r) for r in steps)
            listed.append(
                {
                    "edges": [f"{r.u}|{r.relation}|{r.v}" for r in steps],
                    "sign": path.sign,
                    "score": round(path.score, 6),
                    "describe": path.describe(),
                }
            )
        nodes, edges = cytoscape_elements(self.aggregates, list(rows.values()))
        return {
            "paths": listed,
            "total": len(found),
            "max_edges": MAX_PATH_EDGES,
            "elements": {"nodes": nodes, "edges": edges},
        }

    def contradictions(self, min_studies: int = 1, inferred: bool = False) -> dict[str, Any]:
        """Pairs of nodes joined by an increasing and a decreasing edge (`exobone graph`'s
        contradictions), strongest first."""
        kept = self.graph(min_studies)
        frame = contradictions(kept.graph, include_inferred=inferred)
        pairs = []
        for row in frame.itertuples(index=False):
            plus = kept.edge(row.source, row.target, row.positive)
            minus = kept.edge(row.source, row.target, row.negative)
            pairs.append((plus, minus))
        pairs.sort(key=lambda p: (-(p[0].belief + p[1].belief), p[0].source, p[0].target))
        listed = []
        rows: list[EdgeRow] = []
        for plus, minus in pairs[:MAX_CONTRADICTIONS]:
            rows += [plus, minus]
            listed.append(
                {
                    "edges": [f"{r.u}|{r.relation}|{r.v}" for r in (plus, minus)],
                    "source": plus.source,
                    "target": plus.target,
                    "same_study": self.aggregates.share_a_study(plus, minus),
                }
            )
        nodes, edges = cytoscape_elements(self.aggregates, rows)
        return {
            "contradictions": listed,
            "total": len(pairs),
            "elements": {"nodes": nodes, "edges": edges},
        }


@contextmanager
def as_bad_request() -> Iterator[None]:
    """A query the graph refuses (an unknown node, a graph too large) as a 400."""
    try:
        yield
    except GraphQueryError as error:
        raise HTTPException(400, str(error)) from None
