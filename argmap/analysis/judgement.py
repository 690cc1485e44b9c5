"""Words and figures for a balance, shared by plans and pages.

Thresholds (a side's share of the question's total score):

- 0.60 or more: "to a large extent"
- 0.40 up to 0.60: "to some extent"
- below 0.40: "only to a limited extent"

With two sides an even debate (50%) reads "to some extent" for both.
"""

from __future__ import annotations

import math

LARGE = 0.60
SOME = 0.40


def extent_words(share: float) -> str:
    """The judgement phrase for a side's share.

    >>> extent_words(0.6), extent_words(0.5), extent_words(0.39)
    ('to a large extent', 'to some extent', 'only to a limited extent')
    """
    if share >= LARGE:
        return "to a large extent"
    if share >= SOME:
        return "to some extent"
    return "only to a limited extent"


def percent(share: float) -> int:
    """A share as a whole percentage, halves rounded up.

    Python's ``round`` rounds halves to even and JavaScript's ``toFixed``
    does not, so both sides use floor(x * 100 + 0.5) instead.

    >>> percent(0.125), percent(0.625), percent(1/3)
    (13, 63, 33)
    """
    return math.floor(share * 100 + 0.5)
