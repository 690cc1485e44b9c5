"""Synthetic corpora for benchmarks: N graph nodes, shaped like the real one.

The course corpus is small; these corpora check that argmap stays fast as a
class or a department grows one. The shape follows the course corpus:

- about half the nodes are evidence, two fifths claims, and the rest
  schools, questions and their sides (two or three per question);
- every claim cites two or three evidence items and every evidence item is
  cited at least once;
- claims come in topics of about 60 (a unit of the course); inside a
  topic, each claim below the top layer supports or undermines one or two
  later claims (so the argument is acyclic), and every chain ends at one of
  the topic's top claims, so nothing is off every question's path; one link
  in twenty reaches a top claim of the next topic instead;
- each question is about one topic: its two or three sides list two of
  that topic's top claims each (questions on one topic may share claims);
- schools hold and reject disjoint handfuls of claims.

Files hold about 200 items each, in the three folders, in block style with
flow-style links as people write them. The same ``seed`` gives the same
bytes.

    python benchmarks/generate.py 10000 /tmp/corpus-10k
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

ITEMS_PER_FILE = 200
TOPIC_SIZE = 60
TOPS_PER_TOPIC = 8
COMMAND_TERMS = ["to what extent", "compare and contrast", "evaluate", "discuss", "examine", "analyse", "assess",
                 "explain"]
KINDS = ["event", "treaty", "policy", "speech", "document", "statistic"]
WEIGHTS = ["weak", "moderate", "moderate", "strong"]
WORDS = ("policy pact league treaty army purge famine alliance front appeasement crisis conference trade "
         "frontier party congress decree rearmament security revolution war peace border").split()


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def plan(nodes: int) -> dict[str, int]:
    """How many items of each kind make about ``nodes`` graph nodes."""
    questions = max(2, round(nodes * 0.02))
    schools = max(2, round(nodes * 0.01))
    sides = questions * 5 // 2  # two or three each
    claims = max(questions * 6, round(nodes * 0.40))
    evidence = max(1, nodes - questions - sides - schools - claims)
    return {"evidence": evidence, "claims": claims, "schools": schools, "questions": questions}


def generate(nodes: int, out: Path, seed: int = 1939) -> dict[str, int]:
    """Write a corpus of about ``nodes`` graph nodes to ``out``; returns the counts."""
    rng = random.Random(seed)
    counts = plan(nodes)
    n_ev, n_cl, n_sc, n_q = counts["evidence"], counts["claims"], counts["schools"], counts["questions"]
    evidence_ids = [f"ev-{i:06d}" for i in range(n_ev)]
    claim_ids = [f"cl-{i:06d}" for i in range(n_cl)]

    # Topics: consecutive runs of claims; the last few of each are its tops.
    n_topics = max(1, n_cl // TOPIC_SIZE)
    topic_of = [min(i // TOPIC_SIZE, n_topics - 1) for i in range(n_cl)]
    bounds = [(t * TOPIC_SIZE, n_cl if t == n_topics - 1 else (t + 1) * TOPIC_SIZE) for t in range(n_topics)]
    tops = [list(range(end - TOPS_PER_TOPIC, end)) for _, end in bounds]
    is_top = {i for group in tops for i in group}
    side_counts = [2 + (q % 2) for q in range(n_q)]

    cites: list[list[tuple[str, str, str]]] = [[] for _ in range(n_cl)]
    for i, ev in enumerate(evidence_ids):  # every evidence item cited at least once
        cites[i % n_cl].append((ev, rng.choice(["supports", "supports", "undermines"]), rng.choice(WEIGHTS)))
    for links in cites:
        while len(links) < rng.choice([2, 3]):
            ev = rng.choice(evidence_ids)
            if all(ev != e for e, _, _ in links):
                links.append((ev, rng.choice(["supports", "supports", "undermines"]), rng.choice(WEIGHTS)))

    relates: list[list[tuple[str, str, str]]] = [[] for _ in range(n_cl)]
    for i in range(n_cl):
        if i in is_top:
            continue
        topic = topic_of[i]
        end = bounds[topic][1]
        targets = {rng.randint(i + 1, end - 1) for _ in range(rng.choice([1, 1, 2]))}
        if topic + 1 < n_topics and rng.random() < 0.05:
            targets.add(rng.choice(tops[topic + 1]))
        for j in sorted(targets):
            relation = "supports" if rng.random() < 0.7 else "undermines"
            relates[i].append((claim_ids[j], relation, rng.choice(WEIGHTS)))

    files: dict[str, list[str]] = {}

    def add(folder: str, kind: str, index: int, block: str) -> None:
        name = f"{folder}/{kind}-{index // ITEMS_PER_FILE:04d}.yaml"
        files.setdefault(name, [f"{kind}:"]).append(block)

    for i, ev in enumerate(evidence_ids):
        year = rng.randint(1918, 1945)
        date = rng.choice([f"{year}", f"{year}-{rng.randint(1, 12):02d}",
                           f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}", f"{year}/{min(year + 2, 1945)}"])
        kind = rng.choice(KINDS)
        add("evidence", "evidence", i,
            f"  - id: {ev}\n    title: {_q(_text(rng, 6))}\n    date: {date}\n    kind: {kind}\n"
            f"    detail: {_q(_text(rng, 25))}\n    source: {_q('Synthetic notes, ' + _text(rng, 3))}\n"
            f"    tags: [{rng.choice(WORDS)}, {rng.choice(WORDS)}]")
    for i, cl in enumerate(claim_ids):
        lines = [f"  - id: {cl}", f"    text: {_q(_text(rng, 18))}", f"    label: {_q(_text(rng, 4))}",
                 "    evidence:"]
        lines += [f"      - {{ref: {e}, stance: {s}, weight: {w}, reading: {_q(_text(rng, 8))}}}"
                  for e, s, w in cites[i]]
        for relation in ("supports", "undermines"):
            links = [f"{{ref: {c}, weight: {w}}}" for c, r, w in relates[i] if r == relation]
            if links:
                lines.append(f"    {relation}: [{', '.join(links)}]")
        add("schools", "claims", i, "\n".join(lines))
    for i in range(n_sc):
        held = rng.sample(claim_ids, min(n_cl, rng.randint(5, 30)))
        rest = [c for c in rng.sample(claim_ids, min(n_cl, 10)) if c not in held][:rng.randint(0, 5)]
        block = (f"  - id: school-{i:04d}\n    name: {_q('School ' + _text(rng, 2))}\n"
                 f"    summary: {_q(_text(rng, 30))}\n    era: 1980s\n    historians:\n"
                 f"      - name: Historian {i}\n        works:\n"
                 f"          - {{title: {_q(_text(rng, 5))}, year: {rng.randint(1950, 2020)}}}\n"
                 f"    holds: [{', '.join(held)}]")
        if rest:
            block += f"\n    rejects: [{', '.join(rest)}]"
        add("schools", "schools", i, block)
    for q in range(n_q):
        sides = []
        # questions on a topic take its top claims in turn, so all are asked about
        topic, turn = q % n_topics, q // n_topics
        need = side_counts[q] * 2
        picked = [tops[topic][(turn * need + k) % TOPS_PER_TOPIC] for k in range(need)]
        for s in range(side_counts[q]):
            listed = [claim_ids[i] for i in picked[2 * s:2 * s + 2]]
            sides.append(f"      - {{id: side-{s}, label: {_q(_text(rng, 3))}, claims: [{', '.join(listed)}]}}")
        add("exam_questions", "questions", q,
            f"  - id: question-{q:04d}\n    text: {_q(_text(rng, 14))}\n    session: Specimen\n"
            f"    command_term: {COMMAND_TERMS[q % len(COMMAND_TERMS)]}\n    period: [1918, 1945]\n"
            f"    sides:\n" + "\n".join(sides))

    for folder in ("schools", "exam_questions", "evidence"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    for name, blocks in files.items():
        (out / name).write_text("\n".join(blocks) + "\n", encoding="utf-8")
    counts["sides"] = sum(side_counts)
    counts["nodes"] = n_ev + n_cl + n_sc + n_q + counts["sides"]
    return counts


def _typo(rng: random.Random, word: str) -> str:
    """``word`` with one slip an author makes: two letters swapped, one
    dropped or one doubled (never the same word back)."""
    while True:
        i = rng.randrange(len(word) - 1)
        slip = rng.choice(("swap", "drop", "double"))
        if slip == "swap":
            typed = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        elif slip == "drop":
            typed = word[:i] + word[i + 1:]
        else:
            typed = word[:i] + word[i] + word[i:]
        if typed != word:
            return typed


def typo_corpus(out: Path, evidence: int = 20_000, typos: int = 200, seed: int = 1939) -> dict[str, int]:
    """A corpus of ``evidence`` items with word-like ids (``pact-purge-123``),
    cited ten to a claim, where ``typos`` of the citations are mistyped: the
    slow path of "did you mean" (issue 12). Checks with exactly ``typos``
    errors."""
    rng = random.Random(seed)
    ids = [f"{rng.choice(WORDS)}-{rng.choice(WORDS)}-{i}" for i in range(evidence)]
    per_claim = 10
    mistyped = set(rng.sample(range(evidence), typos))
    (out / "evidence").mkdir(parents=True, exist_ok=True)
    (out / "schools").mkdir(parents=True, exist_ok=True)
    (out / "exam_questions").mkdir(parents=True, exist_ok=True)
    for start in range(0, evidence, ITEMS_PER_FILE):
        blocks = [f"  - {{id: {e}, title: {_q(_text(rng, 5))}, date: 1936, source: Notes}}"
                  for e in ids[start:start + ITEMS_PER_FILE]]
        (out / "evidence" / f"evidence-{start // ITEMS_PER_FILE:04d}.yaml").write_text(
            "evidence:\n" + "\n".join(blocks) + "\n", encoding="utf-8")
    claims = []
    for c, start in enumerate(range(0, evidence, per_claim)):
        refs = [_typo(rng, e) if i in mistyped else e for i, e in enumerate(ids[start:start + per_claim], start)]
        links = ", ".join(f"{{ref: {r}, stance: supports}}" for r in refs)
        claims.append(f"  - id: claim-{c}\n    text: {_q(_text(rng, 10))}\n    evidence: [{links}]")
    (out / "schools" / "claims.yaml").write_text("claims:\n" + "\n".join(claims) + "\n", encoding="utf-8")
    half = len(claims) // 2
    listed = [f"claim-{c}" for c in range(len(claims))]
    (out / "exam_questions" / "q.yaml").write_text(
        "questions:\n  - id: q\n    text: Q?\n    command_term: discuss\n    sides:\n"
        f"      - {{id: a, label: A, claims: [{', '.join(listed[:half])}]}}\n"
        f"      - {{id: b, label: B, claims: [{', '.join(listed[half:])}]}}\n", encoding="utf-8")
    return {"evidence": evidence, "typos": typos, "claims": len(claims)}


def wide_claim_corpus(out: Path, evidence: int = 5_000, seed: int = 1939) -> dict[str, int]:
    """One claim citing ``evidence`` items (the slow path of impact, issue
    12), against one claim with a single item, on a two-sided question."""
    rng = random.Random(seed)
    for folder in ("schools", "exam_questions", "evidence"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    ids = [f"ev-{i:05d}" for i in range(evidence + 1)]
    blocks = [f"  - {{id: {e}, title: {_q(_text(rng, 5))}, date: 1936, source: Notes}}" for e in ids]
    (out / "evidence" / "evidence.yaml").write_text("evidence:\n" + "\n".join(blocks) + "\n", encoding="utf-8")
    links = "\n".join(f"      - {{ref: {e}, stance: {rng.choice(['supports', 'undermines'])}, "
                      f"weight: {rng.choice(WEIGHTS)}}}" for e in ids[:-1])
    (out / "schools" / "claims.yaml").write_text(
        f"claims:\n  - id: wide\n    text: A claim on much evidence.\n    evidence:\n{links}\n"
        f"  - id: narrow\n    text: A claim on one item.\n    evidence: [{{ref: {ids[-1]}, stance: supports}}]\n",
        encoding="utf-8")
    (out / "exam_questions" / "q.yaml").write_text(
        "questions:\n  - id: q\n    text: Q?\n    command_term: discuss\n    sides:\n"
        "      - {id: a, label: A, claims: [wide]}\n      - {id: b, label: B, claims: [narrow]}\n",
        encoding="utf-8")
    return {"evidence": evidence + 1, "claims": 2}


def chain_corpus(out: Path, depth: int = 3_000) -> dict[str, int]:
    """One evidence item feeding a chain of ``depth`` claims up to a side:
    what ``check`` passes, ``build`` must draw (issue 12)."""
    for folder in ("schools", "exam_questions", "evidence"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    (out / "evidence" / "e.yaml").write_text("evidence:\n  - {id: e0, title: Start, date: 1939, source: S}\n",
                                            encoding="utf-8")
    claims = [f"  - {{id: c{i}, text: Claim {i} holds., supports: [c{i + 1}]}}" for i in range(depth - 1)]
    claims[0] = "  - {id: c0, text: Claim 0 holds., supports: [c1], evidence: [{ref: e0, stance: supports}]}"
    claims.append(f"  - {{id: c{depth - 1}, text: The last claim holds.}}\n  - {{id: other, text: Other.}}")
    (out / "schools" / "chain.yaml").write_text("claims:\n" + "\n".join(claims) + "\n", encoding="utf-8")
    (out / "exam_questions" / "q.yaml").write_text(
        "questions:\n  - id: q\n    text: Deep?\n    command_term: discuss\n    sides:\n"
        f"      - {{id: a, label: A, claims: [c{depth - 1}]}}\n      - {{id: b, label: B, claims: [other]}}\n",
        encoding="utf-8")
    return {"claims": depth + 1}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("nodes", type=int, help="about how many graph nodes")
    parser.add_argument("out", type=Path, help="folder to write the corpus into")
    parser.add_argument("--seed", type=int, default=1939)
    args = parser.parse_args()
    print(generate(args.nodes, args.out, args.seed))


if __name__ == "__main__":
    main()
