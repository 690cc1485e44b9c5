"""An essay plan in words: ``Plan`` data -> ``PlanView``, every sentence final.

Markdown, HTML and Word only lay the view out, so all say the same thing.

Words that do not depend on the lens or the evidence choices (the question's
facts, each claim's label, text and historians, each evidence item's date,
title and citable source) are ``QuestionWords``: the map page receives them
ready-made in its data. The rest (which paragraphs, the thesis, counters,
the conclusion, the 700-word budget) is built here and, for the page, in
``argmap/render/static/plan.js``, which mirrors this module line for line;
the browser tests compare the two texts for every question, lens and
evidence choice.

Plain language only in the plan itself: extent words and "strongly
supported", never a percentage; figures go to ``detail`` (``--detail``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import networkx as nx

from argmap.analysis.advice import Advice
from argmap.analysis.impact import Impact
from argmap.analysis.judgement import extent_words, percent
from argmap.analysis.plan import COMPARE, EVALUATE, MIN_PARAGRAPHS, Counter, Plan, Verdict, verdict
from argmap.analysis.subgraph import on_path

WORD_LIMIT = 700
# The last ways to fit: every corpus phrase but the points cut to this many
# words (the question to QUESTION_CAP times as many), longest first.
CAPS = (16, 12, 8, 6, 4, 2, 1)
QUESTION_CAP = 5
# Under a cap, the header names this many set-aside items and counts the rest.
ASIDE_NAMED = 3
# A paragraph wants two dated items; the corpus does not always hold them.
SECOND_SOURCE = "the corpus holds only one dated item for this point: find a second"
NO_SOURCE = "the corpus holds no dated evidence for this point: find two items"
# The same, and other fixed sentences, in the fewest words: the very last way to fit.
TERSE_SECOND_SOURCE = "find a second dated item"
TERSE_NO_SOURCE = "find two dated items"
NO_HISTORIAN = "No historian in the corpus argues it."
_SPACE = re.compile(r"\s+")
# A part of a source that is a class's own notes, or a remark on checking:
# nothing a student can cite.
_NOT_CITABLE = re.compile(r"\bclass notes\b|^notes? \d|\bas checked\b|\(checked\)", re.IGNORECASE)


def clean(text: str) -> str:
    """Corpus text on one line: YAML block scalars may hold line breaks,
    and any Unicode space counts as one, so every reader counts the same words."""
    return _SPACE.sub(" ", text).strip()


def citable(source: str) -> str:
    """The published part of an evidence item's source: the ``;``-separated
    parts that are not class notes or checking remarks.

    >>> citable("Gerald Howson, Arms for Spain (1998); class notes 000, 'The Moscow Gold'")
    'Gerald Howson, Arms for Spain (1998)'
    >>> citable("Class notes 001, 'Key dates'")
    'find a published source'
    """
    parts = [clean(p) for p in clean(source).split(";")]
    kept = [p for p in parts if p and not _NOT_CITABLE.search(p)]
    return "; ".join(kept) or "find a published source"


def quoted(text: str) -> str:
    return f"“{text}”"


@dataclass(frozen=True)
class Ref:
    """A historian's work, as a reference: ``author, *title* (year)``."""

    author: str
    title: str
    year: int | None


@dataclass(frozen=True)
class QuestionWords:
    """The words of a question's plan that no lens or evidence choice changes.

    ``historians`` maps a claim to ``[school, author, title, year]`` for each
    school holding it that names a historian with a work; ``holders`` to the
    schools holding it (corpus order).
    """

    title: str
    facts: tuple[str, ...]
    term: str
    sides: tuple[str, ...]
    side_labels: dict[str, str]
    labels: dict[str, str]
    texts: dict[str, str]
    historians: dict[str, tuple[tuple[str, str, str, int | None], ...]]
    holders: dict[str, tuple[str, ...]]
    evidence: dict[str, tuple[str, str, str]]
    school_names: dict[str, str]


