"""What each node says when an argument tool shows it as a statement.

Argdown and AIF both draw evidence, claims and sides as propositions with one
line of text; they share this so a map reads the same in every tool.
"""

from __future__ import annotations

import networkx as nx

from argmap.graph import ARGUMENT_RELATIONS

STATEMENT_KINDS = ("evidence", "claim", "side")


def proposition(g: nx.DiGraph, node: str) -> str:
    """The statement text of an evidence item, claim or side.

    Evidence is a dated fact, so its date travels with its title: without it
    two tools' readers could not tell the 1935 pact from the 1939 one.
    """
    data = g.nodes[node]
    kind = data["kind"]
    if kind == "evidence":
        return f"{data['title']} ({data['date']})"
    if kind == "claim":
        return data["text"]
    if kind == "side":
        return data["label"]
    raise ValueError(f"'{node}' is a {kind}, not a statement")


def statements(g: nx.DiGraph) -> list[str]:
    """Evidence, claims and sides in graph (corpus) order."""
    return [n for n, kind in g.nodes(data="kind") if kind in STATEMENT_KINDS]


def argument_edges(g: nx.DiGraph) -> list[tuple[str, str, str]]:
    """``(source, target, relation)`` of every support and attack, in graph order."""
    return [(u, v, r) for u, v, r in g.edges(data="relation") if r in ARGUMENT_RELATIONS]
