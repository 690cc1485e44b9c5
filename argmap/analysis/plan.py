"""An essay plan as data: which claims make the paragraphs, in which order,
with which evidence and which counter-argument.

``essay_plan`` is a pure function of the graph, a lens and the evidence
choices, so the command line and the map page (which mirrors it in
``argmap/render/static/plan.js``) give the same plan for the same state.
Words, layout and the 700-word budget belong to ``argmap.plan``; here only
choices and figures are made.

How paragraphs are chosen (docs/plans.md):

- Candidates are the claims listed on the question's sides that the lens
  shows, each side's ranked by: backed by at least two accepted items of
  evidence first (a paragraph needs two dated lines), then by contribution
  to the side's score, then in listed order.
- The command term orders them: "compare and contrast" alternates the
  favoured side with the other (pairs of points); "evaluate" gives the
  view's strengths (the first side) then its limitations; every other term
  argues the favoured side first (up to four) and then concedes the other
  (up to two).
- A lens that argues fewer than three claims is topped up with the other
  sides' claims it does not hold (the points that school must answer), and
  only if that is not enough, with its own side's.
- A school that takes no position gets the plan of the whole debate, and the
  words say so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import networkx as nx

from argmap.analysis.advice import Advice, advice
from argmap.analysis.balance import takes_position, weigh
from argmap.analysis.impact import Impact, impact
from argmap.analysis.judgement import percent
from argmap.analysis.lens import lens
from argmap.analysis.subgraph import on_path, sides_of

MAX_PARAGRAPHS = 6
MIN_PARAGRAPHS = 3
MAX_EVIDENCE = 3
COMPARE = "compare and contrast"
EVALUATE = "evaluate"


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
class Counter:
    """The strongest objection to a paragraph's point and how to answer it.

    ``kind`` is ``"evidence"`` or ``"claim"`` (an item that undermines the
    point), ``"side"`` (no item does: the strongest claim of the opposing
    side) or ``None`` (nothing in the corpus objects). ``answer`` is the
    strongest item undermining the objection, if any; otherwise
    ``upheld`` says whether the point still stands (strength above 50%),
    and ``support`` is the point's strongest evidence, the one to stress.
    """

    kind: str | None
    objection: str | None
    answer: str | None
    upheld: bool
    strength: float
    support: str | None


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: a claim, its group (0: the side argued first, 1: the
    other sides), its evidence in order of preference, and its counter."""

    claim: str
    group: int
    evidence: tuple[str, ...]
    counter: Counter
    strength: float
    contribution: float


@dataclass(frozen=True)
class SchoolAnswer:
    """The balance under one school's lens (``school`` None: no lens;
    ``shares`` None: the school takes no position)."""

    school: str | None
    shares: dict[str, float] | None
    verdict: Verdict | None


@dataclass(frozen=True)
class Plan:
    """Everything an essay plan says about one question in one state.

    ``school`` is the lens asked for; ``position`` is False when it takes no
    position, and then every figure is the whole debate's (``argued_by`` None).
    """

    question: str
    school: str | None
    position: bool
    argued_by: str | None
    set_aside: tuple[str, ...]
    shares: dict[str, float]
    verdict: Verdict
    favoured: str
    paragraphs: tuple[Paragraph, ...]
    impacts: tuple[Impact, ...]
    answers: tuple[SchoolAnswer, ...]
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


def debating_schools(g: nx.DiGraph, question: str) -> list[str]:
    """Schools that hold or reject a claim on the question's path, in corpus order."""
    path = on_path(g, question)
    return [n for n, k in g.nodes(data="kind") if k == "school" and any(c in path for c in g.successors(n))]


def shown_on_map(g: nx.DiGraph, question: str, school: str | None = None) -> set[str]:
    """Claims and evidence the question's map shows under ``school``'s lens."""
    path = on_path(g, question)
    if school is None:
        return path
    return path & lens(g, school)


