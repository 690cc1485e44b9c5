"""``argmap init``: a small starter corpus, copied from the files beside this
module (real YAML files, so what a teacher gets is what is tested).

It never overwrites: a folder that already holds any of the three corpus
folders is left exactly as it was.
"""

from __future__ import annotations

import os
from pathlib import Path

from argmap.corpus.walk import CORPUS_FOLDERS

HERE = Path(__file__).resolve().parent


def starter_files() -> list[Path]:
    """The starter's files, relative to a corpus folder."""
    return sorted(p.relative_to(HERE) for folder in CORPUS_FOLDERS for p in (HERE / folder).glob("*.yaml"))


def write_starter(target: Path) -> list[Path]:
    """Write the starter corpus into ``target`` (created if need be); return
    the files written. FileExistsError, naming what is there, when ``target``
    already holds a corpus folder."""
    target = Path(target)
    if target.exists() and not target.is_dir():
        raise FileExistsError(f"'{target}' is a file, not a folder")
    existing = [target / name for name in CORPUS_FOLDERS if os.path.lexists(target / name)]
    if existing:
        names = ", ".join(f"'{p}'" for p in existing)
        raise FileExistsError(f"{names} already exist{'s' * (len(existing) == 1)}")
    written: list[Path] = []
    try:
        for rel in starter_files():
            path = target / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            # "x": exclusive creation, so a file that appeared meanwhile is never replaced.
            with open(path, "x", encoding="utf-8", newline="\n") as handle:
                handle.write((HERE / rel).read_text(encoding="utf-8"))
            written.append(path)
    except BaseException:
        # All or nothing: remove what this call wrote, and the folders it made.
        for path in written:
            path.unlink(missing_ok=True)
        for name in CORPUS_FOLDERS:
            try:
                (target / name).rmdir()
            except OSError:
                pass
        raise
    return written
