"""Labels drawn whole: broken at spaces into lines that fit their box.

A teacher writes a short ``label`` for an evidence item whose title is too
long; ``argmap check`` says which ones need it and where.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.render.style import THEMES
from argmap.labels import EVIDENCE_LINES, MARGIN, box_label, evidence_words, text_width, title_fits, wrap

WORDS = st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=14)



def forty_characters(words: list[str]) -> str:
    text = " ".join(words)
    return text[:40].strip() or "x"


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=12))
def test_any_label_of_forty_characters_is_drawn_whole_in_both_themes(words):
    """Whatever its characters, a label is never cut: its lines hold all its
    words and each fits its box, in either theme, broken at the same words."""
    label = forty_characters(words)
    drawn = {theme: box_label(label, "evidence", theme) for theme in THEMES}
    for theme, box in drawn.items():
        assert " ".join(box.lines).split() == label.split()
        room = box.width - 2 * MARGIN["evidence"]
        assert all(text_width(line, box.font_size) <= room for line in box.lines)
    assert drawn["default"].lines == drawn["projector"].lines


def test_every_course_evidence_box_keeps_to_three_lines_in_both_themes():
    """The course's evidence draws its title when it fits, else its label
    (at most 40 characters): either way three lines at most, in either theme."""
    from argmap.corpus import load_corpus

    corpus = load_corpus(Path(__file__).resolve().parents[1]).corpus
    for evidence in corpus.evidence.values():
        words = evidence_words(evidence.title, evidence.label)
        assert words == (evidence.title if title_fits(evidence.title) or not evidence.label else evidence.label)
        for theme in THEMES:
            assert len(box_label(words, "evidence", theme).lines) <= EVIDENCE_LINES, (evidence.id, theme, words)


def test_a_word_too_long_for_the_box_widens_the_box_instead_of_breaking():
    word = "Molotov-Ribbentrop-Ribbentrop-Molotov"
    box = box_label(word, "claim")
    assert box.lines == (word,)
    assert box.width >= text_width(word, box.font_size)


def test_wrap_breaks_only_at_spaces():
    text = "The Nazi-Soviet Pact is signed in Moscow by Molotov and Ribbentrop"
    lines = wrap(text, 90, 13)
    assert " ".join(lines) == text
    assert all(text_width(line, 13) <= 90 for line in lines if " " in line)


def test_a_long_title_draws_its_label_and_a_short_one_draws_itself():
    long_title = "Molotov's speech to the Supreme Soviet defending the pact with Germany as a peace measure"
    assert not title_fits(long_title)
    assert evidence_words(long_title, "Molotov defends the pact") == "Molotov defends the pact"
    assert evidence_words(long_title, None) == long_title
    assert evidence_words("Nazi-Soviet Pact signed", "Pact") == "Nazi-Soviet Pact signed"


def test_check_warns_at_the_title_of_evidence_too_long_for_its_box(mini_corpus, argmap_cli):
    path = mini_corpus / "evidence" / "pact.yaml"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("  - id: long-one\n"
                     "    title: Molotov's speech to the Supreme Soviet defending the pact with Germany as a"
                     " measure of peace and of Soviet security\n"
                     "    date: 1939-08-31\n    source: notes\n")
    line = path.read_text(encoding="utf-8").splitlines().index("  - id: long-one") + 2
    result = argmap_cli("check", "--corpus", mini_corpus)
    assert result.returncode == 0
    warnings = [w for w in result.stdout.splitlines() + result.stderr.splitlines() if "long-one" in w and "label" in w]
    assert warnings and warnings[0].startswith(f"evidence/pact.yaml:{line}:"), result.stdout + result.stderr


def test_check_is_quiet_once_the_long_title_has_a_label(mini_corpus, argmap_cli):
    path = mini_corpus / "evidence" / "pact.yaml"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("  - id: long-one\n"
                     "    title: Molotov's speech to the Supreme Soviet defending the pact with Germany as a"
                     " measure of peace and of Soviet security\n"
                     "    label: Molotov defends the pact\n"
                     "    date: 1939-08-31\n    source: notes\n")
    result = argmap_cli("check", "--corpus", mini_corpus)
    assert "long-one' has a title too long" not in result.stdout + result.stderr


def test_every_course_title_that_does_not_fit_is_reported(tmp_path, argmap_cli):
    root = Path(__file__).resolve().parents[1]
    for folder in ("schools", "exam_questions", "evidence"):
        shutil.copytree(root / folder, tmp_path / folder)
    from argmap.corpus import load_corpus

    corpus = load_corpus(tmp_path).corpus
    needing = {e.id for e in corpus.evidence.values() if e.label is None and not title_fits(e.title)}
    result = argmap_cli("check", "--corpus", tmp_path)
    reported = {line.split("'")[1] for line in (result.stdout + result.stderr).splitlines()
                if "title too long for its box" in line}
    assert reported == needing
