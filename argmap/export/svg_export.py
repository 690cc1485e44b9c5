"""``export --format svg``: the map as the page first draws it, as one SVG.

For slides, worksheets and printing: the same boxes, label lines and lines
as ``argmap.geometry()`` reports before any interaction (both come from
``argmap.render.layout.map_layout``), in the same map units, with a legend
under the map. The file has no script and refers to nothing outside itself;
every box is a ``<g data-id=...>`` holding its label as ``<text>``.
"""

from __future__ import annotations

import math
from typing import Any

import networkx as nx

from argmap.analysis import side_stances
from argmap.labels import text_width
from argmap.render.data import is_contested
from argmap.render.layout import Box, MapLayout, map_layout
from argmap.render.page import environment
from argmap.render.style import (
    CLAIM_FILL, CONTESTED, EVIDENCE_BORDER, EVIDENCE_FILL, FONT_FACE, INK, QUESTION_FILL, SIDE_PALETTE,
    UNLISTED_BORDER, line_style,
)

MARGIN = 16
LEGEND_ROW = 26
ARROW = 9  # arrowhead length, map units


def export_svg(g: nx.DiGraph, question: str, theme: str = "default") -> str:
    """The question's map in ``theme`` as a standalone SVG document."""
    drawn = map_layout(g, question, theme)
    stances = side_stances(g, question)
    sides = g.nodes[question]["sides"]
    side_colour = {s: SIDE_PALETTE[i % len(SIDE_PALETTE)] for i, s in enumerate(sides)}
    listed = {c: s for s in sides for c in g.nodes[s]["claims"]}
    boxes = [_box(box, g, side_colour, listed, stances) for box in drawn.boxes.values()]
    lines = [_line(g, line.source, line.target, line.points, side_colour) for line in drawn.lines]
    width = drawn.width + 2 * MARGIN
    legend = _legend(g, sides, side_colour, drawn, width)
    height = max(key["y"] for key in legend) + LEGEND_ROW
    return environment().get_template("map.svg.j2").render(
        width=round(width, 1), height=round(height, 1), margin=MARGIN, boxes=boxes, lines=lines,
        legend=legend, font=FONT_FACE, title=g.nodes[question]["text"], ink=INK,
    )


def _box(box: Box, g: nx.DiGraph, side_colour: dict[str, tuple[str, str]], listed: dict[str, str],
         stances: dict[str, dict[str, str]]) -> dict[str, Any]:
    kind = box.kind
    dash = ""
    if kind == "question":
        fill, stroke, text, radius = QUESTION_FILL, QUESTION_FILL, "#ffffff", 6
    elif kind == "side":
        fill, text = side_colour[box.id]
        stroke, radius = fill, 18
    elif kind == "claim":
        side = listed.get(box.id)
        fill, stroke, text, radius = CLAIM_FILL, side_colour[side][0] if side else UNLISTED_BORDER, INK, 4
    else:
        contested = is_contested(stances.get(box.id, {}))
        fill, stroke, text, radius = EVIDENCE_FILL, CONTESTED if contested else EVIDENCE_BORDER, "#2b2b2b", 9
        dash = "7 3" if contested else ""
    first = box.y - (len(box.lines) - 1) * box.font_size / 2
    return {
        "id": box.id, "kind": kind, "x": round(box.x - box.width / 2, 1), "y": round(box.y - box.height / 2, 1),
        "width": box.width, "height": box.height, "fill": fill, "stroke": stroke, "text": text,
        "radius": radius, "dash": dash, "font_size": box.font_size, "cx": box.x,
        "lines": [(round(first + i * box.font_size, 1), line) for i, line in enumerate(box.lines)],
        "title": g.nodes[box.id].get("title") or g.nodes[box.id].get("text") or g.nodes[box.id]["label"],
    }


def _line(g: nx.DiGraph, source: str, target: str, points: tuple[tuple[float, float], ...],
          side_colour: dict[str, tuple[str, str]]) -> dict[str, Any]:
    edge = g.edges[source, target]
    fill = side_colour[target][0] if target in side_colour else None
    style = line_style(edge["relation"], edge["weight"], fill)
    (ax, ay), (bx, by) = points[-2], points[-1]
    length = math.hypot(bx - ax, by - ay) or 1.0
    ux, uy = (bx - ax) / length, (by - ay) / length
    if style["head"] == "arrow":
        # The line stops at the arrow's base so its end does not poke through the tip.
        base = (bx - ux * ARROW, by - uy * ARROW)
        head = [(bx, by), (base[0] - uy * ARROW / 2, base[1] + ux * ARROW / 2),
                (base[0] + uy * ARROW / 2, base[1] - ux * ARROW / 2)]
        path = [*points[:-1], base]
    else:
        head = [(bx - uy * 6, by + ux * 6), (bx + uy * 6, by - ux * 6)]
        path = list(points)
    return {
        "d": "M" + " L".join(f"{x:.1f} {y:.1f}" for x, y in path),
        "head": " ".join(f"{x:.1f},{y:.1f}" for x, y in head), "bar": style["head"] == "bar",
        "color": style["color"], "width": style["width"], "dash": " ".join(map(str, style["dash"])),
        "source": source, "target": target,
    }


def _legend(g: nx.DiGraph, sides: list[str], side_colour: dict[str, tuple[str, str]], drawn: MapLayout,
            width: float) -> list[dict[str, Any]]:
    """Legend keys laid left to right under the map: swatch kind, colours, words."""
    keys: list[dict[str, Any]] = [{"swatch": "box", "fill": QUESTION_FILL, "stroke": QUESTION_FILL, "dash": "",
                                   "text": "Question"}]
    for side in sides:
        fill, _ = side_colour[side]
        keys.append({"swatch": "box", "fill": fill, "stroke": fill, "dash": "", "text": g.nodes[side]["label"]})
    keys += [
        {"swatch": "box", "fill": CLAIM_FILL, "stroke": UNLISTED_BORDER, "dash": "", "text": "Claim"},
        {"swatch": "box", "fill": EVIDENCE_FILL, "stroke": EVIDENCE_BORDER, "dash": "", "text": "Evidence"},
        {"swatch": "box", "fill": EVIDENCE_FILL, "stroke": CONTESTED, "dash": "4 2", "text": "Contested evidence"},
        {"swatch": "supports", **line_style("supports", 0.5, None), "text": "supports"},
        {"swatch": "undermines", **line_style("undermines", 0.5, None), "text": "undermines"},
    ]
    x = MARGIN
    y = drawn.height + 2 * MARGIN + 14
    for key in keys:
        room = 40 + text_width(key["text"], 13) + 18
        if x > MARGIN and x + room > width - MARGIN:
            x, y = MARGIN, y + LEGEND_ROW
        key["x"], key["y"] = round(x, 1), round(y, 1)
        key["dash"] = " ".join(map(str, key["dash"])) if isinstance(key["dash"], list) else key["dash"]
        x += room
    return keys