def supporting_evidence(g: nx.DiGraph, claim: str, accepted: Mapping[str, bool]) -> list[str]:
    """Accepted evidence supporting ``claim``, strongest link first, then by
    date and id: the order in which a paragraph picks its evidence lines."""
    items = [
        e for e in g.predecessors(claim)
        if g.nodes[e]["kind"] == "evidence" and g.edges[e, claim]["relation"] == "supports"
        and accepted.get(e, True)
    ]
    return sorted(items, key=lambda e: (-g.edges[e, claim]["weight"], g.nodes[e]["date"], e))


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
    if school is not None:
        lens(g, school)  # an unknown school is an error even when it takes no position
    position = takes_position(g, question, school)
    argued_by = school if position else None
    weighing = weigh(g, question, accepted=accepted, school=argued_by)
    full = weighing if argued_by is None else weigh(g, question, accepted=accepted)
    shown = shown_on_map(g, question, argued_by)
    decided = verdict(g, question, weighing.shares)
    term = g.nodes[question]["command_term"]
    favoured = sides[0] if term == EVALUATE else decided.leaders[0]

    def rank(claims: list[str], strength: Mapping[str, float]) -> list[str]:
        order = {c: i for i, c in enumerate(claims)}
        return sorted(claims, key=lambda c: (
            len(supporting_evidence(g, c, accepted)) < 2, -contribution(strength[c]), order[c]))

    def listed(side: str, on_lens: bool) -> list[str]:
        claims = [c for c in g.nodes[side]["claims"] if (c in shown) == on_lens]
        return rank(claims, weighing.strengths if on_lens else full.strengths)

    others = [s for s in sides if s != favoured]
    first = listed(favoured, True)
    second = [c for s in others for c in listed(s, True)]
    if argued_by is not None and len(first) + len(second) < MIN_PARAGRAPHS:
        second += [c for s in others for c in listed(s, False)]
        if len(first) + len(second) < MIN_PARAGRAPHS:
            first += listed(favoured, False)
    chosen = _order(term, first, second)

    def strength_of(c: str) -> float:
        return weighing.strengths.get(c, full.strengths[c])

    paragraphs = []
    for c, group in chosen:
        evidence = tuple(supporting_evidence(g, c, accepted)[:MAX_EVIDENCE])
        support = evidence[0] if evidence else None
        paragraphs.append(Paragraph(
            claim=c, group=group, evidence=evidence,
            counter=_counter(g, question, c, group, favoured, full.strengths, strength_of(c), support),
            strength=strength_of(c), contribution=contribution(strength_of(c)),
        ))
    answers = []
    for s in [None, *debating_schools(g, question)]:
        if s is not None and not takes_position(g, question, s):
            answers.append(SchoolAnswer(s, None, None))
            continue
        shares = weigh(g, question, accepted=accepted, school=s).shares
        answers.append(SchoolAnswer(s, shares, verdict(g, question, shares)))
    path = on_path(g, question)
    return Plan(
        question=question,
        school=school,
        position=position,
        argued_by=argued_by,
        set_aside=tuple(sorted(e for e in shown if g.nodes[e]["kind"] == "evidence" and not accepted.get(e, True))),
        shares=weighing.shares,
        verdict=decided,
        favoured=favoured,
        paragraphs=tuple(paragraphs),
        impacts=tuple(impact(g, question, accepted, argued_by)),
        answers=tuple(answers),
        advice=tuple(a for a in advice(g, question) if a.subject in path or a.subject in sides),
    )


def _order(term: str, first: list[str], second: list[str]) -> list[tuple[str, int]]:
    """The paragraphs' claims and groups in the order the command term asks for."""
    if term == COMPARE:
        pairs: list[tuple[str, int]] = []
        for i in range(max(len(first), len(second))):
            pairs += [(c, group) for group, side in enumerate((first, second)) if i < len(side) for c in [side[i]]]
        return pairs[:MAX_PARAGRAPHS]
    n1, n2 = (3, 3) if term == EVALUATE else (4, 2)
    n1, n2 = min(len(first), n1), min(len(second), n2)
    while n1 + n2 < MIN_PARAGRAPHS and (n1 < len(first) or n2 < len(second)):
        if n2 < len(second):
            n2 += 1
        else:
            n1 += 1
    return [(c, 0) for c in first[:n1]] + [(c, 1) for c in second[:n2]]


def _counter(
    g: nx.DiGraph, question: str, claim: str, group: int, favoured: str,
    strength: Mapping[str, float], own: float, support: str | None,
) -> Counter:
    """The strongest objection to ``claim`` in the corpus (by the whole
    debate's strengths and the evidence choices) and its answer."""
    upheld = percent(own) > 50
    objection = _strongest_attacker(g, claim, strength)
    if objection is not None:
        kind = g.nodes[objection]["kind"]
        answer = _strongest_attacker(g, objection, strength) if kind == "claim" else None
        return Counter(kind, objection, answer, upheld, own, support)
    sides = sides_of(g, question)
    opposing = [s for s in sides if s != favoured] if group == 0 else [favoured]
    candidates = [c for s in opposing for c in g.nodes[s]["claims"] if c != claim]
    if candidates:
        best = max(candidates, key=lambda c: (contribution(strength[c]), -candidates.index(c)))
        return Counter("side", best, None, upheld, own, support)
    return Counter(None, None, None, upheld, own, support)


def _strongest_attacker(g: nx.DiGraph, node: str, strength: Mapping[str, float]) -> str | None:
    """The evidence or claim undermining ``node`` with the largest force
    (strength times link weight, above 0), ties by id."""
    found = [
        (strength[a] * g.edges[a, node]["weight"], a) for a in g.predecessors(node)
        if g.nodes[a]["kind"] in ("evidence", "claim") and g.edges[a, node]["relation"] == "undermines"
        and a in strength
    ]
    found = [f for f in found if f[0] > 0]
    if not found:
        return None
    return min(found, key=lambda f: (-f[0], f[1]))[1]
