"""Shared fixtures: corpora, the command line, and a real offline Chromium.

Browser tests run in Debian's Chromium through Playwright. In CI (``CI`` set)
a missing browser fails the run instead of skipping, so a green CI always
means the pages were really driven.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
CHROMIUM = os.environ.get("ARGMAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


@pytest.fixture
def mini_corpus(tmp_path: Path) -> Path:
    """A private copy of the small test corpus that a test may edit."""
    target = tmp_path / "mini"
    shutil.copytree(MINI, target)
    return target


@pytest.fixture
def wordy_corpus(tmp_path: Path):
    """``make(scale=1.0)`` writes a corpus whose every text is as long as the
    longest of its kind in the course corpus (180-character claims,
    100-character titles, 80-character sources, long labels, question and
    works), times ``scale`` up to docs/format.md's limits: what an essay plan
    must fit into 700 words. Six claims a side, three evidence items each,
    most claims attacked by one on the other side."""
    def make(scale: float = 1.0) -> Path:
        return _wordy_corpus(tmp_path / f"wordy-{scale}", scale)
    return make


def _wordy_corpus(root: Path, scale: float) -> Path:
    limits = {180: 300, 100: 120, 50: 60}

    def size(n: int) -> int:
        return min(int(n * scale), limits.get(n, 10_000))

    for folder in ("schools", "exam_questions", "evidence"):
        (root / folder).mkdir(parents=True)
    words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november".split()

    def text(n: int, length: int) -> str:
        out = " ".join(words[(n + i) % len(words)] for i in range(120))
        return out[:size(length)].rsplit(" ", 1)[0]

    evidence = ["evidence:"]
    for i in range(36):
        evidence.append(f"  - id: e{i}\n    title: \"{text(i, 100)}\"\n    date: '{1930 + i % 10}-0{1 + i % 9}'\n"
                        f"    source: \"{text(i + 3, 80)} (2001); class notes {i:03}\"")
    (root / "evidence" / "e.yaml").write_text("\n".join(evidence) + "\n", encoding="utf-8")
    claims = ["claims:"]
    for c in range(12):
        # c0-c5 attack c6-c11, c6-c8 attack c3-c5: no cycle, every kind of counter.
        other = c + 6 if c < 6 else c - 3 if c < 9 else None
        attack = f"    undermines: [{{ref: c{other}, weight: weak}}]" if other is not None else ""
        links = "".join(f"      - {{ref: e{c * 3 + k}, stance: supports, weight: {('strong', 'moderate', 'weak')[k]}}}\n"
                        for k in range(3))
        claims.append(f"  - id: c{c}\n    label: \"{text(c, 50)}\"\n    text: \"{text(c + 1, 180)}.\"\n"
                      f"    evidence:\n{links}{attack}")
    schools = ["schools:"]
    for s in range(3):
        schools.append(f"  - id: s{s}\n    name: School {s}\n    summary: It argues.\n    historians:\n"
                       f"      - name: \"{text(s, 40)}\"\n        works: [{{title: \"{text(s + 2, 76)}\", year: 1990}}]\n"
                       f"    holds: [{', '.join(f'c{c}' for c in range(s, 12, 3))}]")
    (root / "schools" / "s.yaml").write_text("\n".join(claims + schools[0:1] + schools[1:]) + "\n", encoding="utf-8")
    (root / "exam_questions" / "q.yaml").write_text(
        "questions:\n  - id: wordy\n    text: \"" + text(5, 140) + "?\"\n    command_term: to what extent\n"
        "    sides:\n      - {id: yes, label: \"" + text(1, 36) + "\", claims: [c0, c1, c2, c3, c4, c5]}\n"
        "      - {id: no, label: \"" + text(2, 36) + "\", claims: [c6, c7, c8, c9, c10, c11]}\n",
        encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def course_corpus() -> Path:
    """The course corpus shipped at the top of the repository."""
    return ROOT


def run_argmap(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real command line as a user would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "argmap", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, timeout=120,
    )


@pytest.fixture
def argmap_cli():
    return run_argmap


SETPRIV = shutil.which("setpriv")


@pytest.fixture
def unprivileged_cli():
    """Run the real command line as a process the kernel holds to file modes,
    so that a chmod 000 file or a read-only folder refuses it as it refuses a
    student's account.

    Tests (and CI) run as root, which reads and writes whatever the modes say.
    Switching to ``nobody`` would not do: this Python lives under ``/root``,
    which only root may enter. So root drops every capability instead
    (``setpriv``, empty bounding and inheritable sets, no new privileges):
    still uid 0, and so the owner of the test's files, it is checked against
    their owner bits like any user. Not root: the user already is such a
    process."""
    if os.geteuid() == 0 and SETPRIV is None:
        pytest.skip("running as root and setpriv is not installed: file modes cannot be enforced")
    prefix = [SETPRIV, "--bounding-set=-all", "--inh-caps=-all", "--no-new-privs"] if os.geteuid() == 0 else []
    if prefix and subprocess.run([*prefix, sys.executable, "-c", "pass"], capture_output=True).returncode != 0:
        pytest.skip("setpriv cannot drop capabilities here (a container without CAP_SETPCAP?)")

    def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        result = subprocess.run([*prefix, sys.executable, "-m", "argmap", *map(str, args)],
                                capture_output=True, text=True, cwd=cwd, timeout=120)
        assert "Traceback" not in result.stdout + result.stderr
        return result

    return run


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run."""
    if not Path(CHROMIUM).exists():
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield instance
        instance.close()


