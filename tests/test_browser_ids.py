"""Ids are data: a corpus whose ids are JavaScript's own names works on the page.

tests/fixtures/jsnames names its claims ``constructor`` and ``valueof`` and
its evidence ``tostring``, ``hasownproperty`` and ``isprototypeof``. Looked
up in a plain ``{}`` these ids find Object.prototype's members, which once
made the page's balance 50/50 where Python says 0/100 and left the claim
``constructor`` hidden when the reveal reached a claim it argues against. The page must weigh, select, reveal and filter them exactly as any
other id, and its numbers must equal argmap.analysis.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.analysis import balance
from argmap.corpus import load_corpus
from argmap.graph import build_graph
from argmap.render import build_site
from argmap.render.layout import map_nodes

pytestmark = pytest.mark.browser

CORPUS = Path(__file__).parent / "fixtures" / "jsnames"
QUESTION = "names-question"
CLAIMS = ["valueof", "constructor"]  # in reveal order; constructor feeds valueof
EVIDENCE = ["tostring", "hasownproperty", "isprototypeof"]
TOLERANCE = 1e-12


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = load_corpus(CORPUS)
    assert not result.errors, result.errors
    g = build_graph(result.corpus)
    out = tmp_path_factory.mktemp("jsnames")
    build_site(g, out)
    return g, out


def open_map(offline_page, out: Path):
    page, _ = offline_page(out / f"{QUESTION}.html")
    page.evaluate("argmap.ready")
    return page


def visible(page) -> set[str]:
    return {n["id"] for n in page.evaluate("argmap.nodes({visible: true})")}


def assert_same_balance(got: dict[str, float], expected: dict[str, float], why) -> None:
    assert got.keys() == expected.keys(), why
    for side, share in expected.items():
        assert abs(got[side] - share) <= TOLERANCE, (why, side, got, expected)


def test_the_balance_equals_python_under_every_lens_and_evidence_choice(site, offline_page):
    g, out = site
    page = open_map(offline_page, out)
    assert {n["id"] for n in page.evaluate("argmap.nodes()")} >= set(CLAIMS + EVIDENCE)
    choices = [{}] + [{e: False} for e in EVIDENCE] + [{e: False for e in EVIDENCE}]
    for school in [None, "expansionist", "security"]:
        page.evaluate("(s) => argmap.setSchool(s)", school)
        for choice in choices:
            got = page.evaluate(
                """(choice) => {
                    for (const [id, accepted] of Object.entries(choice)) argmap.setEvidence(id, accepted);
                    const shares = argmap.balance();
                    for (const id of Object.keys(choice)) argmap.setEvidence(id, true);
                    return shares;
                }""",
                choice,
            )
            assert_same_balance(got, balance(g, QUESTION, accepted=choice, school=school), (school, choice))


def test_the_whole_debate_leans_all_one_way_as_python_says(site, offline_page):
    g, out = site
    page = open_map(offline_page, out)
    expected = balance(g, QUESTION)
    assert sorted(round(s * 100) for s in expected.values()) == [0, 100]
    assert_same_balance(page.evaluate("argmap.balance()"), expected, "whole debate")
    shown = [" ".join(t.split()) for t in page.locator("#balance-list li .share").all_inner_texts()]
    assert sorted(shown) == ["0%", "100%"]


def test_ticking_evidence_off_by_click_moves_the_balance_as_in_python(site, offline_page):
    g, out = site
    page = open_map(offline_page, out)
    page.select_option("#lens", "security")
    before = balance(g, QUESTION, school="security")
    after = balance(g, QUESTION, accepted={"tostring": False}, school="security")
    assert before != after
    page.click("#tab-evidence")
    page.click("#count-tostring")
    assert not page.is_checked("#count-tostring")
    assert_same_balance(page.evaluate("argmap.balance()"), after, "click")
    assert "1 evidence item set aside" in page.inner_text("#balance-aside")
    page.click("#count-tostring")
    assert_same_balance(page.evaluate("argmap.balance()"), before, "click back")
    assert page.inner_text("#balance-aside").strip() == ""


def test_setting_unknown_ids_aside_is_refused(site, offline_page):
    _, out = site
    page = open_map(offline_page, out)
    for call in ("argmap.setEvidence('constructor', false)", "argmap.setEvidence('hasOwnProperty', false)",
                 "argmap.setSchool('constructor')", "argmap.select('toString')"):
        message = page.evaluate(f"() => {{ try {{ {call}; return ''; }} catch (e) {{ return e.message; }} }}")
        assert message, call


def test_selecting_each_box_shows_its_own_details(site, offline_page):
    g, out = site
    page = open_map(offline_page, out)
    for node in CLAIMS + EVIDENCE:
        page.evaluate(f"argmap.select({node!r})")
        text = " ".join(page.inner_text("#details").split())
        data = g.nodes[node]
        assert (data.get("text") or data.get("title")) in text, node
    # A click on a title in the evidence list selects that item too.
    page.click("#tab-evidence")
    page.click("#show-isprototypeof")
    assert "USSR joins the League of Nations" in page.inner_text("#details")
    assert "Collective security had value" in page.inner_text("#details")


def test_the_reveal_shows_each_claim_with_its_own_evidence(site, offline_page):
    g, out = site
    on_map = set(map_nodes(g, QUESTION))
    fixed = {n for n in on_map if g.nodes[n]["kind"] in ("question", "side")}
    page = open_map(offline_page, out)
    page.click("#reveal-start")
    assert visible(page) == fixed
    expected = set(fixed)
    for claim in CLAIMS:
        page.keyboard.press("ArrowRight")
        expected |= {claim} | {e for e in g.predecessors(claim) if g.nodes[e]["kind"] == "evidence"}
        assert visible(page) == expected, claim
        assert g.nodes[claim]["label"] in page.inner_text("#reveal-status")
    page.click("#reveal-all")
    assert visible(page) == on_map


def test_a_lens_and_the_date_filter_hide_exactly_what_they_should(site, offline_page):
    g, out = site
    on_map = set(map_nodes(g, QUESTION))
    page = open_map(offline_page, out)
    page.select_option("#lens", "security")
    shown = visible(page)
    assert "valueof" in shown and "constructor" not in shown
    assert {"tostring", "isprototypeof"} <= shown and "hasownproperty" not in shown
    page.select_option("#lens", "")
    assert visible(page) == on_map
    page.fill("#date-to", "1935")
    shown = visible(page)
    assert "isprototypeof" in shown and not {"tostring", "hasownproperty"} & shown
