"""Evidence ``links``, claim ``sides`` and ``notes`` (docs/format.md): a file
can add to items defined elsewhere, the graph is the same as if the other
item had listed it, and every fault is located like any other corpus error.
"""

from __future__ import annotations

import json

from argmap.analysis import weigh
from argmap.corpus import load_corpus
from argmap.graph import build_graph
from test_corpus_errors import BASE, check, errors, expect, marked

STUDENT = "evidence/student.yaml"


def graph_of(root, files):
    diagnostics = check(root, files)
    assert errors(diagnostics) == [], "\n".join(map(str, diagnostics))
    return build_graph(load_corpus(root).corpus)


def test_a_link_under_evidence_is_the_same_edge_as_listing_it_under_the_claim(tmp_path):
    text = """\
        evidence:
          - id: e9
            title: Litvinov dismissed
            date: 1939-05-03
            source: Class notes
            links:
              - {claim: c2, stance: supports, weight: strong, reading: The door to Berlin opens.}
              - {claim: c1, stance: undermines}
        """
    g = graph_of(tmp_path, {STUDENT: text})
    assert g.edges["e9", "c2"] == {"relation": "supports", "weight": 0.75, "reading": "The door to Berlin opens."}
    assert g.edges["e9", "c1"] == {"relation": "undermines", "weight": 0.5, "reading": None}
    # ... and weighed like any other link: the same strengths as the claims listing it.
    schools = BASE["schools/base.yaml"].replace(
        "- {ref: e1, stance: supports}",
        "- {ref: e1, stance: supports}\n" + " " * 14 + "- {ref: e9, stance: undermines}",
    ).replace(
        "- {ref: e2, stance: undermines, weight: weak}",
        "- {ref: e2, stance: undermines, weight: weak}\n" + " " * 14
        + "- {ref: e9, stance: supports, weight: strong, reading: The door to Berlin opens.}",
    )
    listed = graph_of(tmp_path / "listed", {
        STUDENT: "evidence:\n  - {id: e9, title: Litvinov dismissed, date: 1939-05-03, source: Class notes}\n",
        "schools/base.yaml": schools,
    })
    assert listed.edges["e9", "c2"] == g.edges["e9", "c2"]
    assert weigh(g, "q").strengths == weigh(listed, "q").strengths
    assert weigh(g, "q").shares == weigh(listed, "q").shares


def test_evidence_cited_only_through_links_is_not_reported_as_uncited(tmp_path):
    text = """\
        evidence:
          - {id: e9, title: T, date: 1939, source: S, links: [{claim: c1, stance: supports}]}
        """
    assert check(tmp_path, {STUDENT: text}) == []


def test_a_claim_naming_a_side_sits_on_it_after_the_sides_own_claims(tmp_path):
    text = """\
        claims:
          - {id: c8, text: Spain showed the limits., sides: [q/no]}
          - {id: c9, text: Britain would not ally., sides: [q/no], evidence: [{ref: e1, stance: supports}]}
        """
    g = graph_of(tmp_path, {"schools/student.yaml": text})
    assert g.nodes["q/no"]["claims"] == ["c2", "c8", "c9"]
    assert g.edges["c9", "q/no"]["relation"] == "supports"
    assert g.edges["c9", "q/no"]["weight"] == 1.0
    # on the question's path, so no "on no question's path" warning
    assert "c9" in weigh(g, "q").strengths


def test_notes_ride_on_their_node_in_file_order_and_are_never_weighed(tmp_path):
    text = """\
        notes:
          - {on: c1, text: "Check Haslam, ch. 3."}
          - {on: q/yes, text: Our class leans this way.}
          - {on: c1, text: Second thought.}
        """
    g = graph_of(tmp_path, {"schools/notes.yaml": text})
    assert g.nodes["c1"]["notes"] == ["Check Haslam, ch. 3.", "Second thought."]
    assert g.nodes["q/yes"]["notes"] == ["Our class leans this way."]
    assert "notes" not in g.nodes["c2"]
    plain = graph_of(tmp_path / "plain", {})
    assert weigh(g, "q").shares == weigh(plain, "q").shares


def test_json_export_carries_the_notes(tmp_path, capsys):
    from argmap.cli import main

    text = "notes:\n  - {on: e1, text: A note.}\n"
    graph_of(tmp_path, {"evidence/notes.yaml": text})
    assert main(["export", "q", "--corpus", str(tmp_path), "--format", "json"]) == 0
    nodes = {n["id"]: n for n in json.loads(capsys.readouterr().out)["nodes"]}
    assert nodes["e1"]["notes"] == ["A note."]


# --- faults ------------------------------------------------------------------


def test_a_link_written_under_both_the_claim_and_the_evidence_is_one_error(tmp_path):
    text = """\
        evidence:
          - id: e9
            title: T
            date: 1939
            source: S
            links:
              - {claim: c9, stance: supports} #! c9
        claims:
          - {id: c9, text: Uses e9., evidence: [{ref: e9, stance: supports}], supports: [c1]}
        """
    found = check(tmp_path, {STUDENT: text})
    error = expect(found, STUDENT, marked(text), "error", "linked to claim 'c9' twice", "also lists it")
    assert f"{STUDENT}:9" in error.message
    assert len(errors(found)) == 1
    once = text.replace("evidence: [{ref: e9, stance: supports}], ", "")
    assert errors(check(tmp_path / "ok", {STUDENT: once})) == []


