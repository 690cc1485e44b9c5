"""The map as a nested list: the same argument, for screen readers and print.

A map is a graph, not a tree: one claim can feed several others. The outline
unfolds it under each side. A claim listed on a side is spelled out there;
elsewhere it is named with a pointer to that side. Any other claim is spelled
out where it first appears and named with "see above" after that, so the
outline grows with the number of links, never exponentially.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

import networkx as nx

from argmap.analysis.subgraph import sides_of
from argmap.graph import ARGUMENT_RELATIONS
from argmap.render.layout import map_nodes

WEIGHT_WORDS = {0.25: "weak", 0.5: "moderate", 0.75: "strong"}


@dataclass
class Entry:
    """One line of the outline: a claim or evidence item and how it bears on
    its parent (``relation``, ``weight``, ``reading``)."""

    id: str
    kind: str
    text: str
    relation: str = ""
    weight: str = ""
    reading: str | None = None
    date: str | None = None
    repeated: bool = False
    see: str = "above"
    children: list["Entry"] = field(default_factory=list)

    def rows(self) -> Iterator[tuple[str, "Entry"]]:
        """The subtree as ``("open", entry)`` and ``("close", entry)`` steps in
        document order, so a template draws nested lists without recursing."""
        stack: list[tuple[str, Entry]] = [("open", self)]
        while stack:
            step, item = stack.pop()
            yield step, item
            if step == "open":
                stack.append(("close", item))
                stack.extend(("open", child) for child in reversed(item.children))


@dataclass
class SideOutline:
    id: str
    label: str
    order: int
    claims: list[Entry]


def outline(g: nx.DiGraph, question: str) -> list[SideOutline]:
    """Each side, in order, with its listed claims and everything feeding them.

    Children come supporters first, then underminers, each in graph order.
    """
    keep = set(map_nodes(g, question))
    spelled_out: set[str] = set()
    home = {c: g.nodes[s]["label"] for s in sides_of(g, question) for c in g.nodes[s]["claims"]}

    def entry(node: str, parent: str | None) -> tuple[Entry, list[str]]:
        """The entry for ``node`` under ``parent``, and the nodes to spell
        out beneath it (none for evidence or a claim already spelled out)."""
        data = g.nodes[node]
        edge = g.edges[node, parent] if parent is not None else {}
        weight = WEIGHT_WORDS.get(edge.get("weight", 0.0), "")
        if data["kind"] == "evidence":
            return Entry(node, "evidence", data["title"], edge.get("relation", ""), weight,
                         edge.get("reading"), data["date"]), []
        item = Entry(node, "claim", data["text"], edge.get("relation", ""), weight)
        if parent is not None and node in home:
            item.repeated, item.see = True, home[node]
            return item, []
        if node in spelled_out:
            item.repeated = True
            return item, []
        spelled_out.add(node)
        feeding = [c for c in g.predecessors(node)
                   if c in keep and g.edges[c, node]["relation"] in ARGUMENT_RELATIONS]
        feeding.sort(key=lambda c: g.edges[c, node]["relation"] != "supports")
        return item, feeding

    def tree(top: str) -> Entry:
        """Depth first with an explicit stack, in the order a recursive walk
        would take (so "spelled out where it first appears" holds), without
        a recursion limit: a chain of 3,000 claims is as fine as one of 3."""
        root, feeding = entry(top, None)
        stack = [(root, top, child) for child in reversed(feeding)]
        while stack:
            parent_entry, parent, node = stack.pop()
            item, feeding = entry(node, parent)
            parent_entry.children.append(item)
            stack.extend((item, node, child) for child in reversed(feeding))
        return root

    result = []
    for side in sides_of(g, question):
        data = g.nodes[side]
        result.append(SideOutline(side, data["label"], data["order"],
                                  [tree(c) for c in data["claims"]]))
    return result
