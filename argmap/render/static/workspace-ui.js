/* argmap: the reader's own map in the page: the Mine tab and its forms,
 * their work under the selected box's details, their evidence and claims in
 * the Evidence tab and the outline, note markers on the map, and "Download
 * my map" / "Open my map" / dropping a file.
 *
 * Registers as view "workspace". Every change goes through
 * kit.workspace.commit (workspace.js), which checks it as a handed-in file
 * would be checked; everything a reader types reaches the page as text
 * (kit.el), never as HTML.
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit;
  var data = kit.data;
  var state = kit.state;
  var el = kit.el;
  var $ = kit.$;
  var file = kit.mineFile;
  var work = kit.workspace;
  var KINDS = file.KINDS;
  var WEIGHT_WORDS = work.WEIGHT_WORDS;
  var short = file.short;
  var claimLabel = file.claimLabel;
  var dateBounds = file.dateBounds;
  var isOwn = work.isOwn;

  /* ---------- the forms and the panel ---------- */

  function say(message, isError) {
    var box = $("mine-status");
    if (!box) { return; }
    box.textContent = message;
    box.className = "mine-status" + (isError ? " is-error" : "");
    box.setAttribute("role", isError ? "alert" : "status");
  }

  function option(value, label, selected) {
    var node = el("option", {value: value, text: label});
    if (selected) { node.selected = true; }
    return node;
  }

  var uid = 0;
  /* A labelled field: {label, control} with the label tied to the control. */
  function labelled(label, control, hint) {
    var id = control.id || ("mine-field-" + (++uid));
    control.id = id;
    return el("div", {class: "mine-field"}, [el("label", {for: id, text: label}), control,
                                               hint ? el("span", {class: "hint", text: hint}) : null]);
  }

  function select(name, options) {
    var node = el("select", {name: name});
    options.forEach(function (o) { node.appendChild(option(o[0], o[1], o[2])); });
    return node;
  }

  function claimOptions(withNone) {
    var options = withNone ? [["", "(none yet)"]] : [];
    data.sides.forEach(function (side) {
      side.claims.forEach(function (c) { options.push([c, side.label + ": " + data.claims[c].label]); });
    });
    Object.keys(data.claims).forEach(function (c) {
      if (!data.sides.some(function (s) { return s.claims.indexOf(c) >= 0; })) { options.push([c, data.claims[c].label]); }
    });
    return options;
  }

  function evidenceOptions(withNone) {
    var options = withNone ? [["", "(none yet)"]] : [];
    Object.keys(data.evidence).sort(function (a, b) {
      var x = data.evidence[a].date; var y = data.evidence[b].date;
      return x < y ? -1 : x > y ? 1 : (a < b ? -1 : 1);
    }).forEach(function (e) { options.push([e, data.evidence[e].date + " " + data.evidence[e].title]); });
    return options;
  }

  function stanceSelect() { return select("stance", [["supports", "supports"], ["undermines", "undermines"]]); }
  function weightSelect() { return select("weight", [["weak", "weak"], ["moderate", "moderate", true], ["strong", "strong"]]); }

  /* A form that submits on Enter (and its button), closes on Escape. */
  function form(id, title, children, submitText, onSubmit, onClose) {
    var problem = el("p", {class: "mine-problem", role: "alert"});
    var node = el("form", {id: id, class: "mine-form", novalidate: "", "aria-label": title},
                  [el("h3", {text: title})].concat(children, [problem,
                    el("div", {class: "mine-buttons"}, [el("button", {type: "submit", text: submitText}),
                      onClose ? el("button", {type: "button", class: "mine-cancel", text: "Cancel"}) : null])]));
    node.addEventListener("submit", function (event) {
      event.preventDefault();
      problem.textContent = "";
      try { onSubmit(node); } catch (error) {
        // A form has no lines: "line N:" is for files.
        problem.textContent = error.message.replace(/^line \d+: /, "");
        if (error.field) { error.field.focus(); }
      }
    });
    if (onClose) {
      node.querySelector(".mine-cancel").addEventListener("click", onClose);
      node.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); onClose(); }
      });
    }
    // Enter in a one-line note box submits it; Shift+Enter starts a new line.
    node.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && event.target.tagName === "TEXTAREA" &&
          event.target.hasAttribute("data-enter-submits")) {
        event.preventDefault();
        node.requestSubmit();
      }
    });
    return node;
  }

  function need(input, message) {
    var value = input.value.trim();
    if (!value) { var error = new Error(message); error.field = input; throw error; }
    return value;
  }

  function problemAt(input, message) { var error = new Error(message); error.field = input; return error; }

  var draft = work.draft;

  /* Apply a changed copy; the change redraws the details panel, so the
   * keyboard goes back where it was. */
  function commit(m) {
    var focused = document.activeElement && document.activeElement.id;
    work.commit(m);
    var again = focused && document.getElementById(focused);
    if (again) { again.focus(); }
  }

  var ui = {
    start: function () {
      var section = el("section", {id: "mine", class: "tab-panel mine", role: "tabpanel",
                                   "aria-labelledby": "tab-mine", hidden: ""});
      var panels = document.querySelectorAll("#panel > .tab-panel");
      var last = panels[panels.length - 1];
      last.parentNode.insertBefore(section, last.nextSibling);
      ui.section = section;
      ui.build();
      kit.panel.addTab({id: "mine", label: "Mine", panel: "mine"});
      ui.refresh();
      ui.startDrop();
      kit.view.network.on("afterDrawing", ui.drawMarkers);
      ui.legend();
      if (work.problem) { say(work.problem, true); }
      else if (!work.stored) { say("This browser does not keep your additions for a page opened from a file: use Download my map to save them."); }
    },

    update: function (what) {
      if (what === "data") { ui.refresh(); }
      else if (what === "selected" || what === "school" || what === "evidence") { ui.details(); }
    },

    build: function () {
      var s = ui.section;
      s.appendChild(el("p", {class: "hint", text: "Add your own evidence, claims and notes, and weigh the course's links your way. " +
        "The balance and the plan count them at once; your additions are drawn with a dashed border and kept in this browser."}));
      s.appendChild(el("p", {id: "mine-summary", class: "mine-summary"}));
      s.appendChild(el("p", {id: "mine-status", class: "mine-status", role: "status"}));
      var addEvidence = el("button", {type: "button", id: "mine-add-evidence", "aria-expanded": "false", text: "Add evidence…"});
      var addClaim = el("button", {type: "button", id: "mine-add-claim", "aria-expanded": "false", text: "Add a claim…"});
      s.appendChild(el("div", {class: "mine-buttons"}, [addEvidence, addClaim]));
      var evidenceForm = ui.evidenceForm(function () { ui.toggle(evidenceForm, addEvidence, false); });
      var claimForm = ui.claimForm(function () { ui.toggle(claimForm, addClaim, false); });
      evidenceForm.hidden = true;
      claimForm.hidden = true;
      s.appendChild(evidenceForm);
      s.appendChild(claimForm);
      addEvidence.addEventListener("click", function () { ui.toggle(claimForm, addClaim, false); ui.toggle(evidenceForm, addEvidence, evidenceForm.hidden); });
      addClaim.addEventListener("click", function () { ui.toggle(evidenceForm, addEvidence, false); ui.toggle(claimForm, addClaim, claimForm.hidden); });

      var download = el("button", {type: "button", id: "mine-download", text: "Download my map"});
      var openButton = el("button", {type: "button", id: "mine-open", text: "Open my map…"});
      var picker = el("input", {type: "file", id: "mine-file", accept: ".yaml,.yml,text/yaml,application/x-yaml", hidden: "",
                              "aria-label": "Open my map from a YAML file"});
      var clearButton = el("button", {type: "button", id: "mine-clear", text: "Clear my map"});
      download.addEventListener("click", ui.download);
      openButton.addEventListener("click", function () { picker.click(); });
      picker.addEventListener("change", function () { if (picker.files.length) { ui.openFile(picker.files[0]); } picker.value = ""; });
      clearButton.addEventListener("click", function () {
        if (clearButton.getAttribute("data-confirm") !== "true") {
          clearButton.setAttribute("data-confirm", "true");
          clearButton.textContent = "Really clear? Click again";
          setTimeout(function () { clearButton.removeAttribute("data-confirm"); clearButton.textContent = "Clear my map"; }, 5000);
          return;
        }
        clearButton.removeAttribute("data-confirm");
        clearButton.textContent = "Clear my map";
        work.clear();
        say("Your map is cleared: the course's map is as it was built.");
      });
      s.appendChild(el("h3", {text: "Hand it in"}));
      s.appendChild(el("div", {class: "mine-buttons"}, [download, openButton, picker, clearButton]));
      s.appendChild(el("p", {class: "hint", text: "Download my map saves one YAML file; your teacher sees it with " +
        "argmap build --add FILE. Open my map (or drop a file on the page) reads one back."}));
    },

    toggle: function (formNode, button, open) {
      formNode.hidden = !open;
      button.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) {
        ui.fillSelects(formNode);
        formNode.querySelector("input, textarea, select").focus();
      } else if (formNode.contains(document.activeElement)) { button.focus(); }
    },

    /* Claim and evidence lists change as the reader adds: fill them on opening. */
    fillSelects: function (formNode) {
      Array.prototype.forEach.call(formNode.querySelectorAll("select[data-fill]"), function (node) {
        var kind = node.getAttribute("data-fill");
        var options = kind === "claims" ? claimOptions(node.hasAttribute("data-none")) :
          kind === "evidence" ? evidenceOptions(node.hasAttribute("data-none")) :
          data.sides.map(function (s) { return [s.id, s.label]; });
        var before = node.value;
        node.textContent = "";
        options.forEach(function (o) { node.appendChild(option(o[0], o[1], o[0] === before)); });
      });
    },

    evidenceForm: function (close) {
      var title = el("input", {type: "text", name: "title", maxlength: "120", autocomplete: "off"});
      var date = el("input", {type: "text", name: "date", placeholder: "1939-08-23", autocomplete: "off"});
      var kind = select("kind", KINDS.map(function (k) { return [k, k]; }));
      var source = el("input", {type: "text", name: "source", autocomplete: "off"});
      var label = el("input", {type: "text", name: "label", maxlength: "48", autocomplete: "off"});
      var detail = el("textarea", {name: "detail", rows: "2"});
      var quote = el("textarea", {name: "quote", rows: "2"});
      var claim = el("select", {name: "claim", "data-fill": "claims", "data-none": ""});
      var stance = stanceSelect();
      var weight = weightSelect();
      var reading = el("input", {type: "text", name: "reading", autocomplete: "off"});
      return form("mine-evidence-form", "Your evidence", [
        labelled("Title", title), labelled("Date", date, "1939, 1939-08, 1939-08-23 or 1936/1939"),
        labelled("Kind", kind), labelled("Source", source, "where it comes from: class notes, a book"),
        labelled("Short label (optional)", label), labelled("Detail (optional)", detail),
        labelled("Exact words (for a quotation)", quote),
        el("fieldset", {class: "mine-link"}, [el("legend", {text: "Link it to a claim"}),
          labelled("Claim", claim), labelled("It", stance), labelled("Weight", weight),
          labelled("How it reads for the claim (optional)", reading)])
      ], "Add evidence", function () {
        var bounds = dateBounds(need(date, "Give the date."));
        if (typeof bounds === "string") { throw problemAt(date, bounds); }
        var item = {id: work.newId(need(title, "Give the evidence a title.")), title: title.value.trim(),
                    date: date.value.trim(), kind: kind.value, source: need(source, "Say where it comes from (the source).")};
        if (label.value.trim()) { item.label = label.value.trim(); }
        if (detail.value.trim()) { item.detail = detail.value.trim(); }
        if (quote.value.trim()) { item.quote = quote.value.trim(); }
        if (item.kind === "quotation" && !item.quote) { throw problemAt(quote, "A quotation needs its exact words."); }
        item.links = [];
        if (claim.value) {
          var link = {claim: claim.value, stance: stance.value, weight: weight.value};
          if (reading.value.trim()) { link.reading = reading.value.trim(); }
          item.links.push(link);
        }
        var m = draft();
        m.evidence.push(item);
        commit(m);
        [title, date, source, label, detail, quote, reading].forEach(function (input) { input.value = ""; });
        close();
        say("Added your evidence “" + item.title + "”.");
        kit.select(item.id);
      }, close);
    },

    claimForm: function (close) {
      var textInput = el("textarea", {name: "text", rows: "2", maxlength: "300", "data-enter-submits": ""});
      var label = el("input", {type: "text", name: "label", maxlength: "60", autocomplete: "off"});
      var side = el("select", {name: "side", "data-fill": "sides"});
      var evidence = el("select", {name: "evidence", "data-fill": "evidence", "data-none": ""});
      var stance = stanceSelect();
      var weight = weightSelect();
      var reading = el("input", {type: "text", name: "reading", autocomplete: "off"});
      return form("mine-claim-form", "Your claim", [
        labelled("Claim (one sentence)", textInput, "Enter adds it; Shift+Enter for a new line"),
        labelled("Short label (optional)", label), labelled("On the side", side),
        el("fieldset", {class: "mine-link"}, [el("legend", {text: "Evidence for or against it"}),
          labelled("Evidence", evidence), labelled("It", stance), labelled("Weight", weight),
          labelled("How it reads for the claim (optional)", reading)])
      ], "Add claim", function () {
        var words = need(textInput, "Write the claim as one sentence.");
        var claim = {id: work.newId(words), text: words, sides: [side.value], evidence: []};
        if (label.value.trim()) { claim.label = label.value.trim(); }
        if (evidence.value) {
          var link = {ref: evidence.value, stance: stance.value, weight: weight.value};
          if (reading.value.trim()) { link.reading = reading.value.trim(); }
          claim.evidence.push(link);
        }
        var m = draft();
        m.claims.push(claim);
        commit(m);
        [textInput, label, reading].forEach(function (input) { input.value = ""; });
        close();
        say("Added your claim “" + claimLabel(claim) + "”.");
        kit.select(claim.id);
      }, close);
    },

    refresh: function () {
      var m = work.current();
      var n = file.count(m);
      function some(list, word) {
        if (list.length) { parts.push(list.length + " " + word + (list.length === 1 || word === "evidence" ? "" : "s")); }
      }
      var parts = [];
      some(m.evidence, "evidence");
      some(m.claims, "claim");
      some(m.notes, "note");
      some(m.weights, "changed weight");
      $("mine-summary").textContent = n ? "Yours: " + parts.join(", ") + "." : "You have added nothing yet.";
      document.documentElement.classList.toggle("has-mine", n > 0);
      if (work.problem) { say(work.problem, true); }
      ui.details();
      ui.evidenceRows();
      ui.outlineRows();
      if (kit.view.network) { kit.view.network.redraw(); }
    },

    /* Your work on the selected box, under its details. */
    details: function () {
      var box = $("details");
      var id = state.selected;
      var old = box.querySelector(".mine-details");
      if (old) { old.remove(); }
      var badge = box.querySelector(".yours-badge");
      if (badge) { badge.remove(); }
      if (id === null || !kit.index.nodes.has(id)) { return; }
      if (isOwn(id)) {
        box.insertBefore(el("p", {class: "yours-badge", text: "Yours: you added this"}), box.firstChild);
      }
      var section = el("section", {class: "mine-details", "aria-label": "Your work on this box"});
      var written = work.base.notes[id] || [];
      if (written.length) {
        section.appendChild(el("h4", {text: "Notes"}));
        section.appendChild(el("ul", {class: "mine-notes"}, written.map(function (note) {
          return el("li", {}, [el("p", {class: "note-text", text: note})]);
        })));
      }
      var notes = work.current().notes.filter(function (note) { return note.on === id; });
      section.appendChild(el("h4", {text: "Your notes"}));
      if (notes.length) {
        section.appendChild(el("ul", {class: "mine-notes"}, work.current().notes.map(function (note, index) {
          if (note.on !== id) { return null; }
          var remove = el("button", {type: "button", class: "link-button", text: "Delete",
                                     "aria-label": "Delete this note"});
          remove.addEventListener("click", function () {
            var m = draft();
            m.notes.splice(index, 1);
            commit(m);
            say("Note deleted.");
          });
          return el("li", {}, [el("p", {class: "note-text", text: note.text}), remove]);
        })));
      }
      var noteText = el("textarea", {id: "mine-note-text", name: "note", rows: "2", maxlength: "2000", "data-enter-submits": ""});
      section.appendChild(form("mine-note-form", "Add a note", [labelled("Your note on this box", noteText, "Enter saves; Shift+Enter for a new line")],
        "Save note", function () {
          var words = need(noteText, "Write the note first.");
          var m = draft();
          m.notes.push({on: id, text: words});
          commit(m);
          say("Note saved.");
          var again = $("mine-note-text");
          if (again) { again.focus(); }
        }, null));
      var kind = kit.kindOf(id);
      if (kind === "claim" || kind === "evidence") { ui.weighLinks(section, id); }
      if (isOwn(id)) { ui.ownTools(section, id, kind); }
      box.appendChild(section);
    },

    /* A weight (or "set aside") for every argument link of the box. */
    weighLinks: function (section, id) {
      var indices = kit.into.get(id).concat(kit.outOf.get(id)).filter(function (index) {
        var link = data.links[index];
        return kit.kindOf(link.to) === "claim";
      });
      if (!indices.length) { return; }
      section.appendChild(el("h4", {text: "Weigh its links your way"}));
      section.appendChild(el("ul", {class: "mine-weights"}, indices.map(function (index) {
        var link = data.links[index];
        var from = kit.index.nodes.get(link.from).label;
        var to = kit.index.nodes.get(link.to).label;
        var current = link.changed || WEIGHT_WORDS.get(link.weight);
        var chooser = select("weight", [["weak", "weak"], ["moderate", "moderate"], ["strong", "strong"], ["aside", "set aside"]]);
        chooser.id = "mine-weight-" + link.from + "--" + link.to;
        chooser.value = current === "set aside" ? "aside" : current;
        chooser.setAttribute("data-from", link.from);
        chooser.setAttribute("data-to", link.to);
        chooser.addEventListener("change", function () { ui.setWeight(link.from, link.to, chooser.value); });
        return el("li", {}, [labelled(short(from, 40) + " " + link.relation + " " + short(to, 40), chooser)]);
      })));
    },

    setWeight: function (from, to, weight) {
      var m = draft();
      m.weights = m.weights.filter(function (w) { return !(w.from === from && w.to === to); });
      var original = null;
      work.base.links.forEach(function (link) { if (link.from === from && link.to === to) { original = WEIGHT_WORDS.get(link.weight); } });
      m.evidence.forEach(function (e) { e.links.forEach(function (l) { if (e.id === from && l.claim === to) { original = l.weight || "moderate"; } }); });
      m.claims.forEach(function (c) { c.evidence.forEach(function (l) { if (l.ref === from && c.id === to) { original = l.weight || "moderate"; } }); });
      if (weight !== original) { m.weights.push({from: from, to: to, weight: weight}); }
      commit(m);
      say(weight === "aside" ? "That link is set aside: drawn, but not counted." : "That link now counts as " + weight + ".");
    },

    /* Link your own evidence to a claim, or evidence to your own claim; remove it. */
    ownTools: function (section, id, kind) {
      var target = el("select", {name: kind === "evidence" ? "claim" : "evidence"});
      var options = kind === "evidence" ? claimOptions(false) : evidenceOptions(false);
      options.forEach(function (o) { target.appendChild(option(o[0], o[1])); });
      var stance = stanceSelect();
      var weight = weightSelect();
      var reading = el("input", {type: "text", name: "reading", autocomplete: "off"});
      section.appendChild(form("mine-link-form", kind === "evidence" ? "Link it to a claim" : "Link evidence to it", [
        labelled(kind === "evidence" ? "Claim" : "Evidence", target), labelled("It", stance), labelled("Weight", weight),
        labelled("How it reads (optional)", reading)
      ], "Add link", function () {
        var m = draft();
        var link;
        if (kind === "evidence") {
          link = {claim: target.value, stance: stance.value, weight: weight.value};
          if (reading.value.trim()) { link.reading = reading.value.trim(); }
          m.evidence.filter(function (e) { return e.id === id; })[0].links.push(link);
        } else {
          link = {ref: target.value, stance: stance.value, weight: weight.value};
          if (reading.value.trim()) { link.reading = reading.value.trim(); }
          m.claims.filter(function (c) { return c.id === id; })[0].evidence.push(link);
        }
        commit(m);
        say("Linked.");
      }, null));
      var remove = el("button", {type: "button", class: "mine-remove", text: "Remove this " + kind});
      remove.addEventListener("click", function () {
        var m = draft();
        m.evidence = m.evidence.filter(function (e) { return e.id !== id; });
        m.claims = m.claims.filter(function (c) { return c.id !== id; });
        m.evidence.forEach(function (e) { e.links = e.links.filter(function (l) { return l.claim !== id; }); });
        m.claims.forEach(function (c) { c.evidence = c.evidence.filter(function (l) { return l.ref !== id; }); });
        m.notes = m.notes.filter(function (n) { return n.on !== id; });
        m.weights = m.weights.filter(function (w) { return w.from !== id && w.to !== id; });
        commit(m);
        say("Removed.");
      });
      section.appendChild(remove);
    },

    /* Your evidence in the Evidence tab, with the course's. */
    evidenceRows: function () {
      var list = document.querySelector("#evidence-list ul");
      if (!list) { return; }
      Array.prototype.forEach.call(list.querySelectorAll(".mine-row"), function (row) { row.remove(); });
      work.current().evidence.forEach(function (item) {
        var box = el("input", {type: "checkbox", id: "count-" + item.id, "data-evidence": item.id,
                               "aria-labelledby": "show-" + item.id});
        box.checked = state.accepted[item.id] !== false;
        box.addEventListener("change", function () { kit.setEvidence(item.id, box.checked); });
        var show = el("button", {type: "button", class: "link-button", id: "show-" + item.id, "data-node": item.id},
                      [el("span", {class: "date", text: item.date}), " " + item.title + " ", el("span", {class: "yours-tag", text: "yours"})]);
        show.addEventListener("click", function () { kit.select(item.id); });
        list.appendChild(el("li", {class: "mine-row"}, [box, show]));
      });
    },

    /* Your claims in the outline, on their side, with the evidence they cite. */
    outlineRows: function () {
      Array.prototype.forEach.call(document.querySelectorAll("#outline .mine-row"), function (row) { row.remove(); });
      data.sides.forEach(function (side) {
        var list = document.querySelector('#outline .outline-side[data-node="' + CSS.escape(side.id) + '"] > ul');
        if (!list) { return; }
        side.claims.filter(isOwn).forEach(function (claim) {
          var cited = kit.into.get(claim).map(function (index) { return data.links[index]; }).map(function (link) {
            var node = kit.index.nodes.get(link.from);
            return el("li", {"data-node": link.from, class: "rel-" + link.relation},
                      [link.relation + ": " + node.label]);
          });
          list.appendChild(el("li", {class: "mine-row outline-claim", "data-node": claim}, [
            el("span", {class: "yours-tag", text: "yours"}), " " + data.claims[claim].text,
            cited.length ? el("ul", {}, cited) : null
          ]));
        });
      });
    },

    /* Keys for what only a reader's own map has (shown while it has anything). */
    legend: function () {
      var legend = document.querySelector(".legend");
      if (!legend) { return; }
      var svg = "http://www.w3.org/2000/svg";
      var line = document.createElementNS(svg, "svg");
      line.setAttribute("class", "line");
      line.setAttribute("width", "40");
      line.setAttribute("height", "12");
      line.setAttribute("aria-hidden", "true");
      var stroke = document.createElementNS(svg, "line");
      [["x1", "2"], ["y1", "6"], ["x2", "38"], ["y2", "6"], ["class", "set-aside"]].forEach(function (pair) {
        stroke.setAttribute(pair[0], pair[1]);
      });
      line.appendChild(stroke);
      var marker = el("span", {class: "note-marker", "aria-hidden": "true", text: "1"});
      legend.appendChild(el("span", {class: "key mine-key"}, [el("span", {class: "swatch claim yours", "aria-hidden": "true"}), "Yours"]));
      legend.appendChild(el("span", {class: "key mine-key"}, [marker, "Your notes"]));
      legend.appendChild(el("span", {class: "key mine-key"}, [line, "link set aside"]));
    },

    /* A small marker on every box with a note (drawn on the map canvas). */
    drawMarkers: function (ctx) {
      if (!data.notes || !data.notes.size) { return; }
      var network = kit.view.network;
      ctx.save();
      data.notes.forEach(function (texts, id) {
        if (!state.shown[id] || !kit.index.nodes.has(id)) { return; }
        var box = network.getBoundingBox(id);
        if (!box) { return; }
        var x = box.right - 4;
        var y = box.top + 4;
        ctx.beginPath();
        ctx.arc(x, y, 10, 0, 2 * Math.PI);
        ctx.fillStyle = "#f6c343";
        ctx.strokeStyle = "#5c4500";
        ctx.lineWidth = 1.5;
        ctx.fill();
        ctx.stroke();
        ctx.fillStyle = "#2b2100";
        ctx.font = "bold 12px system-ui, sans-serif";
        ctx.textAlign = "center";
        ctx.textBaseline = "middle";
        ctx.fillText(String(texts.length), x, y + 0.5);
      });
      ctx.restore();
    },

    download: function () {
      var blob = new Blob([work.text()], {type: "text/yaml;charset=utf-8"});
      var url = URL.createObjectURL(blob);
      var link = el("a", {href: url, download: data.question.id + "-my-map.yaml", hidden: ""});
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 0);
    },

    openFile: function (file) {
      var reader = new FileReader();
      reader.onload = function () {
        try {
          work.load(String(reader.result));
          say("Opened " + file.name + ": " + $("mine-summary").textContent);
        } catch (error) {
          say("Could not open " + file.name + ", " + error.message + ". Nothing was changed.", true);
        }
      };
      reader.onerror = function () { say("Could not read " + file.name + ". Nothing was changed.", true); };
      reader.readAsText(file);
    },

    startDrop: function () {
      document.addEventListener("dragover", function (event) {
        if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0) {
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
        }
      });
      document.addEventListener("drop", function (event) {
        if (!event.dataTransfer || !event.dataTransfer.files.length) { return; }
        event.preventDefault();
        kit.panel.show("mine");
        ui.openFile(event.dataTransfer.files[0]);
      });
    }
  };
  kit.views.register("workspace", ui);
})(window.argmap = window.argmap || {});
