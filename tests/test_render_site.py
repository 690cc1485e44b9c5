"""What `argmap build` and `export --format html` write, read as files.

Browser behaviour is in test_browser_*.py; here: which pages appear, that
they are self-contained, reproducible, safe by construction (CSP hashes,
escaped data) and written all or nothing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from argmap.analysis import balance, extent_words, percent
from argmap.corpus import load_corpus
from argmap.graph import build_graph

FIXTURES = Path(__file__).parent / "fixtures"
MINI_Q = "collective-security-aim"


class Page(HTMLParser):
    """The parts of a page the tests look at: inline scripts, CSP, links, text."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.scripts: list[tuple[dict, str]] = []
        self.csp: str | None = None
        self.generator: str | None = None
        self.links: list[str] = []
        self.sources: list[str] = []
        self.handlers: list[str] = []
        self.text: list[str] = []
        self._script: dict | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "script":
            self._script = attributes
            self.scripts.append((attributes, ""))
        if tag == "meta" and attributes.get("http-equiv") == "Content-Security-Policy":
            self.csp = attributes["content"]
        if tag == "meta" and attributes.get("name") == "generator":
            self.generator = attributes["content"]
        if tag == "a" and "href" in attributes:
            self.links.append(attributes["href"])
        for name, value in attrs:
            if name in ("src",) or (name == "href" and tag != "a"):
                self.sources.append(value)
            if name.startswith("on"):
                self.handlers.append(f"{tag} {name}={value}")

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        else:
            self.text.append(data)

    def page_data(self) -> dict:
        (blob,) = [text for attrs, text in self.scripts if attrs.get("type") == "application/json"]
        return json.loads(blob)

    def inline_scripts(self) -> list[str]:
        return [text for attrs, text in self.scripts if attrs.get("type") != "application/json"]


