"""The outline: the map's argument as a nested list, for screen readers and print."""

from __future__ import annotations

from pathlib import Path

from argmap.corpus import load_corpus
from argmap.graph import build_graph
from argmap.render.outline import outline

MINI = Path(__file__).parent / "fixtures" / "mini"


def test_each_side_spells_out_its_own_claims_and_points_to_the_others():
    g = build_graph(load_corpus(MINI).corpus)
    agree, disagree = outline(g, "collective-security-aim")
    assert (agree.label, disagree.label) == ("Collective security was the aim", "A German deal was the aim")
    genuine, last_resort = agree.claims
    assert genuine.text == "Soviet collective security in the 1930s was a genuine policy."
    children = [(c.relation, c.id, c.repeated, c.see) for c in genuine.children]
    assert children == [
        ("supports", "league-entry", False, "above"),
        ("supports", "franco-soviet-pact", False, "above"),
        ("supports", "pact-last-resort", True, "Collective security was the aim"),
        ("undermines", "german-deal", True, "A German deal was the aim"),
    ], "supporters first, then underminers; listed claims point to their side"
    assert not last_resort.repeated and last_resort.children[0].reading == \
        "Munich showed the West would not stand with Moscow."
    (deal,) = disagree.claims
    assert not deal.repeated, "a side's own claim is spelled out under it"
    assert [(c.id, c.relation, c.weight) for c in deal.children] == [
        ("nazi-soviet-pact", "supports", "strong"), ("league-entry", "undermines", "weak"),
    ]
    assert deal.children[0].date == "1939-08-23"
