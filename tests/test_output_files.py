"""Output that is never half written (docs/interface.md: a build's pages
change all together or not at all, also when interrupted; ``-o`` replaces
only a regular file; written files get the usual mode)."""

from __future__ import annotations

import errno
import os
import random
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from argmap import cli as argmap_main
from argmap import files

ROOT = Path(__file__).resolve().parents[1]
Q = "collective-security-aim"


def wide_corpus(root: Path, mini: Path, word: str) -> Path:
    """The mini corpus with five copies of its question, and ``word`` in the
    text of every question, the school summaries and a claim on every map:
    every page differs between two words."""
    import shutil

    shutil.copytree(mini, root)
    q_file = root / "exam_questions" / "q.yaml"
    text = q_file.read_text(encoding="utf-8")
    body = text.split("questions:\n", 1)[1]
    copies = [body.replace(f"id: {Q}", f"id: {Q}-{i}") for i in range(5)]
    q_file.write_text("questions:\n" + body + "".join(copies), encoding="utf-8")
    for path in [q_file, root / "schools" / "schools.yaml"]:
        text = path.read_text(encoding="utf-8")
        text = text.replace("text: ", f"text: {word} ").replace("summary: ", f"summary: {word} ")
        path.write_text(text, encoding="utf-8")
    return root


def run(*args, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "argmap", *map(str, args)], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def pages(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.html"))}


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory):
    """Two corpora differing on every page, and the sites each builds."""
    base = tmp_path_factory.mktemp("sites")
    mini = ROOT / "tests" / "fixtures" / "mini"
    result = {}
    for word in ("Old", "New"):
        corpus = wide_corpus(base / word, mini, word)
        out = base / f"site-{word}"
        assert run("build", "--corpus", corpus, "--out", out).wait() == 0
        result[word] = (corpus, pages(out))
    assert all(result["Old"][1][n] != result["New"][1][n] for n in result["Old"][1])
    return result


def all_old_or_all_new(out: Path, two_sites) -> str:
    now = pages(out)
    for word, (_, expected) in two_sites.items():
        if now == expected:
            return word
    mixed = {n: next((w for w, (_, e) in two_sites.items() if e.get(n) == b), "?") for n, b in now.items()}
    raise AssertionError(f"a mixed site: {mixed}")


def started_argmap(err: str) -> bool:
    """False when stderr is CPython's traceback from its own start-up: an
    interrupt no program can catch, with no frame in argmap's files."""
    if "Traceback" not in err:
        return True
    return f"{os.sep}argmap{os.sep}" in err or not err.rstrip().endswith("KeyboardInterrupt")


def test_a_build_interrupted_at_random_leaves_all_old_or_all_new_pages(two_sites, tmp_path):
    """Ctrl-C (and a SIGTERM now and then) at random moments of a build."""
    out = tmp_path / "site"
    old = two_sites["Old"][0]
    start = time.monotonic()
    assert run("build", "--corpus", old, "--out", out).wait() == 0
    duration = time.monotonic() - start  # moments to interrupt: over a whole build, and past its end
    rng = random.Random(12)
    current = "Old"
    for attempt in range(8):
        word = "New" if attempt % 2 == 0 else "Old"
        corpus = two_sites[word][0]
        proc = run("build", "--corpus", corpus, "--out", out)
        time.sleep(rng.uniform(0.1, 1.2) * duration)
        sig = signal.SIGTERM if attempt % 3 == 2 else signal.SIGINT
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=60)
        if not started_argmap(err):
            # On a loaded machine the signal can land while Python itself
            # starts (site, runpy): CPython's own traceback, before any line
            # of argmap runs, and nothing touched (checked below). It exits
            # 1 (site) or by the signal (an uncaught KeyboardInterrupt).
            assert proc.returncode in (1, -sig), err
        else:
            assert "Traceback" not in err
            assert proc.returncode in (0, 130, 143, -sig), err
        now = all_old_or_all_new(out, two_sites)
        # a build that finished wrote its pages; one interrupted left the
        # earlier ones, or (caught in its swap) finished the swap first
        assert now == word if proc.returncode == 0 else now in (current, word)
        current = now
        assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site.")], "staging left behind"


INTERRUPT_ON_IMPORT = """\
import os, sys

class Interrupt:
    \"\"\"Ctrl-C as the module named in ARGMAP_TEST_INTERRUPT starts loading.\"\"\"
    def find_spec(self, name, path=None, target=None):
        if name != os.environ["ARGMAP_TEST_INTERRUPT"]:
            return None
        if os.environ["ARGMAP_TEST_WRAPPED"] == "1":
            # What CPython 3.11 hands on when the Ctrl-C lands in a class's
            # __set_name__ (as it did in CI, in pydantic's import).
            raise RuntimeError("Error calling __set_name__") from KeyboardInterrupt()
        raise KeyboardInterrupt

sys.meta_path.insert(0, Interrupt())
"""


