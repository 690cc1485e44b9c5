"""In the map page, a student's essay plan follows the lens and the evidence
choices, and is the same text `argmap plan` prints (real Chromium, offline)."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from argmap.cli import main
from argmap.corpus import load_corpus
from argmap.graph import build_graph
from argmap.plan import render_plan
from argmap.render import build_site
from corpora import Limits, limit_files, write_corpus

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
Q = "collective-security-aim"


def cli_plan(corpus: Path, question: str, *options: str) -> str:
    """What `argmap plan` prints, run in-process for speed (same entry point)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["plan", question, "--corpus", str(corpus), *options]) == 0
    return out.getvalue()


def built(corpus: Path, out: Path):
    g = build_graph(load_corpus(corpus).corpus)
    build_site(g, out, questions=None, theme="default")
    return g


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory):
    out = tmp_path_factory.mktemp("mini-site")
    return built(MINI, out), out


@pytest.fixture(scope="module")
def course_site(tmp_path_factory):
    result = load_corpus(ROOT)
    if result.errors or not any(k == "question" for _, k in build_graph(result.corpus).nodes(data="kind")):
        pytest.skip("the course corpus has no questions yet")
    out = tmp_path_factory.mktemp("course-site")
    return built(ROOT, out), out


def open_map(offline_page, site: Path, question: str):
    page, _ = offline_page(site / f"{question}.html")
    page.evaluate("argmap.ready")
    return page


def page_plan(page) -> str:
    return page.evaluate("argmap.plan()")


def page_schools(page) -> list[str]:
    return page.eval_on_selector_all("#lens option", "options => options.map(o => o.value).filter(Boolean)")


def test_the_page_plan_is_argmap_plan_under_every_lens_of_the_mini_map(offline_page, mini_site):
    _, site = mini_site
    page = open_map(offline_page, site, Q)
    assert page_plan(page).strip() == cli_plan(MINI, Q).strip()
    schools = page_schools(page)
    assert schools == ["collective-security", "german-school"]
    for school in schools:
        page.evaluate("s => argmap.setSchool(s)", school)
        assert page_plan(page).strip() == cli_plan(MINI, Q, "--school", school).strip()
    page.evaluate("argmap.setSchool(null)")
    assert page_plan(page).strip() == cli_plan(MINI, Q).strip()


def test_the_page_plan_is_argmap_plan_for_every_course_question_and_school(offline_page, course_site):
    g, site = course_site
    questions = [n for n, k in g.nodes(data="kind") if k == "question"]
    for question in questions:
        page = open_map(offline_page, site, question)
        assert page_plan(page).strip() == cli_plan(ROOT, question).strip(), question
        # Every lens the page offers, including schools that take no position here.
        for school in page_schools(page):
            page.evaluate("s => argmap.setSchool(s)", school)
            assert page_plan(page).strip() == cli_plan(ROOT, question, "--school", school).strip(), (question, school)
        page.close()


def test_setting_evidence_aside_changes_the_plan_as_python_weighs_it(offline_page, mini_site):
    g, site = mini_site
    page = open_map(offline_page, site, Q)
    before = page_plan(page)
    page.evaluate("argmap.setEvidence('munich', false)")
    after = page_plan(page)
    assert after != before
    assert after == render_plan(g, Q, accepted={"munich": False})
    assert "Evidence set aside: Munich Conference leaves the USSR out" in after
    page.evaluate("argmap.setSchool('collective-security')")
    page.evaluate("argmap.setEvidence('franco-soviet-pact', false)")
    assert page_plan(page) == render_plan(
        g, Q, school="collective-security", accepted={"munich": False, "franco-soviet-pact": False})
    page.evaluate("argmap.setEvidence('munich', true)")
    page.evaluate("argmap.setEvidence('franco-soviet-pact', true)")
    page.evaluate("argmap.setSchool(null)")
    assert page_plan(page) == before


def test_every_evidence_choice_on_a_course_map_gives_pythons_plan(offline_page, course_site):
    g, site = course_site
    question = "nov-2020-collective-security" if "nov-2020-collective-security" in g else next(
        n for n, k in g.nodes(data="kind") if k == "question")
    page = open_map(offline_page, site, question)
    evidence = page.evaluate("Object.keys(argmap.kit.data.evidence)")
    # Set aside the items one by one, cumulatively: each state is a new balance.
    aside: dict[str, bool] = {}
    for item in evidence[::3]:
        page.evaluate("id => argmap.setEvidence(id, false)", item)
        aside[item] = False
        assert page_plan(page) == render_plan(g, question, accepted=aside), item


def judgement_line(markdown: str) -> str:
    return markdown.split("## Thesis\n\n", 1)[1].split("\n", 1)[0].replace("\\", "")


