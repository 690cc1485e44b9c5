"""The course corpus that ships with argmap: Stalin's foreign policy, 1919-1953.

A teacher opens argmap for the first time and finds this corpus. It has to
load without a single warning, quote the past papers word for word, and give
every school and every question enough substance to argue with.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
FOLDERS = ("schools", "exam_questions", "evidence")

PAST_QUESTIONS = {
    "Specimen": "To what extent was Stalin responsible for the break-up of the Second World War alliance, and the early stages of the Cold War?",
    "November 2008": "To what extent do you agree that Stalin\u2019s foreign policy between 1928 and 1953 was inconsistent and unfocused?",
    "May 2007": "Compare and contrast the foreign policies of Hitler and Stalin in Europe, up to the invasion of Russia in 1941.",
    "November 2020": "'The main aim of Russian/Soviet foreign policy in Europe between 1919 and 1941 was to promote collective security.' Discuss.",
    "May 2019": "To what extent did the Soviet Union dominate central and eastern Europe between 1945 and 1955?",
}

SCHOOLS = {
    "official-soviet-line",
    "german-school",
    "collective-security-school",
    "beevor-on-spain",
    "spain-betrayed",
    "kowalsky-on-spain",
    "howson-on-spain",
    "cold-war-orthodox",
    "cold-war-revisionist",
    "cold-war-post-revisionist",
    "cold-war-after-the-archives",
}

# Evidence that rival schools read in opposite ways: each item supports one
# claim and undermines another.
CONTESTED_EVIDENCE = [
    "secret-protocol",
    "munich-conference",
    "ussr-joins-league",
    "soviet-military-aid-to-spain",
    "moscow-gold",
]


def _load(kind: str) -> list[dict]:
    yaml = YAML(typ="safe", pure=True)
    found = []
    for folder in FOLDERS:
        for path in sorted((ROOT / folder).rglob("*.y*ml")):
            data = yaml.load(path.read_text("utf-8")) or {}
            found.extend(data.get(kind) or [])
    return found


def _argmap(*args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def questions() -> list[dict]:
    return _load("questions")


@pytest.fixture(scope="module")
def claims() -> dict[str, dict]:
    return {claim["id"]: claim for claim in _load("claims")}


def test_the_course_corpus_passes_a_strict_check():
    result = _argmap("check", "--strict", "--corpus", str(ROOT))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error:" not in result.stdout
    assert "warning:" not in result.stdout


@pytest.mark.parametrize("session", sorted(PAST_QUESTIONS))
def test_a_past_question_is_quoted_word_for_word(questions, session):
    with_session = [q for q in questions if q.get("session") == session]
    assert len(with_session) == 1, f"expected one {session} question"
    assert with_session[0]["text"] == PAST_QUESTIONS[session]
    assert with_session[0].get("paper", 3) == 3


def test_there_are_at_least_three_practice_questions(questions):
    practice = [q for q in questions if "session" not in q]
    assert len(practice) >= 3


def test_the_sessions_are_only_the_known_ones(questions):
    sessions = {q["session"] for q in questions if "session" in q}
    assert sessions == set(PAST_QUESTIONS)


def test_every_school_of_the_course_is_there_and_holds_at_least_four_claims(claims):
    schools = {school["id"]: school for school in _load("schools")}
    assert SCHOOLS <= set(schools)
    for school_id, school in schools.items():
        holds = school.get("holds") or []
        assert len(holds) >= 4, f"{school_id} holds only {len(holds)} claims"
        assert set(holds) <= set(claims), f"{school_id} holds an unknown claim"


def test_every_side_has_three_claims_each_backed_by_two_read_evidence_links(questions, claims):
    for question in questions:
        assert "period" in question, question["id"]
        assert len(question["sides"]) >= 2
        for side in question["sides"]:
            assert len(side["claims"]) >= 3, f"{question['id']}/{side['id']}"
            for claim_id in side["claims"]:
                links = [link for link in claims[claim_id].get("evidence") or [] if link.get("reading")]
                assert len(links) >= 2, f"{claim_id} on {question['id']}/{side['id']}"


def test_there_are_at_least_seventy_dated_sourced_evidence_items():
    evidence = _load("evidence")
    assert len(evidence) >= 70
    assert all(item.get("date") and item.get("source") for item in evidence)


@pytest.mark.parametrize("evidence_id", CONTESTED_EVIDENCE)
def test_rival_schools_read_the_same_evidence_in_opposite_ways(claims, evidence_id):
    stances = Counter()
    readings = set()
    for claim in claims.values():
        for link in claim.get("evidence") or []:
            if link["ref"] == evidence_id:
                stances[link["stance"]] += 1
                readings.add(link["reading"])
    assert stances["supports"] and stances["undermines"], evidence_id
    assert len(readings) == sum(stances.values()), "each claim reads it in its own words"


def test_claims_of_rival_schools_undermine_each_other(claims):
    holder = {}
    for school in _load("schools"):
        for claim_id in school.get("holds") or []:
            holder.setdefault(claim_id, set()).add(school["id"])
    cross = [
        (claim_id, target)
        for claim_id, claim in claims.items()
        for target in claim.get("undermines") or []
        for target in [target["ref"] if isinstance(target, dict) else target]
        if holder.get(claim_id) and holder.get(target) and not holder[claim_id] & holder[target]
    ]
    assert len(cross) >= 8


def test_no_question_is_a_walkover():
    result = _argmap("export", "all", "--corpus", str(ROOT), "--format", "json")
    assert result.returncode == 0, result.stderr
    graph = json.loads(result.stdout)
    shares = {node["id"]: node["share"] for node in graph["nodes"] if node["kind"] == "side"}
    assert len(shares) >= 16
    for side, share in shares.items():
        assert 0.2 <= share <= 0.8, f"{side} has {share:.0%} of its question"
