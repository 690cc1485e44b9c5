"""A teacher exports the same corpus twice and gets the same bytes: every
export format is reproducible across runs, whatever Python's hash seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

QUESTION = "collective-security-aim"
FORMATS = ("json", "graphml", "argdown", "aif")

EXPORT_ALL_FORMATS = """
import json, sys
from argmap.corpus import load_corpus
from argmap.export import EXPORTERS
from argmap.graph import build_graph
g = build_graph(load_corpus(sys.argv[1]).corpus)
print(json.dumps({f: EXPORTERS[f](g, sys.argv[2]) for f in sys.argv[3:]}))
"""


def exports_with_seed(corpus: Path, seed: int) -> dict[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": str(seed)}
    result = subprocess.run([sys.executable, "-c", EXPORT_ALL_FORMATS, str(corpus), QUESTION, *FORMATS],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_one_question_exports_the_same_bytes_under_any_hash_seed(mini_corpus):
    # Many items off the question's path make its map a small part of the
    # graph, where set-ordered iteration would show.
    extra = "\n".join(
        f"  - {{id: note-{i:02d}, title: Note {i}, date: '1937', source: Class notes}}" for i in range(30)
    )
    (mini_corpus / "evidence" / "notes.yaml").write_text(f"evidence:\n{extra}\n", encoding="utf-8")

    first, second = exports_with_seed(mini_corpus, 1), exports_with_seed(mini_corpus, 2)

    for fmt in FORMATS:
        assert first[fmt] == second[fmt], f"{fmt} export differs between runs"
        assert "note-00" not in first[fmt]
