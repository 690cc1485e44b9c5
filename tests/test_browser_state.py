"""Lenses that tell the truth, a reveal that teaches, a page that remembers
and fits every screen (issue 10), in a real offline Chromium.

The balance under each lens is checked against a reading of docs/format.md
written here, in a few lines of Python, not against argmap.analysis: if both
the page and the package misread the format, this still fails.
"""

from __future__ import annotations

from math import prod
from pathlib import Path

import networkx as nx
import pytest

from argmap.analysis import questions
from argmap.corpus import load_corpus
from argmap.graph import build_graph
from argmap.render import build_site
from argmap.render.layout import map_nodes

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).parent / "fixtures"
MINI_Q = "collective-security-aim"
TOLERANCE = 1e-9


def built(tmp_path_factory, root: Path, name: str, theme: str = "default"):
    g = build_graph(load_corpus(root).corpus)
    out = tmp_path_factory.mktemp(name)
    build_site(g, out, theme=theme)
    return g, out


@pytest.fixture(scope="module")
def mini(tmp_path_factory):
    return built(tmp_path_factory, FIXTURES / "mini", "mini")


@pytest.fixture(scope="module")
def course(tmp_path_factory, course_corpus):
    g, out = built(tmp_path_factory, course_corpus, "course")
    if not questions(g):
        pytest.skip("the course corpus has no questions yet")
    return g, out


def open_map(offline_page, out: Path, question: str, fragment: str = "", **options):
    page, _ = offline_page(str(out / f"{question}.html") + fragment, **options)
    page.evaluate("argmap.ready")
    return page


def visible(page) -> set[str]:
    return {n["id"] for n in page.evaluate("argmap.nodes({visible: true})")}


def schools(g: nx.DiGraph) -> list[str]:
    return [n for n, kind in g.nodes(data="kind") if kind == "school"]


# ---------- docs/format.md, read independently ----------

def format_balance(g: nx.DiGraph, question: str, school: str | None,
                   aside: frozenset[str] = frozenset()) -> dict[str, float | None]:
    """docs/format.md "Strength": DF-QuAD over evidence and claims (under a
    lens only the school's claims and the evidence they cite), side scores
    max(0, 2s - 1) over the listed claims, shares of the total (even when all
    are 0), and null shares for a school holding none of the listed claims."""
    sides = g.nodes[question]["sides"]
    listed = {s: list(g.nodes[s]["claims"]) for s in sides}
    if school is None:
        keep = {n for n, k in g.nodes(data="kind") if k in ("claim", "evidence")}
    else:
        held = {c for c in g.successors(school) if g.edges[school, c]["relation"] == "holds"}
        if not any(c in held for claims in listed.values() for c in claims):
            return {s: None for s in sides}
        keep = held | {e for c in held for e in g.predecessors(c) if g.nodes[e]["kind"] == "evidence"}
    memo: dict[str, float] = {}

    def strength(node: str) -> float:
        if node not in memo:
            if g.nodes[node]["kind"] == "evidence":
                memo[node] = 0.0 if node in aside else 1.0
            else:
                pushes = {"supports": [], "undermines": []}
                for child in g.predecessors(node):
                    relation = g.edges[child, node]["relation"]
                    if child in keep and relation in pushes:
                        pushes[relation].append(strength(child) * g.edges[child, node]["weight"])
                vs = 1 - prod(1 - v for v in pushes["supports"])
                va = 1 - prod(1 - v for v in pushes["undermines"])
                memo[node] = 0.5 - 0.5 * (va - vs) if va >= vs else 0.5 + 0.5 * (vs - va)
        return memo[node]

    scores = {s: sum(max(0.0, 2 * strength(c) - 1) for c in claims if c in keep) for s, claims in listed.items()}
    total = sum(scores.values())
    return {s: (scores[s] / total if total else 1 / len(sides)) for s in sides}


def format_reveal_order(g: nx.DiGraph, question: str) -> list[str]:
    """Sides in order; each side's listed claims in order, each followed, depth
    first, by the claims that feed it (in the map's link order) not yet come."""
    order: list[str] = []

    def visit(claim: str) -> None:
        if claim in order:
            return
        order.append(claim)
        for child, parent in g.edges():
            if parent == claim and g.nodes[child]["kind"] == "claim":
                visit(child)

    for side in g.nodes[question]["sides"]:
        for claim in g.nodes[side]["claims"]:
            visit(claim)
    return order


