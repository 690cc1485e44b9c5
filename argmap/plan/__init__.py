"""Essay plans: what a map knows about a question, as a plan to write from.

``render_plan`` is what ``argmap plan`` prints. The pipeline is
``essay_plan`` (figures, ``argmap.analysis.plan``) -> ``plan_view`` (every
sentence, ``argmap.plan.words``) -> Markdown or HTML layout.
"""

from __future__ import annotations

from typing import Literal, Mapping

import networkx as nx

from argmap.analysis.plan import essay_plan
from argmap.plan.html import html
from argmap.plan.markdown import markdown
from argmap.plan.words import plan_view

Format = Literal["markdown", "html"]


def render_plan(
    g: nx.DiGraph,
    question: str,
    school: str | None = None,
    fmt: Format = "markdown",
    accepted: Mapping[str, bool] | None = None,
) -> str:
    """The essay plan for ``question`` as ``school`` would argue it (None:
    every school), with evidence set aside where ``accepted`` says False.

    Raises KeyError for an unknown question or school, ValueError for an
    unknown format.
    """
    view = plan_view(g, essay_plan(g, question, accepted=accepted, school=school))
    if fmt == "markdown":
        return markdown(view)
    if fmt == "html":
        return html(view)
    raise ValueError(f"unknown plan format '{fmt}': use markdown or html")


__all__ = ["render_plan"]
