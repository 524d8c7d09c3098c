"""Signed mechanism graph: which vesicle sources move which molecules and phenotypes.

Nodes are vesicle sources (`ev_sources`, reduced to cell|origin), molecules (`ev_cargo` and
`molecular_effects` targets: genes, miRNAs, lncRNAs, pathways, metabolites) and phenotypes
(`outcomes`). Each study adds edges:

- source -> molecule, relation `up` (+1) or `down` (-1), from `molecular_effects`;
- source -> phenotype, relation `increase` (+1), `decrease` (-1) or `no_change` (0), from
  `outcomes`;
- cargo -> source, relation `carries` (unsigned): the cargo was reported in that source's
  vesicles;
- molecule -> phenotype, relation `associated` (+1 or -1, `inferred=True`): the same study moved
  both, the sign is the product of the two signs. It is co-occurrence, not shown causation,
  and lets path queries chain source -> molecule -> phenotype across studies.

Edges are merged across studies (one edge per source, target and relation) with the supporting
study ids and evidence sentences. Support is a belief score, 1 - prod(1 - p_study), where
p_study is the weight of the study's strongest setting (`SETTING_WEIGHTS`).
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from exobone.analysis.frame import StudyText, field_values, reduce_value
from exobone.analysis.polarity import outcome_synonyms
from exobone.errors import ExoboneError
from exobone.model import Study
from exobone.schema import DIRECTION_SIGNS, vocabulary
from exobone.suggest import did_you_mean

# Chance that one study's claim holds, by the strongest kind of experiment it ran. Reviews
# restate others' results; a primary study with no stated setting gets the unstated weight.
SETTING_WEIGHTS: dict[str, float] = {
    "clinical": 0.8,
    "in_vivo": 0.6,
    "ex_vivo": 0.5,
    "in_vitro": 0.4,
}
REVIEW_WEIGHT = 0.2
UNSTATED_WEIGHT = 0.3

# The direction words of `outcomes` and `molecular_effects` with their signs.
SIGNS: dict[str, int] = DIRECTION_SIGNS


class GraphQueryError(ExoboneError):
    """A path query names a node the graph does not have."""


def study_weight(study: Study) -> float:
    """p of one study: the weight of its strongest setting (`SETTING_WEIGHTS`)."""
    if study.annotations.get("study_type") == "review":
        return REVIEW_WEIGHT
    weights = [SETTING_WEIGHTS.get(s, UNSTATED_WEIGHT) for s in field_values(study, "settings")]
    return max(weights, default=UNSTATED_WEIGHT)


def belief(weights: Iterable[float]) -> float:
    """Support of an edge: 1 - prod(1 - p) over its studies (independent evidence)."""
    return 1.0 - math.prod(1.0 - p for p in weights)


@cache
def _lexicon_kinds() -> dict[str, str]:
    """Pathway and metabolite labels of the packaged lexicon, to type molecule nodes."""
    vocab = vocabulary()
    kinds = {label: "pathway" for label in vocab.get("pathways", {})}
    kinds.update({label: "metabolite" for label in vocab.get("metabolites", {})})
    return kinds


def molecule_type(label: str) -> str:
    """gene, miRNA, pathway or metabolite (lncRNA names are typed gene)."""
    if label.startswith(("miR-", "let-")):
        return "miRNA"
    return _lexicon_kinds().get(label, "gene")


def node_id(kind: str, label: str) -> str:
    return f"{kind}:{label}"


@dataclass(slots=True)
class _EdgeBuild:
    studies: dict[str, float] = field(default_factory=dict)
    evidence: dict[tuple[str, str], None] = field(default_factory=dict)

    def add(self, study_id: str, weight: float, sentences: Iterable[str]) -> None:
        self.studies[study_id] = weight
        for sentence in sentences:
            self.evidence.setdefault((study_id, sentence), None)


@dataclass(slots=True)
class StudyEdges:
    """What one study adds to the graph: its nodes (id -> attributes) and its edges as
    (u, v, relation, sentences); `weight` is the study's p for every edge."""

    study_id: str
    weight: float
    nodes: dict[str, dict[str, Any]] = field(default_factory=dict)
    edges: list[tuple[str, str, str, list[str]]] = field(default_factory=list)
    has_source: bool = False


