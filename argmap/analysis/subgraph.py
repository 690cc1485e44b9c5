"""Which part of the graph belongs to one question."""

from __future__ import annotations

import networkx as nx

from argmap.graph import ARGUMENT_RELATIONS


def questions(g: nx.DiGraph) -> list[str]:
    """Question ids in corpus order."""
    return [n for n, k in g.nodes(data="kind") if k == "question"]


def sides_of(g: nx.DiGraph, question: str) -> list[str]:
    """The side node ids of ``question`` in their written order.

    Raises KeyError for an id that is not a question of ``g``.
    """
    if question not in g or g.nodes[question].get("kind") != "question":
        raise KeyError(f"unknown question '{question}'")
    return list(g.nodes[question]["sides"])


def on_path(g: nx.DiGraph, question: str) -> set[str]:
    """Claims and evidence with an argument path to one of the question's sides."""
    return feeders(g, sides_of(g, question))


def feeders(g: nx.DiGraph, targets: "list[str] | set[str]") -> set[str]:
    """Claims and evidence with an argument path to any of ``targets``
    (the targets themselves are not included unless one feeds another)."""
    seen: set[str] = set()
    stack = list(targets)
    while stack:
        node = stack.pop()
        for child in g.predecessors(node):
            if child not in seen and g.edges[child, node]["relation"] in ARGUMENT_RELATIONS:
                seen.add(child)
                stack.append(child)
    return seen


def question_subgraph(g: nx.DiGraph, question: str) -> nx.DiGraph:
    """The sub-graph induced by the question, its sides, every claim and
    evidence item on a path to a side, and the schools that hold or reject
    those claims (docs/interface.md, one-question export)."""
    nodes = {question, *sides_of(g, question)}
    path = on_path(g, question)
    nodes |= path
    nodes |= {s for c in path for s in g.predecessors(c) if g.nodes[s]["kind"] == "school"}
    # Built node by node in corpus order: ``g.subgraph(...)`` iterates a set
    # when the sub-graph is small, so its order (and every export) would
    # change with Python's hash seed from one run to the next.
    sub = nx.DiGraph()
    sub.graph.update(g.graph)
    sub.add_nodes_from((n, dict(data)) for n, data in g.nodes(data=True) if n in nodes)
    sub.add_edges_from((u, v, dict(data)) for u, v, data in g.edges(data=True) if u in nodes and v in nodes)
    return sub
