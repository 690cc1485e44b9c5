/* argmap: the essay plan in the page, exactly as `argmap plan` writes it.
 *
 * Two halves. kit.plan is pure: page data + lens + evidence choices -> the
 * plan's Markdown, mirroring argmap/analysis/plan.py (essay_plan),
 * argmap/plan/words.py (fit, plan_view) and markdown.py line for line, over
 * the fixed words Python put in data.plan. The rest wires it into a map
 * page: a "Plan" tab that follows the lens and the evidence choices, a
 * Download button (a Blob, no server), each school's answer, the clickable
 * "what would change the verdict" list, and argmap.plan().
 *
 * Ids are data: every lookup by id goes through a Map, never a plain object,
 * so an id such as "constructor" cannot reach Object.prototype.
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit = argmap.kit || {};

  var MAX_PARAGRAPHS = 6;
  var MIN_PARAGRAPHS = 3;
  var MAX_EVIDENCE = 3;
  var WORD_LIMIT = 700;
  var CAPS = [16, 12, 8, 6, 4, 2, 1];
  var QUESTION_CAP = 5;
  var ASIDE_NAMED = 3;
  var COMPARE = "compare and contrast";
  var EVALUATE = "evaluate";
  var SECOND_SOURCE = "the corpus holds only one dated item for this point: find a second";
  var NO_SOURCE = "the corpus holds no dated evidence for this point: find two items";
  var TERSE_SECOND_SOURCE = "find a second dated item";
  var TERSE_NO_SOURCE = "find two dated items";
  var NO_HISTORIAN = "No historian in the corpus argues it.";
  var REFERENCES = "## References";

  function compare(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
  function quoted(text) { return "“" + text + "”"; }
  function own(object) {
    var map = new Map();
    Object.keys(object || {}).forEach(function (key) { map.set(key, object[key]); });
    return map;
  }
  function isAccepted(accepted, id) { return !(accepted.has(id) && accepted.get(id) === false); }
  function contribution(strength) { return Math.max(0.0, 2.0 * strength - 1.0); }
  function count(list, value) { return list.filter(function (x) { return x === value; }).length; }

  /* The page data as Maps, built once per page. */
  function context(data) {
    var words = data.plan;
    var weights = new Map();
    var evidenceOf = new Map();
    var attackersOf = new Map();
    data.links.forEach(function (link) {
      weights.set(link.from + "\u0000" + link.to, link.weight);
      if (link.relation === "supports" && Object.prototype.hasOwnProperty.call(data.evidence, link.from)) {
        if (!evidenceOf.has(link.to)) { evidenceOf.set(link.to, []); }
        evidenceOf.get(link.to).push(link.from);
      }
      if (link.relation === "undermines") {
        if (!attackersOf.has(link.to)) { attackersOf.set(link.to, []); }
        attackersOf.get(link.to).push(link.from);
      }
    });
    return {
      data: data,
      words: words,
      sides: words.sides,
      sideClaims: new Map(data.sides.map(function (s) { return [s.id, s.claims]; })),
      sideLabels: own(words.side_labels),
      labels: own(words.labels),
      texts: own(words.texts),
      historians: own(words.historians),
      holders: own(words.holders),
      evidence: own(words.evidence),
      schoolNames: own(words.school_names),
      // argmap.analysis.plan.debating_schools: the page data carries every
      // school of the corpus; those that hold or reject nothing here sit out.
      schools: data.schools.filter(function (s) { return s.holds.length || s.rejects.length; })
        .map(function (s) { return s.id; }),
      weight: function (from, to) { return weights.get(from + "\u0000" + to); },
      evidenceOf: evidenceOf,
      attackersOf: attackersOf
    };
  }

  /* The text cut to its first n words, marked with an ellipsis (words.cut). */
  function cut(text, n) {
    var parts = text.split(" ");
    if (parts.length <= n) { return text; }
    return parts.slice(0, n).join(" ").replace(/[ ,;:.]+$/, "") + "…";
  }

  function cutAll(map, n) {
    var out = new Map();
    map.forEach(function (text, key) { out.set(key, cut(text, n)); });
    return out;
  }

  /* The context with every phrase a plan repeats cut to cap words; points
     stay whole (words.capped). */
  function capped(ctx, cap) {
    var facts = ctx.words.facts.slice();
    facts[1] = cut(facts[1], cap);
    var historians = new Map();
    ctx.historians.forEach(function (found, claim) {
      historians.set(claim, found.map(function (h) { return [h[0], cut(h[1], cap), cut(h[2], cap), h[3]]; }));
    });
    var evidence = new Map();
    ctx.evidence.forEach(function (item, e) { evidence.set(e, [item[0], cut(item[1], cap), cut(item[2], cap)]); });
    return Object.assign({}, ctx, {
      words: Object.assign({}, ctx.words, {title: cut(ctx.words.title, QUESTION_CAP * cap + 2), facts: facts}),
      sideLabels: cutAll(ctx.sideLabels, cap),
      labels: cutAll(ctx.labels, cap),
      historians: historians,
      evidence: evidence,
      schoolNames: cutAll(ctx.schoolNames, cap)
    });
  }

  /* ---------- the plan as data (argmap.analysis.plan) ---------- */

  function verdict(ctx, weigh, shares) {
    var top = Math.max.apply(null, ctx.sides.map(function (s) { return weigh.percent(shares[s]); }));
    var leaders = ctx.sides.filter(function (s) { return weigh.percent(shares[s]) === top; });
    return {leaders: leaders, share: shares[leaders[0]], even: leaders.length > 1};
  }

  function supportingEvidence(ctx, claim, accepted) {
    var items = (ctx.evidenceOf.get(claim) || []).filter(function (e) { return isAccepted(accepted, e); });
    return items.slice().sort(function (a, b) {
      var wa = ctx.weight(a, claim);
      var wb = ctx.weight(b, claim);
      if (wa !== wb) { return wa > wb ? -1 : 1; }
      var da = ctx.evidence.get(a)[0];
      var db = ctx.evidence.get(b)[0];
      return da !== db ? compare(da, db) : compare(a, b);
    });
  }

  function strongestAttacker(ctx, node, strength) {
    var best = null;
    (ctx.attackersOf.get(node) || []).forEach(function (a) {
      if (!strength.has(a)) { return; }
      var force = strength.get(a) * ctx.weight(a, node);
      if (!(force > 0)) { return; }
      if (best === null || force > best.force || (force === best.force && a < best.id)) {
        best = {force: force, id: a};
      }
    });
    return best === null ? null : best.id;
  }

  function counter(ctx, weigh, claim, group, favoured, strength, ownStrength, support) {
    var upheld = weigh.percent(ownStrength) > 50;
    var objection = strongestAttacker(ctx, claim, strength);
    if (objection !== null) {
      var kind = ctx.evidence.has(objection) ? "evidence" : "claim";
      var answer = kind === "claim" ? strongestAttacker(ctx, objection, strength) : null;
      return {kind: kind, objection: objection, answer: answer, upheld: upheld, strength: ownStrength, support: support};
    }
    var opposing = group === 0 ? ctx.sides.filter(function (s) { return s !== favoured; }) : [favoured];
    var candidates = [];
    opposing.forEach(function (s) {
      ctx.sideClaims.get(s).forEach(function (c) { if (c !== claim) { candidates.push(c); } });
    });
    if (candidates.length) {
      var best = candidates[0];
      candidates.forEach(function (c) {
        if (contribution(strength.get(c)) > contribution(strength.get(best))) { best = c; }
      });
      return {kind: "side", objection: best, answer: null, upheld: upheld, strength: ownStrength, support: support};
    }
    return {kind: null, objection: null, answer: null, upheld: upheld, strength: ownStrength, support: support};
  }

  function order(term, first, second) {
    var i;
    if (term === COMPARE) {
      var pairs = [];
      for (i = 0; i < Math.max(first.length, second.length); i++) {
        if (i < first.length) { pairs.push({claim: first[i], group: 0}); }
        if (i < second.length) { pairs.push({claim: second[i], group: 1}); }
      }
      return pairs.slice(0, MAX_PARAGRAPHS);
    }
    var n1 = Math.min(first.length, term === EVALUATE ? 3 : 4);
    var n2 = Math.min(second.length, term === EVALUATE ? 3 : 2);
    while (n1 + n2 < MIN_PARAGRAPHS && (n1 < first.length || n2 < second.length)) {
      if (n2 < second.length) { n2 += 1; } else { n1 += 1; }
    }
    return first.slice(0, n1).map(function (c) { return {claim: c, group: 0}; })
      .concat(second.slice(0, n2).map(function (c) { return {claim: c, group: 1}; }));
  }

  function toMap(object) {
    var map = new Map();
    Object.keys(object).forEach(function (key) { map.set(key, object[key]); });
    return map;
  }

  function essayPlan(ctx, model, weigh, state) {
    var data = ctx.data;
    var accepted = toMap(state.accepted || {});
    var acceptedObject = Object.create(null);
    accepted.forEach(function (value, key) { acceptedObject[key] = value; });
    var school = state.school || null;
    var position = weigh.takesPosition(data, school);
    var arguedBy = position ? school : null;
    var weighing = weigh.weigh(data, model, acceptedObject, arguedBy);
    var full = arguedBy === null ? weighing : weigh.weigh(data, model, acceptedObject, null);
    var lensStrength = toMap(weighing.strengths);
    var fullStrength = toMap(full.strengths);
    var keep = arguedBy ? weigh.lens(data, arguedBy) : null;
    function shown(id) { return keep === null || keep[id] === true; }
    var decided = verdict(ctx, weigh, weighing.shares);
    var term = data.question.command_term;
    var favoured = term === EVALUATE ? ctx.sides[0] : decided.leaders[0];

    function rank(claims, strength) {
      var index = new Map(claims.map(function (c, i) { return [c, i]; }));
      return claims.slice().sort(function (a, b) {
        var fa = supportingEvidence(ctx, a, accepted).length < 2;
        var fb = supportingEvidence(ctx, b, accepted).length < 2;
        if (fa !== fb) { return fa ? 1 : -1; }
        var ca = contribution(strength.get(a));
        var cb = contribution(strength.get(b));
        if (ca !== cb) { return ca > cb ? -1 : 1; }
        return index.get(a) - index.get(b);
      });
    }
    function listed(side, onLens) {
      var claims = ctx.sideClaims.get(side).filter(function (c) { return shown(c) === onLens; });
      return rank(claims, onLens ? lensStrength : fullStrength);
    }
    var others = ctx.sides.filter(function (s) { return s !== favoured; });
    var first = listed(favoured, true);
    var second = [];
    others.forEach(function (s) { second = second.concat(listed(s, true)); });
    if (arguedBy !== null && first.length + second.length < MIN_PARAGRAPHS) {
      others.forEach(function (s) { second = second.concat(listed(s, false)); });
      if (first.length + second.length < MIN_PARAGRAPHS) { first = first.concat(listed(favoured, false)); }
    }
    function strengthOf(c) { return lensStrength.has(c) ? lensStrength.get(c) : fullStrength.get(c); }
    var paragraphs = order(term, first, second).map(function (p) {
      var evidence = supportingEvidence(ctx, p.claim, accepted).slice(0, MAX_EVIDENCE);
      var support = evidence.length ? evidence[0] : null;
      return {
        claim: p.claim,
        group: p.group,
        evidence: evidence,
        counter: counter(ctx, weigh, p.claim, p.group, favoured, fullStrength, strengthOf(p.claim), support),
        strength: strengthOf(p.claim),
        contribution: contribution(strengthOf(p.claim))
      };
    });
    var answers = [null].concat(ctx.schools).map(function (s) {
      if (s !== null && !weigh.takesPosition(data, s)) { return {school: s, shares: null, verdict: null}; }
      var shares = weigh.weigh(data, model, acceptedObject, s).shares;
      return {school: s, shares: shares, verdict: verdict(ctx, weigh, shares)};
    });
    return {
      question: data.question.id,
      school: school,
      position: position,
      arguedBy: arguedBy,
      setAside: Object.keys(data.evidence).filter(function (e) {
        return shown(e) && !isAccepted(accepted, e);
      }).sort(compare),
      shares: weighing.shares,
      verdict: decided,
      favoured: favoured,
      paragraphs: paragraphs,
      impacts: impact(data, model, weigh, acceptedObject, arguedBy, shown, weighing),
      answers: answers
    };
  }

  /* Every weighed evidence item, biggest pull on the balance first (ties by
   * id); each toggled on its own, re-weighing only what it reaches (as
   * argmap.analysis.impact). */
  function impact(data, model, weigh, acceptedObject, school, shown, weighing) {
    var now = weighing.shares;
    var ids = Object.keys(data.evidence).filter(shown);
    var after = weigh.toggledShares(data, model, acceptedObject, school, weighing, ids);
    var items = ids.map(function (id) {
      var shift = Object.create(null);
      var size = 0.0;
      data.sides.forEach(function (side) {
        shift[side.id] = after.get(id)[side.id] - now[side.id];
        size = Math.max(size, Math.abs(shift[side.id]));
      });
      return {evidence: id, accepted: acceptedObject[id] !== false, shift: shift, size: size};
    });
    return items.sort(function (a, b) {
      return a.size !== b.size ? (a.size > b.size ? -1 : 1) : compare(a.evidence, b.evidence);
    });
  }

  /* ---------- the plan in words (argmap.plan.words) ---------- */

  function plain(weigh, share) {
    var words = weigh.extentWords(share);
    if (words === "to a large extent") { return "it is strongly supported"; }
    if (words === "to some extent") { return "the evidence is contested"; }
    return "it is only weakly supported";
  }

  function judgement(ctx, weigh, v, favoured) {
    var extent = weigh.extentWords(v.share);
    if (v.even) {
      var labels = v.leaders.map(function (s) { return quoted(ctx.sideLabels.get(s)); }).join(" and ");
      return labels + " each hold " + extent + ": the evidence is evenly contested, so say which you find stronger, and why.";
    }
    var leader = quoted(ctx.sideLabels.get(v.leaders[0]));
    if (ctx.words.term === COMPARE) {
      return "The comparison shows " + leader + " " + extent + ": " + plain(weigh, v.share) + ".";
    }
    var sentence = leader + " holds " + extent + ": " + plain(weigh, v.share) + ".";
    if (ctx.words.term === EVALUATE) {
      sentence += v.leaders[0] === favoured ? " The view's strengths outweigh its limitations."
        : " The view's limitations outweigh its strengths.";
    }
    return sentence;
  }

  /* A verb agreeing with "paragraph" (one) or "paragraphs" (several). */
  function verb(n, word) { return n === 1 ? word + "s" : word; }

  function range(first, last) {
    return first === last ? "paragraph " + first : "paragraphs " + first + "–" + last;
  }

  function structure(ctx, groups, favoured) {
    if (!groups.length) { return ""; }
    var others = ctx.sides.filter(function (s) { return s !== favoured; });
    var other = others.length === 1 ? quoted(ctx.sideLabels.get(others[0])) : "the other sides";
    var mine = quoted(ctx.sideLabels.get(favoured));
    if (ctx.words.term === COMPARE) {
      return " The paragraphs pair points of " + mine + " with points of " + other +
        ", referring to both subjects throughout.";
    }
    var n1 = count(groups, 0);
    var n2 = groups.length - n1;
    var parts = [];
    if (ctx.words.term === EVALUATE) {
      if (n1) { parts.push(range(1, n1) + " " + verb(n1, "weigh") + " the view's strengths"); }
      if (n2) { parts.push(range(n1 + 1, groups.length) + " its limitations"); }
    } else {
      if (n1) { parts.push(range(1, n1) + " " + verb(n1, "argue") + " " + mine); }
      if (n2) {
        parts.push(range(n1 + 1, groups.length) + " " + verb(n2, "concede") + " " + other + " and " +
                   verb(n2, "answer") + " it");
      }
    }
    var text = parts.join("; ") + ".";
    return " " + text.charAt(0).toUpperCase() + text.slice(1);
  }

  function noPosition(ctx, plan) {
    return "The " + ctx.schoolNames.get(plan.school) + " takes no position here. Across the whole debate: ";
  }

  function lensIntro(ctx, plan, terse) {
    if (plan.school === null) { return ""; }
    var name = ctx.schoolNames.get(plan.school);
    if (!plan.position && terse) { return noPosition(ctx, plan); }
    if (!plan.position) {
      return "The " + name + " takes no position on this question: it holds none of the claims on its sides. " +
        "Weighing the whole debate instead: ";
    }
    return "As the " + name + " would argue it: ";
  }

  function header(ctx, plan, short) {
    var lens = "every school";
    if (plan.school !== null) {
      var name = ctx.schoolNames.get(plan.school);
      lens = plan.position ? name : name + ", which takes no position";
    }
    var titles = plan.setAside.map(function (e) { return ctx.evidence.get(e)[1]; });
    if (short && titles.length > ASIDE_NAMED) {
      titles = titles.slice(0, ASIDE_NAMED).concat(["and " + (titles.length - ASIDE_NAMED) + " more"]);
    }
    var aside = titles.join("; ") || "none";
    return ctx.words.facts.concat(["Lens: " + lens, "Evidence set aside: " + aside]).join(" · ");
  }

  function evidenceLine(ctx, e) {
    var item = ctx.evidence.get(e);
    return item[0] + ": " + item[1] + " (" + item[2] + ")";
  }

  function itemWords(ctx, node) {
    if (ctx.evidence.has(node)) { return ctx.evidence.get(node)[0] + ", " + ctx.evidence.get(node)[1]; }
    return quoted(ctx.labels.get(node));
  }

  function counterWords(ctx, weigh, c, brief, terse) {
    if (c.kind === null) {
      if (terse) { return "Nothing in the corpus argues against it."; }
      return "Nothing in the corpus argues against it: anticipate an objection a historian could raise.";
    }
    var lead = c.kind === "side" && !terse
      ? "Against it: the other side's case, " + quoted(ctx.labels.get(c.objection)) + "."
      : "Against it: " + itemWords(ctx, c.objection) + ".";
    if (c.answer !== null) {
      return lead + " Answer: " + itemWords(ctx, c.answer) + " undercuts " + (terse ? "it" : "that objection") + ".";
    }
    if (terse) {
      return lead + " Answer: " + (c.upheld ? "the point's backing outweighs it" : "concede it and limit the point") + ".";
    }
    if (c.upheld) {
      var support = weigh.percent(c.strength) >= 75 ? "strongly supported" : "still supported";
      if (c.support !== null && !brief) { return lead + " Answer: stress " + itemWords(ctx, c.support) + "; the point is " + support + "."; }
      return lead + " Answer: the point's own backing outweighs it, so the point is " + support + ".";
    }
    return lead + " Answer: concede it; the evidence is contested, so limit the point.";
  }

  function historian(ctx, plan, claim, terse) {
    var found = ctx.historians.get(claim);
    var chosen = found.filter(function (h) { return h[0] === plan.arguedBy; })[0] || found[0] || null;
    if (chosen) { return {ref: {author: chosen[1], title: chosen[2], year: chosen[3]}, note: ""}; }
    var holders = ctx.holders.get(claim);
    if (!holders.length || terse) { return {ref: null, note: NO_HISTORIAN}; }
    var school = holders.indexOf(plan.arguedBy) >= 0 ? plan.arguedBy : holders[0];
    return {ref: null, note: NO_HISTORIAN.slice(0, -1) + "; the " + ctx.schoolNames.get(school) + " does."};
  }

  function changeWords(ctx, weigh, plan, item) {
    var after = Object.create(null);
    ctx.sides.forEach(function (s) { after[s] = plan.shares[s] + item.shift[s]; });
    var v = verdict(ctx, weigh, after);
    var action = item.accepted ? "setting it aside" : "bringing it back";
    var lead = "The evidence that would most change it is " + itemWords(ctx, item.evidence) + ": " + action + " would ";
    if (v.even) { return lead + "leave the debate evenly balanced."; }
    var side = quoted(ctx.sideLabels.get(v.leaders[0]));
    if (v.leaders[0] !== plan.verdict.leaders[0] || plan.verdict.even) {
      return lead + "tip the balance to " + side + ", which would hold " + weigh.extentWords(v.share) + ".";
    }
    if (weigh.extentWords(v.share) !== weigh.extentWords(plan.verdict.share)) {
      return lead + "leave " + side + " holding " + weigh.extentWords(v.share) + ".";
    }
    return lead + "move the balance most, though " + side + " would still hold " + weigh.extentWords(v.share) + ".";
  }

  function conclusion(ctx, weigh, plan) {
    var start = "";
    if (plan.school !== null) {
      var name = ctx.schoolNames.get(plan.school);
      start = plan.position ? "As the " + name + " would argue it: " : noPosition(ctx, plan);
    }
    var text = start + judgement(ctx, weigh, plan.verdict, plan.favoured);
    var top = plan.impacts.length && plan.impacts[0].size > 0 ? plan.impacts[0] : null;
    if (top === null) { return text + " No single item of evidence would change this judgement."; }
    return text + " " + changeWords(ctx, weigh, plan, top);
  }

  function keep(paragraphs, n) {
    var kept = paragraphs.slice();
    while (kept.length > n) {
      var groups = kept.map(function (p) { return p.group; });
      var last = groups[groups.length - 1];
      var c0 = count(groups, 0);
      var c1 = count(groups, 1);
      var big = c0 !== c1 ? (c0 > c1 ? 0 : 1) : last;
      kept.splice(groups.lastIndexOf(big), 1);
    }
    return kept;
  }

  function planView(ctx, weigh, plan, evidenceLines, n, brief, cap, terse) {
    var short = cap === null ? ctx : capped(ctx, cap);
    var kept = keep(plan.paragraphs, n);
    var refs = new Map();
    var paragraphs = kept.map(function (p) {
      var ref = historian(ctx, plan, p.claim).ref;
      if (ref) { refs.set(JSON.stringify([ref.author, ref.title, ref.year]), ref); }
      var who = historian(short, plan, p.claim, terse);
      var lines = p.evidence.slice(0, evidenceLines).sort(function (a, b) {
        var da = ctx.evidence.get(a)[0];
        var db = ctx.evidence.get(b)[0];
        return da !== db ? compare(da, db) : compare(a, b);
      }).map(function (e) { return evidenceLine(short, e); });
      if (lines.length < 2) {
        lines.push(terse ? (lines.length ? TERSE_SECOND_SOURCE : TERSE_NO_SOURCE) : (lines.length ? SECOND_SOURCE : NO_SOURCE));
      }
      return {
        heading: short.labels.get(p.claim), point: ctx.texts.get(p.claim), evidence: lines,
        historian: who.ref, historianNote: who.note, counter: counterWords(short, weigh, p.counter, brief, terse)
      };
    });
    var references = Array.from(refs.values()).sort(function (a, b) {
      if (a.author !== b.author) { return compare(a.author, b.author); }
      if ((a.year || 0) !== (b.year || 0)) { return (a.year || 0) - (b.year || 0); }
      return compare(a.title, b.title);
    });
    return {
      title: short.words.title,
      header: header(short, plan, cap !== null),
      thesis: lensIntro(short, plan, terse) + judgement(short, weigh, plan.verdict, plan.favoured) +
        (terse ? "" : structure(short, kept.map(function (p) { return p.group; }), plan.favoured)),
      paragraphs: paragraphs,
      conclusion: conclusion(short, weigh, plan),
      references: references
    };
  }

  function fit(ctx, weigh, plan) {
    var lines = 3;
    var n = plan.paragraphs.length;
    var brief = false;
    var caps = [null].concat(CAPS);
    var terse = false;
    for (;;) {
      var view = planView(ctx, weigh, plan, lines, n, brief, caps[0], terse);
      var text = markdown(view);
      if (wordsBeforeReferences(text) <= WORD_LIMIT) { return {view: view, markdown: text}; }
      if (lines > 2) {
        lines = 2;
      } else if (n > MIN_PARAGRAPHS) {
        n -= 1;
      } else if (!brief) {
        brief = true;
      } else if (caps.length > 1) {
        caps.shift();
      } else if (!terse) {
        terse = true;
      } else {
        return {view: view, markdown: text};
      }
    }
  }

  function verdictWords(ctx, weigh, v) {
    if (v === null) { return "takes no position"; }
    return v.even ? "even" : ctx.sideLabels.get(v.leaders[0]) + ", " + weigh.extentWords(v.share);
  }

  function table(ctx, weigh, plan) {
    var rows = [["Lens"].concat(ctx.sides.map(function (s) { return ctx.sideLabels.get(s); }), ["Judgement"])];
    plan.answers.forEach(function (answer) {
      rows.push([answer.school ? ctx.schoolNames.get(answer.school) : "Every school"]
        .concat(ctx.sides.map(function (s) {
          return answer.shares ? weigh.percent(answer.shares[s]) + "%" : "no position";
        }), [verdictWords(ctx, weigh, answer.verdict)]));
    });
    return rows;
  }

  function impactLine(ctx, weigh, plan, item) {
    var after = Object.create(null);
    ctx.sides.forEach(function (s) { after[s] = plan.shares[s] + item.shift[s]; });
    var action = item.accepted ? "setting it aside" : "bringing it back";
    var moves = ctx.sides.filter(function (s) {
      return weigh.percent(plan.shares[s]) !== weigh.percent(after[s]);
    }).map(function (s) {
      return quoted(ctx.sideLabels.get(s)) + " " + weigh.percent(plan.shares[s]) + "% → " + weigh.percent(after[s]) + "%";
    });
    var line = itemWords(ctx, item.evidence) + ": " + action + " ";
    if (!moves.length) { return line + "leaves the balance as it is."; }
    var changed = verdictWords(ctx, weigh, verdict(ctx, weigh, after)) !== verdictWords(ctx, weigh, plan.verdict);
    return line + "moves " + moves.join(", ") + (changed ? "; the judgement would change." : ".");
  }

  /* ---------- the plan as Markdown (argmap.plan.markdown) ---------- */

  function escape(text) { return String(text).replace(/([\\`*_\[\]<>!|~&#])/g, "\\$1"); }

  function reference(ref) {
    return escape(ref.author) + ", *" + escape(ref.title) + "*" + (ref.year !== null && ref.year !== undefined ? " (" + ref.year + ")" : "");
  }

  function markdown(view) {
    var out = ["# " + escape(view.title), "", escape(view.header), "", "## Thesis", "", escape(view.thesis)];
    view.paragraphs.forEach(function (p, i) {
      out.push("", "## Paragraph " + (i + 1) + ": " + escape(p.heading), "", "- **Point**: " + escape(p.point));
      p.evidence.forEach(function (line) { out.push("- **Evidence**: " + escape(line)); });
      out.push("- **Historian**: " + (p.historian ? reference(p.historian) : escape(p.historianNote)),
               "- **Counter**: " + escape(p.counter));
    });
    out.push("", "## Conclusion", "", escape(view.conclusion), "", REFERENCES, "");
    if (view.references.length) {
      view.references.forEach(function (r) { out.push("- " + reference(r)); });
    } else {
      out.push("No historian's work is cited: find one for each paragraph.");
    }
    return out.join("\n") + "\n";
  }

  function wordsBeforeReferences(text) {
    return text.split(REFERENCES)[0].split(/\s+/).filter(Boolean).length;
  }

  /* Plan, view and Markdown for one state: {school, accepted}. */
  function write(data, model, weigh, state) {
    var ctx = context(data);
    var plan = essayPlan(ctx, model, weigh, state);
    var fitted = fit(ctx, weigh, plan);
    return {
      plan: plan,
      view: fitted.view,
      markdown: fitted.markdown,
      table: table(ctx, weigh, plan),
      impacts: plan.impacts.map(function (item) { return impactLine(ctx, weigh, plan, item); })
    };
  }

  kit.plan = {write: write, markdown: markdown, escape: escape};

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
                                 text: result.impacts[i]});
      button.addEventListener("click", function () {
        kit.select(item.evidence);
        kit.view.network.focus(item.evidence, {animation: {duration: 300}});
      });
      list.appendChild(el("li", {}, [button]));
    });
    return list;
  }

  // The side panel is narrow: the judgement goes under the lens's name
  // instead of in a column of its own (the --detail table keeps the column).
  function answersTable(rowsIn) {
    var lastColumn = rowsIn[0].length - 1;
    var head = el("tr", {}, rowsIn[0].slice(0, lastColumn).map(function (text) {
      return el("th", {scope: "col", text: text});
    }));
    var rows = rowsIn.slice(1).map(function (row) {
      var lens = el("th", {scope: "row"}, [row[0], el("span", {class: "plan-verdict", text: row[lastColumn]})]);
      return el("tr", {}, [lens].concat(
        row.slice(1, lastColumn).map(function (text) { return el("td", {class: "plan-share", text: text}); })));
    });
    return el("table", {class: "plan-answers"}, [el("thead", {}, [head]), el("tbody", {}, rows)]);
  }

  function render() {
    if (section.hidden) { return; }
    var result = now();
    var button = el("button", {type: "button", id: "plan-download", text: "Download plan"});
    button.addEventListener("click", download);
    var children = [
      el("p", {id: "plan-judgement", class: "plan-judgement", text: result.view.thesis}),
      button,
      el("h3", {text: "Each school's answer"}),
      answersTable(result.table),
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