def close(got: dict, expected: dict) -> bool:
    if got.keys() != expected.keys():
        return False
    for side, share in expected.items():
        if (share is None) != (got[side] is None):
            return False
        if share is not None and abs(got[side] - share) > TOLERANCE:
            return False
    return True


# ---------- lenses ----------

def check_every_lens(page, g: nx.DiGraph, question: str) -> int:
    """Every school of the corpus as a lens: the page's balance equals
    docs/format.md; no position shows just the question and sides and says
    so; no evidence box without a drawn line. Returns how many took no position."""
    on_map = set(map_nodes(g, question))
    frame = {question, *g.nodes[question]["sides"]}
    evidence = sorted(n for n in on_map if g.nodes[n]["kind"] == "evidence")
    no_position = 0
    for school in [None, *schools(g)]:
        page.evaluate("s => argmap.setSchool(s)", school)
        expected = format_balance(g, question, school)
        assert close(page.evaluate("argmap.balance()"), expected), (question, school)
        if evidence:
            aside = frozenset(evidence[::2])
            got = page.evaluate("ids => { ids.forEach(id => argmap.setEvidence(id, false)); const b = argmap.balance();"
                                " ids.forEach(id => argmap.setEvidence(id, true)); return b; }", sorted(aside))
            assert close(got, format_balance(g, question, school, aside)), (question, school, "aside")
        shown = visible(page)
        balance_text = page.inner_text(".balance")
        if school is not None and None in expected.values():
            no_position += 1
            assert shown == frame, (question, school)
            assert "takes no position" in balance_text, (question, school)
            assert page.is_hidden("#balance-list") and page.is_hidden("#meter")
        else:
            assert "no position" not in balance_text
            drawn_lines = page.evaluate(
                "argmap.geometry().lines.map(line => [line.from, line.to])")
            ends = {end for line in drawn_lines for end in line}
            lonely = [n for n in shown if g.nodes[n]["kind"] == "evidence" and n not in ends]
            assert not lonely, (question, school, lonely)
            held = {c for c in g.successors(school) if g.edges[school, c]["relation"] == "holds"} if school else None
            claims = {n for n in on_map if g.nodes[n]["kind"] == "claim" and (held is None or n in held)}
            assert shown - frame - set(evidence) == claims, (question, school)
    page.evaluate("argmap.setSchool(null)")
    return no_position


def test_every_school_is_a_lens_and_weighs_as_the_format_says_on_the_mini_map(mini, offline_page):
    g, out = mini
    page = open_map(offline_page, out, MINI_Q)
    options = page.eval_on_selector_all("#lens option", "options => options.map(o => o.value).filter(Boolean)")
    assert sorted(options) == sorted(schools(g)), "the lens menu lists every school of the corpus"
    check_every_lens(page, g, MINI_Q)


def test_every_school_is_a_lens_on_every_course_map(course, offline_page):
    g, out = course
    no_position = 0
    for q in questions(g):
        page = open_map(offline_page, out, q)
        quiet = page.eval_on_selector_all("#lens optgroup option", "options => options.map(o => o.value)")
        assert sorted(quiet) == sorted(s for s in schools(g) if None in format_balance(g, q, s).values()), \
            "the menu sets apart the schools that take no position"
        no_position += check_every_lens(page, g, q)
        page.close()
    assert no_position > 0, "the course corpus has schools that take no position on some question"


