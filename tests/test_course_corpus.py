"""The course corpus that ships with argmap: Stalin's foreign policy, 1919-1953.

A teacher opens argmap for the first time and finds this corpus, and a
student cites it in an essay. So it has to load without a single warning,
quote the past papers word for word, get the facts an examiner checks right,
cite published works rather than class notes, and put named historians on
every side of every past question. These tests check those properties
through the public API (``argmap.corpus.load_corpus``, ``argmap.graph``) and
the command line, finding items by what they say and when they are dated,
never by their ids.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import networkx as nx
import pytest

from argmap.corpus import Corpus, load_corpus
from argmap.corpus.models import date_bounds
from argmap.graph import build_graph, side_node

ROOT = Path(__file__).resolve().parents[1]

PAST_QUESTIONS = {
    "Specimen": "To what extent was Stalin responsible for the break-up of the Second World War alliance, and the early stages of the Cold War?",
    "November 2008": "To what extent do you agree that Stalin\u2019s foreign policy between 1928 and 1953 was inconsistent and unfocused?",
    "May 2007": "Compare and contrast the foreign policies of Hitler and Stalin in Europe, up to the invasion of Russia in 1941.",
    "November 2020": "'The main aim of Russian/Soviet foreign policy in Europe between 1919 and 1941 was to promote collective security.' Discuss.",
    "May 2019": "To what extent did the Soviet Union dominate central and eastern Europe between 1945 and 1955?",
}

# The four real limits of Soviet domination in 1945-1955, found by what the
# evidence is about and the year it is dated.
LIMITS = {
    "Yugoslavia expelled from the Cominform": (("yugoslav", "tito"), 1948),
    "Finnish-Soviet treaty": (("finland", "finnish"), 1948),
    "East German rising": (("east german", "east berlin"), 1953),
    "Austrian State Treaty": (("austria",), 1955),
}

LABEL_BUDGET = 40  # what the map layout guarantees to fit on an evidence box


def _argmap(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    result = load_corpus(ROOT)
    assert not result.errors, [str(e) for e in result.errors]
    return result.corpus


@pytest.fixture(scope="module")
def graph(corpus) -> nx.DiGraph:
    return build_graph(corpus)


@pytest.fixture(scope="module")
def argument(graph) -> nx.DiGraph:
    """Only the argument edges (evidence and claims towards sides)."""
    keep = [(u, v) for u, v, d in graph.edges(data=True) if d["relation"] in ("supports", "undermines")]
    return graph.edge_subgraph(keep).copy()


def _readings(graph: nx.DiGraph) -> Iterator[tuple[str, str, str, str]]:
    """(evidence, claim, stance, reading) for every evidence link, however written."""
    for ev, claim, data in graph.edges(data=True):
        if graph.nodes[ev]["kind"] == "evidence" and data["relation"] in ("supports", "undermines"):
            yield ev, claim, data["relation"], data.get("reading") or ""


def _side_claims(graph: nx.DiGraph, question) -> dict[str, list[str]]:
    return {side.id: graph.nodes[side_node(question.id, side.id)]["claims"] for side in question.sides}


def _held(graph: nx.DiGraph, school_id: str) -> set[str]:
    return {c for _, c, d in graph.out_edges(school_id, data=True) if d["relation"] == "holds"}


def _attacks(graph: nx.DiGraph) -> list[tuple[str, str]]:
    return [(u, v) for u, v, d in graph.edges(data=True)
            if d["relation"] == "undermines" and graph.nodes[u]["kind"] == "claim"]


def _texts(corpus: Corpus, graph: nx.DiGraph | None = None) -> Iterator[tuple[str, str]]:
    """Every piece of prose a reader sees, with where it is."""
    for ev in corpus.evidence.values():
        for field in ("title", "label", "detail", "quote"):
            if getattr(ev, field):
                yield f"evidence {ev.id} {field}", getattr(ev, field)
    for claim in corpus.claims.values():
        yield f"claim {claim.id} text", claim.text
        if claim.label:
            yield f"claim {claim.id} label", claim.label
    for ev, claim, _, reading in _readings(graph if graph is not None else build_graph(corpus)):
        if reading:
            yield f"claim {claim} reading of {ev}", reading
    for school in corpus.schools.values():
        yield f"school {school.id} summary", school.summary
    for question in corpus.questions.values():
        for side in question.sides:
            yield f"question {question.id} side {side.id}", side.label


def _sentences(corpus: Corpus) -> Iterator[tuple[str, str]]:
    for where, text in _texts(corpus):
        for sentence in re.split(r"(?<=[.;:])\s+", text):
            yield where, sentence


def _years(date: str) -> tuple[int, int]:
    start, end = date_bounds(date)
    return start[0], end[0]


def _weighs(argument: nx.DiGraph, question, side_id: str | None = None) -> set[str]:
    """Evidence on a path to the question's sides (or to one side)."""
    found = set()
    for side in question.sides:
        if side_id and side.id != side_id:
            continue
        node = side_node(question.id, side.id)
        if node in argument:
            found |= {n for n in nx.ancestors(argument, node) if argument.nodes[n]["kind"] == "evidence"}
    return found


