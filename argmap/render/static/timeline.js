/* argmap: the timeline view, the evidence on a time axis and the debate's
 * own history beneath it.
 *
 * Two lanes (docs/interface.md, #timeline): every evidence item shown, left
 * to right by its start date, ranges drawn as spans, each marked by the side
 * it serves in the side's colour and shape (filled: supports; hollow:
 * undermines; purple diamond: contested), with the question's period
 * shaded; and, for each school shown (every school on the map, or the lens's
 * school), its historians' works by year. Dragging across the evidence lane
 * sets the page's date filter (kit.setDates).
 *
 * Registers as view "timeline". It builds only its empty section until first
 * shown; it
 * measures its width to place items, so it redraws on a resize, a theme
 * change or the panel folding while in view. Items are buttons: the arrow
 * keys move between them in date order, Enter or a click selects one
 * everywhere (kit.select).
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit;
  var state = kit.state;
  var el = kit.el;
  var $ = kit.$;
  var facts = kit.evidence;

  var SHAPES = ["●", "■", "▲", "◆", "★"];
  var HOLLOW = ["○", "□", "△", "◇", "☆"];
  var CONTESTED = "◈";
  var NONE = "·";
  var GUTTER = 190;       // px on the left of the works lane, for the schools' names (views.css)
  var LABEL_ROOM = 110;   // px kept on the right of the works axis for the last labels
  var ROW_GAP = 1;        // px between packed rows (a row is as tall as an item, in either theme)
  var GAP = 8;            // px kept free between neighbours in a row
  var BRUSH_MIN = 5;      // px: a shorter drag is a click
  var HALF_MARK = 7;      // px: half a mark's width (views.css), its centre is the date
  var AXIS = 26;          // px: the axis under the evidence

  /* The mark of an item: its glyph, the class that colours it, and words. */
  function mark(words) {
    var serves = facts.serves(words);
    var index = serves.side ? kit.data.sides.indexOf(serves.side) % SHAPES.length : 0;
    if (serves.kind === "serves") { return {glyph: SHAPES[index], cls: "serves side-" + serves.side.order}; }
    if (serves.kind === "undermines") { return {glyph: HOLLOW[index], cls: "undermines side-" + serves.side.order}; }
    if (serves.kind === "contested") { return {glyph: CONTESTED, cls: "contested"}; }
    return {glyph: NONE, cls: "no-side"};
  }

  /* A linear scale from years (fractional) to px within [0, width]. */
  function scale(first, last, width) {
    var span = Math.max(last - first, 1);
    return {
      first: first, last: last,
      x: function (year) { return (year - first) / span * width; },
      year: function (x) { return first + x / width * span; }
    };
  }

  /* Tick years for an axis: a step (1, 2, 5, 10, 20, 50...) that keeps ticks
   * at least 44 px apart. */
  function ticks(axis, width) {
    var steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 500];
    var years = Math.max(axis.last - axis.first, 1);
    var step = steps.filter(function (s) { return width / (years / s) >= 44; })[0] || 1000;
    var result = [];
    for (var y = Math.ceil(axis.first / step) * step; y <= axis.last; y += step) { result.push(y); }
    return result;
  }

  function axisElement(axis, width) {
    var line = el("div", {class: "tl-axis", "aria-hidden": "true"});
    ticks(axis, width).forEach(function (year) {
      var tick = el("span", {class: "tl-tick", text: String(year)});
      tick.style.left = axis.x(year) + "px";
      line.appendChild(tick);
    });
    return line;
  }

  /* Greedy packing: each [start, end) goes in the first row where it fits. */
  function pack(spans) {
    var ends = [];
    return spans.map(function (span) {
      for (var row = 0; row < ends.length; row++) {
        if (ends[row] + GAP <= span[0]) { ends[row] = span[1]; return row; }
      }
      ends.push(span[1]);
      return ends.length - 1;
    });
  }

  /* A short name for the lane: a person's surname; a body's whole name
   * (one written with a note in brackets, "Soviet Information Bureau
   * (edited in part by Stalin)"), without the note. */
  function shortName(name) {
    var bare = name.replace(/\s*\(.*\)\s*$/, "").trim() || name;
    if (bare !== name.trim()) { return bare; }
    var words = bare.split(/\s+/);
    return words[words.length - 1];
  }

  var timeline = {
    element: "timeline",
    stale: true,          // something changed since the last drawing
    pending: false,       // a redraw after a resize is waiting for the next frame
    evidenceAxis: null,   // the evidence lane's scale, for brushing
    plotWidth: 0,         // px the lanes had at the last drawing

    /* The empty section, its listeners and the Timeline button, made as the
     * script loads, so the view can be shown at any moment. */
    build: function () {
      var clear = el("button", {type: "button", id: "timeline-all-dates", text: "All dates"});
      clear.addEventListener("click", function () { kit.setDates(null, null); });
      var section = el("section", {id: "timeline", class: "timeline-view view-section", "aria-labelledby": "timeline-heading", hidden: ""}, [
        el("div", {class: "view-bar"}, [
          el("h2", {id: "timeline-heading", text: "Timeline"}),
          el("p", {class: "hint", text: "Drag across the years to show only that stretch; arrow keys move between items, Enter or a click opens one."}),
          clear,
          kit.controls.panelButton()
        ]),
        el("div", {class: "tl-legend", id: "timeline-legend"}),
        el("section", {class: "tl-lane tl-evidence", "aria-labelledby": "timeline-evidence-heading"}, [
          el("h3", {id: "timeline-evidence-heading", text: "The evidence, by date"}),
          el("div", {class: "tl-plot", id: "timeline-plot"})
        ]),
        el("section", {class: "tl-lane tl-works", "aria-labelledby": "timeline-works-heading"}, [
          el("h3", {id: "timeline-works-heading", text: "When the historians wrote"}),
          el("div", {class: "tl-plot", id: "timeline-works"})
        ])
      ]);
      $("main").insertBefore(section, $("panel"));
      var plot = $("timeline-plot");
      plot.addEventListener("click", timeline.onClick);
      plot.addEventListener("keydown", timeline.onKey);
      plot.addEventListener("pointerdown", timeline.onPointerDown);
      window.addEventListener("resize", function () {
        if (state.view !== "timeline") { timeline.stale = true; return; }
        if (timeline.pending) { return; }
        timeline.pending = true;
        window.requestAnimationFrame(function () { timeline.pending = false; timeline.render(); });
      });
      kit.controls.addViewButton("timeline", "Timeline", "The evidence and the historians' works on a time axis");
    },

    update: function (what, now) {
      if (what === "selected") { timeline.markSelected(now.view === "timeline"); return; }
      if (what === "view") {
        if (now.view === "timeline") {
          if (timeline.stale) { timeline.render(); }
          timeline.markSelected(true);
        }
        return;
      }
      timeline.stale = true;
      if (now.view === "timeline") { timeline.render(); }
    },

    render: function () {
      timeline.stale = false;
      var plot = $("timeline-plot");
      timeline.plotWidth = Math.max(plot.parentNode.clientWidth - 24, 200);
      timeline.renderLegend();
      timeline.renderEvidence(plot);
      timeline.renderWorks($("timeline-works"));
      timeline.markSelected(false);
    },

    renderLegend: function () {
      var legend = $("timeline-legend");
      legend.textContent = "";
      kit.data.sides.forEach(function (side, i) {
        legend.appendChild(el("span", {class: "key"}, [
          el("span", {class: "tl-mark serves side-" + side.order, "aria-hidden": "true", text: SHAPES[i % SHAPES.length]}),
          el("span", {class: "tl-mark undermines side-" + side.order, "aria-hidden": "true", text: HOLLOW[i % HOLLOW.length]}),
          "supports / undermines “" + side.label + "”"
        ]));
      });
      legend.appendChild(el("span", {class: "key"}, [el("span", {class: "tl-mark contested", "aria-hidden": "true", text: CONTESTED}), "contested"]));
      if (kit.data.question.period) {
        legend.appendChild(el("span", {class: "key"}, [el("span", {class: "swatch tl-period-swatch", "aria-hidden": "true"}), "the question's period"]));
      }
    },

    /* The evidence lane: the axis covers every item on the map and the
     * question's period, so it stays put while the filter hides items. */
    renderEvidence: function (plot) {
      plot.textContent = "";
      var data = kit.data;
      var width = timeline.plotWidth;
      var all = Object.keys(data.evidence).map(facts.dating);
      if (!all.length) {
        timeline.evidenceAxis = null;
        plot.appendChild(el("p", {class: "view-empty", text: "There is no evidence on this map."}));
        return;
      }
      var first = Math.min.apply(null, all.map(function (d) { return d.start[0]; }));
      var last = Math.max.apply(null, all.map(function (d) { return Math.ceil(d.to); }));
      var period = data.question.period;
      if (period) { first = Math.min(first, period[0]); last = Math.max(last, period[1] + 1); }
      var axis = timeline.evidenceAxis = scale(first, last, width);
      var area = el("div", {class: "tl-area"});
      area.style.width = width + "px";
      if (period) {
        var band = el("div", {class: "tl-period", "aria-hidden": "true", title: "The question's period"});
        band.style.left = axis.x(period[0]) + "px";
        band.style.width = (axis.x(period[1] + 1) - axis.x(period[0])) + "px";
        area.appendChild(band);
      }
      if (state.dateFrom !== null || state.dateTo !== null) {
        var from = state.dateFrom === null ? first : Math.max(first, state.dateFrom);
        var to = state.dateTo === null ? last : Math.min(last, state.dateTo + 1);
        var filter = el("div", {class: "tl-filter", "aria-hidden": "true"});
        filter.style.left = axis.x(from) + "px";
        filter.style.width = Math.max(axis.x(to) - axis.x(from), 2) + "px";
        area.appendChild(filter);
      }
      area.appendChild(el("div", {class: "tl-brush", id: "timeline-brush", hidden: "", "aria-hidden": "true"}));

      var ids = facts.shown();
      var stances = facts.stances();
      var list = el("ol", {class: "tl-items", "aria-label": "Evidence shown, by date"});
      var items = ids.map(function (id) {
        var dating = facts.dating(id);
        var item = data.evidence[id];
        var m = mark(stances[id]);
        var aside = state.accepted[id] === false;
        var span = el("span", {class: "tl-span", "aria-hidden": "true"});
        var button = el("button", {type: "button", class: "tl-item " + m.cls + (aside ? " is-aside" : ""), "data-id": id, tabindex: "-1",
                                   title: item.date + " · " + item.title + " · " + facts.stanceText(stances[id]) + (aside ? " · set aside" : "")}, [
          span,
          el("span", {class: "tl-mark " + m.cls, "aria-hidden": "true", text: m.glyph}),
          el("span", {class: "tl-label", text: item.label}),
          el("span", {class: "visually-hidden", text: ", " + item.date + ", " + facts.stanceText(stances[id]) + (aside ? ", set aside" : "")})
        ]);
        list.appendChild(el("li", {}, [button]));
        return {id: id, button: button, span: span, x: axis.x(dating.from), end: axis.x(dating.to)};
      });
      area.appendChild(list);
      area.appendChild(axisElement(axis, width));
      plot.appendChild(area);

      // Place each item at its start, measure them all (one layout: no
      // writes between the reads), then pack the rows. A label that would run
      // off the right edge sits to the left of its mark.
      items.forEach(function (it) {
        it.span.style.width = Math.max(it.end - it.x, 0) + "px";
        it.button.style.left = it.x + "px";
      });
      var widths = items.map(function (it) { return it.button.getBoundingClientRect().width; });
      var row = items.length ? items[0].button.offsetHeight + ROW_GAP : 0;
      // (a button starts HALF_MARK left of its style.left: views.css)
      var spans = items.map(function (it, i) {
        var w = widths[i];
        var spanEnd = it.x + Math.max(it.end - it.x, 0);
        if (it.x - HALF_MARK + w > width && it.x + HALF_MARK - w >= 0) {
          it.button.classList.add("flip");
          it.button.style.left = (it.x - w + 2 * HALF_MARK) + "px";
          it.span.style.left = (w - HALF_MARK) + "px";
          return [it.x + HALF_MARK - w, Math.max(it.x + HALF_MARK, spanEnd)];
        }
        return [it.x - HALF_MARK, Math.max(it.x - HALF_MARK + w, spanEnd)];
      });
      var rows = pack(spans);
      var rowCount = 0;
      items.forEach(function (it, i) {
        it.button.style.top = (rows[i] * row + 6) + "px";
        rowCount = Math.max(rowCount, rows[i] + 1);
      });
      area.style.height = (Math.max(rowCount * row, 22) + 6 + AXIS) + "px";
      if (!ids.length) {
        area.appendChild(el("p", {class: "view-empty", text: "No evidence is shown now: widen the dates, show all of the reveal or choose another lens."}));
      }
    },

    /* The works lane: one row per school shown, its historians' works by year. */
    renderWorks: function (box) {
      box.textContent = "";
      var data = kit.data;
      var width = Math.max(timeline.plotWidth - GUTTER - LABEL_ROOM, 100);
      // The page data carries every school of the corpus; the lane is for
      // those arguing on this map (or the lens's school).
      var onMap = data.schools.filter(function (s) { return s.holds.length || s.rejects.length; });
      var schools = state.school ? [kit.index.schools.get(state.school)] : onMap;
      var years = [];
      schools.forEach(function (school) {
        school.historians.forEach(function (h) {
          h.works.forEach(function (w) { if (typeof w.year === "number") { years.push(w.year); } });
        });
      });
      if (!years.length) {
        box.appendChild(el("p", {class: "view-empty", text: "No historian's work is listed for the schools on this map."}));
        return;
      }
      var first = Math.min.apply(null, years);
      var last = Math.max.apply(null, years) + 1;
      var axis = scale(first, last, width);
      var rows = el("ul", {class: "tl-schools"});
      var lists = [];
      schools.forEach(function (school) {
        var works = [];
        school.historians.forEach(function (h) {
          h.works.forEach(function (w) { works.push({historian: h.name, title: w.title, year: w.year}); });
        });
        var undated = works.filter(function (w) { return typeof w.year !== "number"; });
        works = works.filter(function (w) { return typeof w.year === "number"; });
        works.sort(function (a, b) { return a.year - b.year || (a.historian < b.historian ? -1 : a.historian > b.historian ? 1 : 0); });
        var list = el("ul", {class: "tl-work-list", "aria-label": school.name});
        list.style.width = width + "px";
        var placed = works.map(function (w) {
          var item = el("li", {class: "tl-work", "data-school": school.id, "data-year": String(w.year),
                               title: w.historian + ", " + w.title + " (" + w.year + ")"}, [
            el("span", {class: "tl-work-dot", "aria-hidden": "true"}),
            shortName(w.historian) + " " + w.year,
            el("span", {class: "visually-hidden", text: ": " + w.historian + ", " + w.title})
          ]);
          item.style.left = axis.x(w.year + 0.5) + "px";
          list.appendChild(item);
          return item;
        });
        var row = el("li", {class: "tl-school", "data-school": school.id}, [
          el("span", {class: "tl-school-name", title: school.name, text: school.name}), list
        ]);
        rows.appendChild(row);
        // works with no year cannot stand on the axis: they follow, in words
        undated.forEach(function (w) {
          list.appendChild(el("li", {class: "tl-work tl-undated", "data-school": school.id, "data-year": "",
                                     text: w.historian + ", " + w.title + " (no year given)"}));
        });
        if (!works.length && !undated.length) { list.appendChild(el("li", {class: "tl-none", text: "no works listed"})); }
        lists.push({list: list, items: placed});
      });
      box.appendChild(rows);
      box.appendChild(axisElement(axis, width)).style.marginLeft = GUTTER + "px";
      // pack each school's works into as many rows as it needs (all read
      // first, then all written: one layout)
      var measured = lists.map(function (p) {
        return {
          spans: p.items.map(function (item) {
            var x = parseFloat(item.style.left);
            return [x, x + item.offsetWidth];
          }),
          row: p.items.length ? p.items[0].offsetHeight + ROW_GAP : 0
        };
      });
      lists.forEach(function (p, n) {
        var packed = pack(measured[n].spans);
        var count = 1;
        p.items.forEach(function (item, i) { item.style.top = (packed[i] * measured[n].row) + "px"; count = Math.max(count, packed[i] + 1); });
        p.list.style.paddingTop = (p.items.length ? count * measured[n].row : 0) + "px";
      });
    },

    buttons: function () { return Array.prototype.slice.call(document.querySelectorAll("#timeline-plot .tl-item")); },

    markSelected: function (scroll) {
      var buttons = timeline.buttons();
      var chosen = null;
      buttons.forEach(function (button) {
        var on = button.getAttribute("data-id") === state.selected;
        button.classList.toggle("is-selected", on);
        if (on) { button.setAttribute("aria-current", "true"); } else { button.removeAttribute("aria-current"); }
        button.tabIndex = -1;
        if (on) { chosen = button; }
      });
      if (buttons.length) { (chosen || buttons[0]).tabIndex = 0; }
      if (scroll && chosen) { chosen.scrollIntoView({block: "nearest", inline: "nearest"}); }
    },

    onClick: function (event) {
      var button = event.target.closest(".tl-item");
      if (button) { kit.select(button.getAttribute("data-id")); }
    },

    /* Arrow keys, Home and End move between items in date order (Enter and
     * Space press the button). Handled here so the reveal's arrow keys do not
     * step while an item has the focus. */
    onKey: function (event) {
      var button = event.target.closest(".tl-item");
      if (!button || event.ctrlKey || event.metaKey || event.altKey) { return; }
      var buttons = timeline.buttons();
      var at = buttons.indexOf(button);
      var to;
      if (event.key === "ArrowRight" || event.key === "ArrowDown") { to = at + 1; }
      else if (event.key === "ArrowLeft" || event.key === "ArrowUp") { to = at - 1; }
      else if (event.key === "Home") { to = 0; }
      else if (event.key === "End") { to = buttons.length - 1; }
      else { return; }
      event.preventDefault();
      event.stopPropagation();
      to = Math.max(0, Math.min(buttons.length - 1, to));
      button.tabIndex = -1;
      buttons[to].tabIndex = 0;
      buttons[to].focus();
    },

    /* Brushing: a drag across the lane (not starting on an item) sets the
     * date filter to the whole years it covers. */
    onPointerDown: function (event) {
      var axis = timeline.evidenceAxis;
      if (!axis || event.button !== 0 || event.target.closest(".tl-item")) { return; }
      var area = event.target.closest(".tl-area") || $("timeline-plot").querySelector(".tl-area");
      var origin = area.getBoundingClientRect().left;
      var width = timeline.plotWidth;
      var brush = $("timeline-brush");
      var startX = Math.max(0, Math.min(width, event.clientX - origin));
      var plot = $("timeline-plot");
      plot.setPointerCapture(event.pointerId);
      event.preventDefault();
      function at(e) { return Math.max(0, Math.min(width, e.clientX - origin)); }
      function move(e) {
        var x = at(e);
        brush.hidden = Math.abs(x - startX) < BRUSH_MIN;
        brush.style.left = Math.min(x, startX) + "px";
        brush.style.width = Math.abs(x - startX) + "px";
      }
      function up(e) {
        plot.removeEventListener("pointermove", move);
        plot.removeEventListener("pointerup", up);
        plot.removeEventListener("pointercancel", up);
        brush.hidden = true;
        var x = at(e);
        if (e.type !== "pointerup" || Math.abs(x - startX) < BRUSH_MIN) { return; }
        var from = Math.floor(axis.year(Math.min(x, startX)));
        var to = Math.floor(axis.year(Math.max(x, startX)) - 1e-9);
        kit.setDates(from, Math.max(from, to));
      }
      plot.addEventListener("pointermove", move);
      plot.addEventListener("pointerup", up);
      plot.addEventListener("pointercancel", up);
    }
  };

  timeline.build();
  kit.views.register("timeline", timeline);
})(window.argmap = window.argmap || {});
