/* argmap: the page's state in location.hash, so that a reload, a bookmark or
 * a link sent to a student opens the same view, and Back and Forward step
 * through the changes.
 *
 * The hash is short and readable, and holds ids, never positions in a list,
 * so it still means the same after the corpus is rebuilt:
 *
 *     #school=german-school&aside=munich,nazi-soviet-pact&step=3&sel=german-deal&view=outline
 *
 * Each part is left out at its default (no lens, nothing set aside, no
 * reveal, nothing selected, the map). Ids the page does not know, and steps
 * it does not have, are passed over: an old link still opens what it can.
 * Loaded last, after every view has registered, so any view can be named.
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit;
  var state = kit.state;

  var REMEMBERED = new Set(["school", "evidence", "reveal", "selected", "view"]);

  /* The hash for a state (argmap.state()), without "#". */
  function encode(now) {
    var parts = [];
    if (now.school !== null) { parts.push("school=" + encodeURIComponent(now.school)); }
    if (now.setAside.length) { parts.push("aside=" + now.setAside.map(encodeURIComponent).join(",")); }
    if (now.revealStep !== null) { parts.push("step=" + now.revealStep); }
    if (now.selected !== null) { parts.push("sel=" + encodeURIComponent(now.selected)); }
    if (now.view !== "map") { parts.push("view=" + encodeURIComponent(now.view)); }
    return parts.join("&");
  }

  function decodePart(text) {
    try { return decodeURIComponent(text); } catch (malformed) { return null; }
  }

  /* What a hash asks for: {school, aside: [ids], step, sel, view}, each
   * null (or empty) when absent or unreadable. */
  function decode(hash) {
    var wanted = {school: null, aside: [], step: null, sel: null, view: null};
    hash.replace(/^#/, "").split("&").forEach(function (part) {
      var cut = part.indexOf("=");
      if (cut < 0) { return; }
      var key = part.slice(0, cut);
      var value = part.slice(cut + 1);
      if (key === "aside") {
        wanted.aside = value.split(",").map(decodePart).filter(function (id) { return id; });
      } else if (key === "step") {
        wanted.step = /^[0-9]{1,6}$/.test(value) ? parseInt(value, 10) : null;
      } else if (key === "school" || key === "sel" || key === "view") {
        wanted[key] = decodePart(value);
      }
    });
    return wanted;
  }

  var applying = false;

  /* Bring the page to what a hash asks for, through the usual changers. */
  function apply(wanted) {
    applying = true;
    try {
      var school = wanted.school !== null && kit.index.schools.has(wanted.school) ? wanted.school : null;
      if (school !== state.school) { kit.setSchool(school); }
      var aside = new Set(wanted.aside.filter(function (id) { return kit.index.evidence.has(id); }));
      kit.index.evidence.forEach(function (item, id) {
        if ((state.accepted[id] === false) !== aside.has(id)) { kit.setEvidence(id, !aside.has(id)); }
      });
      var step = wanted.step !== null && wanted.step <= kit.revealSteps().length ? wanted.step : null;
      if (step !== state.revealStep) { kit.setReveal(step); }
      var selected = wanted.sel !== null && kit.index.nodes.has(wanted.sel) ? wanted.sel : null;
      if (selected !== state.selected) { kit.select(selected); }
      var known = wanted.view !== null && kit.views.get(wanted.view) && kit.views.get(wanted.view).element;
      var view = known ? wanted.view : "map";
      if (view !== state.view) { kit.setView(view); }
    } finally {
      applying = false;
    }
  }

  function current() { return location.hash.replace(/^#/, ""); }

  /* Write the hash as a new history entry (push) or in place of the
   * current one. Pages opened from disk may refuse the History API in some
   * browsers; assigning the hash does the same there. */
  function write(hash, push) {
    if (hash === current()) { return; }
    var url = hash ? "#" + hash : location.pathname + location.search;
    try {
      if (push) { history.pushState(null, "", url); } else { history.replaceState(null, "", url); }
    } catch (refused) {
      if (push) { location.hash = hash; }
    }
  }

  /* Several changes in one task (a lens and a reveal step, a test setting
   * many items aside) make one history entry. */
  var queued = false;
  kit.onChange(function (what) {
    if (applying || !REMEMBERED.has(what) || queued) { return; }
    queued = true;
    Promise.resolve().then(function () {
      queued = false;
      write(encode(argmap.state()), true);
    });
  });

  function fromLocation() { apply(decode(location.hash)); }
  window.addEventListener("popstate", fromLocation);
  window.addEventListener("hashchange", fromLocation);

  fromLocation();
  write(encode(argmap.state()), false);

  kit.hash = {encode: encode, decode: decode};
})(window.argmap = window.argmap || {});
