"""The ``argmap`` command line (docs/interface.md).

Exit status: 0 success, 1 the corpus has errors, 2 usage error. Results go to
stdout, diagnostics to stderr (``check`` prints its diagnostics on stdout,
since they are its result). Heavy modules (pyvis, templates) are imported only
by the commands that render, so ``check``, ``list`` and ``export`` start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Callable, Sequence

from argmap import __version__
from argmap.corpus.errors import terminal_lines, terminal_text
from argmap.files import reason
from argmap.start import INTERRUPTED, interrupted


class UsageError(Exception):
    """A mistake in how argmap was called (exit status 2)."""


class CorpusFailed(Exception):
    """The corpus has errors; they have been printed (exit status 1)."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="argmap",
        description="Historiography argument maps for IB History Paper 3: check a corpus, "
        "build interactive maps, write essay plans, export to other tools.",
    )
    parser.add_argument("--version", action="version", version=f"argmap {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help, description=help)
        return sub

    def corpus_option(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--corpus", metavar="DIR", type=Path,
                         help="corpus folder (default: the nearest of ./ and its parents that holds "
                         "schools/, exam_questions/ or evidence/, else the course corpus shipped with argmap)")
        sub.add_argument("--add", metavar="FILE", type=Path, action="append", default=[],
                         help="a corpus file to merge in as if it were in the corpus, e.g. a student's "
                         "own map (repeatable)")

    sub = command("check", "validate a corpus and print its errors and warnings")
    corpus_option(sub)
    sub.add_argument("--strict", action="store_true", help="count warnings as errors")

    sub = command("build", "write the index, schools page and one interactive map per question")
    corpus_option(sub)
    sub.add_argument("--out", metavar="DIR", type=Path, default=Path("output"), help="output folder (default: ./output)")
    sub.add_argument("--question", metavar="ID", action="append", help="build only this question's map (repeatable)")
    sub.add_argument("--theme", choices=("default", "projector"), default="default",
                     help="projector: large type and high contrast for class")
    sub.add_argument("--strict", action="store_true", help="count warnings as errors")

    sub = command("list", "one line per question: id, session, command term, text")
    corpus_option(sub)

    sub = command("plan", "an essay plan for a question, on stdout")
    sub.add_argument("id", metavar="ID", help="question id")
    corpus_option(sub)
    sub.add_argument("--school", metavar="ID", help="write the plan as this school would argue it")
    sub.add_argument("--format", choices=("markdown", "html", "docx"), default="markdown",
                     help="markdown (default), a printable html page, or a Word document (needs -o)")
    sub.add_argument("--detail", action="store_true", help="append the figures behind the plan after its references")
    sub.add_argument("-o", "--output", metavar="FILE", type=Path, help="write here instead of stdout")

    sub = command("export", "one question's map (or 'all') in another format")
    sub.add_argument("id", metavar="ID", help="question id, or 'all' for the whole corpus")
    corpus_option(sub)
    sub.add_argument("--format", required=True, choices=("html", "svg", "json", "graphml", "argdown", "aif"))
    sub.add_argument("--school", metavar="ID",
                     help="json only: strengths and shares under this school's lens (null shares where it takes no position)")
    sub.add_argument("-o", "--output", metavar="FILE", type=Path, help="write here instead of stdout")
    sub.add_argument("--theme", choices=("default", "projector"), default="default",
                     help="look of an html page or svg drawing (default: default)")

    sub = command("serve", "build and serve the maps on 127.0.0.1, rebuilding on every change")
    corpus_option(sub)
    sub.add_argument("--port", type=int, default=8000)
    sub.add_argument("--out", metavar="DIR", type=Path, default=Path("output"), help="output folder (default: ./output)")

    command("schema", "the JSON Schema of a corpus file, for editors")

    sub = command("init", "write a small starter corpus (three folders, commented examples); never overwrites")
    sub.add_argument("dir", metavar="DIR", nargs="?", type=Path, default=Path("."),
                     help="where to write it (default: the current folder)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        parser = _parser()
        args = parser.parse_args(argv)
    except KeyboardInterrupt:
        return INTERRUPTED
    if args.command is None:
        parser.print_help()
        return 2
    _exit_cleanly_on_sigterm()
    _quiet_interrupts_in_callbacks()
    handler = _HANDLERS[args.command]
    try:
        return handler(args)
    except UsageError as exc:
        say(f"argmap {args.command}: error: {exc}")
        return 2
    except CorpusFailed:
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return INTERRUPTED
    except RecursionError:
        say(f"argmap {args.command}: error: the corpus nests too deeply for this command; please report it")
        return 1
    except OSError as exc:
        # A file-system failure no command foresaw (a folder removed under
        # it, ...): one plain line, never a traceback. One with no file
        # named is standard output (a full disk, a closed descriptor).
        what = f"cannot use '{exc.filename}'" if exc.filename else "cannot write the result to standard output"
        say(f"argmap {args.command}: error: {what}: {reason(exc)}")
        return 2
    except Exception as exc:  # noqa: BLE001 - the promise is: never a traceback
        if interrupted(exc):  # a Ctrl-C that CPython handed on wrapped (argmap.start)
            return INTERRUPTED
        say(f"argmap {args.command}: internal error ({type(exc).__name__}: {exc}); "
            "nothing was written; please report this with the corpus that caused it")
        return 1


def _exit_cleanly_on_sigterm() -> None:
    """SIGTERM (a killed job, a closed terminal session) ends argmap the way
    Ctrl-C does: through every ``finally``, so temporary files are removed
    and a build's swap is never cut in half (exit status 143)."""
    import signal
    import threading

    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))


