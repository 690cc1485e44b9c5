"""Checks that need the whole corpus: references, relations, cycles, paths.

These run after every file has been read, over the items that could be read.
All work here is linear in the corpus (dictionary look-ups and one pass of
Tarjan's algorithm for cycles) so large corpora stay quick to check.
"""

from __future__ import annotations

from collections import defaultdict, deque
from typing import Iterator

from argmap.corpus.errors import CorpusError, did_you_mean
from argmap.corpus.load import UNREAD, Corpus, Source
from argmap.render.text import long_title_warning, title_fits

_ARTICLE = {"evidence": "evidence", "claim": "a claim", "school": "a school", "question": "a question"}


def validate(corpus: Corpus) -> list[CorpusError]:
    """Every cross-item error and every warning docs/format.md names."""
    out: list[CorpusError] = []
    out.extend(_claim_references(corpus))
    out.extend(_school_references(corpus))
    out.extend(_question_references(corpus))
    out.extend(_cycles(corpus))
    out.extend(_warnings(corpus))
    return out


def _error(source: Source, steps: tuple, message: str, hint: str | None = None) -> CorpusError:
    line, column = source.at(*steps)
    return CorpusError(source.path, line, column, "error", message, hint)


def _check_ref(corpus: Corpus, source: Source, steps: tuple, ref: str, want: str) -> CorpusError | None:
    """None when ``ref`` names an item of kind ``want`` (or a broken one)."""
    kind = corpus.kind_of(ref)
    if kind == want or corpus.broken.get(ref) in (want, UNREAD):
        return None
    if kind is None:
        pool = {"evidence": corpus.evidence, "claim": corpus.claims}[want]
        return _error(source, steps, f"unknown {want} id '{ref}'", did_you_mean(ref, pool))
    return _error(source, steps, f"'{ref}' is {_ARTICLE[kind]}, but {_ARTICLE[want]} is wanted here")


def _claim_references(corpus: Corpus) -> Iterator[CorpusError]:
    for claim in corpus.claims.values():
        source = corpus.sources[claim.id]
        seen: dict[str, str] = {}
        for i, link in enumerate(claim.evidence):
            problem = _check_ref(corpus, source, ("evidence", i, "ref"), link.ref, "evidence")
            if problem:
                yield problem
            elif link.ref in seen:
                yield _error(source, ("evidence", i, "ref"),
                             f"evidence '{link.ref}' is linked to claim '{claim.id}' twice")
            seen[link.ref] = "evidence"
        related: dict[str, str] = {}
        for relation in ("supports", "undermines"):
            for i, link in enumerate(getattr(claim, relation)):
                steps = (relation, i)
                problem = _check_ref(corpus, source, steps, link.ref, "claim")
                if problem:
                    yield problem
                elif link.ref in related:
                    before = related[link.ref]
                    how = "twice" if before == relation else "in both supports and undermines"
                    yield _error(source, steps, f"claim '{claim.id}' relates to claim '{link.ref}' {how}")
                related[link.ref] = relation


def _school_references(corpus: Corpus) -> Iterator[CorpusError]:
    for school in corpus.schools.values():
        source = corpus.sources[school.id]
        seen: dict[str, str] = {}
        for relation in ("holds", "rejects"):
            for i, ref in enumerate(getattr(school, relation)):
                steps = (relation, i)
                problem = _check_ref(corpus, source, steps, ref, "claim")
                if problem:
                    yield problem
                elif ref in seen:
                    if seen[ref] == relation:
                        yield _error(source, steps, f"school '{school.id}' {relation} claim '{ref}' twice")
                    else:
                        yield _error(source, steps, f"school '{school.id}' both holds and rejects claim '{ref}'")
                seen[ref] = relation


def _question_references(corpus: Corpus) -> Iterator[CorpusError]:
    for question in corpus.questions.values():
        source = corpus.sources[question.id]
        side_ids: dict[str, int] = {}
        placed: dict[str, str] = {}
        for s, side in enumerate(question.sides):
            if side.id in side_ids:
                yield _error(source, ("sides", s, "id"),
                             f"side id '{side.id}' is used twice in question '{question.id}'")
            side_ids.setdefault(side.id, s)
            listed: set[str] = set()
            for c, ref in enumerate(side.claims):
                steps = ("sides", s, "claims", c)
                problem = _check_ref(corpus, source, steps, ref, "claim")
                if problem:
                    yield problem
                    continue
                if ref in listed:
                    yield _error(source, steps, f"claim '{ref}' is listed twice on side '{side.id}'")
                elif ref in placed:
                    yield _error(source, steps,
                                 f"claim '{ref}' is on two sides of question '{question.id}': "
                                 f"'{placed[ref]}' and '{side.id}'")
                listed.add(ref)
                placed.setdefault(ref, side.id)


