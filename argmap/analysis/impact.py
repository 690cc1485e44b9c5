"""What would change the verdict: each evidence item's pull on the balance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

import networkx as nx

from argmap.analysis.balance import balance
from argmap.analysis.lens import lens
from argmap.analysis.subgraph import on_path


@dataclass(frozen=True)
class Impact:
    """How far each side's share moves when ``evidence`` is toggled.

    ``shift`` maps side node ids to the change in share (new minus current)
    if the item is set aside (or brought back, when it is aside now);
    ``size`` is the largest absolute change.
    """

    evidence: str
    accepted: bool
    shift: dict[str, float]

    @property
    def size(self) -> float:
        return max((abs(v) for v in self.shift.values()), default=0.0)


def impact(
    g: nx.DiGraph,
    question: str,
    accepted: Mapping[str, bool] | None = None,
    school: str | None = None,
) -> list[Impact]:
    """Every evidence item on the question's path, biggest impact first
    (ties by id), under the given lens and evidence choices."""
    accepted = dict(accepted or {})
    now = balance(g, question, accepted, school)
    items = [n for n in on_path(g, question) if g.nodes[n]["kind"] == "evidence"]
    if school is not None:
        kept = lens(g, school)
        items = [n for n in items if n in kept]
    result = []
    for ev in items:
        is_accepted = accepted.get(ev, True)
        toggled = {**accepted, ev: not is_accepted}
        after = balance(g, question, toggled, school)
        result.append(Impact(ev, is_accepted, {s: after[s] - now[s] for s in now}))
    return sorted(result, key=lambda i: (-i.size, i.evidence))
