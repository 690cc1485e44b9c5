"""vis-network nodes, edges and options for one question's map, via pyvis.

pyvis only assembles the data here; its own template and ``write_html`` are
not used (they pull Bootstrap from a CDN, skip escaping, and write without an
encoding). pyvis imports IPython when imported, so this module is imported
only when pages are rendered.
"""

from __future__ import annotations

from typing import Any

import networkx as nx
from pyvis.network import Network

from argmap.render.data import drawn_label
from argmap.render.layout import METRICS, layout
from argmap.render.style import (
    THEMES, claim_group, edge_style, evidence_group, groups, network_options, side_group,
)


def vis_data(g: nx.DiGraph, question: str, data: dict[str, Any]) -> dict[str, Any]:
    """The ``vis`` entry of the page data: nodes at fixed layout positions,
    edges with ids ``e<index into data["links"]>``, options, and per theme
    the groups and every node's position and drawn label."""
    themes = {
        theme: {n: [*xy, drawn_label(g, n, theme)] for n, xy in layout(g, question, theme).items()}
        for theme in THEMES
    }
    opening = themes[data["theme"]]
    side_of = {c: side["order"] for side in data["sides"] for c in side["claims"]}
    side_fill = {side["id"]: side["colour"] for side in data["sides"]}
    net = Network(directed=True)
    for node in data["nodes"]:
        node_id, kind = node["id"], node["kind"]
        x, y, label = opening[node_id]
        net.add_node(node_id, label=label, shape="box", group=_group(g, node_id, kind, data, side_of),
                     x=x, y=y, title=_tooltip(g, node_id, kind))
    for index, link in enumerate(data["links"]):
        net.add_edge(link["from"], link["to"], id=f"e{index}",
                     **edge_style(link["relation"], link["weight"], side_fill.get(link["to"])))
    net.options = network_options(len(data["links"]))
    return {
        "nodes": [_without_defaults(n) for n in net.nodes],
        "edges": [_without_defaults(e) for e in net.edges],
        "options": net.options,
        "groups": {theme: groups(len(data["sides"]), theme, METRICS[theme].box_width) for theme in THEMES},
        "themes": themes,
    }


def _group(g: nx.DiGraph, node: str, kind: str, data: dict[str, Any], side_of: dict[str, int]) -> str:
    if kind == "question":
        return "question"
    if kind == "side":
        return side_group(g.nodes[node]["order"])
    if kind == "claim":
        return claim_group(side_of.get(node))
    return evidence_group(data["evidence"][node]["contested"])


def _tooltip(g: nx.DiGraph, node: str, kind: str) -> str:
    """Plain text shown on hover (vis-network sets it as text, never HTML)."""
    attrs = g.nodes[node]
    if kind == "evidence":
        return f"{attrs['title']} ({attrs['date']})"
    if kind in ("claim", "question"):
        return attrs["text"]
    return attrs["label"]


def _without_defaults(item: dict[str, Any]) -> dict[str, Any]:
    """Drop what the groups and edge defaults already say (pyvis writes a
    shape on every node and ``arrows: "to"`` on every directed edge), so each
    item stays small."""
    return {k: v for k, v in item.items() if k != "shape" and not (k == "arrows" and v == "to")}
