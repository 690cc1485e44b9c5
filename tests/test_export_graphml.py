"""A teacher opens an exported map in yEd or Gephi: GraphML that networkx reads
back to the same nodes, relations and typed attributes as argmap's graph."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest

from argmap.analysis import question_subgraph, side_stances, weigh
from argmap.corpus import load_corpus
from argmap.export import EXPORTERS
from argmap.graph import build_graph

QUESTION = "collective-security-aim"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def graph_of(corpus: Path) -> nx.DiGraph:
    result = load_corpus(corpus)
    assert not result.errors, result.errors
    return build_graph(result.corpus)


def read_back(text: str) -> nx.DiGraph:
    return nx.read_graphml(io.BytesIO(text.encode("utf-8")))


def decoded(value: object) -> object:
    """GraphML carries lists and mappings as JSON strings."""
    if isinstance(value, str) and value[:1] in ("[", "{"):
        return json.loads(value)
    return value


@pytest.mark.parametrize("question", [QUESTION, None])
def test_graphml_holds_the_same_nodes_relations_and_attributes(mini_corpus, question):
    g = graph_of(mini_corpus)
    expected = question_subgraph(g, question) if question else g
    back = read_back(EXPORTERS["graphml"](g, question))

    assert list(back.nodes) == list(expected.nodes)
    assert {(u, v, d["relation"], d.get("weight")) for u, v, d in back.edges(data=True)} == {
        (u, v, d["relation"], d.get("weight")) for u, v, d in expected.edges(data=True)
    }
    for node, data in expected.nodes(data=True):
        read = {key: decoded(value) for key, value in back.nodes[node].items()}
        for key, value in data.items():
            if value is None:
                assert key not in read, f"{node}.{key} is None and should be left out"
            else:
                assert read[key] == value, f"{node}.{key}"
    for u, v, data in expected.edges(data=True):
        if data.get("reading"):
            assert back.edges[u, v]["reading"] == data["reading"]


def test_graphml_carries_the_weighing_like_the_json_export(mini_corpus):
    g = graph_of(mini_corpus)
    back = read_back(EXPORTERS["graphml"](g, QUESTION))
    weighing = weigh(g, QUESTION)
    stances = side_stances(g, QUESTION)

    for node, data in back.nodes(data=True):
        if data["kind"] in ("evidence", "claim"):
            assert data["strength"] == weighing.strengths[node]
        if data["kind"] == "side":
            assert (data["score"], data["share"]) == (weighing.scores[node], weighing.shares[node])
        if data["kind"] == "evidence":
            assert json.loads(data["sides"]) == stances[node]
    assert sum(back.nodes[s]["share"] for s in weighing.shares) == pytest.approx(1.0)


def test_graphml_attributes_are_typed(mini_corpus):
    text = EXPORTERS["graphml"](graph_of(mini_corpus), None)
    keys = {(k.get("for"), k.get("attr.name")): k.get("attr.type") for k in ET.fromstring(text).iter(f"{GRAPHML}key")}

    assert keys[("edge", "weight")] == "double"
    assert keys[("node", "strength")] == "double"
    assert keys[("node", "share")] == "double"
    assert keys[("node", "order")] in ("int", "long")
    assert keys[("node", "paper")] in ("int", "long")
    assert keys[("node", "label")] == "string"
    assert len(keys) == len({name for _, name in keys}), "one key per attribute name"
    back = read_back(text)
    assert isinstance(back.nodes[f"{QUESTION}/agree"]["order"], int)
    assert isinstance(back.edges["munich", "pact-last-resort"]["weight"], float)


def test_text_that_is_awkward_in_xml_survives(mini_corpus):
    pact = mini_corpus / "evidence" / "pact.yaml"
    awkward = 'Pact <signed> & "sealed" \'45 \u00e9\u4e2d\U0001f600 bell\x07'
    pact.write_text(pact.read_text().replace(
        "title: Nazi-Soviet Pact signed", f"title: {json.dumps(awkward, ensure_ascii=False)}"), encoding="utf-8")

    back = read_back(EXPORTERS["graphml"](graph_of(mini_corpus), None))

    # XML 1.0 cannot carry a bell character at all; it becomes U+FFFD.
    assert back.nodes["nazi-soviet-pact"]["title"] == awkward.replace("\x07", "\ufffd")


def test_cli_writes_the_same_bytes_every_time(mini_corpus, tmp_path, argmap_cli):
    first, second = tmp_path / "one.graphml", tmp_path / "two.graphml"
    for target in (first, second):
        result = argmap_cli("export", "all", "--corpus", mini_corpus, "--format", "graphml", "-o", target)
        assert result.returncode == 0, result.stderr
        assert result.stdout == ""
    assert first.read_bytes() == second.read_bytes()
    shown = argmap_cli("export", "all", "--corpus", mini_corpus, "--format", "graphml")
    assert shown.stdout.encode("utf-8") == first.read_bytes()
    assert list(read_back(shown.stdout).nodes) == list(graph_of(mini_corpus).nodes)


def test_a_broken_corpus_exports_nothing(mini_corpus, tmp_path, argmap_cli):
    target = tmp_path / "map.graphml"
    target.write_text("earlier export\n")
    schools = mini_corpus / "schools" / "schools.yaml"
    schools.write_text(schools.read_text().replace("stance: supports", "stance: backs", 1))

    result = argmap_cli("export", QUESTION, "--corpus", mini_corpus, "--format", "graphml", "-o", target)

    assert result.returncode == 1
    assert "bad stance 'backs'" in result.stderr
    assert "Traceback" not in result.stderr
    assert target.read_text() == "earlier export\n"


def test_the_course_corpus_exports_to_graphml(course_corpus):
    if not any((course_corpus / "exam_questions").rglob("*.yaml")):
        pytest.skip("the course corpus has no questions yet")
    g = graph_of(course_corpus)
    back = read_back(EXPORTERS["graphml"](g, None))
    assert set(back.nodes) == set(g.nodes)
    assert set(back.edges) == set(g.edges)
