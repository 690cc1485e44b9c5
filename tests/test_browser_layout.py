"""The map as a student sees it: measured from what the page really draws.

Each course map is opened in offline Chromium at 1366x768 and read back
through ``argmap.geometry()``: no line runs behind a box it does not belong
to, every label is drawn whole and fits its box (measured with the canvas's
own ``measureText``), and claim type is at least 11 px on screen, in both
themes. Selecting a box lights its argument and fades exactly the rest.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.analysis import questions
from argmap.corpus import load_corpus
from argmap.graph import build_graph
from argmap.labels import MARGIN, drawn_words
from argmap.render import build_site, measure
from argmap.render.layout import map_layout

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).parent / "fixtures"
MINI_Q = "collective-security-aim"
COURSE_MAP = "nov-2008-inconsistent-unfocused"
FONT = "'Liberation Sans', Arial, Helvetica, sans-serif"
MEASURE = """(g) => {
  const ctx = document.createElement('canvas').getContext('2d');
  return g.boxes.map((b) => {
    ctx.font = b.fontSize + "px " + %r;
    return [b.id, b.text.split('\\n').map((line) => ctx.measureText(line).width)];
  });
}""" % FONT


@pytest.fixture(scope="module")
def course(tmp_path_factory, course_corpus):
    g = build_graph(load_corpus(course_corpus).corpus)
    out = tmp_path_factory.mktemp("course")
    build_site(g, out)
    return g, out


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    g = build_graph(load_corpus(FIXTURES / "mini").corpus)
    out = tmp_path_factory.mktemp("mini")
    build_site(g, out)
    return g, out


def open_map(offline_page, out: Path, question: str, width: int = 1366, height: int = 768):
    page, _ = offline_page(out / f"{question}.html", width=width, height=height)
    page.evaluate("argmap.ready")
    return page


def geometry(page) -> dict:
    return page.evaluate("argmap.geometry()")


def test_geometry_is_the_drawing_computed_in_python(course, offline_page):
    g, out = course
    page = open_map(offline_page, out, COURSE_MAP)
    drawn = geometry(page)
    assert set(drawn) == {"scale", "boxes", "lines"}
    assert isinstance(drawn["scale"], float) and drawn["scale"] > 0
    layout = map_layout(g, COURSE_MAP)
    assert {b["id"] for b in drawn["boxes"]} == set(layout.boxes)
    for box in drawn["boxes"]:
        assert set(box) == {"id", "kind", "x", "y", "width", "height", "text", "fontSize", "faded", "fresh"}
        expected = layout.boxes[box["id"]]
        assert box["kind"] == expected.kind
        assert box["x"] == pytest.approx(expected.x, abs=0.5) and box["y"] == pytest.approx(expected.y, abs=0.5)
        assert box["width"] == pytest.approx(expected.width, abs=0.5), box["id"]
        assert box["height"] == pytest.approx(expected.height, abs=0.5), box["id"]
        assert box["text"] == "\n".join(expected.lines)
        assert box["fontSize"] == expected.font_size
        assert box["faded"] is False and box["fresh"] is False
    assert [(line["from"], line["to"]) for line in drawn["lines"]] == [(l.source, l.target) for l in layout.lines]
    for line, expected in zip(drawn["lines"], layout.lines):
        assert set(line) == {"from", "to", "relation", "points", "faded"}
        assert line["relation"] == g.edges[line["from"], line["to"]]["relation"]
        assert [tuple(p) for p in line["points"]] == list(expected.points)
        assert line["faded"] is False


@pytest.mark.parametrize("theme", ["default", "projector"])
def test_every_course_map_is_readable_at_a_glance(course, offline_page, theme):
    """At 1366x768: no drawn line enters a box that is not one of its ends,
    every label is whole and fits its box as the browser measures it, and
    claim type is at least 11 px on screen."""
    g, out = course
    for q in questions(g):
        page = open_map(offline_page, out, q)
        if theme == "projector":
            page.keyboard.press("p")
        drawn = geometry(page)
        rects = {b["id"]: (b["x"], b["y"], b["width"], b["height"]) for b in drawn["boxes"]}
        lines = [(line["from"], line["to"], [tuple(p) for p in line["points"]]) for line in drawn["lines"]]
        through = measure.lines_through_boxes(rects, lines, inset=0.0)
        assert not through, f"{q}, {theme}: lines through boxes {through}"
        widths = dict(page.evaluate(MEASURE, drawn))
        for box in drawn["boxes"]:
            words = " ".join(drawn_words(g, box["id"]).split())
            assert " ".join(box["text"].split()) == words, (q, box["id"], box["text"])
            assert "…" not in box["text"]
            room = box["width"] - 2 * MARGIN[box["kind"]]
            assert max(widths[box["id"]]) <= room, (q, theme, box["id"], widths[box["id"]], room)
        claim_px = min(b["fontSize"] * drawn["scale"] for b in drawn["boxes"] if b["kind"] == "claim")
        assert claim_px >= 11, f"{q}, {theme}: claim type {claim_px:.1f} px"
        page.close()


def test_during_a_reveal_lines_go_straight_where_nothing_shown_is_in_the_way(course, offline_page):
    """Step by step through a reveal (real key presses), no line shown runs
    through a box shown that is not one of its ends; a line is either its
    route from the layout or, where no box now shown stands in the way,
    straight between the same two ends (its route went round boxes not
    yet shown); some are straightened; and once the whole map is shown
    again every line is its route."""
    g, out = course
    layout = map_layout(g, COURSE_MAP)
    routes = {(l.source, l.target): [list(p) for p in l.points] for l in layout.lines}
    page = open_map(offline_page, out, COURSE_MAP)
    page.keyboard.press("r")
    straightened = 0
    for _ in range(6):
        page.keyboard.press("ArrowRight")
        drawn = geometry(page)
        rects = {b["id"]: (b["x"], b["y"], b["width"], b["height"]) for b in drawn["boxes"]}
        lines = [(line["from"], line["to"], [tuple(p) for p in line["points"]]) for line in drawn["lines"]]
        assert not measure.lines_through_boxes(rects, lines, inset=0.0)
        for line in drawn["lines"]:
            route = routes[(line["from"], line["to"])]
            assert line["points"] in (route, [route[0], route[-1]])
            straightened += line["points"] != route
    assert straightened
    page.click("text=Show all")
    drawn = geometry(page)
    assert len(drawn["lines"]) == len(layout.lines)
    assert all(line["points"] == routes[(line["from"], line["to"])] for line in drawn["lines"])


def students_additions(g, question: str, items: int = 1) -> tuple[str, list[tuple[str, str]]]:
    """A student's file for ``question``: evidence of their own linked to a
    claim in the top row of each side (its line must climb the whole map),
    ``items - 1`` more linked to the map's other claims in turn, and a claim
    of their own on the first side citing the course evidence lowest on the
    map; with the (from, to) of every line it adds."""
    layout = map_layout(g, question)
    first, second = g.nodes[question]["sides"][:2]
    top = [min(g.nodes[side]["claims"], key=lambda c: layout.boxes[c].y) for side in (first, second)]
    claims = [claim for side in g.nodes[question]["sides"] for claim in g.nodes[side]["claims"]]
    evidence = [b for b in layout.boxes.values() if b.kind == "evidence"]
    lowest = max(evidence, key=lambda b: (b.y, b.x)).id
    links = [top] + [[claims[2 * k % len(claims)], claims[(2 * k + len(claims) // 2 + 1) % len(claims)]]
                     for k in range(1, items)]
    entries = "".join(f"""
  - id: my-evidence-{k}
    title: Evidence of my own, number {k + 1}
    date: 1939-05
    source: My reading of Haslam
    links:
      - {{claim: {supported}, stance: supports, weight: strong}}
      - {{claim: {undermined}, stance: undermines}}""" for k, (supported, undermined) in enumerate(links))
    text = f"""
