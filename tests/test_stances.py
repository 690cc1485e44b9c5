"""Which side each evidence item supports or undermines (``side_stances``).

A path's sign is the product of its edge signs, so undermining an
underminer supports; an item reached by paths of both signs is
``contested``. Corpora are written as JSON, which is YAML, and loaded through
the real loader so the graphs are the ones users get.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from argmap.analysis import side_stances, strengths
from argmap.corpus import load_corpus
from argmap.graph import build_graph


def graph_of(root: Path, evidence: list[dict], claims: list[dict], questions: list[dict]):
    for folder in ("schools", "exam_questions", "evidence"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    text = json.dumps({"evidence": evidence, "claims": claims, "questions": questions}, indent=1)
    (root / "evidence" / "corpus.yaml").write_text(text, encoding="utf-8")
    result = load_corpus(root)
    assert result.errors == [], [str(e) for e in result.errors]
    return build_graph(result.corpus)


def ev(item_id: str) -> dict:
    return {"id": item_id, "title": item_id, "date": "1939", "source": "test"}


def question(qid: str, *sides: tuple[str, list[str]]) -> dict:
    return {"id": qid, "text": f"{qid}?", "command_term": "discuss",
            "sides": [{"id": s, "label": s, "claims": claims} for s, claims in sides]}


def test_mini_corpus_stances(mini_corpus):
    result = load_corpus(mini_corpus)
    g = build_graph(result.corpus)
    agree, disagree = "collective-security-aim/agree", "collective-security-aim/disagree"
    assert side_stances(g) == {
        # backs german-deal (disagree), which undermines security-genuine (agree)
        "nazi-soviet-pact": {agree: "undermines", disagree: "supports"},
        # backs security-genuine directly, and undermines german-deal, which
        # undermines security-genuine: both paths to agree are positive
        "league-entry": {agree: "supports", disagree: "undermines"},
        "munich": {agree: "supports"},
        "franco-soviet-pact": {agree: "supports"},
    }


def test_undermining_an_underminer_supports(tmp_path):
    g = graph_of(
        tmp_path,
        [ev("e")],
        [
            {"id": "thesis", "text": "Thesis."},
            {"id": "objection", "text": "Objection.", "undermines": ["thesis"],
             "evidence": [{"ref": "e", "stance": "undermines"}]},
        ],
        [question("q", ("yes", ["thesis"]), ("no", ["objection"]))],
    )
    assert side_stances(g) == {"e": {"q/yes": "supports", "q/no": "undermines"}}


def test_evidence_reaching_a_side_by_paths_of_both_signs_is_contested(tmp_path):
    g = graph_of(
        tmp_path,
        [ev("e")],
        [
            {"id": "thesis", "text": "Thesis.", "evidence": [{"ref": "e", "stance": "supports"}]},
            {"id": "rival", "text": "Rival.", "undermines": ["thesis"],
             "evidence": [{"ref": "e", "stance": "supports"}]},
        ],
        [question("q", ("yes", ["thesis"]), ("no", ["rival"]))],
    )
    # e -> thesis -> yes is positive; e -> rival -|thesis -> yes is negative
    assert side_stances(g)["e"] == {"q/yes": "contested", "q/no": "supports"}


def test_only_the_asked_questions_sides_are_listed(tmp_path):
    g = graph_of(
        tmp_path,
        [ev("e"), ev("f")],
        [
            {"id": "a", "text": "A.", "evidence": [{"ref": "e", "stance": "supports"}]},
            {"id": "b", "text": "B.", "evidence": [{"ref": "f", "stance": "undermines"}]},
            {"id": "c", "text": "C."},
        ],
        [question("q1", ("x", ["a"]), ("y", ["c"])), question("q2", ("x", ["b"]), ("y", ["c"]))],
    )
    assert side_stances(g) == {"e": {"q1/x": "supports"}, "f": {"q2/x": "undermines"}}
    assert side_stances(g, "q1") == {"e": {"q1/x": "supports"}}
    assert side_stances(g, "q2") == {"f": {"q2/x": "undermines"}}
    with pytest.raises(KeyError):
        side_stances(g, "q3")


def sign(name: str) -> int:
    return -1 if name.startswith("b") else 1


def lattice(depth: int) -> list[dict]:
    """Claims a0, b0 .. a<depth>, b<depth>; every node of a layer feeds both
    nodes of the next, so there are 2**depth paths from the bottom to the top.

    The edge x -> y undermines exactly when sign(x) * sign(y) is -1, so along
    any path the signs telescope: the sign of a whole path from layer 0 to
    a<depth> is sign(first node) * sign(a<depth>) = sign(first node).
    """
    claims = []
    for k in range(depth + 1):
        for name in (f"a{k}", f"b{k}"):
            claim: dict = {"id": name, "text": f"Claim {name}."}
            if k < depth:
                up = [f"a{k + 1}", f"b{k + 1}"]
                claim["supports"] = [t for t in up if sign(name) * sign(t) == 1]
                claim["undermines"] = [t for t in up if sign(name) * sign(t) == -1]
            claims.append(claim)
    return claims


def test_stances_through_a_sixty_layer_diamond_lattice(tmp_path):
    depth = 60  # 2**60 paths: listing them would never finish
    claims = lattice(depth)
    by_id = {c["id"]: c for c in claims}
    # "pro" enters at the bottom with the sign each entry node carries, so every
    # path is positive; "mixed" backs both entry nodes, so paths through b0 are
    # negative; "con" undermines a0 only, so every path is negative.
    by_id["a0"]["evidence"] = [{"ref": "pro", "stance": "supports"}, {"ref": "mixed", "stance": "supports"},
                               {"ref": "con", "stance": "undermines"}]
    by_id["b0"]["evidence"] = [{"ref": "pro", "stance": "undermines"}, {"ref": "mixed", "stance": "supports"}]
    g = graph_of(
        tmp_path,
        [ev("pro"), ev("mixed"), ev("con")],
        claims,
        [question("q", ("top", [f"a{depth}"]), ("other", [f"b{depth}"]))],
    )
    stances = side_stances(g, "q")
    assert stances["pro"]["q/top"] == "supports"
    assert stances["con"]["q/top"] == "undermines"
    assert stances["mixed"]["q/top"] == "contested"
    # b<depth> has sign -1: every path reaching it from "pro" is negative
    assert stances["pro"]["q/other"] == "undermines"
    assert stances["con"]["q/other"] == "supports"


def test_strengths_through_the_lattice_match_a_layer_by_layer_calculation(tmp_path):
    depth = 60
    claims = lattice(depth)
    claims[0]["evidence"] = [{"ref": "e", "stance": "supports", "weight": "strong"}]
    g = graph_of(tmp_path, [ev("e")], claims, [question("q", ("top", ["a60"]), ("other", ["b60"]))])
    got = strengths(g)
    # layer 0: a0 = 0.5 + 0.5*0.75 = 0.875, b0 = 0.5; then each node of layer
    # k+1 has one supporter and one attacker (moderate 0.5) from layer k.
    a, b = 0.875, 0.5
    assert got["a0"] == a and got["b0"] == b
    for k in range(1, depth + 1):
        # a_k: supported by a_{k-1}, attacked by b_{k-1};
        # b_k: supported by b_{k-1}, attacked by a_{k-1}
        def step(sup: float, att: float) -> float:
            vs, va = sup * 0.5, att * 0.5
            return 0.5 - 0.5 * (va - vs) if va >= vs else 0.5 + 0.5 * (vs - va)
        a, b = step(a, b), step(b, a)
        assert got[f"a{k}"] == pytest.approx(a, abs=1e-12)
        assert got[f"b{k}"] == pytest.approx(b, abs=1e-12)
