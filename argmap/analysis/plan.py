"""An essay plan as data: what the map knows about a question, in the order
a student would write it.

``essay_plan`` is a pure function of the graph, a lens and the evidence
choices, so the command line and the map page (which mirrors it in
``argmap/render/static/plan.js``) give the same plan for the same state.
Words and layout belong to ``argmap.plan``; only figures are decided here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import networkx as nx

from argmap.analysis.advice import Advice, advice
from argmap.analysis.balance import weigh
from argmap.analysis.impact import Impact, impact
from argmap.analysis.judgement import percent
from argmap.analysis.lens import lens
from argmap.analysis.subgraph import on_path, sides_of

# 0.0: a link the reader set aside (corpus ``weights``).
WEIGHT_WORDS = {0.0: "set aside", 0.25: "weak", 0.5: "moderate", 0.75: "strong"}


@dataclass(frozen=True)
class EvidenceUse:
    """One evidence item as one claim uses it."""

    evidence: str
    stance: str
    weight: str
    shows: str | None
    accepted: bool


@dataclass(frozen=True)
class ClaimPlan:
    """A claim with what backs it, who holds it and what argues against it.

    ``contribution`` is the claim's term in its side's score,
    ``max(0, 2 * strength - 1)``; it is 0 for claims that are on the
    question's path but listed on no side.
    """

    claim: str
    strength: float
    contribution: float
    evidence: tuple[EvidenceUse, ...]
    held_by: tuple[str, ...]
    rejected_by: tuple[str, ...]
    backed_by: tuple[str, ...]
    against: tuple[str, ...]


@dataclass(frozen=True)
class SidePlan:
    """One side: its share of the balance and its claims, biggest contribution first."""

    side: str
    share: float
    claims: tuple[ClaimPlan, ...]


@dataclass(frozen=True)
class Verdict:
    """Who the balance favours: ``leaders`` holds one side id, or several when
    their shares round to the same whole percentage (an even balance)."""

    leaders: tuple[str, ...]
    share: float

    @property
    def even(self) -> bool:
        return len(self.leaders) > 1


@dataclass(frozen=True)
class SchoolAnswer:
    """The balance under one school's lens (``school`` None: no lens)."""

    school: str | None
    shares: dict[str, float]
    verdict: Verdict


@dataclass(frozen=True)
class Plan:
    """Everything an essay plan says about one question in one state."""

    question: str
    school: str | None
    set_aside: tuple[str, ...]
    shares: dict[str, float]
    verdict: Verdict
    sides: tuple[SidePlan, ...]
    other_claims: tuple[ClaimPlan, ...]
    impacts: tuple[Impact, ...]
    answers: tuple[SchoolAnswer, ...]
    schools: tuple[str, ...]
    advice: tuple[Advice, ...]


def verdict(g: nx.DiGraph, question: str, shares: Mapping[str, float]) -> Verdict:
    """The side with the largest share; sides tied at the same whole
    percentage all lead, in their written order.

    Whole percentages, not raw shares, decide a tie because that is what the
    student reads: "50% against 50%" must not name a winner.
    """
    sides = sides_of(g, question)
    top = max(percent(shares[s]) for s in sides)
    leaders = tuple(s for s in sides if percent(shares[s]) == top)
    return Verdict(leaders, shares[leaders[0]])


def contribution(strength: float) -> float:
    """A claim's term in its side's score (docs/format.md, Strength)."""
    return max(0.0, 2.0 * strength - 1.0)


def answering_schools(g: nx.DiGraph, question: str) -> list[str]:
    """Schools that hold at least one claim listed on a side, in corpus order:
    only they give the question an answer of their own."""
    listed = {c for s in sides_of(g, question) for c in g.nodes[s]["claims"]}
    return [
        n for n, k in g.nodes(data="kind")
        if k == "school" and any(g.edges[n, c]["relation"] == "holds" for c in g.successors(n) if c in listed)
    ]


def debating_schools(g: nx.DiGraph, question: str) -> list[str]:
    """Schools that hold or reject a claim on the question's path, in corpus order."""
    path = on_path(g, question)
    return [n for n, k in g.nodes(data="kind") if k == "school" and any(c in path for c in g.successors(n))]


