/* argmap: the reader's own map: notes, evidence, claims and weights.
 *
 * A student adds to the course's debate without leaving the page: a note on
 * any box, their own evidence linked to any claim, their own claim on a
 * side, a changed weight (or "set aside") for any link. The additions are
 * one small corpus file (docs/format.md: evidence `links`, claim `sides`,
 * `notes`, `weights`), kept as its text:
 *
 * - in the page, the additions are merged into kit.data exactly as the
 *   loader merges `argmap build --add FILE`, and kit.dataChanged() re-weighs
 *   and redraws every view, so the balance, the plan and each view count
 *   them at once and agree with the command line;
 * - in the browser, the text is kept in localStorage under the corpus's
 *   identity and the question id (a rebuilt page of the same debate finds
 *   it; another question's page does not);
 * - handed in, "Download my map" saves the text and "Open my map" (or a
 *   dropped file) reads one back, refusing a bad file with the line of its
 *   first fault and changing nothing.
 *
 * Everything a reader types reaches the page as text only (kit.el), and the
 * page's CSP allows no other script, so hostile text stays text.
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit;
  var data = kit.data;
  var state = kit.state;

  /* ---------- the course's own data, kept whole ---------- */

  // The page data as built, before any addition: every rebuild of kit.data
  // starts from it. Tables keyed by id are null-prototype (ids are data).
  var base = JSON.parse(document.getElementById("argmap-data").textContent);
  base.claims = kit.table(base.claims);
  base.evidence = kit.table(base.evidence);
  Object.keys(base.evidence).forEach(function (id) { base.evidence[id].stances = kit.table(base.evidence[id].stances); });
  Object.keys(base.vis.layout).forEach(function (theme) {
    base.vis.layout[theme].boxes = kit.table(base.vis.layout[theme].boxes);
  });
  base.notes = kit.table(base.notes || {});

  var file = kit.mineFile;
  var claimLabel = file.claimLabel;
  var clean = file.clean;
  var dateBounds = file.dateBounds;
  var count = file.count;
  var WEIGHTS = file.WEIGHTS;

  /* argmap/render/style.py's line widths and colours; the weight words. */
  var CHANGED = new Map([["weak", 0.25], ["moderate", 0.5], ["strong", 0.75], ["aside", 0.0]]);
  var WEIGHT_WORDS = new Map([[0.0, "set aside"], [0.25, "weak"], [0.5, "moderate"], [0.75, "strong"]]);
  var EDGE_WIDTH = new Map([[0.0, 1.0], [0.25, 1.5], [0.5, 2.5], [0.75, 4.0], [1.0, 3.0]]);
  var UNDERMINES = "#C24A00";
  var SUPPORTS = "#007A5A";
  var ASIDE_LINE = "#9aa1ab";
  // Where a reader's own boxes go: rows under the course's map.
  var ROW_GAP = {"default": 130, "projector": 170};
  var OWN_BORDER = [6, 4];
  var LINE_HEIGHT = 1.0;  // argmap/labels.py: vis-network sets lines one type size apart
  var PORT = 12;        // how far apart the reader's lines meet one box, map units

  /* The reader's additions now (the shape mine-file.js reads and writes). */
  var mine = file.empty();

  /* A fresh id for a reader's item: "my-" and the words of its title. */
  function newId(words) {
    var slug = "";
    var full = false;
    // The first words, up to 40 characters (a long first word is cut).
    words.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean).forEach(function (word) {
      var longer = slug ? slug + "-" + word : word.slice(0, 40);
      if (full || longer.length > 40) { full = true; } else { slug = longer; }
    });
    var stem = "my-" + (slug || "item");
    var id = stem;
    for (var n = 2; kit.index.nodes.has(id) || takenByMine(id); n++) { id = stem + "-" + n; }
    return id;
  }

  function takenByMine(id) {
    return mine.evidence.some(function (e) { return e.id === id; }) ||
      mine.claims.some(function (c) { return c.id === id; });
  }

  function isOwn(id) { return ownIds.has(id); }
  var ownIds = new Set();

  /* ---------- merging the additions into the page data ---------- */

  function copy(object) { return JSON.parse(JSON.stringify(object)); }

  /* Rebuild kit.data from the course's data and `m`, as `argmap build
   * --add` would see the corpus. Nodes and links are only ever appended
   * after the course's, so a course link keeps its index (and line id). */
  function merge(m) {
    ownIds = new Set(m.evidence.map(function (e) { return e.id; }).concat(m.claims.map(function (c) { return c.id; })));
    data.sides = copy(base.sides);
    var sideIndex = new Map(data.sides.map(function (side) { return [side.id, side]; }));
    data.claims = kit.table(base.claims);
    data.evidence = kit.dict();
    Object.keys(base.evidence).forEach(function (id) {
      data.evidence[id] = Object.assign({}, base.evidence[id], {stances: kit.dict()});
    });
    data.nodes = base.nodes.slice();
    m.claims.forEach(function (claim) {
      data.claims[claim.id] = {label: claimLabel(claim), text: claim.text, own: true};
      data.nodes.push({id: claim.id, kind: "claim", label: claimLabel(claim)});
      claim.sides.forEach(function (side) { sideIndex.get(side).claims.push(claim.id); });
    });
    m.evidence.forEach(function (item) {
      var bounds = dateBounds(item.date);
      data.evidence[item.id] = {
        title: item.title, label: item.label || item.title,
        date: item.date, years: [bounds[0][0], bounds[1][0]], kind: item.kind || "event",
        detail: item.detail || null, quote: item.quote || null, speaker: item.speaker || null,
        source: item.source, tags: item.tags || [], stances: kit.dict(), contested: false, own: true
      };
      data.nodes.push({id: item.id, kind: "evidence", label: item.title});
    });
    // Links: the course's (with the reader's weights), then the reader's.
    var changes = new Map(m.weights.map(function (w) { return [w.from + "\u0000" + w.to, w.weight]; }));
    function weighed(link) {
      var change = changes.get(link.from + "\u0000" + link.to);
      if (change === undefined) { return link; }
      return Object.assign({}, link, {weight: CHANGED.get(change), changed: change});
    }
    data.links = base.links.map(weighed);
    m.claims.forEach(function (claim) {
      claim.evidence.forEach(function (link) {
        data.links.push(weighed({from: link.ref, to: claim.id, relation: link.stance,
                                 weight: WEIGHTS.get(link.weight || "moderate"), reading: link.reading || null}));
      });
    });
    m.evidence.forEach(function (item) {
      item.links.forEach(function (link) {
        data.links.push(weighed({from: item.id, to: link.claim, relation: link.stance,
                                 weight: WEIGHTS.get(link.weight || "moderate"), reading: link.reading || null}));
      });
    });
    m.claims.forEach(function (claim) {
      claim.sides.forEach(function (side) {
        data.links.push({from: claim.id, to: side, relation: "supports", weight: 1.0, reading: null});
      });
    });
    // With nothing added, the stances are the ones Python wrote.
    if (count(m)) { stances(); }
    else {
      Object.keys(base.evidence).forEach(function (id) { data.evidence[id].stances = kit.table(base.evidence[id].stances); });
    }
    // The corpus's notes (a handed-in file built with --add), then the reader's.
    data.notes = new Map();
    Object.keys(base.notes).forEach(function (id) { data.notes.set(id, base.notes[id].slice()); });
    m.notes.forEach(function (note) {
      if (!data.notes.has(note.on)) { data.notes.set(note.on, []); }
      data.notes.get(note.on).push(note.text);
    });
    drawing(m);
    planWords(m);
  }

  /* Each evidence item's stance toward each side (argmap.analysis.side_stances):
   * the sign of its paths to the side, "contested" when paths of both signs exist. */
  function stances() {
    var outOf = new Map();
    data.links.forEach(function (link) {
      if (!outOf.has(link.from)) { outOf.set(link.from, []); }
      outOf.get(link.from).push(link);
    });
    data.sides.forEach(function (side) {
      var memo = new Map();
      function signs(id) {
        if (memo.has(id)) { return memo.get(id); }
        var found = new Set();
        memo.set(id, found);
        (outOf.get(id) || []).forEach(function (link) {
          var sign = link.relation === "supports" ? 1 : -1;
          if (link.to === side.id) { found.add(sign); return; }
          signs(link.to).forEach(function (s) { found.add(s * sign); });
        });
        return found;
      }
      Object.keys(data.evidence).forEach(function (id) {
        var found = signs(id);
        if (found.size) {
          data.evidence[id].stances[side.id] = found.size > 1 ? "contested" : found.has(1) ? "supports" : "undermines";
        }
      });
    });
    Object.keys(data.evidence).forEach(function (id) {
      var values = Object.keys(data.evidence[id].stances).map(function (s) { return data.evidence[id].stances[s]; });
      data.evidence[id].contested = values.indexOf("contested") >= 0 ||
        values.filter(function (v) { return v === "supports"; }).length > 1;
    });
  }

  /* The drawing of the merged data: the course's boxes and lines as Python
   * laid them out (evidence restyled when it becomes contested), the
   * reader's boxes in rows under the map, with a dashed border, and their
   * lines routed round every box (detour.js). */
  function drawing(m) {
    var vis = data.vis;
    var sideOrder = new Map(data.sides.map(function (side) { return [side.id, side.order]; }));
    var colour = new Map(data.sides.map(function (side) { return [side.id, side.colour]; }));
    vis.nodes = base.vis.nodes.map(function (node) {
      if (base.evidence[node.id] === undefined) { return node; }
      return Object.assign({}, node, {group: data.evidence[node.id].contested ? "evidence-contested" : "evidence"});
    });
    var groupOf = new Map();
    m.claims.forEach(function (claim) {
      var order = claim.sides.length ? sideOrder.get(claim.sides[0]) : undefined;
      groupOf.set(claim.id, order === undefined ? "claim" : "claim-" + order);
    });
    m.evidence.forEach(function (item) {
      groupOf.set(item.id, data.evidence[item.id].contested ? "evidence-contested" : "evidence");
    });
    vis.layout = {};
    Object.keys(base.vis.layout).forEach(function (theme) {
      // With nothing added, the drawing is exactly the one Python made.
      if (!count(m)) { vis.layout[theme] = base.vis.layout[theme]; return; }
      // Else made when first read: routing the reader's lines takes a while,
      // and the other theme's drawing is only read if the reader switches.
      var made = null;
      Object.defineProperty(vis.layout, theme, {
        enumerable: true,
        get: function () { return made || (made = layOut(m, theme, groupOf)); }
      });
    });
    var opening = vis.layout[state.theme].boxes;
    var groups = vis.groups[state.theme];
    m.claims.concat(m.evidence).forEach(function (item) {
      var box = opening[item.id];
      var group = groupOf.get(item.id);
      var inner = 2 * groups[group].margin;
      vis.nodes.push({
        id: item.id, label: box.lines.join("\n"), group: group, x: box.x, y: box.y,
        title: item.text !== undefined ? item.text : item.title + " (" + item.date + ")",
        widthConstraint: {minimum: box.width - inner},
        heightConstraint: {minimum: box.height - inner, valign: "middle"},
        shapeProperties: {borderDashes: OWN_BORDER, borderRadius: groups[group].shapeProperties.borderRadius}
      });
    });
    vis.lineStyles = data.links.map(function (link, index) {
      if (index < base.links.length && link.changed === undefined) { return base.vis.lineStyles[index]; }
      return lineStyle(link.relation, link.weight, colour.get(link.to) || null);
    });
  }

  /* argmap.render.style.line_style. */
  function lineStyle(relation, weight, sideFill) {
    var undermines = relation === "undermines";
    var aside = weight === 0.0 && sideFill === null;
    return {
      color: sideFill || (aside ? ASIDE_LINE : undermines ? UNDERMINES : SUPPORTS),
      width: EDGE_WIDTH.get(weight),
      dash: aside ? [2, 4] : undermines ? [8, 5] : [],
      head: undermines ? "bar" : "arrow"
    };
  }

  /* One theme's drawing with the reader's boxes added: rows under the
   * course's map (claims, then evidence), each box near what it links to,
   * sized like the course's boxes of its kind; lines routed round the boxes. */
  function layOut(m, theme, groupOf) {
    var built = base.vis.layout[theme];
    var boxes = kit.table(built.boxes);
    var font = data.vis.groups[theme];
    function typical(kind) {
      var widths = Object.keys(built.boxes).filter(function (id) { return (kind === "claim" ? base.claims : base.evidence)[id] !== undefined; })
        .map(function (id) { return built.boxes[id].width; }).sort(function (a, b) { return a - b; });
      return widths.length ? widths[Math.floor(widths.length / 2)] : 160;
    }
    function lines(text, width, size) {
      var perLine = Math.max(8, Math.floor(width / (size * 0.55)));
      var out = [];
      text.split(/\s+/).forEach(function (word) {
        var last = out.length ? out[out.length - 1] : null;
        if (last !== null && (last + " " + word).length <= perLine) { out[out.length - 1] = last + " " + word; }
        else { out.push(word); }
      });
      return out;
    }
    var bottom = built.height;
    var gap = ROW_GAP[theme];
    function row(items, number, label, target) {
      var next = -Infinity;
      items.map(function (item) { return {item: item, x: target(item)}; })
        .sort(function (a, b) { return a.x - b.x; })
        .forEach(function (entry) {
          var group = font[groupOf.get(entry.item.id)];
          var width = typical(entry.item.text !== undefined ? "claim" : "evidence");
          var size = group.font.size;
          var words = lines(label(entry.item), width - 2 * group.margin, size);
          var height = words.length * size * LINE_HEIGHT + 2 * group.margin;
          var x = Math.max(entry.x, next + width / 2 + 20);
          next = x + width / 2;
          // Whole units: vis-network draws a box's centre there, and the lines end on its border.
          boxes[entry.item.id] = {x: Math.round(x), y: Math.round(bottom + gap * number), width: width, height: height, lines: words, fontSize: size};
        });
    }
    function meanX(ids) {
      var xs = ids.filter(function (id) { return boxes[id]; }).map(function (id) { return boxes[id].x; });
      return xs.length ? xs.reduce(function (a, b) { return a + b; }, 0) / xs.length : built.width / 2;
    }
    row(m.claims, 1, claimLabel, function (claim) { return meanX(claim.sides); });
    row(m.evidence, m.claims.length ? 2 : 1, function (item) { return item.label || item.title; }, function (item) {
      return meanX(item.links.map(function (link) { return link.claim; }).concat(
        m.claims.filter(function (c) { return c.evidence.some(function (l) { return l.ref === item.id; }); })
          .map(function (c) { return c.id; })));
    });
    var rows = (m.claims.length ? 1 : 0) + (m.evidence.length ? 1 : 0);
    var right = built.width;
    m.claims.concat(m.evidence).forEach(function (item) {
      right = Math.max(right, boxes[item.id].x + boxes[item.id].width / 2 + 20);
    });
    // The reader's lines, round the boxes and beside the lines already drawn
    // (detour.js); several at one box meet its border a little apart.
    var added = data.links.slice(base.links.length);
    function port(id, index, end) {
      var atBox = added.filter(function (link) { return link[end] === id; });
      var k = atBox.indexOf(data.links[index]);
      var room = Math.min(PORT, (boxes[id].width - 20) / atBox.length);
      return (k - (atBox.length - 1) / 2) * room;
    }
    var taken = built.lines.slice();  // each line runs beside, not on, those drawn before it
    var lineList = data.links.map(function (link, index) {
      if (index < base.links.length) { return built.lines[index]; }
      var points = kit.detour(boxes, link.from, link.to, taken,
                              [port(link.from, index, "from"), port(link.to, index, "to")]);
      taken.push(points);
      return points;
    });
    return {boxes: boxes, lines: lineList, width: right, height: bottom + (rows ? gap * rows + 60 : 0), scale: built.scale};
  }


  /* The plan's fixed words (argmap.plan.words.question_words) for the
   * reader's claims and evidence, so plan.js writes them like the course's. */
  function planWords(m) {
    var words = data.plan;
    ["labels", "texts", "historians", "holders", "evidence"].forEach(function (table) {
      words[table] = kit.table(base.plan[table]);
    });
    m.claims.forEach(function (claim) {
      words.labels[claim.id] = clean(claimLabel(claim));
      words.texts[claim.id] = clean(claim.text);
      words.historians[claim.id] = [];
      words.holders[claim.id] = [];
    });
    m.evidence.forEach(function (item) {
      words.evidence[item.id] = [item.date, clean(item.title), file.citable(item.source)];
    });
  }

  /* ---------- keeping it in the browser ---------- */

  var KEY = "argmap-workspace:" + (data.corpus || "corpus") + ":" + data.question.id;

  /* localStorage, or null where the browser refuses it (some file:// pages,
   * private windows, full storage): the page then works without keeping. */
  var store = (function () {
    try {
      var s = window.localStorage;
      s.setItem(KEY + ":probe", "1");
      s.removeItem(KEY + ":probe");
      return s;
    } catch (error) { return null; }
  })();

  function keep() {
    if (!store) { return; }
    try {
      if (count(mine)) { store.setItem(KEY, text()); } else { store.removeItem(KEY); }
    } catch (error) {
      api.problem = "Your browser would not keep your map (" + error.name + "): use Download my map to save it.";
    }
  }

  /* ---------- changing the additions ---------- */

  /* Make `m` the reader's additions: merge, re-weigh, redraw, keep. */
  function use(m) {
    mine = m;
    merge(mine);
    kit.dataChanged();
    api.problem = null;
    keep();
  }

  function load(textIn) {
    if (typeof textIn !== "string") { throw new Error("load needs the text of a corpus file"); }
    use(read(textIn));
  }

  function clear() { use(file.empty()); }

  /* The reader's file for this map, checked against the course's own data. */
  function read(textIn) {
    return file.read(textIn, {nodes: base.nodes, schools: data.schools, sides: base.sides, links: base.links});
  }

  function text() { return file.write(mine, data.question.id); }

  /* A copy of the additions to change: a failed change leaves them as they were. */
  function draft() { return JSON.parse(JSON.stringify(mine)); }

  /* Apply a changed copy after checking it as a handed-in file is checked
   * (throws, changing nothing, if it would not pass). */
  function commit(m) { use(read(file.write(m, data.question.id))); }

  /* ---------- start: what this browser kept, before the views draw ---------- */

  var api = {
    text: text, load: load, clear: clear, read: read, isOwn: isOwn, newId: newId, draft: draft, commit: commit,
    current: function () { return mine; }, base: base, stored: store !== null, problem: null,
    WEIGHT_WORDS: WEIGHT_WORDS
  };
  kit.workspace = api;

  merge(mine);
  if (store) {
    var kept = null;
    try { kept = store.getItem(KEY); } catch (error) { kept = null; }
    if (kept) {
      try {
        load(kept);
      } catch (error) {
        // Kept, not lost: the corpus may have changed under it.
        api.problem = "Your kept map no longer fits this map (" + error.message + "). It stays kept " +
          "until you change your map here; Open my map reads a fixed copy.";
      }
    }
  }

  argmap.workspace = {text: text, load: load, clear: clear};
})(window.argmap = window.argmap || {});
