"""A ``PlanView`` as a standalone, printable HTML page.

The stylesheet is a real file inlined at build time, so the page makes no
request and prints the same from ``file://`` as from anywhere else.
"""

from __future__ import annotations

from importlib import resources

from jinja2 import Environment, PackageLoader, StrictUndefined

from argmap.plan.words import PlanView

_ENV = Environment(
    loader=PackageLoader("argmap.plan", "templates"),
    autoescape=True,
    undefined=StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def html(view: PlanView) -> str:
    """The plan page: the same words as the Markdown, laid out for print."""
    css = resources.files("argmap.plan").joinpath("templates/plan.css").read_text(encoding="utf-8")
    return _ENV.get_template("plan.html.j2").render(plan=view, css=css)
