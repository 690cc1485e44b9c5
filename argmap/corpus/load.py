"""Load a corpus folder into models, collecting every problem on the way.

Reading goes file by file and item by item, so one broken item costs only
itself: the rest of the corpus is still checked in the same run. The ids of
items that could not be read are remembered, so references to them are not
reported a second time as dangling (docs/format.md: a fault is reported once).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Sequence

from pydantic import BaseModel, ValidationError

from argmap.corpus.errors import CorpusError, Suggestions, did_you_mean
from argmap.corpus.models import ITEM_MODELS, Claim, Evidence, Note, Question, School, WeightChange
from argmap.corpus.walk import CorpusFileRef, corpus_files, holds_corpus, read_file
from argmap.corpus.yamlfile import Node, read_yaml

KIND_OF_LIST = {"evidence": "evidence", "claims": "claim", "schools": "school", "questions": "question",
                "notes": "note", "weights": "weight change"}
TOP_LEVEL_KEYS = ", ".join(ITEM_MODELS)
# The kind recorded for ids written in a part of a file that could not be read
# at all: the id may have named anything, so any reference to it is let be.
UNREAD = "unread"
# Finds ``id: x`` in text YAML could not parse; a rough net is enough, since
# it only keeps quiet about references while the file itself is reported.
_WRITTEN_ID = re.compile(r"""(?:^|[\s{,-])id\s*:\s*['"]?([^\s,{}\[\]'"#]+)""", re.MULTILINE)


@dataclass(frozen=True)
class Source:
    """Where an item was written: its file (relative to the corpus) and node."""

    path: str
    node: Node

    def node_at(self, *steps: str | int) -> Node:
        """The node reached by ``steps`` inside the item, or the deepest part
        of that path that exists."""
        node = self.node
        for step in steps:
            value = node.value
            if isinstance(value, dict) and isinstance(step, str) and step in value:
                node = value[step]
            elif isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value):
                node = value[step]
            else:
                break
        return node

    def at(self, *steps: str | int) -> tuple[int, int]:
        """Line and column of ``node_at(*steps)``."""
        node = self.node_at(*steps)
        return node.line, node.column


@dataclass
class Corpus:
    """Every readable item, in file and then written order, with its source.

    ``broken`` holds the ids (and kinds) of items that were written but could
    not be read, or were defined twice, so that later checks can stay quiet
    about them; an id found in an unreadable part of a file has kind
    ``UNREAD``.
    """

    root: Path
    evidence: dict[str, Evidence] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    schools: dict[str, School] = field(default_factory=dict)
    questions: dict[str, Question] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    broken: dict[str, str] = field(default_factory=dict)
    # Notes have no id of their own: each is kept with where it was written.
    notes: list[tuple[Note, Source]] = field(default_factory=list)
    # A reader's own weights for links written elsewhere, likewise.
    weights: list[tuple[WeightChange, Source]] = field(default_factory=list)
    _suggestions: dict[str, Suggestions] = field(default_factory=dict, repr=False)

    def suggest(self, word: str, kind: str) -> str | None:
        """"Did you mean" among the ids of ``kind`` (``evidence``, ``claim``),
        with the look-up index built once per kind and kept."""
        if kind not in self._suggestions:
            self._suggestions[kind] = Suggestions({"evidence": self.evidence, "claim": self.claims}[kind])
        return self._suggestions[kind](word)

    def linked_evidence(self) -> dict[str, list[tuple[str, str, str, str | None]]]:
        """Every evidence link by claim id, as ``(evidence, stance, weight,
        reading)``: first those a claim lists, then those written under
        evidence items (``links``), in corpus order. One link written in both
        places (an error) counts once."""
        found: dict[str, list[tuple[str, str, str, str | None]]] = {c: [] for c in self.claims}
        pairs: set[tuple[str, str]] = set()
        for claim in self.claims.values():
            for link in claim.evidence:
                if (link.ref, claim.id) not in pairs:
                    pairs.add((link.ref, claim.id))
                    found[claim.id].append((link.ref, link.stance, link.weight, link.reading))
        for evidence in self.evidence.values():
            for link in evidence.links:
                if link.claim in found and (evidence.id, link.claim) not in pairs:
                    pairs.add((evidence.id, link.claim))
                    found[link.claim].append((evidence.id, link.stance, link.weight, link.reading))
        return found

    def sides_named(self) -> dict[str, list[str]]:
        """Side node id -> the claims whose ``sides`` name it, in corpus order."""
        named: dict[str, list[str]] = {}
        for claim in self.claims.values():
            for node in dict.fromkeys(claim.sides):
                named.setdefault(node, []).append(claim.id)
        return named

    def side_claims(self, question: Question, named: dict[str, list[str]] | None = None) -> list[list[str]]:
        """The claims on each side of ``question``: those the side lists, then
        those whose ``sides`` name it (``named``: ``sides_named()``, passed in
        when asked for many questions), each once."""
        named = self.sides_named() if named is None else named
        result = []
        for side in question.sides:
            claims = list(dict.fromkeys(side.claims))
            claims += [c for c in named.get(f"{question.id}/{side.id}", ()) if c not in claims]
            result.append(claims)
        return result

    def kind_of(self, item_id: str) -> str | None:
        """``evidence``, ``claim``, ``school`` or ``question`` for a defined id."""
        for kind, items in (
            ("evidence", self.evidence),
            ("claim", self.claims),
            ("school", self.schools),
            ("question", self.questions),
        ):
            if item_id in items:
                return kind
        return self.broken.get(item_id)