@pytest.mark.parametrize("module", ["pydantic", "networkx"])
@pytest.mark.parametrize("wrapped", [False, True], ids=["ctrl-c", "ctrl-c-wrapped"])
def test_ctrl_c_while_argmap_loads_ends_quietly(mini_corpus, tmp_path, module, wrapped):
    """A Ctrl-C that lands while argmap is still importing its libraries
    (the random interrupts above once caught one, in pydantic's import,
    handed on by CPython as a RuntimeError) ends the command with status 130
    and no traceback, as a Ctrl-C later on does."""
    hooks = tmp_path / "hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(INTERRUPT_ON_IMPORT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(hooks), str(ROOT)]),
           "ARGMAP_TEST_INTERRUPT": module, "ARGMAP_TEST_WRAPPED": "1" if wrapped else "0"}
    done = subprocess.run([sys.executable, "-m", "argmap", "build", "--corpus", str(mini_corpus),
                           "--out", str(tmp_path / "site")], env=env, capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stderr) == (130, "")
    assert not (tmp_path / "site").exists()


@pytest.mark.parametrize(("existing", "nth"), [(False, 1), (True, 1), (True, 2)],
                         ids=["new-site", "rebuilt-site-staging", "rebuilt-site-backup"])
def test_ctrl_c_as_a_build_makes_its_temporary_folder_leaves_nothing_behind(mini_corpus, tmp_path, cli,
                                                                          monkeypatch, existing, nth):
    """The random interrupts above once caught this window: Ctrl-C right
    after the staging (or backup) folder was made, before the build held its
    name, left the folder behind. Here the signal comes exactly then."""
    from argmap.render import site

    out = tmp_path / "site"
    if existing:
        assert cli("build", "--corpus", mini_corpus, "--out", out)[0] == 0
        (out / "index.html").write_text("earlier", encoding="utf-8")
    real_mkdtemp = site.tempfile.mkdtemp
    calls = []

    def made_then_interrupted(*args, **kwargs):
        folder = real_mkdtemp(*args, **kwargs)
        calls.append(folder)
        if len(calls) == nth:  # the staging folder, then the backup of the pages it replaces
            os.kill(os.getpid(), signal.SIGINT)
        return folder

    monkeypatch.setattr(site.tempfile, "mkdtemp", made_then_interrupted)
    code, _, _ = cli("build", "--corpus", mini_corpus, "--out", out)
    assert code == 130 and len(calls) == nth
    assert sorted(p.name for p in tmp_path.iterdir()) == (["mini", "site"] if existing else ["mini"])
    if existing:
        assert (out / "index.html").read_text(encoding="utf-8") == "earlier"


def test_concurrent_builds_into_one_folder_leave_one_whole_site(two_sites, tmp_path):
    out = tmp_path / "site"
    (out).mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    procs = [run("build", "--corpus", two_sites[w][0], "--out", out) for w in ("Old", "New", "Old", "New")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0, 0]
    all_old_or_all_new(out, two_sites)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


# --- export -o / plan -o ------------------------------------------------------


@pytest.fixture
def cli(capsys, monkeypatch):
    def call(*args):
        capsys.readouterr()
        code = argmap_main.main([str(a) for a in args])
        out, err = capsys.readouterr()
        assert "Traceback" not in out + err
        return code, out, err

    return call


def export(cli, corpus, target):
    return cli("export", Q, "--corpus", corpus, "--format", "json", "-o", target)


def test_export_refuses_a_folder_a_path_under_a_file_and_a_fifo(mini_corpus, tmp_path, cli):
    (tmp_path / "folder").mkdir()
    (tmp_path / "file").write_text("keep", encoding="utf-8")
    os.mkfifo(tmp_path / "pipe")
    for target, words in ((tmp_path / "folder", "is a folder"), (tmp_path / "file" / "x.json", "is a file"),
                          (tmp_path / "pipe", "not a regular file")):
        code, out, err = export(cli, mini_corpus, target)
        assert code == 2 and out == "" and words in err, err
    assert (tmp_path / "file").read_text(encoding="utf-8") == "keep"
    assert stat.S_ISFIFO(os.stat(tmp_path / "pipe").st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "mini") == ["file", "folder", "pipe"]


def test_export_refuses_a_device_node(mini_corpus, cli):
    code, _, err = export(cli, mini_corpus, "/dev/null")
    assert code == 2 and "not a regular file" in err
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_full_disk_is_exit_2_and_the_old_file_stays(mini_corpus, tmp_path, cli, monkeypatch):
    target = tmp_path / "map.json"
    target.write_text("old", encoding="utf-8")
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, handle):
            self.handle = handle

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.handle.close()

        def write(self, data):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "fdopen", lambda fd, mode: Full(real_fdopen(fd, mode)))
    code, out, err = export(cli, mini_corpus, target)
    assert code == 2 and "no space left on device" in err and out == ""
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir() if p.name != "mini"] == ["map.json"]


