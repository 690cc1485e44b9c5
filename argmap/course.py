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
    return any((folder / name).is_dir() for name in CORPUS_FOLDERS)


def course_corpus() -> Path:
    """The shipped course corpus folder."""
    package = Path(__file__).resolve().parent
    installed = package / "course"
    if holds_corpus(installed):
        return installed
    return package.parent


def default_corpus(cwd: Path | None = None) -> Path:
    """``./`` when it holds all three corpus folders, else the course corpus."""
    cwd = cwd or Path.cwd()
    if all((cwd / name).is_dir() for name in CORPUS_FOLDERS):
        return cwd
    return course_corpus()
