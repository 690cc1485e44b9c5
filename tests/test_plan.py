"""A student turns a map into an essay plan (`argmap plan`).

Facts about the mini corpus used here can be checked by hand (see
tests/fixtures/mini): the Munich link is strong, so "The pact was a last
resort" (strength 0.875, contribution 0.75) outranks "Collective security was
genuine" (0.777..., contribution 0.555...) although the side lists it second.
"""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from argmap.analysis import balance, extent_words, impact, percent
from argmap.analysis.plan import essay_plan
from argmap.analysis.subgraph import on_path, sides_of
from argmap.corpus import load_corpus
from argmap.graph import build_graph
from argmap.plan import render_plan

Q = "collective-security-aim"
AGREE, DISAGREE = f"{Q}/agree", f"{Q}/disagree"
EVIDENCE = ["franco-soviet-pact", "league-entry", "munich", "nazi-soviet-pact"]


def graph(corpus: Path):
    result = load_corpus(corpus)
    assert not result.errors, result.errors
    return build_graph(result.corpus)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def headings(markdown: str, level: str = "###") -> list[str]:
    return [line[len(level) + 1:] for line in markdown.splitlines() if line.startswith(level + " ")]


def section(markdown: str, title: str) -> str:
    """The lines of one ``##`` section."""
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", markdown, re.M | re.S)
    assert match, f"no section {title!r}"
    return match.group(1)


def test_the_plan_holds_every_claim_and_evidence_item_of_the_question(mini_corpus):
    g = graph(mini_corpus)
    text = render_plan(g, Q)
    for node in on_path(g, Q):
        data = g.nodes[node]
        if data["kind"] == "claim":
            assert any(h.endswith(f". {data['label']}") for h in headings(text))
            assert data["text"] in text
        else:
            assert f"{data['date']}, {data['title']} (" in text
            assert f"Source: {data['source']}" in text


def test_claims_come_in_order_of_their_contribution_not_their_listed_order(mini_corpus):
    g = graph(mini_corpus)
    assert g.nodes[AGREE]["claims"] == ["security-genuine", "pact-last-resort"]
    text = render_plan(g, Q)
    assert headings(text) == [
        "1. The pact was a last resort", "2. Collective security was genuine", "1. Stalin wanted a German deal",
    ]
    for side in essay_plan(g, Q).sides:
        contributions = [c.contribution for c in side.claims]
        assert contributions == sorted(contributions, reverse=True)
    assert "- Strength 88%, contribution 75/100" in text


def test_equal_contributions_keep_the_order_the_side_lists(mini_corpus):
    # With every item set aside each claim is at 0.5: all contribute 0, all tie.
    g = graph(mini_corpus)
    plan = essay_plan(g, Q, accepted={e: False for e in EVIDENCE})
    assert [c.claim for c in plan.sides[0].claims] == ["security-genuine", "pact-last-resort"]


def test_each_evidence_item_says_what_it_shows_and_where_it_comes_from(mini_corpus):
    g = graph(mini_corpus)
    text = render_plan(g, Q)
    assert ("  - 1938-09, Munich Conference leaves the USSR out (supports, strong)\n"
            "    - Shows: Munich showed the West would not stand with Moscow.\n"
            "    - Source: Class notes, collective security\n") in text


def test_what_it_shows_falls_back_to_the_evidence_detail(mini_corpus):
    edit(mini_corpus / "schools" / "schools.yaml",
         "{ref: nazi-soviet-pact, stance: supports, weight: strong, reading: The pact was the aim achieved.}",
         "{ref: nazi-soviet-pact, stance: supports, weight: strong}")
    text = render_plan(graph(mini_corpus), Q)
    assert "- Shows: Non-aggression pact with a secret protocol dividing eastern Europe." in text


