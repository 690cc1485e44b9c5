"""The argument graph built from a corpus (docs/format.md, The argument graph)."""

from __future__ import annotations

import networkx as nx
import pytest

from argmap.analysis import question_subgraph, questions
from argmap.analysis.subgraph import on_path, sides_of
from argmap.corpus import load_corpus
from argmap.graph import build_graph, side_node

Q = "collective-security-aim"


@pytest.fixture
def g(mini_corpus):
    return build_graph(load_corpus(mini_corpus).corpus)


def test_every_node_has_a_kind_and_a_label(g):
    kinds = {n: d["kind"] for n, d in g.nodes(data=True)}
    assert kinds == {
        "nazi-soviet-pact": "evidence", "league-entry": "evidence", "munich": "evidence",
        "franco-soviet-pact": "evidence",
        "security-genuine": "claim", "pact-last-resort": "claim", "german-deal": "claim",
        "collective-security": "school", "german-school": "school",
        Q: "question", f"{Q}/agree": "side", f"{Q}/disagree": "side",
    }
    assert all(isinstance(d["label"], str) and d["label"] for _, d in g.nodes(data=True))


def test_evidence_attributes(g):
    pact = g.nodes["nazi-soviet-pact"]
    assert pact["label"] == pact["title"] == "Nazi-Soviet Pact signed"
    assert pact["date"] == "1939-08-23"
    assert pact["evidence_kind"] == "treaty"
    assert pact["detail"].startswith("Non-aggression pact")
    assert pact["source"] == "Class notes, the Nazi-Soviet Pact"
    assert pact["quote"] is None and pact["speaker"] is None and pact["tags"] == []
    # kind is optional; an event by default
    assert g.nodes["munich"]["evidence_kind"] == "event"


def test_claim_label_is_the_short_label_and_text_the_full_sentence(g):
    claim = g.nodes["german-deal"]
    assert claim["label"] == "Stalin wanted a German deal"
    assert claim["text"] == "Stalin preferred a deal with Germany all along."


def test_a_claim_without_label_is_cut_at_a_word_before_sixty_characters(tmp_path):
    for folder in ("schools", "exam_questions", "evidence"):
        (tmp_path / folder).mkdir()
    long_text = ("The Soviet leadership pursued collective security with the western "
                 "democracies only as long as it seemed to pay.")
    (tmp_path / "schools" / "c.yaml").write_text(
        f"claims:\n  - id: long\n    text: {long_text}\n  - id: short\n    text: Short claim.\n",
        encoding="utf-8",
    )
    g = build_graph(load_corpus(tmp_path).corpus)
    label = g.nodes["long"]["label"]
    assert label.endswith("…")
    assert len(label) <= 60
    assert long_text.startswith(label[:-1])
    assert long_text[len(label) - 1] == " "  # cut at a word boundary
    assert g.nodes["short"]["label"] == "Short claim."


def test_school_question_and_side_attributes(g):
    school = g.nodes["collective-security"]
    assert school["name"] == school["label"] == "Collective-security school"
    assert school["historians"] == [{
        "name": "Jonathan Haslam",
        "works": [{"title": "The Soviet Union and the Struggle for Collective Security in Europe, 1933-39",
                   "year": 1984}],
    }]
    q = g.nodes[Q]
    assert q["paper"] == 3  # default
    assert q["session"] == "Specimen"
    assert q["command_term"] == "discuss"
    assert q["period"] == [1933, 1939]
    assert q["sides"] == [side_node(Q, "agree"), side_node(Q, "disagree")] == sides_of(g, Q)
    agree = g.nodes[f"{Q}/agree"]
    assert agree["label"] == "Collective security was the aim"
    assert agree["question"] == Q and agree["order"] == 0
    assert agree["claims"] == ["security-genuine", "pact-last-resort"]  # listed order
    assert g.nodes[f"{Q}/disagree"]["order"] == 1


