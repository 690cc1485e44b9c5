"""``check`` promises ``build``: a corpus as deep as it is valid is drawn,
exported and served, with no recursion limit anywhere on the way."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from argmap import cli as argmap_main

ROOT = Path(__file__).resolve().parents[1]
DEPTH = 3000


@pytest.fixture(scope="module")
def chain(tmp_path_factory) -> Path:
    """One evidence item feeding a chain of DEPTH claims up to a side."""
    root = tmp_path_factory.mktemp("chain")
    for folder in ("schools", "exam_questions", "evidence"):
        (root / folder).mkdir()
    (root / "evidence" / "e.yaml").write_text("evidence:\n  - {id: e0, title: Start, date: 1939, source: S}\n",
                                             encoding="utf-8")
    lines = ["claims:"]
    for i in range(DEPTH):
        lines.append(f"  - id: c{i}\n    text: Claim {i} holds.")
        lines.append(f"    supports: [c{i + 1}]" if i + 1 < DEPTH else "")
        if i == 0:
            lines.append("    evidence: [{ref: e0, stance: supports}]")
    lines.append("  - {id: other, text: Other.}")
    (root / "schools" / "c.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "exam_questions" / "q.yaml").write_text(
        "questions:\n  - id: q\n    text: Deep?\n    command_term: discuss\n    sides:\n"
        f"      - {{id: a, label: A, claims: [c{DEPTH - 1}]}}\n      - {{id: b, label: B, claims: [other]}}\n",
        encoding="utf-8")
    return root


def run(*args):
    code = argmap_main.main([str(a) for a in args])
    return code


def test_a_deep_chain_checks_builds_and_exports(chain, tmp_path, capsys):
    assert run("check", "--strict", "--corpus", chain) == 0
    assert run("build", "--corpus", chain, "--out", tmp_path / "site") == 0
    page = (tmp_path / "site" / "q.html").read_text(encoding="utf-8")
    # the outline nests every claim inside the one it feeds, and closes every list it opens
    assert page.count('data-node="c') == DEPTH
    outline = page[page.index('id="outline"'):]
    outline = outline[:outline.index("</section>")]
    assert outline.count("<ul") == outline.count("</ul>") == DEPTH + 2  # and one list per side
    for fmt in ("html", "json", "graphml", "argdown", "aif"):
        assert run("export", "q", "--corpus", chain, "--format", fmt, "-o", tmp_path / f"q.{fmt}") == 0, fmt
    assert (tmp_path / "q.html").read_text(encoding="utf-8").count('data-node="c') == DEPTH
    assert run("plan", "q", "--corpus", chain) == 0
    assert "Traceback" not in capsys.readouterr().err


def test_a_deep_chain_is_served(chain, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "argmap", "serve", "--corpus", chain, "--port", "0",
                             "--out", tmp_path / "site"], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        port = re.search(r"127\.0\.0\.1:(\d+)/", line).group(1)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/q.html", timeout=30) as response:
            body = response.read().decode("utf-8")
        assert response.status == 200 and body.count('data-node="c') == DEPTH
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert "Traceback" not in err