def test_each_claim_names_who_holds_it_who_rejects_it_and_what_argues_against_it(mini_corpus):
    text = render_plan(graph(mini_corpus), Q)
    genuine = text.split("### 2. Collective security was genuine")[1].split("##")[0]
    assert "- Held by: Collective-security school (Jonathan Haslam)" in genuine
    assert "- Rejected by: German school" in genuine
    assert "- Argued against by: Stalin wanted a German deal" in genuine
    assert "- Backed by: The pact was a last resort" in genuine


def test_the_judgement_follows_the_balance(mini_corpus):
    g = graph(mini_corpus)
    shares = balance(g, Q)
    leader = max(shares, key=shares.get)
    text = render_plan(g, Q)
    expected = (f"“{g.nodes[leader]['label']}” holds {extent_words(shares[leader])} "
                f"({percent(shares[leader])}% of the weight of argument).")
    assert section(text, "Judgement").strip().splitlines()[0] == expected


@pytest.mark.parametrize("school", [None, "collective-security", "german-school"])
def test_under_every_evidence_choice_the_judgement_uses_the_documented_words(mini_corpus, school):
    g = graph(mini_corpus)
    for aside in itertools.chain.from_iterable(itertools.combinations(EVIDENCE, n) for n in range(5)):
        accepted = {e: False for e in aside}
        shares = balance(g, Q, accepted, school)
        line = section(render_plan(g, Q, school=school, accepted=accepted), "Judgement").strip().splitlines()[0]
        ranked = sorted(percent(s) for s in shares.values())
        if ranked[-1] == ranked[-2]:
            assert "evenly balanced" in line
        else:
            top = max(shares.values())
            assert f" {extent_words(top)} ({percent(top)}%" in line


@pytest.mark.parametrize(("share", "words"), [
    (1.0, "to a large extent"), (0.6, "to a large extent"), (0.598, "to a large extent"),
    (0.5949, "to some extent"), (0.5, "to some extent"), (0.395, "to some extent"), (0.3949, "only to a limited extent"),
    (0.0, "only to a limited extent"),
])
def test_thresholds_give_the_documented_words(share, words):
    assert extent_words(share) == words
    documented = Path(__file__).resolve().parents[1] / "docs" / "plans.md"
    assert f"| {words} |" in documented.read_text(encoding="utf-8")


def test_with_no_argument_left_the_judgement_is_even(mini_corpus):
    g = graph(mini_corpus)
    text = render_plan(g, Q, accepted={e: False for e in EVIDENCE})
    assert ("The argument is evenly balanced between “Collective security was the aim” and "
            "“A German deal was the aim” (50% each)") in text


def test_a_school_lens_writes_the_plan_as_that_school_would_argue_it(mini_corpus, argmap_cli):
    everyone = argmap_cli("plan", Q, "--corpus", mini_corpus)
    german = argmap_cli("plan", Q, "--corpus", mini_corpus, "--school", "german-school")
    assert everyone.returncode == german.returncode == 0
    assert german.stdout != everyone.stdout
    assert "- **Lens**: German school, as that school would argue it" in german.stdout
    assert headings(german.stdout) == ["1. Stalin wanted a German deal"]
    assert "Munich" not in section(german.stdout, "What would change the verdict")
    judgement = section(german.stdout, "Judgement").strip().splitlines()[0]
    assert judgement == "“A German deal was the aim” holds to a large extent (100% of the weight of argument)."


def test_set_aside_evidence_is_listed_and_marked(mini_corpus):
    g = graph(mini_corpus)
    before = render_plan(g, Q)
    after = render_plan(g, Q, accepted={"munich": False})
    assert "- **Evidence set aside**: Munich Conference leaves the USSR out" in after
    assert "1938-09, Munich Conference leaves the USSR out (supports, strong, set aside)" in after
    assert "bringing it back moves" in section(after, "What would change the verdict")
    assert section(before, "Judgement") != section(after, "Judgement")


