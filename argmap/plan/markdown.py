"""A ``PlanView`` laid out as Markdown (mirrored line for line in plan.js).

Corpus text is escaped: every character that could start Markdown markup
(emphasis, links, images, code, raw HTML, entities, tables) is
backslash-escaped, so a plan opened in any previewer shows the corpus's
words as words and runs nothing.
"""

from __future__ import annotations

import re

from argmap.plan.words import PlanView, Ref

_SPECIAL = re.compile(r"([\\`*_\[\]<>!|~&#])")
REFERENCES = "## References"


def escape(text: str) -> str:
    r"""Text as literal Markdown.

    >>> escape("<img src=x> [a](b) *c*")
    '\\<img src=x\\> \\[a\\](b) \\*c\\*'
    """
    return _SPECIAL.sub(r"\\\1", text)


def reference(ref: Ref) -> str:
    year = f" ({ref.year})" if ref.year is not None else ""
    return f"{escape(ref.author)}, *{escape(ref.title)}*{year}"


def markdown(view: PlanView, detail: bool = False) -> str:
    """The plan as one Markdown document ending in a newline; with
    ``detail``, the figures follow the references."""
    out = [f"# {escape(view.title)}", "", escape(view.header), "", "## Thesis", "", escape(view.thesis)]
    for number, p in enumerate(view.paragraphs, start=1):
        out += ["", f"## Paragraph {number}: {escape(p.heading)}", "", f"- **Point**: {escape(p.point)}"]
        out += [f"- **Evidence**: {escape(line)}" for line in p.evidence]
        who = reference(p.historian) if p.historian else escape(p.historian_note)
        out += [f"- **Historian**: {who}", f"- **Counter**: {escape(p.counter)}"]
    out += ["", "## Conclusion", "", escape(view.conclusion), "", REFERENCES, ""]
    out += [f"- {reference(r)}" for r in view.references] or ["No historian's work is cited: find one for each paragraph."]
    if detail:
        out += ["", "## Detail", ""]
        out += [f"- {escape(line)}" for line in view.detail]
        out += ["", "### Each school's answer", ""]
        header, *rows = view.table
        out += ["| " + " | ".join(escape(t) for t in header) + " |", "|" + "---|" * len(header)]
        out += ["| " + " | ".join(escape(t) for t in row) + " |" for row in rows]
    return "\n".join(out) + "\n"


def words_before_references(text: str) -> int:
    """Words (runs of non-space) before ``## References``: every token the
    student sees counts, markup included, so no reader counts more."""
    return len(text.split(REFERENCES, 1)[0].split())
