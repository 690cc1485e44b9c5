"""The words drawn on each map box, broken into lines in Python, never cut.

Outside ``argmap.render`` so that ``argmap check``, which warns about
evidence titles too long for their box, stays quick to start.

The page draws a box's label exactly as the lines computed here (vis-network
gets them joined by "\\n", inside a box of fixed size), so the layout knows
each box's size before it places anything, and nothing is ever cut with "…"
or broken inside a word. Widths come from a table of the map font's
character advances (``font_widths.json``, measured in Chromium by
``tools/font_widths.py``): Liberation Sans, which Debian's Chromium has and
which is metrically identical to Arial elsewhere.

Box sizes are in ems of their own type, so the default and projector themes
break a label at the same words: the projector draws the same lines larger.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # networkx is slow to import, and ``argmap check`` needs only title_fits
    import networkx as nx

# Type sizes per kind and theme, in map units (CSS px at zoom 1). The
# projector's type is 1.3 times larger, to read from the back of a classroom.
FONT_SIZE = {
    "default": {"question": 17, "side": 16, "claim": 14, "evidence": 13},
    "projector": {"question": 22, "side": 21, "claim": 18, "evidence": 17},
}
# Margin between a box's border and its text, in map units, the same in
# every theme (vis-network keeps a node's first margin when the theme changes).
MARGIN = {"question": 8.0, "side": 6.0, "claim": 4.5, "evidence": 4.5}

HERE = Path(__file__).resolve().parent
# Room for text inside a box, in ems of the box's type; the box adds MARGIN
# on each side (``MARGIN``). 10.5 ems hold a 40-character label in at most three lines.
TEXT_EMS = {"question": 36.0, "side": 16.0, "claim": 10.5, "evidence": 10.5}
# Evidence whose title takes more lines than this draws its ``label``.
EVIDENCE_LINES = 3
# vis-network sets each line of a label one font size below the last.
LINE_HEIGHT = 1.0
# Measured widths are rounded in the browser; keep a little room (in ems,
# so both themes break at the same words) so a line that measures a hair
# wider there still fits.
SLACK_EMS = 0.12
# A character the table lacks is counted as wide as the widest it has.
_FALLBACK = "W"


@lru_cache(maxsize=1)
def _table() -> dict[str, Any]:
    return json.loads((HERE / "font_widths.json").read_text(encoding="utf-8"))


def font_face() -> str:
    """The map font stack the width table was measured in."""
    return str(_table()["face"])


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width of ``text`` in the map font at ``size`` px.

    >>> round(text_width("Munich", 14), 1)
    45.1
    """
    table = _table()
    widths = table["bold" if bold else "normal"]
    fallback = widths[_FALLBACK]
    return sum(widths.get(ch, fallback) for ch in text) * size / table["size"]


def wrap(text: str, width: float, size: float) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width`` (a word
    wider than that alone keeps its own line: the box grows, never cuts).

    >>> wrap("Nazi-Soviet Pact signed in Moscow", 120, 14)
    ['Nazi-Soviet Pact', 'signed in Moscow']
    """
    space = text_width(" ", size)
    lines: list[str] = []
    current: list[str] = []
    current_width = 0.0
    for word in text.split():
        word_width = text_width(word, size)
        if current and current_width + space + word_width > width:
            lines.append(" ".join(current))
            current, current_width = [word], word_width
        else:
            current_width += (space if current else 0.0) + word_width
            current.append(word)
    if current:
        lines.append(" ".join(current))
    return lines or [""]


@dataclass(frozen=True)
class Label:
    """A box's drawn lines and the box they need, in map units."""

    lines: tuple[str, ...]
    font_size: float
    width: float
    height: float

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def box_label(text: str, kind: str, theme: str = "default") -> Label:
    """The lines and box of ``text`` drawn on a ``kind`` box in ``theme``.

    Every box of a kind is at least as wide as its text room; one whose
    longest word is wider grows to hold it.
    """
    size = FONT_SIZE[theme][kind]
    room = TEXT_EMS[kind] * size
    slack = SLACK_EMS * size
    lines = wrap(text, room - slack, size)
    widest = max(text_width(line, size) for line in lines)
    margin = MARGIN[kind]
    width = max(room, widest + slack) + 2 * margin
    height = len(lines) * size * LINE_HEIGHT + 2 * margin
    return Label(tuple(lines), size, round(width, 1), round(height, 1))


def evidence_words(title: str, label: str | None) -> str:
    """What an evidence box says: its title when it fits in EVIDENCE_LINES,
    else its ``label`` (the title in full when it has none; ``argmap check``
    warns about that, see ``title_fits``)."""
    if label and not title_fits(title):
        return label
    return title


def title_fits(title: str) -> bool:
    """Whether an evidence title fits its box whole (the same in every theme:
    box sizes are in ems).

    >>> title_fits("Nazi-Soviet Pact signed")
    True
    >>> title_fits("Molotov's speech to the Supreme Soviet defending the pact with Germany as a peace measure")
    False
    """
    return len(box_label(title, "evidence").lines) <= EVIDENCE_LINES


def long_title_warning(evidence_id: str) -> str:
    """The words of ``argmap check``'s warning for a title too long for its box."""
    return (f"evidence '{evidence_id}' has a title too long for its box on the map: "
            "give it a 'label' of at most 40 characters to draw instead")


def drawn_words(g: "nx.DiGraph", node: str) -> str:
    """The words drawn on a node's box, whole.

    Evidence: see ``evidence_words``. A claim without its own short label
    draws its text (the graph's default label is the text cut with "…").
    """
    data = g.nodes[node]
    kind = data["kind"]
    if kind == "evidence":
        return evidence_words(data["title"], data.get("box_label"))
    if kind == "claim" and data["label"].endswith("…") and data["label"] != data["text"]:
        return str(data["text"])
    if kind == "question":
        return str(data["text"])
    return str(data["label"])


def node_label(g: "nx.DiGraph", node: str, theme: str = "default") -> Label:
    """The drawn label and box of one node of the map."""
    return box_label(drawn_words(g, node), g.nodes[node]["kind"], theme)
