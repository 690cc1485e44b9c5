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


def terminal_lines(text: str) -> str:
    """Like ``terminal_text`` for a multi-line result (a plan, an export on
    stdout): its own line breaks and tabs stay, every other control or
    format character is written out visibly."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c in "\n\t" else c.encode("unicode_escape").decode("ascii")
                   for c in text)


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """The closest of ``choices`` to a mistyped ``word``, quoted, or None.

    difflib's ratio copes with the typos authors make (swapped, dropped or
    doubled letters) without pulling in an edit-distance dependency. For
    many look-ups in one large pool, build a ``Suggestions`` once instead.
    """
    return Suggestions(choices)(word)


class Suggestions:
    """``did_you_mean`` over one pool of choices, asked many times.

    difflib compares a word with every choice, which is fine for a few
    thousand keys or ids but quadratic for 200 typos among 20,000 evidence
    ids. Past ``EXHAUSTIVE`` choices a cheap prefilter comes first: the
    choices sharing the most character trigrams with the word (counted from
    an index built once, at C speed by ``Counter``) are the only ones difflib
    scores. A typo changes a few trigrams and keeps the rest, so the id it
    was meant to be is among them.
    """

    EXHAUSTIVE = 1000
    SHORTLIST = 40

    def __init__(self, choices: Iterable[str]) -> None:
        self.pool = sorted(set(choices))
        self.lowered: dict[str, str] | None = None
        self.index: dict[str, list[str]] | None = None
        if len(self.pool) > self.EXHAUSTIVE:
            index: dict[str, list[str]] = {}
            for choice in self.pool:
                for gram in _trigrams(choice.lower()):
                    index.setdefault(gram, []).append(choice)
            self.index = index

    def __call__(self, word: str) -> str | None:
        match = self._closest(word, self._candidates(word))
        if match is None:
            if self.lowered is None:
                self.lowered = {c.lower(): c for c in self.pool}
            found = self._closest(word.lower(), self._candidates(word.lower(), self.lowered))
            match = self.lowered[found] if found is not None else None
        return f"'{match}'" if match is not None else None

    def _candidates(self, word: str, lowered: dict[str, str] | None = None) -> list[str]:
        if self.index is None:
            return list(lowered) if lowered is not None else self.pool
        from collections import Counter
        from itertools import chain

        counts = Counter(chain.from_iterable(self.index.get(g, ()) for g in _trigrams(word.lower())))
        shortlist = [choice for choice, _ in counts.most_common(self.SHORTLIST)]
        return [c.lower() for c in shortlist] if lowered is not None else shortlist

    @staticmethod
    def _closest(word: str, candidates: list[str]) -> str | None:
        matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
        return matches[0] if matches else None


def _trigrams(text: str) -> set[str]:
    padded = f"  {text} "
    return {padded[i:i + 3] for i in range(len(padded) - 2)}
