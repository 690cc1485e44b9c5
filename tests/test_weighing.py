"""Weighing the mini corpus by hand: DF-QuAD strengths, side scores, shares.

The mini corpus (tests/fixtures/mini) asks whether collective security was
the aim of Soviet foreign policy. Every number below is worked out in the
comments from docs/format.md's rules, so a change in the arithmetic shows up as a
disagreement with the hand calculation, not with a recorded output.

Weights: weak 0.25, moderate 0.5, strong 0.75; claim -> side edges 1.0.
DF-QuAD: vs = 1 - prod(1 - strength * weight) over supporters, va likewise
over attackers; strength = base - base*(va - vs) if va >= vs else
base + (1 - base)*(vs - va). Evidence base 1.0 (0.0 set aside), claims 0.5.
"""

from __future__ import annotations

import pytest

from argmap.analysis import balance, extent_words, impact, lens, percent, strengths, weigh
from argmap.corpus import load_corpus
from argmap.graph import build_graph

AGREE = "collective-security-aim/agree"
DISAGREE = "collective-security-aim/disagree"
QUESTION = "collective-security-aim"


@pytest.fixture
def g(mini_corpus):
    result = load_corpus(mini_corpus)
    assert result.errors == []
    return build_graph(result.corpus)


def test_every_accepted_evidence_item_has_strength_one(g):
    s = strengths(g)
    for ev in ("nazi-soviet-pact", "league-entry", "munich", "franco-soviet-pact"):
        assert s[ev] == 1.0


def test_claim_strengths_match_the_hand_worked_numbers(g):
    s = strengths(g)
    # pact-last-resort: munich supports strongly: vs = 1 - (1 - 1*0.75) = 0.75,
    # va = 0 -> 0.5 + 0.5 * 0.75 = 0.875
    assert s["pact-last-resort"] == 0.875
    # german-deal: nazi-soviet-pact supports strongly (vs = 0.75), league-entry
    # undermines weakly (va = 0.25) -> 0.5 + 0.5 * (0.75 - 0.25) = 0.75
    assert s["german-deal"] == 0.75
    # security-genuine: supporters league-entry 1*0.5, franco-soviet-pact 1*0.75,
    # pact-last-resort 0.875*0.5 = 0.4375:
    #   vs = 1 - 0.5 * 0.25 * 0.5625 = 1 - 0.0703125 = 0.9296875
    # attacker german-deal 0.75*0.5 = 0.375: va = 0.375
    #   -> 0.5 + 0.5 * (0.9296875 - 0.375) = 0.5 + 0.27734375 = 0.77734375
    assert s["security-genuine"] == 0.77734375


def test_side_scores_and_shares(g):
    w = weigh(g, QUESTION)
    # agree lists security-genuine and pact-last-resort:
    #   max(0, 2*0.77734375 - 1) + max(0, 2*0.875 - 1) = 0.5546875 + 0.75 = 1.3046875
    # disagree lists german-deal: 2*0.75 - 1 = 0.5
    assert w.scores == {AGREE: 1.3046875, DISAGREE: 0.5}
    # shares: 1.3046875 / 1.8046875 = 167/231 and 0.5 / 1.8046875 = 64/231
    assert w.shares[AGREE] == pytest.approx(167 / 231, abs=1e-15)
    assert w.shares[DISAGREE] == pytest.approx(64 / 231, abs=1e-15)
    assert balance(g, QUESTION) == w.shares
    # 167/231 = 0.7229... reads "to a large extent"; 64/231 = 0.277... "limited"
    assert percent(w.shares[AGREE]) == 72 and percent(w.shares[DISAGREE]) == 28
    assert extent_words(w.shares[AGREE]) == "to a large extent"
    assert extent_words(w.shares[DISAGREE]) == "only to a limited extent"


def test_weighing_every_question_at_once_gives_the_same_numbers(g):
    assert weigh(g).shares == weigh(g, QUESTION).shares


def test_a_student_sets_the_nazi_soviet_pact_aside_and_the_balance_swings_to_agree(g):
    w = weigh(g, QUESTION, accepted={"nazi-soviet-pact": False})
    # german-deal loses its support: vs = 0, va = 0.25 -> 0.5 - 0.5*0.25 = 0.375
    assert w.strengths["nazi-soviet-pact"] == 0.0
    assert w.strengths["german-deal"] == 0.375
    # security-genuine: va = 0.375*0.5 = 0.1875, vs = 0.9296875
    #   -> 0.5 + 0.5 * 0.7421875 = 0.87109375
    assert w.strengths["security-genuine"] == 0.87109375
    # agree 0.7421875 + 0.75 = 1.4921875; disagree max(0, 2*0.375 - 1) = 0
    assert w.scores == {AGREE: 1.4921875, DISAGREE: 0.0}
    assert w.shares == {AGREE: 1.0, DISAGREE: 0.0}


