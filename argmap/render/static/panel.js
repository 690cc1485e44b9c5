/* argmap: the side panel: the balance, the tabs (Details, Evidence, and any
 * a later file adds with kit.panel.addTab), and folding the panel away.
 *
 * Registers as view "panel". When the panel is folded away the balance and
 * the legend move onto the map as strips, so they stay on screen.
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit;
  var weigh = kit.weigh;
  var data = kit.data;
  var state = kit.state;
  var $ = kit.$;
  var el = kit.el;
  var kindOf = kit.kindOf;

  var KIND_NAMES = new Map([["question", "Question"], ["side", "Side"], ["claim", "Claim"]]);

  /* The share as the page shows it, with the words that follow that number. */
  function shareText(share) { return weigh.percent(share) + "%"; }

  /* The balance is kept back during a reveal, until its last step, when the
   * reader asked for it (on by default in projector mode). */
  function balanceKeptBack() {
    return state.balanceHidden && state.revealStep !== null && state.revealStep < kit.revealSteps().length;
  }

  var balanceMeter = {
    render: function () {
      var shares = state.weighing.shares;
      var meter = $("meter");
      var list = $("balance-list");
      var school = state.school ? kit.index.schools.get(state.school) : null;
      var note = $("balance-note");
      var withheld = !state.position || balanceKeptBack();
      meter.hidden = withheld;
      list.hidden = withheld;
      note.hidden = !withheld;
      if (!state.position) {
        note.textContent = "The " + school.name + " takes no position on this question: it holds none of the claims on its sides.";
      } else if (withheld) {
        note.textContent = "The balance is hidden until the last step of the reveal.";
      }
      data.sides.forEach(function (side) {
        var share = shares[side.id];
        if (share === null) { return; }
        var segment = meter.querySelector('[data-side="' + side.order + '"]');
        segment.style.width = (share * 100) + "%";
        segment.title = side.label + ": " + shareText(share);
        var item = list.querySelector('[data-side="' + side.order + '"]');
        item.querySelector(".share").textContent = shareText(share);
        item.querySelector(".words").textContent = weigh.extentWords(share);
      });
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
                               text: text || kit.index.nodes.get(id).label});
    button.addEventListener("click", function () { kit.select(id); kit.view.focus(id); });
    return button;
  }

  /* A side's share in the details panel, or why it is not shown. */
  function sideFigure(id) {
    var share = state.weighing.shares[id];
    if (share === null) { return "takes no position"; }
    return balanceKeptBack() ? "hidden until the last step" : shareText(share);
  }

  function strengthText(id) {
    if (!(id in state.weighing.strengths)) { return "not weighed under this lens"; }
    return weigh.percent(state.weighing.strengths[id]) + "%";
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
        var item = kit.index.evidence.get(id);
        return "Evidence · " + item.kind + (item.contested ? " · contested" : "");
      }
      return KIND_NAMES.get(kind);
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
          return el("li", {}, [nodeButton(side.id), " ", sideFigure(side.id)]);
        }))
      ]);
    },

    side: function (id) {
      var side = kit.index.sides.get(id);
      var share = state.weighing.shares[id];
      return el("div", {}, [
        el("h3", {class: "full-text", text: side.label}),
        el("p", {class: "verdict", text: share === null ? "This school takes no position on this question"
          : balanceKeptBack() ? "The balance shows at the last step"
          : shareText(share) + " of the weight: " + weigh.extentWords(share)}),
        el("h4", {text: "Claims on this side"}),
        el("ol", {}, side.claims.map(function (claim) {
          return el("li", {}, [nodeButton(claim), " ", el("span", {class: "strength", text: strengthText(claim)})]);
        }))
      ]);
    },

    claim: function (id) {
      var claim = kit.index.claims.get(id);
      var holders = data.schools.filter(function (s) { return s.holds.indexOf(id) >= 0; });
      var rejecters = data.schools.filter(function (s) { return s.rejects.indexOf(id) >= 0; });
      var onSide = data.sides.filter(function (s) { return s.claims.indexOf(id) >= 0; });
      function schools(list) {
        return list.length ? el("span", {}, list.map(function (s, i) {
          return el("span", {}, [i ? ", " : "", el("span", {class: "school-name", text: s.name})]);
        })) : null;
      }
      var feeding = kit.into.get(id);
      var argued = kit.outOf.get(id).filter(function (index) { return kindOf(data.links[index].to) === "claim"; });
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
      var item = kit.index.evidence.get(id);
      var aside = state.accepted[id] === false;
      var toggle = el("button", {type: "button", class: "toggle-evidence", "aria-pressed": aside ? "true" : "false",
                                 text: aside ? "Bring this evidence back" : "Set this evidence aside"});
      toggle.addEventListener("click", function () { kit.setEvidence(id, aside); });
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
        linkList("Used by", kit.outOf.get(id), function (link) { return link.to; }),
        toggle
      ]);
    }
  };

  var evidenceList = {
    start: function () {
      Array.prototype.forEach.call(document.querySelectorAll("#evidence-list input[data-evidence]"), function (box) {
        box.addEventListener("change", function () { kit.setEvidence(box.getAttribute("data-evidence"), box.checked); });
      });
      Array.prototype.forEach.call(document.querySelectorAll("#evidence-list button[data-node]"), function (button) {
        button.addEventListener("click", function () { kit.select(button.getAttribute("data-node")); });
      });
    },
    mark: function (id) {
      var box = document.querySelector('#evidence-list input[data-evidence="' + CSS.escape(id) + '"]');
      if (box) { box.checked = state.accepted[id] !== false; }
    }
  };

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

  /* Open a folded panel or fold an open one (the Panel button, key B). */
  panel.toggle = function () {
    setPanel($("panel").hidden);
    kit.changed("panel");
  };

  /* Runs before the map view starts: the map must get its final size first. */
  /* The width below which map.css stacks the panel under the map. */
  var narrow = window.matchMedia("(max-width: 820px)");

  panel.start = function () {
    balanceMeter.render();
    // On a phone the panel would push the map off the screen: folded, it
    // leaves the balance and legend on the map.
    if (narrow.matches) { $("panel").hidden = true; $("panel-toggle").setAttribute("aria-expanded", "false"); }
    if ($("panel").hidden) { dockStrips(true); }
    evidenceList.start();
    details.render();
    panel.show("details");
  };

  panel.update = function (what, now, id) {
    if (what === "school" || what === "evidence" || what === "reveal" || what === "balanceHidden" || what === "data") { balanceMeter.render(); }
    if (what === "evidence") { evidenceList.mark(id); }
    if (what === "selected") { panel.show("details"); }
    // A box tapped on a phone opens the sheet below the map to read it.
    if (what === "selected" && now.selected !== null && narrow.matches && $("panel").hidden) { panel.toggle(); }
    if (what === "theme") { setPanel(now.theme !== "projector"); }
    if ((what === "school" || what === "evidence" || what === "reveal" || what === "balanceHidden" || what === "data") && now.selected !== null) { details.render(); }
    else if (what === "selected") { details.render(); }
  };

  panel.addTab({id: "details", label: "Details", panel: "details"});
  panel.addTab({id: "evidence", label: "Evidence", panel: "evidence-list"});
  kit.panel = kit.views.register("panel", panel);
})(window.argmap = window.argmap || {});
