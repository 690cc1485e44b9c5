"""Where the course corpus that ships with argmap lives.

A wheel carries it inside the package (``argmap/course``, see pyproject's
force-include); a source checkout or editable install finds the top-level
folders of the repository instead.
"""

from __future__ import annotations

from pathlib import Path

from argmap.corpus import CORPUS_FOLDERS


def holds_corpus(folder: Path) -> bool:
    """True when ``folder`` has at least one of the three corpus folders."""
    try:
        return any((folder / name).is_dir() for name in CORPUS_FOLDERS)
    except OSError:  # a folder that cannot be looked into holds nothing we can read
        return False


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