def _quiet_interrupts_in_callbacks() -> None:
    """A Ctrl-C or SIGTERM that lands inside a finaliser or weakref callback
    (the import system has some) cannot stop anything there: Python drops it
    and prints "Exception ignored" with a traceback. The promise is no
    traceback ever, and the command then simply runs on to its all-or-nothing
    end, so such a dropped interrupt is dropped quietly."""
    default = sys.unraisablehook

    def hook(unraisable: "sys.UnraisableHookArgs") -> None:
        if isinstance(unraisable.exc_value, (KeyboardInterrupt, SystemExit)):
            return
        default(unraisable)

    sys.unraisablehook = hook


def say(text: str) -> None:
    """One diagnostic line on stderr, control characters made visible."""
    print(terminal_text(text), file=sys.stderr)


def corpus_dir(args: argparse.Namespace) -> Path:
    """The corpus folder the user meant (docs/interface.md: ``--corpus``, else
    the nearest folder up from here that holds a corpus folder, else the
    course corpus, said on stderr), or a UsageError saying why not."""
    from argmap.course import course_corpus, find_corpus, holds_corpus

    if args.corpus is None:
        found = find_corpus()
        if found is not None:
            return found
        say("argmap: no corpus in this folder or its parents (no schools/, exam_questions/ or evidence/); "
            "using the course corpus that ships with argmap")
        return course_corpus()
    folder: Path = args.corpus
    try:
        is_dir = folder.is_dir()
    except OSError:
        is_dir = False
    if not is_dir:
        raise UsageError(f"corpus folder '{folder}' does not exist" if not os.path.lexists(folder)
                         else f"'{folder}' is not a folder (or cannot be looked into)")
    if not holds_corpus(folder):
        try:
            os.listdir(folder)
        except OSError as exc:  # not a corpus we were shown, one we may not look into
            raise UsageError(f"cannot read corpus folder '{folder}': {reason(exc)}") from None
        raise UsageError(f"'{folder}' holds none of the corpus folders schools/, exam_questions/, evidence/")
    return folder


def added_files(args: argparse.Namespace) -> list[Path]:
    """The ``--add`` files, each an existing regular file (else a UsageError;
    one that cannot be read is a located error when the corpus loads)."""
    import stat

    for path in args.add:
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            raise UsageError(f"cannot read --add file '{path}': {(exc.strerror or str(exc)).lower()}") from None
        if not stat.S_ISREG(mode):
            raise UsageError(f"--add '{path}' is not a file")
    return list(args.add)


def load(args: argparse.Namespace, strict: bool = False):
    """Load and graph the corpus; print diagnostics to stderr; CorpusFailed on errors."""
    from argmap.corpus import load_corpus
    from argmap.graph import build_graph

    result = load_corpus(corpus_dir(args), added_files(args))
    for diagnostic in result.diagnostics:
        print(diagnostic, file=sys.stderr)
    if result.errors or (strict and result.warnings):
        raise CorpusFailed
    return result.corpus, build_graph(result.corpus)


def known_question(g, question_id: str) -> str:
    """``question_id`` if the graph has it, else a UsageError with a suggestion."""
    from argmap.analysis import questions
    from argmap.corpus import did_you_mean

    ids = questions(g)
    if question_id not in ids:
        hint = did_you_mean(question_id, ids)
        suffix = f" (did you mean {hint}?)" if hint else f"; the questions are: {', '.join(ids)}"
        raise UsageError(f"unknown question '{question_id}'{suffix}")
    return question_id


def known_school(g, school_id: str | None) -> str | None:
    """``school_id`` if the graph has that school (or None), else a UsageError."""
    from argmap.corpus import did_you_mean

    if school_id is None:
        return None
    ids = [n for n, k in g.nodes(data="kind") if k == "school"]
    if school_id not in ids:
        hint = did_you_mean(school_id, ids)
        suffix = f" (did you mean {hint}?)" if hint else f"; the schools are: {', '.join(ids)}"
        raise UsageError(f"unknown school '{school_id}'{suffix}")
    return school_id


