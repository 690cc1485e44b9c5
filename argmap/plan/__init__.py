"""Essay plans: what a map knows about a question, as a plan to write from.

``render_plan`` is what ``argmap plan`` prints. The pipeline is
``essay_plan`` (choices and figures, ``argmap.analysis.plan``) -> ``fit``
(every sentence, within 700 words, ``argmap.plan.words``) -> Markdown, HTML
or Word layout.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Literal, Mapping

import networkx as nx

from argmap.analysis.plan import essay_plan
from argmap.plan.markdown import markdown, words_before_references
from argmap.plan.words import PlanView, detail, fit, question_words

Format = Literal["markdown", "html"]


def plan_view(
    g: nx.DiGraph,
    question: str,
    school: str | None = None,
    accepted: Mapping[str, bool] | None = None,
    with_detail: bool = False,
) -> PlanView:
    """The plan's words for ``question`` as ``school`` would argue it (None:
    every school), with evidence set aside where ``accepted`` says False.

    Raises KeyError for an unknown question or school.
    """
    plan = essay_plan(g, question, accepted=accepted, school=school)
    words = question_words(g, question)
    view = fit(g, plan, lambda v: words_before_references(markdown(v)), words)
    return replace(view, detail=detail(g, words, plan, view)) if with_detail else view


def render_plan(
    g: nx.DiGraph,
    question: str,
    school: str | None = None,
    fmt: Format = "markdown",
    accepted: Mapping[str, bool] | None = None,
    with_detail: bool = False,
) -> str:
    """The essay plan as Markdown or a standalone HTML page (``docx``, a
    binary, is ``argmap.plan.docx.write_docx``).

    Raises KeyError for an unknown question or school, ValueError for an
    unknown format.
    """
    view = plan_view(g, question, school, accepted, with_detail)
    if fmt == "markdown":
        return markdown(view, with_detail)
    if fmt == "html":
        from argmap.plan.html import html

        return html(view, with_detail)
    raise ValueError(f"unknown plan format '{fmt}': use markdown or html")


__all__ = ["plan_view", "render_plan"]
