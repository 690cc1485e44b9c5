"""Read one YAML file into plain values that remember where they came from.

Why not ``ruamel.yaml``'s round-trip loader: it needs over 20 s for a
10,000-node corpus. Its C parser (libyaml) is fast and its events carry line
and column marks, so we compose the document ourselves from those events.
Composing ourselves also lets us apply the YAML 1.2 core schema exactly as
docs/format.md wants it: only plain ``null``/``~``/empty scalars become None and
every other scalar stays text (``yes``, ``on``, ``1939`` are strings; pydantic
turns digit strings into integers where a field wants one).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Union

from ruamel.yaml.cyaml import CParser
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# Tags that mean what argmap does anyway (``!!str 1939``); any other tag
# (``!include``, ``!!python/object``) is named in a warning and ignored.
_CORE_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map"))
# A corpus nests six levels at most; these bounds stop a hostile or mangled
# file (deep brackets, aliases that multiply) from exhausting the stack or
# memory before it can be reported.
MAX_DEPTH = 100
MAX_VALUES = 1_000_000


@dataclass(eq=False, slots=True)
class Node:
    """A composed YAML node: a mapping, a sequence or a scalar, with its mark.

    ``line`` and ``column`` count from 1, as editors and docs/format.md do.
    Mapping values are keyed by their text; ``keys`` keeps each key's own
    node, so an unknown key can be reported where the key is written.
    """

    value: Union[dict[str, "Node"], list["Node"], str, None]
    line: int
    column: int
    keys: dict[str, "Node"] = field(default_factory=dict)

    @property
    def is_mapping(self) -> bool:
        return isinstance(self.value, dict)

    @property
    def is_sequence(self) -> bool:
        return isinstance(self.value, list)

    def plain(self) -> object:
        """The node as plain Python values (dict, list, str, None)."""
        if isinstance(self.value, dict):
            return {k: v.plain() for k, v in self.value.items()}
        if isinstance(self.value, list):
            return [v.plain() for v in self.value]
        return self.value


@dataclass(frozen=True)
class ReadProblem:
    """A fault that stops a file from being read, at its 1-based place."""

    line: int
    column: int
    message: str
    severity: str = "error"


@dataclass
class ReadResult:
    """What reading a file gave: its root node (None when empty or unreadable)
    and the problems found; non-fatal ones (a repeated key) still give a root."""

    root: Node | None
    problems: list[ReadProblem]
    # Ids of items swallowed by the item above (a missing "- " before
    # ``id``): written, so references to them are not "unknown" too.
    lost_ids: list[str] = field(default_factory=list)


def read_yaml(data: bytes) -> ReadResult:
    """Compose the single YAML document in ``data``.

    >>> r = read_yaml(b"id: 1939\\nok: yes\\n")
    >>> r.root.plain(), r.problems
    ({'id': '1939', 'ok': 'yes'}, [])
    """
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        return ReadResult(None, [ReadProblem(line, column, f"file is not UTF-8 (byte 0x{data[exc.start]:02x})")])
    if text.startswith("\ufeff"):
        text = text[1:]
    return _Composer(text).run()


def plain_words(text: str, line: int, column: int, reason: str) -> tuple[int, int, str]:
    """The parser's complaint about the most common slips, in the words of
    the fix: uneven indentation, tabs, a missing space after a colon. Line
    and column may move to where the slip is (the parser notices it later).
    Anything else is passed on as the parser said it."""
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    if "tab" in reason or (0 < column <= len(here) and here[column - 1] == "\t"):
        tab = here.find("\t")
        return line, (tab + 1 if tab >= 0 else column), "a tab character: YAML needs spaces here, not tabs; replace it with spaces"
    at = next((i for i in range(line - 2, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")), None)
    above = lines[at] if at is not None else None
    indentation = len(here) - len(here.lstrip(" "))
    if above is not None and reason in (
        "did not find expected '-' indicator", "did not find expected key",
        "mapping values are not allowed in this context", "expected <block end>, but found '-'",
        "expected <block end>, but found '<block sequence start>'",
    ):
        match = re.search(r"(?:^|[\s{,])([A-Za-z_][\w-]*:[^\s,}]+)", above.split(" #", 1)[0])
        if match and "://" not in match.group(1):
            return at + 1, match.start(1) + 1, f"write a space after the ':' in '{match.group(1)}'"
        width = len(above) - len(above.lstrip(" "))
        if indentation != width:
            return line, 1, (f"this line is indented {_spaces(indentation)} and the one above {width}: "
                             "indent this line like the one above (or like the item it belongs to)")
    return line, column, reason


def _spaces(n: int) -> str:
    return f"{n} space{'s' * (n != 1)}"


class _Composer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.parser = CParser(io.StringIO(text))
        self.anchors: dict[str, Node] = {}
        # Anchors whose node is still being composed: an alias to one of them
        # would make the node contain itself.
        self.open: set[str] = set()
        # Values that aliases add once expanded. Sizes and heights are worked
        # out only for nodes an alias names, so files without aliases pay
        # nothing for this guard.
        self.expanded = 0
        self.measured: dict[int, tuple[int, int]] = {}
        self.depth = 0
        self.problems: list[ReadProblem] = []
        self.lost_ids: list[str] = []

    def run(self) -> ReadResult:
        try:
            return self._run()
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            reason = exc.problem or exc.context or "invalid YAML"
            line, column, reason = plain_words(self.text, line, column, reason)
            return ReadResult(None, [ReadProblem(line, column, f"invalid YAML: {reason}")])
        except ReaderError as exc:
            # libyaml gives the bad character's offset in UTF-8 bytes.
            before = self.text.encode("utf-8")[: exc.position]
            line = before.count(b"\n") + 1
            column = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", errors="replace")) + 1
            what = f" (U+{exc.character:04X})" if isinstance(exc.character, int) else ""
            return ReadResult(None, [ReadProblem(line, column, f"invalid YAML: {exc.reason}{what}")])
        except YAMLError as exc:
            # Keep the report on one line, as every diagnostic is.
            return ReadResult(None, [ReadProblem(1, 1, f"invalid YAML: {' '.join(str(exc).split())}")])
        finally:
            self.parser.dispose()

    def _run(self) -> ReadResult:
        root: Node | None = None
        documents = 0
        while True:
            event = self.parser.get_event()
            if isinstance(event, StreamEndEvent):
                break
            if isinstance(event, DocumentStartEvent):
                documents += 1
                if documents == 2:
                    mark = event.start_mark
                    return ReadResult(None, [ReadProblem(mark.line + 1, mark.column + 1, "file holds more than one YAML document")])
                self.anchors.clear()
                root = self._compose(self.parser.get_event())
                self.parser.get_event()  # DocumentEndEvent
        return ReadResult(root, self.problems, self.lost_ids)

    def _compose(self, event: object) -> Node:
        mark = event.start_mark  # type: ignore[attr-defined]
        line, column = mark.line + 1, mark.column + 1
        tag = getattr(event, "tag", None)
        if tag and tag != "!" and tag not in _CORE_TAGS:
            shown = "!!" + tag[len("tag:yaml.org,2002:"):] if tag.startswith("tag:yaml.org,2002:") else tag
            self.problems.append(ReadProblem(
                line, column, f"YAML tag '{shown}' is not understood by argmap: ignored, the value is read as written",
                "warning"))
        if isinstance(event, AliasEvent):
            if event.anchor in self.open:
                raise MarkedYAMLError(problem=f"alias '*{event.anchor}' is inside the value it names",
                                      problem_mark=mark)
            target = self.anchors.get(event.anchor)
            if target is None:
                raise MarkedYAMLError(problem=f"unknown alias '*{event.anchor}'", problem_mark=mark)
            size, height = self._measure(target)
            self.expanded += size
            if self.expanded > MAX_VALUES:
                raise MarkedYAMLError(problem=f"aliases expand this file to more than {MAX_VALUES:,} values",
                                      problem_mark=mark)
            if self.depth + height > MAX_DEPTH:
                raise MarkedYAMLError(problem=f"values are nested more than {MAX_DEPTH} levels deep",
                                      problem_mark=mark)
            return target
        if isinstance(event, ScalarEvent):
            plain = event.style in (None, "") and (event.implicit is None or event.implicit[0])
            value = None if plain and event.value in _NULLS else event.value
            node = Node(value, line, column)
            if event.anchor:
                self.anchors[event.anchor] = node
            return node
        if not isinstance(event, (SequenceStartEvent, MappingStartEvent)):  # pragma: no cover
            raise MarkedYAMLError(problem="unexpected YAML event", problem_mark=mark)
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise MarkedYAMLError(problem=f"values are nested more than {MAX_DEPTH} levels deep", problem_mark=mark)
        anchor = getattr(event, "anchor", None)
        if anchor:
            self.open.add(anchor)
        if isinstance(event, SequenceStartEvent):
            node = Node([], line, column)
            items: list[Node] = node.value  # type: ignore[assignment]
            while not isinstance(nxt := self.parser.get_event(), SequenceEndEvent):
                items.append(self._compose(nxt))
        else:
            node = Node({}, line, column)
            self._fill_mapping(node)
        if anchor:
            self.open.discard(anchor)
            self.anchors[anchor] = node
        self.depth -= 1
        return node

    def _measure(self, node: Node) -> tuple[int, int]:
        """How many values ``node`` stands for with every alias in it expanded,
        and how deep they nest (remembered per node, so a shared sub-tree is
        walked once; the depth guard keeps this recursion shallow)."""
        known = self.measured.get(id(node))
        if known is None:
            value = node.value
            children = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
            size, height = 1, 0
            for child in children:
                child_size, child_height = self._measure(child)
                size += child_size
                height = max(height, child_height + 1)
            known = self.measured[id(node)] = (size, height)
        return known

    def _fill_mapping(self, node: Node) -> None:
        values: dict[str, Node] = node.value  # type: ignore[assignment]
        repeated: list[Node] = []  # keys written a second time, in order
        while not isinstance(nxt := self.parser.get_event(), MappingEndEvent):
            key = self._compose(nxt)
            value = self._compose(self.parser.get_event())
            if not isinstance(key.value, str):
                self.problems.append(ReadProblem(key.line, key.column, "a mapping key must be plain text"))
                continue
            if key.value in values:
                repeated.append(key)
                if key.value == "id" and isinstance(value.value, str):
                    self.lost_ids.append(value.value)
                continue
            values[key.value] = value
            node.keys[key.value] = key
        if any(key.value == "id" for key in repeated):
            # A second id: by far the likeliest cause is a missing "- " that
            # would have started a new item there. One report, at its start.
            start = repeated[0]
            self.problems.append(ReadProblem(
                start.line, start.column,
                f"a second '{start.value}' in one item (the first at line {node.keys[start.value].line}): "
                f"add '- ' before '{start.value}' to start a new item"))
            return
        for key in repeated:
            first = node.keys[key.value]  # type: ignore[index]
            self.problems.append(
                ReadProblem(key.line, key.column, f"key '{key.value}' is repeated in this mapping (first at line {first.line})")
            )
