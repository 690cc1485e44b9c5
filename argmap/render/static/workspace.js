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
  var el = kit.el;
  var $ = kit.$;
  var yaml = window.jsyaml;

  /* ---------- the course's own data, kept whole ---------- */

  // The page data as built, before any addition: every rebuild of kit.data
  // starts from it. Tables keyed by id are null-prototype (ids are data).
  var base = JSON.parse(document.getElementById("argmap-data").textContent);
  base.claims = kit.table(base.claims);
  base.evidence = kit.table(base.evidence);
  Object.keys(base.evidence).forEach(function (id) { base.evidence[id].stances = kit.table(base.evidence[id].stances); });
  Object.keys(base.vis.themes).forEach(function (theme) { base.vis.themes[theme] = kit.table(base.vis.themes[theme]); });
  base.plan.claims = kit.table(base.plan.claims);
  base.plan.evidence = kit.table(base.plan.evidence);
  base.plan.titles = kit.table(base.plan.titles);
  base.notes = kit.table(base.notes || {});

  /* docs/format.md's words, and argmap/render/style.py's line widths. */
  var WEIGHTS = new Map([["weak", 0.25], ["moderate", 0.5], ["strong", 0.75]]);
  var CHANGED = new Map([["weak", 0.25], ["moderate", 0.5], ["strong", 0.75], ["aside", 0.0]]);
  var WEIGHT_WORDS = new Map([[0.0, "set aside"], [0.25, "weak"], [0.5, "moderate"], [0.75, "strong"]]);
  var EDGE_WIDTH = new Map([[0.0, 1.0], [0.25, 1.5], [0.5, 2.5], [0.75, 4.0], [1.0, 3.0]]);
  var UNDERMINES = "#C24A00";
  var ASIDE_LINE = "#9aa1ab";
  var STANCES = ["supports", "undermines"];
  var KINDS = ["event", "treaty", "policy", "speech", "document", "statistic", "quotation"];
  var ID = /^[a-z0-9][a-z0-9-]*$/;
  var DAY = "\\d{4}(?:-\\d{2}(?:-\\d{2})?)?";
  var DATE = new RegExp("^(" + DAY + ")(?:/(" + DAY + "))?$");
  var DRAWN_EVIDENCE = {"default": 46, "projector": 30};
  // Where a reader's own boxes go: rows under the course's map.
  var ROW_GAP = {"default": 130, "projector": 170};
  var OWN_BORDER = [6, 4];

  /* ---------- the reader's additions ---------- */

  function empty() { return {notes: [], evidence: [], claims: [], weights: []}; }
  var mine = empty();

  function count(m) { return m.notes.length + m.evidence.length + m.claims.length + m.weights.length; }

  /* ---------- small helpers ---------- */

  /* Python's argmap.render.data.short: cut at a word boundary, with "…". */
  function short(text, limit) {
    if (text.length <= limit) { return text; }
    var cut = text.slice(0, limit - 1);
    if (cut.indexOf(" ") >= 0) { cut = cut.slice(0, cut.lastIndexOf(" ")); }
    return cut.replace(/[ ,;:.\-]+$/, "") + "…";
  }

  /* A claim's node label (argmap.corpus.Claim.short_label). */
  function claimLabel(claim) {
    if (claim.label) { return claim.label; }
    if (claim.text.length < 60) { return claim.text; }
    var cut = claim.text.slice(0, 59);
    if (cut.indexOf(" ") >= 0) { cut = cut.slice(0, cut.lastIndexOf(" ")); }
    return cut.replace(/[ ,;:.]+$/, "") + "…";
  }

  /* Corpus text on one line, as argmap.plan.words.clean writes it. */
  function clean(text) { return text.replace(/[ \t\n\r\f\v]+/g, " ").replace(/^ +| +$/g, ""); }

  function daysIn(year, month) {
    if (month === 2) { return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28; }
    return [4, 6, 9, 11].indexOf(month) >= 0 ? 30 : 31;
  }

  /* [first, last] as [y, m, d], or a message (argmap.corpus.models.date_bounds). */
  function dateBounds(date) {
    var match = DATE.exec(date);
    if (!match) { return "bad date '" + date + "': write 1939, 1939-08, 1939-08-23 or a range 1936/1939"; }
    function bounds(text) {
      var parts = text.split("-").map(Number);
      var year = parts[0];
      if (parts.length === 1) { return [[year, 1, 1], [year, 12, 31]]; }
      if (parts[1] < 1 || parts[1] > 12) { return null; }
      var last = daysIn(year, parts[1]);
      if (parts.length === 2) { return [[year, parts[1], 1], [year, parts[1], last]]; }
      if (parts[2] < 1 || parts[2] > last) { return null; }
      return [[year, parts[1], parts[2]], [year, parts[1], parts[2]]];
    }
    var start = bounds(match[1]);
    var end = match[2] ? bounds(match[2]) : start;
    if (!start || !end) { return "bad date '" + date + "': that month or day does not exist"; }
    var a = start[0].join("-").replace(/\b(\d)\b/g, "0$1");
    var b = end[1].join("-").replace(/\b(\d)\b/g, "0$1");
    if (a > b) { return "bad date '" + date + "': the range starts after it ends"; }
    return [start[0], end[1]];
  }

  /* A fresh id for a reader's item: "my-" and the words of its title. */
  function newId(words) {
    var slug = words.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
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
        title: item.title, label: item.label || short(item.title, DRAWN_EVIDENCE["default"]),
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
    stances();
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

  /* vis-network's boxes and lines for the merged data: the course's as
   * built (evidence restyled when it becomes contested), the reader's in
   * rows under the map, with a dashed border. */
  function drawing(m) {
    var vis = data.vis;
    var sideOrder = new Map(data.sides.map(function (side) { return [side.id, side.order]; }));
    var colour = new Map(data.sides.map(function (side) { return [side.id, side.colour]; }));
    vis.nodes = base.vis.nodes.map(function (node) {
      if (base.evidence[node.id] !== undefined) {
        return Object.assign({}, node, {group: data.evidence[node.id].contested ? "evidence-contested" : "evidence"});
      }
      return node;
    });
    var themes = vis.themes;
    Object.keys(base.vis.themes).forEach(function (theme) { themes[theme] = kit.table(base.vis.themes[theme]); });
    function place(theme, ids, row, target, kind) {
      var placed = themes[theme];
      var bottom = -Infinity;
      Object.keys(base.vis.themes[theme]).forEach(function (id) { bottom = Math.max(bottom, base.vis.themes[theme][id][1]); });
      var width = vis.groups[theme][kind === "claim" ? "claim" : "evidence"].widthConstraint.maximum + 30;
      var wanted = ids.map(function (id) { return {id: id, x: target(id, placed)}; });
      wanted.sort(function (a, b) { return a.x - b.x; });
      var next = -Infinity;
      wanted.forEach(function (item) {
        var x = Math.max(item.x, next);
        next = x + width;
        var label = kind === "claim" ? data.claims[item.id].label
          : (mineEvidence(m, item.id).label || short(data.evidence[item.id].title, DRAWN_EVIDENCE[theme]));
        placed[item.id] = [x, bottom + ROW_GAP[theme] * row, label];
      });
    }
    function meanX(placed, ids) {
      var xs = ids.filter(function (id) { return placed[id]; }).map(function (id) { return placed[id][0]; });
      return xs.length ? xs.reduce(function (a, b) { return a + b; }, 0) / xs.length : 0;
    }
    var claimIds = m.claims.map(function (c) { return c.id; });
    var evidenceIds = m.evidence.map(function (e) { return e.id; });
    Object.keys(themes).forEach(function (theme) {
      place(theme, claimIds, 1, function (id, placed) {
        return meanX(placed, mineClaim(m, id).sides);
      }, "claim");
      place(theme, evidenceIds, claimIds.length ? 2 : 1, function (id, placed) {
        return meanX(placed, mineEvidence(m, id).links.map(function (l) { return l.claim; }));
      }, "evidence");
    });
    var opening = themes[state.theme];
    m.claims.forEach(function (claim) {
      var order = claim.sides.length ? sideOrder.get(claim.sides[0]) : undefined;
      vis.nodes.push(ownBox(claim.id, order === undefined ? "claim" : "claim-" + order, claim.text, opening, "claim"));
    });
    m.evidence.forEach(function (item) {
      var group = data.evidence[item.id].contested ? "evidence-contested" : "evidence";
      vis.nodes.push(ownBox(item.id, group, item.title + " (" + item.date + ")", opening, "evidence"));
    });
    vis.edges = data.links.map(function (link, index) {
      if (index < base.links.length && link.changed === undefined) { return base.vis.edges[index]; }
      var edge = {id: "e" + index, from: link.from, to: link.to};
      if (EDGE_WIDTH.get(link.weight) !== EDGE_WIDTH.get(0.5)) { edge.width = EDGE_WIDTH.get(link.weight); }
      if (colour.has(link.to)) { edge.color = colour.get(link.to); }
      else if (link.weight === 0.0) { edge.color = ASIDE_LINE; edge.dashes = [2, 4]; }
      else if (link.relation === "undermines") {
        edge.color = UNDERMINES;
        edge.dashes = [8, 5];
        edge.arrows = {to: {enabled: true, type: "bar", scaleFactor: 0.9}};
      }
      return edge;
    });
  }

  function ownBox(id, group, tooltip, placed, kind) {
    var where = placed[id];
    var radius = data.vis.groups[state.theme][kind === "claim" ? "claim" : "evidence"].shapeProperties.borderRadius;
    return {id: id, label: where[2], group: group, x: where[0], y: where[1], title: tooltip,
            shapeProperties: {borderDashes: OWN_BORDER, borderRadius: radius}};
  }

  function mineClaim(m, id) { return m.claims.filter(function (c) { return c.id === id; })[0]; }
  function mineEvidence(m, id) { return m.evidence.filter(function (e) { return e.id === id; })[0]; }

  /* The plan's fixed words (argmap.plan.words.question_words) for the
   * reader's claims and evidence, so plan.js writes them like the course's. */
  function planWords(m) {
    var words = data.plan;
    words.claims = kit.dict();
    Object.keys(base.plan.claims).forEach(function (id) { words.claims[id] = copy(base.plan.claims[id]); });
    words.evidence = kit.table(base.plan.evidence);
    words.titles = kit.table(base.plan.titles);
    m.evidence.forEach(function (item) {
      words.evidence[item.id] = item.date + ", " + clean(item.title);
      words.titles[item.id] = clean(item.title);
    });
    m.claims.forEach(function (claim) {
      words.claims[claim.id] = {label: clean(claimLabel(claim)), text: clean(claim.text), evidence: [],
                                facts: [["Held by", "no school"], ["Argued against by", "no claim"]]};
    });
    // The evidence uses of every claim the reader touched (a link of
    // theirs, or a changed weight), from the merged links, in date order.
    var touched = new Set();
    data.links.forEach(function (link, index) {
      if (index >= base.links.length || link.changed !== undefined) { touched.add(link.to); }
    });
    var uses = new Map();
    data.links.forEach(function (link) {
      if (!touched.has(link.to) || !data.evidence[link.from] || !words.claims[link.to]) { return; }
      if (!uses.has(link.to)) { uses.set(link.to, []); }
      var item = data.evidence[link.from];
      uses.get(link.to).push({
        evidence: link.from, lead: item.date + ", " + clean(item.title),
        marks: link.relation + ", " + WEIGHT_WORDS.get(link.weight),
        shows: link.reading ? clean(link.reading) : (item.detail ? clean(item.detail) : null),
        source: clean(item.source), date: item.date
      });
    });
    words.advice = count(m) ? advice() : base.plan.advice;
    uses.forEach(function (list, claim) {
      list.sort(function (a, b) {
        return a.date !== b.date ? (a.date < b.date ? -1 : 1) : (a.evidence < b.evidence ? -1 : a.evidence > b.evidence ? 1 : 0);
      });
      words.claims[claim].evidence = list.map(function (u) {
        return {evidence: u.evidence, lead: u.lead, marks: u.marks, shows: u.shows, source: u.source};
      });
    });
  }

  /* The teacher's warnings over the merged data, worded and ordered as
   * argmap.analysis.advice and argmap.plan.words._warning give them. */
  function advice() {
    var found = [];
    var into = new Map();
    data.links.forEach(function (link) {
      if (!into.has(link.to)) { into.set(link.to, []); }
      into.get(link.to).push(link);
    });
    var path = new Set();
    var stack = data.sides.map(function (side) { return side.id; });
    while (stack.length) {
      (into.get(stack.pop()) || []).forEach(function (link) {
        if (!path.has(link.from)) { path.add(link.from); stack.push(link.from); }
      });
    }
    function byId(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
    var period = data.question.period;
    if (period) {
      var periodWords = period[0] + " to " + period[1];
      Array.from(path).filter(function (id) { return data.evidence[id]; }).sort(function (a, b) {
        var x = data.evidence[a].date; var y = data.evidence[b].date;
        return x !== y ? byId(x, y) : byId(a, b);
      }).forEach(function (id) {
        var item = data.evidence[id];
        if (item.years[1] < period[0] || item.years[0] > period[1]) {
          found.push([id, "Outside the period: " + item.date + ", " + clean(item.title) + " lies outside " +
                      periodWords + "; use it as context, not as proof."]);
        }
      });
    }
    data.sides.forEach(function (side) {
      var holders = new Set();
      data.schools.forEach(function (school) {
        if (side.claims.some(function (c) { return school.holds.indexOf(c) >= 0; })) { holders.add(school); }
      });
      var label = "“" + clean(side.label) + "”";
      if (holders.size === 1) {
        found.push([side.id, "One school only: every claim on " + label + " is held by " +
                    clean(Array.from(holders)[0].name) + " alone; find a historian from another school who argues it."]);
      } else if (!holders.size) {
        found.push([side.id, "No school: no school holds a claim on " + label + "; find a historian who argues it."]);
      }
    });
    Array.from(path).filter(function (id) { return data.claims[id]; }).sort(byId).forEach(function (claim) {
      var backing = (into.get(claim) || []).filter(function (link) {
        return link.relation === "supports" && (data.evidence[link.from] || data.claims[link.from]);
      });
      var evidence = backing.filter(function (link) { return data.evidence[link.from]; });
      var label = "“" + clean(data.claims[claim].label) + "”";
      if (evidence.length === 1) {
        found.push([claim, "Single evidence: " + label + " rests on one piece of evidence (" +
                    clean(data.evidence[evidence[0].from].title) + "); find a second."]);
      } else if (!backing.length) {
        found.push([claim, "No evidence: " + label + " rests on no evidence; find some or drop it."]);
      }
    });
    return found;
  }

  /* ---------- reading a file of additions ---------- */

  /* A fault in a file: the message carries the line, for the reader. */
  function Fault(line, message) {
    var error = new Error("line " + line + ": " + message);
    error.line = line;
    return error;
  }

  /* Parse YAML 1.2 (core schema: yes/no/on stay text) and note the line of
   * every mapping and list, so each later fault can name its line. */
  function parse(text) {
    var lines = new WeakMap();
    var open = [];
    var doc;
    try {
      doc = yaml.load(text, {schema: yaml.CORE_SCHEMA, listener: function (event, st) {
        if (event === "open") { open.push(st.line); return; }
        var line = open.pop();
        if (st.result !== null && typeof st.result === "object") { lines.set(st.result, line + 1); }
      }});
    } catch (error) {
      if (error.mark) { throw Fault(error.mark.line + 1, "not valid YAML: " + error.reason); }
      var second = text.split("\n").findIndex(function (l, i) { return i > 0 && /^---/.test(l); });
      throw Fault(second >= 0 ? second + 1 : 1, "a file holds one YAML document: " + (error.reason || error.message));
    }
    return {doc: doc, lines: lines, text: text.split("\n")};
  }

  /* Check `text` as a reader's file for this map, as the loader would with
   * `--add`; return the additions, or throw the first fault (by line). */
  function read(text) {
    var parsed = parse(text);
    var doc = parsed.doc;
    var faults = [];
    function lineOf(object) { return (object && parsed.lines.get(object)) || 1; }
    function keyLine(object, key) {
      var from = lineOf(object) - 1;
      var pattern = new RegExp("(^|[\\s{,-])" + key.replace(/[^a-z_]/g, "") + "\\s*:");
      for (var i = from; i < parsed.text.length; i++) { if (pattern.test(parsed.text[i])) { return i + 1; } }
      return lineOf(object);
    }
    function fault(line, message) { faults.push({line: line, message: message}); }
    var m = empty();
    if (doc === null || doc === undefined) { return m; }
    if (typeof doc !== "object" || Array.isArray(doc)) {
      throw Fault(1, "the top level must be a mapping with any of: evidence, claims, notes, weights");
    }
    var known = kit.dict();   // the course's ids on this map (a file may not reuse them)
    base.nodes.forEach(function (node) { known[node.id] = node.kind; });
    data.schools.forEach(function (school) { known[school.id] = "school"; });

    function text_(value) {
      if (value === null || value === undefined) { return null; }
      if (typeof value === "number" || typeof value === "boolean") { return String(value); }
      return typeof value === "string" ? value : undefined;
    }
    /* The fields of one mapping: required, optional (with a length limit), nothing else. */
    function fields(item, what, spec) {
      var out = {};
      if (item === null || typeof item !== "object" || Array.isArray(item)) {
        fault(lineOf(item), "each entry of '" + what + "' must be a mapping");
        return null;
      }
      Object.keys(item).forEach(function (key) {
        if (!Object.prototype.hasOwnProperty.call(spec, key)) {
          fault(keyLine(item, key), "unknown key '" + key + "' in " + what + " (allowed: " + Object.keys(spec).join(", ") + ")");
        }
      });
      Object.keys(spec).forEach(function (key) {
        var rule = spec[key];
        var value = item[key];
        if (value === null || value === undefined) {
          if (rule.required) { fault(lineOf(item), what + " is missing the required field '" + key + "'"); }
          return;
        }
        if (rule.list) { out[key] = value; return; }
        var textValue = text_(value);
        if (textValue === undefined || textValue === "") {
          fault(keyLine(item, key), key + " of " + what + " must be text");
          return;
        }
        if (rule.max && textValue.length > rule.max) {
          fault(keyLine(item, key), key + " of " + what + " is " + textValue.length + " characters long; at most " + rule.max + " are allowed");
        }
        if (rule.one && rule.one.indexOf(textValue) < 0) {
          fault(keyLine(item, key), "bad " + key + " '" + textValue + "': must be one of " + rule.one.join(", "));
        }
        if (rule.id && !(ID.test(textValue) && textValue.length <= 64)) {
          fault(keyLine(item, key), "bad id '" + textValue + "': ids are lowercase kebab-case (a-z, 0-9, '-')");
        }
        out[key] = textValue;
      });
      return out;
    }
    function list(value, where, what) {
      if (value === undefined || value === null) { return []; }
      if (!Array.isArray(value)) { fault(where, "'" + what + "' must be a list"); return []; }
      return value;
    }

    var defined = kit.dict();   // id -> kind, for the file's own items
    function define(id, kind, line) {
      if (!id || !ID.test(id)) { return; }
      if (known[id] !== undefined || defined[id] !== undefined) {
        fault(line, "duplicate id '" + id + "': " + (known[id] !== undefined ? "the course already has it" : "defined twice in this file"));
      }
      defined[id] = kind;
    }
    var allowed = ["evidence", "claims", "notes", "weights"];
    Object.keys(doc).forEach(function (key) {
      if (allowed.indexOf(key) < 0) {
        fault(keyLine(doc, key), "unknown top-level key '" + key + "': a map page takes " + allowed.join(", "));
      }
    });
    var linkSpec = {claim: {required: true}, stance: {required: true, one: STANCES},
                    weight: {one: ["weak", "moderate", "strong"]}, reading: {}};
    list(doc.evidence, keyLine(doc, "evidence"), "evidence").forEach(function (raw) {
      var item = fields(raw, "evidence", {
        id: {required: true, id: true}, title: {required: true, max: 120}, label: {max: 48},
        date: {required: true}, kind: {one: KINDS}, detail: {}, quote: {}, speaker: {},
        source: {required: true}, tags: {list: true}, links: {list: true}
      });
      if (!item) { return; }
      define(item.id, "evidence", keyLine(raw, "id"));
      if (item.date !== undefined && typeof dateBounds(item.date) === "string") {
        fault(keyLine(raw, "date"), dateBounds(item.date));
      }
      if (item.kind === "quotation" && !item.quote) { fault(lineOf(raw), "a quotation needs its exact words in 'quote'"); }
      item.tags = list(raw.tags, keyLine(raw, "tags"), "tags").map(function (t) { return text_(t) || ""; });
      item.links = list(raw.links, keyLine(raw, "links"), "links").map(function (l) {
        var link = fields(l, "a link of evidence '" + item.id + "'", linkSpec);
        if (link) { link.line = lineOf(l); }
        return link;
      }).filter(Boolean);
      item.line = lineOf(raw);
      m.evidence.push(item);
    });
    var evLinkSpec = {ref: {required: true}, stance: {required: true, one: STANCES},
                      weight: {one: ["weak", "moderate", "strong"]}, reading: {}};
    list(doc.claims, keyLine(doc, "claims"), "claims").forEach(function (raw) {
      var claim = fields(raw, "claim", {
        id: {required: true, id: true}, text: {required: true, max: 300}, label: {max: 60},
        evidence: {list: true}, sides: {list: true}
      });
      if (!claim) { return; }
      define(claim.id, "claim", keyLine(raw, "id"));
      claim.sides = list(raw.sides, keyLine(raw, "sides"), "sides").map(function (s) { return text_(s) || ""; });
      claim.sidesLine = keyLine(raw, "sides");
      claim.evidence = list(raw.evidence, keyLine(raw, "evidence"), "evidence").map(function (l) {
        var link = fields(l, "an evidence link of claim '" + claim.id + "'", evLinkSpec);
        if (link) { link.line = lineOf(l); }
        return link;
      }).filter(Boolean);
      m.claims.push(claim);
    });
    list(doc.notes, keyLine(doc, "notes"), "notes").forEach(function (raw) {
      var note = fields(raw, "note", {on: {required: true}, text: {required: true, max: 2000}});
      if (note) { note.line = lineOf(raw); m.notes.push(note); }
    });
    list(doc.weights, keyLine(doc, "weights"), "weights").forEach(function (raw) {
      var change = fields(raw, "weight change", {from: {required: true}, to: {required: true},
                                                  weight: {required: true, one: ["weak", "moderate", "strong", "aside"]}});
      if (change) { change.line = lineOf(raw); m.weights.push(change); }
    });

    // References, once every item is read.
    function kindOf(id) { return defined[id] !== undefined ? defined[id] : known[id]; }
    function wantClaim(id, line) {
      var kind = kindOf(id);
      if (kind === undefined) { fault(line, "unknown claim id '" + id + "' (not on this map)"); return false; }
      if (kind !== "claim") { fault(line, "'" + id + "' is " + (kind === "evidence" ? "evidence" : "a " + kind) + ", but a claim is wanted here"); return false; }
      return true;
    }
    var linked = new Set();
    base.links.forEach(function (link) { linked.add(link.from + "\u0000" + link.to); });
    m.evidence.forEach(function (item) {
      var seen = new Set();
      item.links.forEach(function (link) {
        if (!wantClaim(link.claim, link.line)) { return; }
        if (seen.has(link.claim)) { fault(link.line, "evidence '" + item.id + "' is linked to claim '" + link.claim + "' twice"); }
        seen.add(link.claim);
        linked.add(item.id + "\u0000" + link.claim);
      });
    });
    var sides = new Set(data.sides.map(function (s) { return s.id; }));
    m.claims.forEach(function (claim) {
      claim.sides.forEach(function (side) {
        if (!sides.has(side)) { fault(claim.sidesLine, "unknown side '" + side + "' (this map's sides: " + Array.from(sides).join(", ") + ")"); }
      });
      if (new Set(claim.sides).size !== claim.sides.length) { fault(claim.sidesLine, "claim '" + claim.id + "' names a side twice"); }
      claim.evidence.forEach(function (link) {
        var kind = kindOf(link.ref);
        if (kind === undefined) { fault(link.line, "unknown evidence id '" + link.ref + "' (not on this map)"); return; }
        if (kind !== "evidence") { fault(link.line, "'" + link.ref + "' is a " + kind + ", but evidence is wanted here"); return; }
        var key = link.ref + "\u0000" + claim.id;
        if (linked.has(key)) { fault(link.line, "evidence '" + link.ref + "' is linked to claim '" + claim.id + "' twice"); }
        linked.add(key);
      });
    });
    var changed = new Set();
    m.weights.forEach(function (change) {
      var key = change.from + "\u0000" + change.to;
      if (kindOf(change.from) === undefined) { fault(change.line, "weight change from unknown id '" + change.from + "'"); }
      else if (!linked.has(key)) { fault(change.line, "no link from '" + change.from + "' to '" + change.to + "' to weigh"); }
      else if (changed.has(key)) { fault(change.line, "the weight of the link from '" + change.from + "' to '" + change.to + "' is changed twice"); }
      changed.add(key);
    });
    m.notes.forEach(function (note) {
      if (kindOf(note.on) === undefined && !sides.has(note.on)) { fault(note.line, "note on unknown id '" + note.on + "'"); }
    });
    if (faults.length) {
      faults.sort(function (a, b) { return a.line - b.line; });
      throw Fault(faults[0].line, faults[0].message);
    }
    return strip(m);
  }

  /* Only the fields a file holds (no line numbers), in docs/format.md's order. */
  function strip(m) {
    function only(object, keys) {
      var out = {};
      keys.forEach(function (key) {
        var value = object[key];
        if (value !== undefined && value !== null && !(Array.isArray(value) && !value.length)) { out[key] = value; }
      });
      return out;
    }
    var link = ["claim", "stance", "weight", "reading"];
    var evLink = ["ref", "stance", "weight", "reading"];
    return {
      notes: m.notes.map(function (n) { return only(n, ["on", "text"]); }),
      evidence: m.evidence.map(function (e) {
        var item = only(e, ["id", "title", "label", "date", "kind", "detail", "quote", "speaker", "source", "tags"]);
        item.links = e.links.map(function (l) { return only(l, link); });
        return item;
      }),
      claims: m.claims.map(function (c) {
        var claim = only(c, ["id", "text", "label"]);
        claim.sides = c.sides.slice();
        claim.evidence = c.evidence.map(function (l) { return only(l, evLink); });
        return claim;
      }),
      weights: m.weights.map(function (w) { return only(w, ["from", "to", "weight"]); })
    };
  }

  /* ---------- the file text ---------- */

  function text() {
    var out = {};
    if (mine.evidence.length) {
      out.evidence = mine.evidence.map(function (e) {
        var item = Object.assign({}, e);
        if (!item.links.length) { delete item.links; }
        if (item.tags && !item.tags.length) { delete item.tags; }
        return item;
      });
    }
    if (mine.claims.length) {
      out.claims = mine.claims.map(function (c) {
        var claim = Object.assign({}, c);
        if (!claim.sides.length) { delete claim.sides; }
        if (!claim.evidence.length) { delete claim.evidence; }
        return claim;
      });
    }
    if (mine.notes.length) { out.notes = mine.notes; }
    if (mine.weights.length) { out.weights = mine.weights; }
    var head = "# argmap: my own map for question " + data.question.id +
      "\n# See it with: argmap build --add THIS-FILE --out my-map/\n";
    return head + (Object.keys(out).length ? yaml.dump(out, {schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true}) : "");
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
      say("Your browser would not keep your map (" + error.name + "): use Download my map to save it.", true);
    }
  }

  /* ---------- changing the additions ---------- */

  /* Make `m` the reader's additions: merge, re-weigh, redraw, keep. */
  function use(m) {
    mine = m;
    merge(mine);
    kit.dataChanged();
    keep();
    if (ui.ready) { ui.refresh(); }
  }

  function load(textIn) {
    if (typeof textIn !== "string") { throw new Error("load needs the text of a corpus file"); }
    use(read(textIn));
  }

  function clear() { use(empty()); }

  /* ---------- the forms and the panel ---------- */

  var statusTimer = null;
  function say(message, isError) {
    var box = $("mine-status");
    if (!box) { return; }
    box.textContent = message;
    box.className = "mine-status" + (isError ? " is-error" : "");
    box.setAttribute("role", isError ? "alert" : "status");
    if (statusTimer) { clearTimeout(statusTimer); }
  }

  function option(value, label, selected) {
    var node = el("option", {value: value, text: label});
    if (selected) { node.selected = true; }
    return node;
  }

  var uid = 0;
  /* A labelled field: {label, control} with the label tied to the control. */
  function labelled(label, control, hint) {
    var id = control.id || ("mine-field-" + (++uid));
    control.id = id;
    return el("div", {class: "mine-field"}, [el("label", {for: id, text: label}), control,
                                               hint ? el("span", {class: "hint", text: hint}) : null]);
  }

  function select(name, options) {
    var node = el("select", {name: name});
    options.forEach(function (o) { node.appendChild(option(o[0], o[1], o[2])); });
    return node;
  }

  function claimOptions(withNone) {
    var options = withNone ? [["", "(none yet)"]] : [];
    data.sides.forEach(function (side) {
      side.claims.forEach(function (c) { options.push([c, side.label + ": " + data.claims[c].label]); });
    });
    Object.keys(data.claims).forEach(function (c) {
      if (!data.sides.some(function (s) { return s.claims.indexOf(c) >= 0; })) { options.push([c, data.claims[c].label]); }
    });
    return options;
  }

  function evidenceOptions(withNone) {
    var options = withNone ? [["", "(none yet)"]] : [];
    Object.keys(data.evidence).sort(function (a, b) {
      var x = data.evidence[a].date; var y = data.evidence[b].date;
      return x < y ? -1 : x > y ? 1 : (a < b ? -1 : 1);
    }).forEach(function (e) { options.push([e, data.evidence[e].date + " " + data.evidence[e].title]); });
    return options;
  }

  function stanceSelect() { return select("stance", [["supports", "supports"], ["undermines", "undermines"]]); }
  function weightSelect() { return select("weight", [["weak", "weak"], ["moderate", "moderate", true], ["strong", "strong"]]); }

  /* A form that submits on Enter (and its button), closes on Escape. */
  function form(id, title, children, submitText, onSubmit, onClose) {
    var problem = el("p", {class: "mine-problem", role: "alert"});
    var node = el("form", {id: id, class: "mine-form", novalidate: "", "aria-label": title},
                  [el("h3", {text: title})].concat(children, [problem,
                    el("div", {class: "mine-buttons"}, [el("button", {type: "submit", text: submitText}),
                      onClose ? el("button", {type: "button", class: "mine-cancel", text: "Cancel"}) : null])]));
    node.addEventListener("submit", function (event) {
      event.preventDefault();
      problem.textContent = "";
      try { onSubmit(node); } catch (error) {
        problem.textContent = error.message;
        if (error.field) { error.field.focus(); }
      }
    });
    if (onClose) {
      node.querySelector(".mine-cancel").addEventListener("click", onClose);
      node.addEventListener("keydown", function (event) {
        if (event.key === "Escape") { event.preventDefault(); event.stopPropagation(); onClose(); }
      });
    }
    // Enter in a one-line note box submits it; Shift+Enter starts a new line.
    node.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && !event.shiftKey && event.target.tagName === "TEXTAREA" &&
          event.target.hasAttribute("data-enter-submits")) {
        event.preventDefault();
        node.requestSubmit();
      }
    });
    return node;
  }

  function need(input, message) {
    var value = input.value.trim();
    if (!value) { var error = new Error(message); error.field = input; throw error; }
    return value;
  }

  function problemAt(input, message) { var error = new Error(message); error.field = input; return error; }

  /* A copy of the additions to change: a failed change leaves them as they were. */
  function draft() { return JSON.parse(JSON.stringify(mine)); }

  /* Apply a changed copy after checking it as a file would be checked. */
  function commit(m) {
    var checked = read(serialise(m));
    // The change redraws the details panel: keep the keyboard where it was.
    var focused = document.activeElement && document.activeElement.id;
    use(checked);
    var again = focused && document.getElementById(focused);
    if (again) { again.focus(); }
  }

  function serialise(m) {
    var saved = mine;
    mine = m;
    try { return text(); } finally { mine = saved; }
  }

  var ui = {
    ready: false,

    start: function () {
      var section = el("section", {id: "mine", class: "tab-panel mine", role: "tabpanel",
                                   "aria-labelledby": "tab-mine", hidden: ""});
      var panels = document.querySelectorAll("#panel > .tab-panel");
      var last = panels[panels.length - 1];
      last.parentNode.insertBefore(section, last.nextSibling);
      ui.section = section;
      ui.build();
      kit.panel.addTab({id: "mine", label: "Mine", panel: "mine"});
      ui.ready = true;
      ui.refresh();
      ui.startDrop();
      kit.view.network.on("afterDrawing", ui.drawMarkers);
      if (ui.startProblem) { say(ui.startProblem, true); }
      else if (!store) { say("This browser does not keep your additions for a page opened from a file: use Download my map to save them."); }
    },

    update: function (what) {
      if (what === "selected" || what === "school" || what === "evidence" || what === "data") { ui.details(); }
      if (what === "data") { ui.evidenceRows(); ui.outlineRows(); }
    },

    build: function () {
      var s = ui.section;
      s.appendChild(el("p", {class: "hint", text: "Add your own evidence, claims and notes, and weigh the course's links your way. " +
        "The balance and the plan count them at once; your additions are drawn with a dashed border and kept in this browser."}));
      s.appendChild(el("p", {id: "mine-summary", class: "mine-summary"}));
      s.appendChild(el("p", {id: "mine-status", class: "mine-status", role: "status"}));
      var addEvidence = el("button", {type: "button", id: "mine-add-evidence", "aria-expanded": "false", text: "Add evidence…"});
      var addClaim = el("button", {type: "button", id: "mine-add-claim", "aria-expanded": "false", text: "Add a claim…"});
      s.appendChild(el("div", {class: "mine-buttons"}, [addEvidence, addClaim]));
      var evidenceForm = ui.evidenceForm(function () { ui.toggle(evidenceForm, addEvidence, false); });
      var claimForm = ui.claimForm(function () { ui.toggle(claimForm, addClaim, false); });
      evidenceForm.hidden = true;
      claimForm.hidden = true;
      s.appendChild(evidenceForm);
      s.appendChild(claimForm);
      addEvidence.addEventListener("click", function () { ui.toggle(claimForm, addClaim, false); ui.toggle(evidenceForm, addEvidence, evidenceForm.hidden); });
      addClaim.addEventListener("click", function () { ui.toggle(evidenceForm, addEvidence, false); ui.toggle(claimForm, addClaim, claimForm.hidden); });

      var download = el("button", {type: "button", id: "mine-download", text: "Download my map"});
      var openButton = el("button", {type: "button", id: "mine-open", text: "Open my map…"});
      var file = el("input", {type: "file", id: "mine-file", accept: ".yaml,.yml,text/yaml,application/x-yaml", hidden: "",
                              "aria-label": "Open my map from a YAML file"});
      var clearButton = el("button", {type: "button", id: "mine-clear", text: "Clear my map"});
      download.addEventListener("click", ui.download);
      openButton.addEventListener("click", function () { file.click(); });
      file.addEventListener("change", function () { if (file.files.length) { ui.openFile(file.files[0]); } file.value = ""; });
      clearButton.addEventListener("click", function () {
        if (clearButton.getAttribute("data-confirm") !== "true") {
          clearButton.setAttribute("data-confirm", "true");
          clearButton.textContent = "Really clear? Click again";
          setTimeout(function () { clearButton.removeAttribute("data-confirm"); clearButton.textContent = "Clear my map"; }, 5000);
          return;
        }
        clearButton.removeAttribute("data-confirm");
        clearButton.textContent = "Clear my map";
        clear();
        say("Your map is cleared: the course's map is as it was built.");
      });
      s.appendChild(el("h3", {text: "Hand it in"}));
      s.appendChild(el("div", {class: "mine-buttons"}, [download, openButton, file, clearButton]));
      s.appendChild(el("p", {class: "hint", text: "Download my map saves one YAML file; your teacher sees it with " +
        "argmap build --add FILE. Open my map (or drop a file on the page) reads one back."}));
    },

    toggle: function (formNode, button, open) {
      formNode.hidden = !open;
      button.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) {
        ui.fillSelects(formNode);
        formNode.querySelector("input, textarea, select").focus();
      } else if (formNode.contains(document.activeElement)) { button.focus(); }
    },

    /* Claim and evidence lists change as the reader adds: fill them on opening. */
    fillSelects: function (formNode) {
      Array.prototype.forEach.call(formNode.querySelectorAll("select[data-fill]"), function (node) {
        var kind = node.getAttribute("data-fill");
        var options = kind === "claims" ? claimOptions(node.hasAttribute("data-none")) :
          kind === "evidence" ? evidenceOptions(node.hasAttribute("data-none")) :
          data.sides.map(function (s) { return [s.id, s.label]; });
        var before = node.value;
        node.textContent = "";
        options.forEach(function (o) { node.appendChild(option(o[0], o[1], o[0] === before)); });
      });
    },

    evidenceForm: function (close) {
      var title = el("input", {type: "text", name: "title", maxlength: "120", autocomplete: "off"});
      var date = el("input", {type: "text", name: "date", placeholder: "1939-08-23", autocomplete: "off"});
      var kind = select("kind", KINDS.map(function (k) { return [k, k]; }));
      var source = el("input", {type: "text", name: "source", autocomplete: "off"});
      var label = el("input", {type: "text", name: "label", maxlength: "48", autocomplete: "off"});
      var detail = el("textarea", {name: "detail", rows: "2"});
      var quote = el("textarea", {name: "quote", rows: "2"});
      var claim = el("select", {name: "claim", "data-fill": "claims", "data-none": ""});
      var stance = stanceSelect();
      var weight = weightSelect();
      var reading = el("input", {type: "text", name: "reading", autocomplete: "off"});
      return form("mine-evidence-form", "Your evidence", [
        labelled("Title", title), labelled("Date", date, "1939, 1939-08, 1939-08-23 or 1936/1939"),
        labelled("Kind", kind), labelled("Source", source, "where it comes from: class notes, a book"),
        labelled("Short label (optional)", label), labelled("Detail (optional)", detail),
        labelled("Exact words (for a quotation)", quote),
        el("fieldset", {class: "mine-link"}, [el("legend", {text: "Link it to a claim"}),
          labelled("Claim", claim), labelled("It", stance), labelled("Weight", weight),
          labelled("How it reads for the claim (optional)", reading)])
      ], "Add evidence", function () {
        var bounds = dateBounds(need(date, "Give the date."));
        if (typeof bounds === "string") { throw problemAt(date, bounds); }
        var item = {id: newId(need(title, "Give the evidence a title.")), title: title.value.trim(),
                    date: date.value.trim(), kind: kind.value, source: need(source, "Say where it comes from (the source).")};
        if (label.value.trim()) { item.label = label.value.trim(); }
        if (detail.value.trim()) { item.detail = detail.value.trim(); }
        if (quote.value.trim()) { item.quote = quote.value.trim(); }
        if (item.kind === "quotation" && !item.quote) { throw problemAt(quote, "A quotation needs its exact words."); }
        item.links = [];
        if (claim.value) {
          var link = {claim: claim.value, stance: stance.value, weight: weight.value};
          if (reading.value.trim()) { link.reading = reading.value.trim(); }
          item.links.push(link);
        }
        var m = draft();
        m.evidence.push(item);
        commit(m);
        [title, date, source, label, detail, quote, reading].forEach(function (input) { input.value = ""; });
        close();
        say("Added your evidence “" + item.title + "”.");
        kit.select(item.id);
      }, close);
    },

    claimForm: function (close) {
      var textInput = el("textarea", {name: "text", rows: "2", maxlength: "300", "data-enter-submits": ""});
      var label = el("input", {type: "text", name: "label", maxlength: "60", autocomplete: "off"});
      var side = el("select", {name: "side", "data-fill": "sides"});
      var evidence = el("select", {name: "evidence", "data-fill": "evidence", "data-none": ""});
      var stance = stanceSelect();
      var weight = weightSelect();
      var reading = el("input", {type: "text", name: "reading", autocomplete: "off"});
      return form("mine-claim-form", "Your claim", [
        labelled("Claim (one sentence)", textInput, "Enter adds it; Shift+Enter for a new line"),
        labelled("Short label (optional)", label), labelled("On the side", side),
        el("fieldset", {class: "mine-link"}, [el("legend", {text: "Evidence for or against it"}),
          labelled("Evidence", evidence), labelled("It", stance), labelled("Weight", weight),
          labelled("How it reads for the claim (optional)", reading)])
      ], "Add claim", function () {
        var words = need(textInput, "Write the claim as one sentence.");
        var claim = {id: newId(words), text: words, sides: [side.value], evidence: []};
        if (label.value.trim()) { claim.label = label.value.trim(); }
        if (evidence.value) {
          var link = {ref: evidence.value, stance: stance.value, weight: weight.value};
          if (reading.value.trim()) { link.reading = reading.value.trim(); }
          claim.evidence.push(link);
        }
        var m = draft();
        m.claims.push(claim);
        commit(m);
        [textInput, label, reading].forEach(function (input) { input.value = ""; });
        close();
        say("Added your claim “" + claimLabel(claim) + "”.");
        kit.select(claim.id);
      }, close);
    },

    refresh: function () {
      var n = count(mine);
      var parts = [];
      if (mine.evidence.length) { parts.push(mine.evidence.length + " evidence"); }
      if (mine.claims.length) { parts.push(mine.claims.length + " claim" + (mine.claims.length === 1 ? "" : "s")); }
      if (mine.notes.length) { parts.push(mine.notes.length + " note" + (mine.notes.length === 1 ? "" : "s")); }
      if (mine.weights.length) { parts.push(mine.weights.length + " changed weight" + (mine.weights.length === 1 ? "" : "s")); }
      $("mine-summary").textContent = n ? "Yours: " + parts.join(", ") + "." : "You have added nothing yet.";
      document.documentElement.classList.toggle("has-mine", n > 0);
      ui.details();
      ui.evidenceRows();
      ui.outlineRows();
      if (kit.view.network) { kit.view.network.redraw(); }
    },

    /* Your work on the selected box, under its details. */
    details: function () {
      var box = $("details");
      var id = state.selected;
      var old = box.querySelector(".mine-details");
      if (old) { old.remove(); }
      var badge = box.querySelector(".yours-badge");
      if (badge) { badge.remove(); }
      if (id === null || !kit.index.nodes.has(id)) { return; }
      if (isOwn(id)) {
        box.insertBefore(el("p", {class: "yours-badge", text: "Yours: you added this"}), box.firstChild);
      }
      var section = el("section", {class: "mine-details", "aria-label": "Your work on this box"});
      var written = base.notes[id] || [];
      if (written.length) {
        section.appendChild(el("h4", {text: "Notes"}));
        section.appendChild(el("ul", {class: "mine-notes"}, written.map(function (note) {
          return el("li", {}, [el("p", {class: "note-text", text: note})]);
        })));
      }
      var notes = mine.notes.filter(function (note) { return note.on === id; });
      section.appendChild(el("h4", {text: "Your notes"}));
      if (notes.length) {
        section.appendChild(el("ul", {class: "mine-notes"}, mine.notes.map(function (note, index) {
          if (note.on !== id) { return null; }
          var remove = el("button", {type: "button", class: "link-button", text: "Delete",
                                     "aria-label": "Delete this note"});
          remove.addEventListener("click", function () {
            var m = draft();
            m.notes.splice(index, 1);
            commit(m);
            say("Note deleted.");
          });
          return el("li", {}, [el("p", {class: "note-text", text: note.text}), remove]);
        })));
      }
      var noteText = el("textarea", {id: "mine-note-text", name: "note", rows: "2", maxlength: "2000", "data-enter-submits": ""});
      section.appendChild(form("mine-note-form", "Add a note", [labelled("Your note on this box", noteText, "Enter saves; Shift+Enter for a new line")],
        "Save note", function () {
          var words = need(noteText, "Write the note first.");
          var m = draft();
          m.notes.push({on: id, text: words});
          commit(m);
          say("Note saved.");
          var again = $("mine-note-text");
          if (again) { again.focus(); }
        }, null));
      var kind = kit.kindOf(id);
      if (kind === "claim" || kind === "evidence") { ui.weighLinks(section, id); }
      if (isOwn(id)) { ui.ownTools(section, id, kind); }
      box.appendChild(section);
    },

    /* A weight (or "set aside") for every argument link of the box. */
    weighLinks: function (section, id) {
      var indices = kit.into.get(id).concat(kit.outOf.get(id)).filter(function (index) {
        var link = data.links[index];
        return kit.kindOf(link.to) === "claim";
      });
      if (!indices.length) { return; }
      section.appendChild(el("h4", {text: "Weigh its links your way"}));
      section.appendChild(el("ul", {class: "mine-weights"}, indices.map(function (index) {
        var link = data.links[index];
        var from = kit.index.nodes.get(link.from).label;
        var to = kit.index.nodes.get(link.to).label;
        var current = link.changed || WEIGHT_WORDS.get(link.weight);
        var chooser = select("weight", [["weak", "weak"], ["moderate", "moderate"], ["strong", "strong"], ["aside", "set aside"]]);
        chooser.id = "mine-weight-" + link.from + "--" + link.to;
        chooser.value = current === "set aside" ? "aside" : current;
        chooser.setAttribute("data-from", link.from);
        chooser.setAttribute("data-to", link.to);
        chooser.addEventListener("change", function () { ui.setWeight(link.from, link.to, chooser.value); });
        return el("li", {}, [labelled(short(from, 40) + " " + link.relation + " " + short(to, 40), chooser)]);
      })));
    },

    setWeight: function (from, to, weight) {
      var m = draft();
      m.weights = m.weights.filter(function (w) { return !(w.from === from && w.to === to); });
      var original = null;
      base.links.forEach(function (link) { if (link.from === from && link.to === to) { original = WEIGHT_WORDS.get(link.weight); } });
      m.evidence.forEach(function (e) { e.links.forEach(function (l) { if (e.id === from && l.claim === to) { original = l.weight || "moderate"; } }); });
      m.claims.forEach(function (c) { c.evidence.forEach(function (l) { if (l.ref === from && c.id === to) { original = l.weight || "moderate"; } }); });
      if (weight !== original) { m.weights.push({from: from, to: to, weight: weight}); }
      commit(m);
      say(weight === "aside" ? "That link is set aside: drawn, but not counted." : "That link now counts as " + weight + ".");
    },

    /* Link your own evidence to a claim, or evidence to your own claim; remove it. */
    ownTools: function (section, id, kind) {
      var target = el("select", {name: kind === "evidence" ? "claim" : "evidence"});
      var options = kind === "evidence" ? claimOptions(false) : evidenceOptions(false);
      options.forEach(function (o) { target.appendChild(option(o[0], o[1])); });
      var stance = stanceSelect();
      var weight = weightSelect();
      var reading = el("input", {type: "text", name: "reading", autocomplete: "off"});
      section.appendChild(form("mine-link-form", kind === "evidence" ? "Link it to a claim" : "Link evidence to it", [
        labelled(kind === "evidence" ? "Claim" : "Evidence", target), labelled("It", stance), labelled("Weight", weight),
        labelled("How it reads (optional)", reading)
      ], "Add link", function () {
        var m = draft();
        var link;
        if (kind === "evidence") {
          link = {claim: target.value, stance: stance.value, weight: weight.value};
          if (reading.value.trim()) { link.reading = reading.value.trim(); }
          m.evidence.filter(function (e) { return e.id === id; })[0].links.push(link);
        } else {
          link = {ref: target.value, stance: stance.value, weight: weight.value};
          if (reading.value.trim()) { link.reading = reading.value.trim(); }
          m.claims.filter(function (c) { return c.id === id; })[0].evidence.push(link);
        }
        commit(m);
        say("Linked.");
      }, null));
      var remove = el("button", {type: "button", class: "mine-remove", text: "Remove this " + kind});
      remove.addEventListener("click", function () {
        var m = draft();
        m.evidence = m.evidence.filter(function (e) { return e.id !== id; });
        m.claims = m.claims.filter(function (c) { return c.id !== id; });
        m.evidence.forEach(function (e) { e.links = e.links.filter(function (l) { return l.claim !== id; }); });
        m.claims.forEach(function (c) { c.evidence = c.evidence.filter(function (l) { return l.ref !== id; }); });
        m.notes = m.notes.filter(function (n) { return n.on !== id; });
        m.weights = m.weights.filter(function (w) { return w.from !== id && w.to !== id; });
        commit(m);
        say("Removed.");
      });
      section.appendChild(remove);
    },

    /* Your evidence in the Evidence tab, with the course's. */
    evidenceRows: function () {
      var list = document.querySelector("#evidence-list ul");
      if (!list) { return; }
      Array.prototype.forEach.call(list.querySelectorAll(".mine-row"), function (row) { row.remove(); });
      mine.evidence.forEach(function (item) {
        var box = el("input", {type: "checkbox", id: "count-" + item.id, "data-evidence": item.id,
                               "aria-labelledby": "show-" + item.id});
        box.checked = state.accepted[item.id] !== false;
        box.addEventListener("change", function () { kit.setEvidence(item.id, box.checked); });
        var show = el("button", {type: "button", class: "link-button", id: "show-" + item.id, "data-node": item.id},
                      [el("span", {class: "date", text: item.date}), " " + item.title + " ", el("span", {class: "yours-tag", text: "yours"})]);
        show.addEventListener("click", function () { kit.select(item.id); });
        list.appendChild(el("li", {class: "mine-row"}, [box, show]));
      });
    },

    /* Your claims in the outline, on their side, with the evidence they cite. */
    outlineRows: function () {
      Array.prototype.forEach.call(document.querySelectorAll("#outline .mine-row"), function (row) { row.remove(); });
      data.sides.forEach(function (side) {
        var list = document.querySelector('#outline .outline-side[data-node="' + CSS.escape(side.id) + '"] > ul');
        if (!list) { return; }
        side.claims.filter(isOwn).forEach(function (claim) {
          var cited = kit.into.get(claim).map(function (index) { return data.links[index]; }).map(function (link) {
            var node = kit.index.nodes.get(link.from);
            return el("li", {"data-node": link.from, class: "rel-" + link.relation},
                      [link.relation + ": " + node.label]);
          });
          list.appendChild(el("li", {class: "mine-row outline-claim", "data-node": claim}, [
            el("span", {class: "yours-tag", text: "yours"}), " " + data.claims[claim].text,
            cited.length ? el("ul", {}, cited) : null
          ]));
        });
      });
    },

    /* A small marker on every box with a note (drawn on the map canvas). */
    drawMarkers: function (ctx) {
      if (!data.notes || !data.notes.size) { return; }
      var network = kit.view.network;
      ctx.save();
      data.notes.forEach(function (texts, id) {
        if (!state.shown[id] || !kit.index.nodes.has(id)) { return; }
        var box = network.getBoundingBox(id);
        if (!box) { return; }
        var x = box.right - 4;
        var y = box.top + 4;
        ctx.beginPath();
        ctx.arc(x, y, 10, 0, 2 * Math.PI);
        ctx.fillStyle = "#f6c343";
        ctx.strokeStyle = "#5c4500";
        ctx.lineWidth = 1.5;
        ctx.fill();
        ctx.stroke();
        ctx.fillStyle = "#2b2100";
        ctx.font = "bold 12px system-ui, sans-serif";
        ctx.textAlign = "center";
        ctx.textBaseline = "middle";
        ctx.fillText(String(texts.length), x, y + 0.5);
      });
      ctx.restore();
    },

    download: function () {
      var blob = new Blob([text()], {type: "text/yaml;charset=utf-8"});
      var url = URL.createObjectURL(blob);
      var link = el("a", {href: url, download: data.question.id + "-my-map.yaml", hidden: ""});
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 0);
    },

    openFile: function (file) {
      var reader = new FileReader();
      reader.onload = function () {
        try {
          load(String(reader.result));
          say("Opened " + file.name + ": " + $("mine-summary").textContent);
        } catch (error) {
          say("Could not open " + file.name + ", " + error.message + ". Nothing was changed.", true);
        }
      };
      reader.onerror = function () { say("Could not read " + file.name + ". Nothing was changed.", true); };
      reader.readAsText(file);
    },

    startDrop: function () {
      document.addEventListener("dragover", function (event) {
        if (event.dataTransfer && Array.prototype.indexOf.call(event.dataTransfer.types, "Files") >= 0) {
          event.preventDefault();
          event.dataTransfer.dropEffect = "copy";
        }
      });
      document.addEventListener("drop", function (event) {
        if (!event.dataTransfer || !event.dataTransfer.files.length) { return; }
        event.preventDefault();
        kit.panel.show("mine");
        ui.openFile(event.dataTransfer.files[0]);
      });
    }
  };

  /* ---------- start: what this browser kept, before the views draw ---------- */

  merge(mine);
  if (store) {
    var kept = null;
    try { kept = store.getItem(KEY); } catch (error) { kept = null; }
    if (kept) {
      try {
        load(kept);
      } catch (error) {
        // Kept, not lost: the corpus may have changed under it.
        ui.startProblem = "Your kept map no longer fits this map (" + error.message + "). It stays kept " +
          "until you change your map here; Open my map reads a fixed copy.";
      }
    }
  }

  kit.workspace = {text: text, load: load, clear: clear, read: read, isOwn: isOwn};
  kit.views.register("workspace", ui);
  argmap.workspace = {text: text, load: load, clear: clear};
})(window.argmap = window.argmap || {});