def test_edges_carry_relation_weight_and_reading(g):
    e = g.edges
    assert e["munich", "pact-last-resort"] == {
        "relation": "supports", "weight": 0.75,
        "reading": "Munich showed the West would not stand with Moscow.",
    }
    assert e["league-entry", "german-deal"]["relation"] == "undermines"
    assert e["league-entry", "german-deal"]["weight"] == 0.25
    assert e["league-entry", "security-genuine"]["weight"] == 0.5  # moderate by default
    assert e["pact-last-resort", "security-genuine"] == {"relation": "supports", "weight": 0.5}
    assert e["german-deal", "security-genuine"] == {"relation": "undermines", "weight": 0.5}
    assert e["security-genuine", f"{Q}/agree"] == {"relation": "supports", "weight": 1.0}
    assert e["german-deal", f"{Q}/disagree"] == {"relation": "supports", "weight": 1.0}
    assert e["collective-security", "security-genuine"] == {"relation": "holds"}
    assert e["collective-security", "german-deal"] == {"relation": "rejects"}
    assert e[Q, f"{Q}/agree"] == {"relation": "has_side"}
    # evidence links 5, claim -> claim 2, claim -> side 3, holds/rejects 5, has_side 2
    assert g.number_of_edges() == 5 + 2 + 3 + 5 + 2


def test_evidence_link_without_reading_has_reading_none(tmp_path):
    for folder in ("schools", "exam_questions", "evidence"):
        (tmp_path / folder).mkdir()
    (tmp_path / "evidence" / "c.yaml").write_text(
        "evidence:\n  - {id: e, title: E, date: 1939, source: s}\n"
        "claims:\n  - id: c\n    text: C.\n    evidence: [{ref: e, stance: supports, weight: weak}]\n",
        encoding="utf-8",
    )
    g = build_graph(load_corpus(tmp_path).corpus)
    assert g.edges["e", "c"] == {"relation": "supports", "weight": 0.25, "reading": None}


def test_argument_edges_form_no_cycle(g):
    argument = g.edge_subgraph((u, v) for u, v, r in g.edges(data="relation") if r in ("supports", "undermines"))
    assert nx.is_directed_acyclic_graph(argument)


def test_the_same_corpus_gives_the_same_graph_in_the_same_order(mini_corpus):
    a = build_graph(load_corpus(mini_corpus).corpus)
    b = build_graph(load_corpus(mini_corpus).corpus)
    assert list(a.nodes(data=True)) == list(b.nodes(data=True))
    assert list(a.edges(data=True)) == list(b.edges(data=True))


def test_questions_on_path_and_subgraph(g, mini_corpus):
    assert questions(g) == [Q]
    assert on_path(g, Q) == {
        "security-genuine", "pact-last-resort", "german-deal",
        "nazi-soviet-pact", "league-entry", "munich", "franco-soviet-pact",
    }
    sub = question_subgraph(g, Q)
    assert set(sub.nodes) == set(g.nodes)  # in the mini corpus everything is on the path
    assert sub.nodes[Q] == g.nodes[Q]


def test_question_subgraph_leaves_out_other_questions_and_unused_schools(tmp_path):
    for folder in ("schools", "exam_questions", "evidence"):
        (tmp_path / folder).mkdir()
    (tmp_path / "exam_questions" / "q.yaml").write_text(
        """\
evidence:
  - {id: e1, title: E1, date: 1939, source: s}
  - {id: e2, title: E2, date: 1939, source: s}
claims:
  - {id: a, text: A., evidence: [{ref: e1, stance: supports}]}
  - {id: b, text: B.}
  - {id: c, text: C., evidence: [{ref: e2, stance: supports}]}
  - {id: d, text: D., supports: [a]}
schools:
  - {id: s1, name: S1, summary: S1., holds: [d]}
  - {id: s2, name: S2, summary: S2., holds: [c]}
questions:
  - id: q1
    text: Q1?
    command_term: discuss
    sides: [{id: x, label: X, claims: [a]}, {id: y, label: Y, claims: [b]}]
  - id: q2
    text: Q2?
    command_term: discuss
    sides: [{id: x, label: X, claims: [c]}, {id: y, label: Y, claims: [b]}]
""",
        encoding="utf-8",
    )
    g = build_graph(load_corpus(tmp_path).corpus)
    sub = question_subgraph(g, "q1")
    assert set(sub.nodes) == {"q1", "q1/x", "q1/y", "a", "b", "d", "e1", "s1"}
    # induced: every edge of g among those nodes, and no other
    assert set(sub.edges) == {(u, v) for u, v in g.edges if u in sub and v in sub}
    with pytest.raises(KeyError):
        question_subgraph(g, "a")
