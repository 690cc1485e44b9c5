"""What a teacher meets at the command line beyond the happy path: ``--add``,
``init``, corpus discovery, the file system getting in the way, and corpus
text that holds terminal control codes. Every case ends in the right output
or one located line, never a traceback (docs/interface.md, Command line)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from argmap import cli as argmap_main
from argmap.corpus import load_corpus
from argmap.corpus import walk

Q = "collective-security-aim"
STUDENT = """\
evidence:
  - id: my-find
    title: A speech I found
    date: 1936
    source: My own reading
    links:
      - {claim: security-genuine, stance: supports, weight: weak}
claims:
  - id: my-claim
    text: Soviet aid to Spain was a test of collective security.
    sides: [collective-security-aim/agree]
    evidence: [{ref: league-entry, stance: supports}]
"""


@pytest.fixture
def cli(capsys, monkeypatch):
    def run(*args, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        capsys.readouterr()
        try:
            code = argmap_main.main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return subprocess.CompletedProcess(args, code, out, err)

    return run


# --- --add ------------------------------------------------------------------


def test_an_added_file_is_merged_in_as_if_it_were_in_the_corpus(mini_corpus, tmp_path, cli):
    (tmp_path / "mine.yaml").write_text(STUDENT, encoding="utf-8")
    result = cli("export", Q, "--corpus", mini_corpus, "--add", "mine.yaml", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    import json

    data = json.loads(result.stdout)
    edges = {(e["source"], e["target"]): e for e in data["edges"]}
    assert edges["my-find", "security-genuine"]["relation"] == "supports"
    assert edges["my-claim", f"{Q}/agree"]["relation"] == "supports"
    listed = cli("list", "--corpus", mini_corpus, "--add", "mine.yaml", cwd=tmp_path)
    assert listed.returncode == 0 and listed.stdout.startswith(Q)


@pytest.mark.parametrize("command", [["check"], ["build", "--out", "site"], ["list"], ["plan", Q],
                                     ["export", Q, "--format", "json"]])
def test_errors_in_an_added_file_are_located_in_that_file_as_given(mini_corpus, tmp_path, cli, command):
    (tmp_path / "hand-in").mkdir()
    (tmp_path / "hand-in" / "mine.yaml").write_text(STUDENT.replace("claim: security-genuine", "claim: security-genuin"),
                                                    encoding="utf-8")
    result = cli(*command, "--corpus", mini_corpus, "--add", "hand-in/mine.yaml", cwd=tmp_path)
    assert result.returncode == 1
    shown = result.stdout if command == ["check"] else result.stderr
    assert "hand-in/mine.yaml:7:17: error: unknown claim id 'security-genuin'" in shown
    assert "did you mean 'security-genuine'" in shown
    if command != ["check"]:
        assert result.stdout == ""


def test_two_added_files_and_a_missing_one(mini_corpus, tmp_path, cli):
    (tmp_path / "a.yaml").write_text(STUDENT, encoding="utf-8")
    (tmp_path / "b.yaml").write_text("notes:\n  - {on: my-claim, text: From the second file.}\n", encoding="utf-8")
    both = cli("check", "--strict", "--corpus", mini_corpus, "--add", "a.yaml", "--add", "b.yaml", cwd=tmp_path)
    assert both.returncode == 0, both.stdout
    missing = cli("check", "--corpus", mini_corpus, "--add", "nope.yaml", cwd=tmp_path)
    assert missing.returncode == 2
    assert "nope.yaml" in missing.stderr and missing.stdout == ""


# --- discovery and --corpus --------------------------------------------------


def test_a_corpus_folder_holding_none_of_the_three_or_missing_is_exit_2(tmp_path, cli):
    for folder in (tmp_path / "missing", tmp_path):
        result = cli("build", "--corpus", folder, "--out", tmp_path / "out")
        assert result.returncode == 2
        assert "corpus" in result.stderr and result.stderr.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_a_corpus_that_moved_away_is_an_error_not_an_empty_corpus(mini_corpus, tmp_path):
    moved = tmp_path / "elsewhere"
    shutil.move(mini_corpus, moved)
    result = load_corpus(mini_corpus)
    assert [d.severity for d in result.diagnostics] == ["error"]
    assert "gone" in result.diagnostics[0].message


# --- init --------------------------------------------------------------------


def test_init_writes_a_starter_corpus_that_passes_check_strict(tmp_path, cli):
    result = cli("init", "mine", cwd=tmp_path)
    assert result.returncode == 0
    for folder in ("schools", "exam_questions", "evidence"):
        text = next((tmp_path / "mine" / folder).glob("*.yaml")).read_text(encoding="utf-8")
        assert text.lstrip().startswith("#")  # commented examples
    checked = cli("check", "--strict", cwd=tmp_path / "mine" / "evidence")
    assert (checked.returncode, checked.stdout) == (0, "")
    graph = load_corpus(tmp_path / "mine")
    question = next(iter(graph.corpus.questions.values()))
    assert len(question.sides) == 2
    assert any(s.historians for s in graph.corpus.schools.values())
    assert any(e.label and e.links for e in graph.corpus.evidence.values())
    assert stat_mode(tmp_path / "mine" / "schools") & 0o777 == 0o777 & ~current_umask()


def test_init_never_overwrites(tmp_path, cli):
    (tmp_path / "evidence").mkdir()
    (tmp_path / "evidence" / "mine.yaml").write_text("evidence: []\n", encoding="utf-8")
    result = cli("init", tmp_path)
    assert result.returncode == 2
    assert "evidence" in result.stderr and "already exist" in result.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["evidence", "mine.yaml"]
    assert (tmp_path / "evidence" / "mine.yaml").read_text(encoding="utf-8") == "evidence: []\n"


# --- the file system ---------------------------------------------------------


def corpus_with(tmp_path: Path, mini_corpus: Path) -> Path:
    extra = mini_corpus / "evidence" / "extra.yaml"
    extra.write_text("evidence:\n  - {id: extra, title: T, date: 1936, source: S}\n", encoding="utf-8")
    return extra


def test_an_unreadable_file_is_a_located_error_not_a_traceback(mini_corpus, tmp_path, cli, monkeypatch):
    corpus_with(tmp_path, mini_corpus)
    real_open = open

    def denying(path, *args, **kwargs):
        if Path(path).name == "extra.yaml":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(walk, "open", denying, raising=False)
    for command in (["check"], ["build", "--out", tmp_path / "out"]):
        result = cli(*command, "--corpus", mini_corpus)
        assert result.returncode == 1
        shown = result.stdout + result.stderr
        assert "evidence/extra.yaml:1:1: error: cannot read file 'evidence/extra.yaml': permission denied" in shown
    assert not (tmp_path / "out").exists()


def test_a_file_that_vanishes_mid_read_is_a_located_error(mini_corpus, tmp_path, cli, monkeypatch):
    extra = corpus_with(tmp_path, mini_corpus)
    real_open = open

    def vanishing(path, *args, **kwargs):
        if Path(path) == extra:
            extra.unlink(missing_ok=True)  # gone between listing and reading
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(walk, "open", vanishing, raising=False)
    result = cli("check", "--corpus", mini_corpus)
    assert result.returncode == 1
    assert "evidence/extra.yaml:1:1: error: file 'evidence/extra.yaml' vanished" in result.stdout


def test_an_unreadable_folder_is_a_located_error(mini_corpus, cli, monkeypatch):
    (mini_corpus / "schools" / "private").mkdir()
    real_scandir = os.scandir

    def denying(path):
        if Path(path).name == "private":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(walk.os, "scandir", denying)
    result = cli("check", "--corpus", mini_corpus)
    assert result.returncode == 1
    assert "schools/private:1:1: error: cannot read folder 'schools/private': permission denied" in result.stdout


def test_a_chmod_000_file_and_folder_are_located_errors_for_an_ordinary_user(mini_corpus, tmp_path,
                                                                             unprivileged_cli):
    """The real thing, not an injected error: a process the kernel holds to
    file modes (see the fixture) meets a file and a folder it may not read."""
    extra = corpus_with(tmp_path, mini_corpus)
    private = mini_corpus / "schools" / "private"
    private.mkdir()
    (private / "mine.yaml").write_text("claims: []\n", encoding="utf-8")
    extra.chmod(0)
    private.chmod(0)
    try:
        for command in (["check"], ["build", "--out", tmp_path / "site"], ["list"]):
            result = unprivileged_cli(*command, "--corpus", mini_corpus)
            assert result.returncode == 1, (command, result.stderr)
            assert "evidence/extra.yaml:1:1: error: cannot read file 'evidence/extra.yaml': permission denied" \
                in result.stdout + result.stderr
            assert "schools/private:1:1: error: cannot read folder 'schools/private': permission denied" \
                in result.stdout + result.stderr
        assert not (tmp_path / "site").exists()
        # Found from inside the corpus as well: the same errors, not the course corpus.
        inside = unprivileged_cli("check", cwd=mini_corpus / "evidence")
        assert inside.returncode == 1 and "cannot read file 'evidence/extra.yaml'" in inside.stdout
        assert "course corpus" not in inside.stderr
    finally:
        extra.chmod(0o644)
        private.chmod(0o755)
    assert unprivileged_cli("check", "--corpus", mini_corpus).returncode == 0


def test_a_corpus_folder_an_ordinary_user_cannot_read_is_named(mini_corpus, unprivileged_cli):
    mini_corpus.chmod(0)
    try:
        result = unprivileged_cli("check", "--corpus", mini_corpus)
    finally:
        mini_corpus.chmod(0o755)
    assert result.returncode == 2 and result.stdout == ""
    assert f"argmap check: error: cannot read corpus folder '{mini_corpus}': permission denied" in result.stderr


def test_linked_folders_are_followed_and_a_link_loop_is_named(mini_corpus, tmp_path, cli):
    shared = tmp_path / "shared"
    shared.mkdir()
    (shared / "more.yaml").write_text("evidence:\n  - {id: shared-item, title: T, date: 1936, source: S}\n",
                                      encoding="utf-8")
    (mini_corpus / "evidence" / "shared").symlink_to(shared, target_is_directory=True)
    (shared / "loop").symlink_to(shared, target_is_directory=True)
    (mini_corpus / "evidence" / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")
    result = cli("check", "--corpus", mini_corpus)
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert any(line.startswith("evidence/shared/more.yaml:2:") and "'shared-item' is cited by no claim" in line
               for line in lines)
    assert any(line.startswith("evidence/shared/loop:1:1: warning:") and "loop" in line for line in lines)
    assert any(line.startswith("evidence/dangling.yaml:1:1: warning:") and "leads nowhere" in line for line in lines)


def test_upper_case_suffixes_are_read_and_other_files_are_named(mini_corpus, cli):
    (mini_corpus / "evidence" / "LOUD.YAML").write_text(
        "evidence:\n  - {id: loud, title: T, date: 1936, source: S}\n", encoding="utf-8")
    (mini_corpus / "evidence" / "notes.txt").write_text("evidence: []\n", encoding="utf-8")
    (mini_corpus / "evidence" / ".hidden.yaml.swp").write_text("x", encoding="utf-8")
    result = cli("check", "--corpus", mini_corpus)
    assert "evidence/LOUD.YAML:2:" in result.stdout and "'loud' is cited by no claim" in result.stdout
    assert "evidence/notes.txt:1:1: warning: 'evidence/notes.txt' is not a .yaml or .yml file: ignored" in result.stdout
    assert ".hidden" not in result.stdout
    assert result.returncode == 0
    assert cli("check", "--strict", "--corpus", mini_corpus).returncode == 1


def test_a_custom_yaml_tag_is_named_in_a_warning(mini_corpus, cli):
    (mini_corpus / "evidence" / "tagged.yaml").write_text(
        "evidence:\n  - id: tagged\n    title: !include other.yaml\n    date: !!str 1936\n    source: S\n",
        encoding="utf-8")
    result = cli("check", "--corpus", mini_corpus)
    assert "evidence/tagged.yaml:3:12: warning: YAML tag '!include' is not understood" in result.stdout
    assert "!!str" not in result.stdout


# --- the terminal -------------------------------------------------------------


def test_control_characters_in_corpus_text_never_reach_the_terminal(mini_corpus, cli):
    path = mini_corpus / "exam_questions" / "q.yaml"
    text = path.read_text(encoding="utf-8")
    hostile = 'Forged\\nrow\\tcolumn \\e[2J\\a\\u009b\\u202e end'
    path.write_text(text.replace("text: ", f'text: "{hostile}"\n    old_text: ', 1), encoding="utf-8")
    path.write_text(_with_question_text(text, hostile), encoding="utf-8")
    listed = cli("list", "--corpus", mini_corpus)
    assert listed.returncode == 0, listed.stderr
    for output in (listed.stdout, listed.stderr):
        assert not any(ch in output for ch in "\x1b\x07\x9b\u202e\r")
    rows = listed.stdout.splitlines()
    assert len(rows) == len(load_corpus(mini_corpus).corpus.questions)
    assert all(row.count("\t") == 3 for row in rows)
    assert "Forged\\nrow\\tcolumn \\x1b[2J\\x07\\x9b\\u202e end" in listed.stdout
    for command in (["plan", Q], ["export", Q, "--format", "argdown"], ["export", Q, "--format", "graphml"]):
        shown = cli(*command, "--corpus", mini_corpus)
        assert shown.returncode == 0, shown.stderr
        assert not any(ch in shown.stdout for ch in "\x1b\x07\x9b\u202e\r"), command
    bad = cli("export", "q\x1b[31m\n", "--corpus", mini_corpus, "--format", "json")
    assert bad.returncode == 2 and "\x1b" not in bad.stderr and bad.stderr.count("\n") == 1


def _with_question_text(text: str, hostile: str) -> str:
    """The first question's text replaced by ``hostile`` (a YAML double-quoted scalar)."""
    lines = text.splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.lstrip().startswith("text:"):
            indent = line[: len(line) - len(line.lstrip())]
            j = i + 1
            while j < len(lines) and lines[j].startswith(indent + " "):
                j += 1  # a folded text's continuation lines
            return "".join(lines[:i] + [f'{indent}text: "{hostile}"\n'] + lines[j:])
    raise AssertionError("no text line")


def stat_mode(path: Path) -> int:
    return path.stat().st_mode


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full to fill")
@pytest.mark.parametrize("args", [["list"], ["export", "all", "--format", "json"], ["plan", Q]])
def test_a_full_standard_output_is_one_plain_line(mini_corpus, args):
    import sys

    with open("/dev/full", "w", encoding="utf-8") as full:
        result = subprocess.run([sys.executable, "-m", "argmap", *args, "--corpus", str(mini_corpus)],
                                stdout=full, stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr == (f"argmap {args[0]}: error: cannot write the result to standard output: "
                             "no space left on device\n")
