"""Analysis: plain functions of the argument graph (docs/format.md, Strength).

Nothing here reads YAML or writes HTML; graphs go in, numbers come out.
"""

from argmap.analysis.balance import Weighing, balance, side_scores, takes_position, weigh
from argmap.analysis.impact import Impact, impact
from argmap.analysis.judgement import extent_words, percent
from argmap.analysis.lens import lens
from argmap.analysis.stances import side_stances
from argmap.analysis.strength import strengths
from argmap.analysis.subgraph import question_subgraph, questions

__all__ = [
    "Impact", "Weighing", "balance", "extent_words", "impact", "lens", "percent", "question_subgraph",
    "questions", "side_scores", "side_stances", "strengths", "takes_position", "weigh",
]
