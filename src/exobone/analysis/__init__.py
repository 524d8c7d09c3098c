"""Analyses of extracted studies: tables, evidence map, mechanism graph, reporting score,
exports and the HTML report. Everything takes `Iterable[Study]` and never touches the store
or the extractor.

The names below are imported on first use (pandas, numpy and networkx are heavy), so that
`exobone.analysis.commands` and the command line start fast.
"""

from __future__ import annotations

import importlib
import sys
import types
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


class _Package(types.ModuleType):
    """`evidence_map` and `export` are both a module here and the function it exports.
    Importing the module sets the package's attribute to the module, after which
    `from exobone.analysis import evidence_map` gave the module; the functions keep the names
    (`import exobone.analysis.evidence_map as m` gives the function too;
    `from exobone.analysis.evidence_map import X` reaches the module's other names)."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _HOMES and isinstance(value, types.ModuleType):
            return  # the module stays importable by its full name (sys.modules)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
