"""What a map page needs to write the essay plan itself.

The page already carries the argument (``argmap.render.data``); this adds
the plan's fixed words (``QuestionWords``) so that ``plan.js`` holds no
wording of its own beyond the sentences that follow the lens and the
evidence choices. The shape is ``QuestionWords`` as JSON: tuples become
lists, field names stay as they are.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import networkx as nx

from argmap.plan.words import question_words


def page_data(g: nx.DiGraph, question: str) -> dict[str, Any]:
    """The fixed words of ``question``'s plan, ready for ``json.dumps``."""
    return asdict(question_words(g, question))
