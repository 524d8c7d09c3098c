"""Analyses of extracted studies: tables, evidence map, mechanism graph, reporting score,
exports and the HTML report. Everything takes `Iterable[Study]` and never touches the store
or the extractor."""

from exobone.analysis.evidence_map import EvidenceMap, evidence_map, evidence_map_from_pairs
from exobone.analysis.export import export
from exobone.analysis.frame import UnknownFieldError, pairs_frame, studies_frame, values_frame
from exobone.analysis.graph import build_graph, contradictions, edges_frame, paths
from exobone.analysis.quality import quality_frame
from exobone.analysis.report import write_report

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
