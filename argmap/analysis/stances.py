"""Which way each evidence item points at each side it reaches.

The sign of a path is the product of its edge signs (undermining an
undermining claim supports). Rather than listing paths, which can be
exponential, each node keeps a two-bit set of the signs with which it reaches
each side, filled parents-first in one topological pass: linear in the graph.
"""

from __future__ import annotations

from collections import defaultdict

import networkx as nx

from argmap.analysis.subgraph import questions, sides_of
from argmap.graph import ARGUMENT_RELATIONS

_POS, _NEG = 1, 2
_WORDS = {_POS: "supports", _NEG: "undermines", _POS | _NEG: "contested"}


def side_stances(g: nx.DiGraph, question: str | None = None) -> dict[str, dict[str, str]]:
    """``{evidence id: {side node id: "supports"|"undermines"|"contested"}}``.

    Only evidence that reaches a side appears; with ``question`` only that
    question's sides are considered.
    """
    targets = sides_of(g, question) if question else [s for q in questions(g) for s in sides_of(g, q)]
    reach: dict[str, dict[str, int]] = defaultdict(dict)
    for side in targets:
        reach[side][side] = _POS
    argument = g.edge_subgraph(
        (u, v) for u, v, r in g.edges(data="relation") if r in ARGUMENT_RELATIONS
    )
    for node in reversed(list(nx.topological_sort(argument))):
        if g.nodes[node]["kind"] == "side":
            continue
        mine = reach[node]
        for parent in argument.successors(node):
            theirs = reach.get(parent)
            if not theirs:
                continue
            flip = g.edges[node, parent]["relation"] == "undermines"
            for side, mask in theirs.items():
                if flip:
                    mask = ((mask & _POS) << 1) | ((mask & _NEG) >> 1)
                mine[side] = mine.get(side, 0) | mask
    return {
        node: {side: _WORDS[mask] for side, mask in sorted(reach[node].items())}
        for node in g.nodes
        if g.nodes[node]["kind"] == "evidence" and reach.get(node)
    }
