/* argmap: the map view, drawn with vis-network and the page's own lines.
 *
 * Registers as view "map" (also kit.view, which plan.js and tests use).
 * Draws exactly the drawing computed in Python (data.vis.layout, see
 * argmap/render/data.py): every box as a vis-network node at its place, with
 * its label lines and its fixed size, so nothing is wrapped or cut here; and
 * every line as its polyline, drawn on the canvas under the boxes (vis-network
 * has no edges: its own would run straight through boxes). Then it hides what
 * the state no longer shows, restyles evidence set aside, lights a selected
 * box's argument and fades the rest, and fits the map to the screen when the
 * reveal, the theme or the map area changes.
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit;
  var data = kit.data;
  var state = kit.state;
  var $ = kit.$;

  var groupOf = new Map();
  function indexGroups() {
    groupOf.clear();
    data.vis.nodes.forEach(function (node) { groupOf.set(node.id, node.group); });
  }
  var FADED = 0.16;     // opacity of what is off the argument in focus
  var ARROW = 9;        // arrowhead length, map units (as in the SVG export)
  var FIT = 0.985;      // share of the map area the whole map fills at first view
  // Claim type the first view never goes below, in CSS px, when the whole
  // map would be smaller: on a narrow screen (a phone), enough to read
  // (issue 9 asks 11 px); on a projector at 1366x768, 1.2 times the 14 px
  // a laptop's fit stops at (its zoom never passes 1), growing with the
  // screen. Smaller than that, the first view shows the top of the map
  // (the question and the sides) and a button offers the whole of it.
  var PHONE_PX = 12;
  var NARROW = 600;     // map areas narrower than this are a phone's
  // Wider screens show the whole map unless its claim type would be below
  // TOUCH_PX on a touch screen (a tablet, which showed 7.6 px on some course
  // maps at 1024x768) or SMALL_PX with a mouse (a laptop at 1280x720, 9.8 px
  // and up, still sees the whole map; a small window does not go below 9).
  var TOUCH_PX = 11;
  var SMALL_PX = 9;
  var PROJECTOR_PX = 17;
  var FRESH_GLOW = {enabled: true, color: "rgba(217, 119, 6, 1)", size: 30, x: 0, y: 0};

  var CLEARANCE = 3;    // how near a line drawn straight may pass a box, map units (as the router)

  /* Whether segment pq meets the box (centre, size) grown by ``margin``
   * (Liang-Barsky clipping, as argmap/render/measure.py). */
  function segmentMeetsBox(p, q, box, margin) {
    var x0 = box.x - box.width / 2 - margin, x1 = box.x + box.width / 2 + margin;
    var y0 = box.y - box.height / 2 - margin, y1 = box.y + box.height / 2 + margin;
    var t0 = 0, t1 = 1;
    var dx = q[0] - p[0], dy = q[1] - p[1];
    var sides = [[-dx, p[0] - x0], [dx, x1 - p[0]], [-dy, p[1] - y0], [dy, y1 - p[1]]];
    for (var i = 0; i < sides.length; i++) {
      var edge = sides[i][0], distance = sides[i][1];
      if (edge === 0) {
        if (distance < 0) { return false; }
        continue;
      }
      var t = distance / edge;
      if (edge < 0) { t0 = Math.max(t0, t); } else { t1 = Math.min(t1, t); }
      if (t0 > t1) { return false; }
    }
    return true;
  }

  var resolveDrawn;

  var view = {
    element: "map-view",
    nodes: null, network: null,
    hidden: new Map(),      // node id -> hidden in the DataSet now
    /* {nodes: Set, links: Set} lit by the selection (or the hovered box), or null. */
    lit: null,
    litFor: undefined,
    hovered: null,
    /* Lines drawn straight while part of the map is hidden (linePoints),
     * for the state.shown they were worked out for. */
    straightFor: null,
    straight: new Map(),
    partial: false,         // whether that state hides any box
    /* Resolves once the map is first drawn. */
    drawn: new Promise(function (resolve) { resolveDrawn = resolve; }),

    start: function () {
      indexGroups();
      var container = $("map");
      view.nodes = new vis.DataSet(data.vis.nodes);
      var options = Object.assign({}, data.vis.options, {groups: data.vis.groups[state.theme]});
      view.network = new vis.Network(container, {nodes: view.nodes, edges: []}, options);
      data.nodes.forEach(function (node) { view.hidden.set(node.id, false); });
      view.network.on("click", function (params) {
        if (params.nodes.length) { kit.select(params.nodes[0]); }
      });
      view.network.on("hoverNode", function (params) { view.hovered = params.node; view.applyFocus(); });
      view.network.on("blurNode", function () { view.hovered = null; view.applyFocus(); });
      view.network.on("beforeDrawing", view.drawLines);
      // Once a reader pans or zooms, the view is theirs: a resize keeps it.
      view.network.on("zoom", function () { view.readerMoved = true; });
      view.network.on("dragEnd", function () { view.readerMoved = true; });
      window.addEventListener("resize", view.onResize);
      $("map-whole").addEventListener("click", view.toggleWhole);
      view.applyVisibility();
      view.markFresh();
      view.refit();
      view.network.once("afterDrawing", function () { resolveDrawn(); });
    },

    update: function (what, now, id) {
      if (what === "school" || what === "dates") { view.applyVisibility(); view.markFresh(); view.applyFocus(); }
      else if (what === "reveal") { view.applyVisibility(); view.markFresh(); view.applyFocus(); view.fitShown(); }
      else if (what === "evidence") { view.setEvidenceGroup(id); }
      else if (what === "selected") {
        if (now.selected === null) { view.network.unselectAll(); } else { view.network.selectNodes([now.selected]); }
        view.applyFocus();
      }
      else if (what === "theme") { view.setTheme(now.theme); }
      else if (what === "panel") { view.refitIfResized(); }
      else if (what === "view" && now.view === "map") { view.network.redraw(); view.refitIfResized(); }
      else if (what === "data") { view.syncData(); }
    },

    /* The page data changed (the reader's own items, workspace.js): boxes
     * are updated in place from the drawing (a new box, a new group once
     * evidence becomes contested), removed ones go, and the lines, drawn
     * from data.vis on every frame, follow by themselves. */
    syncData: function () {
      indexGroups();
      var boxes = data.vis.layout[state.theme].boxes;
      var groups = data.vis.groups[state.theme];
      var wanted = new Set();
      var updates = data.vis.nodes.map(function (node) {
        wanted.add(node.id);
        var box = boxes[node.id];
        var inner = 2 * groups[node.group].margin;
        var group = state.accepted[node.id] === false ? node.group + "-aside" : node.group;
        return Object.assign({}, node, {x: box.x, y: box.y, label: box.lines.join("\n"), group: group,
                                        widthConstraint: {minimum: box.width - inner},
                                        heightConstraint: {minimum: box.height - inner, valign: "middle"},
                                        hidden: !state.shown[node.id]});
      });
      var before = view.nodes.length;
      var gone = view.nodes.getIds().filter(function (id) { return !wanted.has(id); });
      view.nodes.remove(gone);
      view.nodes.update(updates);
      view.hidden = new Map(data.nodes.map(function (node) { return [node.id, !state.shown[node.id]]; }));
      view.litFor = undefined;
      view.applyFocus();
      // New or removed boxes: show the whole map again, unless the reader has moved it.
      if ((gone.length || view.nodes.length !== before) && !view.readerMoved) { view.fitShown(); }
      else { view.network.redraw(); }
    },

    /* Hide in the drawing what the state does not show; a line is drawn
     * only when both its ends are shown (drawLines). */
    applyVisibility: function () {
      var nodeUpdates = [];
      data.nodes.forEach(function (node) {
        var hidden = !state.shown[node.id];
        if (view.hidden.get(node.id) !== hidden) {
          view.hidden.set(node.id, hidden);
          nodeUpdates.push({id: node.id, hidden: hidden});
        }
      });
      if (nodeUpdates.length) { view.nodes.update(nodeUpdates); }
      view.network.redraw();
    },

    /* What a reveal step newly shows glows until the next step, so the
     * class sees what was just added (state.fresh). */
    marked: new Set(),
    markFresh: function () {
      var updates = [];
      view.marked.forEach(function (id) {
        if (!state.fresh.has(id)) { updates.push({id: id, shadow: {enabled: false}}); }
      });
      state.fresh.forEach(function (id) {
        if (!view.marked.has(id)) { updates.push({id: id, shadow: FRESH_GLOW}); }
      });
      view.marked = new Set(state.fresh);
      if (updates.length) { view.nodes.update(updates); }
    },

    /* Light the argument of the selected box (or, while nothing is selected,
     * of the box under the pointer): kit.focus.argumentOf. Every other box
     * and line fades; with neither, nothing does. */
    applyFocus: function () {
      var id = state.selected !== null ? state.selected : view.hovered;
      if (id === view.litFor) { return; }
      var before = view.lit;
      view.litFor = id;
      view.lit = id === null || id === undefined ? null : kit.focus.argumentOf(id);
      var updates = [];
      data.nodes.forEach(function (node) {
        var was = before ? before.nodes.has(node.id) : true;
        var now = view.lit ? view.lit.nodes.has(node.id) : true;
        if (was !== now || (!before && !view.lit)) {
          updates.push({id: node.id, opacity: now ? 1 : FADED});
        }
      });
      if (updates.length) { view.nodes.update(updates); }
      view.network.redraw();
    },

    /* Faded now: off the lit argument. */
    isFaded: function (id) { return view.lit !== null && !view.lit.nodes.has(id); },
    isLinkFaded: function (index) { return view.lit !== null && !view.lit.links.has(index); },

    /* Whether link ``index`` is drawn now: both its ends are shown. */
    isLinkShown: function (index) {
      var link = data.links[index];
      return Boolean(state.shown[link.from] && state.shown[link.to]);
    },

    /* Line ``index`` as drawn now: its route from the layout, except while
     * part of the map is hidden (a reveal step, a lens, the dates), when a
     * line whose straight way between its two ends meets no box still shown
     * is drawn straight: its route went round boxes that are not there now.
     * Worked out once per state of what is shown; ``theme``: the drawing's
     * (the page's own by default). */
    linePoints: function (index, theme) {
      var drawing = data.vis.layout[theme || state.theme];
      if (view.straightFor !== state.shown) {
        view.straightFor = state.shown;
        view.straight = new Map();
        view.partial = data.nodes.some(function (node) { return !state.shown[node.id]; });
      }
      var route = drawing.lines[index];
      var key = (theme || state.theme) + ":" + index;
      if (!view.straight.has(key)) {
        var link = data.links[index];
        var first = route[0];
        var last = route[route.length - 1];
        var clear = view.partial && route.length > 2 && data.nodes.every(function (node) {
          if (!state.shown[node.id] || node.id === link.from || node.id === link.to) { return true; }
          var box = drawing.boxes[node.id];
          return !segmentMeetsBox(first, last, box, CLEARANCE);
        });
        view.straight.set(key, clear ? [first, last] : route);
      }
      return view.straight.get(key);
    },

    /* The lines, under the boxes, in map units (vis-network has already
     * scaled and moved the context to the view). Faded lines first, so the
     * lit argument is drawn over them. */
    drawLines: function (ctx) {
      var drawing = data.vis.layout[state.theme];
      var order = [];
      data.links.forEach(function (link, index) { if (view.isLinkShown(index)) { order.push(index); } });
      order.sort(function (a, b) { return (view.isLinkFaded(b) ? 1 : 0) - (view.isLinkFaded(a) ? 1 : 0); });
      order.forEach(function (index) {
        var style = data.vis.lineStyles[index];
        var points = view.linePoints(index);
        ctx.save();
        ctx.globalAlpha = view.isLinkFaded(index) ? FADED : 0.92;
        ctx.strokeStyle = style.color;
        ctx.fillStyle = style.color;
        ctx.lineWidth = style.width;
        ctx.lineJoin = "round";
        var end = points[points.length - 1];
        var before = points[points.length - 2];
        var dx = end[0] - before[0];
        var dy = end[1] - before[1];
        var length = Math.sqrt(dx * dx + dy * dy) || 1;
        var ux = dx / length;
        var uy = dy / length;
        var stop = style.head === "arrow" ? [end[0] - ux * ARROW, end[1] - uy * ARROW] : end;
        ctx.setLineDash(style.dash);
        ctx.beginPath();
        ctx.moveTo(points[0][0], points[0][1]);
        for (var i = 1; i < points.length - 1; i++) { ctx.lineTo(points[i][0], points[i][1]); }
        ctx.lineTo(stop[0], stop[1]);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.beginPath();
        if (style.head === "arrow") {
          ctx.moveTo(end[0], end[1]);
          ctx.lineTo(stop[0] - uy * ARROW / 2, stop[1] + ux * ARROW / 2);
          ctx.lineTo(stop[0] + uy * ARROW / 2, stop[1] - ux * ARROW / 2);
          ctx.closePath();
          ctx.fill();
        } else {
          ctx.lineWidth = 3;
          ctx.moveTo(end[0] - uy * 6, end[1] + ux * 6);
          ctx.lineTo(end[0] + uy * 6, end[1] - ux * 6);
          ctx.stroke();
        }
        ctx.restore();
      });
    },

    /* What is drawn now (docs/interface.md, argmap.geometry()). */
    geometry: function () {
      var drawing = data.vis.layout[state.theme];
      var fresh = state.fresh;
      var boxes = [];
      data.nodes.forEach(function (node) {
        if (!state.shown[node.id]) { return; }
        var box = drawing.boxes[node.id];
        // vis-network's own node (getPositions rounds to whole units).
        var drawn = view.network.body.nodes[node.id];
        boxes.push({
          id: node.id, kind: node.kind, x: drawn.x, y: drawn.y,
          width: drawn.shape.width, height: drawn.shape.height,
          text: view.nodes.get(node.id).label, fontSize: box.fontSize,
          faded: view.isFaded(node.id), fresh: fresh.has(node.id)
        });
      });
      var lines = [];
      data.links.forEach(function (link, index) {
        if (!view.isLinkShown(index)) { return; }
        lines.push({
          from: link.from, to: link.to, relation: link.relation,
          points: view.linePoints(index).map(function (p) { return [p[0], p[1]]; }),
          faded: view.isLinkFaded(index)
        });
      });
      return {scale: view.network.getScale(), boxes: boxes, lines: lines};
    },

    /* Fit the given nodes (all when omitted) as large as they go, never past
     * maxZoom. vis-network's fit leaves a 10% margin; the layout already
     * has room between boxes, so most of it is taken back. */
    fit: function (ids, maxZoom) {
      var limit = maxZoom || 1;
      if (!ids) {
        // The whole drawing, lines included, as the layout measured it
        // (layout.METRICS assumes this margin).
        var drawing = data.vis.layout[state.theme];
        var rect = $("map").getBoundingClientRect();
        if (!rect.width || !rect.height) { return; }  // the map is hidden (another view): fit when shown
        var whole = Math.min(limit, FIT * Math.min(rect.width / drawing.width, rect.height / drawing.height));
        var claimSize = data.vis.groups[state.theme].claim.font.size;
        var floor = view.leastPx(rect);
        var least = floor[1] / claimSize;
        view.cropped = whole < floor[0] / claimSize;
        $("map-whole").hidden = !(view.cropped || view.wholeAsked);
        $("map-whole").textContent = view.cropped ? "Whole map" : "Readable size";
        if (!view.cropped) {
          view.network.moveTo({position: {x: drawing.width / 2, y: drawing.height / 2},
                               scale: whole, animation: false});
          return;
        }
        // The top of the map, readable: centred on a projector (the class
        // sees both sides begin), else from the map's left edge (a phone or
        // a tablet, read alone: the first side's claims from their first
        // column, none cut at the screen's edge, the rest a pan away);
        // either way with the first side whole on screen where it fits.
        var across = rect.width / least;
        var side = drawing.boxes[data.sides[0].id];
        var x = state.theme === "projector" ? drawing.width / 2 : across / 2 - 6;
        if (side.width <= across) {
          x = Math.min(Math.max(x, side.x + side.width / 2 - across / 2), side.x - side.width / 2 + across / 2);
        }
        x = Math.min(Math.max(x, across / 2 - 6), drawing.width - across / 2 + 6);
        view.network.moveTo({position: {x: x, y: rect.height / 2 / least - 6}, scale: least, animation: false});
        return;
      }
      view.network.fit({animation: false, maxZoomLevel: limit, nodes: ids});
      var scale = Math.min(limit, view.network.getScale() * 1.1 * 0.98);
      view.network.moveTo({scale: scale, animation: false});
    },

    cropped: false,         // the first view shows the top of the map, readable, not all of it
    wholeAsked: false,      // the reader asked for the whole map, however small its type

    /* [below, at]: when the whole map's claim type would be smaller than
     * ``below`` px, the first view shows the top of the map with claim type
     * ``at`` px instead (see PHONE_PX). A laptop's whole map (11 px or more
     * at 1366x768) is never cropped; a tablet's when it would be smaller
     * than a student can read without zooming. */
    leastPx: function (rect) {
      if (view.wholeAsked) { return [0, 0]; }
      if (state.theme === "projector") {
        var px = PROJECTOR_PX * Math.max(1, Math.min(window.innerWidth / 1366, window.innerHeight / 768));
        return [px, px];
      }
      if (rect.width < NARROW) { return [PHONE_PX, PHONE_PX]; }
      var touch = window.matchMedia && window.matchMedia("(pointer: coarse)").matches;
      return [touch ? TOUCH_PX : SMALL_PX, PHONE_PX];
    },

    /* The button on the map: the whole map, however small, or back. */
    toggleWhole: function () {
      view.wholeAsked = !view.wholeAsked;
      view.fitShown();
    },

    /* Entering full screen or resizing the window: fit again, unless the
     * reader has zoomed or panned, once the size has settled. */
    readerMoved: false,
    resizeQueued: false,
    size: "",               // the map area's "widthxheight" when last fitted by refit
    onResize: function () {
      if (view.readerMoved || view.resizeQueued) { return; }
      view.resizeQueued = true;
      window.requestAnimationFrame(function () {
        view.resizeQueued = false;
        view.network.redraw();
        view.fitShown();
      });
    },

    /* During a reveal the class sees only part of the map: bring that part
     * up to a size readable from the back of the room. */
    fitShown: function () {
      view.readerMoved = false;
      // A projector shows small maps larger than life, for the back row.
      if (state.revealStep === null) { view.fit(null, state.theme === "projector" ? 1.5 : 1); return; }
      // A reveal fits what it shows: no whole map to offer.
      $("map-whole").hidden = true;
      var shown = data.nodes.filter(function (node) { return state.shown[node.id]; })
        .map(function (node) { return node.id; });
      view.fit(shown, state.theme === "projector" ? 1.6 : 1.3);
      // Leave the step banner (top left) its own strip above the question.
      var banner = $("reveal-status").getBoundingClientRect().height + 8;
      view.network.moveTo({position: view.network.getViewPosition(), offset: {x: 0, y: banner / 2},
                           scale: view.network.getScale() * 0.94, animation: false});
    },

    /* Each theme has its own drawing: the projector's larger type needs
     * larger boxes (the same label lines) and its own arrangement. */
    setTheme: function (theme) {
      var boxes = data.vis.layout[theme].boxes;
      var groups = data.vis.groups[theme];
      view.network.setOptions({groups: groups});
      view.nodes.update(data.vis.nodes.map(function (node) {
        var box = boxes[node.id];
        // vis-network's constraints hold the text area, inside the margin
        // (no maximum: vis-network would break the lines again itself).
        var inner = 2 * groups[node.group].margin;
        return {id: node.id, x: box.x, y: box.y, label: box.lines.join("\n"),
                widthConstraint: {minimum: box.width - inner},
                heightConstraint: {minimum: box.height - inner, valign: "middle"}};
      }));
      view.refit();
    },

    /* How tall a group's label type is on screen now, in CSS px. */
    labelPx: function (group) {
      return view.network.getScale() * data.vis.groups[state.theme][group].font.size;
    },

    /* The panel opened or folded: refit only if that resized the map (on a
     * phone the panel sits below it, and the reader's zoom stays). */
    refitIfResized: function () {
      var rect = $("map").getBoundingClientRect();
      var size = rect.width + "x" + rect.height;
      if (size !== view.size) { view.refit(); }
    },

    /* The map area changed size without a window resize (the panel). */
    refit: function () {
      var rect = $("map").getBoundingClientRect();
      view.size = rect.width + "x" + rect.height;
      view.network.redraw();
      view.fitShown();
    },

    /* Restyle set-aside evidence once per task: vis-network does work for
     * the whole map on every update call, so many toggles (a "set all
     * aside", a test sweeping each item) share one call. */
    pendingGroups: new Set(),
    setEvidenceGroup: function (id) {
      var first = view.pendingGroups.size === 0;
      view.pendingGroups.add(id);
      if (first) { Promise.resolve().then(view.flushGroups); }
    },

    flushGroups: function () {
      var updates = [];
      view.pendingGroups.forEach(function (id) {
        var group = groupOf.get(id);
        updates.push({id: id, group: state.accepted[id] === false ? group + "-aside" : group});
      });
      view.pendingGroups = new Set();
      view.nodes.update(updates);
    },

    /* Bring a node into the visible canvas; return its centre in client px. */
    position: function (id) {
      var rect = $("map").getBoundingClientRect();
      var where = view.network.getPositions([id])[id];
      var dom = view.network.canvasToDOM(where);
      var margin = 40;
      var inside = dom.x >= margin && dom.x <= rect.width - margin &&
                   dom.y >= margin && dom.y <= rect.height - margin;
      if (!inside) {
        view.network.moveTo({position: where, animation: false});
        dom = view.network.canvasToDOM(where);
      }
      return {x: rect.left + dom.x, y: rect.top + dom.y};
    },

    /* Centre a box on the map, e.g. after it was chosen in a list. */
    focus: function (id, options) {
      view.network.focus(id, options || {animation: {duration: 300}});
    }
  };

  kit.view = kit.views.register("map", view);
})(window.argmap = window.argmap || {});
