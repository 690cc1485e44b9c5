/* Timing probe for benchmarks/pages.py, injected before any script of the
 * page (Playwright's add_init_script), so neither argmap's pages nor pyvis's
 * need to change to be measured the same way.
 *
 * Each mark is kept as performance.now() (milliseconds since navigation
 * start) and also made a performance.mark("argmap-probe:NAME"), which a
 * Chromium trace records with the main thread's CPU clock: on a busy machine
 * CPU time says what the page costs, wall time what a reader waited.
 *
 *   start          the document exists (this probe runs),
 *   firstScript    the parser reached the page's first script,
 *   vis            vis-network's script has run (it defines vis.Network),
 *   networkStart   new vis.Network(...) called,
 *   networkEnd     it returned (data and options read; nothing drawn yet),
 *   drawn          the network's first "afterDrawing",
 *   stabilized     the network's first "stabilized" (pyvis with physics),
 *   ready          argmap.ready resolved (argmap's pages only),
 *   limit:NAME     the benchmark stopped waiting for NAME.
 *
 * The probe must cost the page next to nothing: a MutationObserver over the
 * whole document would be handed every element of a big page (about 0.1 s
 * of a 2,000-node map), so it watches only the direct children of <html>,
 * <head> and <body>, where both pages put their scripts. vis-network's
 * script assigns vis.Network as its last step, through a setter put on the
 * vis object the moment the script creates it, so the probe wraps the
 * constructor before any later script can call it.
 */
(function () {
  "use strict";
  var waiting = {};
  var probe = window.__argmapProbe = {
    marks: {},
    /* A promise of the mark's time, so the benchmark waits without polling
     * (polling would run on the page's main thread while it is measured);
     * null after ``limit`` ms, when the mark "limit:NAME" is made instead. */
    when: function (name, limit) {
      return new Promise(function (resolve) {
        if (name in probe.marks) { resolve(probe.marks[name]); return; }
        (waiting[name] = waiting[name] || []).push(resolve);
        if (limit) {
          setTimeout(function () {
            if (!(name in probe.marks)) { mark("limit:" + name); resolve(null); }
          }, limit);
        }
      });
    }
  };

  function mark(name) {
    if (name in probe.marks) { return; }
    probe.marks[name] = performance.mark("argmap-probe:" + name).startTime;
    (waiting[name] || []).forEach(function (resolve) { resolve(probe.marks[name]); });
  }

  /* argmap sets argmap.ready before it builds the network. */
  function watchReady() {
    var argmap = window.argmap;
    if (argmap && argmap.ready && !probe.readyWatched) {
      probe.readyWatched = true;
      argmap.ready.then(function () { mark("ready"); });
    }
  }

  function probed(Network) {
    var Probed = function (container, data, options) {
      mark("networkStart");
      watchReady();
      var network = new Network(container, data, options);
      mark("networkEnd");
      network.once("afterDrawing", function () { mark("drawn"); });
      network.once("stabilized", function () { mark("stabilized"); });
      return network;
    };
    Probed.prototype = Network.prototype;
    return Probed;
  }

  var vis;
  Object.defineProperty(window, "vis", {
    configurable: true,
    get: function () { return vis; },
    set: function (value) {
      vis = value;
      var network;
      Object.defineProperty(vis, "Network", {
        configurable: true,
        enumerable: true,
        get: function () { return network; },
        set: function (Network) { mark("vis"); network = probed(Network); }
      });
    }
  });

  var watched = [];
  function firstScript() {
    for (var i = 0; i < document.scripts.length; i++) {
      if (document.scripts[i].type !== "application/json") { mark("firstScript"); return; }
    }
  }
  var observer = new MutationObserver(function () {
    [document.documentElement, document.head, document.body].forEach(function (parent) {
      if (parent && watched.indexOf(parent) < 0) {
        watched.push(parent);
        observer.observe(parent, {childList: true});
      }
    });
    if (!("firstScript" in probe.marks)) { firstScript(); }
    if (watched.length === 3 && "firstScript" in probe.marks) { observer.disconnect(); }
  });
  observer.observe(document, {childList: true});

  mark("start");
})();