def test_setting_the_league_entry_aside_changes_both_sides(g):
    w = weigh(g, QUESTION, accepted={"league-entry": False})
    # german-deal: vs = 0.75, its attacker is gone -> 0.5 + 0.5*0.75 = 0.875
    assert w.strengths["german-deal"] == 0.875
    # security-genuine: vs = 1 - (1 - 0.75)*(1 - 0.4375) = 1 - 0.140625 = 0.859375
    #   va = 0.875*0.5 = 0.4375 -> 0.5 + 0.5*(0.859375 - 0.4375) = 0.7109375
    assert w.strengths["security-genuine"] == 0.7109375
    # agree 0.421875 + 0.75 = 1.171875; disagree 0.75 -> shares 1.171875/1.921875
    assert w.scores == {AGREE: 1.171875, DISAGREE: 0.75}
    assert w.shares[AGREE] == pytest.approx(1.171875 / 1.921875)


def test_setting_evidence_back_restores_the_balance(g):
    assert balance(g, QUESTION, accepted={"munich": True, "league-entry": True}) == balance(g, QUESTION)


def test_with_all_evidence_aside_every_score_is_zero_and_shares_are_equal(g):
    aside = {ev: False for ev in ("nazi-soviet-pact", "league-entry", "munich", "franco-soviet-pact")}
    w = weigh(g, QUESTION, accepted=aside)
    # no evidence: german-deal and pact-last-resort stay at 0.5; security-genuine
    # gets vs = 0.5*0.5 = 0.25 and va = 0.5*0.5 = 0.25, so va >= vs -> 0.5
    assert w.strengths["german-deal"] == 0.5
    assert w.strengths["pact-last-resort"] == 0.5
    assert w.strengths["security-genuine"] == 0.5
    assert w.scores == {AGREE: 0.0, DISAGREE: 0.0}
    assert w.shares == {AGREE: 0.5, DISAGREE: 0.5}
    assert extent_words(w.shares[AGREE]) == "to some extent"


def test_the_collective_security_lens_keeps_its_claims_and_their_evidence(g):
    assert lens(g, "collective-security") == {
        "security-genuine", "pact-last-resort", "league-entry", "franco-soviet-pact", "munich",
    }
    w = weigh(g, QUESTION, school="collective-security")
    # german-deal is not held, so it is not weighed and does not attack:
    # security-genuine: vs = 0.9296875, va = 0 -> 0.5 + 0.5*0.9296875 = 0.96484375
    assert w.strengths["security-genuine"] == 0.96484375
    assert w.strengths["pact-last-resort"] == 0.875
    assert "german-deal" not in w.strengths and "nazi-soviet-pact" not in w.strengths
    # agree 0.9296875 + 0.75; disagree sums nothing the school holds -> 0
    assert w.scores == {AGREE: 1.6796875, DISAGREE: 0.0}
    assert w.shares == {AGREE: 1.0, DISAGREE: 0.0}


def test_the_german_school_lens_sees_only_the_german_deal(g):
    assert lens(g, "german-school") == {"german-deal", "nazi-soviet-pact", "league-entry"}
    w = weigh(g, QUESTION, school="german-school")
    # the lens keeps league-entry, which german-deal cites (undermining): 0.75 as before
    assert w.strengths["german-deal"] == 0.75
    assert w.scores == {AGREE: 0.0, DISAGREE: 0.5}
    assert w.shares == {AGREE: 0.0, DISAGREE: 1.0}


def test_a_lens_and_a_set_aside_item_combine(g):
    w = weigh(g, QUESTION, school="german-school", accepted={"nazi-soviet-pact": False})
    # german-deal 0.375 -> score max(0, -0.25) = 0; both sides 0 -> equal shares
    assert w.strengths["german-deal"] == 0.375
    assert w.shares == {AGREE: 0.5, DISAGREE: 0.5}


def test_unknown_question_or_school_is_a_key_error(g):
    with pytest.raises(KeyError):
        weigh(g, "no-such-question")
    with pytest.raises(KeyError):
        weigh(g, QUESTION, school="no-such-school")
    with pytest.raises(KeyError):
        lens(g, "german-deal")  # a claim, not a school


def test_impact_ranks_the_evidence_by_how_far_it_moves_the_balance(g):
    ranked = impact(g, QUESTION)
    now = balance(g, QUESTION)
    assert {i.evidence for i in ranked} == {"nazi-soviet-pact", "league-entry", "munich", "franco-soviet-pact"}
    sizes = [i.size for i in ranked]
    assert sizes == sorted(sizes, reverse=True)
    # the pact carries the whole disagree side: setting it aside gives agree 1.0
    top = ranked[0]
    assert top.evidence == "nazi-soviet-pact" and top.accepted is True
    assert top.shift[AGREE] == pytest.approx(1.0 - now[AGREE])
    assert top.shift[DISAGREE] == pytest.approx(0.0 - now[DISAGREE])


