"""Measures of a drawn map: what a reader's eye trips over.

Used by the layout tests and ``benchmarks/layout.py`` alike, on boxes as
``(x, y, width, height)`` (centre and size) and lines as point lists.

- ``crossings``: pairs of lines that cross (lines sharing an end do not
  count), each pair counted once per crossing point;
- ``lines_through_boxes``: (line, box) pairs where the line enters a box
  that is not one of its ends;
- ``straight``: a line drawn straight from border to border of its ends;
- ``straight_crossings``: crossings of every line drawn straight, quick
  enough for a layout to test many placements with it;
- ``lines_along``: pairs of lines running on top of each other.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

Point = tuple[float, float]
Rect = tuple[float, float, float, float]  # centre x, centre y, width, height


def straight(source: Rect, target: Rect) -> list[Point]:
    """The straight line between two boxes' centres, cut at their borders."""
    (ax, ay), (bx, by) = source[:2], target[:2]
    return [_border(source, bx, by), _border(target, ax, ay)]


def _border(box: Rect, towards_x: float, towards_y: float) -> Point:
    x, y, w, h = box
    dx, dy = towards_x - x, towards_y - y
    if dx == 0 and dy == 0:
        return (x, y)
    t = min(w / 2 / abs(dx) if dx else float("inf"), h / 2 / abs(dy) if dy else float("inf"))
    return (x + dx * t, y + dy * t)


def straight_crossings(boxes: dict[str, Rect], edges: Sequence[tuple[str, str]]) -> int:
    """``crossings`` of the lines drawn ``straight`` between their ends:
    every pair compared once, after a bounding-box test, which for a few
    hundred lines is quicker than bucketing them."""
    return crossings_with([segment(u, v, *straight(boxes[u], boxes[v])) for u, v in edges], [])


# A straight segment as ``segment`` gives it: bounds first, for quick rejection.
Segment = tuple[float, float, float, float, str, str, Point, Point]


def segment(source: str, target: str, p: Point, q: Point) -> Segment:
    """The segment pq of a line from ``source`` to ``target``, for ``crossings_with``."""
    return (min(p[0], q[0]), max(p[0], q[0]), min(p[1], q[1]), max(p[1], q[1]), source, target, p, q)


def crossings_with(mine: Sequence[Segment], others: Sequence[Segment], limit: int | None = None) -> int:
    """Crossings of segments among ``mine`` and between ``mine`` and
    ``others`` (not among ``others``), so that a layout moving a few boxes
    recounts only their lines. Segments sharing an end do not count.
    With a ``limit``, counting stops there (the count returned is at most
    ``limit``), for a caller that only asks whether there are fewer."""
    if limit is not None and limit <= 0:
        return 0
    total = 0
    for i, (x0, x1, y0, y1, a, b, (px, py), (qx, qy)) in enumerate(mine):
        dx, dy = qx - px, qy - py
        for group in (mine[i + 1:], others):
            for u0, u1, v0, v1, c, d, (rx, ry), (tx, ty) in group:
                if u0 > x1 or u1 < x0 or v0 > y1 or v1 < y0 or c == a or c == b or d == a or d == b:
                    continue
                # _segments_cross, inlined: this loop is a layout's hot spot.
                ex, ey = tx - rx, ty - ry
                d1 = ex * (py - ry) - ey * (px - rx)
                d2 = ex * (qy - ry) - ey * (qx - rx)
                if not ((d1 > 1e-9 and d2 < -1e-9) or (d1 < -1e-9 and d2 > 1e-9)):
                    continue
                d3 = dx * (ry - py) - dy * (rx - px)
                d4 = dx * (ty - py) - dy * (tx - px)
                if (d3 > 1e-9 and d4 < -1e-9) or (d3 < -1e-9 and d4 > 1e-9):
                    total += 1
                    if total == limit:
                        return total
    return total


def _segments_cross(p: Point, q: Point, r: Point, s: Point) -> bool:
    """Proper crossing of segments pq and rs (touching ends do not count)."""
    def side(a: Point, b: Point, c: Point) -> float:
        return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])

    d1, d2 = side(r, s, p), side(r, s, q)
    d3, d4 = side(p, q, r), side(p, q, s)
    return ((d1 > 1e-9 and d2 < -1e-9) or (d1 < -1e-9 and d2 > 1e-9)) and (
        (d3 > 1e-9 and d4 < -1e-9) or (d3 < -1e-9 and d4 > 1e-9))


