"""The map's layout: pure phases from the graph to boxes and lines.

A student reads a map top-down like an essay: the question, its sides side by
side, the claims under them, each evidence item under the claims it serves.
No box sits on another, no line runs behind a box it does not belong to, and
every label is drawn whole.
"""

from __future__ import annotations

import sys
from itertools import combinations
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis import questions
from argmap.corpus import load_corpus
from argmap.graph import build_graph
from argmap.labels import FONT_SIZE, MARGIN, node_label, text_width
from argmap.render import layout as L
from argmap.render import measure, router
from argmap.render.style import THEMES

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))  # the benchmarks' held-out corpus and dot layout


def graph_of(root: Path):
    result = load_corpus(root)
    assert not result.errors, result.errors
    return build_graph(result.corpus)


@pytest.fixture(scope="module")
def course():
    g = graph_of(ROOT)
    return g, questions(g)


def rects(m: L.MapLayout) -> dict[str, tuple[float, float, float, float]]:
    return {b.id: (b.x, b.y, b.width, b.height) for b in m.boxes.values()}


def polylines(m: L.MapLayout):
    return [(line.source, line.target, line.points) for line in m.lines]


def assert_reads_top_down(g, question, theme="default") -> L.MapLayout:
    m = L.map_layout(g, question, theme)
    assert set(m.boxes) == set(L.map_nodes(g, question))
    box = m.boxes
    sides = g.nodes[question]["sides"]
    assert len({box[s].y for s in sides}) == 1, "sides sit in one row"
    side_y = box[sides[0]].y
    assert box[question].y < side_y, "the question is above its sides"
    xs = [box[s].x for s in sides]
    assert xs == sorted(xs) and len(set(xs)) == len(xs), "sides run left to right in their order"
    for b in box.values():
        if b.kind in ("claim", "evidence"):
            assert b.y > side_y, f"{b.id} is under the sides"
    for u, v, _ in polylines(m):
        assert box[u].y > box[v].y, f"{u} sits below {v}, which it argues about"
    for a, b in combinations(box.values(), 2):
        overlap = abs(a.x - b.x) < (a.width + b.width) / 2 and abs(a.y - b.y) < (a.height + b.height) / 2
        assert not overlap, f"{a.id} and {b.id} overlap"
    return m


def test_mini_map_reads_from_question_to_evidence():
    g = graph_of(FIXTURES / "mini")
    m = assert_reads_top_down(g, "collective-security-aim")
    box = m.boxes
    agree, disagree = "collective-security-aim/agree", "collective-security-aim/disagree"
    for claim, side, other in [("security-genuine", agree, disagree), ("pact-last-resort", agree, disagree),
                               ("german-deal", disagree, agree)]:
        assert abs(box[claim].x - box[side].x) < abs(box[claim].x - box[other].x)


@pytest.mark.parametrize("theme", THEMES)
def test_every_course_map_reads_top_down_without_overlaps(course, theme):
    g, qs = course
    for q in qs:
        assert_reads_top_down(g, q, theme)


@pytest.mark.parametrize("theme", THEMES)
def test_no_line_passes_through_a_box_it_does_not_end_at(course, theme):
    g, qs = course
    for q in qs:
        m = L.map_layout(g, q, theme)
        found = measure.lines_through_boxes(rects(m), polylines(m), inset=0.0)
        assert not found, f"{q}: {[(m.lines[i].source, m.lines[i].target, box) for i, box in found]}"


@pytest.mark.parametrize("theme", THEMES)
def test_lines_run_from_border_to_border(course, theme):
    g, qs = course
    for q in qs:
        m = L.map_layout(g, q, theme)
        for line in m.lines:
            start, end = line.points[0], line.points[-1]
            lower, upper = m.boxes[line.source], m.boxes[line.target]
            assert start[1] == pytest.approx(lower.y - lower.height / 2, abs=0.2)
            assert abs(start[0] - lower.x) <= lower.width / 2
            assert end[1] == pytest.approx(upper.y + upper.height / 2, abs=0.2)
            assert abs(end[0] - upper.x) <= upper.width / 2


def test_lines_through_boxes_of_a_generated_map_are_none(tmp_path):
    """A 200-node map, too big to check by eye: still no line behind a box."""
    from pages import load_graph, synthetic_map  # a benchmark script

    q = synthetic_map(200, tmp_path)
    m = L.map_layout(load_graph(tmp_path), q)
    assert not measure.lines_through_boxes(rects(m), polylines(m), inset=0.0)