def test_impact_of_an_item_already_aside_is_bringing_it_back(g):
    aside = {"nazi-soviet-pact": False}
    ranked = {i.evidence: i for i in impact(g, QUESTION, accepted=aside)}
    back = ranked["nazi-soviet-pact"]
    assert back.accepted is False
    assert back.shift[AGREE] == pytest.approx(balance(g, QUESTION)[AGREE] - 1.0)


def test_percent_rounds_halves_up_like_the_page_does():
    assert percent(0.125) == 13
    assert percent(0.005) == 1
    assert percent(0.0) == 0 and percent(1.0) == 100


def test_extent_words_follow_the_percentage_a_reader_is_shown():
    # 0.598 is shown as 60%: the reader must never see "60%, to some extent".
    assert (percent(0.598), extent_words(0.598)) == (60, "to a large extent")
    assert (percent(0.595), extent_words(0.595)) == (60, "to a large extent")
    assert (percent(0.5949), extent_words(0.5949)) == (59, "to some extent")
    assert (percent(0.40), extent_words(0.40)) == (40, "to some extent")
    assert (percent(0.395), extent_words(0.395)) == (40, "to some extent")
    assert (percent(0.3949), extent_words(0.3949)) == (39, "only to a limited extent")


@pytest.mark.parametrize("set_aside", [{}, {"nazi-soviet-pact": False, "league-entry": False}])
def test_impact_is_exactly_the_shift_a_full_reweighing_gives_on_every_course_map(course_corpus, set_aside):
    """impact() re-weighs only what an item feeds; a student toggling the item
    and re-weighing the whole question must see the very same numbers."""
    course = build_graph(load_corpus(course_corpus).corpus)
    schools = [None] + [n for n, k in course.nodes(data="kind") if k == "school"]
    questions = [n for n, k in course.nodes(data="kind") if k == "question"]
    for question in questions:
        for school in schools:
            now = balance(course, question, set_aside, school)
            items = impact(course, question, set_aside, school)
            if school is None:
                assert items, f"{question} has evidence to rank"
            for item in items:
                toggled = {**set_aside, item.evidence: not item.accepted}
                after = balance(course, question, toggled, school)
                assert item.shift == {side: after[side] - now[side] for side in now}


def add_school(corpus, entry: str) -> None:
    path = corpus / "schools" / "schools.yaml"
    path.write_text(path.read_text(encoding="utf-8") + entry, encoding="utf-8")


def test_a_school_that_holds_no_claim_on_the_sides_takes_no_position(mini_corpus):
    # It only rejects a claim of the question: it argues nothing for either side.
    add_school(mini_corpus, "  - {id: official-line, name: Official line, summary: Says nothing here., "
                            "rejects: [german-deal]}\n")
    g = build_graph(load_corpus(mini_corpus).corpus)
    assert balance(g, QUESTION, school="official-line") == {AGREE: None, DISAGREE: None}
    assert weigh(g, QUESTION, school="official-line").shares == {AGREE: None, DISAGREE: None}
    assert impact(g, QUESTION, school="official-line") == []
    # Without a lens, or under a school that holds a listed claim, shares are numbers.
    assert None not in balance(g, QUESTION).values()
    assert None not in balance(g, QUESTION, school="german-school").values()


def test_a_school_holding_a_listed_claim_that_is_cancelled_out_still_takes_a_position(mini_corpus):
    # Holding a claim is a position even when the evidence cancels it out: an even split.
    g = build_graph(load_corpus(mini_corpus).corpus)
    shares = balance(g, QUESTION, accepted={"nazi-soviet-pact": False, "league-entry": False},
                     school="german-school")
    assert shares == {AGREE: 0.5, DISAGREE: 0.5}


def test_the_json_export_carries_null_shares_for_a_school_that_takes_no_position(mini_corpus):
    import json

    from argmap.export.json_export import export

    add_school(mini_corpus, "  - {id: official-line, name: Official line, summary: Says nothing here., "
                            "rejects: [german-deal]}\n")
    g = build_graph(load_corpus(mini_corpus).corpus)
    sides = {n["id"]: n for n in json.loads(export(g, QUESTION, school="official-line"))["nodes"]
             if n["kind"] == "side"}
    assert {s: n["share"] for s, n in sides.items()} == {AGREE: None, DISAGREE: None}
    assert '"share": null' in export(g, QUESTION, school="official-line")
    everyone = json.loads(export(g, QUESTION))["nodes"]
    assert all(isinstance(n["share"], float) for n in everyone if n["kind"] == "side")
