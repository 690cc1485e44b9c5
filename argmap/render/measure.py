"""Measures of a drawn map: what a reader's eye trips over.

Used by the layout tests and ``benchmarks/layout.py`` alike, on boxes as
``(x, y, width, height)`` (centre and size) and lines as point lists.

- ``crossings``: pairs of lines that cross (lines sharing an end do not
  count), each pair counted once per crossing point;
- ``lines_through_boxes``: (line, box) pairs where the line enters a box
  that is not one of its ends;
- ``straight``: a line drawn straight from border to border of its ends.
"""

from __future__ import annotations

from collections.abc import Sequence

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


def crossings(lines: Sequence[tuple[str, str, Sequence[Point]]]) -> int:
    """How many times lines cross each other (lines sharing an end excluded)."""
    total = 0
    bounds = [_bounds(points) for _, _, points in lines]
    order = sorted(range(len(lines)), key=lambda i: bounds[i][0])
    for position, i in enumerate(order):
        a_from, a_to, a = lines[i]
        for j in order[position + 1:]:
            if bounds[j][0] > bounds[i][2]:
                break
            b_from, b_to, b = lines[j]
            if {a_from, a_to} & {b_from, b_to}:
                continue
            if bounds[j][1] > bounds[i][3] or bounds[j][3] < bounds[i][1]:
                continue
            for p, q in zip(a, a[1:]):
                for r, s in zip(b, b[1:]):
                    if _segments_cross(p, q, r, s):
                        total += 1
    return total


def _segment_enters(p: Point, q: Point, box: Rect, inset: float) -> bool:
    """Whether segment pq passes through the box shrunk by ``inset`` on each side
    (Liang-Barsky clipping)."""
    x, y, w, h = box
    left, right = x - w / 2 + inset, x + w / 2 - inset
    top, bottom = y - h / 2 + inset, y + h / 2 - inset
    t0, t1 = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for edge_p, edge_q in ((-dx, p[0] - left), (dx, right - p[0]), (-dy, p[1] - top), (dy, bottom - p[1])):
        if edge_p == 0:
            if edge_q < 0:
                return False
            continue
        t = edge_q / edge_p
        if edge_p < 0:
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