@dataclass(frozen=True)
class ParagraphView:
    claim: str
    heading: str
    point: str
    evidence: tuple[str, ...]
    historian: Ref | None
    historian_note: str
    counter: str


@dataclass(frozen=True)
class PlanView:
    title: str
    header: str
    thesis: str
    paragraphs: tuple[ParagraphView, ...]
    conclusion: str
    references: tuple[Ref, ...]
    detail: tuple[str, ...] = field(default=())
    table: tuple[tuple[str, ...], ...] = field(default=())
    impacts: tuple[str, ...] = field(default=())


def question_words(g: nx.DiGraph, question: str) -> QuestionWords:
    """The fixed words of ``question``'s plan (see the module docstring)."""
    q = g.nodes[question]
    sides = tuple(q["sides"])
    path = on_path(g, question)
    order = {n: i for i, n in enumerate(g.nodes)}
    claims = sorted((n for n in path if g.nodes[n]["kind"] == "claim"), key=order.__getitem__)
    evidence = sorted((n for n in path if g.nodes[n]["kind"] == "evidence"), key=order.__getitem__)
    historians: dict[str, tuple[tuple[str, str, str, int | None], ...]] = {}
    holders: dict[str, tuple[str, ...]] = {}
    for c in claims:
        held = sorted((s for s in g.predecessors(c) if g.nodes[s]["kind"] == "school"
                       and g.edges[s, c]["relation"] == "holds"), key=order.__getitem__)
        holders[c] = tuple(held)
        historians[c] = tuple((s, *ref) for s in held for ref in [_first_work(g, s)] if ref)
    period = q["period"]
    return QuestionWords(
        title=f"Essay plan: {clean(q['text'])}",
        facts=(
            question,
            clean(q["session"]) if q["session"] else "practice question",
            q["command_term"],
            f"{period[0]}–{period[1]}" if period else "no period set",
        ),
        term=q["command_term"],
        sides=sides,
        side_labels={s: clean(g.nodes[s]["label"]) for s in sides},
        labels={c: clean(g.nodes[c]["label"]) for c in claims},
        texts={c: clean(g.nodes[c]["text"]) for c in claims},
        historians=historians,
        holders=holders,
        evidence={e: (g.nodes[e]["date"], clean(g.nodes[e]["title"]), citable(g.nodes[e]["source"]))
                  for e in evidence},
        school_names={n: clean(g.nodes[n]["name"]) for n, k in g.nodes(data="kind") if k == "school"},
    )


def _first_work(g: nx.DiGraph, school: str) -> tuple[str, str, int | None] | None:
    """The school's first historian with a work, and that work."""
    for h in g.nodes[school]["historians"]:
        if h["works"]:
            work = h["works"][0]
            return clean(h["name"]), clean(work["title"]), work.get("year")
    return None


def cut(text: str, n: int) -> str:
    """``text`` (one line, as ``clean`` leaves it) cut to its first ``n``
    words and marked with an ellipsis, so the reader sees it was cut.

    >>> cut("The Soviet Union and the Struggle for Collective Security", 4)
    'The Soviet Union and…'
    """
    parts = text.split(" ")
    if len(parts) <= n:
        return text
    return " ".join(parts[:n]).rstrip(" ,;:.") + "…"


def capped(words: QuestionWords, cap: int) -> QuestionWords:
    """``words`` with every phrase a plan repeats cut to ``cap`` words: the
    question, its session, side and claim labels, evidence titles and
    sources, historians and their works, school names. Points (claim texts)
    stay whole: they are what the student argues. The last way to fit 700
    words, so the limit holds whatever the corpus's lengths."""
    facts = list(words.facts)
    facts[1] = cut(facts[1], cap)
    return replace(
        words,
        title=cut(words.title, QUESTION_CAP * cap + 2),
        facts=tuple(facts),
        side_labels={s: cut(t, cap) for s, t in words.side_labels.items()},
        labels={c: cut(t, cap) for c, t in words.labels.items()},
        historians={c: tuple((h[0], cut(h[1], cap), cut(h[2], cap), h[3]) for h in found)
                    for c, found in words.historians.items()},
        evidence={e: (item[0], cut(item[1], cap), cut(item[2], cap)) for e, item in words.evidence.items()},
        school_names={n: cut(t, cap) for n, t in words.school_names.items()},
    )


