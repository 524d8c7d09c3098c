"""Mechanism graph: nodes, signed edges, belief, contradictions, path signs, exports."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from analysis_fixtures import corpus

from exobone.analysis.graph import (
    GraphQueryError,
    belief,
    build_graph,
    contradictions,
    edges_frame,
    molecule_type,
    paths,
    sif,
    study_weight,
    top_paths,
    write_graph,
)
from exobone.model import Study


def test_nodes_and_edges_of_the_hand_corpus() -> None:
    graph = build_graph(corpus())
    assert graph.number_of_nodes() == 9
    assert graph.number_of_edges() == 10
    kinds = {n: d["kind"] for n, d in graph.nodes(data=True)}
    assert kinds["source:MSC|adipose"] == "source"
    assert kinds["source:MSC"] == "source"
    assert graph.nodes["molecule:miR-21"]["type"] == "miRNA"
    assert graph.nodes["molecule:RUNX2"]["type"] == "gene"
    assert set(graph["source:MSC|adipose"]["molecule:RUNX2"]) == {"up", "down"}
    carries = graph["molecule:miR-21"]["source:MSC|adipose"]["carries"]
    assert carries["sign"] == 0 and carries["studies"] == ["A1"]
    flat = graph["source:MSC|bone_marrow"]["phenotype:cell_proliferation"]["no_change"]
    assert flat["sign"] == 0


def test_edges_merge_studies_with_belief_and_evidence() -> None:
    graph = build_graph(corpus())
    edge = graph["source:MSC|adipose"]["phenotype:osteogenic_differentiation"]["increase"]
    assert edge["studies"] == ["A1", "A2"]
    # A1 in vivo (0.6), A2 in vitro (0.4): 1 - 0.4 * 0.6
    assert edge["belief"] == pytest.approx(0.76)
    assert edge["evidence"] == [
        {
            "study_id": "A1",
            "sentence": "Osteogenic differentiation was enhanced and bone loss was reduced.",
        }
    ]
    up = graph["source:MSC|adipose"]["molecule:RUNX2"]["up"]
    assert up["sign"] == 1 and up["evidence"][0]["sentence"].startswith("They increased RUNX2")


def test_inferred_associations_multiply_signs() -> None:
    graph = build_graph(corpus())
    runx2 = graph["molecule:RUNX2"]
    # A1: RUNX2 up and osteogenesis up -> +; A2: RUNX2 down, osteogenesis up -> -
    assert runx2["phenotype:osteogenic_differentiation"]["associated_positive"]["studies"] == ["A1"]
    assert runx2["phenotype:osteogenic_differentiation"]["associated_negative"]["studies"] == ["A2"]
    # A1: RUNX2 up and bone loss down -> -
    assert set(runx2["phenotype:bone_loss"]) == {"associated_negative"}
    assert all(d["inferred"] for d in runx2["phenotype:bone_loss"].values())
    assert not build_graph(corpus(), infer_associations=False).has_node("phenotype:nothing")
    assert build_graph(corpus(), infer_associations=False).number_of_edges() == 7


def test_study_weight_and_belief() -> None:
    a1, a2, a3, a4 = corpus()
    assert [study_weight(s) for s in (a1, a2, a3, a4)] == [0.6, 0.4, 0.6, 0.2]
    assert belief([0.5, 0.5]) == pytest.approx(0.75)
    assert belief([]) == 0.0


def test_contradictions_need_opposite_signs() -> None:
    graph = build_graph(corpus())
    found = contradictions(graph)
    assert len(found) == 1
    row = found.iloc[0]
    assert (row["source"], row["target"]) == ("MSC|adipose", "RUNX2")
    assert (row["positive_studies"], row["negative_studies"]) == ("A1", "A2")
    assert (row["positive_belief"], row["negative_belief"]) == (0.6, 0.4)
    assert not row["same_study"]
    with_inferred = contradictions(graph, include_inferred=True)
    assert set(with_inferred["target"]) == {"RUNX2", "osteogenic_differentiation"}


def test_paths_compose_signs() -> None:
    graph = build_graph(corpus())
    found = paths(graph, "MSC|adipose", "osteogenic_differentiation", max_len=3)
    assert len(found) == 5
    assert found[0].describe() == "MSC|adipose -[increase]-> osteogenic_differentiation (+)"
    assert found[0].score == pytest.approx(0.76)
    by_relations = {tuple(s.relation for s in p.steps): (p.sign, round(p.score, 4)) for p in found}
    assert by_relations[("up", "associated_positive")] == (1, 0.36)
    assert by_relations[("up", "associated_negative")] == (-1, 0.24)
    assert by_relations[("down", "associated_positive")] == (-1, 0.24)
    # down then a negative association: two minuses make a plus
    assert by_relations[("down", "associated_negative")] == (1, 0.16)
    assert found[1].studies == ["A1"]
    assert found[1].nodes == ["MSC|adipose", "RUNX2", "osteogenic_differentiation"]
    assert [p.score for p in found] == sorted((p.score for p in found), reverse=True)


def test_paths_respect_length_inference_and_names() -> None:
    graph = build_graph(corpus())
    assert len(paths(graph, "MSC|adipose", "osteogenic_differentiation", max_len=1)) == 1
    assert (
        len(paths(graph, "MSC|adipose", "osteogenic_differentiation", include_inferred=False)) == 1
    )
    # a cell type alone means every origin of it; the id form works too
    assert len(paths(graph, "MSC", "apoptosis")) == 1
    # direct, and through RUNX2 up or down
    assert len(paths(graph, "source:MSC|adipose", "phenotype:bone_loss")) == 3
    # no_change edges are not walked
    assert paths(graph, "MSC|bone_marrow", "cell_proliferation") == []
    with pytest.raises(GraphQueryError, match="no node named 'bone'"):
        paths(graph, "MSC", "bone")


def test_top_paths_and_edges_frame() -> None:
    graph = build_graph(corpus())
    best = top_paths(graph, limit=3)
    # 0.6 x 0.6 twice (ties in node order), then the first of the 0.24s
    assert [p.describe() for p in best] == [
        "MSC|adipose -[up]-> RUNX2 -[associated_negative]-> bone_loss (-)",
        "MSC|adipose -[up]-> RUNX2 -[associated_positive]-> osteogenic_differentiation (+)",
        "MSC|adipose -[down]-> RUNX2 -[associated_negative]-> bone_loss (+)",
    ]
    assert [round(p.score, 4) for p in best] == [0.36, 0.36, 0.24]
    frame = edges_frame(graph)
    assert len(frame) == 10
    assert frame.iloc[0][["source", "target", "relation"]].tolist() == [
        "MSC|adipose",
        "osteogenic_differentiation",
        "increase",
    ]


def test_molecule_types_from_the_lexicon() -> None:
    assert molecule_type("Wnt_signaling") == "pathway"
    assert molecule_type("calcium") == "metabolite"
    assert molecule_type("miR-140-5p") == "miRNA"
    assert molecule_type("ALPL") == "gene"


def test_exports_parse_back(tmp_path: Path) -> None:
    graph = build_graph(corpus())
    read = nx.read_graphml(write_graph(graph, tmp_path / "g.graphml"))
    assert read.number_of_nodes() == 9 and read.number_of_edges() == 10
    edge = read["source:MSC|adipose"]["phenotype:osteogenic_differentiation"]["increase"]
    assert edge["studies"] == "A1; A2" and edge["belief"] == pytest.approx(0.76)
    assert json.loads(edge["evidence"])[0]["study_id"] == "A1"

    data = json.loads(write_graph(graph, tmp_path / "g.json").read_text(encoding="utf-8"))
    assert len(data["elements"]["nodes"]) == 9 and len(data["elements"]["edges"]) == 10
    back = nx.cytoscape_graph(data)
    assert back.number_of_edges() == 10

    lines = sif(graph).splitlines()
    assert len(lines) == 10
    assert "miR-21\tcarries\tMSC|adipose" in lines
    assert write_graph(graph, tmp_path / "g.sif").read_text(encoding="utf-8").count("\n") == 10
    with pytest.raises(ValueError, match="unknown graph format"):
        write_graph(graph, tmp_path / "g.dot")


def test_seed_graph_paths(seed_studies: list[Study]) -> None:
    graph = build_graph(seed_studies)
    assert graph.graph["skipped"] == []
    direct = paths(graph, "MSC|adipose", "osteogenic_differentiation", max_len=1)
    assert [p.studies for p in direct] == [["S09", "S17"]]
    for path in paths(graph, "MSC", "osteogenic_differentiation", max_len=3):
        assert path.sign == 1 or path.sign == -1
        assert all(step.studies for step in path.steps)
