"""Rendering: the pages ``argmap build`` writes and ``export --format html``.

``build_site`` writes the index, the schools page and one interactive map per
question; ``render_map`` returns one map page. Both are standalone HTML with
everything inlined. pyvis (and through it IPython) is imported only when a
map is actually drawn, so the rest of argmap starts quickly.
"""

from argmap.render.site import build_site, render_index, render_map, render_schools

__all__ = ["build_site", "render_index", "render_map", "render_schools"]