# ---- words that follow the lens and the evidence choices (mirrored in plan.js) ----


def plain(share: float) -> str:
    """What an extent means for the evidence, in words a student uses."""
    words = extent_words(share)
    if words == "to a large extent":
        return "it is strongly supported"
    if words == "to some extent":
        return "the evidence is contested"
    return "it is only weakly supported"


def judgement(words: QuestionWords, v: Verdict, favoured: str) -> str:
    """The judgement in one or two sentences: the leading side in its extent words."""
    extent = extent_words(v.share)
    if v.even:
        labels = " and ".join(quoted(words.side_labels[s]) for s in v.leaders)
        return f"{labels} each hold {extent}: the evidence is evenly contested, so say which you find stronger, and why."
    leader = quoted(words.side_labels[v.leaders[0]])
    if words.term == COMPARE:
        return f"The comparison shows {leader} {extent}: {plain(v.share)}."
    sentence = f"{leader} holds {extent}: {plain(v.share)}."
    if words.term == EVALUATE:
        sentence += (" The view's strengths outweigh its limitations." if v.leaders[0] == favoured
                     else " The view's limitations outweigh its strengths.")
    return sentence


def _verb(count: int, verb: str) -> str:
    """A verb agreeing with "paragraph" (one) or "paragraphs" (several)."""
    return verb + "s" if count == 1 else verb


def _range(first: int, last: int) -> str:
    return f"paragraph {first}" if first == last else f"paragraphs {first}–{last}"


def structure(words: QuestionWords, groups: list[int], favoured: str) -> str:
    """How the paragraphs run, for the command term."""
    if not groups:
        return ""
    others = [s for s in words.sides if s != favoured]
    other = quoted(words.side_labels[others[0]]) if len(others) == 1 else "the other sides"
    mine = quoted(words.side_labels[favoured])
    if words.term == COMPARE:
        return f" The paragraphs pair points of {mine} with points of {other}, referring to both subjects throughout."
    n1 = groups.count(0)
    parts = []
    n2 = len(groups) - n1
    if words.term == EVALUATE:
        if n1:
            parts.append(f"{_range(1, n1)} {_verb(n1, 'weigh')} the view's strengths")
        if n2:
            parts.append(f"{_range(n1 + 1, len(groups))} its limitations")
    else:
        if n1:
            parts.append(f"{_range(1, n1)} {_verb(n1, 'argue')} {mine}")
        if n2:
            parts.append(f"{_range(n1 + 1, len(groups))} {_verb(n2, 'concede')} {other} and {_verb(n2, 'answer')} it")
    text = "; ".join(parts) + "."
    return " " + text[0].upper() + text[1:]


def lens_intro(words: QuestionWords, plan: Plan, terse: bool = False) -> str:
    if plan.school is None:
        return ""
    name = words.school_names[plan.school]
    if not plan.position and terse:
        return no_position(words, plan)
    if not plan.position:
        return (f"The {name} takes no position on this question: it holds none of the claims on its sides. "
                "Weighing the whole debate instead: ")
    return f"As the {name} would argue it: "


def header(words: QuestionWords, plan: Plan, short: bool = False) -> str:
    """The plan's facts; ``short`` names at most ``ASIDE_NAMED`` set-aside items."""
    if plan.school is None:
        lens = "every school"
    else:
        name = words.school_names[plan.school]
        lens = name if plan.position else f"{name}, which takes no position"
    titles = [words.evidence[e][1] for e in plan.set_aside]
    if short and len(titles) > ASIDE_NAMED:
        titles = [*titles[:ASIDE_NAMED], f"and {len(titles) - ASIDE_NAMED} more"]
    aside = "; ".join(titles) or "none"
    return " · ".join([*words.facts, f"Lens: {lens}", f"Evidence set aside: {aside}"])


