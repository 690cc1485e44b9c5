"""Where each node of a question's map sits, computed once in Python.

vis-network's physics takes seconds to settle a few hundred nodes and never
lands in the same place twice, so the page gets fixed positions instead. The
map reads top-down like an essay: the question, its sides side by side, each
side's claims in a block under it, and their evidence in a block below.

The page is cut into vertical bands: one per side, and between two
neighbouring sides a "shared" band for the claims and evidence that argue
about both (a claim on one side undermining a claim on the other, evidence
both sides read their own way). Lines from such items stay short and never
cross a whole side. Inside a band, items that also pull towards another band
sit at the edge nearest it.

Bands are grids, and how many columns each one gets is chosen so that the
whole map, fitted to a laptop's map area, shows its text as large as
possible: a 60-node course map wraps into a few rows instead of one long
line that would have to be shrunk to unreadable type.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import networkx as nx

from argmap.analysis.subgraph import on_path, sides_of
from argmap.graph import ARGUMENT_RELATIONS


@dataclass(frozen=True)
class Metrics:
    """The room a theme's boxes need, and the map area it is fitted to.

    Scaling every size by the same factor would change nothing on screen
    once the map is fitted, so the projector's larger type needs its own
    metrics: fewer characters per box (see ``data.DRAWN_LABEL_LENGTH``) and
    the wider map area it gets with the side panel folded away.
    """

    # World units (CSS pixels at zoom 1). Box widths are also the groups'
    # widthConstraint in the page, so layout and drawing agree on sizes.
    box_width: dict[str, float]
    box_height: dict[str, float]
    cell_width: float
    row_height: dict[str, float]
    side_y: float
    claims_y: float
    tier_gap: float
    # The map area of the page at 1366x768 (minus header, toolbar and panel).
    view_width: float
    view_height: float


METRICS = {
    "default": Metrics(
        box_width={"question": 600, "side": 280, "claim": 150, "evidence": 140},
        box_height={"question": 80, "side": 56, "claim": 84, "evidence": 62},
        cell_width=162, row_height={"claim": 94, "evidence": 72},
        side_y=108, claims_y=206, tier_gap=22, view_width=1040, view_height=690,
    ),
    # 1.3 times the type: boxes 1.3 times wider, evidence cut to two lines.
    "projector": Metrics(
        box_width={"question": 780, "side": 364, "claim": 195, "evidence": 182},
        box_height={"question": 104, "side": 73, "claim": 106, "evidence": 56},
        cell_width=211, row_height={"claim": 114, "evidence": 64},
        side_y=115, claims_y=215, tier_gap=22, view_width=1340, view_height=690,
    ),
}
BOX_WIDTH = METRICS["default"].box_width
BOX_HEIGHT = METRICS["default"].box_height
MIN_SIDE_COLUMNS = 2

Position = tuple[float, float]


@dataclass
class _Band:
    """One vertical strip of the map: its claims and evidence, in order."""

    minimum_columns: int
    claims: list[str]
    evidence: list[str]
    columns: int = 0
    left: float = 0.0
    cell_width: float = 0.0

    @property
    def centre(self) -> float:
        return self.left + self.columns * self.cell_width / 2


def map_nodes(g: nx.DiGraph, question: str) -> list[str]:
    """The nodes a question's map draws, in graph order: the question, its
    sides, and the claims and evidence on a path to a side (schools are not
    drawn; they live in the lens menu and the details panel)."""
    keep = {question, *sides_of(g, question), *on_path(g, question)}
    return [n for n in g.nodes if n in keep]


def layout(g: nx.DiGraph, question: str, theme: str = "default") -> dict[str, Position]:
    """``{node id: (x, y)}`` for every node of the question's map, with the
    room ``theme``'s type needs (see ``METRICS``).

    Raises KeyError for an id that is not a question of ``g``.

    >>> from argmap.corpus import load_corpus
    >>> from argmap.graph import build_graph
    >>> import pathlib
    >>> g = build_graph(load_corpus(pathlib.Path("tests/fixtures/mini")).corpus)
    >>> pos = layout(g, "collective-security-aim")
    >>> pos["collective-security-aim"][1] < pos["collective-security-aim/agree"][1] < pos["german-deal"][1]
    True
    """
    m = METRICS[theme]
    sides = sides_of(g, question)
    nodes = map_nodes(g, question)
    order = {n: i for i, n in enumerate(nodes)}
    arguments = _argument_graph(g, nodes)
    home = _home_slots(g, arguments, sides)
    depth = _claim_depths(g, arguments, sides)

    bands = [_Band(MIN_SIDE_COLUMNS if slot % 2 == 0 else 0, [], [], cell_width=m.cell_width) for slot in range(2 * len(sides) - 1)]
    for node in nodes:
        kind = g.nodes[node]["kind"]
        if kind == "claim":
            bands[home[node]].claims.append(node)
        elif kind == "evidence":
            bands[home[node]].evidence.append(node)

    def pull(node: str) -> float:
        # Neighbours in other bands draw a node towards that edge of its band.
        others = [home.get(n, home[node]) for n in nx.all_neighbors(arguments, node) if n in home]
        return sum(others) / len(others) - home[node] if others else 0.0

    for band in bands:
        band.claims.sort(key=lambda c: (depth[c], pull(c), order[c]))
    claim_rows = _choose_columns(bands, m)

    positions: dict[str, Position] = {}
    left = 0.0
    for band in bands:
        band.left = left
        left += band.columns * m.cell_width
    width = left
    for band in bands:
        _fill(band, band.claims, m.claims_y, m.row_height["claim"], positions)
    evidence_y = m.claims_y + claim_rows * m.row_height["claim"] + m.tier_gap
    for band in bands:
        band.evidence.sort(key=lambda e: (_barycentre(arguments, e, positions, band.centre), order[e]))
        _fill(band, band.evidence, evidence_y, m.row_height["evidence"], positions)
    positions[question] = (round(width / 2, 1), 0.0)
    for index, side in enumerate(sides):
        positions[side] = (round(bands[2 * index].centre, 1), float(m.side_y))
    return {n: positions[n] for n in nodes}


def _argument_graph(g: nx.DiGraph, nodes: list[str]) -> nx.DiGraph:
    keep = set(nodes)
    arguments = nx.DiGraph()
    arguments.add_nodes_from(n for n in nodes if g.nodes[n]["kind"] in ("claim", "evidence", "side"))
    arguments.add_edges_from(
        (u, v) for u, v, r in g.edges(data="relation")
        if r in ARGUMENT_RELATIONS and u in keep and v in keep
    )
    return arguments


def _home_slots(g: nx.DiGraph, arguments: nx.DiGraph, sides: list[str]) -> dict[str, int]:
    """The band of every claim and evidence item.

    A claim listed on a side lives under it. Anything else lives with what it
    argues about directly: in that band when all of it is in one band, else
    in the band nearest their middle, i.e. the shared band between two
    neighbouring sides. Parents are placed before their children.
    """
    home = {s: 2 * i for i, s in enumerate(sides)}
    listed = {c: 2 * i for i, s in enumerate(sides) for c in g.nodes[s]["claims"]}
    for node in reversed(list(nx.topological_sort(arguments))):
        if node in home:
            continue
        if node in listed:
            home[node] = listed[node]
            continue
        slots = sorted({home[p] for p in arguments.successors(node)})
        home[node] = math.floor(sum(slots) / len(slots) + 0.5)
    for side in sides:
        del home[side]
    return home


def _claim_depths(g: nx.DiGraph, arguments: nx.DiGraph, sides: list[str]) -> dict[str, int]:
    """0 for claims listed on a side; one more than its deepest parent claim otherwise."""
    listed = {c for s in sides for c in g.nodes[s]["claims"]}
    depth: dict[str, int] = {}
    for node in reversed(list(nx.topological_sort(arguments))):
        if g.nodes[node]["kind"] != "claim":
            continue
        parents = [depth[p] for p in arguments.successors(node) if p in depth]
        depth[node] = 0 if node in listed or not parents else 1 + max(parents)
    return depth


def _choose_columns(bands: list[_Band], m: Metrics) -> int:
    """Give each band its columns so the fitted map shows the largest text.

    Tries row budgets for the claim and the evidence tier; each band gets the
    columns it needs to stay within both budgets. Returns the rows the claim tier uses.
    """
    claims_max = max(len(b.claims) for b in bands)
    evidence_max = max(len(b.evidence) for b in bands)
    best: tuple[float, float, list[int], int, int] | None = None
    for claim_budget in _budgets(claims_max):
        for evidence_budget in _budgets(evidence_max):
            columns = [
                max(b.minimum_columns, _ceil_div(len(b.claims), claim_budget),
                    _ceil_div(len(b.evidence), evidence_budget))
                for b in bands
            ]
            claim_rows = max((_ceil_div(len(b.claims), c) for b, c in zip(bands, columns) if c), default=0)
            evidence_rows = max((_ceil_div(len(b.evidence), c) for b, c in zip(bands, columns) if c), default=0)
            width = max(sum(columns) * m.cell_width, m.box_width["question"])
            height = (m.claims_y + claim_rows * m.row_height["claim"] + m.tier_gap
                      + evidence_rows * m.row_height["evidence"] + m.box_height["question"] / 2)
            scale = min(m.view_width / width, m.view_height / height)
            candidate = (scale, -width, columns, claim_rows, evidence_rows)
            if best is None or candidate[:2] > best[:2]:
                best = candidate
    assert best is not None
    for band, count in zip(bands, best[2]):
        band.columns = count
    return best[3]


def _budgets(count: int) -> list[int]:
    """Row budgets worth trying for a tier of at most ``count`` items per band:
    every small number, then a geometric sweep, so large maps stay quick."""
    if count == 0:
        return [1]
    budgets = set(range(1, min(count, 24) + 1))
    step = 24.0
    while step < count:
        step *= 1.25
        budgets.add(min(count, math.ceil(step)))
    return sorted(budgets)


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def _fill(band: _Band, items: list[str], top: float, row_height: float, positions: dict[str, Position]) -> None:
    """Place ``items`` row by row in the band; a short last row is centred."""
    if not items:
        return
    columns = band.columns
    for index, node in enumerate(items):
        row, column = divmod(index, columns)
        in_row = min(columns, len(items) - row * columns)
        offset = (columns - in_row) / 2
        x = band.left + (offset + column + 0.5) * band.cell_width
        positions[node] = (round(x, 1), float(top + row * row_height))


def _barycentre(arguments: nx.DiGraph, node: str, positions: dict[str, Position], default: float) -> float:
    """Mean x of the claims an evidence item is linked to (its lines' far ends)."""
    xs = [positions[p][0] for p in arguments.successors(node) if p in positions]
    return sum(xs) / len(xs) if xs else default
