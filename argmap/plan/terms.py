"""What a plan can honestly say about a question's terms.

The command term's meaning is the IB's (paraphrased from the History
guide's glossary); the rest is derived from the question itself. Nothing
here adds history the corpus does not hold.
"""

from __future__ import annotations

import re

COMMAND_TERMS = {
    "to what extent": "consider the merits or otherwise of an argument or concept, and reach a "
    "clear judgement supported by evidence and sound argument.",
    "compare and contrast": "give an account of the similarities and differences between two (or more) "
    "items or situations, referring to both (all) of them throughout.",
    "evaluate": "make an appraisal by weighing up strengths and limitations.",
    "discuss": "offer a considered and balanced review that includes a range of arguments, factors or "
    "hypotheses; opinions or conclusions should be presented clearly and supported by evidence.",
    "examine": "consider an argument or concept in a way that uncovers its assumptions and "
    "interrelationships.",
    "analyse": "break down in order to bring out the essential elements or structure.",
    "assess": "weigh the arguments and evidence to reach a judgement on merit or importance.",
    "explain": "give a detailed account including reasons or causes.",
}

COMPARE = "compare and contrast"

_SIMILAR = re.compile(r"similar|alike|same|common|shared")
_DIFFERENT = re.compile(r"differ|contrast|unlike|distinct")


def side_heading(command_term: str, side_id: str, label: str, number: int) -> str:
    """How a plan heads a side: "Side 2" in an argument; in a comparison,
    "Similarities" or "Differences" when the side's id or label says which,
    else "Point of comparison 2".

    >>> side_heading("discuss", "agree", "It was genuine", 1)
    'Side 1'
    >>> side_heading("compare and contrast", "alike", "Both sought security", 1)
    'Similarities'
    >>> side_heading("compare and contrast", "b", "Their methods differed", 2)
    'Differences'
    """
    if command_term != COMPARE:
        return f"Side {number}"
    words = f"{side_id} {label}".lower()
    if _SIMILAR.search(words):
        return "Similarities"
    if _DIFFERENT.search(words):
        return "Differences"
    return f"Point of comparison {number}"