def test_what_would_change_the_verdict_ranks_evidence_by_impact(mini_corpus):
    g = graph(mini_corpus)
    lines = [l for l in section(render_plan(g, Q), "What would change the verdict").splitlines() if l[:1].isdigit()]
    ranked = impact(g, Q)
    assert len(lines) == len(ranked) == len(EVIDENCE)
    now = balance(g, Q)
    for number, (line, item) in enumerate(zip(lines, ranked), start=1):
        title = g.nodes[item.evidence]["title"]
        assert line.startswith(f"{number}. {g.nodes[item.evidence]['date']}, {title}: setting it aside")
        after = balance(g, Q, {item.evidence: False})
        for side in sides_of(g, Q):
            if percent(after[side]) != percent(now[side]):
                assert f"“{g.nodes[side]['label']}” {percent(now[side])}% → {percent(after[side])}%" in line
    # The pact alone carries the German side: without it that side has nothing.
    assert lines[0].startswith("1. 1939-08-23, Nazi-Soviet Pact signed")
    # Without Munich, the collective-security side drops below 60%: a new verdict.
    munich = next(l for l in lines if "Munich" in l)
    assert munich.endswith("; the judgement would change.")


def test_each_schools_answer_is_a_table_of_the_balance_under_its_lens(mini_corpus):
    g = graph(mini_corpus)
    table = [l for l in section(render_plan(g, Q), "Each school's answer").splitlines() if l.startswith("|")]
    assert table[0] == "| Lens | Collective security was the aim | A German deal was the aim | Judgement |"
    rows = {row.split(" | ")[0].lstrip("| "): row for row in table[2:]}
    assert set(rows) == {"Every school", "Collective-security school", "German school"}
    for name, school in [("Every school", None), ("Collective-security school", "collective-security"),
                         ("German school", "german-school")]:
        shares = balance(g, Q, school=school)
        cells = rows[name].strip("| ").split(" | ")
        assert cells[1:3] == [f"{percent(shares[AGREE])}%", f"{percent(shares[DISAGREE])}%"]


def test_a_compare_and_contrast_question_gets_similarities_and_differences(mini_corpus):
    q = mini_corpus / "exam_questions" / "q.yaml"
    edit(q, "command_term: discuss", "command_term: compare and contrast")
    edit(q, "id: agree\n        label: Collective security was the aim",
         "id: similar\n        label: Alike in aim")
    edit(q, "id: disagree\n        label: A German deal was the aim", "id: different\n        label: Different in method")
    text = render_plan(graph(mini_corpus), Q)
    assert headings(text, "##")[2:4] == ["Similarities: Alike in aim", "Differences: Different in method"]
    assert "similarities and differences, point by point" in text
    assert "for and against" not in text
    assert section(text, "Judgement").strip().startswith("The comparison shows “Alike in aim” to a large extent")


def test_teacher_warnings_name_single_evidence_claims_and_one_school_sides(mini_corpus):
    warnings = section(render_plan(graph(mini_corpus), Q), "Teacher's warnings")
    assert ("- Single evidence: “The pact was a last resort” rests on one piece of evidence "
            "(Munich Conference leaves the USSR out); find a second.") in warnings
    assert "“Collective security was genuine” rests" not in warnings
    assert "One school only: every claim on “A German deal was the aim” is held by German school alone" in warnings
    assert "Outside the period" not in warnings


def test_teacher_warnings_flag_evidence_outside_the_period(mini_corpus):
    edit(mini_corpus / "exam_questions" / "q.yaml", "period: [1933, 1939]", "period: [1933, 1938]")
    warnings = section(render_plan(graph(mini_corpus), Q), "Teacher's warnings")
    assert ("- Outside the period: 1939-08-23, Nazi-Soviet Pact signed lies outside 1933 to 1938; "
            "use it as context, not as proof.") in warnings
    assert warnings.count("Outside the period") == 1


