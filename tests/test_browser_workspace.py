"""The student's own map (issue 14), driven in a real offline Chromium.

A held-out corpus written here (two questions, so leaks can show) is built;
a student adds evidence, a claim on a side, notes and a changed weight with
real clicks and keys; the page's balance must equal argmap.analysis over the
corpus plus the file the page hands in (read by the loader, as
``--add`` reads it), and the command line must accept that file and give
the same shares. The ``offline_page`` fixture fails a test on any console
error, page error, dialog or network request.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from argmap.analysis import weigh
from argmap.corpus import load_corpus
from argmap.graph import build_graph
from argmap.render import build_site
from conftest import run_argmap

pytestmark = pytest.mark.browser

TOLERANCE = 1e-12
ONE, TWO = "q-one", "q-two"
YES, NO = f"{ONE}/yes", f"{ONE}/no"
HOSTILE = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>'

CORPUS = {
    "evidence/facts.yaml": """\
        evidence:
          - {id: league, title: The USSR joins the League, date: 1934-09-18, source: Class notes}
          - {id: munich, title: Munich leaves the USSR out, date: 1938-09, source: Class notes}
          - {id: purges, title: The purges weaken the army, date: 1937/1938, source: Class notes}
          - {id: pact, title: The Nazi-Soviet Pact, date: 1939-08-23, kind: treaty, source: Class notes}
        """,
    "schools/claims.yaml": """\
        claims:
          - id: security
            text: Collective security was a genuine aim.
            evidence:
              - {ref: league, stance: supports, weight: strong}
              - {ref: munich, stance: undermines, weight: weak}
          - id: deal
            text: A deal with Germany was the aim all along.
            evidence:
              - {ref: pact, stance: supports}
              - {ref: munich, stance: supports, weight: weak}
          - id: weakness
            text: The purges left Stalin too weak to fight.
            evidence:
              - {ref: purges, stance: supports, weight: strong}
            undermines: [security]
        schools:
          - {id: western, name: Western school, summary: Security was genuine., holds: [security]}
        """,
    "exam_questions/questions.yaml": """\
        questions:
          - id: q-one
            text: "'Collective security was the aim.' Discuss."
            command_term: discuss
            sides:
              - {id: yes, label: Security was the aim, claims: [security]}
              - {id: no, label: A deal was the aim, claims: [deal]}
          - id: q-two
            text: "Why did Stalin sign the pact?"
            command_term: explain
            sides:
              - {id: weak, label: Weakness, claims: [weakness]}
              - {id: choice, label: Choice, claims: [deal]}
        """,
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("held-out")
    for name, text in CORPUS.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    result = load_corpus(root)
    assert not result.errors, result.errors
    out = tmp_path_factory.mktemp("held-out-site")
    build_site(build_graph(result.corpus), out)
    return root, out


def open_map(offline_page, out: Path, question: str = ONE, **size):
    page, log = offline_page(out / f"{question}.html", **size)
    page.evaluate("argmap.ready")
    return page


def python_shares(root: Path, question: str, added: Path | None = None) -> dict[str, float]:
    """argmap.analysis over the corpus plus ``added``, read as ``--add`` reads it."""
    result = load_corpus(root, [added] if added else [])
    assert not result.errors, "\n".join(map(str, result.errors))
    return weigh(build_graph(result.corpus), question).shares


def assert_same(page_shares: dict, shares: dict) -> None:
    assert page_shares.keys() == shares.keys()
    for side, share in shares.items():
        assert abs(page_shares[side] - share) <= TOLERANCE, (side, page_shares[side], share)


def click_node(page, node: str) -> None:
    point = page.evaluate(f"argmap.domPosition({node!r})")
    page.mouse.click(point["x"], point["y"])


def open_mine(page) -> None:
    page.click("#tab-mine")
    assert page.is_visible("#mine")


def add_evidence_with_keys(page, title: str, date: str, source: str, claim_label: str) -> None:
    """The "Add evidence" form, filled from the keyboard and sent with Enter."""
    open_mine(page)
    page.click("#mine-add-evidence")
    page.keyboard.type(title)                      # the title has the focus
    page.keyboard.press("Tab")
    page.keyboard.type(date)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")                     # kind: event
    page.keyboard.type(source)
    form = page.locator("#mine-evidence-form")
    form.get_by_label("Claim", exact=True).select_option(label=claim_label)
    form.get_by_label("It", exact=True).select_option("undermines")
    form.get_by_label("Weight", exact=True).select_option("strong")
    form.get_by_label("Title").focus()
    page.keyboard.press("Enter")


def student_session(page) -> None:
    """Evidence linked to a course claim, a claim on a side with evidence,
    notes on a course claim and a side, and a course link set aside: every
    step through the forms, with clicks and keys."""
    add_evidence_with_keys(page, "Stalin " + HOSTILE + " courts Berlin", "1939-05", "My reading of Haslam",
                           "A deal was the aim: A deal with Germany was the aim all along.")
    assert "Yours: you added this" in page.inner_text("#details")

    open_mine(page)
    page.click("#mine-add-claim")
    page.keyboard.type("Britain and France never meant to ally with Moscow.")
    form = page.locator("#mine-claim-form")
    form.get_by_label("On the side").select_option(label="A deal was the aim")
    form.get_by_label("Evidence", exact=True).select_option(label="1938-09 Munich leaves the USSR out")
    form.get_by_label("Weight", exact=True).select_option("strong")
    form.get_by_label("Claim (one sentence)").focus()
    page.keyboard.press("Enter")

    click_node(page, "security")
    page.click("#mine-note-text")
    page.keyboard.type("Check Haslam ch. 3 " + HOSTILE)
    page.keyboard.press("Enter")
    assert page.locator("#details .note-text").count() == 1

    # Set the course's strong "league supports security" link aside.
    chooser = page.locator('select[data-from="league"][data-to="security"]')
    chooser.focus()
    chooser.select_option("aside")


def test_a_students_map_weighs_as_the_command_line_does_and_survives_a_reload(corpus, offline_page, tmp_path):
    root, out = corpus
    page = open_map(offline_page, out)
    assert_same(page.evaluate("argmap.balance()"), python_shares(root, ONE))

    student_session(page)
    text = page.evaluate("argmap.workspace.text()")
    assert "weights:" in text and "sides:" in text and "notes:" in text and "links:" in text
    mine = tmp_path / "alice.yaml"
    mine.write_text(text, encoding="utf-8")

    shares = python_shares(root, ONE, mine)
    assert shares != python_shares(root, ONE)
    assert_same(page.evaluate("argmap.balance()"), shares)
    # The balance meter shows it too.
    shown = page.inner_text("#balance-list")
    for side, share in shares.items():
        assert f"{int(share * 100 + 0.5)}%" in shown

    # The teacher's side: check and export accept the file and agree.
    checked = run_argmap("check", "--corpus", root, "--add", mine)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    exported = run_argmap("export", ONE, "--corpus", root, "--add", mine, "--format", "json")
    assert exported.returncode == 0, exported.stderr
    nodes = json.loads(exported.stdout)["nodes"]
    assert_same({n["id"]: n["share"] for n in nodes if n["kind"] == "side"}, shares)
    # Each evidence item's stance toward each side (what marks it contested) too.
    stances = page.evaluate("""() => Object.fromEntries(Object.keys(argmap.kit.data.evidence).map(
        id => [id, Object.assign({}, argmap.kit.data.evidence[id].stances)]))""")
    assert stances == {n["id"]: n["sides"] for n in nodes if n["kind"] == "evidence"}
    built = run_argmap("build", "--corpus", root, "--add", mine, "--out", tmp_path / "alice")
    assert built.returncode == 0, built.stderr
    # The teacher's build of it: the same balance, the student's note shown.
    teacher = open_map(offline_page, tmp_path / "alice")
    assert_same(teacher.evaluate("argmap.balance()"), shares)
    teacher.evaluate("argmap.select('security')")
    assert "Check Haslam ch. 3 " + HOSTILE in teacher.inner_text("#details")

    # The reader's own boxes are told apart: a dashed border and "Yours".
    own = page.evaluate("argmap.nodes().map(n => n.id).filter(id => argmap.kit.workspace.isOwn(id))")
    assert len(own) == 2
    for node in own:
        drawn = page.evaluate(f"argmap.kit.view.nodes.get({node!r}).shapeProperties.borderDashes")
        assert drawn and len(drawn) == 2
    # The plan counts the additions: the same plan as the command line's with --add.
    plan = page.evaluate("argmap.plan()")
    assert "Britain and France never meant to ally with Moscow." in plan
    planned = run_argmap("plan", ONE, "--corpus", root, "--add", mine)
    assert planned.returncode == 0, planned.stderr
    assert plan.strip() == planned.stdout.strip()

    page.reload()
    page.evaluate("argmap.ready")
    assert_same(page.evaluate("argmap.balance()"), shares)
    assert page.evaluate("argmap.workspace.text()") == text


def test_the_download_is_the_text_and_open_reads_it_back(corpus, offline_page, tmp_path):
    root, out = corpus
    page = open_map(offline_page, out)
    student_session(page)
    text = page.evaluate("argmap.workspace.text()")
    balance = page.evaluate("argmap.balance()")
    open_mine(page)
    with page.expect_download() as download:
        page.click("#mine-download")
    saved = tmp_path / "saved.yaml"
    download.value.save_as(saved)
    assert saved.read_text(encoding="utf-8") == text

    # A fresh browser (another context): Open my map brings it all back.
    other = open_map(offline_page, out)
    assert other.evaluate("argmap.workspace.text()") != text
    open_mine(other)
    with other.expect_file_chooser() as chooser:
        other.click("#mine-open")
    chooser.value.set_files(saved)
    other.wait_for_function("() => document.documentElement.classList.contains('has-mine')")
    assert other.evaluate("argmap.workspace.text()") == text
    assert_same(other.evaluate("argmap.balance()"), balance)


BAD_FILES = {
    "dangling": ("evidence:\n  - id: my-e\n    title: T\n    date: 1939\n    source: S\n    links:\n"
                 "      - {claim: no-such-claim, stance: supports}\n", 7, "no-such-claim"),
    "yaml": ("claims:\n  - id: my-c\n    text: [unclosed\n", 4, "YAML"),
    "unknown key": ("notes:\n  - {on: security, text: Fine.}\n  - {on: deal, txt: Typo.}\n", 3, "txt"),
    "stance": ("claims:\n  - id: my-c\n    text: A claim.\n    sides: [q-one/yes]\n    evidence:\n"
               "      - {ref: pact, stance: backs}\n", 6, "backs"),
    "weight": ("weights:\n  - {from: league, to: security, weight: heavy}\n", 2, "heavy"),
    "no link": ("weights:\n  - {from: pact, to: security, weight: weak}\n", 2, "no link"),
    "two sides": ("claims:\n  - id: my-c\n    text: A claim.\n    sides: [q-one/yes, q-one/no]\n", 4, "two sides"),
    "wrong kind": ("claims:\n  - id: my-c\n    text: A claim.\n    evidence:\n      - {ref: deal, stance: supports}\n",
                   5, "evidence is wanted"),
}


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_a_bad_file_is_refused_with_its_line_and_changes_nothing(corpus, offline_page, tmp_path, name):
    root, out = corpus
    page = open_map(offline_page, out)
    page.evaluate("""() => argmap.workspace.load(
        "notes:\\n  - {on: security, text: Kept.}\\nweights:\\n  - {from: pact, to: deal, weight: strong}\\n")""")
    before = (page.evaluate("argmap.workspace.text()"), page.evaluate("argmap.balance()"))
    text, line, words = BAD_FILES[name]
    message = page.evaluate("t => { try { argmap.workspace.load(t); return null; } catch (e) { return e.message; } }", text)
    assert message is not None and message.startswith(f"line {line}:") and words in message, message
    assert (page.evaluate("argmap.workspace.text()"), page.evaluate("argmap.balance()")) == before
    # The same through "Open my map": the status names the line, nothing changes.
    bad = tmp_path / "bad.yaml"
    bad.write_text(text, encoding="utf-8")
    open_mine(page)
    page.set_input_files("#mine-file", bad)
    page.wait_for_function("() => document.getElementById('mine-status').textContent.indexOf('Nothing was changed') >= 0")
    assert f"line {line}:" in page.inner_text("#mine-status")
    assert (page.evaluate("argmap.workspace.text()"), page.evaluate("argmap.balance()")) == before
    # The command line refuses the same file, at the same line.
    if name not in ("no link", "wrong kind", "dangling", "two sides"):
        return
    checked = run_argmap("check", "--corpus", root, "--add", bad)
    assert checked.returncode == 1 and f"bad.yaml:{line}:" in checked.stdout, checked.stdout


def test_hostile_text_in_a_workspace_stays_text(corpus, offline_page):
    root, out = corpus
    page = open_map(offline_page, out)
    student_session(page)
    for node in page.evaluate("argmap.nodes().map(n => n.id).filter(id => argmap.kit.workspace.isOwn(id))") + ["security"]:
        page.evaluate(f"argmap.select({node!r})")
        page.click("#tab-evidence")
        page.click("#tab-plan")
        page.click("#tab-details")
    assert HOSTILE in page.inner_text("#details")          # the note, shown as text
    evidence = page.evaluate("argmap.nodes().filter(n => n.kind === 'evidence' && argmap.kit.workspace.isOwn(n.id))")
    page.evaluate(f"argmap.select({evidence[0]['id']!r})")
    assert HOSTILE in page.inner_text("#details")
    assert HOSTILE in page.inner_text("#evidence-list")
    # The map's tooltip on the reader's box shows the title as text too.
    point = page.evaluate(f"argmap.domPosition({evidence[0]['id']!r})")
    page.mouse.move(point["x"], point["y"])
    page.wait_for_selector(".vis-tooltip", state="visible")
    assert HOSTILE in page.inner_text(".vis-tooltip")
    assert page.evaluate("window.pwned === undefined")
    assert page.locator("#details img, #evidence-list img, #mine img, #details script, .vis-tooltip img").count() == 0


def test_clear_restores_the_corpus_balance_and_forgets_on_reload(corpus, offline_page):
    root, out = corpus
    page = open_map(offline_page, out)
    original = page.evaluate("argmap.balance()")
    assert_same(original, python_shares(root, ONE))
    student_session(page)
    assert page.evaluate("argmap.balance()") != original
    page.evaluate("argmap.workspace.clear()")
    assert page.evaluate("argmap.balance()") == original
    assert page.evaluate("argmap.nodes().length") == page.evaluate("argmap.kit.data.nodes.length")
    assert not any(page.evaluate("argmap.nodes().map(n => argmap.kit.workspace.isOwn(n.id))"))
    page.reload()
    page.evaluate("argmap.ready")
    assert page.evaluate("argmap.balance()") == original

    # The button asks twice, then clears.
    student_session(page)
    open_mine(page)
    page.click("#mine-clear")
    assert page.evaluate("argmap.balance()") != original
    page.click("#mine-clear")
    assert page.evaluate("argmap.balance()") == original


def test_one_questions_additions_stay_on_its_map(corpus, offline_page):
    root, out = corpus
    page = open_map(offline_page, out, ONE)
    student_session(page)
    text = page.evaluate("argmap.workspace.text()")
    # Same browser (same context, same storage): the other question's map
    # opens clean. The fixture lets the context reach only the first page,
    # so let it reach the second too, and nothing else.
    pages = {(out / f"{q}.html").resolve().as_uri() for q in (ONE, TWO)}
    elsewhere = []
    page.context.unroute("**/*")
    page.context.route("**/*", lambda r: r.continue_() if r.request.url.split("#")[0] in pages or
                       r.request.url.startswith(("data:", "blob:")) else (elsewhere.append(r.request.url), r.abort()))
    other = page.context.new_page()
    errors = []
    other.on("pageerror", lambda e: errors.append(str(e)))
    other.goto((out / f"{TWO}.html").resolve().as_uri())
    other.evaluate("argmap.ready")
    assert other.evaluate("argmap.workspace.text()").count("\n") == 2   # the two comment lines only
    assert_same(other.evaluate("argmap.balance()"), python_shares(root, TWO))
    assert "Yours" not in other.inner_text("#panel")
    assert not errors and not elsewhere
    other.close()
    page.reload()
    page.evaluate("argmap.ready")
    assert page.evaluate("argmap.workspace.text()") == text


def test_forms_are_keyboard_friendly(corpus, offline_page):
    root, out = corpus
    page = open_map(offline_page, out)
    open_mine(page)
    page.click("#mine-add-claim")
    assert page.evaluate("document.activeElement.name") == "text"
    assert page.get_attribute("#mine-add-claim", "aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert page.is_hidden("#mine-claim-form")
    assert page.evaluate("document.activeElement.id") == "mine-add-claim"
    # Enter with an empty form says what is missing, and adds nothing.
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    assert "Write the claim" in page.inner_text("#mine-claim-form")
    assert page.evaluate("argmap.workspace.text()").count("\n") == 2
    # Every control of the forms has a label.
    unlabelled = page.evaluate("""() => Array.from(document.querySelectorAll(
        '#mine input:not([type=file]), #mine select, #mine textarea')).filter(c => !c.labels.length).length""")
    assert unlabelled == 0


def test_without_storage_the_page_still_works_and_says_so(corpus, offline_page):
    root, out = corpus
    page, log = offline_page(out / f"{ONE}.html")
    page.add_init_script("""Object.defineProperty(window, 'localStorage', {get() {
        throw new DOMException('storage is off', 'SecurityError'); }})""")
    page.reload()
    page.evaluate("argmap.ready")
    open_mine(page)
    assert "does not keep" in page.inner_text("#mine-status")
    student_session(page)
    page.evaluate("argmap.balance()")
    assert "Stalin" in page.evaluate("argmap.workspace.text()")


def test_find_reaches_the_readers_own_items(corpus, offline_page):
    root, out = corpus
    page = open_map(offline_page, out)
    page.evaluate("""() => argmap.workspace.load(
        "claims:\\n  - {id: my-doors, text: Stalin kept both doors open., sides: [q-one/no]}\\n")""")
    page.click("#search")
    page.keyboard.type("both doors")
    page.keyboard.press("Enter")
    assert page.evaluate("argmap.kit.state.selected") == "my-doors"
    assert "Yours: you added this" in page.inner_text("#details")


def test_a_rebuilt_page_of_the_same_corpus_keeps_the_additions(corpus, offline_page, tmp_path):
    root, out = corpus
    site = tmp_path / "site"
    build_site(build_graph(load_corpus(root).corpus), site)
    page = open_map(offline_page, site)
    student_session(page)
    text = page.evaluate("argmap.workspace.text()")
    # The teacher adds a piece of evidence and rebuilds: the same debate.
    grown = tmp_path / "grown"
    for name, body in CORPUS.items():
        path = grown / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(body), encoding="utf-8")
    (grown / "evidence" / "more.yaml").write_text(
        "evidence:\n  - {id: memo, title: A new memo, date: 1939-04, source: Archive,"
        " links: [{claim: deal, stance: supports}]}\n", encoding="utf-8")
    build_site(build_graph(load_corpus(grown).corpus), site)
    page.reload()
    page.evaluate("argmap.ready")
    assert page.evaluate("argmap.workspace.text()") == text
    mine = tmp_path / "alice.yaml"
    mine.write_text(text, encoding="utf-8")
    assert_same(page.evaluate("argmap.balance()"), python_shares(grown, ONE, mine))
    # In projector mode too the reader's boxes have their places.
    page.evaluate("argmap.toggleProjector()")
    own = page.evaluate("argmap.nodes().map(n => n.id).filter(id => argmap.kit.workspace.isOwn(id))")
    placed = page.evaluate("ids => ids.map(id => argmap.kit.view.network.getPositions([id])[id])", own)
    assert len(placed) == 2 and all(p is not None for p in placed)


def test_a_file_dropped_on_the_page_opens_or_is_refused(corpus, offline_page):
    root, out = corpus
    page = open_map(offline_page, out)

    def drop(text: str) -> None:
        transfer = page.evaluate_handle("""t => {
            const transfer = new DataTransfer();
            transfer.items.add(new File([t], "dropped.yaml", {type: "text/yaml"}));
            return transfer; }""", text)
        page.dispatch_event("#map", "drop", {"dataTransfer": transfer})

    drop("notes:\n  - {on: deal, text: Dropped in.}\n")
    page.wait_for_function("() => argmap.workspace.text().indexOf('Dropped in.') >= 0")
    assert page.is_visible("#mine")
    before = page.evaluate("argmap.workspace.text()")
    drop("notes:\n  - {on: nowhere, text: Lost.}\n")
    page.wait_for_function("() => document.getElementById('mine-status').textContent.indexOf('Nothing was changed') >= 0")
    assert "line 2:" in page.inner_text("#mine-status")
    assert page.evaluate("argmap.workspace.text()") == before


TRICKY = ["yes", "no", "on", "1939", "0x1F", "1e3", ".inf", "null", "~", "#hash", "a: b", "- dash", "[x]", "{y}",
          "&anchor", "*alias", "!tag", "%pct", "@at", "`tick`", "'single'", '"double"', "two\nlines", "tab\there",
          "ends with a colon:", "Ελλάδα, 🙂", "back\\slash", "=", "? key", "| bar", "> fold"]


def test_what_the_page_writes_the_loader_reads_back_the_same(corpus, offline_page, tmp_path):
    root, out = corpus
    page = open_map(offline_page, out)
    for words in TRICKY:
        page.click("#tab-details")
        page.evaluate("argmap.select('deal')")
        page.fill("#mine-note-text", words)
        page.click("#mine-note-form button[type=submit]")
    mine = tmp_path / "tricky.yaml"
    mine.write_text(page.evaluate("argmap.workspace.text()"), encoding="utf-8")
    result = load_corpus(root, [mine])
    assert not result.errors, result.errors
    assert [note.text for note, _ in result.corpus.notes] == TRICKY
    # ... and the page reads its own text back to the same additions.
    page.evaluate("t => argmap.workspace.load(t)", mine.read_text(encoding="utf-8"))
    assert page.evaluate("argmap.workspace.text()") == mine.read_text(encoding="utf-8")


def test_a_plain_scalar_in_a_text_field_is_the_text_written(corpus, offline_page, tmp_path):
    root, out = corpus
    page = open_map(offline_page, out)
    text = "notes:\n  - {on: deal, text: 1.50}\n  - {on: deal, text: yes}\n  - {on: deal, text: 0x1F}\n"
    page.evaluate("t => argmap.workspace.load(t)", text)
    written = tmp_path / "plain.yaml"
    written.write_text(page.evaluate("argmap.workspace.text()"), encoding="utf-8")
    read = [note.text for note, _ in load_corpus(root, [written]).corpus.notes]
    assert read == [note.text for note, _ in load_corpus(root, [_write(tmp_path / "raw.yaml", text)]).corpus.notes]
    assert read == ["1.50", "yes", "0x1F"]


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_the_grid_and_the_timeline_count_the_additions_at_once(corpus, offline_page):
    root, out = corpus
    page = open_map(offline_page, out)
    page.evaluate("argmap.setView('grid')")
    page.evaluate("""() => argmap.workspace.load(
        "evidence:\\n  - {id: my-memo, title: A memo, date: 1939-04, source: Archive}\\n" +
        "claims:\\n  - id: my-doors\\n    text: Stalin kept both doors open.\\n    sides: [q-one/no]\\n" +
        "    evidence: [{ref: my-memo, stance: supports, weight: strong}]\\n")""")
    assert page.locator('#grid tr[data-id="my-memo"]').count() == 1
    assert page.locator('#grid th[data-id="my-doors"]').count() == 1
    cell = page.locator('#grid tr[data-id="my-memo"] [data-claim="my-doors"]')
    assert "supports" in cell.inner_text() and "strong" in cell.inner_text()
    assert "supports" in page.locator(f'#grid tr[data-id="my-memo"] [data-side="{NO}"]').inner_text()
    page.evaluate("argmap.setView('timeline')")
    assert page.locator('#timeline [data-id="my-memo"]').count() == 1
    page.evaluate("argmap.workspace.clear()")
    assert page.locator('#timeline [data-id="my-memo"]').count() == 0
    page.evaluate("argmap.setView('grid')")
    assert page.locator('#grid tr[data-id="my-memo"]').count() == 0
