"""Corpora built by tests: a corpus at docs/format.md's length limits.

Imported by tests/test_plan.py and tests/test_browser_plan.py (pytest puts
this folder on ``sys.path``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po"]


def filler(tag: str, chars: int, word: int) -> str:
    """``tag``, then words of about ``word`` letters (1: one letter each, the
    most words a length allows), filling ``chars`` characters."""
    words, n = [tag], sum(map(ord, tag))
    while True:
        n += 1
        w = "".join(SYLLABLES[(n * 7 + k) % len(SYLLABLES)] for k in range((word + 1) // 2))[:word]
        if len(" ".join([*words, w])) > chars:
            return " ".join(words)
        words.append(w)


@dataclass(frozen=True)
class Limits:
    """The shape of a corpus at docs/format.md's limits: see ``limit_files``."""

    term: str
    word: int = 1
    sides: int = 2
    per_side: int = 6
    schools: int = 2
    evidence: tuple[int, ...] = ()
    long: int = 600
    historians: int = 6
    works: int = 3
    strong_attacks: bool = False


def limit_files(shape: Limits) -> dict:
    """A corpus as long as docs/format.md allows wherever it sets a limit
    (claim text 300, label 60, evidence title 120) and ``shape.long``
    characters where it sets none (question, sources, readings, works), with
    ``shape.evidence[c]`` items backing claim ``c`` (none when missing), long
    side labels, school and historian names, and a school that takes no
    position. Returns the files' contents by path."""
    text = lambda tag, chars: filler(tag, chars, shape.word)  # noqa: E731
    evidence, claims = [], []
    for c in range(shape.sides * shape.per_side):
        links = []
        for k in range(shape.evidence[c] if c < len(shape.evidence) else 0):
            e = f"e{c}-{k}"
            evidence.append({"id": e, "title": text(f"t{c}-{k}", 120), "date": f"{1930 + (c + k) % 10}-0{1 + k}",
                             "source": text(f"s{c}-{k}", shape.long) + " (2001); class notes 004"})
            links.append({"ref": e, "stance": "supports", "weight": ["strong", "moderate", "weak", "weak"][k],
                          "reading": text(f"r{c}", shape.long)})
        if c % 3 == 1 and evidence and evidence[0]["id"] not in {link["ref"] for link in links}:
            links.append({"ref": evidence[0]["id"], "stance": "undermines", "weight": "weak"})
        claim = {"id": f"c{c}", "label": text(f"l{c}", 60), "text": text(f"c{c}", 300), "evidence": links}
        if c >= shape.per_side:  # each claim after the first side answers one on the side before
            claim["undermines"] = [{"ref": f"c{c - shape.per_side}", "weight": "strong" if shape.strong_attacks else "weak"}]
        claims.append(claim)
    schools = [{
        "id": f"s{s}", "name": text(f"n{s}", 80), "summary": "It argues.",
        "historians": [{"name": text(f"h{s}-{h}", 80),
                        "works": [{"title": text(f"w{s}-{h}-{w}", shape.long), "year": 1950 + w} for w in range(shape.works)]}
                       for h in range(shape.historians)],
        "holds": [f"c{c}" for c in range(s, len(claims), shape.schools)],
    } for s in range(shape.schools)]
    schools.append({"id": "silent", "name": text("silent", 80), "summary": "Says nothing here.", "rejects": ["c0"]})
    question = {"id": "limit", "text": text("q", shape.long) + "?", "session": text("session", 80),
                "command_term": shape.term,
                "sides": [{"id": f"side{i}", "label": text(f"side{i}", 150),
                           "claims": [f"c{c}" for c in range(i * shape.per_side, (i + 1) * shape.per_side)]}
                          for i in range(shape.sides)]}
    return {"evidence/e.yaml": {"evidence": evidence}, "schools/s.yaml": {"claims": claims, "schools": schools},
            "exam_questions/q.yaml": {"questions": [question]}}


def write_corpus(files: dict, root: Path) -> Path:
    """Write ``limit_files``'s contents under ``root`` (JSON is YAML) and return it."""
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return root
