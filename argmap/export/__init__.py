"""Exports: the argument graph in formats other tools read.

Each format is one module with one function ``export(g, question) -> str``
(``question`` None means the whole corpus); adding a format adds a module and
a line here, and touches nothing else.
"""

from __future__ import annotations

from typing import Callable

import networkx as nx

from argmap.export import aif_export, argdown_export, graphml_export, json_export

Exporter = Callable[[nx.DiGraph, "str | None"], str]

EXPORTERS: dict[str, Exporter] = {
    "json": json_export.export,
    "graphml": graphml_export.export,
    "argdown": argdown_export.export,
    "aif": aif_export.export,
}
