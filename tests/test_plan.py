"""A student turns a map into an essay plan (`argmap plan`) and writes from it.

Every check reads the plan the way a student (or a teacher marking it) would:
its sections, its paragraphs' point, evidence, historian and counter, its
length, and whether its judgement is the one the balance gives. The expected
side and words come from ``balance`` and ``extent_words``, never from a
recorded output.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap.analysis import balance, extent_words, lens, percent, takes_position
from argmap.corpus import load_corpus
from argmap.graph import build_graph
from argmap.plan import plan_view, render_plan
from corpora import Limits, limit_files, write_corpus

Q = "collective-security-aim"
AGREE, DISAGREE = f"{Q}/agree", f"{Q}/disagree"
EVIDENCE = ["franco-soviet-pact", "league-entry", "munich", "nazi-soviet-pact"]
ROOT = Path(__file__).resolve().parents[1]
HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"
DATED = re.compile(r"^\d{4}(-\d\d){0,2}(/\d{4}(-\d\d){0,2})?: .+ \(.+\)$")


def graph(corpus: Path):
    result = load_corpus(corpus)
    assert not result.errors, result.errors
    return build_graph(result.corpus)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


@dataclass
class Paragraph:
    point: str
    lines: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class ReadPlan:
    """A Markdown plan as a student reads it."""

    headings: list[str]
    thesis: str
    paragraphs: list[Paragraph]
    conclusion: str
    references: list[str]
    main_words: int
    text: str


def read(markdown: str) -> ReadPlan:
    main = markdown.split("## References", 1)[0]
    blocks = re.split(r"^(#{1,2} .*)$", markdown, flags=re.M)
    headings = [b for b in blocks if re.match(r"^#{1,2} ", b)]
    body = {h: blocks[i + 1].strip() for i, h in enumerate(blocks) if h in headings}
    paragraphs = []
    for h in headings:
        if h.startswith("## Paragraph "):
            p = Paragraph(point=h.split(": ", 1)[1])
            for line in body[h].splitlines():
                match = re.match(r"^- \*\*(\w+)\*\*: (.*)$", line)
                assert match, f"a paragraph line that is not a labelled bullet: {line!r}"
                p.lines.setdefault(match.group(1), []).append(match.group(2))
            paragraphs.append(p)
    refs = [line[2:] for line in body.get("## References", "").splitlines() if line.startswith("- ")]
    return ReadPlan(headings, body["## Thesis"], paragraphs, body["## Conclusion"], refs, len(main.split()),
                    markdown)


def works(g) -> set[tuple[str, str, int | None]]:
    return {(h["name"], w["title"], w.get("year")) for _, d in g.nodes(data=True) if d["kind"] == "school"
            for h in d["historians"] for w in h["works"]}


def as_reference(text: str) -> tuple[str, str, int | None]:
    match = re.match(r"^(.*?), \*(.*)\*(?: \((\d+)\))?$", text)
    assert match, f"not a reference: {text!r}"
    year = int(match.group(3)) if match.group(3) else None
    return unescape(match.group(1)), unescape(match.group(2)), year


def names(full: str, shown: str) -> bool:
    """Whether ``shown`` is ``full`` (on one line), or ``full`` cut after a
    whole word and marked "…", as a plan too long for 700 words cuts a phrase."""
    full = " ".join(full.split())
    if shown == full:
        return True
    start = shown[:-1]
    return shown.endswith("…") and full.startswith(start) and full[len(start):][:1] in (" ", ",", ";", ":", ".")


def quotes(text: str) -> list[str]:
    return re.findall(r"“([^”]*)”", unescape(text))


def leader(g, question: str, school: str | None, accepted=None) -> tuple[list[str], float] | None:
    """The side(s) a reader of the balance sees ahead, and the share: an
    independent reading of docs/format.md's balance (None: no position)."""
    shares = balance(g, question, accepted, school)
    if None in shares.values():
        return None
    top = max(percent(s) for s in shares.values())
    return [s for s in g.nodes[question]["sides"] if percent(shares[s]) == top], max(shares.values())


