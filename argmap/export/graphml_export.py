"""``export --format graphml``: the annotated graph for networkx, yEd and Gephi.

GraphML can only type attributes as text, numbers and booleans, so lists and
mappings (a question's sides, an evidence item's tags and stances, a school's
historians) travel as JSON strings, and missing values (None) are left out:
GraphML has no null, and an empty string would come back as text.
"""

from __future__ import annotations

import io
import json
import re

import networkx as nx

from argmap.export.json_export import annotated_graph

# XML 1.0 cannot hold these code points at all, even escaped; a corpus could
# still carry one in a double-quoted YAML string ("\x01").
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _graphml_value(value: object) -> object:
    """A value GraphML can type: bool, int, float or str (None is dropped before)."""
    if isinstance(value, (list, tuple, dict)):
        return _xml_text(json.dumps(value, ensure_ascii=False, sort_keys=True))
    if isinstance(value, str):
        return _xml_text(value)
    return value


def _typed(attrs: dict) -> dict:
    return {key: _graphml_value(value) for key, value in attrs.items() if value is not None}


def graphml_graph(g: nx.DiGraph, question: str | None) -> nx.DiGraph:
    """The graph JSON export writes, with every attribute made GraphML-typable."""
    annotated = annotated_graph(g, question)
    out = nx.DiGraph()
    for node, attrs in annotated.nodes(data=True):
        out.add_node(node, **_typed(attrs))
    for source, target, attrs in annotated.edges(data=True):
        out.add_edge(source, target, **_typed(attrs))
    return out


def export(g: nx.DiGraph, question: str | None) -> str:
    """GraphML text; ``infer_numeric_types`` makes a column that mixes whole and
    fractional numbers (a share of exactly 1) one ``double`` key, not two."""
    buffer = io.BytesIO()
    nx.write_graphml(graphml_graph(g, question), buffer, encoding="utf-8", prettyprint=True,
                     infer_numeric_types=True)
    text = buffer.getvalue().decode("utf-8")
    return text if text.endswith("\n") else text + "\n"