def study_edges(study: Study, source_parts: int = 2, infer_associations: bool = True) -> StudyEdges:
    """The nodes and edges one study adds (see the module doc); `build_graph` merges them,
    and a view kept up to date on write adds and takes away single studies' shares."""
    text = StudyText(study)
    found = StudyEdges(study.id, study_weight(study))

    def node(kind: str, label: str, node_type: str) -> str:
        key = node_id(kind, label)
        found.nodes.setdefault(key, {"kind": kind, "label": label, "type": node_type})
        return key

    sources = sorted({reduce_value(v, source_parts) for v in field_values(study, "ev_sources")})
    source_ids = [node("source", label, "source") for label in sources]
    found.has_source = bool(source_ids)
    for cargo in field_values(study, "ev_cargo"):
        cargo_id = node("molecule", cargo, molecule_type(cargo))
        for source_id in source_ids:
            found.edges.append((cargo_id, source_id, "carries", text.sentences("ev_cargo", cargo)))
    effects = _signed(field_values(study, "molecular_effects"))
    outcomes = _signed(field_values(study, "outcomes"))
    for value, target, relation in effects:
        target_id = node("molecule", target, molecule_type(target))
        for source_id in source_ids:
            found.edges.append(
                (source_id, target_id, relation, text.sentences("molecular_effects", value))
            )
    for value, phenotype, relation in outcomes:
        phenotype_id = node("phenotype", phenotype, "phenotype")
        for source_id in source_ids:
            found.edges.append(
                (source_id, phenotype_id, relation, text.sentences("outcomes", value))
            )
    if infer_associations and source_ids:
        for (m_value, target, m_rel), (o_value, phenotype, o_rel) in itertools.product(
            effects, outcomes
        ):
            sign = SIGNS[m_rel] * SIGNS[o_rel]
            if sign == 0:
                continue
            sentences = text.sentences("molecular_effects", m_value)
            sentences += text.sentences("outcomes", o_value)
            relation = "associated_positive" if sign > 0 else "associated_negative"
            found.edges.append(
                (node_id("molecule", target), node_id("phenotype", phenotype), relation, sentences)
            )
    return found


def build_graph(
    studies: Iterable[Study], source_parts: int = 2, infer_associations: bool = True
) -> nx.MultiDiGraph:
    """The merged signed graph of `studies` (see the module doc for nodes and edges).

    Edge attributes: relation, sign, inferred, studies (sorted ids), n_studies, belief,
    evidence (list of {"study_id", "sentence"}). Studies without `ev_sources` add only their
    cargo nodes; `graph.graph["skipped"]` lists them.
    """
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str, str], _EdgeBuild] = {}
    skipped: list[str] = []
    for study in studies:
        share = study_edges(study, source_parts, infer_associations)
        for key, attrs in share.nodes.items():
            nodes.setdefault(key, attrs)
        if not share.has_source:
            skipped.append(study.id)
        for u, v, relation, sentences in share.edges:
            edges.setdefault((u, v, relation), _EdgeBuild()).add(study.id, share.weight, sentences)
    return merged_graph(nodes, edges, skipped)


def merged_graph(
    nodes: dict[str, dict[str, Any]],
    edges: dict[tuple[str, str, str], _EdgeBuild],
    skipped: list[str],
) -> nx.MultiDiGraph:
    """The networkx graph of merged nodes and edges (`build_graph`'s last step)."""
    graph = nx.MultiDiGraph(skipped=skipped)
    for key, attrs in sorted(nodes.items()):
        graph.add_node(key, **attrs)
    for (u, v, relation), build in sorted(edges.items()):
        graph.add_edge(
            u,
            v,
            key=relation,
            relation=relation,
            sign=relation_sign(relation),
            inferred=relation.startswith("associated"),
            studies=sorted(build.studies),
            n_studies=len(build.studies),
            belief=round(belief(build.studies.values()), 6),
            evidence=[{"study_id": s, "sentence": t} for s, t in build.evidence],
        )
    return graph


def _signed(values: list[str]) -> list[tuple[str, str, str]]:
    """(value, target, direction) for `target|direction` values with a known direction."""
    found = []
    for value in values:
        target, _, direction = value.rpartition("|")
        if target and direction in SIGNS:
            found.append((value, target, direction))
    return found


def relation_sign(relation: str) -> int:
    if relation == "associated_positive":
        return 1
    if relation == "associated_negative":
        return -1
    return SIGNS.get(relation, 0)


