"""Turning page data into one self-contained HTML file.

One Jinja2 environment with autoescape on renders every page. Scripts and
styles are real files in ``static/`` (vis-network's script is the copy pyvis
ships), inlined so a page works from a USB stick with no network.

Two safety nets stand behind autoescaping. Data for the scripts travels as
JSON in a ``<script type="application/json">`` block with ``<``, ``>``, ``&``
and the JavaScript line separators written as ``\\u`` escapes, so no corpus
text can close the block or open a comment. And every page carries a
Content-Security-Policy that allows only the page's own scripts (by hash of
their exact text) and no network access at all: even an escaping slip could
not run injected code or send anything anywhere.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

HERE = Path(__file__).resolve().parent
# The map page's own scripts, in load order: the one list to add a file to.
# weigh.js (pure weighing) and state.js (data, shared state, kit) come first;
# each view file then registers itself with argmap.kit.views (controls.js
# before panel.js and mapview.js: it restyles the page on a theme change before
# they measure it; panel.js before mapview.js: the map starts at its final
# size); evidence.js (dates and side stances), grid.js and timeline.js after
# controls.js, whose view buttons they add; focus.js (a box's argument) before
# mapview.js, which lights it; print.js (the map drawn for print) after
# mapview.js; api.js assembles the public API and starts the views; plan.js, and any
# view loaded after api.js, registers and starts at once. hash.js comes last:
# it restores the state a link names, which may name any registered view.
# vendor/js-yaml.min.js, mine-file.js, detour.js and workspace.js come right
# after state.js: they apply the reader's own additions the browser kept (their
# lines routed round the boxes by detour.js) before any view reads the data;
# workspace-ui.js is their view (the Mine tab).
MAP_SCRIPTS = ("weigh.js", "state.js", "vendor/js-yaml.min.js", "mine-file.js", "detour.js", "workspace.js",
               "focus.js", "controls.js", "panel.js", "mapview.js", "print.js", "outline.js",
               "evidence.js", "grid.js", "timeline.js", "workspace-ui.js", "api.js", "plan.js", "hash.js")
VIS_NETWORK = Path("lib", "vis-9.1.2", "vis-network.min.js")
GENERATOR = "argmap"
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The one Jinja2 environment: autoescape on for every template."""
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["percent"] = _percent
    env.tests["intersect"] = _intersect
    return env


def _intersect(items: Any, others: Any) -> bool:
    """Jinja test ``x is intersect(y)``: the two share an item (e.g. a
    school's held claims and a question's listed claims)."""
    return not set(items).isdisjoint(others)


def _percent(share: float) -> int:
    from argmap.analysis import percent

    return percent(share)


@lru_cache(maxsize=None)
def static_text(name: str) -> str:
    """A file from ``static/``, as UTF-8 text."""
    return (HERE / "static" / name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def vis_network_script() -> str:
    """vis-network's standalone script as pyvis ships it, without its source
    map comment (nothing should ever try to fetch the map file)."""
    spec = importlib.util.find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pyvis is not installed; argmap needs it to draw maps (pip install pyvis)")
    text = (Path(list(spec.submodule_search_locations)[0]) / VIS_NETWORK).read_text(encoding="utf-8")
    lines = text.rstrip("\n").split("\n")
    if lines[-1].startswith("//# sourceMappingURL="):
        lines.pop()
    return "\n".join(lines)


def json_for_script(data: Any) -> Markup:
    """``data`` as JSON safe inside a ``<script type="application/json">``.

    >>> str(json_for_script({"t": "</script><!--\\u2028"}))
    '{"t":"\\\\u003c/script\\\\u003e\\\\u003c!--\\\\u2028"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for raw, escaped in _JSON_ESCAPES.items():
        text = text.replace(raw, escaped)
    return Markup(text)


# Every map page inlines the same scripts (0.7 MB, vis-network's most of
# it): each is checked and hashed once per build, not once per page.
@lru_cache(maxsize=64)
def inline_script(text: str) -> Markup:
    """A script's text ready to sit between ``<script>`` and ``</script>``.

    Raises ValueError for text that would end the element early or switch the
    HTML parser into its escaped state (after which ``<script`` nests).
    """
    lowered = text.lower()
    if "</script" in lowered or "<!--" in lowered:
        raise ValueError("an inline script must not contain '</script' or '<!--'")
    return Markup(text)


@lru_cache(maxsize=64)
def script_hash(text: str) -> str:
    """The CSP source expression allowing exactly this inline script."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(scripts: list[str]) -> str:
    """No network of any kind; only these inline scripts; inline styles
    (vis-network positions its canvas and tooltip with them)."""
    script_src = " ".join(script_hash(s) for s in scripts) if scripts else "'none'"
    return "; ".join([
        "default-src 'none'",
        f"script-src {script_src}",
        "style-src 'unsafe-inline'",
        "img-src data: blob:",
        "font-src 'none'",
        "connect-src 'none'",
        "media-src 'none'",
        "object-src 'none'",
        "frame-src 'none'",
        "worker-src 'none'",
        "manifest-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


def inline_style(text: str) -> Markup:
    """Our own stylesheet text, ready to sit inside ``<style>``."""
    if "</style" in text.lower():
        raise ValueError("an inline stylesheet must not contain '</style'")
    return Markup(text)


def render_page(template: str, scripts: list[str], styles: list[str], **context: Any) -> str:
    """Render ``template`` with its inline ``scripts`` and ``styles`` (names
    of files in ``static/``) and a CSP allowing exactly those scripts."""
    return environment().get_template(template).render(
        scripts=[inline_script(s) for s in scripts],
        style=inline_style("\n".join(static_text(name) for name in styles)),
        csp=content_security_policy(scripts),
        generator=GENERATOR,
        **context,
    )
