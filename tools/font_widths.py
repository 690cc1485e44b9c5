"""Measure the map's font in Chromium and write argmap/font_widths.json.

The map's boxes are sized in Python from their label lines, so Python must
know how wide each character is in the page's font. This script asks
headless Chromium (canvas ``measureText``, which is what vis-network draws
with) for the advance of every character the table covers, in the map's
font stack at 100 px, regular and bold, and writes them as a table.

    python tools/font_widths.py

Liberation Sans is metrically identical to Arial, so the table holds on
machines with Arial instead (Windows, macOS) as well as on Debian.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from argmap.render.style import FONT_FACE  # noqa: E402

CHARS = "".join(chr(c) for c in range(32, 127)) + "".join(chr(c) for c in range(160, 384)) + "‘’“”–—…•€™"
SIZE = 100


def main() -> None:
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page()
        page.set_content("<canvas id=c></canvas>")
        table = page.evaluate(
            """([chars, face, size]) => {
                const ctx = document.getElementById('c').getContext('2d');
                const out = {};
                for (const weight of ['normal', 'bold']) {
                    ctx.font = weight + ' ' + size + 'px ' + face;
                    const widths = {};
                    for (const ch of chars) { widths[ch] = ctx.measureText(ch).width; }
                    out[weight] = widths;
                }
                return out;
            }""",
            [CHARS, FONT_FACE, SIZE],
        )
        browser.close()
    out = {"face": FONT_FACE, "size": SIZE, **table}
    path = ROOT / "argmap" / "font_widths.json"
    path.write_text(json.dumps(out, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
