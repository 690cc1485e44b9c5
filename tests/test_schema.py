"""An author points an editor at ``argmap schema``: the schema accepts every
shipped corpus file and flags, while typing, the mistakes docs/format.md names
that a schema can see. Each case is also given to argmap's own loader, so the
editor and ``argmap check`` agree."""

from __future__ import annotations

import copy
import io
import json
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML
from ruamel.yaml.constructor import SafeConstructor

from argmap.corpus import CORPUS_FOLDERS, load_corpus
from argmap.schema import corpus_schema

ROOT = Path(__file__).resolve().parents[1]
MINI = ROOT / "tests" / "fixtures" / "mini"


class _CoreConstructor(SafeConstructor):
    """YAML 1.2 core schema, as editors read YAML: ruamel's 1.2 resolver still
    turns 1939-08-23 into a date, which the core schema leaves as text."""


_CoreConstructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)


def read_as_editor(text: str) -> object:
    yaml = YAML(typ="safe", pure=True)
    yaml.version = (1, 2)
    yaml.Constructor = _CoreConstructor
    return yaml.load(text)


def write_yaml(data: object) -> str:
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = corpus_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def schema_errors(validator, text: str) -> list[str]:
    return [error.message for error in validator.iter_errors(read_as_editor(text))]


def loader_errors(tmp_path: Path, text: str) -> list[str]:
    for folder in CORPUS_FOLDERS:
        (tmp_path / folder).mkdir(exist_ok=True)
    (tmp_path / "schools" / "case.yaml").write_text(text, encoding="utf-8")
    return [str(e) for e in load_corpus(tmp_path).errors]


def shipped_files() -> list[Path]:
    files = []
    for root in (MINI, ROOT):
        for folder in CORPUS_FOLDERS:
            files += sorted(p for p in (root / folder).rglob("*") if p.suffix in (".yaml", ".yml"))
    return files