def evidence_line(words: QuestionWords, e: str) -> str:
    date, title, source = words.evidence[e]
    return f"{date}: {title} ({source})"


def item_words(words: QuestionWords, node: str) -> str:
    if node in words.evidence:
        return f"{words.evidence[node][0]}, {words.evidence[node][1]}"
    return quoted(words.labels[node])


def counter_words(words: QuestionWords, c: Counter, brief: bool = False, terse: bool = False) -> str:
    """The counter and its answer; ``brief`` names no evidence to stress,
    ``terse`` says the same in the fewest words."""
    if c.kind is None:
        if terse:
            return "Nothing in the corpus argues against it."
        return "Nothing in the corpus argues against it: anticipate an objection a historian could raise."
    if c.kind == "side" and not terse:
        lead = f"Against it: the other side's case, {quoted(words.labels[c.objection])}."
    else:
        lead = f"Against it: {item_words(words, c.objection)}."
    if c.answer is not None:
        return f"{lead} Answer: {item_words(words, c.answer)} undercuts {'it' if terse else 'that objection'}."
    if terse:
        answer = "the point's backing outweighs it" if c.upheld else "concede it and limit the point"
        return f"{lead} Answer: {answer}."
    if c.upheld:
        support = "strongly supported" if percent(c.strength) >= 75 else "still supported"
        if c.support and not brief:
            return f"{lead} Answer: stress {item_words(words, c.support)}; the point is {support}."
        return f"{lead} Answer: the point's own backing outweighs it, so the point is {support}."
    return f"{lead} Answer: concede it; the evidence is contested, so limit the point."


def historian(words: QuestionWords, plan: Plan, claim: str, terse: bool = False) -> tuple[Ref | None, str]:
    """The work cited for ``claim``, or a note that no historian argues it
    (``terse``: without naming the school that does)."""
    found = words.historians[claim]
    chosen = next((h for h in found if h[0] == plan.argued_by), found[0] if found else None)
    if chosen:
        return Ref(chosen[1], chosen[2], chosen[3]), ""
    holders = words.holders[claim]
    if not holders or terse:
        return None, NO_HISTORIAN
    school = plan.argued_by if plan.argued_by in holders else holders[0]
    return None, f"{NO_HISTORIAN[:-1]}; the {words.school_names[school]} does."


def no_position(words: QuestionWords, plan: Plan) -> str:
    return f"The {words.school_names[plan.school]} takes no position here. Across the whole debate: "


def conclusion(g: nx.DiGraph, words: QuestionWords, plan: Plan) -> str:
    """The judgement again, and the one item of evidence that would most change it."""
    start = "" if plan.school is None else (
        f"As the {words.school_names[plan.school]} would argue it: " if plan.position else no_position(words, plan))
    text = start + judgement(words, plan.verdict, plan.favoured)
    top = plan.impacts[0] if plan.impacts and plan.impacts[0].size > 0 else None
    if top is None:
        return text + " No single item of evidence would change this judgement."
    return text + " " + change_words(g, words, plan, top)


def change_words(g: nx.DiGraph, words: QuestionWords, plan: Plan, item: Impact) -> str:
    after = {s: plan.shares[s] + item.shift[s] for s in words.sides}
    v = verdict(g, plan.question, after)
    action = "setting it aside" if item.accepted else "bringing it back"
    lead = f"The evidence that would most change it is {item_words(words, item.evidence)}: {action} would "
    if v.even:
        return lead + "leave the debate evenly balanced."
    side = quoted(words.side_labels[v.leaders[0]])
    if v.leaders[0] != plan.verdict.leaders[0] or plan.verdict.even:
        return lead + f"tip the balance to {side}, which would hold {extent_words(v.share)}."
    if extent_words(v.share) != extent_words(plan.verdict.share):
        return lead + f"leave {side} holding {extent_words(v.share)}."
    return lead + f"move the balance most, though {side} would still hold {extent_words(v.share)}."


