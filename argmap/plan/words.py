"""An essay plan in words: ``Plan`` data -> ``PlanView``, every sentence final.

Markdown and HTML only lay the view out, so both say exactly the same thing.

Words that do not depend on the lens or the evidence choices (the question's
facts and key terms, each claim's evidence, holders and opponents, the
warnings) are ``QuestionWords``: the map page receives them ready-made in
its data. The rest (figures, order, judgement, what would change it) is
built here and, for the page, in ``argmap/render/static/plan.js``, which
mirrors ``plan_view`` line for line; the browser tests compare the two
texts for every question, lens and evidence choice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import networkx as nx

from argmap.analysis.advice import Advice, advice
from argmap.analysis.impact import Impact
from argmap.analysis.judgement import extent_words, percent
from argmap.analysis.plan import (
    ClaimPlan, Plan, Verdict, answering_schools, debating_schools, essay_plan, verdict,
)
from argmap.plan.terms import COMMAND_TERMS, COMPARE, side_heading

_SPACE = re.compile(r"[ \t\n\r\f\v]+")


def clean(text: str) -> str:
    """Corpus text on one line: YAML block scalars may hold line breaks,
    which would break a Markdown list item."""
    return _SPACE.sub(" ", text).strip(" ")


@dataclass(frozen=True)
class EvidenceWords:
    """How one claim uses one evidence item; ``lead`` is "date, title" and
    ``marks`` "stance, weight" (the page adds ", set aside")."""

    evidence: str
    lead: str
    marks: str
    shows: str | None
    source: str


@dataclass(frozen=True)
class ClaimWords:
    label: str
    text: str
    evidence: tuple[EvidenceWords, ...]
    facts: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class SchoolView:
    name: str
    summary: str
    historians: tuple[str, ...]


@dataclass(frozen=True)
class QuestionWords:
    """The words of a question's plan that no lens or evidence choice changes."""

    title: str
    facts: tuple[tuple[str, str], ...]
    key_terms: tuple[tuple[str, str], ...]
    compare: bool
    sides: tuple[str, ...]
    side_labels: dict[str, str]
    side_headings: dict[str, str]
    claims: dict[str, ClaimWords]
    evidence: dict[str, str]
    titles: dict[str, str]
    school_names: dict[str, str]
    answering: tuple[str, ...]
    schools: tuple[SchoolView, ...]
    advice: tuple[tuple[str, str], ...]


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
    return f"“{text}”"


def question_words(g: nx.DiGraph, question: str) -> QuestionWords:
    """The fixed words of ``question``'s plan (see the module docstring)."""
    q = g.nodes[question]
    term = q["command_term"]
    sides = tuple(q["sides"])
    labels = {s: clean(g.nodes[s]["label"]) for s in sides}
    headings = {}
    for number, side in enumerate(sides, start=1):
        heading = side_heading(term, side.split("/", 1)[1], labels[side], number)
        headings[side] = labels[side] if heading == labels[side] else f"{heading}: {labels[side]}"
    session = clean(q["session"]) if q["session"] else "practice question"
    full = essay_plan(g, question)
    claims = [c for side in full.sides for c in side.claims] + list(full.other_claims)
    on_map = {u.evidence for c in claims for u in c.evidence}
    schools = debating_schools(g, question)
    return QuestionWords(
        title=f"Essay plan: {clean(q['text'])}",
        facts=(
            ("Question", f"{question} ({session}, Paper {q['paper']})"),
            ("Command term", term),
            ("Period", period_words(q["period"])),
            ("Structure", "similarities and differences, point by point, referring to both throughout"
             if term == COMPARE else "for and against: weigh each side, then reach a judgement"),
        ),
        key_terms=(
            (term[0].upper() + term[1:], COMMAND_TERMS[term]),
            ("Period", f"{period_words(q['period'])}: evidence from outside these years can set the scene "
                       "but does not answer the question." if q["period"] else
             "the question sets none: choose your dates and say why."),
            ("Sides", "; ".join(quoted(labels[s]) for s in sides) + "."),
        ),
        compare=term == COMPARE,
        sides=sides,
        side_labels=labels,
        side_headings=headings,
        claims={c.claim: _claim_words(g, c) for c in claims},
        evidence={e: f"{g.nodes[e]['date']}, {clean(g.nodes[e]['title'])}" for e in sorted(on_map)},
        titles={e: clean(g.nodes[e]["title"]) for e in sorted(on_map)},
        school_names={s: clean(g.nodes[s]["name"]) for s in schools},
        answering=tuple(answering_schools(g, question)),
        schools=tuple(_school_view(g, s) for s in schools),
        advice=tuple((a.subject, _warning(g, question, a)) for a in advice(g, question)),
    )


def _claim_words(g: nx.DiGraph, c: ClaimPlan) -> ClaimWords:
    node = g.nodes[c.claim]
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
    evidence = tuple(
        EvidenceWords(
            evidence=u.evidence,
            lead=f"{g.nodes[u.evidence]['date']}, {clean(g.nodes[u.evidence]['title'])}",
            marks=f"{u.stance}, {u.weight}",
            shows=clean(u.shows) if u.shows else None,
            source=clean(g.nodes[u.evidence]["source"]),
        )
        for u in c.evidence
    )
    return ClaimWords(clean(node["label"]), clean(node["text"]), evidence, tuple(facts))


