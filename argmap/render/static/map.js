/* argmap: the interactive map page.
 *
 * One namespace, window.argmap: the public API of docs/interface.md on it, and the
 * page's parts under argmap.kit (weigh, state, view, panel, controls) for
 * later additions such as the essay-plan panel, which registers a tab with
 * argmap.kit.panel.addTab and listens with argmap.kit.onChange.
 *
 * Data flows one way: the JSON blob -> state (lens, evidence set aside,
 * reveal, dates) -> weighing -> what is drawn and written. Corpus text only
 * ever reaches the page through textContent and vis-network's text tooltips;
 * nothing here assigns innerHTML.
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit = argmap.kit || {};
  var weigh = kit.weigh;

  var data = JSON.parse(document.getElementById("argmap-data").textContent);
  var model = weigh.model(data);
  var nodeIndex = {};
  data.nodes.forEach(function (node) { nodeIndex[node.id] = node; });
  var groupOf = {};
  data.vis.nodes.forEach(function (node) { groupOf[node.id] = node.group; });
  var sideIndex = {};
  data.sides.forEach(function (side) { sideIndex[side.id] = side; });
  var schoolIndex = {};
  data.schools.forEach(function (school) { schoolIndex[school.id] = school; });

  var state = {
    school: null,        // school id of the lens, or null for the whole debate
    accepted: {},        // evidence id -> false when set aside
    revealStep: null,    // null: no reveal; n: the first n claims are revealed
    dateFrom: null,      // years; null is open
    dateTo: null,
    selected: null,
    theme: data.theme,
    view: "map",
    weighing: null,
    shown: {}            // node id -> drawn now
  };

  var listeners = [];
  function onChange(listener) { listeners.push(listener); }
  function changed(what) { listeners.forEach(function (listener) { listener(what, state); }); }

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
    if (!Object.prototype.hasOwnProperty.call(nodeIndex, id)) {
      throw new Error("unknown node '" + id + "'");
    }
    return nodeIndex[id];
  }

  function kindOf(id) { return nodeIndex[id].kind; }

  /* Links into and out of each node, in data order. */
  var into = {};
  var outOf = {};
  data.nodes.forEach(function (node) { into[node.id] = []; outOf[node.id] = []; });
  data.links.forEach(function (link, index) {
    into[link.to].push(index);
    outOf[link.from].push(index);
  });

  /* Everything that feeds a claim: its evidence and claims, all the way down. */
  function feeders(id) {
    var seen = {};
    var stack = [id];
    while (stack.length) {
      var current = stack.pop();
      into[current].forEach(function (index) {
        var child = data.links[index].from;
        if (!seen[child]) { seen[child] = true; stack.push(child); }
      });
    }
    return seen;
  }

  var revealOrder = [];
  data.sides.forEach(function (side) { side.claims.forEach(function (c) { revealOrder.push(c); }); });

  /* ---------- what is shown ---------- */

  var lensKeep = null;

  function lensAllows(id) {
    var kind = kindOf(id);
    return !lensKeep || kind === "question" || kind === "side" || lensKeep[id] === true;
  }

  var revealed = null;

  function computeRevealed() {
    if (state.revealStep === null) { revealed = null; return; }
    revealed = {};
    revealOrder.slice(0, state.revealStep).forEach(function (claim) {
      revealed[claim] = true;
      var feeding = feeders(claim);
      Object.keys(feeding).forEach(function (id) { revealed[id] = true; });
    });
  }

  function revealAllows(id) {
    var kind = kindOf(id);
    return !revealed || kind === "question" || kind === "side" || revealed[id] === true;
  }

  function dateAllows(id) {
    if (kindOf(id) !== "evidence") { return true; }
    var years = data.evidence[id].years;
    return (state.dateFrom === null || years[1] >= state.dateFrom) &&
           (state.dateTo === null || years[0] <= state.dateTo);
  }

  function isShown(id) { return lensAllows(id) && revealAllows(id) && dateAllows(id); }

  function applyVisibility() {
    var nodeUpdates = [];
    data.nodes.forEach(function (node) {
      var shown = isShown(node.id);
      if (state.shown[node.id] !== shown) {
        state.shown[node.id] = shown;
        nodeUpdates.push({id: node.id, hidden: !shown});
      }
    });
    if (nodeUpdates.length) { view.nodes.update(nodeUpdates); }
    var edgeUpdates = [];
    data.links.forEach(function (link, index) {
      var hidden = !(state.shown[link.from] && state.shown[link.to]);
      if (view.edgeHidden[index] !== hidden) {
        view.edgeHidden[index] = hidden;
        edgeUpdates.push({id: "e" + index, hidden: hidden});
      }
    });
    if (edgeUpdates.length) { view.edges.update(edgeUpdates); }
    controls.showRevealStatus();
  }

  /* ---------- weighing ---------- */

  function reweigh() {
    state.weighing = weigh.weigh(data, model, state.accepted, state.school);
    balanceMeter.render();
  }

  /* ---------- the drawing ---------- */

  var view = {
    nodes: null, edges: null, network: null, edgeHidden: {},

    start: function () {
      var container = $("map");
      view.nodes = new vis.DataSet(data.vis.nodes);
      view.edges = new vis.DataSet(data.vis.edges);
      var options = Object.assign({}, data.vis.options, {groups: data.vis.groups[state.theme]});
      view.network = new vis.Network(container, {nodes: view.nodes, edges: view.edges}, options);
      data.nodes.forEach(function (node) { state.shown[node.id] = true; });
      view.network.on("click", function (params) {
        if (params.nodes.length) { select(params.nodes[0]); }
      });
      // Once a reader pans or zooms, the view is theirs: a resize keeps it.
      view.network.on("zoom", function () { view.readerMoved = true; });
      view.network.on("dragEnd", function (params) {
        if (!params.nodes.length) { view.readerMoved = true; }
      });
      window.addEventListener("resize", view.onResize);
      view.fitShown();
      view.network.once("afterDrawing", function () {
        document.documentElement.dataset.ready = "true";
        resolveReady();
      });
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

    /* The map area changed size without a window resize (the panel). */
    refit: function () {
      view.network.redraw();
      view.fitShown();
    },

    /* Restyle set-aside evidence once per task: vis-network does work for
     * the whole map on every update call, so many toggles (a "set all
     * aside", a test sweeping each item) share one call. */
    pendingGroups: {},
    setEvidenceGroup: function (id) {
      var first = Object.keys(view.pendingGroups).length === 0;
      view.pendingGroups[id] = true;
      if (first) { Promise.resolve().then(view.flushGroups); }
    },

    flushGroups: function () {
      var updates = Object.keys(view.pendingGroups).map(function (id) {
        return {id: id, group: state.accepted[id] === false ? groupOf[id] + "-aside" : groupOf[id]};
      });
      view.pendingGroups = {};
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
    }
  };

  /* ---------- side panel: balance, tabs, details, evidence list ---------- */

  var balanceMeter = {
    render: function () {
      var shares = state.weighing.shares;
      var meter = $("meter");
      var list = $("balance-list");
      data.sides.forEach(function (side) {
        var share = shares[side.id];
        var pct = weigh.percent(share);
        var segment = meter.querySelector('[data-side="' + side.order + '"]');
        segment.style.width = (share * 100) + "%";
        segment.title = side.label + ": " + pct + "%";
        var item = list.querySelector('[data-side="' + side.order + '"]');
        item.querySelector(".share").textContent = pct + "%";
        item.querySelector(".words").textContent = weigh.extentWords(share);
      });
      var school = state.school ? schoolIndex[state.school] : null;
      $("balance-lens").textContent = school ? "As the " + school.name + " argues it" : "The whole debate";
      var aside = Object.keys(state.accepted).filter(function (id) { return state.accepted[id] === false; });
      $("balance-aside").textContent = aside.length
        ? aside.length + " evidence item" + (aside.length === 1 ? "" : "s") + " set aside"
        : "";
    }
  };

  var panel = {
    tabs: [],

    /* Register a tab: {id, label, panel (element id), onShow()}. */
    addTab: function (tab) {
      panel.tabs.push(tab);
      var button = $("tab-" + tab.id);
      if (!button) {
        button = el("button", {type: "button", role: "tab", id: "tab-" + tab.id,
                               "aria-controls": tab.panel, "aria-selected": "false", text: tab.label});
        $("tabs").appendChild(button);
      }
      button.addEventListener("click", function () { panel.show(tab.id); });
      button.addEventListener("keydown", function (event) {
        var step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
        if (!step) { return; }
        event.preventDefault();
        event.stopPropagation();
        var index = (panel.tabs.indexOf(tab) + step + panel.tabs.length) % panel.tabs.length;
        panel.show(panel.tabs[index].id);
        $("tab-" + panel.tabs[index].id).focus();
      });
    },

    show: function (id) {
      panel.tabs.forEach(function (tab) {
        var active = tab.id === id;
        var button = $("tab-" + tab.id);
        button.setAttribute("aria-selected", active ? "true" : "false");
        button.tabIndex = active ? 0 : -1;
        $(tab.panel).hidden = !active;
        if (active && tab.onShow) { tab.onShow(); }
      });
    }
  };

  function nodeButton(id, text) {
    var button = el("button", {type: "button", class: "link-button", "data-node": id,
                               text: text || nodeIndex[id].label});
    button.addEventListener("click", function () { select(id); view.network.focus(id, {animation: {duration: 300}}); });
    return button;
  }

  function strengthText(id) {
    var strength = state.weighing.strengths[id];
    if (strength === undefined) { return "not weighed under this lens"; }
    return weigh.percent(strength) + "%";
  }

  function field(label, value) {
    if (value === null || value === undefined || value === "") { return null; }
    return el("div", {class: "field"}, [el("dt", {text: label}), el("dd", {}, [value])]);
  }

  function linkList(title, indices, pick) {
    if (!indices.length) { return null; }
    return el("section", {class: "related"}, [
      el("h4", {text: title}),
      el("ul", {}, indices.map(function (index) {
        var link = data.links[index];
        var other = pick(link);
        var weight = link.weight === 0.25 ? "weak" : link.weight === 0.75 ? "strong" : link.weight === 1 ? "" : "moderate";
        return el("li", {class: "rel-" + link.relation}, [
          el("span", {class: "rel", text: link.relation + (weight ? " (" + weight + ")" : "")}), " ",
          nodeButton(other),
          link.reading ? el("p", {class: "reading", text: link.reading}) : null
        ]);
      }))
    ]);
  }

  var details = {
    render: function () {
      var box = $("details");
      box.textContent = "";
      var id = state.selected;
      if (id === null) {
        box.appendChild(el("p", {class: "hint", text: "Click a box on the map, or find one above, to read it in full here."}));
        return;
      }
      var kind = kindOf(id);
      box.appendChild(el("p", {class: "kind-badge kind-" + kind, text: details.kindName(id)}));
      box.appendChild(details[kind](id));
    },

    kindName: function (id) {
      var kind = kindOf(id);
      if (kind === "evidence") {
        return "Evidence · " + data.evidence[id].kind + (data.evidence[id].contested ? " · contested" : "");
      }
      return {question: "Question", side: "Side", claim: "Claim"}[kind];
    },

    question: function () {
      var q = data.question;
      return el("div", {}, [
        el("h3", {class: "full-text", text: q.text}),
        el("dl", {}, [
          field("Session", q.session || "Practice question"),
          field("Paper", String(q.paper)),
          field("Command term", q.command_term),
          field("Period", q.period ? q.period[0] + "–" + q.period[1] : null)
        ]),
        el("h4", {text: "Sides"}),
        el("ul", {}, data.sides.map(function (side) {
          return el("li", {}, [nodeButton(side.id), " ", weigh.percent(state.weighing.shares[side.id]) + "%"]);
        }))
      ]);
    },

    side: function (id) {
      var side = sideIndex[id];
      var share = state.weighing.shares[id];
      return el("div", {}, [
        el("h3", {class: "full-text", text: side.label}),
        el("p", {class: "verdict", text: weigh.percent(share) + "% of the weight: " + weigh.extentWords(share)}),
        el("h4", {text: "Claims on this side"}),
        el("ol", {}, side.claims.map(function (claim) {
          return el("li", {}, [nodeButton(claim), " ", el("span", {class: "strength", text: strengthText(claim)})]);
        }))
      ]);
    },

    claim: function (id) {
      var claim = data.claims[id];
      var holders = data.schools.filter(function (s) { return s.holds.indexOf(id) >= 0; });
      var rejecters = data.schools.filter(function (s) { return s.rejects.indexOf(id) >= 0; });
      var onSide = data.sides.filter(function (s) { return s.claims.indexOf(id) >= 0; });
      function schools(list) {
        return list.length ? el("span", {}, list.map(function (s, i) {
          return el("span", {}, [i ? ", " : "", el("span", {class: "school-name", text: s.name})]);
        })) : null;
      }
      var feeding = into[id];
      var argued = outOf[id].filter(function (index) { return kindOf(data.links[index].to) === "claim"; });
      return el("div", {}, [
        el("h3", {class: "full-text", text: claim.text}),
        el("dl", {}, [
          field("Side", onSide.length ? nodeButton(onSide[0].id) : null),
          field("Strength", strengthText(id)),
          field("Held by", schools(holders)),
          field("Rejected by", schools(rejecters))
        ]),
        linkList("Backed by", feeding.filter(function (i) { return data.links[i].relation === "supports"; }),
                 function (link) { return link.from; }),
        linkList("Challenged by", feeding.filter(function (i) { return data.links[i].relation === "undermines"; }),
                 function (link) { return link.from; }),
        linkList("Argues about", argued, function (link) { return link.to; })
      ]);
    },

    evidence: function (id) {
      var item = data.evidence[id];
      var aside = state.accepted[id] === false;
      var toggle = el("button", {type: "button", class: "toggle-evidence", "aria-pressed": aside ? "true" : "false",
                                 text: aside ? "Bring this evidence back" : "Set this evidence aside"});
      toggle.addEventListener("click", function () { setEvidence(id, aside); });
      var stances = Object.keys(item.stances).map(function (side) {
        return el("li", {class: "stance-" + item.stances[side]}, [
          el("span", {class: "rel", text: item.stances[side]}), " ", nodeButton(side)
        ]);
      });
      return el("div", {}, [
        el("h3", {class: "full-text", text: item.title}),
        el("dl", {}, [
          field("Date", item.date),
          field("Source", item.source),
          field("Speaker", item.speaker),
          field("Tags", item.tags.length ? item.tags.join(", ") : null),
          field("Counted", aside ? "No, set aside" : "Yes")
        ]),
        item.quote ? el("blockquote", {class: "quote", text: item.quote}) : null,
        item.detail ? el("p", {class: "detail", text: item.detail}) : null,
        stances.length ? el("section", {class: "related"}, [el("h4", {text: "Bears on"}), el("ul", {}, stances)]) : null,
        linkList("Used by", outOf[id], function (link) { return link.to; }),
        toggle
      ]);
    }
  };

  var evidenceList = {
    start: function () {
      Array.prototype.forEach.call(document.querySelectorAll("#evidence-list input[data-evidence]"), function (box) {
        box.addEventListener("change", function () { setEvidence(box.getAttribute("data-evidence"), box.checked); });
      });
      Array.prototype.forEach.call(document.querySelectorAll("#evidence-list button[data-node]"), function (button) {
        button.addEventListener("click", function () { select(button.getAttribute("data-node")); });
      });
    },
    mark: function (id) {
      var box = document.querySelector('#evidence-list input[data-evidence="' + id + '"]');
      if (box) { box.checked = state.accepted[id] !== false; }
    }
  };

  /* ---------- outline view ---------- */

  var outline = {
    /* Mark every entry (after a lens change), or only those of one node. */
    mark: function (id) {
      var selector = id ? '#outline [data-node="' + id + '"]' : "#outline [data-node]";
      Array.prototype.forEach.call(document.querySelectorAll(selector), function (item) {
        var node = item.getAttribute("data-node");
        item.classList.toggle("is-aside", state.accepted[node] === false);
        item.classList.toggle("out-of-lens", !lensAllows(node));
      });
    }
  };

  /* ---------- controls ---------- */

  var controls = {
    start: function () {
      var lens = $("lens");
      lens.addEventListener("change", function () { setSchool(lens.value || null); });
      controls.startSearch();
      controls.startDates();
      $("reveal-start").addEventListener("click", function () { resetReveal(); });
      $("reveal-next").addEventListener("click", function () { revealNext(); });
      $("reveal-back").addEventListener("click", function () { revealBack(); });
      $("reveal-all").addEventListener("click", function () { revealAll(); });
      $("view-toggle").addEventListener("click", function () { setView(state.view === "map" ? "outline" : "map"); });
      $("projector").addEventListener("click", function () { toggleProjector(true); });
      $("panel-toggle").addEventListener("click", function () { togglePanel(); });
      document.addEventListener("keydown", controls.onKey);
    },

    onKey: function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) { return; }
      var target = event.target;
      var tag = target && target.tagName;
      if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || (target && target.isContentEditable)) { return; }
      var onButton = tag === "BUTTON";
      var key = event.key;
      if (key === "ArrowRight" || (key === " " && !onButton)) { revealNext(); }
      else if (key === "ArrowLeft") { revealBack(); }
      else if (key === "r" || key === "R") { resetReveal(); }
      else if (key === "p" || key === "P") { toggleProjector(true); }
      else if (key === "b" || key === "B") { togglePanel(); }
      else if (key === "o" || key === "O") { setView(state.view === "map" ? "outline" : "map"); }
      else { return; }
      event.preventDefault();
    },

    showRevealStatus: function () {
      var status = $("reveal-status");
      if (state.revealStep === null) {
        status.textContent = "";
        return;
      }
      var step = state.revealStep;
      var text = "Step " + step + " of " + revealOrder.length;
      if (step > 0) {
        var claim = revealOrder[step - 1];
        text += ": " + data.claims[claim].label + (lensAllows(claim) ? "" : " (not argued by this school)");
      }
      status.textContent = text;
    },

    startSearch: function () {
      var input = $("search");
      var results = $("search-results");
      var found = [];
      var active = -1;
      function haystack(node) {
        var parts = [node.label];
        if (node.kind === "claim") { parts.push(data.claims[node.id].text); }
        if (node.kind === "evidence") {
          var e = data.evidence[node.id];
          parts.push(e.title, e.date, e.detail || "", e.quote || "", e.speaker || "");
        }
        if (node.kind === "question") { parts.push(data.question.text); }
        return parts.join(" ").toLowerCase();
      }
      var haystacks = data.nodes.map(function (node) { return [node, haystack(node)]; });
      function close() { results.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1; }
      function choose(node) {
        close();
        input.value = node.label;
        select(node.id);
        view.network.focus(node.id, {scale: Math.max(view.network.getScale(), 0.9), animation: {duration: 300}});
      }
      function highlight(index) {
        active = index;
        Array.prototype.forEach.call(results.children, function (li, i) {
          li.setAttribute("aria-selected", i === index ? "true" : "false");
        });
        if (index >= 0) { input.setAttribute("aria-activedescendant", results.children[index].id); }
      }
      input.addEventListener("input", function () {
        var query = input.value.trim().toLowerCase();
        results.textContent = "";
        found = query ? haystacks.filter(function (pair) { return pair[1].indexOf(query) >= 0; })
          .slice(0, 8).map(function (pair) { return pair[0]; }) : [];
        found.forEach(function (node, i) {
          var li = el("li", {role: "option", id: "search-option-" + i, "aria-selected": "false"}, [
            el("span", {class: "kind-dot kind-" + node.kind, "aria-hidden": "true"}), node.label
          ]);
          li.addEventListener("mousedown", function (event) { event.preventDefault(); choose(node); });
          results.appendChild(li);
        });
        if (query && !found.length) { results.appendChild(el("li", {class: "none", text: "Nothing matches"})); }
        results.hidden = !query;
        input.setAttribute("aria-expanded", query ? "true" : "false");
        active = -1;
      });
      input.addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown" && found.length) { highlight(Math.min(active + 1, found.length - 1)); }
        else if (event.key === "ArrowUp" && found.length) { highlight(Math.max(active - 1, 0)); }
        else if (event.key === "Enter" && found.length) { choose(found[Math.max(active, 0)]); }
        else if (event.key === "Escape") { close(); }
        else { return; }
        event.preventDefault();
      });
      input.addEventListener("blur", close);
    },

    startDates: function () {
      var from = $("date-from");
      var to = $("date-to");
      if (!from) { return; }  // a map without evidence has no date filter
      function read(input) {
        var value = parseInt(input.value, 10);
        return isNaN(value) ? null : value;
      }
      function update() {
        state.dateFrom = read(from);
        state.dateTo = read(to);
        applyVisibility();
      }
      from.addEventListener("change", update);
      to.addEventListener("change", update);
      from.addEventListener("input", update);
      to.addEventListener("input", update);
    }
  };

  /* ---------- page modes ---------- */

  function setView(which) {
    state.view = which;
    var outlineShown = which === "outline";
    $("outline").hidden = !outlineShown;
    $("map-view").hidden = outlineShown;
    $("view-toggle").setAttribute("aria-pressed", outlineShown ? "true" : "false");
    $("view-toggle").textContent = outlineShown ? "Map" : "Outline";
    if (!outlineShown) { view.network.redraw(); }
  }

  /* The projector folds the panel away by default: its map area is what
   * lets the larger type fit (layout.METRICS). */
  function setPanel(open) {
    $("panel").hidden = !open;
    $("panel-toggle").setAttribute("aria-expanded", open ? "true" : "false");
    dockStrips(!open);
  }

  /* The balance and the legend must stay on screen when the panel is folded
   * away, so they move onto the map as a strip above and below it (the same
   * elements, so everything that updates them keeps working). */
  var strips = null;
  function dockStrips(onMap) {
    var balance = document.querySelector(".balance");
    var legend = document.querySelector(".legend");
    if (!strips) { strips = {balanceAfter: balance.nextElementSibling, legendParent: legend.parentNode}; }
    var mapView = $("map-view");
    if (onMap) {
      mapView.insertBefore(balance, $("map"));
      mapView.appendChild(legend);
    } else {
      strips.balanceAfter.parentNode.insertBefore(balance, strips.balanceAfter);
      strips.legendParent.appendChild(legend);
    }
    document.documentElement.classList.toggle("panel-folded", onMap);
    $("reveal-status").style.top = onMap ? (balance.offsetHeight + 8) + "px" : "";
  }

  function togglePanel() {
    setPanel($("panel").hidden);
    view.refit();
    changed("panel");
  }

  function toggleProjector(requestFullscreen) {
    state.theme = state.theme === "projector" ? "default" : "projector";
    var projector = state.theme === "projector";
    document.documentElement.classList.toggle("theme-projector", projector);
    document.documentElement.classList.toggle("theme-default", !projector);
    $("projector").setAttribute("aria-pressed", projector ? "true" : "false");
    setPanel(!projector);
    view.setTheme(state.theme);
    if (requestFullscreen) { fullscreen(projector); }
    changed("theme");
  }

  /* Full screen is a nicety: browsers refuse it outside a user gesture or in
   * frames, and the page must carry on quietly when they do. */
  function fullscreen(on) {
    try {
      var doc = document;
      var request = on && !doc.fullscreenElement && doc.documentElement.requestFullscreen
        ? doc.documentElement.requestFullscreen() : (!on && doc.fullscreenElement && doc.exitFullscreen ? doc.exitFullscreen() : null);
      if (request && request.catch) { request.catch(function () {}); }
    } catch (ignored) { /* not allowed here: stay in the window */ }
  }

  /* ---------- the public API (docs/interface.md) ---------- */

  function nodes(options) {
    var visibleOnly = options && options.visible;
    return data.nodes.filter(function (node) { return !visibleOnly || state.shown[node.id]; })
      .map(function (node) { return {id: node.id, kind: node.kind, label: node.label}; });
  }

  function select(id) {
    requireNode(id);
    state.selected = id;
    view.network.selectNodes([id]);
    panel.show("details");
    details.render();
    changed("selected");
  }

  function domPosition(id) {
    requireNode(id);
    if (state.view !== "map") { setView("map"); }
    return view.position(id);
  }

  function setSchool(id) {
    if (id !== null && id !== undefined && !Object.prototype.hasOwnProperty.call(schoolIndex, id)) {
      throw new Error("unknown school '" + id + "'");
    }
    state.school = id || null;
    lensKeep = state.school ? weigh.lens(data, state.school) : null;
    $("lens").value = state.school || "";
    reweigh();
    applyVisibility();
    outline.mark();
    if (state.selected !== null) { details.render(); }
    changed("school");
  }

  function setEvidence(id, accepted) {
    requireNode(id);
    if (kindOf(id) !== "evidence") { throw new Error("'" + id + "' is not evidence"); }
    if ((state.accepted[id] !== false) === Boolean(accepted)) { return; }
    if (accepted) { delete state.accepted[id]; } else { state.accepted[id] = false; }
    view.setEvidenceGroup(id);
    evidenceList.mark(id);
    reweigh();
    outline.mark(id);
    if (state.selected !== null) { details.render(); }
    changed("evidence");
  }

  function balance() {
    var result = {};
    data.sides.forEach(function (side) { result[side.id] = state.weighing.shares[side.id]; });
    return result;
  }

  function strengths() { return Object.assign({}, state.weighing.strengths); }

  function setReveal(step) {
    state.revealStep = step;
    computeRevealed();
    applyVisibility();
    view.fitShown();
    changed("reveal");
  }

  function resetReveal() { setReveal(0); }
  function revealNext() { if (state.revealStep !== null && state.revealStep < revealOrder.length) { setReveal(state.revealStep + 1); } }
  function revealBack() { if (state.revealStep !== null && state.revealStep > 0) { setReveal(state.revealStep - 1); } }
  function revealAll() { setReveal(null); }

  var resolveReady;
  argmap.ready = new Promise(function (resolve) { resolveReady = resolve; });
  argmap.nodes = nodes;
  argmap.select = select;
  argmap.domPosition = domPosition;
  argmap.setSchool = setSchool;
  argmap.setEvidence = setEvidence;
  argmap.balance = balance;
  argmap.strengths = strengths;
  argmap.resetReveal = resetReveal;
  argmap.revealNext = revealNext;
  argmap.revealBack = revealBack;
  argmap.revealAll = revealAll;
  argmap.toggleProjector = function () { toggleProjector(false); };
  argmap.setView = setView;

  kit.data = data;
  kit.model = model;
  kit.state = state;
  kit.el = el;
  kit.onChange = onChange;
  kit.panel = panel;
  kit.view = view;
  kit.select = select;

  /* ---------- start ---------- */

  panel.addTab({id: "details", label: "Details", panel: "details"});
  panel.addTab({id: "evidence", label: "Evidence", panel: "evidence-list"});
  reweigh();
  if ($("panel").hidden) { dockStrips(true); }
  view.start();
  controls.start();
  evidenceList.start();
  details.render();
  panel.show("details");
})(window.argmap = window.argmap || {});