def test_a_second_school_on_a_side_clears_its_one_school_warning(mini_corpus):
    edit(mini_corpus / "schools" / "schools.yaml", "    holds: [german-deal]\n    rejects: [security-genuine]",
         "    holds: [german-deal]\n    rejects: [security-genuine]\n"
         "  - id: revisionists\n    name: Revisionists\n    summary: A deal it was.\n    holds: [german-deal]")
    warnings = section(render_plan(graph(mini_corpus), Q), "Teacher's warnings")
    assert "“A German deal was the aim”" not in warnings
    assert "“Collective security was the aim”" in warnings


def test_unknown_question_or_school_is_a_usage_error_with_a_suggestion(mini_corpus, argmap_cli):
    result = argmap_cli("plan", "collective-securty-aim", "--corpus", mini_corpus)
    assert result.returncode == 2 and result.stdout == ""
    assert "did you mean 'collective-security-aim'?" in result.stderr
    result = argmap_cli("plan", Q, "--corpus", mini_corpus, "--school", "german-schol")
    assert result.returncode == 2 and result.stdout == ""
    assert "did you mean 'german-school'?" in result.stderr
    assert "Traceback" not in result.stderr


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.parts.append(data)


def test_the_html_plan_is_a_standalone_page_with_the_same_words(mini_corpus, argmap_cli):
    edit(mini_corpus / "evidence" / "pact.yaml", "title: Munich Conference leaves the USSR out",
         "title: Munich <b>leaves</b> the USSR out")
    result = argmap_cli("plan", Q, "--corpus", mini_corpus, "--format", "html")
    markdown = argmap_cli("plan", Q, "--corpus", mini_corpus).stdout
    assert result.returncode == 0
    page = _Text()
    page.feed(result.stdout)
    text = " ".join("".join(page.parts).split())
    assert "&lt;b&gt;leaves&lt;/b&gt;" in result.stdout and "<b>leaves</b>" not in result.stdout
    assert not any(tag in ("script", "link", "img", "iframe") for tag, _ in page.tags)
    assert "http" not in result.stdout
    for line in markdown.splitlines():
        if line.startswith("|"):
            pieces = [cell.strip() for cell in line.strip("|").split(" | ") if not set(cell) <= set("-|")]
        else:
            pieces = [re.sub(r"^(#+ |\s*- |\d+\. )", "", line).replace("**", "").replace("\\<", "<")]
        for words in filter(None, pieces):
            assert " ".join(words.split()) in text, line


def test_the_same_corpus_gives_the_same_plan(mini_corpus, argmap_cli):
    first = argmap_cli("plan", Q, "--corpus", mini_corpus, "--format", "html").stdout
    second = argmap_cli("plan", Q, "--corpus", mini_corpus, "--format", "html").stdout
    assert first == second


def course_questions() -> list[str]:
    from argmap.course import course_corpus

    result = load_corpus(course_corpus())
    if result.errors:
        return []
    return [n for n, k in build_graph(result.corpus).nodes(data="kind") if k == "question"]


@pytest.mark.parametrize("question", course_questions() or [pytest.param(None, marks=pytest.mark.skip(
    reason="the course corpus has no questions yet"))])
def test_every_course_question_gets_a_plan_with_all_its_claims(course_corpus, question):
    g = graph(course_corpus)
    text = render_plan(g, question)
    for node in on_path(g, question):
        data = g.nodes[node]
        assert (data["text"] if data["kind"] == "claim" else f"{data['date']}, {data['title']} (") in text


def test_markup_in_a_corpus_cannot_run_where_the_plan_is_opened(argmap_cli):
    hostile = Path(__file__).resolve().parent / "fixtures" / "hostile"
    markdown = argmap_cli("plan", "hostile-question", "--corpus", hostile)
    page = argmap_cli("plan", "hostile-question", "--corpus", hostile, "--format", "html")
    assert markdown.returncode == page.returncode == 0
    assert "window.pwned" in markdown.stdout
    assert not re.search(r"(?<!\\)<", markdown.stdout), "a raw '<' would open HTML in a Markdown previewer"
    parsed = _Text()
    parsed.feed(page.stdout)
    assert [tag for tag, _ in parsed.tags if tag in ("script", "img", "svg", "b")] == []