def build(run_argmap, corpus: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    result = run_argmap("build", "--corpus", corpus, "--out", out, *extra)
    assert result.returncode == 0, result.stderr
    return result


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def mini_graph():
    return build_graph(load_corpus(FIXTURES / "mini").corpus)


@pytest.fixture(scope="module")
def mini_site(tmp_path_factory) -> Path:
    """The mini corpus built once by the real command line, for tests that only read."""
    from conftest import run_argmap

    out = tmp_path_factory.mktemp("mini-site")
    build(run_argmap, FIXTURES / "mini", out)
    return out


def test_build_writes_an_index_a_schools_page_and_one_map_per_question(mini_site):
    assert sorted(p.name for p in mini_site.iterdir()) == [f"{MINI_Q}.html", "index.html", "schools.html"]


def test_the_same_corpus_gives_byte_identical_pages(mini_site, run_argmap_cli, tmp_path):
    """A second build, in a fresh process, writes the very same bytes."""
    result = build(run_argmap_cli, FIXTURES / "mini", tmp_path / "again")
    assert "wrote 3 pages" in result.stderr and result.stdout == ""
    assert snapshot(tmp_path / "again") == snapshot(mini_site)


NAV = ('<nav class="crumbs" aria-label="Site"><a href="index.html">All questions</a>'
       '<a href="schools.html">Schools of thought</a></nav>')


def test_export_html_is_the_page_build_writes_without_links_that_lead_nowhere(mini_site, run_argmap_cli, tmp_path):
    result = run_argmap_cli("export", MINI_Q, "--corpus", FIXTURES / "mini", "--format", "html",
                            "-o", tmp_path / "hand-out.html")
    assert result.returncode == 0, result.stderr
    handed_out = (tmp_path / "hand-out.html").read_text(encoding="utf-8")
    built = (mini_site / f"{MINI_Q}.html").read_text(encoding="utf-8")
    # the built map links to its site; the map handed out alone links nowhere
    assert NAV in built
    assert "index.html" not in handed_out and "schools.html" not in handed_out
    assert handed_out == built.replace(NAV, "")


def test_every_page_is_one_self_contained_file(mini_site):
    out = mini_site
    for path in out.iterdir():
        page = Page(path.read_text(encoding="utf-8"))
        assert page.sources == [], f"{path.name} loads {page.sources}"
        assert not any(re.match(r"^[a-z]+:", link) for link in page.links), f"{path.name} links off-site"
        assert all(not attrs.get("src") for attrs, _ in page.scripts)
        assert page.generator == "argmap"


def test_the_csp_forbids_the_network_and_allows_exactly_the_inline_scripts(mini_site):
    out = mini_site
    for path in out.iterdir():
        page = Page(path.read_text(encoding="utf-8"))
        directives = dict(d.strip().split(" ", 1) for d in page.csp.split(";"))
        assert directives["default-src"] == "'none'"
        assert directives["connect-src"] == "'none'"
        assert "unsafe-inline" not in directives["script-src"] and "unsafe-eval" not in directives["script-src"]
        hashes = {
            "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
            for s in page.inline_scripts()
        }
        allowed = set(directives["script-src"].split()) - {"'none'"}
        assert allowed == hashes
    map_page = Page((out / f"{MINI_Q}.html").read_text(encoding="utf-8"))
    assert len(map_page.inline_scripts()) >= 3, "vis-network, the weighing and the page script"


def test_page_data_carries_what_the_page_and_the_essay_plan_need(tmp_path):
    from argmap.render import render_map

    data = Page(render_map(mini_graph(), MINI_Q)).page_data()
    assert data["question"]["command_term"] == "discuss" and data["question"]["period"] == [1933, 1939]
    assert [s["claims"] for s in data["sides"]] == [["security-genuine", "pact-last-resort"], ["german-deal"]]
    assert data["claims"]["german-deal"]["text"] == "Stalin preferred a deal with Germany all along."
    pact = data["evidence"]["nazi-soviet-pact"]
    assert (pact["date"], pact["kind"], pact["source"]) == ("1939-08-23", "treaty", "Class notes, the Nazi-Soviet Pact")
    assert pact["stances"] == {
        "collective-security-aim/agree": "undermines", "collective-security-aim/disagree": "supports",
    }
    link = next(l for l in data["links"] if l["from"] == "munich")
    assert link == {"from": "munich", "to": "pact-last-resort", "relation": "supports", "weight": 0.75,
                    "reading": "Munich showed the West would not stand with Moscow."}
    school = data["schools"][0]
    assert school["holds"] == ["security-genuine", "pact-last-resort"] and school["rejects"] == ["german-deal"]
    assert school["historians"][0]["works"][0]["year"] == 1984
    assert {n["id"] for n in data["nodes"]} == {n["id"] for n in data["vis"]["nodes"]}
    assert len(data["vis"]["layout"]["default"]["lines"]) == len(data["links"])
    assert set(data["vis"]["layout"]) == {"default", "projector"}
    assert all(n["x"] is not None and n["y"] is not None for n in data["vis"]["nodes"])
    assert data["vis"]["options"]["physics"]["enabled"] is False
    assert set(data["vis"]["groups"]) == {"default", "projector"}


def test_map_nodes_carry_only_what_differs_from_their_group():
    from argmap.render import render_map

    data = Page(render_map(mini_graph(), MINI_Q)).page_data()
    for node in data["vis"]["nodes"]:
        assert set(node) <= {"id", "label", "group", "x", "y", "title", "widthConstraint", "heightConstraint"}, node
        assert node["group"] in data["vis"]["groups"]["default"]


def test_page_data_is_escaped_against_every_way_out_of_its_script_block():
    from argmap.render.page import json_for_script

    text = str(json_for_script({"t": "</script><!-- <script> & \u2028\u2029"}))
    for raw in ("<", ">", "&", "\u2028", "\u2029"):
        assert raw not in text
    assert json.loads(text) == {"t": "</script><!-- <script> & \u2028\u2029"}


def test_hostile_text_lands_only_as_escaped_text(run_argmap_cli, tmp_path):
    out = tmp_path / "site"
    build(run_argmap_cli, FIXTURES / "hostile", out)
    for path in out.iterdir():
        html = path.read_text(encoding="utf-8")
        page = Page(html)
        assert page.handlers == [], f"{path.name}: {page.handlers}"
        for attrs, text in page.scripts:
            assert "pwned" not in text or attrs.get("type") == "application/json", path.name
        assert "javascript:" not in " ".join(page.links)
        if 'id="argmap-data"' in html:
            assert "\u2028" not in html.split('id="argmap-data">')[1].split("</script>")[0]
    data = Page((out / "hostile-question.html").read_text(encoding="utf-8")).page_data()
    assert data["evidence"]["script-tag"]["title"].startswith("</script><script>window.pwned=1</script>")


def test_index_groups_questions_by_session_with_their_balance(run_argmap_cli, mini_corpus, tmp_path):
    (mini_corpus / "exam_questions" / "practice.yaml").write_text(
        "questions:\n  - id: practice-q\n    text: Was the pact a last resort?\n    command_term: evaluate\n"
        "    sides:\n      - {id: yes, label: A last resort, claims: [pact-last-resort]}\n"
        "      - {id: no, label: A choice, claims: [german-deal]}\n",
        encoding="utf-8",
    )
    out = tmp_path / "site"
    build(run_argmap_cli, mini_corpus, out)
    page = Page((out / "index.html").read_text(encoding="utf-8"))
    text = " ".join(" ".join(page.text).split())
    assert text.index("Specimen") < text.index("Practice questions")
    assert "discuss" in text and "evaluate" in text
    shares = balance(build_graph(load_corpus(mini_corpus).corpus), MINI_Q)
    for side, share in shares.items():
        assert f"{percent(share)}% {extent_words(share)}" in text
    assert {"collective-security-aim.html", "practice-q.html", "schools.html"} <= set(page.links)


def test_schools_page_lists_historians_works_and_positions(mini_site):
    out = mini_site
    page = Page((out / "schools.html").read_text(encoding="utf-8"))
    text = " ".join(" ".join(page.text).split())
    assert "Jonathan Haslam" in text and "(1984)" in text
    assert "Collective-security school" in text and "German school" in text
    assert "Stalin preferred a deal with Germany all along." in text
    assert f"{MINI_Q}.html" in page.links


def test_a_build_replaces_argmaps_pages_and_leaves_other_files_alone(run_argmap_cli, mini_corpus, tmp_path):
    out = tmp_path / "site"
    build(run_argmap_cli, mini_corpus, out)
    (out / "notes.html").write_text("<p>my own page</p>", encoding="utf-8")
    (out / "logo.png").write_bytes(b"\x89PNG")
    question_file = mini_corpus / "exam_questions" / "q.yaml"
    question_file.write_text(question_file.read_text(encoding="utf-8").replace(MINI_Q, "renamed-question"),
                             encoding="utf-8")
    build(run_argmap_cli, mini_corpus, out)
    assert sorted(p.name for p in out.iterdir()) == [
        "index.html", "logo.png", "notes.html", "renamed-question.html", "schools.html",
    ]
    assert (out / "notes.html").read_text(encoding="utf-8") == "<p>my own page</p>"


def test_build_question_writes_that_map_with_index_and_schools(mini_corpus, tmp_path):
    from argmap.render import build_site

    (mini_corpus / "exam_questions" / "second.yaml").write_text(
        "questions:\n  - id: second-q\n    text: Was the pact a choice?\n    command_term: discuss\n"
        "    sides:\n      - {id: yes, label: Yes, claims: [german-deal]}\n"
        "      - {id: no, label: No, claims: [pact-last-resort]}\n",
        encoding="utf-8",
    )
    g = build_graph(load_corpus(mini_corpus).corpus)
    out = tmp_path / "site"
    written = build_site(g, out, questions=[MINI_Q])
    assert sorted(p.name for p in out.iterdir()) == [f"{MINI_Q}.html", "index.html", "schools.html"]
    assert sorted(written) == sorted(out.iterdir())
    index = Page((out / "index.html").read_text(encoding="utf-8"))
    assert f"{MINI_Q}.html" in index.links and "second-q.html" not in index.links, "no link to a map not built"


def test_projector_theme_is_built_in(run_argmap_cli, mini_corpus, tmp_path):
    out = tmp_path / "site"
    build(run_argmap_cli, mini_corpus, out, "--theme", "projector")
    html = (out / f"{MINI_Q}.html").read_text(encoding="utf-8")
    assert '<html lang="en" class="theme-projector">' in html
    assert Page(html).page_data()["theme"] == "projector"


def test_a_failed_build_leaves_the_output_folder_untouched(mini_corpus, tmp_path, monkeypatch):
    import argmap.render.site as site

    g = build_graph(load_corpus(mini_corpus).corpus)
    out = tmp_path / "site"
    site.build_site(g, out)
    before = snapshot(out)

    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(site, "render_schools", broken)
    with pytest.raises(RuntimeError):
        site.build_site(g, out, theme="projector")
    assert snapshot(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini", "site"], "no staging folder is left behind"


def test_a_corpus_error_writes_nothing(run_argmap_cli, mini_corpus, tmp_path):
    out = tmp_path / "site"
    build(run_argmap_cli, mini_corpus, out)
    before = snapshot(out)
    (mini_corpus / "evidence" / "broken.yaml").write_text("evidence:\n  - id: Bad Id\n", encoding="utf-8")
    result = run_argmap_cli("build", "--corpus", mini_corpus, "--out", out)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert snapshot(out) == before


def test_quick_commands_never_import_the_renderer(mini_corpus):
    probe = (
        "import sys; from argmap.cli import main\n"
        "for argv in (['check', '--corpus', sys.argv[1]], ['list', '--corpus', sys.argv[1]],"
        " ['export', 'all', '--corpus', sys.argv[1], '--format', 'json']):\n"
        "    main(argv)\n"
        "print('HEAVY', sorted(m for m in ('pyvis', 'jinja2', 'IPython', 'argmap.render') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe, str(mini_corpus)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "HEAVY []" in result.stdout


@pytest.fixture
def run_argmap_cli(argmap_cli):
    return argmap_cli


def test_an_output_path_that_is_a_file_is_a_clear_usage_error(run_argmap_cli, mini_corpus, tmp_path):
    target = tmp_path / "not-a-folder"
    target.write_text("keep me", encoding="utf-8")
    result = run_argmap_cli("build", "--corpus", mini_corpus, "--out", target)
    assert result.returncode == 2
    assert "cannot write to" in result.stderr and "Traceback" not in result.stderr
    assert target.read_text(encoding="utf-8") == "keep me"