def _holder(g: nx.DiGraph, school: str) -> str:
    node = g.nodes[school]
    names = ", ".join(clean(h["name"]) for h in node["historians"])
    return f"{clean(node['name'])} ({names})" if names else clean(node["name"])


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
            return (f"One school only: every claim on {quoted(clean(node['label']))} is held by "
                    f"{clean(g.nodes[a.related[0]]['name'])} alone; find a historian from another school "
                    "who argues it.")
        return f"No school: no school holds a claim on {quoted(clean(node['label']))}; find a historian who argues it."
    if a.kind == "single-evidence":
        return (f"Single evidence: {quoted(clean(node['label']))} rests on one piece of evidence "
                f"({clean(g.nodes[a.related[0]]['title'])}); find a second.")
    return f"No evidence: {quoted(clean(node['label']))} rests on no evidence; find some or drop it."


# ---- words that follow the lens and the evidence choices (mirrored in plan.js) ----


def judgement(words: QuestionWords, v: Verdict) -> str:
    """The judgement sentence: the leading side and its extent words, or an
    even balance when the top sides round to the same percentage."""
    labels = [quoted(words.side_labels[s]) for s in v.leaders]
    if v.even:
        subject = "The comparison" if words.compare else "The argument"
        return (f"{subject} is evenly balanced between {' and '.join(labels)} ({percent(v.share)}% each): "
                "say which you find stronger, and why.")
    extent = extent_words(v.share)
    if words.compare:
        return f"The comparison shows {labels[0]} {extent} ({percent(v.share)}% of the weight of argument)."
    return f"{labels[0]} holds {extent} ({percent(v.share)}% of the weight of argument)."


def verdict_words(words: QuestionWords, v: Verdict) -> str:
    """The verdict without its figures: the leading side and its extent
    words, or "even". A toggle "changes the judgement" when this changes."""
    if v.even:
        return "even"
    return f"{words.side_labels[v.leaders[0]]}, {extent_words(v.share)}"


def plan_view(g: nx.DiGraph, plan: Plan, words: QuestionWords | None = None) -> PlanView:
    """Every sentence of the plan, in order."""
    words = words or question_words(g, plan.question)
    sides = words.sides
    lens = clean(g.nodes[plan.school]["name"]) if plan.school else None
    facts = [
        *words.facts,
        ("Lens", f"{lens}, as that school would argue it" if lens else "every school"),
        ("Evidence set aside", "; ".join(words.titles[e] for e in plan.set_aside) or "none"),
    ]
    side_views = []
    for side in plan.sides:
        summary = f"{percent(side.share)}% of the weight of argument, {extent_words(side.share)}."
        if not side.claims:
            summary += " No claim on this side is held under this lens."
        claims = tuple(_claim_view(words, c, i, True) for i, c in enumerate(side.claims, start=1))
        side_views.append(SideView(words.side_headings[side.side], summary, claims))
    table = [("Lens", *(words.side_labels[s] for s in sides), "Judgement")]
    for answer in plan.answers:
        name = words.school_names[answer.school] if answer.school else "Every school"
        table.append((name, *(f"{percent(answer.shares[s])}%" for s in sides), verdict_words(words, answer.verdict)))
    return PlanView(
        title=words.title,
        facts=tuple(facts),
        key_terms=words.key_terms,
        judgement=judgement(words, plan.verdict),
        balance=tuple(f"{words.side_labels[s]}: {percent(plan.shares[s])}%, {extent_words(plan.shares[s])}"
                      for s in sides),
        sides=tuple(side_views),
        others=tuple(_claim_view(words, c, i, False) for i, c in enumerate(plan.other_claims, start=1)),
        impacts=tuple(_impact_line(g, words, plan, item) for item in plan.impacts),
        table=tuple(table),
        schools=words.schools,
        warnings=tuple(text for subject, text in words.advice if subject in {a.subject for a in plan.advice}),
    )


def _claim_view(words: QuestionWords, c: ClaimPlan, number: int, on_side: bool) -> ClaimView:
    fixed = words.claims[c.claim]
    strength = f"Strength {percent(c.strength)}%"
    if on_side:
        strength += f", contribution {percent(c.contribution)}/100"
    accepted = {u.evidence: u.accepted for u in c.evidence}
    evidence = tuple(
        EvidenceView(f"{e.lead} ({e.marks}{'' if accepted[e.evidence] else ', set aside'})", e.shows, e.source)
        for e in fixed.evidence
    )
    return ClaimView(f"{number}. {fixed.label}", fixed.text, strength, evidence, fixed.facts)


def _impact_line(g: nx.DiGraph, words: QuestionWords, plan: Plan, item: Impact) -> str:
    """One line of "what would change the verdict": the balance before and
    after toggling the item, in whole percentages, and whether the verdict
    would read differently."""
    after = {s: plan.shares[s] + item.shift[s] for s in words.sides}
    action = "setting it aside" if item.accepted else "bringing it back"
    moves = [
        f"{quoted(words.side_labels[s])} {percent(plan.shares[s])}% → {percent(after[s])}%"
        for s in words.sides if percent(plan.shares[s]) != percent(after[s])
    ]
    line = f"{words.evidence[item.evidence]}: {action} "
    if not moves:
        return line + "leaves the balance as it is."
    changed = verdict_words(words, verdict(g, plan.question, after)) != verdict_words(words, plan.verdict)
    return line + "moves " + ", ".join(moves) + ("; the judgement would change." if changed else ".")
