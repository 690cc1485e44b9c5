"""An essay plan in words: ``Plan`` data -> ``PlanView``, every sentence final.

Markdown and HTML only lay the view out, so both say exactly the same thing.
The map page's ``plan.js`` builds the same view with the same sentences;
any wording changed here must change there too (the browser tests compare
the two texts for every question, lens and evidence choice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import networkx as nx

from argmap.analysis.advice import Advice
from argmap.analysis.impact import Impact
from argmap.analysis.judgement import extent_words, percent
from argmap.analysis.plan import ClaimPlan, EvidenceUse, Plan, Verdict, verdict
from argmap.plan.terms import COMMAND_TERMS, COMPARE, side_heading

_SPACE = re.compile(r"[ \t\n\r\f\v]+")


def clean(text: str) -> str:
    """Corpus text on one line: YAML block scalars may hold line breaks,
    which would break a Markdown list item."""
    return _SPACE.sub(" ", text).strip(" ")


@dataclass(frozen=True)
class EvidenceView:
    head: str
    shows: str | None
    source: str


@dataclass(frozen=True)
class ClaimView:
    heading: str
    text: str
    strength: str
    evidence: tuple[EvidenceView, ...]
    facts: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SideView:
    heading: str
    summary: str
    claims: tuple[ClaimView, ...]


@dataclass(frozen=True)
class SchoolView:
    name: str
    summary: str
    historians: tuple[str, ...]


@dataclass(frozen=True)
class PlanView:
    title: str
    facts: tuple[tuple[str, str], ...]
    key_terms: tuple[tuple[str, str], ...]
    judgement: str
    balance: tuple[str, ...]
    sides: tuple[SideView, ...]
    others: tuple[ClaimView, ...]
    impacts: tuple[str, ...]
    table: tuple[tuple[str, ...], ...]
    schools: tuple[SchoolView, ...]
    warnings: tuple[str, ...]


def period_words(period: list[int] | None) -> str:
    return f"{period[0]} to {period[1]}" if period else "not set by the question"


def quoted(text: str) -> str:
    return f"“{clean(text)}”"


def judgement(g: nx.DiGraph, question: str, v: Verdict) -> str:
    """The judgement sentence: the leading side and its extent words, or an
    even balance when the top sides round to the same percentage."""
    compare = g.nodes[question]["command_term"] == COMPARE
    labels = [quoted(g.nodes[s]["label"]) for s in v.leaders]
    if v.even:
        subject = "The comparison" if compare else "The argument"
        return (f"{subject} is evenly balanced between {' and '.join(labels)} ({percent(v.share)}% each): "
                "say which you find stronger, and why.")
    words = extent_words(v.share)
    if compare:
        return f"The comparison shows {labels[0]} {words} ({percent(v.share)}% of the weight of argument)."
    return f"{labels[0]} holds {words} ({percent(v.share)}% of the weight of argument)."


def verdict_words(g: nx.DiGraph, v: Verdict) -> str:
    """The verdict without its figures: the leading side and its extent
    words, or "even". A toggle "changes the judgement" when this changes."""
    if v.even:
        return "even"
    return f"{clean(g.nodes[v.leaders[0]]['label'])}, {extent_words(v.share)}"


def plan_view(g: nx.DiGraph, plan: Plan) -> PlanView:
    """Every sentence of the plan, in order."""
    q = g.nodes[plan.question]
    term = q["command_term"]
    sides = list(q["sides"])
    facts = [
        ("Question", f"{plan.question} ({clean(q['session']) if q['session'] else 'practice question'}, "
                     f"Paper {q['paper']})"),
        ("Command term", term),
        ("Period", period_words(q["period"])),
        ("Structure", "similarities and differences, point by point, referring to both throughout"
         if term == COMPARE else "for and against: weigh each side, then reach a judgement"),
        ("Lens", f"{clean(g.nodes[plan.school]['name'])}, as that school would argue it"
         if plan.school else "every school"),
        ("Evidence set aside", "; ".join(clean(g.nodes[e]["title"]) for e in plan.set_aside) or "none"),
    ]
    key_terms = [
        (term[0].upper() + term[1:], COMMAND_TERMS[term]),
        ("Period", f"{period_words(q['period'])}: evidence from outside these years can set the scene "
                   "but does not answer the question." if q["period"] else
         "the question sets none: choose your dates and say why."),
        ("Sides", "; ".join(quoted(g.nodes[s]["label"]) for s in sides) + "."),
    ]
    side_views = []
    for number, side in enumerate(plan.sides, start=1):
        node = g.nodes[side.side]
        heading = side_heading(term, side.side.split("/", 1)[1], node["label"], number)
        summary = f"{percent(side.share)}% of the weight of argument, {extent_words(side.share)}."
        if not side.claims:
            summary += " No claim on this side is held under this lens."
        claims = tuple(_claim_view(g, c, i, True) for i, c in enumerate(side.claims, start=1))
        side_views.append(SideView(f"{heading}: {clean(node['label'])}", summary, claims))
    table = [("Lens", *(clean(g.nodes[s]["label"]) for s in sides), "Judgement")]
    for answer in plan.answers:
        name = clean(g.nodes[answer.school]["name"]) if answer.school else "Every school"
        table.append((name, *(f"{percent(answer.shares[s])}%" for s in sides), verdict_words(g, answer.verdict)))
    return PlanView(
        title=f"Essay plan: {clean(q['text'])}",
        facts=tuple(facts),
        key_terms=tuple(key_terms),
        judgement=judgement(g, plan.question, plan.verdict),
        balance=tuple(f"{clean(g.nodes[s]['label'])}: {percent(plan.shares[s])}%, {extent_words(plan.shares[s])}"
                      for s in sides),
        sides=tuple(side_views),
        others=tuple(_claim_view(g, c, i, False) for i, c in enumerate(plan.other_claims, start=1)),
        impacts=tuple(_impact_line(g, plan, i) for i in plan.impacts),
        table=tuple(table),
        schools=tuple(_school_view(g, s) for s in plan.schools),
        warnings=tuple(_warning(g, plan.question, a) for a in plan.advice),
    )


def _claim_view(g: nx.DiGraph, c: ClaimPlan, number: int, on_side: bool) -> ClaimView:
    node = g.nodes[c.claim]
    strength = f"Strength {percent(c.strength)}%"
    if on_side:
        strength += f", contribution {percent(c.contribution)}/100"
    facts = [("Held by", "; ".join(_holder(g, s) for s in c.held_by) or "no school")]
    if c.rejected_by:
        facts.append(("Rejected by", "; ".join(clean(g.nodes[s]["name"]) for s in c.rejected_by)))
    if c.backed_by:
        facts.append(("Backed by", "; ".join(clean(g.nodes[b]["label"]) for b in c.backed_by)))
    facts.append(("Argued against by", "; ".join(clean(g.nodes[a]["label"]) for a in c.against) or "no claim"))
    feeds = sorted(t for t in g.successors(c.claim) if g.nodes[t]["kind"] == "claim")
    for relation, label in (("supports", "Backs"), ("undermines", "Argues against")):
        targets = [clean(g.nodes[t]["label"]) for t in feeds if g.edges[c.claim, t]["relation"] == relation]
        if targets:
            facts.append((label, "; ".join(targets)))
    return ClaimView(
        heading=f"{number}. {clean(node['label'])}",
        text=clean(node["text"]),
        strength=strength,
        evidence=tuple(_evidence_view(g, u) for u in c.evidence),
        facts=tuple(facts),
    )


def _holder(g: nx.DiGraph, school: str) -> str:
    node = g.nodes[school]
    names = ", ".join(clean(h["name"]) for h in node["historians"])
    return f"{clean(node['name'])} ({names})" if names else clean(node["name"])


def _evidence_view(g: nx.DiGraph, use: EvidenceUse) -> EvidenceView:
    node = g.nodes[use.evidence]
    marks = f"{use.stance}, {use.weight}" + ("" if use.accepted else ", set aside")
    return EvidenceView(
        head=f"{node['date']}, {clean(node['title'])} ({marks})",
        shows=clean(use.shows) if use.shows else None,
        source=clean(node["source"]),
    )


def _impact_line(g: nx.DiGraph, plan: Plan, item: Impact) -> str:
    """One line of "what would change the verdict": the balance before and
    after toggling the item, in whole percentages, and whether the judgement
    sentence would read differently."""
    node = g.nodes[item.evidence]
    sides = list(g.nodes[plan.question]["sides"])
    after = {s: plan.shares[s] + item.shift[s] for s in sides}
    action = "setting it aside" if item.accepted else "bringing it back"
    moves = [
        f"{quoted(g.nodes[s]['label'])} {percent(plan.shares[s])}% → {percent(after[s])}%"
        for s in sides if percent(plan.shares[s]) != percent(after[s])
    ]
    line = f"{node['date']}, {clean(node['title'])}: {action} "
    if not moves:
        return line + "leaves the balance as it is."
    line += "moves " + ", ".join(moves)
    changed = verdict_words(g, verdict(g, plan.question, after)) != verdict_words(g, plan.verdict)
    return line + ("; the judgement would change." if changed else ".")


def _school_view(g: nx.DiGraph, school: str) -> SchoolView:
    node = g.nodes[school]
    name = clean(node["name"]) + (f" ({clean(node['era'])})" if node["era"] else "")
    historians = []
    for h in node["historians"]:
        works = "; ".join(clean(w["title"]) + (f" ({w['year']})" if w.get("year") is not None else "")
                          for w in h["works"])
        historians.append(f"{clean(h['name'])}: {works}" if works else clean(h["name"]))
    return SchoolView(name, clean(node["summary"]), tuple(historians))


def _warning(g: nx.DiGraph, question: str, a: Advice) -> str:
    node = g.nodes[a.subject]
    if a.kind == "outside-period":
        period = period_words(g.nodes[question]["period"])
        return (f"Outside the period: {node['date']}, {clean(node['title'])} lies outside {period}; "
                "use it as context, not as proof.")
    if a.kind == "one-school":
        if a.related:
            return (f"One school only: every claim on {quoted(node['label'])} is held by "
                    f"{clean(g.nodes[a.related[0]]['name'])} alone; find a historian from another school "
                    "who argues it.")
        return f"No school: no school holds a claim on {quoted(node['label'])}; find a historian who argues it."
    if a.kind == "single-evidence":
        return (f"Single evidence: {quoted(node['label'])} rests on one piece of evidence "
                f"({clean(g.nodes[a.related[0]]['title'])}); find a second.")
    return f"No evidence: {quoted(node['label'])} rests on no evidence; find some or drop it."
