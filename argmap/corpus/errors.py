"""Problems found in a corpus, as values.

A corpus author fixes many problems per run, so nothing here raises: each
problem is a ``CorpusError`` with a location, collected and reported together
in the ``path:line:column: severity: message`` form docs/format.md fixes.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class CorpusError:
    """One problem at one place in a corpus file.

    ``path`` is relative to the corpus folder, with forward slashes; ``line``
    and ``column`` count from 1. ``hint`` is a "did you mean" suggestion, kept
    apart from the message so tools can show it differently.
    """

    path: str
    line: int
    column: int
    severity: Severity
    message: str
    hint: str | None = None

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: {self.severity}: {self.message}"
        if self.hint:
            text += f" (did you mean {self.hint}?)"
        # A key or value quoted in the message may hold a line break or other
        # control character; escaped, each diagnostic stays one line.
        return terminal_text(text)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def terminal_text(text: str) -> str:
    """``text`` with every control or format character (newline, tab, ESC,
    BEL, C1 codes, bidi overrides) written out visibly as ``\\n``, ``\\x1b``,
    ``\\u202e``: corpus text shown on a terminal can neither forge a line nor
    send it commands.

    >>> terminal_text("a\\tb\\x1b[31m")
    'a\\\\tb\\\\x1b[31m'
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to a mistyped ``word``, quoted, or None.

    difflib's ratio copes with the typos authors make (swapped, dropped or
    doubled letters) without pulling in an edit-distance dependency.
    """
    pool = sorted(set(choices))
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    if not matches:
        lowered = {c.lower(): c for c in pool}
        matches = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
        matches = [lowered[m] for m in matches]
    return f"'{matches[0]}'" if matches else None
