"""What a map page carries for the reader's own map (issue 14): the corpus
identity its additions are kept under, the notes of the corpus, and the
YAML parser it reads handed-in files with."""

from __future__ import annotations

import html as html_lib
import json
import re
import shutil
from pathlib import Path

from argmap.corpus import load_corpus
from argmap.graph import build_graph
from argmap.render.data import page_data
from argmap.render.page import HERE, MAP_SCRIPTS
from argmap.render.site import render_map

MINI = Path(__file__).parent / "fixtures" / "mini"
QUESTION = "collective-security-aim"


def graph(root: Path, added=()):
    result = load_corpus(root, list(added))
    assert not result.errors, result.errors
    return build_graph(result.corpus)


def test_the_corpus_identity_survives_new_content_but_not_another_debate(tmp_path):
    first = page_data(graph(MINI), QUESTION)["corpus"]
    assert re.fullmatch(r"[0-9a-f]{16}", first)
    assert page_data(graph(MINI), QUESTION)["corpus"] == first
    # A teacher adds evidence or a student's file adds claims: the same debate.
    extra = tmp_path / "extra.yaml"
    extra.write_text("evidence:\n  - {id: new-fact, title: A new fact, date: 1936, source: Notes}\n"
                     "notes:\n  - {on: german-deal, text: Mine.}\n", encoding="utf-8")
    assert page_data(graph(MINI, [extra]), QUESTION)["corpus"] == first
    # Another set of questions is another debate.
    other = tmp_path / "mini"
    shutil.copytree(MINI, other)
    path = other / "exam_questions" / "q.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("collective-security-aim", "security-aim-2"),
                    encoding="utf-8")
    assert page_data(graph(other), "security-aim-2")["corpus"] != first


def test_the_page_carries_the_notes_of_an_added_file(tmp_path):
    extra = tmp_path / "alice.yaml"
    extra.write_text("notes:\n  - {on: german-deal, text: First.}\n  - {on: german-deal, text: Second.}\n",
                     encoding="utf-8")
    assert page_data(graph(MINI, [extra]), QUESTION)["notes"] == {"german-deal": ["First.", "Second."]}
    assert page_data(graph(MINI), QUESTION)["notes"] == {}


def test_the_yaml_parser_is_inlined_with_its_licence_and_allowed_by_hash():
    assert "vendor/js-yaml.min.js" in MAP_SCRIPTS
    assert MAP_SCRIPTS.index("vendor/js-yaml.min.js") < MAP_SCRIPTS.index("workspace.js") < MAP_SCRIPTS.index("api.js")
    licence = (HERE / "static" / "vendor" / "js-yaml.LICENSE").read_text(encoding="utf-8")
    assert "MIT" in licence or "Permission is hereby granted" in licence
    html = render_map(graph(MINI), QUESTION)
    assert "js-yaml 4.1.0" in html
    scripts = re.findall(r"<script>(.*?)</script>", html, re.S)
    csp = re.search(r'Content-Security-Policy" content="([^"]+)"', html).group(1)
    # every inline script, the parser included, is allowed by its hash and nothing else is
    assert html_lib.unescape(csp).count("'sha256-") == len(scripts) == len(MAP_SCRIPTS) + 1
    data = json.loads(re.search(r'id="argmap-data">(.*?)</script>', html, re.S).group(1))
    assert data["corpus"] == page_data(graph(MINI), QUESTION)["corpus"]
