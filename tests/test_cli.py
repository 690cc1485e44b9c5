"""The ``argmap`` command line as a user runs it (docs/interface.md, Command line).

Exit status, what lands on stdout and what on stderr are the things a user
(and a script) sees. The main stories run the real program in a subprocess
(``argmap_cli``); the many small variations call ``argmap.cli.main`` in
process (``cli``), which is the same code behind the console script, to
keep the suite quick on a loaded machine.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import networkx as nx
import pytest

from argmap import __version__, cli as argmap_main
from argmap.analysis import question_subgraph, side_stances, weigh
from argmap.corpus import load_corpus
from argmap.graph import build_graph

LINE_FORMAT = re.compile(r"^[^:]+:\d+:\d+: (error|warning): .+")
Q = "collective-security-aim"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run ``argmap.cli.main`` in process; returns what a subprocess would."""

    def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        try:
            code = argmap_main.main([str(a) for a in args])
        except SystemExit as exc:  # argparse: --help, --version, bad usage
            code = exc.code
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, code, out, err)

    return run


def no_traceback(result) -> None:
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout


def break_mini(corpus: Path) -> None:
    """A typo'd stance and a dangling reference: two errors."""
    path = corpus / "schools" / "schools.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("{ref: munich, stance: supports,", "{ref: munich, stance: suports,")
    text = text.replace("undermines: [security-genuine]", "undermines: [security-genuin]")
    path.write_text(text, encoding="utf-8")


def add_warning(corpus: Path) -> None:
    """Evidence nobody cites: a warning, not an error."""
    with (corpus / "evidence" / "pact.yaml").open("a", encoding="utf-8") as handle:
        handle.write("  - {id: uncited, title: Nobody cites this, date: 1936, source: notes}\n")


# --- check -----------------------------------------------------------------


def test_check_a_sound_corpus_exits_0_and_prints_no_diagnostics(mini_corpus, argmap_cli):
    result = argmap_cli("check", "--corpus", mini_corpus)
    assert result.returncode == 0
    assert result.stdout == ""
    assert "0 errors, 0 warnings" in result.stderr


def test_check_prints_every_error_on_stdout_and_exits_1(mini_corpus, argmap_cli):
    break_mini(mini_corpus)
    result = argmap_cli("check", "--corpus", mini_corpus)
    no_traceback(result)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert all(LINE_FORMAT.match(line) for line in lines)
    assert all(line.startswith("schools/schools.yaml:") for line in lines)
    stance, ref = lines
    assert "bad stance 'suports'" in stance and "(did you mean 'supports'?)" in stance
    assert "unknown claim id 'security-genuin'" in ref and "(did you mean 'security-genuine'?)" in ref
    assert "2 errors" in result.stderr


def test_warnings_pass_but_fail_under_strict(mini_corpus, cli):
    add_warning(mini_corpus)
    plain = cli("check", "--corpus", mini_corpus)
    assert plain.returncode == 0
    assert re.match(r"^evidence/pact\.yaml:\d+:\d+: warning: evidence 'uncited' is cited by no claim$", plain.stdout)
    strict = cli("check", "--strict", "--corpus", mini_corpus)
    assert strict.returncode == 1
    assert strict.stdout == plain.stdout


# --- usage errors ----------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--corpus", "no-such-folder"],
        ["check", "--no-such-option"],
        ["frobnicate"],
        ["export", Q, "--format", "pdf"],
        ["export", Q],
        ["list", "--corpus"],
    ],
    ids=["missing-corpus", "bad-option", "bad-command", "bad-format", "format-missing", "option-value-missing"],
)
def test_usage_errors_exit_2_with_a_message_on_stderr(tmp_path, cli, args):
    result = cli(*args, cwd=tmp_path)
    no_traceback(result)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "error" in result.stderr