def test_a_school_with_nothing_on_the_map_says_so_in_the_page_and_its_plan(tmp_path, offline_page):
    root = tmp_path / "quiet"
    for folder in ("schools", "evidence", "exam_questions"):
        (root / folder).mkdir(parents=True)
    (root / "evidence" / "e.yaml").write_text(
        "evidence:\n  - {id: e1, title: Fact one, date: '1939', source: notes}\n"
        "  - {id: e2, title: Fact two, date: '1940', source: notes}\n", encoding="utf-8")
    (root / "schools" / "s.yaml").write_text(
        "claims:\n  - {id: a, text: A holds., evidence: [{ref: e1, stance: supports}]}\n"
        "  - {id: b, text: B holds., evidence: [{ref: e2, stance: supports}]}\n"
        "  - {id: elsewhere, text: Another matter., evidence: [{ref: e1, stance: supports}]}\n"
        "schools:\n  - {id: loud, name: Loud school, summary: It argues., holds: [a]}\n"
        "  - {id: quiet, name: Quiet school, summary: It argues elsewhere., holds: [elsewhere]}\n",
        encoding="utf-8")
    (root / "exam_questions" / "q.yaml").write_text(
        "questions:\n  - id: q\n    text: How far?\n    command_term: discuss\n    sides:\n"
        "      - {id: yes, label: Yes, claims: [a]}\n      - {id: no, label: No, claims: [b]}\n"
        "  - id: other\n    text: Other?\n    command_term: discuss\n    sides:\n"
        "      - {id: yes, label: Yes, claims: [elsewhere]}\n      - {id: no, label: No, claims: [b]}\n",
        encoding="utf-8")
    g = build_graph(load_corpus(root).corpus)
    build_site(g, tmp_path / "out")
    page = open_map(offline_page, tmp_path / "out", "q")
    page.select_option("#lens", "quiet")
    assert page.evaluate("argmap.balance()") == {"q/yes": None, "q/no": None}
    assert visible(page) == {"q", "q/yes", "q/no"}, "e1 is cited by the school, but by no claim on this map"
    assert "Quiet school takes no position" in page.inner_text(".balance")
    assert "takes no position" in page.evaluate("argmap.plan()")
    page.select_option("#lens", "loud")
    assert visible(page) == {"q", "q/yes", "q/no", "a", "e1"}
    check_every_lens(page, g, "q")


# ---------- the reveal ----------

def walk_the_reveal(page) -> list[dict]:
    """Every step from the start to the end: what each revealNext returned and
    what was shown after it."""
    return page.evaluate("""() => {
        argmap.resetReveal();
        const shown = () => argmap.nodes({visible: true}).map(n => n.id);
        const steps = [{added: null, shown: shown(), step: argmap.state().revealStep}];
        for (let i = 0; i < 500; i++) {
          const added = argmap.revealNext();
          if (!added.length) break;
          steps.push({added: added, shown: shown(), step: argmap.state().revealStep,
                      fresh: Array.from(argmap.kit.state.fresh)});
        }
        return steps;
    }""")


def check_reveal(page, g: nx.DiGraph, question: str, school: str | None = None) -> None:
    on_map = set(map_nodes(g, question))
    frame = {question, *g.nodes[question]["sides"]}
    held = None if school is None else {c for c in g.successors(school) if g.edges[school, c]["relation"] == "holds"}
    if school is not None and not any(c in held for s in g.nodes[question]["sides"] for c in g.nodes[s]["claims"]):
        held = set()  # takes no position: nothing to reveal
    order = [c for c in format_reveal_order(g, question) if held is None or c in held]
    assert set(format_reveal_order(g, question)) == {n for n in on_map if g.nodes[n]["kind"] == "claim"}
    page.evaluate("s => argmap.setSchool(s)", school)
    steps = walk_the_reveal(page)
    assert set(steps[0]["shown"]) == frame and steps[0]["step"] == 0
    assert len(steps) - 1 == len(order), (question, school, "one step per claim")
    before = set(frame)
    for number, (step, claim) in enumerate(zip(steps[1:], order), start=1):
        added = set(step["added"])
        assert step["step"] == number
        assert added == set(step["shown"]) - before, "returns exactly what it newly shows"
        assert set(step["fresh"]) == added, "what a step adds is marked fresh"
        assert [a for a in added if g.nodes[a]["kind"] == "claim"] == [claim], (question, school, number)
        own = {e for e in g.predecessors(claim) if g.nodes[e]["kind"] == "evidence"}
        assert added - {claim} <= own, "only the evidence linked to that claim"
        assert own - before <= added
        before = set(step["shown"])
    page.evaluate("argmap.revealAll(); argmap.setSchool(null)")


