"""A student opens a map in Argdown's tools: text that the Argdown command line
(``@argdown/cli``, pinned in package.json) parses without errors into the same
statements, supports, attacks and school tags as argmap's graph, whatever
the corpus text holds."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from argmap.analysis import question_subgraph
from argmap.corpus import load_corpus
from argmap.export import EXPORTERS
from argmap.graph import build_graph

ROOT = Path(__file__).resolve().parents[1]
ARGDOWN = ROOT / "node_modules" / ".bin" / "argdown"
QUESTION = "collective-security-aim"
RELATION_TYPE = {"supports": "support", "undermines": "attack"}

# Every piece of Argdown syntax, at a line start after a line break too.
HOSTILE = (
    "Stalin [x]: y #tag #(t) @[m] @<n> <a>: {k: v} *b* _i_ **c __d // e /* f */ <!-- g --> "
    "=== .A. :smile: U.S.A.F. e.g. 3:30 [l](http://x.org) \\n"
    "\n+ [evil]\n- [bad]\n+> [c]\n# heading\n(1) one\n1. item\n* star\n-- inf --\n>< _> <_ back\\"
)


@pytest.fixture(scope="module")
def argdown() -> Path:
    if not ARGDOWN.exists():
        message = "the Argdown CLI is not installed: run `npm ci` in the repository"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return ARGDOWN


def parse(argdown: Path, text: str, folder: Path) -> dict:
    """Argdown's own reading of ``text``: its JSON model, after checking that
    the parser reported no error."""
    source = folder / "map.argdown"
    source.write_text(text, encoding="utf-8")
    result = subprocess.run([str(argdown), "json", str(source), str(folder / "json")],
                            capture_output=True, text=True, timeout=60)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "error" not in output.lower(), output
    return json.loads((folder / "json" / "map.json").read_text(encoding="utf-8"))


def defining_member(model: dict, title: str) -> dict:
    members = [m for m in model["statements"][title]["members"] if not m.get("isReference")]
    assert len(members) == 1, f"[{title}] is defined once"
    return members[0]


def graph_of(corpus: Path) -> nx.DiGraph:
    result = load_corpus(corpus)
    assert not result.errors, result.errors
    return build_graph(result.corpus)


def statement_text(g: nx.DiGraph, node: str) -> str:
    data = g.nodes[node]
    if data["kind"] == "evidence":
        return f"{data['title']} ({data['date']})"
    return data["text"] if data["kind"] == "claim" else data["label"]


def assert_same_map(model: dict, g: nx.DiGraph, question: str | None) -> None:
    expected = question_subgraph(g, question) if question else g
    statements = [n for n, kind in expected.nodes(data="kind") if kind in ("evidence", "claim", "side")]
    assert set(model["statements"]) == set(statements)
    assert not model["arguments"]
    relations = {
        (r["from"], r["to"], r["relationType"])
        for cls in model["statements"].values() for r in cls["relations"]
    }
    assert relations == {
        (u, v, RELATION_TYPE[r]) for u, v, r in expected.edges(data="relation") if r in RELATION_TYPE
    }
    for node in statements:
        holders = [s for s, _, r in expected.in_edges(node, data="relation") if r == "holds"]
        member = defining_member(model, node)
        assert sorted(member.get("tags", [])) == sorted(holders), node
        tags = "".join(f" #({school})" for school in holders)
        assert member["text"] == statement_text(expected, node).replace("\n", " ") + tags, node


def test_the_argdown_check_catches_a_broken_file(argdown, tmp_path):
    # Without this, a parser that accepted anything would make the tests below pass.
    with pytest.raises(AssertionError):
        parse(argdown, "[a]: an **unclosed bold claim\n  + [b]\n", tmp_path)


@pytest.mark.parametrize("question", [QUESTION, None])
def test_argdown_parses_to_the_same_map(argdown, mini_corpus, tmp_path, question):
    g = graph_of(mini_corpus)
    model = parse(argdown, EXPORTERS["argdown"](g, question), tmp_path)
    assert_same_map(model, g, question)
    assert defining_member(model, "german-deal")["tags"] == ["german-school"]


def test_corpus_text_full_of_argdown_syntax_stays_text(argdown, mini_corpus, tmp_path):
    def rewrite(path: Path, old: str, new: str) -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, json.dumps(new, ensure_ascii=False)), encoding="utf-8")

    rewrite(mini_corpus / "schools" / "schools.yaml", "Stalin preferred a deal with Germany all along.", HOSTILE)
    rewrite(mini_corpus / "evidence" / "pact.yaml", "Nazi-Soviet Pact signed", "[Nazi]-Soviet \\ #Pact\n+ [x] ====")
    rewrite(mini_corpus / "exam_questions" / "q.yaml", "A German deal was the aim", "<deal>: === {a}")
    rewrite(mini_corpus / "exam_questions" / "q.yaml",
            "\"'The main aim of Soviet foreign policy was collective security.' Discuss.\"",
            "===\ntitle: \"x\" ===\n'Collective security' #aim: {discuss}\\")
    g = graph_of(mini_corpus)

    model = parse(argdown, EXPORTERS["argdown"](g, QUESTION), tmp_path)

    assert_same_map(model, g, QUESTION)
    assert defining_member(model, "german-deal")["text"].startswith("Stalin [x]: y #tag #(t) @[m]")


def test_cli_writes_the_same_argdown_every_time(mini_corpus, tmp_path, argmap_cli):
    target = tmp_path / "map.argdown"
    first = argmap_cli("export", "all", "--corpus", mini_corpus, "--format", "argdown", "-o", target)
    second = argmap_cli("export", "all", "--corpus", mini_corpus, "--format", "argdown")
    assert first.returncode == 0 and second.returncode == 0, first.stderr + second.stderr
    assert target.read_text(encoding="utf-8") == second.stdout
    assert "[german-deal]: Stalin preferred a deal with Germany all along. #(german-school)" in second.stdout


def test_the_course_corpus_parses_in_argdown(argdown, course_corpus, tmp_path):
    if not any((course_corpus / "exam_questions").rglob("*.yaml")):
        pytest.skip("the course corpus has no questions yet")
    g = graph_of(course_corpus)
    assert_same_map(parse(argdown, EXPORTERS["argdown"](g, None), tmp_path), g, None)