def check_plan(g, question: str, school: str | None, markdown: str, accepted=None) -> ReadPlan:
    """Everything docs/plans.md promises of any plan."""
    plan = read(markdown)
    sections = [h for h in plan.headings if not h.startswith("## Paragraph ")]
    assert names(f"# Essay plan: {g.nodes[question]['text']}", unescape(sections[0])), sections[0]
    assert sections[1:] in (["## Thesis", "## Conclusion", "## References"],
                            ["## Thesis", "## Conclusion", "## References", "## Detail"]), sections
    numbers = [int(re.match(r"## Paragraph (\d+): ", h).group(1)) for h in plan.headings if h.startswith("## Paragraph")]
    assert numbers == list(range(1, len(numbers) + 1))
    assert plan.headings.index("## Thesis") < plan.headings.index("## Paragraph 1: " + plan.paragraphs[0].point)
    listed = [c for s in g.nodes[question]["sides"] for c in g.nodes[s]["claims"]]
    assert min(3, len(listed)) <= len(plan.paragraphs) <= 6
    texts = {" ".join(g.nodes[c]["text"].split()): c for c in listed}
    for p in plan.paragraphs:
        assert set(p.lines) == {"Point", "Evidence", "Historian", "Counter"}, p.lines.keys()
        assert len(p.lines["Point"]) == len(p.lines["Historian"]) == len(p.lines["Counter"]) == 1
        claim = texts[unescape(p.lines["Point"][0])]
        backing = [e for e in g.predecessors(claim) if g.nodes[e]["kind"] == "evidence"
                   and g.edges[e, claim]["relation"] == "supports" and (accepted or {}).get(e, True)]
        dated = [line for line in p.lines["Evidence"] if DATED.match(unescape(line))]
        assert len(dated) == min(len(backing), len(p.lines["Evidence"])) and len(p.lines["Evidence"]) <= 3
        assert len(dated) >= min(2, len(backing)), (claim, p.lines["Evidence"])
        if len(backing) < 2:
            assert "find" in p.lines["Evidence"][-1]
    assert plan.main_words <= 700, plan.main_words
    expected = leader(g, question, school, accepted)
    if expected is None:
        assert "takes no position" in plan.thesis
    else:
        sides, share = expected
        for side in sides:
            assert any(names(g.nodes[side]["label"], q) for q in quotes(plan.thesis)), (side, plan.thesis)
        assert extent_words(share) in plan.thesis
    corpus_works = works(g)
    references = [as_reference(r) for r in plan.references]
    assert set(references) <= corpus_works
    for p in plan.paragraphs:
        historian = p.lines["Historian"][0]
        if historian.startswith("No historian in the corpus"):
            continue
        author, title, year = as_reference(historian)
        assert any(names(a, author) and names(t, title) and y == year for a, t, y in references), historian
    assert "class notes" not in markdown.lower()
    main = markdown.split("## References", 1)[0]
    assert not re.search(r"\d+%|/100|contribution|strength \d", main), "numbers stay out of the plan itself"
    return plan


def course_graph():
    result = load_corpus(ROOT)
    return build_graph(result.corpus) if not result.errors else None


COURSE = course_graph()
COURSE_QUESTIONS = [n for n, k in COURSE.nodes(data="kind") if k == "question"] if COURSE else []
COURSE_SCHOOLS = [n for n, k in COURSE.nodes(data="kind") if k == "school"] if COURSE else []


@pytest.mark.parametrize("question", COURSE_QUESTIONS)
def test_every_course_question_under_every_lens_gives_a_plan_a_student_can_write_from(question):
    for school in [None, *COURSE_SCHOOLS]:
        check_plan(COURSE, question, school, render_plan(COURSE, question, school=school))


