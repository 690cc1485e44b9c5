"""A reader's own weights (``weights``, docs/format.md): a file can change
the weight of a link written elsewhere or set it aside, the weighing counts
the change, and every fault is located like any other corpus error.
"""

from __future__ import annotations

from argmap.analysis import weigh
from argmap.analysis.strength import dfquad
from argmap.corpus import load_corpus
from argmap.graph import build_graph
from test_corpus_errors import check, errors, expect, marked

STUDENT = "evidence/student.yaml"


def graph_of(root, files):
    diagnostics = check(root, files)
    assert errors(diagnostics) == [], "\n".join(map(str, diagnostics))
    return build_graph(load_corpus(root).corpus)


def test_a_changed_weight_replaces_the_links_weight_and_is_weighed(tmp_path):
    # The base corpus: e1 supports c1 (moderate), e2 undermines c2 (weak), c2 undermines c1.
    text = """\
        weights:
          - {from: e2, to: c2, weight: strong}
          - {from: c2, to: c1, weight: weak}
        """
    g = graph_of(tmp_path, {STUDENT: text})
    assert g.edges["e2", "c2"]["weight"] == 0.75
    assert g.edges["e2", "c2"]["relation"] == "undermines"
    assert g.edges["c2", "c1"]["weight"] == 0.25
    # By hand from docs/format.md: c2 = dfquad(0.5, [], [1 * 0.75]); c1 = dfquad(0.5, [1 * 0.5], [c2 * 0.25]).
    c2 = 0.5 - 0.5 * 0.75
    va = c2 * 0.25
    c1 = 0.5 + 0.5 * (0.5 - va)
    strengths = weigh(g, "q").strengths
    assert abs(strengths["c2"] - c2) < 1e-12
    assert abs(strengths["c1"] - c1) < 1e-12
    # c2's score is max(0, 2 * 0.125 - 1) = 0: the whole weight goes to "yes".
    assert weigh(g, "q").shares == {"q/yes": 1.0, "q/no": 0.0}


def test_a_link_set_aside_stays_drawn_but_counts_as_no_link(tmp_path):
    text = "weights:\n  - {from: e2, to: c2, weight: aside}\n"
    g = graph_of(tmp_path, {STUDENT: text})
    assert g.has_edge("e2", "c2")
    assert g.edges["e2", "c2"]["weight"] == 0.0
    assert g.edges["e2", "c2"]["changed"] == "aside"
    # c2 with no evidence against it keeps its base score 0.5.
    assert weigh(g, "q").strengths["c2"] == dfquad(0.5, [], [])


def test_weights_in_an_added_file_reach_the_export(tmp_path, capsys):
    from argmap.cli import main

    graph_of(tmp_path, {})
    added = tmp_path / "alice.yaml"
    added.write_text("weights:\n  - {from: e1, to: c1, weight: aside}\n", encoding="utf-8")
    assert main(["export", "q", "--corpus", str(tmp_path), "--add", str(added), "--format", "json"]) == 0
    import json

    exported = json.loads(capsys.readouterr().out)
    edge = next(e for e in exported["edges"] if e["source"] == "e1" and e["target"] == "c1")
    assert edge["weight"] == 0.0
    shares = {n["id"]: n["share"] for n in exported["nodes"] if n["kind"] == "side"}
    # c1 loses its only support and c2 still undermines it: both sides score 0.
    assert shares == {"q/yes": 0.5, "q/no": 0.5}


def test_weight_changes_that_name_no_link_are_located(tmp_path):
    text = """\
        weights:
          - {from: e11, to: c1, weight: weak} #! e11
          - {from: e1, to: c3, weight: weak} #! c3
          - {from: e2, to: c1, weight: weak} #! c1
          - {from: s1, to: c1, weight: weak} #! s1
          - {from: e1, to: c1, weight: heavy} #! heavy
          - {from: e1, to: c1, weight: weak, why: x} #! why
          - {from: e1, to: c1, weight: weak}
          - {from: e1, to: c1, weight: strong} #! e1
        """
    found = check(tmp_path, {STUDENT: text})
    expect(found, STUDENT, marked(text, 0), "error", "unknown id 'e11'", hint="e1")
    expect(found, STUDENT, marked(text, 1), "error", "unknown claim id 'c3'")
    expect(found, STUDENT, marked(text, 2), "error", "no link from 'e2' to 'c1'")
    expect(found, STUDENT, marked(text, 3), "error", "'s1' is a school")
    expect(found, STUDENT, (marked(text, 4)[0], None), "error", "bad weight 'heavy'")
    expect(found, STUDENT, marked(text, 5), "error", "unknown key 'why'")
    expect(found, STUDENT, marked(text, 6), "error", "changed twice", f"{STUDENT}:8")
    assert len(errors(found)) == 7


def test_a_map_and_a_plan_build_with_a_link_set_aside(tmp_path, capsys):
    from argmap.cli import main

    graph_of(tmp_path, {})
    added = tmp_path / "alice.yaml"
    added.write_text("weights:\n  - {from: e2, to: c2, weight: aside}\n", encoding="utf-8")
    corpus = ["--corpus", str(tmp_path), "--add", str(added)]
    assert main(["build", *corpus, "--out", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "q.html").is_file()
    capsys.readouterr()
    assert main(["plan", "q", *corpus]) == 0
    assert capsys.readouterr().out.startswith("# Essay plan")