def _question_for(corpus: Corpus, period: tuple[int, int]):
    found = [q for q in corpus.questions.values() if q.session and q.period == period]
    assert len(found) == 1, f"expected one past question on {period}"
    return found[0]


# --- loading and the past papers -------------------------------------------

def test_the_course_corpus_passes_a_strict_check():
    result = _argmap("check", "--strict", "--corpus", str(ROOT))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error:" not in result.stdout
    assert "warning:" not in result.stdout


def test_the_course_corpus_builds(tmp_path):
    result = _argmap("build", "--corpus", str(ROOT), "--out", str(tmp_path / "site"))
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "index.html").is_file()


@pytest.mark.parametrize("session", sorted(PAST_QUESTIONS))
def test_a_past_question_is_quoted_word_for_word(corpus, session):
    with_session = [q for q in corpus.questions.values() if q.session == session]
    assert len(with_session) == 1, f"expected one {session} question"
    assert with_session[0].text == PAST_QUESTIONS[session]
    assert with_session[0].paper == 3


def test_the_sessions_are_only_the_known_ones_and_practice_questions_have_none(corpus):
    sessions = {q.session for q in corpus.questions.values() if q.session}
    assert sessions == set(PAST_QUESTIONS)
    assert sum(1 for q in corpus.questions.values() if not q.session) >= 3


def test_every_side_has_three_claims_each_backed_by_two_read_evidence_links(corpus, graph):
    read = Counter(claim for _, claim, _, reading in _readings(graph) if reading)
    for question in corpus.questions.values():
        assert question.period, question.id
        for side, claims in _side_claims(graph, question).items():
            assert len(claims) >= 3, f"{question.id}/{side}"
            for claim_id in claims:
                assert read[claim_id] >= 2, f"{claim_id} on {question.id}/{side}"


def test_there_are_at_least_seventy_dated_evidence_items(corpus):
    assert len(corpus.evidence) >= 70
    assert all(ev.date and ev.source for ev in corpus.evidence.values())


# --- the facts an examiner checks ------------------------------------------

def test_no_text_puts_lithuania_in_the_soviet_sphere_of_the_august_protocol(corpus):
    protocol = [ev for ev in corpus.evidence.values()
                if ev.date == "1939-08-23" and "protocol" in ev.title.lower()]
    assert len(protocol) == 1, "one evidence item is the secret protocol of 23 August 1939"
    detail = protocol[0].detail or ""
    assert re.search(r"Finland, Estonia and Latvia in the Soviet sphere", detail), detail
    assert re.search(r"Lithuania in the German", detail), detail
    assert "28 September 1939" in detail and "Bessarabia" in detail
    for where, sentence in _sentences(corpus):
        if "protocol" in sentence.lower() and re.search(r"Estonia|Latvia", sentence):
            assert "Finland" in sentence, f"{where}: the protocol's Soviet sphere without Finland: {sentence}"
        assert not re.search(r"Estonia, Latvia,? (?:and |then )?Lithuania[^.]*Soviet sphere", sentence), where