def test_the_plan_panel_follows_the_lens_and_the_evidence_choices(offline_page, mini_site):
    _, site = mini_site
    page = open_map(offline_page, site, Q)
    page.click("#tab-plan")
    panel = page.locator("#plan")
    assert panel.is_visible()
    assert page.locator("#plan-judgement").inner_text() == judgement_line(page_plan(page))
    assert page.locator("#plan-text").inner_text().strip() == page_plan(page).strip()

    page.select_option("#lens", "german-school")
    assert page.locator("#plan-judgement").inner_text().startswith(
        "As the German school would argue it: “A German deal was the aim” holds to a large extent")
    assert "Lens: German school ·" in page.locator("#plan-text").inner_text()

    page.select_option("#lens", "")
    page.click("#tab-evidence")
    page.uncheck("#count-munich")
    page.click("#tab-plan")
    text = page.locator("#plan-text").inner_text()
    assert "Evidence set aside: Munich Conference leaves the USSR out" in text
    assert page.locator("#plan-judgement").inner_text() == judgement_line(page_plan(page))
    assert "to some extent" in page.locator("#plan-judgement").inner_text()


def test_each_schools_answer_sits_side_by_side_in_the_panel(offline_page, mini_site):
    _, site = mini_site
    page = open_map(offline_page, site, Q)
    page.click("#tab-plan")
    # The narrow panel puts each lens's judgement under its name.
    rows = page.eval_on_selector_all(
        "#plan table.plan-answers tr",
        """rows => rows.map(r => [...r.cells].map(c => {
            const verdict = c.querySelector('.plan-verdict');
            return verdict ? [c.firstChild.textContent, verdict.textContent] : c.textContent;
        }))""")
    assert rows[0] == ["Lens", "Collective security was the aim", "A German deal was the aim"]
    assert rows[1:] == [
        [["Every school", "Collective security was the aim, to a large extent"], "72%", "28%"],
        [["Collective-security school", "Collective security was the aim, to a large extent"], "100%", "0%"],
        [["German school", "A German deal was the aim, to a large extent"], "0%", "100%"],
    ]
    assert page.evaluate("document.querySelector('#plan table.plan-answers').scrollWidth") <= page.evaluate(
        "document.querySelector('#plan').clientWidth"), "the table fits the panel"


def test_the_impact_list_is_ranked_and_each_item_opens_its_evidence(offline_page, mini_site):
    _, site = mini_site
    page = open_map(offline_page, site, Q)
    page.click("#tab-plan")
    items = page.locator("#plan ol.plan-impact button")
    assert items.count() == 4
    ranked = page.eval_on_selector_all("#plan ol.plan-impact button", "bs => bs.map(b => b.dataset.node)")
    assert ranked[0] == "nazi-soviet-pact"
    items.nth(1).click()
    assert page.locator("#details").is_visible()
    assert "Munich Conference leaves the USSR out" in page.locator("#details").inner_text()


def test_download_plan_saves_the_same_markdown_as_the_command_line(offline_page, mini_site, tmp_path):
    _, site = mini_site
    page = open_map(offline_page, site, Q)
    page.click("#tab-plan")
    with page.expect_download() as info:
        page.click("#plan-download")
    download = info.value
    assert download.suggested_filename == f"{Q}-plan.md"
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    content = saved.read_text(encoding="utf-8")
    assert content == page_plan(page)
    assert content.strip() == cli_plan(MINI, Q).strip()

    page.evaluate("argmap.setSchool('german-school')")
    with page.expect_download() as info:
        page.click("#plan-download")
    info.value.save_as(saved)
    assert saved.read_text(encoding="utf-8").strip() == cli_plan(MINI, Q, "--school", "german-school").strip()


def test_a_hostile_corpus_gives_the_same_plan_and_runs_nothing(offline_page, tmp_path):
    hostile = Path(__file__).resolve().parent / "fixtures" / "hostile"
    built(hostile, tmp_path)
    for question in ("hostile-question", "practice-hostile"):
        page = open_map(offline_page, tmp_path, question)
        page.click("#tab-plan")
        assert page_plan(page).strip() == cli_plan(hostile, question).strip()
        assert page.locator("#plan-text").inner_text().strip() == page_plan(page).strip()
        assert page.evaluate("window.pwned") is None


def test_with_every_item_set_aside_the_page_plan_calls_the_debate_even(offline_page, mini_site):
    g, site = mini_site
    page = open_map(offline_page, site, Q)
    evidence = page.evaluate("Object.keys(argmap.kit.data.evidence)")
    for item in evidence:
        page.evaluate("id => argmap.setEvidence(id, false)", item)
    text = page_plan(page)
    assert "each hold to some extent: the evidence is evenly contested" in text
    assert text == render_plan(g, Q, accepted={e: False for e in evidence})


