"""A map page driven in a real, offline Chromium, as a student or teacher would.

Every test opens a built page with every network request blocked; the
``offline_page`` fixture fails it on any console error, page error, dialog or
request. The page's weighing must equal argmap.analysis to 1e-12.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.analysis import lens, questions, weigh
from argmap.corpus import load_corpus
from argmap.graph import build_graph
from argmap.render import build_site
from argmap.render.layout import map_nodes

pytestmark = pytest.mark.browser

FIXTURES = Path(__file__).parent / "fixtures"
MINI_Q = "collective-security-aim"
AGREE, DISAGREE = f"{MINI_Q}/agree", f"{MINI_Q}/disagree"
TOLERANCE = 1e-12


def built(tmp_path_factory, root: Path, name: str):
    g = build_graph(load_corpus(root).corpus)
    out = tmp_path_factory.mktemp(name)
    build_site(g, out)
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


def open_map(offline_page, out: Path, question: str, **size):
    page, log = offline_page(out / f"{question}.html", **size)
    page.evaluate("argmap.ready")
    return page


def visible(page) -> set[str]:
    return {n["id"] for n in page.evaluate("argmap.nodes({visible: true})")}


def details(page) -> str:
    return " ".join(page.inner_text("#details").split())


def test_the_map_is_drawn_and_lists_the_questions_nodes(mini, offline_page):
    g, out = mini
    page = open_map(offline_page, out, MINI_Q)
    assert page.evaluate("document.documentElement.dataset.ready") == "true"
    nodes = page.evaluate("argmap.nodes()")
    assert [n["id"] for n in nodes] == map_nodes(g, MINI_Q)
    assert {n["id"]: n["kind"] for n in nodes}["munich"] == "evidence"
    labels = {n["id"]: n["label"] for n in nodes}
    assert labels == {n: g.nodes[n]["label"] for n in map_nodes(g, MINI_Q)}, "the graph's labels"
    assert labels["german-deal"] == "Stalin wanted a German deal"
    assert "collective-security" not in {n["id"] for n in nodes}, "schools are not drawn"
    assert visible(page) == set(map_nodes(g, MINI_Q))
    assert page.is_visible("#map canvas")


def test_selecting_evidence_shows_its_full_text_date_source_and_sides(mini, offline_page):
    _, out = mini
    page = open_map(offline_page, out, MINI_Q)
    page.evaluate("argmap.select('nazi-soviet-pact')")
    text = details(page)
    for expected in ("Nazi-Soviet Pact signed", "1939-08-23", "Class notes, the Nazi-Soviet Pact",
                     "Non-aggression pact with a secret protocol dividing eastern Europe.",
                     "supports A German deal was the aim", "undermines Collective security was the aim",
                     "The pact was the aim achieved."):
        assert expected in text, expected


def test_selecting_a_claim_shows_the_schools_that_hold_and_reject_it(mini, offline_page):
    _, out = mini
    page = open_map(offline_page, out, MINI_Q)
    page.evaluate("argmap.select('security-genuine')")
    text = details(page)
    assert "Soviet collective security in the 1930s was a genuine policy." in text
    assert "Held by Collective-security school" in text
    assert "Rejected by German school" in text


def test_a_real_click_on_a_node_opens_the_same_details_as_select(mini, offline_page):
    g, out = mini
    page = open_map(offline_page, out, MINI_Q)
    for node in ("munich", "german-deal", AGREE, MINI_Q):
        page.evaluate(f"argmap.select({node!r})")
        expected = details(page)
        page.evaluate("argmap.select('league-entry')")
        point = page.evaluate(f"argmap.domPosition({node!r})")
        page.mouse.click(point["x"], point["y"])
        assert details(page) == expected, node


def test_dom_position_brings_a_node_into_view_first(mini, offline_page):
    _, out = mini
    page = open_map(offline_page, out, MINI_Q)
    page.evaluate("argmap.kit.view.network.moveTo({position: {x: 5000, y: 5000}, scale: 1})")
    point = page.evaluate("argmap.domPosition('munich')")
    box = page.locator("#map").bounding_box()
    assert box["x"] < point["x"] < box["x"] + box["width"]
    assert box["y"] < point["y"] < box["y"] + box["height"]
    page.mouse.click(point["x"], point["y"])
    assert "Munich Conference leaves the USSR out" in details(page)


def test_unknown_ids_throw_errors(mini, offline_page):
    _, out = mini
    page = open_map(offline_page, out, MINI_Q)
    for call in ("argmap.select('nope')", "argmap.domPosition('nope')", "argmap.setSchool('nope')",
                 "argmap.setEvidence('nope', false)", "argmap.setEvidence('german-deal', false)"):
        assert page.evaluate(f"() => {{ try {{ {call}; return 'no error'; }} catch (e) {{ return e instanceof Error; }} }}") is True, call


def test_a_school_lens_shows_only_its_claims_their_evidence_the_question_and_sides(mini, offline_page):
    g, out = mini
    page = open_map(offline_page, out, MINI_Q)
    frame = {MINI_Q, AGREE, DISAGREE}
    for school in ("collective-security", "german-school"):
        page.evaluate(f"argmap.setSchool({school!r})")
        assert visible(page) == frame | (lens(g, school) & set(map_nodes(g, MINI_Q)))
        assert page.input_value("#lens") == school
    page.evaluate("argmap.setSchool(null)")
    assert visible(page) == set(map_nodes(g, MINI_Q))
    page.select_option("#lens", "german-school")
    assert visible(page) == frame | {"german-deal", "nazi-soviet-pact", "league-entry"}
    assert "German school" in page.inner_text("#balance-lens")


def test_setting_the_pact_aside_shifts_the_balance_towards_collective_security(mini, offline_page):
    g, out = mini
    page = open_map(offline_page, out, MINI_Q)
    before = page.evaluate("argmap.balance()")
    page.evaluate("argmap.setEvidence('nazi-soviet-pact', false)")
    after = page.evaluate("argmap.balance()")
    assert after[AGREE] > before[AGREE]
    assert "nazi-soviet-pact" in visible(page), "set-aside evidence stays on the map"
    assert page.evaluate("argmap.kit.view.nodes.get('nazi-soviet-pact').group").endswith("-aside")
    assert not page.is_checked("#count-nazi-soviet-pact")
    share = weigh(g, MINI_Q, accepted={"nazi-soviet-pact": False}).shares[AGREE]
    assert f"{int(share * 100 + 0.5)}%" in page.inner_text("#balance-list")
    page.click("#tab-evidence")
    page.check("#count-nazi-soviet-pact")
    assert page.evaluate("argmap.balance()") == before


def test_setting_evidence_aside_from_the_details_panel(mini, offline_page):
    _, out = mini
    page = open_map(offline_page, out, MINI_Q)
    before = page.evaluate("argmap.balance()")
    page.evaluate("argmap.select('munich')")
    page.click("#details .toggle-evidence")
    assert page.evaluate("argmap.balance()")[AGREE] < before[AGREE]
    assert "Bring this evidence back" in details(page)
    page.click("#details .toggle-evidence")
    assert page.evaluate("argmap.balance()") == before


def compare_with_python(page, g, question: str, schools: list[str | None], choices: list[dict[str, bool]]):
    """Weigh every lens x evidence choice in the page in one call and compare
    strengths and shares with argmap.analysis.weigh."""
    results = page.evaluate(
        """([schools, choices]) => {
            const out = [];
            for (const school of schools) {
              argmap.setSchool(school);
              for (const choice of choices) {
                for (const [id, accepted] of Object.entries(choice)) argmap.setEvidence(id, accepted);
                out.push({balance: argmap.balance(), strengths: argmap.strengths()});
                for (const id of Object.keys(choice)) argmap.setEvidence(id, true);
              }
            }
            return out;
        }""",
        [schools, choices],
    )
    on_map = set(map_nodes(g, question))
    index = 0
    for school in schools:
        for choice in choices:
            expected = weigh(g, question, accepted=choice, school=school)
            got = results[index]
            index += 1
            assert got["balance"].keys() == expected.shares.keys()
            for side, share in expected.shares.items():
                if share is None:  # the school takes no position
                    assert got["balance"][side] is None, (school, choice, side)
                    continue
                assert abs(got["balance"][side] - share) <= TOLERANCE, (school, choice, side)
            python = {n: s for n, s in expected.strengths.items() if n in on_map}
            assert got["strengths"].keys() == python.keys(), (school, choice)
            for node, strength in python.items():
                assert abs(got["strengths"][node] - strength) <= TOLERANCE, (school, choice, node)


def evidence_choices(g, question: str, singles: bool = True) -> list[dict[str, bool]]:
    """No evidence aside, each item aside alone (if ``singles``), every other
    item aside, and all of it aside."""
    evidence = [n for n in map_nodes(g, question) if g.nodes[n]["kind"] == "evidence"]
    choices: list[dict[str, bool]] = [{}]
    if singles:
        choices += [{e: False} for e in evidence]
    choices.append({e: False for e in evidence[::2]})
    choices.append({e: False for e in evidence})
    return choices


def schools_of(g, question: str) -> list[str | None]:
    claims = {n for n in map_nodes(g, question) if g.nodes[n]["kind"] == "claim"}
    return [None] + [s for s, k in g.nodes(data="kind") if k == "school" and set(g.successors(s)) & claims]


def test_the_pages_weighing_equals_python_on_the_mini_corpus(mini, offline_page):
    g, out = mini
    page = open_map(offline_page, out, MINI_Q)
    compare_with_python(page, g, MINI_Q, schools_of(g, MINI_Q), evidence_choices(g, MINI_Q))


def test_the_pages_weighing_equals_python_on_every_course_map(course, offline_page):
    g, out = course
    for q in questions(g):
        page = open_map(offline_page, out, q)
        compare_with_python(page, g, q, [None], evidence_choices(g, q))
        compare_with_python(page, g, q, schools_of(g, q)[1:], evidence_choices(g, q, singles=False))
        page.close()


def test_classroom_reveal_goes_one_claim_at_a_time_with_its_own_evidence(mini, offline_page):
    g, out = mini
    page = open_map(offline_page, out, MINI_Q)
    frame = {MINI_Q, AGREE, DISAGREE}
    page.evaluate("argmap.resetReveal()")
    assert visible(page) == frame
    added = page.evaluate("argmap.revealNext()")
    assert set(added) == {"security-genuine", "league-entry", "franco-soviet-pact"}
    assert visible(page) == frame | set(added)
    # pact-last-resort and german-deal both feed security-genuine: they come
    # next, in the order of the map's links, before the sides list them again.
    feeders = [u for u, v in g.edges() if v == "security-genuine" and g.nodes[u]["kind"] == "claim"]
    seen = set(visible(page))
    for claim in feeders:
        added = page.evaluate("argmap.revealNext()")
        assert claim in added and not set(added) & seen
        assert [a for a in added if g.nodes[a]["kind"] == "claim"] == [claim]
        seen |= set(added)
    assert visible(page) == set(map_nodes(g, MINI_Q))
    assert page.evaluate("argmap.revealNext()") == [], "after the last step nothing more shows"
    page.evaluate("argmap.resetReveal()")
    page.evaluate("argmap.setSchool('german-school')")
    assert set(page.evaluate("argmap.revealNext()")) == {"german-deal", "nazi-soviet-pact", "league-entry"}
    assert visible(page) == frame | {"league-entry", "german-deal", "nazi-soviet-pact"}, "lens and reveal combine"
    page.evaluate("argmap.revealAll()")
    assert visible(page) == frame | {"german-deal", "nazi-soviet-pact", "league-entry"}
    page.evaluate("argmap.setSchool(null)")
    assert visible(page) == set(map_nodes(g, MINI_Q))


def test_the_reveal_by_keyboard(tmp_path, offline_page):
    """Right or Space for the next claim, Left back, R to restart."""
    root = tmp_path / "three"
    (root / "schools").mkdir(parents=True)
    (root / "evidence").mkdir()
    (root / "exam_questions").mkdir()
    (root / "evidence" / "e.yaml").write_text(
        "evidence:\n" + "".join(f"  - {{id: e{i}, title: Fact {i}, date: '1939', source: notes}}\n" for i in range(3)),
        encoding="utf-8")
    (root / "schools" / "c.yaml").write_text(
        "claims:\n" + "".join(f"  - {{id: c{i}, text: Claim {i}., evidence: [{{ref: e{i}, stance: supports}}]}}\n"
                              for i in range(3)), encoding="utf-8")
    (root / "exam_questions" / "q.yaml").write_text(
        "questions:\n  - id: q\n    text: Q?\n    command_term: discuss\n    sides:\n"
        "      - {id: yes, label: Yes, claims: [c0, c2]}\n      - {id: no, label: No, claims: [c1]}\n",
        encoding="utf-8")
    g = build_graph(load_corpus(root).corpus)
    build_site(g, tmp_path / "out")
    page = open_map(offline_page, tmp_path / "out", "q")
    frame = {"q", "q/yes", "q/no"}
    page.keyboard.press("r")
    assert visible(page) == frame
    page.keyboard.press("ArrowRight")
    assert visible(page) == frame | {"c0", "e0"}
    page.keyboard.press(" ")
    assert visible(page) == frame | {"c0", "e0", "c2", "e2"}, "sides in order, claims in listed order"
    page.keyboard.press("ArrowRight")
    assert visible(page) == frame | {"c0", "e0", "c1", "c2", "e1", "e2"}
    page.keyboard.press("ArrowLeft")
    assert visible(page) == frame | {"c0", "e0", "c2", "e2"}
    assert "Step 2 of 3" in page.inner_text("#reveal-status")
    page.keyboard.press("R")
    assert visible(page) == frame
    page.click("#reveal-all")
    assert len(visible(page)) == 9


def test_projector_mode_by_key_and_button(mini, offline_page):
    _, out = mini
    page = open_map(offline_page, out, MINI_Q)
    font = page.evaluate("getComputedStyle(document.querySelector('.balance-list')).fontSize")
    page.keyboard.press("p")
    assert page.evaluate("document.documentElement.classList.contains('theme-projector')")
    assert page.get_attribute("#projector", "aria-pressed") == "true"
    assert float(page.evaluate("getComputedStyle(document.querySelector('.balance-list')).fontSize")[:-2]) > float(font[:-2])
    page.click("#projector")
    assert not page.evaluate("document.documentElement.classList.contains('theme-projector')")
    page.click("#projector")
    assert page.evaluate("document.documentElement.classList.contains('theme-projector')")


def test_the_outline_is_the_same_argument_as_a_list_and_prints(mini, offline_page):
    g, out = mini
    page = open_map(offline_page, out, MINI_Q)
    assert not page.is_visible("#outline")
    page.click("#view-toggle")
    assert page.is_visible("#outline") and not page.is_visible("#map-view")
    text = page.inner_text("#outline")
    for claim in ("security-genuine", "pact-last-resort", "german-deal"):
        assert g.nodes[claim]["text"] in text
    assert "Munich showed the West would not stand with Moscow." in text
    page.evaluate("argmap.setEvidence('munich', false)")
    assert "(set aside)" in page.inner_text("#outline li.is-aside")
    page.click("#view-toggle")
    page.emulate_media(media="print")
    assert page.is_visible("#outline") and page.is_visible("#balance-list")
    assert not page.is_visible(".toolbar") and not page.is_visible("#map-view")


def test_search_finds_a_node_and_opens_it(mini, offline_page):
    _, out = mini
    page = open_map(offline_page, out, MINI_Q)
    page.fill("#search", "munich")
    assert "Munich Conference leaves the USSR out" in page.inner_text("#search-results")
    page.press("#search", "Enter")
    assert "Munich Conference leaves the USSR out" in details(page)
    page.fill("#search", "zzz no such thing")
    assert "Nothing matches" in page.inner_text("#search-results")


def test_the_date_filter_hides_evidence_outside_the_years(mini, offline_page):
    g, out = mini
    page = open_map(offline_page, out, MINI_Q)
    page.fill("#date-from", "1936")
    assert "league-entry" not in visible(page) and "franco-soviet-pact" not in visible(page)
    assert {"munich", "nazi-soviet-pact", "german-deal"} <= visible(page)
    page.fill("#date-to", "1938")
    assert "nazi-soviet-pact" not in visible(page) and "munich" in visible(page)
    page.fill("#date-from", "")
    page.fill("#date-to", "")
    assert visible(page) == set(map_nodes(g, MINI_Q))


def test_index_and_schools_pages_open_offline_and_link_to_the_maps(mini, offline_page):
    _, out = mini
    page, _ = offline_page(out / "index.html")
    assert page.locator(f"a[href='{MINI_Q}.html']").count() >= 1
    assert page.locator("a[href='schools.html']").count() == 1
    page, _ = offline_page(out / "schools.html")
    assert "Jonathan Haslam" in page.inner_text("main")


def test_a_course_map_fits_a_laptop_screen(course, offline_page):
    """The biggest course map, fitted at 1366x768, keeps labels at least 10 px."""
    g, out = course
    q = max(questions(g), key=lambda q: len(map_nodes(g, q)))
    page = open_map(offline_page, out, q, width=1366, height=768)
    scale = page.evaluate("argmap.kit.view.network.getScale()")
    assert 14 * scale >= 10, f"claim labels are {14 * scale:.1f} px"
    box = page.locator("#map").bounding_box()
    for node in page.evaluate("argmap.nodes()"):
        point = page.evaluate(
            f"argmap.kit.view.network.canvasToDOM(argmap.kit.view.network.getPositions([{node['id']!r}])[{node['id']!r}])")
        assert 0 <= point["x"] <= box["width"] and 0 <= point["y"] <= box["height"], node["id"]


def test_figures_round_the_same_way_in_the_page_and_in_python(mini, offline_page):
    """Halves round up in both (Python's round and JavaScript's toFixed disagree on ties), and the
    extent words follow the percentage shown (0.598 is 60%, "to a large extent") in both."""
    from argmap.analysis import extent_words, percent

    _, out = mini
    page = open_map(offline_page, out, MINI_Q)
    shares = [0.125, 0.625, 0.005, 0.015, 0.285, 0.595, 0.598, 0.5949, 0.6, 0.4, 0.395, 0.3949, 0.39999,
              1 / 3, 2 / 3, 0.0, 1.0, 0.5]
    page_figures = page.evaluate(
        "(shares) => shares.map(s => [argmap.kit.weigh.percent(s), argmap.kit.weigh.extentWords(s)])", shares)
    assert page_figures == [[percent(s), extent_words(s)] for s in shares]


def test_the_map_and_the_index_show_the_same_balance(course, offline_page):
    g, out = course
    index, _ = offline_page(out / "index.html")
    index_text = " ".join(index.inner_text("main").split())
    for q in questions(g)[:2]:
        page = open_map(offline_page, out, q)
        lines = page.locator("#balance-list li").all_inner_texts()
        assert len(lines) == len(g.nodes[q]["sides"])
        for line in lines:
            assert " ".join(line.split()) in index_text, line
        page.close()


def test_a_large_generated_map_is_drawn_and_weighed_like_python(tmp_path, offline_page):
    """330 claims and evidence, 500 lines, on one question: straight lines, same numbers."""
    root = tmp_path / "large"
    for folder in ("schools", "exam_questions", "evidence"):
        (root / folder).mkdir(parents=True)
    evidence = [f"e{i}" for i in range(220)]
    (root / "evidence" / "e.yaml").write_text("evidence:\n" + "".join(
        f"  - {{id: {e}, title: Fact number {i} about the thirties, date: '{1930 + i % 10}', source: notes}}\n"
        for i, e in enumerate(evidence)), encoding="utf-8")
    lines = ["claims:"]
    for c in range(110):
        links = ", ".join(
            f"{{ref: e{(c * 7 + k * 13) % 220}, stance: {'undermines' if k == 2 else 'supports'},"
            f" weight: {('weak', 'moderate', 'strong')[(c + k) % 3]}}}" for k in range(4))
        extra = f", undermines: [c{c - 3}]" if c >= 6 and c % 5 == 0 else ""
        lines.append(f"  - {{id: c{c}, text: Claim {c} holds., evidence: [{links}]{extra}}}")
    (root / "schools" / "c.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
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
    assert len(page.evaluate("argmap.nodes()")) == len(map_nodes(g, "q"))
    drawn = page.evaluate("argmap.geometry()")
    assert len(drawn["lines"]) == len(page.evaluate("argmap.kit.data.links")), "every line drawn, as a polyline"
    shown = set(map_nodes(g, "q"))
    compare_with_python(page, g, "q", [None, "s"], [{}, {e: False for e in evidence[::3] if e in shown}])
    page.evaluate("argmap.setSchool(null)")
    point = page.evaluate("argmap.domPosition('c17')")
    page.mouse.click(point["x"], point["y"])
    assert "Claim 17 holds." in details(page)


def test_a_bare_question_without_evidence_or_schools_still_works(tmp_path, offline_page):
    root = tmp_path / "bare"
    (root / "exam_questions").mkdir(parents=True)
    (root / "exam_questions" / "q.yaml").write_text(
        "claims:\n  - {id: a, text: A holds.}\n  - {id: b, text: B holds.}\n"
        "questions:\n  - id: q\n    text: " + "A very long question that goes on and on, " * 8 + "doesn't it?\n"
        "    command_term: discuss\n    sides:\n"
        "      - {id: yes, label: Yes, claims: [a]}\n      - {id: no, label: No, claims: [b]}\n",
        encoding="utf-8")
    g = build_graph(load_corpus(root).corpus)
    build_site(g, tmp_path / "out")
    page = open_map(offline_page, tmp_path / "out", "q")
    assert page.locator("#date-from").count() == 0, "no evidence, no date filter"
    assert page.evaluate("argmap.balance()") == {"q/yes": 0.5, "q/no": 0.5}
    assert page.locator("#lens option").count() == 1
    page.keyboard.press("r")
    page.keyboard.press("ArrowRight")
    assert visible(page) == {"q", "q/yes", "q/no", "a"}
    question = next(n for n in page.evaluate("argmap.nodes()") if n["id"] == "q")
    assert question["label"] == g.nodes["q"]["text"], "the API gives the full label"
    drawn = page.evaluate("argmap.kit.view.nodes.get('q').label")
    assert " ".join(drawn.split()) == g.nodes["q"]["text"], "the box draws it whole, over several lines"
    schools, _ = offline_page(tmp_path / "out" / "schools.html")
    assert "no schools yet" in schools.inner_text("main")


def test_going_full_screen_refits_the_map(mini, offline_page):
    """A bigger window (a projector going full screen) gets a bigger map, until
    the reader zooms: then the view is theirs."""
    _, out = mini
    page, _ = offline_page(out / f"{MINI_Q}.html", width=900, height=560)
    page.evaluate("argmap.ready")
    small = page.evaluate("argmap.kit.view.network.getScale()")
    page.set_viewport_size({"width": 1366, "height": 768})
    # Polled frame by frame inside the page: the page's CSP forbids the
    # string evaluation wait_for_function polls with.
    scale = page.evaluate("""(small) => new Promise((resolve) => {
        let frames = 0;
        (function check() {
          const scale = argmap.kit.view.network.getScale();
          if (scale > small * 1.1 || ++frames > 120) resolve(scale); else requestAnimationFrame(check);
        })();
    })""", small)
    assert scale > small * 1.1


COURSE_MAP = "nov-2020-collective-security"


def test_projector_shows_the_map_text_larger_on_screen(course, offline_page):
    """Projected, the map's own boxes must read larger than on a laptop, not
    only the header and panel: after fitting at 1366x768, claim and evidence
    type is larger than its default size (the same labels, whole, so the gain
    is the projector's wider map area), by the P toggle or built in,
    while the balance and the legend stay on screen (the panel folds away and
    they sit above and below the map)."""
    g, out = course
    if COURSE_MAP not in questions(g):
        pytest.skip(f"the course corpus has no question '{COURSE_MAP}' yet")
    page = open_map(offline_page, out, COURSE_MAP, width=1366, height=768)
    sizes = "({claim: argmap.kit.view.labelPx('claim'), evidence: argmap.kit.view.labelPx('evidence')})"
    default = page.evaluate(sizes)
    page.evaluate("argmap.toggleProjector()")
    assert page.is_hidden("#panel"), "the projector folds the panel away for the map"
    assert page.is_visible("#balance-list") and page.is_visible(".legend"), "balance and legend stay on screen"
    for box in (".balance", ".legend"):
        rect = page.evaluate(f"document.querySelector('{box}').getBoundingClientRect().toJSON()")
        assert rect["top"] >= 0 and rect["bottom"] <= 768, (box, rect)
    projected = page.evaluate(sizes)
    for kind in ("claim", "evidence"):
        assert projected[kind] >= 1.05 * default[kind], (kind, default[kind], projected[kind])
        assert projected[kind] >= 11, (kind, projected[kind])
    labels = page.evaluate("argmap.kit.view.nodes.get().map(function (n) { return [n.id, n.x, n.label]; })")
    page.click("#panel-toggle")
    assert page.is_visible("#balance-list") and page.get_attribute("#panel-toggle", "aria-expanded") == "true"
    page.keyboard.press("b")
    assert page.is_hidden("#panel") and page.evaluate(sizes) == projected
    page.evaluate("argmap.toggleProjector()")
    assert page.is_visible("#panel")
    assert page.evaluate(sizes) == default, "leaving the projector restores the laptop map"

    projector_out = out.parent / f"{out.name}-projector"
    build_site(g, projector_out, [COURSE_MAP], theme="projector")
    built_in = open_map(offline_page, projector_out, COURSE_MAP, width=1366, height=768)
    assert built_in.evaluate(sizes) == projected, "a projector build opens as the P key shows it"
    assert built_in.evaluate("argmap.kit.view.nodes.get().map(function (n) { return [n.id, n.x, n.label]; })") == labels