def test_litvinov_is_never_called_a_menshevik(corpus):
    for where, text in _texts(corpus):
        if "Litvinov" in text or "litvinov" in where:
            assert "menshevik" not in text.lower(), where
    litvinov = [ev for ev in corpus.evidence.values() if "Litvinov" in ev.title and ev.date.startswith("1939-05")]
    assert litvinov and "Bolshevik since 1903" in (litvinov[0].detail or "")


def test_molotovs_broadening_is_his_1944_report_not_the_comintern_dissolution(corpus):
    for where, text in _texts(corpus):
        if "broadening" in text.lower():
            assert "1 February 1944" in text, where
        assert not re.search(r"own (?:governments and )?foreign offices", text), where


def test_the_spanish_letter_is_the_letter_to_largo_caballero_of_december_1936(corpus):
    letters = [ev for ev in corpus.evidence.values() if "Largo Caballero" in ev.title]
    assert len(letters) == 1
    letter = letters[0]
    assert letter.date == "1936-12-21" and letter.kind == "document"
    assert "Molotov" in letter.source and "Voroshilov" in letter.source
    assert "Communist republic" in (letter.detail or "")
    assert sum(1 for ev, *_ in _readings(build_graph(corpus)) if ev == letter.id) >= 4
    for where, text in _texts(corpus):
        assert "Republican general" not in text or "notes" in text.lower(), where


def test_recognition_came_in_1924_and_hitlers_first_months_are_dated_right(corpus):
    for where, text in _texts(corpus):
        assert "refused to recognise" not in text, where
        assert not re.search(r"[Cc]o-operation ended when Hitler", text), where
    assert any("May 1933" in (ev.detail or "") and "26 January 1934" in (ev.detail or "")
               for ev in corpus.evidence.values()), "Berlin treaty renewed May 1933, pact with Poland January 1934"
    recognition = [ev for ev in corpus.evidence.values() if "recognises the USSR" in ev.title]
    assert recognition and recognition[0].date.startswith("1924")


def test_yalta_ended_in_agreement_and_the_breach_came_in_spring_1945(corpus):
    for where, sentence in _sentences(corpus):
        assert not re.search(r"(?:at Yalta|Yalta conference)[^.]*(?:was|as) the first open breach", sentence), where
    breach = [ev for ev in corpus.evidence.values() if _years(ev.date) == (1945, 1945)
              and ev.date.startswith("1945-03") and "Poland" in ev.title]
    assert breach, "an item dates the open breach over Poland to March-April 1945"
    yalta = [ev for ev in corpus.evidence.values() if ev.date == "1945-02"]
    assert yalta and all("agreement" in (ev.detail or "") for ev in yalta)


