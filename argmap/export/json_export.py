"""``export --format json``: node-link data with strengths, shares and stances."""

from __future__ import annotations

import json

import networkx as nx

from argmap.analysis import question_subgraph, side_stances, weigh


def annotated_graph(g: nx.DiGraph, question: str | None, school: str | None = None) -> nx.DiGraph:
    """The graph to export (one question's sub-graph, or all of it) with the
    analysis written onto it, under ``school``'s lens (None: every school):
    ``strength`` on evidence and claims (absent when the lens leaves them
    out), ``score`` and ``share`` on sides (``share`` None, JSON ``null``,
    where the school takes no position), ``sides`` (stance per side
    reached) on evidence; under a lens, the graph's ``school`` names it."""
    sub = question_subgraph(g, question) if question else g.copy()
    if school is not None:
        sub.graph["school"] = school
    weighing = weigh(g, question, school=school)
    stances = side_stances(g, question)
    for node, data in sub.nodes(data=True):
        kind = data["kind"]
        if kind in ("evidence", "claim") and node in weighing.strengths:
            data["strength"] = weighing.strengths[node]
        if kind == "side":
            data["score"] = weighing.scores[node]
            data["share"] = weighing.shares[node]
        if kind == "evidence":
            data["sides"] = stances.get(node, {})
    return sub


def export(g: nx.DiGraph, question: str | None, school: str | None = None) -> str:
    """networkx node-link JSON (``edges="edges"``), keys sorted, reproducible."""
    data = nx.node_link_data(annotated_graph(g, question, school), edges="edges")
    return json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
