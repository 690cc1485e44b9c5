"""How soon a built map is ready and how big it is; writes the "Pages"
section of docs/benchmarks.md.

Not a test: timings depend on the machine and its load, so they are
reported, never asserted. What is measured:

- every map of the course corpus, and the map of one question of a synthetic
  corpus for each of ``--sizes`` (about 500 and 2,000 map nodes): the time
  from navigation start to ``argmap.ready`` resolving, in headless Chromium
  (software drawing, no GPU), offline (every network request fails), at
  1366x768; best and median of ``--repeat`` fresh loads (a new browser
  context each, after one unmeasured load of the file), and the file size;
- the same maps (nodes, drawn labels, lines) written by pyvis's own
  ``Network(directed=True, cdn_resources="in_line").write_html``, two ways:
  at argmap's positions with physics off, and as pyvis comes (physics on,
  which takes minutes at 2,000 nodes, hence ``--physics-repeat`` and
  ``--physics-limit``); timed to the network's first ``afterDrawing``, the
  event on which argmap's page resolves ``ready``;
- ``argmap build`` of the course corpus, as a user runs it (a new process
  pinned to one core, Python's start included), best of ``--builds`` runs in
  wall-clock and CPU time.

Every page is timed by the same probe (``page_probe.js``), injected before
the page's own scripts, so neither argmap's nor pyvis's page is changed to be
measured. Each mark is read on two clocks: the wall clock, which is what a
reader waits, and the page's main-thread CPU time (from a Chromium trace),
which is what the page costs even when other work on a shared machine keeps
the thread waiting for a core. The marks also split the time into phases
(parsing up to the first script, vis-network's script, the page's scripts,
``new vis.Network``, the first drawing), which say where to look next.

    python benchmarks/pages.py                    # course maps, 500 and 2,000 nodes
    python benchmarks/pages.py --sizes 500 --repeat 2 --physics-limit 30 --no-write
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import networkx as nx

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402  (scripts beside this one)
from run import ROOT, machine, pinned, publish  # noqa: E402

from argmap.analysis import question_subgraph, subgraph  # noqa: E402
from argmap.corpus import load_corpus  # noqa: E402
from argmap.graph import ARGUMENT_RELATIONS, build_graph  # noqa: E402

SECTION = "## Pages: time to `argmap.ready` and file size"
PROBE = HERE / "page_probe.js"
CHROMIUM = os.environ.get("ARGMAP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
VIEWPORT = {"width": 1366, "height": 768}
SIDES = 3
TARGETS = {"course": 0.3, 2_000: 1.0, "build": 2.0}  # seconds
# Seconds to wait for a page to draw (pyvis with physics: --physics-limit),
# and, after pyvis's first drawing with physics, for it to come to rest
# ("stabilized") before reporting that it did not.
DRAW_LIMIT_S = 60
SETTLE_LIMIT_S = 30


@dataclass
class Load:
    """One page load: the probe's marks as wall-clock milliseconds since
    navigation start, and as milliseconds of the page's main-thread CPU time
    since the document started; what the page tried to fetch; its errors."""

    wall: dict[str, float]
    cpu: dict[str, float]
    requests: list[str]
    errors: list[str]


# ---------- the pages ----------

def build(corpus: Path | None, out: Path, question: str | None = None) -> list[Path]:
    """``argmap build`` as a user runs it; the map pages it wrote."""
    command = [sys.executable, "-m", "argmap", "build", "--out", str(out)]
    command += ["--corpus", str(corpus)] if corpus else []
    command += ["--question", question] if question else []
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True)
    return sorted(p for p in out.glob("*.html") if p.name not in ("index.html", "schools.html"))


def load_graph(corpus: Path) -> nx.DiGraph:
    result = load_corpus(corpus)
    if result.errors:
        raise SystemExit(f"{corpus}: {len(result.errors)} errors, first: {result.errors[0]}")
    return build_graph(result.corpus)


def map_size(g: nx.DiGraph, question: str) -> tuple[int, int]:
    """(nodes, lines) the question's map draws: its sub-graph without the
    schools (they sit in the lens menu) and the question -> side links."""
    sub = question_subgraph(g, question)
    nodes = [n for n, kind in sub.nodes(data="kind") if kind != "school"]
    lines = [1 for _, _, r in sub.edges(data="relation") if r in ARGUMENT_RELATIONS]
    return len(nodes), len(lines)


def feeders(g: nx.DiGraph, claim: str) -> set[str]:
    """``claim`` and every claim and evidence item with an argument path to it."""
    return {claim} | subgraph.feeders(g, [claim])


def synthetic_map(nodes: int, folder: Path) -> str:
    """A synthetic corpus in ``folder`` with one question whose map has about
    ``nodes`` nodes; returns that question's id.

    The generator's own questions each ask about one topic (about 150 map
    nodes), so one more question is written whose sides list the top claims
    of as many topics as it takes: top claims (those no other claim builds
    on) are added in id order until the question, its sides and everything
    feeding the listed claims reach ``nodes``.
    """
    generate(nodes * 2, folder)
    g = load_graph(folder)
    tops = sorted(n for n, kind in g.nodes(data="kind")
                  if kind == "claim" and not any(g.nodes[m]["kind"] == "claim" for m in g.successors(n)))
    listed: list[str] = []
    covered: set[str] = set()
    for top in tops:
        if 1 + SIDES + len(covered) >= nodes:
            break
        listed.append(top)
        covered |= feeders(g, top)
    if 1 + SIDES + len(covered) < nodes:
        raise SystemExit(f"a corpus of {nodes * 2} nodes cannot feed a {nodes}-node map")
    question = f"bench-{nodes}"
    sides = "\n".join(
        f"      - {{id: side-{s}, label: \"Side {s + 1}\", claims: [{', '.join(listed[s::SIDES])}]}}"
        for s in range(SIDES)
    )
    (folder / "exam_questions" / f"{question}.yaml").write_text(
        f"questions:\n  - id: {question}\n    text: \"To what extent does this {nodes}-node map open quickly?\"\n"
        f"    session: Specimen\n    command_term: to what extent\n    period: [1918, 1945]\n"
        f"    sides:\n{sides}\n", encoding="utf-8")
    return question


def vis_data_of(page: Path) -> dict:
    """What an argmap page gives vis-network to draw: the ``vis`` entry of its
    data block (nodes with their drawn labels and positions, and lines)."""
    text = page.read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="argmap-data">(.*?)</script>', text, re.DOTALL)
    if not found:
        raise SystemExit(f"{page}: no argmap-data block; has the page template changed?")
    data = json.loads(found.group(1))
    return {"nodes": data["vis"]["nodes"], "links": data["links"]}


def pyvis_pages(page: Path, folder: Path) -> dict[str, Path]:
    """The map of argmap's ``page`` as pyvis writes it by default, with
    physics (what a pyvis user gets) and with argmap's positions and physics
    off. Same nodes, labels and lines as the argmap page; pyvis's own styling.
    """
    from pyvis.network import Network

    vis = vis_data_of(page)
    pages = {}
    for variant in ("physics", "fixed"):
        net = Network(directed=True, cdn_resources="in_line")
        for node in vis["nodes"]:
            where = {"x": node["x"], "y": node["y"]} if variant == "fixed" else {}
            net.add_node(node["id"], label=node["label"], **where)
        for link in vis["links"]:
            net.add_edge(link["from"], link["to"])
        if variant == "fixed":
            net.toggle_physics(False)
        pages[variant] = folder / f"pyvis-{variant}-{page.stem}.html"
        net.write_html(str(pages[variant]))
    return pages


# ---------- timing in Chromium ----------

Wait = tuple[str, float]  # a probe mark, and how many seconds to wait for it at most


def load_once(browser, path: Path, waits: list[Wait]) -> Load:
    """Open ``path`` in a fresh, offline context, traced for the probe's
    marks; wait for each mark of ``waits`` in turn, giving up on the rest
    once one does not come in time.

    Offline, every network request fails at once; requests are recorded, not
    intercepted, since routing each one through Playwright would add its
    round trip to the very navigation being timed.
    """
    context = browser.new_context(viewport=VIEWPORT, offline=True)
    target = path.resolve().as_uri()
    requests: list[str] = []
    errors: list[str] = []

    def local(url: str) -> bool:
        # data: and blob: URLs never leave the page.
        return url.split("#")[0] == target or url.startswith(("data:", "blob:"))

    try:
        context.add_init_script(path=str(PROBE))
        page = context.new_page()
        page.on("request", lambda r: not local(r.url) and requests.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        browser.start_tracing(page=page, categories=["blink.user_timing"])
        try:
            page.goto(target, wait_until="commit")
            for name, limit in waits:
                came = page.evaluate("([name, limit]) => window.__argmapProbe.when(name, limit)",
                                     [name, limit * 1000])
                if came is None:
                    break
            wall = page.evaluate("window.__argmapProbe.marks")
        finally:
            trace = json.loads(browser.stop_tracing())
    finally:
        context.close()
    return Load(wall, cpu_marks(trace), requests, errors)


def cpu_marks(trace: dict) -> dict[str, float]:
    """The probe's marks in the main thread's CPU clock (the trace's ``tts``,
    µs), as milliseconds since its ``start`` mark."""
    clock = {e["name"].split(":", 1)[1]: e["tts"] for e in trace["traceEvents"]
             if e.get("name", "").startswith("argmap-probe:") and "tts" in e}
    return {name: (tts - clock["start"]) / 1000 for name, tts in clock.items()} if "start" in clock else {}


def time_page(browser, path: Path, repeat: int, waits: list[Wait], warm: str) -> list[Load]:
    """``repeat`` fresh loads of ``path`` after one unmeasured load up to the
    mark ``warm``, which warms the file cache and Chromium's first-use costs
    (fonts, for one), not the page."""
    load_once(browser, path, [(warm, DRAW_LIMIT_S)])
    return [load_once(browser, path, waits) for _ in range(repeat)]


def argmap_loads(browser, path: Path, repeat: int) -> list[Load]:
    """Loads of an argmap page, which must neither fetch anything nor fail."""
    loads = time_page(browser, path, repeat, [("ready", DRAW_LIMIT_S)], "ready")
    for load in loads:
        if load.requests or load.errors or "ready" not in load.cpu:
            raise SystemExit(f"{path.name}: requests {load.requests}, errors {load.errors}, "
                             f"ready: {'yes' if 'ready' in load.cpu else f'not within {DRAW_LIMIT_S} s'}")
    return loads


# ---------- figures ----------

PHASES = (
    ("to the first script", "start", "firstScript"),
    ("vis-network's script", "firstScript", "vis"),
    ("to `new vis.Network`", "vis", "networkStart"),
    ("`new vis.Network`", "networkStart", "networkEnd"),
    ("to the first drawing", "networkEnd", "drawn"),
)


def best_median(values: list[float]) -> str:
    return f"{min(values):,.0f} / {statistics.median(values):,.0f} ms"


def times(loads: list[Load], name: str, target: str | int | None = None) -> tuple[str, str]:
    """The "best / median" cells of mark ``name`` in wall-clock and CPU time,
    each judged on its best load against ``TARGETS[target]``."""
    cells = []
    for clock in ("wall", "cpu"):
        values = [getattr(load, clock)[name] for load in loads]
        cells.append(best_median(values) + (judge(min(values) / 1000, target) if target is not None else ""))
    return cells[0], cells[1]


def judge(seconds: float, target: str | int) -> str:
    return " ✓" if seconds < TARGETS[target] else " ✗"


def kib(path: Path) -> str:
    return f"{path.stat().st_size / 1024:,.0f} KiB"


def phase_cells(loads: list[Load], end: str) -> list[str]:
    """Median wall-clock milliseconds from navigation start to the document,
    then median main-thread CPU milliseconds of each phase and of the whole."""
    cells = [f"{statistics.median(load.wall['start'] for load in loads):,.0f}"]
    for _, start, stop in (*PHASES, ("", "start", end)):
        spans = [load.cpu[stop] - load.cpu[start] for load in loads if start in load.cpu and stop in load.cpu]
        cells.append(f"{statistics.median(spans):,.0f}" if spans else "n/a")
    return cells


def physics_cells(loads: list[Load], limit_s: float) -> tuple[str, str, str]:
    """Wall and CPU cells to pyvis's first drawing with physics, and a note
    on when it came to rest; loads that did not draw in time say so."""
    drawn = [load for load in loads if "drawn" in load.wall]
    if len(drawn) < len(loads):
        gave_up = [load for load in loads if "limit:drawn" in load.wall]
        wall = min(load.wall["limit:drawn"] for load in gave_up) / 1000
        cpu = min(load.cpu.get("limit:drawn", 0.0) for load in gave_up) / 1000
        return f"not yet at {wall:,.0f} s", f"> {cpu:,.0f} s", f"given up after {limit_s:.0f} s of waiting"
    wall, cpu = times(drawn, "drawn")
    settled = [load.wall["stabilized"] for load in drawn if "stabilized" in load.wall]
    note = (f"at rest (`stabilized`) at {best_median(settled)}" if len(settled) == len(drawn)
            else f"not at rest {SETTLE_LIMIT_S} s after drawing")
    return wall, cpu, note


def revision() -> str:
    """The commit measured; several people work in one tree, so say when
    argmap's code had changes not yet committed."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + (" (with uncommitted changes to argmap/)" if git("status", "--porcelain", "--", "argmap") else "")


