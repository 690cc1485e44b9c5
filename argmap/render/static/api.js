/* argmap: the page's public API (docs/interface.md), assembled last.
 *
 * Every function here only calls the shared state's changers (state.js) or
 * a registered view; then the page starts: each view in load order.
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit;
  var data = kit.data;
  var state = kit.state;

  function nodes(options) {
    var visibleOnly = options && options.visible;
    return data.nodes.filter(function (node) { return !visibleOnly || state.shown[node.id]; })
      .map(function (node) { return {id: node.id, kind: node.kind, label: node.label}; });
  }

  function domPosition(id) {
    kit.requireNode(id);
    if (state.view !== "map") { kit.setView("map"); }
    return kit.views.get("map").position(id);
  }

  /* {side id: share}, in the sides' order. */
  function balance() {
    var result = {};
    data.sides.forEach(function (side) { result[side.id] = state.weighing.shares[side.id]; });
    return result;
  }

  /* What a link or a bookmark must carry to show the page as it is now
   * (docs/interface.md); hash.js keeps it in location.hash. */
  function pageState() {
    return {
      school: state.school,
      setAside: Object.keys(state.accepted).filter(function (id) { return state.accepted[id] === false; }).sort(),
      revealStep: state.revealStep,
      selected: state.selected,
      view: state.view
    };
  }

  /* {id: strength} of every weighed evidence item and claim. */
  function strengths() { return Object.assign({}, state.weighing.strengths); }

  var map = kit.views.get("map");
  argmap.ready = map.drawn.then(function () { document.documentElement.dataset.ready = "true"; });
  argmap.nodes = nodes;
  argmap.select = kit.select;
  argmap.domPosition = domPosition;
  argmap.setSchool = kit.setSchool;
  argmap.setEvidence = kit.setEvidence;
  argmap.balance = balance;
  argmap.strengths = strengths;
  argmap.state = pageState;
  argmap.resetReveal = kit.controls.resetReveal;
  argmap.revealNext = kit.controls.revealNext;
  argmap.revealBack = kit.controls.revealBack;
  argmap.revealAll = kit.controls.revealAll;
  argmap.toggleProjector = function () { kit.controls.toggleProjector(false); };
  argmap.setView = kit.setView;
  argmap.geometry = function () { return map.geometry(); };

  kit.views.start();
})(window.argmap = window.argmap || {});
