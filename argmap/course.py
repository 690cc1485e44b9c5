"""Where the course corpus that ships with argmap lives.

A wheel carries it inside the package (``argmap/course``, see pyproject's
force-include); a source checkout or editable install finds the top-level
folders of the repository instead.
"""

from __future__ import annotations

from pathlib import Path

from argmap.corpus.walk import holds_corpus


def course_corpus() -> Path:
    """The shipped course corpus folder."""
    package = Path(__file__).resolve().parent
    installed = package / "course"
    if holds_corpus(installed):
        return installed
    return package.parent


def find_corpus(cwd: Path | None = None) -> Path | None:
    """The nearest folder, from ``cwd`` up through its parents, that holds
    any of the three corpus folders; None when there is none.

    Upward, as git finds its repository: a teacher working inside
    ``mycorpus/evidence/`` means ``mycorpus``, not the course corpus.
    """
    try:
        here = (cwd or Path.cwd()).absolute()
    except OSError:  # the current folder was removed
        return None
    for folder in (here, *here.parents):
        if holds_corpus(folder):
            return folder
    return None