def test_the_reveal_adds_one_claim_per_step_on_every_course_map(course, offline_page):
    g, out = course
    for q in questions(g):
        page = open_map(offline_page, out, q)
        first = g.nodes[g.nodes[q]["sides"][0]]["claims"][0]
        page.evaluate("argmap.resetReveal()")
        added = page.evaluate("argmap.revealNext()")
        assert [a for a in added if g.nodes[a]["kind"] == "claim"] == [first], q
        check_reveal(page, g, q)
        claims = {n for n in map_nodes(g, q) if g.nodes[n]["kind"] == "claim"}
        arguing = [s for s in schools(g) if set(g.successors(s)) & claims]
        quiet = [s for s in schools(g) if None in format_balance(g, q, s).values()]
        for school in arguing + quiet[:1]:
            check_reveal(page, g, q, school)
        page.close()


def test_the_reveal_on_the_mini_map_under_each_lens(mini, offline_page):
    g, out = mini
    page = open_map(offline_page, out, MINI_Q)
    for school in [None, *schools(g)]:
        check_reveal(page, g, MINI_Q, school)


def test_the_reveal_keys_work_after_clicking_reveal_and_from_a_clicker(mini, offline_page):
    g, out = mini
    page = open_map(offline_page, out, MINI_Q)
    step = lambda: page.evaluate("argmap.state().revealStep")  # noqa: E731
    page.keyboard.press("ArrowRight")
    assert step() == 1, "Right starts a reveal when none is running"
    page.keyboard.press("End")
    assert step() is None and visible(page) == set(map_nodes(g, MINI_Q))
    page.click("#reveal-start")
    assert step() == 0
    page.keyboard.press(" ")
    assert step() == 1, "Space right after clicking Reveal advances (it does not press the button again)"
    page.keyboard.press(" ")
    assert step() == 2
    page.keyboard.press("PageDown")
    assert step() == 3
    page.keyboard.press("PageUp")
    assert step() == 2
    page.keyboard.press("ArrowLeft")
    assert step() == 1
    page.click("#reveal-next")
    page.keyboard.press("Space")
    assert step() == 3
    page.select_option("#lens", "german-school")
    assert step() == 1, "a lens with one claim has one step"
    page.keyboard.press("PageUp")
    assert step() == 0 and page.input_value("#lens") == "german-school", "the clicker steps; the menu stays"
    page.keyboard.press("PageDown")
    assert step() == 1
    page.keyboard.press("Home")
    assert step() == 0
    page.fill("#search", "munich ")
    assert step() == 0, "Space in a text field is typing"
    page.keyboard.press("Escape")


def test_the_balance_can_wait_for_the_last_step(mini, offline_page):
    g, out = mini
    page = open_map(offline_page, out, MINI_Q)
    assert not page.is_checked("#reveal-hide-balance"), "off by default on a laptop"
    page.check("#reveal-hide-balance")
    page.click("#reveal-start")
    last = len(format_reveal_order(g, MINI_Q))
    for _ in range(last - 1):
        page.keyboard.press("ArrowRight")
        assert page.is_hidden("#balance-list") and "hidden until the last step" in page.inner_text(".balance")
    page.keyboard.press("ArrowRight")
    assert page.is_visible("#balance-list") and "hidden" not in page.inner_text(".balance")
    page.keyboard.press("p")
    assert page.is_checked("#reveal-hide-balance"), "on by default in projector mode"
    page.keyboard.press("Home")
    assert page.is_hidden("#balance-list") and page.is_visible("#balance-note")


# ---------- the state in the address ----------

def test_a_link_opens_the_same_view_and_back_steps_through_changes(mini, offline_page):
    g, out = mini
    page = open_map(offline_page, out, MINI_Q)
    assert page.evaluate("argmap.state()") == {"school": None, "setAside": [], "revealStep": None,
                                               "selected": None, "view": "map"}
    page.select_option("#lens", "collective-security")
    page.click("#tab-evidence")
    page.uncheck("#count-munich")
    page.evaluate("argmap.setEvidence('franco-soviet-pact', false)")
    page.click("#reveal-start")
    page.keyboard.press("ArrowRight")
    point = page.evaluate("argmap.domPosition('security-genuine')")
    page.mouse.click(point["x"], point["y"])
    before_outline = page.evaluate("argmap.state()")
    page.click("#view-toggle")
    state = page.evaluate("argmap.state()")
    assert state == {"school": "collective-security", "setAside": ["franco-soviet-pact", "munich"],
                     "revealStep": 1, "selected": "security-genuine", "view": "outline"}
    url = page.url
    assert "school=collective-security" in url and "step=1" in url and "sel=security-genuine" in url
    balance = page.evaluate("argmap.balance()")

    assert url.partition("#")[0] == (out / f"{MINI_Q}.html").resolve().as_uri()
    other = open_map(offline_page, out, MINI_Q, "#" + url.partition("#")[2])
    assert other.evaluate("argmap.state()") == state
    assert other.evaluate("argmap.balance()") == balance
    assert other.is_visible("#outline") and "collective-security" == other.input_value("#lens")

    page.go_back()
    assert page.evaluate("argmap.state()") == before_outline
    assert page.is_visible("#map-view")
    page.go_back()
    assert page.evaluate("argmap.state()")["selected"] is None
    page.go_forward()
    assert page.evaluate("argmap.state()") == before_outline