@dataclass
class LoadResult:
    corpus: Corpus
    diagnostics: list[CorpusError]

    @property
    def errors(self) -> list[CorpusError]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[CorpusError]:
        return [d for d in self.diagnostics if not d.is_error]


def load_corpus(root: Path | str, added: Sequence[Path | str] = ()) -> LoadResult:
    """Read, check and return the corpus in ``root``, with the files in
    ``added`` merged in as if they were in it (diagnostics name each by the
    path given).

    Never raises for anything a corpus or the file system can do: every
    problem comes back in ``diagnostics``. The graph should only be built
    when there are no errors.
    """
    from argmap.corpus.validate import validate

    root = Path(root)
    corpus = Corpus(root=root)
    diagnostics: list[CorpusError] = []
    if not holds_corpus(root):
        # A corpus folder that moved away must not read as an empty corpus.
        diagnostics.append(CorpusError(str(root), 1, 1, "error",
                                       "the corpus folder is gone or holds none of schools/, exam_questions/, evidence/"))
    files = corpus_files(root, diagnostics)
    inside = {_identity(ref.path) for ref in files} - {None}
    files += [CorpusFileRef(Path(path), str(path)) for path in added if _identity(Path(path)) not in inside]
    for ref in files:
        data = read_file(ref, diagnostics)
        if data is not None:
            _load_file(corpus, ref.name, data, diagnostics)
    diagnostics.extend(validate(corpus))
    return LoadResult(corpus, sorted(set(diagnostics)))


def _identity(path: Path) -> tuple[int, int] | None:
    """Device and inode: the same file reached by two names is read once."""
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _load_file(corpus: Corpus, rel: str, data: bytes, out: list[CorpusError]) -> None:
    result = read_yaml(data)
    for p in result.problems:
        out.append(CorpusError(rel, p.line, p.column, p.severity, p.message))
    root = result.root
    # Items lost in a mangled list (a missing "- "): their ids were written,
    # so references to them are not reported a second time.
    _remember_unread(corpus, result.lost_ids)
    if root is None and result.problems:
        _remember_unread(corpus, _WRITTEN_ID.findall(data.decode("utf-8", errors="replace")))
    if root is None or root.value is None:
        return
    if not root.is_mapping:
        out.append(
            CorpusError(rel, root.line, root.column, "error",
                        f"the top level must be a mapping with any of: {TOP_LEVEL_KEYS}")
        )
        _remember_unread(corpus, _ids_in(root))
        return
    for key, value in root.value.items():  # type: ignore[union-attr]
        key_node = root.keys[key]
        if key not in ITEM_MODELS:
            out.append(CorpusError(rel, key_node.line, key_node.column, "error",
                                   f"unknown top-level key '{key}'", did_you_mean(key, ITEM_MODELS)))
            _remember_unread(corpus, _ids_in(value))
            continue
        if value.value is None:
            continue
        if not value.is_sequence:
            out.append(CorpusError(rel, value.line, value.column, "error", f"'{key}' must be a list of mappings"))
            _remember_unread(corpus, _ids_in(value))
            continue
        for item in value.value:  # type: ignore[union-attr]
            _load_item(corpus, rel, key, item, out)


