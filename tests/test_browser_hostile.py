"""A corpus of hostile text runs no script on any page.

tests/fixtures/hostile puts script tags, event handlers, ``javascript:``
links, comment openers and line separators in every text field. Each page is
opened offline and used the way a student would (every node selected, every
lens, search, outline, tooltips); the text must show up as text and
``window.pwned`` must never be set. The ``offline_page`` fixture also fails
the test on any dialog (``alert``), console error or network request.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.corpus import load_corpus
from argmap.graph import build_graph
from argmap.render import build_site

pytestmark = pytest.mark.browser

HOSTILE = Path(__file__).parent / "fixtures" / "hostile"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = load_corpus(HOSTILE)
    assert not result.errors, result.errors
    out = tmp_path_factory.mktemp("hostile")
    build_site(build_graph(result.corpus), out)
    return out


def assert_not_pwned(page):
    page.wait_for_timeout(50)
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert page.evaluate("typeof parent.pwned") == "undefined"


@pytest.mark.parametrize("name", ["index.html", "schools.html"])
def test_index_and_schools_pages_show_hostile_text_as_text(site, offline_page, name):
    page, _ = offline_page(site / name)
    assert page.locator("script").count() == 0, "these pages need no script at all"
    assert page.locator("img, iframe, svg[onload], a[href^='javascript']").count() == 0
    text = page.inner_text("body")
    assert "<script>window.pwned=1</script>" in text
    assert_not_pwned(page)


@pytest.mark.parametrize("question", ["hostile-question", "practice-hostile"])
def test_a_hostile_map_runs_nothing_however_it_is_used(site, offline_page, question):
    page, _ = offline_page(site / f"{question}.html")
    page.evaluate("argmap.ready")
    assert_not_pwned(page)
    for node in page.evaluate("argmap.nodes()"):
        page.evaluate(f"argmap.select({node['id']!r})")
        point = page.evaluate(f"argmap.domPosition({node['id']!r})")
        page.mouse.move(point["x"], point["y"])
        page.wait_for_timeout(300)
        page.mouse.click(point["x"], point["y"])
        assert page.locator("#details img, #details iframe, #details script, #details a").count() == 0
    assert_not_pwned(page)
    page.evaluate("argmap.select('script-tag')")
    text = page.inner_text("#details")
    assert "</script><script>window.pwned=1</script> pact <!-- signed" in text
    assert "<img src=x onerror=\"window.pwned=1\">" in text
    assert "\u2028" in page.evaluate("argmap.kit.data.evidence['script-tag'].detail")
    for school in page.evaluate("argmap.kit.data.schools.map(s => s.id)"):
        page.select_option("#lens", school)
        assert_not_pwned(page)
    page.fill("#search", "<script")
    assert "<script>" in page.inner_text("#search-results") or "Nothing matches" in page.inner_text("#search-results")
    page.press("#search", "Enter")
    page.click("#view-toggle")
    assert "<script>window.pwned=1</script>" in page.inner_text("#outline")
    page.click("#view-toggle")
    page.click("#tab-evidence")
    page.click("#show-event-handler")
    assert "click me</a> href" in page.inner_text("#details")
    assert page.title().startswith("<script>") or page.title().startswith("Practice")
    for tab in page.evaluate("argmap.kit.panel.tabs.map(t => t.id)"):
        page.click(f"#tab-{tab}")
    assert_not_pwned(page)
