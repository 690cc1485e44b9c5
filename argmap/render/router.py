"""The line router: each line threaded through the gaps between boxes,
row by row, crossing the other lines as little as the boxes allow.

Once ``layout.place`` has put the boxes in rows, a line from a lower box
to an upper one passes every row between them, and in each it must run
through a gap between two boxes (or past the row's ends). Between two rows
lies a corridor that holds no box; there the lines run straight from where
they leave the row below to where they enter the row above. Two lines then
cross in a corridor exactly when their left-to-right order at its bottom
differs from their order at its top, and nowhere else (inside a row every
line runs upright). Routing is therefore a choice, per line and row, of a
place in the row's order, as in Sugiyama's crossing minimisation, with the
boxes fixed and each place confined to a gap:

1. every line starts where the straight line between its ports meets each
   row, moved to the nearest gap;
2. each line that crosses another in turn takes, of every path of
   places through its rows (one between each two neighbours in every gap
   with room), the one whose corridors cross least, the straightest on a
   tie: dynamic programming, row by row, with each corridor's count for
   every pair of places read from two sorted lists;
3. lines sharing a gap are spread a track apart, in their order, as near
   as they can stay to where they were;
4. where a corridor is high enough, lines cross it on level tracks of
   their own (``steps``), so that lines running side by side stay apart.

The ports (where a line meets its boxes) are spread along the border in
the order of where the lines go next, so lines at one box fan out without
crossing each other.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

Point = tuple[float, float]
Rect = tuple[float, float, float, float]  # x0, y0, x1, y1

# How near a line may pass a box it does not end at, in map units.
CLEARANCE = 3.0
# Between two lines side by side in a gap (lines that share a box may share a track).
TRACK_GAP = 4.0
# Rounds of moving each line to its best place, row by row.
ROUNDS = 2
# Between a level track and the rows above and below it, in map units.
MARGIN = 2.5
# A crossing outweighs this much sideways travel, in map units.
CROSSING_COST = 400.0


@dataclass(frozen=True)
class Row:
    """One row of boxes across the map: its top and bottom, and the free
    stretches between its boxes (each box widened by the clearance),
    left to right."""

    top: float
    bottom: float
    gaps: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Job:
    """One line to route: its ends' rows (``low`` below ``high``, rows
    counted from the top), the ends' borders (y of the lower box's top and
    the upper box's bottom) and its ports' x."""

    source: str
    target: str
    low: int
    high: int
    start: Point
    end: Point


def rows_of(boxes: dict[str, Rect], row_index: dict[str, int], spans: list[tuple[float, float]],
            left: float, right: float) -> list[Row]:
    """The rows (``spans``: top and bottom of each, top first), with the
    gaps the boxes in them leave between ``left`` and ``right``."""
    members: list[list[Rect]] = [[] for _ in spans]
    for n, rect in boxes.items():
        members[row_index[n]].append(rect)
    rows = []
    for (top, bottom), rects in zip(spans, members):
        rects.sort()
        gaps, cursor = [], left
        for x0, _, x1, _ in rects:
            if x0 - CLEARANCE > cursor + 1:
                gaps.append((cursor, x0 - CLEARANCE))
            cursor = max(cursor, x1 + CLEARANCE)
        if right > cursor + 1:
            gaps.append((cursor, right))
        rows.append(Row(top, bottom, tuple(gaps)))
    return rows


def thread(rows: list[Row], jobs: list[Job], rounds: int = ROUNDS) -> list[dict[int, float]]:
    """Per line, its x in every row from its lower end's (the port) to its
    upper end's (steps 1-3 above)."""
    at: list[dict[int, float]] = [{job.low: job.start[0], job.high: job.end[0]} for job in jobs]
    # passing[k]: lines that pass row k; members[c]: lines in the corridor
    # between rows c and c + 1.
    passing: list[list[int]] = [[] for _ in rows]
    members: list[list[int]] = [[] for _ in rows]
    for i, job in enumerate(jobs):
        for k in range(job.high + 1, job.low):
            passing[k].append(i)
        for c in range(job.high, job.low):
            members[c].append(i)
    shares = [{job.source, job.target} for job in jobs]
    targets = [job.target for job in jobs]
    for k, row in enumerate(rows):
        # Where the straight line between the ports meets the row, moved to
        # the nearest gap with room.
        wanted = {}
        for i in passing[k]:
            (px, py), (qx, qy) = jobs[i].start, jobs[i].end
            share = (py - (row.top + row.bottom) / 2) / (py - qy)
            wanted[i] = px + (qx - px) * share
        held: list[set[str]] = [set() for _ in row.gaps]
        for i in sorted(passing[k], key=lambda i: (wanted[i], i)):
            fits = [g for g, (a, b) in enumerate(row.gaps) if _room(a, b, held[g] | {targets[i]})]
            g = min(fits or range(len(row.gaps)), key=lambda g: abs(_clamp(wanted[i], *row.gaps[g]) - wanted[i]))
            held[g].add(targets[i])
            at[i][k] = _clamp(wanted[i], *row.gaps[g])
        _spread(row, passing[k], at, k, targets)

    def pairs(i: int, c: int) -> list[tuple[float, float]]:
        """(top, bottom) in corridor c of each line there that line i may cross."""
        mine = shares[i]
        return [(at[j][c], at[j][c + 1]) for j in members[c] if j != i and not mine & shares[j]]

    def crossings_of(i: int) -> int:
        job = jobs[i]
        count = 0
        for c in range(job.high, job.low):
            t, b = at[i][c], at[i][c + 1]
            count += sum(1 for tj, bj in pairs(i, c) if (tj - t) * (bj - b) < 0)
        return count

    def options(i: int, k: int) -> list[float]:
        """Places for line i in row k: its own, and one between every two
        neighbours in each gap with room for it."""
        straight = (at[i][k - 1] + at[i][k + 1]) / 2
        found = {at[i][k]}
        for a, b in rows[k].gaps:
            inside = [j for j in passing[k] if j != i and a - 1e-6 <= at[j][k] <= b + 1e-6]
            if not _room(a, b, {targets[j] for j in inside} | {targets[i]}):
                continue
            edges = [a, *sorted(at[j][k] for j in inside), b]
            for lo, hi in zip(edges, edges[1:]):
                if hi > lo:
                    found.add(min(max(straight, lo + (hi - lo) * 0.25), hi - (hi - lo) * 0.25))
        return sorted(found)

    def whole(i: int) -> bool:
        """Line i moved through all the rows it passes at once: of every
        path of places (one per row), the one that crosses least, the straightest on a tie (dynamic
        programming, bottom row first)."""
        job = jobs[i]
        passes = list(range(job.low - 1, job.high, -1))
        choices = [[job.start[0]], *(options(i, k) for k in passes), [job.end[0]]]
        costs = [0.0]
        paths: list[list[float]] = [[job.start[0]]]
        for step, c in enumerate(range(job.low - 1, job.high - 1, -1), start=1):
            bottoms, tops = choices[step - 1], choices[step]
            lines = sorted(pairs(i, c), key=lambda pair: pair[1])
            below = [bj for _, bj in lines]
            table = []
            for b in bottoms:
                left = sorted(tj for tj, _ in lines[:bisect_left(below, b)])
                right = sorted(tj for tj, _ in lines[bisect_right(below, b):])
                crossed = len(left)
                table.append([(crossed - bisect_right(left, t) + bisect_left(right, t)) * CROSSING_COST
                              + abs(t - b) for t in tops])
            new_costs, new_paths = [], []
            for n, t in enumerate(tops):
                values = [costs[m] + table[m][n] for m in range(len(bottoms))]
                m = values.index(min(values))
                new_costs.append(values[m])
                new_paths.append([*paths[m], t])
            costs, paths = new_costs, new_paths
        total, path = costs[0], paths[0]
        current = crossings_of(i) * CROSSING_COST + sum(abs(at[i][c] - at[i][c + 1]) for c in range(job.high, job.low))
        if total >= current - 1e-6:
            return False
        for k, x in zip(passes, path[1:-1]):
            at[i][k] = x
            _spread(rows[k], passing[k], at, k, targets)
        return True

    for _ in range(rounds):
        moved = False
        for i, job in enumerate(jobs):
            if job.low - job.high > 1 and crossings_of(i):
                moved = whole(i) or moved
        if not moved:
            break
    return at


