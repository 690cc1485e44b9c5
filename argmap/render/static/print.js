/* argmap: the map on paper.
 *
 * A canvas does not print well, so the page keeps an SVG drawing of the map
 * (the same boxes, label lines and polylines as the screen, from
 * data.vis.layout, in the default look) in #print-map, which only print
 * shows: one landscape page before the outline. It is built once the map is
 * first drawn, when nothing waits on it, and again before printing if the
 * lens, the reveal, the dates or the evidence set aside changed what is
 * shown. Corpus text reaches it only as text (textContent).
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit;
  var data = kit.data;
  var state = kit.state;
  var SVG = "http://www.w3.org/2000/svg";
  var MARGIN = 16;
  var ARROW = 9;

  function make(tag, attrs, parent) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) { parent.appendChild(node); }
    return node;
  }

  function build() {
    var holder = kit.$("print-map");
    if (!holder) { return; }
    var drawing = data.vis.layout["default"];
    var groups = data.vis.groups["default"];
    var width = drawing.width + 2 * MARGIN;
    var height = drawing.height + 2 * MARGIN;
    var svg = make("svg", {viewBox: "0 0 " + width + " " + height, role: "img",
                           "font-family": groups.question.font.face});
    make("title", {}, svg).textContent = data.question.text;
    var map = make("g", {transform: "translate(" + MARGIN + " " + MARGIN + ")"}, svg);
    data.links.forEach(function (link, index) {
      if (!(state.shown[link.from] && state.shown[link.to])) { return; }
      var style = data.vis.lineStyles[index];
      var points = kit.view ? kit.view.linePoints(index, "default") : drawing.lines[index];
      var end = points[points.length - 1];
      var before = points[points.length - 2];
      var length = Math.hypot(end[0] - before[0], end[1] - before[1]) || 1;
      var ux = (end[0] - before[0]) / length;
      var uy = (end[1] - before[1]) / length;
      var stop = style.head === "arrow" ? [end[0] - ux * ARROW, end[1] - uy * ARROW] : end;
      var path = points.slice(0, -1).concat([stop]).map(function (p) { return p[0] + "," + p[1]; }).join(" ");
      var line = make("g", {"class": "line", "data-from": link.from, "data-to": link.to}, map);
      make("polyline", {points: path, fill: "none", stroke: style.color, "stroke-width": style.width,
                        "stroke-dasharray": style.dash.join(" ") || "none", "stroke-linejoin": "round"}, line);
      if (style.head === "arrow") {
        make("polygon", {fill: style.color, points: [end, [stop[0] - uy * ARROW / 2, stop[1] + ux * ARROW / 2],
          [stop[0] + uy * ARROW / 2, stop[1] - ux * ARROW / 2]].map(function (p) { return p.join(","); }).join(" ")},
          line);
      } else {
        make("line", {x1: end[0] - uy * 6, y1: end[1] + ux * 6, x2: end[0] + uy * 6, y2: end[1] - ux * 6,
                      stroke: style.color, "stroke-width": 3}, line);
      }
    });
    data.vis.nodes.forEach(function (node) {
      if (!state.shown[node.id]) { return; }
      var box = drawing.boxes[node.id];
      var name = state.accepted[node.id] === false ? node.group + "-aside" : node.group;
      var group = groups[name];
      var g = make("g", {"data-id": node.id}, map);
      var dashes = group.shapeProperties.borderDashes;
      make("rect", {x: box.x - box.width / 2, y: box.y - box.height / 2, width: box.width, height: box.height,
                    rx: group.shapeProperties.borderRadius, fill: group.color.background,
                    stroke: group.color.border, "stroke-width": group.borderWidth,
                    "stroke-dasharray": dashes ? dashes.join(" ") : "none"}, g);
      var text = make("text", {"font-size": box.fontSize, fill: group.font.color, "text-anchor": "middle",
                               "dominant-baseline": "central"}, g);
      var first = box.y - (box.lines.length - 1) * box.fontSize / 2;
      box.lines.forEach(function (words, i) {
        make("tspan", {x: box.x, y: first + i * box.fontSize}, text).textContent = words;
      });
    });
    holder.textContent = "";
    holder.appendChild(svg);
    stale = false;
  }

  var stale = true;

  kit.views.register("print", {
    start: function () {
      kit.views.get("map").drawn.then(function () { window.setTimeout(build, 0); });
      window.addEventListener("beforeprint", function () { if (stale) { build(); } });
    },
    update: function (what) {
      if (what === "school" || what === "reveal" || what === "dates" || what === "evidence") { stale = true; }
    }
  });
  kit.print = {build: build};
})(window.argmap = window.argmap || {});