def test_a_student_planning_the_november_2008_essay_under_the_german_school_gets_its_argument():
    q = "nov-2008-inconsistent-unfocused"
    if q not in COURSE_QUESTIONS:
        pytest.skip("the course corpus has no November 2008 question")
    plan = check_plan(COURSE, q, "german-school", render_plan(COURSE, q, school="german-school"))
    assert plan.thesis.startswith("As the German school would argue it: ")
    held = {c for c in COURSE.successors("german-school") if COURSE.edges["german-school", c]["relation"] == "holds"}
    points = [unescape(p.lines["Point"][0]) for p in plan.paragraphs]
    held_points = [" ".join(COURSE.nodes[c]["text"].split()) for c in held]
    assert points[0] in held_points, "the school's own claim comes first"
    # Its historian argues it: a German-school historian's work is cited and listed.
    german_works = {(h["name"], w["title"], w.get("year")) for h in COURSE.nodes["german-school"]["historians"]
                    for w in h["works"]}
    assert as_reference(plan.paragraphs[0].lines["Historian"][0]) in german_works
    assert plan.conclusion.startswith("As the German school would argue it: ")


def test_a_school_that_holds_nothing_on_the_question_says_it_takes_no_position(mini_corpus, argmap_cli):
    schools = mini_corpus / "schools" / "schools.yaml"
    schools.write_text(schools.read_text(encoding="utf-8") + (
        "  - {id: official-line, name: Official line, summary: Says nothing here., rejects: [german-deal]}\n"),
        encoding="utf-8")
    g = graph(mini_corpus)
    assert not takes_position(g, Q, "official-line")
    result = argmap_cli("plan", Q, "--corpus", mini_corpus, "--school", "official-line", "--detail")
    plan = check_plan(g, Q, "official-line", result.stdout)
    assert plan.thesis.startswith("The Official line takes no position on this question")
    assert "evenly balanced" not in plan.thesis and "50%" not in result.stdout
    assert "Lens: Official line, which takes no position" in result.stdout
    table = [line for line in result.stdout.splitlines() if line.startswith("| Official line |")]
    assert table == ["| Official line | no position | no position | takes no position |"]


def test_paragraphs_argue_the_favoured_side_first_then_concede_the_other(mini_corpus):
    g = graph(mini_corpus)
    text = render_plan(g, Q)
    plan = check_plan(g, Q, None, text)
    (favoured,), _ = leader(g, Q, None)
    sides = [next(s for s in g.nodes[Q]["sides"] if any(
        unescape(p.lines["Point"][0]) == g.nodes[c]["text"] for c in g.nodes[s]["claims"])) for p in plan.paragraphs]
    assert sides[0] == favoured and sides[-1] != favoured
    assert sides == sorted(sides, key=lambda s: s != favoured), "all of one side, then the other"
    assert "concede" in plan.thesis


def test_a_compare_and_contrast_plan_pairs_points_across_the_two_subjects(mini_corpus):
    q = mini_corpus / "exam_questions" / "q.yaml"
    edit(q, "command_term: discuss", "command_term: compare and contrast")
    edit(mini_corpus / "schools" / "schools.yaml", "    undermines: [security-genuine]\n",
         "    undermines: [security-genuine]\n  - id: both-wary\n    text: Both sides distrusted the West.\n"
         "    evidence:\n      - {ref: munich, stance: supports}\n      - {ref: nazi-soviet-pact, stance: supports}\n")
    edit(q, "claims: [german-deal]", "claims: [german-deal, both-wary]")
    g = graph(mini_corpus)
    plan = check_plan(g, Q, None, render_plan(g, Q))
    side_of = {g.nodes[c]["text"]: s for s in g.nodes[Q]["sides"] for c in g.nodes[s]["claims"]}
    order = [side_of[unescape(p.lines["Point"][0])] for p in plan.paragraphs]
    assert order[0] != order[1] and order[1] != order[2], "points alternate between the two sides"
    assert "pair points" in plan.thesis


