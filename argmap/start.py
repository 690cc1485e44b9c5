"""The ``argmap`` command's entry point (``python -m argmap`` too).

It imports nothing heavy itself, so that a Ctrl-C while argmap is still
loading (pydantic, networkx, ...) ends the command quietly with status 130,
as a Ctrl-C later on does, instead of with Python's traceback. CPython can
hand such an interrupt on wrapped in another error (a KeyboardInterrupt
raised inside a class's ``__set_name__``, as pydantic's import runs them,
arrives as a RuntimeError caused by it), so the whole chain of causes is
looked at.
"""

from __future__ import annotations

INTERRUPTED = 130  # the shell's status for a command ended by Ctrl-C


def interrupted(error: BaseException | None) -> bool:
    """Whether ``error`` is a Ctrl-C, or was caused by one."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, KeyboardInterrupt):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def main() -> int:
    """Load the command line and run it."""
    try:
        from argmap.cli import main as command
        return command()  # a Ctrl-C before its own handling begins lands here too
    except BaseException as error:
        if interrupted(error):
            return INTERRUPTED
        raise