def test_a_corpus_folder_without_the_three_folders_is_a_usage_error(tmp_path, cli):
    (tmp_path / "notes").mkdir()
    result = cli("check", "--corpus", tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    assert "schools/" in result.stderr and "evidence/" in result.stderr


def test_a_corpus_that_is_a_file_is_a_usage_error(tmp_path, cli):
    (tmp_path / "corpus.yaml").write_text("evidence: []\n", encoding="utf-8")
    result = cli("list", "--corpus", tmp_path / "corpus.yaml")
    assert result.returncode == 2
    assert result.stdout == ""


def test_a_folder_with_only_one_corpus_folder_is_a_corpus(tmp_path, cli):
    (tmp_path / "evidence").mkdir()
    (tmp_path / "evidence" / "e.yaml").write_text("evidence: []\n", encoding="utf-8")
    result = cli("check", "--corpus", tmp_path)
    assert result.returncode == 0


def test_an_unknown_question_id_exits_2_with_a_suggestion(mini_corpus, cli):
    result = cli("export", "collective-security-am", "--corpus", mini_corpus, "--format", "json")
    no_traceback(result)
    assert result.returncode == 2
    assert result.stdout == ""
    assert f"did you mean '{Q}'" in result.stderr


def test_an_unknown_school_exits_2_with_a_suggestion(mini_corpus, cli):
    result = cli("plan", Q, "--corpus", mini_corpus, "--school", "german-schol")
    assert result.returncode == 2
    assert result.stdout == ""
    assert "did you mean 'german-school'" in result.stderr


def test_all_cannot_be_exported_as_html(mini_corpus, cli):
    result = cli("export", "all", "--corpus", mini_corpus, "--format", "html")
    assert result.returncode == 2
    assert result.stdout == ""


# --- failing commands other than check -------------------------------------


@pytest.mark.parametrize(
    "args",
    [["list"], ["export", Q, "--format", "json"], ["export", "all", "--format", "json"], ["plan", Q]],
    ids=["list", "export", "export-all", "plan"],
)
def test_other_commands_print_diagnostics_on_stderr_and_nothing_on_stdout(mini_corpus, cli, args):
    break_mini(mini_corpus)
    result = cli(*args, "--corpus", mini_corpus)
    no_traceback(result)
    assert result.returncode == 1
    assert result.stdout == ""
    diagnostics = [line for line in result.stderr.splitlines() if LINE_FORMAT.match(line)]
    assert len(diagnostics) == 2


def test_export_to_a_file_on_failure_leaves_the_earlier_file_as_it_was(mini_corpus, tmp_path, argmap_cli):
    target = tmp_path / "out" / "map.json"
    first = argmap_cli("export", Q, "--corpus", mini_corpus, "--format", "json", "-o", target)
    assert first.returncode == 0
    assert first.stdout == ""
    before = target.read_bytes()
    assert json.loads(before)["nodes"]

    break_mini(mini_corpus)
    failed = argmap_cli("export", Q, "--corpus", mini_corpus, "--format", "json", "-o", target)
    assert failed.returncode == 1
    assert target.read_bytes() == before
    assert sorted(p.name for p in target.parent.iterdir()) == ["map.json"]  # no temporary left behind

    fresh = tmp_path / "fresh.json"
    argmap_cli("export", Q, "--corpus", mini_corpus, "--format", "json", "-o", fresh)
    assert not fresh.exists()


def test_export_with_an_unknown_question_writes_nothing(mini_corpus, tmp_path, cli):
    target = tmp_path / "map.json"
    result = cli("export", "nope", "--corpus", mini_corpus, "--format", "json", "-o", target)
    assert result.returncode == 2
    assert not target.exists()


# --- list ------------------------------------------------------------------


def test_list_prints_one_line_per_question(mini_corpus, cli):
    with (mini_corpus / "exam_questions" / "q.yaml").open("a", encoding="utf-8") as handle:
        handle.write(
            "  - id: practice-one\n"
            "    text: To what extent was the pact a last resort?\n"
            "    command_term: to what extent\n"
            "    sides:\n"
            "      - {id: yes, label: Yes, claims: [pact-last-resort]}\n"
            "      - {id: no, label: No, claims: [german-deal]}\n"
        )
    result = cli("list", "--corpus", mini_corpus)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert [line.split("\t") for line in lines] == [
        [Q, "Specimen", "discuss", "'The main aim of Soviet foreign policy was collective security.' Discuss."],
        ["practice-one", "practice", "to what extent", "To what extent was the pact a last resort?"],
    ]


# --- export json -----------------------------------------------------------


def export_json(cli, corpus: Path, question: str) -> dict:
    result = cli("export", question, "--corpus", corpus, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_export_json_is_node_link_data_with_the_analysis(mini_corpus, cli):
    data = export_json(cli, mini_corpus, Q)
    g = build_graph(load_corpus(mini_corpus).corpus)
    w = weigh(g, Q)
    nodes = {n["id"]: n for n in data["nodes"]}
    for node in nodes.values():
        assert {"id", "kind", "label"} <= set(node)
    assert nodes["nazi-soviet-pact"]["title"] == "Nazi-Soviet Pact signed"
    assert nodes["german-deal"]["text"] == "Stalin preferred a deal with Germany all along."
    assert nodes["security-genuine"]["strength"] == 0.77734375  # hand-worked in test_weighing
    for node_id, node in nodes.items():
        if node["kind"] in ("evidence", "claim"):
            assert node["strength"] == w.strengths[node_id]
        if node["kind"] == "side":
            assert node["score"] == w.scores[node_id]
            assert node["share"] == w.shares[node_id]
    assert nodes["nazi-soviet-pact"]["sides"] == {f"{Q}/agree": "undermines", f"{Q}/disagree": "supports"}
    assert nodes["munich"]["sides"] == {f"{Q}/agree": "supports"}
    edges = {(e["source"], e["target"]): e for e in data["edges"]}
    assert edges["munich", "pact-last-resort"]["relation"] == "supports"
    assert edges["munich", "pact-last-resort"]["weight"] == 0.75
    assert edges["german-deal", f"{Q}/disagree"]["weight"] == 1.0
    assert edges["german-school", "german-deal"]["relation"] == "holds"
    assert "weight" not in edges["german-school", "german-deal"]


def test_export_json_reads_back_into_networkx(mini_corpus, cli):
    data = export_json(cli, mini_corpus, Q)
    back = nx.node_link_graph(data, edges="edges")
    g = build_graph(load_corpus(mini_corpus).corpus)
    assert back.is_directed()
    assert set(back.nodes) == set(g.nodes)
    assert set(back.edges) == set(g.edges)
    assert back.nodes[f"{Q}/agree"]["claims"] == ["security-genuine", "pact-last-resort"]


def test_export_json_under_a_schools_lens_carries_that_schools_weighing(mini_corpus, cli):
    result = cli("export", Q, "--corpus", mini_corpus, "--format", "json", "--school", "german-school")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    g = build_graph(load_corpus(mini_corpus).corpus)
    w = weigh(g, Q, school="german-school")
    assert w.shares != weigh(g, Q).shares, "the lens changes the balance, so the export shows which it used"
    assert data["graph"] == {"school": "german-school"}
    nodes = {n["id"]: n for n in data["nodes"]}
    for node_id, node in nodes.items():
        if node["kind"] in ("evidence", "claim"):
            assert node.get("strength") == w.strengths.get(node_id), node_id
        if node["kind"] == "side":
            assert (node["score"], node["share"]) == (w.scores[node_id], w.shares[node_id])
    assert any(n["kind"] == "claim" and "strength" not in n for n in nodes.values()), "claims off the lens are unweighed"
    assert export_json(cli, mini_corpus, Q)["graph"] == {}, "without --school the export is as before"


def test_export_json_under_a_school_that_takes_no_position_has_null_shares(mini_corpus, cli):
    schools = mini_corpus / "schools" / "schools.yaml"
    schools.write_text(schools.read_text(encoding="utf-8") + (
        "  - {id: official-line, name: Official line, summary: Says nothing here., rejects: [german-deal]}\n"),
        encoding="utf-8")
    for question in (Q, "all"):
        result = cli("export", question, "--corpus", mini_corpus, "--format", "json", "--school", "official-line")
        assert result.returncode == 0, result.stderr
        sides = [n for n in json.loads(result.stdout)["nodes"] if n["kind"] == "side"]
        assert sides and all(n["share"] is None for n in sides)
        assert '"share": null' in result.stdout


@pytest.mark.parametrize("fmt", ["html", "graphml", "argdown", "aif"])
def test_export_school_with_a_format_that_carries_no_weighing_is_a_usage_error(mini_corpus, cli, tmp_path, fmt):
    target = tmp_path / "map.out"
    result = cli("export", Q, "--corpus", mini_corpus, "--format", fmt, "--school", "german-school", "-o", target)
    assert result.returncode == 2 and result.stdout == ""
    assert f"--school works with --format json only, not {fmt}" in result.stderr
    assert "Traceback" not in result.stderr and not target.exists()


def test_export_json_with_an_unknown_school_suggests_one(mini_corpus, cli):
    result = cli("export", Q, "--corpus", mini_corpus, "--format", "json", "--school", "german-schol")
    assert result.returncode == 2 and result.stdout == ""
    assert "unknown school 'german-schol' (did you mean 'german-school'?)" in result.stderr


def two_question_corpus(mini_corpus: Path) -> Path:
    """The mini corpus plus a second question with its own claim and evidence."""
    (mini_corpus / "exam_questions" / "second.yaml").write_text(
        """\
evidence:
  - {id: purges, title: The purges weaken the Red Army, date: 1937/1938, source: notes}
claims:
  - id: weak-army
    text: The purges left the USSR unable to fight in 1939.
    evidence: [{ref: purges, stance: supports, weight: strong}]
    supports: [pact-last-resort]
schools:
  - {id: military, name: Military historians, summary: The army decided., holds: [weak-army]}
questions:
  - id: army
    text: Explain the weakness of the Red Army.
    command_term: explain
    sides:
      - {id: weak, label: Weak, claims: [weak-army]}
      - {id: deal, label: Deal, claims: [german-deal]}
""",
        encoding="utf-8",
    )
    return mini_corpus


def test_one_question_export_is_the_induced_subgraph_of_that_question(mini_corpus, cli):
    corpus = two_question_corpus(mini_corpus)
    g = build_graph(load_corpus(corpus).corpus)
    data = export_json(cli, corpus, "army")
    ids = {n["id"] for n in data["nodes"]}
    # the question, its sides, claims and evidence on a path to a side, and the
    # schools that hold or reject those claims
    assert ids == {
        "army", "army/weak", "army/deal", "weak-army", "german-deal", "purges", "nazi-soviet-pact",
        "league-entry", "military", "collective-security", "german-school",
    }
    assert {(e["source"], e["target"]) for e in data["edges"]} == {
        (u, v) for u, v in g.edges if u in ids and v in ids
    }
    assert set(question_subgraph(g, "army").nodes) == ids
    # only that question's sides are listed for each evidence item
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["league-entry"]["sides"] == {"army/deal": "undermines"}
    assert nodes["purges"]["sides"] == {"army/weak": "supports"}


def test_export_all_holds_every_question(mini_corpus, cli):
    corpus = two_question_corpus(mini_corpus)
    g = build_graph(load_corpus(corpus).corpus)
    data = export_json(cli, corpus, "all")
    nodes = {n["id"]: n for n in data["nodes"]}
    assert set(nodes) == set(g.nodes)
    assert nodes["purges"]["sides"] == side_stances(g)["purges"]
    assert set(nodes["purges"]["sides"]) == {"army/weak", f"{Q}/agree"}
    assert nodes[f"{Q}/agree"]["share"] == weigh(g).shares[f"{Q}/agree"]


def test_the_same_corpus_exports_byte_identical_json(mini_corpus, cli):
    a = cli("export", Q, "--corpus", mini_corpus, "--format", "json").stdout
    b = cli("export", Q, "--corpus", mini_corpus, "--format", "json").stdout
    assert a == b and a


# --- schema, version, help -------------------------------------------------


def test_schema_is_json_schema_that_accepts_corpus_files(cli, tmp_path):
    result = cli("schema", cwd=tmp_path)
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["properties"]) == {"evidence", "claims", "schools", "questions", "notes", "weights"}
    jsonschema = pytest.importorskip("jsonschema")
    from argmap.corpus.yamlfile import read_yaml

    validator = jsonschema.Draft202012Validator(schema)
    mini = Path(__file__).resolve().parent / "fixtures" / "mini"
    for path in sorted(mini.rglob("*.yaml")):
        document = read_yaml(path.read_bytes()).root.plain()
        # YAML gives text; the schema wants numbers where corpus files write them
        for school in document.get("schools", []):
            for historian in school.get("historians", []):
                for work in historian.get("works", []):
                    work["year"] = int(work["year"])
        for question in document.get("questions", []):
            if "period" in question:
                question["period"] = [int(y) for y in question["period"]]
        assert list(validator.iter_errors(document)) == [], path
    assert list(validator.iter_errors({"evidnce": []}))
    assert list(validator.iter_errors({"weights": [{"from": "e1", "to": "c1", "weight": "aside"}]})) == []
    assert list(validator.iter_errors({"weights": [{"from": "e1", "to": "c1", "weight": "heavy"}]}))


def test_version(argmap_cli):
    result = argmap_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"argmap {__version__}"


@pytest.mark.parametrize("command", ["check", "build", "list", "plan", "export", "serve", "schema"])
def test_every_command_has_help(cli, command):
    result = cli(command, "--help")
    assert result.returncode == 0
    assert result.stdout.startswith(f"usage: argmap {command}")


def test_main_help_names_every_command(cli):
    result = cli("--help")
    assert result.returncode == 0
    for command in ("check", "build", "list", "plan", "export", "serve", "schema"):
        assert command in result.stdout


# --- the default corpus ----------------------------------------------------


def test_without_corpus_a_folder_holding_the_three_folders_is_used(mini_corpus, argmap_cli):
    result = argmap_cli("list", cwd=mini_corpus)
    assert result.returncode == 0
    assert result.stdout.startswith(f"{Q}\t")


def test_without_corpus_the_nearest_parent_holding_a_corpus_folder_is_used(tmp_path, cli):
    """A new corpus with only evidence/ so far, checked from inside evidence/:
    that corpus, not the course corpus (no false all-clear)."""
    (tmp_path / "evidence" / "deep").mkdir(parents=True)
    (tmp_path / "evidence" / "deep" / "e.yaml").write_text(
        "evidence:\n  - {id: e1, title: T, date: 1939, source: S, links: [{claim: nope, stance: supports}]}\n",
        encoding="utf-8")
    result = cli("check", cwd=tmp_path / "evidence" / "deep")
    no_traceback(result)
    assert result.returncode == 1
    assert result.stdout.startswith("evidence/deep/e.yaml:2:")
    assert "unknown claim id 'nope'" in result.stdout
    assert "course corpus" not in result.stderr


def test_without_corpus_anywhere_up_the_course_corpus_is_used_and_said_so(tmp_path, cli):
    here = cli("list", cwd=tmp_path)
    course = cli("list", "--corpus", ROOT, cwd=tmp_path)
    no_traceback(here)
    assert (here.returncode, here.stdout) == (course.returncode, course.stdout)
    said = here.stderr.splitlines()
    assert len(said) == 1 and "course corpus" in said[0]
    assert "course corpus" not in course.stderr
