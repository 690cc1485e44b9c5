/* argmap: weighing a question in the page, exactly as argmap.analysis does.
 *
 * docs/format.md's DF-QuAD strengths, side scores and shares, and a school's lens.
 * Children are combined in sorted-id order and every sum runs in the same
 * order as in Python, so page and command line agree to the last bit.
 * Pure functions of the page model; no DOM here. Every table keyed by id is a
 * null-prototype object (dict()), so ids such as "constructor" are just ids.
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit = argmap.kit || {};

  var EVIDENCE_BASE = 1.0;
  var CLAIM_BASE = 0.5;
  // Extent thresholds in whole percent: the words follow the number shown.
  var LARGE = 60;
  var SOME = 40;

  /* An empty lookup table that no id can collide with. */
  function dict() { return Object.create(null); }

  function compareIds(a, b) {
    // Python sorts str by code point; ids are ASCII, where < agrees.
    return a < b ? -1 : a > b ? 1 : 0;
  }

  /* The weighing model of a page's data: for each evidence item and claim,
   * its argument children (sorted by id), and an order with children first. */
  function model(data) {
    var weighed = dict();
    Object.keys(data.evidence).forEach(function (id) { weighed[id] = "evidence"; });
    Object.keys(data.claims).forEach(function (id) { weighed[id] = "claim"; });
    var children = dict();
    var parents = dict();
    Object.keys(weighed).forEach(function (id) { children[id] = []; parents[id] = []; });
    data.links.forEach(function (link) {
      if (weighed[link.from] && weighed[link.to]) {
        children[link.to].push({id: link.from, relation: link.relation, weight: link.weight});
        parents[link.from].push(link.to);
      }
    });
    Object.keys(children).forEach(function (id) {
      children[id].sort(function (a, b) { return compareIds(a.id, b.id); });
    });
    return {kind: weighed, children: children, parents: parents,
            order: childrenFirst(weighed, children, parents)};
  }

  function childrenFirst(kind, children, parents) {
    var waiting = dict();
    var ready = [];
    Object.keys(kind).sort(compareIds).forEach(function (id) {
      waiting[id] = children[id].length;
      if (waiting[id] === 0) { ready.push(id); }
    });
    var order = [];
    while (ready.length) {
      var id = ready.shift();
      order.push(id);
      parents[id].forEach(function (parent) {
        waiting[parent] -= 1;
        if (waiting[parent] === 0) { ready.push(parent); }
      });
    }
    return order;
  }

  function aggregate(values) {
    var product = 1.0;
    for (var i = 0; i < values.length; i++) { product *= 1.0 - values[i]; }
    return 1.0 - product;
  }

  function dfquad(base, supports, attacks) {
    return combine(base, aggregate(supports), aggregate(attacks));
  }

  function combine(base, vs, va) {
    if (va >= vs) { return base - base * (va - vs); }
    return base + (1.0 - base) * (vs - va);
  }

  /* A claim's strength from its children's in `result` (a null-prototype
   * table, or one layered over such a table: `in` finds both). */
  function claimStrength(m, id, result) {
    var supports = [];
    var attacks = [];
    m.children[id].forEach(function (child) {
      if (!(child.id in result)) { return; }
      var contribution = result[child.id] * child.weight;
      (child.relation === "supports" ? supports : attacks).push(contribution);
    });
    return dfquad(CLAIM_BASE, supports, attacks);
  }

  /* {id: strength} for evidence and claims; accepted[id] === false sets
   * evidence aside; keep (a set object or null) limits weighing to a lens. */
  function strengths(m, accepted, keep) {
    var result = dict();
    m.order.forEach(function (id) {
      if (keep && !keep[id]) { return; }
      if (m.kind[id] === "evidence") {
        result[id] = accepted[id] === false ? 0.0 : EVIDENCE_BASE;
        return;
      }
      result[id] = claimStrength(m, id, result);
    });
    return result;
  }

  /* One claim's children as a weighing combines them (sorted ids, supports
   * and attacks apart), with the running products of 1 - contribution at
   * the weighing `strength`: running[r][k] is exactly the product the full
   * weighing holds after its first k factors of relation r. */
  function products(m, claim, strength) {
    var p = {where: new Map(), factors: {supports: [], undermines: []},
             weights: {supports: [], undermines: []}, running: {supports: [1.0], undermines: [1.0]}};
    m.children[claim].forEach(function (child) {
      if (!(child.id in strength)) { return; }
      var r = child.relation === "supports" ? "supports" : "undermines";
      var factor = 1.0 - strength[child.id] * child.weight;
      p.where.set(child.id, {relation: r, k: p.factors[r].length});
      p.factors[r].push(factor);
      p.weights[r].push(child.weight);
      p.running[r].push(p.running[r][p.running[r].length - 1] * factor);
    });
    return p;
  }

  /* The claim's strength when only `child` differs from the weighing the
   * products were taken at (its new value in `now`): the factors before it
   * come from the running product, the ones after it are multiplied in, in
   * the full weighing's order, so the result is the same to the last bit. */
  function strengthWithOne(p, child, now) {
    var at = p.where.get(child);
    var factors = p.factors[at.relation];
    var product = p.running[at.relation][at.k] * (1.0 - now[child] * p.weights[at.relation][at.k]);
    for (var i = at.k + 1; i < factors.length; i++) { product *= factors[i]; }
    var other = at.relation === "supports" ? "undermines" : "supports";
    var rest = 1.0 - p.running[other][p.running[other].length - 1];
    return at.relation === "supports" ? combine(CLAIM_BASE, 1.0 - product, rest)
                                      : combine(CLAIM_BASE, rest, 1.0 - product);
  }

  /* Map(id -> shares) of the weighing `weighing` (under `school` and the
   * evidence choices `accepted`) with each evidence item in `ids` toggled on
   * its own: set aside, or brought back when it is aside now. As
   * argmap.analysis.impact does it: toggling one item changes only the
   * claims downstream of it, so each item re-weighs just that cone, in the
   * model's order; a claim with one changed child starts from its running
   * products (strengthWithOne), one with several is weighed whole. Linear in
   * the map for most corpora (a claim citing 5,000 items: milliseconds, where
   * a full weighing per item took seconds), and equal to a full re-weighing. */
  function toggledShares(data, m, accepted, school, weighing, ids) {
    var strength = weighing.strengths;
    var position = takesPosition(data, school);
    var rank = dict();
    m.order.forEach(function (id, i) { rank[id] = i; });
    var cache = dict();
    var result = new Map();
    ids.forEach(function (id) {
      var now = Object.create(strength);  // the new values, over the weighing's
      if (id in strength) {
        now[id] = accepted[id] === false ? EVIDENCE_BASE : 0.0;
        var changed = dict();
        m.parents[id].forEach(function (parent) {
          if (parent in strength) { (changed[parent] = changed[parent] || []).push(id); }
        });
        downstream(m, strength, id).sort(function (a, b) { return rank[a] - rank[b]; }).forEach(function (claim) {
          var children = changed[claim];
          if (children.length === 1) {
            cache[claim] = cache[claim] || products(m, claim, strength);
            now[claim] = strengthWithOne(cache[claim], children[0], now);
          } else {
            now[claim] = claimStrength(m, claim, now);  // paths that meet again
          }
          m.parents[claim].forEach(function (parent) {
            if (parent in strength) { (changed[parent] = changed[parent] || []).push(claim); }
          });
        });
      }
      result.set(id, shares(data, sideScores(data, now), position));
    });
    return result;
  }

  /* Claims that `start` reaches through argument links inside the weighing. */
  function downstream(m, strength, start) {
    var seen = new Set();
    var stack = [start];
    while (stack.length) {
      m.parents[stack.pop()].forEach(function (parent) {
        if (parent in strength && !seen.has(parent)) { seen.add(parent); stack.push(parent); }
      });
    }
    return Array.from(seen);
  }

  /* A school's lens: the claims it holds and the evidence they cite, as
   * argmap.analysis.lens finds it over the whole corpus (the page data
   * carries it, since a claim on another map may cite evidence shown here).
   * Weighing only these nodes keeps exactly the claim -> claim edges among
   * held claims. */
  function lens(data, schoolId) {
    var school = null;
    data.schools.forEach(function (s) { if (s.id === schoolId) { school = s; } });
    if (!school) { throw new Error("unknown school '" + schoolId + "'"); }
    var keep = dict();
    school.lens.forEach(function (id) { keep[id] = true; });
    return keep;
  }

  function sideScores(data, strength) {
    var scores = dict();
    data.sides.forEach(function (side) {
      var total = 0.0;
      side.claims.forEach(function (claim) {
        if (claim in strength) {  // a null-prototype table, maybe layered
          total += Math.max(0.0, 2.0 * strength[claim] - 1.0);
        }
      });
      scores[side.id] = total;
    });
    return scores;
  }

  /* argmap.analysis.takes_position: a school that holds none of the claims
   * listed on the question's sides takes no position (its shares are null). */
  function takesPosition(data, schoolId) {
    if (!schoolId) { return true; }
    var listed = new Set();
    data.sides.forEach(function (side) { side.claims.forEach(function (c) { listed.add(c); }); });
    var held = false;
    data.schools.forEach(function (s) {
      if (s.id === schoolId) { held = s.holds.some(function (c) { return listed.has(c); }); }
    });
    return held;
  }

  function shares(data, scores, position) {
    var result = Object.create(null);
    if (position === false) {
      data.sides.forEach(function (side) { result[side.id] = null; });
      return result;
    }
    var total = 0;
    data.sides.forEach(function (side) { total += scores[side.id]; });
    data.sides.forEach(function (side) {
      result[side.id] = total === 0 ? 1.0 / data.sides.length : scores[side.id] / total;
    });
    return result;
  }

  /* The whole weighing under a lens (school id or null) and evidence choices. */
  function weigh(data, m, accepted, school) {
    var keep = school ? lens(data, school) : null;
    var strength = strengths(m, accepted, keep);
    var scores = sideScores(data, strength);
    return {strengths: strength, scores: scores, shares: shares(data, scores, takesPosition(data, school))};
  }

  /* Same rounding as argmap.analysis.percent: halves up, never toFixed. */
  function percent(share) { return Math.floor(share * 100 + 0.5); }

  /* argmap.analysis.extent_words: thresholds on the percentage shown. */
  function extentWords(share) {
    var shown = percent(share);
    if (shown >= LARGE) { return "to a large extent"; }
    if (shown >= SOME) { return "to some extent"; }
    return "only to a limited extent";
  }

  kit.weigh = {
    model: model, strengths: strengths, lens: lens, sideScores: sideScores, shares: shares,
    takesPosition: takesPosition, toggledShares: toggledShares,
    weigh: weigh, percent: percent, extentWords: extentWords, dfquad: dfquad
  };
})(window.argmap = window.argmap || {});