def shown_on_map(g: nx.DiGraph, question: str, school: str | None = None) -> set[str]:
    """Claims and evidence the question's map shows under ``school``'s lens:
    those on the question's path that the lens keeps.

    The lens is the school's over the whole corpus, as the page's is, so an
    item cited by the school only for another question still shows (and is
    ranked, with no pull on this balance) when it is on this map.
    """
    path = on_path(g, question)
    if school is None:
        return path
    return path & lens(g, school)


def essay_plan(
    g: nx.DiGraph,
    question: str,
    accepted: Mapping[str, bool] | None = None,
    school: str | None = None,
) -> Plan:
    """The plan for ``question`` under ``school``'s lens (None: every school)
    with the evidence choices ``accepted`` (missing ids count as accepted).

    Raises KeyError for an unknown question or school.
    """
    accepted = dict(accepted or {})
    sides = sides_of(g, question)
    weighing = weigh(g, question, accepted=accepted, school=school)
    strength = weighing.strengths
    shown = shown_on_map(g, question, school)

    order = {n: i for i, n in enumerate(g.nodes)}

    def claim_plan(claim: str, on_side: bool) -> ClaimPlan:
        return _claim_plan(g, claim, strength[claim], on_side, accepted, order)

    side_plans = []
    listed: set[str] = set()
    for side in sides:
        claims = [c for c in g.nodes[side]["claims"] if c in shown]
        listed.update(g.nodes[side]["claims"])
        # sorted() is stable, so equal contributions keep their listed order.
        ordered = sorted(claims, key=lambda c: -contribution(strength[c]))
        side_plans.append(SidePlan(side, weighing.shares[side], tuple(claim_plan(c, True) for c in ordered)))
    others = sorted(
        (n for n in shown if g.nodes[n]["kind"] == "claim" and n not in listed),
        key=lambda c: (-strength[c], c),
    )
    set_aside = tuple(sorted(e for e in shown if g.nodes[e]["kind"] == "evidence" and not accepted.get(e, True)))
    answers = []
    for s in [None, *answering_schools(g, question)]:
        shares = weighing.shares if s == school else weigh(g, question, accepted=accepted, school=s).shares
        answers.append(SchoolAnswer(s, shares, verdict(g, question, shares)))
    return Plan(
        question=question,
        school=school,
        set_aside=set_aside,
        shares=weighing.shares,
        verdict=verdict(g, question, weighing.shares),
        sides=tuple(side_plans),
        other_claims=tuple(claim_plan(c, False) for c in others),
        impacts=tuple(impact(g, question, accepted, school)),
        answers=tuple(answers),
        schools=tuple(debating_schools(g, question)),
        advice=tuple(a for a in advice(g, question) if a.subject in shown or a.subject in sides),
    )


def _claim_plan(
    g: nx.DiGraph, claim: str, strength: float, on_side: bool,
    accepted: Mapping[str, bool], order: Mapping[str, int],
) -> ClaimPlan:
    uses = []
    backed, against, held, rejected = [], [], [], []
    for source in g.predecessors(claim):
        edge = g.edges[source, claim]
        kind = g.nodes[source]["kind"]
        if kind == "evidence":
            shows = edge.get("reading") or g.nodes[source].get("detail")
            uses.append(EvidenceUse(source, edge["relation"], WEIGHT_WORDS[edge["weight"]], shows,
                                    accepted.get(source, True)))
        elif kind == "claim":
            (backed if edge["relation"] == "supports" else against).append(source)
        elif kind == "school":
            (held if edge["relation"] == "holds" else rejected).append(source)
    # Chronological, as an essay tells it; the id breaks ties between same dates.
    uses.sort(key=lambda u: (g.nodes[u.evidence]["date"], u.evidence))
    return ClaimPlan(
        claim=claim,
        strength=strength,
        contribution=contribution(strength) if on_side else 0.0,
        evidence=tuple(uses),
        held_by=tuple(sorted(held, key=order.__getitem__)),
        rejected_by=tuple(sorted(rejected, key=order.__getitem__)),
        backed_by=tuple(sorted(backed)),
        against=tuple(sorted(against)),
    )
