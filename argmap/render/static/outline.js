/* argmap: the outline view, the argument as a list.
 *
 * The list itself is drawn by the template (outline.html.j2); this view
 * marks its entries as set aside or outside the school lens.
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit;
  var state = kit.state;

  var outline = {
    element: "outline",

    update: function (what, now, id) {
      if (what === "school" || what === "data") { outline.mark(); }
      else if (what === "evidence") { outline.mark(id); }
    },

    /* Mark every entry (after a lens change), or only those of one node. */
    mark: function (id) {
      var items = document.querySelectorAll("#outline [data-node]");
      Array.prototype.forEach.call(items, function (item) {
        var node = item.getAttribute("data-node");
        // Entries of items just removed (the reader's own) go with the next redraw.
        if ((id && node !== id) || !kit.index.nodes.has(node)) { return; }
        item.classList.toggle("is-aside", state.accepted[node] === false);
        item.classList.toggle("out-of-lens", !kit.lensAllows(node));
      });
    }
  };

  kit.views.register("outline", outline);
})(window.argmap = window.argmap || {});
