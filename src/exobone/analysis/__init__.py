"""Analyses of extracted studies: tables, evidence map, mechanism graph, reporting score,
exports and the HTML report. Everything takes `Iterable[Study]` and never touches the store
or the extractor.

The names below are imported on first use (pandas, numpy and networkx are heavy), so that
`exobone.analysis.commands` and the command line start fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from exobone.analysis.evidence_map import EvidenceMap, evidence_map, evidence_map_from_pairs
    from exobone.analysis.export import export
    from exobone.analysis.frame import UnknownFieldError, pairs_frame, studies_frame, values_frame
    from exobone.analysis.graph import build_graph, contradictions, edges_frame, paths
    from exobone.analysis.quality import quality_frame
    from exobone.analysis.report import write_report

_HOMES = {
    "EvidenceMap": "evidence_map",
    "evidence_map": "evidence_map",
    "evidence_map_from_pairs": "evidence_map",
    "export": "export",
    "UnknownFieldError": "frame",
    "pairs_frame": "frame",
    "studies_frame": "frame",
    "values_frame": "frame",
    "build_graph": "graph",
    "contradictions": "graph",
    "edges_frame": "graph",
    "paths": "graph",
    "quality_frame": "quality",
    "write_report": "report",
}

__all__ = [
    "EvidenceMap",
    "UnknownFieldError",
    "build_graph",
    "contradictions",
    "edges_frame",
    "evidence_map",
    "evidence_map_from_pairs",
    "export",
    "pairs_frame",
    "paths",
    "quality_frame",
    "studies_frame",
    "values_frame",
    "write_report",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'exobone.analysis' has no attribute {name!r}")
    return getattr(importlib.import_module(f"exobone.analysis.{home}"), name)
