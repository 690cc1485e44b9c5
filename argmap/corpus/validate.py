"""Checks that need the whole corpus: references, relations, cycles, paths.

These run after every file has been read, over the items that could be read.
All work here is linear in the corpus (dictionary look-ups and one pass of
Tarjan's algorithm for cycles) so large corpora stay quick to check.
"""

from __future__ import annotations

from collections import defaultdict, deque
from typing import Iterator

from argmap.corpus.errors import CorpusError, Suggestions, did_you_mean
from argmap.corpus.load import UNREAD, Corpus, Source
from argmap.labels import long_title_warning, title_fits

_ARTICLE = {"evidence": "evidence", "claim": "a claim", "school": "a school", "question": "a question"}


def validate(corpus: Corpus) -> list[CorpusError]:
    """Every cross-item error and every warning docs/format.md names."""
    out: list[CorpusError] = []
    out.extend(_claim_references(corpus))
    out.extend(_school_references(corpus))
    out.extend(_question_references(corpus))
    out.extend(_evidence_links(corpus))
    out.extend(_claim_sides(corpus))
    out.extend(_note_targets(corpus))
    out.extend(_weight_changes(corpus))
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
        return _error(source, steps, f"unknown {want} id '{ref}'", corpus.suggest(ref, want))
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


def _evidence_links(corpus: Corpus) -> Iterator[CorpusError]:
    """Links written under evidence (``links``): the claim exists, and the
    same link is not also written under the claim, nor twice here."""
    listed = {(link.ref, claim.id) for claim in corpus.claims.values() for link in claim.evidence}
    for evidence in corpus.evidence.values():
        source = corpus.sources[evidence.id]
        seen: set[str] = set()
        for i, link in enumerate(evidence.links):
            steps = ("links", i, "claim")
            problem = _check_ref(corpus, source, steps, link.claim, "claim")
            if problem:
                yield problem
            elif link.claim in seen:
                yield _error(source, steps, f"evidence '{evidence.id}' is linked to claim '{link.claim}' twice")
            elif (evidence.id, link.claim) in listed:
                where = _place_of(corpus, link.claim, ("evidence",))
                yield _error(source, steps,
                             f"evidence '{evidence.id}' is linked to claim '{link.claim}' twice: claim "
                             f"'{link.claim}' also lists it under evidence ({where}); keep one of the two")
            seen.add(link.claim)


def _side_nodes(corpus: Corpus) -> dict[str, dict[str, int]]:
    """Question id -> its side ids (and their positions)."""
    return {q.id: {side.id: s for s, side in reversed(list(enumerate(q.sides)))} for q in corpus.questions.values()}


def _claim_sides(corpus: Corpus) -> Iterator[CorpusError]:
    """A claim's ``sides``: each names a side that exists, once, and puts the
    claim on at most one side of each question, counting the sides' own lists."""
    sides = _side_nodes(corpus)
    every = Suggestions(f"{q}/{s}" for q, ids in sides.items() for s in ids)
    listed_on: dict[tuple[str, str], str] = {}
    for question in corpus.questions.values():
        for side in question.sides:
            for ref in side.claims:
                listed_on.setdefault((question.id, ref), side.id)
    for claim in corpus.claims.values():
        source = corpus.sources[claim.id]
        placed: dict[str, str] = {}
        for i, ref in enumerate(claim.sides):
            steps = ("sides", i)
            question, slash, side = ref.partition("/")
            if not slash or not side or "/" in side:
                yield _error(source, steps, f"bad side '{ref}' in claim '{claim.id}': a side is written "
                             "'<question-id>/<side-id>'", every(ref))
                continue
            kind = corpus.kind_of(question)
            if corpus.broken.get(question) in ("question", UNREAD):
                continue
            if kind is None:
                yield _error(source, steps, f"unknown question '{question}' in side '{ref}'", every(ref))
                continue
            if kind != "question":
                yield _error(source, steps, f"'{question}' is {_ARTICLE[kind]}, but a question is wanted here "
                             f"(a side is written '<question-id>/<side-id>')")
                continue
            if side not in sides[question]:
                yield _error(source, steps, f"question '{question}' has no side '{side}'",
                             did_you_mean(ref, [f"{question}/{s}" for s in sides[question]]))
                continue
            if question in placed:
                how = "twice" if placed[question] == side else f"on two sides: '{placed[question]}' and '{side}'"
                yield _error(source, steps, f"claim '{claim.id}' is put on question '{question}' {how}")
                continue
            placed[question] = side
            listed = listed_on.get((question, claim.id))
            if listed == side:
                where = _place_of(corpus, question, ("sides", sides[question][side], "claims"))
                yield _error(source, steps, f"claim '{claim.id}' is put on side '{ref}' twice: the side lists it "
                             f"too ({where}); keep one of the two")
            elif listed is not None:
                yield _error(source, steps, f"claim '{claim.id}' is on two sides of question '{question}': "
                             f"'{listed}' (listed there) and '{side}'")