def test_an_evaluate_plan_weighs_the_views_strengths_before_its_limitations(mini_corpus):
    edit(mini_corpus / "exam_questions" / "q.yaml", "command_term: discuss", "command_term: evaluate")
    g = graph(mini_corpus)
    plan = check_plan(g, Q, None, render_plan(g, Q))
    first_side = set(g.nodes[AGREE]["claims"])
    on_first = [any(unescape(p.lines["Point"][0]) == g.nodes[c]["text"] for c in first_side) for p in plan.paragraphs]
    assert on_first == sorted(on_first, reverse=True) and on_first[0]
    assert "strengths" in plan.thesis and "limitations" in plan.thesis


@pytest.mark.parametrize("school", [None, "collective-security", "german-school"])
def test_under_every_evidence_choice_the_thesis_names_the_side_the_balance_favours(mini_corpus, school):
    import itertools

    g = graph(mini_corpus)
    for aside in itertools.chain.from_iterable(itertools.combinations(EVIDENCE, n) for n in range(5)):
        accepted = {e: False for e in aside}
        plan = check_plan(g, Q, school, render_plan(g, Q, school=school, accepted=accepted), accepted)
        for e in aside:
            if school is not None and e not in lens(g, school):
                continue
            assert g.nodes[e]["title"] in plan.text.splitlines()[2], "the header lists what was set aside"
            assert f": {g.nodes[e]['title']} (" not in plan.text, "set-aside evidence is not cited"


@pytest.mark.parametrize(("share", "words"), [
    (1.0, "to a large extent"), (0.6, "to a large extent"), (0.598, "to a large extent"),
    (0.5949, "to some extent"), (0.5, "to some extent"), (0.395, "to some extent"), (0.3949, "only to a limited extent"),
    (0.0, "only to a limited extent"),
])
def test_thresholds_give_the_documented_words(share, words):
    assert extent_words(share) == words
    documented = ROOT / "docs" / "plans.md"
    assert f"| {words} |" in documented.read_text(encoding="utf-8")


def test_the_conclusion_names_the_evidence_that_would_most_change_the_judgement(mini_corpus):
    from argmap.analysis import impact

    g = graph(mini_corpus)
    plan = read(render_plan(g, Q))
    top = impact(g, Q)[0]
    assert f"{g.nodes[top.evidence]['date']}, {g.nodes[top.evidence]['title']}" in plan.conclusion
    assert "setting it aside would" in plan.conclusion


def test_sources_cite_only_the_published_part(mini_corpus):
    edit(mini_corpus / "evidence" / "pact.yaml", "source: Class notes, collective security",
         "source: \"Jonathan Haslam, The Soviet Union and the Struggle for Collective Security (1984); class notes 002\"")
    text = render_plan(graph(mini_corpus), Q)
    assert "(Jonathan Haslam, The Soviet Union and the Struggle for Collective Security (1984))" in text
    assert "class notes" not in text.lower() and "notes 002" not in text


def test_detail_appends_the_figures_after_the_references(mini_corpus, argmap_cli):
    plain = argmap_cli("plan", Q, "--corpus", mini_corpus).stdout
    detailed = argmap_cli("plan", Q, "--corpus", mini_corpus, "--detail").stdout
    assert detailed.startswith(plain.rstrip("\n"))
    extra = detailed[len(plain.rstrip("\n")):]
    shares = balance(graph(mini_corpus), Q)
    assert f"{percent(shares[AGREE])}%" in extra and "contribution" in extra and "/100" in extra
    assert extra.index("## Detail") >= 0 and "## References" not in extra


