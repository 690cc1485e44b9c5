/* argmap: the grid view, evidence against claims as a table.
 *
 * A real <table id="grid"> (docs/interface.md): a row per evidence item
 * shown, in date order (or by the side it serves, or by its pull on the
 * verdict); first a column per side with the item's stance toward it (the
 * summary a reader wants in view), then a column per claim shown, grouped
 * under its side, each cell where the item is linked to the claim saying
 * "supports" or "undermines" and how strongly.
 *
 * Registers as view "grid". It builds only its empty section until first
 * shown (the map must be ready fast), then redraws from the shared state whenever it is in view
 * and something changed; a change while hidden only marks it stale. Rows are
 * reached with the arrow keys and chosen with Enter or a click, which selects
 * the item everywhere (kit.select).
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit;
  var state = kit.state;
  var el = kit.el;
  var $ = kit.$;
  var facts = kit.evidence;

  // More cells than this (rows times columns) take the browser seconds to lay
  // out and no one can read them: the grid then asks for a lens or dates
  // first, or to be told to go ahead (about a second per 20,000 cells).
  var CELL_LIMIT = 20000;
  var WEIGHT_WORDS = new Map([[0.25, "weak"], [0.5, "moderate"], [0.75, "strong"]]);
  var SORTS = [
    ["date", "date"],
    ["stance", "the side each item serves"],
    ["impact", "impact on the verdict"]
  ];

  /* Rows sorted "by stance" come grouped: items serving side 1, side 2, ...,
   * then contested ones, then those that only undermine (side by side), then
   * those that reach no side; by date within a group. */
  function stanceRank(words) {
    var sides = kit.data.sides;
    var serves = facts.serves(words);
    if (serves.kind === "serves") { return sides.indexOf(serves.side); }
    if (serves.kind === "contested") { return sides.length; }
    if (serves.kind === "undermines") { return sides.length + 1 + sides.indexOf(serves.side); }
    return 2 * sides.length + 1;
  }

  /* How far each item moves the balance (the largest change in any side's
   * share) if it is set aside, or brought back when it is aside now: the
   * shared weighing under the lens and evidence choices of the moment. */
  function impacts(ids) {
    var now = state.weighing.shares;
    var sizes = new Map();
    var after = kit.weigh.toggledShares(kit.data, kit.model, state.accepted, state.school, state.weighing, ids);
    ids.forEach(function (id) {
      var size = 0;
      kit.data.sides.forEach(function (side) {
        size = Math.max(size, Math.abs(after.get(id)[side.id] - now[side.id]));
      });
      sizes.set(id, size);
    });
    return sizes;
  }

  /* Claims shown, grouped: each side's claims in its order, then the claims
   * that feed others (on no side), in map order. */
  function claimGroups() {
    var listed = new Set();
    var groups = kit.data.sides.map(function (side) {
      side.claims.forEach(function (id) { listed.add(id); });
      return {side: side, claims: side.claims.filter(function (id) { return state.shown[id]; })};
    });
    var feeding = kit.data.nodes.filter(function (node) {
      return node.kind === "claim" && state.shown[node.id] && !listed.has(node.id);
    }).map(function (node) { return node.id; });
    groups.push({side: null, claims: feeding});
    return groups.filter(function (group) { return group.claims.length > 0; });
  }

  /* evidence id -> Map(claim id -> link), for the evidence's own links. */
  function evidenceLinks() {
    var byEvidence = new Map();
    kit.data.links.forEach(function (link) {
      if (!(link.from in kit.data.evidence) || !(link.to in kit.data.claims)) { return; }
      if (!byEvidence.has(link.from)) { byEvidence.set(link.from, new Map()); }
      byEvidence.get(link.from).set(link.to, link);
    });
    return byEvidence;
  }

  var grid = {
    element: "grid-view",
    stale: true,        // something changed since the last drawing
    sort: "date",       // the value of the sort menu
    forced: false,      // "Draw it anyway" was pressed for a table past CELL_LIMIT

    /* The empty section and the Grid button, made as the script loads (the
     * page's HTML is all there by then), so the view can be shown at any
     * moment, even by a state restored before the views start. */
    build: function () {
      var sort = el("select", {id: "grid-sort"}, SORTS.map(function (pair) {
        return el("option", {value: pair[0], text: pair[1]});
      }));
      sort.addEventListener("change", function () { grid.sort = sort.value; grid.render(); });
      var table = el("table", {id: "grid", class: "grid"});
      var section = el("section", {id: "grid-view", class: "grid-view view-section", "aria-labelledby": "grid-heading", hidden: ""}, [
        el("div", {class: "view-bar"}, [
          el("h2", {id: "grid-heading", text: "Evidence and claims"}),
          el("label", {class: "control"}, ["Sort rows by ", sort]),
          el("p", {class: "hint", text: "Up and Down move between rows; Enter or a click opens an item in the panel."}),
          kit.controls.panelButton()
        ]),
        el("p", {class: "view-empty", id: "grid-empty", hidden: ""}),
        el("div", {class: "grid-scroll"}, [table])
      ]);
      $("main").insertBefore(section, $("panel"));
      table.addEventListener("click", grid.onClick);
      table.addEventListener("keydown", grid.onKey);
      kit.controls.addViewButton("grid", "Grid", "Evidence against claims, as a table");
    },

    update: function (what, now) {
      if (what === "selected") { grid.markSelected(now.view === "grid"); return; }
      if (what === "view") {
        document.documentElement.classList.toggle("view-grid", now.view === "grid");
        if (now.view === "grid") {
          if (grid.stale) { grid.render(); }
          grid.markSelected(true);
        }
        return;
      }
      // anything else may change the rows, the columns, the weighing or (the
      // theme, the panel) the header's height
      grid.stale = true;
      if (now.view === "grid") { grid.render(); }
    },

    render: function () {
      grid.stale = false;
      var data = kit.data;
      var rows = facts.shown();
      var groups = claimGroups();
      var columns = data.sides.length + groups.reduce(function (n, group) { return n + group.claims.length; }, 0);
      if (rows.length * columns > CELL_LIMIT && !grid.forced) { grid.tooBig(rows.length, columns); return; }
      var stances = facts.stances();
      var links = evidenceLinks();
      var sizes = grid.sort === "impact" ? impacts(rows) : null;
      if (grid.sort === "stance") {
        var rank = new Map(rows.map(function (id) { return [id, stanceRank(stances[id])]; }));
        rows.sort(function (a, b) { return rank.get(a) - rank.get(b) || facts.compare(a, b); });
      } else if (sizes) {
        rows.sort(function (a, b) { return sizes.get(b) - sizes.get(a) || facts.compare(a, b); });
      }

      var table = $("grid");
      table.textContent = "";
      table.appendChild(grid.caption(rows.length));
      table.appendChild(el("colgroup", {class: "col-evidence"}, [el("col")]));
      table.appendChild(el("colgroup", {class: "col-stances", span: String(data.sides.length)}));
      groups.forEach(function (group) { table.appendChild(el("colgroup", {span: String(group.claims.length)})); });
      table.appendChild(grid.head(groups));
      var body = el("tbody");
      rows.forEach(function (id) {
        body.appendChild(grid.row(id, groups, links.get(id) || new Map(), stances[id], sizes));
      });
      table.appendChild(body);
      grid.stickHeads(table);
      var empty = $("grid-empty");
      empty.hidden = rows.length > 0;
      empty.textContent = rows.length ? "" : "No evidence is shown now: widen the dates, show all of the reveal or choose another lens.";
      grid.markSelected(false);
    },

    /* Too many cells: say so, and offer the lens, the dates, or to go ahead. */
    tooBig: function (count, columns) {
      var table = $("grid");
      table.textContent = "";
      var empty = $("grid-empty");
      empty.hidden = false;
      empty.textContent = "";
      var anyway = el("button", {type: "button", id: "grid-anyway", text: "Draw it anyway"});
      anyway.addEventListener("click", function () { grid.forced = true; grid.render(); });
      empty.appendChild(document.createTextNode(
        count + " evidence items against " + columns + " columns is more than one table can show readably. " +
        "Choose a school lens, narrow the dates or step through the reveal to see fewer, or "));
      empty.appendChild(anyway);
      empty.appendChild(document.createTextNode(" (it may take a while)."));
    },

        caption: function (count) {
      var school = state.school ? kit.index.schools.get(state.school) : null;
      var order = SORTS.filter(function (pair) { return pair[0] === grid.sort; })[0][1];
      return el("caption", {}, [
        count + " evidence item" + (count === 1 ? "" : "s") + " (rows, by " + order + "): " +
        "its stance toward each side, and how it bears on each claim (columns, grouped by side). ",
        el("span", {class: "grid-lens", text: school ? "As the " + school.name + " argues it." : "The whole debate."})
      ]);
    },

    head: function (groups) {
      var sides = kit.data.sides;
      var top = el("tr", {}, [el("th", {scope: "col", rowspan: "2", class: "corner", text: "Evidence"})]);
      var names = el("tr");
      top.appendChild(el("th", {scope: "colgroup", colspan: String(sides.length), class: "group stances", text: "Stance toward each side"}));
      sides.forEach(function (side) {
        names.appendChild(el("th", {scope: "col", "data-side": side.id, class: "side-stance side-" + side.order, text: side.label}));
      });
      groups.forEach(function (group) {
        var label = group.side ? group.side.label : "Claims that feed others";
        top.appendChild(el("th", {scope: "colgroup", colspan: String(group.claims.length),
                                  class: "group group-start " + (group.side ? "side-" + group.side.order : "feeding"), text: label}));
        group.claims.forEach(function (id, i) {
          var button = el("button", {type: "button", class: "link-button", "data-node": id,
                                     text: kit.data.claims[id].label});
          names.appendChild(el("th", {scope: "col", "data-id": id,
                                      class: "claim" + (i === 0 ? " group-start" : "") + (group.side ? " side-" + group.side.order : "")},
                               [button]));
        });
      });
      return el("thead", {}, [top, names]);
    },

    row: function (id, groups, links, words, sizes) {
      var item = kit.data.evidence[id];
      var aside = state.accepted[id] === false;
      var header = el("th", {scope: "row"}, [
        el("span", {class: "date", text: item.date}), " ",
        el("span", {class: "title", text: item.title}),
        aside ? el("span", {class: "aside-mark", text: " set aside"}) : null,
        sizes ? el("span", {class: "impact", text: " moves the balance " + kit.weigh.percent(sizes.get(id)) + " points"}) : null
      ]);
      var row = el("tr", {"data-id": id, "aria-selected": "false", tabindex: "-1", class: aside ? "is-aside" : ""}, [header]);
      kit.data.sides.forEach(function (side) {
        var word = words[side.id] || "";
        row.appendChild(el("td", {"data-side": side.id, class: word ? "stance stance-" + word : "empty"}, word ? [word] : []));
      });
      groups.forEach(function (group) {
        group.claims.forEach(function (claim, i) {
          var link = links.get(claim);
          var start = i === 0 ? " group-start" : "";
          if (!link) { row.appendChild(el("td", {"data-claim": claim, class: "empty" + start})); return; }
          var weight = WEIGHT_WORDS.get(link.weight) || "moderate";
          row.appendChild(el("td", {"data-claim": claim, class: "rel-" + link.relation + " weight-" + weight + start,
                                    title: link.reading || ""}, [link.relation + ", " + weight]));
        });
      });
      return row;
    },

    /* Both header rows stay in view while the rows scroll: the second sticks
     * just below the first, whose height depends on the side names' wrapping. */
    stickHeads: function (table) {
      var top = table.tHead.rows[0].getBoundingClientRect().height;
      Array.prototype.forEach.call(table.tHead.rows[1].cells, function (th) { th.style.top = top + "px"; });
    },

    rows: function () { return Array.prototype.slice.call(document.querySelectorAll("#grid tbody tr")); },

    /* aria-selected on the selected item's row; that row (or the first) is
     * the one Tab reaches. */
    markSelected: function (scroll) {
      var rows = grid.rows();
      var chosen = null;
      rows.forEach(function (row) {
        var on = row.getAttribute("data-id") === state.selected;
        row.setAttribute("aria-selected", on ? "true" : "false");
        row.tabIndex = -1;
        if (on) { chosen = row; }
      });
      var heads = document.querySelectorAll("#grid thead th[data-id]");
      Array.prototype.forEach.call(heads, function (th) {
        th.classList.toggle("is-selected", th.getAttribute("data-id") === state.selected);
      });
      if (rows.length) { (chosen || rows[0]).tabIndex = 0; }
      if (scroll && chosen) { chosen.scrollIntoView({block: "nearest"}); }
    },

    onClick: function (event) {
      var button = event.target.closest("button[data-node]");
      if (button) { kit.select(button.getAttribute("data-node")); return; }
      var row = event.target.closest("tbody tr");
      if (row) { row.focus(); kit.select(row.getAttribute("data-id")); }
    },

    /* Up/Down, Home/End and Page keys move between rows; Enter or Space
     * selects. Handled here so the page's own keys (the reveal's arrows,
     * Space) do not act while a row has the focus. */
    onKey: function (event) {
      var row = event.target.closest("tbody tr");
      if (!row || event.target !== row || event.ctrlKey || event.metaKey || event.altKey) { return; }
      var rows = grid.rows();
      var at = rows.indexOf(row);
      var to = at;
      if (event.key === "ArrowDown") { to = at + 1; }
      else if (event.key === "ArrowUp") { to = at - 1; }
      else if (event.key === "Home") { to = 0; }
      else if (event.key === "End") { to = rows.length - 1; }
      else if (event.key === "PageDown") { to = at + 10; }
      else if (event.key === "PageUp") { to = at - 10; }
      else if (event.key === "Enter" || event.key === " ") { kit.select(row.getAttribute("data-id")); }
      else if (event.key === "ArrowLeft" || event.key === "ArrowRight") { /* a row has no cells to visit */ }
      else { return; }
      event.preventDefault();
      event.stopPropagation();
      to = Math.max(0, Math.min(rows.length - 1, to));
      if (to !== at) {
        row.tabIndex = -1;
        rows[to].tabIndex = 0;
        rows[to].focus();
      }
    }
  };

  grid.build();
  kit.views.register("grid", grid);
})(window.argmap = window.argmap || {});