def _clamp(x: float, a: float, b: float) -> float:
    return min(max(x, a), b)


def _room(a: float, b: float, targets: set[str]) -> bool:
    """Whether the gap from a to b holds a track for each target (lines to
    one box share a track: they run together to the same place)."""
    return (len(targets) - 1) * TRACK_GAP <= b - a


def _spread(row: Row, lines: list[int], at: list[dict[int, float]], k: int, targets: list[str]) -> None:
    """Lines in each gap a track apart (neighbours bound for the same box
    share one), in their order, centred on where they were, within the gap."""
    for a, b in row.gaps:
        inside = sorted((i for i in lines if a - 1e-6 <= at[i][k] <= b + 1e-6), key=lambda i: (at[i][k], i))
        if not inside:
            continue
        tracks: list[list[int]] = []
        for i in inside:
            if tracks and targets[tracks[-1][0]] == targets[i]:
                tracks[-1].append(i)
            else:
                tracks.append([i])
        step = TRACK_GAP if len(tracks) < 2 else min(TRACK_GAP, (b - a) / (len(tracks) - 1))
        wanted = [sum(at[i][k] for i in t) / len(t) for t in tracks]
        span = step * (len(tracks) - 1)
        start = _clamp(sum(wanted) / len(wanted) - span / 2, a, b - span)
        for n, track in enumerate(tracks):
            for i in track:
                at[i][k] = start + n * step