def test_order_cuts_crossings_on_every_course_map(course):
    g, qs = course
    before = after = 0
    for q in qs:
        layers = L.tiers(L.rank(g, q))
        ordered = L.order(layers)
        assert L.crossings(ordered) <= L.crossings(layers), q
        before += L.crossings(layers)
        after += L.crossings(ordered)
    assert after <= 0.6 * before, f"ordering cut crossings only from {before} to {after}"


def ordered(g, q: str) -> tuple[L.Ranking, dict[str, tuple[float, float]], L.Layers]:
    """A course map's ranking, its boxes' sizes (default theme) and its rows
    as the order phase leaves them: where the later phases start."""
    ranking = L.rank(g, q)
    sizes = {n: (label.width, label.height) for n in ranking.nodes for label in [node_label(g, n)]}
    return ranking, sizes, L.order(L.tiers(ranking), restarts=L.RESTARTS)


def straight_crossings(m: L.MapLayout) -> int:
    return measure.straight_crossings(rects(m), [(line.source, line.target) for line in m.lines])


def test_straight_crossings_count_as_measure_crossings_does(course):
    g, qs = course
    for q in qs[:3]:
        m = L.map_layout(g, q)
        r = rects(m)
        lines = [(line.source, line.target, measure.straight(r[line.source], r[line.target])) for line in m.lines]
        assert straight_crossings(m) == measure.crossings(lines)


def test_a_crossing_on_a_grid_edge_is_counted_once():
    """A level line meeting an upright one that lies exactly on a grid edge
    (x = 120 with the default cell) is one crossing; rounding put its point a
    hair outside the upright line's cell, and it went uncounted."""
    lines = [("a", "b", [(10.0, 74.0), (160.0, 74.0)]), ("c", "d", [(120.0, 120.0), (120.0, 66.0)])]
    assert measure.crossings(lines) == 1


def _brute_crossings(lines) -> int:
    """Every pair of segments of lines with no shared end, compared directly."""
    total = 0
    for (a, b, p), (c, d, q) in combinations(lines, 2):
        if {a, b} & {c, d}:
            continue
        for s in zip(p, p[1:]):
            for t in zip(q, q[1:]):
                total += measure._crossing_point(*s, *t) is not None
    return total


_grid_coord = st.integers(0, 36).map(lambda k: 5.0 * k)  # on and between the edges of the default grid
_polyline = st.lists(st.tuples(_grid_coord, _grid_coord), min_size=2, max_size=5)


@settings(max_examples=200, deadline=None)
@given(st.lists(_polyline, min_size=2, max_size=6))
def test_grid_count_of_crossings_equals_the_pairwise_count(paths):
    """Bucketing segments in a grid is only a speed-up: it counts what
    comparing every pair counts, for lines on and across the grid's edges."""
    lines = [(f"s{i}", f"t{i}", path) for i, path in enumerate(paths)]
    assert measure.crossings(lines) == _brute_crossings(lines)


def test_refine_cuts_crossings_of_the_placed_map_and_keeps_the_type(course):
    """The refine pass judges swaps and band moves on the placed map. On no
    map may it add crossings, move a box out of its row, out of band order
    or into a band it does not argue about, move a side's own claim out of
    its band, or shrink the type below its floor; over the course it must
    cut at least a tenth of the straight crossings (a pass that never found
    a move would keep all of them; the order phase, blind to folded rows
    and long lines, leaves about a fifth to cut)."""
    g, qs = course
    before = after = 0
    em = FONT_SIZE["default"]["claim"]
    metrics = L.METRICS["default"]
    for q in qs:
        ranking, sizes, layers = ordered(g, q)
        columns = L._column_candidates(ranking, sizes, em, metrics)[0]
        placement = L.place(layers, sizes, em, columns)
        left, top, right, bottom = L._extent(ranking.nodes, placement, sizes)
        fit = min(metrics.view_width / (right - left), metrics.view_height / (bottom - top))
        refined, where, new_fit = L.refine(ranking, layers, placement, sizes, em, columns, metrics, fit)

        def count(at: L.Placement) -> int:
            return measure.straight_crossings({n: (at.x[n], at.y[n], *sizes[n]) for n in ranking.nodes},
                                              ranking.edges)

        assert count(where) <= count(placement), q
        assert new_fit >= fit - 1e-9, q
        for old_row, new_row in zip(layers.rows, refined.rows):
            assert sorted(old_row) == sorted(new_row), q
            boxes = [n for n in new_row if not L._is_waypoint(n)]
            assert [refined.band[n] for n in boxes] == sorted(refined.band[n] for n in boxes), q
        listed = {c for s in g.nodes[q]["sides"] for c in g.nodes[s]["claims"]}
        for n in ranking.nodes:
            if refined.band[n] != layers.band[n]:
                assert ranking.kind[n] == "evidence" and n not in listed, (q, n)
                reached = [ranking.band[v] for u, v in ranking.edges if u == n]
                assert min(reached) <= refined.band[n] <= max(reached), (q, n)
        before += count(placement)
        after += count(where)
    assert after <= 0.9 * before, f"refining cut straight crossings only from {before} to {after}"


