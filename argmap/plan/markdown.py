"""A ``PlanView`` laid out as Markdown (mirrored line for line in plan.js)."""

from __future__ import annotations

from argmap.plan.words import ClaimView, PlanView


def cell(text: str) -> str:
    """A table cell: a bare ``|`` would end the cell early."""
    return text.replace("|", "\\|")


def markdown(view: PlanView) -> str:
    """The plan as one Markdown document ending in a newline.

    Every ``<`` is backslash-escaped: Markdown passes raw HTML through, and a
    plan opened in a previewer must not run markup that came from a corpus.
    """
    out = [f"# {view.title}", ""]
    out += [f"- **{label}**: {text}" for label, text in view.facts]
    out += ["", "## Key terms", ""]
    out += [f"- **{term}**: {text}" for term, text in view.key_terms]
    out += ["", "## Judgement", "", view.judgement, ""]
    out += [f"- {line}" for line in view.balance]
    for side in view.sides:
        out += ["", f"## {side.heading}", "", side.summary]
        for claim in side.claims:
            out += _claim(claim)
    if view.others:
        out += ["", "## Other claims in the argument", "",
                "These claims feed the claims above without standing on a side themselves."]
        for claim in view.others:
            out += _claim(claim)
    out += ["", "## What would change the verdict", ""]
    if view.impacts:
        out += ["Evidence ranked by how far setting it aside (or bringing it back) moves the balance.", ""]
        out += [f"{i}. {line}" for i, line in enumerate(view.impacts, start=1)]
    else:
        out += ["No evidence is weighed under this lens."]
    out += ["", "## Each school's answer", ""]
    header, *rows = view.table
    out += ["| " + " | ".join(cell(t) for t in header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(cell(t) for t in row) + " |" for row in rows]
    out += ["", "## Schools and historians", ""]
    for school in view.schools:
        out += [f"- **{school.name}**: {school.summary}"]
        out += [f"  - {h}" for h in school.historians]
    if not view.schools:
        out += ["No school argues this question."]
    out += ["", "## Teacher's warnings", ""]
    out += [f"- {w}" for w in view.warnings] or ["- None."]
    return "\n".join(out).replace("<", "\\<") + "\n"


def _claim(claim: ClaimView) -> list[str]:
    lines = ["", f"### {claim.heading}", "", claim.text, "", f"- {claim.strength}"]
    if claim.evidence:
        lines.append("- Evidence:")
        for ev in claim.evidence:
            lines.append(f"  - {ev.head}")
            if ev.shows:
                lines.append(f"    - Shows: {ev.shows}")
            lines.append(f"    - Source: {ev.source}")
    else:
        lines.append("- Evidence: none of its own")
    lines += [f"- {label}: {text}" for label, text in claim.facts]
    return lines
