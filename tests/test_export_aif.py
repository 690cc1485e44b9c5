"""A class loads a map into OVA or AIFdb: AIF JSON whose I-nodes are the
evidence, claims and sides, with an RA-node for each support and a CA-node
for each attack between them."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest

from argmap.analysis import question_subgraph
from argmap.corpus import load_corpus
from argmap.export import EXPORTERS
from argmap.graph import build_graph

QUESTION = "collective-security-aim"
SCHEME_OF = {"supports": "RA", "undermines": "CA"}


def graph_of(corpus: Path) -> nx.DiGraph:
    result = load_corpus(corpus)
    assert not result.errors, result.errors
    return build_graph(result.corpus)


def check_structure(doc: dict) -> dict[str, dict]:
    """What any AIF reader relies on; returns the nodes by id."""
    assert set(doc) >= {"nodes", "edges"}
    nodes = {n["nodeID"]: n for n in doc["nodes"]}
    assert len(nodes) == len(doc["nodes"]), "node ids are unique"
    for node in doc["nodes"]:
        assert isinstance(node["nodeID"], str) and isinstance(node["text"], str) and node["text"]
        assert node["type"] in ("I", "RA", "CA")
    assert len({e["edgeID"] for e in doc["edges"]}) == len(doc["edges"]), "edge ids are unique"
    into: dict[str, list[str]] = {n: [] for n in nodes}
    out_of: dict[str, list[str]] = {n: [] for n in nodes}
    for edge in doc["edges"]:
        source, target = nodes[edge["fromID"]], nodes[edge["toID"]]
        # AIF never joins two I-nodes directly: a scheme node stands between.
        assert (source["type"] == "I") != (target["type"] == "I"), edge
        out_of[edge["fromID"]].append(edge["toID"])
        into[edge["toID"]].append(edge["fromID"])
    for node_id, node in nodes.items():
        if node["type"] != "I":
            assert len(into[node_id]) == 1 and len(out_of[node_id]) == 1, node
    return nodes


def relations(doc: dict) -> set[tuple[str, str, str]]:
    """(premise argmap id, conclusion argmap id, RA|CA) read off the AIF graph."""
    nodes = {n["nodeID"]: n for n in doc["nodes"]}
    premise = {e["toID"]: e["fromID"] for e in doc["edges"] if nodes[e["toID"]]["type"] != "I"}
    conclusion = {e["fromID"]: e["toID"] for e in doc["edges"] if nodes[e["fromID"]]["type"] != "I"}
    return {
        (nodes[premise[s]]["argmapID"], nodes[conclusion[s]]["argmapID"], nodes[s]["type"])
        for s in nodes if nodes[s]["type"] != "I"
    }


@pytest.mark.parametrize("question", [QUESTION, None])
def test_aif_has_the_graphs_statements_and_relations(mini_corpus, question):
    g = graph_of(mini_corpus)
    expected = question_subgraph(g, question) if question else g
    doc = json.loads(EXPORTERS["aif"](g, question))
    nodes = check_structure(doc)

    i_nodes = {n["argmapID"]: n for n in nodes.values() if n["type"] == "I"}
    statements = {n for n, kind in expected.nodes(data="kind") if kind in ("evidence", "claim", "side")}
    assert set(i_nodes) == statements
    assert i_nodes["german-deal"]["text"] == "Stalin preferred a deal with Germany all along."
    assert i_nodes["nazi-soviet-pact"]["text"] == "Nazi-Soviet Pact signed (1939-08-23)"
    assert i_nodes[f"{QUESTION}/disagree"]["text"] == "A German deal was the aim"
    assert relations(doc) == {
        (u, v, SCHEME_OF[r]) for u, v, r in expected.edges(data="relation") if r in SCHEME_OF
    }


def test_an_attack_is_a_conflict_node(mini_corpus):
    doc = json.loads(EXPORTERS["aif"](graph_of(mini_corpus), QUESTION))
    assert ("german-deal", "security-genuine", "CA") in relations(doc)
    assert ("league-entry", "german-deal", "CA") in relations(doc)
    assert ("munich", "pact-last-resort", "RA") in relations(doc)
    assert {n["text"] for n in doc["nodes"] if n["type"] == "CA"} == {"Default Conflict"}


def test_cli_export_is_reproducible_json(mini_corpus, tmp_path, argmap_cli):
    target = tmp_path / "map.json"
    first = argmap_cli("export", QUESTION, "--corpus", mini_corpus, "--format", "aif", "-o", target)
    second = argmap_cli("export", QUESTION, "--corpus", mini_corpus, "--format", "aif")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert target.read_text(encoding="utf-8") == second.stdout
    check_structure(json.loads(second.stdout))


def test_unknown_question_is_a_usage_error(mini_corpus, argmap_cli):
    result = argmap_cli("export", "collective-security-aims", "--corpus", mini_corpus, "--format", "aif")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "did you mean" in result.stderr


def test_the_course_corpus_exports_to_aif(course_corpus):
    if not any((course_corpus / "exam_questions").rglob("*.yaml")):
        pytest.skip("the course corpus has no questions yet")
    g = graph_of(course_corpus)
    doc = json.loads(EXPORTERS["aif"](g, None))
    check_structure(doc)
    assert relations(doc) == {(u, v, SCHEME_OF[r]) for u, v, r in g.edges(data="relation") if r in SCHEME_OF}