def test_into_band_moves_one_box_to_the_near_edge_of_its_new_band():
    w = "\0" "1:3"  # a waypoint: line 1 passing tier 3
    band = {"a": 0, "b": 0, "m": 1, "c": 2, "d": 2, w: 0}
    row = ["a", "b", w, "m", "c", "d"]
    right = L._into_band(row, "m", 2, band)
    assert right == ["a", "b", w, "m", "c", "d"]  # first in band 2: already at that edge
    left = L._into_band(row, "m", 0, band)
    assert left == ["a", "b", "m", w, "c", "d"]  # just after the last box of band 0
    across = L._into_band(row, "a", 2, band)
    assert across == ["b", w, "m", "a", "c", "d"]
    for moved, node, to in [(right, "m", 2), (left, "m", 0), (across, "a", 2)]:
        bands = [{**band, node: to}[n] for n in moved if not L._is_waypoint(n)]
        assert bands == sorted(bands) and sorted(moved) == sorted(row)


def test_free_bands_are_the_span_of_what_evidence_argues_about(course):
    g, qs = course
    for q in qs:
        ranking = L.rank(g, q)
        free = L._free_bands(ranking)
        for n in ranking.nodes:
            reached = sorted({ranking.band[v] for u, v in ranking.edges if u == n})
            if ranking.kind[n] == "evidence" and len(reached) > 1:
                assert list(free[n]) == list(range(reached[0], reached[-1] + 1)), (q, n)
                assert ranking.band[n] in free[n], (q, n)
            else:
                assert n not in free, (q, n)


def test_transpose_never_adds_crossings_or_mixes_bands(course):
    g, qs = course
    for q in qs:
        layers = L.tiers(L.rank(g, q))
        up, down = layers.neighbours()
        start = L.crossings(layers, up)
        L._transpose(layers, up, down, 4)
        assert L.crossings(layers, up) <= start, q
        for row in layers.rows:
            bands = [layers.band[n] for n in row if not L._is_waypoint(n)]
            assert bands == sorted(bands), q


def test_maps_that_can_show_readable_type_do(course):
    """Past the type a reader needs, fewer crossings win; below it, larger
    type does: a laptop map is never drawn smaller than readable when a
    folding of its order shows it readable, nor smaller than the largest
    folding shows it when none does."""
    g, qs = course
    em = FONT_SIZE["default"]["claim"]
    metrics = L.METRICS["default"]
    for q in qs:
        ranking, sizes, layers = ordered(g, q)
        best = 0.0
        for columns in L._column_candidates(ranking, sizes, em, metrics)[:L.CANDIDATES]:
            placement = L.place(layers, sizes, em, columns)
            left, top, right, bottom = L._extent(ranking.nodes, placement, sizes)
            best = max(best, min(metrics.view_width / (right - left), metrics.view_height / (bottom - top)))
        m = L.map_layout(g, q)
        assert m.scale * em >= min(best * em, metrics.readable_px) - 1e-6, q


def dot_straight_crossings(m: L.MapLayout) -> int:
    """Crossings of the lines drawn straight between the boxes as Graphviz
    dot places the same boxes and lines (as ``benchmarks/layout.py`` has
    dot lay them out)."""
    from layout import dot_boxes, dot_graph  # the benchmark script

    return measure.straight_crossings(dot_boxes(dot_graph(m)), [(line.source, line.target) for line in m.lines])


@pytest.fixture(scope="module")
def heldout(tmp_path_factory):
    """The benchmark's held-out corpus: maps shaped like the course's that
    the layout was never tuned on."""
    from heldout import heldout_corpus  # a benchmark script

    folder = tmp_path_factory.mktemp("heldout")
    heldout_corpus(folder)
    g = graph_of(folder)
    return g, questions(g)


