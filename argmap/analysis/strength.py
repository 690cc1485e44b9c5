"""DF-QuAD gradual strengths (Rago, Toni, Aurisicchio, Baroni, KR 2016).

Each node is visited once in topological order and each argument edge once,
so weighing is linear in the size of the graph. Children are combined in
sorted-id order: floating-point products depend on order, and the map page's
JavaScript uses the same order so both give bit-identical numbers.
"""

from __future__ import annotations

from typing import Collection, Mapping

import networkx as nx

from argmap.graph import ARGUMENT_RELATIONS

EVIDENCE_BASE = 1.0
CLAIM_BASE = 0.5


def dfquad(base: float, supports: list[float], attacks: list[float]) -> float:
    """One DF-QuAD step: combine weighted child contributions with a base score.

    ``supports`` and ``attacks`` hold ``strength(child) * weight(child)``.

    >>> dfquad(0.5, [1.0 * 0.5], [])
    0.75
    >>> dfquad(0.5, [], [0.5])
    0.25
    >>> dfquad(0.5, [], [])
    0.5
    """
    return combine(base, _aggregate(supports), _aggregate(attacks))


def combine(base: float, vs: float, va: float) -> float:
    """DF-QuAD's last step: a base score moved by the aggregated support
    ``vs`` and attack ``va`` (each ``1 - prod(1 - contribution)``)."""
    if va >= vs:
        return base - base * (va - vs)
    return base + (1.0 - base) * (vs - va)


def _aggregate(values: list[float]) -> float:
    product = 1.0
    for v in values:
        product *= 1.0 - v
    return 1.0 - product


def strengths(
    g: nx.DiGraph,
    accepted: Mapping[str, bool] | None = None,
    keep: Collection[str] | None = None,
) -> dict[str, float]:
    """Strength of every evidence item and claim of ``g``.

    ``accepted`` maps evidence ids to False to set them aside (base 0.0);
    missing ids count as accepted. ``keep`` limits weighing to those nodes and
    the edges among them (a school's lens, see ``argmap.analysis.lens``).

    >>> g = nx.DiGraph()
    >>> g.add_node("e", kind="evidence"); g.add_node("c", kind="claim")
    >>> g.add_edge("e", "c", relation="supports", weight=0.5)
    >>> strengths(g)["c"], strengths(g, accepted={"e": False})["c"]
    (0.75, 0.5)
    """
    accepted = accepted or {}
    result: dict[str, float] = {}
    for node in weighing_order(g, keep):
        kind = g.nodes[node]["kind"]
        if kind == "evidence":
            result[node] = EVIDENCE_BASE if accepted.get(node, True) else 0.0
        elif kind == "claim":
            result[node] = claim_strength(g, node, result)
    return result


def claim_strength(g: nx.DiGraph, claim: str, weighed: Mapping[str, float]) -> float:
    """DF-QuAD strength of ``claim`` from its children's strengths in ``weighed``.

    Children missing from ``weighed`` are outside the lens and do not count.
    Children are combined in sorted-id order, as the page's JavaScript does.
    """
    supports: list[float] = []
    attacks: list[float] = []
    for child in sorted(g.predecessors(claim)):
        if child not in weighed:
            continue
        edge = g.edges[child, claim]
        contribution = weighed[child] * edge["weight"]
        (supports if edge["relation"] == "supports" else attacks).append(contribution)
    return dfquad(CLAIM_BASE, supports, attacks)


def weighing_order(g: nx.DiGraph, keep: Collection[str] | None = None) -> list[str]:
    """Evidence and claims (of ``keep`` only, when given), children before parents.

    With ``keep``, only those nodes and the edges into them are visited, so
    weighing one question costs the size of that question's path, not of the
    whole corpus. Nodes enter in graph order (``keep``: sorted), so the order
    is reproducible.
    Recomputed on each call rather than cached in the graph, which would hide
    state in it: one topological sort is linear anyway.
    """
    weighed = ("evidence", "claim")
    if keep is None:
        nodes = [n for n, k in g.nodes(data="kind") if k in weighed]
    else:
        # sorted, not filtered from the whole graph: that would cost the corpus
        nodes = [n for n in sorted(keep) if n in g and g.nodes[n]["kind"] in weighed]
    argument = nx.DiGraph()
    argument.add_nodes_from(nodes)
    argument.add_edges_from(
        (u, v) for v in nodes for u, r in g.pred[v].items()
        if u in argument and r["relation"] in ARGUMENT_RELATIONS
    )
    return list(nx.topological_sort(argument))
