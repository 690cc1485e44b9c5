"""``export --format aif``: AIFdb JSON, as OVA and AIFdb read it.

In the Argument Interchange Format a relation is itself a node: every support
becomes an RA-node (rule application) and every attack a CA-node (conflict
application), with an edge from the premise into it and one out of it to the
conclusion. Evidence, claims and sides are I-nodes (information).

Node ids are numbers written as strings, as AIFdb hands them out; OVA adds
its own nodes after the highest one. Each I-node also carries ``argmapID``
(and each scheme node ``weight``), which AIF readers ignore and which let a
map come back to argmap's ids.
"""

from __future__ import annotations

import json

import networkx as nx

from argmap.analysis import question_subgraph
from argmap.export.propositions import argument_edges, proposition, statements

SCHEME = {
    "supports": ("RA", "Default Inference"),
    "undermines": ("CA", "Default Conflict"),
}


def aif_document(g: nx.DiGraph, question: str | None) -> dict:
    """The AIF nodes and edges of one question's sub-graph, or of all of ``g``."""
    sub = question_subgraph(g, question) if question else g
    nodes: list[dict] = []
    edges: list[dict] = []
    node_ids: dict[str, str] = {}

    def new_node(**fields: object) -> str:
        node_id = str(len(nodes) + 1)
        nodes.append({"nodeID": node_id, **fields})
        return node_id

    def new_edge(source: str, target: str) -> None:
        edges.append({"edgeID": str(len(edges) + 1), "fromID": source, "toID": target, "formEdgeID": None})

    for node in statements(sub):
        node_ids[node] = new_node(text=proposition(sub, node), type="I", argmapID=node)
    for source, target, relation in argument_edges(sub):
        scheme_type, text = SCHEME[relation]
        scheme = new_node(text=text, type=scheme_type, weight=sub.edges[source, target]["weight"])
        new_edge(node_ids[source], scheme)
        new_edge(scheme, node_ids[target])
    return {"nodes": nodes, "edges": edges, "locutions": []}


def export(g: nx.DiGraph, question: str | None) -> str:
    """AIF JSON text, numbered in corpus order so the same corpus gives the same file."""
    return json.dumps(aif_document(g, question), indent=2, ensure_ascii=False) + "\n"
