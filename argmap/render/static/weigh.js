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
    return {kind: weighed, children: children, order: childrenFirst(weighed, children, parents)};
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
    var vs = aggregate(supports);
    var va = aggregate(attacks);
    if (va >= vs) { return base - base * (va - vs); }
    return base + (1.0 - base) * (vs - va);
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
      var supports = [];
      var attacks = [];
      m.children[id].forEach(function (child) {
        if (!Object.prototype.hasOwnProperty.call(result, child.id)) { return; }
        var contribution = result[child.id] * child.weight;
        (child.relation === "supports" ? supports : attacks).push(contribution);
      });
      result[id] = dfquad(CLAIM_BASE, supports, attacks);
    });
    return result;
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
        if (Object.prototype.hasOwnProperty.call(strength, claim)) {
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
    takesPosition: takesPosition,
    weigh: weigh, percent: percent, extentWords: extentWords, dfquad: dfquad
  };
})(window.argmap = window.argmap || {});
