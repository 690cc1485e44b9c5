"""The pages ``argmap build`` writes, and writing them all or nothing.

Every page is rendered in memory first; only then are files written, into a
temporary folder beside the output folder, and swapped into place in one
step that Ctrl-C cannot split and that rolls back on any failure. A lock on
the output's parent folder makes concurrent builds take turns. A failure or
interrupt leaves the output folder exactly as it was.

argmap recognises its own pages by their generator meta tag, so a build can
remove the maps of questions that left the corpus while leaving every other
file in the folder alone.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterator

import networkx as nx

from argmap.analysis import extent_words, percent, weigh
from argmap.analysis import questions as question_ids
from argmap.analysis.subgraph import on_path
from argmap.files import interrupts_deferred, umask
from argmap.render.data import page_data
from argmap.render.outline import outline
from argmap.render.page import GENERATOR, MAP_SCRIPTS, json_for_script, render_page, static_text, vis_network_script
from argmap.render.style import THEMES, side_colour

INDEX = "index.html"
PRACTICE = ""
SCHOOLS = "schools.html"
_MARKER = f'<meta name="generator" content="{GENERATOR}">'.encode()
_SESSION = re.compile(r"^(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})$")
_MONTHS = ("January February March April May June July August September October November December").split()


def render_map(g: nx.DiGraph, question: str, theme: str = "default", in_site: bool = False) -> str:
    """One question's interactive map as a standalone HTML page. ``in_site``:
    the page sits beside the index and schools pages a build writes, so it
    links to them; a map handed out alone (``export``) has no such links,
    which would lead nowhere."""
    from argmap.render.network import vis_data

    _known_theme(theme)
    data = page_data(g, question, theme)
    data["vis"] = vis_data(g, question, data)
    shares = weigh(g, question).shares
    scripts = [vis_network_script(), *(static_text(name) for name in MAP_SCRIPTS)]
    return render_page(
        "map.html.j2", scripts,
        theme=theme, styles=["base.css", "map.css", "plan.css", "views.css", "workspace.css"], in_site=in_site,
        data=json_for_script(data), question=data["question"], sides=data["sides"],
        schools=data["schools"], outline=outline(g, question),
        balance=[_share(side, shares[side["id"]]) for side in data["sides"]],
        evidence=sorted(data["evidence"].items(), key=lambda item: (item[1]["years"], item[1]["date"], item[0])),
        years=_year_range(data),
    )


def render_index(g: nx.DiGraph, linked: set[str], theme: str = "default") -> str:
    """The landing page: questions grouped by exam session, practice last,
    each with its command term, current balance and a link to its map."""
    _known_theme(theme)
    shares = weigh(g).shares
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in question_ids(g):
        node = g.nodes[q]
        groups[node["session"] or PRACTICE].append({
            "id": q, "text": node["text"], "command_term": node["command_term"], "paper": node["paper"],
            "href": f"{q}.html" if q in linked else None,
            "balance": [_share({"id": s, "label": g.nodes[s]["label"], "colour": side_colour(g.nodes[s]["order"])},
                               shares[s]) for s in node["sides"]],
        })
    practice = groups.pop(PRACTICE, [])
    past = sorted(groups.items(), key=lambda item: _session_key(item[0]))
    school_count = sum(1 for _, kind in g.nodes(data="kind") if kind == "school")
    return render_page("index.html.j2", [], theme=theme, styles=["base.css", "site.css"],
                       past=past, practice=practice, school_count=school_count)


def render_schools(g: nx.DiGraph, linked: set[str], theme: str = "default") -> str:
    """The historiography overview: each school, its historians and works,
    and the claims it holds or rejects, with the questions they bear on."""
    _known_theme(theme)
    bears_on = _questions_by_claim(g)
    schools = []
    for school, kind in g.nodes(data="kind"):
        if kind != "school":
            continue
        data = g.nodes[school]
        related: dict[str, list[dict[str, Any]]] = {"holds": [], "rejects": []}
        for claim in g.successors(school):
            related[g.edges[school, claim]["relation"]].append({
                "id": claim, "text": g.nodes[claim]["text"],
                "questions": [{"id": q, "text": g.nodes[q]["text"], "href": f"{q}.html" if q in linked else None}
                              for q in bears_on.get(claim, [])],
            })
        schools.append({"id": school, "name": data["name"], "summary": data["summary"], "era": data["era"],
                        "historians": data["historians"], **related})
    return render_page("schools.html.j2", [], theme=theme, styles=["base.css", "site.css"],
                       schools=schools)


def build_site(g: nx.DiGraph, out: Path, questions: list[str] | None = None, theme: str = "default") -> list[Path]:
    """Write the index, the schools page and the maps of ``questions`` (all
    when None) into ``out``; remove argmap's maps of questions no longer in
    the corpus. Returns the pages written. All or nothing, also under Ctrl-C
    and with another build running into the same folder (see ``_swap_in``)."""
    _known_theme(theme)
    out = Path(out)
    every = question_ids(g)
    selected = list(every) if questions is None else list(dict.fromkeys(questions))
    for q in selected:
        if q not in every:
            raise KeyError(f"unknown question '{q}'")
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"'{out}' is a file, not a folder")
    out.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(out.parent):
        # Under the lock: which pages are ours must not change while we render.
        ours = _argmap_pages(out)
        linked = set(selected) | {name[:-5] for name in ours if name[:-5] in every}
        pages = {f"{q}.html": render_map(g, q, theme, in_site=True) for q in selected}
        pages[INDEX] = render_index(g, linked, theme)
        pages[SCHOOLS] = render_schools(g, linked, theme)
        stale = [name for name in ours if name not in pages and name[:-5] not in every]
        _write_all(out, pages, stale)
    return [out / name for name in sorted(pages)]


@contextlib.contextmanager
def _build_lock(folder: Path) -> Iterator[None]:
    """One build at a time into a folder's children: an advisory lock on the
    parent folder itself (no lock file is left behind). Where locks are not
    available the build runs unlocked."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX
        yield
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # a folder one may write but not list: build unlocked
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _write_all(out: Path, pages: dict[str, str], stale: list[str]) -> None:
    """Write every page into a folder beside ``out``, then swap them in."""
    staging: Path | None = None
    try:
        with interrupts_deferred():  # made and named before Ctrl-C acts, so the finally removes it
            staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.argmap-", dir=out.parent))
        for name, text in pages.items():
            (staging / name).write_text(text, encoding="utf-8", newline="\n")
        if not out.exists():
            # A new folder: one rename publishes every page at once.
            os.chmod(staging, 0o777 & ~umask())
            with interrupts_deferred():
                os.rename(staging, out)
            return
        _swap_in(out, staging, sorted(pages), stale)
    finally:
        _remove(staging)


