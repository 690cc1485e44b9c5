"""Retake the map screenshots in docs/screenshots/ from a fresh build.

    python tools/screenshots.py

Builds the course corpus into a temporary folder and photographs maps in
headless Chromium, offline: the November 2008 map at 1366x768 (laptop), at
1920x1080 in projector mode (whole, and at the third reveal step), on a phone
(390x844) and a tablet (768x1024), both touch screens, and the May 2007 map at 1366x768 with one
claim selected (its argument lit).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from argmap.corpus import load_corpus  # noqa: E402
from argmap.graph import build_graph  # noqa: E402
from argmap.render import build_site  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
NOV_2008 = "nov-2008-inconsistent-unfocused"
MAY_2007 = "may-2007-hitler-stalin"
FOCUS = "pact-bargain-for-time"


def main() -> None:
    g = build_graph(load_corpus(ROOT).corpus)
    with tempfile.TemporaryDirectory() as folder, sync_playwright() as pw:
        site = Path(folder)
        build_site(g, site)
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                     args=["--no-sandbox", "--disable-gpu"])

        def open_map(question: str, width: int, height: int, touch: bool = False):
            context = browser.new_context(viewport={"width": width, "height": height}, offline=True,
                                          has_touch=touch)
            page = context.new_page()
            page.goto((site / f"{question}.html").as_uri())
            page.evaluate("argmap.ready")
            return page

        page = open_map(NOV_2008, 1366, 768)
        page.screenshot(path=OUT / "map-default.png")
        page = open_map(NOV_2008, 1920, 1080)
        page.keyboard.press("p")
        page.wait_for_timeout(200)
        page.screenshot(path=OUT / "map-projector-1080.png")
        page.keyboard.press("r")
        for _ in range(3):
            page.keyboard.press("ArrowRight")
        page.wait_for_timeout(200)
        page.screenshot(path=OUT / "map-projector-reveal.png")
        for name, width, height in (("map-phone.png", 390, 844), ("map-tablet.png", 768, 1024)):
            open_map(NOV_2008, width, height, touch=True).screenshot(path=OUT / name)
        page = open_map(MAY_2007, 1366, 768)
        claim = FOCUS if FOCUS in g else g.nodes[g.nodes[MAY_2007]["sides"][0]]["claims"][0]
        page.evaluate(f"argmap.select({claim!r})")
        page.wait_for_timeout(200)
        page.screenshot(path=OUT / "map-focus.png")
        browser.close()
    print(f"wrote screenshots to {OUT}")


if __name__ == "__main__":
    main()
