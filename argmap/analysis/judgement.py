"""Words and figures for a balance, shared by plans and pages.

Thresholds, applied to the whole percentage a reader is shown (``percent``),
never to the raw share, so "60%" always reads "to a large extent" even when
the share is 0.598:

- 60% or more: "to a large extent"
- 40% up to 59%: "to some extent"
- below 40%: "only to a limited extent"

With two sides an even debate (50%) reads "to some extent" for both. The
page's ``extentWords`` (``argmap/render/static/weigh.js``) is the same rule.
"""

from __future__ import annotations

import math

LARGE = 60
SOME = 40


def extent_words(share: float) -> str:
    """The judgement phrase for a side's share, by the percentage shown.

    >>> extent_words(0.6), extent_words(0.598), extent_words(0.5), extent_words(0.394)
    ('to a large extent', 'to a large extent', 'to some extent', 'only to a limited extent')
    """
    shown = percent(share)
    if shown >= LARGE:
        return "to a large extent"
    if shown >= SOME:
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