def edges_frame(graph: nx.MultiDiGraph) -> pd.DataFrame:
    """One row per merged edge, strongest first (belief, then number of studies)."""
    rows = []
    for u, v, data in graph.edges(data=True):
        rows.append(
            {
                "source": graph.nodes[u]["label"],
                "target": graph.nodes[v]["label"],
                "source_kind": graph.nodes[u]["kind"],
                "target_kind": graph.nodes[v]["kind"],
                "relation": data["relation"],
                "sign": data["sign"],
                "inferred": data["inferred"],
                "belief": data["belief"],
                "n_studies": data["n_studies"],
                "studies": "; ".join(data["studies"]),
                "evidence": [(e["study_id"], e["sentence"]) for e in data["evidence"]],
            }
        )
    columns = [
        "source",
        "target",
        "source_kind",
        "target_kind",
        "relation",
        "sign",
        "inferred",
        "belief",
        "n_studies",
        "studies",
        "evidence",
    ]
    frame = pd.DataFrame(rows, columns=columns)
    order = ["belief", "n_studies", "source", "target", "relation"]
    return frame.sort_values(order, ascending=[False, False, True, True, True]).reset_index(
        drop=True
    )


def contradictions(graph: nx.MultiDiGraph, include_inferred: bool = False) -> pd.DataFrame:
    """Edges reported with opposite signs: the same source and target, + in some studies and
    - in others. `same_study` flags a study that reported both."""
    rows = []
    for u, v in sorted({(u, v) for u, v in graph.edges()}):
        signed: dict[int, dict[str, Any]] = {}
        for data in graph.get_edge_data(u, v).values():
            if data["sign"] != 0 and (include_inferred or not data["inferred"]):
                signed[data["sign"]] = data
        if len(signed) < 2:
            continue
        plus, minus = signed[1], signed[-1]
        rows.append(
            {
                "source": graph.nodes[u]["label"],
                "target": graph.nodes[v]["label"],
                "positive": plus["relation"],
                "negative": minus["relation"],
                "positive_studies": "; ".join(plus["studies"]),
                "negative_studies": "; ".join(minus["studies"]),
                "positive_belief": plus["belief"],
                "negative_belief": minus["belief"],
                "same_study": bool(set(plus["studies"]) & set(minus["studies"])),
            }
        )
    columns = [
        "source",
        "target",
        "positive",
        "negative",
        "positive_studies",
        "negative_studies",
        "positive_belief",
        "negative_belief",
        "same_study",
    ]
    return pd.DataFrame(rows, columns=columns)


@dataclass(frozen=True, slots=True)
class Step:
    """One edge of a path, with what supports it."""

    source: str
    target: str
    relation: str
    sign: int
    belief: float
    studies: tuple[str, ...]
    evidence: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class MechanismPath:
    """A chain of signed edges; `sign` is the product of the step signs, `score` of beliefs."""

    steps: tuple[Step, ...]

    @property
    def nodes(self) -> list[str]:
        return [self.steps[0].source, *(step.target for step in self.steps)]

    @property
    def sign(self) -> int:
        return math.prod(step.sign for step in self.steps)

    @property
    def score(self) -> float:
        return math.prod(step.belief for step in self.steps)

    @property
    def studies(self) -> list[str]:
        return sorted({s for step in self.steps for s in step.studies})

    def describe(self) -> str:
        """One line, e.g. `MSC|adipose -[up]-> RUNX2 -[associated_positive]-> osteogenesis (+)`."""
        text = self.steps[0].source
        for step in self.steps:
            text += f" -[{step.relation}]-> {step.target}"
        return f"{text} ({'+' if self.sign > 0 else '-' if self.sign < 0 else '0'})"


def resolve(graph: nx.MultiDiGraph, name: str) -> list[str]:
    """Node ids for a name: a node id, a label; for sources a prefix also matches, so "MSC"
    means MSC and every MSC|origin."""
    if name in graph:
        return [name]
    found = [
        n
        for n, d in graph.nodes(data=True)
        if d["label"] == name or (d["kind"] == "source" and d["label"].startswith(name + "|"))
    ]
    if found:
        return sorted(found)
    labels = sorted({d["label"] for _, d in graph.nodes(data=True)})
    hint = ", ".join(labels[:30]) + (" ..." if len(labels) > 30 else "")
    synonyms = {word: label for word, label in outcome_synonyms().items() if label in labels}
    raise GraphQueryError(
        f"no node named {name!r} in the graph{did_you_mean(name, labels, synonyms)} "
        f"(known labels: {hint})"
    )


