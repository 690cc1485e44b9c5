"""Rendering: the pages ``argmap build`` writes and ``export --format html``.

``build_site`` writes the index, the schools page and one interactive map per
question; ``render_map`` returns one map page. Both are standalone HTML with
everything inlined. The page machinery is imported only when a page is
asked for, so ``argmap check`` (which measures evidence titles with
``argmap.render.text``) starts quickly.
"""

from __future__ import annotations

from typing import Any

__all__ = ["build_site", "render_index", "render_map", "render_schools"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from argmap.render import site

        return getattr(site, name)
    raise AttributeError(f"module 'argmap.render' has no attribute {name!r}")