def _emit(text: str | bytes, output: Path | None) -> None:
    from argmap.files import OutputError, write_file

    if output is None:
        # Escape codes in corpus text must not reach a terminal (a file
        # written with -o carries the text as it is).
        text = terminal_lines(text)
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    try:
        write_file(output, text)
    except OutputError as exc:
        raise UsageError(str(exc)) from None


def _check(args: argparse.Namespace) -> int:
    from argmap.corpus import load_corpus

    result = load_corpus(corpus_dir(args), added_files(args))
    for diagnostic in result.diagnostics:
        print(diagnostic)
    errors, warnings = len(result.errors), len(result.warnings)
    print(f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}", file=sys.stderr)
    return 1 if errors or (args.strict and warnings) else 0


def _list(args: argparse.Namespace) -> int:
    from argmap.analysis import questions

    _, g = load(args)
    for q in questions(g):
        node = g.nodes[q]
        fields = (q, node["session"] or "practice", node["command_term"], node["text"])
        # Corpus text may hold tabs, newlines or escape codes: shown, never obeyed.
        print("\t".join(terminal_text(f) for f in fields))
    return 0


def _schema(args: argparse.Namespace) -> int:
    from argmap.schema import corpus_schema

    import json

    print(json.dumps(corpus_schema(), indent=2, ensure_ascii=False))
    return 0


def _export(args: argparse.Namespace) -> int:
    from argmap.export import EXPORTERS

    if args.school is not None and args.format != "json":
        # Only the JSON export carries the weighing a lens changes.
        raise UsageError(f"--school works with --format json only, not {args.format}: "
                         f"drop --school, or use --format json")
    _, g = load(args)
    if args.id == "all":
        if args.format in ("html", "svg"):
            raise UsageError(f"'all' cannot be exported as {args.format}: it draws one map; export one question")
        question = None
    else:
        question = known_question(g, args.id)
    if args.format == "html":
        from argmap.render import render_map

        text = render_map(g, question, args.theme)
    elif args.format == "svg":
        from argmap.export.svg_export import export_svg

        text = export_svg(g, question, args.theme)
    elif args.school is not None:
        from argmap.export.json_export import export

        text = export(g, question, known_school(g, args.school))
    else:
        text = EXPORTERS[args.format](g, question)
    _emit(text, args.output)
    return 0


def _build(args: argparse.Namespace) -> int:
    corpus, g = load(args, strict=args.strict)
    selected = [known_question(g, q) for q in args.question] if args.question else None
    from argmap.render import build_site

    try:
        written = build_site(g, args.out, questions=selected, theme=args.theme)
    except OSError as exc:
        # A bad --out (a file, no permission, disk full): nothing was changed.
        raise UsageError(f"cannot write to '{args.out}': {reason(exc)}") from None
    say(f"wrote {len(written)} pages to {args.out}")
    return 0


def _plan(args: argparse.Namespace) -> int:
    if args.format == "docx" and args.output is None:
        raise UsageError("--format docx needs -o FILE: a Word document cannot go to the terminal")
    _, g = load(args)
    question = known_question(g, args.id)
    school = known_school(g, args.school)
    from argmap.plan import plan_view, render_plan

    if args.format == "docx":
        from argmap.plan.docx import document

        _emit(document(plan_view(g, question, school, with_detail=args.detail), args.detail), args.output)
    else:
        _emit(render_plan(g, question, school=school, fmt=args.format, with_detail=args.detail), args.output)
    return 0


def _serve(args: argparse.Namespace) -> int:
    from argmap.serve import serve

    return serve(corpus_dir(args), args.out, args.port, added_files(args))


def _init(args: argparse.Namespace) -> int:
    from argmap.starter import write_starter

    try:
        written = write_starter(args.dir)
    except FileExistsError as exc:
        reason = exc.args[0] if len(exc.args) == 1 else f"'{exc.filename}' already exists"
        raise UsageError(f"not writing a starter corpus: {reason}; nothing was changed") from None
    except OSError as exc:
        raise UsageError(f"cannot write a starter corpus in '{args.dir}': {exc.strerror or exc}") from None
    say(f"argmap init: wrote {', '.join(str(p) for p in written)}")
    say(f"next: argmap check --strict --corpus {args.dir}")
    return 0


_HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": _check,
    "build": _build,
    "list": _list,
    "plan": _plan,
    "export": _export,
    "serve": _serve,
    "schema": _schema,
    "init": _init,
}