def plan_view(g: nx.DiGraph, plan: Plan, words: QuestionWords | None = None, evidence_lines: int = 3,
              paragraphs: int | None = None, brief: bool = False, cap: int | None = None,
              terse: bool = False) -> PlanView:
    """Every sentence of the plan with at most ``evidence_lines`` evidence
    lines per paragraph, the paragraphs ``keep`` leaves of ``paragraphs``
    (None: all), brief counters if ``brief``, corpus phrases cut to ``cap``
    words (None: whole; the references stay whole either way), and if
    ``terse`` the plan's own sentences in their fewest words: counters and
    notes shortened, no sentence on how the paragraphs run."""
    words = words or question_words(g, plan.question)
    short = words if cap is None else capped(words, cap)
    kept = list(plan.paragraphs) if paragraphs is None else keep(plan.paragraphs, paragraphs)
    views = []
    refs: dict[tuple[str, str, int | None], Ref] = {}
    for p in kept:
        ref, _ = historian(words, plan, p.claim)
        if ref:
            refs[(ref.author, ref.title, ref.year)] = ref
        cited, note = historian(short, plan, p.claim, terse)
        lines = [evidence_line(short, e)
                 for e in sorted(p.evidence[:evidence_lines], key=lambda e: (words.evidence[e][0], e))]
        if len(lines) < 2:
            lines.append((TERSE_SECOND_SOURCE if lines else TERSE_NO_SOURCE) if terse else
                         (SECOND_SOURCE if lines else NO_SOURCE))
        views.append(ParagraphView(
            claim=p.claim, heading=short.labels[p.claim], point=words.texts[p.claim],
            evidence=tuple(lines),
            historian=cited, historian_note=note, counter=counter_words(short, p.counter, brief, terse),
        ))
    thesis = lens_intro(short, plan, terse) + judgement(short, plan.verdict, plan.favoured) + (
        "" if terse else structure(short, [p.group for p in kept], plan.favoured))
    return PlanView(
        title=short.title,
        header=header(short, plan, cap is not None),
        thesis=thesis,
        paragraphs=tuple(views),
        conclusion=conclusion(g, short, plan),
        references=tuple(sorted(refs.values(), key=lambda r: (r.author, r.year or 0, r.title))),
        table=table(words, plan),
        impacts=tuple(impact_line(g, words, plan, i) for i in plan.impacts),
    )


def keep(paragraphs, count: int) -> list:
    """The paragraphs left after dropping down to ``count``: each time, the
    last paragraph of the group with the most paragraphs (ties: the group
    of the last paragraph), so the plan keeps both its argument and its
    concession, or its pairs."""
    kept = list(paragraphs)
    while len(kept) > count:
        groups = [p.group for p in kept]
        big = max((0, 1), key=lambda g: (groups.count(g), g == groups[-1]))
        last = max(i for i, p in enumerate(kept) if p.group == big)
        kept.pop(last)
    return kept


def fit(g: nx.DiGraph, plan: Plan, count_words, words: QuestionWords | None = None) -> PlanView:
    """The plan within ``WORD_LIMIT`` words before its references, as
    ``count_words(view)`` counts them: first two evidence lines per
    paragraph instead of three, then fewer paragraphs (never under three),
    then counters that name no evidence to stress, then every corpus phrase
    but the points cut to each of ``CAPS`` words in turn, then the plan's
    own sentences in their fewest words.

    Three paragraphs whose points are whole (300 characters: at most 150
    words each), every other phrase cut to one word and terse sentences come
    under 700 words (tests/test_plan.py builds the wordiest corpus possible),
    so the limit holds on any corpus docs/format.md allows. The one thing
    without a bound is the number of sides an even judgement names (two
    words each, twice); ten tied sides still come to 670 words.
    """
    words = words or question_words(g, plan.question)
    lines, count, brief, caps, terse = 3, len(plan.paragraphs), False, [None, *CAPS], False
    while True:
        view = plan_view(g, plan, words, lines, count, brief, caps[0], terse)
        if count_words(view) <= WORD_LIMIT:
            return view
        if lines > 2:
            lines = 2
        elif count > MIN_PARAGRAPHS:
            count -= 1
        elif not brief:
            brief = True
        elif len(caps) > 1:
            caps.pop(0)
        elif not terse:
            terse = True
        else:
            return view


