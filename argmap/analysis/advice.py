"""Warnings a teacher would give about the argument for one question.

They do not depend on the evidence choices, so the map page receives them
once and only filters them by what its lens shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import networkx as nx

from argmap.analysis.subgraph import on_path, sides_of
from argmap.corpus.models import date_bounds

AdviceKind = Literal["outside-period", "one-school", "single-evidence", "no-evidence"]


@dataclass(frozen=True)
class Advice:
    """One warning about ``subject`` (an evidence, claim or side id).

    ``related`` names what the warning is about: for ``one-school`` the
    schools that hold the side's claims (none or one), for
    ``single-evidence`` the one evidence item the claim rests on.
    """

    kind: AdviceKind
    subject: str
    related: tuple[str, ...] = ()


def advice(g: nx.DiGraph, question: str) -> list[Advice]:
    """Every warning for ``question``, in a fixed order: evidence outside the
    period (by date), sides argued by one school or none (in written order),
    then claims resting on one piece of evidence or on nothing (by id).

    Evidence is outside the period when its date lies wholly before the
    first year or after the last (docs/format.md, questions). A claim "rests on"
    the evidence that supports it directly; a claim backed by other claims
    but by no evidence of its own is not flagged, as its backing is weighed.
    """
    found: list[Advice] = []
    path = on_path(g, question)
    period = g.nodes[question]["period"]
    if period is not None:
        start, end = period
        dated = sorted((g.nodes[n]["date"], n) for n in path if g.nodes[n]["kind"] == "evidence")
        for date, ev in dated:
            first, last = date_bounds(date)
            if last[0] < start or first[0] > end:
                found.append(Advice("outside-period", ev))
    for side in sides_of(g, question):
        holders = {
            s for c in g.nodes[side]["claims"] for s in g.predecessors(c)
            if g.nodes[s]["kind"] == "school" and g.edges[s, c]["relation"] == "holds"
        }
        if len(holders) < 2:
            found.append(Advice("one-school", side, tuple(sorted(holders))))
    for claim in sorted(n for n in path if g.nodes[n]["kind"] == "claim"):
        backing = [
            n for n in g.predecessors(claim)
            if g.nodes[n]["kind"] in ("evidence", "claim") and g.edges[n, claim]["relation"] == "supports"
        ]
        evidence = sorted(n for n in backing if g.nodes[n]["kind"] == "evidence")
        if len(evidence) == 1:
            found.append(Advice("single-evidence", claim, tuple(evidence)))
        elif not backing:
            found.append(Advice("no-evidence", claim))
    return found
