"""The map's visual language: colours, shapes and fonts per kind and theme.

Styles shared by many nodes live in vis-network ``groups`` so that each node
carries only its id, label, group, position and tooltip: at 2,000 nodes most
of vis-network's start-up time goes to per-item options.

Side colours come from the Okabe-Ito palette, which readers with any common
colour-vision deficiency can tell apart. Supports and undermines differ in
line style and arrow head as well as in colour (solid with an arrow, dashed
with a bar), so they survive greyscale printing and colour blindness alike.
Green and vermillion are kept for lines, so no side shares their colour.
"""

from __future__ import annotations

from typing import Any

from argmap.labels import FONT_SIZE, MARGIN

# Okabe-Ito, minus the two hues the lines use; text colour chosen per fill
# for WCAG AA contrast.
SIDE_PALETTE = (
    ("#0072B2", "#ffffff"),  # blue
    ("#E69F00", "#111111"),  # orange
    ("#CC79A7", "#111111"),  # reddish purple
    ("#56B4E9", "#111111"),  # sky blue
    ("#F0E442", "#111111"),  # yellow
)
SUPPORTS = "#007A5A"
UNDERMINES = "#C24A00"
CONTESTED = "#6A3D9A"
INK = "#1b1f24"
QUESTION_FILL = "#1f2a44"
CLAIM_FILL = "#ffffff"
UNLISTED_BORDER = "#6b7280"
EVIDENCE_FILL = "#fff6dc"
EVIDENCE_BORDER = "#9c8652"
ASIDE_FILL = "#e9ebee"
ASIDE_BORDER = "#9aa1ab"
# One font the page really has on Debian (Liberation Sans) and that is metrically
# identical to Arial elsewhere, so the widths Python measures (text.py) hold.
FONT_FACE = "'Liberation Sans', Arial, Helvetica, sans-serif"
# 0.0: a link the reader set aside (corpus ``weights``): a thin grey dotted line.
EDGE_WIDTH = {0.0: 1.0, 0.25: 1.5, 0.5: 2.5, 0.75: 4.0, 1.0: 3.0}

THEMES = ("default", "projector")
# The projector's type is darker and thicker too (a text stroke in the text
# colour), to read from the back of a classroom. Sizes and margins are
# ``argmap.labels``', which sizes every box for its label.
_TEXT_STROKE = {"default": 0, "projector": 0.7}
_BORDER = {"default": 2, "projector": 3}


def side_colour(order: int) -> str:
    """The fill of the side at position ``order`` (0-based) of its question."""
    return SIDE_PALETTE[order % len(SIDE_PALETTE)][0]


def side_group(order: int) -> str:
    return f"side-{order}"


def claim_group(order: int | None) -> str:
    """Claims listed on a side share its colour; others are grey-bordered."""
    return "claim" if order is None else f"claim-{order}"


def evidence_group(contested: bool, accepted: bool = True) -> str:
    """The page switches to the ``-aside`` group when evidence is set aside."""
    return "evidence" + ("-contested" if contested else "") + ("" if accepted else "-aside")


def groups(side_count: int, theme: str) -> dict[str, Any]:
    """vis-network groups for a map with ``side_count`` sides in ``theme``.

    Each node brings its own fixed size (``network.vis_data``); a group sets
    the type and the margin the layout measured with, so the label lines
    fit exactly. A selected box keeps its regular weight (vis-network would
    draw it bold, which is wider and would break it elsewhere) and shows
    its selection by a thicker border and by fading the rest. The projector
    theme uses heavier, blacker type and borders, readable from the back of
    a classroom.
    """
    border = _BORDER[theme]
    stroke = _TEXT_STROKE[theme]
    projector = theme == "projector"

    def box(kind: str, fill: str, edge: str, text: str, width: float = border,
            radius: int = 4, **extra: Any) -> dict[str, Any]:
        size = FONT_SIZE[theme][kind]
        font = {"face": FONT_FACE, "size": size, "color": text,
                "strokeWidth": stroke, "strokeColor": text, "align": "center"}
        return {
            "shape": "box",
            "color": {"background": fill, "border": edge,
                      "highlight": {"background": fill, "border": INK},
                      "hover": {"background": fill, "border": INK}},
            "borderWidth": width,
            "borderWidthSelected": width + 2,
            "chosen": {"label": False, "node": True},
            "font": font,
            "margin": MARGIN[kind],
            "shapeProperties": {"borderRadius": radius, **extra.pop("shape", {})},
            **extra,
        }

    result: dict[str, Any] = {
        "question": box("question", QUESTION_FILL, QUESTION_FILL, "#ffffff", radius=6),
    }
    for order in range(side_count):
        fill, text = SIDE_PALETTE[order % len(SIDE_PALETTE)]
        result[side_group(order)] = box("side", fill, INK if projector else fill, text, radius=18)
        result[claim_group(order)] = box("claim", CLAIM_FILL, fill, INK, border + 1)
    result["claim"] = box("claim", CLAIM_FILL, UNLISTED_BORDER, INK)
    evidence_text = INK if projector else "#2b2b2b"
    result["evidence"] = box("evidence", EVIDENCE_FILL, EVIDENCE_BORDER, evidence_text, radius=9)
    result["evidence-contested"] = box("evidence", EVIDENCE_FILL, CONTESTED, evidence_text, border + 2,
                                       radius=9, shape={"borderDashes": [7, 3]})
    aside_text = "#4b525b"
    result["evidence-aside"] = box("evidence", ASIDE_FILL, ASIDE_BORDER, aside_text, radius=9,
                                   shape={"borderDashes": [3, 3]})
    result["evidence-contested-aside"] = box("evidence", ASIDE_FILL, CONTESTED, aside_text, border + 2,
                                             radius=9, shape={"borderDashes": [3, 3]})
    return result


def line_style(relation: str, weight: float, side_fill: str | None) -> dict[str, Any]:
    """How a line is drawn (page and SVG alike): colour, width by weight,
    dashes, and its head (an arrow for supports, a bar for undermines).
    A claim's line to its side takes the side's colour; a link the reader
    set aside (weight 0) is thin, grey and dotted."""
    undermines = relation == "undermines"
    aside = weight == 0.0 and side_fill is None
    return {
        "color": side_fill or (ASIDE_BORDER if aside else UNDERMINES if undermines else SUPPORTS),
        "width": EDGE_WIDTH[weight],
        "dash": [2, 4] if aside else [8, 5] if undermines else [],
        "head": "bar" if undermines else "arrow",
    }


def network_options() -> dict[str, Any]:
    """Options for the whole network: fixed positions, no physics, no vis
    keyboard (the page's own keys drive the reveal)."""
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "hierarchical": {"enabled": False}},
        "interaction": {
            "hover": True, "tooltipDelay": 250, "keyboard": {"enabled": False},
            "multiselect": False, "navigationButtons": False, "dragNodes": False,
            "zoomView": True, "selectConnectedEdges": False,
        },
        "nodes": {"shape": "box", "font": {"face": FONT_FACE}},
    }