def test_unknown_ids_and_steps_in_a_link_are_passed_over(mini, offline_page):
    g, out = mini
    page = open_map(offline_page, out, MINI_Q, "#school=no-such-school&aside=munich,nope,german-deal"
                    "&step=99&sel=%E2%98%83&view=nowhere&junk")
    assert page.evaluate("argmap.state()") == {"school": None, "setAside": ["munich"], "revealStep": None,
                                               "selected": None, "view": "map"}
    page = open_map(offline_page, out, MINI_Q, "#school=german-school&step=1")
    assert page.evaluate("argmap.state()")["revealStep"] == 1
    assert visible(page) == {MINI_Q, f"{MINI_Q}/agree", f"{MINI_Q}/disagree",
                             "german-deal", "nazi-soviet-pact", "league-entry"}


def test_a_course_map_link_under_a_lens_that_takes_no_position(course, offline_page):
    g, out = course
    for q in questions(g):
        quiet = [s for s in schools(g) if None in format_balance(g, q, s).values()]
        if quiet:
            break
    else:
        pytest.skip("every school takes a position on every course question")
    page = open_map(offline_page, out, q, f"#school={quiet[0]}")
    assert page.evaluate("argmap.state()")["school"] == quiet[0]
    assert set(page.evaluate("Object.values(argmap.balance())")) == {None}
    assert "takes no position" in page.inner_text(".balance")


# ---------- every screen ----------

@pytest.mark.parametrize("width, height", [(390, 844), (768, 1024)])
def test_phones_and_tablets_get_the_map_first_at_full_width(course, offline_page, width, height):
    g, out = course
    for q in questions(g):
        page = open_map(offline_page, out, q, width=width, height=height, touch=True)
        sizes = page.evaluate("""() => ({scroll: document.scrollingElement.scrollWidth, inner: innerWidth,
            map: document.getElementById('map').getBoundingClientRect().toJSON(),
            question: getComputedStyle(document.getElementById('question-text')).whiteSpace,
            questionFont: parseFloat(getComputedStyle(document.getElementById('question-text')).fontSize)})""")
        assert sizes["scroll"] <= sizes["inner"], (q, "scrolls sideways", sizes)
        assert sizes["map"]["height"] >= 300 and sizes["map"]["width"] == width, (q, sizes["map"])
        assert sizes["question"] != "nowrap" and sizes["questionFont"] >= 15, "the question wraps, readable"
        assert page.is_hidden("#panel"), "the panel starts folded"
        assert page.is_visible("#balance-list") and page.is_visible("#reveal-start")
        if width < 600:
            assert_starts_readable_at_the_top(page, g, q)
        page.close()
    page = open_map(offline_page, out, questions(g)[0], width=width, height=height, touch=True)
    assert page.is_hidden("#lens")
    page.tap("#toolbar-menu")
    assert page.is_visible("#lens") and page.is_visible("#search")
    assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
    claim = g.nodes[g.nodes[questions(g)[0]]["sides"][0]]["claims"][0]
    point = page.evaluate(f"argmap.domPosition({claim!r})")
    page.touchscreen.tap(point["x"], point["y"])
    assert page.evaluate("argmap.state().selected") == claim, "a tap selects the box"
    assert page.is_visible("#details") and g.nodes[claim]["text"] in page.inner_text("#details")
    panel = page.locator("#panel").bounding_box()
    assert panel["y"] >= page.locator("#map").bounding_box()["y"] + 300, "the panel is a sheet below the map"
    assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")
    assert page.evaluate("argmap.kit.data.vis.options.interaction.zoomView") is True
    assert page.evaluate("argmap.kit.data.vis.options.interaction.dragView") is not False


