"""The timeline view: the evidence on a time axis and the historians' works
beneath it, driven in a real, offline Chromium (docs/interface.md, issue 15).

Positions are read from the page as drawn and checked against the axis's own
year ticks: each item's mark stands at its first day, its span ends at its
last, each work at its year. What should be there is read from the graph
(argmap.render.layout, argmap.analysis), not from the page.
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from argmap.analysis import lens, questions, side_stances
from argmap.corpus.models import date_bounds
from argmap.render.layout import map_nodes

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).parent / "fixtures"
MINI_Q = "collective-security-aim"
PX = 1.0  # how far (CSS px) a drawn position may stray from the axis's reading

READ_TIMELINE = """() => {
  const box = e => e.getBoundingClientRect();
  const centre = e => { const b = box(e); return b.left + b.width / 2; };
  const ticks = sel => [...document.querySelectorAll(sel)].map(t => ({year: Number(t.textContent), x: centre(t)}));
  return {
    items: [...document.querySelectorAll('#timeline-plot .tl-item')].map(b => ({
      id: b.getAttribute('data-id'), mark: centre(b.querySelector('.tl-mark')),
      spanRight: box(b.querySelector('.tl-span')).right, glyph: b.querySelector('.tl-mark').textContent,
      text: b.textContent.replace(/\\s+/g, ' ')
    })),
    ticks: ticks('#timeline-plot .tl-tick'),
    workTicks: ticks('#timeline-works .tl-tick'),
    works: [...document.querySelectorAll('#timeline-works .tl-work')].map(w => ({
      school: w.getAttribute('data-school'), year: w.getAttribute('data-year'),
      title: w.getAttribute('title'), text: w.textContent.replace(/\\s+/g, ' ').trim(),
      dot: w.querySelector('.tl-work-dot') ? centre(w.querySelector('.tl-work-dot')) : null
    })),
    period: (p => p ? [box(p).left, box(p).right] : null)(document.querySelector('#timeline-plot .tl-period'))
  };
}"""


def open_map(offline_page, out: Path, question: str, **size):
    page, _ = offline_page(out / f"{question}.html", **size)
    page.evaluate("argmap.ready")
    return page


def selected(page):
    return page.evaluate("argmap.state ? argmap.state().selected : argmap.kit.state.selected")


def fraction(day: tuple[int, int, int], end: bool = False) -> float:
    """A day as a fractional year (its start, or with end its end)."""
    first = datetime.date(day[0], 1, 1)
    length = (datetime.date(day[0] + 1, 1, 1) - first).days
    return day[0] + ((datetime.date(*day) - first).days + (1 if end else 0)) / length


def axis(ticks: list[dict]):
    """The axis's year -> x, from its first and last tick."""
    assert len(ticks) >= 2, "an axis shows at least two years"
    a, b = ticks[0], ticks[-1]
    per_year = (b["x"] - a["x"]) / (b["year"] - a["year"])
    for tick in ticks:
        assert abs(a["x"] + (tick["year"] - a["year"]) * per_year - tick["x"]) <= PX, "ticks evenly spaced"
    return lambda year: a["x"] + (year - a["year"]) * per_year


def schools_on_map(g, question: str) -> list[str]:
    claims = {n for n in map_nodes(g, question) if g.nodes[n]["kind"] == "claim"}
    return [s for s, kind in g.nodes(data="kind") if kind == "school" and claims & set(g.successors(s))]