def test_a_link_to_an_unknown_or_wrong_kind_of_id_is_located_with_a_suggestion(tmp_path):
    text = """\
        evidence:
          - id: e9
            title: T
            date: 1939
            source: S
            links:
              - {claim: c22, stance: supports} #! c22
              - {claim: e1, stance: supports} #! e1
          - {id: e10, title: U, date: 1939, source: S, links: [{claim: c1, stance: backs}]} #! backs
        """
    found = check(tmp_path, {STUDENT: text})
    expect(found, STUDENT, marked(text, 0), "error", "unknown claim id 'c22'", hint="c2")
    expect(found, STUDENT, marked(text, 1), "error", "'e1' is evidence, but a claim is wanted")
    expect(found, STUDENT, marked(text, 2), "error", "bad stance 'backs'")
    assert len(errors(found)) == 3


def test_the_same_link_twice_under_one_evidence_item_is_an_error(tmp_path):
    text = """\
        evidence:
          - id: e9
            title: T
            date: 1939
            source: S
            links:
              - {claim: c1, stance: supports}
              - {claim: c1, stance: undermines} #! c1
        """
    found = check(tmp_path, {STUDENT: text})
    expect(found, STUDENT, marked(text), "error", "linked to claim 'c1' twice")


def test_a_side_reference_made_twice_is_one_error_naming_the_other_place(tmp_path):
    text = """\
        claims:
          - id: c9
            text: T.
            sides: [q/yes] #! q/yes
        """
    extra = "  - {id: c10, text: Also., sides: [q/no]}\n"
    base = BASE["exam_questions/base.yaml"].replace("claims: [c1]}", "claims: [c1, c9]}")
    found = check(tmp_path, {"schools/student.yaml": text, "exam_questions/base.yaml": base})
    error = expect(found, "schools/student.yaml", marked(text), "error", "put on side 'q/yes' twice")
    assert "exam_questions/base.yaml:7" in error.message
    assert len(errors(found)) == 1
    assert errors(check(tmp_path / "ok", {"schools/student.yaml": text + extra})) == []


def test_a_claim_put_on_two_sides_of_a_question_is_an_error(tmp_path):
    text = """\
        claims:
          - id: c9
            text: T.
            sides: [q/yes, q/no] #! q/no
          - id: c10
            text: U.
            sides: [q/no] #! q/no
        """
    base = BASE["exam_questions/base.yaml"].replace("claims: [c1]}", "claims: [c1, c10]}")
    found = check(tmp_path, {"schools/student.yaml": text, "exam_questions/base.yaml": base})
    expect(found, "schools/student.yaml", marked(text, 0), "error", "on two sides: 'yes' and 'no'")
    expect(found, "schools/student.yaml", marked(text, 1), "error", "on two sides of question 'q'")
    assert len(errors(found)) == 2


def test_a_bad_side_reference_is_located_with_a_suggestion(tmp_path):
    text = """\
        claims:
          - id: c9
            text: T.
            sides:
              - q/yess #! q/yess
              - qq/yes #! qq/yes
              - yes #! yes
              - c1/yes #! c1/yes
        """
    found = check(tmp_path, {"schools/student.yaml": text})
    expect(found, "schools/student.yaml", marked(text, 0), "error", "question 'q' has no side 'yess'", hint="q/yes")
    expect(found, "schools/student.yaml", marked(text, 1), "error", "unknown question 'qq'", hint="q/yes")
    expect(found, "schools/student.yaml", marked(text, 2), "error", "a side is written '<question-id>/<side-id>'")
    expect(found, "schools/student.yaml", marked(text, 3), "error", "'c1' is a claim, but a question is wanted")
    assert len(errors(found)) == 4


def test_a_note_on_an_unknown_id_or_too_long_is_located(tmp_path):
    text = f"""\
        notes:
          - {{on: c11, text: Hm.}} #! c11
          - {{on: q/yse, text: Hm.}} #! q/yse
          - {{on: c1, text: {"x" * 2001}}} #! x
          - {{text: No target.}} #! text
        """
    found = check(tmp_path, {"schools/notes.yaml": text})
    expect(found, "schools/notes.yaml", marked(text, 0), "error", "note on unknown id 'c11'", hint="c1")
    expect(found, "schools/notes.yaml", marked(text, 1), "error", "note on unknown id 'q/yse'", hint="q/yes")
    expect(found, "schools/notes.yaml", (marked(text, 2)[0], None), "error", "2001 characters")
    expect(found, "schools/notes.yaml", (marked(text, 3)[0], None), "error", "missing the required field 'on'")
    assert len(errors(found)) == 4


def test_links_sides_and_notes_to_an_unreadable_item_are_not_reported_again(tmp_path):
    broken = """\
        claims:
          - id: c9
            txt: misspelt key
        """
    text = """\
        evidence:
          - {id: e9, title: T, date: 1939, source: S, links: [{claim: c9, stance: supports}]}
        notes:
          - {on: c9, text: Hm.}
        """
    found = check(tmp_path, {"schools/broken.yaml": broken, STUDENT: text})
    assert errors(found) and {d.path for d in errors(found)} == {"schools/broken.yaml"}
