// The report's inline script: draws the campaign timeline and the activity raster as SVG from
// the embedded JSON. Kept as plain ES2017 text (not compiled TS) so the page needs nothing
// else; every string from the data reaches the page through textContent or attributes only.
export const REPORT_SCRIPT = `(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('hw-data').textContent);
  var NS = 'http://www.w3.org/2000/svg';
  var HOUR = 3600000, DAY = 24 * HOUR;
  // The timeline and the raster share one x scale, so a campaign's bar sits over its accounts' rows.
  var GUTTER = 168, RIGHT = 176;

  function svgEl(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    for (var k in attrs) node.setAttribute(k, String(attrs[k]));
    if (parent) parent.appendChild(node);
    return node;
  }
  function text(parent, x, y, value, cls, anchor) {
    var t = svgEl('text', { x: x, y: y, 'text-anchor': anchor || 'start' }, parent);
    if (cls) t.setAttribute('class', cls);
    t.textContent = value;
    return t;
  }
  // FNV-1a, the same on every machine, so a template keeps its colour across reports.
  function hash(s) {
    var h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193) >>> 0; }
    // Final avalanche: ids that differ only at the end should still land far apart in hue.
    h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b); h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35); h ^= h >>> 16;
    return h >>> 0;
  }
  function colour(template) {
    if (template === null) return '#8a92a0';
    var h = hash(template);
    return 'hsl(' + (h % 360) + ',' + (58 + (h >>> 9) % 18) + '%,' + (38 + (h >>> 17) % 14) + '%)';
  }
  function iso(ms) { return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + 'Z'; }
  function plural(n, word) { return n.toLocaleString('en-US') + ' ' + word + (n === 1 ? '' : 's'); }
  function span(ms) {
    if (ms < HOUR) return Math.max(1, Math.round(ms / 60000)) + ' min';
    if (ms < 2 * DAY) return (ms / HOUR).toFixed(ms < 10 * HOUR ? 1 : 0) + ' h';
    return (ms / DAY).toFixed(1) + ' days';
  }

  function scaleFor(width) {
    var plot = Math.max(120, width - GUTTER - RIGHT);
    var range = Math.max(1, data.endMs - data.startMs);
    return { plot: plot, x: function (ms) { return GUTTER + ((ms - data.startMs) / range) * plot; } };
  }
  // Ticks on UTC boundaries, spaced so labels never collide.
  function axis(g, scale, top, height) {
    var steps = [6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 91 * DAY];
    var range = data.endMs - data.startMs, step = steps[steps.length - 1];
    for (var i = 0; i < steps.length; i++) if ((steps[i] / range) * scale.plot >= 78) { step = steps[i]; break; }
    for (var t = Math.ceil(data.startMs / step) * step; t <= data.endMs; t += step) {
      var x = scale.x(t);
      svgEl('line', { x1: x, x2: x, y1: top, y2: top + height, stroke: '#eceef2' }, g);
      var label = step < DAY ? iso(t).slice(5, 16) : iso(t).slice(0, 10);
      text(g, x + 3, top - 4, label, '', 'start');
    }
  }
  function releases(g, scale, top, height, labelled) {
    data.releases.forEach(function (r) {
      if (r.ms < data.startMs || r.ms > data.endMs) return;
      var x = scale.x(r.ms);
      svgEl('line', { x1: x, x2: x, y1: top, y2: top + height, stroke: '#6a4fc7', 'stroke-width': 1.5, 'stroke-dasharray': '4 3', class: 'release' }, g);
      if (labelled) text(g, x, top - 4, 'release ' + r.model, 'strong', 'middle').setAttribute('fill', '#6a4fc7');
    });
  }
  function tooltip(container) {
    var tip = document.createElement('div');
    tip.className = 'tip';
    container.appendChild(tip);
    return {
      show: function (lines, ev) {
        tip.textContent = '';
        lines.forEach(function (line, i) {
          var d = document.createElement('div');
          if (i === 0) d.className = 'mono';
          d.textContent = line;
          tip.appendChild(d);
        });
        var box = container.getBoundingClientRect();
        var x = ev.clientX - box.left + 14, y = ev.clientY - box.top + 14;
        tip.style.display = 'block';
        if (x + tip.offsetWidth > box.width) x = Math.max(0, ev.clientX - box.left - tip.offsetWidth - 10);
        tip.style.left = x + 'px';
        tip.style.top = y + 'px';
      },
      hide: function () { tip.style.display = 'none'; }
    };
  }

  function drawTimeline() {
    var box = document.getElementById('timeline');
    if (!box) return;
    box.textContent = '';
    var bars = data.timeline;
    if (bars.length === 0) { box.innerHTML = '<p class="empty">No campaigns were found.</p>'; return; }
    // Release labels sit in their own line above the date axis so the two never collide.
    var width = box.clientWidth, rowH = 22, top = data.releases.length > 0 ? 46 : 24, height = bars.length * rowH;
    var scale = scaleFor(width);
    var svg = svgEl('svg', { width: width, height: top + height + 8, role: 'img', 'aria-label': 'Campaign timeline' }, box);
    axis(svg, scale, top, height);
    releases(svg, scale, top - 18, height + 18, true);
    var tip = tooltip(box);
    bars.forEach(function (b, i) {
      var y = top + i * rowH, mid = y + rowH / 2;
      var g = svgEl('g', { class: 'timeline-bar' }, svg);
      var link = svgEl('a', { href: '#campaign-' + b.rank }, g);
      text(link, 8, mid + 4, '#' + b.rank, '', 'start');
      text(link, 36, mid + 4, b.id, 'id strong', 'start');
      text(g, GUTTER - 10, mid + 4, b.score.toFixed(2), 'strong', 'end');
      var x0 = scale.x(b.firstMs), x1 = Math.max(scale.x(b.lastMs), x0 + 2), c = colour(b.template);
      var xd = b.detectedMs === null ? null : Math.min(Math.max(scale.x(b.detectedMs), x0), x1);
      // Before detection the campaign ran unseen: drawn pale, so the latency reads at a glance.
      svgEl('rect', { x: x0, y: mid - 5, width: x1 - x0, height: 10, rx: 2, fill: c, 'fill-opacity': 0.28 }, g);
      if (xd !== null) {
        svgEl('rect', { x: xd, y: mid - 5, width: Math.max(1, x1 - xd), height: 10, rx: 2, fill: c }, g);
        svgEl('path', { d: 'M' + xd + ' ' + (mid - 8) + 'l4 4-4 4-4-4z', fill: '#1b2130', class: 'detected' }, g);
      }
      var note = plural(b.accounts, 'account') + (b.banned > 0 ? ' · ' + b.banned + ' banned' : '');
      var counts = text(g, GUTTER + scale.plot + 10, mid + 4, plural(b.accounts, 'account'), '', 'start');
      if (b.banned > 0) {
        var banned = svgEl('tspan', { fill: '#c2352b' }, counts);
        banned.textContent = ' · ' + b.banned.toLocaleString('en-US') + ' banned';
      }
      var hit = svgEl('rect', { x: GUTTER, y: y, width: scale.plot, height: rowH, fill: 'transparent' }, g);
      hit.addEventListener('mousemove', function (ev) {
        tip.show([b.id, 'first seen ' + iso(b.firstMs), b.detectedMs === null ? 'detection time unknown'
          : 'detected ' + iso(b.detectedMs) + ' (' + span(b.detectedMs - b.firstMs) + ' after first request)',
          'last seen ' + iso(b.lastMs), note], ev);
      });
      hit.addEventListener('mouseleave', tip.hide);
    });
  }

  function drawRaster() {
    var box = document.getElementById('raster');
    if (!box) return;
    box.textContent = '';
    var groups = data.groups.filter(function (g) { return g.rows.length > 0; });
    var rows = 0;
    groups.forEach(function (g) { rows += g.rows.length; });
    if (rows === 0) { box.innerHTML = '<p class="empty">No account activity to draw.</p>'; return; }
    var width = box.clientWidth, headH = 20, top = 22;
    var rowH = Math.max(4, Math.min(14, Math.floor(620 / rows)));
    var height = groups.length * headH + rows * rowH;
    var scale = scaleFor(width);
    var cellW = scale.plot / data.columns, gap = cellW > 5 ? 1 : 0;
    var svg = svgEl('svg', { width: width, height: top + height + 6, role: 'img', 'aria-label': 'Account activity raster' }, box);
    axis(svg, scale, top, height);
    var full = Math.log1p(data.fullCell);
    var lookup = [];
    var y = top;
    groups.forEach(function (group) {
      var shown = group.rows.length;
      var title = group.kind === 'contrast'
        ? 'Not flagged, for contrast: the ' + plural(shown, 'busiest account') + ' of ' + group.total.toLocaleString('en-US')
        : group.label + ' · ' + plural(group.total, 'account') + (shown < group.total ? ' (' + shown + ' shown)' : '');
      svgEl('line', { x1: 0, x2: width, y1: y + 0.5, y2: y + 0.5, stroke: '#c9ced6' }, svg);
      text(svg, 2, y + 14, title, 'group', 'start');
      y += headH;
      group.rows.forEach(function (row) {
        var g = svgEl('g', { class: 'raster-row' + (group.kind === 'contrast' ? ' contrast' : '') }, svg);
        if (rowH >= 10) text(g, GUTTER - 8, y + rowH - 2, row.id.length > 24 ? row.id.slice(0, 23) + '…' : row.id, 'id', 'end');
        if (row.banned) svgEl('rect', { x: GUTTER - 5, y: y + 1, width: 3, height: Math.max(2, rowH - 2), fill: '#c2352b' }, g);
        var fill = colour(row.template);
        row.cells.forEach(function (n, i) {
          if (n === 0) return;
          var col = row.offset + i;
          svgEl('rect', { x: GUTTER + col * cellW, y: y, width: Math.max(1, cellW - gap), height: Math.max(1, rowH - (rowH > 5 ? 1 : 0)),
            fill: fill, 'fill-opacity': (0.15 + 0.85 * Math.min(1, Math.log1p(n) / full)).toFixed(2) }, g);
        });
        if (row.flaggedMs !== null) {
          var fx = scale.x(row.flaggedMs);
          svgEl('rect', { x: fx - 1, y: y - 0.5, width: 2, height: rowH, fill: '#1b2130', class: 'flag-mark' }, g);
        }
        lookup.push({ y0: y, y1: y + rowH, row: row, group: group });
        y += rowH;
      });
    });
    releases(svg, scale, top, height, false);
    legend(groups);
    var tip = tooltip(box);
    svg.addEventListener('mousemove', function (ev) {
      var r = svg.getBoundingClientRect(), py = ev.clientY - r.top, px = ev.clientX - r.left;
      var hit = null;
      for (var i = 0; i < lookup.length; i++) if (py >= lookup[i].y0 && py < lookup[i].y1) { hit = lookup[i]; break; }
      if (!hit || px < GUTTER) { tip.hide(); return; }
      var col = Math.floor((px - GUTTER) / cellW), row = hit.row;
      var n = col >= row.offset && col < row.offset + row.cells.length ? row.cells[col - row.offset] : 0;
      var from = data.startMs + col * data.columnMs;
      tip.show([row.id, iso(from) + ' – ' + iso(from + data.columnMs).slice(11), plural(n, 'request') + ' in this slot; ' + plural(row.requests, 'request') + ' in all',
        'template ' + (row.template === null ? 'none' : row.template),
        row.flaggedMs !== null ? 'flagged ' + iso(row.flaggedMs) + (row.banned ? ' · banned' : '') : row.banned ? 'banned' : 'not flagged'], ev);
    });
    svg.addEventListener('mouseleave', tip.hide);
  }

  function legend(groups) {
    var box = document.getElementById('raster-legend');
    if (!box) return;
    box.textContent = '';
    var counts = {};
    groups.forEach(function (g) { g.rows.forEach(function (r) { if (r.template !== null) counts[r.template] = (counts[r.template] || 0) + 1; }); });
    var keys = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; });
    keys.slice(0, 10).forEach(function (k) {
      var item = document.createElement('span');
      var sw = document.createElement('span');
      sw.className = 'sw';
      sw.style.background = colour(k);
      var label = document.createElement('span');
      label.className = 'mono';
      label.textContent = (k.length > 26 ? k.slice(0, 25) + '…' : k) + ' ';
      var count = document.createElement('span');
      count.textContent = '(' + plural(counts[k], 'row') + ')';
      item.appendChild(sw); item.appendChild(label); item.appendChild(count);
      box.appendChild(item);
    });
    if (keys.length > 10) {
      var more = document.createElement('span');
      more.textContent = '+ ' + (keys.length - 10) + ' more templates';
      box.appendChild(more);
    }
  }

  function draw() { drawTimeline(); drawRaster(); }
  draw();
  var pending = 0, lastWidth = document.body.clientWidth;
  window.addEventListener('resize', function () {
    if (document.body.clientWidth === lastWidth) return;
    lastWidth = document.body.clientWidth;
    clearTimeout(pending);
    pending = setTimeout(draw, 150);
  });
})();
`;