def steps(rows: list[Row], jobs: list[Job], at: list[dict[int, float]]) -> dict[tuple[int, int], float]:
    """Level tracks across the corridors, so that lines running the same
    way side by side stay apart instead of lying on top of each other:
    ``(i, c)`` -> the y at which line i runs level across corridor c
    (between rows c and c + 1); a line without one runs straight across.

    A line crossing a corridor runs up, level along a track, and up again;
    two such lines cross exactly when their straight versions would (once
    where their spans overlap and their order changes), provided that of
    two lines heading the same way whose spans overlap, the one that sets
    off further back runs on the higher track. Tracks go at least a
    ``TRACK_GAP`` apart; a corridor too low for its tracks keeps its lines
    straight.
    """
    members: list[list[int]] = [[] for _ in rows]
    for i, job in enumerate(jobs):
        for c in range(job.high, job.low):
            members[c].append(i)
    targets = [job.target for job in jobs]
    found: dict[tuple[int, int], float] = {}
    for c in range(len(rows) - 1):
        moves = [(i, at[i][c + 1], at[i][c]) for i in members[c] if abs(at[i][c] - at[i][c + 1]) >= 1.0]
        track = _tracks(moves, targets)
        if not track:
            continue
        count = 1 + max(track.values())
        height = rows[c + 1].top - rows[c].bottom - 2 * MARGIN
        if (count - 1) * TRACK_GAP > height:
            continue
        step = min(2 * TRACK_GAP, height / (count - 1)) if count > 1 else 0.0
        first = rows[c].bottom + MARGIN + (height - step * (count - 1)) / 2
        for i, n in track.items():
            found[(i, c)] = first + n * step
    return found


def _tracks(moves: list[tuple[int, float, float]], targets: list[str]) -> dict[int, int] | None:
    """Track numbers (0 the highest) for lines moving from x ``b`` below to
    ``t`` above, or None when no numbering keeps them apart.

    Lines whose spans overlap get different tracks (lines to one box may
    share). A line goes higher than another when both head the same way
    and it sets off further back (so they cross only if their straight
    versions do), and when it arrives where the other sets off (so the
    upright bits of the two do not lie on top of each other).
    """
    reach = TRACK_GAP / 2
    spans = {i: (min(b, t) - reach, max(b, t) + reach) for i, b, t in moves}
    above: dict[int, set[int]] = {i: set() for i, _, _ in moves}  # above[j]: lines that must run higher than j
    for i, bi, ti in moves:
        for j, bj, tj in moves:
            if i == j or targets[i] == targets[j]:
                continue
            (ilo, ihi), (jlo, jhi) = spans[i], spans[j]
            overlap = ilo < jhi and jlo < ihi
            if overlap and (ti > bi) == (tj > bj) and ((bi < bj) if ti > bi else (bi > bj)):
                above[j].add(i)
            elif abs(ti - bj) < TRACK_GAP:
                above[j].add(i)
    track: dict[int, int] = {}
    waiting = sorted(above, key=lambda i: abs(spans[i][1] - spans[i][0]))
    while waiting:
        ready = next((i for i in waiting if above[i] <= track.keys()), None)
        if ready is None:
            return None  # the rules contradict each other here
        waiting.remove(ready)
        lo, hi = spans[ready]
        n = max((track[j] + 1 for j in above[ready]), default=0)
        taken = {track[j] for j in track if targets[j] != targets[ready] and spans[j][0] < hi and lo < spans[j][1]}
        while n in taken:
            n += 1
        track[ready] = n
    return track


def polylines(rows: list[Row], jobs: list[Job], at: list[dict[int, float]],
              track: dict[tuple[int, int], float]) -> list[list[Point]]:
    """Each line as points: up from its lower port to its row's top, then
    through each row it passes upright at its place, across each corridor
    straight or along its track, and into its upper port."""
    lines = []
    for i, job in enumerate(jobs):
        (px, py), (qx, qy) = job.start, job.end
        points = [(px, py)]
        for c in range(job.low - 1, job.high - 1, -1):
            b, t = at[i][c + 1], at[i][c]
            points.append((b, rows[c + 1].top))
            if (i, c) in track:
                points += [(b, track[(i, c)]), (t, track[(i, c)])]
            points.append((t, rows[c].bottom))
        points.append((qx, qy))
        lines.append(points)
    return lines
