"""``argmap serve`` outlives what the file system or a client does: files
deleted or turned into something else, the corpus folder moved away, forged
Host headers, bad request paths and idle connections (real sockets on
127.0.0.1 only)."""

from __future__ import annotations

import shutil
import socket
import time

from argmap.serve import IDLE_SECONDS
from test_serve import QUESTION, eventually, serving


def raw(url: str, request: bytes, wait: float = 10.0) -> bytes:
    """Send ``request`` as is and read the reply until the server closes."""
    host, port = url.split("//", 1)[1].rstrip("/").split(":")
    with socket.create_connection((host, int(port)), timeout=wait) as conn:
        conn.sendall(request)
        chunks = []
        while chunk := conn.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def status(reply: bytes) -> int:
    return int(reply.split(b" ", 2)[1])


def test_a_deleted_file_and_a_moved_corpus_keep_the_last_good_map(mini_corpus, tmp_path):
    with serving(mini_corpus, tmp_path / "out") as served:
        page = served.get(f"{QUESTION}.html")
        assert "Soviet" in page
        (mini_corpus / "evidence" / "pact.yaml").unlink()
        eventually(lambda: served.state()["errors"], "the deletion's errors reach the page")
        assert "unknown evidence id" in served.printed()
        assert served.get(f"{QUESTION}.html") == page
        (mini_corpus / "evidence" / "pact.yaml").mkdir()  # a folder where a file was
        (mini_corpus / "evidence" / "odd.yaml").symlink_to(tmp_path / "nowhere")
        eventually(lambda: "leads nowhere" in served.printed(), "the dangling link is named")
        moved = tmp_path / "moved"
        shutil.move(str(mini_corpus), moved)
        eventually(lambda: "gone" in served.printed(), "the moved corpus is reported")
        assert any("gone" in e for e in served.state()["errors"])
        # the maps are kept, not replaced by an empty site
        assert (tmp_path / "out" / f"{QUESTION}.html").exists()
        assert served.get(f"{QUESTION}.html") == page
        assert served.process.poll() is None


def test_only_loopback_hosts_are_answered_and_bad_requests_get_400(mini_corpus, tmp_path):
    with serving(mini_corpus, tmp_path / "out") as served:
        port = served.url.rstrip("/").rsplit(":", 1)[1]
        for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}", "localhost"):
            reply = raw(served.url, f"GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode())
            assert status(reply) == 200, host
        for host in ("evil.example", f"evil.example:{port}", "127.0.0.1.evil.example", "localhost.evil:80"):
            reply = raw(served.url, f"GET /{QUESTION}.html HTTP/1.1\r\nHost: {host}\r\n"
                                    "Connection: close\r\n\r\n".encode())
            assert status(reply) == 403, host
            assert b"Soviet" not in reply
        assert status(raw(served.url, b"GET / HTTP/1.0\r\n\r\n")) == 403  # no Host at all
        for path in (b"/%00", b"/a%00b.html", b"/%2e%2e/%00"):
            reply = raw(served.url, b"GET " + path + b" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
            assert status(reply) == 400, path
        assert b"Error code: 400" in raw(served.url, b"NONSENSE\r\n\r\n")  # HTTP/0.9 style: no status line
        # A second Host, or a target naming its own host, cannot slip past the check.
        for request in (f"GET /{QUESTION}.html HTTP/1.1\r\nHost: localhost\r\nHost: evil.example\r\n",
                        f"GET /{QUESTION}.html HTTP/1.1\r\nHost: evil.example\r\nHost: localhost\r\n",
                        f"GET http://evil.example/{QUESTION}.html HTTP/1.1\r\nHost: localhost\r\n"):
            reply = raw(served.url, (request + "Connection: close\r\n\r\n").encode())
            assert status(reply) == 400 and b"Soviet" not in reply, request
        assert "Soviet" in served.get(f"{QUESTION}.html")  # still serving


def test_an_idle_connection_is_dropped(mini_corpus, tmp_path):
    with serving(mini_corpus, tmp_path / "out") as served:
        host, port = served.url.split("//", 1)[1].rstrip("/").split(":")
        with socket.create_connection((host, int(port)), timeout=IDLE_SECONDS * 3) as idle:
            start = time.monotonic()
            assert idle.recv(1) == b""  # the server closes it, having heard nothing
            assert time.monotonic() - start < IDLE_SECONDS * 2
        assert "Soviet" in served.get(f"{QUESTION}.html")


def test_an_added_file_is_served_and_watched(mini_corpus, tmp_path):
    mine = tmp_path / "mine.yaml"
    mine.write_text("notes:\n  - {on: league-entry, text: First note.}\n", encoding="utf-8")
    with serving(mini_corpus, tmp_path / "out", "--add", mine) as served:
        assert served.state()["generation"] == 1
        mine.write_text("notes:\n  - {on: league-entri, text: A typo.}\n", encoding="utf-8")
        eventually(lambda: served.state()["errors"], "the added file's error reaches the page")
        assert f"{mine}:2:" in served.printed() and "did you mean 'league-entry'" in served.printed()
        mine.write_text("notes:\n  - {on: league-entry, text: Fixed.}\n", encoding="utf-8")
        eventually(lambda: served.state()["generation"] == 2 and not served.state()["errors"], "a rebuild")