def build_times(runs: int) -> tuple[float, float]:
    """Best wall-clock and CPU seconds of ``argmap build`` on the course corpus."""
    walls, cpus = [], []
    with tempfile.TemporaryDirectory(prefix="argmap-build-") as tmp:
        command = pinned([sys.executable, "-m", "argmap", "build", "--out", str(Path(tmp) / "site")])
        for _ in range(runs):
            start = time.perf_counter()
            child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            _, status, usage = os.wait4(child.pid, 0)
            walls.append(time.perf_counter() - start)
            cpus.append(usage.ru_utime + usage.ru_stime)
            if os.waitstatus_to_exitcode(status) != 0:
                raise SystemExit("argmap build failed on the course corpus")
    return min(walls), min(cpus)


def pages_section(sizes: list[int], repeat: int, builds: int, physics_repeat: int, physics_limit: float) -> str:
    from playwright.sync_api import sync_playwright

    start_machine, commit = machine(), revision()
    wall, cpu = build_times(builds)
    print(f"argmap build: {wall:.2f} s wall, {cpu:.2f} s CPU", file=sys.stderr)
    course_rows, synthetic_rows, pyvis_rows, phase_rows = [], [], [], []
    with tempfile.TemporaryDirectory(prefix="argmap-pages-") as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        chromium = browser.version
        root = Path(tmp)
        course = load_graph(ROOT)
        compared: list[tuple[str, Path, list[Load]]] = []
        course_loads = {}
        for page in build(None, root / "course"):
            loads = course_loads[page] = argmap_loads(browser, page, repeat)
            n, e = map_size(course, page.stem)
            course_rows.append(f"| `{page.stem}` | {n} | {e} | {kib(page)} | "
                               + " | ".join(times(loads, "ready", "course")) + " |")
            print(course_rows[-1], file=sys.stderr)
        largest = max(course_loads, key=lambda p: map_size(course, p.stem)[0])
        compared.append((f"course `{largest.stem}`", largest, course_loads[largest]))
        for size in sizes:
            folder = root / f"corpus-{size}"
            question = synthetic_map(size, folder)
            n, e = map_size(load_graph(folder), question)
            page = build(folder, folder / "site", question)[0]
            loads = argmap_loads(browser, page, repeat)
            synthetic_rows.append(f"| {size:,} | {n:,} | {e:,} | {kib(page)} | "
                                  + " | ".join(times(loads, "ready", size if size in TARGETS else None)) + " |")
            compared.append((f"{n:,} nodes", page, loads))
            print(synthetic_rows[-1], file=sys.stderr)
        for name, page, ours in compared:
            theirs = pyvis_pages(page, page.parent)
            fixed = time_page(browser, theirs["fixed"], repeat, [("drawn", DRAW_LIMIT_S)], "drawn")
            physics = time_page(browser, theirs["physics"], physics_repeat,
                                [("drawn", physics_limit), ("stabilized", SETTLE_LIMIT_S)], "networkStart")
            tried = f"{len(fixed[0].requests)} CDN requests, failed offline"
            pyvis_rows += [
                f"| {name} | argmap | {kib(page)} | " + " | ".join(times(ours, "ready")) + " | |",
                f"| | pyvis, fixed | {kib(theirs['fixed'])} | " + " | ".join(times(fixed, "drawn"))
                + f" | {tried} |",
                f"| | pyvis, physics | {kib(theirs['physics'])} | "
                + " | ".join(physics_cells(physics, physics_limit)) + " |",
            ]
            phase_rows += [f"| argmap, {name} | " + " | ".join(phase_cells(ours, "ready")) + " |",
                           f"| pyvis fixed, {name} | " + " | ".join(phase_cells(fixed, "drawn")) + " |"]
            print("\n".join(pyvis_rows[-3:]), file=sys.stderr)
        browser.close()

    return f"""{SECTION}

Generated by `python benchmarks/pages.py` on {datetime.date.today().isoformat()}, at commit {commit}.
Machine: {start_machine}.
Chromium {chromium}, headless, `--disable-gpu` (the canvas is drawn in
software), viewport 1366x768.

Each page is opened from disk (`file://`) in a new browser context, offline
(every network request fails at once), after one unmeasured load of the same
file. A probe injected before the page's own scripts
(`benchmarks/page_probe.js`, through Playwright's `add_init_script`; it
changes neither page) marks when `argmap.ready` resolves, and for pyvis's
pages the network's first `afterDrawing`, the event on which argmap's page
resolves `ready`. Two clocks: wall clock since navigation start
(`performance.now()`), which is what a reader waits, and the CPU time of the
page's main thread since its document started (each mark is a
`performance.mark`, which a Chromium trace records with the thread's CPU
clock). This machine is shared with other work (see the load average), so
the main thread often waits for a core: the wall clock then runs well past
the CPU time, which is the fairer measure of what the page itself costs.
Cells are "best / median" of {repeat} loads; ✓ / ✗ judge the best load against
the target, in each clock. Sizes are the files as written, everything
inlined.

### argmap build

`argmap build` of the course corpus (its {len(course_rows)} maps, the index and the
schools page), in a new process pinned to one core, Python's start
included, best of {builds} (target < {TARGETS["build"]:.0f} s): {cpu:.2f} s of
CPU{judge(cpu, "build")}, {wall:.2f} s wall clock{judge(wall, "build")}.

### Course maps (target: ready in < {TARGETS["course"] * 1000:.0f} ms)

| map | nodes | lines | size | ready, wall clock | ready, main-thread CPU |
|---|---:|---:|---:|---:|---:|
{chr(10).join(course_rows)}

### Synthetic maps (target at 2,000 nodes: ready in < {TARGETS[2_000]:.0f} s)

One question of a corpus from `benchmarks/generate.py` with twice as many
nodes as the map; its three sides list the top claims of as many topics as
it takes for the question, its sides and everything feeding the listed
claims to reach the size asked for (counted with
`argmap.analysis.question_subgraph`, without the schools, which are not
drawn). Built with `argmap build --question`.

| asked | nodes | lines | size | ready, wall clock | ready, main-thread CPU |
|---:|---:|---:|---:|---:|---:|
{chr(10).join(synthetic_rows)}

### Beside pyvis's own page

The same map's nodes, drawn labels and lines (read from the argmap page's
data), written by
`pyvis.network.Network(directed=True, cdn_resources="in_line").write_html`
with pyvis's default look (dots, labels below, dynamic curved lines).
"fixed": at argmap's layout positions, `toggle_physics(False)`. "physics":
pyvis as it comes (physics on, 1,000 stabilization iterations before the
first drawing, which is what is timed), {physics_repeat} load(s), given up after
{physics_limit:.0f} s. `in_line`
inlines vis-network, but the template still links Bootstrap from a CDN:
those requests fail at once offline, so they cost no waiting.

| map | page | size | drawn, wall clock | drawn, main-thread CPU | |
|---|---|---:|---:|---:|---|
{chr(10).join(pyvis_rows)}

### Where the time goes

Medians, in milliseconds: first the wall clock from navigation start to
the document's start (Chromium reading the file and committing the
navigation), then the main thread's CPU time in each phase: from the
document's start to the parser reaching the first script (for argmap: the
styles, the page's HTML with its outline and evidence list, and the JSON
data block), vis-network's script (about 460 KB to compile and run), the
page's own scripts up to `new vis.Network` (argmap: reading the data, the
weighing model, the panels), the constructor (nodes and lines created,
options and groups applied, every label measured and wrapped), and from its
return to the first drawing.

| page | navigation (wall) | {' | '.join(name for name, _, _ in PHASES)} | total CPU |
|---|{'---:|' * (len(PHASES) + 2)}
{chr(10).join(phase_rows)}
"""


def main() -> None:
    parser = argparse.ArgumentParser(description="Benchmark argmap's map pages in headless Chromium.")
    parser.add_argument("--sizes", type=int, nargs="*", default=[500, 2_000],
                        help="about how many nodes each synthetic map has")
    parser.add_argument("--repeat", type=int, default=5, help="measured loads of each page")
    parser.add_argument("--builds", type=int, default=3, help="timed runs of argmap build")
    parser.add_argument("--physics-repeat", type=int, default=1,
                        help="measured loads of each pyvis page with physics (slow: minutes at 2,000 nodes)")
    parser.add_argument("--physics-limit", type=float, default=120,
                        help="seconds to wait for a pyvis page with physics to draw")
    parser.add_argument("--no-write", action="store_true", help="print the section only")
    args = parser.parse_args()
    section = pages_section(args.sizes, args.repeat, args.builds, args.physics_repeat, args.physics_limit)
    publish(section, SECTION, args.no_write)


if __name__ == "__main__":
    main()
