"""Side scores and a question's balance (docs/format.md, Strength).

Sides are not weighed by DF-QuAD: its probabilistic sum saturates near 1 as
soon as a side has three decent claims. A side's score instead adds up, over
its listed claims, how far each one is backed beyond neutral.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import networkx as nx

from argmap.analysis.lens import lens
from argmap.analysis.strength import strengths
from argmap.analysis.subgraph import on_path, questions, sides_of


def side_scores(
    g: nx.DiGraph, question: str, strength: Mapping[str, float], school: str | None = None
) -> dict[str, float]:
    """Each side's score: sum of ``max(0, 2 * strength - 1)`` over its claims
    (under a lens, only over the claims the school holds, i.e. those weighed)."""
    scores: dict[str, float] = {}
    for side in sides_of(g, question):
        total = 0.0
        for claim in g.nodes[side]["claims"]:
            if claim in strength:
                total += max(0.0, 2.0 * strength[claim] - 1.0)
        scores[side] = total
    return scores


def takes_position(g: nx.DiGraph, question: str, school: str | None) -> bool:
    """Whether ``school``'s lens answers ``question``: it holds at least one
    claim listed on the question's sides (no lens always does).

    A school that holds none takes no position: splitting its empty score
    evenly would read as "evenly balanced", which it never said.
    """
    if school is None:
        return True
    listed = {c for side in sides_of(g, question) for c in g.nodes[side]["claims"]}
    return any(c in listed and g.edges[school, c]["relation"] == "holds" for c in g.successors(school))


def shares(scores: Mapping[str, float], position: bool = True) -> dict[str, float | None]:
    """Each side's share of the total score; equal shares when all are 0;
    ``None`` for every side when the lens takes no position."""
    if not position:
        return {side: None for side in scores}
    total = sum(scores.values())
    if total == 0:
        return {side: 1.0 / len(scores) for side in scores}
    return {side: score / total for side, score in scores.items()}


@dataclass(frozen=True)
class Weighing:
    """Strengths of evidence and claims, and per side its score and share
    (``None`` under a lens that takes no position on the question)."""

    strengths: dict[str, float]
    scores: dict[str, float]
    shares: dict[str, float | None]


def weigh(
    g: nx.DiGraph,
    question: str | None = None,
    accepted: Mapping[str, bool] | None = None,
    school: str | None = None,
) -> Weighing:
    """Weigh one question (or every question) under a lens and evidence choices.

    ``accepted`` maps evidence ids to False to set them aside. ``school``
    applies that school's lens. ``strengths`` holds the evidence and claims
    weighed: with ``question``, those on its path (under the lens). Shares
    are ``None`` for a question the school takes no position on
    (``takes_position``). Raises KeyError for an unknown question or school id.
    """
    keep: set[str] | None = None
    if question is not None:
        # Whatever feeds an item on the question's path is on the path too,
        # so weighing the path alone gives the same numbers, at the cost of
        # the question rather than of the whole corpus.
        keep = on_path(g, question)
    if school is not None:
        kept = lens(g, school)
        keep = kept if keep is None else keep & kept
    strength = strengths(g, accepted=accepted, keep=keep)
    scores: dict[str, float] = {}
    share: dict[str, float] = {}
    for q in [question] if question is not None else questions(g):
        q_scores = side_scores(g, q, strength, school)
        scores.update(q_scores)
        share.update(shares(q_scores, takes_position(g, q, school)))
    return Weighing(strength, scores, share)


def balance(
    g: nx.DiGraph,
    question: str,
    accepted: Mapping[str, bool] | None = None,
    school: str | None = None,
) -> dict[str, float]:
    """``{side node id: share}`` for one question, as the map's meter shows it
    (every share ``None`` when ``school`` takes no position on it)."""
    return weigh(g, question, accepted=accepted, school=school).shares