def test_corpus_markup_renders_as_plain_words_in_a_commonmark_previewer(argmap_cli):
    from markdown_it import MarkdownIt

    result = argmap_cli("plan", "hostile-question", "--corpus", HOSTILE, "--detail")
    assert result.returncode == 0, result.stderr
    tokens = MarkdownIt("commonmark").parse(result.stdout)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert not kinds & {"html_inline", "html_block", "link_open", "image", "code_inline", "fence", "code_block"}, kinds
    html = MarkdownIt("commonmark").render(result.stdout)
    assert "<script" not in html and "<img" not in html and "<a " not in html and "<svg" not in html
    assert "window.pwned" in result.stdout, "the words themselves are kept"


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def test_the_html_plan_is_a_standalone_page_with_the_same_words_and_a_csp(argmap_cli):
    markdown = argmap_cli("plan", "hostile-question", "--corpus", HOSTILE).stdout
    result = argmap_cli("plan", "hostile-question", "--corpus", HOSTILE, "--format", "html")
    assert result.returncode == 0
    page = _Page()
    page.feed(result.stdout)
    csp = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert csp and "default-src 'none'" in csp[0] and "script-src 'none'" in csp[0]
    assert not any(tag in ("script", "link", "img", "iframe", "svg") for tag, _ in page.tags)
    assert [a["href"] for t, a in page.tags if t == "a"] == ["#main"], "only the skip link"
    text = " ".join("".join(page.text).split())
    for line in markdown.split("## References")[0].splitlines():
        words = unescape(re.sub(r"(?<!\\)\*", "", re.sub(r"^(#+ |- \*\*\w+\*\*: )", "", line)))
        if words.strip():
            assert " ".join(words.split()) in text, line


def test_the_word_plan_opens_with_the_thesis_and_every_point(mini_corpus, argmap_cli, tmp_path):
    import docx

    out = tmp_path / "plan.docx"
    result = argmap_cli("plan", Q, "--corpus", mini_corpus, "--format", "docx", "-o", out)
    assert result.returncode == 0 and result.stdout == ""
    plan = read(argmap_cli("plan", Q, "--corpus", mini_corpus).stdout)
    paragraphs = docx.Document(str(out)).paragraphs
    styles = [(p.style.name, p.text) for p in paragraphs]
    thesis = styles.index(("Heading 1", "Thesis"))
    assert styles[thesis + 1][1] == unescape(plan.thesis)
    for p in plan.paragraphs:
        assert ("List Bullet", f"Point: {unescape(p.lines['Point'][0])}") in styles
    assert [s for s, _ in styles].count("Heading 1") == len(plan.paragraphs) + 3


def test_a_word_plan_needs_a_file_and_a_bad_one_is_a_usage_error(mini_corpus, argmap_cli, tmp_path):
    result = argmap_cli("plan", Q, "--corpus", mini_corpus, "--format", "docx")
    assert result.returncode == 2 and "needs -o" in result.stderr and result.stdout == ""
    folder = tmp_path / "plans"
    folder.mkdir()
    result = argmap_cli("plan", Q, "--corpus", mini_corpus, "--format", "docx", "-o", folder)
    assert result.returncode == 2 and str(folder) in result.stderr and "Traceback" not in result.stderr
    assert folder.is_dir() and list(folder.iterdir()) == [], "nothing written, nothing left behind"


def test_a_plan_written_with_o_equals_the_one_printed(mini_corpus, argmap_cli, tmp_path):
    out = tmp_path / "plan.md"
    assert argmap_cli("plan", Q, "--corpus", mini_corpus, "-o", out).returncode == 0
    assert out.read_text(encoding="utf-8") == argmap_cli("plan", Q, "--corpus", mini_corpus).stdout


def test_unknown_question_or_school_is_a_usage_error_with_a_suggestion(mini_corpus, argmap_cli):
    result = argmap_cli("plan", "collective-securty-aim", "--corpus", mini_corpus)
    assert result.returncode == 2 and result.stdout == ""
    assert "did you mean 'collective-security-aim'?" in result.stderr
    result = argmap_cli("plan", Q, "--corpus", mini_corpus, "--school", "german-schol")
    assert result.returncode == 2 and result.stdout == ""
    assert "did you mean 'german-school'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_same_corpus_gives_the_same_plan(mini_corpus):
    g = graph(mini_corpus)
    assert plan_view(g, Q) == plan_view(g, Q)
    assert render_plan(g, Q, fmt="html") == render_plan(graph(mini_corpus), Q, fmt="html")


