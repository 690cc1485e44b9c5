/* argmap: a box's argument, which the map lights when the box is selected.
 *
 * The argument of a box is the box itself, every path from it up to the
 * sides (what it argues for or against, and what those argue about, up to
 * the sides), and, for a claim or a side, everything that feeds it (its
 * evidence and the claims under it, all the way down). The question's
 * argument is the whole map. Lines are lit when they run along those paths.
 * Loaded after state.js; the map view (mapview.js) fades everything else.
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit;
  var data = kit.data;

  /* Every node reached from id by following links upward (to what they argue about). */
  function above(id) {
    var seen = new Set([id]);
    var stack = [id];
    while (stack.length) {
      kit.outOf.get(stack.pop()).forEach(function (index) {
        var to = data.links[index].to;
        if (!seen.has(to)) { seen.add(to); stack.push(to); }
      });
    }
    return seen;
  }

  /* {nodes: Set of node ids, links: Set of link indices} lit for id. */
  function argumentOf(id) {
    var kind = kit.requireNode(id).kind;
    if (kind === "question") {
      return {nodes: new Set(data.nodes.map(function (n) { return n.id; })),
              links: new Set(data.links.map(function (_, i) { return i; }))};
    }
    var up = above(id);
    var down = kind === "claim" || kind === "side" ? kit.feeders(id) : new Set();
    down.add(id);
    var nodes = new Set(up);
    down.forEach(function (n) { nodes.add(n); });
    var links = new Set();
    data.links.forEach(function (link, index) {
      if ((up.has(link.from) && up.has(link.to)) || (down.has(link.from) && down.has(link.to))) {
        links.add(index);
      }
    });
    return {nodes: nodes, links: links};
  }

  kit.focus = {argumentOf: argumentOf};
})(window.argmap = window.argmap || {});