@pytest.mark.parametrize("width, height", [(768, 1024), (1024, 768), (1180, 820)])
def test_a_tablet_starts_every_map_at_type_a_student_can_read(course, offline_page, width, height):
    """On a touch screen wider than a phone, claim type at the first view is
    11 px or more: the whole map where it is that large (at 1024x768 it was
    as small as 7.6 px), else the top of the map read from its left edge,
    with a button for the whole of it."""
    g, out = course
    cropped = 0
    for q in questions(g):
        page = open_map(offline_page, out, q, width=width, height=height, touch=True)
        assert page.evaluate("argmap.kit.view.labelPx('claim')") >= 11, q
        if page.is_visible("#map-whole"):
            cropped += 1
            assert_starts_readable_at_the_top(page, g, q)
        page.close()
    assert cropped, "some course map is too large to read whole on a tablet"


def test_a_laptop_with_a_mouse_still_sees_every_map_whole_at_1280x720(course, offline_page):
    """Without a touch screen the whole map stays the first view unless its
    type would be tiny: at 1280x720 (claim type 9.8 px and up) every course
    map is shown whole, with no "Whole map" button."""
    g, out = course
    for q in questions(g):
        page = open_map(offline_page, out, q, width=1280, height=720)
        assert page.is_hidden("#map-whole"), q
        assert page.evaluate("argmap.kit.view.labelPx('claim')") >= 9, q
        page.close()


ON_SCREEN = """(id) => { const net = argmap.kit.view.network;
    const point = net.canvasToDOM(net.getPositions([id])[id]);
    const half = argmap.kit.data.vis.layout[argmap.kit.state.theme].boxes[id].width / 2 * net.getScale();
    const map = document.getElementById('map').getBoundingClientRect();
    return {x: point.x, y: point.y, left: point.x - half, right: point.x + half,
            width: map.width, height: map.height}; }"""


def assert_starts_readable_at_the_top(page, g, q):
    """A phone starts at claim type a student can read (11 px or more), at
    the top of the map: the question's box (whose words the header shows
    whole) and the first side's, and a button for the whole map (which is
    then smaller) and back."""
    claim_px = "argmap.kit.view.labelPx('claim')"
    assert page.evaluate(claim_px) >= 11, q
    question = page.evaluate(ON_SCREEN, q)
    assert question["left"] < question["width"] and question["right"] > 0 and 0 <= question["y"], q
    side = page.evaluate(ON_SCREEN, g.nodes[q]["sides"][0])
    assert 0 <= side["left"] and side["right"] <= side["width"] and side["y"] <= side["height"] / 3, (q, side)
    boxes = [page.evaluate(ON_SCREEN, box) for box in page.evaluate("argmap.geometry().boxes.map(b => b.id)")]
    cut = [box for box in boxes if box["left"] < 0 < box["right"] and 0 <= box["y"] <= box["height"]]
    assert cut == [], (q, "reading starts at the map's left edge, no box cut there", cut)
    assert page.is_visible("#map-whole")
    page.tap("#map-whole")
    assert page.evaluate(claim_px) < 11 and page.inner_text("#map-whole") == "Readable size"
    page.tap("#map-whole")
    assert page.evaluate(claim_px) >= 11


CONTRAST = """(element) => {
    // WCAG contrast of the element's text on the first opaque background
    // behind it (its own, else an ancestor's).
    const rgb = (colour) => colour.match(/[\\d.]+/g).map(Number);
    const luminance = ([r, g, b]) => {
      const [R, G, B] = [r, g, b].map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    let back = element;
    while (back && rgb(getComputedStyle(back).backgroundColor)[3] === 0) back = back.parentElement;
    const [a, b] = [luminance(rgb(getComputedStyle(element).color)),
                    luminance(rgb(back ? getComputedStyle(back).backgroundColor : "rgb(255, 255, 255)"))];
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}"""


