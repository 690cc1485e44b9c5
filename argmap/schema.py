"""``argmap schema``: the JSON Schema of one corpus file, for editors.

The schema starts from the pydantic models, so it cannot drift from what the
loader accepts, and is then adjusted for how an editor reads YAML, which is
not how argmap reads it:

- an editor's YAML support (YAML 1.2 core schema) turns ``id: 1939`` or
  ``era: 1948`` into numbers, where argmap reads every plain scalar as text
  (docs/format.md); so text fields also accept numbers and booleans, and id and
  reference fields whole numbers, else authors would see false red squiggles;
- a claim's ``supports`` and ``undermines`` may list bare ids;
- checks the models make in Python (date format, a quotation's quote, paper
  numbers, reserved question ids, repeated references) are written out as
  schema keywords, so the editor flags them while typing;
- every field carries docs/format.md's explanation, shown on hover.

What a schema cannot see (dangling references, duplicate ids across files,
cycles) is left to ``argmap check``.
"""

from __future__ import annotations

from argmap.corpus import CorpusFile
from argmap.corpus.models import ID_PATTERN, RESERVED_QUESTION_IDS

SCHEMA_ID = "https://argmap.invalid/schema/corpus-file.json"

_DAY = r"\d{4}(-\d{2}(-\d{2})?)?"
DATE_PATTERN = rf"^{_DAY}(/{_DAY})?$"
SIDE_PATTERN = r"^[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*$"

# docs/format.md's "meaning" column, keyed by model and field.
HELP: dict[str, dict[str, str]] = {
    "CorpusFile": {
        "evidence": "Dated facts, documents and quotations that claims rest on.",
        "claims": "Propositions that schools argue for or against.",
        "schools": "Interpretive schools and the claims they make.",
        "questions": "Paper 3 questions and their sides.",
        "notes": "A reader's own remarks on nodes: shown with them, never weighed.",
        "weights": "A reader's own weights for links written elsewhere: {from, to, weight}; "
                   "weight aside keeps the link drawn but uncounted.",
    },
    "Evidence": {
        "id": "Lowercase kebab-case, unique across the whole corpus.",
        "title": "One line, at most 120 characters.",
        "label": "The words drawn on the map's box, at most 48 characters (default: the title).",
        "date": "1939, 1939-08, 1939-08-23, or a range 1936/1939 (start not after end).",
        "kind": "event (default), treaty, policy, speech, document, statistic or quotation.",
        "detail": "Longer plain text.",
        "quote": "The exact words; required when kind is quotation.",
        "speaker": "Who said or wrote the quote.",
        "source": "Where the fact comes from: class notes, a textbook, a historian's work.",
        "tags": "List of strings.",
        "links": "Evidence links written from the evidence's side: {claim, stance, weight, reading}; "
                 "the same as listing this evidence under that claim.",
    },
    "Claim": {
        "id": "Lowercase kebab-case, unique across the whole corpus.",
        "text": "One full-sentence proposition, at most 300 characters.",
        "label": "Short node label, at most 60 characters (default: the text, cut).",
        "evidence": "Evidence links: {ref, stance, weight, reading}.",
        "supports": "Claim ids this claim argues for (or {ref, weight} mappings).",
        "undermines": "Claim ids this claim argues against (or {ref, weight} mappings).",
        "sides": "Side node ids (<question-id>/<side-id>) this claim sits on, as if the side listed it.",
    },
    "ClaimEvidenceLink": {
        "claim": "A claim id.",
        "stance": "supports or undermines.",
        "weight": "weak, moderate (default) or strong.",
        "reading": "How the evidence is read for this claim.",
    },
    "WeightChange": {
        "from": "The evidence or claim id the link starts at.",
        "to": "The claim id the link argues about.",
        "weight": "weak, moderate, strong, or aside (drawn, but not counted).",
    },
    "Note": {
        "on": "The id of a node: evidence, claim, school, question, or a side as <question-id>/<side-id>.",
        "text": "Plain text, at most 2,000 characters.",
    },
    "EvidenceLink": {
        "ref": "An evidence id.",
        "stance": "supports or undermines.",
        "weight": "weak, moderate (default) or strong.",
        "reading": "How the evidence is read for this claim.",
    },
    "ClaimLink": {
        "ref": "A claim id.",
        "weight": "weak, moderate (default) or strong.",
    },
    "School": {
        "id": "Lowercase kebab-case, unique across the whole corpus.",
        "name": 'e.g. "German school", "Official Soviet line", "Beevor on Spain".',
        "summary": "The school's thesis in two or three sentences.",
        "era": 'When it was written, e.g. "1948" or "1980s-1990s".',
        "historians": "List of {name, works: [{title, year}]}.",
        "holds": "Claim ids the school argues.",
        "rejects": "Claim ids the school argues against.",
    },
    "Historian": {"name": "The historian's name.", "works": "List of {title, year}."},
    "Work": {"title": "Title of the work.", "year": "Year of publication (a whole number)."},
    "Question": {
        "id": "Lowercase kebab-case, unique across the whole corpus; not all, index or schools.",
        "text": "The question, verbatim for a past paper.",
        "paper": "1, 2 or 3 (default 3).",
        "session": 'e.g. "November 2008", "May 2007", "Specimen"; absent means a practice question.',
        "command_term": "The IB command term of the question.",
        "period": "[start_year, end_year]; evidence dated wholly outside it is flagged.",
        "sides": "At least two {id, label, claims}; a claim sits on at most one side.",
    },
    "Side": {
        "id": "Lowercase kebab-case, unique within its question.",
        "label": "What this side argues, in a few words.",
        "claims": "The claim ids on this side (at least one).",
    },
}