def test_a_read_only_folder_is_exit_2_and_keeps_what_it_holds(mini_corpus, tmp_path, cli, unprivileged_cli):
    """For a process the kernel holds to file modes (see the fixture): export,
    plan and build into a read-only folder, over a read-only file, or rebuild
    a read-only site, refuse with exit 2 in one line, and every file there
    stays as it was."""
    folder = tmp_path / "ro"
    folder.mkdir()
    (folder / "x.json").write_text("old", encoding="utf-8")
    (tmp_path / "locked.md").write_text("mine", encoding="utf-8")
    (tmp_path / "locked.md").chmod(0o444)  # a read-only file in a folder that can be written
    site = tmp_path / "site"
    assert cli("build", "--corpus", mini_corpus, "--out", site)[0] == 0
    before = pages(site)
    folder.chmod(0o555)
    site.chmod(0o555)
    try:
        for args in (["plan", Q, "-o", tmp_path / "locked.md"],
                     ["export", Q, "--format", "json", "-o", folder / "x.json"],
                     ["export", Q, "--format", "json", "-o", folder / "new.json"],
                     ["plan", Q, "-o", folder / "plan.md"],
                     ["build", "--out", folder / "site"],
                     ["build", "--out", site]):
            result = unprivileged_cli(*args, "--corpus", mini_corpus)
            assert result.returncode == 2, (args, result.stderr)
            assert result.stdout == "" and "permission denied" in result.stderr
            assert len(result.stderr.splitlines()) == 1
        tmp_path.chmod(0o555)  # nowhere beside the site to stage a build either
        result = unprivileged_cli("build", "--out", site, "--corpus", mini_corpus)
        assert result.returncode == 2 and "permission denied" in result.stderr
    finally:
        for path in (tmp_path, folder, site):
            path.chmod(0o755)
    assert sorted(p.name for p in folder.iterdir()) == ["x.json"]
    assert (folder / "x.json").read_text(encoding="utf-8") == "old"
    assert pages(site) == before and sorted(p.name for p in site.iterdir()) == sorted(before)
    assert (tmp_path / "locked.md").read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["locked.md", "mini", "ro", "site"]


def test_a_read_only_folder_as_root_is_exit_2(mini_corpus, tmp_path, cli, monkeypatch):
    """As root the kernel lets every write through; a refusal from mkstemp is
    what an ordinary user gets, so inject that."""
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    code, out, err = export(cli, mini_corpus, tmp_path / "x.json")
    assert code == 2 and out == "" and "permission denied" in err
    assert not (tmp_path / "x.json").exists()


def test_written_files_get_the_umask_mode_and_a_replaced_file_keeps_its_mode(mini_corpus, tmp_path, cli):
    old = os.umask(0o022)
    try:
        assert export(cli, mini_corpus, tmp_path / "new.json")[0] == 0
        assert stat.S_IMODE(os.stat(tmp_path / "new.json").st_mode) == 0o644
        os.umask(0o027)
        assert cli("plan", Q, "--corpus", mini_corpus, "-o", tmp_path / "plan.md")[0] == 0
        assert stat.S_IMODE(os.stat(tmp_path / "plan.md").st_mode) == 0o640
        (tmp_path / "shared.json").write_text("old", encoding="utf-8")
        os.chmod(tmp_path / "shared.json", 0o664)
        assert export(cli, mini_corpus, tmp_path / "shared.json")[0] == 0
        assert stat.S_IMODE(os.stat(tmp_path / "shared.json").st_mode) == 0o664
        assert (tmp_path / "shared.json").read_text(encoding="utf-8").startswith("{")
        os.umask(0o022)
        assert cli("build", "--corpus", mini_corpus, "--out", tmp_path / "site")[0] == 0
        assert {stat.S_IMODE(p.stat().st_mode) for p in (tmp_path / "site").iterdir()} == {0o644}
        assert stat.S_IMODE((tmp_path / "site").stat().st_mode) == 0o755
    finally:
        os.umask(old)


def test_a_link_to_a_file_is_written_through(mini_corpus, tmp_path, cli):
    (tmp_path / "real.json").write_text("old", encoding="utf-8")
    (tmp_path / "link.json").symlink_to(tmp_path / "real.json")
    assert export(cli, mini_corpus, tmp_path / "link.json")[0] == 0
    assert (tmp_path / "link.json").is_symlink()
    assert (tmp_path / "real.json").read_text(encoding="utf-8").startswith("{")


def test_an_interrupt_python_drops_inside_a_callback_prints_no_traceback(tmp_path):
    """Ctrl-C can land inside a weakref callback (the import system has some),
    where Python cannot raise it and prints "Exception ignored" with a
    traceback; argmap keeps the terminal clean and finishes the command."""
    script = (
        "import sys, weakref, argmap.cli as cli\n"
        "real = cli._HANDLERS['list']\n"
        "def interrupted_list(args):\n"
        "    class Box: pass\n"
        "    box = Box()\n"
        "    def ctrl_c(): raise KeyboardInterrupt\n"
        "    weakref.finalize(box, ctrl_c)\n"
        "    del box\n"
        "    return real(args)\n"
        "cli._HANDLERS['list'] = interrupted_list\n"
        "sys.exit(cli.main(['list']))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert done.returncode == 0
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    assert done.stdout.strip()