def test_outer_mongolia_brest_litovsk_lend_lease_terror_chiang_and_kama(corpus):
    texts = list(_texts(corpus))
    for where, text in texts:
        assert not re.search(r"owner of the Chinese Eastern Railway", text), where
        assert not re.search(r"protectorate over Outer Mongolia secured", text), where
        assert not re.search(r"recover\w*\s+(?:all|the lands|what it lost)", text), where
        assert not re.search(r"(?:purges?|terror)[^.]*(?:begun|began|started) in 1934", text, re.I), where
        assert not re.search(r"leader of the (?:Chinese )?Nationalists in 1925", text), where
        assert not re.search(r"factories there that made", text), where
    by_title = {ev.title: ev for ev in corpus.evidence.values()}
    mongolia = [ev for ev in by_title.values() if "Outer Mongolia" in ev.title]
    assert mongolia and "sovereignty" in mongolia[0].detail and "joint" in mongolia[0].detail
    lend_lease = [ev for ev in by_title.values() if "Lend-Lease" in ev.title]
    assert lend_lease and date_bounds(lend_lease[0].date)[0] >= (1941, 10, 1)
    assert "1 October 1941" in lend_lease[0].detail
    terror = [ev for ev in by_title.values() if "Terror" in ev.title or "Purge" in ev.title]
    assert terror and _years(terror[0].date) == (1936, 1938) and "Kirov" in terror[0].detail
    chiang = [ev for ev in by_title.values() if "Chiang" in ev.title]
    assert chiang and "1923" in chiang[0].detail and "1926" in chiang[0].detail
    kama = [text for _, text in texts if "Kama" in text]
    assert kama and all("tank school" in text for text in kama)


# --- sources a student can cite --------------------------------------------

def test_no_source_leads_with_class_notes_or_says_as_checked(corpus):
    for ev in corpus.evidence.values():
        assert not ev.source.lower().startswith(("class notes", "course reference", "notes")), ev.id
        assert "as checked" not in ev.source.lower(), ev.id
    for where, text in _texts(corpus):
        assert "as checked" not in text.lower(), where


def test_nine_in_ten_sources_lead_with_a_dated_published_work_or_document(corpus):
    def cites_dated_work(source: str) -> bool:
        lead = re.split(r"class notes", source, flags=re.I)[0]
        return bool(re.search(r"\b(?:1[89]|20)\d\d\b", lead)) and len(lead.split()) >= 4
    dated = [ev.id for ev in corpus.evidence.values() if cites_dated_work(ev.source)]
    assert len(dated) >= 0.9 * len(corpus.evidence), (
        f"{len(dated)}/{len(corpus.evidence)}: "
        f"{sorted(set(corpus.evidence) - set(dated))}")


def test_a_source_citing_a_schools_historian_gives_a_work_the_school_lists(corpus):
    """Sources and schools agree: no title or year turns up that no school names."""
    works: dict[str, list] = {}
    for school in corpus.schools.values():
        for historian in school.historians:
            works.setdefault(historian.name.split()[-1], []).extend(historian.works)
    citing = 0
    for ev in corpus.evidence.values():
        lead = re.split(r"class notes", ev.source, flags=re.I)[0]
        named = [surname for surname in works if re.search(rf"\b{re.escape(surname)}\b", lead)]
        if not named:
            continue
        citing += 1
        assert any(work.title in lead and (work.year is None or str(work.year) in lead)
                   for surname in named for work in works[surname]), f"{ev.id}: {lead}"
    assert citing >= 0.5 * len(corpus.evidence)


# --- historians on every side, coherent lenses ------------------------------

def test_every_past_paper_side_has_two_claims_held_by_a_school_with_historians(corpus, graph):
    argued = {c for school in corpus.schools.values() if school.historians for c in _held(graph, school.id)}
    for question in corpus.questions.values():
        if not question.session:
            continue
        for side, claims in _side_claims(graph, question).items():
            held = [c for c in claims if c in argued]
            assert len(held) >= 2, f"{question.session}, '{side}': only {held}"


def test_every_school_names_historians_and_holds_four_claims(corpus, graph):
    for school in corpus.schools.values():
        assert school.historians, school.id
        assert len(_held(graph, school.id)) >= 4, f"{school.id} holds too few claims"


def test_no_school_holds_two_claims_that_attack_each_other(corpus, graph):
    attacks = _attacks(graph)
    for school in corpus.schools.values():
        held = _held(graph, school.id)
        inner = [(u, v) for u, v in attacks if u in held and v in held]
        assert not inner, f"{school.id} holds claims that undermine each other: {inner}"


