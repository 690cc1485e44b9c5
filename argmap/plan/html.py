"""A ``PlanView`` as a standalone, printable HTML page in the maps' style.

It goes through the maps' own page machinery (``argmap.render.page``): one
autoescaping Jinja2 environment, ``base.css`` and ``plan.css`` inlined
(with ``plan-page.css``, its print layout, kept apart so map pages print as before), and
the same Content-Security-Policy, here with no script at all.
"""

from __future__ import annotations

from argmap.plan.words import PlanView
from argmap.render.page import render_page


def html(view: PlanView, detail: bool = False) -> str:
    """The plan page: the same words as the Markdown, laid out for print
    (two A4 pages at most for the plan itself)."""
    return render_page("plan.html.j2", [], styles=["base.css", "plan.css", "plan-page.css"], theme="default",
                       plan=view, detail=detail)
