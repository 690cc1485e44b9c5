"""Writing output so that a failure never leaves a half-written file.

``write_file`` is the one way argmap writes a single file (``export -o``,
``plan -o``): atomic (a temporary file beside the target, then a rename),
refusing anything but a regular file as the target, and giving the file the
mode a user expects (the umask's for a new file, the old one's for a
replaced file), never ``mkstemp``'s private 0600.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import tempfile
import threading
from pathlib import Path
from typing import Iterator


class OutputError(Exception):
    """An output path that cannot be written; the message says why in plain
    words. Nothing was changed."""


def umask() -> int:
    """The process's umask (read by setting and restoring it: there is no
    portable way to only read it)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def default_mode() -> int:
    """The mode ``open()`` would give a new file: 0666 less the umask."""
    return 0o666 & ~umask()


def write_file(path: Path | str, data: str | bytes) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` all at once or not at all.

    Raises OutputError, with the target unchanged, when ``path`` is a folder,
    a FIFO, a device or anything but a regular file, a file the user may not
    write, lies under a file, is in a folder that cannot be written, or the
    disk fills up.
    """
    path = Path(path)
    target = _regular_target(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        mode = default_mode()
    except OSError as exc:
        raise OutputError(f"cannot write '{path}': {reason(exc)}") from None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write '{path}': {reason(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fchmod(handle.fileno(), mode)
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write '{path}': {reason(exc)}; the earlier file is as it was") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _regular_target(path: Path) -> Path:
    """The file to replace: ``path``, or the file a link at ``path`` leads to
    (so the link survives). OutputError for anything but a regular file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return path
    except NotADirectoryError:
        raise OutputError(f"cannot write '{path}': a part of that path is a file, not a folder") from None
    except OSError as exc:
        raise OutputError(f"cannot write '{path}': {reason(exc)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise OutputError(f"'{path}' is a folder; give a file name")
    if not stat.S_ISREG(info.st_mode):
        raise OutputError(f"'{path}' is not a regular file (a pipe, socket or device); argmap replaces only files")
    if not os.access(path, os.W_OK):
        # The rename would replace it all the same; a file made read-only is
        # kept, as the shell's `>` keeps it.
        raise OutputError(f"cannot write '{path}': permission denied (the file is read-only)")
    return Path(os.path.realpath(path))


def reason(exc: OSError) -> str:
    """An OSError's cause in the lower-case words of every argmap message."""
    text = exc.strerror or str(exc)
    return text[0].lower() + text[1:] if text else "unknown error"


@contextlib.contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold Ctrl-C (SIGINT) and SIGTERM off while the block runs, then act on
    them: a swap of many files is never left half done by an interrupt.
    Signals can only be caught in the main thread; elsewhere this does nothing
    (``serve`` builds in its main thread)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {sig: signal.signal(sig, lambda number, frame: caught.append(number))
                for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, signal.SIG_DFL if handler is None else handler)
        if caught:
            if caught[0] == signal.SIGINT:
                raise KeyboardInterrupt
            os.kill(os.getpid(), caught[0])
