"""vis-network nodes, options and the fixed drawing of one question's map.

The page draws exactly what ``argmap.render.layout`` computed: each box as a
vis-network node at its place, with its label lines joined by "\\n" and a
fixed width and height, so vis-network never wraps or cuts a label; and each
line as its polyline, which the page draws itself (vis-network has no edges
here: its own lines would run straight through boxes).

pyvis is not used: it only assembled dictionaries, and importing it (it
imports IPython) took half of ``argmap build``'s time.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from argmap.render.layout import Box, MapLayout, map_layouts
from argmap.render.style import (
    MARGIN, THEMES, claim_group, evidence_group, groups, line_style, network_options, side_group,
)


def vis_data(g: nx.DiGraph, question: str, data: dict[str, Any]) -> dict[str, Any]:
    """The ``vis`` entry of the page data (see ``argmap.render.data``)."""
    layouts = map_layouts(g, question, THEMES)
    links = [(link["from"], link["to"]) for link in data["links"]]
    for theme, drawn in layouts.items():
        if [(line.source, line.target) for line in drawn.lines] != links:
            raise AssertionError(f"the {theme} layout's lines are not the page's links")
    opening = layouts[data["theme"]].boxes
    side_of = {c: side["order"] for side in data["sides"] for c in side["claims"]}
    side_fill = {side["id"]: side["colour"] for side in data["sides"]}
    nodes = []
    for node in data["nodes"]:
        node_id, kind = node["id"], node["kind"]
        box = opening[node_id]
        nodes.append({
            "id": node_id, "label": "\n".join(box.lines), "group": _group(g, node_id, kind, data, side_of),
            "x": box.x, "y": box.y, "title": _tooltip(g, node_id, kind), **_size(box),
        })
    return {
        "nodes": nodes,
        "options": network_options(),
        "lineStyles": [line_style(link["relation"], link["weight"], side_fill.get(link["to"])) for link in data["links"]],
        "groups": {theme: groups(len(data["sides"]), theme) for theme in THEMES},
        "layout": {theme: _drawing(drawn) for theme, drawn in layouts.items()},
    }


def _size(box: Box) -> dict[str, Any]:
    """vis-network options that fix a box to exactly its size: vis-network's
    constraints hold the text area, inside the group's margin. No maximum:
    with one, vis-network breaks lines again itself, measuring some in the
    wrong type; the lines computed here already fit."""
    inner = 2 * MARGIN[box.kind]
    return {"widthConstraint": {"minimum": round(box.width - inner, 2)},
            "heightConstraint": {"minimum": round(box.height - inner, 2), "valign": "middle"}}


def _drawing(drawn: MapLayout) -> dict[str, Any]:
    return {
        "boxes": {
            b.id: {"x": b.x, "y": b.y, "width": b.width, "height": b.height, "lines": list(b.lines),
                   "fontSize": b.font_size}
            for b in drawn.boxes.values()
        },
        "lines": [[list(p) for p in line.points] for line in drawn.lines],
        "width": drawn.width, "height": drawn.height, "scale": round(drawn.scale, 4),
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