def kebab(value: str) -> str:
    """``Blank_Cheque`` -> ``blank-cheque``: the id an author most likely meant."""
    return "-".join("".join(c if c.isalnum() else " " for c in value.lower()).split())


def _remember_unread(corpus: Corpus, ids: list[str]) -> None:
    for item_id in ids:
        corpus.broken.setdefault(item_id, UNREAD)


def _ids_in(node: Node) -> list[str]:
    """Every text ``id`` value in the mappings under ``node``."""
    found: list[str] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current.value, dict):
            written = current.value.get("id")
            if written is not None and isinstance(written.value, str):
                found.append(written.value)
            stack.extend(current.value.values())
        elif isinstance(current.value, list):
            stack.extend(current.value)
    return found


def _load_item(corpus: Corpus, rel: str, key: str, node: Node, out: list[CorpusError]) -> None:
    kind = KIND_OF_LIST[key]
    if not node.is_mapping:
        out.append(CorpusError(rel, node.line, node.column, "error", f"each entry of '{key}' must be a mapping"))
        return
    source = Source(rel, node)
    model = ITEM_MODELS[key]
    if kind in ("note", "weight change"):
        try:
            kept = corpus.notes if kind == "note" else corpus.weights
            kept.append((model.model_validate(node.plain()), source))  # type: ignore[arg-type]
        except ValidationError as exc:
            out.extend(_translate(err, source, model, kind, None) for err in _without_echoes(exc.errors(), model))
        return
    raw_id = node.value.get("id")  # type: ignore[union-attr]
    item_id = raw_id.value if raw_id is not None and isinstance(raw_id.value, str) else None
    try:
        item = model.model_validate(node.plain())
    except ValidationError as exc:
        out.extend(_translate(err, source, model, kind, item_id) for err in _without_echoes(exc.errors(), model))
        if item_id is not None:
            corpus.broken.setdefault(item_id, kind)
            corpus.sources.setdefault(item_id, source)
            # A bad id's error suggests its kebab-case form; references that
            # already use that form mean this item: one fault, one report.
            corpus.broken.setdefault(kebab(item_id), kind)
        return
    items = {"evidence": corpus.evidence, "claim": corpus.claims,
             "school": corpus.schools, "question": corpus.questions}[kind]
    if item.id in corpus.sources:
        first = corpus.sources[item.id]
        line, column = source.at("id")
        first_line, _ = first.at("id")
        out.append(CorpusError(rel, line, column, "error",
                               f"duplicate id '{item.id}': also defined at {first.path}:{first_line}"))
        f_line, f_col = first.at("id")
        out.append(CorpusError(first.path, f_line, f_col, "error",
                               f"duplicate id '{item.id}': also defined at {rel}:{line}"))
        # References may have meant this one: the duplicate is the one fault.
        corpus.broken.setdefault(item.id, kind)
        return
    items[item.id] = item  # type: ignore[index]
    corpus.sources[item.id] = source


def _without_echoes(errors: list[dict], model: type[BaseModel]) -> list[dict]:
    """Drop "missing field X" when the same mapping has a key that is a typo
    of X: the "unknown key ... did you mean X" error already says it all."""
    typos = set()
    for err in errors:
        if err["type"] == "extra_forbidden":
            parent = _model_at(model, tuple(err["loc"][:-1]))
            guess = did_you_mean(str(err["loc"][-1]), parent.model_fields) if parent else None
            if guess:
                typos.add((*err["loc"][:-1], guess.strip("'")))
    return [e for e in errors if not (e["type"] == "missing" and tuple(e["loc"]) in typos)]


# Words authors use for a weight, and the weight each most likely means.
_WEIGHT_WORDS = {
    **dict.fromkeys(("high", "heavy", "big", "major", "very strong", "strongly", "great", "large", "3"), "strong"),
    **dict.fromkeys(("medium", "mid", "middle", "average", "normal", "some", "fair", "moderately", "2"), "moderate"),
    **dict.fromkeys(("low", "light", "minor", "small", "slight", "little", "weakly", "1"), "weak"),
}

_FIELD_WORDS = {
    "stance": "stance",
    "weight": "weight",
    "kind": "evidence kind",
    "command_term": "command term",
}


