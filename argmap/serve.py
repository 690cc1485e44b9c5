"""``argmap serve``: build, serve on 127.0.0.1, rebuild and reload on every change.

Three parts, each small:

- a watcher that polls the size and modification time of every corpus file
  (no extra dependency, and it behaves the same on every system and editor);
- a build that keeps the last good map: when the corpus has errors nothing is
  written, the errors go to the terminal and to every open page;
- an HTTP server for the output folder that adds a live-reload script to the
  HTML it sends (the files on disk never hold it, docs/interface.md). Pages carry a
  Content-Security-Policy that allows only their own scripts and no network,
  so the server also rewrites that policy in the response: the reload script
  by its hash, and connections back to this server only.

The page learns about builds through Server-Sent Events at
``/__argmap__/events``: each message is ``{"generation": n, "errors": [...]}``.
"""

from __future__ import annotations

import base64
import errno
import hashlib
import html
import json
import re
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Sequence
from urllib.parse import unquote, urlsplit

from argmap.corpus.errors import terminal_text

HOST = "127.0.0.1"
EVENTS_PATH = "/__argmap__/events"
POLL_SECONDS = 0.3
KEEPALIVE_SECONDS = 10.0
STATIC = Path(__file__).resolve().parent / "serve_static"
_CSP_META = re.compile(r'<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*/?>', re.IGNORECASE)
_BODY_END = re.compile(r"</body\s*>", re.IGNORECASE)

Snapshot = dict[str, tuple[int, int, int]]
# A client that sends nothing for this long is dropped: idle connections
# must not pile up threads.
IDLE_SECONDS = 15.0
# Who may ask: a DNS-rebinding page reaches 127.0.0.1 under its own name,
# so only loopback names are answered.
ALLOWED_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})


def corpus_snapshot(corpus: Path, added: Sequence[Path] = ()) -> Snapshot:
    """Size and modification time of every corpus file (and ``--add`` file),
    by path: any edit, new file, rename, deletion or change of mode changes
    it. A folder that cannot be listed, or vanished, counts as a change of
    its own (the build then says what is wrong)."""
    from argmap.corpus.walk import corpus_files

    problems: list = []
    found: Snapshot = {}
    paths = [ref.path for ref in corpus_files(corpus, problems)] + list(added)
    for path in paths:
        try:
            info = path.stat()
        except OSError:  # removed between listing and stat: the next poll sees it
            continue
        found[str(path)] = (info.st_mtime_ns, info.st_size, info.st_mode)
    for problem in problems:
        found[f"{problem.path}: {problem.message}"] = (0, 0, 0)
    try:
        present = corpus.is_dir()
    except OSError:
        present = False
    found["corpus folder present"] = (int(present), 0, 0)
    return found


@dataclass
class BuildState:
    """What the open pages need to know, shared between the builder and the
    request threads. ``generation`` counts good builds; ``version`` counts
    every change of state, good or bad, so event streams know when to speak."""

    generation: int = 0
    errors: list[str] = field(default_factory=list)
    version: int = 0
    stopping: bool = False
    changed: threading.Condition = field(default_factory=threading.Condition)

    def publish(self, generation: int, errors: list[str]) -> None:
        with self.changed:
            self.generation, self.errors = generation, errors
            self.version += 1
            self.changed.notify_all()

    def stop(self) -> None:
        with self.changed:
            self.stopping = True
            self.changed.notify_all()

    def message(self) -> str:
        return json.dumps({"generation": self.generation, "errors": self.errors}, ensure_ascii=False)