def check_timeline(g, question: str, drawn: dict, shown: list[str], schools: list[str]) -> None:
    evidence = sorted((n for n in shown if g.nodes[n]["kind"] == "evidence"),
                      key=lambda e: (*date_bounds(g.nodes[e]["date"]), e))
    assert [i["id"] for i in drawn["items"]] == evidence, "every shown item once, in date order"
    x = axis(drawn["ticks"])
    marks = []
    for item in drawn["items"]:
        start, end = date_bounds(g.nodes[item["id"]]["date"])
        assert abs(item["mark"] - x(fraction(start))) <= PX, (item["id"], "its mark at its first day")
        assert abs(item["spanRight"] - x(fraction(end, end=True))) <= PX, (item["id"], "its span to its last day")
        marks.append(item["mark"])
    assert marks == sorted(marks), "left to right by date"
    period = g.nodes[question].get("period")
    if period and drawn["items"]:
        assert abs(drawn["period"][0] - x(period[0])) <= PX and abs(drawn["period"][1] - x(period[1] + 1)) <= PX

    stances = side_stances(g, question)
    for item in drawn["items"]:
        for side, word in stances.get(item["id"], {}).items():
            assert f"{word} “{g.nodes[side]['label']}”" in item["text"], (item["id"], side)

    expected = sorted((s, h["name"], w["title"], w["year"]) for s in schools
                      for h in g.nodes[s]["historians"] for w in h["works"])
    got = []
    for work in drawn["works"]:
        if work["year"]:
            name, rest = work["title"].split(", ", 1)
            title, year = rest.rsplit(" (", 1)
            assert year == f"{work['year']})"
            got.append((work["school"], name, title, int(work["year"])))
        else:
            name, rest = work["text"].split(", ", 1)
            got.append((work["school"], name, rest.removesuffix(" (no year given)"), None))
    assert sorted(got, key=str) == sorted(expected, key=str), "every work of the shown schools' historians"
    dated = [w for w in drawn["works"] if w["year"]]
    if dated:
        year_x = axis(drawn["workTicks"])
        for work in dated:
            assert abs(work["dot"] - year_x(int(work["year"]) + 0.5)) <= PX, (work["title"], "at its year")


@pytest.fixture(scope="module")
def course(built_site, course_corpus):
    g, out = built_site(course_corpus)
    if not questions(g):
        pytest.skip("the course corpus has no questions yet")
    return g, out


@pytest.mark.parametrize("corpus, question", [("mini", MINI_Q), ("jsnames", "names-question"),
                                              ("hostile", "hostile-question")])
def test_the_timeline_of_a_held_out_corpus(built_site, offline_page, corpus, question):
    g, out = built_site(FIXTURES / corpus)
    page = open_map(offline_page, out, question)
    page.click("#view-timeline")
    check_timeline(g, question, page.evaluate(READ_TIMELINE), map_nodes(g, question), schools_on_map(g, question))


def test_every_course_map_has_its_timeline(course, offline_page):
    g, out = course
    for question in questions(g):
        page = open_map(offline_page, out, question)
        assert page.locator("#timeline-plot .tl-item").count() == 0, "built on first use, not at load"
        page.click("#view-timeline")
        assert page.is_visible("#timeline") and not page.is_visible("#map-view")
        check_timeline(g, question, page.evaluate(READ_TIMELINE), map_nodes(g, question), schools_on_map(g, question))
        page.close()


def test_the_timeline_follows_a_lens_and_projector_mode(course, offline_page):
    g, out = course
    question = max(questions(g), key=lambda q: len(map_nodes(g, q)))
    page = open_map(offline_page, out, question, width=1920, height=1080)
    page.click("#view-timeline")
    for school in schools_on_map(g, question)[:3]:
        page.select_option("#lens", school)
        # the school's claims on the map (none when it takes no position), and
        # evidence only where one of them cites it
        kept = lens(g, school)
        nodes = map_nodes(g, question)
        listed = {c for s in g.nodes[question]["sides"] for c in g.nodes[s]["claims"]}
        claims = {n for n in nodes if n in kept and g.nodes[n]["kind"] == "claim"} if kept & listed else set()
        cited = {e for e in nodes if g.nodes[e]["kind"] == "evidence" and claims & set(g.successors(e))}
        shown = [n for n in nodes if g.nodes[n]["kind"] in ("question", "side") or n in claims | cited]
        check_timeline(g, question, page.evaluate(READ_TIMELINE), shown, [school])
    page.select_option("#lens", "")
    page.keyboard.press("p")
    check_timeline(g, question, page.evaluate(READ_TIMELINE), map_nodes(g, question), schools_on_map(g, question))


