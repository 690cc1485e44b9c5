"""Properties checked on many generated inputs (hypothesis).

1. Our DF-QuAD strengths equal those of an independent implementation,
   ``formal-argumentation``'s ``dfquad_strengths``, on random acyclic graphs.
   That library weighs supports only, so attack edges here have weight 1.
2. Stances agree with listing every path, on graphs small enough to list.
3. Shares are a split of the whole: in [0, 1], summing to 1.
4. Random and mangled corpora never make ``argmap check`` raise: every
   problem comes out as a located diagnostic line and the exit status is 0 or
   1; and a corpus that checks clean can always be graphed and weighed.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import re
import tempfile
from pathlib import Path

import networkx as nx
import pytest
from argumentation.gradual.dfquad import dfquad_strengths
from argumentation.gradual.gradual import WeightedBipolarGraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from argmap import cli
from argmap.analysis import side_stances, strengths, weigh
from argmap.corpus import load_corpus
from argmap.graph import build_graph

MINI = Path(__file__).resolve().parent / "fixtures" / "mini"
LINE_FORMAT = re.compile(r"^[^:]+:\d+:\d+: (error|warning): .+")


# --- random argument graphs ------------------------------------------------


@st.composite
def argument_graphs(draw, max_evidence: int = 5, max_claims: int = 10, attack_weight: float | None = 1.0):
    """An evidence + claims DAG: edges only go from a lower to a higher
    position (evidence first), so there is never a cycle."""
    n_evidence = draw(st.integers(0, max_evidence))
    n_claims = draw(st.integers(1, max_claims))
    nodes = [f"e{i}" for i in range(n_evidence)] + [f"c{i}" for i in range(n_claims)]
    g = nx.DiGraph()
    for n in nodes:
        g.add_node(n, kind="evidence" if n.startswith("e") else "claim", label=n)
    weight = st.sampled_from([0.25, 0.5, 0.75]) | st.floats(0.0, 1.0)
    for j in range(n_evidence, len(nodes)):
        for i in range(j):
            if draw(st.booleans()) and draw(st.booleans()):
                relation = draw(st.sampled_from(["supports", "undermines"]))
                w = attack_weight if relation == "undermines" and attack_weight is not None else draw(weight)
                g.add_edge(nodes[i], nodes[j], relation=relation, weight=w)
    aside = draw(st.sets(st.sampled_from([f"e{i}" for i in range(n_evidence)]))) if n_evidence else set()
    return g, {e: False for e in aside}


def library_strengths(g: nx.DiGraph, accepted: dict[str, bool]) -> dict[str, float]:
    bases = {n: (0.0 if accepted.get(n, True) is False else 1.0) if d["kind"] == "evidence" else 0.5
             for n, d in g.nodes(data=True)}
    supports = {(u, v): w for u, v, r in g.edges(data="relation") if r == "supports"
                for w in [g.edges[u, v]["weight"]]}
    attacks = {(u, v) for u, v, r in g.edges(data="relation") if r == "undermines"}
    graph = WeightedBipolarGraph(arguments=frozenset(g.nodes), initial_weights=bases,
                                 attacks=frozenset(attacks), supports=frozenset(supports))
    result = dfquad_strengths(graph, base_scores=bases, support_weights=supports)
    assert result.converged
    return dict(result.strengths)


@settings(max_examples=300, deadline=None)
@given(argument_graphs())
def test_strengths_equal_formal_argumentations_dfquad(case):
    g, accepted = case
    ours = strengths(g, accepted=accepted)
    theirs = library_strengths(g, accepted)
    assert set(ours) == set(theirs)
    for node in ours:
        # products are taken in a different order, so allow rounding
        assert ours[node] == pytest.approx(theirs[node], abs=1e-12), node


@settings(max_examples=150, deadline=None)
@given(argument_graphs(attack_weight=None), st.data())
def test_a_lens_weighs_exactly_the_induced_subgraph(case, data):
    g, accepted = case
    keep = data.draw(st.sets(st.sampled_from(sorted(g.nodes))))
    assert strengths(g, accepted=accepted, keep=keep) == strengths(g.subgraph(keep), accepted=accepted)


def with_question(g: nx.DiGraph, data) -> tuple[nx.DiGraph, str]:
    """Add a question with two or three sides listing distinct random claims."""
    claims = sorted(n for n, k in g.nodes(data="kind") if k == "claim")
    g = g.copy()
    n_sides = data.draw(st.integers(2, 3))
    placed = data.draw(st.lists(st.sampled_from(claims), unique=True, min_size=0, max_size=len(claims)))
    sides = [f"q/s{i}" for i in range(n_sides)]
    g.add_node("q", kind="question", label="q", sides=sides)
    for i, side in enumerate(sides):
        listed = placed[i::n_sides] or []
        g.add_node(side, kind="side", label=side, question="q", order=i, claims=listed)
        g.add_edge("q", side, relation="has_side")
        for claim in listed:
            g.add_edge(claim, side, relation="supports", weight=1.0)
    return g, "q"


@settings(max_examples=150, deadline=None)
@given(argument_graphs(max_evidence=3, max_claims=7, attack_weight=None), st.data())
def test_stances_agree_with_listing_every_path(case, data):
    g, _ = case
    g, q = with_question(g, data)
    found = side_stances(g, q)
    argument = g.edge_subgraph((u, v) for u, v, r in g.edges(data="relation") if r in ("supports", "undermines"))
    expected: dict[str, dict[str, str]] = {}
    for ev in (n for n, k in g.nodes(data="kind") if k == "evidence"):
        for side in g.nodes[q]["sides"]:
            if ev not in argument or side not in argument:
                continue
            signs = {
                math.prod(-1 if g.edges[u, v]["relation"] == "undermines" else 1 for u, v in zip(p, p[1:]))
                for p in nx.all_simple_paths(argument, ev, side)
            }
            if signs:
                word = "contested" if len(signs) == 2 else ("supports" if signs == {1} else "undermines")
                expected.setdefault(ev, {})[side] = word
    assert found == expected


@settings(max_examples=150, deadline=None)
@given(argument_graphs(attack_weight=None), st.data())
def test_shares_split_the_whole(case, data):
    g, accepted = case
    g, q = with_question(g, data)
    w = weigh(g, q, accepted=accepted)
    assert all(0.0 <= s <= 1.0 for s in w.shares.values())
    assert sum(w.shares.values()) == pytest.approx(1.0)
    assert all(score >= 0.0 for score in w.scores.values())
    if all(score == 0 for score in w.scores.values()):
        assert len(set(w.shares.values())) == 1


@settings(max_examples=100, deadline=None)
@given(argument_graphs(attack_weight=None), st.data())
def test_weighing_one_question_gives_the_numbers_of_weighing_the_whole_corpus(case, data):
    g, accepted = case
    g, q = with_question(g, data)
    alone = weigh(g, q, accepted=accepted)
    whole = weigh(g, accepted=accepted)
    assert alone.shares == whole.shares and alone.scores == whole.scores
    assert alone.strengths == {n: whole.strengths[n] for n in alone.strengths}


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 9).flatmap(
    lambda n: st.tuples(st.just(n), st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n))))
def test_every_argument_cycle_is_reported_once_and_is_a_real_cycle(case):
    n, edges = case
    claims = [{"id": f"c{i}", "text": f"C{i}.", "supports": [f"c{j}" for j in range(n) if (i, j) in edges]}
              for i in range(n)]
    root = Path(tempfile.mkdtemp(prefix="argmap-cycles-"))
    try:
        (root / "schools").mkdir()
        (root / "schools" / "c.yaml").write_text(json.dumps({"claims": claims}), encoding="utf-8")
        cycles = [d.message for d in load_corpus(root).errors if "argument cycle" in d.message]
    finally:
        import shutil

        shutil.rmtree(root, ignore_errors=True)
    g = nx.DiGraph()
    g.add_nodes_from(f"c{i}" for i in range(n))
    g.add_edges_from((f"c{i}", f"c{j}") for i, j in edges)
    knots = [k for k in nx.strongly_connected_components(g) if len(k) > 1 or g.has_edge(*[min(k)] * 2)]
    assert len(cycles) == len(knots)
    named = [m.split(": ", 1)[1].split(" -> ") for m in cycles]
    for path in named:
        assert path[0] == path[-1]
        assert all(g.has_edge(u, v) for u, v in zip(path, path[1:]))
    assert sorted(min(k) for k in knots) == sorted(path[0] for path in named)


# --- random and mangled corpora ---------------------------------------------


MINI_FILES = {p.relative_to(MINI).as_posix(): p.read_bytes() for p in sorted(MINI.rglob("*.yaml"))}
GARBAGE = [b"\xff", b"\xe9", b"\x00", b"\t", b":", b": ", b"- ", b"[", b"]", b"{", b"}", b"&a ", b"*a", b"*b ",
           b"!!binary ", b"!tag ", b"---\n", b"...\n", b"%YAML 1.2\n", b"? ", b"|\n", b">\n", b"'", b'"', b"#",
           b"\n", b"\r\n", b"  ", b"<<: ", b"\xef\xbb\xbf", b"\xe2\x80\xa8", b"id: ", b"null", b"~", b"1939-13",
           b"supports", b"undermines", b"nazi-soviet-pact", b"german-deal", b"collective-security-aim/agree"]


def _mutate_once(data: bytes, draw) -> bytes:
    lines = data.split(b"\n")
    how = draw(st.sampled_from(["delete-line", "duplicate-line", "indent", "dedent", "swap", "insert",
                                "truncate", "replace-value", "move-line"]))
    i = draw(st.integers(0, max(len(lines) - 1, 0)))
    if how == "delete-line" and lines:
        del lines[i]
    elif how == "duplicate-line" and lines:
        lines.insert(i, lines[i])
    elif how == "move-line" and lines:
        lines.insert(draw(st.integers(0, len(lines))), lines.pop(i))
    elif how == "indent" and lines:
        lines[i] = b" " * draw(st.integers(1, 4)) + lines[i]
    elif how == "dedent" and lines:
        lines[i] = lines[i][draw(st.integers(1, 4)):]
    elif how == "replace-value" and lines and b": " in lines[i]:
        key = lines[i].split(b": ", 1)[0]
        value = draw(st.sampled_from([b"", b"[]", b"{}", b"null", b"~", b"yes", b"1939", b"-1", b"3.5", b"x" * 400,
                                      b"[a, b]", b"{ref: x}", b"&a v", b"*a", b"!!int 7", b"'quoted'"]))
        lines[i] = key + b": " + value
    else:
        data = b"\n".join(lines)
        pos = draw(st.integers(0, len(data)))
        if how == "swap" and len(data) > 1:
            pos = min(pos, len(data) - 2)
            return data[:pos] + data[pos + 1:pos + 2] + data[pos:pos + 1] + data[pos + 2:]
        if how == "truncate":
            return data[:pos]
        return data[:pos] + draw(st.sampled_from(GARBAGE)) + data[pos:]
    return b"\n".join(lines)


@st.composite
def mangled_corpora(draw):
    files = dict(MINI_FILES)
    for _ in range(draw(st.integers(1, 5))):
        name = draw(st.sampled_from(sorted(files)))
        files[name] = _mutate_once(files[name], draw)
    return files


yaml_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 3000), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20), st.sampled_from(["supports", "undermines", "strong", "discuss", "1939-08", "yes", "on"]),
)
yaml_values = st.recursive(
    yaml_scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["id", "title", "text", "date", "source", "ref", "stance", "weight", "claims", "sides",
                         "label", "evidence", "supports", "undermines", "holds", "rejects", "name", "summary",
                         "command_term", "period", "kind", "quote", "x"]) | st.text(max_size=6),
        inner, max_size=5),
    max_leaves=25,
)


@st.composite
def random_corpora(draw):
    """Files of random JSON (which is YAML), shaped roughly like a corpus."""
    top = st.dictionaries(st.sampled_from(["evidence", "claims", "schools", "questions", "extra"]),
                          st.lists(yaml_values, max_size=4) | yaml_values, max_size=4)
    files = {}
    for i in range(draw(st.integers(1, 3))):
        folder = draw(st.sampled_from(["schools", "exam_questions", "evidence"]))
        files[f"{folder}/r{i}.yaml"] = json.dumps(draw(top | yaml_values)).encode()
    return files


def run_check(files: dict[str, bytes]) -> tuple[int, str, Path]:
    root = Path(tempfile.mkdtemp(prefix="argmap-prop-"))
    for folder in ("schools", "exam_questions", "evidence"):
        (root / folder).mkdir()
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(["check", "--corpus", str(root)])
    return code, out.getvalue(), root


def assert_checked_cleanly(files: dict[str, bytes]) -> None:
    code, out, root = run_check(files)
    try:
        lines = out.splitlines()
        assert code in (0, 1)
        for line in lines:
            assert LINE_FORMAT.match(line), line
        has_error = any(": error: " in line for line in lines)
        assert (code == 1) == has_error
        if not has_error:
            # what checks clean must graph and weigh
            g = build_graph(load_corpus(root).corpus)
            weigh(g)
            side_stances(g)
    finally:
        import shutil

        shutil.rmtree(root, ignore_errors=True)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mangled_corpora())
def test_mangled_corpora_never_raise(files):
    assert_checked_cleanly(files)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_corpora())
def test_random_corpora_never_raise(files):
    assert_checked_cleanly(files)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(sorted(MINI_FILES)), st.binary(max_size=200), min_size=1))
def test_random_bytes_never_raise(garbage):
    assert_checked_cleanly({**MINI_FILES, **garbage})