def test_the_plan_shown_in_the_docs_is_a_whole_plan_of_a_real_course_question():
    docs = (ROOT / "docs" / "plans.md").read_text(encoding="utf-8")
    command, block = docs.split("## A real plan, whole", 1)[1].split(" on the course corpus:\n", 1)
    question = command.strip().strip("`").split()[-1]
    assert question in COURSE_QUESTIONS
    shown = "\n".join(line[4:] for line in block.strip("\n").split("\n")) + "\n"
    plan = read(shown)
    assert unescape(plan.headings[0]) == f"# Essay plan: {' '.join(COURSE.nodes[question]['text'].split())}"
    assert [h for h in plan.headings if not h.startswith("## Paragraph")][1:] == [
        "## Thesis", "## Conclusion", "## References"]
    assert 3 <= len(plan.paragraphs) <= 6 and plan.main_words <= 700
    assert all(set(p.lines) == {"Point", "Evidence", "Historian", "Counter"} for p in plan.paragraphs)


def test_a_corpus_with_every_text_as_long_as_the_courses_longest_still_gives_plans_within_700_words(wordy_corpus):
    g = graph(wordy_corpus())
    schools = [n for n, k in g.nodes(data="kind") if k == "school"]
    for school in [None, *schools]:
        for aside in ({}, {"e0": False, "e19": False}):
            plan = check_plan(g, "wordy", school, render_plan(g, "wordy", school=school, accepted=aside), aside)
            assert len(plan.paragraphs) >= 3


# --- any corpus docs/format.md allows fits in 700 words ----------------------

TERMS = ["to what extent", "compare and contrast", "evaluate", "discuss", "examine", "analyse", "assess", "explain"]
@st.composite
def limit_shapes(draw, term: str) -> Limits:
    sides, per_side = draw(st.integers(2, 3)), draw(st.integers(6, 8))
    return Limits(
        term=term, word=draw(st.sampled_from([1, 2, 3, 5, 8, 12])), sides=sides, per_side=per_side,
        schools=draw(st.integers(2, 4)),
        evidence=tuple(draw(st.lists(st.integers(0, 4), min_size=sides * per_side, max_size=sides * per_side))),
        long=draw(st.integers(200, 600)), historians=draw(st.integers(1, 6)), works=draw(st.integers(1, 3)),
        strong_attacks=draw(st.booleans()),
    )


def limit_graph(files: dict):
    with tempfile.TemporaryDirectory() as folder:
        return graph(write_corpus(files, Path(folder)))


def check_limit_plans(shape: Limits, aside: dict[str, bool]) -> int:
    """Every lens's plan of a ``limit_files`` corpus, checked; the most words."""
    g = limit_graph(limit_files(shape))
    most = 0
    for school in [None, *(n for n, k in g.nodes(data="kind") if k == "school")]:
        for accepted in ({}, aside):
            plan = check_plan(g, "limit", school, render_plan(g, "limit", school=school, accepted=accepted), accepted)
            assert len(plan.paragraphs) >= 3
            most = max(most, plan.main_words)
    return most


@pytest.mark.parametrize("term", TERMS)
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=st.data())
def test_any_corpus_at_the_format_limits_gives_plans_within_700_words_in_the_documented_shape(term, data):
    shape = data.draw(limit_shapes(term))
    ids = [f"e{c}-{k}" for c, n in enumerate(shape.evidence) for k in range(n)]
    aside = data.draw(st.sets(st.sampled_from(ids))) if ids else set()
    check_limit_plans(shape, {e: False for e in sorted(aside)})


@pytest.mark.parametrize("term", TERMS)
@pytest.mark.parametrize("evidence", [0, 1, 3])
def test_the_wordiest_corpus_possible_still_gives_plans_within_700_words(term, evidence):
    """One-letter words fill the 300 characters of a point with 150 words:
    three such points and the plan's own sentences must still fit."""
    check_limit_plans(Limits(term, word=1, sides=3, per_side=8, schools=3, evidence=(evidence,) * 24), {})
