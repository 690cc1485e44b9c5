"""The argument graph: one ``networkx.DiGraph`` exactly as docs/format.md fixes it.

Node ids are item ids; a side's node id is ``<question-id>/<side-id>``.
Every node has ``kind`` and ``label``; the rest of an item's fields ride along
as attributes so that renderers and exporters never go back to the corpus.
Insertion order follows the corpus, so everything downstream is reproducible.
"""

from __future__ import annotations

import networkx as nx

from argmap.corpus import WEIGHTS, Corpus

ARGUMENT_RELATIONS = frozenset({"supports", "undermines"})
SIDE_WEIGHT = 1.0
# A link the reader set aside (``weights``): drawn, but it counts for nothing.
ASIDE_WEIGHT = 0.0


def side_node(question_id: str, side_id: str) -> str:
    """The graph id of a side: ``<question-id>/<side-id>``."""
    return f"{question_id}/{side_id}"


def build_graph(corpus: Corpus) -> nx.DiGraph:
    """Build the argument graph of a corpus that loaded without errors.

    >>> from argmap.corpus import Corpus, Claim
    >>> c = Corpus(root=None, claims={"a": Claim(id="a", text="A holds.")})
    >>> build_graph(c).nodes["a"]["kind"]
    'claim'
    """
    g = nx.DiGraph()
    for ev in corpus.evidence.values():
        g.add_node(
            ev.id, kind="evidence", label=ev.title, title=ev.title, date=ev.date,
            evidence_kind=ev.kind, detail=ev.detail, quote=ev.quote, speaker=ev.speaker,
            source=ev.source, tags=list(ev.tags), box_label=ev.label,
        )
    for claim in corpus.claims.values():
        g.add_node(claim.id, kind="claim", label=claim.short_label, text=claim.text)
    for school in corpus.schools.values():
        g.add_node(
            school.id, kind="school", label=school.name, name=school.name, summary=school.summary,
            era=school.era, historians=[h.model_dump() for h in school.historians],
        )
    named = corpus.sides_named()
    side_claims = {q.id: corpus.side_claims(q, named) for q in corpus.questions.values()}
    for q in corpus.questions.values():
        g.add_node(
            q.id, kind="question", label=q.text, text=q.text, paper=q.paper, session=q.session,
            command_term=q.command_term, period=list(q.period) if q.period else None,
            sides=[side_node(q.id, s.id) for s in q.sides],
        )
        for order, (side, claims) in enumerate(zip(q.sides, side_claims[q.id])):
            sid = side_node(q.id, side.id)
            g.add_node(sid, kind="side", label=side.label, question=q.id, order=order, claims=claims)
            g.add_edge(q.id, sid, relation="has_side")

    # Links written under a claim come first, then those written under an
    # evidence item (``links``): the same edges either way.
    for claim_id, links in corpus.linked_evidence().items():
        for ref, stance, weight, reading in links:
            g.add_edge(ref, claim_id, relation=stance, weight=WEIGHTS[weight], reading=reading)
    for claim in corpus.claims.values():
        for relation in ("supports", "undermines"):
            for link in getattr(claim, relation):
                g.add_edge(claim.id, link.ref, relation=relation, weight=WEIGHTS[link.weight])
    for q in corpus.questions.values():
        for side, claims in zip(q.sides, side_claims[q.id]):
            for ref in claims:
                g.add_edge(ref, side_node(q.id, side.id), relation="supports", weight=SIDE_WEIGHT)
    for school in corpus.schools.values():
        for ref in school.holds:
            g.add_edge(school.id, ref, relation="holds")
        for ref in school.rejects:
            g.add_edge(school.id, ref, relation="rejects")
    # A reader's own weights replace a link's; a link set aside stays drawn
    # (weight 0 adds nothing to DF-QuAD's aggregate, exactly as no link).
    for change, _ in corpus.weights:
        edge = g.edges[change.from_, change.to]
        edge["weight"] = ASIDE_WEIGHT if change.weight == "aside" else WEIGHTS[change.weight]
        edge["changed"] = change.weight
    # A reader's notes ride on their node (never an edge: they are not weighed).
    for note, _ in corpus.notes:
        g.nodes[note.on].setdefault("notes", []).append(note.text)
    return g