def _translate(err: dict, source: Source, model: type[BaseModel], kind: str, item_id: str | None) -> CorpusError:
    """Turn one pydantic error into a located, plain-words CorpusError."""
    loc = tuple(err["loc"])
    item = what = f"{kind} '{item_id}'" if item_id else kind
    inner = _readable_path(loc[:-1])
    if inner:
        what = f"{inner} of {what}"
    name = next((str(s) for s in reversed(loc) if isinstance(s, str)), "value")
    etype = err["type"]
    value = err.get("input")
    hint = None
    if etype == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        line, column = _key_position(source, loc)
        hint = did_you_mean(name, parent.model_fields) if parent else None
        return CorpusError(source.path, line, column, "error", f"unknown key '{name}' in {what}", hint)
    line, column = source.at(*loc)
    if loc[:1] == ("period",) and etype != "value_error":
        # A period is one [start, end] pair: name the pair, not its parts.
        bad = f", not '{value}'" if isinstance(value, str) else ""
        return CorpusError(source.path, line, column, "error",
                           f"period of {item} must be [start_year, end_year], two whole years{bad}")
    if etype == "missing":
        message = f"{what} is missing the required field '{name}'"
    elif etype == "literal_error":
        allowed = [a.strip(" '") for a in err["ctx"]["expected"].replace(" or ", ", ").split(",")]
        word = _FIELD_WORDS.get(name, name)
        message = f"bad {word} '{value}': must be one of {', '.join(allowed)}"
        hint = did_you_mean(str(value), allowed)
        if hint is None and name == "weight":
            meant = _WEIGHT_WORDS.get(str(value).strip().lower())
            hint = f"'{meant}'" if meant else None
    elif etype == "string_too_long":
        message = f"{name} of {what} is {len(value)} characters long; at most {err['ctx']['max_length']} are allowed"
    elif etype == "string_pattern_mismatch":
        message = f"bad id '{value}': ids are lowercase kebab-case (a-z, 0-9, '-'), starting with a letter or digit"
        lowered = kebab(str(value))
        hint = f"'{lowered}'" if lowered and lowered != value else None
    elif etype == "string_too_short":
        message = f"{name} of {what} is empty"
    elif etype == "too_short" and name == "sides":
        message = f"{what} has fewer than two sides"
    elif etype == "too_short" and name == "claims":
        side = _side_id(source, loc)
        message = f"side {side}of {item} is empty: list at least one claim"
    elif etype in ("int_parsing", "int_type", "int_from_float"):
        message = f"{name} of {what} must be a whole number, not '{value}'"
    elif etype in ("string_type",):
        message = f"{name} of {what} must be text, not {_shape(value)}"
    elif etype in ("list_type", "tuple_type"):
        message = f"{name} of {what} must be a list, not {_shape(value)}"
    elif etype in ("model_type", "model_attributes_type", "dict_type"):
        message = f"{name} entry of {what} must be a mapping, not {_shape(value)}"
        if name in ("supports", "undermines"):
            message = f"{name} entry of {what} must be a claim id or a {{ref, weight}} mapping"
    elif etype == "value_error":
        message = str(err["ctx"]["error"])
        if kind == "evidence" and name == "date":
            message += f" in {what}"
    else:
        message = f"{name} of {what}: {err['msg']}"
    return CorpusError(source.path, line, column, "error", message, hint)


def _readable_path(loc: tuple) -> str:
    """``('historians', 0, 'works', 1)`` -> ``historians[1].works[2]`` (1-based,
    as an author counts entries)."""
    text = ""
    for step in loc:
        text += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if text else step)
    return text


def _side_id(source: Source, loc: tuple) -> str:
    side_node = source.node_at("sides", loc[1])
    found = source.node_at("sides", loc[1], "id")
    side = found.value if found is not side_node else None
    return f"'{side}' " if isinstance(side, str) else f"{loc[1] + 1} "


def _shape(value: object) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"'{value}'"


def _key_position(source: Source, loc: tuple) -> tuple[int, int]:
    """Where the key ``loc[-1]`` is written, inside the mapping at ``loc[:-1]``."""
    node = source.node_at(*loc[:-1])
    key = node.keys.get(loc[-1]) if node.is_mapping else None
    return (key.line, key.column) if key else (node.line, node.column)


def _model_at(model: type[BaseModel], loc: tuple) -> type[BaseModel] | None:
    """The nested model a pydantic location points into, for key suggestions."""
    from typing import get_args

    current: object = model
    for step in loc:
        if isinstance(step, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        info = current.model_fields.get(step)
        if info is None:
            return None
        current = _inner_model(info.annotation, get_args)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def _inner_model(annotation: object, get_args) -> object:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg, get_args)
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found
    return annotation