def test_a_lens_that_takes_no_position_gives_the_same_plan_in_the_page(offline_page, tmp_path):
    corpus = tmp_path / "corpus"
    import shutil

    shutil.copytree(MINI, corpus)
    schools = corpus / "schools" / "schools.yaml"
    schools.write_text(schools.read_text(encoding="utf-8") + (
        "  - {id: official-line, name: Official line, summary: Says nothing here., rejects: [german-deal]}\n"),
        encoding="utf-8")
    built(corpus, tmp_path / "out")
    page = open_map(offline_page, tmp_path / "out", Q)
    assert "official-line" in page_schools(page)
    page.evaluate("argmap.setSchool('official-line')")
    text = page_plan(page)
    assert "The Official line takes no position on this question" in text
    assert text.strip() == cli_plan(corpus, Q, "--school", "official-line").strip()
    page.click("#tab-plan")
    row = page.locator("#plan table.plan-answers tr", has_text="Official line")
    assert "takes no position" in row.inner_text() and "no position" in row.locator("td").first.inner_text()


def test_the_printed_html_plan_fits_two_a4_pages_for_every_course_question(browser, course_site, tmp_path):
    g, _ = course_site
    questions = [n for n, k in g.nodes(data="kind") if k == "question"]
    schools = [None] + [n for n, k in g.nodes(data="kind") if k == "school"]
    context = browser.new_context(offline=True)
    try:
        page = context.new_page()
        pages = {}
        for question in questions:
            for school in schools:
                path = tmp_path / f"{question}-{school}.html"
                path.write_text(render_plan(g, question, school=school, fmt="html"), encoding="utf-8")
                page.goto(path.as_uri())
                pdf = page.pdf(format="A4")
                pages[(question, school)] = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
        assert all(1 <= n <= 2 for n in pages.values()), {k: n for k, n in pages.items() if n > 2}
    finally:
        context.close()


def test_ids_named_like_javascripts_own_names_give_the_same_plan_in_the_page(offline_page, tmp_path):
    """Claims called ``constructor`` or evidence called ``tostring`` are data to plan.js, not members."""
    corpus = Path(__file__).resolve().parent / "fixtures" / "jsnames"
    g = built(corpus, tmp_path)
    for question in [n for n, k in g.nodes(data="kind") if k == "question"]:
        page = open_map(offline_page, tmp_path, question)
        assert page_plan(page).strip() == cli_plan(corpus, question).strip()
        for school in page_schools(page):
            page.evaluate("s => argmap.setSchool(s)", school)
            assert page_plan(page).strip() == cli_plan(corpus, question, "--school", school).strip(), school


@pytest.mark.parametrize("scale", [1.0, 1.7])
def test_a_wordy_corpus_is_cut_to_size_the_same_way_in_the_page(offline_page, wordy_corpus, tmp_path, scale):
    """At 1.7 times the course's longest texts every way of shortening a plan comes into play."""
    corpus = wordy_corpus(scale)
    built(corpus, tmp_path)
    page = open_map(offline_page, tmp_path, "wordy")
    assert page_plan(page).strip() == cli_plan(corpus, "wordy").strip()
    for school in page_schools(page):
        page.evaluate("s => argmap.setSchool(s)", school)
        assert page_plan(page).strip() == cli_plan(corpus, "wordy", "--school", school).strip(), school
    page.evaluate("argmap.setSchool(null)")
    page.evaluate("argmap.setEvidence('e0', false)")
    assert page_plan(page) == render_plan(build_graph(load_corpus(corpus).corpus), "wordy", accepted={"e0": False})


@pytest.mark.parametrize(("word", "evidence", "term"), [
    (8, 3, "to what extent"),  # phrases cut to a few words
    (1, 0, "evaluate"),  # one-letter words, no evidence: the plan's own sentences at their tersest
    (1, 1, "compare and contrast"),
])
def test_a_corpus_at_the_format_limits_is_cut_the_same_way_in_the_page(offline_page, tmp_path, word, evidence, term):
    shape = Limits(term, word=word, sides=3, per_side=8, schools=3, evidence=(evidence,) * 24)
    corpus = write_corpus(limit_files(shape), tmp_path / "corpus")
    built(corpus, tmp_path / "site")
    page = open_map(offline_page, tmp_path / "site", "limit")
    assert page_plan(page).strip() == cli_plan(corpus, "limit").strip()
    schools = page_schools(page)
    assert "silent" in schools
    for school in schools:
        page.evaluate("s => argmap.setSchool(s)", school)
        assert page_plan(page).strip() == cli_plan(corpus, "limit", "--school", school).strip(), school
    page.evaluate("argmap.setSchool(null)")
    aside = {f"e{c}-0": False for c in range(5)} if evidence else {}
    for e in aside:
        page.evaluate("e => argmap.setEvidence(e, false)", e)
    g = build_graph(load_corpus(corpus).corpus)
    assert page_plan(page) == render_plan(g, "limit", accepted=aside)


