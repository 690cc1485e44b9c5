"""The map's layout: a pure function from the graph to fixed positions.

A student reads a map top-down like an essay: the question, its sides side by
side, each side's claims under it, their evidence below, and no box on top of
another.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import pytest

from argmap.analysis import questions
from argmap.corpus import load_corpus
from argmap.graph import build_graph
from argmap.render.layout import BOX_HEIGHT, BOX_WIDTH, METRICS, layout, map_nodes
from argmap.render.style import THEMES

FIXTURES = Path(__file__).parent / "fixtures"


def graph_of(root: Path):
    result = load_corpus(root)
    assert not result.errors, result.errors
    return build_graph(result.corpus)


def course_questions(course_corpus):
    g = graph_of(course_corpus)
    return [(g, q) for q in questions(g)]


def boxes_overlap(a, b, kind_a, kind_b, theme="default") -> bool:
    (ax, ay), (bx, by) = a, b
    width, height = METRICS[theme].box_width, METRICS[theme].box_height
    return (abs(ax - bx) < (width[kind_a] + width[kind_b]) / 2
            and abs(ay - by) < (height[kind_a] + height[kind_b]) / 2)


def assert_reads_top_down(g, question, theme="default"):
    pos = layout(g, question, theme)
    assert set(pos) == set(map_nodes(g, question))
    kind = {n: g.nodes[n]["kind"] for n in pos}
    sides = g.nodes[question]["sides"]
    side_ys = {pos[s][1] for s in sides}
    assert len(side_ys) == 1, "sides sit in one row"
    side_y = side_ys.pop()
    assert pos[question][1] < side_y, "the question is above its sides"
    xs = [pos[s][0] for s in sides]
    assert xs == sorted(xs) and len(set(xs)) == len(xs), "sides run left to right in their order"
    claims = [n for n in pos if kind[n] == "claim"]
    evidence = [n for n in pos if kind[n] == "evidence"]
    assert all(pos[c][1] > side_y for c in claims), "claims are under the sides"
    if claims and evidence:
        assert min(pos[e][1] for e in evidence) > max(pos[c][1] for c in claims), "evidence is below the claims"
    for a, b in combinations(pos, 2):
        assert not boxes_overlap(pos[a], pos[b], kind[a], kind[b], theme), f"{a} and {b} overlap"
    return pos


def test_mini_map_reads_from_question_to_evidence():
    g = graph_of(FIXTURES / "mini")
    pos = assert_reads_top_down(g, "collective-security-aim")
    agree, disagree = "collective-security-aim/agree", "collective-security-aim/disagree"
    # Each side's claims sit under it: nearer their own side than the other.
    for claim, side, other in [("security-genuine", agree, disagree), ("pact-last-resort", agree, disagree),
                               ("german-deal", disagree, agree)]:
        assert abs(pos[claim][0] - pos[side][0]) < abs(pos[claim][0] - pos[other][0])


def test_claim_attacked_from_the_other_side_sits_towards_it():
    g = graph_of(FIXTURES / "mini")
    pos = layout(g, "collective-security-aim")
    # german-deal undermines security-genuine: that claim is placed on the
    # edge of its side nearest the attacker, so the dashed line stays short.
    assert pos["security-genuine"][0] > pos["pact-last-resort"][0]


@pytest.mark.parametrize("theme", THEMES)
def test_every_course_map_reads_top_down_without_overlaps(course_corpus, theme):
    pairs = course_questions(course_corpus)
    if not pairs:
        pytest.skip("the course corpus has no questions yet")
    for g, q in pairs:
        assert_reads_top_down(g, q, theme)


def test_a_sixty_node_map_fits_a_laptop_screen_readably(course_corpus):
    """At 1366x768 the map area is about 1040x690 px; a course map must fit it
    at a scale where 14 px labels stay at least 10 px tall."""
    pairs = course_questions(course_corpus)
    if not pairs:
        pytest.skip("the course corpus has no questions yet")
    g, q = max(pairs, key=lambda pair: len(map_nodes(*pair)))
    pos = layout(g, q)
    kind = {n: g.nodes[n]["kind"] for n in pos}
    left = min(x - BOX_WIDTH[kind[n]] / 2 for n, (x, _) in pos.items())
    right = max(x + BOX_WIDTH[kind[n]] / 2 for n, (x, _) in pos.items())
    top = min(y - BOX_HEIGHT[kind[n]] / 2 for n, (_, y) in pos.items())
    bottom = max(y + BOX_HEIGHT[kind[n]] / 2 for n, (_, y) in pos.items())
    scale = min(1040 / (right - left), 690 / (bottom - top))
    assert 14 * scale >= 10, f"labels would be {14 * scale:.1f} px at the fitted scale"


def test_layout_is_reproducible_and_unknown_questions_fail():
    g = graph_of(FIXTURES / "mini")
    assert layout(g, "collective-security-aim") == layout(g, "collective-security-aim")
    with pytest.raises(KeyError):
        layout(g, "no-such-question")


def test_evidence_read_by_both_sides_sits_between_them(tmp_path):
    root = tmp_path / "both"
    for folder in ("schools", "exam_questions", "evidence"):
        (root / folder).mkdir(parents=True)
    (root / "evidence" / "e.yaml").write_text(
        "evidence:\n"
        + "".join(f"  - {{id: e{i}, title: Fact {i}, date: '1939', source: notes}}\n" for i in range(4)),
        encoding="utf-8",
    )
    (root / "schools" / "c.yaml").write_text(
        "claims:\n"
        "  - {id: a, text: A holds., evidence: [{ref: e0, stance: supports}, {ref: e1, stance: supports},"
        " {ref: e3, stance: supports}]}\n"
        "  - {id: b, text: B holds., evidence: [{ref: e2, stance: supports}, {ref: e3, stance: undermines}]}\n",
        encoding="utf-8",
    )
    (root / "exam_questions" / "q.yaml").write_text(
        "questions:\n  - id: q\n    text: Q?\n    command_term: discuss\n    sides:\n"
        "      - {id: yes, label: Yes, claims: [a]}\n      - {id: no, label: No, claims: [b]}\n",
        encoding="utf-8",
    )
    g = graph_of(root)
    pos = assert_reads_top_down(g, "q")
    assert pos["a"][0] < pos["e3"][0] < pos["b"][0]
    assert pos["e0"][0] < pos["e3"][0] and pos["e1"][0] < pos["e3"][0]