evidence:{entries}
claims:
  - id: my-claim
    text: Stalin reacted to events more than he planned.
    sides: [{first}]
    evidence:
      - {{ref: {lowest}, stance: supports}}
"""
    pairs = [(f"my-evidence-{k}", claim) for k, pair in enumerate(links) for claim in pair]
    return text, pairs + [(lowest, "my-claim"), ("my-claim", first)]


def assert_round_the_boxes(page, q: str) -> list[tuple[str, str, list]]:
    """No line drawn now enters a box that is not one of its ends; the lines."""
    drawn = geometry(page)
    rects = {b["id"]: (b["x"], b["y"], b["width"], b["height"]) for b in drawn["boxes"]}
    lines = [(line["from"], line["to"], [tuple(p) for p in line["points"]]) for line in drawn["lines"]]
    assert not measure.lines_through_boxes(rects, lines, inset=0.0), q
    return lines


def test_on_every_course_map_a_students_many_lines_go_round_the_boxes(course, offline_page):
    """Twelve evidence items of a student's own and a claim, on every course
    map in both themes: all 26 of their lines find a way round the boxes."""
    g, out = course
    for q in questions(g):
        text, added = students_additions(g, q, items=12)
        page = open_map(offline_page, out, q)
        page.evaluate("(text) => argmap.workspace.load(text)", text)
        lines = assert_round_the_boxes(page, q)
        assert {(a, b) for a, b, _ in lines} >= set(added)
        page.keyboard.press("p")
        assert_round_the_boxes(page, q)
        page.close()


@pytest.mark.parametrize("theme", ["default", "projector"])
def test_a_students_own_lines_go_round_the_boxes(course, offline_page, theme):
    """The boxes a student adds sit under the map; their lines climb it
    through the channels between boxes, in level and upright runs, from
    border to border, behind no box and on top of no other line, where
    drawn straight they would cross the evidence block."""
    g, out = course
    text, added = students_additions(g, COURSE_MAP)
    page = open_map(offline_page, out, COURSE_MAP)
    if theme == "projector":
        page.keyboard.press("p")
    page.evaluate("(text) => argmap.workspace.load(text)", text)
    drawn = geometry(page)
    rects = {b["id"]: (b["x"], b["y"], b["width"], b["height"]) for b in drawn["boxes"]}
    lines = [(line["from"], line["to"], [tuple(p) for p in line["points"]]) for line in drawn["lines"]]
    assert not measure.lines_through_boxes(rects, lines, inset=0.0)
    assert measure.lines_along(lines) == [], "each line runs beside the others, not on them"
    mine = {(source, target): points for source, target, points in lines if (source, target) in added}
    assert set(mine) == set(added)
    blocked = 0
    for (source, target), points in mine.items():
        for p, q in zip(points, points[1:]):
            assert p[0] == q[0] or p[1] == q[1], ("level and upright runs only", points)
        for end, (x, y) in ((source, points[0]), (target, points[-1])):
            bx, by, w, h = rects[end]
            # Within half a unit: vis-network draws a box's centre at whole units.
            assert abs(x - bx) <= w / 2 and abs(abs(y - by) - h / 2) <= 0.5, ("starts and ends on a border", end)
        blocked += bool(measure.lines_through_boxes(rects, [(source, target, [points[0], points[-1]])], inset=0.0))
    assert blocked >= 2, "drawn straight, the lines up the map would run behind boxes"


def argument(links: list[dict], node: str, kind: str) -> tuple[set[str], set[int]]:
    """What selecting ``node`` must light, worked out from the links alone."""
    up, stack = {node}, [node]
    while stack:
        current = stack.pop()
        for link in links:
            if link["from"] == current and link["to"] not in up:
                up.add(link["to"])
                stack.append(link["to"])
    down, stack = {node}, [node] if kind in ("claim", "side") else []
    while stack:
        current = stack.pop()
        for link in links:
            if link["to"] == current and link["from"] not in down:
                down.add(link["from"])
                stack.append(link["from"])
    lit = {i for i, link in enumerate(links)
           if {link["from"], link["to"]} <= up or {link["from"], link["to"]} <= down}
    return up | down, lit


def assert_focus(page, node: str, kind: str) -> None:
    links = page.evaluate("argmap.kit.data.links")
    nodes, lit = argument(links, node, kind)
    drawn = geometry(page)
    assert {b["id"] for b in drawn["boxes"] if b["faded"]} == {b["id"] for b in drawn["boxes"]} - nodes
    faded_lines = {i for i, line in enumerate(drawn["lines"]) if line["faded"]}
    assert faded_lines == set(range(len(links))) - lit
    assert nodes - {node}, "the argument reaches beyond the box itself"


def faded_count(page) -> int:
    return sum(1 for b in geometry(page)["boxes"] if b["faded"])


def wait_until(page, condition) -> None:
    """Poll (the page's CSP forbids the string evaluation wait_for_function uses)."""
    for _ in range(50):
        if condition():
            return
        page.wait_for_timeout(50)
    assert condition()


def assert_nothing_faded(page) -> None:
    drawn = geometry(page)
    assert not any(b["faded"] for b in drawn["boxes"]) and not any(line["faded"] for line in drawn["lines"])


def test_selecting_evidence_or_a_claim_fades_exactly_what_is_off_its_argument(course, offline_page):
    g, out = course
    page = open_map(offline_page, out, COURSE_MAP)
    evidence = next(n for n in map_layout(g, COURSE_MAP).boxes if g.nodes[n]["kind"] == "evidence")
    before = {b["id"]: (b["text"], b["width"], b["height"]) for b in geometry(page)["boxes"]}
    page.evaluate(f"argmap.select({evidence!r})")
    assert_focus(page, evidence, "evidence")
    after = {b["id"]: (b["text"], b["width"], b["height"]) for b in geometry(page)["boxes"]}
    assert after == before, "a selected box keeps its words, lines and size (no bold re-wrap)"
    assert g.nodes[evidence]["title"] in page.inner_text("#details"), "the details panel works as before"
    page.evaluate("argmap.select(null)")
    assert_nothing_faded(page)
    claim = g.nodes[g.nodes[COURSE_MAP]["sides"][0]]["claims"][0]
    page.evaluate(f"argmap.select({claim!r})")
    assert_focus(page, claim, "claim")
    page.keyboard.press("Escape")
    assert_nothing_faded(page)


def test_a_real_click_and_find_light_an_argument_and_hovering_previews(mini, offline_page):
    _, out = mini
    page = open_map(offline_page, out, MINI_Q)
    point = page.evaluate("argmap.domPosition('munich')")
    page.mouse.move(point["x"], point["y"], steps=5)
    wait_until(page, lambda: faded_count(page) > 0)
    assert_focus(page, "munich", "evidence")
    page.mouse.move(point["x"] - 200, point["y"] - 200, steps=5)
    wait_until(page, lambda: faded_count(page) == 0)
    point = page.evaluate("argmap.domPosition('german-deal')")
    page.mouse.click(point["x"], point["y"])
    assert_focus(page, "german-deal", "claim")
    page.mouse.move(point["x"] - 200, point["y"] - 200, steps=5)
    assert_focus(page, "german-deal", "claim")
    page.keyboard.press("Escape")
    assert_nothing_faded(page)
    page.fill("#search", "Munich Conference")
    page.keyboard.press("Enter")
    assert_focus(page, "munich", "evidence")


def test_the_page_prints_the_map_on_a_landscape_page_before_the_outline(course, offline_page, tmp_path):
    g, out = course
    page = open_map(offline_page, out, COURSE_MAP)
    wait_until(page, lambda: page.locator("#print-map svg").count() == 1)
    page.emulate_media(media="print")
    assert page.is_visible("#print-map svg")
    assert page.is_visible("#outline")
    boxes = page.evaluate("""Array.from(document.querySelectorAll('#print-map [data-id]')).map(
        (g) => [g.getAttribute('data-id'), Array.from(g.querySelectorAll('tspan')).map((t) => t.textContent)])""")
    layout = map_layout(g, COURSE_MAP)
    assert {node: lines for node, lines in boxes} == {n: list(b.lines) for n, b in layout.boxes.items()}
    order = page.evaluate("""[document.getElementById('print-map'), document.getElementById('outline')]
        .map((el) => el.getBoundingClientRect().top)""")
    assert order[0] < order[1], "the map comes before the outline"
    pdf = tmp_path / "map.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True)
    import re

    sizes = [tuple(float(v) for v in box.split()[2:]) for box in
             re.findall(r"/MediaBox\s*\[([^\]]*)\]", pdf.read_bytes().decode("latin-1"))]
    assert sizes[0][0] > sizes[0][1], "the map's page is landscape"
    assert all(w < h for w, h in sizes[1:]), "the outline's pages are portrait"
