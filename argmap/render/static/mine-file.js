/* argmap: a reader's own map as a corpus file, read and written in the page.
 *
 * The file format is docs/format.md's, the part a student's file uses:
 * `evidence` (with `links`), `claims` (with `sides` and `evidence`),
 * `notes` and `weights`. read() checks a file against the map it is opened
 * on as `argmap check --add` would, and refuses it with the line of its first
 * fault; write() gives the text "Download my map" saves. YAML is read with
 * js-yaml (vendor/js-yaml.min.js); what it writes is YAML 1.2 core schema,
 * where `yes` and `no` stay text as in the Python loader. Pure functions: no DOM.
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit;
  var yaml = window.jsyaml;

  /* docs/format.md's words. */
  var WEIGHTS = new Map([["weak", 0.25], ["moderate", 0.5], ["strong", 0.75]]);
  var STANCES = ["supports", "undermines"];
  var KINDS = ["event", "treaty", "policy", "speech", "document", "statistic", "quotation"];
  var ID = /^[a-z0-9][a-z0-9-]*$/;
  var DAY = "\\d{4}(?:-\\d{2}(?:-\\d{2})?)?";
  var DATE = new RegExp("^(" + DAY + ")(?:/(" + DAY + "))?$");

  // Every field a student's file holds is text, and the loader reads a plain
  // scalar in a text field as the text written (`title: 1.50` is "1.50",
  // `yes` stays "yes"): so only null is resolved, and all else stays text.
  var READ_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({implicit: [yaml.types["null"]]});

  function empty() { return {notes: [], evidence: [], claims: [], weights: []}; }

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
  function clean(text) { return text.replace(/\s+/g, " ").trim(); }

  // A part of a source that is a class's own notes, or a remark on checking
  // (argmap.plan.words._NOT_CITABLE).
  var NOT_CITABLE = /\bclass notes\b|^notes? \d|\bas checked\b|\(checked\)/i;

  /* The published part of a source (argmap.plan.words.citable). */
  function citable(source) {
    var kept = clean(source).split(";").map(clean).filter(function (part) {
      return part && !NOT_CITABLE.test(part);
    });
    return kept.join("; ") || "find a published source";
  }

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
    var first = start[0];
    var last = end[1];
    var after = first[0] !== last[0] ? first[0] > last[0] : first[1] !== last[1] ? first[1] > last[1] : first[2] > last[2];
    if (after) { return "bad date '" + date + "': the range starts after it ends"; }
    return [start[0], end[1]];
  }

  /* ---------- reading a file of additions ---------- */

  /* A fault in a file: the message carries the line, for the reader. */
  function Fault(line, message) {
    var error = new Error("line " + line + ": " + message);
    error.line = line;
    return error;
  }

  /* Parse YAML 1.2 (plain scalars stay the text written) and note the line of
   * every mapping and list, so each later fault can name its line. */
  function parse(text) {
    var lines = new WeakMap();
    var open = [];
    var doc;
    try {
      doc = yaml.load(text, {schema: READ_SCHEMA, listener: function (event, st) {
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
  function read(text, course) {
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
    course.nodes.forEach(function (node) { known[node.id] = node.kind; });
    course.schools.forEach(function (school) { known[school.id] = "school"; });

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
    course.links.forEach(function (link) { linked.add(link.from + "\u0000" + link.to); });
    m.evidence.forEach(function (item) {
      var seen = new Set();
      item.links.forEach(function (link) {
        if (!wantClaim(link.claim, link.line)) { return; }
        if (seen.has(link.claim)) { fault(link.line, "evidence '" + item.id + "' is linked to claim '" + link.claim + "' twice"); }
        seen.add(link.claim);
        linked.add(item.id + "\u0000" + link.claim);
      });
    });
    var sides = new Set(course.sides.map(function (s) { return s.id; }));
    m.claims.forEach(function (claim) {
      claim.sides.forEach(function (side) {
        if (!sides.has(side)) { fault(claim.sidesLine, "unknown side '" + side + "' (this map's sides: " + Array.from(sides).join(", ") + ")"); }
      });
      if (new Set(claim.sides).size !== claim.sides.length) { fault(claim.sidesLine, "claim '" + claim.id + "' names a side twice"); }
      else if (claim.sides.length > 1) { fault(claim.sidesLine, "claim '" + claim.id + "' is on two sides of one question: a claim sits on at most one"); }
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

  /* The text of a file holding the additions `m`, for question `question`. */
  function write(m, question) {
    var out = {};
    if (m.evidence.length) {
      out.evidence = m.evidence.map(function (e) {
        var item = Object.assign({}, e);
        if (!item.links.length) { delete item.links; }
        if (item.tags && !item.tags.length) { delete item.tags; }
        return item;
      });
    }
    if (m.claims.length) {
      out.claims = m.claims.map(function (c) {
        var claim = Object.assign({}, c);
        if (!claim.sides.length) { delete claim.sides; }
        if (!claim.evidence.length) { delete claim.evidence; }
        return claim;
      });
    }
    if (m.notes.length) { out.notes = m.notes; }
    if (m.weights.length) { out.weights = m.weights; }
    var head = "# argmap: my own map for question " + question +
      "\n# See it with: argmap build --add THIS-FILE --out my-map/\n";
    return head + (Object.keys(out).length ? yaml.dump(out, {schema: yaml.CORE_SCHEMA, lineWidth: -1, noRefs: true}) : "");
  }

  kit.mineFile = {
    WEIGHTS: WEIGHTS, KINDS: KINDS, empty: empty, count: count, read: read, write: write,
    dateBounds: dateBounds, daysIn: daysIn, short: short, claimLabel: claimLabel, clean: clean, citable: citable
  };
})(window.argmap = window.argmap || {});