def verdict_words(words: QuestionWords, v: Verdict | None) -> str:
    if v is None:
        return "takes no position"
    if v.even:
        return "even"
    return f"{words.side_labels[v.leaders[0]]}, {extent_words(v.share)}"


def table(words: QuestionWords, plan: Plan) -> tuple[tuple[str, ...], ...]:
    """Each school's answer: the balance under its lens, or no position."""
    rows = [("Lens", *(words.side_labels[s] for s in words.sides), "Judgement")]
    for answer in plan.answers:
        name = words.school_names[answer.school] if answer.school else "Every school"
        cells = [f"{percent(answer.shares[s])}%" if answer.shares else "no position" for s in words.sides]
        rows.append((name, *cells, verdict_words(words, answer.verdict)))
    return tuple(rows)


def impact_line(g: nx.DiGraph, words: QuestionWords, plan: Plan, item: Impact) -> str:
    """One line of "what would change the verdict", with its figures."""
    after = {s: plan.shares[s] + item.shift[s] for s in words.sides}
    action = "setting it aside" if item.accepted else "bringing it back"
    moves = [
        f"{quoted(words.side_labels[s])} {percent(plan.shares[s])}% → {percent(after[s])}%"
        for s in words.sides if percent(plan.shares[s]) != percent(after[s])
    ]
    line = f"{item_words(words, item.evidence)}: {action} "
    if not moves:
        return line + "leaves the balance as it is."
    changed = verdict_words(words, verdict(g, plan.question, after)) != verdict_words(words, plan.verdict)
    return line + "moves " + ", ".join(moves) + ("; the judgement would change." if changed else ".")


def detail(g: nx.DiGraph, words: QuestionWords, plan: Plan, view: PlanView) -> tuple[str, ...]:
    """The figures behind the plan (``--detail``), one line each."""
    shown = {v.claim for v in view.paragraphs}
    lines = ["Balance: " + "; ".join(f"{quoted(words.side_labels[s])} {percent(plan.shares[s])}%"
                                     for s in words.sides)]
    number = 0
    for p in plan.paragraphs:
        if p.claim in shown:
            number += 1
            lines.append(f"Paragraph {number}, {quoted(words.labels[p.claim])}: strength {percent(p.strength)}%, "
                         f"contribution {percent(p.contribution)}/100")
    lines += [f"Impact {i}: {line}" for i, line in enumerate(view.impacts[:5], start=1)]
    lines += [f"Warning: {_warning(g, plan.question, a)}" for a in plan.advice]
    return tuple(lines)


def _warning(g: nx.DiGraph, question: str, a: Advice) -> str:
    node = g.nodes[a.subject]
    if a.kind == "outside-period":
        return f"{node['date']}, {clean(node['title'])} lies outside the period; use it as context, not as proof."
    if a.kind == "one-school":
        if a.related:
            return (f"every claim on {quoted(clean(node['label']))} is held by "
                    f"{clean(g.nodes[a.related[0]]['name'])} alone; find a historian from another school.")
        return f"no school holds a claim on {quoted(clean(node['label']))}; find a historian who argues it."
    if a.kind == "single-evidence":
        return (f"{quoted(clean(node['label']))} rests on one piece of evidence "
                f"({clean(g.nodes[a.related[0]]['title'])}); find a second.")
    return f"{quoted(clean(node['label']))} rests on no evidence; find some or drop it."


__all__ = ["PlanView", "QuestionWords", "Ref", "detail", "fit", "plan_view", "question_words"]
