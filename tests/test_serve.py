"""An author runs ``argmap serve`` beside their editor: the maps are served on
127.0.0.1, rebuilt when a corpus file is saved, and open pages reload by
themselves; a mistake shows in the terminal and on the page while the last
good map stays up; Ctrl-C stops it cleanly."""

from __future__ import annotations

import json
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import pytest

QUESTION = "collective-security-aim"
TIMEOUT = 20.0


@dataclass
class Served:
    """A running ``argmap serve`` and what it has printed so far."""

    process: subprocess.Popen[str]
    url: str
    out: Path
    stderr: list[str] = field(default_factory=list)

    def get(self, path: str = "") -> str:
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            return response.read().decode("utf-8")

    def state(self) -> dict:
        """The first message of the event stream: the current build state."""
        with urllib.request.urlopen(self.url + "__argmap__/events", timeout=10) as response:
            for raw in response:
                line = raw.decode("utf-8").rstrip("\n")
                if line.startswith("data: "):
                    return json.loads(line[len("data: "):])
        raise AssertionError("the event stream closed without a message")

    def printed(self) -> str:
        return "".join(self.stderr)


def eventually(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.1)
    raise AssertionError(f"gave up waiting: {what}")


def _pump(stream, sink: Callable[[str], None]) -> None:
    for line in stream:
        sink(line)


@contextmanager
def serving(corpus: Path, out: Path, *extra: str | Path) -> Iterator[Served]:
    """Start ``argmap serve --port 0`` (any free port), yield it once it prints
    its address, and stop it with Ctrl-C, which must exit 0 without a traceback."""
    process = subprocess.Popen(
        [sys.executable, "-m", "argmap", "serve", "--corpus", str(corpus), "--out", str(out), "--port", "0",
         *map(str, extra)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    stderr: list[str] = []
    threading.Thread(target=_pump, args=(process.stdout, lines.put), daemon=True).start()
    threading.Thread(target=_pump, args=(process.stderr, stderr.append), daemon=True).start()
    try:
        try:
            first = lines.get(timeout=TIMEOUT)
        except queue.Empty:
            raise AssertionError(f"argmap serve printed no address: {''.join(stderr)}") from None
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", first)
        assert match, first
        yield Served(process, match.group(0), out, stderr)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
        try:
            code = process.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            raise
    assert code == 0, "".join(stderr)
    assert "Traceback" not in "".join(stderr)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_serve_serves_the_maps_and_rebuilds_when_a_file_is_saved(mini_corpus, tmp_path):
    with serving(mini_corpus, tmp_path / "output") as served:
        page = served.get(f"{QUESTION}.html")
        on_disk = (served.out / f"{QUESTION}.html").read_text(encoding="utf-8")
        assert "A German deal was the aim" in page
        assert "data-argmap-generation" in served.get()
        generation = served.state()["generation"]

        edit(mini_corpus / "exam_questions" / "q.yaml", "A German deal was the aim", "A pact with Berlin was the aim")

        eventually(lambda: "A pact with Berlin was the aim" in served.get(f"{QUESTION}.html"), "the rebuilt map")
        assert served.state() == {"generation": generation + 1, "errors": []}

    assert "data-argmap-generation" in page and "/__argmap__/events" in page
    # docs/interface.md: the files build writes never hold the reload script.
    for written in served.out.glob("*.html"):
        assert "__argmap__" not in written.read_text(encoding="utf-8"), written.name
    # The served page allows the reload script by hash and talks only to its server.
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page).group(1)
    assert "connect-src &#x27;self&#x27;" in policy
    assert policy.count("sha256-") == on_disk.count("sha256-") + 1


def test_a_corpus_error_is_reported_and_the_last_good_map_stays(mini_corpus, tmp_path):
    schools = mini_corpus / "schools" / "schools.yaml"
    with serving(mini_corpus, tmp_path / "output") as served:
        good = (served.out / f"{QUESTION}.html").read_bytes()
        generation = served.state()["generation"]

        edit(schools, "{ref: munich, stance: supports", "{ref: munich, stance: backs")

        eventually(lambda: "bad stance 'backs'" in served.printed(), "the error in the terminal")
        state = served.state()
        assert state["generation"] == generation
        assert any(re.match(r"schools/schools\.yaml:\d+:\d+: error: bad stance 'backs'", e) for e in state["errors"])
        assert (served.out / f"{QUESTION}.html").read_bytes() == good
        assert "A German deal was the aim" in served.get(f"{QUESTION}.html")

        edit(schools, "stance: backs", "stance: supports")
        eventually(lambda: served.state() == {"generation": generation + 1, "errors": []}, "the fixed build")


def test_a_corpus_that_never_built_shows_a_waiting_page(mini_corpus, tmp_path):
    schools = mini_corpus / "schools" / "schools.yaml"
    edit(schools, "holds: [german-deal]", "holds: [german-deals]")
    with serving(mini_corpus, tmp_path / "output") as served:
        assert "unknown claim id 'german-deals'" in served.printed()
        assert any("unknown claim id 'german-deals'" in e for e in served.state()["errors"])
        assert "Waiting for the corpus" in served.get()
        assert not (served.out / "index.html").exists()

        edit(schools, "holds: [german-deals]", "holds: [german-deal]")
        eventually(lambda: (served.out / "index.html").exists(), "the first good build")
        assert "Waiting for the corpus" not in served.get()


def test_a_port_in_use_is_a_usage_error(mini_corpus, tmp_path, argmap_cli):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = argmap_cli("serve", "--corpus", mini_corpus, "--out", tmp_path / "out", "--port", port)
    assert result.returncode == 2
    assert f"port {port} on 127.0.0.1 is in use" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.browser
def test_an_open_page_reloads_after_an_edit_and_shows_errors(browser, mini_corpus, tmp_path):
    q_file = mini_corpus / "exam_questions" / "q.yaml"
    with serving(mini_corpus, tmp_path / "output") as served:
        context = browser.new_context()
        blocked: list[str] = []
        problems: list[str] = []

        def route(r):
            if r.request.url.startswith(served.url):
                r.continue_()
            else:
                blocked.append(r.request.url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and problems.append(m.text))
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("dialog", lambda d: (problems.append(d.message), d.dismiss()))
        try:
            # The map's own scripts still run under the policy the server rewrote.
            page.goto(served.url + f"{QUESTION}.html")
            assert page.evaluate("argmap.ready.then(() => document.documentElement.dataset.ready)") == "true"

            page.goto(served.url)
            page.wait_for_function("() => document.querySelector('script[data-argmap-generation]') !== null")

            with page.expect_event("load", timeout=TIMEOUT * 1000):
                edit(q_file, "'The main aim of Soviet", "'The chief aim of Soviet")
            assert "The chief aim of Soviet" in page.inner_text("body")

            edit(q_file, "command_term: discuss", "command_term: \"<img src=x onerror=alert(1)>\"")
            overlay = page.wait_for_selector("#argmap-serve-errors", timeout=TIMEOUT * 1000)
            text = overlay.inner_text()
            assert "q.yaml:5:19: error: bad command term '<img src=x onerror=alert(1)>'" in text, \
                "corpus text in the overlay stays text"
            assert overlay.query_selector("img") is None
            assert "The chief aim of Soviet" in page.inner_text("body"), "the last good page stays"

            with page.expect_event("load", timeout=TIMEOUT * 1000):
                edit(q_file, "command_term: \"<img src=x onerror=alert(1)>\"", "command_term: discuss")
            assert page.query_selector("#argmap-serve-errors") is None
        finally:
            context.close()
    assert not problems, problems
    assert not blocked, blocked
