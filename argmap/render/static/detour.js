/* argmap: a reader's own lines, routed round the boxes.
 *
 * Python lays out the course's map and routes its lines so that none runs
 * behind a box it does not belong to (issue 9). The boxes a reader adds go
 * in rows under the map (workspace.js), and a line from one of them up to a
 * course claim, drawn straight, would cross the whole evidence block behind
 * its boxes. The page has no Python, so each added line is routed here:
 *
 * - on the grid made by every box's edges kept a clearance away, plus the
 *   middles between them (a Hanan grid), so a clear way, when there is one,
 *   is on it;
 * - by A* (Dijkstra guided by the level and upright distance left), with
 *   level and upright runs only; a bend costs as much as BEND units of
 *   line, a run hugging a box a little more than one down the middle of a
 *   channel, and a run along a line already drawn (the course's, or a
 *   reader's line routed before) far more, with grid lines a track beside
 *   each such line, so the route is short, has few bends, keeps off the
 *   boxes and can be told apart from the other lines;
 * - it leaves and enters its boxes upright, as the course's lines do, at a
 *   place on the border clear of the lines already there.
 *
 * Maps of more than LIMIT boxes (no course map is near it) keep straight
 * lines: their grid would be too big to search while a reader types.
 */
(function (argmap) {
  "use strict";
  var kit = argmap.kit;

  var CLEARANCE = 3;    // how near a line may pass a box, map units (as the router)
  var BEND = 40;        // a bend costs as much as this much more line
  var HUG = 1.3;        // a unit of line along a box's clearance costs this much
  var MARGIN = 24;      // room round the map's boxes for a way round all of them
  var LIMIT = 200;      // more boxes than this: straight lines
  var ALONG = 10;       // a unit of line on top of a line already drawn costs this much
  var TRACK = 4;        // how far apart two lines run side by side (as the router)
  var NEAR = 3;         // nearer than this, two runs side by side read as one
  var STUB = 20;        // the longest upright run out of or into a box before a turn

  /* Sorted distinct values of [value, hugging] entries; a value is hugging
   * if any entry for it is. */
  function merge(entries) {
    entries.sort(function (a, b) { return a[0] - b[0]; });
    var at = [];
    var hug = [];
    entries.forEach(function (entry) {
      var last = at.length - 1;
      if (last >= 0 && entry[0] - at[last] < 1e-6) { hug[last] = hug[last] || entry[1]; return; }
      at.push(entry[0]);
      hug.push(entry[1]);
    });
    return {at: at, hug: hug};
  }

  /* One axis of the grid: the given values, box edges (hugging), and the
   * middle of every channel between two of them, where a line keeps off both. */
  function axis(values, edges) {
    var entries = values.map(function (v) { return [v, false]; })
      .concat(edges.map(function (v) { return [v, true]; }));
    var first = merge(entries.slice());
    for (var i = 0; i + 1 < first.at.length; i++) { entries.push([(first.at[i] + first.at[i + 1]) / 2, false]); }
    return merge(entries);
  }

  /* The first index whose value is more than v (values sorted). */
  function above(values, v) {
    var lo = 0;
    var hi = values.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (values[mid] > v + 1e-6) { hi = mid; } else { lo = mid + 1; }
    }
    return lo;
  }

  /* A small binary heap of [cost, state]. */
  function Heap() { this.items = []; }
  Heap.prototype.push = function (cost, stateIndex) {
    var items = this.items;
    items.push([cost, stateIndex]);
    for (var i = items.length - 1; i > 0;) {
      var parent = (i - 1) >> 1;
      if (items[parent][0] <= items[i][0]) { break; }
      var swap = items[parent]; items[parent] = items[i]; items[i] = swap;
      i = parent;
    }
  };
  Heap.prototype.pop = function () {
    var items = this.items;
    var top = items[0];
    var last = items.pop();
    if (items.length) {
      items[0] = last;
      for (var i = 0; ;) {
        var l = 2 * i + 1;
        var r = l + 1;
        var least = i;
        if (l < items.length && items[l][0] < items[least][0]) { least = l; }
        if (r < items.length && items[r][0] < items[least][0]) { least = r; }
        if (least === i) { break; }
        var swap = items[least]; items[least] = items[i]; items[i] = swap;
        i = least;
      }
    }
    return top;
  };

  /* Points in a row that lie on one level or upright run, dropped. */
  function simplify(points) {
    var out = [];
    points.forEach(function (p) {
      var n = out.length;
      if (n && Math.abs(out[n - 1][0] - p[0]) < 1e-6 && Math.abs(out[n - 1][1] - p[1]) < 1e-6) { return; }
      if (n >= 2) {
        var a = out[n - 2];
        var b = out[n - 1];
        if ((Math.abs(a[0] - b[0]) < 1e-6 && Math.abs(b[0] - p[0]) < 1e-6) ||
            (Math.abs(a[1] - b[1]) < 1e-6 && Math.abs(b[1] - p[1]) < 1e-6)) { out[n - 1] = p; return; }
      }
      out.push(p);
    });
    return out;
  }

  /* Where the lines already drawn run level or upright: for each kind, the
   * runs [at, from, to] sorted by where they are (a height, or an x), so a
   * step can ask whether it would lie along one (nearer than NEAR and
   * overlapping it), which a reader could not tell apart. */
  function Runs(lines) {
    this.level = [];
    this.upright = [];
    for (var n = 0; n < (lines || []).length; n++) {
      var points = lines[n];
      for (var k = 0; k + 1 < points.length; k++) {
        var p = points[k];
        var q = points[k + 1];
        if (Math.abs(p[1] - q[1]) < 1e-6) { this.level.push([p[1], Math.min(p[0], q[0]), Math.max(p[0], q[0])]); }
        else if (Math.abs(p[0] - q[0]) < 1e-6) { this.upright.push([p[0], Math.min(p[1], q[1]), Math.max(p[1], q[1])]); }
      }
    }
    var byPlace = function (a, b) { return a[0] - b[0]; };
    this.level.sort(byPlace);
    this.upright.sort(byPlace);
  }
  /* The first run at or past ``at`` (runs sorted). */
  function firstRun(runs, at) {
    var lo = 0;
    var hi = runs.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (runs[mid][0] < at) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }
  Runs.prototype.along = function (runs, at, a, b) {
    var lo = Math.min(a, b);
    var hi = Math.max(a, b);
    for (var k = firstRun(runs, at - NEAR + 1e-6); k < runs.length && runs[k][0] < at + NEAR - 1e-6; k++) {
      if (Math.min(hi, runs[k][2]) - Math.max(lo, runs[k][1]) > 1) { return true; }
    }
    return false;
  };
  /* Values a track either side of every run near a grid line (``at``
   * sorted), so a line can run beside it instead of along it. */
  Runs.prototype.beside = function (runs, at) {
    var out = [];
    runs.forEach(function (run) {
      var k = above(at, run[0] - NEAR);
      if (k < at.length && at[k] < run[0] + NEAR) { out.push(run[0] - TRACK, run[0] + TRACK); }
    });
    return out;
  };

  /* The line from box ``source`` to box ``target`` (ids in ``boxes``, a
   * table of {x, y, width, height}, centres), round every box, and beside,
   * not along, the ``taken`` lines (lists of [x, y] points): a list of
   * points from the one's border to the other's, leaving and entering
   * upright, as near the ``ports`` (offsets from each box's centre, so that
   * several lines at one box meet it apart) as the lines already there
   * allow. The straight line when the map is too big or no way is clear. */
  function detour(boxes, source, target, taken, ports) {
    var a = boxes[source];
    var b = boxes[target];
    var rise = a.y > b.y ? 1 : -1;  // 1: the line climbs from the source's top to the target's bottom
    ports = ports || [0, 0];
    var ids = Object.keys(boxes);
    var straight = [[a.x + ports[0], a.y - rise * a.height / 2], [b.x + ports[1], b.y + rise * b.height / 2]];
    if (ids.length > LIMIT) { return straight; }
    var rects = ids.map(function (id) {
      var box = boxes[id];
      return [box.x - box.width / 2 - CLEARANCE, box.y - box.height / 2 - CLEARANCE,
              box.x + box.width / 2 + CLEARANCE, box.y + box.height / 2 + CLEARANCE];
    });
    var runs = new Runs(taken);
    // Out of a box's border (at height ``y``, going ``dir``: -1 up, 1 down):
    // a place on the border near its port whose upright run out lies along
    // no line already there, and a turn halfway across the channel (not
    // along a box), at most STUB and at least just outside the clearance,
    // and along no level line already there.
    function outOf(box, port, y, dir) {
      var least = CLEARANCE + 1;
      // How far the line can run from the border at x before it meets a box.
      function freeAt(x) {
        var free = Infinity;
        rects.forEach(function (r) {
          if (r[0] >= x || r[2] <= x) { return; }
          var gap = dir < 0 ? y - r[3] : r[1] - y;
          if (gap > 0) { free = Math.min(free, gap + CLEARANCE); }
        });
        return free;
      }
      function wanted(free) { return Math.max(least, Math.min(STUB, free / 2)); }
      var room = box.width / 2 - 8;
      var x = box.x + port;
      for (var k = 0; k <= 2 * room / TRACK; k++) {
        var shift = (k % 2 ? 1 : -1) * Math.ceil(k / 2) * TRACK;
        if (Math.abs(port + shift) > room) { continue; }
        var tried = box.x + port + shift;
        if (!runs.along(runs.upright, tried, y, y + dir * wanted(freeAt(tried)))) { x = tried; break; }
      }
      var free = freeAt(x);
      var want = wanted(free);
      var most = Math.max(least, Math.min(2 * STUB, free - least));
      var step = want;
      for (var m = 0; m <= 2 * STUB / TRACK; m++) {
        var length = want + (m % 2 ? 1 : -1) * Math.ceil(m / 2) * TRACK;
        if (length < least || length > most) { continue; }
        if (!runs.along(runs.level, y + dir * length, x - STUB, x + STUB)) { step = length; break; }
      }
      return {border: [x, y], turn: [x, y + dir * step]};
    }
    var out = outOf(a, ports[0], a.y - rise * a.height / 2, -rise);
    var into = outOf(b, ports[1], b.y + rise * b.height / 2, rise);
    var start = out.border;
    var end = into.border;
    var from = out.turn;
    var to = into.turn;
    var left = Math.min.apply(null, rects.map(function (r) { return r[0]; }).concat([from[0], to[0]])) - MARGIN;
    var right = Math.max.apply(null, rects.map(function (r) { return r[2]; }).concat([from[0], to[0]])) + MARGIN;
    var top = Math.min.apply(null, rects.map(function (r) { return r[1]; }).concat([from[1], to[1]])) - MARGIN;
    var bottom = Math.max.apply(null, rects.map(function (r) { return r[3]; }).concat([from[1], to[1]])) + MARGIN;
    var xEdges = [].concat.apply([], rects.map(function (r) { return [r[0], r[2]]; }));
    var yEdges = [].concat.apply([], rects.map(function (r) { return [r[1], r[3]]; }));
    var X = axis([from[0], to[0], left, right], xEdges);
    var Y = axis([from[1], to[1], top, bottom], yEdges);
    var besideX = runs.beside(runs.upright, X.at);
    var besideY = runs.beside(runs.level, Y.at);
    if (besideX.length) { X = merge(X.at.map(function (v, k) { return [v, X.hug[k]]; }).concat(besideX.map(function (v) { return [v, false]; }))); }
    if (besideY.length) { Y = merge(Y.at.map(function (v, k) { return [v, Y.hug[k]]; }).concat(besideY.map(function (v) { return [v, false]; }))); }
    var nx = X.at.length;
    var ny = Y.at.length;
    // Blocked: a grid point strictly inside a box's clearance, and the level
    // (right) and upright (down) steps from a grid point that run inside one.
    var point = new Uint8Array(nx * ny);
    var level = new Uint8Array(nx * ny);
    var upright = new Uint8Array(nx * ny);
    rects.forEach(function (r) {
      var i0 = above(X.at, r[0]);           // first x strictly right of the left edge
      var i1 = above(X.at, r[2] - 2e-6);    // first x at or past the right edge
      var j0 = above(Y.at, r[1]);
      var j1 = above(Y.at, r[3] - 2e-6);
      var iEdge = i0 - 1;                    // the x on the left edge (or just left of it)
      var jEdge = j0 - 1;
      for (var j = j0; j < j1; j++) {
        for (var i = Math.max(iEdge, 0); i < i1; i++) {
          if (i >= i0) { point[j * nx + i] = 1; }
          level[j * nx + i] = 1;             // the step from x_i to x_(i+1) lies inside
        }
      }
      for (var i2 = i0; i2 < i1; i2++) {
        for (var j2 = Math.max(jEdge, 0); j2 < j1; j2++) { upright[j2 * nx + i2] = 1; }
      }
    });
    var first = above(Y.at, from[1] - 2e-6) * nx + above(X.at, from[0] - 2e-6);
    var last = above(Y.at, to[1] - 2e-6) * nx + above(X.at, to[0] - 2e-6);
    if (point[first] || point[last]) { return straight; }
    // States: a grid point and whether the line reached it level (0) or upright (1).
    var cost = new Float64Array(nx * ny * 2).fill(Infinity);
    var back = new Int32Array(nx * ny * 2).fill(-1);
    var heap = new Heap();
    cost[first * 2 + 1] = 0;
    // A*: the heap orders states by their cost so far plus the level and
    // upright distance still to go, which no way there can beat.
    var goal = function (node) {
      var i = node % nx;
      return Math.abs(X.at[i] - to[0]) + Math.abs(Y.at[(node - i) / nx] - to[1]);
    };
    heap.push(goal(first), first * 2 + 1);
    function relax(stateIndex, next, dir, length, hugging, along) {
      var here = cost[stateIndex] + (along ? ALONG * (length + TRACK) : length * (hugging ? HUG : 1)) +
        (dir === stateIndex % 2 ? 0 : BEND) +
        (next === last && dir === 0 ? BEND : 0);  // the last step into the box is upright
      var key = next * 2 + dir;
      if (here < cost[key]) { cost[key] = here; back[key] = stateIndex; heap.push(here + goal(next), key); }
    }
    var reached = -1;
    while (heap.items.length) {
      var popped = heap.pop();
      var s = popped[1];
      if (popped[0] > cost[s] + goal(s >> 1) + 1e-9) { continue; }
      var node = s >> 1;
      if (node === last) { reached = s; break; }
      var i = node % nx;
      var j = (node - i) / nx;
      var x = X.at[i];
      var y = Y.at[j];
      if (i + 1 < nx && !level[node] && !point[node + 1]) {
        relax(s, node + 1, 0, X.at[i + 1] - x, Y.hug[j], runs.along(runs.level, y, x, X.at[i + 1]));
      }
      if (i > 0 && !level[node - 1] && !point[node - 1]) {
        relax(s, node - 1, 0, x - X.at[i - 1], Y.hug[j], runs.along(runs.level, y, x, X.at[i - 1]));
      }
      if (j + 1 < ny && !upright[node] && !point[node + nx]) {
        relax(s, node + nx, 1, Y.at[j + 1] - y, X.hug[i], runs.along(runs.upright, x, y, Y.at[j + 1]));
      }
      if (j > 0 && !upright[node - nx] && !point[node - nx]) {
        relax(s, node - nx, 1, y - Y.at[j - 1], X.hug[i], runs.along(runs.upright, x, y, Y.at[j - 1]));
      }
    }
    if (reached < 0) { return straight; }
    var path = [];
    for (var k = reached; k >= 0; k = back[k]) {
      var at = k >> 1;
      path.push([X.at[at % nx], Y.at[Math.floor(at / nx)]]);
    }
    path.reverse();
    return simplify([start].concat(path, [end]));
  }

  kit.detour = detour;
})(window.argmap);