@pytest.mark.parametrize("path", shipped_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_shipped_corpus_file_is_accepted(validator, path):
    assert schema_errors(validator, path.read_text(encoding="utf-8")) == []


def test_the_mini_corpus_is_among_the_files_checked():
    assert MINI / "schools" / "schools.yaml" in shipped_files()


BASE = {
    "evidence": [
        {"id": "pact", "title": "Nazi-Soviet Pact signed", "date": "1939-08-23", "kind": "treaty",
         "detail": "Non-aggression pact.", "source": "Class notes", "tags": ["diplomacy"]},
        {"id": "speech", "title": "Chestnuts speech", "date": "1939-03", "kind": "quotation",
         "quote": "We will not pull anyone's chestnuts out of the fire.", "speaker": "Stalin",
         "source": "Class notes"},
    ],
    "claims": [
        {"id": "genuine", "text": "Collective security was genuine.", "label": "Genuine",
         "evidence": [{"ref": "speech", "stance": "undermines", "weight": "weak", "reading": "A warning."}]},
        {"id": "last-resort", "text": "The pact was a last resort.",
         "evidence": [{"ref": "speech", "stance": "supports"}], "supports": ["genuine"]},
        {"id": "deal", "text": "Stalin wanted a German deal.",
         "evidence": [{"ref": "pact", "stance": "supports", "weight": "strong"}],
         "undermines": [{"ref": "genuine", "weight": "strong"}]},
    ],
    "schools": [
        {"id": "haslam", "name": "Collective-security school", "summary": "It was genuine.", "era": "1980s",
         "historians": [{"name": "Jonathan Haslam", "works": [{"title": "The Soviet Union", "year": 1984}]}],
         "holds": ["genuine", "last-resort"], "rejects": ["deal"]},
    ],
    "questions": [
        {"id": "aim", "text": "Discuss the aim.", "paper": 3, "session": "May 2007",
         "command_term": "discuss", "period": [1933, 1939],
         "sides": [{"id": "agree", "label": "Security", "claims": ["genuine", "last-resort"]},
                   {"id": "disagree", "label": "A deal", "claims": ["deal"]}]},
    ],
}

DELETE = object()


def changed(*steps_and_value) -> dict:
    """A copy of BASE with the value at ``steps`` replaced (or DELETEd)."""
    *steps, value = steps_and_value
    doc = copy.deepcopy(BASE)
    target = doc
    for step in steps[:-1]:
        target = target[step]
    if value is DELETE:
        del target[steps[-1]]
    else:
        target[steps[-1]] = value
    return doc


MISTAKES = {
    "unknown top-level key": changed("remarks", []),
    "unknown key in an item": changed("evidence", 0, "author", "Haslam"),
    "mistyped key": changed("claims", 0, "evidance", []),
    "missing evidence source": changed("evidence", 0, "source", DELETE),
    "missing claim text": changed("claims", 1, "text", DELETE),
    "missing school summary": changed("schools", 0, "summary", DELETE),
    "missing command term": changed("questions", 0, "command_term", DELETE),
    "missing stance": changed("claims", 0, "evidence", 0, "stance", DELETE),
    "missing historian name": changed("schools", 0, "historians", 0, "name", DELETE),
    "bad stance": changed("claims", 0, "evidence", 0, "stance", "backs"),
    "bad evidence weight": changed("claims", 0, "evidence", 0, "weight", "heavy"),
    "bad claim weight": changed("claims", 2, "undermines", 0, "weight", "very strong"),
    "bad evidence kind": changed("evidence", 0, "kind", "battle"),
    "bad command term": changed("questions", 0, "command_term", "to what degree"),
    "id with capitals": changed("evidence", 0, "id", "Nazi-Pact"),
    "id with underscore": changed("claims", 2, "id", "german_deal"),
    "id starting with a hyphen": changed("schools", 0, "id", "-haslam"),
    "id over 64 characters": changed("evidence", 1, "id", "a" * 65),
    "bad side id": changed("questions", 0, "sides", 0, "id", "Agree!"),
    "reserved question id": changed("questions", 0, "id", "index"),
    "title over 120 characters": changed("evidence", 0, "title", "x" * 121),
    "claim text over 300 characters": changed("claims", 0, "text", "x" * 301),
    "label over 60 characters": changed("claims", 0, "label", "x" * 61),
    "bad date": changed("evidence", 0, "date", "23 August 1939"),
    "date without leading zero": changed("evidence", 0, "date", "1939-8"),
    "quotation without its quote": changed("evidence", 1, "quote", DELETE),
    "paper 4": changed("questions", 0, "paper", 4),
    "one side only": changed("questions", 0, "sides", [BASE["questions"][0]["sides"][0]]),
    "empty side": changed("questions", 0, "sides", 1, "claims", []),
    "claim held twice": changed("schools", 0, "holds", ["genuine", "genuine"]),
    "claim listed twice on a side": changed("questions", 0, "sides", 0, "claims", ["genuine", "genuine"]),
    "tags as text, not a list": changed("evidence", 0, "tags", "diplomacy"),
    "evidence links as text": changed("claims", 0, "evidence", "speech"),
    "year as words": changed("schools", 0, "historians", 0, "works", 0, "year", "nineteen eighty-four"),
    "period of one year": changed("questions", 0, "period", [1933]),
    "period of words": changed("questions", 0, "period", ["the thirties", "1939"]),
    "title as a list": changed("evidence", 0, "title", ["Pact", "signed"]),
    "sides as a mapping": changed("questions", 0, "sides", {"agree": ["genuine"]}),
    "an item that is not a mapping": changed("claims", 1, "last-resort"),
    "a list that is not a list": changed("schools", {"id": "haslam"}),
}


def test_the_base_file_is_valid_for_both(validator, tmp_path):
    text = write_yaml(BASE)
    assert schema_errors(validator, text) == []
    assert loader_errors(tmp_path, text) == []


@pytest.mark.parametrize("name", list(MISTAKES))
def test_a_mistake_is_flagged_by_the_schema_and_by_argmap(validator, tmp_path, name):
    text = write_yaml(MISTAKES[name])
    assert schema_errors(validator, text), f"the schema let '{name}' through"
    assert loader_errors(tmp_path, text), f"argmap check let '{name}' through"


# Plain scalars an editor reads as numbers or booleans, and argmap as text.
EDITOR_NUMBERS = """\
evidence:
  - id: 1939
    title: 1984
    date: 1939
    source: Class notes
    tags: [yes, 1939]
claims:
  - id: a-claim
    text: Collective security was genuine.
    evidence:
      - {ref: 1939, stance: supports}
schools:
  - id: a-school
    name: Haslam
    summary: true
    era: 1948
    holds: [a-claim]
"""


@pytest.mark.parametrize("text", [EDITOR_NUMBERS, "", "# only a comment\n", "claims: []\n"],
                         ids=["numbers-as-text", "empty", "comment", "empty-list"])
def test_what_argmap_reads_as_text_is_not_flagged(validator, tmp_path, text):
    assert loader_errors(tmp_path, text) == []
    assert schema_errors(validator, text) == []


def test_the_command_prints_the_schema_and_nothing_else(argmap_cli):
    result = argmap_cli("schema")
    assert result.returncode == 0
    assert result.stderr == ""
    schema = json.loads(result.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema == corpus_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_fields_explain_themselves_on_hover():
    defs = corpus_schema()["$defs"]
    assert "weak, moderate (default) or strong" in defs["EvidenceLink"]["properties"]["weight"]["description"]
    for name, model in defs.items():
        for field, spec in model["properties"].items():
            assert spec.get("description"), f"{name}.{field} has no description"


def test_editors_that_only_know_draft_7_flag_nothing_on_good_files():
    # Some YAML plugins read every schema as draft 7; they must not raise
    # false alarms on a good file, and still catch a bad value.
    draft7 = jsonschema.Draft7Validator(corpus_schema())
    for text in [write_yaml(BASE), EDITOR_NUMBERS, *(p.read_text(encoding="utf-8") for p in shipped_files())]:
        assert list(draft7.iter_errors(read_as_editor(text))) == []
    assert list(draft7.iter_errors(read_as_editor(write_yaml(MISTAKES["period of words"]))))