@pytest.mark.parametrize("corpus", ["course", "heldout"])
def test_crossings_are_within_one_and_a_half_times_dots(corpus, request):
    """Issue 9: on the course maps and on the held-out maps, lines drawn
    straight from border to border cross at most 1.5 times as often as in
    Graphviz dot's layout of the same boxes and lines, and the lines as
    drawn cross no more than that (pygraphviz: a benchmark extra)."""
    pytest.importorskip("pygraphviz")
    g, qs = request.getfixturevalue(corpus)
    ours = drawn = theirs = 0
    for q in qs:
        m = L.map_layout(g, q)
        ours += straight_crossings(m)
        drawn += measure.crossings(polylines(m))
        theirs += dot_straight_crossings(m)
    assert ours <= 1.5 * theirs, f"argmap {ours} against dot {theirs}"
    assert drawn <= 1.5 * theirs, f"argmap's lines as drawn {drawn} against dot {theirs}"


def test_no_two_lines_run_on_top_of_each_other(course):
    """Lines that share no box never run along each other: rerouted lines
    take their own track in a corridor or gap."""
    g, qs = course
    for q in qs:
        assert measure.lines_along(polylines(L.map_layout(g, q))) == [], q


def test_threading_crosses_less_than_the_lanes(course):
    """The router threads each line (between the same two boxes) through
    the rows' gaps so that lines cross less than along the lanes ``place``
    left for them: on no course map more, over the course at least a third
    fewer, and still no line enters a box it does not end at or runs along
    another line."""
    g, qs = course
    em = FONT_SIZE["default"]["claim"]
    metrics = L.METRICS["default"]
    before = after = 0
    for q in qs:
        ranking, sizes, layers = ordered(g, q)
        columns = L._column_candidates(ranking, sizes, em, metrics)[0]
        placement = L.place(layers, sizes, em, columns)
        boxes = {n: (placement.x[n], placement.y[n], *sizes[n]) for n in ranking.nodes}
        lanes = [(u, v, points) for (u, v), points in zip(ranking.edges, L.route(layers, placement, sizes))]
        threaded = [(u, v, points) for (u, v), points in zip(ranking.edges, L.thread(layers, placement, sizes))]
        assert measure.lines_through_boxes(boxes, threaded, inset=0.0) == [], q
        assert measure.lines_along(threaded) == [], q
        crossed, along_lanes = measure.crossings(threaded), measure.crossings(lanes)
        assert crossed <= along_lanes, q
        before += along_lanes
        after += crossed
    assert after <= before * 2 / 3, f"threading cut crossings only from {before} to {after}"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(0, 3)), min_size=2, max_size=12,
                unique_by=(lambda m: m[0], lambda m: m[1])))
def test_level_tracks_keep_the_crossings_and_keep_lines_apart(moves):
    """Across a corridor, lines on level tracks (up, along, up) cross each
    other exactly as often as drawn straight across, and no two lines
    bound for different boxes lie on top of each other."""
    rows = [router.Row(0.0, 20.0, ()), router.Row(120.0, 140.0, ())]
    jobs = [router.Job(f"from{i}", f"to{target}", 1, 0, (5.0 * b, 130.0), (5.0 * t, 10.0))
            for i, (b, t, target) in enumerate(moves)]
    at = [{1: job.start[0], 0: job.end[0]} for job in jobs]
    tracks = router.steps(rows, jobs, at)
    stepped = router.polylines(rows, jobs, at, tracks)
    straight = router.polylines(rows, jobs, at, {})
    named = [(job.source, job.target) for job in jobs]
    assert measure.crossings([(*ends, p) for ends, p in zip(named, stepped)]) == \
        measure.crossings([(*ends, p) for ends, p in zip(named, straight)])
    assert measure.lines_along([(job.target, job.target, p) for job, p in zip(jobs, stepped)]) == []


def test_order_keeps_every_box_in_its_band(course):
    g, qs = course
    for q in qs:
        ordered = L.order(L.tiers(L.rank(g, q)))
        for row in ordered.rows:
            bands = [ordered.band[n] for n in row]
            assert bands == sorted(bands), f"{q}: a row mixes bands"


@pytest.mark.parametrize("theme", THEMES)
def test_each_side_keeps_its_own_part_of_the_map(course, theme):
    """A claim listed on a side sits nearer that side than any other side."""
    g, qs = course
    for q in qs:
        m = L.map_layout(g, q, theme)
        sides = g.nodes[q]["sides"]
        for side in sides:
            for claim in g.nodes[side]["claims"]:
                own = abs(m.boxes[claim].x - m.boxes[side].x)
                assert all(own <= abs(m.boxes[claim].x - m.boxes[other].x) for other in sides), (q, claim)