def test_items_are_marked_by_shape_as_well_as_colour(course, offline_page):
    g, out = course
    question = max(questions(g), key=lambda q: len(map_nodes(g, q)))
    sides = g.nodes[question]["sides"]
    stances = side_stances(g, question)
    page = open_map(offline_page, out, question)
    page.click("#view-timeline")
    glyphs: dict[str, set[str]] = {}
    for item in page.evaluate(READ_TIMELINE)["items"]:
        words = stances.get(item["id"], {})
        served = [s for s in sides if words.get(s) == "supports"]
        if len(served) == 1 and "contested" not in words.values():
            glyphs.setdefault(served[0], set()).add(item["glyph"])
    assert len(glyphs) == len(sides) and all(len(g_) == 1 for g_ in glyphs.values()), glyphs
    assert len({next(iter(g_)) for g_ in glyphs.values()}) == len(sides), "each side its own shape"


def test_brushing_a_stretch_of_time_sets_the_date_filter(course, offline_page):
    g, out = course
    question = max(questions(g), key=lambda q: len(map_nodes(g, q)))
    page = open_map(offline_page, out, question)
    page.click("#view-timeline")
    drawn = page.evaluate(READ_TIMELINE)
    x = axis(drawn["ticks"])
    years = sorted(date_bounds(g.nodes[i["id"]]["date"])[0][0] for i in drawn["items"])
    low, high = years[len(years) // 4], years[len(years) // 2]
    assert low < high
    page.locator("#timeline-plot .tl-axis").scroll_into_view_if_needed()
    drawn = page.evaluate(READ_TIMELINE)
    x = axis(drawn["ticks"])
    y = page.locator("#timeline-plot .tl-axis").bounding_box()["y"] + 4
    page.mouse.move(x(low + 0.3), y)
    page.mouse.down()
    page.mouse.move(x(high + 0.6), y, steps=6)
    page.mouse.up()
    assert page.evaluate("[argmap.kit.state.dateFrom, argmap.kit.state.dateTo]") == [low, high]
    assert page.input_value("#date-from") == str(low) and page.input_value("#date-to") == str(high)

    def overlaps(n):
        start, end = date_bounds(g.nodes[n]["date"])
        return end[0] >= low and start[0] <= high
    shown = [n for n in map_nodes(g, question) if g.nodes[n]["kind"] != "evidence" or overlaps(n)]
    check_timeline(g, question, page.evaluate(READ_TIMELINE), shown, schools_on_map(g, question))
    page.click("#view-grid")
    assert page.locator("#grid tbody tr").count() == sum(1 for n in shown if g.nodes[n]["kind"] == "evidence")
    page.click("#view-timeline")
    page.click("#timeline-all-dates")
    assert page.evaluate("[argmap.kit.state.dateFrom, argmap.kit.state.dateTo]") == [None, None]
    assert page.locator("#timeline-plot .tl-item").count() == len(drawn["items"])


def test_choosing_an_item_by_click_or_keys_selects_it_everywhere(built_site, offline_page):
    g, out = built_site(FIXTURES / "mini")
    page = open_map(offline_page, out, MINI_Q)
    page.click("#view-timeline")
    items = [i["id"] for i in page.evaluate(READ_TIMELINE)["items"]]
    page.click(f"#timeline [data-id='{items[1]}']")
    assert selected(page) == items[1]
    assert g.nodes[items[1]]["title"] in page.inner_text("#details"), "the panel shows it"

    page.evaluate("argmap.kit.setReveal(argmap.kit.revealOrder.length)")
    page.focus(f"#timeline [data-id='{items[0]}']")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowLeft")
    assert page.evaluate("document.activeElement.getAttribute('data-id')") == items[1]
    assert page.evaluate("argmap.kit.state.revealStep") == page.evaluate("argmap.kit.revealOrder.length"), \
        "the arrows move between items, not through the reveal"
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    assert selected(page) == items[-1]
    page.click("#view-timeline")   # back to the map, where it is selected too
    assert page.evaluate("argmap.kit.view.network.getSelectedNodes()") == [items[-1]]
