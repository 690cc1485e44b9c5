"""Where each box of a question's map sits and where each line runs, in Python.

vis-network's physics takes seconds to settle a few hundred nodes and never
lands in the same place twice, so the page gets fixed positions and fixed
lines instead. The map reads top-down like an essay: the question, its sides
side by side, the claims in layers under them, and the evidence below, each
item under the claims it serves.

The layout is a layered (Sugiyama) layout, as a pipeline of pure phases:

``rank``
    every node gets a tier (question, sides, one tier per claim depth,
    evidence) and a vertical band: one per side, and between two
    neighbouring sides a shared band for what argues about both, so each
    side keeps its own part of the page.
``wrap``
    a tier with more boxes than fit across the laptop's map area is wrapped
    into several rows (column by column, so an item's neighbours in the
    order stay near it), choosing the wrap that shows the largest text; a
    line that skips rows gets a waypoint ("dummy") in each row it passes.
``order``
    orders every row to cut crossings: barycentre sweeps down and up, then
    swaps of neighbours while crossings drop, never across a band border.
``place``
    x by row: each box as near as the order allows to the mean of what it
    links to, waypoints kept clear of boxes; y by row, with a channel
    between rows that no box enters.
``refine``
    swaps two boxes of a row and band (evidence may change columns), and
    moves evidence for both sides from the band between them into a side's
    band, while the lines drawn straight between the placed boxes cross
    less: the order phase sees only neighbouring rows, a reader sees the
    placed map. Where several foldings and orders show readable type, the
    two least crossed as placed are refined a pass each and the least
    tangled wins (``_choose``).
``thread`` (``router``)
    on a map small enough to read, each line threaded through the gaps of
    the rows it passes, choosing per row the gap and place that cross the
    other lines least (exactly counted: lines cross only in the corridors
    between rows), turning on level tracks of their own in the corridors.
    No segment can enter a box that is not one of its ends.
``route``
    on a larger map, each line a polyline from border to border up the
    lanes ``place`` left for it, which is quicker.

``map_layout`` runs them all and returns boxes (centre, size, drawn lines)
and lines (points), which the page, the SVG export and the benchmarks draw.
Only the laptop's (default) theme is ordered from scratch: every other theme
starts from its order and is folded, placed and refined again at its own
sizes (``map_layouts``, which the page uses to lay out every theme at once).
"""

from __future__ import annotations

import math
import random
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import networkx as nx

from argmap.analysis.subgraph import on_path, sides_of
from argmap.graph import ARGUMENT_RELATIONS
from argmap.labels import FONT_SIZE, Label, node_label
from argmap.render import measure, router

Point = tuple[float, float]
Edge = tuple[str, str]


@dataclass(frozen=True)
class Metrics:
    """The map area the map is fitted to: CSS px of the page at 1366x768
    (1051x696 by default, minus header, toolbar and panel; 1366x615 in the
    projector, which folds the panel away and shows the balance and legend
    above and below the map), times the 0.985 the page fills at first view
    (mapview.js, ``FIT``)."""

    view_width: float
    view_height: float
    # Claim type this large on screen is enough (the target is 11 px at
    # 1366x768); past it, fewer crossings win.
    readable_px: float
    # Passes of ``refine``: the laptop's map, which a reader sees whole,
    # gets two; the projector's, shown from its top at large type, one
    # (a second costs as much again for a few crossings: ``argmap build``
    # lays out every map in both themes).
    refine_passes: int


METRICS = {
    "default": Metrics(view_width=1035, view_height=685, readable_px=11.2, refine_passes=2),
    "projector": Metrics(view_width=1345, view_height=605, readable_px=15.0, refine_passes=1),
}
# Gaps in ems of the claim type, so both themes keep the same proportions.
BOX_GAP = 0.65     # between two boxes in a row
LINE_GAP = 0.3     # between two lanes of lines side by side
CLEAR_GAP = 0.45   # between a passing line and a box
BAND_GAP = 1.2     # between two bands
ROW_GAP = 0.75     # the channel between two rows of a tier
TIER_GAP = 1.3     # the channel between two tiers
MIN_SIDE_COLUMNS = 1
SWEEPS = 24
# How near a line may pass a box it does not end at, in map units (one
# clearance for both routings).
CLEARANCE = router.CLEARANCE
BUCKET = 200.0
# Sweeps without a better order before ordering stops.
PATIENCE = 4
# Shuffled starts tried besides the walk from the sides (maps up to 300 boxes).
RESTARTS = 6
# Of those, the next best orders also laid out in full (three did no better
# than one over the course and five generated corpora, and took longer).
ALTERNATIVES = 1
# Maps up to this many boxes are refined: each swap tried recounts the
# moved boxes' lines against all others and may place the map again (a
# course map has at most about 50 boxes; a 200-box map took seconds).
REFINE_NODES = 120
# How far apart in a row two swapped boxes may be: allowing any distance
# cut no more crossings on the course maps (the quick guess turns far
# swaps down) and only cost time.
REFINE_REACH = 3
# Foldings tried in full for a map of up to 300 boxes (larger maps take the best estimate).
CANDIDATES = 10
# Arrangements refined one pass each before the least tangled is refined in
# full (three cost a third more time for no fewer crossings on the course).
SHORTLIST = 2
# Foldings tried for another theme besides the laptop's (ten chose no
# differently than three on the course and held-out maps).
THEME_CANDIDATES = 3


def map_nodes(g: nx.DiGraph, question: str) -> list[str]:
    """The nodes a question's map draws, in graph order: the question, its
    sides, and the claims and evidence on a path to a side (schools are not
    drawn; they live in the lens menu and the details panel)."""
    keep = {question, *sides_of(g, question), *on_path(g, question)}
    return [n for n in g.nodes if n in keep]


# ---------------------------------------------------------------- rank


@dataclass(frozen=True)
class Ranking:
    """Tiers (0 question, 1 sides, then claims by depth, evidence last),
    bands (sides at even slots, shared bands between them at odd ones) and
    the argument lines as (lower end, upper end), in graph order."""

    question: str
    nodes: tuple[str, ...]
    kind: dict[str, str]
    tier: dict[str, int]
    band: dict[str, int]
    bands: int
    edges: tuple[Edge, ...]


def rank(g: nx.DiGraph, question: str) -> Ranking:
    """Tier and band of every node of the question's map.

    A claim sits one tier below the lowest claim it argues about (tier 2
    when it argues only about sides); evidence sits below every claim. Every
    line therefore runs from a lower tier to a higher one.

    Raises KeyError for an id that is not a question of ``g``.
    """
    if g.nodes[question].get("kind") != "question":
        raise KeyError(question)
    sides = sides_of(g, question)
    nodes = map_nodes(g, question)
    keep = set(nodes)
    kind = {n: g.nodes[n]["kind"] for n in nodes}
    edges = tuple(
        (u, v) for u, v, r in g.edges(data="relation")
        if r in ARGUMENT_RELATIONS and u in keep and v in keep
    )
    arguments = nx.DiGraph(edges)
    arguments.add_nodes_from(n for n in nodes if kind[n] != "question")
    tier = {question: 0, **{s: 1 for s in sides}}
    topological = list(reversed(list(nx.topological_sort(arguments))))
    for node in topological:
        if kind[node] == "claim":
            tier[node] = 1 + max((tier[p] for p in arguments.successors(node) if p in tier), default=1)
    for node in topological:
        if node not in tier:
            tier[node] = 1 + max((tier[p] for p in arguments.successors(node) if p in tier), default=1)
    band = _bands(g, arguments, sides, topological)
    band[question] = len(sides) - 1
    return Ranking(question, tuple(nodes), kind, tier, band, 2 * len(sides) - 1, edges)