def _swap_in(out: Path, staging: Path, names: list[str], stale: list[str]) -> None:
    """Move the staged pages into ``out`` and drop the stale ones, as one step:
    the old pages are kept (hard links, else copies) until every move has
    succeeded, and put back if one fails; Ctrl-C waits until the swap is done.
    Files in ``out`` that are not argmap's pages are never touched."""
    backup: Path | None = None
    try:
        with interrupts_deferred():  # made and named before Ctrl-C acts, so the finally removes it
            backup = Path(tempfile.mkdtemp(prefix=f".{out.name}.argmap-old-", dir=out.parent))
        for name in [*names, *stale]:
            if (out / name).exists():
                _keep(out / name, backup / name)
        done: list[str] = []
        with interrupts_deferred():
            try:
                for name in names:
                    os.replace(staging / name, out / name)
                    done.append(name)
                for name in stale:
                    (out / name).unlink(missing_ok=True)
                    done.append(name)
            except BaseException:
                for name in done:
                    if (backup / name).exists():
                        os.replace(backup / name, out / name)
                    else:
                        (out / name).unlink(missing_ok=True)
                raise
    finally:
        _remove(backup)


def _remove(folder: Path | None) -> None:
    """Remove a temporary folder whole, a second Ctrl-C waiting until it is gone."""
    if folder is not None:
        with interrupts_deferred():
            shutil.rmtree(folder, ignore_errors=True)


def _keep(page: Path, copy: Path) -> None:
    """A copy of ``page`` that survives its replacement: a hard link when the
    file system has them (instant), else a real copy."""
    try:
        os.link(page, copy)
    except OSError:
        shutil.copy2(page, copy)


def _argmap_pages(out: Path) -> list[str]:
    """Names of the HTML files in ``out`` that an argmap build wrote."""
    if not out.is_dir():
        return []
    found = []
    for path in sorted(out.glob("*.html")):
        try:
            with path.open("rb") as handle:
                head = handle.read(2048)
        except OSError:
            continue
        if _MARKER in head:
            found.append(path.name)
    return found


def _questions_by_claim(g: nx.DiGraph) -> dict[str, list[str]]:
    """For each claim, the questions whose maps show it."""
    found: dict[str, list[str]] = defaultdict(list)
    for q in question_ids(g):
        for node in sorted(on_path(g, q)):
            found[node].append(q)
    return found


def _year_range(data: dict[str, Any]) -> list[int] | None:
    """The first and last year of the map's evidence, bounds for the date
    filter (None, and no filter, for a map without evidence)."""
    years = [y for item in data["evidence"].values() for y in item["years"]]
    return [min(years), max(years)] if years else None


def _share(side: dict[str, Any], share: float) -> dict[str, Any]:
    return {"id": side["id"], "label": side["label"], "colour": side["colour"], "share": share,
            "percent": percent(share), "words": extent_words(share)}


def _session_key(session: str) -> tuple[int, int, int, str]:
    """Exam sessions newest first, then other named sessions (e.g. Specimen)
    alphabetically."""
    match = _SESSION.match(session)
    if match:
        return (0, -int(match.group(2)), -(_MONTHS.index(match.group(1)) + 1), "")
    return (1, 0, 0, session)


def _known_theme(theme: str) -> None:
    if theme not in THEMES:
        raise ValueError(f"unknown theme '{theme}'; the themes are: {', '.join(THEMES)}")
