/* argmap: the essay plan in the page, exactly as `argmap plan` writes it.
 *
 * Two halves. kit.plan is pure: page data + lens + evidence choices -> the
 * plan's Markdown, mirroring argmap/analysis/plan.py (essay_plan) and
 * argmap/plan/words.py (plan_view) and markdown.py line for line, over the
 * fixed words Python put in data.plan. The rest wires it into a map page: a
 * "Plan" tab that follows the lens and the evidence choices, a Download
 * button (a Blob, no server), the clickable "what would change the verdict"
 * list, each school's answer, and argmap.plan().
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit = argmap.kit || {};

  function compareIds(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }
  function quoted(text) { return "“" + text + "”"; }

  /* ---------- the plan as data (argmap.analysis.plan) ---------- */

  function contribution(strength) { return Math.max(0.0, 2.0 * strength - 1.0); }

  /* Sides whose whole percentage ties the largest all lead (an even balance). */
  function verdict(words, weigh, shares) {
    var top = Math.max.apply(null, words.sides.map(function (s) { return weigh.percent(shares[s]); }));
    var leaders = words.sides.filter(function (s) { return weigh.percent(shares[s]) === top; });
    return {leaders: leaders, share: shares[leaders[0]], even: leaders.length > 1};
  }

  /* Every weighed evidence item, biggest pull on the balance first (ties by id). */
  function impact(data, model, weigh, accepted, school, shown, now) {
    var items = Object.keys(data.evidence).filter(shown).map(function (id) {
      var isAccepted = accepted[id] !== false;
      var toggled = Object.assign({}, accepted);
      toggled[id] = !isAccepted;
      var after = weigh.weigh(data, model, toggled, school).shares;
      var shift = {};
      var size = 0.0;
      Object.keys(now).forEach(function (side) {
        shift[side] = after[side] - now[side];
        size = Math.max(size, Math.abs(shift[side]));
      });
      return {evidence: id, accepted: isAccepted, shift: shift, size: size};
    });
    return items.sort(function (a, b) {
      return a.size !== b.size ? (a.size > b.size ? -1 : 1) : compareIds(a.evidence, b.evidence);
    });
  }

  function essayPlan(data, model, weigh, state) {
    var words = data.plan;
    var accepted = state.accepted || {};
    var school = state.school || null;
    var weighing = weigh.weigh(data, model, accepted, school);
    var strength = weighing.strengths;
    var keep = school ? weigh.lens(data, school) : null;
    function shown(id) { return !keep || keep[id] === true; }

    var listed = {};
    var sides = data.sides.map(function (side) {
      side.claims.forEach(function (c) { listed[c] = true; });
      var claims = side.claims.filter(shown).map(function (c, i) { return {id: c, index: i}; });
      claims.sort(function (a, b) {
        var ca = contribution(strength[a.id]);
        var cb = contribution(strength[b.id]);
        return ca !== cb ? (ca > cb ? -1 : 1) : a.index - b.index;
      });
      return {side: side.id, share: weighing.shares[side.id], claims: claims.map(function (c) { return c.id; })};
    });
    var others = Object.keys(data.claims).filter(function (c) { return shown(c) && !listed[c]; });
    others.sort(function (a, b) {
      return strength[a] !== strength[b] ? (strength[a] > strength[b] ? -1 : 1) : compareIds(a, b);
    });
    var answers = [null].concat(words.answering).map(function (s) {
      var shares = s === school ? weighing.shares : weigh.weigh(data, model, accepted, s).shares;
      return {school: s, shares: shares, verdict: verdict(words, weigh, shares)};
    });
    return {
      school: school,
      accepted: accepted,
      strength: strength,
      shown: shown,
      setAside: Object.keys(data.evidence).filter(function (e) {
        return shown(e) && accepted[e] === false;
      }).sort(compareIds),
      shares: weighing.shares,
      verdict: verdict(words, weigh, weighing.shares),
      sides: sides,
      others: others,
      impacts: impact(data, model, weigh, accepted, school, shown, weighing.shares),
      answers: answers
    };
  }

  /* ---------- the plan in words (argmap.plan.words) ---------- */

  function judgement(words, weigh, v) {
    var labels = v.leaders.map(function (s) { return quoted(words.side_labels[s]); });
    var pct = weigh.percent(v.share);
    if (v.even) {
      return (words.compare ? "The comparison" : "The argument") + " is evenly balanced between " +
        labels.join(" and ") + " (" + pct + "% each): say which you find stronger, and why.";
    }
    var extent = weigh.extentWords(v.share);
    if (words.compare) {
      return "The comparison shows " + labels[0] + " " + extent + " (" + pct + "% of the weight of argument).";
    }
    return labels[0] + " holds " + extent + " (" + pct + "% of the weight of argument).";
  }

  function verdictWords(words, weigh, v) {
    return v.even ? "even" : words.side_labels[v.leaders[0]] + ", " + weigh.extentWords(v.share);
  }

  function claimView(words, weigh, plan, claim, number, onSide) {
    var fixed = words.claims[claim];
    var strength = "Strength " + weigh.percent(plan.strength[claim]) + "%";
    if (onSide) { strength += ", contribution " + weigh.percent(contribution(plan.strength[claim])) + "/100"; }
    return {
      heading: number + ". " + fixed.label,
      text: fixed.text,
      strength: strength,
      evidence: fixed.evidence.map(function (e) {
        var aside = plan.accepted[e.evidence] === false ? ", set aside" : "";
        return {head: e.lead + " (" + e.marks + aside + ")", shows: e.shows, source: e.source};
      }),
      facts: fixed.facts
    };
  }

  function impactLine(words, weigh, plan, item) {
    var after = {};
    words.sides.forEach(function (s) { after[s] = plan.shares[s] + item.shift[s]; });
    var action = item.accepted ? "setting it aside" : "bringing it back";
    var moves = words.sides.filter(function (s) {
      return weigh.percent(plan.shares[s]) !== weigh.percent(after[s]);
    }).map(function (s) {
      return quoted(words.side_labels[s]) + " " + weigh.percent(plan.shares[s]) + "% → " + weigh.percent(after[s]) + "%";
    });
    var line = words.evidence[item.evidence] + ": " + action + " ";
    if (!moves.length) { return line + "leaves the balance as it is."; }
    var changed = verdictWords(words, weigh, verdict(words, weigh, after)) !== verdictWords(words, weigh, plan.verdict);
    return line + "moves " + moves.join(", ") + (changed ? "; the judgement would change." : ".");
  }

  function planView(data, weigh, plan) {
    var words = data.plan;
    var setAside = plan.setAside.map(function (e) { return words.titles[e]; }).join("; ");
    var facts = words.facts.concat([
      ["Lens", plan.school ? words.school_names[plan.school] + ", as that school would argue it" : "every school"],
      ["Evidence set aside", setAside || "none"]
    ]);
    var sides = plan.sides.map(function (side) {
      var summary = weigh.percent(side.share) + "% of the weight of argument, " + weigh.extentWords(side.share) + ".";
      if (!side.claims.length) { summary += " No claim on this side is held under this lens."; }
      return {
        heading: words.side_headings[side.side],
        summary: summary,
        claims: side.claims.map(function (c, i) { return claimView(words, weigh, plan, c, i + 1, true); })
      };
    });
    var table = [["Lens"].concat(words.sides.map(function (s) { return words.side_labels[s]; }), ["Judgement"])];
    plan.answers.forEach(function (answer) {
      table.push([answer.school ? words.school_names[answer.school] : "Every school"]
        .concat(words.sides.map(function (s) { return weigh.percent(answer.shares[s]) + "%"; }),
                [verdictWords(words, weigh, answer.verdict)]));
    });
    return {
      title: words.title,
      facts: facts,
      keyTerms: words.key_terms,
      judgement: judgement(words, weigh, plan.verdict),
      balance: words.sides.map(function (s) {
        return words.side_labels[s] + ": " + weigh.percent(plan.shares[s]) + "%, " + weigh.extentWords(plan.shares[s]);
      }),
      sides: sides,
      others: plan.others.map(function (c, i) { return claimView(words, weigh, plan, c, i + 1, false); }),
      impacts: plan.impacts.map(function (item) { return impactLine(words, weigh, plan, item); }),
      table: table,
      schools: words.schools,
      warnings: words.advice.filter(function (a) {
        return words.sides.indexOf(a[0]) >= 0 || plan.shown(a[0]);
      }).map(function (a) { return a[1]; })
    };
  }

  /* ---------- the plan as Markdown (argmap.plan.markdown) ---------- */

  function cell(text) { return text.split("|").join("\\|"); }

  function claimLines(claim) {
    var lines = ["", "### " + claim.heading, "", claim.text, "", "- " + claim.strength];
    if (claim.evidence.length) {
      lines.push("- Evidence:");
      claim.evidence.forEach(function (ev) {
        lines.push("  - " + ev.head);
        if (ev.shows) { lines.push("    - Shows: " + ev.shows); }
        lines.push("    - Source: " + ev.source);
      });
    } else {
      lines.push("- Evidence: none of its own");
    }
    claim.facts.forEach(function (f) { lines.push("- " + f[0] + ": " + f[1]); });
    return lines;
  }

  function markdown(view) {
    var out = ["# " + view.title, ""];
    view.facts.forEach(function (f) { out.push("- **" + f[0] + "**: " + f[1]); });
    out.push("", "## Key terms", "");
    view.keyTerms.forEach(function (t) { out.push("- **" + t[0] + "**: " + t[1]); });
    out.push("", "## Judgement", "", view.judgement, "");
    view.balance.forEach(function (line) { out.push("- " + line); });
    view.sides.forEach(function (side) {
      out.push("", "## " + side.heading, "", side.summary);
      side.claims.forEach(function (claim) { out = out.concat(claimLines(claim)); });
    });
    if (view.others.length) {
      out.push("", "## Other claims in the argument", "",
               "These claims feed the claims above without standing on a side themselves.");
      view.others.forEach(function (claim) { out = out.concat(claimLines(claim)); });
    }
    out.push("", "## What would change the verdict", "");
    if (view.impacts.length) {
      out.push("Evidence ranked by how far setting it aside (or bringing it back) moves the balance.", "");
      view.impacts.forEach(function (line, i) { out.push((i + 1) + ". " + line); });
    } else {
      out.push("No evidence is weighed under this lens.");
    }
    out.push("", "## Each school's answer", "");
    var header = view.table[0];
    out.push("| " + header.map(cell).join(" | ") + " |", "|" + header.map(function () { return "---|"; }).join(""));
    view.table.slice(1).forEach(function (row) { out.push("| " + row.map(cell).join(" | ") + " |"); });
    out.push("", "## Schools and historians", "");
    view.schools.forEach(function (school) {
      out.push("- **" + school.name + "**: " + school.summary);
      school.historians.forEach(function (h) { out.push("  - " + h); });
    });
    if (!view.schools.length) { out.push("No school argues this question."); }
    out.push("", "## Teacher's warnings", "");
    if (view.warnings.length) {
      view.warnings.forEach(function (w) { out.push("- " + w); });
    } else {
      out.push("- None.");
    }
    // Raw HTML from a corpus must not run in a Markdown previewer.
    return out.join("\n").split("<").join("\\<") + "\n";
  }

  /* Plan, view and Markdown for one state: {school, accepted}. */
  function write(data, model, weigh, state) {
    var plan = essayPlan(data, model, weigh, state);
    var view = planView(data, weigh, plan);
    return {plan: plan, view: view, markdown: markdown(view)};
  }

  kit.plan = {write: write, essayPlan: essayPlan, planView: planView, markdown: markdown};

  /* ---------- the Plan tab of a map page ---------- */

  if (!kit.panel || !kit.data || !kit.data.plan) { return; }

  var data = kit.data;
  var el = kit.el;
  var current = null;

  function now() {
    if (current === null) {
      current = write(data, kit.model, kit.weigh, {school: kit.state.school, accepted: kit.state.accepted});
    }
    return current;
  }

  var section = el("section", {id: "plan", class: "tab-panel plan", role: "tabpanel",
                               "aria-labelledby": "tab-plan", "aria-live": "polite", hidden: ""});
  // After the last tab panel, so whatever follows the panels (the legend) stays last.
  var panels = document.querySelectorAll("#panel > .tab-panel");
  var last = panels[panels.length - 1];
  last.parentNode.insertBefore(section, last.nextSibling);

  function download() {
    var blob = new Blob([now().markdown], {type: "text/markdown;charset=utf-8"});
    var url = URL.createObjectURL(blob);
    var link = el("a", {href: url, download: data.question.id + "-plan.md", hidden: ""});
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 0);
  }

  function impactList(result) {
    var list = el("ol", {class: "plan-impact"});
    result.plan.impacts.forEach(function (item, i) {
      var button = el("button", {type: "button", class: "link-button", "data-node": item.evidence,
                                 text: result.view.impacts[i]});
      button.addEventListener("click", function () {
        kit.select(item.evidence);
        kit.view.network.focus(item.evidence, {animation: {duration: 300}});
      });
      list.appendChild(el("li", {}, [button]));
    });
    return list;
  }

  // The side panel is narrow: the judgement sentence goes under the lens's
  // name instead of in a column of its own (the Markdown keeps the column).
  function answersTable(view) {
    var last = view.table[0].length - 1;
    var head = el("tr", {}, view.table[0].slice(0, last).map(function (text) {
      return el("th", {scope: "col", text: text});
    }));
    var rows = view.table.slice(1).map(function (row) {
      var lens = el("th", {scope: "row"}, [row[0], el("span", {class: "plan-verdict", text: row[last]})]);
      return el("tr", {}, [lens].concat(
        row.slice(1, last).map(function (text) { return el("td", {class: "plan-share", text: text}); })));
    });
    return el("table", {class: "plan-answers"}, [el("thead", {}, [head]), el("tbody", {}, rows)]);
  }

  function render() {
    if (section.hidden) { return; }
    var result = now();
    var button = el("button", {type: "button", id: "plan-download", text: "Download plan"});
    button.addEventListener("click", download);
    var children = [
      el("p", {id: "plan-judgement", class: "plan-judgement", text: result.view.judgement}),
      button,
      el("h3", {text: "Each school's answer"}),
      answersTable(result.view),
      el("h3", {text: "What would change the verdict"}),
      result.plan.impacts.length ? impactList(result) : el("p", {text: "No evidence is weighed under this lens."}),
      el("h3", {text: "The plan"}),
      el("pre", {id: "plan-text", class: "plan-text", text: result.markdown})
    ];
    section.replaceChildren.apply(section, children);
  }

  kit.onChange(function (what) {
    if (what === "school" || what === "evidence" || what === "data") {
      current = null;
      render();
    }
  });
  kit.panel.addTab({id: "plan", label: "Plan", panel: "plan", onShow: render});

  argmap.plan = function () { return now().markdown; };
})(window.argmap = window.argmap || {});