def _bounds(points: Sequence[Point]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def crossings(lines: Sequence[tuple[str, str, Sequence[Point]]], cell: float = 120.0) -> int:
    """How many times lines cross each other (lines sharing an end excluded).

    Segments are bucketed in a grid of ``cell`` units, so only segments near
    each other are compared. A crossing is counted in one cell: the cell of
    its point, clamped into the cells both segments were filed in, because a
    point worked out in floating point can land a hair outside a cell edge
    that a level or upright segment lies exactly on.
    """
    grid: dict[tuple[int, int], list[tuple[int, Point, Point, tuple[int, int, int, int]]]] = {}
    for index, (_, _, points) in enumerate(lines):
        for p, q in zip(points, points[1:]):
            x0, x1 = sorted((p[0], q[0]))
            y0, y1 = sorted((p[1], q[1]))
            span = (int(x0 // cell), int(x1 // cell), int(y0 // cell), int(y1 // cell))
            for gx in range(span[0], span[1] + 1):
                for gy in range(span[2], span[3] + 1):
                    grid.setdefault((gx, gy), []).append((index, p, q, span))
    ends = [{a, b} for a, b, _ in lines]
    total = 0
    for (gx, gy), segments in grid.items():
        for k, (i, p, q, mine) in enumerate(segments):
            for j, r, t, theirs in segments[k + 1:]:
                if i == j or ends[i] & ends[j]:
                    continue
                point = _crossing_point(p, q, r, t)
                if point is None:
                    continue
                cx = min(max(int(point[0] // cell), mine[0], theirs[0]), mine[1], theirs[1])
                cy = min(max(int(point[1] // cell), mine[2], theirs[2]), mine[3], theirs[3])
                if (cx, cy) == (gx, gy):
                    total += 1
    return total


def _crossing_point(p: Point, q: Point, r: Point, s: Point) -> Point | None:
    """Where segments pq and rs cross properly (touching ends do not count)."""
    if not _segments_cross(p, q, r, s):
        return None
    dx1, dy1 = q[0] - p[0], q[1] - p[1]
    dx2, dy2 = s[0] - r[0], s[1] - r[1]
    denominator = dx1 * dy2 - dy1 * dx2
    t = ((r[0] - p[0]) * dy2 - (r[1] - p[1]) * dx2) / denominator
    return (p[0] + t * dx1, p[1] + t * dy1)


def _segment_enters(p: Point, q: Point, box: Rect, inset: float) -> bool:
    """Whether segment pq passes through the box shrunk by ``inset`` on each side."""
    x, y, w, h = box
    return segment_meets_rect(p, q, (x - w / 2 + inset, y - h / 2 + inset, x + w / 2 - inset, y + h / 2 - inset))


def segment_meets_rect(p: Point, q: Point, rect: tuple[float, float, float, float]) -> bool:
    """Whether segment pq meets the rectangle ``(x0, y0, x1, y1)``
    (Liang-Barsky clipping); shared by the router and the measures so both
    judge "through a box" alike."""
    x0, y0, x1, y1 = rect
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for edge, distance in ((-dx, p[0] - x0), (dx, x1 - p[0]), (-dy, p[1] - y0), (dy, y1 - p[1])):
        if edge == 0:
            if distance < 0:
                return False
            continue
        t = distance / edge
        if edge < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 > t1:
            return False
    return True


def lines_through_boxes(boxes: dict[str, Rect], lines: Sequence[tuple[str, str, Sequence[Point]]],
                        inset: float = 1.0) -> list[tuple[int, str]]:
    """(line index, box id) for every line that enters a box not one of its
    ends; ``inset`` forgives grazing a border by a unit."""
    found = []
    items = list(boxes.items())
    for index, (source, target, points) in enumerate(lines):
        lx0, ly0, lx1, ly1 = _bounds(points)
        for node, box in items:
            if node in (source, target):
                continue
            x, y, w, h = box
            if x + w / 2 < lx0 or x - w / 2 > lx1 or y + h / 2 < ly0 or y - h / 2 > ly1:
                continue
            if any(_segment_enters(p, q, box, inset) for p, q in zip(points, points[1:])):
                found.append((index, node))
    return found


def lines_along(lines: Sequence[tuple[str, str, Sequence[Point]]], near: float = 3.0) -> list[tuple[str, str, str, str]]:
    """Pairs of lines sharing no end whose level or upright runs lie on top
    of each other (nearer than ``near``, overlapping by more than a unit):
    a reader cannot tell such lines apart. Each pair once per pair of runs."""
    runs = []
    for u, v, points in lines:
        for (ax, ay), (bx, by) in zip(points, points[1:]):
            if ay == by:
                runs.append((u, v, "level", ay, min(ax, bx), max(ax, bx)))
            elif ax == bx:
                runs.append((u, v, "upright", ax, min(ay, by), max(ay, by)))
    found = []
    for (u, v, kind, at, lo, hi), (s, t, kind2, at2, lo2, hi2) in combinations(runs, 2):
        if kind == kind2 and not {u, v} & {s, t} and abs(at - at2) < near and min(hi, hi2) - max(lo, lo2) > 1:
            found.append((u, v, s, t))
    return found
