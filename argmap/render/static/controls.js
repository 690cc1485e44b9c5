/* argmap: the toolbar and the keys: the school lens, Find, the date
 * filter, the step-by-step reveal, Outline/Map, projector mode and the
 * panel button.
 *
 * Registers as view "controls" (it has no section of its own). Loaded before
 * panel.js and mapview.js: on a theme change it restyles the page first, so
 * the panel and the map measure themselves in the new type.
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit;
  var data = kit.data;
  var state = kit.state;
  var $ = kit.$;
  var el = kit.el;

  var spaceTaken = false;  // the Space now held down was taken as a reveal step

  var TEXT_INPUTS = new Set(["text", "search", "number", "email", "password", "tel", "url", "date", "month",
                             "week", "time", "datetime-local", "color", "range", "file"]);

  /* Keys a presenter's clicker or a teacher uses to step, even on a menu. */
  var STEP_KEYS = new Set(["ArrowRight", "ArrowLeft", "PageDown", "PageUp", " "]);

  /* A field that needs the key for itself: typing, a slider; a menu keeps
   * all but the step keys (Up and Down still choose in it); a tick box keeps
   * Space (and only Space). */
  function takesKeys(target, key) {
    if (!target || !target.tagName) { return false; }
    var tag = target.tagName;
    if (tag === "TEXTAREA" || target.isContentEditable) { return true; }
    if (tag === "SELECT") { return !STEP_KEYS.has(key); }
    if (tag !== "INPUT") { return false; }
    var type = (target.getAttribute("type") || "text").toLowerCase();
    return TEXT_INPUTS.has(type) || (key === " " && (type === "checkbox" || type === "radio"));
  }

  var controls = {
    start: function () {
      var lens = $("lens");
      lens.addEventListener("change", function () { kit.setSchool(lens.value || null); });
      controls.startSearch();
      controls.startDates();
      $("reveal-start").addEventListener("click", function () { controls.resetReveal(); });
      $("reveal-next").addEventListener("click", function () { controls.revealNext(); });
      $("reveal-back").addEventListener("click", function () { controls.revealBack(); });
      $("reveal-all").addEventListener("click", function () { controls.revealAll(); });
      $("view-toggle").addEventListener("click", controls.toggleView);
      $("projector").addEventListener("click", function () { controls.toggleProjector(true); });
      $("panel-toggle").addEventListener("click", function () { kit.panel.toggle(); });
      var hideBalance = $("reveal-hide-balance");
      hideBalance.checked = state.balanceHidden;
      hideBalance.addEventListener("change", function () { kit.setBalanceHidden(hideBalance.checked); });
      $("toolbar-menu").addEventListener("click", controls.toggleMenu);
      document.addEventListener("keydown", controls.onKey);
      document.addEventListener("keyup", function (event) {
        if (event.key === " " && spaceTaken) { event.preventDefault(); }
        if (event.key === " ") { spaceTaken = false; }
      });
    },

    /* The reveal's keys work whatever has focus except a field that takes
     * typing or choices (so Space right after clicking Reveal advances, and a
     * presenter's clicker, which sends PageDown and PageUp, drives it). */
    onKey: function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) { return; }
      if (takesKeys(event.target, event.key)) { return; }
      var key = event.key;
      if (key === "ArrowRight" || key === " " || key === "PageDown") { controls.revealNext(); }
      else if (key === "ArrowLeft" || key === "PageUp") { controls.revealBack(); }
      else if (key === "Home" || key === "r" || key === "R") { controls.resetReveal(); }
      else if (key === "End") { controls.revealAll(); }
      else if (key === "Escape") { kit.select(null); }
      else if (key === "p" || key === "P") { controls.toggleProjector(true); }
      else if (key === "b" || key === "B") { kit.panel.toggle(); }
      else if (key === "o" || key === "O") { controls.toggleView(); }
      else if (key === "Escape" && state.selected !== null) { kit.select(null); }
      else { return; }
      event.preventDefault();
      // A button activates on Space's keyup: this Space was a step, not a press.
      if (key === " ") { spaceTaken = true; }
    },

    showRevealStatus: function () {
      var status = $("reveal-status");
      if (state.revealStep === null) {
        status.textContent = "";
        return;
      }
      var steps = kit.revealSteps();
      var step = state.revealStep;
      var text = "Step " + step + " of " + steps.length;
      if (step > 0) { text += ": " + kit.index.claims.get(steps[step - 1]).label; }
      else if (!steps.length) { text += ": this school takes no position here"; }
      status.textContent = text;
    },

    startSearch: function () {
      var input = $("search");
      var results = $("search-results");
      var found = [];
      var active = -1;
      function haystack(node) {
        var parts = [node.label];
        if (node.kind === "claim") { parts.push(kit.index.claims.get(node.id).text); }
        if (node.kind === "evidence") {
          var e = kit.index.evidence.get(node.id);
          parts.push(e.title, e.date, e.detail || "", e.quote || "", e.speaker || "");
        }
        if (node.kind === "question") { parts.push(data.question.text); }
        return parts.join(" ").toLowerCase();
      }
      var haystacks = data.nodes.map(function (node) { return [node, haystack(node)]; });
      // The reader's own items (workspace.js) can be found too.
      kit.onChange(function (what) {
        if (what === "data") { haystacks = data.nodes.map(function (node) { return [node, haystack(node)]; }); }
      });
      function close() { results.hidden = true; input.setAttribute("aria-expanded", "false"); active = -1; }
      function choose(node) {
        close();
        input.value = node.label;
        kit.select(node.id);
        kit.view.focus(node.id, {scale: Math.max(kit.view.network.getScale(), 0.9), animation: {duration: 300}});
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
        kit.setDates(read(from), read(to));
      }
      from.addEventListener("change", update);
      to.addEventListener("change", update);
      from.addEventListener("input", update);
      to.addEventListener("input", update);
    }
  };

  /* On a narrow screen the toolbar folds all but the reveal into a menu. */
  controls.toggleMenu = function () {
    var open = $("toolbar-menu").getAttribute("aria-expanded") !== "true";
    $("toolbar-menu").setAttribute("aria-expanded", open ? "true" : "false");
    $("toolbar").classList.toggle("menu-open", open);
  };

  controls.update = function (what, now) {
    if (what === "school") { $("lens").value = now.school || ""; }
    if (what === "balanceHidden") { $("reveal-hide-balance").checked = now.balanceHidden; }
    if (what === "dates") { controls.showDates(now); }
    if (what === "school" || what === "reveal" || what === "dates") { controls.showRevealStatus(); }
    if (what === "reveal") { document.documentElement.classList.toggle("revealing", now.revealStep !== null); }
    if (what === "view") {
      var outlineShown = now.view === "outline";
      $("view-toggle").setAttribute("aria-pressed", outlineShown ? "true" : "false");
      $("view-toggle").textContent = outlineShown ? "Map" : "Outline";
    }
    if (what === "theme") {
      var projector = now.theme === "projector";
      document.documentElement.classList.toggle("theme-projector", projector);
      document.documentElement.classList.toggle("theme-default", !projector);
      $("projector").setAttribute("aria-pressed", projector ? "true" : "false");
    }
  };

  /* The Outline/Map button and key O. */
  controls.toggleView = function () { kit.setView(state.view === "outline" ? "map" : "outline"); };

  /* A view's button beside Outline (grid.js, timeline.js): it opens the view,
   * and a second press returns to the map. */
  controls.addViewButton = function (name, label, title) {
    var button = el("button", {type: "button", id: "view-" + name, "aria-pressed": "false", title: title, text: label});
    button.addEventListener("click", function () { kit.setView(state.view === name ? "map" : name); });
    $("projector").parentNode.insertBefore(button, $("projector"));
    kit.onChange(function (what, now) {
      if (what === "view") { button.setAttribute("aria-pressed", now.view === name ? "true" : "false"); }
    });
    return button;
  };

  /* A Panel button for a view's own bar (the map's sits on the map): with the
   * panel folded, as in projector mode, it is the way back to the details. */
  controls.panelButton = function () {
    var button = el("button", {type: "button", class: "view-panel-toggle", "aria-controls": "panel",
                               title: "Show or fold away the balance and details (B)", text: "Panel"});
    function show() { button.setAttribute("aria-expanded", $("panel").hidden ? "false" : "true"); }
    button.addEventListener("click", function () { kit.panel.toggle(); });
    kit.onChange(function (what) { if (what === "panel" || what === "theme") { show(); } });
    show();
    return button;
  };

  /* The date boxes follow a filter set elsewhere (the timeline's brush);
   * a box being typed in keeps its text. */
  controls.showDates = function (now) {
    [["date-from", now.dateFrom], ["date-to", now.dateTo]].forEach(function (pair) {
      var input = $(pair[0]);
      if (!input || document.activeElement === input) { return; }
      input.value = pair[1] === null ? "" : String(pair[1]);
    });
  };

  controls.resetReveal = function () { kit.setReveal(0); };
  /* The next claim; without a reveal running, the first. Returns the ids the
   * step newly shows (state.fresh), none after the last step. */
  controls.revealNext = function () {
    var last = kit.revealSteps().length;
    if (state.revealStep !== null && state.revealStep >= last) { return []; }
    kit.setReveal(state.revealStep === null ? Math.min(1, last) : state.revealStep + 1);
    return Array.from(state.fresh);
  };
  /* Back one claim; without a reveal running, back from the whole map. */
  controls.revealBack = function () {
    var step = state.revealStep === null ? kit.revealSteps().length : state.revealStep;
    if (state.revealStep === null || step > 0) { kit.setReveal(Math.max(step - 1, 0)); }
  };
  controls.revealAll = function () { kit.setReveal(null); };

  /* The projector hides the balance until a reveal's last step by default
   * (the class argues before it sees the verdict); the option can undo it. */
  controls.toggleProjector = function (requestFullscreen) {
    kit.setTheme(state.theme === "projector" ? "default" : "projector");
    kit.setBalanceHidden(state.theme === "projector");
    if (requestFullscreen) { fullscreen(state.theme === "projector"); }
  };

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

  kit.controls = kit.views.register("controls", controls);
})(window.argmap = window.argmap || {});