def paths(
    graph: nx.MultiDiGraph,
    source: str,
    target: str,
    max_len: int = 3,
    include_inferred: bool = True,
    limit: int | None = None,
) -> list[MechanismPath]:
    """Signed paths from `source` to `target` of at most `max_len` edges, best score first.

    Only signed edges (not `carries`, not `no_change`) are walked. Parallel edges give one
    path each, so a contradicted step yields a + and a - path.
    """
    signed = nx.DiGraph()
    for u, v, data in graph.edges(data=True):
        if data["sign"] != 0 and (include_inferred or not data["inferred"]):
            signed.add_edge(u, v)
    found: list[MechanismPath] = []
    for start in resolve(graph, source):
        for end in resolve(graph, target):
            if start == end or start not in signed or end not in signed:
                continue
            for node_path in nx.all_simple_paths(signed, start, end, cutoff=max_len):
                found.extend(_expand(graph, node_path, include_inferred))
    found.sort(key=lambda p: (-p.score, len(p.steps), p.nodes, [s.relation for s in p.steps]))
    return found[:limit] if limit is not None else found


def _expand(
    graph: nx.MultiDiGraph, node_path: list[str], include_inferred: bool
) -> Iterator[MechanismPath]:
    options = []
    for u, v in itertools.pairwise(node_path):
        steps = [
            Step(
                source=graph.nodes[u]["label"],
                target=graph.nodes[v]["label"],
                relation=data["relation"],
                sign=data["sign"],
                belief=data["belief"],
                studies=tuple(data["studies"]),
                evidence=tuple((e["study_id"], e["sentence"]) for e in data["evidence"]),
            )
            for data in graph.get_edge_data(u, v).values()
            if data["sign"] != 0 and (include_inferred or not data["inferred"])
        ]
        options.append(steps)
    for combination in itertools.product(*options):
        yield MechanismPath(tuple(combination))


def _flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with list attributes turned into strings, as GraphML needs scalars."""
    flat = nx.MultiDiGraph()
    flat.add_nodes_from(graph.nodes(data=True))
    for u, v, key, data in graph.edges(keys=True, data=True):
        attrs = dict(data)
        attrs["studies"] = "; ".join(data["studies"])
        attrs["evidence"] = json.dumps(data["evidence"], ensure_ascii=False)
        flat.add_edge(u, v, key=key, **attrs)
    return flat


def write_graphml(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """GraphML (networkx); `studies` joined with "; ", `evidence` as a JSON string."""
    target = Path(path)
    nx.write_graphml(_flat(graph), target)
    return target


def cytoscape_json(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """Cytoscape.js JSON (elements: nodes and edges with all attributes)."""
    data: dict[str, Any] = nx.cytoscape_data(graph)
    data["data"] = {"skipped": graph.graph.get("skipped", [])}
    return data


def write_cytoscape(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    target = Path(path)
    target.write_text(
        json.dumps(cytoscape_json(graph), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return target


def sif(graph: nx.MultiDiGraph) -> str:
    """Simple Interaction Format, tab-separated (labels may hold spaces): source, relation,
    target per line."""
    lines = [
        f"{graph.nodes[u]['label']}\t{data['relation']}\t{graph.nodes[v]['label']}"
        for u, v, data in graph.edges(data=True)
    ]
    return "\n".join(lines) + ("\n" if lines else "")


def write_graph(graph: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write by suffix: .graphml, .json (Cytoscape) or .sif."""
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix == ".graphml":
        return write_graphml(graph, target)
    if suffix in {".json", ".cyjs"}:
        return write_cytoscape(graph, target)
    if suffix == ".sif":
        target.write_text(sif(graph), encoding="utf-8")
        return target
    raise ValueError(f"{target}: unknown graph format {suffix!r}; use .graphml, .json or .sif")


def top_paths(graph: nx.MultiDiGraph, limit: int = 10) -> list[MechanismPath]:
    """The best-supported two-step mechanisms source -> molecule -> phenotype, over the whole
    graph (direct source -> phenotype edges are listed by `edges_frame`)."""
    found: list[MechanismPath] = []
    for source, data in graph.nodes(data=True):
        if data["kind"] != "source":
            continue
        for molecule in graph.successors(source):
            if graph.nodes[molecule]["kind"] != "molecule":
                continue
            for phenotype in graph.successors(molecule):
                if graph.nodes[phenotype]["kind"] == "phenotype":
                    found.extend(_expand(graph, [source, molecule, phenotype], True))
    found.sort(key=lambda p: (-p.score, p.nodes, [s.relation for s in p.steps]))
    return found[:limit]