def test_claims_of_rival_schools_undermine_each_other(corpus, graph):
    holders: dict[str, set[str]] = {}
    for school in corpus.schools.values():
        for claim_id in _held(graph, school.id):
            holders.setdefault(claim_id, set()).add(school.id)
    cross = [(u, v) for u, v in _attacks(graph)
             if holders.get(u) and holders.get(v) and not holders[u] & holders[v]]
    assert len(cross) >= 8


def test_rival_claims_read_shared_evidence_both_ways_in_their_own_words(graph):
    stances: dict[str, Counter] = {}
    readings: dict[str, list[str]] = {}
    for ev, _, stance, reading in _readings(graph):
        stances.setdefault(ev, Counter())[stance] += 1
        readings.setdefault(ev, []).append(reading)
    contested = [ev for ev, count in stances.items() if count["supports"] and count["undermines"]]
    assert len(contested) >= 10
    for ev in contested:
        assert len(set(readings[ev])) == len(readings[ev]), f"{ev}: each claim reads it in its own words"


def test_every_reading_says_why_the_evidence_bears_on_its_claim(graph):
    for ev, claim, _, reading in _readings(graph):
        assert len(reading.split()) >= 8, f"{claim} <- {ev}: '{reading}'"


# --- the whole period of each question --------------------------------------

def test_the_1928_to_1953_question_weighs_the_post_war_evidence(corpus, argument):
    question = _question_for(corpus, (1928, 1953))
    weighed = _weighs(argument, question)
    post_war = {ev for ev in weighed if 1945 <= _years(corpus.evidence[ev].date)[0]
                and _years(corpus.evidence[ev].date)[1] <= 1953}
    assert len(post_war) >= 4, sorted(post_war)
    blockade = [ev.id for ev in corpus.evidence.values() if "berlin blockade" in ev.title.lower()]
    assert blockade and set(blockade) <= weighed, "a search for 'Berlin blockade' finds it on the map"
    for side in question.sides:
        assert _weighs(argument, question, side.id) & post_war, f"side '{side.label}' reaches no post-war item"


def test_the_1945_to_1955_question_weighs_the_limits_of_soviet_domination(corpus, argument):
    question = _question_for(corpus, (1945, 1955))
    limits_side = [s for s in question.sides if "limit" in s.label.lower()]
    assert len(limits_side) == 1
    weighed = _weighs(argument, question, limits_side[0].id)

    def about(words: tuple[str, ...], year: int) -> set[str]:
        return {ev.id for ev in corpus.evidence.values() if _years(ev.date) == (year, year)
                and any(w in f"{ev.title} {ev.detail or ''}".lower() for w in words)}

    found = {name for name, (words, year) in LIMITS.items() if about(words, year) & weighed}
    assert len(found) >= 3, f"the limits side weighs only {sorted(found)}"
    outside = {ev.id for ev in corpus.evidence.values() if re.search(r"Greek|Greece|France", ev.title)}
    assert not outside & weighed, "Greece and France lie outside central and eastern Europe"


def test_no_question_is_a_walkover():
    result = _argmap("export", "all", "--corpus", str(ROOT), "--format", "json")
    assert result.returncode == 0, result.stderr
    graph = json.loads(result.stdout)
    shares = {node["id"]: node["share"] for node in graph["nodes"] if node["kind"] == "side"}
    assert len(shares) >= 16
    for side, share in shares.items():
        assert 0.2 <= share <= 0.8, f"{side} has {share:.0%} of its question"


# --- labels the map can draw ------------------------------------------------

def test_every_long_evidence_title_has_a_label_within_the_layout_budget(corpus):
    for ev in corpus.evidence.values():
        if len(ev.title) > LABEL_BUDGET:
            assert ev.label, f"{ev.id}: a {len(ev.title)}-character title needs a label"
        if ev.label:
            assert len(ev.label) <= LABEL_BUDGET, f"{ev.id}: label '{ev.label}' is {len(ev.label)} characters"