# VS Code's JSON and YAML support show this instead of the bare regex.
ID_MESSAGE = "an id is lowercase kebab-case: a-z, 0-9 and '-', starting with a letter or digit, at most 64 characters"
DATE_MESSAGE = "write 1939, 1939-08, 1939-08-23 or a range 1936/1939"

_ID_AS_NUMBER = {"type": "integer", "minimum": 0}
_TEXT_AS_SCALAR = {"type": ["number", "boolean"]}
_REF = {"anyOf": [{"type": "string", "minLength": 1}, _ID_AS_NUMBER]}


def _loosen_scalars(schema: object) -> object:
    """Accept what an editor parses as a number where argmap reads text."""
    if isinstance(schema, list):
        return [_loosen_scalars(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    schema = {key: _loosen_scalars(value) for key, value in schema.items()}
    if "anyOf" in schema:
        # An optional text field is anyOf [text, null]: keep one flat list.
        schema["anyOf"] = [
            branch for option in schema["anyOf"]
            for branch in (option["anyOf"] if set(option) == {"anyOf"} else [option])
        ]
    if schema.get("type") != "string" or "enum" in schema or "const" in schema:
        return schema
    if schema.get("pattern") == ID_PATTERN:
        schema["patternErrorMessage"] = ID_MESSAGE
        extra = _ID_AS_NUMBER
    else:
        extra = _TEXT_AS_SCALAR
    annotations = {k: schema.pop(k) for k in ("title", "description", "default") if k in schema}
    return {**annotations, "anyOf": [schema, extra]}


def _add_help(defs: dict, root: dict) -> None:
    for model, fields in HELP.items():
        properties = (root if model == "CorpusFile" else defs[model])["properties"]
        for field, text in fields.items():
            properties[field]["description"] = text


def _add_model_checks(defs: dict) -> None:
    evidence = defs["Evidence"]
    evidence["properties"]["date"] = {
        "title": "Date",
        "anyOf": [
            {"type": "string", "pattern": DATE_PATTERN, "patternErrorMessage": DATE_MESSAGE},
            {"type": "integer", "minimum": 0, "maximum": 9999},
        ],
    }
    evidence["if"] = {"properties": {"kind": {"const": "quotation"}}, "required": ["kind"]}
    evidence["then"] = {"required": ["quote"], "properties": {"quote": {"not": {"type": "null"}}}}

    claim = defs["Claim"]["properties"]
    for relation in ("supports", "undermines"):
        claim[relation]["items"] = {"anyOf": [*_REF["anyOf"], {"$ref": "#/$defs/ClaimLink"}]}
        claim[relation]["uniqueItems"] = True

    school = defs["School"]["properties"]
    for relation in ("holds", "rejects"):
        school[relation]["items"] = _REF
        school[relation]["uniqueItems"] = True

    claim["sides"]["items"] = {"type": "string", "pattern": SIDE_PATTERN,
                               "patternErrorMessage": "a side is written <question-id>/<side-id>"}
    claim["sides"]["uniqueItems"] = True
    evidence["properties"]["links"]["uniqueItems"] = True
    defs["ClaimEvidenceLink"]["properties"]["claim"] = {**_REF, "title": "Claim"}
    defs["Note"]["properties"]["on"] = {**_REF, "title": "On"}

    defs["Side"]["properties"]["claims"]["items"] = _REF
    defs["Side"]["properties"]["claims"]["uniqueItems"] = True

    question = defs["Question"]["properties"]
    question["id"]["not"] = {"enum": list(RESERVED_QUESTION_IDS)}
    question["paper"].update({"minimum": 1, "maximum": 3})
    # Editors whose YAML support only knows draft 7 ignore prefixItems; an
    # "items" for every entry means the same here (exactly two) and both read it.
    pair = next(option for option in question["period"]["anyOf"] if option.get("type") == "array")
    pair["items"] = {"type": "integer"}


def corpus_schema() -> dict:
    """JSON Schema (draft 2020-12) that editors use to check corpus files.

    >>> schema = corpus_schema()
    >>> schema["$defs"]["EvidenceLink"]["properties"]["stance"]["enum"]
    ['supports', 'undermines']
    """
    generated = _loosen_scalars(CorpusFile.model_json_schema())
    defs = generated.pop("$defs")
    _add_model_checks(defs)
    _add_help(defs, generated)
    generated["description"] = (
        "One argmap corpus file: any of the lists evidence, claims, schools, questions, notes "
        "(docs/format.md). Generate with `argmap schema > argmap.schema.json`."
    )
    # An empty file is a valid corpus file; YAML reads it as null.
    generated["type"] = ["object", "null"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **generated,
        "$defs": defs,
    }
