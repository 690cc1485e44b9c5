"""A ``PlanView`` as a Word document a student can write straight into.

Headings are Word's own Title and Heading styles and every bullet is a
"List Bullet" paragraph, so the navigation pane shows the plan's outline and
a student's new bullets keep the style. python-docx builds the document;
``argmap.files.write_file`` writes it, all at once or not at all.
"""

from __future__ import annotations

import io

from docx import Document

from argmap.plan.words import PlanView, Ref


def _reference(paragraph, ref: Ref) -> None:
    paragraph.add_run(f"{ref.author}, ")
    paragraph.add_run(ref.title).italic = True
    if ref.year is not None:
        paragraph.add_run(f" ({ref.year})")


def _bullet(doc, label: str, text: str | None = None, ref: Ref | None = None) -> None:
    paragraph = doc.add_paragraph(style="List Bullet")
    paragraph.add_run(label).bold = True
    paragraph.add_run(": ")
    if ref is not None:
        _reference(paragraph, ref)
    else:
        paragraph.add_run(text)


def document(view: PlanView, detail: bool = False) -> bytes:
    """The plan as the bytes of a .docx file."""
    doc = Document()
    doc.core_properties.title = view.title
    doc.add_heading(view.title, level=0)
    doc.add_paragraph(view.header)
    doc.add_heading("Thesis", level=1)
    doc.add_paragraph(view.thesis)
    for number, p in enumerate(view.paragraphs, start=1):
        doc.add_heading(f"Paragraph {number}: {p.heading}", level=1)
        _bullet(doc, "Point", p.point)
        for line in p.evidence:
            _bullet(doc, "Evidence", line)
        _bullet(doc, "Historian", p.historian_note, p.historian)
        _bullet(doc, "Counter", p.counter)
    doc.add_heading("Conclusion", level=1)
    doc.add_paragraph(view.conclusion)
    doc.add_heading("References", level=1)
    for ref in view.references:
        _reference(doc.add_paragraph(style="List Bullet"), ref)
    if not view.references:
        doc.add_paragraph("No historian's work is cited: find one for each paragraph.")
    if detail:
        doc.add_heading("Detail", level=1)
        for line in view.detail:
            doc.add_paragraph(line, style="List Bullet")
        doc.add_heading("Each school's answer", level=2)
        header, *rows = view.table
        table = doc.add_table(rows=1 + len(rows), cols=len(header))
        table.style = "Table Grid"
        for r, row in enumerate([header, *rows]):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()