@pytest.mark.parametrize("theme", THEMES)
def test_every_label_is_drawn_whole_inside_its_box(course, theme):
    g, qs = course
    for q in qs:
        m = L.map_layout(g, q, theme)
        for b in m.boxes.values():
            assert "…" not in " ".join(b.lines), b.id
            words = " ".join(b.lines).split()
            node = g.nodes[b.id]
            expected = {node["label"], node.get("title"), node.get("box_label"), node.get("text")}
            assert " ".join(words) in {" ".join(str(e).split()) for e in expected if e}, b.id
            room = b.width - 2 * MARGIN[b.kind]
            for line in b.lines:
                assert text_width(line, b.font_size) <= room, (b.id, line)


def test_a_theme_draws_the_same_map_on_the_page_as_alone(course):
    """The page lays out every theme of a map at once, the SVG export one
    theme: a reader gets the same drawing from both."""
    g, qs = course
    q = "nov-2020-collective-security"
    assert q in qs
    together = L.map_layouts(g, q, THEMES)
    assert set(together) == set(THEMES)
    for theme in THEMES:
        assert together[theme] == L.map_layout(g, q, theme), theme


def test_maps_never_tuned_on_read_whole_in_every_theme(heldout):
    """Every theme but the laptop's starts from the laptop map's order
    (``map_layouts``): on maps nobody tuned the layout on, too, each theme's
    map reads top-down, draws every label whole and keeps every line clear
    of the boxes it does not end at."""
    g, qs = heldout
    assert len(qs) >= 5
    for q in qs:
        for theme, m in L.map_layouts(g, q, THEMES).items():
            assert_reads_top_down(g, q, theme)
            assert not measure.lines_through_boxes(rects(m), polylines(m), inset=0.0), (q, theme)
            for b in m.boxes.values():
                node = g.nodes[b.id]
                whole = {" ".join(str(node[k]).split()) for k in ("label", "title", "box_label", "text") if node.get(k)}
                assert " ".join(" ".join(b.lines).split()) in whole, (q, theme, b.id)
                room = b.width - 2 * MARGIN[b.kind]
                assert all(text_width(line, b.font_size) <= room for line in b.lines), (q, theme, b.id)


def test_layout_is_reproducible_and_unknown_questions_fail():
    g = graph_of(FIXTURES / "mini")
    assert L.map_layout(g, "collective-security-aim") == L.map_layout(g, "collective-security-aim")
    with pytest.raises(KeyError):
        L.map_layout(g, "no-such-question")


def test_evidence_read_by_both_sides_sits_between_them(tmp_path):
    root = tmp_path / "both"
    for folder in ("schools", "exam_questions", "evidence"):
        (root / folder).mkdir(parents=True)
    (root / "evidence" / "e.yaml").write_text(
        "evidence:\n"
        + "".join(f"  - {{id: e{i}, title: Fact {i}, date: '1939', source: notes}}\n" for i in range(4)),
        encoding="utf-8",
    )
    (root / "schools" / "c.yaml").write_text(
        "claims:\n"
        "  - {id: a, text: A holds., evidence: [{ref: e0, stance: supports}, {ref: e1, stance: supports},"
        " {ref: e3, stance: supports}]}\n"
        "  - {id: b, text: B holds., evidence: [{ref: e2, stance: supports}, {ref: e3, stance: undermines}]}\n",
        encoding="utf-8",
    )
    (root / "exam_questions" / "q.yaml").write_text(
        "questions:\n  - id: q\n    text: Q?\n    command_term: discuss\n    sides:\n"
        "      - {id: yes, label: Yes, claims: [a]}\n      - {id: no, label: No, claims: [b]}\n",
        encoding="utf-8",
    )
    g = graph_of(root)
    box = assert_reads_top_down(g, "q").boxes
    assert box["a"].x < box["e3"].x < box["b"].x
    assert box["e0"].x < box["e3"].x and box["e1"].x < box["e3"].x


def test_fit_in_order_keeps_gaps_and_bounds():
    xs = L._fit_in_order([50, 40, 45, 200], [10, 10, 10], 0, 100)
    assert all(b - a >= 10 - 1e-9 for a, b in zip(xs, xs[1:]))
    assert xs[0] >= 0 and xs[-1] <= 100