def build_once(corpus: Path, out: Path, state: BuildState, added: Sequence[Path] = ()) -> None:
    """Load and build; on errors print them, tell the pages, and write
    nothing. Whatever fails (the corpus, the file system, argmap itself) is
    said in the terminal and on the pages, and the last good map stays."""
    from argmap.corpus import load_corpus
    from argmap.graph import build_graph
    from argmap.render import build_site

    try:
        result = load_corpus(corpus, added)
        for diagnostic in result.diagnostics:
            print(diagnostic, file=sys.stderr, flush=True)
        if result.errors:
            count = len(result.errors)
            print(f"argmap serve: {count} error{'s' * (count != 1)}; still serving the last good map",
                  file=sys.stderr, flush=True)
            state.publish(state.generation, [str(e) for e in result.errors])
            return
        written = build_site(build_graph(result.corpus), out, questions=None, theme="default")
    except OSError as exc:
        # A full disk or an unwritable folder: say so, keep serving what is there.
        _failed(state, f"argmap serve: could not write the maps to {out}: {exc.strerror or exc}; "
                       "still serving the last good map")
        return
    except Exception as exc:  # noqa: BLE001 - serve must outlive any failure of one build
        _failed(state, f"argmap serve: the build failed ({type(exc).__name__}: {exc}); "
                       "still serving the last good map")
        return
    print(f"argmap serve: built {len(written)} pages", file=sys.stderr, flush=True)
    state.publish(state.generation + 1, [])


def _failed(state: BuildState, message: str) -> None:
    message = terminal_text(message)
    print(message, file=sys.stderr, flush=True)
    state.publish(state.generation, [message])


@dataclass(frozen=True)
class ReloadScript:
    """The live-reload script and the CSP source that allows exactly it."""

    text: str

    @property
    def csp_hash(self) -> str:
        digest = hashlib.sha256(self.text.encode("utf-8")).digest()
        return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"

    def tag(self, generation: int) -> str:
        return f'<script data-argmap-generation="{generation}">{self.text}</script>'


def allow_reload(policy: str, script_hash: str) -> str:
    """``policy`` with the reload script allowed and connections to this
    server (the event stream) permitted; everything else as the page had it."""
    directives: dict[str, list[str]] = {}
    for directive in policy.split(";"):
        name, *sources = directive.split()
        if name:
            directives[name.lower()] = sources
    additions = {"script-src": script_hash, "connect-src": "'self'"}
    for name, source in additions.items():
        kept = [s for s in directives.get(name, []) if s != "'none'"]
        directives[name] = [*kept, source]
    return "; ".join(" ".join([name, *sources]) for name, sources in directives.items())


def with_live_reload(page: str, script: ReloadScript, generation: int) -> str:
    """A served copy of ``page`` that reloads itself after each build."""
    def rewrite(match: re.Match[str]) -> str:
        policy = allow_reload(html.unescape(match.group(1)), script.csp_hash)
        return f'<meta http-equiv="Content-Security-Policy" content="{html.escape(policy)}">'

    page = _CSP_META.sub(rewrite, page, count=1)
    tag = script.tag(generation)
    ends = list(_BODY_END.finditer(page))
    if not ends:
        return page + tag
    at = ends[-1].start()
    return page[:at] + tag + "\n" + page[at:]