@dataclass
class PageLog:
    """What a page did that a test should know about."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@pytest.fixture
def offline_page(browser):
    """Open built pages offline with every network request blocked.

    Call ``open(path, width=1366, height=768, touch=False)``; it returns
    ``(page, log)``; ``path`` may end in ``#fragment``; ``touch`` gives the page a
    touch screen (``page.touchscreen``), as on a phone.
    After the test, any console error, page error or attempted request other
    than to the file itself fails the test.
    """
    contexts = []
    logs: list[PageLog] = []

    def open_page(path: Path | str, width: int = 1366, height: int = 768, touch: bool = False):
        context = browser.new_context(viewport={"width": width, "height": height}, offline=True,
                                      accept_downloads=True, has_touch=touch)
        contexts.append(context)
        log = PageLog()
        logs.append(log)
        file, _, fragment = str(path).partition("#")
        target = Path(file).resolve().as_uri()

        def local(url: str) -> bool:
            # data: and blob: URLs never leave the page (downloads use blob:).
            return url.split("#")[0] == target or url.startswith(("data:", "blob:"))

        def route(r):
            if local(r.request.url):
                r.continue_()
            else:
                log.requests.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and log.console_errors.append(m.text))
        page.on("pageerror", lambda e: log.page_errors.append(str(e)))
        page.on("request", lambda r: not local(r.url) and log.requests.append(r.url))
        page.on("dialog", lambda d: (log.dialogs.append(d.message), d.dismiss()))
        page.goto(target + ("#" + fragment if fragment else ""))
        return page, log

    yield open_page
    for context in contexts:
        context.close()
    for log in logs:
        assert not log.page_errors, f"page errors: {log.page_errors}"
        assert not log.console_errors, f"console errors: {log.console_errors}"
        assert not log.requests, f"network requests attempted: {log.requests}"
        assert not log.dialogs, f"dialogs opened: {log.dialogs}"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """``build(corpus folder) -> (graph, site folder)``, each corpus built once
    per run (the grid and timeline tests read the same course site)."""
    from argmap.corpus import load_corpus
    from argmap.graph import build_graph
    from argmap.render import build_site

    sites: dict[Path, tuple] = {}

    def build(root: Path):
        if root not in sites:
            result = load_corpus(root)
            assert not result.errors, result.errors
            g = build_graph(result.corpus)
            out = tmp_path_factory.mktemp(root.name or "corpus")
            build_site(g, out)
            sites[root] = (g, out)
        return sites[root]

    return build
