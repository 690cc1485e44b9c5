"""The held-out corpus the layout benchmark measures (benchmarks/heldout.py).

Its figures only say something if the corpus is one argmap accepts as it
stands and its maps are shaped like the course maps; both are checked
here, through the CLI and the public graph, without laying anything out.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from argmap import cli
from argmap.analysis import question_subgraph, questions
from argmap.corpus import load_corpus
from argmap.graph import build_graph
from argmap.labels import drawn_words, node_label

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from heldout import heldout_corpus  # noqa: E402  (a benchmark script)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("heldout")
    ids = heldout_corpus(folder)
    return folder, ids


def depths(sub, sides: list[str]) -> dict[str, int]:
    """Each claim's depth below the sides: 1 for a listed claim, then one
    more for each claim it argues about on the way up (the shortest way)."""
    depth = {c: 1 for s in sides for c in sub.predecessors(s) if sub.nodes[c]["kind"] == "claim"}
    frontier = list(depth)
    while frontier:
        below = []
        for c in frontier:
            for u in sub.predecessors(c):
                if sub.nodes[u]["kind"] == "claim" and u not in depth:
                    depth[u] = depth[c] + 1
                    below.append(u)
        frontier = below
    return depth


def one_side(sub, claim: str, sides: list[str]) -> str | None:
    """The side ``claim`` argues on, when it reaches only one."""
    reached = nx.descendants(sub, claim) & set(sides)
    return next(iter(reached)) if len(reached) == 1 else None


def test_argmap_check_strict_accepts_the_heldout_corpus(corpus, capsys):
    folder, ids = corpus
    code = cli.main(["check", "--corpus", str(folder), "--strict"])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    assert "0 errors, 0 warnings" in out + err
    assert len(ids) == 6 and not set(ids) & set(questions(build_graph(load_corpus(ROOT).corpus)))


def test_heldout_maps_have_the_course_maps_shape(corpus):
    folder, ids = corpus
    g = build_graph(load_corpus(folder).corpus)
    assert sorted(questions(g)) == sorted(ids)
    boxes, deepest, across, undermining, wraps = [], Counter(), 0, 0, Counter()
    for q in ids:
        sub = question_subgraph(g, q)
        kinds = {n: k for n, k in sub.nodes(data="kind")}
        sides = [n for n, k in kinds.items() if k == "side"]
        assert len(sides) == 2, q
        for side in sides:
            assert 2 <= sum(kinds[c] == "claim" for c in sub.predecessors(side)) <= 5, (q, side)
        boxes.append(sum(k != "school" for k in kinds.values()))
        depth = depths(sub, sides)
        deepest[max(depth.values())] += 1
        for e in (n for n, k in kinds.items() if k == "evidence"):
            cited = [c for c in sub.successors(e) if kinds[c] == "claim"]
            assert 1 <= len(cited) <= 3, (q, e)
            across += len({one_side(sub, c, sides) for c in cited} - {None}) == 2
        undermining += sum(r == "undermines" for _, _, r in sub.edges(data="relation"))
        wraps.update(len(node_label(g, n).lines) for n, k in kinds.items() if k in ("claim", "evidence"))
        assert all(len(drawn_words(g, n)) <= 60 for n, k in kinds.items() if k in ("claim", "evidence")), q
    assert all(20 <= b <= 55 for b in boxes) and max(boxes) - min(boxes) >= 25, boxes
    assert deepest[3] >= 2 and deepest[1] == 0, deepest
    assert across >= 6 and undermining >= 6 * 4
    assert set(wraps) <= {1, 2, 3} and wraps[2] > wraps[3] > wraps[1] > 0, wraps


def test_the_same_seed_writes_the_same_bytes_and_another_seed_other_maps(tmp_path, corpus):
    folder, _ = corpus
    again, other = tmp_path / "again", tmp_path / "other"
    heldout_corpus(again)
    heldout_corpus(other, seed=1)
    files = sorted(p.relative_to(folder) for p in folder.rglob("*.yaml"))
    assert files == sorted(p.relative_to(again) for p in again.rglob("*.yaml"))
    assert all((folder / f).read_bytes() == (again / f).read_bytes() for f in files)
    assert any((folder / f).read_bytes() != (other / f).read_bytes() for f in files)