def _note_targets(corpus: Corpus) -> Iterator[CorpusError]:
    """Each note is on a node that exists (any item, or a side)."""
    if not corpus.notes:
        return
    sides = {f"{q}/{s}" for q, ids in _side_nodes(corpus).items() for s in ids}
    suggest: Suggestions | None = None
    for note, source in corpus.notes:
        target = note.on
        question = target.partition("/")[0]
        if target in sides or corpus.kind_of(target) is not None:
            continue
        if "/" in target and question in corpus.broken:
            continue
        if suggest is None:
            suggest = Suggestions([*corpus.evidence, *corpus.claims, *corpus.schools, *corpus.questions, *sides])
        yield _error(source, ("on",), f"note on unknown id '{target}'", suggest(target))


def _weight_changes(corpus: Corpus) -> Iterator[CorpusError]:
    """Each changed weight names an argument link that exists (evidence ->
    claim or claim -> claim), and each link is changed at most once."""
    if not corpus.weights:
        return
    links = {(ref, claim) for claim, found in corpus.linked_evidence().items() for ref, *_ in found}
    links |= {(claim, ref) for claim, refs in _claim_edges(corpus).items() for ref in refs}
    seen: dict[tuple[str, str], str] = {}
    for change, source in corpus.weights:
        start, end = change.from_, change.to
        kind = corpus.kind_of(start)
        if kind is None:
            pool = [*corpus.evidence, *corpus.claims]
            yield _error(source, ("from",), f"weight change from unknown id '{start}'", did_you_mean(start, pool))
            continue
        if kind not in ("evidence", "claim", UNREAD):
            yield _error(source, ("from",), f"'{start}' is {_ARTICLE[kind]}, but a link starts at evidence or a claim")
            continue
        problem = _check_ref(corpus, source, ("to",), end, "claim")
        if problem:
            yield problem
            continue
        if start in corpus.broken or end in corpus.broken:
            continue
        if (start, end) not in links:
            yield _error(source, ("to",), f"no link from '{start}' to '{end}' to weigh",
                         "link them first (a claim's evidence, an evidence item's links, or supports/undermines)")
        elif (start, end) in seen:
            yield _error(source, ("from",), f"the weight of the link from '{start}' to '{end}' is changed twice "
                         f"(also at {seen[(start, end)]}); keep one")
        else:
            seen[(start, end)] = f"{source.path}:{source.at('from')[0]}"


def _place_of(corpus: Corpus, item_id: str, steps: tuple) -> str:
    """``path:line`` where ``steps`` lead inside item ``item_id``."""
    source = corpus.sources[item_id]
    return f"{source.path}:{source.at(*steps)[0]}"


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
    linked = corpus.linked_evidence()
    cited = {ref for links in linked.values() for ref, *_ in links}
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
    named = corpus.sides_named()
    for question in corpus.questions.values():
        reached = _claims_reaching(corpus.side_claims(question, named), feeds, corpus)
        on_path |= reached
        if question.period:
            yield from _out_of_period(corpus, question, reached, years, linked)
    for claim_id in corpus.claims:
        if claim_id not in on_path:
            yield _warning(corpus, claim_id, "claim '{}' is on no question's path (no side reaches it)")


def _claims_reaching(side_claims: list[list[str]], feeds: dict[str, list[str]], corpus: Corpus) -> set[str]:
    stack = [ref for claims in side_claims for ref in claims if ref in corpus.claims]
    reached: set[str] = set()
    while stack:
        claim_id = stack.pop()
        if claim_id in reached:
            continue
        reached.add(claim_id)
        stack.extend(feeds.get(claim_id, ()))
    return reached


def _out_of_period(
    corpus: Corpus, question, reached: set[str], years: dict[str, tuple[int, int]],
    linked: dict[str, list[tuple[str, str, str, str | None]]],
) -> Iterator[CorpusError]:
    start, end = question.period
    flagged: set[str] = set()
    for claim_id in reached:
        for ref, *_ in linked[claim_id]:
            span = years.get(ref)
            if span is None or ref in flagged:
                continue
            if span[1] < start or span[0] > end:
                flagged.add(ref)
                yield _warning(
                    corpus, ref,
                    f"evidence '{{}}' ({corpus.evidence[ref].date}) lies outside the period {start}-{end} "
                    f"of question '{question.id}'",
                )


def _warning(corpus: Corpus, item_id: str, template: str) -> CorpusError:
    source = corpus.sources[item_id]
    line, column = source.at("id")
    return CorpusError(source.path, line, column, "warning", template.format(item_id))
