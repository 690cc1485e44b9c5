"""The grid view: evidence against claims as a table, driven in a real,
offline Chromium (docs/interface.md, issue 15).

Every check reads the table a reader sees and compares it with an
independent reading in Python: the map's nodes (argmap.render.layout), the
graph's links, argmap.analysis.side_stances (FORMAT.md's stances), lens and
impact. ``offline_page`` fails a test on any console error or network request.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.analysis import impact, lens, questions, side_stances
from argmap.corpus.models import WEIGHTS, date_bounds
from argmap.render.layout import map_nodes

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).parent / "fixtures"
MINI_Q = "collective-security-aim"
WEIGHT_WORDS = {value: word for word, value in WEIGHTS.items()}
FEEDING = "Claims that feed others"

READ_GRID = """() => {
  const t = document.getElementById('grid');
  const text = c => c.textContent.replace(/\\s+/g, ' ').trim();
  return {
    caption: t.caption ? text(t.caption) : null,
    groups: [...t.tHead.rows[0].cells].map(c => ({text: text(c), span: c.colSpan, scope: c.getAttribute('scope')})),
    heads: [...t.tHead.rows[1].cells].map(c => ({id: c.getAttribute('data-id'), side: c.getAttribute('data-side'),
                                                 text: text(c), scope: c.getAttribute('scope')})),
    rows: [...t.tBodies[0].rows].map(r => ({
      id: r.getAttribute('data-id'), selected: r.getAttribute('aria-selected'), header: text(r.cells[0]),
      scope: r.cells[0].getAttribute('scope'), aside: r.classList.contains('is-aside'),
      cells: [...r.cells].slice(1).map(c => ({claim: c.getAttribute('data-claim'), side: c.getAttribute('data-side'), text: text(c)}))
    }))
  };
}"""


def open_map(offline_page, out: Path, question: str, **size):
    page, _ = offline_page(out / f"{question}.html", **size)
    page.evaluate("argmap.ready")
    return page


def selected(page):
    return page.evaluate("argmap.state ? argmap.state().selected : argmap.kit.state.selected")


def date_key(g, evidence: str):
    start, end = date_bounds(g.nodes[evidence]["date"])
    return start, end, evidence


def shown_nodes(g, question: str, school: str | None = None, years: tuple[int, int] | None = None) -> list[str]:
    """What the page should show, read from the graph: the map, the lens, the dates."""
    nodes = map_nodes(g, question)
    if school:
        # the school's claims on the map (none when it holds no claim on a
        # side: no position), and evidence only where one of them cites it
        kept = lens(g, school)
        listed = {c for s in g.nodes[question]["sides"] for c in g.nodes[s]["claims"]}
        claims = {n for n in nodes if n in kept and g.nodes[n]["kind"] == "claim"} if kept & listed else set()
        cited = {e for e in nodes if g.nodes[e]["kind"] == "evidence" and claims & set(g.successors(e))}
        nodes = [n for n in nodes if g.nodes[n]["kind"] in ("question", "side") or n in claims | cited]
    if years:
        def overlaps(n):
            start, end = date_bounds(g.nodes[n]["date"])
            return end[0] >= years[0] and start[0] <= years[1]
        nodes = [n for n in nodes if g.nodes[n]["kind"] != "evidence" or overlaps(n)]
    return nodes


def side_of(g, claim: str, sides: list[str]) -> str | None:
    return next((s for s in sides if g.has_edge(claim, s)), None)


def check_grid(g, question: str, grid: dict, shown: list[str]) -> None:
    """The grid is exactly the shown evidence (date order) against the shown
    claims (grouped under their sides), each cell as the graph says."""
    sides = g.nodes[question]["sides"]
    evidence = sorted((n for n in shown if g.nodes[n]["kind"] == "evidence"), key=lambda e: date_key(g, e))
    claims = {n for n in shown if g.nodes[n]["kind"] == "claim"}
    assert [r["id"] for r in grid["rows"]] == evidence, "rows: the shown evidence in date order"
    claim_heads = [h["id"] for h in grid["heads"] if h["id"] is not None]
    assert len(claim_heads) == len(set(claim_heads)) and set(claim_heads) == claims, "columns: the shown claims"
    assert [h["side"] for h in grid["heads"] if h["side"] is not None] == sides

    # which group header stands above each column (the corner takes column 0)
    above = []
    for group in grid["groups"][1:]:
        above += [group["text"]] * group["span"]
    assert len(above) == len(grid["heads"])
    for head, group in zip(grid["heads"], above):
        if head["id"] is not None:
            side = side_of(g, head["id"], sides)
            assert group == (g.nodes[side]["label"] if side else FEEDING), head["id"]
            assert head["text"] == g.nodes[head["id"]]["label"]
        assert head["scope"] == "col"
    assert {group["scope"] for group in grid["groups"][1:]} == {"colgroup"}

    stances = side_stances(g, question)
    for row in grid["rows"]:
        ev = row["id"]
        assert row["scope"] == "row" and g.nodes[ev]["title"] in row["header"]
        for cell in row["cells"]:
            if cell["claim"] is not None:
                want = ""
                if g.has_edge(ev, cell["claim"]):
                    edge = g.edges[ev, cell["claim"]]
                    want = f"{edge['relation']}, {WEIGHT_WORDS[edge['weight']]}"
                assert cell["text"] == want, (ev, cell["claim"])
            else:
                assert cell["side"] in sides, "every body cell is a claim's or a side's"
                assert cell["text"] == stances.get(ev, {}).get(cell["side"], ""), (ev, cell["side"])
        assert [c["claim"] for c in row["cells"] if c["claim"]] == claim_heads
        assert [c["side"] for c in row["cells"] if c["side"]] == sides


@pytest.fixture(scope="module")
def course(built_site, course_corpus):
    g, out = built_site(course_corpus)
    if not questions(g):
        pytest.skip("the course corpus has no questions yet")
    return g, out


@pytest.mark.parametrize("corpus, question", [("mini", MINI_Q), ("jsnames", "names-question"),
                                              ("hostile", "hostile-question")])
def test_the_grid_of_a_held_out_corpus_is_its_evidence_against_its_claims(built_site, offline_page, corpus, question):
    g, out = built_site(FIXTURES / corpus)
    page = open_map(offline_page, out, question)
    page.click("#view-grid")
    assert page.is_visible("#grid") and not page.is_visible("#map-view")
    check_grid(g, question, page.evaluate(READ_GRID), map_nodes(g, question))


def test_every_course_map_has_its_grid(course, offline_page):
    g, out = course
    for question in questions(g):
        page = open_map(offline_page, out, question)
        assert page.locator("#grid tr").count() == 0, "the grid is built on first use, not at load"
        page.click("#view-grid")
        grid = page.evaluate(READ_GRID)
        check_grid(g, question, grid, map_nodes(g, question))
        assert grid["caption"] and "The whole debate" in grid["caption"]
        page.close()


def test_the_grid_follows_each_lens_the_reveal_and_the_dates(course, offline_page):
    g, out = course
    question = max(questions(g), key=lambda q: len(map_nodes(g, q)))
    page = open_map(offline_page, out, question)
    page.click("#view-grid")
    schools = page.eval_on_selector_all("#lens option", "options => options.map(o => o.value).filter(Boolean)")
    assert schools
    for school in schools:
        page.select_option("#lens", school)
        grid = page.evaluate(READ_GRID)
        check_grid(g, question, grid, shown_nodes(g, question, school))
        assert g.nodes[school]["name"] in grid["caption"]
    page.select_option("#lens", "")
    page.click("#reveal-start")
    for _ in range(3):
        page.click("#reveal-next")
        shown = [n["id"] for n in page.evaluate("argmap.nodes({visible: true})")]
        assert len(shown) < len(map_nodes(g, question))
        check_grid(g, question, page.evaluate(READ_GRID), shown)
    page.click("#reveal-all")
    years = sorted({date_bounds(g.nodes[n]["date"])[0][0] for n in map_nodes(g, question) if g.nodes[n]["kind"] == "evidence"})
    window = (years[len(years) // 3], years[2 * len(years) // 3])
    page.fill("#date-from", str(window[0]))
    page.fill("#date-to", str(window[1]))
    check_grid(g, question, page.evaluate(READ_GRID), shown_nodes(g, question, years=window))


def test_rows_sort_by_stance_and_by_impact_on_the_verdict(course, offline_page):
    g, out = course
    question = max(questions(g), key=lambda q: len(map_nodes(g, q)))
    sides = g.nodes[question]["sides"]
    stances = side_stances(g, question)
    page = open_map(offline_page, out, question)
    page.click("#view-grid")

    page.select_option("#grid-sort", "impact")
    rows = [r["id"] for r in page.evaluate(READ_GRID)["rows"]]
    sizes = {i.evidence: i.size for i in impact(g, question)}
    assert set(rows) == set(sizes)
    for a, b in zip(rows, rows[1:]):
        assert sizes[a] >= sizes[b] - 1e-12, "biggest pull on the verdict first"
        if abs(sizes[a] - sizes[b]) <= 1e-12:
            assert date_key(g, a) <= date_key(g, b), "ties by date"

    def group(ev):
        words = stances.get(ev, {})
        supported = [i for i, s in enumerate(sides) if words.get(s) == "supports"]
        if "contested" in words.values() or len(supported) > 1:
            return len(sides)
        if supported:
            return supported[0]
        undermined = [i for i, s in enumerate(sides) if words.get(s) == "undermines"]
        return len(sides) + 1 + undermined[0] if undermined else 2 * len(sides) + 1

    page.select_option("#grid-sort", "stance")
    rows = [r["id"] for r in page.evaluate(READ_GRID)["rows"]]
    assert rows == sorted(rows, key=lambda e: (group(e), date_key(g, e)))
    assert len({group(e) for e in rows}) > 1


def test_set_aside_evidence_is_marked_in_its_row(built_site, offline_page):
    g, out = built_site(FIXTURES / "mini")
    page = open_map(offline_page, out, MINI_Q)
    page.click("#view-grid")
    page.evaluate("argmap.setEvidence('munich', false)")
    rows = {r["id"]: r for r in page.evaluate(READ_GRID)["rows"]}
    assert rows["munich"]["aside"] and "set aside" in rows["munich"]["header"]
    assert not any(r["aside"] for ev, r in rows.items() if ev != "munich")
    assert len(rows) == len([n for n in map_nodes(g, MINI_Q) if g.nodes[n]["kind"] == "evidence"]), "still a row"


def test_choosing_a_row_by_click_or_keys_selects_it_everywhere(built_site, offline_page):
    g, out = built_site(FIXTURES / "mini")
    page = open_map(offline_page, out, MINI_Q)
    page.click("#view-grid")
    rows = [r["id"] for r in page.evaluate(READ_GRID)["rows"]]
    page.click(f"#grid tbody tr[data-id='{rows[1]}'] th")
    assert selected(page) == rows[1]
    assert page.get_attribute(f"#grid tr[data-id='{rows[1]}']", "aria-selected") == "true"
    assert g.nodes[rows[1]]["title"] in page.inner_text("#details"), "the panel shows it"

    page.evaluate("argmap.kit.setReveal(argmap.kit.revealOrder.length)")
    page.focus(f"#grid tr[data-id='{rows[0]}']")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowLeft")   # the reveal's key: not while a row has the focus
    assert page.evaluate("document.activeElement.getAttribute('data-id')") == rows[1]
    page.keyboard.press("End")
    page.keyboard.press("Enter")
    assert selected(page) == rows[-1]
    assert page.evaluate("argmap.kit.state.revealStep") == page.evaluate("argmap.kit.revealOrder.length")
    marked = page.eval_on_selector_all("#grid tr[aria-selected='true']", "rows => rows.map(r => r.getAttribute('data-id'))")
    assert marked == [rows[-1]]
    page.click("#grid thead th[data-id='german-deal'] button")
    assert selected(page) == "german-deal" and g.nodes["german-deal"]["text"] in page.inner_text("#details")
    assert page.locator("#grid tr[aria-selected='true']").count() == 0


def test_selecting_on_the_map_marks_the_row_in_the_grid(built_site, offline_page):
    g, out = built_site(FIXTURES / "mini")
    page = open_map(offline_page, out, MINI_Q)
    point = page.evaluate("argmap.domPosition('munich')")
    page.mouse.click(point["x"], point["y"])
    page.click("#view-grid")
    marked = page.eval_on_selector_all("#grid tr[aria-selected='true']", "rows => rows.map(r => r.getAttribute('data-id'))")
    assert marked == ["munich"]
    page.click("#view-grid")   # a second press returns to the map
    assert page.is_visible("#map-view") and not page.is_visible("#grid")
    page.evaluate("argmap.select('league-entry')")
    page.evaluate("argmap.setView('grid')")
    marked = page.eval_on_selector_all("#grid tr[aria-selected='true']", "rows => rows.map(r => r.getAttribute('data-id'))")
    assert marked == ["league-entry"]


def test_the_grid_prints_in_place_of_the_outline(built_site, offline_page):
    _, out = built_site(FIXTURES / "mini")
    page = open_map(offline_page, out, MINI_Q)
    page.click("#view-grid")
    page.emulate_media(media="print")
    assert page.is_visible("#grid") and page.is_visible("#balance-list")
    assert not page.is_visible("#outline") and not page.is_visible(".toolbar") and not page.is_visible("#grid-sort")


def test_hostile_text_stays_text_in_the_grid_and_the_timeline(built_site, offline_page):
    g, out = built_site(FIXTURES / "hostile")
    page = open_map(offline_page, out, "hostile-question")
    for view in ("grid", "timeline"):
        page.click(f"#view-{view}")
        section = "#grid-view" if view == "grid" else "#timeline"
        assert page.locator(f"{section} img, {section} iframe, {section} script, {section} a").count() == 0
        assert "window.pwned=1" in page.inner_text(section)
        page.locator(f"{section} [data-id='script-tag']").first.click()
        assert page.evaluate("argmap.kit.state.selected") == "script-tag"
        page.wait_for_timeout(50)
        assert page.evaluate("typeof window.pwned") == "undefined"


def test_a_grid_too_big_to_read_asks_for_a_lens_first(tmp_path, offline_page):
    """220 evidence items against 110 claims: 24,000 cells would take seconds
    and no one could read them; the page says so and offers a way through."""
    from argmap.corpus import load_corpus
    from argmap.graph import build_graph
    from argmap.render import build_site

    root = tmp_path / "large"
    for folder in ("schools", "exam_questions", "evidence"):
        (root / folder).mkdir(parents=True)
    (root / "evidence" / "e.yaml").write_text("evidence:\n" + "".join(
        f"  - {{id: e{i}, title: Fact number {i}, date: '{1930 + i % 10}', source: notes}}\n"
        for i in range(220)), encoding="utf-8")
    claims = ["claims:"] + [
        f"  - {{id: c{c}, text: Claim {c} holds., evidence: [" + ", ".join(
            f"{{ref: e{(c * 7 + k * 13) % 220}, stance: {'undermines' if k == 2 else 'supports'}}}" for k in range(4)) + "]}"
        for c in range(110)]
    (root / "schools" / "c.yaml").write_text("\n".join(claims) + "\n", encoding="utf-8")
    (root / "schools" / "s.yaml").write_text(
        "schools:\n  - {id: s, name: A school, summary: It argues., holds: [" +
        ", ".join(f"c{c}" for c in range(0, 110, 3)) + "]}\n", encoding="utf-8")
    sides = [", ".join(f"c{c}" for c in range(side, 110, 2)) for side in (0, 1)]
    (root / "exam_questions" / "q.yaml").write_text(
        "questions:\n  - id: q\n    text: How far?\n    command_term: discuss\n    sides:\n"
        f"      - {{id: yes, label: Yes, claims: [{sides[0]}]}}\n      - {{id: no, label: No, claims: [{sides[1]}]}}\n",
        encoding="utf-8")
    g = build_graph(load_corpus(root).corpus)
    build_site(g, tmp_path / "out", questions=["q"])
    page = open_map(offline_page, tmp_path / "out", "q")
    page.click("#view-grid")
    assert page.locator("#grid tbody tr").count() == 0
    assert "Choose a school lens" in page.inner_text("#grid-empty")
    page.select_option("#lens", "s")
    assert not page.is_visible("#grid-empty")
    check_grid(g, "q", page.evaluate(READ_GRID), shown_nodes(g, "q", "s"))
    page.select_option("#lens", "")
    page.click("#grid-anyway")
    evidence = [n for n in map_nodes(g, "q") if g.nodes[n]["kind"] == "evidence"]
    assert page.locator("#grid tbody tr").count() == len(evidence)
    assert page.locator("#grid thead th[data-id]").count() == 110


def test_in_projector_mode_the_grid_opens_the_folded_panel(built_site, offline_page):
    _, out = built_site(FIXTURES / "mini")
    page = open_map(offline_page, out, MINI_Q, width=1920, height=1080)
    page.keyboard.press("p")
    page.click("#view-grid")
    assert not page.is_visible("#panel"), "projector mode folds the panel away"
    page.click("#grid-view .view-panel-toggle")
    assert page.is_visible("#panel")
    assert page.get_attribute("#grid-view .view-panel-toggle", "aria-expanded") == "true"
    page.click("#grid tbody tr th")
    assert page.is_visible("#details") and page.inner_text("#details").strip()
