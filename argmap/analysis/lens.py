"""A school's lens: the part of the argument that school makes."""

from __future__ import annotations

import networkx as nx


def lens(g: nx.DiGraph, school: str) -> set[str]:
    """Claims ``school`` holds and the evidence they cite.

    Weighing over these nodes keeps exactly docs/format.md's lens: the held claims,
    their evidence, and the claim -> claim edges among held claims. Raises
    KeyError for an id that is not a school of ``g``.
    """
    if school not in g or g.nodes[school].get("kind") != "school":
        raise KeyError(f"unknown school '{school}'")
    held = {c for c in g.successors(school) if g.edges[school, c]["relation"] == "holds"}
    cited = {e for c in held for e in g.predecessors(c) if g.nodes[e]["kind"] == "evidence"}
    return held | cited
