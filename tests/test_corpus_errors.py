"""Every error and warning docs/format.md names, at the file and line it is in.

Each test writes a small sound corpus (the base below) plus the faulty text
an author might write, and checks what ``argmap check`` would print: the
path relative to the corpus, the line (and, where the place is plain, the
column), the severity, the words that name the fault and, for typos, the
"did you mean" hint. Lines are found from a ``#!`` marker in the text
itself rather than counted by hand: ``#! word`` marks the expected line and
puts the expected column at the first ``word`` on it.
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from argmap.corpus import CorpusError, load_corpus

LINE_FORMAT = re.compile(r"^[^:]+:\d+:\d+: (error|warning): .+")

BASE = {
    "evidence/base.yaml": """\
        evidence:
          - id: e1
            title: League entry
            date: 1934-09-18
            source: Class notes
          - id: e2
            title: Munich
            date: 1938-09
            source: Class notes
        """,
    "schools/base.yaml": """\
        claims:
          - id: c1
            text: Collective security was genuine.
            evidence:
              - {ref: e1, stance: supports}
          - id: c2
            text: A German deal was the aim.
            evidence:
              - {ref: e2, stance: undermines, weight: weak}
            undermines: [c1]
        schools:
          - id: s1
            name: Collective-security school
            summary: The policy was genuine.
            holds: [c1]
            rejects: [c2]
        """,
    "exam_questions/base.yaml": """\
        questions:
          - id: q
            text: "Discuss Soviet aims."
            command_term: discuss
            period: [1933, 1941]
            sides:
              - {id: yes, label: Collective security, claims: [c1]}
              - {id: no, label: A German deal, claims: [c2]}
        """,
}


def write(root: Path, files: dict[str, str | bytes]) -> None:
    for folder in ("schools", "exam_questions", "evidence"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(textwrap.dedent(text), encoding="utf-8")


def check(root: Path, files: dict[str, str | bytes], base: bool = True) -> list[CorpusError]:
    """Load the base corpus with ``files`` added (or replacing base files)."""
    write(root, {**(BASE if base else {}), **files})
    diagnostics = load_corpus(root).diagnostics
    for d in diagnostics:
        assert LINE_FORMAT.match(str(d)), str(d)
    return diagnostics


def marked(text: str, n: int = 0) -> tuple[int, int | None]:
    """Line (1-based) of the ``n``-th ``#!`` marker in dedented ``text``, and
    the column of the marked word on that line (None when no word is given)."""
    lines = textwrap.dedent(text).splitlines()
    hits = [(i, line) for i, line in enumerate(lines) if "#!" in line]
    index, line = hits[n]
    word = line.split("#!", 1)[1].strip()
    return index + 1, (line.index(word) + 1 if word else None)


def expect(diagnostics: list[CorpusError], path: str, where: tuple[int, int | None], severity: str,
           *words: str, hint: str | None = None) -> CorpusError:
    """The one diagnostic at ``path``/``where`` whose text has all ``words``."""
    line, column = where
    found = [
        d for d in diagnostics
        if d.path == path and d.line == line and d.severity == severity
        and (column is None or d.column == column) and all(w in d.message for w in words)
    ]
    assert len(found) == 1, (
        f"expected one {severity} at {path}:{line}:{column} with {words}; got:\n"
        + "\n".join(map(str, diagnostics))
    )
    if hint is not None:
        assert found[0].hint == f"'{hint}'"
        assert f"(did you mean '{hint}'?)" in str(found[0])
    return found[0]


def errors(diagnostics: list[CorpusError]) -> list[CorpusError]:
    return [d for d in diagnostics if d.severity == "error"]


def test_the_base_corpus_is_sound(tmp_path):
    assert check(tmp_path, {}) == []


# --- files -----------------------------------------------------------------


def test_a_file_that_is_not_utf8_is_reported_at_the_bad_byte(tmp_path):
    data = "evidence:\n  - id: e9\n    title: Caf".encode() + b"\xe9 society\n"
    found = check(tmp_path, {"evidence/latin1.yaml": data})
    expect(found, "evidence/latin1.yaml", (3, 15), "error", "not UTF-8")
    assert len(errors(found)) == 1


def test_invalid_yaml_is_reported_where_the_parser_stopped(tmp_path):
    text = """\
        evidence:
          - id: e9
            title: [unclosed
            date: 1939
        #!
        """
    found = check(tmp_path, {"evidence/broken.yaml": text})
    assert [(d.path, d.severity) for d in found] == [("evidence/broken.yaml", "error")]
    assert "invalid YAML" in found[0].message


def test_the_top_level_must_be_a_mapping(tmp_path):
    text = "- id: e9\n- id: e10\n"
    found = check(tmp_path, {"evidence/list.yaml": text})
    expect(found, "evidence/list.yaml", (1, 1), "error", "top level must be a mapping")
    assert len(found) == 1


def test_an_empty_file_is_allowed(tmp_path):
    assert check(tmp_path, {"evidence/empty.yaml": "", "schools/blank.yml": "\n# nothing yet\n"}) == []


def test_a_file_with_two_documents_is_an_error(tmp_path):
    text = """\
        evidence: []
        --- #! ---
        claims: []
        """
    found = check(tmp_path, {"evidence/two.yaml": text})
    expect(found, "evidence/two.yaml", marked(text), "error", "more than one YAML document")


def test_a_repeated_key_is_an_error_at_its_second_place(tmp_path):
    text = """\
        evidence:
          - id: e9
            title: First title
            date: 1939
            title: Second title #! title
            source: Class notes
        claims:
          - {id: c9, text: Uses e9., evidence: [{ref: e9, stance: supports}]}
        """
    found = check(tmp_path, {"evidence/repeat.yaml": text})
    expect(found, "evidence/repeat.yaml", marked(text), "error", "'title' is repeated")


def test_a_list_entry_that_is_not_a_mapping_is_an_error(tmp_path):
    text = """\
        claims:
          - just a sentence #! just
        """
    found = check(tmp_path, {"schools/entry.yaml": text})
    expect(found, "schools/entry.yaml", marked(text), "error", "must be a mapping")


def test_a_top_level_list_that_is_not_a_list_is_an_error(tmp_path):
    text = """\
        claims:
          id: c9 #! id
          text: Not in a list.
        """
    found = check(tmp_path, {"schools/notlist.yaml": text})
    expect(found, "schools/notlist.yaml", marked(text), "error", "'claims' must be a list")


def test_files_are_found_recursively_and_yml_counts(tmp_path):
    text = """\
        evidence:
          - {id: e9, title: T, date: 1939, source: s, kind: treety} #! treety
        """
    found = check(tmp_path, {"evidence/deep/er/more.yml": text, "evidence/notes.txt": "kind: nonsense\n"})
    expect(found, "evidence/deep/er/more.yml", marked(text), "error", "bad evidence kind 'treety'", hint="treaty")
    # other files are not read, but named, so nothing is skipped without a word
    assert [(d.severity, d.message) for d in found if d.path == "evidence/notes.txt"] == [
        ("warning", "'evidence/notes.txt' is not a .yaml or .yml file: ignored (rename it to read it)")]


def test_a_control_character_is_reported_on_one_line_where_it_is(tmp_path):
    text = "evidence:\n  - {id: e9, title: Caf\u00e9 \x00society, date: 1939, source: s}\n"
    found = check(tmp_path, {"evidence/nul.yaml": text.encode("utf-8")})
    expect(found, "evidence/nul.yaml", (2, 26), "error", "invalid YAML", "control characters")
    assert all("\n" not in str(d) for d in found)


@pytest.mark.parametrize(
    "text",
    [
        "evidence: &a [*a]\n",
        "claims: &a {c9: *a}\n",
        "evidence:\n  - &e {id: e9, title: T, date: 1939, source: s, tags: *e}\n",
    ],
    ids=["list", "mapping", "inside-an-item"],
)
def test_an_alias_inside_the_value_it_names_is_an_error_not_a_crash(tmp_path, text):
    found = check(tmp_path, {"evidence/alias.yaml": text})
    expect(found, "evidence/alias.yaml", (text.count("\n", 0, text.index("*")) + 1, text.splitlines()[-1].index("*") + 1),
           "error", "alias")


def test_aliases_that_multiply_are_stopped_and_reported(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 10)]
    found = check(tmp_path, {"evidence/laughs.yaml": "\n".join(lines) + "\n"})
    assert [d.path for d in found] == ["evidence/laughs.yaml"]
    assert "aliases" in found[0].message


def test_brackets_nested_thousands_deep_are_an_error_not_a_crash(tmp_path):
    found = check(tmp_path, {"evidence/deep.yaml": "evidence: " + "[" * 5000 + "]" * 5000 + "\n"})
    assert [d.path for d in found] == ["evidence/deep.yaml"]
    assert "nested" in found[0].message


def test_aliases_that_nest_ever_deeper_are_an_error_not_a_crash(tmp_path):
    # each line nests the one before 60 levels deeper: 1,800 levels in all
    lines = ["a0: &a0 " + "[" * 60 + "x" + "]" * 60]
    lines += [f"a{i}: &a{i} " + "[" * 60 + f"*a{i - 1}" + "]" * 60 for i in range(1, 30)]
    found = check(tmp_path, {"evidence/nest.yaml": "\n".join(lines) + "\n"})
    assert [d.path for d in found] == ["evidence/nest.yaml"]
    assert "nested" in found[0].message


def test_a_used_alias_is_read_as_its_value(tmp_path):
    text = """\
        evidence:
          - {id: e9, title: &t Shared title, date: 1939, source: *t}
        claims:
          - {id: c9, text: C9., supports: [c1], evidence: [{ref: e9, stance: supports}]}
        """
    assert check(tmp_path, {"evidence/alias.yaml": text}) == []
    assert load_corpus(tmp_path).corpus.evidence["e9"].source == "Shared title"


# --- keys and fields -------------------------------------------------------


def test_unknown_top_level_key_with_hint(tmp_path):
    text = """\
        claim: #! claim
          - {id: c9, text: A claim.}
        """
    found = check(tmp_path, {"schools/typo.yaml": text})
    expect(found, "schools/typo.yaml", marked(text), "error", "unknown top-level key 'claim'", hint="claims")


def test_a_key_holding_a_line_break_is_reported_on_one_line(tmp_path):
    found = check(tmp_path, {"evidence/cr.yaml": '{"evi\\rdence": [], "x\\u2028y": 1}\n'})
    assert len(found) == 2
    for d in found:
        assert len(str(d).splitlines()) == 1, repr(str(d))
    assert "unknown top-level key 'evi\\rdence'" in str(found[0])


@pytest.mark.parametrize(
    "text, typo, hint",
    [
        ("""\
            evidence:
              - id: e9
                title: T
                date: 1939
                sorce: Class notes #! sorce
            """, "sorce", "source"),
        ("""\
            claims:
              - id: c9
                text: A claim.
                evidence:
                  - {ref: e1, stance: supports, wieght: strong} #! wieght
            """, "wieght", "weight"),
        ("""\
            claims:
              - id: c9
                text: A claim.
                suports: [c1] #! suports
            """, "suports", "supports"),
        ("""\
            schools:
              - id: s9
                name: S
                summary: S.
                holds: [c1]
                historians:
                  - name: A. J. P. Taylor
                    works:
                      - {title: The Origins of the Second World War, yaer: 1961} #! yaer
            """, "yaer", "year"),
        ("""\
            questions:
              - id: q9
                text: Q?
                command_term: discuss
                sides:
                  - {id: a, label: A, claims: [c1]}
                  - {id: b, lable: B, claims: [c2]} #! lable
            """, "lable", "label"),
    ],
    ids=["evidence", "evidence-link", "claim", "historian-work", "side"],
)
def test_unknown_nested_key_is_reported_where_the_key_is_with_a_hint(tmp_path, text, typo, hint):
    found = check(tmp_path, {"evidence/typo.yaml": text})
    expect(found, "evidence/typo.yaml", marked(text), "error", f"unknown key '{typo}'", hint=hint)
    # the typo is the whole story: no second "missing field" error for the same key
    assert len(errors(found)) == 1, "\n".join(map(str, found))


@pytest.mark.parametrize(
    "text, field",
    [
        ("""\
            evidence:
              - id: e9 #! id
                title: T
                date: 1939
            """, "source"),
        ("""\
            claims:
              - id: c9 #! id
                evidence: [{ref: e1, stance: supports}]
            """, "text"),
        ("""\
            claims:
              - id: c9
                text: A claim.
                evidence:
                  - {ref: e1} #! {
            """, "stance"),
        ("""\
            schools:
              - id: s9 #! id
                name: S
                holds: [c1]
            """, "summary"),
        ("""\
            questions:
              - id: q9 #! id
                text: Q?
                sides:
                  - {id: a, label: A, claims: [c1]}
                  - {id: b, label: B, claims: [c2]}
            """, "command_term"),
    ],
    ids=["evidence-source", "claim-text", "link-stance", "school-summary", "question-command-term"],
)
def test_missing_required_field(tmp_path, text, field):
    found = check(tmp_path, {"evidence/missing.yaml": text})
    expect(found, "evidence/missing.yaml", marked(text), "error", f"missing the required field '{field}'")


@pytest.mark.parametrize(
    "template, limit",
    [
        ("evidence:\n  - {{id: e9, title: {text}, date: 1939, source: s}}\n", 120),
        ("claims:\n  - {{id: c9, text: {text}}}\n", 300),
        ("claims:\n  - {{id: c9, text: A claim., label: {text}}}\n", 60),
    ],
    ids=["evidence-title", "claim-text", "claim-label"],
)
def test_text_over_its_length(tmp_path, template, limit):
    at_limit = check(tmp_path / "ok", {"evidence/long.yaml": template.format(text="x" * limit)})
    assert errors(at_limit) == []
    over = check(tmp_path / "over", {"evidence/long.yaml": template.format(text="x" * (limit + 1))})
    expect(over, "evidence/long.yaml", (2, None), "error", f"{limit + 1} characters", f"at most {limit}")


# --- ids -------------------------------------------------------------------


def test_bad_id_format_with_hint(tmp_path):
    text = """\
        claims:
          - id: Soviet_Aims #! Soviet_Aims
            text: A claim.
        """
    found = check(tmp_path, {"schools/ids.yaml": text})
    expect(found, "schools/ids.yaml", marked(text), "error", "bad id 'Soviet_Aims'", hint="soviet-aims")


def test_an_id_may_have_64_characters_but_not_65(tmp_path):
    ok = check(tmp_path / "ok", {"schools/ids.yaml": f"claims:\n  - {{id: {'a' * 64}, text: A claim.}}\n"})
    assert errors(ok) == []
    text = f"claims:\n  - {{id: {'a' * 65}, text: A claim.}} #! {'a' * 65}\n"
    found = check(tmp_path / "long", {"schools/ids.yaml": text})
    expect(found, "schools/ids.yaml", marked(text), "error", "65")


@pytest.mark.parametrize("reserved", ["all", "index", "schools"])
def test_reserved_question_ids(tmp_path, reserved):
    text = f"""\
        questions:
          - id: {reserved} #! {reserved}
            text: Q?
            command_term: discuss
            sides:
              - {{id: a, label: A, claims: [c1]}}
              - {{id: b, label: B, claims: [c2]}}
        """
    found = check(tmp_path, {"exam_questions/reserved.yaml": text})
    expect(found, "exam_questions/reserved.yaml", marked(text), "error", f"'{reserved}'")


def test_reserved_words_are_fine_for_other_kinds(tmp_path):
    text = """\
        claims:
          - {id: all, text: A claim., supports: [c1]}
          - {id: index, text: A claim., supports: [c1]}
          - {id: schools, text: A claim., supports: [c1]}
        """
    assert errors(check(tmp_path, {"schools/words.yaml": text})) == []


def test_a_duplicate_id_names_both_places(tmp_path):
    text = """\
        evidence:
          - id: c1 #! c1
            title: Same id as a claim
            date: 1939
            source: s
        """
    found = check(tmp_path, {"evidence/dup.yaml": text})
    base_line = textwrap.dedent(BASE["schools/base.yaml"]).splitlines().index("  - id: c1") + 1
    here = expect(found, "evidence/dup.yaml", marked(text), "error", "duplicate id 'c1'")
    there = expect(found, "schools/base.yaml", (base_line, 9), "error", "duplicate id 'c1'")
    assert f"schools/base.yaml:{base_line}" in here.message
    assert f"evidence/dup.yaml:{marked(text)[0]}" in there.message
    # the fault is the duplicate: the claim's users are not also told c1 is evidence
    assert len(errors(found)) == 2, "\n".join(map(str, found))


def test_yaml_core_schema_keeps_yes_no_on_and_numbers_as_text(tmp_path):
    text = """\
        evidence:
          - {id: 1939, title: yes, date: 1939, source: on, speaker: no, tags: [off, y, n]}
        claims:
          - {id: c9, text: no, evidence: [{ref: 1939, stance: supports}], supports: [c1]}
        """
    result_files = {"evidence/core.yaml": text}
    assert check(tmp_path, result_files) == []
    corpus = load_corpus(tmp_path).corpus
    item = corpus.evidence["1939"]
    assert (item.title, item.source, item.speaker, item.tags) == ("yes", "on", "no", ["off", "y", "n"])
    assert corpus.claims["c9"].text == "no"


# --- references ------------------------------------------------------------


@pytest.mark.parametrize(
    "text, wanted, typo, hint",
    [
        ("""\
            claims:
              - id: c9
                text: A claim.
                supports: [c1]
                evidence:
                  - {ref: e3, stance: supports} #! e3
            """, "evidence", "e3", None),
        ("""\
            claims:
              - id: c9
                text: A claim.
                supports: [c11] #! c11
            """, "claim", "c11", "c1"),
        ("""\
            schools:
              - id: s9
                name: S
                summary: S.
                holds: [c22] #! c22
            """, "claim", "c22", "c2"),
        ("""\
            questions:
              - id: q9
                text: Q?
                command_term: discuss
                sides:
                  - {id: a, label: A, claims: [c1]}
                  - {id: b, label: B, claims: [c3]} #! c3
            """, "claim", "c3", None),
    ],
    ids=["evidence-link", "supports", "holds", "side"],
)
def test_a_dangling_reference(tmp_path, text, wanted, typo, hint):
    found = check(tmp_path, {"schools/refs.yaml": text})
    expect(found, "schools/refs.yaml", marked(text), "error", f"unknown {wanted} id '{typo}'", hint=hint)
    assert len(errors(found)) == 1, "\n".join(map(str, found))


def test_a_dangling_evidence_id_suggests_the_near_one(tmp_path):
    text = """\
        claims:
          - id: c9
            text: A claim.
            supports: [c1]
            evidence:
              - {ref: e-1, stance: supports} #! e-1
        """
    found = check(tmp_path, {"schools/refs.yaml": text})
    expect(found, "schools/refs.yaml", marked(text), "error", "unknown evidence id 'e-1'", hint="e1")


@pytest.mark.parametrize(
    "text, ref, is_a, wanted",
    [
        ("""\
            claims:
              - id: c9
                text: A claim.
                supports: [c1]
                evidence:
                  - {ref: c2, stance: supports} #! c2
            """, "c2", "a claim", "evidence"),
        ("""\
            claims:
              - id: c9
                text: A claim.
                undermines: [e1] #! e1
            """, "e1", "evidence", "a claim"),
        ("""\
            schools:
              - id: s9
                name: S
                summary: S.
                holds: [q] #! q
            """, "q", "a question", "a claim"),
        ("""\
            questions:
              - id: q9
                text: Q?
                command_term: discuss
                sides:
                  - {id: a, label: A, claims: [s1]} #! s1
                  - {id: b, label: B, claims: [c2]}
            """, "s1", "a school", "a claim"),
    ],
    ids=["claim-as-evidence", "evidence-as-claim", "question-as-claim", "school-as-claim"],
)
def test_a_reference_to_the_wrong_kind(tmp_path, text, ref, is_a, wanted):
    found = check(tmp_path, {"schools/kinds.yaml": text})
    expect(found, "schools/kinds.yaml", marked(text), "error", f"'{ref}' is {is_a}", wanted)


# --- values ----------------------------------------------------------------


@pytest.mark.parametrize(
    "line, word, message, hint",
    [
        ("{ref: e1, stance: support}", "support", "bad stance 'support'", "supports"),
        ("{ref: e1, stance: supports, weight: stong}", "stong", "bad weight 'stong'", "strong"),
    ],
)
def test_bad_stance_or_weight_with_hint(tmp_path, line, word, message, hint):
    text = f"""\
        claims:
          - id: c9
            text: A claim.
            supports: [c1]
            evidence:
              - {line} #! {word}
        """
    found = check(tmp_path, {"schools/values.yaml": text})
    expect(found, "schools/values.yaml", marked(text), "error", message, hint=hint)


def test_bad_weight_on_a_claim_link(tmp_path):
    text = """\
        claims:
          - id: c9
            text: A claim.
            supports:
              - {ref: c1, weight: heavy} #! heavy
        """
    found = check(tmp_path, {"schools/values.yaml": text})
    expect(found, "schools/values.yaml", marked(text), "error", "bad weight 'heavy'")


@pytest.mark.parametrize(
    "date, words",
    [
        ("1939-13", ["1939-13", "month 13"]),
        ("1939-04-31", ["1939-04-31", "day 31"]),
        ("1939-02-29", ["1939-02-29", "day 29"]),
        ("1940/1939", ["1940/1939", "starts after it ends"]),
        ("1939-09/1939-08-31", ["1939-09/1939-08-31", "starts after it ends"]),
        ("August 1939", ["August 1939"]),
        ("39", ["'39'"]),
        ("1939-8-23", ["1939-8-23"]),
    ],
)
def test_bad_dates(tmp_path, date, words):
    text = f"""\
        evidence:
          - id: e9
            title: T
            date: {date} #! {date}
            source: s
        """
    found = check(tmp_path, {"evidence/dates.yaml": text})
    expect(found, "evidence/dates.yaml", marked(text), "error", "bad date", *words)


@pytest.mark.parametrize("date", ["1939", "1939-08", "1939-08-23", "1940-02-29", "1936/1939", "1939-08/1939-08-31",
                                  "1939-08-23/1939-08-23", "2000-02-29"])
def test_good_dates(tmp_path, date):
    text = f"evidence:\n  - {{id: e9, title: T, date: {date}, source: s}}\n"
    assert errors(check(tmp_path, {"evidence/dates.yaml": text})) == []


def test_bad_evidence_kind_with_hint(tmp_path):
    text = """\
        evidence:
          - id: e9
            title: T
            date: 1939
            kind: speach #! speach
            source: s
        """
    found = check(tmp_path, {"evidence/kind.yaml": text})
    expect(found, "evidence/kind.yaml", marked(text), "error", "bad evidence kind 'speach'", hint="speech")


def test_a_quotation_needs_its_quote(tmp_path):
    text = """\
        evidence:
          - id: e9 #! id
            title: Stalin to the 18th Congress
            date: 1939-03-10
            kind: quotation
            speaker: Stalin
            source: s
          - id: e10
            title: The same, quoted
            date: 1939-03-10
            kind: quotation
            quote: "We are not going to pull anyone's chestnuts out of the fire."
            source: s
        """
    found = check(tmp_path, {"evidence/quote.yaml": text})
    expect(found, "evidence/quote.yaml", marked(text), "error", "quote")
    assert len(errors(found)) == 1


@pytest.mark.parametrize(
    "line, word, message, hint",
    [
        ("command_term: to what extant", "to what extant", "bad command term 'to what extant'", "to what extent"),
        ("command_term: Discuss", "Discuss", "bad command term 'Discuss'", "discuss"),
        ("paper: 4", "4", "bad paper 4", None),
        ("paper: 0", "0", "bad paper 0", None),
        ("paper: three", "three", "'three'", None),
        ("period: [1941, 1933]", "[", "1941 is after 1933", None),
        ("period: [1933, 1941, 1945]", "[", "period", None),
        ("period: [1933]", "[", "period", None),
        ("period: 1933", "1933", "period", None),
        ("period: [1933, late]", "late", "'late'", None),
    ],
    ids=["term-typo", "term-case", "paper-4", "paper-0", "paper-word", "period-reversed", "period-three",
         "period-one", "period-scalar", "period-word"],
)
def test_bad_question_values(tmp_path, line, word, message, hint):
    text = f"""\
        questions:
          - id: q9
            text: Q?
            command_term: discuss
            {line} #! {word}
            sides:
              - {{id: a, label: A, claims: [c1]}}
              - {{id: b, label: B, claims: [c2]}}
        """.replace("command_term: discuss\n            command_term", "command_term")
    found = check(tmp_path, {"exam_questions/values.yaml": text})
    expect(found, "exam_questions/values.yaml", marked(text), "error", message, hint=hint)
    assert len(errors(found)) == 1, "\n".join(map(str, found))


def test_a_period_error_says_what_a_period_is(tmp_path):
    text = """\
        questions:
          - id: q9
            text: Q?
            command_term: discuss
            period: [1933] #! [
            sides:
              - {id: a, label: A, claims: [c1]}
              - {id: b, label: B, claims: [c2]}
        """
    found = check(tmp_path, {"exam_questions/period.yaml": text})
    error = expect(found, "exam_questions/period.yaml", marked(text), "error", "[start_year, end_year]")
    assert "missing" not in error.message


# --- the argument ----------------------------------------------------------


def test_an_argument_cycle_names_its_members(tmp_path):
    text = """\
        claims:
          - {id: x1, text: X1., supports: [x2]} #! x1
          - {id: x2, text: X2., undermines: [x3]}
          - {id: x3, text: X3., supports: [x1, c1]}
        """
    found = check(tmp_path, {"schools/cycle.yaml": text})
    error = expect(found, "schools/cycle.yaml", marked(text), "error", "cycle")
    assert "x1 -> x2 -> x3 -> x1" in error.message
    assert len(errors(found)) == 1


def test_a_claim_that_supports_itself_is_a_cycle(tmp_path):
    text = """\
        claims:
          - {id: x1, text: X1., supports: [x1, c1]} #! x1
        """
    found = check(tmp_path, {"schools/cycle.yaml": text})
    error = expect(found, "schools/cycle.yaml", marked(text), "error", "cycle")
    assert "x1 -> x1" in error.message


def test_two_separate_cycles_are_two_errors(tmp_path):
    text = """\
        claims:
          - {id: x1, text: X1., supports: [x2]} #! x1
          - {id: x2, text: X2., supports: [x1]}
          - {id: y1, text: Y1., supports: [y2]} #! y1
          - {id: y2, text: Y2., undermines: [y1]}
        """
    found = check(tmp_path, {"schools/cycle.yaml": text})
    expect(found, "schools/cycle.yaml", marked(text, 0), "error", "x1 -> x2 -> x1")
    expect(found, "schools/cycle.yaml", marked(text, 1), "error", "y1 -> y2 -> y1")


def test_a_cycle_closing_a_chain_of_three_thousand_claims_is_found(tmp_path):
    n = 3000
    lines = ["claims:"]
    lines += [f"  - {{id: k{i}, text: K{i}., supports: [k{(i + 1) % n}]}}" for i in range(n)]
    found = check(tmp_path, {"schools/chain.yaml": "\n".join(lines) + "\n"})
    cycles = [d for d in errors(found) if "argument cycle" in d.message]
    assert len(cycles) == 1
    assert cycles[0].message.count(" -> ") == n


@pytest.mark.parametrize("sides", ["[{id: a, label: A, claims: [c1]}]", "[]"], ids=["one", "none"])
def test_a_question_needs_two_sides(tmp_path, sides):
    text = f"""\
        questions:
          - id: q9
            text: Q?
            command_term: discuss
            sides: {sides} #! {sides}
        """
    found = check(tmp_path, {"exam_questions/sides.yaml": text})
    expect(found, "exam_questions/sides.yaml", marked(text), "error", "fewer than two sides")


def test_an_empty_side(tmp_path):
    text = """\
        questions:
          - id: q9
            text: Q?
            command_term: discuss
            sides:
              - {id: a, label: A, claims: [c1]}
              - {id: b, label: B, claims: []} #! []
        """
    found = check(tmp_path, {"exam_questions/sides.yaml": text})
    error = expect(found, "exam_questions/sides.yaml", marked(text), "error", "empty")
    assert "side 'b' of question 'q9'" in error.message


def test_a_claim_on_two_sides_of_one_question(tmp_path):
    text = """\
        questions:
          - id: q9
            text: Q?
            command_term: discuss
            sides:
              - {id: a, label: A, claims: [c1, c2]}
              - {id: b, label: B, claims: [c2]} #! c2
        """
    found = check(tmp_path, {"exam_questions/sides.yaml": text})
    expect(found, "exam_questions/sides.yaml", marked(text), "error", "'c2'", "two sides", "'a'", "'b'")
    assert len(errors(found)) == 1


def test_a_claim_may_sit_on_sides_of_different_questions(tmp_path):
    text = """\
        questions:
          - id: q9
            text: Q?
            command_term: discuss
            sides:
              - {id: a, label: A, claims: [c2]}
              - {id: b, label: B, claims: [c1]}
        """
    assert errors(check(tmp_path, {"exam_questions/more.yaml": text})) == []


def test_a_side_id_used_twice_in_one_question(tmp_path):
    text = """\
        questions:
          - id: q9
            text: Q?
            command_term: discuss
            sides:
              - {id: a, label: A, claims: [c1]}
              - {id: a, label: B, claims: [c2]} #! a,
        """
    found = check(tmp_path, {"exam_questions/sides.yaml": text})
    expect(found, "exam_questions/sides.yaml", marked(text), "error", "'a'", "twice")


def test_a_school_that_both_holds_and_rejects_a_claim(tmp_path):
    text = """\
        schools:
          - id: s9
            name: S
            summary: S.
            holds: [c1, c2]
            rejects: [c2] #! c2
        """
    found = check(tmp_path, {"schools/s.yaml": text})
    expect(found, "schools/s.yaml", marked(text), "error", "both holds and rejects", "'c2'")


@pytest.mark.parametrize(
    "text, words",
    [
        ("""\
            claims:
              - id: c9
                text: A claim.
                supports: [c1]
                evidence:
                  - {ref: e1, stance: supports}
                  - {ref: e1, stance: undermines} #! e1
            """, ["'e1'", "twice"]),
        ("""\
            claims:
              - id: c9
                text: A claim.
                supports: [c1, c1] #! c1]
            """, ["'c1'", "twice"]),
        ("""\
            claims:
              - id: c9
                text: A claim.
                supports: [c1]
                undermines: [c1] #! c1
            """, ["'c1'", "both supports and undermines"]),
        ("""\
            schools:
              - id: s9
                name: S
                summary: S.
                holds: [c1, c1] #! c1]
            """, ["'c1'", "twice"]),
        ("""\
            schools:
              - id: s9
                name: S
                summary: S.
                holds: [c2]
                rejects: [c1, c1] #! c1]
            """, ["'c1'", "twice"]),
        ("""\
            questions:
              - id: q9
                text: Q?
                command_term: discuss
                sides:
                  - {id: a, label: A, claims: [c1, c1]} #! c1]
                  - {id: b, label: B, claims: [c2]}
            """, ["'c1'", "twice"]),
    ],
    ids=["evidence-link", "supports", "supports-and-undermines", "holds", "rejects", "side"],
)
def test_the_same_pair_related_twice(tmp_path, text, words):
    found = check(tmp_path, {"schools/pairs.yaml": text})
    expect(found, "schools/pairs.yaml", marked(text), "error", *words)
    assert len(errors(found)) == 1, "\n".join(map(str, found))


# --- reported once ---------------------------------------------------------


def test_references_to_a_broken_item_are_not_reported_again(tmp_path):
    text = """\
        evidence:
          - {id: e9, title: T, date: 1939-13, source: s} #! 1939-13
        claims:
          - id: c9
            txt: Misspelt text key. #! txt
            evidence: [{ref: e9, stance: supports}]
            supports: [c1]
          - {id: c10, text: Cites and builds on the broken ones., evidence: [{ref: e9, stance: supports}],
             supports: [c9]}
        schools:
          - {id: s9, name: S, summary: S., holds: [c9, c10]}
        questions:
          - id: q9
            text: Q?
            command_term: discuss
            sides:
              - {id: a, label: A, claims: [c9]}
              - {id: b, label: B, claims: [c10]}
        """
    found = check(tmp_path, {"schools/broken.yaml": text})
    expect(found, "schools/broken.yaml", marked(text, 0), "error", "1939-13")
    expect(found, "schools/broken.yaml", marked(text, 1), "error", "'txt'")
    assert len(found) == 2, "\n".join(map(str, found))


@pytest.mark.parametrize(
    "broken",
    [
        b"claims:\n  - id: c9\n    text: Has an \xff byte.\n  - id: c10\n    text: Fine.\n",
        b"claims:\n  - id: c9\n    text: [unclosed\n  - id: c10\n    text: Fine.\n",
        b"claims:\n  - id: c9\n    text: C9.\n---\nclaims:\n  - id: c10\n    text: C10.\n",
        b"- claims:\n  - id: c9\n    text: C9.\n  - id: c10\n    text: C10.\n",
        b"claims:\n  id: c9\n  text: C9.\nmore_claims:\n  - {id: c10, text: C10.}\n",
        b"claim:\n  - {id: c9, text: C9.}\n  - {id: c10, text: C10.}\n",
    ],
    ids=["not-utf8", "invalid-yaml", "two-documents", "top-level-list", "not-a-list", "unknown-top-key"],
)
def test_references_into_an_unreadable_file_are_not_reported_as_dangling(tmp_path, broken):
    users = """\
        questions:
          - id: q9
            text: Q?
            command_term: discuss
            sides:
              - {id: a, label: A, claims: [c9]}
              - {id: b, label: B, claims: [c10]}
        """
    found = check(tmp_path, {"schools/broken.yaml": broken, "exam_questions/users.yaml": users})
    assert found, "the broken file must be reported"
    assert {d.path for d in found} == {"schools/broken.yaml"}, "\n".join(map(str, found))


def test_a_dangling_reference_is_still_reported_next_to_an_unreadable_file(tmp_path):
    text = """\
        claims:
          - {id: c9, text: C9., supports: [c99]} #! c99
        """
    found = check(tmp_path, {"schools/broken.yaml": b"claims: [\n", "schools/ok.yaml": text})
    expect(found, "schools/ok.yaml", marked(text), "error", "unknown claim id 'c99'")


# --- warnings --------------------------------------------------------------


def test_evidence_cited_by_no_claim(tmp_path):
    text = """\
        evidence:
          - id: e9 #! e9
            title: Unused
            date: 1939
            source: s
        """
    found = check(tmp_path, {"evidence/unused.yaml": text})
    expect(found, "evidence/unused.yaml", marked(text), "warning", "'e9'", "cited by no claim")
    assert errors(found) == []


def test_a_claim_on_no_questions_path(tmp_path):
    text = """\
        claims:
          - id: c9 #! c9
            text: Nobody asks about this.
          - id: c10
            text: Feeds a side through c2.
            supports: [c2]
        """
    found = check(tmp_path, {"schools/orphan.yaml": text})
    expect(found, "schools/orphan.yaml", marked(text), "warning", "'c9'", "no question's path")
    assert not any("'c10'" in d.message for d in found)
    assert errors(found) == []


@pytest.mark.parametrize(
    "date, flagged",
    [
        ("1920", True),
        ("1945-05-08", True),
        ("1920/1932", True),
        ("1942/1950", True),
        ("1932-12-31", True),
        ("1933-01", False),
        ("1941-12-31", False),
        ("1930/1935", False),
        ("1920/1950", False),
    ],
)
def test_evidence_on_a_path_dated_wholly_outside_the_period(tmp_path, date, flagged):
    # the base question's period is [1933, 1941]
    text = f"""\
        evidence:
          - id: e9 #! e9
            title: T
            date: {date}
            source: s
        claims:
          - id: c9
            text: Feeds c1.
            supports: [c1]
            evidence: [{{ref: e9, stance: supports}}]
        """
    found = check(tmp_path, {"evidence/period.yaml": text})
    if flagged:
        expect(found, "evidence/period.yaml", marked(text), "warning", "'e9'", "outside", "1933-1941", "'q'")
    else:
        assert found == []


def test_evidence_off_every_path_is_not_checked_against_periods(tmp_path):
    text = """\
        evidence:
          - {id: e9, title: T, date: 1900, source: s}
        claims:
          - {id: c9, text: Off the path., evidence: [{ref: e9, stance: supports}]}
        """
    found = check(tmp_path, {"evidence/period.yaml": text})
    assert [d.message for d in found if "outside" in d.message] == []


def test_a_school_holding_nothing(tmp_path):
    text = """\
        schools:
          - id: s9 #! s9
            name: Silent school
            summary: Says nothing yet.
            rejects: [c1]
        """
    found = check(tmp_path, {"schools/silent.yaml": text})
    expect(found, "schools/silent.yaml", marked(text), "warning", "'s9'", "holds no claim")
    assert errors(found) == []


# --- all in one run --------------------------------------------------------


def test_every_problem_is_reported_in_one_run_in_path_and_line_order(tmp_path):
    files = {
        "evidence/a.yaml": "evidence:\n  - {id: e9, title: T, date: 1939-13, source: s}\n",
        "evidence/b.yaml": "evidnce: []\n",
        "schools/c.yaml": "claims:\n  - {id: c9, text: C., supports: [c99]}\n  - {id: C10, text: C.}\n",
        "exam_questions/d.yaml": "questions:\n  - {id: index, text: Q, command_term: discus, sides: []}\n",
        "schools/e.yaml": b"claims: \xff\n",
    }
    found = check(tmp_path, files)
    paths = {d.path for d in errors(found)}
    assert paths == set(files)
    assert len(errors(found)) >= 7
    assert found == sorted(found)