class _Handler(SimpleHTTPRequestHandler):
    """Files from the output folder; HTML with live reload; the event stream."""

    state: BuildState
    script: ReloadScript
    waiting_page: str
    timeout = IDLE_SECONDS

    def parse_request(self) -> bool:
        """http.server's parsing, then the checks every request must pass:
        a loopback Host (against DNS rebinding) and a path without NUL."""
        if not super().parse_request():
            return False
        hosts = self.headers.get_all("Host") or []
        if len(hosts) > 1 or not self.path.startswith("/"):
            # Two Hosts, or a target naming its own host (``GET http://x/``),
            # would let a request name a host other than the one checked.
            self.send_error(400, "Bad request: one Host header and a path starting with '/'")
            return False
        if not allowed_host(self.headers.get("Host")):
            self.send_error(403, "Host not allowed: argmap serve answers only localhost, 127.0.0.1 and [::1]")
            return False
        if "\x00" in unquote(self.path) or "\x00" in self.path:
            self.send_error(400, "Bad request path")
            return False
        return True

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        try:
            self._get()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            return
        except (OSError, ValueError):
            # A page replaced or removed between looking and reading, a
            # path the file system refuses: an answer, never a dead thread.
            try:
                self.send_error(404, "Not found")
            except OSError:
                return

    def _get(self) -> None:
        path = urlsplit(self.path).path
        if path == EVENTS_PATH:
            self._events()
            return
        target = Path(self.translate_path(self.path))
        if target.is_dir():
            target = target / "index.html"
        if target.suffix == ".html" and target.is_file():
            self._send_page(target.read_text(encoding="utf-8", errors="replace"))
        elif path in ("/", "/index.html"):
            # No good build yet: a page that shows the errors and waits.
            self._send_page(self.waiting_page)
        else:
            super().do_GET()

    def _send_page(self, page: str) -> None:
        generation = self.state.generation
        body = with_live_reload(page, self.script, generation).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _events(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        seen = -1
        try:
            while True:
                with self.state.changed:
                    self.state.changed.wait_for(
                        lambda: self.state.stopping or self.state.version != seen, timeout=KEEPALIVE_SECONDS)
                    if self.state.stopping:
                        return
                    fresh = self.state.version != seen
                    seen = self.state.version
                    message = self.state.message()
                # A comment line keeps the stream open and finds closed tabs.
                chunk = f"event: state\ndata: {message}\n\n" if fresh else ": still here\n\n"
                self.wfile.write(chunk.encode("utf-8"))
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            return

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - http.server's signature
        """Quiet: the terminal is for corpus errors, not for every request."""


def allowed_host(host: str | None) -> bool:
    """True for ``localhost``, ``127.0.0.1`` or ``[::1]``, with any port."""
    if not host:
        return False
    name = host.strip().lower()
    if name.startswith("["):
        name = name[: name.find("]") + 1] if "]" in name else name
    else:
        name = name.split(":", 1)[0]
    return name.rstrip(".") in ALLOWED_HOSTS


def _server(out: Path, port: int, state: BuildState) -> ThreadingHTTPServer:
    handler = type("Handler", (_Handler,), {
        "state": state,
        "script": ReloadScript((STATIC / "reload.js").read_text(encoding="utf-8")),
        "waiting_page": (STATIC / "waiting.html").read_text(encoding="utf-8"),
    })

    def make(*args: object) -> _Handler:
        return handler(*args, directory=str(out))

    server = ThreadingHTTPServer((HOST, port), make)
    server.daemon_threads = True
    return server


def serve(corpus_dir: Path, out: Path, port: int, added: Sequence[Path] = ()) -> int:
    """Build, then serve ``out`` on 127.0.0.1:``port`` until Ctrl-C (exit 0).

    ``port`` 0 picks a free port; the address is printed on stdout. A port
    that is taken or not allowed is a usage error (exit 2).
    """
    if not 0 <= port <= 65535:
        print(f"argmap serve: error: bad port {port}: use 1-65535 (or 0 for any free port)", file=sys.stderr)
        return 2
    out = Path(out).resolve()
    state = BuildState()
    try:
        server = _server(out, port, state)
    except OSError as exc:
        reason = "is in use" if exc.errno == errno.EADDRINUSE else f"cannot be used ({exc.strerror})"
        print(f"argmap serve: error: port {port} on {HOST} {reason}; choose another with --port N",
              file=sys.stderr)
        return 2
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, name="argmap-serve",
                              daemon=True)
    try:
        snapshot = corpus_snapshot(corpus_dir, added)
        build_once(corpus_dir, out, state, added)
        thread.start()
        print(terminal_text(f"argmap serve: serving {out} at http://{HOST}:{server.server_address[1]}/ (Ctrl-C to stop)"),
              flush=True)
        while True:
            time.sleep(POLL_SECONDS)
            current = corpus_snapshot(corpus_dir, added)
            if current != snapshot:
                snapshot = current
                build_once(corpus_dir, out, state, added)
    except KeyboardInterrupt:
        print("argmap serve: stopped", file=sys.stderr)
        return 0
    finally:
        state.stop()
        if thread.is_alive():
            server.shutdown()
        server.server_close()
