/* argmap: the map page's shared state, and the only functions that change it.
 *
 * The page is one namespace, window.argmap: the public API of
 * docs/interface.md (api.js) and the page's parts under argmap.kit. This file
 * comes first after weigh.js: it reads the page data, holds the state (lens,
 * evidence set aside, reveal, dates, selection, theme, view), decides what is
 * shown, and tells every view of each change through kit.onChange. Views
 * (mapview.js, outline.js, panel.js, ...) register with kit.views.register and
 * render from kit.state; none calls another, so a new view is one new file.
 *
 * Ids are data: every lookup by id goes through a Map or a null-prototype
 * object, so an id such as "constructor" or "valueof" is just another id.
 * Corpus text only ever reaches the page as text (kit.el); nothing here
 * assigns innerHTML.
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit = argmap.kit || {};
  var weigh = kit.weigh;

  /* An empty lookup table that no id can collide with. */
  function dict() { return Object.create(null); }

  function indexBy(list) {
    var index = new Map();
    list.forEach(function (item) { index.set(item.id, item); });
    return index;
  }

  /* A copy of a table keyed by id from the page data, with no prototype. */
  function table(object) { return Object.assign(dict(), object); }

  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  // The page data's tables keyed by id become null-prototype objects, so
  // data.claims[id] and the like find only what the data holds.
  data.claims = table(data.claims);
  data.evidence = table(data.evidence);
  Object.keys(data.evidence).forEach(function (id) { data.evidence[id].stances = table(data.evidence[id].stances); });
  Object.keys(data.vis.layout).forEach(function (theme) {
    data.vis.layout[theme].boxes = table(data.vis.layout[theme].boxes);
  });
  var model = weigh.model(data);
  var nodeIndex = indexBy(data.nodes);
  var sideIndex = indexBy(data.sides);
  var schoolIndex = indexBy(data.schools);
  var claimIndex = new Map(Object.keys(data.claims).map(function (id) { return [id, data.claims[id]]; }));
  var evidenceIndex = new Map(Object.keys(data.evidence).map(function (id) { return [id, data.evidence[id]]; }));

  /* Fill an index Map again, in place (views hold the Map itself). */
  function refill(index, entries) {
    index.clear();
    entries.forEach(function (entry) { index.set(entry[0], entry[1]); });
  }

  var state = {
    school: null,        // school id of the lens, or null for the whole debate
    accepted: dict(),    // evidence id -> false when set aside
    revealStep: null,    // null: no reveal; n: the first n claims of revealSteps() are shown
    position: true,      // false under the lens of a school that takes no position here
    balanceHidden: data.theme === "projector",  // hide the balance until a reveal's last step
    dateFrom: null,      // years; null is open
    dateTo: null,
    selected: null,
    theme: data.theme,
    view: "map",
    weighing: null,
    shown: dict(),       // node id -> true when shown now (lens, reveal and dates allow it)
    fresh: new Set()     // ids the last reveal step newly showed; empty otherwise
  };

  /* ---------- change notices ---------- */

  var listeners = [];
  /* listener(what, state, detail); what is "school", "evidence" (detail: its
   * id), "reveal", "dates", "selected", "view", "theme", "panel" or "data"
   * (the reader's own additions changed the page data: redraw from it). */
  function onChange(listener) { listeners.push(listener); }
  function changed(what, detail) { listeners.forEach(function (listener) { listener(what, state, detail); }); }

  /* ---------- views ---------- */

  /* Each view: {start(), update(what, state), element, show(on)}, all
   * optional. start runs once when the page starts (at once for a view
   * registered later); update runs on every change; element is the id of the
   * view's section, shown only while state.view is this view's name. */
  var views = {
    list: [],
    byName: new Map(),
    started: false,
    register: function (name, view) {
      if (views.byName.has(name)) { throw new Error("view '" + name + "' is registered twice"); }
      views.list.push(view);
      views.byName.set(name, view);
      if (view.update) { onChange(view.update); }
      if (views.started && view.start) { view.start(); }
      return view;
    },
    get: function (name) { return views.byName.get(name); },
    /* Show the current view's section and hide the others'. */
    showCurrent: function () {
      views.byName.forEach(function (view, name) {
        if (view.element) { $(view.element).hidden = name !== state.view; }
      });
    },
    /* Start every view in load order (api.js calls this once). */
    start: function () {
      views.started = true;
      views.list.forEach(function (view) { if (view.start) { view.start(); } });
    }
  };

  /* ---------- small helpers ---------- */

  function $(id) { return document.getElementById(id); }

  /* A DOM element with text children only: corpus text stays text. */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") { node.textContent = attrs[key]; }
      else if (key === "class") { node.className = attrs[key]; }
      else { node.setAttribute(key, attrs[key]); }
    });
    (children || []).forEach(function (child) {
      if (child !== null && child !== undefined) {
        node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
      }
    });
    return node;
  }

  function requireNode(id) {
    if (!nodeIndex.has(id)) { throw new Error("unknown node '" + id + "'"); }
    return nodeIndex.get(id);
  }

  function kindOf(id) { return nodeIndex.get(id).kind; }

  /* Links into and out of each node, in data order (indices into data.links). */
  var into = new Map();
  var outOf = new Map();
  function indexLinks() {
    into.clear();
    outOf.clear();
    data.nodes.forEach(function (node) { into.set(node.id, []); outOf.set(node.id, []); });
    data.links.forEach(function (link, index) {
      into.get(link.to).push(index);
      outOf.get(link.from).push(index);
    });
  }
  indexLinks();

  /* Everything that feeds a claim: its evidence and claims, all the way down. */
  function feeders(id) {
    var seen = new Set();
    var stack = [id];
    while (stack.length) {
      var current = stack.pop();
      into.get(current).forEach(function (index) {
        var child = data.links[index].from;
        if (!seen.has(child)) { seen.add(child); stack.push(child); }
      });
    }
    return seen;
  }

  /* The reveal's order: sides in order; on each, its listed claims in order,
   * each followed (depth first) by the claims that feed it and have not come
   * yet. Every claim of the map is on a path to a side, so all are in it. An
   * explicit stack: a long chain of claims must not exhaust the call stack. */
  var revealOrder = [];
  function orderReveal() {
    revealOrder.length = 0;
    var placed = new Set();
    data.sides.forEach(function (side) {
      var stack = side.claims.slice().reverse();
      while (stack.length) {
        var claim = stack.pop();
        if (placed.has(claim)) { continue; }
        placed.add(claim);
        revealOrder.push(claim);
        var feeding = into.get(claim).map(function (index) { return data.links[index].from; })
          .filter(function (from) { return kindOf(from) === "claim"; });
        for (var i = feeding.length - 1; i >= 0; i--) { stack.push(feeding[i]); }
      }
    });
  }
  orderReveal();

  /* ---------- what is shown ---------- */

  var lensKeep = null;     // null-prototype set of the lens's ids, or null
  var revealSteps = revealOrder;  // the claims a reveal steps through under the lens

  function lensAllows(id) {
    var kind = kindOf(id);
    return !lensKeep || kind === "question" || kind === "side" || lensKeep[id] === true;
  }

  /* Claims the reveal shows at a step (null: no reveal, all of them). */
  function revealedAt(step) {
    return step === null ? null : new Set(revealSteps.slice(0, step));
  }

  /* The reveal allows a claim it has reached, and evidence one of those cites. */
  function revealAllows(id) {
    var kind = kindOf(id);
    if (state.revealStep === null || kind === "question" || kind === "side") { return true; }
    var revealed = revealedAt(state.revealStep);
    if (kind === "claim") { return revealed.has(id); }
    return outOf.get(id).some(function (index) { return revealed.has(data.links[index].to); });
  }

  function dateAllows(id) {
    if (kindOf(id) !== "evidence") { return true; }
    var years = evidenceIndex.get(id).years;
    return (state.dateFrom === null || years[1] >= state.dateFrom) &&
           (state.dateTo === null || years[0] <= state.dateTo);
  }

  /* What is shown at a reveal step under the current lens and dates: the
   * question and sides; the claims the lens holds and the reveal has reached;
   * evidence only when a shown claim cites it, so no box is left without a
   * line. A null-prototype set. */
  function shownAt(step) {
    var revealed = revealedAt(step);
    var shown = dict();
    data.nodes.forEach(function (node) {
      if (node.kind === "question" || node.kind === "side") { shown[node.id] = true; }
      else if (node.kind === "claim") {
        shown[node.id] = lensAllows(node.id) && (!revealed || revealed.has(node.id));
      }
    });
    data.links.forEach(function (link) {
      if (shown[link.to] === true && kindOf(link.from) === "evidence" && dateAllows(link.from)) {
        shown[link.from] = true;
      }
    });
    data.nodes.forEach(function (node) { shown[node.id] = shown[node.id] === true; });
    return shown;
  }

  function isShown(id) { return state.shown[id] === true; }

  /* state.shown, and state.fresh: what the last reveal step newly showed
   * (empty outside a reveal and at its start). */
  function computeShown() {
    state.shown = shownAt(state.revealStep);
    var fresh = new Set();
    if (state.revealStep) {
      var before = shownAt(state.revealStep - 1);
      data.nodes.forEach(function (node) { if (state.shown[node.id] && !before[node.id]) { fresh.add(node.id); } });
    }
    state.fresh = fresh;
  }

  /* ---------- weighing ---------- */

  function reweigh() {
    state.weighing = weigh.weigh(data, model, state.accepted, state.school);
  }

  /* ---------- the changes ---------- */

  /* id: a node, or null to clear the selection. */
  function select(id) {
    if (id !== null) { requireNode(id); }
    state.selected = id;
    changed("selected");
  }

  /* Any school of the corpus. One that takes no position on this question
   * (weigh.takesPosition) keeps only the question and its sides in view. */
  function setSchool(id) {
    if (id !== null && id !== undefined && !schoolIndex.has(id)) {
      throw new Error("unknown school '" + id + "'");
    }
    state.school = id || null;
    state.position = weigh.takesPosition(data, state.school);
    lensKeep = state.school ? (state.position ? weigh.lens(data, state.school) : dict()) : null;
    revealSteps = revealOrder.filter(lensAllows);
    if (state.revealStep !== null) { state.revealStep = Math.min(state.revealStep, revealSteps.length); }
    reweigh();
    computeShown();
    changed("school");
  }

  function setEvidence(id, accepted) {
    requireNode(id);
    if (kindOf(id) !== "evidence") { throw new Error("'" + id + "' is not evidence"); }
    if ((state.accepted[id] !== false) === Boolean(accepted)) { return; }
    if (accepted) { delete state.accepted[id]; } else { state.accepted[id] = false; }
    reweigh();
    changed("evidence", id);
  }

  /* step: null for no reveal, or how many of the lens's claims (revealSteps())
   * are shown, from 0 (the question and sides) to all of them. */
  function setReveal(step) {
    if (step !== null && !(step >= 0 && step <= revealSteps.length && step === Math.floor(step))) {
      throw new Error("no reveal step " + step + " (this map has " + revealSteps.length + ")");
    }
    state.revealStep = step;
    computeShown();
    changed("reveal");
  }

  /* Whether the balance is kept hidden until a reveal's last step. */
  function setBalanceHidden(hidden) {
    state.balanceHidden = Boolean(hidden);
    changed("balanceHidden");
  }

  /* Years, or null for an open end. */
  function setDates(from, to) {
    state.dateFrom = from;
    state.dateTo = to;
    computeShown();
    changed("dates");
  }

  /* which: the name of a registered view that has a section ("map", "outline"). */
  function setView(which) {
    var view = views.get(which);
    if (!view || !view.element) { throw new Error("unknown view '" + which + "'"); }
    state.view = which;
    views.showCurrent();
    changed("view");
  }

  function setTheme(theme) {
    state.theme = theme;
    changed("theme");
  }

  /* The page data itself changed: workspace.js added or removed the
   * reader's own items (nodes and links only ever appended after the
   * corpus's, so link indices of the corpus's links stay put). Index it
   * again, weigh it again, and tell every view ("data"). */
  function dataChanged() {
    model = kit.model = weigh.model(data);
    refill(nodeIndex, data.nodes.map(function (node) { return [node.id, node]; }));
    refill(sideIndex, data.sides.map(function (side) { return [side.id, side]; }));
    refill(claimIndex, Object.keys(data.claims).map(function (id) { return [id, data.claims[id]]; }));
    refill(evidenceIndex, Object.keys(data.evidence).map(function (id) { return [id, data.evidence[id]]; }));
    indexLinks();
    orderReveal();
    Object.keys(state.accepted).forEach(function (id) {
      if (!evidenceIndex.has(id)) { delete state.accepted[id]; }
    });
    if (state.selected !== null && !nodeIndex.has(state.selected)) { state.selected = null; }
    state.position = weigh.takesPosition(data, state.school);
    revealSteps = revealOrder.filter(lensAllows);
    if (state.revealStep !== null) { state.revealStep = Math.min(state.revealStep, revealSteps.length); }
    reweigh();
    computeShown();
    // Before the views start (stored additions applied as the page loads)
    // there is nothing drawn yet to tell.
    if (views.started) { changed("data"); }
  }

  reweigh();
  computeShown();

  Object.assign(kit, {
    data: data, model: model, state: state,
    dict: dict, table: table, $: $, el: el,
    onChange: onChange, changed: changed, views: views,
    index: {nodes: nodeIndex, sides: sideIndex, schools: schoolIndex, claims: claimIndex, evidence: evidenceIndex},
    into: into, outOf: outOf, feeders: feeders, revealOrder: revealOrder,
    revealSteps: function () { return revealSteps; }, shownAt: shownAt,
    requireNode: requireNode, kindOf: kindOf,
    lensAllows: lensAllows, revealAllows: revealAllows, dateAllows: dateAllows, isShown: isShown,
    select: select, setSchool: setSchool, setEvidence: setEvidence, setReveal: setReveal,
    setDates: setDates, setView: setView, setTheme: setTheme, setBalanceHidden: setBalanceHidden,
    dataChanged: dataChanged
  });
})(window.argmap = window.argmap || {});