def _bands(g: nx.DiGraph, arguments: nx.DiGraph, sides: list[str], topological: list[str]) -> dict[str, int]:
    """A claim listed on a side lives in its band. Anything else lives with
    what it argues about: in that band when all of it is in one, else in
    the band nearest their middle (the shared band between two sides)."""
    band = {s: 2 * i for i, s in enumerate(sides)}
    listed = {c: 2 * i for i, s in enumerate(sides) for c in g.nodes[s]["claims"]}
    for node in topological:
        if node in band:
            continue
        if node in listed:
            band[node] = listed[node]
            continue
        slots = sorted({band[p] for p in arguments.successors(node) if p in band}) or [0]
        band[node] = math.floor(sum(slots) / len(slots) + 0.5)
    return band


# ---------------------------------------------------------------- tiers


@dataclass
class Layers:
    """Rows of boxes and waypoints (one row per tier), top first, each left
    to right.

    ``chains[i]`` is line ``i`` of the ranking as the items it passes, from
    its lower end up to its upper end; the waypoint of line ``i`` in tier
    ``t`` is named ``"\\0i:t"``.
    """

    rows: list[list[str]]
    row_of: dict[str, int]
    band: dict[str, int]
    chains: list[list[str]]

    def neighbours(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """Per item, what it links to in the row above and in the row below
        (the same whatever the order: computed from the chains)."""
        up: dict[str, list[str]] = {n: [] for n in self.row_of}
        down: dict[str, list[str]] = {n: [] for n in self.row_of}
        for chain in self.chains:
            for lower, upper in zip(chain, chain[1:]):
                up[lower].append(upper)
                down[upper].append(lower)
        return up, down


def tiers(ranking: Ranking) -> Layers:
    """One row per tier, in band order, with a waypoint in
    every tier a line passes without stopping (Sugiyama's dummy nodes; a
    waypoint belongs to the band of its line's lower end)."""
    rows: list[list[str]] = [[] for _ in range(max(ranking.tier.values()) + 1)]
    for node in ranking.nodes:
        rows[ranking.tier[node]].append(node)
    row_of = dict(ranking.tier)
    band = dict(ranking.band)
    chains: list[list[str]] = []
    for index, (lower, upper) in enumerate(ranking.edges):
        chain = [lower]
        for row in range(row_of[lower] - 1, row_of[upper], -1):
            waypoint = f"\0{index}:{row}"
            rows[row].append(waypoint)
            row_of[waypoint] = row
            band[waypoint] = band[lower]
            chain.append(waypoint)
        chain.append(upper)
        chains.append(chain)
    # Start from the order in which a walk down from the sides, in their
    # order, first meets each box (as dot does): each claim's feeders then
    # start out together, under it.
    below: dict[str, list[str]] = {n: [] for n in ranking.nodes}
    for lower, upper in ranking.edges:
        below[upper].append(lower)
    met: dict[str, int] = {}
    stack = [n for n in reversed(ranking.nodes) if ranking.tier[n] <= 1]
    while stack:
        node = stack.pop()
        if node in met:
            continue
        met[node] = len(met)
        stack.extend(reversed(below[node]))
    for n in ranking.nodes:
        met.setdefault(n, len(met))
    first = {n: met[chain[0]] for chain in chains for n in chain[1:-1]}
    for row in rows:
        row.sort(key=lambda n: (band[n], first[n] if _is_waypoint(n) else met[n]))
    return Layers(rows, row_of, band, chains)


# ---------------------------------------------------------------- order


def crossings(layers: Layers, up: dict[str, list[str]] | None = None) -> int:
    """Crossings between neighbouring rows, counted on the order alone
    (lines between adjacent rows cross when their ends are in opposite
    order), as Sugiyama's method counts them. ``up``: the layers'
    ``neighbours()[0]``, when the caller has it."""
    if up is None:
        up, _ = layers.neighbours()
    position = {n: i for row in layers.rows for i, n in enumerate(row)}
    total = 0
    for lower_row in layers.rows[1:]:
        pairs = sorted((position[u], position[n]) for n in lower_row for u in up[n])
        total += _inversions([b for _, b in pairs])
    return total


def _inversions(values: list[int]) -> int:
    """Pairs i < j with values[i] > values[j] (Fenwick tree, n log n)."""
    if not values:
        return 0
    size = max(values) + 2
    tree = [0] * (size + 1)
    count = 0
    for seen, value in enumerate(values):
        i = value + 1
        not_greater = 0
        while i > 0:
            not_greater += tree[i]
            i -= i & -i
        count += seen - not_greater
        i = value + 1
        while i <= size:
            tree[i] += 1
            i += i & -i
    return count


def order(layers: Layers, sweeps: int = SWEEPS, swaps: int = 4, restarts: int = 0) -> Layers:
    """Reorder every row to cut crossings (see ``_order``), from the given
    order and from ``restarts`` shuffles of it (seeded, so the same map
    always gets the same order); the order with fewest crossings wins.
    Returns new Layers; ``layers`` is left as it was."""
    return orders(layers, sweeps, swaps, restarts)[0]


def orders(layers: Layers, sweeps: int = SWEEPS, swaps: int = 4, restarts: int = 0) -> list[Layers]:
    """Every order ``order`` tries, fewest crossings first."""
    up, _ = layers.neighbours()
    found = [_order(layers, sweeps, swaps)]
    for seed in range(restarts):
        rng = random.Random(seed)
        rows = []
        for row in layers.rows:
            shuffled = list(row)
            rng.shuffle(shuffled)
            shuffled.sort(key=lambda n: layers.band[n])
            rows.append(shuffled)
        found.append(_order(Layers(rows, layers.row_of, layers.band, layers.chains), sweeps, swaps))
    counts = [crossings(candidate, up) for candidate in found]
    return [found[i] for i in sorted(range(len(found)), key=lambda i: (counts[i], i))]


def _order(layers: Layers, sweeps: int, swaps: int) -> Layers:
    """Reorder every row to cut crossings, bands kept in place.

    Sweeps down (each row sorted by the median position of what it links to
    in the row above, the mean breaking ties) and up (by the row below),
    each followed by swaps of neighbours while that lowers their crossings;
    the best order seen wins, and sweeping stops once a few sweeps in a row
    find nothing better (Sugiyama's method, as Graphviz dot does it).
    """
    rows = [list(r) for r in layers.rows]
    result = Layers(rows, layers.row_of, layers.band, layers.chains)
    up, down = layers.neighbours()
    band = layers.band
    best = [list(r) for r in rows]
    best_count = crossings(result, up)

    def sort_row(index: int, towards: dict[str, list[str]], other: int) -> None:
        reference = {n: float(i) for i, n in enumerate(rows[other])}
        row = rows[index]
        scale = (len(rows[other]) - 1) / max(1, len(row) - 1)
        keys: dict[str, tuple[float, float]] = {}
        for i, node in enumerate(row):
            linked = sorted(reference[n] for n in towards[node])
            if linked:
                middle = len(linked) // 2
                median = linked[middle] if len(linked) % 2 else (linked[middle - 1] + linked[middle]) / 2
                keys[node] = (median, sum(linked) / len(linked))
            else:
                keys[node] = (i * scale, i * scale)
        row.sort(key=keys.__getitem__)
        # Boxes stay in their bands; waypoints keep the place their lines want.
        slots = [i for i, n in enumerate(row) if not _is_waypoint(n)]
        boxes = sorted((row[i] for i in slots), key=lambda n: (band[n], keys[n]))
        for i, node in zip(slots, boxes):
            row[i] = node

    stale = 0
    for sweep in range(sweeps):
        if sweep % 2 == 0:
            for index in range(1, len(rows)):
                sort_row(index, up, index - 1)
        else:
            for index in range(len(rows) - 2, -1, -1):
                sort_row(index, down, index + 1)
        _transpose(result, up, down, swaps)
        count = crossings(result, up)
        if count < best_count:
            best, best_count, stale = [list(r) for r in rows], count, 0
        else:
            stale += 1
            if stale >= PATIENCE:
                break
    result.rows = best
    result.band = _waypoint_bands(best, band)
    return result


def _waypoint_bands(rows: list[list[str]], band: dict[str, int]) -> dict[str, int]:
    """Bands once ordered: a waypoint belongs to the band of the box before
    it in its row (the first box's band at the start of a row), so it runs
    through that band's channels."""
    result = dict(band)
    for row in rows:
        boxes = [n for n in row if not _is_waypoint(n)]
        current = band[boxes[0]] if boxes else band[row[0]] if row else 0
        for node in row:
            if _is_waypoint(node):
                result[node] = current
            else:
                current = band[node]
    return result


def _transpose(layers: Layers, up: dict[str, list[str]], down: dict[str, list[str]], passes: int) -> None:
    """Swap neighbours in a row (same band) while their crossings drop."""
    rows = layers.rows
    position = {n: i for row in rows for i, n in enumerate(row)}
    # Where each item's lines end in the rows above and below, sorted. They
    # change only when a neighbouring row does, so each row keeps them with
    # the count of changes its neighbours had when they were taken
    # (``changes[r + 1]`` counts the swaps in row ``r``).
    changes = [0] * (len(rows) + 2)
    kept: dict[int, tuple[int, int, dict[str, tuple[list[int], list[int]]]]] = {}

    for _ in range(passes):
        improved = False
        for r, row in enumerate(rows):
            seen = kept.get(r)
            if seen is None or seen[:2] != (changes[r], changes[r + 2]):
                ends = {n: (sorted(position[m] for m in up[n]), sorted(position[m] for m in down[n])) for n in row}
                kept[r] = (changes[r], changes[r + 2], ends)
            else:
                ends = seen[2]
            for i in range(len(row) - 1):
                a, b = row[i], row[i + 1]
                if layers.band[a] != layers.band[b] and not (_is_waypoint(a) or _is_waypoint(b)):
                    continue
                # a's lines against b's, as they stand and once swapped.
                now = swapped = 0
                for mine, theirs in zip(ends[a], ends[b]):
                    for at in mine:
                        now += bisect_left(theirs, at)
                        swapped += len(theirs) - bisect_right(theirs, at)
                if swapped < now:
                    row[i], row[i + 1] = b, a
                    position[a], position[b] = i + 1, i
                    changes[r + 1] += 1
                    improved = True
        if not improved:
            break


# ---------------------------------------------------------------- place


@dataclass(frozen=True)
class Placement:
    """Where everything sits once the tiers are folded into columns.

    ``x``, ``y``: box centres. ``sub_row``: a box's row within its tier.
    ``rows[t]``: (top, bottom) of each row of tier ``t``. ``lanes[(i, t)]``:
    the x at which line ``i`` runs up through tier ``t`` (in a channel
    between columns), for every tier it passes, leaves from a lower row of,
    or enters to reach a box with another box under it. ``blocked``: boxes
    with another box under them in their column.
    """

    x: dict[str, float]
    y: dict[str, float]
    sub_row: dict[str, int]
    rows: list[list[tuple[float, float]]]
    lanes: dict[tuple[int, int], float]
    blocked: frozenset[str]


@dataclass
class _Fold:
    """One tier's part of one band, folded into columns."""

    columns: list[list[str]]
    # channel index (0: left of the first column, len(columns): right of the last) -> line indices
    channels: dict[int, list[int]]
    left: float = 0.0
    right: float = 0.0


def place(layers: Layers, sizes: dict[str, tuple[float, float]], em: float, columns: list[int]) -> Placement:
    """Fold every tier into columns (at most ``columns[b]`` across in band
    ``b``), leave a channel beside each column for the lines that must pass
    it, and give every box and lane its x and y.

    Folding keeps the order: a band's boxes, in the order ``order`` chose,
    fill its columns one after another; in a column the box whose lines go
    nearest straight up sits on top, so lines leaving one column fan out
    without crossing. Columns sit as near as the channels allow to the mean
    x of what their boxes link to above (least squares under the order,
    solved exactly by pool-adjacent-violators).
    """
    rows = layers.rows
    band_of = layers.band
    chains = layers.chains
    bands = max(band_of.values()) + 1
    # (This runs for every swap ``refine`` tries: what does not depend on
    # the order is worked out once per map, each fold's widths once.)
    up, down, line_at = _links(layers)
    rank_in_row = {n: (i / max(1, len(row) - 1)) for row in rows for i, n in enumerate(row)}
    box_gap, line_gap, clear_gap = BOX_GAP * em, LINE_GAP * em, CLEAR_GAP * em

    def drift(node: str, towards: dict[str, list[str]]) -> float:
        linked = [rank_in_row[m] for m in towards[node]]
        return sum(linked) / len(linked) - rank_in_row[node] if linked else 0.0

    def x_of(node: str) -> float:
        # Where a line meets ``node``: a box's centre, or a waypoint's lane.
        line = line_at.get(node)
        return x[node] if line is None else lanes[(line, layers.row_of[node])]

    folds: dict[tuple[int, int], _Fold] = {}
    column_of: dict[str, tuple[int, int]] = {}
    sub_row: dict[str, int] = {}
    for t, row in enumerate(rows):
        in_band: list[list[str]] = [[] for _ in range(bands)]
        for n in row:
            in_band[band_of[n]].append(n)
        for b, items in enumerate(in_band):
            boxes = [n for n in items if n not in line_at]
            if t < 2:
                fold = _Fold([[n] for n in boxes], {})
            else:
                across = max(1, min(columns[b], len(boxes)))
                size, extra = divmod(len(boxes), across)
                chunks, start = [], 0
                for j in range(across):
                    end = start + size + (1 if j < extra else 0)
                    # Nearest straight up on top: lines leaving a column then fan out.
                    chunks.append(sorted(boxes[start:end], key=lambda n: abs(drift(n, up))))
                    start = end
                fold = _Fold([c for c in chunks if c], {})
            for j, column in enumerate(fold.columns):
                for r, n in enumerate(column):
                    column_of[n] = (t, j)
                    sub_row[n] = r if t >= 2 else 0
            folds[(t, b)] = fold
            seen_boxes = 0
            for n in items:
                line = line_at.get(n)
                if line is not None:
                    channel = column_of[boxes[seen_boxes - 1]][1] + 1 if seen_boxes else 0
                    fold.channels.setdefault(channel, []).append(line)
                else:
                    seen_boxes += 1
    blocked = {n for (t, b), fold in folds.items() for column in fold.columns for n in column[:-1]}
    for index, chain in enumerate(chains):
        lower, upper = chain[0], chain[-1]
        if sub_row[lower] > 0:
            t, j = column_of[lower]
            side = j + 1 if drift(lower, up) > 0 else j
            folds[(t, band_of[lower])].channels.setdefault(side, []).append(index)
        if upper in blocked:
            t, j = column_of[upper]
            side = j + 1 if drift(upper, down) > 0 else j
            folds[(t, band_of[upper])].channels.setdefault(side, []).append(index)

    # Per fold, now that its channels are final: lanes per channel (lines
    # to one box share a lane: they run together to the same place), the
    # width of each channel (0 to len(columns)) and of each column.
    lane_counts: dict[tuple[int, int], dict[int, int]] = {}
    channel_widths: dict[tuple[int, int], list[float]] = {}
    column_widths: dict[tuple[int, int], list[float]] = {}
    for key, fold in folds.items():
        counts = {channel: len({chains[i][-1] for i in indices}) for channel, indices in fold.channels.items()}
        lane_counts[key] = counts
        across = len(fold.columns)
        widths = []
        for channel in range(across + 1):
            inner = 0 < channel < across
            count = counts.get(channel, 0)
            if not count:
                widths.append(box_gap if inner else 0.0)
            else:
                widths.append(max(box_gap if inner else 0.0, (2 * CLEAR_GAP + (count - 1) * LINE_GAP) * em))
        channel_widths[key] = widths
        column_widths[key] = [max(sizes[n][0] for n in column) for column in fold.columns]

    band_width = [0.0] * bands
    for (t, b), fold in folds.items():
        if t == 0:
            continue  # the question spans the bands
        need = sum(column_widths[(t, b)]) + sum(channel_widths[(t, b)])
        band_width[b] = max(band_width[b], need + (box_gap if t >= 2 and fold.columns else 0))
    left_of: list[float] = []
    cursor = 0.0
    for b in range(bands):
        left_of.append(cursor)
        cursor += band_width[b] + (BAND_GAP * em if band_width[b] else 0.0)
    total = max(cursor - BAND_GAP * em, sizes[rows[0][0]][0])

    x: dict[str, float] = {}
    lanes: dict[tuple[int, int], float] = {}
    for n in rows[0]:
        x[n] = total / 2
    for t, row in enumerate(rows):
        if t == 0:
            continue
        for b in range(bands):
            fold = folds[(t, b)]
            low, high = left_of[b], left_of[b] + band_width[b]
            if t == 1:
                for column in fold.columns:
                    x[column[0]] = (low + high) / 2
                continue
            if not fold.columns and not fold.channels:
                continue
            widths = column_widths[(t, b)]
            around = channel_widths[(t, b)]
            wanted = []
            for column in fold.columns:
                linked = [x_of(m) for n in column for m in up[n]]
                wanted.append(sum(linked) / len(linked) if linked else (low + high) / 2)
            if fold.columns:
                gaps = [(widths[j] + widths[j + 1]) / 2 + around[j + 1] for j in range(len(widths) - 1)]
                first = low + around[0] + widths[0] / 2 + box_gap / 2
                last = high - around[len(widths)] - widths[-1] / 2 - box_gap / 2
                centres = _fit_in_order(wanted, gaps, first, last)
            else:
                centres = []
            for column, centre in zip(fold.columns, centres):
                for n in column:
                    x[n] = centre
            counts = lane_counts[(t, b)]
            for channel, indices in fold.channels.items():
                count = counts[channel]
                if centres:
                    if channel == 0:
                        edge = centres[0] - widths[0] / 2 - clear_gap
                        start = edge - (count - 1) * line_gap
                    elif channel == len(centres):
                        start = centres[-1] + widths[-1] / 2 + clear_gap
                    else:
                        a = centres[channel - 1] + widths[channel - 1] / 2
                        z = centres[channel] - widths[channel] / 2
                        start = (a + z) / 2 - (count - 1) * line_gap / 2
                else:
                    linked = [x_of(chains[i][-1]) for i in indices]
                    middle = min(max(sum(linked) / len(linked), low), high)
                    start = middle - (count - 1) * line_gap / 2
                targets = sorted({chains[i][-1] for i in indices}, key=lambda n: (x_of(n), n))
                lane_of = {n: start + k * line_gap for k, n in enumerate(targets)}
                for i in indices:
                    lanes[(i, t)] = lane_of[chains[i][-1]]

    y: dict[str, float] = {}
    row_spans: list[list[tuple[float, float]]] = []
    cursor = 0.0
    for t, row in enumerate(rows):
        if t:
            cursor += TIER_GAP * em
        boxes = [n for n in row if n not in line_at]
        depth = 1 + max((sub_row[n] for n in boxes), default=0)
        by_sub: list[list[str]] = [[] for _ in range(depth)]
        for n in boxes:
            by_sub[sub_row[n]].append(n)
        spans = []
        for r, in_sub in enumerate(by_sub):
            if r:
                cursor += ROW_GAP * em
            height = max((sizes[n][1] for n in in_sub), default=0.0)
            # vis-network places nodes at whole units (it parses x and y as
            # integers): boxes sit there here too, so lines meet their borders.
            top, bottom = cursor, cursor + height
            for n in in_sub:
                y[n] = centre = float(round(cursor + height / 2))
                half = sizes[n][1] / 2
                top, bottom = min(top, centre - half), max(bottom, centre + half)
            spans.append((top, bottom))
            cursor += height
        row_spans.append(spans)
    x = {n: float(round(v)) for n, v in x.items()}
    return Placement(x, y, sub_row, row_spans, lanes, frozenset(blocked))


Links = tuple[dict[str, list[str]], dict[str, list[str]], dict[str, int]]
_last_links: tuple[list[list[str]], Links] | None = None


def _links(layers: Layers) -> Links:
    """``layers.neighbours()`` and the line of each waypoint, which depend
    on the chains alone: remembered for the last chains asked about, as
    every order ``refine`` and the foldings try of one map shares them.
    (Chains are never changed once ``tiers`` made them.)"""
    global _last_links
    last = _last_links
    if last is not None and last[0] is layers.chains:
        return last[1]
    up, down = layers.neighbours()
    found = (up, down, {n: i for i, chain in enumerate(layers.chains) for n in chain[1:-1]})
    _last_links = (layers.chains, found)
    return found


def _is_waypoint(node: str) -> bool:
    return node.startswith("\0")


def _fit_in_order(wanted: list[float], gaps: list[float], low: float, high: float) -> list[float]:
    """Positions as near as possible (least squares) to ``wanted`` with
    ``x[i+1] - x[i] >= gaps[i]`` and all within [low, high] where room allows.

    Shifting each x by the gaps before it turns the problem into isotonic
    regression, which pool-adjacent-violators solves exactly; the bounds
    enter as two heavy items at the ends.

    >>> _fit_in_order([5, 5], [10], 0, 100)
    [0.0, 10.0]
    """
    if len(wanted) == 1 and low <= high:
        # One position (most folds): what the regression below gives, exactly.
        return [min(max(wanted[0], low), high)]
    offsets = [0.0]
    for g in gaps:
        offsets.append(offsets[-1] + g)
    span = offsets[-1]
    heavy = 1e6
    values = [low] + [w - o for w, o in zip(wanted, offsets)] + [high - span]
    weights = [heavy] + [1.0] * len(wanted) + [heavy]
    if high - low < span:  # no room: keep the gaps, centred
        start = (low + high - span) / 2
        return [start + o for o in offsets]
    # Lower bound: first item >= low (values must be >= low); upper: last <= high - span.
    blocks: list[list[float]] = []  # [mean, weight, count]
    for value, weight in zip(values, weights):
        blocks.append([value, weight, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean2, weight2, count2 = blocks.pop()
            mean1, weight1, count1 = blocks.pop()
            total = weight1 + weight2
            blocks.append([(mean1 * weight1 + mean2 * weight2) / total, total, count1 + count2])
    fitted: list[float] = []
    for mean, _, count in blocks:
        fitted.extend([mean] * count)
    inner = fitted[1:-1]
    return [min(max(v, low), high - span) + o for v, o in zip(inner, offsets)]


# ---------------------------------------------------------------- route


def route(layers: Layers, placement: Placement, sizes: dict[str, tuple[float, float]],
          taut: bool = True) -> list[list[Point]]:
    """Each line as points from the border of its lower end to the border of
    its upper end.

    A line leaves its lower box through the top border and enters its upper
    box through the bottom border, at ports spread along the border in the
    order of where the lines go, so arrowheads do not pile up. It runs
    straight up over its own box, or along its lane in the channel beside
    its column when boxes sit above it; through each tier it passes, along
    its lane; into its upper box straight from below, or along a lane and
    the gap under the box when another box sits below it in its column.
    Between rows and tiers it crosses channels that hold no box, so no
    segment enters a box that is not one of its ends. With ``taut``, each
    line is then pulled as straight as the boxes allow.
    """
    x, y, lanes, spans = placement.x, placement.y, placement.lanes, placement.rows
    row_of = layers.row_of
    sub = placement.sub_row

    def first_step(index: int) -> float:
        chain = layers.chains[index]
        lane = lanes.get((index, row_of[chain[0]]))
        if lane is not None:
            return lane
        nxt = chain[1]
        return lanes[(index, row_of[nxt])] if _is_waypoint(nxt) else x[nxt]

    def last_step(index: int) -> float:
        chain = layers.chains[index]
        lane = lanes.get((index, row_of[chain[-1]]))
        if lane is not None:
            return lane
        before = chain[-2]
        return lanes[(index, row_of[before])] if _is_waypoint(before) else x[before]

    obstacles = _Obstacles({
        n: (x[n] - sizes[n][0] / 2, y[n] - sizes[n][1] / 2, x[n] + sizes[n][0] / 2, y[n] + sizes[n][1] / 2)
        for n in x if not _is_waypoint(n)
    }, CLEARANCE) if taut else None
    start_x = _ports(layers, sizes, x, 0, first_step)
    end_x = _ports(layers, sizes, x, -1, last_step)
    lines: list[list[Point]] = []
    for index, chain in enumerate(layers.chains):
        lower, upper = chain[0], chain[-1]
        t = row_of[lower]
        px = start_x[index]
        points: list[Point] = [(px, y[lower] - sizes[lower][1] / 2)]
        if sub[lower] > 0:
            lane = lanes[(index, t)]
            points += [(px, spans[t][sub[lower]][0]), (lane, spans[t][sub[lower] - 1][1]), (lane, spans[t][0][0])]
        else:
            points.append((px, spans[t][0][0]))
        for waypoint in chain[1:-1]:
            m = row_of[waypoint]
            lane = lanes[(index, m)]
            points += [(lane, spans[m][-1][1]), (lane, spans[m][0][0])]
        s = row_of[upper]
        qx = end_x[index]
        if upper in placement.blocked:
            lane = lanes[(index, s)]
            points += [(lane, spans[s][-1][1]), (lane, spans[s][sub[upper] + 1][0]), (qx, spans[s][sub[upper]][1])]
        else:
            points.append((qx, spans[s][-1][1]))
        points.append((qx, y[upper] + sizes[upper][1] / 2))
        lines.append(obstacles.pull(_simplify(points), (lower, upper)) if obstacles else _simplify(points))
    return lines


def thread(layers: Layers, placement: Placement, sizes: dict[str, tuple[float, float]]) -> list[list[Point]]:
    """Each line threaded through the gaps of the rows it passes so that
    lines cross least, from ports spread in the order of where each line
    goes next, turning on level tracks in the corridors between rows
    (``router``)."""
    x, y = placement.x, placement.y
    index: dict[tuple[int, int], int] = {}
    spans: list[tuple[float, float]] = []
    for t, tier in enumerate(placement.rows):
        for r, span in enumerate(tier):
            index[(t, r)] = len(spans)
            spans.append(span)
    nodes = tuple(n for n in x if not _is_waypoint(n))
    rects = {n: (x[n] - sizes[n][0] / 2, y[n] - sizes[n][1] / 2, x[n] + sizes[n][0] / 2, y[n] + sizes[n][1] / 2)
             for n in nodes}
    row_index = {n: index[(layers.row_of[n], placement.sub_row[n])] for n in nodes}
    left, _, right, _ = _extent(nodes, placement, sizes)
    rows = router.rows_of(rects, row_index, spans, left, right)
    chains = layers.chains

    def jobs(first: Callable[[int], float], last: Callable[[int], float]) -> list[router.Job]:
        start_x = _ports(layers, sizes, x, 0, first)
        end_x = _ports(layers, sizes, x, -1, last)
        return [router.Job(chain[0], chain[-1], row_index[chain[0]], row_index[chain[-1]],
                           (start_x[i], rects[chain[0]][1]), (end_x[i], rects[chain[-1]][3]))
                for i, chain in enumerate(chains)]

    rough = jobs(lambda i: x[chains[i][-1]], lambda i: x[chains[i][0]])
    at = router.thread(rows, rough)
    final = jobs(lambda i: at[i][rough[i].low - 1] if rough[i].low - rough[i].high > 1 else rough[i].end[0],
                 lambda i: at[i][rough[i].high + 1] if rough[i].low - rough[i].high > 1 else rough[i].start[0])
    for i, job in enumerate(final):
        at[i][job.low], at[i][job.high] = job.start[0], job.end[0]
    return [_simplify(points) for points in router.polylines(rows, final, at, router.steps(rows, final, at))]


class _Obstacles:
    """The boxes, bucketed by x, so that a segment is tested only against
    the boxes near it."""

    def __init__(self, rects: dict[str, tuple[float, float, float, float]], clearance: float) -> None:
        self.rects = {n: (x0 - clearance, y0 - clearance, x1 + clearance, y1 + clearance)
                      for n, (x0, y0, x1, y1) in rects.items()}
        self.bucket: dict[int, list[str]] = {}
        for n, (x0, _, x1, _) in self.rects.items():
            for k in range(int(x0 // BUCKET), int(x1 // BUCKET) + 1):
                self.bucket.setdefault(k, []).append(n)

    def clear(self, p: Point, q: Point, ends: tuple[str, str]) -> bool:
        """Whether segment pq stays out of every box but ``ends``."""
        lo, hi = min(p[0], q[0]), max(p[0], q[0])
        low, high = min(p[1], q[1]), max(p[1], q[1])
        seen: set[str] = set()
        for k in range(int(lo // BUCKET), int(hi // BUCKET) + 1):
            for n in self.bucket.get(k, ()):
                if n in seen or n in ends:
                    continue
                seen.add(n)
                rect = self.rects[n]
                # Boxes beside the segment's bounds cannot meet it.
                if rect[1] > high or rect[3] < low or rect[0] > hi or rect[2] < lo:
                    continue
                if measure.segment_meets_rect(p, q, rect):
                    return False
        return True

    def pull(self, points: list[Point], ends: tuple[str, str]) -> list[Point]:
        """The polyline pulled taut: from each kept point, straight on to the
        farthest later point that a straight segment reaches without
        touching a box, so lines run as directly as the boxes allow."""
        kept = [points[0]]
        i = 0
        while i < len(points) - 1:
            j = len(points) - 1
            while j > i + 1 and not self.clear(points[i], points[j], ends):
                j -= 1
            kept.append(points[j])
            i = j
        return kept


def _ports(layers: Layers, sizes: dict[str, tuple[float, float]], x: dict[str, float], end: int,
           toward: Callable[[int], float]) -> dict[int, float]:
    """Where each line meets the box at its ``end`` (0: lower, -1: upper),
    spread along the border in the order of where the lines head."""
    at: dict[str, list[int]] = {}
    for index, chain in enumerate(layers.chains):
        at.setdefault(chain[end], []).append(index)
    ports: dict[int, float] = {}
    for node, indices in at.items():
        indices.sort(key=lambda i: (toward(i), i))
        spread = min(sizes[node][0] * 0.6, 14.0 * (len(indices) - 1))
        for k, i in enumerate(indices):
            ports[i] = x[node] - spread / 2 + (spread * k / (len(indices) - 1) if len(indices) > 1 else spread / 2)
    return ports


def _simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and points on a straight run."""
    out: list[Point] = []
    for p in points:
        p = (round(p[0], 1), round(p[1], 1))
        if out and p == out[-1]:
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if abs((bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax)) < 1e-6:
                out[-1] = p
                continue
        out.append(p)
    return out


# ---------------------------------------------------------------- the whole map


@dataclass(frozen=True)
class Box:
    """A drawn box: centre, size and label lines, in map units."""

    id: str
    kind: str
    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]
    font_size: float


@dataclass(frozen=True)
class Line:
    """A drawn line, ``points`` from the border of ``source`` to ``target``."""

    source: str
    target: str
    points: tuple[Point, ...]


@dataclass(frozen=True)
class MapLayout:
    """Everything drawn, and the scale at which it fits the theme's map area."""

    boxes: dict[str, Box]
    lines: tuple[Line, ...]
    width: float
    height: float
    scale: float


def map_layout(g: nx.DiGraph, question: str, theme: str = "default") -> MapLayout:
    """Boxes and lines of one question's map in ``theme``: the wrap that
    shows the largest type once the map is fitted to the theme's map area
    (``METRICS``), ordered, placed and routed.

    Raises KeyError for an id that is not a question of ``g``.

    >>> from argmap.corpus import load_corpus
    >>> from argmap.graph import build_graph
    >>> import pathlib
    >>> g = build_graph(load_corpus(pathlib.Path("tests/fixtures/mini")).corpus)
    >>> m = map_layout(g, "collective-security-aim")
    >>> m.boxes["collective-security-aim"].y < m.boxes["collective-security-aim/agree"].y < m.boxes["german-deal"].y
    True
    """
    return map_layouts(g, question, (theme,))[theme]


def map_layouts(g: nx.DiGraph, question: str, themes: Iterable[str]) -> dict[str, MapLayout]:
    """One question's map in each of ``themes``, arranged once.

    The laptop's (default) map is ordered and folded in full; every other
    theme starts from its order of boxes in every row (or from its best
    order as first found, where that shows larger type) and lays it out
    again at its own type sizes, folding and refining for its own map
    area. A reader who switches theme then finds most boxes beside the
    same neighbours (three in four on the course maps, nine in ten on the
    held-out ones), and the build orders each map once, not once per theme.

    Raises KeyError for an id that is not a question of ``g``.
    """
    ranking = rank(g, question)
    laptop = _arrange(g, ranking, "default")
    return {theme: _drawn(ranking, laptop if theme == "default" else _rearrange(g, ranking, theme, laptop))
            for theme in themes}


@dataclass(frozen=True)
class _Arrangement:
    """A map ordered, folded, placed and refined in one theme, before routing."""

    labels: dict[str, Label]
    sizes: dict[str, tuple[float, float]]
    layers: Layers
    placement: Placement
    scale: float
    columns: list[int]
    # The best order as first found, before the theme's folding refined it.
    start: Layers


def _sized(g: nx.DiGraph, ranking: Ranking, theme: str) -> tuple[dict[str, Label], dict[str, tuple[float, float]]]:
    """Each box's label in ``theme``, and its size (width, height)."""
    labels = {n: node_label(g, n, theme) for n in ranking.nodes}
    return labels, {n: (label.width, label.height) for n, label in labels.items()}


def _fitter(ranking: Ranking, layers: Layers, sizes: dict[str, tuple[float, float]], em: float,
            metrics: Metrics) -> tuple[Callable[[list[int]], float], dict[tuple[int, ...], tuple[float, Placement]]]:
    """``fitted(columns)``: the scale at which ``layers`` folded into
    ``columns`` fits the map area; every folding tried is kept, with its
    placement, in the returned dict."""
    tried: dict[tuple[int, ...], tuple[float, Placement]] = {}

    def fitted(columns: list[int]) -> float:
        key = tuple(columns)
        if key not in tried:
            placement = place(layers, sizes, em, columns)
            tried[key] = (_fit(ranking, placement, sizes, metrics), placement)
        return tried[key][0]

    return fitted, tried


def _fit(ranking: Ranking, placement: Placement, sizes: dict[str, tuple[float, float]], metrics: Metrics) -> float:
    """The scale at which the placed map fits the theme's map area."""
    left, top, right, bottom = _extent(ranking.nodes, placement, sizes)
    return min(metrics.view_width / (right - left), metrics.view_height / (bottom - top))


def _rearrange(g: nx.DiGraph, ranking: Ranking, theme: str, laptop: _Arrangement) -> _Arrangement:
    """The laptop's arrangement in ``theme``: its order in every row, folded
    for the theme's map area (the laptop's folding unless another shows
    larger type, up to the type a reader needs), then refined. Where the
    laptop's best order as first found, folded for this theme, shows larger
    type than any folding of the refined one, it starts from that instead:
    the laptop's refining fits its own folding, not the theme's."""
    labels, sizes = _sized(g, ranking, theme)
    em = FONT_SIZE[theme]["claim"]
    metrics = METRICS[theme]
    small = len(ranking.nodes) <= 300
    good = metrics.readable_px / em
    candidates = _column_candidates(ranking, sizes, em, metrics)
    same = tuple(laptop.columns)
    best: tuple[tuple[float, bool, bool, float], Layers, list[int], float, Placement] | None = None
    for kept, layers in ((True, laptop.layers), (False, laptop.start)):
        if best is not None and best[0][0] >= good:
            break  # the laptop's order shows type a reader needs: nothing beats it
        fitted, tried = _fitter(ranking, layers, sizes, em, metrics)
        fitted(laptop.columns)
        for columns in candidates[:THEME_CANDIDATES] if small else candidates[:1]:
            fitted(columns)
        if small:
            _widen(max(tried, key=lambda k: tried[k][0]), fitted, _widest_tiers(ranking), good)
        for key, (scale, placement) in tried.items():
            score = (min(scale, good), kept, key == same, scale)
            if best is None or score > best[0]:
                best = (score, layers, list(key), scale, placement)
    assert best is not None
    _, layers, columns, scale, placement = best
    if len(ranking.nodes) <= REFINE_NODES:
        layers, placement, scale = refine(ranking, layers, placement, sizes, em, columns, metrics,
                                           min(scale, good))
    return _Arrangement(labels, sizes, layers, placement, scale, columns, laptop.start)


def _drawn(ranking: Ranking, arranged: _Arrangement) -> MapLayout:
    """The arrangement routed, in map units from the top left of what is drawn."""
    labels, sizes, placement = arranged.labels, arranged.sizes, arranged.placement
    # Threading costs time for each line and row it passes: as refine,
    # only for maps a reader can take in whole.
    if len(ranking.nodes) <= REFINE_NODES:
        routes = thread(arranged.layers, placement, sizes)
    else:
        routes = route(arranged.layers, placement, sizes, taut=len(ranking.nodes) <= 300)
    left, top, right, bottom = _extent(ranking.nodes, placement, sizes)
    boxes = {
        n: Box(n, ranking.kind[n], round(placement.x[n] - left, 1), round(placement.y[n] - top, 1),
               labels[n].width, labels[n].height, labels[n].lines, labels[n].font_size)
        for n in ranking.nodes
    }
    lines = tuple(
        Line(u, v, tuple((round(px - left, 1), round(py - top, 1)) for px, py in points))
        for (u, v), points in zip(ranking.edges, routes)
    )
    return MapLayout(boxes, lines, round(right - left, 1), round(bottom - top, 1), arranged.scale)


def _arrange(g: nx.DiGraph, ranking: Ranking, theme: str) -> _Arrangement:
    """The wrap that shows the largest type once the map is fitted to the
    theme's map area, ordered and placed, then refined."""
    labels, sizes = _sized(g, ranking, theme)
    em = FONT_SIZE[theme]["claim"]
    metrics = METRICS[theme]
    candidates = _column_candidates(ranking, sizes, em, metrics)
    small = len(ranking.nodes) <= 300
    # A map too large to read whole gets a quicker, rougher order and
    # lines that keep to their channels.
    ordered = orders(tiers(ranking), sweeps=SWEEPS if small else 2, swaps=4 if small else 1,
                     restarts=RESTARTS if small else 0)
    layers = ordered[0]
    # Past the type a reader needs, fewer crossings beat larger type.
    good = metrics.readable_px / em
    fitted, tried = _fitter(ranking, layers, sizes, em, metrics)
    for columns in candidates[:CANDIDATES] if small else candidates[:1]:
        fitted(columns)
    if small:
        _widen(max(tried, key=lambda k: tried[k][0]), fitted, _widest_tiers(ranking), good)
    folds = sorted(tried.items(), key=lambda item: -item[1][0])[:CANDIDATES]
    if small and len(ranking.nodes) <= REFINE_NODES and folds[0][1][0] >= good:
        layers, placement, scale, columns = _choose(ranking, ordered, folds, sizes, em, metrics, good)
    else:
        layers, placement, scale, columns = _pick(ranking, ordered, folds, sizes, em, metrics, good, small)
    return _Arrangement(labels, sizes, layers, placement, scale, columns, ordered[0])


def _choose(ranking: Ranking, ordered: list[Layers], folds: list[tuple[tuple[int, ...], tuple[float, Placement]]],
            sizes: dict[str, tuple[float, float]], em: float, metrics: Metrics,
            good: float) -> tuple[Layers, Placement, float, list[int]]:
    """Of the arrangements that show the type a reader needs (``good``),
    the one least tangled once refined, refined in full, with its columns.

    How tangled a map is as first placed says little about how far
    ``refine`` untangles it: on the course's largest map, the folding
    judged best before refining kept 168 straight crossings after it, where
    another went down to 140. So the foldings of the best order, and the
    next best orders folded as the least crossed of those, are ranked by
    their straight crossings as placed; the first ``SHORTLIST`` are refined
    one pass each and judged as ``_pick`` judges (crossings as routed plus
    straight, then the larger type), and the winner is refined in full.
    """
    def crossed(placement: Placement) -> int:
        return measure.straight_crossings({n: (placement.x[n], placement.y[n], *sizes[n]) for n in ranking.nodes},
                                          ranking.edges)

    # (crossings, -scale, tie-break, columns, layers, placement)
    starts = [(crossed(placement), -scale, i, list(columns), ordered[0], placement)
              for i, (columns, (scale, placement)) in enumerate(folds) if scale >= good]
    columns = min(starts, key=lambda start: start[:3])[3]
    for i, other in enumerate(ordered[1:ALTERNATIVES + 1]):
        placement = place(other, sizes, em, columns)
        scale = _fit(ranking, placement, sizes, metrics)
        if scale >= good:
            starts.append((crossed(placement), -scale, len(folds) + i, columns, other, placement))
    starts.sort(key=lambda start: start[:3])
    shortlist = starts[:SHORTLIST]
    if len(shortlist) > 1:
        for k, (_, _, i, columns, layers, placement) in enumerate(shortlist):
            layers, placement, scale = refine(ranking, layers, placement, sizes, em, columns, metrics, good, passes=1)
            shortlist[k] = (_tangle(ranking, layers, placement, sizes), -scale, i, columns, layers, placement)
    _, _, _, columns, layers, placement = min(shortlist, key=lambda start: start[:3])
    return (*refine(ranking, layers, placement, sizes, em, columns, metrics, good), columns)


def _pick(ranking: Ranking, ordered: list[Layers], folds: list[tuple[tuple[int, ...], tuple[float, Placement]]],
          sizes: dict[str, tuple[float, float]], em: float, metrics: Metrics, good: float,
          small: bool) -> tuple[Layers, Placement, float, list[int]]:
    """The arrangement with the largest type, up to ``good``; past it, the
    least tangled (crossings as routed and straight), refined when small
    enough, with its columns."""
    layers = ordered[0]
    best: tuple[tuple[float, int, float], float, Layers, Placement] | None = None
    for key, (scale, placement) in folds:
        tangle = _tangle(ranking, layers, placement, sizes) if small and scale >= good else 0
        score = (min(scale, good), -tangle, scale)
        if best is None or score > best[0]:
            best = (score, scale, layers, placement)
    assert best is not None
    # The next best orders, folded the same way: the fewest crossings once
    # placed may come from an order with a few more between rows.
    columns = list(next(k for k, v in folds if v[1] is best[3]))
    for other in ordered[1:ALTERNATIVES + 1] if small else []:
        placement = place(other, sizes, em, columns)
        scale = _fit(ranking, placement, sizes, metrics)
        tangle = _tangle(ranking, other, placement, sizes) if scale >= good else 0
        score = (min(scale, good), -tangle, scale)
        if score > best[0]:
            best = (score, scale, other, placement)
    _, scale, layers, placement = best
    if len(ranking.nodes) <= REFINE_NODES:
        # Swaps judged on the placed map, never below the type chosen.
        layers, placement, scale = refine(ranking, layers, placement, sizes, em, columns, metrics,
                                           min(scale, good))
    return layers, placement, scale, columns


@dataclass(frozen=True)
class _Straight:
    """An arrangement ``refine`` keeps as its best so far, with its lines
    drawn straight (``segments``), how many others each crosses
    (``crossed``) and their crossings in all (``count``): a trial then
    recounts only the lines whose ends it moved, as the rest cross each
    other as before."""

    fit: float
    layers: Layers
    placement: Placement
    boxes: dict[str, measure.Rect]
    segments: list[measure.Segment]
    crossed: list[int]
    count: int


def refine(ranking: Ranking, layers: Layers, placement: Placement, sizes: dict[str, tuple[float, float]],
           em: float, columns: list[int], metrics: Metrics, floor: float,
           passes: int | None = None) -> tuple[Layers, Placement, float]:
    """Swap two boxes of one row and band (near or far apart, so evidence
    may change columns), and move evidence that argues about boxes in
    several bands into another of those bands, while the lines drawn
    straight between the boxes, once placed, cross less and the map still
    fits at ``floor`` or more. ``passes``: over all rows (the theme's
    ``refine_passes`` unless given).

    The order phase counts crossings between neighbouring rows only; a
    reader sees the placed map, where a line skips rows and a folded row's
    boxes sit in columns, so this pass judges each change on the placement.
    Evidence for both sides starts in the band between them; once placed,
    its lines may cross less from one side's band (the sides' own claims
    never move band, and nothing moves outside the bands it argues about).
    """
    rows = [list(row) for row in layers.rows]
    band = dict(layers.band)
    free = _free_bands(ranking)
    edges = ranking.edges
    touching: dict[str, set[int]] = {n: set() for n in ranking.nodes}
    for k, (u, v) in enumerate(edges):
        touching[u].add(k)
        touching[v].add(k)

    def straight(boxes: dict[str, measure.Rect], k: int) -> measure.Segment:
        u, v = edges[k]
        return measure.segment(u, v, *measure.straight(boxes[u], boxes[v]))

    def trial_placement(candidate: list[list[str]], bands: dict[str, int]) -> tuple[float, Layers, Placement] | None:
        trial = Layers(candidate, layers.row_of, _waypoint_bands(candidate, bands), layers.chains)
        where = place(trial, sizes, em, columns)
        fit = _fit(ranking, where, sizes, metrics)
        return None if fit < floor else (fit, trial, where)

    first = trial_placement(rows, band)
    if first is None:  # the floor is the placement's own fit or less: not reached
        return layers, placement, floor

    def best_of(fit: float, trial: Layers, where: Placement) -> _Straight:
        boxes = {n: (where.x[n], where.y[n], *sizes[n]) for n in ranking.nodes}
        segments = [straight(boxes, k) for k in range(len(edges))]
        crossed = [measure.crossings_with([segment], segments[:k] + segments[k + 1:])
                   for k, segment in enumerate(segments)]
        return _Straight(fit, trial, where, boxes, segments, crossed, sum(crossed) // 2)

    def crossings_of(lines: Iterable[int]) -> int:
        """Crossings of the best arrangement that involve ``lines``: each
        one's count, less those among them, counted twice; or, for most of
        the lines, all crossings less those among the rest."""
        chosen = set(lines)
        if 2 * len(chosen) <= len(edges):
            return (sum(best.crossed[k] for k in chosen)
                    - measure.crossings_with([best.segments[k] for k in chosen], []))
        return best.count - measure.crossings_with([s for k, s in enumerate(best.segments) if k not in chosen], [])

    def better(candidate: list[list[str]], bands: dict[str, int]) -> _Straight | None:
        """``candidate`` placed, if it fits at the floor and its straight lines cross less than the best's."""
        found = trial_placement(candidate, bands)
        if found is None:
            return None
        fit, trial, where = found
        shifted = [n for n in ranking.nodes if where.x[n] != best.boxes[n][0] or where.y[n] != best.boxes[n][1]]
        lines = sorted(set().union(*(touching[n] for n in shifted)))
        if not lines:
            return None  # drawn the same
        boxes = {n: (where.x[n], where.y[n], *sizes[n]) for n in ranking.nodes}
        kept = set(lines)
        before = crossings_of(lines)
        after = measure.crossings_with([straight(boxes, k) for k in lines],
                                       [best.segments[k] for k in range(len(edges)) if k not in kept], limit=before)
        return best_of(fit, trial, where) if after < before else None

    best = best_of(*first)
    for _ in range(metrics.refine_passes if passes is None else passes):
        at_start = best.count
        for row in rows[2:]:
            slots = [i for i, n in enumerate(row) if not _is_waypoint(n)]
            for a, i in enumerate(slots):
                for j in slots[a + 1:a + 1 + REFINE_REACH]:
                    p, q = row[i], row[j]
                    if band[p] != band[q]:
                        continue
                    # First a quick guess, the two boxes trading places as
                    # they stand; only a promising swap is placed in full.
                    mine = touching[p] | touching[q]
                    others = [best.segments[k] for k in range(len(edges)) if k not in mine]
                    before = crossings_of(mine)
                    moved = dict(best.boxes)
                    moved[p], moved[q] = (*best.boxes[q][:2], *sizes[p]), (*best.boxes[p][:2], *sizes[q])
                    # (Of the swaps guessed to change nothing, about one in
                    # fifty crossed less once placed: only a guessed gain is placed.)
                    if measure.crossings_with([straight(moved, k) for k in mine], others, limit=before) >= before:
                        continue
                    row[i], row[j] = q, p
                    found = better(rows, band)
                    if found is not None:
                        best = found
                    else:
                        row[i], row[j] = p, q
            # Moving to another band moves every band's columns: no quick
            # guess holds, so each move is placed in full.
            for p in [n for n in row if n in free]:
                for b in free[p]:
                    if b == band[p]:
                        continue
                    moved_row = _into_band(row, p, b, band)
                    moved_band = {**band, p: b}
                    found = better([moved_row if r is row else r for r in rows], moved_band)
                    if found is not None:
                        best = found
                        row[:] = moved_row
                        band = moved_band
        if best.count == at_start:
            break
    return best.layers, best.placement, best.fit


def _free_bands(ranking: Ranking) -> dict[str, range]:
    """Evidence that argues about boxes in several bands, with the bands it
    may sit in: any from the leftmost of those to the rightmost."""
    reaches: dict[str, list[int]] = {}
    for lower, upper in ranking.edges:
        if ranking.kind[lower] == "evidence":
            reaches.setdefault(lower, []).append(ranking.band[upper])
    return {n: range(min(b), max(b) + 1) for n, b in reaches.items() if min(b) < max(b)}


def _into_band(row: list[str], node: str, target: int, band: dict[str, int]) -> list[str]:
    """``row`` with ``node`` moved into band ``target``, at the edge of that
    band that faces the band it leaves (the row's boxes stay in band order)."""
    rest = [n for n in row if n != node]
    if target > band[node]:
        at = next((i for i, n in enumerate(rest) if not _is_waypoint(n) and band[n] >= target), len(rest))
    else:
        at = next((i + 1 for i in range(len(rest) - 1, -1, -1)
                   if not _is_waypoint(rest[i]) and band[rest[i]] <= target), 0)
    return rest[:at] + [node] + rest[at:]


def _widest_tiers(ranking: Ranking) -> list[int]:
    """Per band, the most boxes any one tier has in it: more columns than
    that would stay empty."""
    counts: dict[tuple[int, int], int] = {}
    for n, t in ranking.tier.items():
        if t >= 2:
            counts[(t, ranking.band[n])] = counts.get((t, ranking.band[n]), 0) + 1
    return [max((c for (_, b), c in counts.items() if b == band), default=0) for band in range(ranking.bands)]


def _widen(start: tuple[int, ...], fitted: Callable[[list[int]], float], most: list[int], good: float) -> None:
    """Hill-climb from ``start``: give one band one column more or fewer
    while the fitted scale grows (every folding tried is kept by ``fitted``)."""
    current = list(start)
    scale = fitted(current)
    for _ in range(4 * len(current) + 8):
        moves = []
        for b, count in enumerate(current):
            for step in (1, -1):
                if 1 <= count + step <= most[b]:
                    moves.append(current[:b] + [count + step] + current[b + 1:])
        if not moves:
            return
        best = max(moves, key=fitted)
        if fitted(best) <= scale + 1e-9:
            return
        current, scale = best, fitted(best)


def _tangle(ranking: Ranking, layers: Layers, placement: Placement,
            sizes: dict[str, tuple[float, float]]) -> int:
    """Crossings of the lines as routed plus those of the lines drawn
    straight between the boxes: the page draws the first, and the second
    says how tangled the arrangement itself is, whatever the routing."""
    routes = route(layers, placement, sizes)
    boxes = {n: (placement.x[n], placement.y[n], *sizes[n]) for n in ranking.nodes}
    return (measure.crossings([(u, v, points) for (u, v), points in zip(ranking.edges, routes)])
            + measure.straight_crossings(boxes, ranking.edges))


def _extent(nodes: tuple[str, ...], placement: Placement,
            sizes: dict[str, tuple[float, float]]) -> tuple[float, float, float, float]:
    """Left, top, right and bottom of everything drawn (boxes and lanes)."""
    lanes = list(placement.lanes.values())
    left = min([placement.x[n] - sizes[n][0] / 2 for n in nodes] + lanes)
    right = max([placement.x[n] + sizes[n][0] / 2 for n in nodes] + lanes)
    top = min(placement.y[n] - sizes[n][1] / 2 for n in nodes)
    bottom = max(placement.y[n] + sizes[n][1] / 2 for n in nodes)
    return left, top, right, bottom


def _column_candidates(ranking: Ranking, sizes: dict[str, tuple[float, float]], em: float,
                       metrics: Metrics) -> list[list[int]]:
    """Columns per band worth trying, best estimated first.

    Row budgets for the claim tiers and for the evidence tier give each band
    the columns it needs to stay within them; the estimate of the fitted
    scale counts a channel's worth of room for lines beside each column.
    """
    bands = ranking.bands
    claim_tiers = sorted({t for n, t in ranking.tier.items() if ranking.kind[n] == "claim"})
    counts: dict[int, dict[int, int]] = {}
    for n, t in ranking.tier.items():
        if t >= 2:
            counts.setdefault(t, {}).setdefault(ranking.band[n], 0)
            counts[t][ranking.band[n]] += 1
    width_of = max((w for n, (w, _) in sizes.items() if ranking.tier[n] >= 2), default=100.0)
    height_of: dict[int, float] = {}
    for n, t in ranking.tier.items():
        height_of[t] = max(height_of.get(t, 0.0), sizes[n][1])
    lines_per_box = len(ranking.edges) / max(1, sum(1 for n in ranking.nodes if ranking.tier[n] >= 2))
    cell = width_of + BOX_GAP * em + lines_per_box * LINE_GAP * em * 1.5
    most = max((max(c.values()) for c in counts.values()), default=1)
    scored: list[tuple[float, list[int]]] = []
    seen: set[tuple[int, ...]] = set()
    for budget_claims in _budgets(most):
        for budget_evidence in _budgets(most):
            columns = [MIN_SIDE_COLUMNS if b % 2 == 0 else 0 for b in range(bands)]
            for t, per_band in counts.items():
                budget = budget_claims if t in claim_tiers else budget_evidence
                for b, count in per_band.items():
                    columns[b] = max(columns[b], math.ceil(count / budget))
            key = tuple(columns)
            if key in seen:
                continue
            seen.add(key)
            rows_total = 0.0
            for t in sorted(counts):
                depth = max(math.ceil(c / max(1, columns[b])) for b, c in counts[t].items())
                rows_total += depth * (height_of[t] + ROW_GAP * em) + (TIER_GAP - ROW_GAP) * em
            height = rows_total + sum(height_of.get(t, 0) + TIER_GAP * em for t in (0, 1))
            width = max(sum(columns) * cell + BAND_GAP * em * (bands - 1), sizes[ranking.question][0])
            scored.append((min(metrics.view_width / width, metrics.view_height / height), columns))
    scored.sort(key=lambda item: (-item[0], sum(item[1])))
    return [columns for _, columns in scored]


def _budgets(count: int) -> list[int]:
    """Row budgets worth trying for a tier of at most ``count`` boxes per
    band: every small number, then a geometric sweep, so large maps stay quick."""
    budgets = set(range(1, min(count, 12) + 1))
    step = 12.0
    while step < count:
        step *= 1.3
        budgets.add(min(count, math.ceil(step)))
    return sorted(budgets)
