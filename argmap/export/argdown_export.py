"""``export --format argdown``: the map as Argdown text (https://argdown.org).

Every evidence item, claim and side is a statement ``[id]: text``; below each
claim and side, indented ``+ [id]`` and ``- [id]`` lines name what supports or
undermines it, and each school that holds a claim tags it ``#(school-id)``,
which Argdown's map colours. Ids are kebab-case (and ``question/side``), so
they are safe as Argdown titles; corpus text is not, so every character
Argdown could read as syntax is escaped with a backslash.
"""

from __future__ import annotations

import json
import re

import networkx as nx

from argmap.analysis import question_subgraph
from argmap.export.propositions import argument_edges, proposition, statements

RELATION_MARK = {"supports": "+", "undermines": "-"}

# Argdown reads "\x" as the plain character x. Mid-line, these characters
# can start syntax: \ escapes, [] statements and links, <> arguments and
# "<!--" comments, {} data, # tags, * and _ emphasis, / comments, @ mentions,
# = front matter, and "." or ":" before a non-space a shortcode (".A." is ∀).
# Sentence punctuation elsewhere stays as written, so the file reads well.
# Relation marks (+, -, >) only count at the start of a line, which statement
# text never is.
_SYNTAX = re.compile(r"([\\\[\]<>{}#*_/@=]|[.:](?=\S))")
_LINE_BREAKS = re.compile(r"\s*[\r\n]+\s*")


def escape(text: str) -> str:
    """Corpus text as one line of literal Argdown statement text.

    >>> print(escape("[Munich] #1, e.g. a // b."))
    \\[Munich\\] \\#1, e\\.g. a \\/\\/ b.
    """
    return _SYNTAX.sub(r"\\\1", _LINE_BREAKS.sub(" ", text).strip())


def _front_matter(g: nx.DiGraph, question: str | None) -> list[str]:
    title = g.nodes[question]["text"] if question else "argmap: every question"
    # A JSON string is a YAML double-quoted scalar; "=" is written as an
    # escape so a title holding "===" cannot close Argdown's front matter.
    quoted = json.dumps(title, ensure_ascii=False).replace("=", "\\u003d")
    return ["===", f"title: {quoted}", "===", ""]


def export(g: nx.DiGraph, question: str | None) -> str:
    """Argdown text for one question's sub-graph, or for all of ``g``."""
    sub = question_subgraph(g, question) if question else g
    held_by: dict[str, list[str]] = {}
    for school, claim, relation in sub.edges(data="relation"):
        if relation == "holds":
            held_by.setdefault(claim, []).append(school)
    incoming: dict[str, list[str]] = {}
    for source, target, relation in argument_edges(sub):
        incoming.setdefault(target, []).append(f"  {RELATION_MARK[relation]} [{source}]")

    lines = _front_matter(g, question)
    for node in statements(sub):
        tags = "".join(f" #({school})" for school in held_by.get(node, []))
        lines.append(f"[{node}]: {escape(proposition(sub, node))}{tags}")
        lines.extend(incoming.get(node, []))
        lines.append("")
    return "\n".join(lines)