def tangled_corpus(root: Path, wide: int = 40) -> Path:
    """A claim citing ``wide`` items of every stance and weight, an item
    reaching a claim by two paths (through ``wide`` and directly), another
    feeding two claims that meet again, attacks both ways, and two schools:
    every way the page's one-cone-per-item impact could part from Python's."""
    import random

    rng = random.Random(12)
    for folder in ("schools", "exam_questions", "evidence"):
        (root / folder).mkdir(parents=True)
    ids = [f"e{i:03d}" for i in range(wide)] + ["d0", "d1"]
    (root / "evidence" / "e.yaml").write_text("evidence:\n" + "".join(
        f"  - {{id: {e}, title: Item {e}, date: 1936, source: Notes}}\n" for e in ids), encoding="utf-8")
    cited = "".join(f"      - {{ref: {e}, stance: {rng.choice(['supports', 'undermines'])}, "
                    f"weight: {rng.choice(['strong', 'moderate', 'weak'])}}}\n" for e in ids[:wide])
    (root / "schools" / "s.yaml").write_text(f"""claims:
  - id: wide
    text: A claim on much evidence.
    supports: [top]
    evidence:
{cited}  - id: top
    text: The top claim.
    evidence: [{{ref: e000, stance: supports}}, {{ref: e001, stance: undermines, weight: weak}}]
  - id: c1
    text: One path.
    supports: [top]
    evidence: [{{ref: d0, stance: supports}}, {{ref: d1, stance: undermines, weight: weak}}]
  - id: c2
    text: The other path.
    supports: [top]
    undermines: [{{ref: wide, weight: weak}}]
    evidence: [{{ref: d0, stance: supports, weight: moderate}}]
  - id: other
    text: The other side.
    undermines: [{{ref: top, weight: moderate}}]
    evidence: [{{ref: d1, stance: supports}}, {{ref: e002, stance: supports}}]
schools:
  - {{id: s, name: S, summary: It argues., historians: [{{name: H, works: [{{title: W, year: 1990}}]}}],
     holds: [top, c1, wide]}}
  - {{id: t, name: T, summary: It argues., historians: [{{name: G, works: [{{title: V, year: 1991}}]}}],
     holds: [other, c2]}}
""", encoding="utf-8")
    (root / "exam_questions" / "q.yaml").write_text(
        "questions:\n  - id: q\n    text: Q?\n    command_term: discuss\n    sides:\n"
        "      - {id: a, label: A, claims: [top, wide]}\n      - {id: b, label: B, claims: [other, c2]}\n",
        encoding="utf-8")
    return root


PAGE_SHIFTS = """({accepted, school}) => {
  const k = argmap.kit;
  const now = k.weigh.weigh(k.data, k.model, accepted, school);
  const ids = Object.keys(k.data.evidence);
  const after = k.weigh.toggledShares(k.data, k.model, accepted, school, now, ids);
  return Object.fromEntries(ids.map(id => [id, Object.fromEntries(
    k.data.sides.map(s => [s.id, after.get(id)[s.id] - now.shares[s.id]]))]));
}"""


def test_each_items_pull_on_the_balance_is_pythons_to_the_last_bit(offline_page, tmp_path):
    """The page re-weighs only what each toggled item reaches; every item's
    shift is the same float as argmap.analysis.impact's, and the plan the
    same text, under no lens, each lens, and with items set aside."""
    from argmap.analysis.impact import impact

    corpus = tangled_corpus(tmp_path / "tangled")
    g = built(corpus, tmp_path / "site")
    page = open_map(offline_page, tmp_path / "site", "q")
    aside = {"e000": False, "d0": False, "e015": False}
    for school in (None, "s", "t"):
        for accepted in ({}, aside):
            shifts = page.evaluate(PAGE_SHIFTS, {"accepted": accepted, "school": school})
            expected = {i.evidence: i.shift for i in impact(g, "q", accepted=accepted, school=school)}
            assert expected and len(expected) >= (40 if school != "t" else 3)
            for item, shift in expected.items():
                assert shift == shifts[item], (school, item)
            assert all(v == 0 for item in shifts if item not in expected for v in shifts[item].values())
        page.evaluate("s => argmap.setSchool(s)", school)
        assert page_plan(page).strip() == cli_plan(corpus, "q", *(["--school", school] if school else [])).strip()
