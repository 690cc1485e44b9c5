/* argmap: the map view, drawn with vis-network.
 *
 * Registers as view "map" (also kit.view, which plan.js and tests use):
 * draws every node once, then hides what the state no longer shows, restyles
 * evidence set aside, selects the selected box, and fits the map to the
 * screen when the reveal, the theme or the map area changes.
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

  var resolveDrawn;
  var FRESH_GLOW = {enabled: true, color: "rgba(217, 119, 6, 1)", size: 30, x: 0, y: 0};

  var view = {
    element: "map-view",
    nodes: null, edges: null, network: null,
    hidden: new Map(),      // node id -> hidden in the DataSet now
    edgeHidden: new Map(),  // link index -> hidden in the DataSet now
    /* Resolves once the map is first drawn. */
    drawn: new Promise(function (resolve) { resolveDrawn = resolve; }),

    start: function () {
      indexGroups();
      var container = $("map");
      view.nodes = new vis.DataSet(data.vis.nodes);
      view.edges = new vis.DataSet(data.vis.edges);
      var options = Object.assign({}, data.vis.options, {groups: data.vis.groups[state.theme]});
      view.network = new vis.Network(container, {nodes: view.nodes, edges: view.edges}, options);
      data.nodes.forEach(function (node) { view.hidden.set(node.id, false); });
      view.network.on("click", function (params) {
        if (params.nodes.length) { kit.select(params.nodes[0]); }
      });
      // Once a reader pans or zooms, the view is theirs: a resize keeps it.
      view.network.on("zoom", function () { view.readerMoved = true; });
      view.network.on("dragEnd", function (params) {
        if (!params.nodes.length) { view.readerMoved = true; }
      });
      window.addEventListener("resize", view.onResize);
      view.applyVisibility();
      view.markFresh();
      view.refit();
      view.network.once("afterDrawing", function () { resolveDrawn(); });
    },

    update: function (what, now, id) {
      if (what === "school" || what === "dates") { view.applyVisibility(); view.markFresh(); }
      else if (what === "reveal") { view.applyVisibility(); view.markFresh(); view.fitShown(); }
      else if (what === "evidence") { view.setEvidenceGroup(id); }
      else if (what === "selected") {
        if (now.selected === null) { view.network.unselectAll(); } else { view.network.selectNodes([now.selected]); }
      }
      else if (what === "theme") { view.setTheme(now.theme); }
      else if (what === "panel") { view.refitIfResized(); }
      else if (what === "view" && now.view === "map") { view.network.redraw(); }
      else if (what === "data") { view.syncData(); }
    },

    /* The page data changed (the reader's own items, workspace.js): boxes
     * are updated in place (a new box, a new group once evidence becomes
     * contested) and the lines drawn again, since a changed weight restyles
     * a line and vis-network cannot unset a style by updating it. */
    syncData: function () {
      indexGroups();
      var placed = data.vis.themes[state.theme];
      var wanted = new Set();
      var boxes = data.vis.nodes.map(function (node) {
        wanted.add(node.id);
        var where = placed[node.id];
        var group = state.accepted[node.id] === false ? node.group + "-aside" : node.group;
        return Object.assign({}, node, {x: where[0], y: where[1], label: where[2], group: group,
                                        hidden: !state.shown[node.id]});
      });
      var before = view.nodes.length;
      var gone = view.nodes.getIds().filter(function (id) { return !wanted.has(id); });
      view.nodes.remove(gone);
      view.nodes.update(boxes);
      var reshaped = gone.length > 0 || view.nodes.length !== before;
      view.hidden = new Map(data.nodes.map(function (node) { return [node.id, !state.shown[node.id]]; }));
      view.edgeHidden = new Map();
      view.edges.clear();
      view.edges.add(data.vis.edges.map(function (edge, index) {
        var link = data.links[index];
        var hidden = !(state.shown[link.from] && state.shown[link.to]);
        view.edgeHidden.set(index, hidden);
        return Object.assign({}, edge, {hidden: hidden});
      }));
      if (state.selected !== null) { view.network.selectNodes([state.selected]); }
      // New or removed boxes: show the whole map again, unless the reader has moved it.
      if (reshaped && !view.readerMoved) { view.fitShown(); }
    },

    /* Hide in the drawing what the state does not show, and each link
     * whose ends are not both shown; only what changed is updated. */
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
      var edgeUpdates = [];
      data.links.forEach(function (link, index) {
        var hidden = !(state.shown[link.from] && state.shown[link.to]);
        if (view.edgeHidden.get(index) !== hidden) {
          view.edgeHidden.set(index, hidden);
          edgeUpdates.push({id: "e" + index, hidden: hidden});
        }
      });
      if (edgeUpdates.length) { view.edges.update(edgeUpdates); }
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

    /* Fit the given nodes (all when omitted) as large as they go, never past
     * maxZoom. vis-network's fit leaves a 10% margin; the layout already
     * has room between boxes, so most of it is taken back. */
    fit: function (ids, maxZoom) {
      var limit = maxZoom || 1;
      var options = {animation: false, maxZoomLevel: limit};
      if (ids) { options.nodes = ids; }
      view.network.fit(options);
      var scale = Math.min(limit, view.network.getScale() * 1.1 * 0.98);
      view.network.moveTo({scale: scale, animation: false});
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
      var shown = data.nodes.filter(function (node) { return state.shown[node.id]; })
        .map(function (node) { return node.id; });
      view.fit(shown, state.theme === "projector" ? 1.6 : 1.3);
      // Leave the step banner (top left) its own strip above the question.
      var banner = $("reveal-status").getBoundingClientRect().height + 8;
      view.network.moveTo({position: view.network.getViewPosition(), offset: {x: 0, y: banner / 2},
                           scale: view.network.getScale() * 0.94, animation: false});
    },

    /* Each theme has its own layout: the projector's larger type needs
     * roomier boxes and shorter evidence labels, not just a bigger font. */
    setTheme: function (theme) {
      var placed = data.vis.themes[theme];
      view.network.setOptions({groups: data.vis.groups[theme]});
      view.nodes.update(data.vis.nodes.map(function (node) {
        var where = placed[node.id];
        return {id: node.id, x: where[0], y: where[1], label: where[2]};
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
