"""The YAML slips authors make most, each reported once, in the words of
the fix (issue 12): uneven indentation, tabs, a missing "- " before ``id``,
a missing space after a colon, ``weight: high``, ``date: 1905-1914`` and a
bad id whose suggested form is already used by a reference."""

from __future__ import annotations

from test_corpus_errors import check, errors, expect, marked


def test_uneven_indentation_says_to_indent_like_the_line_above(tmp_path):
    text = """\
        evidence:
          - id: e9
            title: T
           date: 1939 #!
            source: S
        """
    found = check(tmp_path, {"evidence/indent.yaml": text})
    error = expect(found, "evidence/indent.yaml", (marked(text)[0], 1), "error",
                   "indented 3 spaces and the one above 4", "indent this line like the one above")
    assert "expected" not in error.message
    assert len(errors(found)) == 1


def test_a_tab_after_a_dash_says_to_use_spaces(tmp_path):
    text = "evidence:\n  -\tid: e9\n    title: T\n"
    found = check(tmp_path, {"evidence/tab.yaml": text})
    expect(found, "evidence/tab.yaml", (2, 4), "error", "a tab character", "replace it with spaces")
    assert len(errors(found)) == 1


def test_a_missing_dash_before_id_is_one_report_with_the_fix(tmp_path):
    text = """\
        evidence:
          - id: e9
            title: First
            date: 1939
            source: S
            id: e10 #! id
            title: Second
            date: 1940
            source: S
        claims:
          - {id: c9, text: Uses both., evidence: [{ref: e9, stance: supports}, {ref: e10, stance: supports}]}
        """
    found = check(tmp_path, {"evidence/dash.yaml": text})
    expect(found, "evidence/dash.yaml", marked(text), "error", "add '- ' before 'id' to start a new item")
    assert len(errors(found)) == 1, "\n".join(map(str, found))  # no "repeated" keys, no "unknown id 'e10'"


def test_a_missing_dash_before_an_item_that_starts_with_another_key_is_one_report(tmp_path):
    text = """\
        evidence:
          - id: e9
            title: First
            date: 1939
            source: S
            title: Second #! title
            id: e10
            date: 1940
            source: S
        """
    found = check(tmp_path, {"evidence/dash.yaml": text})
    expect(found, "evidence/dash.yaml", marked(text), "error", "add '- ' before 'title' to start a new item")
    assert len(errors(found)) == 1, "\n".join(map(str, found))


def test_a_missing_space_after_a_colon_is_named(tmp_path):
    text = """\
        evidence:
          - id:e9 #! id:e9
            title: T
        """
    found = check(tmp_path, {"evidence/colon.yaml": text})
    expect(found, "evidence/colon.yaml", marked(text), "error", "write a space after the ':' in 'id:e9'")


def test_weight_high_suggests_strong(tmp_path):
    text = """\
        claims:
          - id: c9
            text: T.
            evidence: [{ref: e1, stance: supports, weight: high}] #! high
        """
    found = check(tmp_path, {"schools/weight.yaml": text})
    expect(found, "schools/weight.yaml", marked(text), "error", "bad weight 'high'", "weak, moderate, strong",
           hint="strong")


def test_a_dashed_date_range_says_how_a_range_is_written(tmp_path):
    text = """\
        evidence:
          - {id: e9, title: T, date: 1905-1914, source: S} #! 1905-1914
        """
    found = check(tmp_path, {"evidence/range.yaml": text})
    expect(found, "evidence/range.yaml", marked(text), "error", "a date range is written 1905/1914")


def test_a_bad_id_is_reported_once_not_again_as_the_id_it_suggests(tmp_path):
    text = """\
        evidence:
          - {id: Blank_Cheque, title: T, date: 1914, source: S} #! Blank_Cheque
        claims:
          - {id: c9, text: Uses it., evidence: [{ref: blank-cheque, stance: supports}]}
        """
    found = check(tmp_path, {"evidence/badid.yaml": text})
    expect(found, "evidence/badid.yaml", marked(text), "error", "bad id 'Blank_Cheque'", hint="blank-cheque")
    assert len(errors(found)) == 1, "\n".join(map(str, found))