@pytest.mark.parametrize("projector", [False, True])
def test_every_button_stays_readable_under_the_pointer(course, offline_page, projector):
    """Each button on a map page, as drawn and with the pointer on it, keeps
    its words at 4.5:1 contrast or more (the "Whole map" button, white on
    the accent, once turned white on the plain buttons' light hover wash)."""
    g, out = course
    page = open_map(offline_page, out, questions(g)[0], width=1920 if projector else 1366,
                    height=1080 if projector else 768)
    if projector:
        page.keyboard.press("p")
    page.locator("#map-whole").evaluate("e => { e.hidden = false; }")  # on a laptop too, where the map fits
    buttons = page.locator("button:visible")
    assert buttons.count() >= 8
    for k in range(buttons.count()):
        button = buttons.nth(k)
        if not button.inner_text().strip():
            continue
        page.mouse.move(0, 0)
        assert button.evaluate(CONTRAST) >= 4.5, (button.inner_text(), "as drawn")
        button.hover()
        assert button.evaluate(CONTRAST) >= 4.5, (button.inner_text(), "under the pointer")


SMALL_TEXT = """() => {
    const small = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const element = node.parentElement;
      if (element.closest('#map, script, .visually-hidden, .skip-link')) continue;
      if (!element.checkVisibility({visibilityProperty: true})) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 || rect.bottom < 0 || rect.top > innerHeight) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (size < 18) small.push([node.textContent.trim().slice(0, 40), size]);
    }
    return small;
}"""


def test_a_full_hd_projector_shows_every_text_around_the_map_at_18px_or_more(course, offline_page):
    g, out = course
    q = questions(g)[0]
    page = open_map(offline_page, out, q, width=1920, height=1080)
    page.keyboard.press("p")
    page.keyboard.press("Home")
    page.keyboard.press("ArrowRight")
    assert page.is_visible("#reveal-status") and page.is_visible("#balance-note")
    assert page.evaluate(SMALL_TEXT) == []
    page.keyboard.press("End")
    assert page.evaluate(SMALL_TEXT) == [], "the balance and the legend strips"
    page.keyboard.press("b")
    assert page.is_visible("#panel")
    for tab in ("details", "evidence", "plan"):
        if page.locator(f"#tab-{tab}").count():
            page.click(f"#tab-{tab}")
            assert page.evaluate(SMALL_TEXT) == [], tab
    page.evaluate(f"argmap.select({g.nodes[q]['sides'][0]!r})")
    assert page.evaluate(SMALL_TEXT) == []


# ---------- words ----------

def format_words(percent: int) -> str:
    """README and docs/plans.md: "to a large extent" from 60%, "to some
    extent" from 40%, else "only to a limited extent", on the figure shown."""
    return "to a large extent" if percent >= 60 else "to some extent" if percent >= 40 else "only to a limited extent"


def test_extent_words_follow_the_percentage_shown_on_every_map_and_the_index(course, offline_page):
    g, out = course
    index, _ = offline_page(out / "index.html")
    index_text = " ".join(index.inner_text("main").split())
    for q in questions(g):
        page = open_map(offline_page, out, q)
        for school in [None, *schools(g)]:
            page.evaluate("s => argmap.setSchool(s)", school)
            if not page.is_visible("#balance-list"):
                continue
            for line in page.locator("#balance-list li").all():
                shown = int(line.locator(".share").inner_text().rstrip("%"))
                assert line.locator(".words").inner_text() == format_words(shown), (q, school)
        page.evaluate("argmap.setSchool(null)")
        for line in page.locator("#balance-list li").all_inner_texts():
            assert " ".join(line.split()) in index_text, (q, line)
        page.close()


def test_a_link_can_open_the_grid_or_the_timeline(mini, offline_page):
    g, out = mini
    for view in ("grid", "timeline"):
        page = open_map(offline_page, out, MINI_Q, f"#view={view}&sel=munich")
        assert page.evaluate("argmap.state()")["view"] == view
        assert page.is_visible(f"#{view}") and page.is_hidden("#map-view")
        page.click("#view-toggle")
        assert page.evaluate("argmap.state()")["view"] == "outline" and "view=outline" in page.url
        page.go_back()
        assert page.evaluate("argmap.state()") == {"school": None, "setAside": [], "revealStep": None,
                                                   "selected": "munich", "view": view}
