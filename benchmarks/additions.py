"""A student's own lines on the map: routed round the boxes, and how long
routing takes; writes the "A student's additions" section of
docs/benchmarks.md.

Not a test: these figures are reported, never asserted. Every course map is
opened in headless Chromium at 1366x768, offline, and a student's file is
loaded through ``argmap.workspace.load`` (as "Open my map" does): ``k``
evidence items of their own, each linked to two of the map's claims (taken
in turn across both sides, so lines climb the whole map), and a claim of
their own on the first side citing the course evidence lowest on the map.
For each map and ``k`` in ``--items``:

- the time ``workspace.load`` takes in the page (merging, weighing, routing
  the lines, redrawing), best and median of ``--repeat`` fresh pages;
- from ``argmap.geometry()``: (line, box) pairs where a line enters a box
  that is not one of its ends, for the lines as drawn and for the same lines
  drawn straight (what the page drew before its lines were routed); and
  pairs of lines running on top of each other (``measure.lines_along``).

    python benchmarks/additions.py
    python benchmarks/additions.py --items 1 12 --repeat 3 --no-write
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from pages import CHROMIUM, CHROMIUM_ARGS, VIEWPORT, build, load_graph  # noqa: E402  (scripts beside this one)
from run import ROOT, machine, publish  # noqa: E402

from argmap.analysis import questions  # noqa: E402
from argmap.render import measure  # noqa: E402
from argmap.render.layout import map_layout  # noqa: E402

SECTION = "## A student's additions: their lines, routed"


def students_file(g, question: str, items: int) -> tuple[str, set[str]]:
    """The text of a student's file for ``question`` with ``items`` evidence
    items of their own, and the ids it adds."""
    layout = map_layout(g, question)
    sides = g.nodes[question]["sides"]
    claims = [claim for side in sides for claim in g.nodes[side]["claims"]]
    evidence = [box for box in layout.boxes.values() if box.kind == "evidence"]
    lowest = max(evidence, key=lambda box: (box.y, box.x)).id
    lines = ["evidence:"]
    for k in range(items):
        first, second = claims[(2 * k) % len(claims)], claims[(2 * k + len(claims) // 2 + 1) % len(claims)]
        lines += [f"  - id: own-evidence-{k}", f"    title: Evidence of my own, number {k + 1}",
                  "    date: 1939-05", "    source: My reading", "    links:",
                  f"      - {{claim: {first}, stance: supports}}",
                  f"      - {{claim: {second}, stance: undermines}}"]
    lines += ["claims:", "  - id: own-claim", "    text: Stalin reacted to events more than he planned.",
              f"    sides: [{sides[0]}]", "    evidence:", f"      - {{ref: {lowest}, stance: supports}}"]
    return "\n".join(lines) + "\n", {f"own-evidence-{k}" for k in range(items)} | {"own-claim"}


def load_once(browser, page_file: Path, text: str) -> tuple[float, dict]:
    """A fresh offline page: the milliseconds ``workspace.load`` takes, and
    the geometry drawn after it."""
    context = browser.new_context(viewport=VIEWPORT, offline=True)
    try:
        page = context.new_page()
        page.goto(page_file.resolve().as_uri())
        page.evaluate("argmap.ready")
        took = page.evaluate("""(text) => { const start = performance.now();
            argmap.workspace.load(text); return performance.now() - start; }""", text)
        return took, page.evaluate("argmap.geometry()")
    finally:
        context.close()


def figures(geometry: dict, own: set[str]) -> tuple[int, int, int, int]:
    """Lines added; (line, box) pairs through boxes as drawn and if drawn
    straight; pairs of lines on top of each other."""
    rects = {b["id"]: (b["x"], b["y"], b["width"], b["height"]) for b in geometry["boxes"]}
    lines = [(line["from"], line["to"], [tuple(p) for p in line["points"]]) for line in geometry["lines"]]
    added = [line for line in lines if line[0] in own or line[1] in own]
    straight = [(a, b, [points[0], points[-1]]) for a, b, points in added]
    return (len(added), len(measure.lines_through_boxes(rects, added, inset=0.0)),
            len(measure.lines_through_boxes(rects, straight, inset=0.0)), len(measure.lines_along(lines)))


def additions_section(items: list[int], repeat: int) -> str:
    from playwright.sync_api import sync_playwright

    start_machine = machine()
    g = load_graph(ROOT)
    rows = []
    with tempfile.TemporaryDirectory(prefix="argmap-additions-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        pages = {page.stem: page for page in build(None, Path(tmp))}
        for question in questions(g):
            for count in items:
                text, own = students_file(g, question, count)
                runs = [load_once(browser, pages[question], text) for _ in range(repeat)]
                times = sorted(took for took, _ in runs)
                added, through, through_straight, along = figures(runs[0][1], own)
                rows.append(f"| `{question}` | {count} | {added} | {times[0]:.0f} / {statistics.median(times):.0f} ms "
                            f"| {through} | {through_straight} | {along} |")
                print(rows[-1], file=sys.stderr)
        browser.close()
    return f"""{SECTION}

Generated by `python benchmarks/additions.py` on {datetime.date.today().isoformat()}.
Machine: {start_machine}.

A student's file loaded into each course map (1366x768, offline): the
evidence items of their own in the second column, each linked to two of
the map's claims, and one claim of their own citing the course evidence
lowest on the map. "load" is `argmap.workspace.load` in the page (merge,
weigh, route the lines, redraw), best / median of {repeat} fresh pages. "Through
boxes": (line, box) pairs where one of the student's lines enters a box
that is not one of its ends, as drawn and if drawn straight (as the page
drew them before they were routed). "On top": pairs of lines on the whole
map (the course's too) running along each other, nearer than 3 units.

| map | items | lines added | load | through boxes | through boxes, straight | on top |
|---|---:|---:|---:|---:|---:|---:|
{chr(10).join(rows)}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark a student's additions on the course maps.")
    parser.add_argument("--items", type=int, nargs="*", default=[1, 4, 12], help="evidence items a student adds")
    parser.add_argument("--repeat", type=int, default=3, help="fresh pages timed for each")
    parser.add_argument("--no-write", action="store_true", help="print the section only")
    args = parser.parse_args()
    section = additions_section(args.items, args.repeat)
    publish(section, SECTION, args.no_write)


if __name__ == "__main__":
    main()
