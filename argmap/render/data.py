"""The data a map page carries: one JSON blob, read by the page's scripts.

Everything the page shows or computes comes from here, so the page's
weighing, its details panel, its outline and its essay plan all read
one source. The shape, version 1 (``schema``):

``question``
    ``{id, text, paper, session (null = practice), command_term,
    period ([start, end] or null), sides: [side node ids in order]}``
``sides``
    ``[{id, label, order, claims: [claim ids in listed order], colour}]``
``claims``
    ``{id: {label, text}}``
``evidence``
    ``{id: {title, label, date, years: [first, last], kind, detail, quote,
    speaker, source, tags, stances: {side id: "supports"|"undermines"|
    "contested"}, contested}}``; ``contested`` is true when some side reads
    it both ways or it supports more than one side.
``links``
    ``[{from, to, relation: "supports"|"undermines", weight, reading}]``: every
    argument edge of the map (evidence -> claim, claim -> claim, claim ->
    side), in graph order; ``reading`` is null except on evidence links.
``schools``
    ``[{id, name, summary, era, historians: [{name, works: [{title, year}]}],
    holds: [claim ids on this map], rejects: [...], lens: [...]}]``: every
    school of the corpus, in corpus order (any school's lens can be chosen; one
    with nothing on this map takes no position on it). ``lens`` is
    ``argmap.analysis.lens`` on this map: the claims held and every item of
    evidence the school's claims cite (a claim on another question's map may
    cite evidence shown here), in map order. The schools that argue on the
    map are those whose ``holds`` or ``rejects`` is not empty.
``plan``
    the essay plan's fixed words (``argmap.plan.page.page_data``), which
    ``plan.js`` completes for the lens and evidence choices of the moment.
``nodes``
    ``[{id, kind, label}]``: the map's nodes in graph order with the graph's
    labels (``argmap.nodes()``); the boxes draw the words of ``layout``.
``vis``
    what vis-network draws: ``nodes`` (at the opening theme's layout),
    ``options``, ``groups``: ``{"default": {...}, "projector": {...}}``, the
    shared styles per theme, and ``layout``: the drawing, computed once in
    Python (``argmap.render.layout``), per theme: ``{theme: {boxes: {id: {x, y, width, height, lines, fontSize}},
    lines: [points], width, height, scale}}``, in map units (CSS px at zoom
    1). ``x, y`` is a box's centre; ``lines`` are its label's lines exactly
    as drawn (never cut); ``lines[i]`` are the points of ``links[i]``,
    ``[[x, y], ...]`` from the border of its ``from`` box to the border of
    its ``to`` box; ``scale`` is the zoom at which the map fits the theme's
    map area at 1366x768. The page draws exactly these: boxes as vis-network
    nodes with that label and a fixed size, lines as these polylines.
``theme``
    the theme the page opens in.
``notes``
    ``{id: [texts]}``: the notes written in the corpus (or a file added
    with ``--add``) on the map's nodes, in corpus order.
``corpus``
    the corpus's identity: 16 hex digits of a hash of its question and
    school ids, the same for every rebuild of the same debate (a fixed
    typo or a new evidence item keeps it), so a reader's own additions,
    kept in the browser under it and the question id, survive a rebuild.
"""

from __future__ import annotations

import hashlib
from typing import Any

import networkx as nx

from argmap.analysis import lens, side_stances
from argmap.corpus.models import date_bounds
from argmap.graph import ARGUMENT_RELATIONS
from argmap.labels import evidence_words
from argmap.plan.page import page_data as plan_data
from argmap.render.layout import map_nodes
from argmap.render.style import side_colour

SCHEMA_VERSION = 1


def page_data(g: nx.DiGraph, question: str, theme: str = "default") -> dict[str, Any]:
    """The page data of one question's map (see the module docstring), without
    ``vis``, which ``argmap.render.network`` adds."""
    nodes = map_nodes(g, question)
    keep = set(nodes)
    q = g.nodes[question]
    stances = side_stances(g, question)
    claims = [n for n in nodes if g.nodes[n]["kind"] == "claim"]
    return {
        "schema": SCHEMA_VERSION,
        "theme": theme,
        "question": {
            "id": question, "text": q["text"], "paper": q["paper"], "session": q["session"],
            "command_term": q["command_term"], "period": q["period"], "sides": list(q["sides"]),
        },
        "sides": [
            {"id": s, "label": g.nodes[s]["label"], "order": g.nodes[s]["order"],
             "claims": list(g.nodes[s]["claims"]), "colour": side_colour(g.nodes[s]["order"])}
            for s in q["sides"]
        ],
        "claims": {c: {"label": g.nodes[c]["label"], "text": g.nodes[c]["text"]} for c in claims},
        "evidence": {
            e: _evidence(g.nodes[e], stances.get(e, {}))
            for e in nodes if g.nodes[e]["kind"] == "evidence"
        },
        "links": [
            {"from": u, "to": v, "relation": data["relation"], "weight": data["weight"],
             "reading": data.get("reading")}
            for u, v, data in g.edges(data=True)
            if data["relation"] in ARGUMENT_RELATIONS and u in keep and v in keep
        ],
        "schools": [_school(g, s, nodes) for s, kind in g.nodes(data="kind") if kind == "school"],
        "plan": plan_data(g, question),
        "nodes": [{"id": n, "kind": g.nodes[n]["kind"], "label": g.nodes[n]["label"]} for n in nodes],
        "notes": {n: list(g.nodes[n]["notes"]) for n in nodes if "notes" in g.nodes[n]},
        "corpus": corpus_identity(g),
    }


def corpus_identity(g: nx.DiGraph) -> str:
    """A short, stable name for the debate a graph holds (see ``corpus``
    above): its question and school ids, hashed."""
    ids = sorted(n for n, kind in g.nodes(data="kind") if kind in ("question", "school"))
    return hashlib.sha256("\n".join(ids).encode("utf-8")).hexdigest()[:16]


def is_contested(stances: dict[str, str]) -> bool:
    """Read both ways by one side, or claimed as support by more than one."""
    values = list(stances.values())
    return "contested" in values or values.count("supports") > 1


def _evidence(data: dict[str, Any], stances: dict[str, str]) -> dict[str, Any]:
    first, last = date_bounds(data["date"])
    return {
        "title": data["title"], "label": evidence_words(data["title"], data.get("box_label")),
        "date": data["date"], "years": [first[0], last[0]], "kind": data["evidence_kind"],
        "detail": data["detail"], "quote": data["quote"], "speaker": data["speaker"],
        "source": data["source"], "tags": list(data["tags"]), "stances": dict(stances),
        "contested": is_contested(stances),
    }


def _school(g: nx.DiGraph, school: str, nodes: list[str]) -> dict[str, Any]:
    data = g.nodes[school]
    keep = set(nodes)
    related: dict[str, list[str]] = {"holds": [], "rejects": []}
    for claim in g.successors(school):
        if claim in keep:
            related[g.edges[school, claim]["relation"]].append(claim)
    kept = lens(g, school)
    return {
        "id": school, "name": data["name"], "summary": data["summary"], "era": data["era"],
        "historians": data["historians"], **related, "lens": [n for n in nodes if n in kept],
    }
