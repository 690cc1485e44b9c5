"""``argmap export ID --format svg``: the map as a picture to keep.

A teacher pastes it into slides or a worksheet: it must open anywhere (no
script, nothing fetched from elsewhere), hold every box with its words, and
show the same drawing as the page.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.corpus import load_corpus
from argmap.graph import build_graph
from argmap.render.layout import map_layout

SVG = "{http://www.w3.org/2000/svg}"
ROOT = Path(__file__).resolve().parents[1]
QUESTION = "nov-2008-inconsistent-unfocused"


@pytest.mark.parametrize("theme", ["default", "projector"])
def test_svg_holds_every_box_with_its_drawn_words(argmap_cli, tmp_path, theme):
    out = tmp_path / "map.svg"
    result = argmap_cli("export", QUESTION, "--format", "svg", "--theme", theme, "-o", out, "--corpus", ROOT)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    tree = ET.fromstring(text)
    assert tree.tag == f"{SVG}svg"
    boxes = {g.get("data-id"): g for g in tree.iter(f"{SVG}g") if g.get("data-id")}
    drawn = map_layout(build_graph(load_corpus(ROOT).corpus), QUESTION, theme)
    assert set(boxes) == set(drawn.boxes)
    for node, box in drawn.boxes.items():
        spans = [t.text for t in boxes[node].iter(f"{SVG}tspan")]
        assert spans == list(box.lines), node
        rect = boxes[node].find(f"{SVG}rect")
        assert float(rect.get("width")) == pytest.approx(box.width)
        assert float(rect.get("height")) == pytest.approx(box.height)
    assert len([g for g in tree.iter(f"{SVG}g") if g.get("class") == "line"]) == len(drawn.lines)
    legend = [t.text for g in tree.iter(f"{SVG}g") if g.get("class") == "legend" for t in g.iter(f"{SVG}text")]
    assert "supports" in legend and "undermines" in legend and "Evidence" in legend


def test_svg_has_no_script_and_no_outside_reference(argmap_cli):
    result = argmap_cli("export", QUESTION, "--format", "svg", "--corpus", ROOT)
    assert result.returncode == 0, result.stderr
    tree = ET.fromstring(result.stdout)
    for element in tree.iter():
        assert element.tag.split("}")[-1] not in ("script", "foreignObject", "image", "use", "a"), element.tag
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), name
            assert "href" not in name.lower(), name
            assert "url(" not in value and "http" not in value, (name, value)
    assert "<script" not in result.stdout.lower()


def test_svg_of_all_questions_is_a_usage_error(argmap_cli):
    result = argmap_cli("export", "all", "--format", "svg", "--corpus", ROOT)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
