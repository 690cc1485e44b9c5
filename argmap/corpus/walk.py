"""Finding and reading a corpus's files, saying so whenever the file system
gets in the way.

Nothing a folder holds is skipped without a word: a folder that cannot be
read is an error (the corpus is incomplete, so "unknown id" errors would
follow from it), a file argmap does not read is a warning naming it. Links
to folders are followed (a teacher may link a shared folder in), except one
that leads back into a folder already read, which would loop.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from argmap.corpus.errors import CorpusError

CORPUS_FOLDERS = ("schools", "exam_questions", "evidence")
SUFFIXES = (".yaml", ".yml")


def holds_corpus(folder: Path) -> bool:
    """True when ``folder`` has at least one of the three corpus folders."""
    try:
        return any((folder / name).is_dir() for name in CORPUS_FOLDERS)
    except OSError:  # a folder that cannot be looked into holds nothing we can read
        return False


@dataclass(frozen=True)
class CorpusFileRef:
    """A file to read: where it is, and how diagnostics name it."""

    path: Path
    name: str


def corpus_files(root: Path, out: list[CorpusError]) -> list[CorpusFileRef]:
    """Every ``*.yaml``/``*.yml`` file (any case) under the three folders,
    sorted by name so that loading is reproducible. Problems met on the way
    are appended to ``out``."""
    found: list[CorpusFileRef] = []
    seen: set[tuple[int, int]] = set()  # folders read, shared: a link may lead into another corpus folder
    for folder in CORPUS_FOLDERS:
        base = root / folder
        try:
            mode = base.stat().st_mode
        except FileNotFoundError:
            continue  # a missing folder reads as empty
        except OSError as exc:
            out.append(_problem(folder, "error", f"cannot read folder '{folder}': {_reason(exc)}"))
            continue
        if not stat.S_ISDIR(mode):
            out.append(_problem(folder, "warning", f"'{folder}' is not a folder: ignored"))
            continue
        _walk(base, folder, found, out, seen)
    return sorted(found, key=lambda ref: ref.name)


def _walk(base: Path, name: str, found: list[CorpusFileRef], out: list[CorpusError],
          seen: set[tuple[int, int]]) -> None:
    """Depth-first over ``base`` with an explicit stack (no recursion limit)."""
    stack = [(base, name)]
    while stack:
        folder, rel = stack.pop()
        try:
            info = folder.stat()
            key = (info.st_dev, info.st_ino)
            if key in seen:
                out.append(_problem(rel, "warning", f"folder '{rel}' leads back to a folder already read "
                                                     "(a link loop): skipped"))
                continue
            seen.add(key)
            with os.scandir(folder) as entries:
                listing = sorted((e.name, e) for e in entries)
        except FileNotFoundError:
            out.append(_problem(rel, "error", f"folder '{rel}' vanished while it was being read; run again"))
            continue
        except OSError as exc:
            out.append(_problem(rel, "error", f"cannot read folder '{rel}': {_reason(exc)}"))
            continue
        for entry_name, entry in listing:
            if entry_name.startswith("."):
                continue  # hidden: editor swap files, .git, .DS_Store
            child = f"{rel}/{entry_name}"
            path = Path(entry.path)
            try:
                mode = path.stat().st_mode  # follows links
            except FileNotFoundError:
                out.append(_problem(child, "warning", f"'{child}' is a link that leads nowhere: ignored"))
                continue
            except OSError as exc:
                out.append(_problem(child, "error", f"cannot read '{child}': {_reason(exc)}"))
                continue
            if stat.S_ISDIR(mode):
                stack.append((path, child))
            elif not stat.S_ISREG(mode):
                out.append(_problem(child, "warning", f"'{child}' is not a regular file: ignored"))
            elif entry_name.lower().endswith(SUFFIXES):
                found.append(CorpusFileRef(path, child))
            else:
                out.append(_problem(child, "warning",
                                    f"'{child}' is not a .yaml or .yml file: ignored (rename it to read it)"))


def read_file(ref: CorpusFileRef, out: list[CorpusError]) -> bytes | None:
    """The bytes of one corpus file, or None with the reason in ``out``:
    the read is attempted, never predicted (``os.access`` lies for root)."""
    try:
        with open(ref.path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        out.append(_problem(ref.name, "error", f"file '{ref.name}' vanished while it was being read; run again"))
    except IsADirectoryError:
        out.append(_problem(ref.name, "error", f"'{ref.name}' is a folder, not a corpus file"))
    except OSError as exc:
        out.append(_problem(ref.name, "error", f"cannot read file '{ref.name}': {_reason(exc)}"))
    return None


def _reason(exc: OSError) -> str:
    text = exc.strerror or str(exc)
    return text[0].lower() + text[1:] if text else "unknown error"


def _problem(name: str, severity: str, message: str) -> CorpusError:
    return CorpusError(name, 1, 1, severity, message)  # type: ignore[arg-type]
