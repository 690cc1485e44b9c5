/* argmap: what the grid and the timeline need to know about each evidence
 * item: when it is dated, in what order items come, and which way it points
 * at each side of the question.
 *
 * Pure functions of the page data as it is now (kit.data), read afresh on
 * every call, so evidence, claims and links that the reader adds later count
 * at once. No DOM here. The stances follow docs/format.md exactly as
 * argmap.analysis.side_stances does: the sign of a path to a side is the
 * product of its links' signs (undermining an undermining claim supports);
 * "contested" when paths of both signs reach the side.
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit;

  var POS = 1;
  var NEG = 2;
  var WORDS = ["", "supports", "undermines", "contested"];

  // One date reader for the page: the one that also checks a reader's own
  // file (mine-file.js, argmap.corpus.models.date_bounds in JavaScript).
  var calendar = kit.mineFile;

  function dayOfYear(year, month, day) {
    var total = day;
    for (var m = 1; m < month; m++) { total += calendar.daysIn(year, m); }
    return total;
  }

  /* A day as a year with a fraction: 1939-07-02 is 1939.5; with end set, the
   * moment the day ends (so a one-year item spans exactly one year). */
  function yearFraction(when, end) {
    var length = calendar.daysIn(when[0], 2) === 29 ? 366 : 365;
    return when[0] + (dayOfYear(when[0], when[1], when[2]) - (end ? 0 : 1)) / length;
  }

  /* When an evidence item is dated: its first and last day ([y, m, d]) and
   * both as fractional years, for drawing on a time axis. */
  function dating(id) {
    var text = kit.data.evidence[id].date;
    var ends = calendar.dateBounds(text);
    var start = ends[0];
    var end = ends[1];
    return {date: text, start: start, end: end, from: yearFraction(start, false), to: yearFraction(end, true)};
  }

  function compareDays(a, b) {
    for (var i = 0; i < 3; i++) { if (a[i] !== b[i]) { return a[i] - b[i]; } }
    return 0;
  }

  /* Date order: by first day, then last day, then id (so the order is total). */
  function compare(a, b) {
    var da = dating(a);
    var db = dating(b);
    return compareDays(da.start, db.start) || compareDays(da.end, db.end) || (a < b ? -1 : a > b ? 1 : 0);
  }

  /* {evidence id: {side id: "supports"|"undermines"|"contested"}}, only the
   * sides each item reaches. One walk over the links, each node's signs per
   * side computed once, without recursion (a long chain of claims cannot
   * overflow the stack). */
  function stances() {
    var data = kit.data;
    var out = new Map();
    data.links.forEach(function (link) {
      if (!out.has(link.from)) { out.set(link.from, []); }
      out.get(link.from).push(link);
    });
    var reach = new Map();
    data.sides.forEach(function (side) {
      var own = kit.dict();
      own[side.id] = POS;
      reach.set(side.id, own);
    });
    function walk(start) {
      var stack = [{id: start, next: 0}];
      var onStack = new Set([start]);
      while (stack.length) {
        var top = stack[stack.length - 1];
        var links = out.get(top.id) || [];
        if (top.next < links.length) {
          var parent = links[top.next++].to;
          // a parent on the stack would be a cycle, which the loader refuses
          if (!reach.has(parent) && !onStack.has(parent)) {
            stack.push({id: parent, next: 0});
            onStack.add(parent);
          }
          continue;
        }
        var mine = kit.dict();
        links.forEach(function (link) {
          var theirs = reach.get(link.to);
          if (!theirs) { return; }
          Object.keys(theirs).forEach(function (side) {
            var mask = theirs[side];
            if (link.relation === "undermines") { mask = ((mask & POS) << 1) | ((mask & NEG) >> 1); }
            mine[side] = (mine[side] || 0) | mask;
          });
        });
        reach.set(top.id, mine);
        onStack.delete(top.id);
        stack.pop();
      }
    }
    var result = kit.dict();
    Object.keys(data.evidence).forEach(function (id) {
      if (!reach.has(id)) { walk(id); }
      var words = kit.dict();
      var masks = reach.get(id);
      data.sides.forEach(function (side) {
        if (masks[side.id]) { words[side.id] = WORDS[masks[side.id]]; }
      });
      result[id] = words;
    });
    return result;
  }

  /* Which side an item serves, from its stances: {kind: "serves", side} when
   * it supports exactly one side and is contested toward none; "contested"
   * when it is contested toward a side or supports several; "undermines"
   * (side: the first it undermines) when it supports none; "none" when it
   * reaches no side. */
  function serves(words) {
    var supported = [];
    var undermined = [];
    var contested = false;
    kit.data.sides.forEach(function (side) {
      var word = words[side.id];
      if (word === "supports") { supported.push(side); }
      else if (word === "undermines") { undermined.push(side); }
      else if (word === "contested") { contested = true; }
    });
    if (contested || supported.length > 1) { return {kind: "contested", side: null}; }
    if (supported.length === 1) { return {kind: "serves", side: supported[0]}; }
    if (undermined.length) { return {kind: "undermines", side: undermined[0]}; }
    return {kind: "none", side: null};
  }

  /* "supports A; undermines B": an item's stances in words, sides in order. */
  function stanceText(words) {
    var parts = [];
    kit.data.sides.forEach(function (side) {
      if (words[side.id]) { parts.push(words[side.id] + " “" + side.label + "”"); }
    });
    return parts.length ? parts.join("; ") : "reaches no side";
  }

  /* The evidence items shown now, in date order. */
  function shown() {
    return kit.data.nodes.filter(function (node) {
      return node.kind === "evidence" && kit.state.shown[node.id];
    }).map(function (node) { return node.id; }).sort(compare);
  }

  kit.evidence = {
    dating: dating, compare: compare, stances: stances, serves: serves,
    stanceText: stanceText, shown: shown
  };
})(window.argmap = window.argmap || {});