def _claim_edges(corpus: Corpus) -> dict[str, list[str]]:
    """claim -> claim argument edges between claims that exist, in corpus order."""
    edges: dict[str, list[str]] = {claim_id: [] for claim_id in corpus.claims}
    for claim in corpus.claims.values():
        for link in (*claim.supports, *claim.undermines):
            if link.ref in corpus.claims:
                edges[claim.id].append(link.ref)
    return edges


def _cycles(corpus: Corpus) -> Iterator[CorpusError]:
    """One error per strongly connected knot of claims, naming a shortest
    cycle through its smallest id.

    Evidence never has incoming edges, so only claim -> claim edges can close
    a cycle.
    """
    edges = _claim_edges(corpus)
    for knot in sorted(_knots(edges), key=min):
        start = min(knot)
        cycle = _cycle_through(start, edges, knot)
        path = " -> ".join([*cycle, start])
        yield _error(corpus.sources[start], ("id",), f"argument cycle: {path}")


def _knots(edges: dict[str, list[str]]) -> list[set[str]]:
    """The strongly connected components that hold a cycle.

    Tarjan's algorithm, written with an explicit stack: a long chain of
    claims must not reach Python's recursion limit, and networkx is not
    imported, which keeps ``argmap check`` quick to start.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    knots: list[set[str]] = []
    for root in edges:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work = [(root, iter(edges[root]))]
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges[child])))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component: set[str] = set()
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.add(member)
                        if member == node:
                            break
                    if len(component) > 1 or node in edges[node]:
                        knots.append(component)
    return knots


def _cycle_through(start: str, edges: dict[str, list[str]], knot: set[str]) -> list[str]:
    """A shortest cycle from ``start`` back to it inside ``knot`` (breadth
    first), as the list of its members from ``start``."""
    parent: dict[str, str | None] = {start: None}
    queue = deque([start])
    while queue:
        node = queue.popleft()
        for child in edges[node]:
            if child == start:
                path = [node]
                while (before := parent[path[-1]]) is not None:
                    path.append(before)
                return path[::-1]
            if child in knot and child not in parent:
                parent[child] = node
                queue.append(child)
    raise AssertionError(f"'{start}' is in a knot but on no cycle")  # pragma: no cover


def _warnings(corpus: Corpus) -> Iterator[CorpusError]:
    for school in corpus.schools.values():
        if not school.holds:
            yield _warning(corpus, school.id, "school '{}' holds no claim")
    if corpus.broken:
        # An unreadable claim or question would make sound items look unused
        # or off every path: the error already reported says all there is.
        return
    for evidence in corpus.evidence.values():
        if evidence.label is None and not title_fits(evidence.title):
            source = corpus.sources[evidence.id]
            line, column = source.at("title")
            yield CorpusError(source.path, line, column, "warning", long_title_warning(evidence.id))
    cited = {link.ref for claim in corpus.claims.values() for link in claim.evidence}
    for evidence in corpus.evidence.values():
        if evidence.id not in cited:
            yield _warning(corpus, evidence.id, "evidence '{}' is cited by no claim")

    feeds: dict[str, list[str]] = defaultdict(list)
    for claim in corpus.claims.values():
        for link in (*claim.supports, *claim.undermines):
            feeds[link.ref].append(claim.id)
    on_path: set[str] = set()
    # Parsed once: a claim on many questions' paths is visited once per question.
    years = {evidence.id: evidence.years for evidence in corpus.evidence.values()}
    for question in corpus.questions.values():
        reached = _claims_reaching(question, feeds, corpus)
        on_path |= reached
        if question.period:
            yield from _out_of_period(corpus, question, reached, years)
    for claim_id in corpus.claims:
        if claim_id not in on_path:
            yield _warning(corpus, claim_id, "claim '{}' is on no question's path (no side reaches it)")


def _claims_reaching(question, feeds: dict[str, list[str]], corpus: Corpus) -> set[str]:
    stack = [ref for side in question.sides for ref in side.claims if ref in corpus.claims]
    reached: set[str] = set()
    while stack:
        claim_id = stack.pop()
        if claim_id in reached:
            continue
        reached.add(claim_id)
        stack.extend(feeds.get(claim_id, ()))
    return reached


def _out_of_period(
    corpus: Corpus, question, reached: set[str], years: dict[str, tuple[int, int]]
) -> Iterator[CorpusError]:
    start, end = question.period
    flagged: set[str] = set()
    for claim_id in reached:
        for link in corpus.claims[claim_id].evidence:
            span = years.get(link.ref)
            if span is None or link.ref in flagged:
                continue
            if span[1] < start or span[0] > end:
                flagged.add(link.ref)
                yield _warning(
                    corpus, link.ref,
                    f"evidence '{{}}' ({corpus.evidence[link.ref].date}) lies outside the period {start}-{end} "
                    f"of question '{question.id}'",
                )


def _warning(corpus: Corpus, item_id: str, template: str) -> CorpusError:
    source = corpus.sources[item_id]
    line, column = source.at("id")
    return CorpusError(source.path, line, column, "warning", template.format(item_id))
